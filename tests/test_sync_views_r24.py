"""Round 24, issue 10: the Table 1 sync views read the current facts without sorting them and match study names by a
hash join, and return the rows their round-23 definitions return."""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from extractors.pdf.ingest import parse_pdf
from extractors.stages import extract_document
from schemas.settings import ExtractSettings, IngestSettings, ValidateSettings
from schemas.validate.records import validate_records
from tests.conftest import REVIEW_PDF
from warehouse import load, migrate, sync

VIEWS_R23 = Path(__file__).resolve().parent / "fixtures" / "views_r23"
"""v_table1_studies, v_table1_study_evidence, v_table1_sync and v_table1_disagreements as round 23 (commit 30f90d0)
defined them."""
SYNC_VIEWS = ("v_table1_studies", "v_table1_study_evidence", "v_table1_sync", "v_table1_disagreements")


@pytest.fixture(scope="module")
def seed_review_warehouses(tmp_path_factory):
    """The seed review loaded into a warehouse, and a copy of it whose sync views are round 23's."""
    folder = tmp_path_factory.mktemp("sync_views")
    doc = parse_pdf(REVIEW_PDF, IngestSettings())
    extraction = extract_document(doc, ExtractSettings())
    outcome = validate_records(extraction.records, [doc], "r1", ValidateSettings(data_docs=False))
    con = migrate.connect(folder / "now.duckdb")
    migrate.ensure_schema(con)
    load.load_run(con, load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed"), [doc],
                  extraction.table1_rows, outcome.valid, outcome.rejected)
    con.close()
    shutil.copyfile(folder / "now.duckdb", folder / "r23.duckdb")
    con = duckdb.connect(str(folder / "r23.duckdb"))
    for view in SYNC_VIEWS:
        con.execute((VIEWS_R23 / f"{view}.sql").read_text(encoding="utf-8"))
    con.close()
    return folder / "now.duckdb", folder / "r23.duckdb"


@pytest.mark.parametrize("view", SYNC_VIEWS)
def test_sync_views_return_the_rows_of_their_round_23_definitions(seed_review_warehouses, view):
    now, r23 = seed_review_warehouses
    con = duckdb.connect()
    con.execute(f"ATTACH '{now}' AS now (READ_ONLY)")
    con.execute(f"ATTACH '{r23}' AS r23 (READ_ONLY)")
    count = con.execute(f"SELECT count(*) FROM now.{view}").fetchone()[0]
    assert count > 0
    assert con.execute(f"SELECT count(*) FROM r23.{view}").fetchone()[0] == count
    for a, b in (("now", "r23"), ("r23", "now")):
        assert con.execute(f"SELECT count(*) FROM (FROM {a}.{view} EXCEPT ALL FROM {b}.{view})").fetchone()[0] == 0
    con.close()


def test_sync_state_counts_what_the_views_show(seed_review_warehouses):
    now, _ = seed_review_warehouses
    counts = sync.read_sync_state(now)
    con = duckdb.connect(str(now), read_only=True)
    try:
        assert counts["table1_rows"] == con.execute("SELECT count(*) FROM v_table1").fetchone()[0] > 0
        assert counts["table_records"] + counts["body_records"] == con.execute(
            "SELECT count(*) FROM v_evidence").fetchone()[0]
        assert counts["disagreements"] == con.execute("SELECT count(*) FROM v_table1_disagreements").fetchone()[0]
        assert counts["table1_rows_without_records"] == con.execute(
            "SELECT count(*) FROM v_table1 t WHERE NOT EXISTS (SELECT 1 FROM v_evidence e WHERE e.source = 'table' "
            "AND e.table_id = t.table_id AND e.table_row = t.row_number)").fetchone()[0]
    finally:
        con.close()


def _plan(warehouse: Path) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return "\n".join(row[1] for row in con.execute("EXPLAIN SELECT status, count(*) FROM v_table1_sync "
                                                       "GROUP BY status").fetchall())
    finally:
        con.close()


def test_sync_neither_sorts_the_current_facts_nor_loops_over_them(seed_review_warehouses):
    """Regression: sync_sorts_and_loops_over_every_fact (v_evidence's ORDER BY ran at each of its uses in the sync, and
    the study-name match compared every study with every record: 430 MB at 1,000 documents)."""
    now, r23 = seed_review_warehouses
    before, after = _plan(r23), _plan(now)
    assert "Blockwise Nl Join" in before and "Blockwise Nl Join" not in after and "Nested Loop" not in after
    assert after.count("Order By") * 3 < before.count("Order By")  # left: the views' own small final sorts
