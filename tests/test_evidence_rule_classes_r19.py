"""Rule classes of issue 11, round 17: names the document defines in its prose that its tables use too.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

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


_HR_REPORT = _TWO_ARM_REPORT + [
    ("body", "Progression-free survival at 24 months was 74.0% with cortalimab and 58.1% with observation (hazard ratio, "
             "0.55; 95% CI, 0.41 to 0.74)."),
]


def _ratios(paragraphs, tables=()):
    return {(r.endpoint, r.arm, r.value, r.ci_low, r.ci_high) for r in extract_evidence(_doc(paragraphs, tables))
            if r.statistic == "hazard_ratio"}


def test_a_list_of_subgroup_hazard_ratios_after_an_introduction_is_read_line_by_line():
    """Regression: subgroup_hazard_ratio_lists_unread ('The effect was consistent across prespecified subgroups: Age
    60 years or older: HR 0.49 (0.30-0.80) ...' gave nothing: no endpoint in the clause)."""
    got = _ratios(_HR_REPORT + [("body", "The benefit held in every predefined subgroup: Men: HR 0.52 (0.35-0.77) "
                                         "Women: HR 0.60 (0.39-0.92) ECOG 2: HR 0.71 (0.38-1.33)")])
    assert {("PFS", "cortalimab", 0.52, 0.35, 0.77), ("PFS", "cortalimab", 0.60, 0.39, 0.92),
            ("PFS", "cortalimab", 0.71, 0.38, 1.33)} <= got


def test_a_subgroup_list_takes_its_endpoint_and_ratio_from_its_introduction():
    """The introduction declares what the bare 'label: x (lo-hi)' lines are ('Subgroup analyses of OS (HR, 95% CI)')."""
    got = _ratios(_HR_REPORT + [("body", "Subgroup analyses of overall survival (HR, 95% CI) were shown as a forest plot: "
                                         "prior transplant: 0.81 (0.52-1.26) no prior transplant: 0.77 (0.55-1.08)")])
    assert {("OS", "cortalimab", 0.81, 0.52, 1.26), ("OS", "cortalimab", 0.77, 0.55, 1.08)} <= got


def test_bulleted_subgroup_ratios_under_a_heading_take_the_headings_endpoint():
    """'Forest plot, EFS (A vs B)' as a heading, then '• Age >= 40: HR 0.84 (0.45-1.57)' bullets."""
    heading = "Forest plot, event-free survival (cortalimab vs observation)"
    doc = _doc(_HR_REPORT + [("heading", heading), ("body", "• Age 70 or older: HR 0.91 (0.50-1.66)"),
                             ("body", "• Age under 70: HR 0.48 (0.31-0.74)")])
    doc = doc.model_copy(update={"blocks": doc.blocks[:-3] + tuple(b.model_copy(update={"section": heading})
                                                                   for b in doc.blocks[-3:])})
    got = {(r.endpoint, r.arm, r.value, r.ci_low, r.ci_high) for r in extract_evidence(doc) if r.statistic == "hazard_ratio"}
    assert {("EFS", "cortalimab", 0.91, 0.50, 1.66), ("EFS", "cortalimab", 0.48, 0.31, 0.74)} <= got


@pytest.mark.parametrize("sentence", [
    "Baseline characteristics were balanced: median age: 61.2 (18.1-84.0) versus 60.4 (19.0-83.2); median weight: 71.5 "
    "(45.2-120.3) versus 70.9 (44.0-118.6).",
    "Median values by subgroup were as follows: men: 14.2 (10.1-18.3) months; women: 15.0 (11.2-19.8) months.",
])
def test_label_colon_value_with_range_lists_without_a_ratio_cue_are_no_hazard_ratios(sentence):
    """Negative rule: 'label: x (lo-hi)' lists of medians or baseline values name no hazard ratio."""
    values = {v for _, _, v, _, _ in _ratios(_HR_REPORT + [("body", sentence)])}
    assert values == {0.55}


def test_a_subgroup_hazard_ratio_table_compares_the_reports_experimental_arm():
    """Regression: subgroup_ratio_table_without_arm_or_endpoint (a 'Hazard Ratios for Disease Progression or Death in
    Prespecified Subgroups' table whose columns name no arm gave ratios without endpoint or arm)."""
    table = _arm_table(("Subgroup", "Patients (no.)", "Hazard Ratio (95% CI)"),
                       [("Age < 65 yr", "240", "0.49 (0.33-0.72)"), ("Age >= 65 yr", "172", "0.63 (0.40-0.99)")],
                       label="Table 2", caption="Table 2. Hazard Ratios for Disease Progression or Death in Subgroups.")
    got = {(e, a, v) for e, a, v, _, _ in _ratios(_HR_REPORT, (table,))}
    assert {("PFS", "cortalimab", 0.49), ("PFS", "cortalimab", 0.63)} <= got


def _arms_of(paragraphs):
    return {(r.endpoint, r.arm, r.value) for r in extract_evidence(_doc(paragraphs))}


@pytest.mark.parametrize("assignment", [
    "Patients were randomly assigned to twice-weekly vincristine pulses (VinP) or to the standard monthly schedule (StdM).",
    "Children in remission on day 29 were randomised (1:1) to a shortened maintenance (sMT) or to the full course (fMT).",
    "• 240 randomised: VinP (n = 121) v StdM (n = 119).",
])
def test_short_forms_named_in_a_sentence_about_assignment_are_the_arms(assignment):
    """Regression: assigned_short_forms_not_arms (arms defined by short forms of what the lexicons do not know, 'to
    hyperfractionated cyclophosphamide (HyperC) or to the standard single-dose schedule (StdC)', left every later
    'x% with HyperC and y% with StdC' without arms)."""
    experimental, control = ("smt", "fmt") if "(sMT)" in assignment else ("vinp", "stdm")
    short_e, short_c = ("sMT", "fMT") if "(sMT)" in assignment else ("VinP", "StdM")
    got = _arms_of([("title", "Vincristine pulses in maintenance therapy for childhood ALL: the KESTREL randomised trial"),
                    ("body", assignment),
                    ("body", f"Event-free survival at 5 years was 88.1% with {short_e} and 86.9% with {short_c}.")])
    assert {("EFS", experimental, 88.1), ("EFS", control, 86.9)} <= got


@pytest.mark.parametrize("sentence", [
    "Patients were randomised (1:1) and stratified by age and Eastern Cooperative Oncology Group (ECOG) performance "
    "status (PS).",
    "We randomly assigned patients to cortalimab plus dexamethasone or to the investigator's choice of pomalidomide and "
    "dexamethasone (Pd) or carfilzomib and dexamethasone (Kd).",
])
def test_short_forms_of_stratification_factors_or_of_the_comparators_options_are_no_arm_pair(sentence):
    """Negative rules: stratification factors are no arms, and a comparator's options are not experimental vs control."""
    from extractors.evidence.arm_abbreviations import find_assigned_short_forms
    assert find_assigned_short_forms(sentence) == ()


@pytest.mark.parametrize("text, name", [
    ("Shortened Versus Standard Maintenance in Childhood Leukemia: The PLOVER Randomized Trial", "PLOVER"),
    ("the PLOVER open-label, multicentre phase 3 trial", "PLOVER"),
    ("PLOVER was an open-label, randomized phase III trial in children with ALL.", "PLOVER"),
])
def test_a_name_before_design_words_and_a_trial_word_is_a_trial(text, name):
    """Regression: design_words_hide_the_trial_name ('... : The GANNET Randomized Trial' and 'GANNET was an open-label,
    randomized phase III trial' named no study, so a report's every record had trial = null)."""
    from extractors.nlp.trials import find_trial_mentions
    assert name in {m.text for m in find_trial_mentions(text)}


@pytest.mark.parametrize("text", ["This was a randomized phase 3 trial.", "Our Randomized Trial of maintenance",
                                  "It is an open-label study of adults."])
def test_design_words_after_a_plain_word_name_no_trial(text):
    """Negative rule: 'This was a randomized trial' names no study."""
    from extractors.nlp.trials import find_trial_mentions
    assert find_trial_mentions(text) == []


_STRATEGY_REPORT = [("title", "PLOVER: shortened versus full maintenance in childhood ALL, a randomised trial"),
                    ("body", "Children were randomly assigned to a shortened maintenance (sMT) or to the full course (fMT).")]


def test_a_share_alive_at_a_time_stated_after_its_predicate_is_a_landmark():
    """Regression: predicate_before_time_blocked_landmark ('74.1% of A patients were alive at 3 years v 67.3% of B':
    the first figure stayed a plain rate because its own 'alive' stood between it and its time)."""
    got = {(r.endpoint, r.arm, r.value, r.timepoint) for r in extract_evidence(_doc(
        _STRATEGY_REPORT + [("body", "• 81.3% (95% CI, 72.0-87.8) of sMT patients were alive at 4 years v 79.9% (95% CI, 70.4-86.6) of fMT patients; HR 0.93.")]))}
    assert {("OS", "smt", 81.3, "4y"), ("OS", "fmt", 79.9, "4y")} <= got


def test_a_bare_randomised_count_opening_a_list_of_arms_is_the_sample_size():
    """Regression: bare_randomised_count_unread ('162 randomised: MRDg (n = 82) v TFA (n = 80)' gave the arms' sizes
    but not the total)."""
    got = _arms_of(_STRATEGY_REPORT + [("body", "• 318 randomised: sMT (n = 160) v fMT (n = 158).")])
    assert {("ENROLLED", None, 318.0), ("ENROLLED", "smt", 160.0), ("ENROLLED", "fmt", 158.0)} <= got


def test_n_month_values_after_a_semicolon_restate_the_list_at_a_new_landmark():
    """Regression: month_values_not_a_landmark ('...; 24-month values, 27.8% and 50.0%' kept the 12-month landmark)."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_doc([
        ("title", "PLOVER: a phase 1 study of PX-22 CAR T cells in adult ALL"),
        ("body", "Event-free survival at 6 months was 61.0%, overall survival 83.3%; 18-month values, 33.3% and 55.6%.")]))}
    assert {("EFS", 33.3, "18mo"), ("OS", 55.6, "18mo"), ("EFS", 61.0, "6mo")} <= got


def test_a_sentence_opening_with_subgroups_inherits_the_landmark_just_reported():
    """Regression: subgroups_opening_lost_landmark ('Subgroups gave a consistent picture: children with X had EFS of
    97.1% with A and 96.8% with B' right after the 5-year EFS)."""
    got = {(r.arm, r.value, r.timepoint) for r in extract_evidence(_doc(_STRATEGY_REPORT + [
        ("body", "At 5 years, EFS was 90.2% in the sMT group; the fMT group reached 91.0%. Subgroups told the same story: "
                 "children with high hyperdiploidy had EFS of 95.5% with sMT and 95.9% with fMT.")]))}
    assert {("smt", 95.5, "5y"), ("fmt", 95.9, "5y")} <= got


_REGISTRY = [
    ("title", "Allogeneic transplantation in first remission or continued chemotherapy for adults with "
              "T-ALL: a registry analysis"),
    ("body", "Five hundred adults qualified. An allograft in first remission was given to 190 of them (the ALLO-R1 "
             "group); the remaining 310 were never transplanted and finished chemotherapy (the CHEMO-C group)."),
    ("body", "Four years after the landmark, 58.0% (95% CI, 50.6-64.7) of the ALLO-R1 group were alive, against "
             "49.4% (95% CI, 43.7-54.9) of the CHEMO-C group."),
]


def test_a_title_offering_two_strategies_with_or_sets_up_the_comparison_and_group_labels_name_its_arms():
    """Regression: registry_or_title_and_group_labels ('Allogeneic transplantation in first remission or continued
    chemotherapy': no strategy comparison; '(the HCT-CR1 group)', '(the CONT group)' named no arms)."""
    got = {(r.endpoint, r.arm, r.value, r.timepoint) for r in extract_evidence(_doc(_REGISTRY))}
    assert {("OS", "allo-r1", 58.0, "4y"), ("OS", "chemo-c", 49.4, "4y")} <= got


def test_a_relapsed_or_refractory_title_sets_up_no_strategy_comparison():
    """Negative rule: 'or' offers two strategies only when each side names one ('relapsed or refractory' names none)."""
    from extractors.evidence.strategy_arms import document_strategies
    strategies = document_strategies("Blinatumomab for relapsed or refractory ALL after transplantation: a phase 2 study",
                                     "Forty adults were treated.")
    assert not strategies.terms


_PRESS_RELEASE = [
    ("title", "WIDGEON Phase 3 Trial: Tovetumab-Based Regimen Extends Survival in Older Adults with ALL"),
    ("body", "• WIDGEON randomly assigned 300 patients: 150 to tovetumab and 150 to intensive chemotherapy."),
    ("body", "• Median event-free survival: 12.8 months with tovetumab, 8.1 months with intensive chemotherapy (HR 0.70; "
             "95% CI, 0.52 to 0.94)."),
    ("body", "\"These results matter,\" Dr Okafor said, noting that a previous single-arm study of the same drug had "
             "reported a 2-year overall survival of 40%."),
]


def test_a_single_arm_study_cited_in_a_randomised_report_does_not_make_it_single_arm():
    """Regression: cited_single_arm_study_made_report_single_arm ('a previous single-arm study of the same combination'
    in a quote made a randomised press release single-arm, so every control figure took the study drug)."""
    got = {(r.endpoint, r.arm, r.value) for r in extract_evidence(_doc(_PRESS_RELEASE))}
    assert ("EFS", "chemotherapy", 8.1) in got and ("EFS", "tovetumab", 12.8) in got


def test_a_hazard_ratio_after_the_control_arm_is_the_study_arms():
    """Regression: hazard_ratio_took_the_control_arm ('..., 7.9 months with intensive chemotherapy (HR 0.66)': the
    ratio took the control arm, the only arm the clause names)."""
    paragraphs = [(kind, text.replace("Tovetumab", "Blinatumomab").replace("with tovetumab", "with Blin-mini")
                   .replace("to tovetumab", "to Blin-mini")) for kind, text in _PRESS_RELEASE[:3]]
    got = {(r.endpoint, r.arm, r.value) for r in extract_evidence(_doc(paragraphs)) if r.statistic == "hazard_ratio"}
    assert got == {("EFS", "blinatumomab", 0.70)}


@pytest.mark.parametrize("sentence", [
    "Overall survival at 2 years was 71.0% with ofatumumab and 64.2% without it (HR 0.70).",
    "Overall survival at 2 years was 71.0% with ofatumumab and 64.2% without ofatumumab.",
])
def test_the_arm_without_the_added_drug_is_the_control(sentence):
    """Regression: without_the_drug_read_as_the_drug ('64% without it', 'without ofatumumab' took the added drug's arm
    in an add-on trial)."""
    got = {(r.arm, r.value) for r in extract_evidence(_doc([
        ("title", "Ofatumumab added to chemotherapy for adults with CD20-positive ALL: the KITE-7 randomized trial"),
        ("body", "We randomly assigned 220 patients to receive chemotherapy with or without ofatumumab."),
        ("body", sentence)])) if r.statistic == "landmark"}
    assert got == {("ofatumumab", 71.0), ("chemotherapy", 64.2)}


def test_mrd_clearance_is_mrd_negativity():
    """Regression: mrd_clearance_not_an_endpoint (a table row 'MRD clearance after block 1, n/N (%)' gave nothing)."""
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc([
        ("title", "PLOVER: a phase 2 study of blinatumomab for MRD-positive adult ALL"),
        ("body", "MRD clearance after one cycle was seen in 31 of 40 patients (77.5%).")]))}
    assert ("MRD_NEG", 77.5) in got


def test_a_sentence_opening_with_earlier_trials_in_the_plural_cites_other_studies():
    """Negative rule: 'Earlier adult and paediatric trials reported MRD clearance of about 78%' is no result."""
    got = extract_evidence(_doc([
        ("title", "PLOVER: a phase 2 study of blinatumomab for MRD-positive adult ALL"),
        ("body", "MRD clearance after one cycle was seen in 31 of 40 patients (77.5%)."),
        ("body", "Earlier adult and paediatric trials reported MRD negativity in about 80% after one cycle.")]))
    assert 80.0 not in {r.value for r in got}


def test_the_incidence_of_relapse_takes_no_other_endpoint():
    """Negative rule: 'NRM reached 24.7% ...; the cumulative incidence of relapse was 18.9% v 43.5%': relapse
    incidence is no endpoint of the guide, and its figures are not the NRM of the clause before."""
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc(_REGISTRY + [
        ("body", "Non-relapse mortality reached 21.5% at 4 years in ALLO-R1 patients, compared with 10.3% for CHEMO-C; "
                 "the cumulative incidence of relapse was 20.5% v 40.1%.")]))}
    assert ("NRM", 21.5) in got and not {v for _, v in got} & {20.5, 40.1}


def test_figures_of_earlier_comparisons_are_other_studies():
    """Negative rule: 'resemble those of earlier donor-versus-no-donor comparisons, which reported 5-year survival of
    53% and 45%' cites other studies."""
    got = {r.value for r in extract_evidence(_doc(_REGISTRY + [
        ("body", "Our figures resemble those of earlier donor-versus-no-donor comparisons, which reported 4-year "
                 "survival of 51% and 44%.")]))}
    assert not got & {51.0, 44.0}


def test_the_untransplanted_side_mostly_printed_by_what_it_received_keeps_that_name():
    """Regression: untransplanted_side_named_twice (a registry calling its comparator 'continued chemotherapy' got arms
    'continued chemotherapy' and 'no transplant' for the same patients)."""
    got = {(r.endpoint, r.arm, r.value) for r in extract_evidence(_doc([
        ("title", "Allogeneic transplantation or continued chemotherapy in first remission of adult ALL: a registry "
                  "analysis"),
        ("body", "Of 400 adults in first remission, 150 received an allograft and 250 continued chemotherapy."),
        ("body", "Overall survival at 4 years was 57.0% after allogeneic HSCT and 48.0% with continued chemotherapy."),
        ("body", "Relapse-free survival at 4 years was 52.0% with transplant and 40.0% without transplant.")]))}
    assert {("OS", "continued chemotherapy", 48.0), ("RFS", "continued chemotherapy", 40.0),
            ("RFS", "allogeneic hsct", 52.0)} <= got


def test_later_pairs_without_times_restate_the_first_pairs_landmarks_in_order():
    """Regression: restated_landmark_pairs_took_the_first_time ('OS was 94.2% at 2 years and 91.0% at 3 years; the IC
    group's figures were 90.3% and 85.7%' gave the IC group 2y twice)."""
    got = {(r.arm, r.value, r.timepoint) for r in extract_evidence(_doc([
        ("title", "PLOVER: blinatumomab or intensified chemotherapy for MRD-positive childhood ALL, a randomised trial"),
        ("body", "With blinatumomab, overall survival was 93.1% at 2 years and 90.4% at 4 years; the chemotherapy "
                 "group's figures were 89.9% and 84.0%.")]))}
    assert {("blinatumomab", 93.1, "2y"), ("blinatumomab", 90.4, "4y"), ("chemotherapy", 89.9, "2y"),
            ("chemotherapy", 84.0, "4y")} <= got


@pytest.mark.parametrize("sentence, expected", [
    ("Responses were durable for a median of 6.2 months (95% CI, 3.9 to 11.0).", ("DOR", 6.2, "median", None)),
    ("Complete remission - 91.0% (95% CI, 80.1 to 96.9) - was recorded at the end of ponatinib induction in 40 of "
     "the 44 patients.", ("CR", 91.0, "rate", "EOI")),
])
def test_durable_for_a_median_and_the_end_of_a_named_induction(sentence, expected):
    """Regression: durable_median_and_drug_named_induction ('durable for a median of' named no endpoint; 'at the end of
    olverembatinib induction' no window)."""
    got = {(r.endpoint, r.value, r.statistic, r.timepoint) for r in extract_evidence(_doc([
        ("title", "PLOVER: a phase 2 study of ponatinib with reduced-intensity chemotherapy in Ph+ ALL"),
        ("body", sentence)]))}
    assert expected in got


def test_the_pooled_comparator_is_the_control_arm():
    """Regression: pooled_comparator_not_an_arm ('pirtobrutinib 2.5%, pooled comparator 0.8%' gave both the study drug)."""
    got = {(r.arm, r.value) for r in extract_evidence(_doc([
        ("title", "Pirtobrutinib versus investigator's choice in relapsed CLL: the PLOVER randomised trial"),
        ("body", "Complete responses were rare in every arm (pirtobrutinib 3.1%, pooled comparator 1.2%).")]))}
    assert {arm for arm, value in got if value == 1.2} == {"control"}  # the study's comparator, unnamed in the lexicons


def test_a_new_landmark_with_two_bare_figures_restates_one_endpoint_for_both_arms():
    """Regression: restated_single_endpoint_pair_unread ('PFS at 18 months ... with A and ... with B. At 24 months,
    74.0% and 41.3%.' gave nothing for the second sentence)."""
    got = {(r.endpoint, r.arm, r.value, r.timepoint) for r in extract_evidence(_doc([
        ("title", "Tovetumab versus chemotherapy in relapsed ALL: the PLOVER randomized trial"),
        ("body", "Relapse-free survival at 2 years was 61.0% with tovetumab and 48.2% with chemotherapy. At 3 years, "
                 "55.1% and 40.3%.")]))}
    assert {("RFS", "tovetumab", 55.1, "3y"), ("RFS", "chemotherapy", 40.3, "3y")} <= got


@pytest.mark.parametrize("sentence", ["Transplant-related mortality at 2 years was 9.4 per cent (6 of 64).",
                                      "Treatment-related deaths: 6 (9.4%)."])
def test_treatment_and_transplant_related_deaths_are_non_relapse_mortality(sentence):
    """Regression: related_deaths_not_nrm ('Treatment-related deaths: 4 (2.8%) v 9 (6.3%)' named no endpoint)."""
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc([
        ("title", "PLOVER: a phase 2 study of ponatinib with reduced-intensity chemotherapy in Ph+ ALL"),
        ("body", sentence)]))}
    assert ("NRM", 9.4) in got


def test_a_starred_rows_footnote_gives_its_window_without_an_assessment_verb():
    """Regression: starred_footnote_window_unread ('MRD-negative, n/N (%)*' with '* Among patients in CR; clonoSEQ at
    10^-6, after 6 cycles of treatment.' under the table left the row without its window)."""
    from tests.test_evidence_rule_classes_r18 import _report_with_footnote
    doc = _report_with_footnote("* Among patients in remission; next-generation sequencing at 10^-6, after 4 cycles "
                                "of treatment.")
    table = doc.tables[0]
    rows = tuple(tuple(c.model_copy(update={"text": c.text + "*"}) if c.col == 0 and "MRD" in c.text else c for c in row)
                 for row in table.rows)
    doc = doc.model_copy(update={"tables": (table.model_copy(update={"rows": rows}),)})
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(doc) if r.source == "table"}
    assert {("MRD_NEG", 80.0, "4cycles"), ("CR", 75.0, None)} <= got


@pytest.mark.parametrize("text, value", [("Seven hundred eighty-seven patients", 787.0),
                                          ("Seven hundred and four adults", 704.0),
                                          ("One thousand four hundred and twelve children", 1412.0),
                                          ("Forty-four patients", 44.0)])
def test_numbers_spelled_with_hundreds_and_thousands_are_one_number(text, value):
    """Regression: spelled_hundreds_split ('Seven hundred eighty-seven patients were randomly assigned' gave sample
    sizes of 7 and 87)."""
    from extractors.evidence.numbers import find_numbers
    assert [n.value for n in find_numbers(text)] == [value]


def test_counts_a_clause_labels_as_groups_size_those_arms_and_met_the_criteria_is_the_sample():
    """Regression: labelled_group_counts_and_criteria_total ('Seven hundred and four adults met the criteria. An
    allograft ... in 271 of them (the HCT-CR1 group); the other 433 ... (the CONT group)' gave no sizes)."""
    got = {(r.endpoint, r.arm, r.value) for r in extract_evidence(_doc(_REGISTRY[:1] + [
        ("body", "Five hundred adults met the criteria. An allograft in first remission was given to 190 of them (the "
                 "ALLO-R1 group); the remaining 310 were never transplanted and finished chemotherapy (the CHEMO-C "
                 "group).")]))}
    assert {("ENROLLED", None, 500.0), ("ENROLLED", "allo-r1", 190.0), ("ENROLLED", "chemo-c", 310.0)} <= got


def test_the_advantage_held_in_a_subgroup_continues_the_endpoint_at_the_sentences_own_time():
    """Regression: advantage_held_in_subgroup_unread ('The advantage at 3 years held in T-lineage ALL (196 patients),
    66.1% vs 52.4%' after the survival figures gave nothing; its own time must win over the previous one)."""
    got = {(r.endpoint, r.arm, r.value, r.timepoint) for r in extract_evidence(_doc([
        ("title", "Tovetumab versus chemotherapy in relapsed ALL: the PLOVER randomized trial"),
        ("body", "Overall survival at 3 years was 61.0% with tovetumab and 50.2% with chemotherapy (hazard ratio, 0.71); "
                 "at 5 years, 55.3% and 44.0%. The advantage at 3 years held in T-lineage disease (120 patients), 64.1% "
                 "with tovetumab vs 49.8% with chemotherapy.")]))}
    assert {("OS", "tovetumab", 64.1, "3y"), ("OS", "chemotherapy", 49.8, "3y")} <= got


def test_no_detectable_clone_is_mrd_negativity():
    """Regression: no_detectable_clone_not_mrd ('14 (82.4%) had no detectable clonotype in blood' named no endpoint)."""
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc([
        ("title", "PLOVER: a phase 1 study of PX-22 CAR T cells in adult ALL"),
        ("body", "Among the 20 complete responders, 15 (75.0%) had no detectable clonotype in blood at month 3.")]))}
    assert ("MRD_NEG", 75.0) in got


def test_an_approximate_count_is_no_sample_size():
    """Negative rule: 'fewer than one hundred infused patients' (now read as one number) is no enrolment."""
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc([
        ("title", "PLOVER: a phase 2 study of PX-22 CAR T cells in adult ALL"),
        ("body", "Forty-two patients were enrolled."),
        ("body", "Approval of such products often rests on trials of fewer than one hundred infused patients.")]))}
    assert ("ENROLLED", 42.0) in got and ("ENROLLED", 100.0) not in got


@pytest.mark.parametrize("sentence", [
    "Evidence before this study: a previous national trial in comparable children reported a 5-year EFS of 88.1%.",
    "Our findings agree with those of two trials that shortened maintenance, which reported 5-year EFS of 91% and 93%.",
])
def test_panels_and_trials_that_reported_cite_other_studies(sentence):
    """Negative rules: a Lancet panel's 'Evidence before this study' and 'two trials that ... reported' cite others."""
    got = {r.value for r in extract_evidence(_doc(_STRATEGY_REPORT + [("body", sentence)]))}
    assert not got & {88.1, 91.0, 93.0}


@pytest.mark.parametrize("sentence", ["Three treated patients could not be assessed for response, which left 40.",
                                      "Of those enrolled, 12 patients died before infusion."])
def test_patients_who_could_not_be_assessed_or_died_before_treatment_are_no_sample(sentence):
    """Negative rule: exclusions ('Three treated patients could not be assessed') are not the study sample."""
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc([
        ("title", "PLOVER: a phase 2 study of PX-22 CAR T cells in adult ALL"), ("body", sentence)]))}
    assert not {v for e, v in got if e == "ENROLLED"} & {3.0, 12.0}


@pytest.mark.parametrize("text, code", [("the curves had not separated by year three, when the figures were 97.2%", "3y"),
                                         ("overall survival at year 5 was 80.1%", "5y"),
                                         ("Three years out, 91.6 per cent were alive", "3y")])
def test_a_landmark_named_by_its_year_or_as_years_out(text, code):
    """Regression: year_named_landmarks ('by year three', 'Three years out,' were no landmarks)."""
    from extractors.evidence.numbers import find_timepoints
    assert [t.code for t in find_timepoints(text)] == [code]


def test_in_year_two_of_a_phase_is_no_landmark():
    """Negative rule: 'in year two of maintenance' dates a phase of treatment, not a landmark."""
    from extractors.evidence.numbers import find_timepoints
    assert find_timepoints("in year two of maintenance, 12% stopped") == []


def test_n_to_each_arm_sizes_both_arms_and_a_population_line_sizes_the_study():
    """Regression: each_arm_and_population_line_sizes ('904 patients ..., 452 to each arm' and a card's 'Population:
    untreated MCL, age 65 or older (n = 598)' gave no enrolment)."""
    got = {(r.endpoint, r.arm, r.value) for r in extract_evidence(_doc([
        ("title", "Tovetumab plus R-CHOP versus R-CHOP in high-risk DLBCL: the PLOVER randomized trial"),
        ("body", "• Population: untreated DLBCL, age 60 or older (n = 610)."),
        ("body", "The trial randomized 610 patients with an IPI score of 3 to 5, 305 to each arm, at 150 sites.")]))}
    assert {("ENROLLED", None, 610.0), ("ENROLLED", "tovetumab", 305.0), ("ENROLLED", "chemotherapy", 305.0)} <= got


def test_a_cards_population_line_sizes_the_study():
    """Regression: population_line_size_unread ('• Population: untreated MCL, age 65 or older (n = 598).')."""
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc([
        ("title", "Tovetumab plus R-CHOP versus R-CHOP in high-risk DLBCL: the PLOVER randomized trial"),
        ("body", "• Population: untreated DLBCL, age 60 or older (n = 610).")]))}
    assert ("ENROLLED", 610.0) in got


@pytest.mark.parametrize("sentence, expected", [
    ("The 4-year cumulative incidence of non-relapse mortality was 15.5% after allograft.", ("NRM", 15.5, "4y")),
    ("Chronic graft-versus-host disease developed in 88 of 280 transplanted patients (31.4%) by 2 years.",
     ("GVHD", 31.4, "2y")),
])
def test_the_time_of_a_cumulative_incidence_before_its_endpoint_or_after_its_value(sentence, expected):
    """Regression: cumulative_incidence_time_lost ('the 4-year cumulative incidence of non-relapse mortality was 17%',
    '... (32.2%) by 2 years' kept no time)."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_doc(_REGISTRY[:1] + [("body", sentence)]))}
    assert expected in got
