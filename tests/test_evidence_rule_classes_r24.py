"""Rule classes of issue 11, round 22: arm labels written '(the XY group)' stand for the drugs before them; a share
whose predicate names a defined arm ('... (69.4%) who received XY') is that arm's; a Lancet title's '(Name): a
randomised ... trial' and 'Name was done at 30 hospitals' name the study; a product code defined by an appositive
with a slashed target ('CD19/CD22') is the study therapy.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.arm_abbreviations import find_arm_abbreviations
from extractors.evidence.extract import extract_evidence
from tests.test_evidence_report_rules import _doc


def _records(paragraphs) -> list:
    return list(extract_evidence(_doc(paragraphs)))


def _facts(paragraphs) -> set:
    return {(r.endpoint, r.arm, r.value, r.timepoint) for r in _records(paragraphs)}


_TITLE = ("title", "Venetoclax and Azacitidine versus Intensive Chemotherapy in Older Adults with AML")


@pytest.mark.parametrize("sentence, expected", [
    ("Adults were randomly assigned to venetoclax plus azacitidine (the VA group) or to intensive chemotherapy "
     "(the IC group).", {"VA": "venetoclax", "IC": "chemotherapy"}),
    ("We allocated patients to acalabrutinib with venetoclax (the AV arm) or to chemoimmunotherapy with "
     "fludarabine, cyclophosphamide and rituximab given for six cycles (the FCR arm).", {"AV": "acalabrutinib"}),
])
def test_a_the_xy_group_label_stands_for_the_drugs_named_before_it(sentence, expected):
    """Regression: the_group_label_kept_as_letters (arms '(the IMC group)', '(the SC group)' were exported as 'imc'
    and 'sc', which match no gold arm, because only '(the X regimen)' was read as a definition)."""
    defined = {a.short: a.arm for a in find_arm_abbreviations(sentence)}
    assert {k: defined.get(k) for k in expected} == expected


def test_a_group_label_closing_a_long_clause_takes_the_clause_drugs_and_is_the_control():
    """Regression: long_labelled_clause_lost (a comparator described at length before '(the IC group)' lost its drugs)."""
    sentence = ("Adults were assigned to ponatinib plus inotuzumab (the PI group) or imatinib plus reduced-intensity "
                "chemotherapy followed by an allograft in eligible patients (the IC group).")
    defined = {a.short: a for a in find_arm_abbreviations(sentence)}
    assert defined["IC"].arm == "imatinib-chemotherapy" and defined["IC"].control
    assert not defined["PI"].control


@pytest.mark.parametrize("result", [
    "Complete remission by day 42 was recorded in 61 of 90 patients (67.8%) who received VA and in 44 of 88 (50.0%) "
    "who received IC.",
    "By day 42, 61 of 90 patients (67.8%) who received VA were in complete remission, compared with 44 of 88 (50.0%) "
    "in the IC group.",
])
def test_a_share_whose_predicate_names_a_defined_arm_is_that_arms_result(result):
    """Regression: who_received_defined_arm_dropped ('86 of 124 patients (69.4%) who received PB' was read as a share
    describing something else, because the arm was a gazetteer drug rather than a core product)."""
    facts = _facts([_TITLE, ("body", "Adults were randomly assigned to venetoclax plus azacitidine (the VA group) or to "
                                     "intensive chemotherapy (the IC group)."), ("body", result)])
    assert {(e, a, v) for e, a, v, _ in facts if e == "CR"} == {("CR", "venetoclax", 67.8),
                                                                ("CR", "chemotherapy", 50.0)}


def test_a_share_of_patients_who_received_a_supportive_drug_stays_dropped():
    """Negative rule: '(48%) who received tocilizumab' describes supportive care, not an arm's result."""
    facts = _facts([("title", "Axicabtagene ciloleucel in relapsed large B-cell lymphoma: a phase 2 study"),
                    ("body", "Cytokine release syndrome occurred in 40 patients; 19 of them (47.5%) who received "
                             "tocilizumab recovered within a week.")])
    assert not any(v == 47.5 for _, _, v, _ in facts)


_PINE_OPENING = ("body", "Patients aged 60 years or older were randomly assigned to venetoclax plus azacitidine (the VA "
                         "group) or to intensive chemotherapy (the IC group). The trial is registered with "
                         "ClinicalTrials.gov, NCT09124680.")
_PINE_RESULT = ("body", "At 2 years, overall survival was 51.2% in the VA group and 38.4% in the IC group.")


@pytest.mark.parametrize("title, methods", [
    ("Venetoclax plus azacitidine versus intensive chemotherapy for older adults with acute myeloid leukaemia "
     "(Spindle): a randomised, open-label, phase 3 trial", "Spindle enrolled patients at 22 hospitals."),
    ("Venetoclax plus azacitidine versus intensive chemotherapy for older adults with acute myeloid leukaemia",
     "Methods Spindle was conducted at 22 hospitals in four countries. Spindle recruited for 3 years."),
])
def test_a_lancet_style_study_name_outranks_the_registry_number(title, methods):
    """Regression: lancet_bracket_title_name_lost (a title '... (Name): a randomised ... trial' and 'Name was done at 41
    hospitals' named no study for a mixed-case word, so records carried the NCT number)."""
    records = _records([("title", title), ("body", methods), _PINE_OPENING, _PINE_RESULT])
    assert {r.trial for r in records} == {"Spindle"}


def test_a_place_adjective_conducting_a_study_is_not_its_name():
    """Negative rule: 'Dutch was ...' never occurs, but 'National was conducted at ...' style stoplisted words are no name."""
    records = _records([("title", "Venetoclax plus azacitidine versus intensive chemotherapy for older adults with AML"),
                        ("body", "Methods Multicentre was conducted at 22 hospitals. Multicentre work took 3 years."),
                        _PINE_OPENING, _PINE_RESULT])
    assert {r.trial for r in records} == {"NCT09124680"}


def test_a_product_code_defined_with_a_slashed_target_is_the_study_therapy():
    """Regression: slashed_target_product_missed ('X.v2, an academic bispecific CD19/CD22 CAR T-cell product' was not
    read as a product definition, so the lymphodepleting fludarabine became the single-arm study therapy)."""
    records = _records([("title", "Wren: a phase 1 dose-escalation study of KT2219.b3, an academic bispecific CD19/CD22 "
                                  "CAR T-cell product, in children with relapsed B-ALL"),
                        ("body", "Lymphodepletion: fludarabine 30 mg/m2 for 3 days and cyclophosphamide 500 mg/m2 for 2 days."),
                        ("body", "Of 24 children evaluable at day 28, 20 (83.3%) achieved complete remission.")])
    assert {(r.trial, r.arm) for r in records if r.endpoint in ("CR", "CR_CRI")} == {("Wren", "kt2219.b3")}


_PRESS = [("title", "Adding inotuzumab to chemotherapy lifts survival in older adults, Quayside trial finds"),
          ("body", "Quayside enrolled 188 adults older than 65 years at diagnosis in 40 hospitals across 9 countries. After "
                   "a pre-phase, 95 were randomly assigned to the Lantern arm, in which two blocks of intensive "
                   "chemotherapy were replaced by inotuzumab, and 93 to continue the standard chemotherapy schedule.")]


def test_a_study_enrolling_patients_older_than_an_age_states_its_sample():
    """Regression: eligibility_age_read_as_subcohort ('Wherry enrolled 204 infants younger than one year' was dropped as
    a sub-cohort like 'Among the 124 patients older than 45 years')."""
    records = _records(_PRESS)
    assert ("ENROLLED", None, 188.0) in {(r.endpoint, r.arm, r.value) for r in records}


def test_among_patients_older_than_an_age_stays_a_subcohort():
    """Negative rule: 'Among the 70 patients older than 75 years' sizes a subgroup, not the study."""
    records = _records(_PRESS[:1] + [("body", "Among the 70 patients older than 75 years, overall survival at 2 years "
                                               "was 44.0% with inotuzumab.")])
    assert not any(r.endpoint == "ENROLLED" and r.value == 70.0 for r in records)


def test_an_arm_named_by_a_word_and_described_in_a_relative_clause_stands_for_the_drug_it_adds():
    """Regression: described_word_arm_unread ('103 were randomly assigned to the Tiller arm, in which one block of
    chemotherapy was replaced by blinatumomab, and 101 to continue the standard chemotherapy schedule' sized no arm)."""
    enrolled = {(r.arm, r.value) for r in _records(_PRESS) if r.endpoint == "ENROLLED" and r.arm}
    assert enrolled == {("inotuzumab", 95.0), ("chemotherapy", 93.0)}


def test_the_figure_for_another_group_after_a_semicolon_keeps_the_landmark():
    """Regression: the_figure_was_lost_its_landmark ('Two years after randomisation, 72.1% ... were alive without an
    event; among those on chemotherapy alone the figure was 49.8%' gave the second figure no time)."""
    facts = _facts(_PRESS + [("body", "Three years after randomisation, 61.5% of patients in the Lantern arm were alive "
                                      "without an event; for those on chemotherapy alone the corresponding figure was "
                                      "40.2%.")])
    assert {("EFS", "inotuzumab", 61.5, "3y"), ("EFS", "chemotherapy", 40.2, "3y")} <= facts


def test_the_hazard_ratio_for_an_event_compares_event_free_survival():
    """Regression: hazard_ratio_for_an_event_unread ('The hazard ratio for an event was 0.47' had no endpoint)."""
    facts = _facts(_PRESS + [("body", "The hazard ratio for an event was 0.58 (95% CI 0.39-0.86).")])
    assert ("EFS", "inotuzumab", 0.58, None) in facts


def test_a_subgroup_with_a_relative_clause_inherits_the_landmark_of_the_sentence_before():
    """Regression: subgroup_with_relative_clause_dropped ('In babies diagnosed before six months of age, whose outlook
    is worst, 64.0% compared with 38.2%' was read as nothing, and 'six months of age' as a median)."""
    facts = _facts(_PRESS + [("body", "At 2 years, 66.3% of patients in the Lantern arm were alive without an event "
                                      "and 47.9% of those on chemotherapy alone. In patients older than 75 years, whose "
                                      "outlook is worst, 58.1% compared with 35.0%.")])
    assert {("EFS", "inotuzumab", 58.1, "2y"), ("EFS", "chemotherapy", 35.0, "2y")} <= facts
    assert not any(v == 75.0 for _, _, v, _ in facts)


def test_an_age_given_in_months_is_no_result():
    """Negative rule: 'before six months of age', '3 weeks old' are ages, never a median or a rate."""
    facts = _facts(_PRESS + [("body", "Event-free survival was longest in infants diagnosed after 6 months of age.")])
    assert not any(v == 6.0 for _, _, v, _ in facts)


_CLL = [("title", "Acalabrutinib plus venetoclax versus chlorambucil-obinutuzumab in untreated CLL: the Harbour trial"),
        ("body", "Patients were randomly assigned to acalabrutinib plus venetoclax (AV) or chlorambucil plus obinutuzumab "
                 "(CO).")]


@pytest.mark.parametrize("sentence, window", [
    ("The end-of-treatment undetectable MRD rate was 66.2% with AV and 31.9% with CO.", "EOT"),
    ("The day-28 MRD-negativity rate was 66.2% with AV and 31.9% with CO.", "d28"),
])
def test_a_window_written_as_an_adjective_before_the_endpoint_covers_every_arm(sentence, window):
    """Regression: prefixed_window_first_value_only ('the end-of-treatment uMRD rate was 71.4% with ZV ... 27.1% with
    BR' gave the window to the first figure only)."""
    facts = _facts(_CLL + [("body", sentence)])
    assert {("MRD_NEG", "acalabrutinib", 66.2, window), ("MRD_NEG", "chlorambucil", 31.9, window)} <= facts


_REGISTRY_STOP = [
    ("title", "Stopping ibrutinib after sustained remission in CLL: a registry comparison of MRD-guided discontinuation "
              "with continued therapy"),
    ("body", "Of 410 eligible patients seen at 9 centres, 236 stopped treatment and 174 continued it."),
    ("body", "Progression-free survival at 2 years was 81.0% in patients who stopped and 84.5% in those who continued "
             "(hazard ratio 1.12, 95% CI 0.70-1.79)."),
    ("body", "Overall survival at 2 years was 95.1% for the discontinuation cohort against 94.0% for the maintenance "
             "cohort."),
]


def test_a_registry_of_stopping_on_mrd_sizes_and_names_the_stopped_and_continued_groups():
    """Regression: stopped_continued_groups_unread ('318 stopped maintenance and 207 continued it', 'the maintenance
    cohort' named no arm in a report comparing MRD-guided stopping with continued therapy)."""
    records = _records(_REGISTRY_STOP)
    arms = {(r.endpoint, r.value): r.arm for r in records}
    assert arms[("ENROLLED", 410.0)] is None
    stopped, continued = arms[("ENROLLED", 236.0)], arms[("ENROLLED", 174.0)]
    assert stopped and continued and stopped != continued
    assert arms[("PFS", 81.0)] == stopped and arms[("PFS", 84.5)] == continued
    assert arms[("OS", 95.1)] == stopped and arms[("OS", 94.0)] == continued


def test_a_named_studys_arm_cited_in_the_discussion_is_another_study():
    """Regression: arm_of_named_study_attributed_to_report ('In the maintenance arm of Myeloma XI, median PFS was 57
    months' was read as the registry's own result)."""
    records = _records(_REGISTRY_STOP + [("body", "In the maintenance arm of Bellwood IV, median PFS was 63 months.")])
    assert not any(r.value == 63.0 and r.trial is None for r in records)


def test_every_item_of_a_follow_up_list_is_a_follow_up_time():
    """Regression: follow_up_list_second_item_read_as_median ('median follow-up for duration of response 20.1 months
    (FL) and 14.5 months (DLBCL)' gave a DOR median of 14.5)."""
    records = _records([("title", "Study 1: mosunetuzumab in relapsed lymphoma"),
                        ("body", "Kaplan-Meier estimates; median follow-up for duration of response 18.3 months (cohort "
                                 "A) and 12.9 months (cohort B).")])
    assert not any(r.value in (18.3, 12.9) for r in records)


def test_a_title_comparison_of_one_strategy_with_another_sets_up_the_comparison():
    """Regression: comparison_of_a_with_b_title_unread ('a registry comparison of MRD-guided discontinuation with
    continued therapy' set no strategy comparison, so the drug became a single-arm therapy)."""
    records = _records(_REGISTRY_STOP)
    assert {r.arm for r in records if r.endpoint == "PFS" and r.statistic == "landmark"} == {"mrd-guided",
                                                                                              "continued therapy"}


def test_flow_cytometry_finding_no_residual_disease_is_mrd_negativity():
    """Regression: no_residual_disease_read_as_remission ('Among those in composite remission, flow cytometry found no
    residual disease ... in 58 of 71 (81.7%)' was read as a remission rate)."""
    facts = _facts(_CLL + [("body", "Among those in complete remission, flow cytometry found no residual disease at the "
                                    "10^-4 level in 44 of 60 AV responders (73.3%).")])
    assert ("MRD_NEG", "acalabrutinib", 73.3, None) in facts
    assert not any(e == "CR" and v == 73.3 for e, _, v, _ in facts)


def test_a_cohort_still_enrolling_is_no_enrolment():
    """Regression: enrolling_cohort_read_as_sample ('the expansion cohort of 40 patients is enrolling' gave an
    enrolment of 40)."""
    records = _records([("title", "NCT09876543: talquetamab with pomalidomide, a phase 1b dose-escalation study"),
                        ("body", "Thirty-one patients were treated. The 0.4 mg/kg level was chosen for expansion; the "
                                 "expansion cohort of 36 patients is enrolling.")])
    assert not any(r.endpoint == "ENROLLED" and r.value == 36.0 for r in records)


def test_our_own_previous_study_is_another_study():
    """Regression: own_previous_study_figure_kept ('Our own previous study achieved about 40 per cent event-free
    survival at four years' was read as the report's result)."""
    records = _records(_PRESS + [("body", "Our own previous study achieved about 35 per cent event-free survival at "
                                          "four years.")])
    assert {r.trial for r in records} == {"Quayside"} and not any(r.value == 35.0 for r in records)


def test_a_news_headline_naming_the_trial_that_found_it_names_the_study():
    """Regression: headline_trial_finds_unread ('..., Wherry trial finds' in a press headline named no study when the
    body never called the word a trial)."""
    assert {r.trial for r in _records(_PRESS)} == {"Quayside"}


_CAIRN_RESULT = ("body", "At 3 years, progression-free survival was 71.4% in the VA group and 55.0% in the IC group.")
_CAIRN_ASSIGNMENT = ("body", "Adults were randomly assigned to venetoclax plus azacitidine (the VA group) or to "
                             "intensive chemotherapy (the IC group).")


@pytest.mark.parametrize("opening", [
    "Methods: Trellis (NCT09345678) enrolled adults at 30 centres. Trellis closed to accrual in 2025.",
    "The Trellis study (ClinicalTrials.gov, NCT09345678) ran at 30 centres; Trellis closed to accrual in 2025.",
])
def test_a_word_glossed_by_the_reports_own_registry_number_names_the_study(opening):
    """Regression: registry_gloss_name_lost ('Cairn (NCT09...) enrolled ...' named no study for a mixed-case word, so
    every record carried the registry number)."""
    records = _records([_TITLE, ("body", opening), _CAIRN_ASSIGNMENT, _CAIRN_RESULT])
    assert {r.trial for r in records} == {"Trellis"}


def test_a_word_glossed_by_another_studys_registry_number_names_no_study():
    """Negative rule: a discussion citing 'Quarry (NCT01111111)' glosses another study; the report's own registration
    (NCT09345678, given in its methods) stays its identifier."""
    records = _records([_TITLE, ("body", "The trial is registered with ClinicalTrials.gov, NCT09345678."),
                        _CAIRN_ASSIGNMENT, _CAIRN_RESULT,
                        ("body", "Quarry (NCT01111111) used a similar design; Quarry found a smaller benefit.")])
    assert {r.trial for r in records if r.value in (71.4, 55.0)} == {"NCT09345678"}


def test_a_word_enrolling_patients_at_a_sentence_start_names_the_study():
    """Regression: subject_word_name_lost ('Cairn enrolled 412 adults' did not make the word a study name)."""
    records = _records([_TITLE, ("body", "Trellis enrolled 412 adults at 30 centres between 2021 and 2023. "
                                         "The trial is registered with ClinicalTrials.gov, NCT09345678."),
                        _CAIRN_ASSIGNMENT, ("body", "In Trellis, the primary endpoint was overall survival."),
                        _CAIRN_RESULT])
    assert {r.trial for r in records} == {"Trellis"}


def test_a_word_a_study_is_of_is_its_treatment_not_its_name():
    """Negative rule: 'the dose-finding study of Tandem (NCT05968830)' glosses the schedule studied, so the registry
    number stays the study's identifier."""
    records = _records([("title", "The Relay schedule: sequential inotuzumab and blinatumomab at first salvage, a phase 1 "
                                  "dose-finding study"),
                        ("body", "We designed Relay, two cycles of inotuzumab followed by blinatumomab. Here we report the "
                                 "dose-finding study of Relay (NCT09456789) at four centres."),
                        ("body", "Of 40 patients treated, 33 (82.5%) reached complete remission.")])
    assert {r.trial for r in records} == {"NCT09456789"}


def test_a_regimen_named_by_a_word_with_its_drugs_in_brackets_is_an_arm():
    """Regression: bracketed_regimen_and_mini_chop_unread ('the Hinge regimen (polatuzumab vedotin with R-mini-CHP)
    versus R-mini-CHOP': neither side was an arm, so every record had none)."""
    facts = _facts([("title", "Spindle: a randomised phase 2 trial of the Lathe regimen (polatuzumab vedotin with "
                              "R-mini-CHP) versus R-mini-CHOP in patients aged 80 years or older with DLBCL"),
                    ("body", "• Complete metabolic response at end of treatment: 64.0% with Lathe v 49.2% with R-mini-CHOP.")])
    assert {("CR", "polatuzumab vedotin", 64.0, "EOT"), ("CR", "chemotherapy", 49.2, "EOT")} <= facts


def test_a_construct_the_authors_developed_with_a_slashed_target_is_the_study_therapy():
    """Regression: developed_slashed_construct_missed ('We developed GH20.19-Q, a tandem CD20/CD19 CAR ...' was not read
    as the product, so a comparator's CAR-T became the single-arm therapy)."""
    records = _records([("title", "Radiotherapy bridging before a point-of-care tandem CAR T-cell product in lymphoma"),
                        ("body", "Commercial CD19-directed CAR T cells such as axicabtagene ciloleucel cure a minority. "
                                 "We developed KB22.19-R, a tandem CD22/CD19 CAR with a 4-1BB domain, and tested it in a "
                                 "phase 1 study."),
                        ("body", "Of 40 patients infused, 26 (65.0%) had a complete response.")])
    assert {r.arm for r in records if r.endpoint == "CR"} == {"kb22.19-r"}


_RELAPSE = [("title", "Inotuzumab versus chemotherapy at first relapse of childhood ALL, Rookery trial finds"),
            ("body", "Rookery (ISRCTN48215799) randomly assigned 212 children at 58 hospitals: 107 to inotuzumab "
                     "followed by consolidation and 105 to two blocks of intensive chemotherapy.")]


def test_a_count_assigned_to_blocks_of_a_regimen_sizes_that_arm():
    """Regression: blocks_of_regimen_arm_unsized ('and 105 to two blocks of intensive chemotherapy' sized no arm)."""
    enrolled = {(r.arm, r.value) for r in _records(_RELAPSE) if r.endpoint == "ENROLLED"}
    assert {(None, 212.0), ("inotuzumab", 107.0), ("chemotherapy", 105.0)} <= enrolled


def test_end_of_reinduction_is_the_end_of_induction_window_and_a_numerator_with_its_share_is_no_sample():
    """Regression: reinduction_window_and_numerator_sample ('At the end of reinduction, ...' gave no window; '81
    children on Sextant (75.7%) had no measurable residual disease at the 0.01% level' gave an enrolment of 81 and an
    MRD rate of 0.01)."""
    records = _records(_RELAPSE + [("body", "At the end of reinduction, a marrow complete response had been reached by "
                                            "95 of 107 children on inotuzumab (88.8%). At the same point, 80 children on "
                                            "inotuzumab (74.8%) had no measurable residual disease at the 0.01% level.")])
    facts = {(r.endpoint, r.arm, r.value, r.timepoint) for r in records}
    assert {("CR", "inotuzumab", 88.8, "EOI"), ("MRD_NEG", "inotuzumab", 74.8, "EOI")} <= facts
    assert not any(r.value in (80.0, 0.01) for r in records)


def test_a_landmark_introducing_a_colon_list_covers_its_items():
    """Regression: colon_list_landmark_lost ('estimates at 2 years were: event-free survival 71.3% (...), overall
    survival 80.9%' gave both figures no time)."""
    facts = _facts(_RELAPSE + [("body", "With a median follow-up of 20.1 months, estimates at 2 years were: event-free "
                                        "survival 68.2% (95% CI, 51.0-80.4) and overall survival 79.5% (63.3-89.1).")])
    assert {("EFS", "inotuzumab", 68.2, "2y"), ("OS", "inotuzumab", 79.5, "2y")} <= {
        (e, "inotuzumab", v, t) for e, _, v, t in facts}


def test_a_drug_the_subgroup_was_refractory_to_is_not_the_arm():
    """Regression: refractory_to_drug_taken_as_arm ('Among patients whose disease was refractory to lenalidomide, the
    18-month figures were 63.0% and 27.4%' gave the first figure the arm lenalidomide)."""
    facts = _facts([("title", "Talquetamab plus pomalidomide versus elotuzumab plus pomalidomide in myeloma: the Dunlin "
                              "trial"),
                    ("body", "Patients were randomly assigned to talquetamab plus pomalidomide (TP) or elotuzumab plus "
                             "pomalidomide (EP)."),
                    ("body", "At 18 months, progression-free survival was 58.1% with TP and 30.2% with EP. Among patients "
                             "whose disease was refractory to lenalidomide, the 18-month figures were 63.0% and 27.4%.")])
    assert ("PFS", "talquetamab", 63.0, "18mo") in facts


_FENCE = [("title", "Blinatumomab added to consolidation chemotherapy in adults with ALL (Fence): a randomised, phase 3 "
                    "trial"),
          ("body", "Adults in remission were randomly assigned to blinatumomab plus chemotherapy (BC; n = 240) or "
                   "chemotherapy alone (CA; n = 238).")]


@pytest.mark.parametrize("sentence, number", [
    ("In the BC group, one 28-day cycle of blinatumomab preceded each of the first four chemotherapy blocks.", 4.0),
    ("Among the 90 patients who were MRD-positive at randomisation, 3-year overall survival was 79.0% with BC.", 90.0),
    ("Febrile neutropenia occurred in 111 patients with BC and 104 with CA.", 111.0),
    ("At the data cutoff, disease had progressed or the patient had died in 58 patients in the BC group and 97 in the CA "
     "group.", 58.0),
    ("The trial was powered (80%) to detect an HR of 0.60 with 470 patients.", 470.0),
])
def test_counts_of_blocks_subgroups_events_and_design_are_no_enrolment(sentence, number):
    """Regression: event_and_design_counts_read_as_enrolment ('first four chemotherapy blocks', 'Among the 92 patients
    who were MRD-positive', 'Febrile neutropenia occurred in 118 patients with BC', 'had died in 61 patients in the TP
    group', 'powered (80%) to detect an HR of 0.55 with 318 patients' were each read as an enrolment)."""
    records = _records(_FENCE + [("body", sentence)])
    assert not any(r.endpoint == "ENROLLED" and r.value == number for r in records)


def test_of_the_patients_who_were_mrd_positive_defines_the_cohort():
    """Negative rule: 'Of the 94 adults who were MRD positive ..., 51 received a bridge and the other 43 went straight to
    transplant' sizes the registry's cohort, unlike 'Among the 92 patients who were MRD-positive, ...'."""
    records = _records([("title", "Blinatumomab bridging before allogeneic transplant in MRD-positive adults"),
                        ("body", "Of the 94 adults who were MRD positive in first remission and had a donor, 51 received "
                                 "a blinatumomab bridge and the other 43 went straight to transplant.")])
    assert any(r.endpoint == "ENROLLED" and r.value == 94.0 for r in records)


@pytest.mark.parametrize("sentence, number", [
    ("93% of CRS events occurred after a step-up dose.", 93.0),
    ("In our own pilot of 38 adults the 2-year relapse-free survival was 74%.", 74.0),
])
def test_shares_of_events_and_the_authors_pilot_are_no_results(sentence, number):
    """Regression: event_share_and_own_pilot_read_as_results ('93% of CRS events occurred after a step-up dose' was a
    CRS rate; 'In our own pilot of 38 adults the 2-year RFS was 74%' was the report's RFS)."""
    records = _records(_FENCE + [("body", sentence)])
    assert not any(r.value == number and r.trial == "Fence" for r in records)


_TKI_REGISTRY = [("title", "Allogeneic transplantation versus continued tyrosine kinase inhibitor therapy in first "
                           "remission of Ph+ ALL: a registry study"),
                 ("body", "Of the 540 adults included, 221 underwent HCT in first remission and the remaining 319 "
                          "continued a TKI without transplant.")]


def test_the_remaining_patients_who_continued_a_drug_without_transplant_size_the_control():
    """Regression: continued_a_tki_count_unsized ('the remaining 365 continued a TKI without transplant' sized no arm)."""
    enrolled = {r.value: r.arm for r in _records(_TKI_REGISTRY) if r.endpoint == "ENROLLED"}
    assert enrolled[540.0] is None and enrolled[221.0] and enrolled[319.0] and enrolled[221.0] != enrolled[319.0]


def test_a_landmark_in_the_clause_a_colon_closes_dates_the_list_after_it():
    """Regression: colon_clause_landmark_lost ('The benefit of transplant at 4 years was confined to patients ... (n =
    198): OS 61.0% vs 38.7%' gave the figures no time, nor 'Among the 414 with CMR, it was 65.2% vs 66.9%')."""
    facts = _facts(_TKI_REGISTRY + [("body", "The benefit of transplant at 4 years was confined to patients whose "
                                             "transcripts were still detectable at day 90 (n = 180): OS 60.1% vs 37.2%. "
                                             "Among the 360 with CMR, it was 64.0% vs 65.5%.")])
    assert {(v, t) for e, _, v, t in facts if e == "OS"} == {(60.1, "4y"), (37.2, "4y"), (64.0, "4y"), (65.5, "4y")}


def test_an_event_with_an_appositive_counts_patients_and_a_bare_given_names_the_arm():
    """Regression: appositive_event_count_and_bare_given_arm ('Sinusoidal obstruction syndrome, the feared complication
    of the drug class, developed in 9 children given Sextant (8.4%) ... and in 2 (1.9%) given chemotherapy' gave an
    enrolment of 9 and the second share the first arm)."""
    records = _records(_RELAPSE + [("body", "Sinusoidal obstruction syndrome, the feared complication of the drug class, "
                                            "developed in 8 children given inotuzumab (7.5%) and in 2 (1.9%) given "
                                            "chemotherapy.")])
    assert {(r.arm, r.value) for r in records if r.endpoint == "VOD"} == {("inotuzumab", 7.5), ("chemotherapy", 1.9)}
    assert not any(r.endpoint == "ENROLLED" and r.value == 8.0 for r in records)


_INFANT_RESULT = ("body", "At 2 years, event-free survival was 70.4% with blinatumomab and 47.5% with chemotherapy alone.")


@pytest.mark.parametrize("opening", [
    "Infants lived longer, according to results from Rowan, a randomised phase 3 trial presented today. Rowan enrolled "
    "infants in 71 hospitals.",
    "Infants lived longer in the randomised trial, called Rowan, which ran in 71 hospitals; Rowan was funded by charities.",
])
def test_a_study_named_in_apposition_or_called_by_name_is_the_report_study_and_randomised(opening):
    """Regression: appositive_name_and_randomised_adjective ('results from Wherry, a randomised phase 3 trial' named no
    study, and the adjective 'randomised' did not stop the report being read as single-arm, so the control's figure
    took the study drug as its arm)."""
    records = _records([("title", "Blinatumomab added to chemotherapy improves survival in infants with leukaemia"),
                        ("body", opening), _INFANT_RESULT])
    assert {(r.trial, r.arm, r.value) for r in records} == {("Rowan", "blinatumomab", 70.4), ("Rowan", "chemotherapy", 47.5)}


def test_a_randomised_trial_that_is_only_planned_leaves_a_single_arm_report_single_arm():
    """Negative rule: 'a randomised trial of the combination is planned' describes future work, not the report's design."""
    records = _records([("title", "Ponatinib and blinatumomab in older adults with Ph+ ALL: a phase 2 study"),
                        ("body", "We treated 40 older adults with ponatinib and blinatumomab. A randomised phase 3 trial "
                                 "of the combination is planned."),
                        ("body", "Complete molecular response was reached by 28 of 40 patients (70.0%).")])
    assert {r.arm for r in records if r.endpoint == "MRD_NEG"} in ({"ponatinib"}, {"blinatumomab"})  # the study therapy


def _trials_under_title(title: str) -> set:
    """The trials of a two-arm report registered as NCT09111111 whose title is the one given."""
    return {r.trial for r in _records([
        ("title", title),
        ("body", "Adults were randomly assigned to blinatumomab or chemotherapy. The trial is registered with "
                 "ClinicalTrials.gov, NCT09111111."),
        ("body", "Complete remission was reached by 44.0% with blinatumomab and 25.0% with chemotherapy.")])}


@pytest.mark.parametrize("title, name", [
    ("The Foxglove Study: blinatumomab versus chemotherapy in adults with relapsed ALL", "Foxglove"),
    ("Foxglove 2: blinatumomab versus chemotherapy in adults with relapsed ALL", "Foxglove 2"),
    ("Blinatumomab versus chemotherapy in relapsed ALL: the Foxglove randomized clinical trial", "Foxglove"),
])
def test_title_shapes_naming_the_study_by_a_word(title, name):
    """Regression: title_name_shapes_missed ('The X Study: ...', a numbered 'X 2: ...', 'the X randomized clinical
    trial' named no study, so records carried the registry number)."""
    assert _trials_under_title(title) == {name}


@pytest.mark.parametrize("sentence", [
    "Complete remission was reached by 44.0% in the intervention group and 25.0% in the control group.",
    "Complete remission was reached by 44.0% of blinatumomab-treated patients and 25.0% of chemotherapy-treated patients.",
    "Complete remission: 44.0% (blinatumomab) vs 25.0% (chemotherapy).",
    "Complete remission was reached by 44.0% under blinatumomab and 25.0% under chemotherapy.",
    "Complete remission was 44.0% versus 25.0% for blinatumomab and chemotherapy, respectively.",
    "Blinatumomab produced complete remission in 44.0%, chemotherapy in 25.0%.",
])
def test_two_arm_phrasings_give_each_figure_its_arm(sentence):
    """Regression: under_arm_preposition ('44.0% under blinatumomab and 25.0% under chemotherapy' gave both figures
    the first arm); the other phrasings pin the two-arm readings around it."""
    facts = _facts([("title", "Blinatumomab versus chemotherapy in relapsed ALL: the Foxglove trial"),
                    ("body", "Adults were randomly assigned to blinatumomab or chemotherapy."), ("body", sentence)])
    assert {(a, v) for e, a, v, _ in facts if e == "CR"} == {("blinatumomab", 44.0), ("chemotherapy", 25.0)}


def test_bare_responses_seen_in_patients_per_dose_level_are_response_rates():
    """Regression: bare_responses_unread ('Responses were seen in 5 of 8 patients at 1.0 mg (62.5%), 7 of 10 at 1.3 mg
    (70.0%), and all 12 at 1.6 mg (100%)' gave no response rate)."""
    facts = _facts([("title", "NCT09876543: elranatamab with iberdomide in relapsed myeloma, a phase 1b dose-escalation "
                              "study"),
                    ("body", "Responses were seen in 4 of 6 patients at 1.0 mg (66.7%), 9 of 12 at 1.3 mg (75.0%), and "
                             "all 10 at 1.6 mg (100%).")])
    assert {v for e, _, v, _ in facts if e == "ORR"} == {66.7, 75.0, 100.0}


def test_patients_dosed_or_treated_before_a_protocol_change_are_no_sample():
    """Negative rule: 'after the first 10 adults had been dosed' dates a protocol change; a pluperfect count is no
    enrolment."""
    records = _records([("title", "Inotuzumab ozogamicin in relapsed ALL: a phase 2 study"),
                        ("body", "Adults were treated first, and children became eligible after the first 12 adults had "
                                 "been dosed.")])
    assert not any(r.endpoint == "ENROLLED" and r.value == 12.0 for r in records)


@pytest.mark.parametrize("title, name", [
    ("Blinatumomab versus chemotherapy in relapsed ALL: the Kestrel-ALL trial", "Kestrel-ALL"),
    ("Blinatumomab versus chemotherapy in relapsed ALL (KESTREL-ALL)", "KESTREL-ALL"),
])
def test_study_names_with_a_disease_suffix_or_a_closing_bracketed_acronym(title, name):
    """Regression: suffixed_and_bracketed_title_names_missed ('the Kestrel-ALL trial' and a title closed by
    '(KESTREL-ALL)' named no study)."""
    assert _trials_under_title(title) == {name}


@pytest.mark.parametrize("title", [
    "Blinatumomab versus chemotherapy in diffuse large B-cell lymphoma (DLBCL)",
    "Blinatumomab versus chemotherapy before transplantation (HSCT)",
])
def test_a_term_in_brackets_closing_a_title_names_no_study(title):
    """Negative rule: '(DLBCL)', '(HSCT)' closing a title are terms, not acronyms of a study."""
    assert _trials_under_title(title) == {"NCT09111111"}


@pytest.mark.parametrize("separator", ["; ", ", "])
def test_a_name_bracketed_with_the_registry_number_after_the_study_noun_names_the_study(separator):
    """Regression: bracketed_name_with_registry_missed ('phase 3 trial (Foxglove; NCT09111111)' named no study: the
    bracket held the registry number too)."""
    records = _records([("title", "Blinatumomab versus chemotherapy in relapsed ALL"),
                        ("body", f"In this open-label phase 3 trial (Foxglove{separator}NCT09111111), adults were "
                                 "randomly assigned to blinatumomab or chemotherapy."),
                        ("body", "Complete remission was reached by 44.0% with blinatumomab and 25.0% with chemotherapy.")])
    assert {r.trial for r in records} == {"Foxglove"}
