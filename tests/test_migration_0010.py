"""Migration 0010 rebuilds fact_evidence so a rate may carry an assessment window; existing rows survive."""
from __future__ import annotations

import duckdb
import pytest

from warehouse import migrate

MIGRATION = "0010_rate_timepoint_windows.sql"
INSERT = ("INSERT INTO fact_evidence (record_id, doc, endpoint, value, unit, statistic, timepoint, page, quote, source,"
          " doc_sha256, value_text, char_start, char_end, quote_start, extractor, extractor_version, is_current)"
          " VALUES (repeat(?, 64), 'x.pdf', ?, 50, ?, ?, ?, 1, 'it was 50', 'body', repeat('b', 64), '50', 0, 2, 0,"
          " 'rule:test', 't1', true)")
INSERT_NOW = INSERT.replace("is_current)", "is_current, span_base)").replace("true)", "true, 'document')")
"""The same row once 0013 has added span_base."""
PRE_0010_CHECKS = (
    ("'^([0-9]+(\\.[0-9]+)?(d|wk|mo|y)|[0-9]+cycles|cycle[0-9]+|d[0-9]+|EOI|EOT)$'", "'^[0-9]+(\\.[0-9]+)?(d|wk|mo|y)$'"),
    ("statistic IN ('median', 'hazard_ratio', 'count'), false) OR (timepoint IS NULL)",
     "statistic <> 'landmark', false) OR (timepoint IS NULL)"),
)


@pytest.fixture
def old_warehouse(tmp_path):
    """A warehouse whose fact_evidence has the pre-0010 CHECKs and one landmark row, with 0010 pending."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate.ensure_schema(con)
    ddl = (migrate.TABLES_DIR / "fact_evidence.sql").read_text(encoding="utf-8")
    ddl = "\n".join(line for line in ddl.splitlines() if "span_base" not in line)  # span_base came in 0013
    for new, old in PRE_0010_CHECKS:
        assert new in ddl
        ddl = ddl.replace(new, old)
    con.execute("DROP TABLE fact_evidence")
    con.execute(ddl)
    # the later rebuilds of fact_evidence are pending too, as in a warehouse made before 0010
    con.execute("DELETE FROM schema_migrations WHERE name IN (?, '0012_nrm_is_rate_only.sql', '0013_span_base.sql')",
                [MIGRATION])
    con.execute("DELETE FROM schema_version")  # an older warehouse was built from other SQL files
    con.execute(INSERT, ["a", "OS", "%", "landmark", "2y"])
    yield con
    con.close()


def test_pre_0010_shape_rejects_a_rate_window(old_warehouse):
    with pytest.raises(duckdb.ConstraintException):
        old_warehouse.execute(INSERT, ["c", "CR", "%", "rate", "cycle1"])


def test_migration_0010_keeps_rows_and_accepts_rate_windows(old_warehouse):
    assert MIGRATION in migrate.ensure_schema(old_warehouse)
    for i, window in enumerate(("12wk", "3mo", "cycle1", "2cycles", "EOI", "EOT", "d85")):
        old_warehouse.execute(INSERT_NOW, [str(i), "CR", "%", "rate", window])
    rows = old_warehouse.execute("SELECT statistic, count(*) FROM v_evidence GROUP BY 1 ORDER BY 1").fetchall()
    assert rows == [("landmark", 1), ("rate", 7)]
    with pytest.raises(duckdb.ConstraintException):
        old_warehouse.execute(INSERT_NOW, ["m", "OS", "months", "median", "cycle1"])
