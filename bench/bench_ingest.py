"""Pages per second of parse_pdf against pdfplumber and pypdfium2 text baselines on the same PDFs, plus peak memory.

Usage: .venv/bin/python bench/bench_ingest.py [--repeat N] [--only TEXT] [PDF ...]
Each measurement runs in a fresh child process so peak RSS (ru_maxrss) belongs to that method alone.
Rates use wall time; the CPU seconds beside them are steadier on a shared machine.
Ratios compare with the two baselines measured in the same run (printed as n/a when --only leaves one out).
"""
from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_PDFS = [ROOT / "corpus" / "sample" / "lussana2023_cancers.pdf",
                *sorted((ROOT.parent / "shared" / "corpus" / "external" / "scientific_biomedical").glob("*.pdf"))]


def _pdfplumber_text(paths: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return pages


def _pdfium_text(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


def _ingest(paths: list[Path], with_tables: bool) -> int:
    from extractors.pdf.ingest import parse_pdf
    from schemas.settings import IngestSettings

    settings = IngestSettings()
    return sum(parse_pdf(path, settings, with_tables=with_tables).pages for path in paths)


def _ingest_text_only(paths: list[Path]) -> int:
    return _ingest(paths, with_tables=False)


def _ingest_full(paths: list[Path]) -> int:
    return _ingest(paths, with_tables=True)


METHODS = {
    "pdfplumber extract_text": _pdfplumber_text,
    "pypdfium2 get_text_range": _pdfium_text,
    "ingest parse_pdf (text only)": _ingest_text_only,
    "ingest parse_pdf (with tables)": _ingest_full,
}


def _measure(name: str, paths: list[str], repeat: int, queue) -> None:
    """Import the method's libraries, warm up once, then time `repeat` runs; report best time and peak RSS."""
    from extractors.pdf.worker import PDF_LIBRARY_LOGGERS

    for logger in PDF_LIBRARY_LOGGERS:  # warnings about PDF internals would swamp the figures
        logging.getLogger(logger).setLevel(logging.ERROR)
    method = METHODS[name]
    files = [Path(p) for p in paths]
    pages = method(files)
    best = best_cpu = float("inf")
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        method(files)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    queue.put({"method": name, "pages": pages, "seconds": best, "cpu_seconds": best_cpu,
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT_PDFS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="run only the methods whose name contains this text")
    parser.add_argument("--json", action="store_true", help="print one JSON object per method")
    args = parser.parse_args()
    paths = [str(p) for p in args.pdfs if p.exists()]
    context = multiprocessing.get_context("spawn")
    results = []
    for name in (n for n in METHODS if args.only in n):
        queue = context.Queue()
        process = context.Process(target=_measure, args=(name, paths, args.repeat, queue))
        process.start()
        results.append(queue.get())
        process.join()
    by_name = {r["method"]: r for r in results}
    print(f"{len(paths)} PDFs, {results[0]['pages']} pages, best of {args.repeat} runs")
    for r in results:
        rate = r["pages"] / r["seconds"]
        r["pages_per_second"] = rate
        ratios = "  ".join((f"{rate / (by_name[b]['pages'] / by_name[b]['seconds']):6.2f}x" if b in by_name else "   n/a ")
                           + f" {b.split()[0]}" for b in ("pdfplumber extract_text", "pypdfium2 get_text_range"))
        print(f"{r['method']:32} {rate:8.1f} pages/s  {r['seconds']:7.2f} s  (CPU {r['cpu_seconds']:6.2f} s)  "
              f"peak RSS {r['peak_rss_mb']:6.0f} MB  "
              f"({ratios})")
    if args.json:
        for r in results:
            print(json.dumps(r))


if __name__ == "__main__":
    main()
