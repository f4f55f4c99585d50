"""A run stopped between batches leaves its `runs` row 'running'; the next run marks it 'interrupted' (issue 10)."""
from __future__ import annotations

import os
import subprocess
from datetime import datetime

import duckdb
import pytest

from warehouse import migrate
from warehouse.load import RunRecord, load_run, write_run

STARTED = datetime(2026, 1, 1, 12, 0, 0)


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.fixture
def warehouse(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    yield con
    con.close()


def _status(con, run_id: str) -> tuple[str, str]:
    return con.execute("SELECT status, message FROM runs WHERE run_id = ?", [run_id]).fetchone()


def test_regression_run_left_running_by_a_dead_process_is_marked_interrupted_by_the_next_run(warehouse):
    dead = _dead_pid()
    write_run(warehouse, RunRecord("run-stopped", STARTED, status="running", pid=dead, message="batch 1 of 3 committed"))
    load_run(warehouse, RunRecord("run-next", STARTED, status="completed", finished_at=STARTED), [], [], [], [])
    status, message = _status(warehouse, "run-stopped")
    assert status == "interrupted"
    assert message.splitlines() == [
        "batch 1 of 3 committed",
        f"interrupted: its process (pid {dead}) ended before the run completed; found by run run-next"]
    assert _status(warehouse, "run-next")[0] == "completed"


def test_running_rows_of_a_live_process_or_without_a_pid_stay_running(warehouse):
    write_run(warehouse, RunRecord("run-live", STARTED, status="running", pid=os.getpid()))
    write_run(warehouse, RunRecord("run-old", STARTED, status="running", pid=None))
    load_run(warehouse, RunRecord("run-next", STARTED, status="completed", finished_at=STARTED), [], [], [], [])
    assert _status(warehouse, "run-live")[0] == "running"
    assert _status(warehouse, "run-old")[0] == "running"


def test_a_run_records_the_pid_of_its_process(warehouse):
    load_run(warehouse, RunRecord("run-now", STARTED, status="running"), [], [], [], [])
    assert warehouse.execute("SELECT pid FROM runs WHERE run_id = 'run-now'").fetchone() == (os.getpid(),)


def test_runs_status_check_still_refuses_unknown_values(warehouse):
    with pytest.raises(duckdb.ConstraintException, match="CHECK"):
        write_run(warehouse, RunRecord("run-bad", STARTED, status="paused"))
