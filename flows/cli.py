"""The `evidence` command line: run, sql, export, evaluate, train."""
from __future__ import annotations

import argparse
import csv
import io
import json
import signal
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

from flows.env import configure_environment
from flows.run_outcome import EXIT_BY_SIGNAL, RunStopped, failure_message, raise_run_stopped, stop_run
from schemas.settings import PipelineSettings, SettingsError, load_settings

EXIT_OK = 0
EXIT_RUN_FAILED = 1
EXIT_BAD_INPUT = 2

EXPORT_FIELDS = ("doc", "trial", "nct", "endpoint", "arm", "value", "unit", "statistic", "timepoint",
                 "ci_low", "ci_high", "p_value", "page", "quote", "source")
PROVENANCE_FIELDS = ("record_id", "doc_sha256", "value_text", "char_start", "char_end", "quote_start", "bbox",
                     "table_id", "table_row", "table_col", "extractor", "extractor_version")
EXAMPLE_QUERY = "select trial, endpoint, arm, value, unit, statistic, page from v_evidence limit 10"


class CliError(Exception):
    """A user-facing error: message plus exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="evidence", description="Trial-evidence warehouse pipeline.")
    parser.add_argument("--config", type=Path, default=None, help="pipeline settings TOML (default: config/pipeline.toml)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the pipeline over every PDF under the corpus folders")
    run.add_argument("--corpus", type=Path, action="append", metavar="DIR", help="corpus folder (repeatable)")
    run.add_argument("--warehouse", type=Path, metavar="FILE", help="DuckDB warehouse file")
    run.add_argument("--quiet", action="store_true", help="print only the summary")
    run.add_argument("--retry-failed", action="store_true",
                     help="parse again files whose cached outcome is a failure (timeout, too_large, worker_crashed, ...)")

    sql = sub.add_parser("sql", help="run read-only SQL on the warehouse")
    sql.add_argument("query")
    sql.add_argument("--warehouse", type=Path, metavar="FILE")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")

    export = sub.add_parser("export", help="write the current evidence records, one per line")
    export.add_argument("--warehouse", type=Path, metavar="FILE")
    export.add_argument("--format", choices=("jsonl", "csv"), required=True)
    export.add_argument("--out", type=Path, metavar="FILE", help="output file (default: stdout)")

    evaluate = sub.add_parser("evaluate", help="score the exported records against gold JSONL")
    evaluate.add_argument("--gold", type=Path, required=True, metavar="DIR")
    evaluate.add_argument("--warehouse", type=Path, metavar="FILE")
    evaluate.add_argument("--document", metavar="STEM", default=None,
                          help="file name (without .pdf) of the document the gold describes (default: the review's)")

    train = sub.add_parser("train", help="train the statistical NER from the annotated examples in config/ner")
    train.add_argument("--out", type=Path, metavar="DIR", help="model folder (default: settings extract.ner_model_dir)")
    train.add_argument("--seed", type=int, default=0)
    return parser


def _settings(args: argparse.Namespace) -> PipelineSettings:
    try:
        return load_settings(args.config)
    except SettingsError as exc:
        raise CliError(str(exc)) from exc


def _warehouse_path(args: argparse.Namespace, settings: PipelineSettings) -> Path:
    return Path(args.warehouse) if getattr(args, "warehouse", None) else settings.warehouse.path


def _open_read_only(path: Path):
    from warehouse.migrate import WarehouseError, connect

    try:
        return connect(path, read_only=True)
    except WarehouseError as exc:
        raise CliError(str(exc)) from exc


def _query(path: Path, query: str) -> tuple[list[str], list[tuple]]:
    import duckdb

    con = _open_read_only(path)
    try:
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall() if columns else []
    except duckdb.Error as exc:
        first_line = str(exc).strip().splitlines()[0]
        raise CliError(f"SQL failed: {first_line}\n(the warehouse is opened read-only; list views with: "
                       "evidence sql \"select table_name, comment from duckdb_views() where not internal\")") from exc
    finally:
        con.close()


def _json_default(value):
    return str(value)


def _format_rows(columns: Sequence[str], rows: Sequence[tuple], fmt: str) -> str:
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, default=_json_default, indent=1) + "\n"
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in r] for r in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v[:60].ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def cmd_sql(args: argparse.Namespace) -> int:
    """Print the result of a read-only query."""
    settings = _settings(args)
    columns, rows = _query(_warehouse_path(args, settings), args.query)
    sys.stdout.write(_format_rows(columns, rows, args.format))
    return EXIT_OK


def _export_rows(path: Path) -> tuple[list[str], list[dict]]:
    fields = list(EXPORT_FIELDS + PROVENANCE_FIELDS)
    columns, rows = _query(path, f"SELECT {', '.join(fields)} FROM v_evidence")
    return columns, [dict(zip(columns, r)) for r in rows]


def cmd_export(args: argparse.Namespace) -> int:
    """Write one evidence record per line as JSONL or CSV."""
    settings = _settings(args)
    columns, rows = _export_rows(_warehouse_path(args, settings))
    if args.format == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n" for r in rows)
    else:
        text = _format_rows(columns, [tuple(r[c] for c in columns) for r in rows], "csv")
    if args.out:
        try:
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
        print(f"wrote {len(rows)} record(s) to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Print precision, recall and F1 of the warehouse's records against the gold."""
    if not Path(args.gold).is_dir():
        raise CliError(f"gold folder not found: {args.gold}; give the folder holding body_facts.jsonl and table1.json")
    from extractors.evaluate import evaluate, format_report

    from extractors.evaluate import GOLD_DOCUMENT_STEM

    settings = _settings(args)
    _, rows = _export_rows(_warehouse_path(args, settings))
    document = args.document or GOLD_DOCUMENT_STEM
    stems = sorted({Path(str(r["doc"])).stem for r in rows})
    if document not in stems:
        raise CliError(f"no records of document '{document}' in the warehouse (documents with records: "
                       f"{', '.join(stems) or 'none'}); pass --document STEM")
    try:
        report = evaluate(rows, Path(args.gold), document=document)
    except (FileNotFoundError, ValueError) as exc:
        raise CliError(f"cannot read gold in {args.gold}: {exc}") from exc
    sys.stdout.write(format_report(report) + "\n")
    return EXIT_OK


def cmd_train(args: argparse.Namespace) -> int:
    """Train the project's NER model from the annotated examples it ships."""
    from extractors.nlp.train import train_ner

    settings = _settings(args)
    out = Path(args.out) if args.out else settings.extract.ner_model_dir
    print(f"training NER into {out} (seed {args.seed}) ...", file=sys.stderr)
    metrics = train_ner(out, seed=args.seed)
    print(json.dumps(metrics, indent=1, default=_json_default))
    return EXIT_OK


def _check_corpus(dirs: Sequence[Path]) -> list[Path]:
    missing = [d for d in dirs if not Path(d).is_dir()]
    if missing:
        raise CliError("corpus folder not found: " + ", ".join(str(m) for m in missing)
                       + "\ngive existing folders with --corpus DIR (repeatable)")
    return [Path(d).resolve() for d in dirs]


def _check_warehouse_writable(path: Path, lock_timeout: float) -> None:
    from warehouse.migrate import WarehouseError, WarehouseLockedError, connect, ensure_schema

    try:
        con = connect(path, lock_timeout=lock_timeout)
    except WarehouseLockedError as exc:
        raise CliError(f"{exc}\nnothing was run") from exc
    except WarehouseError as exc:
        raise CliError(f"{exc}\nis it a DuckDB file, and is no other process writing to it?") from exc
    try:
        ensure_schema(con)
    except Exception as exc:  # noqa: BLE001 - any schema failure makes the file unusable as a warehouse
        raise CliError(f"cannot prepare warehouse {path}: {exc}") from exc
    finally:
        con.close()


def cmd_run(args: argparse.Namespace) -> int:
    """Run the pipeline flow and print a short summary."""
    settings = _settings(args)
    corpus = _check_corpus(args.corpus or list(settings.ingest.corpus_dirs))
    warehouse_path = _warehouse_path(args, settings).resolve()
    _check_warehouse_writable(warehouse_path, settings.warehouse.lock_timeout_seconds)

    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.pipeline import STARTED_RUNS, BatchValidationError, evidence_run, stderr_progress
    from flows.processes import start_prefect_server
    from warehouse.migrate import WarehouseLockedError

    started = time.monotonic()
    runs_before = len(STARTED_RUNS)
    previous = {sig: signal.signal(sig, raise_run_stopped) for sig in EXIT_BY_SIGNAL}
    server = None
    try:
        server = start_prefect_server()
        flow = evidence_run.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.ingest.workers))
        summary = flow(corpus, warehouse_path, settings, progress=None if args.quiet else stderr_progress,
                       retry_failed=args.retry_failed)
    except RunStopped as exc:
        stop_run(exc.signum, warehouse_path, STARTED_RUNS[runs_before:], server)
    except KeyboardInterrupt:
        stop_run(signal.SIGINT, warehouse_path, STARTED_RUNS[runs_before:], server)
    except BatchValidationError as exc:
        raise CliError(str(exc), EXIT_RUN_FAILED) from exc
    except WarehouseLockedError as exc:
        raise CliError(f"{exc}\nnothing from this run was written; parse results are cached, so a re-run "
                       "reuses them", EXIT_BAD_INPUT) from exc
    except Exception as exc:  # noqa: BLE001 - a whole-run failure is reported, never a traceback
        raise CliError(failure_message(exc, warehouse_path, STARTED_RUNS[runs_before:]), EXIT_RUN_FAILED) from exc
    finally:  # the server stays up for later runs in this process; Prefect stops it at exit
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    elapsed = time.monotonic() - started
    c = summary.counts
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(c.by_status.items()))
    s = summary.sync
    lines = [
        f"run {summary.run_id} completed in {elapsed:.1f} s",
        f"  documents:        {c.documents} ({statuses or 'none'})",
        f"  Table 1 rows:     {c.table1_rows}" + (f" (Table 1 not loaded, columns not mapped: "
                                                      f"{', '.join(summary.table1_unmapped)}; see documents.message)"
                                                      if summary.table1_unmapped else ""),
        f"  evidence records: {c.loaded} loaded, {c.rejected} rejected (see rejected_records)",
        f"  Table 1 sync:     {s.get('table1_rows', 0)} rows, {s.get('table_records', 0)} table records, "
        f"{s.get('body_records', 0)} body records, {s.get('disagreements', 0)} table-vs-body disagreements",
        f"  validation:       {summary.validation_seconds:.1f} s"
        + (f", data docs at {summary.data_docs_path}" if summary.data_docs_path else ""),
        f"  warehouse:        {warehouse_path}",
        f"try: .venv/bin/evidence sql \"{EXAMPLE_QUERY}\"",
    ]
    print("\n".join(lines))
    return EXIT_OK


COMMANDS = {"run": cmd_run, "sql": cmd_sql, "export": cmd_export, "evaluate": cmd_evaluate, "train": cmd_train}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Parse arguments, run one command, and return its exit code."""
    configure_environment()
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage
        return int(exc.code or 0)
    try:
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"evidence {args.command}: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"evidence {args.command}: interrupted; the warehouse keeps its last completed run", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
