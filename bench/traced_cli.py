"""`evidence` with the flow process's memory traced around each stage (for bench/memory_probe.py --trace FILE).

Usage: EVIDENCE_MEMTRACE=FILE .venv/bin/python bench/traced_cli.py ARGS... (the arguments of `evidence`)
Wraps, in this process only, each batch's check, validation and load and the Table 1 sync, and appends one JSON line
per call to FILE: the process's RSS before and after (MB), Python's allocated blocks, and for the load the DuckDB
buffer manager's view just before the connection closes (duckdb_memory(), database size). With
EVIDENCE_MEMTRACE_TRIM=1 it also calls glibc's malloc_trim(0) after each call and records the RSS it gives back.
"""
from __future__ import annotations

import ctypes
import json
import os
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TRACE = Path(os.environ["EVIDENCE_MEMTRACE"])
TRIM = os.environ.get("EVIDENCE_MEMTRACE_TRIM") == "1"
_PROC = psutil.Process()
_LIBC = ctypes.CDLL("libc.so.6")
_STARTED = time.monotonic()


def _rss() -> float:
    return round(_PROC.memory_info().rss / 2**20, 1)


def _write(entry: dict) -> None:
    with TRACE.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")


def _traced(name: str, function):
    def wrapper(*args, **kwargs):
        entry = {"stage": name, "t": round(time.monotonic() - _STARTED, 1), "rss_before": _rss(),
                 "blocks_before": sys.getallocatedblocks()}
        try:
            return function(*args, **kwargs)
        finally:
            entry.update(rss_after=_rss(), blocks_after=sys.getallocatedblocks(), peak_hwm=_hwm())
            if TRIM:
                _LIBC.malloc_trim(0)
                entry["rss_after_trim"] = _rss()
            _write(entry)
    return wrapper


def _hwm() -> float:
    """VmHWM: the process's peak RSS so far (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _install() -> None:
    from schemas.validate import batch, records
    from warehouse import load, sync

    original_load_run = load.load_run

    def load_run(con, *args, **kwargs):
        before = _rss()
        original_load_run(con, *args, **kwargs)
        memory = con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0"
                             ).fetchall()
        size = con.execute("PRAGMA database_size").fetchone()
        _write({"stage": "load_run (connection open)", "rss_before": before, "rss_in_connection": _rss(),
                "duckdb_memory_mb": {tag: round(b / 2**20, 1) for tag, b in memory},
                "database_size": size[1:6] if size else None})

    load.load_run = load_run
    load.load_run_at = _traced("load", load.load_run_at)
    sync.read_sync_state = _traced("sync", sync.read_sync_state)
    batch.batch_check = _traced("check", batch.batch_check)
    records.validate_records = _traced("validate", records.validate_records)


if __name__ == "__main__":
    _install()
    from flows.cli import main

    sys.exit(main(sys.argv[1:]))
