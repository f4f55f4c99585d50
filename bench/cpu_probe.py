"""CPU seconds of one `evidence run` by kind of process, and the flow process's CPU in each stage of each batch.

Usage: .venv/bin/python bench/cpu_probe.py CORPUS --warehouse FILE [--config FILE] [--full] [--interval S]
       [--json FILE]
Runs `evidence run` as a child process and polls every process of its tree (psutil, labelled as bench/memory_probe.py
does): each one's own CPU time when last seen, and for a parse forkserver the CPU of the parse workers it reaped (one
per PDF, too short-lived to poll). The total is their sum (CPU spent after a process's last poll is missed);
`reaped_cpu_s` is what getrusage counts of the processes waited for. The flow's CPU is split at its progress lines:
reading a batch (collecting the workers' results), validation (`validate:` to `load:`), load, and the Table 1 sync.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Optional

import psutil

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.memory_probe import EVIDENCE, label  # noqa: E402

STAGE_OF_LINE = (("validate:", "validate"), ("load:", "load"), ("sync:", "sync"), ("  [", "read"),
                 ("read:", "start"), ("ingest:", "start"))
"""The flow's stage from its progress line's start: CPU until the next stage line is charged to it."""


def _cpu(proc: psutil.Process, with_children: bool) -> float:
    times = proc.cpu_times()
    own = times.user + times.system
    return own + times.children_user + times.children_system if with_children else own


def run_cpu_probe(corpus: list[Path], warehouse: Path, config: Optional[Path], extra: list[str],
                  interval: float) -> dict:
    """Run `evidence run` once; CPU seconds by kind of process, by flow stage, and the tree's total."""
    command = [*EVIDENCE, *(["--config", str(config)] if config else []), "run",
               *[arg for folder in corpus for arg in ("--corpus", str(folder))], "--warehouse", str(warehouse), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=os.environ.copy())
    root = psutil.Process(child.pid)
    labels: dict[int, str] = {}
    seen: dict[int, float] = {}
    flow_cpu = [0.0]
    stages: dict[str, float] = {}
    mark = {"stage": "start", "cpu": 0.0}
    lock = threading.Lock()

    def read_progress() -> None:
        for line in child.stderr:
            for prefix, stage in STAGE_OF_LINE:
                if line.startswith(prefix):
                    with lock:
                        try:
                            now = _cpu(root, False)
                        except psutil.Error:
                            now = flow_cpu[0]
                        stages[mark["stage"]] = stages.get(mark["stage"], 0.0) + now - mark["cpu"]
                        mark.update(stage=stage, cpu=now)
                    break

    reader = threading.Thread(target=read_progress, daemon=True)
    reader.start()
    while child.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for proc in procs:
            try:
                if proc.pid not in labels:
                    labels[proc.pid] = label(proc, root.pid, labels)
                seen[proc.pid] = _cpu(proc, labels[proc.pid] == "parse-forkserver")
                if proc.pid == root.pid:
                    flow_cpu[0] = seen[proc.pid]
            except psutil.Error:
                continue
        time.sleep(interval)
    reader.join(timeout=5)
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    with lock:
        stages[mark["stage"]] = stages.get(mark["stage"], 0.0) + flow_cpu[0] - mark["cpu"]
    by_kind: dict[str, float] = {}
    for pid, cpu in seen.items():
        name = labels.get(pid, "?")
        if name == "parse-worker":  # counted in its forkserver's reaped children
            continue
        name = "parse-forkserver + parse workers" if name == "parse-forkserver" else name
        by_kind[name] = by_kind.get(name, 0.0) + cpu
    return {"returncode": child.returncode, "wall_s": round(elapsed, 1), "cpu_s": round(sum(by_kind.values()), 1),
            "reaped_cpu_s": round(total, 1),
            "by_process": {k: round(v, 1) for k, v in sorted(by_kind.items(), key=lambda i: -i[1])},
            "flow_stages": {k: round(v, 1) for k, v in stages.items()}, "summary": child.stdout.read().strip()[:300]}


def main() -> None:
    """Parse arguments, run the probe, print its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="+", help="corpus folder(s)")
    parser.add_argument("--warehouse", type=Path, required=True, help="warehouse file (removed first)")
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--full", action="store_true", help="pass --full to evidence run")
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    args = parser.parse_args()
    for stale in args.warehouse.parent.glob(args.warehouse.name + "*"):
        stale.unlink()
    result = run_cpu_probe(args.corpus, args.warehouse, args.config, ["--full"] if args.full else [], args.interval)
    text = json.dumps(result)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
