"""v_table1_sync: each Table 1 result against the review body and trial reports, with status and reason."""
from __future__ import annotations

from datetime import datetime

import pytest

from schemas.document import Document, DocumentStatus
from schemas.evidence import EvidenceRecord, Table1Count, Table1Row
from warehouse import load, migrate

REVIEW, REPORT, OTHER_REVIEW = "a" * 64, "c" * 64, "d" * 64
DOCS = [Document(sha256=s, path=f"/c/{n}", pages=9, status=DocumentStatus.parsed, parser_version="p")
        for s, n in ((REVIEW, "review.pdf"), (REPORT, "alpha_report.pdf"), (OTHER_REVIEW, "other_review.pdf"))]
NAMES = {REVIEW: "review.pdf", REPORT: "alpha_report.pdf", OTHER_REVIEW: "other_review.pdf"}


def _row(sha: str = REVIEW, counts=(), total: str = "") -> Table1Row:
    return Table1Row(doc_sha256=sha, document=NAMES[sha], table_id=f"{sha[:12]}:Table 1", row_number=1,
                     trial="Alpha 2020", setting="", design="", total_patients=total, treatment="", main_results="",
                     patient_counts=tuple(counts), page=5)


def _rec(sha: str, source: str, value: float, quote: str, endpoint: str = "OS", arm: str | None = "drug-a",
         statistic: str = "median", unit: str | None = "months", trial: str = "ALPHA") -> EvidenceRecord:
    text = f"{value:g}"
    at = quote.index(text)
    fields = dict(doc=NAMES[sha], trial=trial, endpoint=endpoint, arm=arm, value=value, unit=unit, statistic=statistic,
                  page=2, quote=quote, source=source, doc_sha256=sha, value_text=text, char_start=100 + at,
                  char_end=100 + at + len(text), quote_start=100, extractor="rule:t", extractor_version="1")
    if source == "table":
        fields.update(table_id=f"{sha[:12]}:Table 1", table_row=1, table_col=5)
    return EvidenceRecord(**fields)


def _sync(tmp_path, records, rows=None):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    run = load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed")
    load.load_run(con, run, DOCS, rows if rows is not None else [_row()], records, [])
    out = con.execute("select endpoint, arm, table_value, status, evidence_value, evidence_doc, reason "
                      "from v_table1_sync order by endpoint, arm nulls first, table_value").fetchall()
    con.close()
    return out


TABLE_OS = "OS: 7.1 months."


@pytest.mark.parametrize("body, status, reason", [
    ("The median OS was 7.1 months.", "confirmed", "same value in the review body (p. 2)"),
    ("The median OS was 7.06 months.", "rounding", "the table rounds 7.06 from the review body (p. 2)"),
    ("The median OS was 9 months in the whole cohort.", "contradicted", "the review body (p. 2) gives 9.0"),
    ("The median OS was 19.8 months in the blinatumomab responders.", "unsupported",
     "only a subgroup figure (blinatumomab responders)"),
    ("The median OS was 19.8 months in patients who achieved a CR.", "unsupported",
     "only a subgroup figure (who achieved a CR)"),
])
def test_table_figure_status_against_the_review_body(tmp_path, body, status, reason):
    value = float(next(w for w in body.split() if w[0].isdigit()))
    ((_, _, _, got_status, _, _, got_reason),) = _sync(tmp_path, [_rec(REVIEW, "table", 7.1, TABLE_OS),
                                                              _rec(REVIEW, "body", value, body)])
    assert got_status == status and got_reason.startswith(reason)


def test_table_figure_without_other_evidence_is_unsupported(tmp_path):
    ((*_, status, value, doc, reason),) = _sync(tmp_path, [_rec(REVIEW, "table", 7.1, TABLE_OS)])
    assert (status, value, doc) == ("unsupported", None, None) and reason.startswith("no other evidence")


def test_a_trial_report_of_the_same_trial_confirms_and_another_review_does_not_count(tmp_path):
    rows = [_row(), _row(OTHER_REVIEW)]
    records = [_rec(REVIEW, "table", 7.1, TABLE_OS), _rec(REPORT, "body", 7.1, "Median OS was 7.1 months."),
               _rec(OTHER_REVIEW, "body", 8.0, "Median OS was 8 months."),
               _rec(OTHER_REVIEW, "table", 7.1, TABLE_OS)]
    got = [r for r in _sync(tmp_path, records, rows) if r[5] is None or r[5] != "other_review.pdf"]
    review_row = [r for r in got if r[3] == "confirmed" and r[5] == "alpha_report.pdf"]
    assert review_row and review_row[0][6].startswith("same value in trial report alpha_report.pdf")


def test_report_of_another_trial_is_not_evidence(tmp_path):
    records = [_rec(REVIEW, "table", 7.1, TABLE_OS), _rec(REPORT, "body", 9.0, "Median OS was 9 months.", trial="BETA")]
    ((*_, status, _, _, _),) = _sync(tmp_path, records)
    assert status == "unsupported"


def test_patient_counts_give_enrolled_results_per_arm_and_in_total(tmp_path):
    counts = [Table1Count(value=271, arm="drug-a", char_start=0, char_end=3),
              Table1Count(value=134, arm="chemotherapy", char_start=20, char_end=23),
              Table1Count(value=405, arm=None, char_start=0, char_end=23)]
    records = [_rec(REVIEW, "table", 7.1, TABLE_OS),
               _rec(REVIEW, "body", 405, "In all, 405 patients were randomized.", endpoint="ENROLLED", arm=None,
                    statistic="count", unit=None)]
    rows = [r for r in _sync(tmp_path, records, [_row(counts=counts, total="271 drug-a vs. 134 ChT")])
            if r[0] == "ENROLLED"]
    assert [(arm, value, status) for _, arm, value, status, *_ in rows] == [
        (None, 405.0, "confirmed"), ("chemotherapy", 134.0, "unsupported"), ("drug-a", 271.0, "unsupported")]


def test_body_and_report_facts_the_table_lacks_are_listed_as_missing(tmp_path):
    records = [_rec(REVIEW, "table", 7.1, TABLE_OS),
               _rec(REVIEW, "body", 7.1, "The median OS was 7.1 months."),
               _rec(REVIEW, "body", 44, "Overall, 44% went on to transplant.", endpoint="ALLOHSCT", statistic="rate",
                    unit="%"),
               _rec(REPORT, "body", 31, "EFS at 6 months was 31%.", endpoint="EFS", statistic="rate", unit="%"),
               _rec(REPORT, "body", 12, "EFS at 6 months was 12%.", endpoint="EFS", statistic="rate", unit="%",
                    trial="BETA")]
    _sync(tmp_path, records)
    con = migrate.connect(tmp_path / "w.duckdb", read_only=True)
    got = con.execute("select endpoint, value, evidence_kind from v_table1_missing order by endpoint").fetchall()
    con.close()
    assert got == [("ALLOHSCT", 44.0, "review body"), ("EFS", 31.0, "trial report")]


def _landmark(rec: EvidenceRecord, timepoint: str | None) -> EvidenceRecord:
    return rec.model_copy(update={"statistic": "landmark", "timepoint": timepoint})


@pytest.mark.parametrize("body_value, status, reason", [
    (71, "confirmed", "same value in the review body (p. 2); timepoint 2y from the body"),
    (70.6, "rounding", "the table rounds 70.6 from the review body (p. 2); timepoint 2y from the body"),
    (60, "unsupported", "no other evidence"),  # another number may be another time point: no contradiction
])
def test_a_table_landmark_printed_without_its_time_takes_the_bodys_for_the_same_figure(tmp_path, body_value, status,
                                                                                       reason):
    table = _landmark(_rec(REVIEW, "table", 71, "OS 71%", unit="%"), None)
    body = _landmark(_rec(REVIEW, "body", body_value, f"The 2-year OS was {body_value:g}%.", unit="%"), "2y")
    ((*_, got_status, _, _, got_reason),) = _sync(tmp_path, [table, body])
    assert got_status == status and got_reason.startswith(reason)


def test_a_row_named_with_a_parenthesised_alias_matches_evidence_under_either_name(tmp_path):
    table = _rec(REVIEW, "table", 7.1, TABLE_OS, trial="D-ALBA (GIMEMA LAL2116)")
    ((*_, status, value, _, _),) = _sync(tmp_path, [table, _rec(REVIEW, "body", 9, "The median OS was 9 months.",
                                                                trial="D-ALBA")])
    assert (status, value) == ("contradicted", 9.0)


def test_a_count_the_evidence_sentence_also_prints_is_another_population(tmp_path):
    quote = "Of 71 patients enrolled, 55 received the infusion."
    records = [_rec(REVIEW, "table", 7.1, TABLE_OS),
               _rec(REVIEW, "body", 71, quote, endpoint="ENROLLED", arm=None, statistic="count", unit=None)]
    rows = _sync(tmp_path, records, [_row(counts=[Table1Count(value=55, arm=None, char_start=0, char_end=2)],
                                          total="55")])
    ((_, _, value, status, evidence, _, reason),) = [r for r in rows if r[0] == "ENROLLED"]
    assert (value, status, evidence) == (55.0, "unsupported", 71.0)
    assert reason == ("a count of another population: the review body (p. 2) gives 71.0 and, in the same sentence, "
                      "55 received the infusion")


def test_sync_state_counts_each_status_as_v_table1_sync_shows_it(tmp_path):
    """The run summary's counts, read in one scan of v_table1_sync, equal per-status counts of the view."""
    from warehouse.sync import SYNC_STATUSES, sync_state

    records = [_rec(REVIEW, "table", 7.1, TABLE_OS), _rec(REVIEW, "table", 12.0, "EFS: 12 months.", endpoint="EFS"),
               _rec(REVIEW, "table", 30.0, "RFS: 30 months.", endpoint="RFS"),
               _rec(REVIEW, "body", 7.06, "The median OS was 7.06 months."),
               _rec(REVIEW, "body", 14.0, "The median EFS was 14 months.", endpoint="EFS")]
    _sync(tmp_path, records)
    con = migrate.connect(tmp_path / "w.duckdb", read_only=True)
    state = sync_state(con)
    expected = {s: con.execute("SELECT count(*) FROM v_table1_sync WHERE status = ?", [s]).fetchone()[0]
                for s in SYNC_STATUSES}
    con.close()
    assert {s: state[s] for s in SYNC_STATUSES} == expected == {"confirmed": 0, "rounding": 1, "contradicted": 1,
                                                                 "unsupported": 1}
    assert (state["table_records"], state["body_records"], state["table1_rows"]) == (3, 2, 1)
