"""`evidence run --runner dask`: per-document tasks on a Dask LocalCluster, or on a cluster already running."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows import processes, runners
from flows.cli import main
from tests.fixtures.make_pdfs import one_sentence_trial_pdf

pytestmark = pytest.mark.slow


@pytest.fixture
def two_documents(tmp_path):
    """A two-PDF corpus, a config without Data Docs or NER (fast workers), and a warehouse path."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    one_sentence_trial_pdf(corpus / "alpha.pdf", "ALPHA")
    one_sentence_trial_pdf(corpus / "beta.pdf", "BETA")
    config = tmp_path / "pipeline.toml"
    config.write_text(f'[ingest]\ncache_dir = "{tmp_path / "cache"}"\n[extract]\nuse_ner = false\n'
                      f'[validate]\ndata_docs = false\nreports_dir = "{tmp_path / "reports"}"\n')
    return ["--config", str(config), "run", "--quiet", "--corpus", str(corpus),
            "--warehouse", str(tmp_path / "w.duckdb")], tmp_path / "w.duckdb"


@pytest.fixture
def runner_used(monkeypatch):
    """The task runners the runs asked for, recorded as they are made."""
    made, make = [], runners.task_runner_for

    def recording(settings):
        made.append(make(settings))
        return made[-1]

    monkeypatch.setattr(runners, "task_runner_for", recording)
    return made


def _documents_and_records(warehouse: Path) -> tuple[list[tuple], int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return (con.execute("select file_name, status from documents order by file_name").fetchall(),
                con.execute("select count(distinct doc) from v_evidence").fetchone()[0])
    finally:
        con.close()


def test_runner_dask_reads_both_documents_on_a_local_cluster_and_starts_no_local_workers(
        two_documents, runner_used, capsys):
    from prefect_dask import DaskTaskRunner

    processes.stop_document_workers()
    args, warehouse = two_documents
    assert main(args + ["--runner", "dask"]) == 0, capsys.readouterr().err
    assert len(runner_used) == 1 and isinstance(runner_used[0], DaskTaskRunner)
    assert runner_used[0].address is None and runner_used[0].cluster_kwargs["n_workers"] == 2
    assert processes._pool is None, "a dask run must not start the local document workers"
    assert _documents_and_records(warehouse) == ([("alpha.pdf", "parsed"), ("beta.pdf", "parsed")], 2)


def test_dask_address_runs_on_the_cluster_already_running_there(two_documents, runner_used, capsys):
    import dask
    from distributed import LocalCluster

    args, warehouse = two_documents
    with dask.config.set(runners.DASK_WORKER_CONFIG), LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert main(args + ["--dask-address", cluster.scheduler_address]) == 0, capsys.readouterr().err
        assert runner_used[0].address == cluster.scheduler_address
    assert _documents_and_records(warehouse) == ([("alpha.pdf", "parsed"), ("beta.pdf", "parsed")], 2)


def test_sigkill_of_a_dask_run_during_parse_orphans_no_dask_or_parse_process(two_documents):
    import os
    import signal
    import subprocess
    import time

    from tests.conftest import ROOT
    from tests.test_run_signals import EVIDENCE, _assert_all_die, _descendants

    args, _ = two_documents
    run = subprocess.Popen([str(EVIDENCE), *args, "--runner", "dask"], cwd=ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, env={**os.environ, "EVIDENCE_TEST_PAUSE_AT": "parse"})
    try:
        deadline = time.monotonic() + 240
        for line in run.stderr:  # the paused parse worker announces itself on the stderr it inherits
            if "parse: paused" in line or time.monotonic() > deadline:
                break
        children = _descendants(run.pid)
        assert len(children) >= 4  # Prefect's server, the Dask workers, a parse worker
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
    _assert_all_die(children, within=30)
