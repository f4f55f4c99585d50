"""End-to-end benchmark: one JSON line of the issue-10 figures, measured in this process tree on one generated corpus.

Usage: .venv/bin/python bench/run.py [N] [--growth-base M] [--workdir DIR]
Generates N documents (and M, 4M for the memory growth) with bench/make_corpus.py, then times `evidence run`
as child processes: a cold full run (empty parse cache), a no-op re-run, full runs with 1 and 2 workers
(each with an empty cache; before and after them, `machine_2proc_scaling`: how much two busy processes out-do one
on the shared machine then, the ceiling of the workers' speedup), a full run with `--runner dask` (a LocalCluster
of 2 workers, empty cache), and cold full runs on M and 4M; the text baselines run in this process on the N corpus.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_ingest import _pdfium_text, _pdfplumber_text  # noqa: E402
from bench.bench_scaling import two_process_scaling  # noqa: E402

EVIDENCE = [sys.executable, "-m", "flows.cli"]
RSS_POLL_SECONDS = 0.2


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def _timed_run(corpus: Path, warehouse: Path, config: Path, *extra: str) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB, the whole process tree) of one `evidence run`."""
    started = time.monotonic()
    child = subprocess.Popen([*EVIDENCE, "--config", str(config), "run", "--quiet", "--corpus", str(corpus),
                              "--warehouse", str(warehouse), *extra], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    watched, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        try:
            peak = max(peak, _tree_rss(watched))
        except psutil.NoSuchProcess:
            break
        time.sleep(RSS_POLL_SECONDS)
    elapsed = time.monotonic() - started
    if child.returncode != 0:
        raise SystemExit(f"evidence run failed ({child.returncode}): {child.stderr.read()}")
    return elapsed, peak / 2**20


def _config(workdir: Path, name: str, workers: int) -> Path:
    """A settings file with its own empty parse cache, so each full run parses cold."""
    cache = workdir / f"cache-{name}"
    shutil.rmtree(cache, ignore_errors=True)
    path = workdir / f"{name}.toml"
    path.write_text(f'[ingest]\nworkers = {workers}\ncache_dir = "{cache}"\n'
                    f'[validate]\nreports_dir = "{workdir / "reports"}"\n', encoding="utf-8")
    return path


def _corpus(workdir: Path, count: int) -> Path:
    folder = workdir / f"corpus-{count}"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(count), str(folder), "--force"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


def _rate(method, paths: list[Path]) -> float:
    started = time.monotonic()
    pages = method(paths)
    return pages / (time.monotonic() - started)


def measure(count: int, workdir: Path, growth_base: int | None = None) -> dict:
    """Every figure of the benchmark line, on N = count generated documents; peak memory at growth_base (default N)
    documents and at 4 times as many (when that is N, the full run's peak is the 4x figure)."""
    base = growth_base or count
    for stale in workdir.glob("w*.duckdb*"):  # an earlier line's warehouse would make the full run a no-op
        stale.unlink()
    corpus = _corpus(workdir, count)
    paths = sorted(corpus.glob("*.pdf"))
    pages = json.loads((corpus / "MANIFEST.json").read_text(encoding="utf-8"))["pages"]
    result: dict = {"documents": count, "pages": pages}
    result["pdfplumber_pages_per_s"] = round(_rate(_pdfplumber_text, paths), 2)
    result["pypdfium2_pages_per_s"] = round(_rate(_pdfium_text, paths), 1)
    full_s, peak_n = _timed_run(corpus, workdir / "w.duckdb", _config(workdir, "full", 2))
    noop_s, _ = _timed_run(corpus, workdir / "w.duckdb", workdir / "full.toml")
    result.update(full_run_s=round(full_s, 1), noop_rerun_s=round(noop_s, 1),
                  noop_share_of_full=round(noop_s / full_s, 3), e2e_pages_per_s=round(pages / full_s, 2))
    probes = [two_process_scaling()]
    for workers in (1, 2):
        seconds, _ = _timed_run(corpus, workdir / f"w{workers}.duckdb", _config(workdir, f"w{workers}", workers),
                                "--full")
        result[f"workers_{workers}_s"] = round(seconds, 1)
    probes.append(two_process_scaling())
    result["machine_2proc_scaling"] = round(sum(probes) / len(probes), 2)
    dask_s, _ = _timed_run(corpus, workdir / "wdask.duckdb", _config(workdir, "dask", 2), "--full",
                           "--runner", "dask")
    result["dask_local_s"] = round(dask_s, 1)
    peaks = {count: peak_n}
    for size in (base, 4 * base):
        if size not in peaks:
            _, peaks[size] = _timed_run(_corpus(workdir, size), workdir / f"w{size}.duckdb",
                                        _config(workdir, f"rss{size}", 2))
    result["peak_rss_mb"] = {str(size): round(peaks[size]) for size in (base, 4 * base)}
    result["peak_rss_growth_4x"] = round(peaks[4 * base] / peaks[base] - 1, 3)
    result["e2e_vs_pdfplumber"] = round(result["e2e_pages_per_s"] / result["pdfplumber_pages_per_s"], 3)
    result["e2e_vs_pypdfium2"] = round(result["e2e_pages_per_s"] / result["pypdfium2_pages_per_s"], 4)
    result["workers_speedup"] = round(result["workers_1_s"] / result["workers_2_s"], 2)
    return result


def measure_peaks(sizes: list[int], workdir: Path) -> dict:
    """Peak resident memory (MB, whole process tree) and wall seconds of one cold full run at each corpus size, with
    each kind of process's highest peak and what each held at the tree's peak (bench/memory_probe.py)."""
    from bench.memory_probe import at_tree_peak, run_probe

    result: dict = {}
    for size in sizes:
        corpus = _corpus(workdir, size)
        pages = json.loads((corpus / "MANIFEST.json").read_text(encoding="utf-8"))["pages"]
        probe = run_probe([corpus], workdir / f"peak{size}.duckdb", _config(workdir, f"peak{size}", 2), [], {},
                          RSS_POLL_SECONDS)
        if probe["returncode"] != 0:
            raise SystemExit(f"evidence run failed ({probe['returncode']}): " + "\n".join(probe["stderr_tail"]))
        by_process = {name: max(p["peak_mb"] for p in procs) for name, procs in probe["processes"].items()}
        result[str(size)] = {"pages": pages, "full_run_s": probe["seconds"], "peak_rss_mb": probe["tree_peak_mb"],
                             "peak_at_s": probe["tree_peak_at_s"], "at_peak_mb": at_tree_peak(probe),
                             "process_peaks_mb": by_process}
    return {"peak_only": result}


def main() -> None:
    """Parse arguments, measure, print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=200, help="documents in the corpus (default 200)")
    parser.add_argument("--growth-base", type=int, default=None, metavar="M",
                        help="measure peak memory at M and 4M documents (default: N and 4N; M = N/4 reuses the "
                             "N-document full run as the 4M figure)")
    parser.add_argument("--workdir", type=Path, default=None, help="folder for corpora, caches and warehouses "
                                                                    "(default: a temporary folder, removed after)")
    parser.add_argument("--peak-only", type=int, nargs="+", default=None, metavar="SIZE",
                        help="only measure one cold full run's peak memory and time at each corpus SIZE (e.g. 250 1000)")
    args = parser.parse_args()
    if args.n < 1 or any(size < 1 for size in args.peak_only or ()):
        parser.error("N and every SIZE must be at least 1")

    def run(workdir: Path) -> dict:
        return measure_peaks(args.peak_only, workdir) if args.peak_only else measure(args.n, workdir, args.growth_base)

    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        print(json.dumps(run(args.workdir.resolve())))
        return
    with tempfile.TemporaryDirectory(prefix="evidence-bench-") as tmp:
        print(json.dumps(run(Path(tmp))))


if __name__ == "__main__":
    main()
