"""Times each pipeline stage (ingest, extract, validate, load) on a corpus, without Prefect; prints one line per stage."""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.env import configure_environment  # noqa: E402

configure_environment()

from extractors import stages  # noqa: E402
from extractors.pdf.identity import mark_duplicates  # noqa: E402
from extractors.pdf.ingest import discover_pdfs  # noqa: E402
from extractors.pdf.worker import parse_pdf_isolated  # noqa: E402
from schemas.settings import ValidateSettings, load_settings  # noqa: E402
from schemas.validate.batch import check_batch
from schemas.validate.records import validate_records  # noqa: E402
from warehouse import load, migrate  # noqa: E402


def main(argv=None) -> int:
    """Run every stage once over the corpus and print wall times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, action="append", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="validation repeats (first includes GX warm-up)")
    args = parser.parse_args(argv)
    settings = load_settings()
    corpus = args.corpus or list(settings.ingest.corpus_dirs)
    paths = discover_pdfs(corpus, settings.ingest.glob)

    t = time.perf_counter()
    docs = mark_duplicates([parse_pdf_isolated(p, settings.ingest) for p in paths])
    pages = sum(d.pages for d in docs)
    ingest_s = time.perf_counter() - t
    print(f"ingest   {ingest_s:7.2f} s  {len(docs)} files, {pages} pages, {pages / ingest_s:.1f} pages/s (isolated, no cache)")

    t = time.perf_counter()
    extractions = [stages.extract_document(d, settings.extract) for d in docs]
    rows = [r for e in extractions for r in e.table1_rows]
    records = [r for e in extractions for r in e.records]
    print(f"extract  {time.perf_counter() - t:7.2f} s  {len(rows)} Table 1 rows, {len(records)} records (first call builds the NLP pipeline)")

    with tempfile.TemporaryDirectory() as tmp:
        vsettings = ValidateSettings(reports_dir=Path(tmp) / "reports", data_docs=True)
        for i in range(args.repeat):
            t = time.perf_counter()
            problems = check_batch(rows, docs)
            outcome = validate_records(records, docs, f"bench-{i}", vsettings)
            print(f"validate {time.perf_counter() - t:7.2f} s  run {i + 1}: {len(outcome.valid)} valid, "
                  f"{len(outcome.rejected)} rejected, {outcome.expectations_run} expectations, {len(problems)} batch problems")
        con = migrate.connect(Path(tmp) / "w.duckdb")
        t = time.perf_counter()
        migrate.ensure_schema(con)
        run = load.RunRecord(run_id="bench", started_at=datetime.now(), status="completed")
        load.load_run(con, run, docs, rows, outcome.valid, outcome.rejected)
        print(f"load     {time.perf_counter() - t:7.2f} s  schema + one transaction")
        con.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak_mb:.0f} MB (parse workers are separate processes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
