"""`evidence serve`: a scheduled run of the deployment completes and changes the warehouse; stopping leaves no process."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import psutil
import pytest

from tests.conftest import REVIEW_PDF

pytestmark = pytest.mark.slow


def _completed_runs(warehouse) -> int:
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:  # absent, or locked by the run writing it
        return 0
    try:
        return con.execute("select count(*) from runs where status = 'completed'").fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def _flow_run_processes(serve_pid: int) -> list[psutil.Process]:
    """The processes the runner started to execute flow runs (multiprocessing spawn children)."""
    found = []
    for child in psutil.Process(serve_pid).children(recursive=True):
        try:
            if "multiprocessing.spawn" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


def test_serve_runs_the_scheduled_deployment_once_then_stops_with_every_process_it_started(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(REVIEW_PDF, corpus / REVIEW_PDF.name)
    config = tmp_path / "pipeline.toml"
    config.write_text('[extract]\nuse_ner = false\n'
                      f'[validate]\ndata_docs = false\nreports_dir = "{tmp_path / "reports"}"\n')
    warehouse = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_RUNNER_POLL_FREQUENCY="1",
               PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS="1")
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "--config", str(config), "serve", "--corpus", str(corpus),
         "--warehouse", str(warehouse), "--interval", "3600"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while _completed_runs(warehouse) < 1 and time.monotonic() < deadline and serve.poll() is None:
            started |= {p.pid for p in psutil.Process(serve.pid).children(recursive=True)}
            time.sleep(0.5)
        assert _completed_runs(warehouse) == 1, serve.stderr.read() if serve.poll() is not None else "no run in 120 s"
        while _flow_run_processes(serve.pid) and time.monotonic() < deadline:  # the run reports its end to Prefect
            started |= {p.pid for p in psutil.Process(serve.pid).children(recursive=True)}
            time.sleep(0.5)
        serve.send_signal(signal.SIGTERM)
        _, err = serve.communicate(timeout=60)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
    assert serve.returncode == 0, err
    assert "serving evidence-scheduled-run/scheduled every 3600 s" in err
    assert "evidence serve: stopped" in err
    survivors = _still_running(started, grace_seconds=15)  # children exit just after their parent, not with it
    assert started and survivors == []
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from v_evidence").fetchone()[0] > 100
        assert con.execute("select flow_run_id is not null from runs").fetchall() == [(True,)]
    finally:
        con.close()


def _still_running(pids: set[int], grace_seconds: float) -> list[int]:
    """The pids that are still alive (not zombies) after waiting up to grace_seconds for them to exit."""
    procs = []
    for pid in pids:
        try:
            procs.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(procs, timeout=grace_seconds)
    return [p.pid for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
