"""The `evidence` command line: run, serve, sql, export, evaluate, schema, train, diff, review."""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

import duckdb

from extractors.nlp.gazetteers import load_drugs, load_groups, load_known_trials, load_non_trial_terms
from flows import evaluate as scoring
from flows.env import configure_environment
from flows.processes import adopt_running_local_server, launch_run_server, start_document_workers
from flows.review import add_review_parser
from schemas.evidence import EXPORT_FIELDS, PROVENANCE_FIELDS
from schemas.settings import (RUNNERS, ExtractSettings, PipelineSettings, RunSettings, ScheduleSettings, SettingsError,
                             load_settings)
from warehouse.migrate import WarehouseError, WarehouseLockedError, connect, ensure_schema
from warehouse.readonly import NotAQuery, single_query

EXIT_OK = 0
EXIT_RUN_FAILED = 1
EXIT_BAD_INPUT = 2

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
    run.add_argument("--full", action="store_true",
                     help="read every file again, also those unchanged since the warehouse loaded them")
    run.add_argument("--runner", choices=RUNNERS, default=None,
                     help="where per-document work runs: local worker processes or Dask (default: settings run.runner)")
    run.add_argument("--dask-address", metavar="tcp://HOST:PORT", default=None,
                     help="scheduler of a running Dask cluster (implies --runner dask; default: a LocalCluster)")

    serve = sub.add_parser("serve", help="serve the pipeline as a Prefect deployment on the schedule in the settings")
    serve.add_argument("--corpus", type=Path, action="append", metavar="DIR", help="corpus folder (repeatable)")
    serve.add_argument("--warehouse", type=Path, metavar="FILE", help="DuckDB warehouse file")
    serve.add_argument("--cron", default=None, help="cron expression (default: settings schedule.cron)")
    serve.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                       help="run every SECONDS instead of on the cron")

    sql = sub.add_parser("sql", help="run read-only SQL on the warehouse")
    sql.add_argument("query")
    sql.add_argument("--warehouse", type=Path, metavar="FILE")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")

    export = sub.add_parser("export", help="write the current evidence records, one per line")
    export.add_argument("--warehouse", type=Path, metavar="FILE")
    export.add_argument("--format", choices=("jsonl", "csv", "parquet"), required=True)
    export.add_argument("--out", type=Path, metavar="FILE", help="output file (default: stdout; parquet needs --out)")

    evaluate = sub.add_parser("evaluate", help="score the current records against gold with the scorer of record")
    evaluate.add_argument("--gold", type=Path, required=True, metavar="DIR|FILE",
                          help="gold folder (gold.jsonl [+ distractors.jsonl], or the review's body_facts.jsonl + "
                               "table1.json) or a gold JSONL file")
    evaluate.add_argument("--warehouse", type=Path, metavar="FILE")
    evaluate.add_argument("--document", metavar="STEM", default=None,
                          help="score only this document (file name without .pdf); for the review gold, the "
                               f"typesetting it describes (default {scoring.REVIEW_DOCUMENT})")
    evaluate.add_argument("--split", type=Path, metavar="FILE",
                          help="document stems after a 'seed:' line; prints figures for them and for the rest")
    evaluate.add_argument("--distractors", type=Path, metavar="FILE",
                          help="default: distractors.jsonl beside gold.jsonl, or STEM.distractors.jsonl beside STEM.jsonl")
    evaluate.add_argument("--aliases", type=Path, metavar="FILE", help="trials.json of trial aliases "
                                                                        "(default: trials.json beside the gold)")
    evaluate.add_argument("--scorer", type=Path, metavar="FILE", help="score.py (default: settings evaluate.scorer)")
    evaluate.add_argument("--misses", action="store_true", help="list the required gold facts strict matching missed")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")

    schema = sub.add_parser("schema", help="list the warehouse's tables and views, their columns and comments")
    schema.add_argument("--warehouse", type=Path, metavar="FILE")
    schema.add_argument("--format", choices=("table", "md", "json"), default="table")

    diff = sub.add_parser("diff", help="Table 1 cells and facts added, removed and changed between two runs "
                                       "(exit 1 when any differ, like diff)")
    diff.add_argument("--from", dest="from_run", metavar="RUN", help="earlier run id (default: the run before --to)")
    diff.add_argument("--to", dest="to_run", metavar="RUN", help="later run id (default: the last completed run)")
    diff.add_argument("--format", choices=("table", "md", "json", "html"), default="table")
    diff.add_argument("--out", type=Path, metavar="FILE", help="output file (default: stdout)")
    diff.add_argument("--warehouse", type=Path, metavar="FILE")

    add_review_parser(sub)

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
    try:
        return connect(path, read_only=True)
    except WarehouseError as exc:
        raise CliError(str(exc)) from exc


SQL_HINT = ("evidence sql runs one query (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, PRAGMA table_info) with "
            "the warehouse read-only and no file, network or extension access;\n`evidence schema` lists its tables and views")


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _query(path: Path, query: str) -> tuple[list[str], list[tuple]]:
    try:
        statement = single_query(query, EXAMPLE_QUERY)
    except NotAQuery as exc:
        raise CliError(f"{exc}\n{SQL_HINT}" if exc.hint else str(exc)) from exc
    con = _open_read_only(path)
    try:
        cursor = con.execute(statement)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall() if columns else []
    except duckdb.Error as exc:
        raise CliError(f"SQL failed: {_first_line(exc)}\n{SQL_HINT}") from exc
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


def _export_parquet(warehouse: Path, out: Optional[Path]) -> int:
    if out is None:
        raise CliError("--format parquet writes a binary file: give --out FILE.parquet")
    _open_read_only(warehouse).close()  # same checks and messages as every read-only command
    blocker = _file_in_the_way(out)
    if blocker is not None or Path(out).is_dir():
        raise CliError(f"cannot write {out}: {blocker or out} is in the way; give --out a file path in a folder")
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    quoted = lambda path: "'" + str(Path(path).absolute()).replace("'", "''") + "'"  # noqa: E731
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        con.execute(f"ATTACH {quoted(warehouse)} AS w (READ_ONLY)")
        fields = ", ".join(EXPORT_FIELDS + PROVENANCE_FIELDS)
        con.execute(f"COPY (SELECT {fields} FROM w.v_evidence) TO {quoted(out)} (FORMAT parquet)")
        count = con.execute(f"SELECT count(*) FROM read_parquet({quoted(out)})").fetchone()[0]
    except duckdb.Error as exc:
        raise CliError(f"cannot export to {out}: {_first_line(exc)}") from exc
    finally:
        con.close()
    print(f"wrote {count} record(s) to {out}", file=sys.stderr)
    return EXIT_OK


def _file_in_the_way(path: Path) -> Optional[Path]:
    """The nearest existing ancestor of `path` when it is a file, so no folder can be made there."""
    existing = next((p for p in Path(path).absolute().parents if p.exists()), None)
    return existing if existing is not None and not existing.is_dir() else None


def _write_output(path: Path, text: str) -> None:
    blocker = _file_in_the_way(path)
    if blocker is not None:
        raise CliError(f"cannot write {path}: {blocker} is a file, not a folder; give --out a path in a folder")
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}; give --out a file you can write") from exc


def cmd_export(args: argparse.Namespace) -> int:
    """Write the current evidence records as JSONL or CSV (one per line), or as a Parquet file."""
    settings = _settings(args)
    if args.format == "parquet":
        return _export_parquet(_warehouse_path(args, settings), args.out)
    columns, rows = _export_rows(_warehouse_path(args, settings))
    if args.format == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n" for r in rows)
    else:
        text = _format_rows(columns, [tuple(r[c] for c in columns) for r in rows], "csv")
    if args.out:
        _write_output(args.out, text)
        print(f"wrote {len(rows)} record(s) to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Print score.py's figures for the warehouse's records against the gold, per split and source."""
    settings = _settings(args)
    try:
        scorer = scoring.load_scorer(Path(args.scorer) if args.scorer else settings.evaluate.scorer)
        gold = scoring.read_gold(args.gold, args.document, args.distractors, args.aliases)
        split = scoring.read_split(args.split) if args.split else None
    except scoring.EvaluateError as exc:
        raise CliError(str(exc)) from exc
    if split is not None and split - set(gold.documents):
        raise CliError(f"{args.split} lists documents the gold lacks: {', '.join(sorted(split - set(gold.documents)))}")
    _, rows = _export_rows(_warehouse_path(args, settings))
    with_records = sorted({scoring.doc_stem(r["doc"]) for r in rows})
    if not set(with_records) & set(gold.documents):
        raise CliError(f"no records of the gold's documents ({', '.join(gold.documents)}) in the warehouse "
                       f"(documents with records: {', '.join(with_records) or 'none'}); pass --document STEM "
                       "or --warehouse FILE")
    try:
        figures = scoring.evaluate(scorer, rows, gold, split, split_name=f"split {args.split}" if split else "",
                                   misses=args.misses)
    except scoring.EvaluateError as exc:
        raise CliError(str(exc)) from exc
    if args.format == "json":
        print(json.dumps(figures, indent=1))
    else:
        print(scoring.format_report(figures))
    return EXIT_OK


SCHEMA_SQL = """
SELECT 'table' AS kind, table_name AS name, comment FROM duckdb_tables()
 WHERE database_name = current_database() AND schema_name = current_schema() AND NOT internal
UNION ALL
SELECT 'view', view_name, comment FROM duckdb_views()
 WHERE database_name = current_database() AND schema_name = current_schema() AND NOT internal
ORDER BY kind, name
"""
COLUMNS_SQL = """
SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
 WHERE database_name = current_database() AND schema_name = current_schema() AND NOT internal
ORDER BY table_name, column_index
"""


def _schema_objects(path: Path) -> list[dict]:
    """Every table, then every view, with its comment and its columns (name, type, comment) in order."""
    _, objects = _query(path, SCHEMA_SQL)
    _, columns = _query(path, COLUMNS_SQL)
    by_object: dict[str, list[dict]] = {}
    for table, column, data_type, comment in columns:
        by_object.setdefault(table, []).append({"name": column, "type": data_type, "comment": comment})
    return [{"name": name, "kind": kind, "comment": comment, "columns": by_object.get(name, [])}
            for kind, name, comment in objects]


def _md_cell(text: Optional[str]) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _format_schema(objects: Sequence[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(objects, indent=1, ensure_ascii=False) + "\n"
    out = []
    for obj in objects:
        if fmt == "md":
            out += [f"## {obj['name']} ({obj['kind']})", "", _md_cell(obj["comment"]) or "(no comment)", "",
                    "| column | type | comment |", "|---|---|---|"]
            out += [f"| {c['name']} | {c['type']} | {_md_cell(c['comment'])} |" for c in obj["columns"]]
        else:
            out.append(f"{obj['name']} ({obj['kind']}): {obj['comment'] or '(no comment)'}")
            width = max((len(c["name"]) for c in obj["columns"]), default=0)
            type_width = max((len(c["type"]) for c in obj["columns"]), default=0)
            out += [f"  {c['name']:<{width}}  {c['type']:<{type_width}}  {c['comment'] or ''}".rstrip()
                    for c in obj["columns"]]
        out.append("")
    return "\n".join(out)


def cmd_schema(args: argparse.Namespace) -> int:
    """Print every table and view of the warehouse with its comment and its columns with theirs."""
    settings = _settings(args)
    sys.stdout.write(_format_schema(_schema_objects(_warehouse_path(args, settings)), args.format))
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """Print or write what changed between two runs; exit 1 when anything did."""
    from flows import diff_html, diff_report

    settings = _settings(args)
    con = _open_read_only(_warehouse_path(args, settings))
    try:
        diff = diff_report.run_diff(con, args.from_run, args.to_run)
    except diff_report.DiffInputError as exc:
        raise CliError(str(exc)) from exc
    finally:
        con.close()
    formats = {"table": diff_report.format_table, "md": diff_report.format_md, "json": diff_report.format_json,
               "html": diff_html.format_html}
    text = formats[args.format](diff)
    if args.out:
        _write_output(args.out, text)
        print(f"wrote the changes from {diff.from_run} to {diff.to_run} to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_RUN_FAILED if diff.has_differences else EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    """List facts and their curation, or record a curator's decision (the one write outside a run)."""
    import duckdb

    from flows import review
    from warehouse.migrate import WarehouseError, WarehouseLockedError, connect, ensure_schema

    settings = _settings(args)
    path = _warehouse_path(args, settings)
    if args.verb == "list":
        con = _open_read_only(path)
        try:
            columns, rows = review.list_facts(con, args.pending)
        except duckdb.Error as exc:
            raise CliError(f"cannot list facts: {_first_line(exc)}; run `evidence run` to bring the warehouse "
                           "up to date") from exc
        finally:
            con.close()
        sys.stdout.write(_format_rows(columns, rows, args.format))
        return EXIT_OK
    if not Path(path).exists():
        raise CliError(f"no warehouse at {path}; run `evidence run` first or pass --warehouse FILE")
    try:
        con = connect(path, lock_timeout=settings.warehouse.lock_timeout_seconds)
    except WarehouseLockedError as exc:
        raise CliError(f"{exc}\nno decision was recorded") from exc
    except WarehouseError as exc:
        raise CliError(str(exc)) from exc
    try:
        ensure_schema(con)
        note = args.text if args.verb == "note" else args.note
        print(review.decide(con, args.verb, args.fact, args.curator, getattr(args, "value", None), note))
    except review.ReviewError as exc:
        raise CliError(str(exc)) from exc
    finally:
        con.close()
    return EXIT_OK


def _check_model_folder(out: Path) -> None:
    """Exit 2 unless `out` can become the model folder without replacing anything but an older model."""
    blocker = _file_in_the_way(out)
    if out.exists() and not out.is_dir():
        blocker = out
    if blocker is not None:
        raise CliError(f"cannot train into {out}: {blocker} is a file, not a folder; give --out a folder path")
    if out.is_dir() and any(out.iterdir()) and not (out / "meta.json").is_file():
        raise CliError(f"refusing to train into {out}: it holds files and is not a spaCy model folder, "
                       "and training replaces the folder; give --out a new or empty folder")


def cmd_train(args: argparse.Namespace) -> int:
    """Train the project's NER model from the annotated examples it ships."""
    from extractors.nlp.train import train_ner  # loads spaCy, which no other command needs

    settings = _settings(args)
    out = Path(args.out) if args.out else settings.extract.ner_model_dir
    _check_model_folder(out)
    print(f"training NER into {out} (seed {args.seed}) ...", file=sys.stderr)
    try:
        metrics = train_ner(out, seed=args.seed)
    except OSError as exc:
        raise CliError(f"cannot train into {out}: {exc.filename or ''} {exc.strerror or exc}".strip()) from exc
    print(json.dumps(metrics, indent=1, default=_json_default))
    return EXIT_OK


def _check_corpus(dirs: Sequence[Path]) -> list[Path]:
    missing = [d for d in dirs if not Path(d).exists()]
    if missing:
        raise CliError("corpus folder not found: " + ", ".join(str(m) for m in missing)
                       + "\ngive existing folders with --corpus DIR (repeatable)")
    files = [d for d in dirs if not Path(d).is_dir()]
    if files:
        raise CliError("corpus is not a folder: " + ", ".join(str(f) for f in files)
                       + "\ngive the folder that holds the PDFs with --corpus DIR (repeatable)")
    return [Path(d).resolve() for d in dirs]


def _check_extract_inputs(extract: ExtractSettings) -> None:
    """Exit 2 when a gazetteer or model the settings name is missing, rather than extract with less."""
    where = "(relative paths in the config are taken from the project root)"
    try:
        for load_gazetteer in (load_drugs, load_groups, load_known_trials, load_non_trial_terms):
            load_gazetteer(extract.gazetteer_dir)
    except OSError as exc:
        raise CliError(f"gazetteer not readable: {exc.filename or extract.gazetteer_dir}: {exc.strerror or exc}\n"
                       f"set extract.gazetteer_dir to a folder like config/gazetteers {where}") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise CliError(f"gazetteer in {extract.gazetteer_dir} is malformed: {type(exc).__name__}: {exc}") from exc
    if extract.use_ner and not all((extract.ner_model_dir / name).is_file() for name in ("config.cfg", "meta.json")):
        raise CliError(f"no NER model in {extract.ner_model_dir} {where}\ntrain one with `evidence train --out DIR` "
                       "and set extract.ner_model_dir to it, or set extract.use_ner = false")
    if extract.base_model:
        import spacy.util  # deferred: only a configured base_model needs spaCy here

        if not (spacy.util.is_package(extract.base_model) or Path(extract.base_model).is_dir()):
            raise CliError(f"extract.base_model {extract.base_model!r} is neither an installed spaCy model nor a "
                           "model folder; install it (pip install ...) or remove the setting")


def _check_warehouse_writable(path: Path, lock_timeout: float) -> None:
    try:
        con = connect(path, lock_timeout=lock_timeout)
    except WarehouseLockedError as exc:
        raise CliError(f"{exc}\nnothing was run") from exc
    except WarehouseError as exc:
        hint = "\nis it a DuckDB file, and is no other process writing to it?" if path.parent.is_dir() else ""
        raise CliError(f"{exc}{hint}") from exc
    try:
        ensure_schema(con)
    except Exception as exc:  # noqa: BLE001 - any schema failure makes the file unusable as a warehouse
        raise CliError(f"cannot prepare warehouse {path}: {exc}") from exc
    finally:
        con.close()


def _with_run_options(settings: PipelineSettings, args: argparse.Namespace) -> PipelineSettings:
    """The settings with the command line's --runner and --dask-address, validated together (exit 2 if bad)."""
    runner, address = getattr(args, "runner", None), getattr(args, "dask_address", None)
    if runner is None and address is None:
        return settings
    if runner == "processes" and address is not None:
        raise CliError(f"--dask-address needs --runner dask, not --runner {runner}")
    run = settings.run.model_dump()
    if address is not None:
        run.update(runner="dask", dask_address=address)
    else:
        run.update(runner=runner, dask_address=run["dask_address"] if runner == "dask" else None)
    try:
        return settings.model_copy(update={"run": RunSettings.model_validate(run)})
    except ValueError as exc:
        reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        raise CliError(f"--dask-address {address}: {reasons}" if address else reasons) from exc


def _checked_run_inputs(args: argparse.Namespace) -> tuple[PipelineSettings, list[Path], Path]:
    """Settings, corpus folders and warehouse path of a run, each checked before any work starts (exit 2 if bad)."""
    settings = _with_run_options(_settings(args), args)
    corpus = _check_corpus(args.corpus or list(settings.ingest.corpus_dirs))
    _check_extract_inputs(settings.extract)
    warehouse_path = _warehouse_path(args, settings).resolve()
    _check_warehouse_writable(warehouse_path, settings.warehouse.lock_timeout_seconds)
    return settings, corpus, warehouse_path


def cmd_run(args: argparse.Namespace) -> int:
    """Run the pipeline flow and print a short summary."""
    settings, corpus, warehouse_path = _checked_run_inputs(args)
    api_url_before = os.environ.get("PREFECT_API_URL")  # restored after the run: later runs and children decide anew
    # Before Prefect is imported (it reads PREFECT_API_URL once): reuse a local server that answers, or launch the
    # run's own before importing Prefect and the pipeline, so it boots meanwhile.
    reused = adopt_running_local_server()
    if reused and not args.quiet:
        print(f"prefect: using the server already running at {reused}", file=sys.stderr)
    # flows.run_outcome and flows.run_record load neither Prefect nor the NLP and PDF libraries
    from flows.run_outcome import EXIT_BY_SIGNAL, RunStopped, failure_message, raise_run_stopped, stop_run
    from flows.run_record import STARTED_RUNS, BatchValidationError, unchanged_run

    progress = None if args.quiet else _stderr_line
    started = time.monotonic()
    runs_before = len(STARTED_RUNS)
    server = None
    previous = {sig: signal.signal(sig, raise_run_stopped) for sig in EXIT_BY_SIGNAL}
    try:
        # A run's own temporary Prefect server keeps no history: a run with nothing to read records itself without it
        quick = not (reused or api_url_before or args.full or args.retry_failed)
        summary = unchanged_run(corpus, warehouse_path, settings, progress) if quick else None
        if summary is None:
            server = None if reused else launch_run_server()
            # Deferred so that sql, export and schema start fast: flows.pipeline imports Prefect
            from flows.pipeline import evidence_run
            from flows.runners import task_runner_for, using_prefect_api, uses_document_workers

            if uses_document_workers(settings) and (quick or args.full or args.retry_failed):
                # files will be read (a quick run got this far because one changed): the document workers boot
                # while the run's Prefect server does, instead of after it (~3 s of a run's start, one core idle)
                start_document_workers(settings.ingest.workers, settings.extract)
            if server is not None:
                server.wait_ready(float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")))
            flow = evidence_run.with_options(task_runner=task_runner_for(settings))
            with using_prefect_api(os.environ.get("PREFECT_API_URL")):
                summary = flow(corpus, warehouse_path, settings, progress=progress, retry_failed=args.retry_failed,
                               full=args.full)
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
    finally:  # the server stays up for later runs in this process; it is stopped at exit (atexit)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if api_url_before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = api_url_before
    _print_summary(summary, time.monotonic() - started, warehouse_path)
    return EXIT_OK


def _stderr_line(message: str) -> None:
    """Print one progress line to stderr."""
    print(message, file=sys.stderr, flush=True)


def _print_summary(summary, elapsed: float, warehouse_path: Path) -> None:
    """Print a finished run's summary: counts, sync state, validation and where the warehouse is."""
    c = summary.counts
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(c.by_status.items()))
    s = summary.sync
    lines = [
        f"run {summary.run_id} completed in {elapsed:.1f} s",
        f"  documents:        {c.documents} ({statuses or 'none'})"
        + (f", {c.skipped} unchanged and not read again" if c.skipped else ""),
        f"  Table 1 rows:     {c.table1_rows}" + (f" (Table 1 not loaded, columns not mapped: "
                                                      f"{', '.join(summary.table1_unmapped)}; see documents.message)"
                                                      if summary.table1_unmapped else ""),
        f"  evidence records: {c.loaded} loaded, {c.rejected} rejected (see rejected_records)",
        f"  Table 1 sync:     {s.get('table1_rows', 0)} rows, {s.get('table_records', 0)} table records, "
        f"{s.get('body_records', 0)} body records, {s.get('disagreements', 0)} table-vs-body disagreements",
        f"  Table 1 results:  {s.get('confirmed', 0)} confirmed, {s.get('rounding', 0)} rounding, "
        f"{s.get('contradicted', 0)} contradicted, {s.get('unsupported', 0)} unsupported (see v_table1_sync)",
        f"  validation:       {summary.validation_seconds:.1f} s"
        + (f", data docs at {summary.data_docs_path}" if summary.data_docs_path else ""),
        f"  warehouse:        {warehouse_path}",
        f"try: .venv/bin/evidence sql \"{EXAMPLE_QUERY}\"",
    ]
    print("\n".join(lines))


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the pipeline on its schedule until stopped (Ctrl-C or SIGTERM)."""
    settings, corpus, warehouse_path = _checked_run_inputs(args)
    if args.interval is not None and args.interval <= 0:
        raise CliError(f"--interval must be a positive number of seconds, not {args.interval:g}")
    cron = args.cron or settings.schedule.cron
    try:
        ScheduleSettings(cron=cron)
    except ValueError as exc:
        raise CliError(f"--cron {cron!r}: {exc.errors()[0]['msg'] if hasattr(exc, 'errors') else exc}") from exc
    from flows.serve import DEPLOYMENT_NAME, serve

    when = f"every {args.interval:g} s" if args.interval else f"on cron {cron!r}"
    api = os.environ.get("PREFECT_API_URL") or "a local Prefect server started now (it stops with this command)"
    print(f"serving evidence-scheduled-run/{DEPLOYMENT_NAME} {when} against {api}\n"
          f"  corpus: {', '.join(map(str, corpus))}\n  warehouse: {warehouse_path}\nstop with Ctrl-C", file=sys.stderr)
    serve(corpus, warehouse_path, args.config.resolve() if args.config else None, cron, args.interval,
          settings.schedule.timezone)
    print("evidence serve: stopped", file=sys.stderr)
    return EXIT_OK


COMMANDS = {"run": cmd_run, "serve": cmd_serve, "sql": cmd_sql, "export": cmd_export, "evaluate": cmd_evaluate,
            "schema": cmd_schema, "train": cmd_train, "diff": cmd_diff, "review": cmd_review}


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
