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
from tests.test_evidence_report_rules import _doc
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


def _by_value(paragraphs):
    return {r.value: r.arm for r in extract_evidence(_doc(paragraphs))}


_TRANSPLANT_TRIAL_BODY = [
    ("body", "Adults in first remission were randomly assigned to idecabtagene vicleucel or to high-dose melphalan "
             "with ASCT. Median progression-free survival was 41.2 months with ASCT; at 24 months, 82.5% of "
             "idecabtagene vicleucel recipients and 66.0% of ASCT recipients were alive without progression."),
]


@pytest.mark.parametrize("title", [
    "Idecabtagene Vicleucel Versus Autologous Stem-Cell Transplantation in Newly Diagnosed Myeloma: the Quarry Trial",
    "Idecabtagene vicleucel vs ASCT after induction for newly diagnosed myeloma",
    "IDECABTAGENE VICLEUCEL VERSUS AUTOLOGOUS TRANSPLANTATION IN NEWLY DIAGNOSED MYELOMA",
])
def test_a_treatment_set_against_a_transplant_procedure_names_the_transplant_arm(title):
    """Regression: transplant_comparator_unnamed ('Ciltacabtagene Autoleucel Versus Autologous Stem-Cell
    Transplantation' set no comparison: the procedure is no drug, and the title-case drug name was not found, so
    every ASCT figure went to the CAR-T arm or to none)."""
    got = _by_value([("title", title), *_TRANSPLANT_TRIAL_BODY])
    # a report abbreviating the procedure ASCT names the arm so (round 24; was 'autologous hsct')
    assert (got[41.2], got[82.5], got[66.0]) == ("asct", "idecabtagene vicleucel", "asct")


def test_an_autologous_transplant_arm_takes_the_reports_abbreviation():
    """The transplant arm is named as the report abbreviates it: auto-HCT gives 'autologous hct'."""
    got = _by_value([("title", "Idecabtagene vicleucel versus autologous transplantation in myeloma"),
                     ("body", "Median progression-free survival was 41.2 months with auto-HCT and was not reached "
                              "with idecabtagene vicleucel; auto-HCT was given after melphalan.")])
    assert got[41.2] == "autologous hct"


def test_a_transplant_named_as_an_outcome_sets_no_comparison():
    """Negative rule: 'before transplantation' is not a comparator: the title sets no treatment against a procedure."""
    got = _by_value([("title", "Blinatumomab versus chemotherapy before transplantation in relapsed ALL"),
                     ("body", "Complete remission was reached by 44.1% with blinatumomab and 25.3% with chemotherapy.")])
    assert (got[44.1], got[25.3]) == ("blinatumomab", "chemotherapy")


@pytest.mark.parametrize("spelling", ["Brexucabtagene Autoleucel", "Idecabtagene Vicleucel", "Lisocabtagene Maraleucel", "IDECABTAGENE VICLEUCEL"])
def test_a_multiword_drug_name_in_title_case_is_the_drug(spelling):
    """Regression: title_case_drug_unread (a journal title in title case hid every two-word drug name)."""
    from extractors.evidence.arms import find_arms
    assert [a.arm for a in find_arms(f"{spelling} Versus Standard Care")][:1] == [spelling.lower()]


_LODESTAR_TITLE = ("title", "Acalabrutinib versus ibrutinib in untreated CLL: the randomised phase 3 Lodestar trial")


def test_a_bare_pair_after_a_subgroup_sets_the_two_arms_in_order():
    """Regression: bare_pair_both_to_control ('; in patients with unmutated IGHV, 83.1% against 66.2%' gave both
    figures the arm named last, and '74.5% of those taking ibrutinib' took the first arm)."""
    got = _by_value([_LODESTAR_TITLE, ("body", "An estimated 88.0% of acalabrutinib patients were alive without "
                                               "progression at 24 months, against 74.5% of those taking ibrutinib; "
                                               "in patients with unmutated IGHV, 83.1% against 66.2%.")])
    assert (got[88.0], got[74.5], got[83.1], got[66.2]) == ("acalabrutinib", "ibrutinib", "acalabrutinib", "ibrutinib")


@pytest.mark.parametrize("link", ["of those taking", "of patients who received", "among patients allocated to"])
def test_a_population_then_its_treatment_names_the_values_arm(link):
    got = _by_value([_LODESTAR_TITLE, ("body", f"Overall response was 91.4% with acalabrutinib; it was 86.0% {link} "
                                               "ibrutinib.")])
    assert got[86.0] == "ibrutinib"


def test_disease_and_marker_short_forms_in_an_assignment_sentence_are_no_arms():
    """Regression: defined_terms_as_arm_labels ('... stopped on the basis of measurable residual disease (MRD), with
    continuous ibrutinib in ... chronic lymphocytic leukemia (CLL)' made 'MRD' and 'CLL' arm labels, and later
    figures took arm 'mrd')."""
    got = _by_value([_LODESTAR_TITLE,
                     ("body", "Lodestar randomised adults to acalabrutinib stopped on the basis of measurable residual "
                              "disease (MRD) or to continuous ibrutinib, in previously untreated chronic lymphocytic "
                              "leukemia (CLL)."),
                     ("body", "Undetectable MRD was reached by 66.1% with acalabrutinib, and by 12.4% when marrow was "
                              "tested.")])
    assert "mrd" not in got.values() and "cll" not in got.values()


def _records(paragraphs):
    return {(r.endpoint, r.value, r.arm, r.statistic) for r in extract_evidence(_doc(paragraphs))}


@pytest.mark.parametrize("sentence, endpoint", [
    ("Acalabrutinib reduced the risk of disease progression or death by 41% (hazard ratio [HR] 0.59; 95% CI, "
     "0.44-0.80).", "PFS"),
    ("Acalabrutinib cut the risk of death by a third (HR 0.66; 95% CI 0.48-0.91).", "OS"),
    ("With acalabrutinib the hazard of relapse or death was lower (HR, 0.72).", "RFS"),
])
def test_a_ratio_after_the_risk_it_reduces_compares_that_survival(sentence, endpoint):
    """Regression: risk_of_death_ratio_unread ('reduced the risk of disease progression or death by 62% (hazard ratio
    [HR] 0.38 ...)' gave no record: the risk named no endpoint, only 'hazard ratio for' did)."""
    got = _records([_LODESTAR_TITLE, ("body", sentence)])
    assert {(e, s) for e, _, _, s in got} == {(endpoint, "hazard_ratio")}


def test_a_risk_of_death_is_no_survival_rate():
    """Negative rule: 'the risk of death was 12% at 2 years' is the complement of survival; and the 41% by which a
    risk was reduced is a relative reduction."""
    got = _records([_LODESTAR_TITLE, ("body", "The risk of death was 12.0% at 2 years with ibrutinib. Acalabrutinib "
                                               "reduced the risk of progression or death by 41%.")])
    assert not {v for _, v, _, _ in got} & {12.0, 41.0}


@pytest.mark.parametrize("phrase", [
    "Complete responses, counting those with incomplete marrow recovery, reached 44.2%",
    "Complete remission including remissions with incomplete count recovery was 44.2%",
    "CR, together with patients in partial hematologic recovery, was 44.2%",
])
def test_complete_remission_counted_with_incomplete_recovery_is_the_composite(phrase):
    """Regression: composite_remission_in_words (CR 'counting those with incomplete marrow recovery' read as CR)."""
    got = _records([_LODESTAR_TITLE, ("body", f"{phrase} with acalabrutinib.")])
    assert ("CR_CRI", 44.2) in {(e, v) for e, v, _, _ in got}


def test_an_arm_named_with_its_schedule_takes_its_assigned_count():
    """Regression: assigned_count_lost_to_adjective ('403 to Tempo and 399 to continuous ibrutinib' lost 399)."""
    got = _records([_LODESTAR_TITLE, ("body", "Lodestar randomized 612 adults: 306 to acalabrutinib and 306 to "
                                               "continuous ibrutinib.")])
    assert ("ENROLLED", 306.0, "ibrutinib", "count") in got


_STOPPING = [("title", "Discontinuing Ibrutinib Therapy After Deep Response in Mantle Cell Lymphoma"),
             ("body", "Of 120 patients in deep remission, 52 stopped therapy and 68 continued ibrutinib. Two-year PFS "
                      "was 78.3% after stopping; with continued ibrutinib, 81.5%. The hazard ratio for progression or "
                      "death after stopping was 1.21.")]


def test_a_report_about_stopping_a_therapy_compares_stopping_with_continuing():
    """Regression: stop_versus_continue_unnamed ('Stopping Lenalidomide Maintenance After ...' with '84.7% after
    stopping; with continued lenalidomide, 86.9%' gave both figures the drug: stopping was no arm)."""
    got = _by_value(_STOPPING)
    assert (got[78.3], got[81.5], got[1.21], got[52.0]) == ("discontinuation", "continued ibrutinib",
                                                             "discontinuation", "discontinuation")


def test_stopping_named_without_a_continuing_group_is_no_comparison():
    """Negative rule: a title about stopping a therapy, with no patients who continued it, sets no strategy arms."""
    got = _by_value([("title", "Discontinuing Ibrutinib Therapy After Deep Response in Mantle Cell Lymphoma"),
                     ("body", "All 52 patients stopped ibrutinib; two-year PFS was 78.3% after stopping.")])
    assert got[78.3] != "discontinuation"


@pytest.mark.parametrize("phrase, code", [
    ("after the first blinatumomab cycle", "cycle1"),
    ("at the end of the first inotuzumab cycle", "cycle1"),
    ("after the second venetoclax cycle", "2cycles"),
])
def test_a_cycle_named_by_its_drug_is_still_the_window(phrase, code):
    """Regression: drug_named_cycle_window ('deepening to 51/60 (85.0%) after the first blinatumomab cycle' kept the
    end-of-induction window of the figure before it)."""
    from extractors.evidence.numbers import find_windows
    assert [w.code for w in find_windows(phrase)] == [code]


@pytest.mark.parametrize("verb", ["held", "were maintained", "endured"])
def test_remissions_held_for_a_median_is_the_duration_of_remission(verb):
    got = _records([("title", "Inotuzumab then blinatumomab in older adults with ALL: a phase 2 study"),
                    ("body", f"Remissions {verb} for a median of 20.1 months.")])
    assert {(e, v, s) for e, v, _, s in got} == {("DOR", 20.1, "median")}


_HERON_TITLE = ("title", "Obecabtagene autoleucel in adults with relapsed ALL: the single-arm phase 2 Heron study")


@pytest.mark.parametrize("sentence", [
    "Other data put these figures in context: in KarMMa-3, ide-cel gave a 12-month PFS of 55%.",
    "For comparison, in CARTITUDE-4 cilta-cel gave a 12-month PFS of 76%.",
    "Historical series in this age group report 2-year survival near 30%.",
    "Non-relapse mortality after an allograft ranges between 10% and 20% in most series.",
])
def test_figures_of_other_studies_and_published_ranges_are_no_results(sentence):
    """Regression: other_study_after_lead_in ('Other data put these figures in context: in CARTITUDE-4, ...' and
    'Historical series in this age group report ...' were read as the report's results: the lead-in hid the study name,
    and 'this age group report' passed for 'this report')."""
    got = _records([_HERON_TITLE, ("body", "Heron enrolled 127 adults."), ("body", sentence)])
    assert {v for _, v, _, _ in got} == {127.0}


@pytest.mark.parametrize("sentence", [
    "Tocilizumab was given to 41 patients and corticosteroids to 13 patients for CRS.",
    "Among the 64 patients older than 45 years, overall survival at 1 year was 58.4%.",
    "Of the 38 patients in the cohort who relapsed, 21 later received an allograft.",
])
def test_supportive_care_and_subgroup_counts_are_no_enrolment(sentence):
    """Regression: supportive_care_and_subgroup_counts ('Tocilizumab was given to 41 patients' and 'Among the 124
    patients older than 45 years' were read as enrolments)."""
    got = _records([_HERON_TITLE, ("body", "Heron enrolled 127 adults."), ("body", sentence)])
    assert {v for e, v, _, _ in got if e == "ENROLLED"} == {127.0}


def test_this_report_still_names_the_own_study():
    got = _records([_HERON_TITLE, ("body", "Heron enrolled 127 adults."),
                    ("body", "In this report, overall survival at 1 year was 61.0%.")])
    assert ("OS", 61.0) in {(e, v) for e, v, _, _ in got}


_CODED_CAR_TITLE = ("title", "Point-of-care CD19 CAR T cells (XCAR19) for children with relapsed B-ALL: results of "
                             "ACTRN12624000999999")


def test_a_bare_infused_count_and_a_share_defined_after_its_ci_are_read():
    """Regression: infused_count_and_defined_remission ('and 31 were infused: 3 at DL1, ...' gave no enrolment, and
    '(90.3%; 95% CI 74.2-98.0) were in remission, defined as CR or CRi' no record: the comma before 'defined as' cut
    the link from the share to its endpoint)."""
    got = _records([_CODED_CAR_TITLE, ("body", "Products were made for 40 of 41 apheresed patients, and 38 were "
                                               "infused: 4 at DL1, 6 at DL2 and 28 at DL3. By the day 28 marrow, 33 "
                                               "of the 38 infused patients (86.8%; 95% CI 71.9-95.6) were in "
                                               "remission, defined as CR or CRi.")])
    assert {("ENROLLED", 38.0), ("CR_CRI", 86.8)} <= {(e, v) for e, v, _, _ in got}


@pytest.mark.parametrize("which, expected", [("later", "12mo"), ("latter", "12mo"), ("earlier", "6mo")])
def test_a_figure_at_the_later_time_point_takes_that_landmark(which, expected):
    """Regression: landmark_anaphora_unread ('and overall survival 86.7% at the later time point' gave OS as a rate
    without its landmark)."""
    got = {(r.endpoint, r.value): r.timepoint for r in extract_evidence(_doc([_CODED_CAR_TITLE, (
        "body", f"Event-free survival was 70.1% at 6 months and 61.2% at 12 months, and overall survival 80.4% at "
                f"the {which} time point.")]))}
    assert got[("OS", 80.4)] == expected


def test_older_comparisons_and_a_survival_advantage_are_no_results():
    got = _records([_HERON_TITLE, ("body", "Heron enrolled 127 adults."),
                    ("body", "Older randomised comparisons reported 3-year survival of 45% with a donor."),
                    ("body", "The transplant gave a survival advantage of roughly 12.5% at 3 years.")])
    assert {v for _, v, _, _ in got} == {127.0}


_QUAY = [("title", "Ponatinib plus blinatumomab versus ponatinib plus chemotherapy in Ph-positive ALL: the randomised "
                   "Quay trial"),
         ("body", "Patients were assigned to ponatinib plus blinatumomab (PB) or ponatinib plus chemotherapy (PC). "
                  "Event-free survival at 3 years was 70.2% in the PB group and 55.1% in the PC group. The median was "
                  "not reached in the PB group, and in the PC group it was 40.3 months. Among patients with the "
                  "IKZF1-plus genotype, the corresponding 3-year figures were 61.0% and 40.5% (hazard ratio, 0.51).")]


def test_two_abbreviated_combinations_sharing_a_drug_keep_apart():
    """Regression: shared_first_drug_abbreviations ('ponatinib plus blinatumomab (PB)' and 'ponatinib plus
    chemotherapy (PC)' both stood for ponatinib, so every figure of both arms had one arm)."""
    got = _by_value(_QUAY)
    assert (got[70.2], got[55.1]) == ("ponatinib-blinatumomab", "ponatinib-chemotherapy")


def test_in_the_group_it_was_names_that_groups_value():
    """Regression: arm_then_pronoun_value ('and in the PC group it was 47.1 months' gave the median to the other arm)."""
    assert _by_value(_QUAY)[40.3] == "ponatinib-chemotherapy"


def test_corresponding_landmark_figures_after_a_median_continue_its_survival_endpoint():
    """Regression: corresponding_figures_after_median ('the corresponding 3-year figures were 68.0% and 44.5%' after a
    median EFS gave no record: only a rate or landmark could be continued, and '3-year' stood between 'corresponding'
    and 'figures')."""
    got = {r.value: (r.endpoint, r.timepoint, r.statistic) for r in extract_evidence(_doc(_QUAY))}
    assert (got[61.0], got[40.5], got[40.3]) == (("EFS", "3y", "landmark"), ("EFS", "3y", "landmark"),
                                                  ("EFS", None, "median"))


def test_a_pair_closed_by_an_interaction_p_value_sets_the_two_arms_in_order():
    """Regression: pair_with_trailing_p_value ('68.0% and 44.5% (hazard ratio, 0.47 ...), with P=0.64 for
    interaction' gave both figures the experimental arm: the trailing P kept the pair from closing its clause)."""
    got = _by_value([_LODESTAR_TITLE, ("body", "Progression-free survival at 2 years was 88.0% with acalabrutinib and "
                                               "74.5% with ibrutinib. Among patients with unmutated IGHV, the "
                                               "corresponding 2-year figures were 83.1% and 66.2% (hazard ratio, "
                                               "0.47), with P=0.64 for interaction.")])
    assert (got[83.1], got[66.2]) == ("acalabrutinib", "ibrutinib")


def _table_report(rows):
    """A single-arm report whose only results are one table (header row first)."""
    from schemas.document import Cell, Table
    doc = _doc([_HERON_TITLE, ("body", "Heron enrolled 127 adults; results are in Table 2.")])
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(60.0 + 150 * c, 100.0 + 12 * r, 200.0 + 150 * c,
                                                                      110.0 + 12 * r))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    table = Table(table_id="t:Table 2", page=1, label="Table 2", caption="Table 2. Efficacy results", header=tuple(rows[0]),
                  rows=cells, bbox=(60.0, 88.0, 400.0, 160.0), regions=((1, (60.0, 88.0, 400.0, 160.0)),))
    return {(r.endpoint, r.value, r.statistic) for r in extract_evidence(doc.model_copy(update={"tables": (table,)}))
            if r.source == "table"}


def test_a_labels_bracketed_composite_and_durations_of_cr_in_a_label_table():
    """Regression: label_table_composite_and_duration ('Overall complete remission (CR + CRi) within 3 months' read as
    CR; 'Duration of CR, median (95% CI), months | 18.6 (11.2, NE)' read as CR, and 11.2 as a value of its own)."""
    got = _table_report([["Efficacy endpoint", "Efficacy population (N = 98)"],
                         ["Overall complete remission (CR + CRi) within 3 months, n (%)", "70 (71.4)"],
                         ["Duration of CR, median (95% CI), months", "16.2 (10.5, NE)"],
                         ["Duration of CR + CRi, median (95% CI), months", "12.9 (8.0, not reached)"]])
    assert got == {("CR_CRI", 71.4, "rate"), ("DOR", 16.2, "median"), ("DOR", 12.9, "median")}


def test_a_verbless_subgroup_pair_continues_the_previous_result():
    """Regression: verbless_subgroup_pair ('Among patients with blastoid or pleomorphic histology, 41.7% vs 22.9%.'
    after a 4-year PFS comparison gave no record: the sentence names no endpoint)."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_doc([_LODESTAR_TITLE, (
        "body", "At 4 years, 59.4% of acalabrutinib patients were alive and progression-free, compared with 44.1% "
                "with ibrutinib. Among patients with unmutated IGHV, 41.7% vs 22.9%.")]))}
    assert {("PFS", 41.7, "4y"), ("PFS", 22.9, "4y")} <= got


@pytest.mark.parametrize("sentence, size", [
    ("Between 2021 and 2024, 62 patients started Shoreline at 14 centres.", 62.0),
    ("Over that period, 112 adults started induction.", 112.0),
    ("Forty-four patients were registered and one withdrew, so 43 were treated; their median age was 58.", 43.0),
    ("Thirty-one patients were leukapheresed and 27 infused: 3 at DL1 and 24 at DL2.", 27.0),
])
def test_patients_who_started_or_were_treated_size_the_study(sentence, size):
    """Regression: started_and_treated_counts ('62 patients started Shoreline', '43 were treated;', '27 infused:' gave
    no enrolment)."""
    got = _records([_HERON_TITLE, ("body", sentence)])
    assert ("ENROLLED", size) in {(e, v) for e, v, _, _ in got}


def test_patients_who_started_at_a_dose_are_no_sample():
    """Negative rule: 'the first three children started at 1.3 mg/m2' names a starting dose, not the study's size."""
    got = _records([_HERON_TITLE, ("body", "The first three adults and the first three children started at 1.3 mg/m2.")])
    assert not any(e == "ENROLLED" for e, *_ in got)


def test_remission_rising_with_dose_splits_the_composite_remission_by_dose_level():
    """Regression: remission_by_dose_unread ('Remission rose with dose: 1 of 3 at DL1 (33.3%), ...' gave no record;
    once read, it must continue the composite remission of the paragraph, not the CR-with-full-recovery figure after
    it)."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_doc([_CODED_CAR_TITLE, (
        "body", "By day 28, 24 of the 27 infused patients (88.9%) were in CR or CRi. Complete remission with full "
                "count recovery: 15 of 27 (55.6%). Remission rose with dose: 1 of 3 at DL1 (33.3%), 5 of 6 at DL2 "
                "(83.3%) and all 18 at DL3 (100%).")]))}
    assert {("CR_CRI", 33.3, "d28"), ("CR_CRI", 83.3, "d28"), ("CR_CRI", 100.0, "d28")} <= got


_DOSE_CARD = """Dose escalation of QX-19, a CD19 CAR T-cell product, in children with relapsed B-ALL (NCT07999001)

Results: Twenty patients were apheresed and 18 received QX-19. Remission was assessed in marrow on day 28.

Day-28 response by dose level
| Response | DL1 (n = 3) | DL2 (n = 6) | DL3 (n = 9) |
|---|---|---|---|
| CR/CRi, n/N (%) | 1/3 (33.3) | 4/6 (66.7) | 8/9 (88.9) |
| MRD-negative CR/CRi, n/N (%) | 1/1 (100) | 3/4 (75.0) | 8/8 (100) |
MRD by flow cytometry, sensitivity 0.01%.

Conclusions: QX-19 induced remissions at every dose level.
"""


def test_a_small_monospaced_table_under_a_plain_heading_is_read_with_the_headings_window(tmp_path):
    """Regression: small_courier_table_unread (a three-row ruled table in Courier, whose text layer runs each row's
    cells into one fragment, was never handed to the table extractor; read, its rows lacked the heading's day-28
    window)."""
    from extractors.pdf.ingest import parse_pdf
    from schemas.settings import IngestSettings
    path = typeset(_DOSE_CARD, Layout(font="Courier", size=9.0, table_style="ruled"), tmp_path / "card.pdf")
    doc = parse_pdf(path, IngestSettings())
    assert len(doc.tables) == 1
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(doc) if r.source == "table"}
    assert {("CR_CRI", 33.3, "d28"), ("CR_CRI", 66.7, "d28"), ("CR_CRI", 88.9, "d28")} <= got


_OLDER_ALL_TITLE = ("title", "Inotuzumab then blinatumomab in older adults with ALL: a phase 2 study")


def test_a_sentence_opening_window_covers_a_list_clause_after_a_semicolon():
    """Regression: opening_window_lost_after_semicolon ('After two courses, 51 of 58 were in CR/CRi (87.9%); CR
    alone, 40 (69.0%)' gave CR no window: the clause after ';' names its own endpoint)."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_doc([_OLDER_ALL_TITLE, (
        "body", "After two courses, 51 of 58 patients were in CR/CRi (87.9%; 95% CI, 76.7-95.0); CR alone, 40 "
                "(69.0%).")]))}
    assert ("CR", 69.0, "2cycles") in got


def test_a_clause_with_its_own_window_keeps_it():
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_doc([_OLDER_ALL_TITLE, (
        "body", "After two courses, CR/CRi was 87.9%; at day 100, MRD negativity was 55.0%.")]))}
    assert ("MRD_NEG", 55.0, "d100") in got


def test_leaving_n_treated_and_the_same_landmark():
    """Regression: leaving_treated_and_same_landmark ('leaving 58 treated.' gave no enrolment; 'event-free survival
    49.0% at the same landmark' no landmark)."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_doc([_OLDER_ALL_TITLE, (
        "body", "61 registered; 3 never started, leaving 58 treated. Overall survival was 61.8% at 2 years, with "
                "event-free survival 49.0% at the same landmark.")]))}
    assert {("ENROLLED", 58.0, None), ("EFS", 49.0, "2y")} <= got


_TERN_TITLE = ("title", "Blinatumomab versus intensive chemotherapy in older adults with relapsed ALL: the randomised "
                        "Tern trial")


def test_a_treatment_that_left_patients_alive_gives_overall_survival():
    """Regression: left_alive_unread ('intensive chemotherapy left 41.7% alive' gave no record, or the other arm)."""
    got = {(r.endpoint, r.value, r.timepoint, r.arm) for r in extract_evidence(_doc([_TERN_TITLE, (
        "body", "At 2 years, blinatumomab left 58.2% of patients alive, while intensive chemotherapy left 41.7% "
                "alive.")]))}
    assert got == {("OS", 58.2, "2y", "blinatumomab"), ("OS", 41.7, "2y", "chemotherapy")}


@pytest.mark.parametrize("phrase, endpoint", [("alive and free of relapse", "RFS"),
                                              ("alive and free of progression", "PFS"),
                                              ("alive and free of events", "EFS")])
def test_alive_and_free_of_an_event_is_that_survival(phrase, endpoint):
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc([_TERN_TITLE, (
        "body", f"At 3 years, 45.0% of patients given blinatumomab were still {phrase}.")]))}
    assert got == {(endpoint, 45.0)}
