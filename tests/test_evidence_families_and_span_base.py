"""Facts with one owner in schemas/evidence.py: endpoint families (NRM rate-only), and what char offsets count from."""
from __future__ import annotations

import duckdb
import pytest

from schemas.evidence import COUNT_ENDPOINTS, RATE_ONLY_ENDPOINTS, TIME_TO_EVENT_ENDPOINTS, Endpoint
from schemas.declarations import FACT_EVIDENCE
from warehouse.migrate import connect, ensure_schema

MIGRATION = "0012_nrm_is_rate_only.sql"
SPAN_BASE_MIGRATION = "0013_span_base.sql"


def test_every_endpoint_is_in_exactly_one_family():
    families = TIME_TO_EVENT_ENDPOINTS + RATE_ONLY_ENDPOINTS + COUNT_ENDPOINTS
    assert sorted(families) == sorted(e.value for e in Endpoint)


def test_nrm_is_rate_only_as_guide_md_says():
    assert "NRM" in RATE_ONLY_ENDPOINTS and "NRM" not in TIME_TO_EVENT_ENDPOINTS


def test_time_to_event_rule_uses_the_family():
    rule = next(r for r in FACT_EVIDENCE.rules if r.name == "time_to_event_statistic")
    assert tuple(rule.check.values) == TIME_TO_EVENT_ENDPOINTS


def _insert_nrm(con, record_id: str, statistic: str, value: float, unit, span_base: bool = True):
    """Insert a body record of NRM; without span_base, into a table of the shape before migration 0013."""
    extra = (", span_base", ", 'document'") if span_base else ("", "")
    con.execute("INSERT INTO fact_evidence (record_id, doc, endpoint, value, unit, statistic, page, quote, source, "
                f"doc_sha256, value_text, char_start, char_end, quote_start, extractor, extractor_version, is_current"
                f"{extra[0]}) VALUES (?, 'r.pdf', 'NRM', ?, ?, ?, 1, ?, 'body', ?, ?, 0, 1, 0, 'rule', 'v', true"
                f"{extra[1]})", [record_id, value, unit, statistic, f"NRM {value:g}", "b" * 64, f"{value:g}"])


def test_median_nrm_is_refused_by_the_warehouse(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    _insert_nrm(con, "a" * 64, "rate", 12, "%")
    with pytest.raises(duckdb.ConstraintException):
        _insert_nrm(con, "c" * 64, "median", 7, "months")
    con.close()


def _old_warehouse(path, pending: tuple[str, ...]):
    """A warehouse whose fact_evidence has no CHECKs and no span_base, as before 0012, with `pending` not applied."""
    con = connect(path)
    ensure_schema(con)
    for view in [v for (v,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]:
        con.execute(f"DROP VIEW {view}")
    con.execute("CREATE TEMPORARY TABLE kept AS SELECT * EXCLUDE (span_base) FROM fact_evidence")
    con.execute("DROP TABLE fact_evidence")
    con.execute("CREATE TABLE fact_evidence AS SELECT * FROM kept")
    con.execute(f"DELETE FROM schema_migrations WHERE name IN ({', '.join('?' for _ in pending)})", list(pending))
    con.execute("DELETE FROM schema_version")  # an older warehouse was built from other SQL files
    return con


def test_migration_0012_keeps_nrm_rates_and_drops_a_median_nrm(tmp_path):
    con = _old_warehouse(tmp_path / "old.duckdb", (MIGRATION, SPAN_BASE_MIGRATION))
    _insert_nrm(con, "a" * 64, "rate", 12, "%", span_base=False)
    _insert_nrm(con, "c" * 64, "median", 7, "months", span_base=False)
    assert MIGRATION in ensure_schema(con)
    assert con.execute("SELECT statistic, span_base FROM fact_evidence").fetchall() == [("rate", "document")]
    con.close()


def test_migration_0013_gives_old_rows_the_span_base_of_their_source(tmp_path):
    con = _old_warehouse(tmp_path / "old.duckdb", (SPAN_BASE_MIGRATION,))
    _insert_nrm(con, "a" * 64, "rate", 12, "%", span_base=False)
    assert SPAN_BASE_MIGRATION in ensure_schema(con)
    assert con.execute("SELECT source, span_base FROM fact_evidence").fetchall() == [("body", "document")]
    con.close()
