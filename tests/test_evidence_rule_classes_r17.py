"""Rule classes of issue 11, round 4: the therapy a counted cohort names, and a sentence's own therapy in a review.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.extract import extract_evidence
from tests.test_evidence_report_rules import _doc

# enough citation markers and named trials for the document to read as a review of many studies
_REVIEW_OPENING = [
    ("title", "Cellular and antibody therapies for relapsed B-cell leukaemia: a narrative review"),
    ("body", "Bispecific antibodies changed salvage therapy [1,2]. The TOWER [3], INO-VATE [4], ELIANA [5], "
             "ZUMA-3 [6] and FELIX [7] trials defined the field [8,9], and registries confirmed them [10,11,12]."),
]


def _enrolled(paragraphs):
    return {(r.value, r.arm) for r in extract_evidence(_doc(_REVIEW_OPENING + paragraphs)) if r.endpoint == "ENROLLED"}


@pytest.mark.parametrize("sentence, count, arm", [
    ("Among 215 CAR-T cell treated adolescents, 44% relapsed within a year [14].", 215.0, "CD19 CAR-T"),
    ("In 88 inotuzumab-treated adults, 31% developed hepatotoxicity [14].", 88.0, "inotuzumab"),
    ("A cohort of 57 tisagenlecleucel recipients was followed for two years [14].", 57.0, "tisagenlecleucel"),
    ("A registry of 131 patients treated with CAR-T cells reported durable remissions [14].", 131.0, "CD19 CAR-T"),
])
def test_a_counted_cohort_takes_the_therapy_its_own_noun_phrase_names(sentence, count, arm):
    """Regression: cohort_therapy_lost_to_paragraph_arm ('Among N CAR-T cell treated children' took the blinatumomab
    of the paragraph's first sentence)."""
    got = _enrolled([("body", "Much like blinatumomab, antigen escape limits durable responses [13]. " + sentence)])
    assert (count, arm) in got


def test_a_cohort_treated_with_a_combination_keeps_its_core_drug():
    """Negative rule: '73 patients treated with mini-HCVD and inotuzumab' is no mini-HCVD cohort."""
    got = _enrolled([("body", "Low-intensity regimens are promising [13]. A propensity-matched study including 73 older patients "
                              "treated with mini-hyper-CVD and inotuzumab showed better survival [14].")])
    assert (73.0, "hyper-CVAD") not in got and (73.0, "inotuzumab") in got


def test_a_new_study_in_a_review_takes_its_sentences_therapy_over_the_paragraphs():
    """Regression: review_sentence_arm_lost_to_paragraph (a study of N patients whose sentence names CAR-T cells took
    the product of the paragraph's earlier study)."""
    got = _enrolled([("body", "Tisagenlecleucel was active in a small series of relapsed lymphoma [13]. More recently, "
                              "a study including 61 patients with CNS disease showed that CAR-T cells could clear "
                              "leukaemic meninges [14].")])
    assert (61.0, "CD19 CAR-T") in got and (61.0, "tisagenlecleucel") not in got


# --- allocation ratios, arm abbreviations defined in the text ---

def _report_facts(paragraphs):
    return sorted(((r.endpoint, r.arm, r.value, r.statistic, r.timepoint) for r in extract_evidence(_doc(paragraphs))),
                  key=str)


_TWO_ARM_TITLE = ("title", "Blinatumomab plus chemotherapy versus chemotherapy alone in adults with ALL: the randomized "
                           "phase 3 KESTREL-4 trial")


@pytest.mark.parametrize("ratio", ["1:1", "2:1", "1 : 1"])
def test_an_allocation_ratio_is_no_count(ratio):
    """Regression: allocation_ratio_read_as_count ('randomly assigned 1:1 to A' gave A an enrolment of 1)."""
    got = _report_facts([_TWO_ARM_TITLE,
                         ("body", f"Adults were randomly assigned {ratio} to blinatumomab with chemotherapy or to "
                                  "chemotherapy alone; 310 patients were enrolled.")])
    assert not [f for f in got if f[0] == "ENROLLED" and f[2] in (1.0, 2.0)]
    assert ("ENROLLED", None, 310.0, "count", None) in [(e, None if a else None, v, s, t) for e, a, v, s, t in got]


def test_an_arm_abbreviation_defined_after_its_drugs_names_that_arm_later():
    """Regression: arm_abbreviation_unread ('AV (n = 214)' after 'acalabrutinib ... with venetoclax (AV)' had no arm)."""
    got = _report_facts([
        _TWO_ARM_TITLE,
        ("body", "Patients were randomly assigned to blinatumomab given for four cycles alongside chemotherapy (BC) "
                 "or to chemotherapy alone."),
        ("body", "Of 288 randomized patients, BC (n = 146) and chemotherapy (n = 142) groups were balanced. "
                 "Complete remission was reached by 81.5% in BC and 64.1% with chemotherapy."),
    ])
    assert ("ENROLLED", "blinatumomab", 146.0, "count", None) in got
    assert ("CR", "blinatumomab", 81.5, "rate", None) in got
    assert ("CR", "chemotherapy", 64.1, "rate", None) in got


@pytest.mark.parametrize("text, defined", [
    ("Patients received ponatinib with blinatumomab (PB) in a single arm.", {"PB": "ponatinib"}),
    ("Blinatumomab and inotuzumab (B+I) were given in sequence.", {"B+I": "blinatumomab"}),
    # an endpoint's abbreviation after arms is no arm abbreviation
    ("After chemotherapy with rituximab, complete remission (CR) was seen.", {}),
    # two arms set against each other are no one arm
    ("Blinatumomab versus chemotherapy (BC) was tested.", {}),
    # the drugs are too far from the bracket
    ("Blinatumomab and chemotherapy were given to every adult enrolled at the participating centres (BC).", {}),
])
def test_which_brackets_define_an_arm_abbreviation(text, defined):
    from extractors.evidence.arm_abbreviations import find_arm_abbreviations
    assert {a.short: a.arm for a in find_arm_abbreviations(text)} == defined


# --- strategy comparisons named by what the other side got; group sizes in words; windows and comparators ---

def _facts_of(paragraphs):
    return {(r.endpoint, r.arm, r.value, r.statistic, r.timepoint) for r in extract_evidence(_doc(paragraphs))}


def test_transplant_versus_continued_chemotherapy_is_a_strategy_comparison():
    """Regression: transplant_vs_chemotherapy_not_compared (a registry setting allografting against continued
    chemotherapy took the induction drug as every result's arm)."""
    got = _facts_of([
        ("title", "Allografting versus continued chemotherapy for adults with MRD-positive T-ALL: a national registry "
                  "analysis"),
        ("body", "All patients had received blinatumomab-free induction. Of 402 eligible adults, 188 received an "
                 "allograft and 214 continued chemotherapy alone."),
        ("body", "At 3 years, overall survival was 61.2% after transplantation, against 47.5% with chemotherapy alone."),
    ])
    assert ("ENROLLED", "allogeneic transplant", 188.0, "count", None) in got
    assert any(f[0] == "ENROLLED" and f[2] == 214.0 and "chemotherapy" in (f[1] or "") for f in got)
    assert ("OS", "allogeneic transplant", 61.2, "landmark", "3y") in got
    assert any(f[0] == "OS" and f[2] == 47.5 and "chemotherapy" in (f[1] or "") for f in got)


def test_transplant_versus_observation_and_the_group_that_did_not():
    """Regression: observation_side_unknown ('HCT vs Observation' in the title; '36 proceeded to HCT and 52 did not';
    '38.0% without it')."""
    got = _facts_of([
        ("title", "Allogeneic HCT vs Observation After Remission on an Academic CAR T-Cell Product"),
        ("body", "Of 88 children in remission, 36 proceeded to HCT and 52 did not."),
        ("body", "Two-year EFS was 70.1% with HCT vs 38.0% without it (HR, 0.45; 95% CI, 0.25-0.80)."),
        ("body", "Nonrelapse mortality at 2 years was 8.3% after HCT and 1.9% in the observation group."),
    ])
    assert ("ENROLLED", "allogeneic hct", 36.0, "count", None) in got
    assert any(f[:1] == ("ENROLLED",) and f[2] == 52.0 and f[1] in ("observation", "no transplant") for f in got)
    assert ("EFS", "allogeneic hct", 70.1, "landmark", "2y") in got
    assert any(f[0] == "EFS" and f[2] == 38.0 and f[1] in ("observation", "no transplant") for f in got)
    assert any(f[0] == "NRM" and f[2] == 1.9 and f[1] in ("observation", "no transplant") for f in got)


def test_a_group_that_did_not_respond_is_no_comparator_count():
    """Negative rule: '40 responded and 12 did not respond' sizes no comparator group."""
    got = _facts_of([
        ("title", "Allogeneic HCT vs Observation After Remission on an Academic CAR T-Cell Product"),
        ("body", "Of 52 children infused, 40 received HCT and 12 did not respond."),
    ])
    assert not [f for f in got if f[0] == "ENROLLED" and f[2] == 12.0 and f[1]]


@pytest.mark.parametrize("phrase", ["in the comparator arm", "with standard triplets", "with physician's choice regimens"])
def test_a_comparator_named_by_its_role_is_the_control_arm(phrase):
    """Regression: comparator_role_unread ('50.7% in the comparator arm' took the study drug)."""
    got = _facts_of([
        ("title", "Teclistamab versus standard care in relapsed myeloma: the randomized phase 3 HARRIER trial"),
        ("body", "A total of 402 patients were randomly assigned to teclistamab or to standard care."),
        ("body", f"A 12-month progression-free survival of 77.0% was seen with teclistamab, against 48.9% {phrase}."),
    ])
    assert ("PFS", "chemotherapy", 48.9, "landmark", "12mo") in got


@pytest.mark.parametrize("phrase", ["after induction", "following induction", "on completion of induction"])
def test_a_response_after_induction_carries_the_end_of_induction_window(phrase):
    """Regression: after_induction_window_missed ('complete remission after induction was 91%' had no window)."""
    got = _facts_of([("title", "Ponatinib with reduced chemotherapy in Ph-positive ALL: the single-arm phase 2 "
                               "LARCH-2 study"),
                     ("body", "In this single-arm study, 60 adults received ponatinib."),
                     ("body", f"Complete remission {phrase} was 91.7%.")])
    assert ("CR", "ponatinib", 91.7, "rate", "EOI") in got


def test_patients_of_an_abbreviated_arm_counted_for_an_event_are_no_group_size():
    """Negative rule: 'events were reported in 3 BC patients and 2 C patients' counts events, not groups."""
    got = _facts_of([
        _TWO_ARM_TITLE,
        ("body", "Patients were randomly assigned to blinatumomab given alongside chemotherapy (BC) or to chemotherapy "
                 "alone."),
        ("body", "Arterial occlusive events were reported in 3 BC patients and 2 chemotherapy patients."),
    ])
    assert not [f for f in got if f[0] == "ENROLLED" and f[2] in (3.0, 2.0)]


def test_an_abbreviation_of_an_arm_phrase_and_its_size_after_a_semicolon():
    """Regression: phrase_abbreviation_unread ('chemotherapy alone (CA; n = 722)': CA spelled by the phrase's words, and
    its size after the semicolon)."""
    got = _facts_of([
        ("title", "Blinatumomab added to consolidation in standard-risk childhood ALL: the randomized HERON-2 trial"),
        ("body", "A total of 980 children were randomly assigned to standard chemotherapy (SC; n = 492) or to standard "
                 "chemotherapy plus blinatumomab (SCB; n = 488)."),
        ("body", "Three-year disease-free survival was 93.0% with SCB and 87.1% with SC."),
    ])
    assert ("ENROLLED", "blinatumomab", 488.0, "count", None) in got
    assert ("ENROLLED", "chemotherapy", 492.0, "count", None) in got
    assert ("DFS", "chemotherapy", 87.1, "landmark", "3y") in got
    assert ("ENROLLED", None, 980.0, "count", None) in got  # assigned to alternatives: the total


def test_arms_named_by_labels_sized_in_a_sentence_about_assignment():
    """Regression: labelled_arms_unread ('Sprint (n = 71) and Marathon (n = 70)' named no arms)."""
    got = _facts_of([
        ("title", "HARBOUR: a randomized phase 2 study of two fixed-duration schedules, Dash and Relay, in CLL"),
        ("body", "In total, 120 patients were randomized: Dash (n = 61) and Relay (n = 59)."),
        ("body", "Blood uMRD at the end of treatment: Dash 60.7% v Relay 71.2%."),
    ])
    assert ("ENROLLED", "dash", 61.0, "count", None) in got and ("ENROLLED", "relay", 59.0, "count", None) in got
    assert ("MRD_NEG", "dash", 60.7, "rate", "EOT") in got and ("MRD_NEG", "relay", 71.2, "rate", "EOT") in got


def test_population_columns_sized_outside_an_assignment_sentence_are_no_arms():
    """Negative rule: 'Younger (n = 38) | Elder (n = 26)' groups patients; only a sentence about assignment names arms."""
    from extractors.evidence.arm_abbreviations import find_labelled_arms
    assert find_labelled_arms("Outcomes were similar: Younger (n = 38) and Elder (n = 26) had CR in 90%.") == ()
    assert find_labelled_arms("Patients were randomized: Total (n = 64) and Overall (n = 64).") == ()


_LABEL_OPENING = [("title", "Glofitamab prescribing information: clinical studies in relapsed lymphoma (study GLF-7)"),
                  ("body", "In this single-arm study, 154 adults received glofitamab.")]


def test_the_onset_of_an_event_by_dose_is_no_incidence():
    """Negative rule: 'CRS occurred after the first full dose in 41% of patients' says when CRS began, not how often."""
    got = _facts_of(_LABEL_OPENING + [("body", "CRS occurred in 63% of patients. CRS occurred after the first full "
                                               "dose in 41% of patients.")])
    assert ("CRS", "glofitamab", 63.0, "rate", None) in got
    assert not [f for f in got if f[2] == 41.0]


@pytest.mark.parametrize("phrase", ["by laboratory criteria in 3 patients", "was sampled in 97 patients",
                                    "was confirmed in 12 patients"])
def test_a_count_of_patients_with_a_finding_is_no_sample_size(phrase):
    """Negative rule: 'tumour lysis by laboratory criteria in 3 patients' counts a finding, not the cohort."""
    got = _facts_of(_LABEL_OPENING + [("body", f"Tumour lysis {phrase}.")])
    assert not [f for f in got if f[0] == "ENROLLED" and f[2] in (3.0, 97.0, 12.0)]


# --- landmarks kept by subgroups and restated lists; the ratio of the arm set against the other ---

_DASH_RELAY = [("title", "HARBOUR: a randomized phase 2 study of two schedules, Dash and Relay, in CLL"),
               ("body", "In total, 120 patients were randomized: Dash (n = 61) and Relay (n = 59).")]


def test_a_subgroup_clause_keeps_the_landmark_of_the_list_it_restates():
    """Regression: subgroup_landmark_lost ('2-year OS 63.1% and EFS 52.8%; in patients aged 70 or older, 51.5% and
    40.3%' read the subgroup's figures as rates without a time)."""
    got = _facts_of(_DASH_RELAY + [("body", "Two-year overall survival was 71.0% and event-free survival 60.2%; among "
                                            "patients with unmutated IGHV, 66.4% and 55.0%.")])
    assert ("OS", "dash", 66.4, "landmark", "2y") in got and ("EFS", "dash", 55.0, "landmark", "2y") in got


def test_a_sentence_of_a_new_time_and_bare_values_restates_the_previous_list():
    """Regression: restated_list_unread ('At 3 years: 54.7% and 44.9%.' after an OS and EFS sentence read nothing)."""
    got = _facts_of(_DASH_RELAY + [("body", "Two-year overall survival was 71.0% and event-free survival 60.2%."),
                                   ("body", "By 4 years, 64.9% and 51.3%.")])
    assert ("OS", "dash", 64.9, "landmark", "4y") in got and ("EFS", "dash", 51.3, "landmark", "4y") in got


def test_a_sentence_of_a_new_time_far_from_any_list_restates_nothing():
    """Negative rule: only the sentence right after a list of landmarks restates it."""
    got = _facts_of(_DASH_RELAY + [("body", "Median follow-up was 30 months. No deaths occurred on study.")
                                   ] + [("body", "At 3 years: 54.7% and 44.9%.")])
    assert not [f for f in got if f[2] in (54.7, 44.9)]


def test_a_hazard_ratio_for_one_arm_versus_the_other_is_the_first_arms():
    """Regression: hr_for_second_label_given_to_first ('HR for Relay v Dash 0.71' went to Dash)."""
    got = _facts_of(_DASH_RELAY + [("body", "Progression-free survival at 24 months was 94.2% with Dash and 95.7% with "
                                            "Relay (HR for Relay v Dash 0.71, 95% CI 0.31-1.62).")])
    assert ("PFS", "relay", 0.71, "hazard_ratio", None) in got


# --- grades, later windows, deaths in remission, a product named after a generic title ---

def test_a_grade_qualified_share_after_an_event_share_is_that_events():
    """Regression: grade_share_read_as_four_in_ten ('... in 76.1%, grade 3 or 4 in 1.1%': the '4 in' looked like
    'four in ten' and dropped the share)."""
    got = _facts_of(_LABEL_OPENING + [("body", "Cytokine release syndrome occurred in 58.4% of patients, grade 3 or 4 "
                                               "in 2.6%.")])
    assert ("CRS", "glofitamab", 2.6, "rate", None) in got


def test_a_later_window_before_a_value_restarts_the_clause():
    """Regression: first_window_kept_past_a_later_one ('CMR at the end of induction, A% v B% ..., and by the end of
    treatment C% and D%' gave C and D the end-of-induction window)."""
    got = _facts_of([_TWO_ARM_TITLE,
                     ("body", "Adults were randomly assigned to blinatumomab with chemotherapy or to chemotherapy alone."),
                     ("body", "MRD negativity at the end of induction, 58.0% with blinatumomab v 31.5% with "
                              "chemotherapy (P < .001), deepened later, and by the end of treatment 82.2% and 51.0% "
                              "were MRD negative.")])
    assert ("MRD_NEG", "blinatumomab", 58.0, "rate", "EOI") in got
    assert ("MRD_NEG", "blinatumomab", 82.2, "rate", "EOT") in got


@pytest.mark.parametrize("label", ["Death in remission - no. (%)", "Deaths in first remission, n (%)"])
def test_a_death_in_remission_is_non_relapse_mortality(label):
    from tests.test_evidence_rule_classes_r16 import _cells_table
    table = _cells_table("Table 2. Outcomes", [["Outcome", "Glofitamab (N = 154)"], [label, "4 (2.6)"]])
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc(_LABEL_OPENING, (table,)))}
    assert ("NRM", 2.6) in got


def test_a_gazetteer_product_against_a_named_comparator_frames_a_two_arm_report():
    """Regression: gazetteer_product_not_experimental (a press release naming its CAR-T product only in the subtitle,
    against 'standard triplets', gave the product's first share no arm)."""
    got = _facts_of([("title", "Single CAR T-cell infusion halves the risk of progression versus standard triplets"),
                     ("body", "Phase 3 results: 419 patients were randomly assigned to ciltacabtagene autoleucel or "
                              "standard triplets."),
                     ("body", "MRD negativity, 58.1% (95% CI: 50.2-65.7), was three times as frequent as with the "
                              "triplets (19.0%).")])
    assert ("MRD_NEG", "ciltacabtagene autoleucel", 58.1, "rate", None) in got
    assert ("MRD_NEG", "chemotherapy", 19.0, "rate", None) in got


# --- 'already in CR', 'at that landmark', response split by dose level, best response ---

_SINGLE_CAR = [("title", "A phase 1 study of CD22-directed CAR T cells (KX-2210) in relapsed B-ALL"),
               ("body", "In this single-arm study, 30 patients were infused with KX-2210.")]


def test_patients_already_in_remission_after_a_window_are_responders():
    """Regression: already_in_cr_read_as_population ('(73.4%) were already in CR or CRi after cycle 1' read nothing)."""
    got = _facts_of(_SINGLE_CAR + [("body", "Responses came early: 21 patients (70.0%) were already in CR or CRi after "
                                            "cycle 1.")])
    assert ("CR_CRI", "kx-2210", 70.0, "rate", "cycle1") in got


def test_a_time_named_by_reference_is_the_previous_figures():
    """Regression: that_landmark_unread ('event-free survival at that landmark was 71.6%' had no time)."""
    got = _facts_of(_SINGLE_CAR + [("body", "At 6 months, event-free survival was 61.0% and overall survival 80.0%; "
                                            "censoring at transplant, event-free survival at that landmark was 70.2%.")])
    assert ("EFS", "kx-2210", 70.2, "landmark", "6mo") in got


@pytest.mark.parametrize("opening", ["Remission by dose level was", "Response at that visit rose with dose:"])
def test_a_response_split_by_dose_level_continues_the_previous_response(opening):
    """Regression: response_by_dose_unread ('Remission by dose level was 3 of 6 (50.0%) at DL1, ...' read nothing)."""
    got = _facts_of(_SINGLE_CAR + [("body", "By day 28, 24 of 30 patients (80.0%) were in CR or CRi, and 20 (66.7%) had "
                                            "no detectable disease by NGS. " + opening + " 4 of 6 patients (66.7%) at "
                                            "DL1 and 20 of 24 (83.3%) at DL2.")])
    assert ("CR_CRI", "kx-2210", 83.3, "rate", "d28") in got
    assert not [f for f in got if f[0] == "MRD_NEG" and f[2] == 83.3]


def test_a_best_response_takes_no_window():
    """Regression: best_response_given_the_clause_window ('By the end of two cycles, 81.6% ..., and the best overall
    remission ... was 85.7%' gave the best response the two-cycle window)."""
    got = _facts_of(_SINGLE_CAR + [("body", "By the end of two cycles, 20 (66.7%) were in CR or CRi, and the best "
                                            "overall remission (CR or CRi) was 76.7%.")])
    assert ("CR_CRI", "kx-2210", 66.7, "rate", "2cycles") in got and ("CR_CRI", "kx-2210", 76.7, "rate", None) in got


# --- negative rules: cases of one or two patients, event counts by arm, numerators, other studies, p in cells ---

@pytest.mark.parametrize("sentence", ["Movement disorders occurred in 1 patient.",
                                      "Neurocognitive disorders were reported in 2 patients."])
def test_one_or_two_patients_are_no_sample(sentence):
    """Negative rule: 'in 1 patient' counts a case; no study or arm has one or two patients unless '(n = 2)'."""
    got = _facts_of(_LABEL_OPENING + [("body", sentence)])
    assert not [f for f in got if f[0] == "ENROLLED" and f[2] in (1.0, 2.0)]


def test_events_counted_with_each_arm_are_no_group_sizes():
    """Negative rule: 'Induction deaths numbered 3 with BC and 6 with chemotherapy' counts events, not groups."""
    got = _facts_of([_TWO_ARM_TITLE,
                     ("body", "Patients were randomly assigned to blinatumomab given alongside chemotherapy (BC) or to "
                              "chemotherapy alone."),
                     ("body", "Induction deaths numbered 3 with BC and 6 with chemotherapy.")])
    assert not [f for f in got if f[0] == "ENROLLED" and f[2] in (3.0, 6.0)]


def test_a_count_with_its_share_of_a_group_is_a_numerator():
    """Negative rule: 'A total of 681 patients in the CB group (94.8%) received both cycles' counts compliance."""
    got = _facts_of([_TWO_ARM_TITLE,
                     ("body", "A total of 980 children were randomly assigned to standard chemotherapy (SC) or to "
                              "standard chemotherapy plus blinatumomab (SCB)."),
                     ("body", "A total of 455 patients in the SCB group (93.2%) received both blinatumomab cycles.")])
    assert not [f for f in got if f[0] == "ENROLLED" and f[2] == 455.0]


def test_figures_of_studies_in_the_plural_are_other_studies():
    """Negative rule: 'In the Houston mini-hyper-CVD studies, ... a 2-year overall survival of 43%' is no result."""
    got = _facts_of(_SINGLE_CAR + [("body", "In the Seattle low-intensity studies, sequential therapy gave a 2-year "
                                            "overall survival of 47%.")])
    assert not [f for f in got if f[2] == 47.0]


def test_the_p_value_closing_a_table_cell_is_no_value():
    """Regression: cell_p_value_read_as_ratio ('0·62 (0·47-0·82); 0·0008' gave a ratio of 0.0008)."""
    from tests.test_evidence_rule_classes_r16 import _cells_table
    table = _cells_table("Table 2. Outcomes by strategy", [["Outcome", "HR (95% CI); p"],
                                                           ["Overall survival", "0.71 (0.55-0.91); 0.0061"]])
    got = {r.value for r in extract_evidence(_doc(_SINGLE_CAR, (table,)))}
    assert 0.0061 not in got


# --- run-in abstract headings, telegraphic sample sizes ---

@pytest.mark.parametrize("heading", ["RESULTS ", "Results ", "FINDINGS "])
def test_a_run_in_abstract_heading_leaves_the_sentence_opening_readable(heading):
    """Regression: run_in_heading_hid_sentence_opening ('RESULTS Of 235 patients, 118 were assigned ...' lost the
    total because 'Of N patients' opens the sentence only after the heading)."""
    got = _facts_of([_TWO_ARM_TITLE,
                     ("body", heading + "Of 286 patients, 144 were assigned to blinatumomab with chemotherapy and 142 "
                                        "to chemotherapy alone.")])
    assert ("ENROLLED", None, 286.0, "count", None) in got
    assert ("ENROLLED", "blinatumomab", 144.0, "count", None) in got


def test_a_count_before_both_compared_groups_of_a_report_is_the_total():
    """Regression: total_given_first_group ('Of 231 patients (...), A% in the X group and B% in the Y group' gave the
    total to X)."""
    got = _facts_of([("title", "MRD-guided versus universal transplant in adult ALL: a cohort study"),
                     ("body", "Patients were treated in two eras: the MRD-guided group (n = 120) and the "
                              "transplant-for-all group (n = 98)."),
                     ("body", "Of 218 patients in CR1 (median age, 41 years), MRD negativity at the end of induction "
                              "was found in 70.0% in the MRD-guided group and 64.3% in the transplant-for-all group.")])
    assert ("ENROLLED", None, 218.0, "count", None) in got


# --- regimen labels assigned by number, hyphenated abbreviations, standard lymphoma regimens ---

def test_arms_named_by_labels_in_a_sentence_assigning_numbers():
    """Regression: labels_assigned_by_number_unread ('612 patients were randomized: 307 to Compass and 305 to Anchor')."""
    got = _facts_of([("title", "Stopping by MRD matches continuous therapy: phase 3 KITE-9 results"),
                     ("body", "In all, 410 patients were randomized: 206 to Harbour and 204 to Keel."),
                     ("body", "At 36 months, 90.2% of Harbour patients and 88.0% of Keel patients were alive without "
                              "progression.")])
    assert ("ENROLLED", "harbour", 206.0, "count", None) in got and ("ENROLLED", "keel", 204.0, "count", None) in got
    assert ("PFS", "harbour", 90.2, "landmark", "36mo") in got and ("PFS", "keel", 88.0, "landmark", "36mo") in got


def test_a_hyphenated_abbreviation_and_a_standard_regimen_name_the_arms():
    """Regression: hyphenated_abbreviation_unread ('... plus dacarbazine (BV-D)' and 'ABVD' named no arms)."""
    got = _facts_of([("title", "Brentuximab vedotin plus dacarbazine versus ABVD in older adults with Hodgkin lymphoma: "
                               "the randomized LARK trial"),
                     ("body", "Patients were randomly assigned to blinatumomab plus dacarbazine (B-D) or to ABVD."),
                     ("body", "Two-year PFS was 82.0% with B-D v 76.4% with ABVD.")])
    assert ("PFS", "blinatumomab", 82.0, "landmark", "2y") in got and ("PFS", "chemotherapy", 76.4, "landmark", "2y") in got


@pytest.mark.parametrize("sentence", ["In KESTREL-1, single-agent blinatumomab gave a response rate of 63%.",
                                      "OSPREY reported a 3-year survival of 88% with the same drug.",
                                      "In the HALCYON trial, 76% of patients responded."])
def test_a_sentence_opening_with_another_studys_name_is_about_that_study(sentence):
    """Negative rule: discussion sentences that open with another trial's name hold its figures, not the report's."""
    got = _facts_of([("title", "KX-2210 CAR T cells in relapsed B-ALL: the phase 1 KESTREL-2 study"),
                     ("body", "In this single-arm study, 30 patients were infused with KX-2210."),
                     ("body", "In KESTREL-2, 70.0% of patients reached CR or CRi."), ("body", sentence)])
    assert not [f for f in got if f[2] in (63.0, 88.0, 76.0)]


def test_a_sentence_opening_with_the_reports_own_name_or_a_remission_stays_the_reports():
    got = _facts_of([("title", "KX-2210 CAR T cells in relapsed B-ALL: the phase 1 KESTREL-2 study"),
                     ("body", "In this single-arm study, 30 patients were infused with KX-2210."),
                     ("body", "In KESTREL-2, 70.0% of patients reached CR or CRi."),
                     ("body", "In CR1, 12 patients (40.0%) proceeded to transplant.")])
    assert any(f[2] == 70.0 for f in got) and any(f[2] == 40.0 for f in got)


def test_an_event_recorded_in_n_patients_is_no_sample():
    """Negative rule: 'Grade 1-2 sensory neuropathy was recorded in 29 patients' counts an event."""
    got = _facts_of(_SINGLE_CAR + [("body", "Grade 1-2 sensory neuropathy was recorded in 19 patients.")])
    assert not [f for f in got if f[0] == "ENROLLED" and f[2] == 19.0]


@pytest.mark.parametrize("phrase", ["with control therapy", "with the control regimen"])
def test_a_comparator_called_control_therapy_is_the_control_arm(phrase):
    """Regression: control_therapy_unread ('65.9% with control therapy' took the study drug)."""
    got = _facts_of([("title", "Teclistamab plus daratumumab in relapsed myeloma: the randomized phase 3 HARRIER trial"),
                     ("body", "A total of 402 patients were randomly assigned to teclistamab plus daratumumab (TD) or "
                              "to a control regimen."),
                     ("body", f"Overall response was 86.1% with TD and 61.2% {phrase}.")])
    assert ("ORR", "teclistamab", 86.1, "rate", None) in got
    assert not [f for f in got if f[2] == 61.2 and f[1] == "teclistamab"]


def test_bullets_run_into_one_line_are_separate_sentences():
    """Regression: run_in_bullets_one_sentence ('... 77.9%. • Best overall ... • 24-month PFS ...' shared one sentence,
    so a later bullet's time leaked into an earlier one)."""
    from extractors.nlp.sentences import split_sentences
    text = "• Complete response at the end of induction: 77.9% • Best overall response 88.4% • 24-month PFS 84.2%"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "• Complete response at the end of induction: 77.9%", "• Best overall response 88.4%", "• 24-month PFS 84.2%"]


def test_a_drug_name_in_capitals_is_no_trial_name():
    """Negative rule: a label's 'ODRONEXTAMAB injection' names the product, not the study."""
    from extractors.nlp.trials import rejection_reason
    assert rejection_reason("VARNETAMAB") in ("drug_name_in_capitals", "non_trial_parts")  # a name the lexicon lacks
    assert rejection_reason("GLOFITAMAB") is not None  # the lexicon's drug, rejected as a known non-trial term
    assert rejection_reason("TOWER") is None


@pytest.mark.parametrize("label", ["Very good partial response, n/N (%)", "Grade 3-4 infection, n (%)",
                                   "POD24, n (%)"])
def test_a_row_naming_another_measure_takes_no_endpoint_from_the_caption(label):
    """Negative rule: under 'Table 2. Response and survival', a VGPR, infection or POD24 row is no survival figure."""
    from tests.test_evidence_rule_classes_r16 import _cells_table
    table = _cells_table("Table 2. Response and survival by arm", [
        ["Outcome", "Glofitamab (n = 154)"], ["Overall survival at 2 years, %", "71.0"], [label, "30/154 (19.5)"]])
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc(_LABEL_OPENING, (table,)))}
    assert ("OS", 71.0) in got and not [g for g in got if g[1] == 19.5]


def test_a_subgroup_row_still_takes_the_captions_endpoint():
    from tests.test_evidence_rule_classes_r16 import _cells_table
    table = _cells_table("Table 3. Estimated 2-year overall survival by subgroup", [
        ["Subgroup", "Glofitamab, %"], ["Age 65 years or older", "64.2"], ["High-risk FLIPI", "58.9"]])
    got = {(r.endpoint, r.value) for r in extract_evidence(_doc(_LABEL_OPENING, (table,)))}
    assert ("OS", 64.2) in got and ("OS", 58.9) in got


def test_an_autologous_transplant_comparison_names_its_transplant_side_autologous():
    """Regression: autograft_named_allogeneic (a registry of autologous transplantation against none called its
    transplant side 'allogeneic hsct')."""
    got = _facts_of([("title", "Autologous stem-cell transplantation versus no transplant after BTK-inhibitor induction "
                               "in mantle cell lymphoma: a registry study"),
                     ("body", "Progression-free survival at 3 years was 80.4% after transplant and 74.0% without.")])
    assert ("PFS", "autologous transplant", 80.4, "landmark", "3y") in got
    assert not [f for f in got if f[1] == "allogeneic hsct"]


def test_an_allogeneic_transplant_comparison_keeps_its_name():
    got = _facts_of([("title", "Allogeneic transplantation versus no transplant for adults with MRD-positive ALL"),
                     ("body", "Overall survival at 3 years was 61.0% after transplant and 50.2% without.")])
    assert ("OS", "allogeneic transplant", 61.0, "landmark", "3y") in got
