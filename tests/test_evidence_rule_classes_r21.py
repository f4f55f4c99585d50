"""Rule classes of issue 11, round 19: monospaced booktabs tables, and windows that a table's footnote gives its
response rows.

Every sentence and table here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pdfplumber
import pytest

from extractors.evidence.extract import extract_evidence
from extractors.pdf.tables import extract_tables
from tests.fixtures.blind_report_pdfs import Layout, typeset
from tests.test_evidence_rule_classes_r18 import _report_with_footnote

_COHORT_CARD = """Cohort card: an anti-CD20 bispecific in relapsed follicular lymphoma

Design
Open-label dose escalation in three cohorts, then expansion at the highest dose.

Response by cohort
| Best response | Cohort A (n = 4) | Cohort B (n = 8) | Cohort C, escalation + expansion (n = 40) |
|---|---|---|---|
| Overall response, n (%) | 3 (75.0) | 6 (75.0) | 29 (72.5) |
| Complete metabolic response, n (%) | 1 (25.0) | 4 (50.0) | 22 (55.0) |
Lugano criteria at week 12.

Safety
Grade 3 neutropenia occurred in 9 patients.
"""


@pytest.mark.parametrize("font", ["Courier", "Helvetica", "Times"])
def test_a_narrow_booktabs_table_keeps_words_one_space_apart_in_one_cell(font, tmp_path):
    """Regression: courier_booktabs_split_words (in a monospaced font one space is as wide as the column gap rule
    allowed, so 'response, n' and 'C, escalation' split into extra columns and the table's rows came apart)."""
    path = typeset(_COHORT_CARD, Layout(columns=3, font=font, size=10.0, table_style="booktabs", landscape=True),
                   tmp_path / "card.pdf")
    with pdfplumber.open(path) as pdf:
        tables = extract_tables(pdf, "cd" * 32)
    assert len(tables) == 1
    table = tables[0]
    assert list(table.header) == ["Best response", "Cohort A (n = 4)", "Cohort B (n = 8)",
                                  "Cohort C, escalation + expansion (n = 40)"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["Overall response, n (%)", "3 (75.0)", "6 (75.0)", "29 (72.5)"],
        ["Complete metabolic response, n (%)", "1 (25.0)", "4 (50.0)", "22 (55.0)"]]


def _table_windows(note: str) -> set:
    return {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_report_with_footnote(note))
            if r.source == "table"}


@pytest.mark.parametrize("note", [
    "Response assessed at the end of induction (week 24).",
    "Responses were evaluated at the end of induction.",
    "Remission was determined at the end of induction by marrow morphology.",
])
def test_a_footnote_saying_when_response_was_assessed_dates_the_response_rows(note):
    """Regression: bare_response_footnote_unread ('Response assessed at the end of induction (week 24)' under a
    table left its response rows without a window: bare 'response' names no endpoint, and the bracketed week made
    two windows)."""
    got = _table_windows(note)
    assert ("CR", 75.0, "EOI") in got and ("CR", 60.0, "EOI") in got


@pytest.mark.parametrize("note", [
    "Response was assessed after cycle 2 and again at week 12.",
    "Responses by subtype are shown at the end of induction.",
])
def test_a_footnote_with_two_assessments_or_no_assessment_gives_no_window(note):
    """Negative rule: two different times in one note leave the row undated; a time without 'assessed' dates nothing."""
    got = _table_windows(note)
    assert ("CR", 75.0, None) in got
