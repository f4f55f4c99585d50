"""Rule classes of issue 11, round 16: MRD thresholds as percentages, windows of a population phrase, and the
results table of a single-arm report (restated cells, windows along a row).

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.extract import extract_evidence
from extractors.evidence.numbers import find_windows
from schemas.document import Cell, Table
from tests.test_evidence_report_rules import SHA, _doc

_SINGLE_ARM_TITLE = ("title", "ORCHID: a phase 2 study of venetoclax added to salvage chemotherapy in relapsed T-ALL")


def _readings(paragraphs, tables=()):
    return {(r.endpoint, r.value, r.statistic, r.timepoint) for r in extract_evidence(_doc(paragraphs, tables))}


@pytest.mark.parametrize("sentence", [
    "MRD fell below 0.01% in 21 of the 30 responders (70.0%).",
    "Of the 30 responders, 21 (70.0%) had MRD <0.01% by flow cytometry.",
    "MRD levels below 0.001% were reached by 21 of 30 responders (70.0%).",
])
def test_mrd_below_a_small_percentage_is_mrd_negativity(sentence):
    """Regression: mrd_percent_threshold_not_an_endpoint ('MRD fell below 0.01% in 35 (64.8%)' gave no reading)."""
    assert ("MRD_NEG", 70.0, "rate", None) in _readings([_SINGLE_ARM_TITLE, ("body", sentence)])


def test_a_subgroup_cut_at_a_tenth_of_a_percent_is_no_mrd_negativity():
    """Negative rule: 'patients with MRD < 0.1%, 0.1-1% or > 1%' names subgroups whose survival is reported."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "The 3-year overall survival of patients with MRD < 0.1%, 0.1-1% or "
                                                 "> 1% after induction was 81%, 57% and 29%, respectively.")])
    assert not any(endpoint == "MRD_NEG" for endpoint, *_ in got)


@pytest.mark.parametrize("sentence", [
    "Among the 30 patients in CR after the second cycle, MRD fell below 0.01% in 21 (70.0%).",
    "Among 30 patients in remission after two cycles, 21 (70.0%) were MRD negative by flow cytometry.",
])
def test_a_window_in_the_opening_population_phrase_covers_the_clause(sentence):
    """Regression: population_window_lost_to_its_count ('Among the 54 patients in CR/CRi after block 2, ...': the
    cohort's size before the window kept the window from opening the clause)."""
    assert ("MRD_NEG", 70.0, "rate", "2cycles") in _readings([_SINGLE_ARM_TITLE, ("body", sentence)])


def test_among_a_response_category_is_a_population():
    """'MRD below 0.01% among CR/CRi': the remission category after 'among' is who was measured, not what."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "MRD below 0.01% among CR/CRi: 70.0% (21 of 30).")])
    assert ("MRD_NEG", 70.0, "rate", None) in got and not any(e == "CR_CRI" for e, *_ in got)


def _table(rows):
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    return Table(table_id=f"{SHA[:12]}:Table 1", page=1, label="Table 1", caption="Table 1. Outcomes by subtype",
                 header=tuple(rows[0]), rows=cells)


_SUBTYPE_TABLE = _table([
    ["Outcome", "T-ALL (n = 40)", "T-LBL (n = 20)", "All (N = 60)"],
    ["Complete remission, n/N (%)", "30/40 (75.0)", "12/20 (60.0)", "42/60 (70.0)"],
    ["MRD <0.01% among responders, n/N (%)", "24/30 (80.0)", "6/12 (50.0)", "30/42 (71.4)"],
])
_SUBTYPE_BODY = [_SINGLE_ARM_TITLE,
                 ("body", "After two cycles, 42 of 60 patients (70.0%) were in complete remission."),
                 ("body", "Among the 42 responders after two cycles, MRD fell below 0.01% in 30 (71.4%).")]


def test_a_single_arm_reports_table_cell_restating_a_body_figure_is_listed_once():
    """Regression: restated_table_cell_kept_for_want_of_an_arm (the table's 'All' column had no arm until the study
    therapy was given to every record, so its cells did not restate the body's and were counted twice)."""
    records = extract_evidence(_doc(_SUBTYPE_BODY, (_SUBTYPE_TABLE,)))
    assert [r.source for r in records if r.value == 70.0] == ["body"]
    assert [r.source for r in records if r.value == 71.4] == ["body"]


def test_a_table_row_takes_the_window_the_body_gives_one_of_its_cells():
    """Regression: subgroup_cells_without_the_rows_window (the body's 'after two cycles' reached the 'All' cell of a
    row but not the subtype cells beside it)."""
    records = extract_evidence(_doc(_SUBTYPE_BODY, (_SUBTYPE_TABLE,)))
    got = {(r.endpoint, r.value, r.timepoint) for r in records if r.source == "table"}
    assert {("CR", 75.0, "2cycles"), ("CR", 60.0, "2cycles"), ("MRD_NEG", 80.0, "2cycles"),
            ("MRD_NEG", 50.0, "2cycles")} <= got


@pytest.mark.parametrize("phrase, code", [
    ("after the second cycle", "2cycles"), ("by the end of the third induction block", "3cycles"),
    ("following the 2nd course", "2cycles"), ("after the first cycle", "cycle1"),
])
def test_a_window_counted_by_an_ordinal_cycle(phrase, code):
    """Regression: ordinal_cycle_window_unread ('after the second cycle' gave no window; 'after two cycles' did)."""
    assert [w.code for w in find_windows(f"Remission {phrase} was 61%.")] == [code]


@pytest.mark.parametrize("sentence", [
    "Progression-free survival at 12 months 81.5% (95% CI 70.2-88.9), at 24 months 66.0% (95% CI 53.1-76.1).",
    "Event-free survival: at 12 months, 81.5%; at 24 months, 66.0%.",
])
def test_each_value_keeps_the_time_printed_just_before_it(sentence):
    """Regression: following_time_taken_over_leading_time ('at 24 months 84.2% (CI), at 36 months 77.8%' gave 84.2
    the 36 months that follows it)."""
    got = {(v, t) for _, v, s, t in _readings([_SINGLE_ARM_TITLE, ("body", sentence)]) if s == "landmark"}
    assert got == {(81.5, "12mo"), (66.0, "24mo")}


def _records(paragraphs):
    return extract_evidence(_doc(paragraphs))


def test_a_study_cited_in_the_opening_of_an_unnamed_report_does_not_become_its_frame():
    """Regression: cited_study_taken_as_frame (a letter and a registry report that name no study of their own took
    the trial their introduction or discussion cites, and gave it every result)."""
    records = _records([
        ("title", "Blinatumomab before transplant for MRD-positive ALL: a single-centre experience"),
        ("body", "In children, the randomised HARBOUR trial reported a 2-year survival of 88% after blinatumomab."),
        ("body", "Of our 40 patients, 24 received blinatumomab first; complete MRD response was reached in 75% of them."),
    ])
    assert {r.trial for r in records} == {None}
    assert 88.0 not in {r.value for r in records}


def test_an_opening_that_cites_a_study_by_in_name_is_about_that_study():
    records = _records([
        ("title", "Inotuzumab before transplant: outcomes at one centre"),
        ("body", "In KESTREL, a complete MRD response was reached in 78% of patients after one cycle."),
        ("body", "Of our 30 patients, 18 (60.0%) had a complete MRD response after one cycle."),
    ])
    assert {r.trial for r in records} == {None} and 78.0 not in {r.value for r in records}


_CONDITIONING_TITLE = ("title", "Total-body irradiation versus chemotherapy-based conditioning before allogeneic "
                                "transplantation for adults with ALL: a registry study")


def test_irradiation_and_chemotherapy_conditioning_are_the_two_arms_of_a_conditioning_comparison():
    """Regression: conditioning_comparison_read_as_single_arm (a TBI-versus-chemotherapy conditioning report gave every
    record the first drug of its Methods)."""
    got = {(r.endpoint, r.value, r.arm) for r in _records([
        _CONDITIONING_TITLE,
        ("body", "Of 800 patients, 500 were conditioned with TBI and 300 received chemotherapy alone. Overall survival "
                 "at 3 years was 70.5% after TBI and 61.2% after chemotherapy-based conditioning."),
    ])}
    assert {("ENROLLED", 500.0, "total body irradiation"), ("ENROLLED", 300.0, "chemotherapy"),
            ("OS", 70.5, "total body irradiation"), ("OS", 61.2, "chemotherapy")} <= got


def test_a_clause_naming_only_the_control_side_is_about_it():
    """Regression: clause_control_lost_to_sentence_arm ('... with TBI; without TBI it was 49.7%' gave 49.7 to TBI)."""
    got = {(r.value, r.arm) for r in _records([
        _CONDITIONING_TITLE,
        ("body", "Relapse-free survival at 3 years was 63.0% with TBI; without TBI it was 51.5%."),
    ])}
    assert got == {(63.0, "total body irradiation"), (51.5, "chemotherapy")}


@pytest.mark.parametrize("sentence", [
    "By day 100, MRD was undetectable in 72.0% of patients.",
    "By day 100, MRD became negative in 72.0% of patients.",
])
def test_mrd_stated_undetectable_as_a_predicate_is_mrd_negativity(sentence):
    assert ("MRD_NEG", 72.0, "rate", "d100") in _readings([_SINGLE_ARM_TITLE, ("body", sentence)])


def test_patients_who_were_mrd_negative_are_a_population():
    """'... smaller in patients who were MRD-negative before transplant, 73.8% vs 70.9%': no MRD negativity rates."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "Event-free survival at 2 years was 64.0% in patients who were "
                                                 "MRD-negative after induction.")])
    assert not any(e == "MRD_NEG" for e, *_ in got)


_COHORTS = [("title", "Imatinib or ponatinib added to chemotherapy for high-risk ALL: results of the KELPIE study"),
            ("body", "Patients with ABL1 fusions received imatinib (IMA cohort; n = 40) and those with T315I received "
                     "ponatinib (PON cohort; n = 20). Complete remission at the end of induction was reached by 36 of "
                     "40 IMA patients (90.0%) and 17 of 20 PON patients (85.0%).")]


def test_cohorts_labelled_in_brackets_are_arms_and_no_trials():
    """Regression: cohort_label_read_as_trial ('(RUX cohort; n = 46)': the NER took RUX for a trial, every sentence
    using it became another study's, and the two-cohort study was read as single-arm)."""
    got = {(r.trial, r.endpoint, r.value, r.arm) for r in _records(_COHORTS)}
    assert {("KELPIE", "ENROLLED", 40.0, "imatinib"), ("KELPIE", "ENROLLED", 20.0, "ponatinib"),
            ("KELPIE", "CR", 90.0, "imatinib"), ("KELPIE", "CR", 85.0, "ponatinib")} <= got


def test_a_group_label_names_a_combination_given_with_doses_in_brackets():
    """Regression: group_label_after_dosed_combination ('isatuximab (10 mg/kg) plus lenalidomide (10 mg daily)
    (Isa-R group) or lenalidomide alone (R group)': neither label was read)."""
    got = {(r.endpoint, r.value, r.arm) for r in _records([
        ("title", "Daratumumab plus lenalidomide maintenance after transplant in myeloma: the randomized WREN trial"),
        ("body", "Patients were randomly assigned to receive daratumumab (16 mg per kilogram every 8 weeks) plus "
                 "lenalidomide (10 mg daily) (Dara-R group) or lenalidomide alone (R group). Progression-free survival "
                 "at 36 months was 80.1% in the Dara-R group and 66.4% in the R group."),
    ])}
    # round 22: a label for a combination names its drugs joined (it was the label's letters, 'dara-r', before)
    assert {("PFS", 80.1, "daratumumab-lenalidomide"), ("PFS", 66.4, "lenalidomide")} <= got


@pytest.mark.parametrize("sentence", [
    "The study had 80% power to distinguish a remission rate of 70% from one of 50%.",
    "Assuming a true response rate of 70% and excluding a rate of 50%, 60 patients were needed.",
    "We assumed a hazard ratio for death of 0.65; 180 events were needed.",
])
def test_the_statistical_design_holds_no_results(sentence):
    """Negative rule: power and sample-size assumptions state hypotheses, not results."""
    assert not _readings([_SINGLE_ARM_TITLE, ("body", sentence)])


@pytest.mark.parametrize("sentence", [
    "These results compare with a 3-year EFS of 49% for patients treated on the predecessor protocol.",
    "In the phase 2 run-in that preceded ORCHID (40 patients), 52% were MRD-negative at day 28.",
    "• Context: in OSPREY, venetoclax-chemotherapy gave a median EFS of 30.6 months.",
])
def test_figures_of_the_study_before_or_beside_the_report_are_not_its_results(sentence):
    """Negative rule: a predecessor protocol, a preceding run-in and a cited trial are other studies."""
    assert not _readings([_SINGLE_ARM_TITLE, ("body", "Complete remission was reached by 61% of patients."),
                          ("body", sentence)]) - {("CR", 61.0, "rate", None)}


def test_a_bracketed_patient_count_in_a_report_sizes_a_subgroup_not_the_study():
    """Regression: subgroup_size_read_as_enrolment ('Patients transplanted late were excluded (37 patients)', 'in
    T-lineage ALL (196 patients)' gave enrolments)."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "Of 120 patients enrolled, those with CNS disease were excluded "
                                                 "(14 patients). The benefit held in T-lineage disease (52 patients).")])
    assert {v for e, v, *_ in got if e == "ENROLLED"} == {120.0}


def test_a_transplant_report_that_splits_its_patients_compares_transplant_with_the_rest():
    """Regression: transplant_split_read_as_single_arm ('Allogeneic transplantation for children ...: a single-centre
    experience', '58 went on to an allograft and the other 71 did not': no arms, as if one cohort)."""
    got = {(r.endpoint, r.value, r.arm) for r in _records([
        ("title", "Allogeneic transplantation for adults with persistent MRD: a single-centre experience"),
        ("body", "Of the 90 adults identified, 40 went on to an allograft in first remission and the other 50 did not. "
                 "Five-year overall survival was 61.0% after allogeneic HSCT and 44.0% with chemotherapy alone. "
                 "MRD fell below 10^-4 before conditioning in 25 of the 40 transplanted adults (62.5%)."),
    ])}
    assert {("ENROLLED", 40.0, "allogeneic hsct"), ("OS", 61.0, "allogeneic hsct"), ("OS", 44.0, "chemotherapy"),
            ("MRD_NEG", 62.5, "allogeneic hsct")} <= got


def test_a_transplant_rate_in_a_single_arm_report_sets_up_no_comparison():
    """Negative rule: a CAR-T report's '12 went on to transplant and 18 did not' is a transplant rate, not two arms."""
    got = {(r.endpoint, r.value, r.arm) for r in _records([
        ("title", "Tisagenlecleucel in relapsed ALL: the single-arm phase 2 KITE-7 study"),
        ("body", "Of 30 responders, 12 went on to allogeneic transplant and 18 did not. Overall survival at 1 year was 70%."),
    ])}
    assert ("OS", 70.0, "tisagenlecleucel") in got


@pytest.mark.parametrize("sentence", [
    "The NOPHO-DBH experience placed 5-year event-free survival after transplant near 60%.",
    "A meta-analysis of 1126 children found 5-year event-free survival of 38% without transplant.",
])
def test_a_cited_consortium_or_meta_analysis_is_another_study(sentence):
    assert not _readings([_SINGLE_ARM_TITLE, ("body", sentence)])


def test_a_placebo_comparator_in_a_double_blind_trial_is_the_control_arm():
    """Regression: placebo_trial_read_as_single_arm ('double-blind, placebo-controlled' was no randomised design and
    'placebo-BR' no arm, so every figure went to the study drug)."""
    got = {(r.endpoint, r.value, r.arm) for r in _records([
        ("title", "PIPIT: acalabrutinib with bendamustine-rituximab for older adults with mantle-cell lymphoma"),
        ("body", "Randomized, double-blind, placebo-controlled phase 3 trial, 1:1."),
        ("body", "Median PFS: 66.4 mo (acalabrutinib-BR) v 49.6 mo (placebo-BR). PFS at 4 years: 59.2% v 47.8%."),
    ])}
    assert {("PFS", 49.6, "placebo"), ("PFS", 47.8, "placebo"), ("PFS", 59.2, "acalabrutinib")} <= got


def test_a_complete_metabolic_response_is_a_complete_response_and_cmr_is_left_to_the_document():
    """Regression: complete_metabolic_response_unread (the Lugano PET response gave no reading). 'CMR' alone stays
    unread: in Ph-positive ALL it is a complete molecular response."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "Complete metabolic response was reached by 41 patients (56.9%). "
                                                 "CMR was seen in 30%.")])
    assert ("CR", 56.9, "rate", None) in got and not any(v == 30.0 for _, v, *_ in got)


def test_undetectable_circulating_tumour_dna_is_mrd_negativity():
    got = _readings([_SINGLE_ARM_TITLE, ("body", "Circulating tumour DNA was undetectable at the end of cycle 3 in "
                                                 "44 of 58 evaluable patients (75.9%).")])
    assert ("MRD_NEG", 75.9, "rate", "cycle3") in got


def test_a_share_whose_bracket_holds_its_ci_links_forward_and_leaves_the_next_endpoint_to_the_next_value():
    """Regression: bracketed_ci_semicolon_broke_the_clause ('57 of 72 (79.2%; 95% CI, 68.0-87.8) were in complete
    response, and the overall response rate was 90.3%': 79.2 was lost, 90.3 became CR and the window was dropped)."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "At the end of treatment, 57 of 72 patients (79.2%; 95% CI, "
                                                 "68.0-87.8) were in complete remission, and the overall response "
                                                 "rate was 90.3% (65 of 72).")])
    assert {("CR", 79.2, "rate", "EOT"), ("ORR", 90.3, "rate", "EOT")} <= got


_FOOTNOTED_ROWS = (("Outcome", "T-ALL (n = 40)", "T-LBL (n = 20)"),
                   ("Complete remission, n (%)", "30 (75.0)", "12 (60.0)"),
                   ("MRD-negative among responders, n/N (%)", "24/30 (80.0)", "6/12 (50.0)"))


def _report_with_footnote(note: str, rows=_FOOTNOTED_ROWS):
    from schemas.document import Block
    doc = _doc([_SINGLE_ARM_TITLE, ("body", "Responses by subtype are shown in Table 2.")])
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(60.0 + 80 * c, 100.0 + 12 * r, 130.0 + 80 * c, 110.0 + 12 * r))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    table = Table(table_id=f"{SHA[:12]}:Table 2", page=1, label="Table 2", caption="Table 2. Outcomes by subtype",
                  header=tuple(rows[0]), rows=cells, bbox=(60.0, 88.0, 300.0, 124.0), regions=((1, (60.0, 88.0, 300.0, 124.0)),))
    start = len(doc.text)
    footnote = Block(page=1, bbox=(60.0, 128.0, 300.0, 140.0), kind="body", text=note, char_start=start,
                     char_end=start + len(note))
    return doc.model_copy(update={"text": doc.text + note, "blocks": doc.blocks + (footnote,), "tables": (table,)})


def test_a_window_given_only_in_the_tables_footnote_applies_to_its_endpoints_rows():
    """Regression: footnote_window_unread ('MRD was assessed at the end of cycle 2' under a table left its MRD row
    without a window)."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(
        _report_with_footnote("MRD was assessed at the end of cycle 2 by flow cytometry. Remission was assessed "
                              "at the end of induction.")) if r.source == "table"}
    # round 19: 'Remission was assessed at the end of induction' dates the remission row too (it stayed undated)
    assert {("MRD_NEG", 80.0, "cycle2"), ("MRD_NEG", 50.0, "cycle2"), ("CR", 75.0, "EOI")} <= got


def test_a_footnote_population_or_a_paragraph_without_assessment_gives_no_window():
    """Negative rule: 'among patients in CR' in a footnote names who was measured; a following paragraph's time is
    not an assessment window."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(
        _report_with_footnote("MRD was assessed at the end of cycle 3 among patients in complete remission. "
                              "Within 24 months, complete remission was lost in 5 patients.")) if r.source == "table"}
    assert ("CR", 75.0, None) in got and ("MRD_NEG", 80.0, "cycle3") in got


def test_the_combination_names_the_experimental_side_of_a_two_arm_report():
    """Regression: combination_reference_unread ('79.8 per cent with the combination and 69.1 per cent with R-CHOP
    alone (hazard ratio 0.65)' gave the ratio to the control arm)."""
    got = {(r.endpoint, r.value, r.arm) for r in _records([
        ("title", "Glofitamab plus R-CHOP versus R-CHOP in untreated DLBCL: the randomised WAGTAIL trial"),
        ("body", "Two-year progression-free survival was 78.0% with the combination and 68.5% with R-CHOP alone "
                 "(hazard ratio 0.66; 95% CI, 0.50 to 0.87)."),
    ])}
    assert {("PFS", 78.0, "glofitamab"), ("PFS", 68.5, "chemotherapy"), ("PFS", 0.66, "glofitamab")} <= got


_TWO_ARM_TITLE = ("title", "Odronextamab versus standard care in relapsed DLBCL: the randomised WHIMBREL trial")


@pytest.mark.parametrize("sentence", [
    "Complete responses were seen in 61.2 per cent and 38.3 per cent of patients.",
    "Complete responses were seen in 61.2% and 38.3%, in the same order.",
])
def test_a_pair_in_per_cent_or_in_the_same_order_gives_the_arms_in_turn(sentence):
    """Regression: per_cent_pair_not_split_by_arm ('61.2 per cent and 38.3 per cent of patients' gave both figures
    to the experimental arm: the pair patterns knew only '%')."""
    got = {(r.value, r.arm) for r in _records([_TWO_ARM_TITLE, ("body", sentence)])}
    assert got == {(61.2, "odronextamab"), (38.3, "chemotherapy")}


def test_the_standard_arm_is_the_control_arm():
    got = {(r.value, r.arm) for r in _records([_TWO_ARM_TITLE, ("body", "Median EFS was 21.9 months for odronextamab "
                                                                        "compared with 5.6 months in the standard arm.")])}
    assert got == {(21.9, "odronextamab"), (5.6, "chemotherapy")}


@pytest.mark.parametrize("sentence, value, code", [
    ("• Progression-free survival, 24 months: 79.6% (95% CI 66.8-87.9).", 79.6, "24mo"),
    ("Overall survival, 3 years, 71.0%.", 71.0, "3y"),
])
def test_a_labels_landmark_after_its_comma_is_a_landmark_not_a_median(sentence, value, code):
    """Regression: label_landmark_read_as_median ('Progression-free survival, 24 months: 79.6%' gave a median of 24
    months and a rate without its landmark)."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", sentence)])
    assert {(v, t) for _, v, s, t in got} == {(value, code)}


def test_patients_stopping_treatment_are_no_sample():
    """Negative rule: 'discontinuation in 10 patients on A (8.4%)' counts an adverse outcome, not an enrolment."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "Adverse events led to discontinuation in 10 patients (8.4%).")])
    assert not any(e == "ENROLLED" for e, *_ in got)


def test_an_errata_withdrawn_figure_is_no_result():
    """Negative rule: 'the rate ... was given as 64.3%' quotes the figure an erratum withdraws."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "Erratum: the complete response rate at dose level 3 was given as "
                                                 "64.3% in the first version.")])
    assert not got


def test_a_sized_label_of_an_unnamed_treatment_is_the_comparator_arm():
    """Regression: sized_label_without_known_drug ('... or to the second intensification block of the standard
    protocol (IC; n = 160)': no arm was read, the study seemed single-arm and every figure went to the study drug)."""
    got = {(r.endpoint, r.value, r.arm) for r in _records([
        ("title", "Blinatumomab for children with intermediate MRD: the randomised PLOVER trial"),
        ("body", "Children were assigned 1:1 to two cycles of blinatumomab (BLIN; n = 150) or to the second "
                 "intensification block of the standard protocol (SB; n = 152). At 3 years, DFS was 88.0% with BLIN; "
                 "with SB it was 82.1%."),
    ])}
    assert {("ENROLLED", 152.0, "sb"), ("DFS", 88.0, "blinatumomab"), ("DFS", 82.1, "sb")} <= got


def test_a_share_printed_only_as_a_fraction_is_read_as_its_percentage():
    """Regression: fraction_only_share_unread ('the objective response rate was 23/31', 'from 2/6 at DL1 to 5/9 at
    DL2' gave no reading: a fraction without its percentage was dropped as a numerator)."""
    records = _records([_SINGLE_ARM_TITLE, ("body", "At the day-28 assessment, the objective response rate was 23/31 "
                                                    "and the complete remission rate was 15/31. Complete remissions by "
                                                    "dose level rose from 2/6 at DL1 to 11/16 at DL3.")])
    got = {(r.endpoint, r.value, r.value_text) for r in records}
    assert {("ORR", 74.2, "23/31"), ("CR", 48.4, "15/31"), ("CR", 33.3, "2/6"), ("CR", 68.8, "11/16")} <= got
    assert all(r.quote[r.char_start - r.quote_start:r.char_end - r.quote_start] == r.value_text for r in records)


@pytest.mark.parametrize("sentence", [
    "Grade 3/4 neutropenia was the main toxicity.",
    "In this phase 1/2 study, 14 of 20 patients (70.0%) responded.",
    "Of 20 patients, 14 (70.0%) had a response, and 12/14 (85.7%) of responses were complete.",
])
def test_grades_phases_and_fractions_with_their_percentage_are_no_fraction_shares(sentence):
    """Negative rule: 'grade 3/4', 'phase 1/2' are no shares; 'n/N (x%)' keeps its printed percentage only."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", sentence)])
    assert not any(v in (75.0, 50.0) for _, v, *_ in got)  # 3/4 and 1/2 read as shares
    assert sum(1 for _, v, *_ in got if v == 85.7) <= 1


def test_a_short_form_may_take_the_first_letters_of_a_drug_name():
    """Regression: prefix_abbreviation_unread ('idelalisib plus rituximab (IdR)': the short form spells 'Id' + 'R', not
    initials, and was not read as an arm)."""
    from extractors.evidence.arm_abbreviations import find_arm_abbreviations
    found = {a.short: a.arm for a in find_arm_abbreviations(
        "Patients were randomised to chemotherapy or to dasatinib plus blinatumomab (DaB).")}
    assert found == {"DaB": "dasatinib"}


@pytest.mark.parametrize("sentence", [
    "A single-arm ibrutinib study in relapsed MZL reported a 48% response rate.",
    "A North American cohort had reported 3-year overall survival of 45% without transplant.",
    "In the phase 1 part, the overall response rate at the 200 mg level was 69%.",
    "The primary outcome was event-free survival at 2 years, with a non-inferiority margin HR of 1.50.",
])
def test_other_studies_earlier_phases_and_design_margins_are_no_results(sentence):
    """Negative rule: 'a ... study reported', the phase 1 part of a phase 2 report and a non-inferiority margin."""
    assert not _readings([_SINGLE_ARM_TITLE, ("body", sentence)])


def test_very_good_partial_response_or_better_is_no_overall_response():
    """Regression: vgpr_or_better_read_as_orr ('very good partial response or better by 87 (61.3%)' matched 'partial
    response or better' inside it)."""
    got = _readings([_SINGLE_ARM_TITLE, ("body", "Very good partial response or better was reached by 87 patients "
                                                 "(61.3%).")])
    assert not any(e == "ORR" for e, *_ in got)


def test_a_short_form_may_end_with_the_regimen_printed_before_it():
    """Regression: regimen_tail_abbreviation_unread ('nivolumab-AVD (N-AVD)', 'brentuximab vedotin-AVD (BV-AVD)': the
    short form's tail is the backbone regimen printed as is, not a drug the lexicons know)."""
    from extractors.evidence.arm_abbreviations import find_arm_abbreviations
    found = {a.short: a.arm for a in find_arm_abbreviations(
        "Patients were assigned to daratumumab plus VRd (D-VRd) or to blinatumomab-CHOP (B-CHOP).")}
    assert found == {"D-VRd": "daratumumab", "B-CHOP": "blinatumomab"}


def test_two_treatments_joined_by_or_in_a_title_are_compared():
    """Regression: title_alternative_not_a_comparison ('Elranatamab or Lenalidomide Maintenance after ...': a randomised
    report's 'A% and B%, respectively' got no arms)."""
    got = {(r.value, r.arm) for r in _records([
        ("title", "Daratumumab or Lenalidomide Maintenance after Autologous Transplantation in Myeloma"),
        ("body", "We randomly assigned 600 patients to daratumumab or lenalidomide. MRD negativity at 12 months was "
                 "observed in 61.2% and 39.7% of the patients, respectively."),
    ])}
    assert {(61.2, "daratumumab"), (39.7, "lenalidomide")} <= got


@pytest.mark.parametrize("sentence", [
    "In children with an MRD level of 0.1% or more, DFS was 83.5% and 74.2%.",
    "The gap was widest in the 37 children with high MRD: disease-free survival, 83.5% v 74.2%.",
])
def test_a_subgroup_sentence_inherits_the_landmark_its_endpoint_was_just_reported_at(sentence):
    """Regression: subgroup_pair_lost_its_landmark (a subgroup's survival pair in the next sentence was read as plain
    rates, without the 3-year landmark the sentence before had just given)."""
    got = {(r.value, r.timepoint, r.statistic, r.arm) for r in _records([
        ("title", "Blinatumomab versus chemotherapy for intermediate MRD: the randomised PLOVER trial"),
        ("body", "At 3 years, DFS was 87.9% with blinatumomab and 84.0% with chemotherapy. " + sentence),
    ])}
    assert {(83.5, "3y", "landmark", "blinatumomab"), (74.2, "3y", "landmark", "chemotherapy")} <= got
