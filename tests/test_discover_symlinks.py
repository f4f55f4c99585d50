"""Corpus discovery follows symlinked folders (each real folder once) instead of skipping them silently."""
from __future__ import annotations

import os
from pathlib import Path

from extractors.pdf.ingest import discover_pdfs


def _pdf(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n")
    return path


def test_symlinked_folder_inside_the_corpus_is_searched(tmp_path):
    """Regression: a symlinked folder under the corpus was skipped without a word."""
    outside = _pdf(tmp_path / "elsewhere" / "deep" / "b.PDF")
    own = _pdf(tmp_path / "corpus" / "a.pdf")
    os.symlink(tmp_path / "elsewhere", tmp_path / "corpus" / "linked")
    assert discover_pdfs([tmp_path / "corpus"]) == sorted([own.resolve(), outside.resolve()], key=str)


def test_symlinked_corpus_folder_itself_is_followed(tmp_path):
    real = _pdf(tmp_path / "real" / "a.pdf")
    os.symlink(tmp_path / "real", tmp_path / "link")
    assert discover_pdfs([tmp_path / "link"]) == [real.resolve()]


def test_symlink_loops_end_and_each_file_is_listed_once(tmp_path):
    pdf = _pdf(tmp_path / "corpus" / "sub" / "a.pdf")
    os.symlink(tmp_path / "corpus", tmp_path / "corpus" / "sub" / "back_to_top")
    os.symlink(tmp_path / "corpus" / "sub", tmp_path / "corpus" / "again")
    assert discover_pdfs([tmp_path / "corpus"]) == [pdf.resolve()]


def test_pattern_without_double_star_stays_in_the_folder(tmp_path):
    top = _pdf(tmp_path / "corpus" / "a.pdf")
    _pdf(tmp_path / "elsewhere" / "b.pdf")
    os.symlink(tmp_path / "elsewhere", tmp_path / "corpus" / "linked")
    assert discover_pdfs([tmp_path / "corpus"], "*.pdf") == [top.resolve()]
