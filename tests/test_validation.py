"""Record validation: invalid records are quarantined with readable reasons, valid ones pass, and the DDL agrees."""
from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import duckdb
import pytest

from schemas import ddl
from schemas.declarations import FACT_EVIDENCE
from schemas.document import Document, DocumentStatus
from schemas.evidence import EvidenceRecord
from schemas.rows import evidence_row
from schemas.settings import ValidateSettings
from schemas.validate.records import validate_records
from schemas.validation_models import RejectedRecord

SHA = "5" * 64
OTHER_SHA = "6" * 64
RUN = "run-test"
DOCUMENT = Document(sha256=SHA, path="/corpus/trial.pdf", pages=9, status=DocumentStatus.parsed, parser_version="p1")
_next_offset = iter(range(100, 100_000, 100))


def make_record(**overrides) -> EvidenceRecord:
    """A valid single-arm CR rate from the body, with overrides; each call gets its own char span and so its own id."""
    start = next(_next_offset)
    fields = dict(doc="trial.pdf", trial="TOWER", nct="NCT02013167", endpoint="CR", arm=None, value=34.0, unit="%",
                  statistic="rate", page=2, quote="CR was achieved in 34% of patients", source="body",
                  doc_sha256=SHA, value_text="34", char_start=start, char_end=start + 2, quote_start=start - 20,
                  extractor="rule:test", extractor_version="t1")
    fields.update(overrides)
    return EvidenceRecord(**fields)


VALID = {
    "rate": make_record(),
    "comparative_rate": make_record(arm="blinatumomab", quote="CR, 34% versus 16%"),
    "median_os": make_record(endpoint="OS", value=7.7, unit="months", statistic="median", value_text="7.7",
                             quote="median OS of 7.7 months"),
    "hazard_ratio": make_record(endpoint="OS", arm="blinatumomab", value=0.71, unit=None, statistic="hazard_ratio",
                                ci_low=0.55, ci_high=0.93, p_value=0.01, value_text="0.71",
                                quote="hazard ratio for death with blinatumomab vs chemotherapy, 0.71"),
    "enrolled": make_record(endpoint="ENROLLED", value=405, unit=None, statistic="count", value_text="405",
                            quote="405 patients"),
    # regression: a head count quoted as "N patients randomized to A versus B" covers both arms and needs no arm
    "count_in_a_comparative_quote": make_record(endpoint="ENROLLED", value=405, unit=None, statistic="count",
                                                value_text="405",
                                                quote="405 patients randomized to blinatumomab versus chemotherapy"),
    "landmark": make_record(endpoint="OS", value=55.0, statistic="landmark", timepoint="2y", value_text="55",
                            quote="2-year OS was 55%"),
    # issue 11: a rate keeps its assessment window in GUIDE.md's forms
    **{f"rate_within_{tp}": make_record(timepoint=tp) for tp in ("12wk", "3mo", "cycle1", "2cycles", "EOI", "EOT", "d85")},
    "table_cell": make_record(source="table", table_id=f"{SHA[:12]}:Table 1", table_row=1, table_col=5,
                              quote="CR: 34%", bbox=(10.0, 20.0, 30.0, 40.0)),
    # regression: a report's results table of an unnamed registry cohort was rejected for lacking a trial (GUIDE.md: null)
    "results_table_cell_of_an_unnamed_study": make_record(
        trial=None, nct=None, source="table", table_id=f"{SHA[:12]}:Table 3", table_row=2, table_col=1,
        quote="34%", extractor="rule:test"),
}


class InvalidCase(NamedTuple):
    """A record that must be rejected, the reason fragments it must get, and whether a DuckDB CHECK also refuses it."""

    record: EvidenceRecord
    reasons: tuple[str, ...]
    ddl_refuses: bool = True


INVALID = {
    "percent_above_100": InvalidCase(
        make_record(value=136.0, value_text="136", quote="CR was achieved in 136% of patients"),
        ("percent_within_0_100: value 136 out of range 0–100 for unit %",)),
    "landmark_without_timepoint": InvalidCase(
        make_record(endpoint="OS", statistic="landmark", quote="OS was 34%"),
        ("landmark_has_timepoint: landmark OS 34 has no timepoint",)),
    "unknown_endpoint": InvalidCase(
        make_record(endpoint="XYZ"),
        ("model(endpoint): 'XYZ' rejected: Input should be 'CR'",
         "expect_column_values_to_be_in_set(endpoint): 'XYZ' not allowed; allowed: CR, CR_CRI, ORR")),
    "quote_without_its_value": InvalidCase(
        make_record(value=35.0, value_text="35"),
        ("value_text_in_quote: quote does not contain value_text 35",)),
    "ci_excludes_value": InvalidCase(
        make_record(ci_low=40.0, ci_high=50.0),
        ("ci_low_at_most_value: confidence interval 40–50 does not contain value 34",)),
    "ci_below_value": InvalidCase(
        make_record(ci_low=20.0, ci_high=30.0),
        ("value_at_most_ci_high: confidence interval 20–30 does not contain value 34",)),
    "hazard_ratio_with_percent": InvalidCase(
        make_record(endpoint="OS", arm="blinatumomab", value=0.71, statistic="hazard_ratio", value_text="0.71",
                    quote="hazard ratio 0.71"),
        ("hazard_ratio_unitless: hazard ratio has unit %; expected none",)),
    "zero_hazard_ratio": InvalidCase(
        make_record(endpoint="OS", arm="blinatumomab", value=0.0, unit=None, statistic="hazard_ratio",
                    value_text="0.0", quote="hazard ratio 0.0"),
        ("hazard_ratio_positive: hazard ratio 0 is not > 0",)),
    "hazard_ratio_of_a_response_rate": InvalidCase(
        make_record(arm="blinatumomab", value=0.5, unit=None, statistic="hazard_ratio", value_text="0.5",
                    quote="hazard ratio 0.5"),
        ("hazard_ratio_endpoint: hazard_ratio reported for endpoint CR",)),
    "timepoint_on_a_median": InvalidCase(
        make_record(endpoint="OS", value=7.7, unit="months", statistic="median", value_text="7.7",
                    quote="median OS 7.7 months", timepoint="2y"),
        ("timepoint_only_for_landmark_or_rate: timepoint 2y given for statistic median",)),
    "window_that_is_no_timepoint": InvalidCase(
        make_record(timepoint="two cycles"),
        ("expect_column_values_to_match_regex(timepoint): 'two cycles' does not match",)),
    "fractional_count": InvalidCase(
        make_record(endpoint="ENROLLED", value=40.5, unit=None, statistic="count", value_text="40.5",
                    quote="40.5 patients"),
        ("count_whole: count 40.5 is not a whole number",)),
    "enrolled_as_rate": InvalidCase(
        make_record(endpoint="ENROLLED"),
        ("enrolled_is_count: endpoint ENROLLED has statistic rate; expected count",)),
    "rate_without_unit": InvalidCase(
        make_record(unit=None),
        ("rate_has_unit: rate 34 has no unit; expected %",)),
    "median_in_percent": InvalidCase(
        make_record(endpoint="OS", statistic="median"),
        ("median_in_months: median has unit %; expected months or none",)),
    "months_beyond_20_years": InvalidCase(
        make_record(endpoint="OS", value=300.0, unit="months", statistic="median", value_text="300",
                    quote="median OS of 300 months"),
        ("months_within_0_240: value 300 out of range 0–240 for unit months",)),
    "comparative_quote_without_arm": InvalidCase(
        make_record(quote="CR, 34% versus 16%"),
        ("comparative_quote_has_arm: quote compares arms but arm is missing",)),
    "review_table1_fact_without_trial": InvalidCase(
        make_record(trial=None, source="table", table_id=f"{SHA[:12]}:Table 1", quote="CR: 34%",
                    extractor="table1:rule:test"),
        ("table_fact_has_trial: review Table 1 fact has no trial",)),
    "p_value_above_1": InvalidCase(
        make_record(p_value=1.5),
        ("expect_column_values_to_be_between(p_value): 1.5 out of range (p_value ≥ 0 and ≤ 1)",)),
    "unknown_statistic": InvalidCase(
        make_record(statistic="mean"),
        ("model(statistic): 'mean' rejected",
         "expect_column_values_to_be_in_set(statistic): 'mean' not allowed")),
    "document_not_in_run": InvalidCase(
        make_record(doc_sha256=OTHER_SHA),
        ("doc_in_run: document trial.pdf (" + OTHER_SHA + ") is not among the run's parsed documents",),
        ddl_refuses=False),
}


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    """One validation of all valid and invalid records and a repeated valid one together, with Data Docs on."""
    reports = tmp_path_factory.mktemp("reports")
    batch = list(VALID.values()) + [case.record for case in INVALID.values()] + [VALID["rate"]]
    return validate_records(batch, [DOCUMENT], RUN, ValidateSettings(reports_dir=reports, data_docs=True))


def _rejected_for(outcome, record: EvidenceRecord) -> RejectedRecord:
    found = [r for r in outcome.rejected if r.payload["record_id"] == record.record_id]
    assert len(found) == 1, f"expected one rejection for {record!r}, got {len(found)}"
    return found[0]


def test_valid_records_pass(outcome):
    assert [r.record_id for r in outcome.valid] == [r.record_id for r in VALID.values()]


def test_no_record_is_dropped(outcome):
    assert len(outcome.valid) + len(outcome.rejected) == len(VALID) + len(INVALID) + 1


def test_repeated_record_keeps_the_first_and_rejects_the_second(outcome):
    record = VALID["rate"]
    rejected = _rejected_for(outcome, record)
    assert rejected.reasons == [
        f"expect_column_values_to_be_unique(record_id): '{record.record_id}' duplicates an earlier record"]


@pytest.mark.parametrize("name", list(INVALID))
def test_invalid_record_is_rejected_with_exactly_its_reasons(outcome, name):
    case = INVALID[name]
    rejected = _rejected_for(outcome, case.record)
    assert len(rejected.reasons) == len(case.reasons), rejected.reasons
    for expected in case.reasons:
        assert any(reason.startswith(expected) for reason in rejected.reasons), (expected, rejected.reasons)


def test_rejected_record_carries_provenance_and_a_json_payload(outcome):
    case = INVALID["percent_above_100"]
    rejected = _rejected_for(outcome, case.record)
    assert (rejected.run_id, rejected.doc, rejected.doc_sha256, rejected.page, rejected.source, rejected.extractor,
            rejected.quote) == (RUN, "trial.pdf", SHA, 2, "body", "rule:test", case.record.quote)
    assert json.loads(json.dumps(rejected.payload))["value"] == 136.0
    assert len(rejected.reject_id) == 64


def test_outcome_reports_expectations_and_time(outcome):
    assert outcome.expectations_run >= 40
    assert outcome.seconds > 0


def test_data_docs_index_is_written(outcome):
    index = Path(outcome.data_docs_path)
    assert index.name == "index.html" and index.exists()
    assert "fact_evidence" in index.read_text(encoding="utf-8")


def test_empty_batch_validates_to_nothing(tmp_path):
    result = validate_records([], [DOCUMENT], "run-empty", ValidateSettings(reports_dir=tmp_path, data_docs=False))
    assert (result.valid, result.rejected) == ([], [])
    assert result.data_docs_path is None and not (tmp_path / "data_docs").exists()


@pytest.fixture(scope="module")
def fact_table():
    """An in-memory DuckDB with the generated fact_evidence table."""
    con = duckdb.connect()
    con.execute((ddl.TABLES_DIR / "fact_evidence.sql").read_text(encoding="utf-8"))
    return con


def _insert(con, record: EvidenceRecord) -> None:
    row = evidence_row(record) | {"first_run_id": RUN, "last_run_id": RUN, "is_current": True}
    columns = [c.name for c in FACT_EVIDENCE.columns]
    con.execute(f"INSERT INTO fact_evidence ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                [row[c] for c in columns])


@pytest.mark.parametrize("name", list(VALID))
def test_duckdb_accepts_the_valid_records(fact_table, name):
    _insert(fact_table, VALID[name])


@pytest.mark.parametrize("name", [n for n, case in INVALID.items() if case.ddl_refuses])
def test_duckdb_check_constraints_refuse_the_invalid_records(fact_table, name):
    with pytest.raises(duckdb.ConstraintException):
        _insert(fact_table, INVALID[name].record)
