"""Cross-document reconciliation: a review's Table 1 rows against the trial reports in the same warehouse, through the
CLI (`evidence run` over a folder of the review and reports, then `evidence sql` on v_table1_sync)."""
from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import pytest

from flows import cli

pytestmark = pytest.mark.slow

DOCUMENTS = ("reviews/review_cart_all.pdf", "reviews/review_phall_tki.pdf", "trials_dev/cibmtr_tisagenlecleucel_rw.pdf",
             "trials_dev/park2018_1928z.pdf", "trials_dev/ponatinib_blinatumomab_mdacc.pdf")


@pytest.fixture(scope="module")
def sync_warehouse(tmp_path_factory, gold_dir):
    folder = tmp_path_factory.mktemp("reconciliation")
    corpus, warehouse = folder / "corpus", folder / "w.duckdb"
    corpus.mkdir()
    for name in DOCUMENTS:
        (corpus / name.split("/")[1]).symlink_to(gold_dir.parent / "corpus" / name)
    with redirect_stdout(io.StringIO()):
        assert cli.main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse), "--quiet"]) == 0
    return warehouse


@pytest.fixture(scope="module")
def sync_rows(sync_warehouse):
    warehouse = sync_warehouse
    with redirect_stdout(io.StringIO()) as out:
        assert cli.main(["sql", "SELECT * FROM v_table1_sync", "--warehouse", str(warehouse), "--format", "json"]) == 0
    return json.loads(out.getvalue())


def _row(rows, doc, trial, endpoint, value):
    (row,) = [r for r in rows if r["doc"] == doc and r["trial"] == trial and r["endpoint"] == endpoint
              and r["table_value"] == value]
    return row


def test_a_registry_row_is_rounded_from_the_registry_report(sync_rows):
    row = _row(sync_rows, "review_cart_all.pdf", "CIBMTR registry", "CR", 86.0)
    assert (row["report_status"], row["report_value"], row["report_doc"], row["report_page"]) == (
        "rounding", 85.5, "cibmtr_tisagenlecleucel_rw.pdf", 1)
    assert "85.5" in row["report_quote"]  # 'CIBMTR registry' goes by 'CIBMTR', the name the report's records carry
    assert row["status"] == "rounding"  # the review body gives 85.5 as well


def test_a_figure_the_review_body_lacks_is_confirmed_by_the_trial_report(sync_rows):
    row = _row(sync_rows, "review_cart_all.pdf", "MSKCC 19-28z", "EFS", 6.1)
    assert (row["status"], row["evidence_doc"], row["evidence_page"]) == ("confirmed", "park2018_1928z.pdf", 1)
    assert "6.1 months" in row["evidence_quote"]
    assert row["reason"].endswith("matched to the study by its report title")  # its records say ELIANA


def test_a_report_labelled_with_another_trial_is_not_evidence_for_that_trial(sync_rows):
    eliana = [r for r in sync_rows if r["doc"] == "review_cart_all.pdf" and r["trial"] == "ELIANA"]
    assert eliana and all(r["evidence_doc"] in (None, "review_cart_all.pdf") for r in eliana)


def test_enrolled_versus_infused_is_another_population_not_a_contradiction(sync_rows):
    row = _row(sync_rows, "review_cart_all.pdf", "ZUMA-3", "ENROLLED", 55.0)  # body: 71 enrolled, 55 infused
    assert row["status"] != "contradicted"
    assert row["evidence_value"] == 55.0 or row["reason"].startswith("a count of another population")


def test_a_row_named_with_its_alias_is_checked_against_the_body(sync_rows):
    (row,) = [r for r in sync_rows if r["doc"] == "review_phall_tki.pdf" and r["trial"].startswith("D-ALBA")
              and r["endpoint"] == "CR" and r["table_value"] == 96.0]  # the row reads 'D-ALBA (GIMEMA LAL2116)'
    assert (row["status"], row["evidence_value"]) == ("contradicted", 98.0)


def test_a_figure_printed_without_its_window_takes_the_bodys_for_the_same_figure_only(sync_rows):
    figures = {r["table_value"]: r for r in sync_rows if r["doc"] == "review_phall_tki.pdf"
               and r["trial"] == "MDACC ponatinib + blinatumomab" and r["endpoint"] == "MRD_NEG"}
    assert figures[98.0]["status"] == "confirmed"
    assert (figures[83.0]["status"], figures[83.0]["evidence_value"]) == ("contradicted", 87.0)  # planted
    enrolled = _row(sync_rows, "review_phall_tki.pdf", "MDACC ponatinib + blinatumomab", "ENROLLED", 60.0)
    assert (enrolled["report_status"], enrolled["report_doc"]) == ("confirmed", "ponatinib_blinatumomab_mdacc.pdf")


def test_a_figure_the_body_settles_still_shows_what_the_trial_report_says(sync_rows):
    row = _row(sync_rows, "review_cart_all.pdf", "MSKCC 19-28z", "CR", 83.0)
    assert (row["status"], row["evidence_doc"]) == ("confirmed", "review_cart_all.pdf")
    assert (row["report_status"], row["report_value"], row["report_doc"], row["report_page"]) == (
        "confirmed", 83.0, "park2018_1928z.pdf", 1)
    assert "83%" in row["report_quote"]


@pytest.mark.parametrize("view", ["v_table1_sync", "v_table1_study_evidence", "v_table1_studies"])
def test_a_curator_view_gives_the_same_rows_every_time_regression(sync_warehouse, view):
    """Regression: view_rows_varied_between_queries (ties in mode(), any_value() and the evidence pick let the same
    warehouse give different rows from one query to the next)."""
    import duckdb

    con = duckdb.connect(str(sync_warehouse), read_only=True)
    try:
        con.execute("SET threads = 4")
        answers = {tuple(sorted(map(repr, con.execute(f"SELECT * FROM {view}").fetchall()))) for _ in range(6)}
    finally:
        con.close()
    assert len(answers) == 1
