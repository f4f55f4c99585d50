"""What one Prefect task run costs the run's API server and the flow's process: CPU seconds per no-op task run.

Usage: .venv/bin/python bench/bench_task_runs.py [--tasks 0 50 200] [--threads 4]
Starts the run's own temporary API server (as `evidence run` does), waits for it, then runs a flow of N no-op tasks
(no cache policy, as the pipeline's tasks) for each N, and prints one JSON line per N: the server's and this process's
CPU seconds during the flow and one second after it (the server's deferred work), and the wall seconds. The first line
is the server's boot: CPU seconds until it answers its health check.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from flows.env import configure_environment  # noqa: E402

SETTLE_SECONDS = 1.0
"""Wait after each flow before reading the server's CPU: it records task runs from their events after they end."""


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def main(argv=None) -> int:
    """Boot the server, run each flow, print one JSON line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, nargs="+", default=[0, 50, 200])
    parser.add_argument("--threads", type=int, default=4, help="the flow's thread pool width (default 4)")
    args = parser.parse_args(argv)
    configure_environment()
    from flows.processes import launch_run_server

    started = time.monotonic()
    server = launch_run_server()
    if server is None:
        parser.error("PREFECT_API_URL is set: this measures the run's own temporary server; unset it")
    server.wait_ready(90)
    server_process = psutil.Process(server.process.pid)
    print(json.dumps({"server_boot_cpu_s": round(_cpu(server_process), 2),
                      "server_boot_wall_s": round(time.monotonic() - started, 2)}), flush=True)

    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE
    from prefect.task_runners import ThreadPoolTaskRunner

    @task(cache_policy=NO_CACHE)
    def no_op(i: int) -> int:
        return i

    @flow(task_runner=ThreadPoolTaskRunner(max_workers=args.threads))
    def many(n: int) -> int:
        return sum(f.result() for f in [no_op.submit(i) for i in range(n)])

    me = psutil.Process()
    many(1)  # the first flow imports and connects; not counted
    try:
        for n in args.tasks:
            server_before, flow_before, wall = _cpu(server_process), _cpu(me), time.monotonic()
            many(n)
            time.sleep(SETTLE_SECONDS)
            print(json.dumps({"tasks": n, "server_cpu_s": round(_cpu(server_process) - server_before, 2),
                              "flow_cpu_s": round(_cpu(me) - flow_before, 2),
                              "wall_s": round(time.monotonic() - wall, 2)}), flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
