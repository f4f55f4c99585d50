"""`evidence run` over a corpus whose PDFs sit in a symlinked folder reads them (it used to skip them silently)."""
from __future__ import annotations

import os

import duckdb
import pytest

from flows.cli import main

pytestmark = pytest.mark.slow


def test_run_reads_pdfs_in_a_symlinked_folder(tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.symlink(elsewhere, corpus / "linked")
    warehouse = tmp_path / "w.duckdb"
    assert main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse), "--quiet"]) == 0
    assert "documents:        1" in capsys.readouterr().out
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select path, status from documents").fetchall() == [(str(elsewhere / "broken.pdf"), "corrupt")]
    finally:
        con.close()
