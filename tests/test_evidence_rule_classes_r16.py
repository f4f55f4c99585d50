"""Rule classes of issue 11, round 3b: dose-level columns under a stub header's cell format, and more.

Every sentence and table here was written for this file (none is copied from a development report).
"""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from tests.test_evidence_report_rules import SHA, _doc


def _facts(doc):
    return sorted((r.endpoint, r.arm, r.value, r.statistic, r.timepoint) for r in extract_evidence(doc))


def _cells_table(caption, rows, label="Table 2"):
    from schemas.document import Cell, Table
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    return Table(table_id=f"{SHA[:12]}:{label}", page=1, label=label, caption=caption, header=tuple(rows[0]), rows=cells)


_SINGLE_ARM_OPENING = [("title", "Obecabtagene autoleucel in adults with relapsed ALL: a phase 1 dose-finding study"),
                       ("body", "In this single-arm study, 18 adults received obecabtagene autoleucel at one of "
                                "three dose levels.")]


def test_dose_level_columns_under_a_stub_header_n_percent_are_rates_of_the_study_therapy():
    """Regression: stub_header_cell_format_ignored ('Outcome, n (%)' over 'DLa (n = 5)' columns read nothing)."""
    table = _cells_table("Table 2. Response at day 42 and toxicity by dose level", [
        ["Outcome, n (%)", "Level A (n = 5)", "Level B (n = 5)", "All (N = 10)"],
        ["Complete remission", "3 (60.0)", "4 (80.0)", "7 (70.0)"],
        ["Cytokine release syndrome, any grade", "none", "2 (40.0)", "2 (20.0)"],
    ])
    got = _facts(_doc(_SINGLE_ARM_OPENING, (table,)))
    for value in (60.0, 80.0, 70.0):
        assert ("CR", "obecabtagene autoleucel", value, "rate", "d42") in got
    for value in (40.0, 20.0):
        assert ("CRS", "obecabtagene autoleucel", value, "rate", None) in got
    assert not [f for f in got if f[2] in (3.0, 4.0, 7.0, 2.0, 5.0, 10.0)]  # numerators and column sizes are no facts


def test_a_stub_header_without_n_percent_leaves_bare_counts_unread():
    """Negative rule: without 'n (%)' in the stub header, a bare '3 (60.0)' is not a declared count-and-share cell."""
    table = _cells_table("Table 2. Response by dose level", [
        ["Outcome", "Level A", "Level B"],
        ["Complete remission", "3 (60.0)", "4 (80.0)"],
    ])
    got = _facts(_doc(_SINGLE_ARM_OPENING, (table,)))
    assert not [f for f in got if f[2] in (60.0, 80.0)]
