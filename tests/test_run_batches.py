"""A run loads its documents in batches, one commit each: stopped between batches, it keeps what it committed and
says so in its `runs` row; run again, it reads only the files not loaded yet."""
from __future__ import annotations

import signal
import subprocess

import pytest

from tests.conftest import ROOT
from tests.fixtures.make_pdfs import one_sentence_trial_pdf
from tests.fixtures.small_warehouse import query_rows as _rows
from tests.test_run_signals import EVIDENCE, Paused, _assert_all_die

pytestmark = pytest.mark.slow


@pytest.fixture
def three_files_in_batches_of_two(tmp_path):
    """Three one-page PDFs and a config that commits two documents at a time."""
    (tmp_path / "corpus").mkdir()
    for name in ("alpha", "beta", "gamma"):
        one_sentence_trial_pdf(tmp_path / "corpus" / f"{name}.pdf", trial=name.upper())
    (tmp_path / "pipeline.toml").write_text(
        f'[ingest]\ncache_dir = "{tmp_path / "cache"}"\n[extract]\nuse_ner = false\n'
        f'[validate]\ndata_docs = false\nreports_dir = "{tmp_path / "reports"}"\n[run]\nbatch_documents = 2\n')
    return tmp_path, tmp_path / "w.duckdb"


def test_sigterm_between_batches_keeps_the_first_batch_and_a_rerun_reads_only_the_rest(three_files_in_batches_of_two):
    base, warehouse = three_files_in_batches_of_two
    paused = Paused(base, warehouse, "committed")  # after the first batch's commit
    children = paused.descendants()
    paused.proc.send_signal(signal.SIGTERM)
    code, stderr = paused.finish()
    assert code == 143, stderr
    assert "was stopped between batches" in stderr and "batch 1 of 2 committed (2 file(s) read so far)" in stderr
    _assert_all_die(children)
    assert _rows(warehouse, "select status, finished_at is null, n_documents, n_parsed from runs") == [
        ("running", True, 2, 2)]
    assert _rows(warehouse, "select file_name from documents order by 1") == [("alpha.pdf",), ("beta.pdf",)]

    rerun = subprocess.run([str(EVIDENCE), "--config", str(base / "pipeline.toml"), "run", "--corpus",
                            str(base / "corpus"), "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True,
                           text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "2 file(s) unchanged since they were loaded" in rerun.stderr
    assert _rows(warehouse, "select status, n_documents, n_skipped from runs order by started_at") == [
        ("interrupted", 2, 0), ("completed", 3, 2)]  # the rerun finds the stopped run's process gone (issue 10)
    assert _rows(warehouse, "select count(distinct doc) from v_evidence") == [(3,)]
    assert _rows(warehouse, "select path like '%gamma.pdf', count(*) from current_readings group by 1 order by 1") \
        == [(False, 2), (True, 1)]
