"""The fact tables that grow with every run keep unique keys without a key index, in new and migrated warehouses."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from schemas.declarations import TABLES
from schemas.document import Document, DocumentStatus
from schemas.evidence import Table1Row
from tests.fixtures.small_warehouse import evidence_record
from warehouse import load, migrate
from warehouse.keys import duplicate_keys

TABLES_0050 = Path(__file__).resolve().parent / "fixtures" / "warehouse_0050"
"""warehouse/tables/*.sql as migration 0050 left them: fact_evidence, run_facts and fact_versions with a PRIMARY KEY."""
MIGRATION_0060 = "0060_fact_keys_without_index.sql"
REVIEW, REPORT_A, REPORT_B = "a" * 64, "b" * 64, "c" * 64
T0 = datetime(2026, 1, 1)
VIEWS = ("v_evidence", "v_table1", "v_table1_sync", "v_table1_study_evidence", "v_fact_history", "v_table1_history",
         "v_evidence_changes", "v_table1_disagreements", "v_table1_missing")
UNINDEXED = [t.name for t in TABLES if not t.indexed_key]


def _doc(sha: str, name: str) -> Document:
    return Document(sha256=sha, path=f"/corpus/{name}", pages=3, status=DocumentStatus.parsed, parser_version="p1")


def _table1_row() -> Table1Row:
    return Table1Row(doc_sha256=REVIEW, document="review.pdf", table_id=f"{REVIEW[:12]}:Table 1", row_number=1,
                     trial="TOWER", reference="13", setting="R/R", design="Phase III", total_patients="405",
                     treatment="Blinatumomab", main_results="CR: 34%", page=2)


def _review_records(value: float = 34.0):
    cell = f"CR: {value:g}%"
    return [evidence_record(doc="review.pdf", doc_sha256=REVIEW, source="table", quote=cell,
                            value=value, value_text=f"{value:g}", char_start=4, char_end=6, quote_start=0,
                            table_id=f"{REVIEW[:12]}:Table 1", table_row=1, table_col=6, extractor="table1:results",
                            arm=None, nct=None),
            evidence_record(doc="review.pdf", doc_sha256=REVIEW, quote="In TOWER, CR was 34% with blinatumomab.",
                            char_start=17, char_end=19, quote_start=0)]


def _report_records(sha: str, name: str, value: float):
    quote = f"CR was {value:g}% with blinatumomab versus 16% with chemotherapy."
    return [evidence_record(doc=name, doc_sha256=sha, value=value, value_text=f"{value:g}", quote=quote),
            evidence_record(doc=name, doc_sha256=sha, arm="chemotherapy", value=16.0, value_text="16",
                            char_start=40, char_end=42, quote=quote)]


RUN_1 = ([_doc(REVIEW, "review.pdf"), _doc(REPORT_A, "a.pdf")], [_table1_row()],
         _review_records() + _report_records(REPORT_A, "a.pdf", 34.0))
RUN_2 = ([_doc(REPORT_A, "a.pdf"), _doc(REPORT_B, "b.pdf")], [],  # a.pdf again, overlapping run 1
         _report_records(REPORT_A, "a.pdf", 34.0) + _report_records(REPORT_B, "b.pdf", 33.0))


def _load(con, n: int, run) -> None:
    docs, rows, records = run
    record = load.RunRecord(run_id=f"r{n}", started_at=T0 + timedelta(hours=n), status="completed",
                            finished_at=T0 + timedelta(hours=n, minutes=1))
    load.load_run(con, record, docs, rows, records, [], [Path("/corpus")],
                  seen_paths=[f"/corpus/{name}" for name in ("review.pdf", "a.pdf", "b.pdf")])


def _views(con) -> dict[str, list]:
    return {v: sorted(map(repr, con.execute(f"SELECT * FROM {v}").fetchall())) for v in VIEWS}


def _rows(con, table: str) -> list:
    return sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall()))


def _key_constraints(con) -> list:
    return con.execute("SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' "
                       "AND list_contains(?, table_name)", [UNINDEXED]).fetchall()


def _fresh(path: Path):
    con = migrate.connect(path)
    migrate.ensure_schema(con)
    return con


def _as_of_0050(path: Path, monkeypatch):
    """A warehouse built by the code before migration 0060 (its table files, its migrations)."""
    shipped = migrate.migration_files
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "TABLES_DIR", TABLES_0050)
        patch.setattr(migrate, "migration_files", lambda: [m for m in shipped() if m.name < MIGRATION_0060])
        con = migrate.connect(path)
        migrate.ensure_schema(con)
    assert len(_key_constraints(con)) == 3
    return con


def test_a_rerun_of_the_same_documents_loads_no_duplicate(tmp_path):
    con = _fresh(tmp_path / "w.duckdb")
    _load(con, 1, RUN_1)
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("fact_evidence", "fact_versions")}
    _load(con, 2, RUN_1)
    after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("fact_evidence", "fact_versions")}
    assert after == before
    assert con.execute("SELECT count(*), count(DISTINCT record_id) FROM run_facts WHERE run_id = 'r2'").fetchone() \
        == (len(RUN_1[2]), len(RUN_1[2]))
    assert con.execute("SELECT DISTINCT last_run_id FROM fact_evidence").fetchall() == [("r2",)]
    assert duplicate_keys(con) == {t: 0 for t in UNINDEXED}


def test_keys_stay_unique_after_two_runs_with_overlapping_documents(tmp_path):
    con = _fresh(tmp_path / "w.duckdb")
    _load(con, 1, RUN_1)
    _load(con, 2, RUN_2)
    _load(con, 3, RUN_2)
    assert duplicate_keys(con) == {t: 0 for t in UNINDEXED}
    assert con.execute("SELECT count(*) FROM fact_evidence").fetchone()[0] == 6
    assert con.execute("SELECT first_run_id, last_run_id FROM fact_evidence WHERE doc = 'a.pdf' AND arm = "
                       "'chemotherapy'").fetchall() == [("r1", "r3")]


def test_duplicate_keys_finds_a_key_held_twice(tmp_path):
    con = _fresh(tmp_path / "w.duckdb")
    _load(con, 1, RUN_1)
    con.execute("INSERT INTO run_facts SELECT * FROM run_facts LIMIT 1")
    assert duplicate_keys(con) == {"fact_evidence": 0, "run_facts": 1, "fact_versions": 0}


def test_a_warehouse_of_the_older_schema_migrates_keeps_its_rows_and_shows_what_a_fresh_one_shows(tmp_path,
                                                                                               monkeypatch):
    """Regression: checkpoint_rewrites_key_index (0060 drops the key indexes of warehouses built before it)."""
    old = _as_of_0050(tmp_path / "old.duckdb", monkeypatch)
    _load(old, 1, RUN_1)
    rows_before = {t: _rows(old, t) for t in UNINDEXED}
    views_before = _views(old)
    assert migrate.ensure_schema(old) == [MIGRATION_0060]
    assert _key_constraints(old) == []
    assert {t: _rows(old, t) for t in UNINDEXED} == rows_before
    assert _views(old) == views_before
    _load(old, 2, RUN_2)

    fresh = _fresh(tmp_path / "fresh.duckdb")
    _load(fresh, 1, RUN_1)
    _load(fresh, 2, RUN_2)
    assert _views(old) == _views(fresh)
    assert {t: _rows(old, t) for t in UNINDEXED} == {t: _rows(fresh, t) for t in UNINDEXED}
    assert duplicate_keys(old) == {t: 0 for t in UNINDEXED}
    assert old.execute("SELECT count(*) FROM v_table1_sync").fetchone()[0] > 0  # the comparison covers the sync
