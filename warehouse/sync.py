"""Reads how the warehouse's evidence stands against each document's Table 1."""
from __future__ import annotations

import duckdb

SYNC_QUERIES = {
    "table1_rows": "SELECT count(*) FROM v_table1",
    "table_records": "SELECT count(*) FROM v_evidence WHERE source = 'table'",
    "body_records": "SELECT count(*) FROM v_evidence WHERE source = 'body'",
    "disagreements": "SELECT count(*) FROM v_table1_disagreements",
    "confirmed": "SELECT count(*) FROM v_table1_sync WHERE status = 'confirmed'",
    "rounding": "SELECT count(*) FROM v_table1_sync WHERE status = 'rounding'",
    "contradicted": "SELECT count(*) FROM v_table1_sync WHERE status = 'contradicted'",
    "unsupported": "SELECT count(*) FROM v_table1_sync WHERE status = 'unsupported'",
    "table1_rows_without_records": (
        "SELECT count(*) FROM v_table1 t WHERE NOT EXISTS (SELECT 1 FROM v_evidence e "
        "WHERE e.source = 'table' AND e.table_id = t.table_id AND e.table_row = t.row_number)"
    ),
}


def sync_state(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Counts of current Table 1 rows, table and body records, disagreements, and Table 1 results by sync status."""
    return {name: con.execute(sql).fetchone()[0] for name, sql in SYNC_QUERIES.items()}
