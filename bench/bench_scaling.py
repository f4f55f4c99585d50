"""Where a run's CPU goes, per process role, with 1 and 2 document workers: the serial share that bounds scaling.

Usage: .venv/bin/python bench/bench_scaling.py CORPUS [--workdir DIR] [--workers 1 2] [--warm-cache]
Runs `evidence run --full` as a child per worker count (each with an empty parse cache unless --warm-cache, which
parses once first), polls the process tree every 0.2 s, and prints one JSON line per run: wall seconds and the CPU
seconds of each role (flow, Prefect server, document workers, parse workers, forkservers), with the peak resident
memory of the tree and each role's share at that peak. The first line is how
much two busy processes out-do one on the machine at that moment (its other jobs' share of the 2 cores).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
EVIDENCE = [sys.executable, "-m", "flows.cli"]
POLL_SECONDS = 0.2

def _role(proc: psutil.Process, root_pid: int, roles: dict[int, str]) -> str:
    """flow (the run), server (Prefect's), run_forkserver (the run's), document_worker (forked by it), forkserver (a
    document worker's), parse_worker (forked by one), resource_tracker or other; `roles` holds the parents' roles."""
    if proc.pid == root_pid:
        return "flow"
    try:
        cmdline = " ".join(proc.cmdline())
        parent_role = roles.get(proc.ppid(), "other")
    except psutil.Error:
        return "gone"
    if "uvicorn" in cmdline:
        return "server"
    if "resource_tracker" in cmdline:
        return "resource_tracker"
    if "forkserver" not in cmdline:
        return "other"
    return {"flow": "run_forkserver", "document_worker": "forkserver", "run_forkserver": "document_worker",
            "forkserver": "parse_worker"}.get(parent_role, "other")


def _created(proc: psutil.Process) -> float:
    try:
        return proc.create_time()
    except psutil.Error:
        return float("inf")


def _spin(seconds: float) -> int:
    """Count loop iterations for `seconds` of wall time: the CPU this process gets."""
    count, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        count += 1
    return count


def two_process_scaling(seconds: float = 2.0) -> float:
    """How much more two busy processes get done than one, on this machine now (2.0 on 2 idle cores): the ceiling
    of any 2-worker speedup measured at the same time, since other jobs share the cores."""
    import multiprocessing

    one = _spin(seconds)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        two = sum(pool.map(_spin, [seconds, seconds]))
    return round(two / one, 2)


def _cpu(times) -> float:
    return times.user + times.system


def measure_run(corpus: Path, workdir: Path, workers: int, warm_cache: bool) -> dict:
    """Wall seconds and CPU seconds per role of one `evidence run --full` with `workers` document workers."""
    cache = workdir / f"cache-{workers}"
    if not warm_cache:
        shutil.rmtree(cache, ignore_errors=True)
    config = workdir / f"w{workers}.toml"
    config.write_text(f'[ingest]\nworkers = {workers}\ncache_dir = "{cache}"\n'
                      f'[validate]\nreports_dir = "{workdir / "reports"}"\ndata_docs = false\n', encoding="utf-8")
    warehouse = workdir / f"w{workers}.duckdb"
    started = time.monotonic()
    child = subprocess.Popen([*EVIDENCE, "--config", str(config), "run", "--quiet", "--full", "--corpus", str(corpus),
                              "--warehouse", str(warehouse)], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    root = psutil.Process(child.pid)
    last: dict[int, tuple[str, float]] = {}
    roles: dict[int, str] = {}
    peak_mb, peak_by_role = 0.0, {}
    while child.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        rss: dict[str, float] = {}
        for proc in sorted(procs, key=_created):  # a parent before its children: a role depends on the parent's
            try:
                cpu, resident = _cpu(proc.cpu_times()), proc.memory_info().rss / 2**20
                if proc.pid not in roles:
                    roles[proc.pid] = _role(proc, root.pid, roles)
                last[proc.pid] = (roles[proc.pid], cpu)
                rss[roles[proc.pid]] = rss.get(roles[proc.pid], 0.0) + resident
            except psutil.Error:
                continue
        if sum(rss.values()) > peak_mb:
            peak_mb, peak_by_role = sum(rss.values()), rss
        time.sleep(POLL_SECONDS)
    wall = time.monotonic() - started
    if child.returncode != 0:
        raise SystemExit(f"evidence run failed ({child.returncode}): {child.stderr.read()[-3000:]}")
    by_role: dict[str, float] = {}
    for role, cpu in last.values():
        by_role[role] = round(by_role.get(role, 0.0) + cpu, 1)
    return {"workers": workers, "wall_s": round(wall, 1), "cpu_s": by_role,
            "cpu_total_s": round(sum(by_role.values()), 1), "peak_rss_mb": round(peak_mb),
            "rss_mb_at_peak": {role: round(mb) for role, mb in peak_by_role.items()},
            "load_avg_1m": round(psutil.getloadavg()[0], 2)}


def main(argv=None) -> int:
    """Parse arguments, run once per worker count, print one JSON line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-scaling"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--warm-cache", action="store_true", help="parse once first; time extraction onwards")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(json.dumps({"machine_2proc_scaling": two_process_scaling()}), flush=True)
    for workers in args.workers:
        if args.warm_cache:
            measure_run(args.corpus.resolve(), args.workdir.resolve(), workers, False)
        print(json.dumps(measure_run(args.corpus.resolve(), args.workdir.resolve(), workers, args.warm_cache)),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
