"""Rule classes of issue 11, round 2 (results tables of unnamed studies), on purpose-written sentences and tables."""
from __future__ import annotations

import pytest

from extractors.evidence.endpoints import find_endpoints
from extractors.evidence.extract import extract_evidence
from schemas.document import Cell, Table
from tests.test_evidence_report_rules import SHA, _doc


def _table(label: str, caption: str, rows: list[list[str]]) -> Table:
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    return Table(table_id=f"{SHA[:12]}:{label}", page=1, label=label, caption=caption, header=tuple(rows[0]),
                 rows=cells)


_REGISTRY_TITLE = ("title", "Blinatumomab or inotuzumab before transplant in adults with B-ALL: a registry analysis")


def test_a_registry_table_comparing_two_drugs_keeps_each_columns_arm():
    table = _table("Table 2", "Table 2. Outcomes by salvage antibody", [
        ["Outcome", "Blinatumomab (n = 80)", "Inotuzumab (n = 60)"],
        ["OS at 1 year, %", "62.0", "58.5"],
    ])
    doc = _doc([_REGISTRY_TITLE, ("body", "This registry analysis included 140 adults who received either antibody.")],
               (table,))
    got = {(r.value, r.arm, r.trial) for r in extract_evidence(doc) if r.source == "table"}
    assert got == {(62.0, "blinatumomab", None), (58.5, "inotuzumab", None)}


def test_a_regression_model_table_gives_only_its_treatment_contrast():
    """Round 15 (deliberate change): the development reports' gold (dev_reports, dev_reports2) lists the adjusted hazard
    ratio of the row setting the two arms against each other; covariate rows stay no results."""
    table = _table("Table 3", "Table 3. Multivariable Cox model for overall survival", [
        ["Variable", "HR (95% CI)", "P value"],
        ["Age over 60 years", "1.45 (1.10-1.91)", ".01"],
        ["Blinatumomab v inotuzumab", "0.90 (0.70-1.16)", ".40"],
        ["Ponatinib v other TKI", "0.79 (0.61-1.02)", ".07"],
    ])
    doc = _doc([_REGISTRY_TITLE, ("body", "This registry analysis included 140 adults.")], (table,))
    got = [(r.endpoint, r.arm, r.value, r.statistic) for r in extract_evidence(doc) if r.source == "table"]
    assert got == [("OS", "blinatumomab", 0.9, "hazard_ratio")]


def test_a_table_restating_a_body_figure_gives_it_once():
    table = _table("Table 2", "Table 2. Efficacy outcomes", [
        ["Outcome", "Blinatumomab (n = 40)"],
        ["Complete remission, %", "72.5"],
        ["MRD negativity, %", "61.0"],
    ])
    doc = _doc([("title", "Blinatumomab in adults with relapsed ALL: the single-arm phase 2 ORCA-3 study"),
                ("body", "In this single-arm study, 40 adults received blinatumomab. "
                         "The complete remission rate was 72.5%.")], (table,))
    got = sorted((r.source, r.endpoint, r.value) for r in extract_evidence(doc) if r.value in (72.5, 61.0))
    assert got == [("body", "CR", 72.5), ("table", "MRD_NEG", 61.0)]


@pytest.mark.parametrize("text", [
    "GVHD-free, relapse-free survival at 2 years",
    "chronic GVHD-free relapse-free survival",
    "graft-versus-host disease-free, relapse-free survival",
    "the GRFS rate",
])
def test_gvhd_free_relapse_free_survival_is_neither_gvhd_nor_rfs(text):
    assert [e.code for e in find_endpoints(text) if e.code] == []


@pytest.mark.parametrize("text, code", [
    ("chronic GVHD at 2 years", "GVHD"),
    ("relapse-free survival at 2 years", "RFS"),
])
def test_gvhd_and_rfs_alone_keep_their_endpoints(text, code):
    assert [e.code for e in find_endpoints(text)] == [code]


def test_a_registry_sized_group_by_group_gives_each_groups_enrolment():
    table = _table("Table 2", "Table 2. Outcomes by salvage antibody", [
        ["Outcome", "Blinatumomab (n = 80)", "Inotuzumab (n = 60)"],
        ["OS at 1 year, %", "62.0", "58.5"],
    ])
    doc = _doc([_REGISTRY_TITLE,
                ("body", "The cohort comprised 140 adults: 80 consolidated with blinatumomab and 60 with inotuzumab. "
                         "Complete remission before transplant was more frequent after blinatumomab (75.0% v 61.7%).")],
               (table,))
    records = extract_evidence(doc)
    assert {(80.0, "blinatumomab"), (60.0, "inotuzumab")} <= {(r.value, r.arm) for r in records
                                                              if r.endpoint == "ENROLLED"}
    assert {(r.value, r.arm) for r in records if r.endpoint == "CR"} == {(75.0, "blinatumomab"), (61.7, "inotuzumab")}


def test_a_single_arm_report_treating_a_few_patients_with_another_drug_gives_no_group_sizes():
    doc = _doc([("title", "Blinatumomab in adults with relapsed ALL: the single-arm phase 2 ORCA-3 study"),
                ("body", "In this single-arm study, 40 adults received blinatumomab; 5 treated with inotuzumab "
                         "before enrolment were excluded.")])
    assert {(r.value, r.arm) for r in extract_evidence(doc) if r.endpoint == "ENROLLED"} == {(40.0, "blinatumomab")}


@pytest.mark.parametrize("text, expected", [
    ("Of the 200 adults enrolled (median age, 52 years; 45% women), 120 had a complete remission.",
     [("ENROLLED", 200.0), ("CR", 120.0)]),
    ("A kinase domain mutation (E255K in 4 patients, T315I in 3) was found at relapse.", []),
    # the share of a sex is a baseline figure; a result reported within one sex stays a result
    ("The complete remission rate was 45% in women and 50% in men.", [("CR", 45.0), ("CR", 50.0)]),
])
def test_negative_rules_of_round_14(text, expected):
    from extractors.evidence.readings import read_clause

    assert [(r.endpoint, r.value) for r in read_clause(text)] == expected


def test_a_share_whose_predicate_names_an_arm_is_that_arms_rate():
    from extractors.evidence.readings import read_clause

    text = ("Hepatic sinusoidal obstruction syndrome occurred in 9 patients (6.2%) who received blinatumomab and in "
            "2 patients (1.5%) who received chemotherapy.")
    assert [(r.endpoint, r.value, r.arm) for r in read_clause(text)] == [
        ("VOD", 6.2, "blinatumomab"), ("VOD", 1.5, "chemotherapy")]


def test_a_share_whose_predicate_names_a_supportive_drug_stays_dropped():
    from extractors.evidence.readings import read_clause

    text = "Cytokine release syndrome occurred in 80% of patients, 48% of whom received tocilizumab."
    assert [(r.endpoint, r.value) for r in read_clause(text)] == [("CRS", 80.0)]
