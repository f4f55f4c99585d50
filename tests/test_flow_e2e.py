"""End to end through the real Prefect flow: the sample review plus the third-party corpus into a fresh warehouse."""
from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from tests.conftest import EXTERNAL, GOLD, REVIEW_PDF
from tests.fixtures.small_warehouse import query_rows as _query

pytestmark = pytest.mark.slow

COUNT_SQL = {
    "documents": "select count(*) from documents",
    "table1_rows": "select count(*) from table1_rows",
    "fact_evidence": "select count(*) from fact_evidence",
    "run_facts_distinct": "select count(distinct record_id) from run_facts",
    "rejected_records": "select count(*) from rejected_records",
}


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {name: con.execute(sql).fetchone()[0] for name, sql in COUNT_SQL.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """A warehouse after one run over the sample corpus and ../shared/corpus/external."""
    if not EXTERNAL.exists():
        pytest.skip("../shared/corpus/external is not present")
    path = tmp_path_factory.mktemp("e2e") / "warehouse.duckdb"
    code = main(["run", "--corpus", str(REVIEW_PDF.parent), "--corpus", str(EXTERNAL), "--warehouse", str(path), "--quiet"])
    assert code == 0
    return path


def test_v_table1_equals_gold_cells(warehouse):
    rows = _query(warehouse, "select row_number, trial, reference, setting, design, total_patients, treatment, "
                             "main_results from v_table1 where document = 'lussana2023_cancers.pdf' order by row_number")
    gold = json.loads((GOLD / "table1.json").read_text())
    assert len(rows) == len(gold) == 10
    for got, want in zip(rows, gold):
        assert got[0] == want["row"]
        assert got[2] == ",".join(str(r) for r in want["reference"])
        for value, key in zip(got[1:], ("trial", None, "setting", "design", "total_patients", "treatment", "main_results")):
            if key:
                assert _collapse(value) == _collapse(want[key]), (want["row"], key)


def test_every_file_has_a_document_row_with_a_status(warehouse):
    pdfs = sorted(p.name for p in EXTERNAL.rglob("*.pdf")) + [REVIEW_PDF.name]
    statuses = dict(_query(warehouse, "select file_name, status from documents"))
    assert sorted(statuses) == sorted(pdfs)
    assert statuses["empty.pdf"] == "empty"
    assert statuses["password-example.pdf"] == "encrypted"
    assert statuses["image.pdf"] == "no_text_layer"
    assert statuses["lussana2023_cancers.pdf"] == "parsed"
    assert all(msg for status, msg in _query(warehouse, "select status, message from documents where status <> 'parsed'"))


def test_run_row_records_counts(warehouse):
    (status, n_docs, n_t1, loaded, rejected, flow_run_id), = _query(
        warehouse, "select status, n_documents, n_table1_rows, n_records_loaded, n_records_rejected, flow_run_id from runs")
    assert status == "completed" and n_docs == len(list(EXTERNAL.rglob("*.pdf"))) + 1
    assert n_t1 == 10 and loaded > 0 and flow_run_id
    assert _counts(warehouse)["rejected_records"] == rejected


def test_quotes_hold_their_values(warehouse):
    rows = _query(warehouse, "select quote, value_text, page from v_evidence")
    assert rows
    assert all(value_text in quote and page >= 1 for quote, value_text, page in rows)


def test_second_run_adds_no_rows(warehouse):
    before = _counts(warehouse)
    assert main(["run", "--corpus", str(REVIEW_PDF.parent), "--corpus", str(EXTERNAL), "--warehouse", str(warehouse),
                 "--quiet"]) == 0
    assert _counts(warehouse) == before
    assert _query(warehouse, "select count(*) from runs")[0][0] == 2
    assert _query(warehouse, "select count(*) from v_evidence_changes")[0][0] == 0
