"""Version history of evidence facts and Table 1 cells: stable identities, and the runs each version was current in.

A fact's identity (`fact_key`) is what it is about, never where its number sat in the text, so it survives
re-extraction and a re-typeset file at the same path:
  document path, source, and
  - table facts: table label, data row, column (the cell), endpoint, arm, statistic, timepoint;
  - body facts: trial, endpoint, arm, statistic, timepoint;
  plus its ordinal among the document's facts sharing all of those (in text order).
Its version (`version_id`) is what was read: value, value_text, unit, CI, p-value, NCT and trial (not the quote: a
neighbour's corrected number or a fixed typo in the sentence is no new version of this fact; cells keep the text).
A Table 1 cell's identity is document path, table label, row number and v_table1 column; its version is its text.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional, Sequence

import duckdb
import pandas as pd

from schemas.declarations import TABLE1_CELL_COLUMNS
from schemas.document import Document
from schemas.evidence import EvidenceRecord, Table1Row, content_id
from warehouse.load_scope import EVERYTHING_KNOWN, LoadScope

FACT_COLUMNS = ("fact_key", "version_id", "record_id", "path", "doc", "doc_sha256")
CELL_COLUMNS = ("cell_key", "version_id", "path", "document", "doc_sha256", "table_label", "row_number",
                "column_name", "text", "row_id", "page", "bbox")


def table_label(table_id: Optional[str]) -> Optional[str]:
    """The table's label without the document-hash prefix: '0123abcd4567:Table 1' -> 'Table 1'."""
    return table_id.split(":", 1)[-1] if table_id else None


def _fact_about(record: EvidenceRecord, path: str) -> tuple:
    if record.source == "table":
        where: tuple = (table_label(record.table_id), record.table_row, record.table_col)
    else:
        where = (record.trial,)
    return (path, record.source, *where, record.endpoint, record.arm, record.statistic, record.timepoint)


def fact_versions(records: Iterable[EvidenceRecord], paths: dict[str, str]) -> list[dict]:
    """One row per record: its fact_key, version_id, record_id and document (records of unknown documents skipped)."""
    groups: dict[tuple, list[EvidenceRecord]] = defaultdict(list)
    for record in {r.record_id: r for r in records}.values():
        path = paths.get(record.doc_sha256)
        if path is not None:
            groups[_fact_about(record, path)].append(record)
    rows = []
    for about, members in groups.items():
        members.sort(key=lambda r: (r.page, r.char_start, r.char_end, r.record_id))
        for ordinal, record in enumerate(members, 1):
            key = content_id("fact", *about, ordinal)
            version = content_id(key, record.value, record.value_text, record.unit, record.ci_low, record.ci_high,
                                 record.p_value, record.nct, record.trial)
            rows.append({"fact_key": key, "version_id": version, "record_id": record.record_id, "path": about[0],
                         "doc": record.doc, "doc_sha256": record.doc_sha256})
    return rows


def _cell_text(row: Table1Row, column: str) -> Optional[str]:
    if column == "extra_cells":
        return json.dumps(row.extra_cells, ensure_ascii=False, sort_keys=True) if row.extra_cells else None
    return getattr(row, column)


def cell_versions(rows: Iterable[Table1Row], paths: dict[str, str]) -> list[dict]:
    """One row per Table 1 cell (v_table1 column) of each row: its cell_key, version_id and text."""
    out = []
    for row in {r.row_id: r for r in rows}.values():
        path = paths.get(row.doc_sha256)
        if path is None:
            continue
        label = table_label(row.table_id)
        for column in TABLE1_CELL_COLUMNS:
            key = content_id("cell", path, label, row.row_number, column)
            text = _cell_text(row, column)
            out.append({"cell_key": key, "version_id": content_id(key, text), "path": path, "document": row.document,
                        "doc_sha256": row.doc_sha256, "table_label": label, "row_number": row.row_number,
                        "column_name": column, "text": text, "row_id": row.row_id, "page": row.page,
                        "bbox": list(row.bbox) if row.bbox else None})
    return out


def _vanished(con: duckdb.DuckDBPyConnection, table: str, seen: set[str], corpus_dirs: Sequence[Path]) -> list[str]:
    """Paths with open versions under the run's corpus folders where the run found no file (renamed, moved, deleted)."""
    prefixes = tuple(str(folder).rstrip("/\\") + os.sep for folder in corpus_dirs)
    if not prefixes:
        return []
    # a version's path is a document's (written by the same load): only the table's rows at the few paths gone are read
    gone = [p for (p,) in con.execute("SELECT DISTINCT path FROM documents").fetchall()
            if p.startswith(prefixes) and p not in seen]
    if not gone:
        return []
    open_paths = con.execute(f"SELECT DISTINCT path FROM {table} WHERE valid_to_run IS NULL AND list_contains(?, path)",
                             [gone]).fetchall()
    return sorted(p for (p,) in open_paths)


def _insert_versions(con: duckdb.DuckDBPyConnection, table: str, key: str, columns: Sequence[str], run_id: str,
                     absent_only: bool) -> None:
    """Open a version for each incoming one (absent_only: unless it is open already)."""
    types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                             "AND schema_name = current_schema()", [table]).fetchall())
    absent = (f" WHERE NOT EXISTS (SELECT 1 FROM {table} v WHERE v.valid_to_run IS NULL AND v.{key} = i.{key} "
              "AND v.version_id = i.version_id)") if absent_only else ""
    con.execute(
        f"INSERT INTO {table} ({', '.join(columns)}, valid_from_run, valid_to_run) "
        f"SELECT {', '.join(f'CAST(i.{c} AS {types[c]})' for c in columns)}, ?, NULL FROM incoming_versions i"
        + absent, [run_id])


def _apply(con: duckdb.DuckDBPyConnection, table: str, key: str, columns: Sequence[str], rows: list[dict],
           run_id: str, read_paths: list[str], vanished: list[str], backing: str, backing_id: str,
           scope: LoadScope = EVERYTHING_KNOWN, retired: Optional[set[str]] = None) -> None:
    """Close the open versions the run no longer gives, re-point unchanged ones, open new ones, retire orphans.
    A path new to the warehouse (`scope`) has no version to close or re-point; orphans are versions whose backing
    row the load made not current (`retired` ids; None: every backing row not current) or whose path vanished."""
    known_paths = [p for p in read_paths if not scope.new_path(p)]
    for new in (False, True):
        part = [r for r in rows if scope.new_path(r["path"]) == new]
        if not part and (new or not known_paths):
            continue
        con.register("incoming_versions", pd.DataFrame([[r[c] for c in columns] for r in part],
                                                       columns=list(columns), dtype=object))
        try:
            if not new and known_paths:
                con.execute(
                    f"UPDATE {table} SET valid_to_run = ? WHERE valid_to_run IS NULL AND list_contains(?, path) "
                    f"AND NOT EXISTS (SELECT 1 FROM incoming_versions i WHERE i.{key} = {table}.{key} "
                    f"AND i.version_id = {table}.version_id)",
                    [run_id, known_paths])
            if part and not new:
                refreshed = [c for c in columns if c not in (key, "version_id", "path")]
                con.execute(
                    f"UPDATE {table} SET " + ", ".join(f"{c} = i.{c}" for c in refreshed) +
                    f" FROM incoming_versions i WHERE {table}.valid_to_run IS NULL AND {table}.{key} = i.{key} "
                    f"AND {table}.version_id = i.version_id")
            if part:
                _insert_versions(con, table, key, columns, run_id, absent_only=not new)
        finally:
            con.unregister("incoming_versions")
    if retired is None:
        orphans = f"SELECT {backing_id} FROM {backing} WHERE NOT is_current"
    else:
        orphans = "SELECT id FROM retired_ids"
        con.register("retired_ids", pd.DataFrame({"id": sorted(retired)}, dtype=object))
    try:
        if vanished or retired is None or retired:
            con.execute(  # a file renamed, moved or deleted, or whose rows the loader made not current
                f"UPDATE {table} SET valid_to_run = ? WHERE valid_to_run IS NULL AND NOT list_contains(?, path) "
                f"AND (list_contains(?, path) OR {backing_id} IN ({orphans}))", [run_id, read_paths, vanished])
    finally:
        if retired is not None:
            con.unregister("retired_ids")


def record_history(con: duckdb.DuckDBPyConnection, run_id: str, documents: Sequence[Document],
                   table1_rows: Sequence[Table1Row], records: Sequence[EvidenceRecord],
                   corpus_dirs: Sequence[Path] = (), unchanged_paths: Sequence[str] = (),
                   scope: LoadScope = EVERYTHING_KNOWN, retired: Optional[dict[str, set[str]]] = None) -> None:
    """Update fact and Table 1 cell versions for one run, inside the loader's transaction (after its upserts).
    `unchanged_paths` were found unchanged and not read: their open versions stay open. `scope` says which paths
    are new to the warehouse; `retired`, the ids of the facts and Table 1 rows the load made not current, by table
    (None: any row not current may be)."""
    paths: dict[str, str] = {}
    for doc in documents:
        if doc.status.value == "parsed":
            paths.setdefault(doc.sha256, doc.path)
    read_paths = sorted(set(paths.values()))
    seen = {doc.path for doc in documents} | set(unchanged_paths)
    for table, key, columns, rows, backing, backing_id in (
            ("fact_versions", "fact_key", FACT_COLUMNS, fact_versions(records, paths), "fact_evidence", "record_id"),
            ("table1_cell_versions", "cell_key", CELL_COLUMNS, cell_versions(table1_rows, paths), "table1_rows",
             "row_id")):
        _apply(con, table, key, columns, rows, run_id, read_paths, _vanished(con, table, seen, corpus_dirs), backing,
               backing_id, scope, None if retired is None else retired[backing])
