"""Writes one pipeline run into the warehouse in a single transaction; re-runs are idempotent."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Optional, Sequence

import duckdb
import pandas as pd

from schemas.declarations import DOCUMENTS, FACT_EVIDENCE, REJECTED_RECORDS, TABLE1_ROWS, table_decl
from schemas.document import Document
from schemas.dual import DualFlag
from schemas.evidence import EvidenceRecord, Table1Row
from schemas.rows import document_row, evidence_row, table1_row
from warehouse import incremental, supersede
from warehouse.dual_flags import record_dual_flags
from warehouse.history import record_history
from warehouse.load_scope import load_scope
from warehouse import migrate
from warehouse.migrate import pause_point

FACT_COLUMNS = tuple(c.name for c in FACT_EVIDENCE.record_columns)
TABLE1_COLUMNS = tuple(c.name for c in TABLE1_ROWS.record_columns)
DOCUMENT_COLUMNS = tuple(c.name for c in DOCUMENTS.record_columns)
REJECT_COLUMNS = tuple(c.name for c in REJECTED_RECORDS.record_columns)


@dataclass
class RunRecord:
    """One row of the `runs` table."""

    run_id: str
    started_at: datetime
    flow_run_id: Optional[str] = None
    finished_at: Optional[datetime] = None
    status: str = "running"
    code_version: str = ""
    corpus: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    validation_seconds: Optional[float] = None
    data_docs_path: Optional[str] = None
    message: str = ""
    pid: Optional[int] = field(default_factory=os.getpid)


def _reject_row(rejected: Any) -> dict[str, Any]:
    data = rejected.model_dump() if hasattr(rejected, "model_dump") else dict(rejected)
    data["payload"] = json.dumps(data["payload"], ensure_ascii=False, default=str, sort_keys=True)
    data["reasons"] = list(data["reasons"])
    return data


def _values(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> list[list[Any]]:
    return [[row[c] for c in columns] for row in rows]


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    return dict(con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND schema_name = current_schema()",
        [table]).fetchall())


def _upsert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], key: Sequence[str],
            rows: Sequence[list[Any]], run_id: str, current_flag: bool, new_keys: bool = False) -> None:
    """Insert the rows, or update the row of the same key; `new_keys`: the caller knows no key is in the table."""
    if not rows:
        return
    extra_cols = ["first_run_id", "last_run_id"] + (["is_current"] if current_flag else [])
    extra_vals = [run_id, run_id] + ([True] if current_flag else [])
    all_cols = list(columns) + extra_cols
    incoming = pd.DataFrame([list(r) + extra_vals for r in rows], columns=all_cols, dtype=object)
    incoming = incoming.drop_duplicates(subset=list(key), keep="last")  # one write per key in a single statement
    types = _column_types(con, table)
    updates = [c for c in all_cols if c not in key and c != "first_run_id"]
    con.register("incoming_rows", incoming)
    try:
        insert = (f"INSERT INTO {table} ({', '.join(all_cols)}) "
                  f"SELECT {', '.join(f'CAST({c} AS {types[c]})' for c in all_cols)} FROM incoming_rows")
        if table_decl(table).indexed_key:
            con.execute(insert + f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
                        + ", ".join(f"{c} = excluded.{c}" for c in updates))
        elif new_keys:
            con.execute(insert)
        else:
            _merge_by_key(con, table, all_cols, key, updates, types)
    finally:
        con.unregister("incoming_rows")


def _merge_by_key(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], key: Sequence[str],
                  updates: Sequence[str], types: dict[str, str]) -> None:
    """Upsert `incoming_rows` (one row per key) into a table whose key has no index: update the rows it already
    holds, then insert the others (an anti-join), so no key is ever there twice."""
    typed = ", ".join(f"CAST({c} AS {types[c]}) AS {c}" for c in columns)
    con.execute(f"CREATE OR REPLACE TEMP TABLE incoming_typed AS SELECT {typed} FROM incoming_rows")
    try:
        con.execute(f"UPDATE {table} SET " + ", ".join(f"{c} = i.{c}" for c in updates) +
                    f" FROM incoming_typed i WHERE {_same_key(key, table, 'i')}")
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(f'i.{c}' for c in columns)} "
                    f"FROM incoming_typed i WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {_same_key(key, 't', 'i')})")
    finally:
        con.execute("DROP TABLE IF EXISTS incoming_typed")


def _same_key(key: Sequence[str], left: str, right: str) -> str:
    """The SQL condition that two aliased rows have the same key ('t.run_id = i.run_id AND t.record_id = ...')."""
    return " AND ".join(f"{left}.{k} = {right}.{k}" for k in key)


def _under(path: str, folders: Sequence[Path]) -> bool:
    return any(path.startswith(str(folder).rstrip("/\\") + os.sep) for folder in folders)


def _superseded(con: duckdb.DuckDBPyConnection, documents: Sequence[Document], parsed: list[str],
                corpus_dirs: Sequence[Path], skipped: Sequence[incremental.Reading] = (),
                seen_paths: Sequence[str] = ()) -> list[str]:
    """Hashes whose readings stop being current: re-parsed now, earlier bytes at a path parsed now, or bytes whose
    every recorded path under the run's corpus folders has vanished (a file renamed, moved or deleted); never the
    bytes of a file skipped as unchanged, which a full run would have read again as current."""
    paths = sorted({d.path for d in documents if d.status.value == "parsed"})
    placeholders = ", ".join("?" for _ in paths) or "NULL"
    earlier = con.execute(f"SELECT DISTINCT sha256 FROM documents WHERE path IN ({placeholders})", paths).fetchall()
    seen_now = {d.path for d in documents} | {r.path for r in skipped} | set(seen_paths)
    recorded: dict[str, list[str]] = {}
    for sha, path in con.execute("SELECT sha256, path FROM documents WHERE status = 'parsed'").fetchall():
        recorded.setdefault(sha, []).append(path)
    vanished = {sha for sha, where in recorded.items()
                if all(_under(p, corpus_dirs) and p not in seen_now for p in where)}
    return sorted((set(parsed) | {sha for (sha,) in earlier} | vanished) - {r.doc_sha256 for r in skipped})


def _insert_keys(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], run_id: str,
                 rows: Sequence[tuple], new_keys: bool = False) -> None:
    """Add the run's keys the table lacks; `new_keys`: the caller knows the run has none of them yet."""
    if not rows:
        return
    con.register("incoming_keys", pd.DataFrame(list(rows), columns=list(columns)).drop_duplicates())
    try:
        absent = "" if new_keys else (f" WHERE NOT EXISTS (SELECT 1 FROM {table} t "
                                      f"WHERE t.run_id = $run_id AND {_same_key(columns, 't', 'i')})")
        con.execute(f"INSERT INTO {table} (run_id, {', '.join(columns)}) "
                    f"SELECT $run_id, {', '.join(f'i.{c}' for c in columns)} FROM incoming_keys i{absent}",
                    {"run_id": run_id})
    finally:
        con.unregister("incoming_keys")


def load_run(
    con: duckdb.DuckDBPyConnection,
    run: RunRecord,
    documents: Sequence[Document],
    table1_rows: Sequence[Table1Row],
    records: Sequence[EvidenceRecord],
    rejected: Sequence[Any],
    corpus_dirs: Sequence[Path] = (),
    skipped: Sequence[incremental.Reading] = (),
    extractor_version: Optional[str] = None,
    seen_paths: Sequence[str] = (),
    dual_flags: Sequence[DualFlag] = (),
) -> None:
    """Upsert the run's documents, Table 1 rows, records and rejects, and mark what is current, atomically; then
    checkpoint, so a crash after this returns needs no WAL replay. `skipped` files were seen unchanged, not read;
    `seen_paths` are every file the run found (a run loaded in batches passes them with each batch)."""
    seen_paths = sorted(set(seen_paths) | {r.path for r in skipped})
    parsed = sorted({d.sha256 for d in documents if d.status.value == "parsed"})
    corpus_dirs = [Path(c) for c in corpus_dirs]
    con.execute("BEGIN TRANSACTION")
    try:
        scope = load_scope(con, run.run_id, documents)  # what the batch adds that no table holds: no anti-join for it
        _upsert(con, "documents", DOCUMENT_COLUMNS, ("sha256", "path"),
                _values(DOCUMENT_COLUMNS, [document_row(d) for d in documents]), run.run_id, current_flag=False)
        superseded = _superseded(con, documents, parsed, corpus_dirs, skipped, seen_paths)
        retired = supersede.retire_readings(con, [sha for sha in superseded if not scope.new_document(sha)])
        _insert_keys(con, "run_documents", ("doc_sha256", "path"), run.run_id,
                     sorted({(d.sha256, d.path) for d in documents if d.status.value == "parsed"}))
        incremental.record_readings(con, run.run_id, documents, superseded, extractor_version)
        incremental.confirm_skipped(con, run.run_id, skipped)
        _upsert(con, "table1_rows", TABLE1_COLUMNS, ("row_id",),
                _values(TABLE1_COLUMNS, [table1_row(r) for r in table1_rows]), run.run_id, current_flag=True)
        facts = {row["record_id"]: row for row in map(evidence_row, records)}
        for new in (False, True):
            _upsert(con, "fact_evidence", FACT_COLUMNS, ("record_id",),
                    [[row[c] for c in FACT_COLUMNS] for row in facts.values()
                     if scope.new_document(row["doc_sha256"]) == new], run.run_id, current_flag=True, new_keys=new)
            _insert_keys(con, "run_facts", ("record_id",), run.run_id,
                         [(r,) for r, row in facts.items() if scope.new_to_run(row["doc_sha256"]) == new], new_keys=new)
        _upsert(con, "rejected_records", REJECT_COLUMNS, ("reject_id",),
                _values(REJECT_COLUMNS, [_reject_row(r) for r in rejected]), run.run_id, current_flag=False)
        record_dual_flags(con, run.run_id, documents, dual_flags)
        superseded_works, retired_works = supersede.supersede_same_work(con, documents)  # same DOI or title
        not_current = {"fact_evidence": (retired["fact_evidence"] - set(facts)) | retired_works["fact_evidence"],
                       "table1_rows": (retired["table1_rows"] - {r.row_id for r in table1_rows})
                       | retired_works["table1_rows"]}  # what this load made not current, and left so
        read = {d.path for d in documents}
        record_history(con, run.run_id, supersede.still_current(documents, superseded_works), table1_rows, records,
                       corpus_dirs, [p for p in seen_paths if p not in read], scope, not_current)
        mark_interrupted_runs(con, run.run_id)
        write_run(con, run)
        pause_point("upserted")
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:  # the COMMIT itself completed or failed: nothing is left to roll back
            pass
        raise
    pause_point("committed")
    migrate.checkpoint(con)
    pause_point("checkpointed")


def load_run_at(warehouse_path: Path, run: RunRecord, documents: Sequence[Document], table1_rows: Sequence[Table1Row],
                records: Sequence[EvidenceRecord], rejected: Sequence[Any], corpus_dirs: Sequence[Path] = (),
                skipped: Sequence[incremental.Reading] = (), extractor_version: Optional[str] = None,
                seen_paths: Sequence[str] = (), dual_flags: Sequence[DualFlag] = (), lock_timeout: float = 0.0,
                say: Optional[migrate.Say] = None) -> None:
    """Open the warehouse at warehouse_path (waiting up to lock_timeout s for another writer), bring its schema up to
    date and load the run (or one batch of it) as `load_run` does."""
    con = migrate.connect(warehouse_path, lock_timeout=lock_timeout, say=say)
    try:
        migrate.ensure_schema(con)
        load_run(con, run, documents, table1_rows, records, rejected, corpus_dirs, skipped, extractor_version,
                 seen_paths, dual_flags)
    finally:
        con.close()


def write_run(con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
    """Insert or update the `runs` row of this run."""
    c = run.counts
    con.execute(
        "INSERT INTO runs (run_id, flow_run_id, started_at, finished_at, status, code_version, corpus, n_documents, "
        "n_parsed, n_table1_rows, n_records_loaded, n_records_rejected, validation_seconds, data_docs_path, message, "
        "n_skipped, pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET "
        "finished_at = excluded.finished_at, status = excluded.status, n_documents = excluded.n_documents, "
        "n_parsed = excluded.n_parsed, n_table1_rows = excluded.n_table1_rows, "
        "n_records_loaded = excluded.n_records_loaded, n_records_rejected = excluded.n_records_rejected, "
        "validation_seconds = excluded.validation_seconds, data_docs_path = excluded.data_docs_path, "
        "message = excluded.message, n_skipped = excluded.n_skipped, pid = excluded.pid",
        [run.run_id, run.flow_run_id, run.started_at, run.finished_at, run.status, run.code_version, run.corpus,
         c.get("documents"), c.get("parsed"), c.get("table1_rows"), c.get("loaded"), c.get("rejected"),
         run.validation_seconds, run.data_docs_path, run.message, c.get("skipped", 0), run.pid],
    )


def process_exists(pid: int) -> bool:
    """Whether a process with this id exists on this machine (one owned by another user counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def mark_interrupted_runs(con: duckdb.DuckDBPyConnection, current_run_id: str) -> list[str]:
    """Mark as interrupted every other run still 'running' whose process is gone (stopped between batches); runs
    with no recorded pid are left alone. Returns the run ids marked. The caller holds the warehouse's write lock."""
    stale = [(run_id, pid) for run_id, pid in con.execute(
        "SELECT run_id, pid FROM runs WHERE status = 'running' AND run_id <> ? AND pid IS NOT NULL",
        [current_run_id]).fetchall() if not process_exists(pid)]
    for run_id, pid in stale:
        con.execute(
            "UPDATE runs SET status = 'interrupted', message = concat_ws(chr(10), nullif(message, ''), ?) "
            "WHERE run_id = ?",
            [f"interrupted: its process (pid {pid}) ended before the run completed; found by run {current_run_id}",
             run_id])
    return [run_id for run_id, _ in stale]
