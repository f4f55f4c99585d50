"""Curator views: Table 1 disagreements with the body, and run-to-run changes."""
from __future__ import annotations

import re
from datetime import datetime

from schemas.document import Document, DocumentStatus
from schemas.evidence import EXPORT_FIELDS, PROVENANCE_FIELDS, EvidenceRecord
from tests.conftest import SHARED
from warehouse import load, migrate
from warehouse.migrate import connect, ensure_schema

SHA = "b" * 64
DOC = Document(sha256=SHA, path="/c/review.pdf", pages=9, status=DocumentStatus.parsed, parser_version="p")


def _rec(source: str, value: float, value_text: str, start: int, endpoint: str = "CR", **kw) -> EvidenceRecord:
    fields = dict(doc="review.pdf", trial="ALPHA", endpoint=endpoint, arm="blinatumomab", value=value, unit="%",
                  statistic="rate", page=3, quote=f"CR {value_text}%", source=source, doc_sha256=SHA,
                  value_text=value_text, char_start=start, char_end=start + len(value_text), quote_start=start - 3,
                  extractor="rule:t", extractor_version="1")
    if source == "table":
        fields.update(table_id="t1", table_row=1, table_col=5)
    fields.update(kw)
    return EvidenceRecord(**fields)


def _load(con, run_id: str, day: int, records) -> None:
    run = load.RunRecord(run_id=run_id, started_at=datetime(2026, 1, day), status="completed")
    load.load_run(con, run, [DOC], [], records, [])


def test_disagreements_tell_rounding_from_contradiction_and_skip_agreement(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    _load(con, "r1", 1, [
        _rec("table", 86, "86", 10), _rec("body", 85.5, "85.5", 100),                       # rounding
        _rec("table", 6.7, "6.7", 20, endpoint="RFS"), _rec("body", 6.8, "6.8", 200, endpoint="RFS"),  # contradiction
        _rec("table", 40, "40", 30, endpoint="EFS"), _rec("body", 40, "40", 300, endpoint="EFS"),       # agreement
    ])
    rows = con.execute("select endpoint, table_value, body_value, kind from v_table1_disagreements order by endpoint").fetchall()
    assert rows == [("CR", 86.0, 85.5, "rounding"), ("RFS", 6.7, 6.8, "contradiction")]
    con.close()


def test_changes_are_set_differences_between_a_documents_last_two_runs(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    a, b, c = _rec("body", 10, "10", 10), _rec("body", 20, "20", 20), _rec("body", 30, "30", 30)
    _load(con, "r1", 1, [a, b])
    _load(con, "r2", 2, [b, c])
    changes = con.execute("select change, value from v_evidence_changes order by value").fetchall()
    assert changes == [("removed", 10.0), ("added", 30.0)]
    assert sorted(v for (v,) in con.execute("select value from v_evidence").fetchall()) == [20.0, 30.0]
    con.close()


def test_failed_schema_refresh_leaves_the_warehouse_as_it_was(tmp_path, monkeypatch):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    changed = tmp_path / "views"
    changed.mkdir()
    for f in migrate.VIEWS_DIR.glob("*.sql"):
        (changed / f.name).write_text(f.read_text())
    # v_table1 is refreshed first with a new column; a later extra view then fails.
    (changed / "v_table1.sql").write_text("CREATE OR REPLACE VIEW v_table1 AS SELECT 1 AS marker;")
    (changed / "v_zz_broken.sql").write_text("CREATE VIEW v_zz_broken AS SELECT no_such_column FROM table1_rows;")
    monkeypatch.setattr(migrate, "VIEWS_DIR", changed)
    try:
        migrate.ensure_schema(con)
        raise AssertionError("a broken view must fail the schema refresh")
    except Exception as exc:  # noqa: BLE001
        assert "no_such_column" in str(exc)
    columns = [r[0] for r in con.execute("select column_name from duckdb_columns() where table_name = 'v_table1'").fetchall()]
    assert "marker" not in columns and "main_results" in columns
    con.close()


def test_file_replaced_at_the_same_path_leaves_only_the_new_readings_current(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    _load(con, "r1", 1, [_rec("body", 30, "30", 10)])
    new_sha = "c" * 64
    new_doc = DOC.model_copy(update={"sha256": new_sha})
    run = load.RunRecord(run_id="r2", started_at=datetime(2026, 1, 2), status="completed")
    load.load_run(con, run, [new_doc], [], [_rec("body", 31, "31", 10, doc_sha256=new_sha)], [])
    assert con.execute("select doc_sha256, value from v_evidence").fetchall() == [(new_sha, 31.0)]
    con.close()


def test_changes_when_a_document_loses_all_its_records(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    _load(con, "r1", 1, [_rec("body", 30, "30", 10)])
    _load(con, "r2", 2, [])
    assert con.execute("select change, value from v_evidence_changes").fetchall() == [("removed", 30.0)]
    assert con.execute("select count(*) from v_evidence").fetchone()[0] == 0
    con.close()


def test_changes_compare_a_replaced_file_with_its_previous_version_by_reading(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    _load(con, "r1", 1, [_rec("body", 30, "30", 10), _rec("body", 40, "40", 50, endpoint="EFS")])
    new_sha = "c" * 64
    run = load.RunRecord(run_id="r2", started_at=datetime(2026, 1, 2), status="completed")
    moved = _rec("body", 40, "40", 90, endpoint="EFS", doc_sha256=new_sha, page=4)  # same reading, new place
    load.load_run(con, run, [DOC.model_copy(update={"sha256": new_sha})], [],
                  [_rec("body", 31, "31", 10, doc_sha256=new_sha), moved], [])
    changes = con.execute("select change, endpoint, value, doc, path from v_evidence_changes order by change").fetchall()
    assert changes == [("added", "CR", 31.0, "review.pdf", "/c/review.pdf"),
                       ("removed", "CR", 30.0, "review.pdf", "/c/review.pdf")]
    con.close()


def test_renamed_and_changed_file_is_a_new_document_and_the_vanished_paths_readings_stop_being_current(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    run1 = load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed")
    load.load_run(con, run1, [DOC], [], [_rec("body", 30, "30", 10)], [], corpus_dirs=["/c"])
    new_sha = "c" * 64
    renamed = DOC.model_copy(update={"sha256": new_sha, "path": "/c/review-v2.pdf"})
    run2 = load.RunRecord(run_id="r2", started_at=datetime(2026, 1, 2), status="completed")
    load.load_run(con, run2, [renamed], [], [_rec("body", 31, "31", 10, doc_sha256=new_sha, doc="review-v2.pdf")], [],
                  corpus_dirs=["/c"])
    assert con.execute("select doc, value from v_evidence").fetchall() == [("review-v2.pdf", 31.0)]
    assert sorted(con.execute("select path from documents").fetchall()) == [("/c/review-v2.pdf",), ("/c/review.pdf",)]
    con.close()


def test_file_outside_the_runs_corpus_keeps_its_readings_current(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    _load(con, "r1", 1, [_rec("body", 30, "30", 10)])
    other = DOC.model_copy(update={"sha256": "c" * 64, "path": "/elsewhere/other.pdf"})
    run2 = load.RunRecord(run_id="r2", started_at=datetime(2026, 1, 2), status="completed")
    load.load_run(con, run2, [other], [], [], [], corpus_dirs=["/elsewhere"])
    assert con.execute("select value from v_evidence").fetchall() == [(30.0,)]
    con.close()


def test_changes_do_not_mix_paths_that_share_bytes(tmp_path):
    # regression: v_evidence_changes joined documents on sha256 only, so old bytes copied to another path made
    # that copy's run count as the latest run of the original path
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    _load(con, "r1", 1, [_rec("body", 10, "10", 10)])
    new_sha = "c" * 64
    run2 = load.RunRecord(run_id="r2", started_at=datetime(2026, 1, 2), status="completed")
    load.load_run(con, run2, [DOC.model_copy(update={"sha256": new_sha})], [],
                  [_rec("body", 20, "20", 10, doc_sha256=new_sha)], [])
    old_copy = DOC.model_copy(update={"path": "/archive/review.pdf"})
    run3 = load.RunRecord(run_id="r3", started_at=datetime(2026, 1, 3), status="completed")
    load.load_run(con, run3, [old_copy], [], [_rec("body", 10, "10", 10)], [])
    changes = con.execute("select change, value, path from v_evidence_changes order by path, change").fetchall()
    assert changes == [("added", 10.0, "/archive/review.pdf"),  # first run of that path: all its readings are new
                       ("added", 20.0, "/c/review.pdf"), ("removed", 10.0, "/c/review.pdf")]
    con.close()


def test_v_evidence_columns_are_the_export_then_provenance_fields(tmp_path):
    """The export fields have one owner (schemas.evidence); the view, the CLI and the bench follow it."""
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    columns = [c for (c,) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'v_evidence' "
                                         "ORDER BY column_index").fetchall()]
    con.close()
    assert columns[:len(EXPORT_FIELDS) + len(PROVENANCE_FIELDS)] == list(EXPORT_FIELDS + PROVENANCE_FIELDS)
    assert list(EvidenceRecord.model_fields)[:len(EXPORT_FIELDS)] == list(EXPORT_FIELDS)
    contract = (SHARED / "CONTRACTS.md").read_text(encoding="utf-8")
    line = next(line for line in contract.splitlines() if line.startswith("`doc`"))
    assert tuple(re.findall(r"`(\w+)`", line)) == EXPORT_FIELDS
