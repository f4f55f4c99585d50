"""Round 29, issue 10: a run's document workers boot while Prefect's server does, not after it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows import processes


@pytest.fixture(autouse=True)
def _no_workers_left():
    yield
    processes.stop_document_workers()


def test_document_workers_boot_before_the_first_document():
    """Regression: document_workers_started_after_prefect_server (the pool started its processes only when the flow
    handed it the first file, after the run's server had booted with one core idle)."""
    pool = processes.start_document_workers(2, None)
    started = {p.pid for p in pool._processes.values()}
    assert len(started) == 2
    pids = {processes.submit_document(2, None, 0, os.getpid).result(timeout=60) for _ in range(4)}
    assert pids <= started


class _ServerWaited(Exception):
    pass


def _run(tmp_path: Path, monkeypatch, *options: str) -> list[str]:
    """Run the CLI until it waits for its Prefect server; what it did by then, in order."""
    from flows.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "trial.pdf").write_bytes(b"%PDF-1.4 a stand-in: the run stops before reading it\n")
    calls: list[str] = []

    class Server:
        def wait_ready(self, _timeout: float) -> None:
            calls.append("wait for the server")
            raise _ServerWaited

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr("flows.cli.adopt_running_local_server", lambda: None)
    monkeypatch.setattr("flows.cli.launch_run_server", Server)
    monkeypatch.setattr("flows.cli.start_document_workers", lambda count, _settings: calls.append(f"{count} workers"))
    assert main(["run", "--corpus", str(corpus), "--warehouse", str(tmp_path / "w.duckdb"), *options]) != 0
    return calls


def test_a_run_with_files_to_read_starts_its_workers_before_waiting_for_its_server(tmp_path, monkeypatch):
    assert _run(tmp_path, monkeypatch) == ["2 workers", "wait for the server"]


def test_a_dask_run_starts_no_document_workers(tmp_path, monkeypatch):
    assert _run(tmp_path, monkeypatch, "--runner", "dask") == ["wait for the server"]
