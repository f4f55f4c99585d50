"""Round 23, issue 10 (peak memory at 1,000 documents): a run of several batches lets its document workers go once it
has read its last file, so its last load and the Table 1 sync do not run beside them; the flow process gives the heap's
free pages back after each batch; bench/memory_probe.py labels the run's processes."""
from __future__ import annotations

import duckdb
import pytest

from flows import pipeline, processes
from schemas.settings import PipelineSettings, RunSettings
from tests.fixtures.make_pdfs import one_sentence_trial_pdf


def test_only_a_run_of_several_batches_on_document_workers_releases_them():
    local = PipelineSettings()
    assert not pipeline.releases_workers(local, 1)  # a one-batch run keeps them warm for the next run in the process
    assert pipeline.releases_workers(local, pipeline.RELEASE_WORKERS_FROM_BATCHES)
    dask = PipelineSettings(run=RunSettings(runner="dask"))
    assert not pipeline.releases_workers(dask, 40)  # Dask workers are the cluster's, not the run's


def _square(x: int) -> int:
    return x * x


def test_released_document_workers_exit_and_the_next_run_gets_new_ones():
    pool = processes.document_workers(1)
    assert pool.submit(_square, 3).result(timeout=60) == 9
    workers = list(pool._processes.values())
    assert processes.release_document_workers()
    assert all(not w.is_alive() for w in workers)
    assert not processes.release_document_workers()  # nothing left to release
    again = processes.document_workers(1)
    try:
        assert again is not pool and again.submit(_square, 4).result(timeout=60) == 16
    finally:
        processes.stop_document_workers()


def test_return_free_memory_trims_the_heap_where_glibc_has_malloc_trim(monkeypatch):
    calls = []

    class Libc:
        def malloc_trim(self, pad):
            calls.append(pad)
            return 1

    monkeypatch.setattr(processes, "_LIBC", Libc())
    processes.return_free_memory()
    assert calls == [0]
    monkeypatch.setattr(processes, "_LIBC", None)  # not Linux: nothing to call
    processes.return_free_memory()
    monkeypatch.setattr(processes, "_LIBC", object())  # a libc without malloc_trim (musl)
    processes.return_free_memory()
    assert calls == [0]


def _config(tmp_path, name: str, batch_documents: int):
    path = tmp_path / f"{name}.toml"
    path.write_text(f'[ingest]\nworkers = 1\ncache_dir = "{tmp_path / "cache"}"\n[extract]\nuse_ner = false\n'
                    f'[validate]\ndata_docs = false\nreports_dir = "{tmp_path / "reports"}"\n'
                    f'[run]\nbatch_documents = {batch_documents}\n', encoding="utf-8")
    return path


def _rows(warehouse, sql):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return sorted(con.execute(sql).fetchall())
    finally:
        con.close()


@pytest.mark.slow
def test_a_run_in_batches_releases_its_workers_after_the_last_read_and_loads_the_same_rows(tmp_path, capsys,
                                                                                          monkeypatch):
    from flows.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("alpha", "beta", "gamma"):
        one_sentence_trial_pdf(corpus / f"{name}.pdf", trial=name.upper())
    released = []
    real_release = pipeline.release_document_workers
    monkeypatch.setattr(pipeline, "release_document_workers", lambda: released.append(True) or real_release())
    try:
        assert main(["--config", str(_config(tmp_path, "one", 10)), "run", "--corpus", str(corpus), "--warehouse",
                     str(tmp_path / "one.duckdb")]) == 0, capsys.readouterr().err
        assert released == [] and processes._pool is not None  # one batch: the workers stay for the next run
        assert main(["--config", str(_config(tmp_path, "two", 2)), "run", "--corpus", str(corpus), "--warehouse",
                     str(tmp_path / "two.duckdb")]) == 0, capsys.readouterr().err
        assert released == [True] and processes._pool is None  # two batches: gone before the last load and sync
    finally:
        processes.stop_document_workers()
    for sql in ("select doc, trial, endpoint, arm, value, statistic, page from v_evidence",
                "select file_name, status, table1_status from documents",
                "select trial, status from v_table1_sync"):
        assert _rows(tmp_path / "one.duckdb", sql) == _rows(tmp_path / "two.duckdb", sql)
    assert _rows(tmp_path / "two.duckdb", "select status, n_documents from runs") == [("completed", 3)]


def test_memory_probe_labels_each_process_by_its_place_in_the_run_tree():
    from bench.memory_probe import label

    class Proc:
        def __init__(self, pid, ppid, cmdline):
            self.pid, self._ppid, self._cmdline = pid, ppid, cmdline

        def cmdline(self):
            return self._cmdline.split()

        def ppid(self):
            return self._ppid

    forkserver = "python -B -c from multiprocessing.forkserver import main; main(15, 16)"
    tree = [Proc(10, 1, "python -m flows.cli run"), Proc(11, 10, "python -m uvicorn prefect.server.api.server"),
            Proc(12, 10, "python -B -c from multiprocessing.resource_tracker import main"),
            Proc(13, 10, forkserver), Proc(14, 13, forkserver), Proc(15, 14, forkserver), Proc(16, 15, forkserver)]
    labels: dict[int, str] = {}
    for proc in tree:
        labels[proc.pid] = label(proc, 10, labels)
    assert labels == {10: "flow", 11: "prefect-server", 12: "resource-tracker", 13: "forkserver",
                      14: "document-worker", 15: "parse-forkserver", 16: "parse-worker"}


def test_memory_probe_report_names_the_tree_peak_and_who_held_it():
    from bench.memory_probe import report

    result = {"returncode": 0, "seconds": 12.0, "tree_peak_mb": 900, "tree_peak_at_s": 8.0,
              "processes": {"flow": [{"pid": 10, "peak_mb": 500, "at_s": 8.0}],
                            "parse-worker": [{"pid": p, "peak_mb": 60 + p, "at_s": float(p)} for p in range(20, 26)]},
              "loads": [{"t": 5.0, "line": "load: w (batch 1 of 2)", "flow_mb": 450},
                        {"t": 8.0, "line": "load: w (batch 2 of 2)", "flow_mb": 470}],
              "samples": [{"t": 8.0, "tree": 900, "10": 500, "25": 85}], "labels": {"10": "flow", "25": "parse-worker"},
              "stderr_tail": [], "warehouse_notes": []}
    text = report(result)
    assert "tree peak 900 MB at 8.0 s" in text
    assert "parse-worker      6 processes, highest peak    85 MB at   25.0 s" in text
    assert "at the tree's peak (MB): flow 500, parse-worker 85" in text
    assert "at each load line (MB): 450 470" in text
