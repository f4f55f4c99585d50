"""Profile `extract_document` over a folder of PDFs (parsing is done first and not profiled).

Usage (from the worktree root; the corpus comes from bench/make_corpus.py):
    .venv/bin/python bench/profile_extract.py /tmp/bench48/corpus-12 [--top 40] [--sort tottime] [--no-profile] \
        [--ner-share] [--ner-model DIR]

Prints pages, extraction seconds and ms per page (wall clock, and CPU time of this process, steadier on a busy
machine), then the cProfile table (cProfile adds overhead: time the speed with --no-profile). The profile counts CPU
time of this process (time.process_time), not wall time, unless --wall-profile.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.nlp.ner_mentions import find_ner_names  # noqa: E402
from extractors.nlp.pipeline import get_nlp  # noqa: E402
from extractors.pdf.ingest import parse_pdf  # noqa: E402
from extractors.stages import extract_document  # noqa: E402
from schemas.settings import ExtractSettings, IngestSettings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Parse every PDF given (files or folders), then time and profile extracting them all."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="PDF files or folders of PDFs")
    parser.add_argument("--top", type=int, default=40, help="rows of the profile to print")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime, ...)")
    parser.add_argument("--no-profile", action="store_true", help="time only, without cProfile")
    parser.add_argument("--wall-profile", action="store_true", help="profile wall time instead of CPU time")
    parser.add_argument("--ner-share", action="store_true",
                        help="also time the statistical NER alone (find_ner_names), the part no rule change touches")
    parser.add_argument("--ner-model", type=Path, metavar="DIR",
                        help="extract with the NER model in DIR (extract.ner_model_dir) instead of the configured one")
    args = parser.parse_args(argv)
    if args.ner_model and not (args.ner_model / "meta.json").is_file():
        parser.error(f"--ner-model {args.ner_model}: not a trained model folder (no meta.json); "
                     "give a folder written by `evidence train --out DIR`")
    pdfs = [p for path in args.paths for p in (sorted(path.glob("*.pdf")) if path.is_dir() else [path])]
    docs = [parse_pdf(p, IngestSettings()) for p in pdfs]
    settings = ExtractSettings(**({"ner_model_dir": args.ner_model} if args.ner_model else {}))
    get_nlp(settings)  # load the pipeline outside the timing
    get_nlp(settings.model_copy(update={"use_ner": False}))
    pages = sum(d.pages for d in docs)
    timer = time.perf_counter if args.wall_profile else time.process_time
    profiler = None if args.no_profile else cProfile.Profile(timer)
    start, cpu_start = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    for doc in docs:
        extract_document(doc, settings)
    if profiler:
        profiler.disable()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"{len(docs)} documents, {pages} pages: extraction {seconds:.2f} s, {1000 * seconds / max(pages, 1):.1f} ms/page "
          f"(CPU {cpu:.2f} s, {1000 * cpu / max(pages, 1):.1f} ms/page)")
    if args.ner_share:
        ner_cpu = time.process_time()
        for doc in docs:
            find_ner_names(doc.text, settings)
        ner_cpu = time.process_time() - ner_cpu
        print(f"NER alone (find_ner_names): CPU {ner_cpu:.2f} s, {1000 * ner_cpu / max(pages, 1):.1f} ms/page "
              f"({100 * ner_cpu / max(cpu, 1e-9):.0f}% of extraction)")
    if profiler:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
