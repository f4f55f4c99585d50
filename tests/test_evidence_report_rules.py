"""Issue 11: rule classes for one-study trial reports, on sentences written for these tests (none from the dev set).

Each class is pinned by a sentence of its own phrasing; the negative rules by sentences that must yield nothing.
"""
from __future__ import annotations

import hashlib

import pytest

from extractors.evidence.extract import extract_evidence
from extractors.evidence.frame import about_other_study
from extractors.evidence.numbers import find_windows
from extractors.evidence.readings import ReadingContext, read_clause
from schemas.document import Block, Cell, Document, DocumentStatus, Table

SHA = hashlib.sha256(b"issue-11 synthetic report").hexdigest()
REPORT = ReadingContext(one_study=True)


def _read(sentence: str, ctx: ReadingContext = REPORT) -> list[tuple]:
    return [(r.endpoint, r.value, r.unit, r.statistic, r.timepoint, r.arm) for r in read_clause(sentence, ctx)]


@pytest.mark.parametrize("sentence, expected", [
    # transplant rates and counts
    ("Responders went on to transplantation in 44%.", [("ALLOHSCT", 44.0, "%", "rate", None, None)]),
    # GUIDE.md: 'n (x%)' gives the percentage only; the numerator is no count fact of its own
    ("HSCT was done in 12 patients (30%).", [("ALLOHSCT", 30.0, "%", "rate", None, None)]),
    ("Of the 50 responders, 21 (42%) proceeded to allogeneic haematopoietic stem-cell transplantation.",
     [("ALLOHSCT", 42.0, "%", "rate", None, None)]),
    # MRD notations: the threshold is no value, the rate is
    ("MRD below 10^-4 was reached by 70% of patients.", [("MRD_NEG", 70.0, "%", "rate", None, None)]),
    ("On day 85, 40% of patients had MRD below 10−4.", [("MRD_NEG", 40.0, "%", "rate", "d85", None)]),
    # durations
    ("Remissions lasted a median of 9.5 months.", [("DOR", 9.5, "months", "median", None, None)]),
    # composite remission in words
    ("Complete remission or complete remission with partial hematologic recovery occurred in 43% of patients.",
     [("CR_CRI", 43.0, "%", "rate", None, None)]),
    # comparisons with a bare 'v'
    ("Complete remission: blinatumomab 44% v chemotherapy 25%.",
     [("CR", 44.0, "%", "rate", None, "blinatumomab"), ("CR", 25.0, "%", "rate", None, "chemotherapy")]),
    # a percentage whose CI stands before the verb
    ("Overall, 44% (95% CI 35–53) of patients achieved complete remission.",
     [("CR", 44.0, "%", "rate", None, None)]),
    # 'rates were x% and y%' with the arms listed after, with or without 'respectively'
    ("The CR rates were 44% and 25% in the blinatumomab and chemotherapy groups.",
     [("CR", 44.0, "%", "rate", None, "blinatumomab"), ("CR", 25.0, "%", "rate", None, "chemotherapy")]),
    ("The CR rate was 44% v 25% with blinatumomab and chemotherapy, respectively.",
     [("CR", 44.0, "%", "rate", None, "blinatumomab"), ("CR", 25.0, "%", "rate", None, "chemotherapy")]),
    # per-arm enrolment
    ("Of 300 patients, 200 were assigned to blinatumomab and 100 to chemotherapy.",
     [("ENROLLED", 300.0, None, "count", None, None), ("ENROLLED", 200.0, None, "count", None, "blinatumomab"),
      ("ENROLLED", 100.0, None, "count", None, "chemotherapy")]),
    ("Patients were assigned to blinatumomab plus chemotherapy (n = 120) or chemotherapy alone (n = 60).",
     [("ENROLLED", 120.0, None, "count", None, "blinatumomab"), ("ENROLLED", 60.0, None, "count", None, "chemotherapy")]),
    ("The 87 treated patients had a median age of 41 years.", [("ENROLLED", 87.0, None, "count", None, None)]),
    # values with a standard error
    ("The 3-year event-free survival was 71.5±2.0% with blinatumomab and 60.1±2.4% with chemotherapy.",
     [("EFS", 71.5, "%", "landmark", "3y", "blinatumomab"), ("EFS", 60.1, "%", "landmark", "3y", "chemotherapy")]),
    # landmarks counted from an event, survival in words
    ("Among responders, relapse-free survival 6 months after the first response was 58%.",
     [("RFS", 58.0, "%", "landmark", "6mo", None)]),
    ("An estimated 61% of patients were alive at two years.", [("OS", 61.0, "%", "landmark", "2y", None)]),
])
def test_phrasing_class_is_read(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence, window", [
    ("Within two cycles, 45% of patients achieved complete remission.", "2cycles"),
    ("CR within the first 3 cycles was reached by 38%.", "3cycles"),
    ("MRD negativity after the first cycle was 60%.", "cycle1"),
    ("68% had a complete molecular response after cycle 1.", "cycle1"),
    ("At the end of induction, 72% of patients were MRD negative.", "EOI"),
    ("At the end of treatment, 64% of patients were in complete remission.", "EOT"),
    ("The CR rate at week 12 was 50%.", "12wk"),
    ("The overall response rate within 3 months was 52%.", "3mo"),
    ("Complete molecular response at the week-24 assessment: 12 of 30 (40%).", "24wk"),
])
def test_response_rate_keeps_its_assessment_window(sentence, window):
    rates = [r for r in read_clause(sentence, REPORT) if r.unit == "%"]
    assert [(r.statistic, r.timepoint) for r in rates] == [("rate", window)]


def test_a_window_inside_a_clause_belongs_to_its_nearest_value():
    got = _read("MRD negativity rose from 70% after consolidation chemotherapy to 90% following one blinatumomab cycle.")
    assert [(value, timepoint) for _, value, _, _, timepoint, _ in got] == [(70.0, None), (90.0, "cycle1")]


@pytest.mark.parametrize("text", ["on days 1-28 of each cycle", "within 30 days of infusion", "two cycles of therapy"])
def test_schedules_are_not_windows(text):
    assert find_windows(text) == []


@pytest.mark.parametrize("sentence, why", [
    ("Treatment lowered the risk of death by about 30%.", "relative risk reduction"),
    ("MRD response was associated with a 75% lower hazard of relapse.", "relative effect"),
    ("Four in ten patients needed a dose reduction.", "'N in ten' is no enrolment"),
    ("Grade 3 cytokine release syndrome occurred in 5 patients.", "adverse-event counts are not enrolments"),
    ("Molecular negativity was assessed at a sensitivity of 0.01%.", "MRD threshold"),
    ("The design called for 400 randomized patients.", "planned sample size"),
    ("Long-term survival with intensive chemotherapy rarely exceeds 25%.", "what other treatment usually achieves"),
    ("The remission rate was higher than the 35% seen in the earlier phase 1 study.", "another study's figure"),
    ("Of the 40 patients evaluable for response, 30 were in remission.", "an evaluable sub-cohort"),
    ("The lower bound lay above the 20% rate that had been prespecified as uninteresting.", "design assumption"),
    ("At data cut-off, 38% of treated patients had an ongoing response.", "status at cut-off"),
])
def test_negative_rule_yields_nothing(sentence, why):
    assert _read(sentence) == [], why


def test_shares_naming_their_own_endpoint_after_with():
    assert _read("Within two cycles, 50 patients (40%) responded, 35 (28%) of them with CR.") == [
        ("ORR", 40.0, "%", "rate", "2cycles", None), ("CR", 28.0, "%", "rate", "2cycles", None)]


def test_layout_line_breaks_do_not_change_readings():
    sentences = [
        "Patients received CAR-T cells (ABC-19) and 61% achieved complete remission with incomplete count recovery.",
        "Within two cycles, 45% of patients achieved complete remission or complete remission with partial "
        "hematologic recovery, and 30 (25%) went on to allogeneic stem-cell transplantation.",
        "The 2-year overall survival was 55% with blinatumomab versus 40% with standard of care chemotherapy.",
    ]
    for sentence in sentences:
        for step in (2, 3, 5):
            words = sentence.split(" ")
            broken = "".join(w + ("\n" if i % step == step - 1 else " ") for i, w in enumerate(words)).rstrip()
            assert read_clause(broken, REPORT) == read_clause(sentence, REPORT), (step, broken)


@pytest.mark.parametrize("sentence, other", [
    ("In an earlier phase 2 study, 30% of patients achieved complete remission.", True),
    ("In that study the CR rate was 36%.", True),
    ("In the pediatric phase 1/2 study, 39% reached CR within two cycles.", True),
    ("A post hoc analysis showed that 40% of patients achieved complete remission.", False),
    ("In this study, 40% of patients achieved complete remission.", False),
])
def test_other_study_cues_of_a_report(sentence, other):
    assert about_other_study(sentence) is other


def _doc(paragraphs: list[tuple[str, str]], tables: tuple[Table, ...] = ()) -> Document:
    text, blocks = "", []
    for i, (kind, para) in enumerate(paragraphs):
        start = len(text)
        text += para
        blocks.append(Block(page=1, bbox=(10.0, 20.0 * i, 300.0, 20.0 * i + 15), kind=kind, text=para,
                            char_start=start, char_end=len(text)))
        text += "\n\n"
    return Document(sha256=SHA, path="/corpus/report.pdf", pages=1, status=DocumentStatus.parsed,
                    parser_version="test", text=text, blocks=tuple(blocks), tables=tables)


SINGLE_ARM_REPORT = [
    ("title", "Blinatumomab for adults with relapsed ALL: results of the phase 2 HELIOS trial"),
    ("body", "In this single-arm study, 80 adults received blinatumomab."),
    ("body", "In Helios, complete remission was achieved by 45% of patients within two cycles."),
    ("body", "A post hoc analysis showed that 30% of patients achieved MRD negativity."),
    ("body", "In an earlier phase 2 study, 20% of patients achieved complete remission."),
    ("body", "The ELIANA trial reported an overall remission rate of 81%."),
]


def test_report_frame_attributes_every_own_sentence_to_its_study_and_therapy():
    doc = _doc(SINGLE_ARM_REPORT)
    records = extract_evidence(doc)
    got = sorted((r.trial, r.endpoint, r.value, r.statistic, r.timepoint, r.arm) for r in records)
    assert got == [
        ("HELIOS", "CR", 45.0, "rate", "2cycles", "blinatumomab"),
        ("HELIOS", "ENROLLED", 80.0, "count", None, "blinatumomab"),
        ("HELIOS", "MRD_NEG", 30.0, "rate", None, "blinatumomab"),
    ]
    for r in records:
        assert doc.text[r.char_start:r.char_end] == r.value_text
        assert doc.text[r.quote_start:r.quote_start + len(r.quote)] == r.quote


def test_report_sentences_that_never_hold_results():
    doc = _doc(SINGLE_ARM_REPORT[:2] + [
        ("body", "Patients were eligible if they had at least 5% marrow blasts and had received two prior lines."),
        ("body", "\u201cA median survival of about seven months is a bridge, not a cure,\u201d said one investigator."),
    ])
    assert {r.value for r in extract_evidence(doc)} == {80.0}


def test_sentence_continuing_the_previous_figure_takes_its_endpoint_and_timepoint():
    doc = _doc([("title", "Blinatumomab versus chemotherapy: the randomized phase 3 ORION trial"),
                ("body", "Patients were randomly assigned to blinatumomab or chemotherapy. The 2-year overall survival "
                         "was 58% with blinatumomab. In the chemotherapy group it was 41%.")])
    got = sorted((r.trial, r.endpoint, r.value, r.statistic, r.timepoint, r.arm) for r in extract_evidence(doc))
    assert got == [("ORION", "OS", 41.0, "landmark", "2y", "chemotherapy"),
                   ("ORION", "OS", 58.0, "landmark", "2y", "blinatumomab")]


def test_report_named_only_by_a_title_code_or_registry_number():
    coded = _doc([("title", "Blinatumomab in relapsed ALL (XR-2041): an open-label, single-arm, phase 2 study"),
                  ("body", "Complete remission was reached by 41% of patients.")])
    assert {r.trial for r in extract_evidence(coded)} == {"XR-2041"}
    registered = _doc([("title", "Inotuzumab ozogamicin in relapsed ALL: a phase 2 study"),
                       ("body", "The study is registered with ClinicalTrials.gov, number NCT09876543."),
                       ("body", "Complete remission was reached by 41% of patients.")])
    assert {(r.trial, r.nct, r.arm) for r in extract_evidence(registered)} == {("NCT09876543", "NCT09876543", "inotuzumab")}


def test_report_named_in_its_opening_rather_than_its_title():
    doc = _doc([("title", "Long-term outcomes of CD19 CAR T cells in adults with relapsed ALL"),
                ("body", "We report the final analysis of the single-arm phase 1 ZENITH-7 study. "
                         "In an earlier study, the ORION-2 trial had enrolled older adults. "
                         "The study is registered with ClinicalTrials.gov, number NCT09876543."),
                ("body", "Complete remission was reached by 61% of patients in ZENITH-7.")])
    assert {r.trial for r in extract_evidence(doc)} == {"ZENITH-7"}


def test_single_arm_report_of_an_unnamed_product_has_no_study_therapy():
    doc = _doc([("title", "Outcomes of CD19 CAR T cells in adults with relapsed ALL: the single-arm VEGA-3 study"),
                ("body", "Complete remission was reached by 61% of patients.")])
    assert {(r.trial, r.arm) for r in extract_evidence(doc)} == {("VEGA-3", None)}


def test_results_table_of_a_report_inherits_the_frame_and_reads_hazard_ratio_rows_as_ratios():
    rows = [["Outcome", "Blinatumomab (%)", "Chemotherapy (%)"],
            ["2-year overall survival", "58", "41"],
            ["Hazard ratio for death (95% CI)", "0.62 (0.45-0.85)", ""]]
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    table = Table(table_id=f"{SHA[:12]}:Table 2", page=1, label="Table 2", caption="Table 2. Efficacy outcomes",
                  header=tuple(rows[0]), rows=cells)
    doc = _doc([("title", "Blinatumomab versus chemotherapy: the randomized phase 3 ORION trial"),
                ("body", "Patients were randomly assigned to blinatumomab or chemotherapy.")], (table,))
    got = sorted((r.trial, r.endpoint, r.value, r.unit, r.statistic, r.arm) for r in extract_evidence(doc)
                 if r.source == "table")
    assert got == [("ORION", "OS", 0.62, None, "hazard_ratio", "blinatumomab"),
                   ("ORION", "OS", 41.0, "%", "landmark", "chemotherapy"),
                   ("ORION", "OS", 58.0, "%", "landmark", "blinatumomab")]


def test_review_keeps_sentence_attribution():
    cites = " ".join(f"[{n}]" for n in range(1, 13))
    doc = _doc([("title", "Immunotherapy in acute lymphoblastic leukemia: a review"),
                ("body", f"Many studies have been published {cites}."),
                ("body", "In the HELIOS trial, 45% of patients achieved complete remission [3]."),
                ("body", "Complete remission was reached by 41% of patients in a small series [7].")])
    got = {(r.trial, r.value) for r in extract_evidence(doc)}
    assert got == {("HELIOS", 45.0), (None, 41.0)}
