"""How an `evidence run` ends when it does not complete: stopped by a signal, or failed, said truly."""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any, NoReturn, Optional, Sequence

from extractors.pdf.worker import stop_workers
from flows.processes import stop_document_workers, stop_prefect_server
from warehouse.migrate import WarehouseError, connect

EXIT_BY_SIGNAL = {signal.SIGINT: 130, signal.SIGTERM: 143}
"""A run stopped by Ctrl-C or SIGTERM exits 128 + the signal number, as shells report it."""


class RunStopped(BaseException):
    """SIGINT or SIGTERM arrived during a run (a BaseException, so no `except Exception` swallows it)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def raise_run_stopped(signum: int, _frame: Any) -> NoReturn:
    """Signal handler: stop the parse and document workers, then unwind the run with RunStopped."""
    stop_workers()  # first, or the task runner's shutdown waits for the parses in flight
    stop_document_workers()
    raise RunStopped(signum)


def committed_runs(warehouse_path: Path, run_ids: Sequence[str]) -> Optional[list[str]]:
    """Which of these runs the warehouse holds, or None when it cannot be read now."""
    try:
        con = connect(warehouse_path, read_only=True, lock_timeout=5)
    except WarehouseError:
        return None
    try:
        placeholders = ", ".join("?" for _ in run_ids) or "NULL"
        return [r for (r,) in con.execute(f"SELECT run_id FROM runs WHERE run_id IN ({placeholders})",
                                          list(run_ids)).fetchall()]
    except Exception:  # noqa: BLE001 - a warehouse without a runs table holds no run
        return []
    finally:
        con.close()


def unfinished_progress(warehouse_path: Path, run_id: str) -> Optional[str]:
    """For a run whose committed `runs` row still says running (loaded in batches, stopped between them): how far it
    got, as that row's message says; None for a completed run or when the warehouse cannot be read."""
    try:
        con = connect(warehouse_path, read_only=True, lock_timeout=5)
    except WarehouseError:
        return None
    try:
        row = con.execute("SELECT status, message FROM runs WHERE run_id = ?", [run_id]).fetchone()
    except Exception:  # noqa: BLE001 - a warehouse without a runs table holds no run
        return None
    finally:
        con.close()
    if not row or row[0] != "running":
        return None
    return (row[1] or "").splitlines()[-1] if row[1] else "some batches"


def stop_run(signum: int, warehouse_path: Path, run_ids: Sequence[str], server: Any) -> NoReturn:
    """Stop the workers and the server, say truly what the warehouse holds of this run, and exit 128 + signum."""
    for sig in EXIT_BY_SIGNAL:
        signal.signal(sig, signal.SIG_IGN)
    stop_workers()
    stop_document_workers()
    committed = committed_runs(warehouse_path, run_ids)
    if committed is None:
        what = f"could not read {warehouse_path} to check what was committed; open it to see its last run"
    elif committed and (progress := unfinished_progress(warehouse_path, committed[-1])):
        what = f"run {committed[-1]} was stopped between batches, in {warehouse_path}: {progress}"
    elif committed:
        what = (f"run {committed[-1]} had been committed to {warehouse_path} before the stop "
                "(its summary was not printed)")
    else:
        what = (f"nothing from this run was committed; {warehouse_path} keeps its last completed run "
                "(parse results are cached, so a re-run reuses them)")
    print(f"evidence run: stopped by {signal.Signals(signum).name}: {what}", file=sys.stderr, flush=True)
    stop_prefect_server(server)
    sys.stdout.flush()
    os._exit(EXIT_BY_SIGNAL[signum])  # task threads may still wait on stopped workers; do not join them


def failure_message(exc: BaseException, warehouse_path: Path, run_ids: Sequence[str]) -> str:
    """What a failed run says, checked against the warehouse: whether anything from it was committed."""
    committed = committed_runs(warehouse_path, run_ids) if run_ids else []
    if committed and (progress := unfinished_progress(warehouse_path, committed[-1])):
        return (f"run failed: {type(exc).__name__}: {exc}\nrun {committed[-1]} is partly in {warehouse_path}: "
                f"{progress}")
    if committed:
        return f"run failed after run {committed[-1]} was committed to {warehouse_path}: {type(exc).__name__}: {exc}"
    if committed is None:
        return f"run failed: {type(exc).__name__}: {exc}\ncould not read {warehouse_path} to check what was committed"
    return f"run failed: {type(exc).__name__}: {exc}\nnothing from this run was written to {warehouse_path}"
