"""What the warehouse holds as current per file path, and how a run that skipped unchanged files records them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import duckdb
import pandas as pd

from schemas.document import Document

SKIPPABLE_STATUSES = frozenset({"parsed", "no_text_layer", "empty", "corrupt"})
"""Ingest outcomes fixed by the bytes and the parser version (the parse cache's own rule); others are read again."""


@dataclass(frozen=True)
class Reading:
    """One current_readings row: the file at `path` was read as these bytes by these versions."""

    path: str
    doc_sha256: str
    status: str
    parser_version: str
    extractor_version: str


def current_readings(con: duckdb.DuckDBPyConnection) -> dict[str, Reading]:
    """Every current reading, by path."""
    rows = con.execute("SELECT path, doc_sha256, status, parser_version, extractor_version "
                       "FROM current_readings").fetchall()
    return {row[0]: Reading(*row) for row in rows}


def _placeholders(values: Sequence) -> str:
    return ", ".join("?" for _ in values) or "NULL"


def record_readings(con: duckdb.DuckDBPyConnection, run_id: str, documents: Sequence[Document],
                    superseded: Sequence[str], extractor_version: Optional[str]) -> None:
    """Inside the load transaction: forget readings that stopped being current and record the ones read now (none
    without an extractor version, so those files are read again next time)."""
    if superseded:
        con.execute(f"DELETE FROM current_readings WHERE doc_sha256 IN ({_placeholders(superseded)})",
                    list(superseded))
    read_paths = sorted({d.path for d in documents})
    if read_paths:
        con.execute(f"DELETE FROM current_readings WHERE path IN ({_placeholders(read_paths)})", read_paths)
    rows = {d.path: (d.path, d.sha256, d.status.value, d.parser_version, extractor_version, run_id)
            for d in documents if extractor_version and d.status.value in SKIPPABLE_STATUSES and d.parser_version}
    if rows:
        con.register("incoming_readings", pd.DataFrame(list(rows.values()), columns=[
            "path", "doc_sha256", "status", "parser_version", "extractor_version", "run_id"]))
        try:
            con.execute("INSERT INTO current_readings SELECT path, doc_sha256, status, parser_version, "
                        "extractor_version, run_id FROM incoming_readings")
        finally:
            con.unregister("incoming_readings")


def confirm_skipped(con: duckdb.DuckDBPyConnection, run_id: str, skipped: Sequence[Reading]) -> None:
    """Inside the load transaction: record that this run saw the skipped files, their records still current, as if
    it had read them again (run_documents, run_facts, last_run_id), without reading them."""
    if not skipped:
        return
    con.register("skipped_files", pd.DataFrame([(r.path, r.doc_sha256, r.status) for r in skipped],
                                               columns=["path", "doc_sha256", "status"]))
    try:
        con.execute("UPDATE current_readings SET run_id = ? FROM skipped_files s "
                    "WHERE current_readings.path = s.path", [run_id])
        con.execute("UPDATE documents SET last_run_id = ? FROM skipped_files s "
                    "WHERE documents.path = s.path AND documents.sha256 = s.doc_sha256", [run_id])
        con.execute("INSERT INTO run_documents (run_id, doc_sha256, path) SELECT ?, doc_sha256, path "
                    "FROM skipped_files WHERE status = 'parsed' ON CONFLICT DO NOTHING", [run_id])
        shas = "(SELECT doc_sha256 FROM skipped_files WHERE status = 'parsed')"
        con.execute(f"INSERT INTO run_facts (run_id, record_id) SELECT DISTINCT ?, f.record_id FROM fact_evidence f "
                    f"WHERE f.is_current AND f.doc_sha256 IN {shas} AND NOT EXISTS (SELECT 1 FROM run_facts r "
                    "WHERE r.run_id = ? AND r.record_id = f.record_id)", [run_id, run_id])
        con.execute(f"UPDATE fact_evidence SET last_run_id = ? WHERE is_current AND doc_sha256 IN {shas}", [run_id])
        con.execute(f"UPDATE table1_rows SET last_run_id = ? WHERE is_current AND doc_sha256 IN {shas}", [run_id])
    finally:
        con.unregister("skipped_files")


def unchanged_files(warehouse_path: Path, hashes: dict[Path, str], parser_version: str, extractor_version: str,
                    lock_timeout: float = 0.0) -> list[Reading]:
    """The files whose current reading has the same bytes and versions: an incremental run need not read them.
    A sha found at two paths in this run is read again, so duplicate marking sees both."""
    from warehouse.migrate import connect

    if not Path(warehouse_path).is_file():
        return []
    con = connect(warehouse_path, read_only=True, lock_timeout=lock_timeout)
    try:
        readings = current_readings(con)
    except duckdb.CatalogException:  # a warehouse from before incremental runs: read everything once
        return []
    finally:
        con.close()
    seen: dict[str, int] = {}
    for sha in hashes.values():
        seen[sha] = seen.get(sha, 0) + 1
    unchanged = []
    for path, sha in hashes.items():
        reading = readings.get(str(path))
        if (reading is not None and reading.doc_sha256 == sha and seen[sha] == 1
                and reading.parser_version == parser_version and reading.extractor_version == extractor_version):
            unchanged.append(reading)
    return unchanged
