"""Reads how the warehouse's evidence stands against each document's Table 1."""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import duckdb

from warehouse import migrate

SYNC_STATUSES = ("confirmed", "rounding", "contradicted", "unsupported")
"""The statuses of v_table1_sync, in the order the run summary prints them."""

COUNTS_QUERY = """
SELECT
    (SELECT count(*) FROM table1_rows WHERE is_current) AS table1_rows,
    (SELECT count(*) FILTER (WHERE source = 'table') FROM fact_evidence WHERE is_current) AS table_records,
    (SELECT count(*) FILTER (WHERE source = 'body') FROM fact_evidence WHERE is_current) AS body_records,
    (SELECT count(*) FROM v_table1_disagreements) AS disagreements,
    (SELECT count(*) FROM table1_rows t WHERE t.is_current AND NOT EXISTS (SELECT 1 FROM fact_evidence e
        WHERE e.is_current AND e.source = 'table' AND e.table_id = t.table_id AND e.table_row = t.row_number))
        AS table1_rows_without_records
"""
# the rows of v_table1 and v_evidence, read without the views' ORDER BY (which sorts them only to be counted)
# v_table1_sync costs about a second per scan at 200 documents: one scan counts every status.
STATUS_QUERY = "SELECT status, count(*) FROM v_table1_sync GROUP BY status"


def sync_state(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Counts of current Table 1 rows, table and body records, disagreements, and Table 1 results by sync status."""
    cursor = con.execute(COUNTS_QUERY)
    counts = dict(zip((d[0] for d in cursor.description), cursor.fetchone()))
    by_status = dict(con.execute(STATUS_QUERY).fetchall())
    counts.update({status: by_status.get(status, 0) for status in SYNC_STATUSES})
    return counts


SYNC_READ_SETTINGS = MappingProxyType({"threads": 1, "disabled_optimizers": "join_order"})
"""DuckDB settings of the run's sync read. One thread holds less memory at once (200 documents: the read's peak 234 ->
218 MB). Joins in the order the views write them: DuckDB's join ordering, misled by the views' estimated cardinalities
(billions of rows for a few thousand), built hash tables over all of fact_evidence (1,000 documents: sync read +406 MB
with it, +151 MB without it, same rows). Optimizer settings never change what a query returns."""


def read_sync_state(warehouse_path: Path, settings: Mapping[str, object] = SYNC_READ_SETTINGS) -> dict[str, int]:
    """`sync_state` of the warehouse at warehouse_path, opened read-only with the DuckDB `settings`."""
    con = migrate.connect(warehouse_path, read_only=True, settings=settings)
    try:
        return sync_state(con)
    finally:
        con.close()
