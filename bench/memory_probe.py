"""Per-process peak memory of one `evidence run`: which process of the run's tree holds what, and when it peaked.

Usage: .venv/bin/python bench/memory_probe.py CORPUS [--warehouse FILE] [--config FILE] [--full] [--interval S]
       [--env NAME=VALUE ...] [--json FILE]
Runs `evidence run` (progress on, so each batch's load can be timed) as a child process and polls the resident memory
(psutil) of every process in its tree every --interval seconds. Each process is labelled by its place in the tree:
`flow` (the run's own process: Prefect flow, validation, load, sync), `prefect-server` (the temporary API server),
`forkserver` and `document-worker` (parse + extract), `parse-forkserver` and `parse-worker` (one PDF at a time),
`resource-tracker`. Prints the tree's peak and each process's peak with the second it happened, then the flow
process's RSS at each batch's load line, so growth per batch shows. With a warm parse cache (a --config whose
`[ingest] cache_dir` is reused) and `--full` into a fresh warehouse, a rerun costs extraction and load only.
`--env MALLOC_ARENA_MAX=2` and the like set the run's environment (an experiment); `--json` keeps the samples;
`--trace FILE` runs the flow through bench/traced_cli.py, which logs its RSS around each stage of each batch.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Optional

import psutil

ROOT = Path(__file__).resolve().parents[1]
EVIDENCE = [sys.executable, "-m", "flows.cli"]
MB = 2**20
LOAD_LINE = re.compile(r"^load: .*?(?:\(batch (?P<number>\d+) of (?P<total>\d+)\))?$")


def label(proc: psutil.Process, root_pid: int, labels: dict[int, str]) -> str:
    """What a process of the run's tree is, from its command line and its parent's label."""
    if proc.pid == root_pid:
        return "flow"
    try:
        cmdline = " ".join(proc.cmdline())
        parent = labels.get(proc.ppid(), "")
    except psutil.Error:
        return "gone"
    if "uvicorn" in cmdline:
        return "prefect-server"
    if "resource_tracker" in cmdline:
        return "resource-tracker"
    if "forkserver" in cmdline:  # a forkserver's children keep its command line: the parent tells them apart
        if parent == "flow" and "extractors.pdf.ingest" in cmdline:  # the run's one parse forkserver (preloads it)
            return "parse-forkserver"
        return {"flow": "forkserver", "forkserver": "document-worker", "document-worker": "parse-forkserver",
                "parse-forkserver": "parse-worker"}.get(parent, f"child-of-{parent or 'unknown'}")
    if "dask" in cmdline or "distributed" in cmdline:
        return "dask"
    return f"child-of-{parent or 'unknown'}"


class Sampler:
    """Polls the tree under a pid: per-process and whole-tree RSS peaks (MB) with the second each happened."""

    def __init__(self, pid: int, started: float) -> None:
        self.root = psutil.Process(pid)
        self.started = started
        self.labels: dict[int, str] = {}
        self.peaks: dict[int, tuple[float, float]] = {}  # pid -> (MB, second)
        self.tree_peak: tuple[float, float] = (0.0, 0.0)
        self.samples: list[dict] = []
        self.last: dict[int, float] = {}

    def sample(self) -> None:
        """One poll of the tree."""
        now = round(time.monotonic() - self.started, 1)
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        current: dict[int, float] = {}
        for proc in procs:
            try:
                rss = proc.memory_info().rss / MB
            except psutil.Error:
                continue
            if proc.pid not in self.labels:
                self.labels[proc.pid] = label(proc, self.root.pid, self.labels)
            current[proc.pid] = rss
            if rss > self.peaks.get(proc.pid, (0.0, 0.0))[0]:
                self.peaks[proc.pid] = (rss, now)
        total = sum(current.values())
        if total > self.tree_peak[0]:
            self.tree_peak = (total, now)
        self.last = current
        self.samples.append({"t": now, "tree": round(total), **{str(p): round(v) for p, v in current.items()}})


def run_probe(corpus: list[Path], warehouse: Path, config: Optional[Path], extra: list[str], env: dict[str, str],
              interval: float, trace: Optional[Path] = None) -> dict:
    """Run `evidence run` once, polling its tree; the peaks, the flow's RSS at each load line, and the samples."""
    evidence = EVIDENCE
    if trace is not None:  # the flow process traced stage by stage (bench/traced_cli.py)
        evidence = [sys.executable, str(ROOT / "bench" / "traced_cli.py")]
        env = {**env, "EVIDENCE_MEMTRACE": str(trace)}
    command = [*evidence, *(["--config", str(config)] if config else []), "run",
               *[arg for folder in corpus for arg in ("--corpus", str(folder))], "--warehouse", str(warehouse), *extra]
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, **env})
    sampler = Sampler(child.pid, started)
    loads: list[dict] = []
    tail: list[str] = []
    notes: list[str] = []

    def read_progress() -> None:
        for line in child.stderr:
            line = line.rstrip("\n")
            tail.append(line)
            del tail[:-40]
            if line.startswith("warehouse:"):  # a lock wait, a recovered WAL, a load loaded again uncapped
                notes.append(f"{time.monotonic() - started:.1f} s {line}")
            if LOAD_LINE.match(line) or line.startswith("sync:"):
                flow_mb = sampler.last.get(child.pid, 0.0)
                loads.append({"t": round(time.monotonic() - started, 1), "line": line[:60], "flow_mb": round(flow_mb)})

    reader = threading.Thread(target=read_progress, daemon=True)
    reader.start()
    while child.poll() is None:
        sampler.sample()
        time.sleep(interval)
    reader.join(timeout=5)
    summary = child.stdout.read()
    elapsed = time.monotonic() - started
    by_label: dict[str, list[dict]] = {}
    for pid, (mb, second) in sorted(sampler.peaks.items()):
        by_label.setdefault(sampler.labels.get(pid, "?"), []).append({"pid": pid, "peak_mb": round(mb), "at_s": second})
    return {"returncode": child.returncode, "seconds": round(elapsed, 1),
            "tree_peak_mb": round(sampler.tree_peak[0]), "tree_peak_at_s": sampler.tree_peak[1],
            "processes": by_label, "loads": loads, "warehouse_notes": notes, "summary": summary.strip().splitlines()[:3],
            "stderr_tail": tail[-20:] if child.returncode else [], "samples": sampler.samples,
            "labels": {str(p): v for p, v in sampler.labels.items()}}


def at_tree_peak(result: dict) -> dict[str, int]:
    """What each kind of process held (MB, summed) in the sample where the whole tree peaked, largest first."""
    held: dict[str, int] = {}
    peak_sample = max(result["samples"], key=lambda s: s["tree"], default={})
    for pid, mb in peak_sample.items():
        if pid not in ("t", "tree"):
            name = result["labels"].get(pid, "?")
            held[name] = held.get(name, 0) + mb
    return dict(sorted(held.items(), key=lambda item: -item[1]))


def report(result: dict) -> str:
    """The peaks and per-load flow RSS as text."""
    lines = [f"exit {result['returncode']} in {result['seconds']} s; tree peak {result['tree_peak_mb']} MB at "
             f"{result['tree_peak_at_s']} s"]
    for name, procs in sorted(result["processes"].items()):
        if len(procs) > 4:  # short-lived ones (a parse worker per PDF): their highest peak and how many there were
            top = max(procs, key=lambda p: p["peak_mb"])
            lines.append(f"  {name:<17} {len(procs)} processes, highest peak {top['peak_mb']:>5} MB at {top['at_s']:>6} s")
            continue
        for p in procs:
            lines.append(f"  {name:<17} pid {p['pid']:<7} peak {p['peak_mb']:>5} MB at {p['at_s']:>6} s")
    lines.append("at the tree's peak (MB): " + ", ".join(f"{n} {mb}" for n, mb in at_tree_peak(result).items()))
    lines.append("flow process RSS at each load line (MB): " + " ".join(str(x["flow_mb"]) for x in result["loads"]))
    lines += result.get("warehouse_notes", [])
    lines += result["stderr_tail"]
    return "\n".join(lines)


def main() -> None:
    """Parse arguments, run the probe, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="+", help="corpus folder(s)")
    parser.add_argument("--warehouse", type=Path, default=None, help="warehouse file (default: a fresh one in /tmp)")
    parser.add_argument("--config", type=Path, default=None, help="settings file (e.g. one with a warm cache_dir)")
    parser.add_argument("--full", action="store_true", help="pass --full (read every file again)")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between polls (default 0.5)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="set in the run's environment")
    parser.add_argument("--json", type=Path, default=None, help="write the whole result (with samples) here")
    parser.add_argument("--trace", type=Path, default=None, metavar="FILE",
                        help="trace the flow process's RSS around each check, validation, load and sync into FILE "
                             "(JSON lines, bench/traced_cli.py)")
    args = parser.parse_args()
    warehouse = args.warehouse or Path(f"/tmp/memory-probe-{os.getpid()}.duckdb")
    env = dict(item.split("=", 1) for item in args.env)
    result = run_probe([c.resolve() for c in args.corpus], warehouse.resolve(), args.config,
                       ["--full"] if args.full else [], env, args.interval, args.trace)
    if args.json:
        args.json.write_text(json.dumps(result), encoding="utf-8")
    print(report(result))


if __name__ == "__main__":
    main()
