"""Data quality through the real flow: impossible values are quarantined, a broken Table 1 fails only its document."""
from __future__ import annotations

import pytest

from flows.cli import main
from tests.fixtures.small_warehouse import query_rows as _rows
from tests.fixtures.summary_table_pdfs import SUMMARY_HEADER, SUMMARY_ROWS, summary_table_pdf

pytestmark = pytest.mark.slow

SNAPSHOT_SQL = (
    "select 'documents', count(*) from documents union all select 'table1_rows', count(*) from table1_rows "
    "union all select 'fact_evidence', count(*) from fact_evidence union all select 'runs', count(*) from runs "
    "union all select 'rejected', count(*) from rejected_records union all select 'run_facts', count(*) from run_facts"
)


@pytest.fixture(scope="module")
def quality_run(tmp_path_factory):
    """A warehouse after one run over a review whose Table 1 holds an impossible 136% response rate."""
    root = tmp_path_factory.mktemp("quality")
    corpus = root / "corpus"
    summary_table_pdf(corpus / "review.pdf")
    warehouse = root / "w.duckdb"
    assert main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse), "--quiet"]) == 0
    return root, warehouse


def test_impossible_table_value_is_rejected_with_reason_and_not_loaded(quality_run):
    _, warehouse = quality_run
    rejected = _rows(warehouse, "select payload->>'value', reasons, source, page, quote from rejected_records")
    hits = [r for r in rejected if float(r[0]) == 136]
    assert hits, rejected
    value, reasons, source, page, quote = hits[0]
    assert any("percent_within_0_100" in reason for reason in reasons)
    assert source == "table" and page == 1 and "136%" in quote
    assert _rows(warehouse, "select count(*) from v_evidence where value = 136")[0][0] == 0
    assert _rows(warehouse, "select count(*) from v_evidence where value = 44 and arm = 'blinatumomab' and source = 'table'")[0][0] == 1


def test_table1_mirror_keeps_the_impossible_cell_as_printed(quality_run):
    _, warehouse = quality_run
    cells = dict(_rows(warehouse, "select trial, main_results from v_table1"))
    assert cells["BETA-2"] == SUMMARY_ROWS[1][5]


def test_run_counts_include_rejected(quality_run):
    _, warehouse = quality_run
    loaded, rejected = _rows(warehouse, "select n_records_loaded, n_records_rejected from runs")[0]
    assert rejected >= 1 and loaded >= 1
    assert _rows(warehouse, "select count(*) from rejected_records")[0][0] == rejected


def test_table1_missing_a_column_fails_only_its_document_not_the_run(quality_run, capsys):
    # was: a Table 1 missing a column failed the whole run (issue 8, problem 6)
    root, warehouse = quality_run
    before = dict(_rows(warehouse, SNAPSHOT_SQL))
    broken = root / "broken"
    drop = SUMMARY_HEADER.index("Setting")
    summary_table_pdf(broken / "review-missing-column.pdf",
                      header=[h for i, h in enumerate(SUMMARY_HEADER) if i != drop],
                      rows=[[c for i, c in enumerate(r) if i != drop] for r in SUMMARY_ROWS])
    capsys.readouterr()
    code = main(["run", "--corpus", str(broken), "--warehouse", str(warehouse)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "review-missing-column.pdf: Table 1 not loaded" in err and "setting" in err
    after = dict(_rows(warehouse, SNAPSHOT_SQL))
    assert after["runs"] == before["runs"] + 1 and after["documents"] == before["documents"] + 1
    assert after["table1_rows"] == before["table1_rows"]  # none of the unmapped Table 1's rows
    status = _rows(warehouse, "select status, table1_status, message from documents "
                              "where file_name = 'review-missing-column.pdf'")
    assert status[0][:2] == ("parsed", "unmapped") and "setting" in status[0][2]
