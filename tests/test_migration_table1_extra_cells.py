"""Migration 0011: a warehouse made before Table 1 extra cells gains the column and keeps its rows."""
from __future__ import annotations

from warehouse.migrate import connect, ensure_schema

MIGRATION = "0011_table1_extra_cells.sql"


def test_old_warehouse_gains_extra_cells_column_and_keeps_rows(tmp_path):
    con = connect(tmp_path / "old.duckdb")
    ensure_schema(con)
    con.execute("DROP VIEW v_table1; DROP VIEW v_table1_disagreements")
    con.execute("ALTER TABLE table1_rows DROP COLUMN extra_cells")  # the shape before the migration
    con.execute("INSERT INTO table1_rows (row_id, doc_sha256, document, table_id, row_number, trial, setting, design, "
                "total_patients, treatment, main_results, page, is_current) VALUES "
                "(?, ?, 'r.pdf', 't', 1, 'Alpha', '', '', '', '', 'CR 40%', 1, true)", ["a" * 64, "b" * 64])
    con.execute("DELETE FROM schema_migrations WHERE name = ?", [MIGRATION])
    con.execute("DELETE FROM schema_version")  # an older warehouse was built from other SQL files
    assert MIGRATION in ensure_schema(con)
    assert con.execute("SELECT trial, extra_cells FROM v_table1").fetchall() == [("Alpha", None)]
    con.close()
