"""Rule classes of issue 11, round 17: names the document defines in its prose that its tables use too.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from schemas.document import Cell, Table
from tests.test_evidence_report_rules import SHA, _doc

_TWO_ARM_REPORT = [
    ("title", "Cortalimab versus observation after induction in multiple myeloma: the HERON randomized trial"),
    ("body", "A total of 412 patients were randomly assigned to receive cortalimab (206 patients) or observation "
             "(206 patients)."),
    ("body", "Progression-free survival at 24 months was longer in the cortalimab group than in the observation group."),
]


def _arm_table(header, rows, label="Table 1", caption="Table 1. Efficacy end points"):
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows))
    return Table(table_id=f"{SHA[:12]}:{label}", page=1, label=label, caption=caption, header=tuple(header), rows=cells)


def test_a_drug_name_the_ner_found_in_the_text_names_a_table_column():
    """Regression: ner_names_not_applied_to_table_headers (an INN the gazetteer lacks, found by the NER in the prose,
    left the column 'Cortalimab (N = 206)' without an arm: the header is not part of the text the names apply to)."""
    table = _arm_table(("End point", "Cortalimab (N = 206)", "Observation (N = 206)"),
                       [("Complete response - no./total no. (%)", "121/206 (58.7)", "80/206 (38.8)"),
                        ("PFS, 24 mo - % (95% CI)", "81.2 (75.0-86.0)", "64.5 (57.6-70.6)")])
    got = {(r.endpoint, r.arm, r.value) for r in extract_evidence(_doc(_TWO_ARM_REPORT, (table,))) if r.source == "table"}
    assert ("CR", "cortalimab", 58.7) in got and ("PFS", "cortalimab", 81.2) in got
