"""What `evidence run` says when it fails or is stopped is checked against the warehouse, so it is true."""
from __future__ import annotations

from datetime import datetime

from flows.run_outcome import failure_message
from warehouse import load, migrate


def _warehouse_with_run(path, run_id: str):
    con = migrate.connect(path)
    migrate.ensure_schema(con)
    load.write_run(con, load.RunRecord(run_id=run_id, started_at=datetime(2026, 1, 1), status="completed"))
    con.close()


def test_failure_after_the_commit_does_not_claim_nothing_was_written(tmp_path):
    # regression: any failure said "nothing from this run was written", even after the run had been committed
    path = tmp_path / "w.duckdb"
    _warehouse_with_run(path, "run-a")
    message = failure_message(RuntimeError("sync failed"), path, ["run-a"])
    assert message.startswith("run failed after run run-a was committed")
    assert "nothing" not in message


def test_failure_before_the_commit_says_nothing_was_written(tmp_path):
    path = tmp_path / "w.duckdb"
    _warehouse_with_run(path, "run-earlier")
    message = failure_message(RuntimeError("boom"), path, ["run-b"])
    assert "nothing from this run was written" in message


def test_failure_of_a_run_stopped_between_batches_says_how_far_it_got(tmp_path):
    path = tmp_path / "w.duckdb"
    con = migrate.connect(path)
    migrate.ensure_schema(con)
    load.write_run(con, load.RunRecord(run_id="run-c", started_at=datetime(2026, 1, 1), status="running",
                                       message="batch 1 of 3 committed (25 file(s) read so far); ..."))
    con.close()
    message = failure_message(RuntimeError("boom"), path, ["run-c"])
    assert message == (f"run failed: RuntimeError: boom\nrun run-c is partly in {path}: "
                       "batch 1 of 3 committed (25 file(s) read so far); ...")
