"""Rule classes of issue 11, round 21: a study named in brackets after the study noun or in a byline; lower-case
product codes defined as constructs; strategy comparisons sized in words ('the other 90 were managed without one'),
radiotherapy against observation, and the pooled results given before a strategy split.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.arms import find_arms
from extractors.evidence.extract import extract_evidence
from schemas.document import Cell, Table
from tests.test_evidence_report_rules import SHA, _doc


def _records(paragraphs) -> list:
    return list(extract_evidence(_doc(paragraphs)))


def _facts(paragraphs) -> set:
    return {(r.endpoint, r.arm, r.value, r.timepoint) for r in _records(paragraphs)}


_RANDOMISED_OPENING = ("In a 1:1 ratio we randomly assigned adults to venetoclax with azacitidine (VenAza) or to "
                       "intensive chemotherapy (IC). The trial is registered with ClinicalTrials.gov, NCT09911223.")
_RANDOMISED_RESULT = ("body", "Complete remission was reached by 88 of 140 patients (62.9%) in the VenAza group and by "
                              "70 of 139 (50.4%) in the IC group.")


@pytest.mark.parametrize("opening", [
    "In this multicenter, open-label phase 3 trial (Heathrow), patients were enrolled at 40 sites. " + _RANDOMISED_OPENING,
    "Within the randomized study (Heathrow) we enrolled older adults. " + _RANDOMISED_OPENING,
])
def test_a_study_named_in_brackets_after_the_study_noun_outranks_its_registry_number(opening):
    """Regression: bracketed_name_lost_to_nct (an NEJM abstract's 'phase 3 trial (Tollgate)' was not read as the
    study's name, so every record carried the registry number instead)."""
    records = _records([("title", "Venetoclax and Azacitidine versus Intensive Chemotherapy in Older Adults with AML"),
                        ("body", opening), _RANDOMISED_RESULT])
    assert {r.trial for r in records} == {"Heathrow"}


@pytest.mark.parametrize("byline", [
    "Ana Ruiz, M.D., Kofi Mensah, M.D., and Lin Chen, Ph.D., for the Heathrow Investigators",
    "P. Novak, R. Singh and E. Walsh, for the Heathrow Study Group",
])
def test_a_byline_for_the_x_investigators_names_the_study(byline):
    """Regression: byline_name_ignored (the journal convention 'for the X Investigators' named no study)."""
    records = _records([("title", "Venetoclax and Azacitidine versus Intensive Chemotherapy in Older Adults with AML"),
                        ("body", byline), ("body", _RANDOMISED_OPENING), _RANDOMISED_RESULT])
    assert {r.trial for r in records} == {"Heathrow"}


def test_a_byline_naming_a_cooperative_group_names_no_study():
    """Negative rule: 'for the Nordic Study Group' names a group (stoplisted word), not the study."""
    records = _records([("title", "Venetoclax and Azacitidine versus Intensive Chemotherapy in Older Adults with AML"),
                        ("body", "Ana Ruiz, M.D., for the Nordic Study Group"), ("body", _RANDOMISED_OPENING),
                        _RANDOMISED_RESULT])
    assert {r.trial for r in records} == {"NCT09911223"}


_CONSTRUCT_STUDY = [
    ("title", "Hospital-made dual-target CAR T cells in relapsed B-cell lymphoma"),
    ("body", "The phase 1 study, registered as KCT0012345, tested lx19-22.B7, a tandem construct aimed at CD19 and CD22, "
             "in adults whose lymphoma had relapsed after at least two lines, including polatuzumab in most cases."),
    ("body", "Eighteen patients were infused. The best overall response was seen in 15 of 18 (83.3%), and 12-month "
             "progression-free survival was 51.2%."),
]


def test_a_lower_case_product_code_defined_as_a_construct_is_the_study_therapy():
    """Regression: lowercase_dotted_code_not_a_product ('tested bi22-19.K4, a bicistronic construct' was no product:
    the records took a drug the patients had received before)."""
    assert {r.arm for r in _records(_CONSTRUCT_STUDY)} == {"lx19-22.b7"}


def test_complete_remission_with_or_without_full_blood_count_recovery_is_the_composite():
    """Regression: hyphenated_blood_count_recovery ('with or without full blood-count recovery' was read as CR)."""
    facts = _facts([("title", "A phase 2 study of obecabtagene autoleucel in relapsed ALL"),
                    ("body", "Complete remission with or without full blood-count recovery was reached by 20 of 25 "
                             "patients (80.0%) by day 28.")])
    assert ("CR_CRI", "obecabtagene autoleucel", 80.0, "d28") in facts


def test_a_subgroup_at_that_point_takes_the_landmark_just_given():
    """Regression: at_that_point_not_a_landmark ('among the nine patients with X, event-free survival at that point
    was 55.6%' lost the 12-month landmark of the figure before it)."""
    facts = _facts([("title", "A phase 2 study of obecabtagene autoleucel in relapsed ALL"),
                    ("body", "At 12 months, event-free survival was 61.0%; among the eleven patients with TP53 "
                             "mutations, event-free survival at that point was 45.5%.")])
    assert ("EFS", "obecabtagene autoleucel", 45.5, "12mo") in facts


_REGISTRY_SPLIT = [
    ("title", "Consolidative allogeneic transplantation after tisagenlecleucel in young adults: a registry cohort study"),
    ("body", "Findings 402 patients were infused. By day 28, 330 (82.1%) were in complete remission. Of those in remission "
             "at day 90, 140 of them went on to an allograft and the other 150 were managed without one. 2-year "
             "event-free survival was 64.3% in the allograft group; without transplant, 44.0%."),
]


def test_a_registry_split_in_words_activates_the_transplant_comparison():
    """Regression: split_managed_without_one (a registry sizing its sides as '121 of them went on to an allograft and
    the other 226 were managed without one' compared nothing, so every figure took the CAR-T product)."""
    facts = _facts(_REGISTRY_SPLIT)
    assert {("ENROLLED", "allogeneic transplant", 140.0, None), ("ENROLLED", "no transplant", 150.0, None),
            ("EFS", "allogeneic transplant", 64.3, "2y"), ("EFS", "no transplant", 44.0, "2y")} <= facts


def test_a_pooled_result_before_a_strategy_split_belongs_to_no_side():
    """Regression: pooled_result_took_first_side (the remission rate of every infused patient, given before the
    transplant decision, was attributed to the transplant side)."""
    assert ("CR", None, 82.1, "d28") in _facts(_REGISTRY_SPLIT)


def test_a_previous_allograft_is_history_not_the_transplant_side():
    """Negative rule: 'patients with no previous allograft (n = 243)' is a subgroup, not the transplant arm's size."""
    facts = _facts(_REGISTRY_SPLIT + [("body", "In patients with a previous allograft (n = 61) the figures were "
                                               "50.0% and 41.2%.")])
    assert not any(f[0] == "ENROLLED" and f[2] == 61.0 and f[1] == "allogeneic hsct" for f in facts)


def test_radiotherapy_against_observation_is_a_strategy_comparison():
    """Regression: radiotherapy_vs_observation_arms (a title setting consolidative radiotherapy against observation
    left the arms to the chemotherapy everyone had received)."""
    facts = _facts([
        ("title", "Involved-Site Radiotherapy vs Observation After R-CHOP in Early-Stage Bulky Lymphoma"),
        ("body", "One hundred forty patients qualified. Sixty-one went on to radiotherapy; the remaining 79 were observed."),
        ("body", "Four-year PFS was 88.5% after radiotherapy; with observation alone it was 80.0% (HR, 0.61; 95% CI, "
                 "0.30-1.22)."),
    ])
    assert {("ENROLLED", "radiotherapy", 61.0, None), ("ENROLLED", "observation", 79.0, None),
            ("PFS", "radiotherapy", 88.5, "4y"), ("PFS", "observation", 80.0, "4y"),
            ("PFS", "radiotherapy", 0.61, None)} <= facts


_ALLOCATION_STUDY = [
    ("title", "Blinatumomab instead of a second consolidation block in adults with standard-risk B-ALL: a prospective "
              "study (CTRI/2024/11/071122)"),
    ("body", "Methods: Adults in first remission were allocated, by drug supply at the time, to two cycles of "
             "blinatumomab or to the second consolidation block of chemotherapy (CB2) of the national protocol."),
    ("body", "Results: 96 adults were allocated: blinatumomab (n = 50) or CB2 (n = 46). Two-year DFS was 74.0% after "
             "blinatumomab and 58.7% after CB2. This non-randomized comparison was prospective."),
]


def test_a_protocol_block_code_after_the_comparator_names_the_control_arm():
    """Regression: protocol_code_not_an_arm ('the third block of chemotherapy (HC3)' defined nothing, so 'after HC3'
    took the study drug)."""
    facts = _facts(_ALLOCATION_STUDY)
    assert {("ENROLLED", "chemotherapy", 46.0, None), ("DFS", "chemotherapy", 58.7, "2y")} <= facts


def test_a_non_randomised_study_allocating_to_alternatives_has_two_arms():
    """Regression: allocation_read_as_single_arm ('non-randomized' made a study that allocated its patients to one of
    two treatments a single-arm study, so every figure took the study drug)."""
    assert ("DFS", "blinatumomab", 74.0, "2y") in _facts(_ALLOCATION_STUDY)
    assert not any(f[1] == "blinatumomab" and f[2] == 58.7 for f in _facts(_ALLOCATION_STUDY))


def test_a_study_name_in_brackets_after_the_comparator_is_no_arm_abbreviation():
    """Negative rule: '... plus chemotherapy (MAPLE; NCT...)' names the study, not the chemotherapy arm."""
    records = _records([
        ("title", "Ponatinib Plus Blinatumomab Versus Imatinib Plus Chemotherapy in Ph-Positive ALL: The MAPLE Trial"),
        ("body", "Adults were randomly assigned to ponatinib plus blinatumomab, or to imatinib plus chemotherapy (MAPLE; "
                 "NCT09988776). Of 200 patients, 101 were assigned to ponatinib plus blinatumomab and 99 to imatinib "
                 "plus chemotherapy. Three-year EFS was 77.0% and 61.2%, respectively."),
    ])
    assert {r.trial for r in records} == {"MAPLE"}


def test_figures_other_studies_reported_in_a_relative_clause_are_not_results():
    """Regression: relative_clause_other_trials ('the randomized trials in Europe, where 2-year EFS of 66% v 27% were
    reported' gave four records of the report's own study)."""
    facts = _facts(_ALLOCATION_STUDY + [("body", "The gain matches that of the randomized trials in Asia and Europe, "
                                                 "where 3-year DFS of 71% v 52% were reported.")])
    assert not {f for f in facts if f[2] in (71.0, 52.0)}


_TWO_ARM_OPENING = [
    ("title", "Venetoclax and Azacitidine versus Intensive Chemotherapy in Older Adults with AML"),
    ("body", "We randomly assigned patients to venetoclax with azacitidine (VenAza) or to intensive chemotherapy (IC)."),
]


def test_a_share_after_an_abbreviated_arm_in_the_singular_is_that_arms():
    """Regression: singular_patient_after_arm ('in 1 IC patient (0.7%)' gave the share to the other arm)."""
    facts = _facts(_TWO_ARM_OPENING + [("body", "Veno-occlusive disease was diagnosed in 6 VenAza patients (4.3%) and "
                                                "in 1 IC patient (0.7%).")])
    assert {("VOD", "venetoclax", 4.3, None), ("VOD", "chemotherapy", 0.7, None)} <= facts


def test_a_count_of_patients_assigned_to_an_arm_with_its_share_is_no_enrolment():
    """Regression: event_count_read_as_arm_size ('transplantation was performed in 21 patients assigned to InoLo
    (13.8%)' gave the arm an enrolment of 21)."""
    facts = _facts(_TWO_ARM_OPENING + [("body", "Allogeneic transplantation in first remission was performed in 19 "
                                                "patients assigned to VenAza (13.6%) and 25 assigned to IC (18.0%).")])
    assert not any(f[0] == "ENROLLED" for f in facts)
    assert {("ALLOHSCT", "venetoclax", 13.6, None), ("ALLOHSCT", "chemotherapy", 18.0, None)} <= facts


def test_values_after_that_of_another_quantity_are_not_the_endpoint_before():
    """Regression: that_of_relapse_read_as_nrm ('the incidence of nonrelapse mortality was 11.3% and 19.1%, and that of
    relapse 28.9% and 36.6%' gave four NRM records)."""
    facts = _facts(_TWO_ARM_OPENING + [("body", "The 2-year cumulative incidence of nonrelapse mortality was 8.2% and "
                                                "15.5%, respectively, and that of disease progression 30.1% and 33.0%.")])
    assert {f[2] for f in facts if f[0] == "NRM"} == {8.2, 15.5}


def test_a_named_program_with_a_relative_clause_reporting_figures_is_another_study():
    """Regression: named_program_which_reported ('The GRAALL-SENIOR program, which used intensive chemotherapy,
    reported CR in 90%' gave three records of the report's own study)."""
    facts = _facts(_TWO_ARM_OPENING + [("body", "The ALFA-PRIME program, which used intensive induction, reported "
                                                "complete remission in 72% of patients and 3-year overall survival of 28%.")])
    assert not {f for f in facts if f[2] in (72.0, 28.0)}


_MYELOMA_TRIAL = [
    ("title", "Elranatamab plus daratumumab versus daratumumab-bortezomib-dexamethasone in relapsed myeloma: the Marlow "
              "phase 3 trial"),
    ("body", "The phase 3 Marlow trial compared elranatamab with daratumumab (ED) against daratumumab-bortezomib-"
             "dexamethasone (DVd) in adults with one to three prior lines."),
]


def test_a_drug_refractory_subgroup_names_no_arm():
    """Regression: refractory_subgroup_drug_as_arm ('In lenalidomide-refractory patients, ... (70.8% vs 41.2%)' gave
    both values to lenalidomide, a drug the patients had before)."""
    facts = _facts(_MYELOMA_TRIAL + [("body", "PFS at 18 months was 71.0% with ED and 50.2% with DVd. In "
                                              "pomalidomide-exposed patients the gap was similar (66.1% vs 40.0%).")])
    assert not any(f[1] == "pomalidomide" for f in facts)
    assert {f[1] for f in facts if f[2] == 66.1} == {f[1] for f in facts if f[2] == 71.0}
    assert {f[1] for f in facts if f[2] == 40.0} == {f[1] for f in facts if f[2] == 50.2}


def test_a_subgroups_share_of_the_population_is_no_result():
    """Regression: population_share_read_as_rate ('patients, who made up 78% of the trial' gave a PFS of 78%)."""
    facts = _facts(_MYELOMA_TRIAL + [("body", "PFS at 18 months was 71.0% with ED and 50.2% with DVd. In high-risk "
                                              "patients, who made up 31% of the trial, the figures were 63.0% and 41.9%.")])
    assert not any(f[2] == 31.0 for f in facts)


def test_a_pair_of_fractions_set_against_each_other_gives_each_arm_its_share():
    """Regression: fraction_pair_not_compared ('48/64 (75.0%) v 24/54 (44.4%)' and 'the corresponding numbers were
    53/64 (82.8%) and 29/54 (53.7%)' gave every share to the study drug)."""
    facts = _facts(_MYELOMA_TRIAL + [("body", "MRD negativity at 10^-5 was reached by 61/150 (40.7%) v 20/148 (13.5%) "
                                              "patients; by flow cytometry the corresponding numbers were 70/150 (46.7%) "
                                              "and 31/148 (20.9%).")])
    assert {("MRD_NEG", "daratumumab-bortezomib-dexamethasone", 13.5, None),
            ("MRD_NEG", "daratumumab-bortezomib-dexamethasone", 20.9, None)} <= facts


def test_transplantation_followed_in_n_patients_is_the_transplant_rate():
    """Regression: transplantation_followed_not_an_endpoint ('Transplantation followed in 60 of 64 (93.8%)' gave
    nothing)."""
    facts = _facts([("title", "A phase 2 study of blinatumomab before transplantation in relapsed ALL"),
                    ("body", "Transplantation followed in 38 of 45 (84.4%) patients, at a median of 41 days.")])
    assert ("ALLOHSCT", "blinatumomab", 84.4, None) in facts


_POSTER = [("title", "Harbourline: a phase 1 study of the academic CD19 CAR HB19.v3 in adults with relapsed ALL")]


def _dated(paragraphs) -> set:
    return {(r.endpoint, r.value, r.timepoint) for r in _records(paragraphs)}


def test_a_landmark_list_item_after_a_semicolon_takes_its_own_landmark():
    """Regression: second_list_landmark_read_as_median ('Event-free survival, 6 months: 67.9%; 12 months: 46.2%' read
    '12 months' as a median and dated 46.2% at 6 months)."""
    facts = _dated(_POSTER + [("body", "• Overall survival, 6 months: 88.0% (95% CI 70.2-95.6); 12 months: 71.9% "
                                       "(51.0-85.1).")])
    assert {("OS", 88.0, "6mo"), ("OS", 71.9, "12mo")} == {f for f in facts if f[0] == "OS"}


def test_a_bare_number_after_by_takes_the_unit_of_the_landmark_before_it():
    """Regression: bare_by_number_landmark ('89.3% at 6 months, slipping to 64.3% by 12' dated both at 6 months)."""
    facts = _dated(_POSTER + [("body", "• Event-free survival was 70.1% at 6 months, falling to 52.2% by 12.")])
    assert ("EFS", 52.2, "12mo") in facts


def test_mrd_that_had_fallen_below_a_threshold_is_mrd_negativity():
    """Regression: mrd_had_fallen_below ('flow MRD had fallen below 0.01% in 21 (75.0%)' was read as CR/CRi)."""
    facts = _dated(_POSTER + [("body", "• Day-28 marrow: 20 of 24 adults (83.3%) were in CR or CRi, and flow MRD had "
                                       "fallen below 0.01% in 17 (70.8%).")])
    assert ("MRD_NEG", 70.8, "d28") in facts


def test_the_overall_figures_at_a_new_time_restate_the_list_before():
    """Regression: figures_slipped_to_not_restated ('By 18 months the overall figures had slipped to 49.1% and 63.6%'
    gave no records)."""
    facts = _dated(_POSTER + [("body", "At 12 months, event-free survival was 55.0% and overall survival 70.0%. By 24 "
                                       "months the overall figures had fallen to 41.3% and 58.8%.")])
    assert {("EFS", 41.3, "24mo"), ("OS", 58.8, "24mo")} <= facts


def test_values_at_the_same_landmarks_take_the_listed_landmarks_in_order():
    """Regression: same_landmarks_undated ('OS, same landmarks: 93.5% / 90.1%' after two PFS landmarks gave undated
    rates)."""
    facts = _dated(_POSTER + [("body", "• PFS at 12 mo 60.0% (95% CI 44.1-72.7); at 24 mo, 48.5% (32.9-62.5)."),
                              ("body", "• OS, same landmarks: 81.8% / 69.7%.")])
    assert {("OS", 81.8, "12mo"), ("OS", 69.7, "24mo")} <= facts


def test_a_press_release_saying_a_outperformed_b_compares_two_arms():
    """Regression: outperformed_not_a_comparison ('Talquetamab plus pomalidomide outperformed pomalidomide-bortezomib-
    dexamethasone' set no arms against each other, so bare pairs of values had no arm)."""
    facts = _facts([
        ("title", "Rivermead regimen halves the risk of progression in relapsed myeloma, Kestle phase 3 trial shows"),
        ("body", "Elranatamab plus pomalidomide outperformed pomalidomide-bortezomib-dexamethasone in the interim analysis."),
        ("body", "Kestle enrolled 402 patients; 268 were randomized to Rivermead and 134 to pomalidomide, bortezomib and "
                 "dexamethasone (PVd)."),
        ("body", "About two in three patients on Rivermead were alive without progression at 18 months (66.0%); for PVd "
                 "the figure was 44.1%. In patients with high-risk cytogenetics, the gap was similar (61.5% vs 38.0%)."),
    ])
    assert {f[1] for f in facts if f[2] == 61.5} == {"elranatamab"}
    assert {f[1] for f in facts if f[2] == 38.0} == {"pomalidomide-bortezomib-dexamethasone"}


def test_a_title_led_by_a_name_and_a_spaced_hyphen_names_the_study():
    """Regression: title_name_before_spaced_hyphen ('Hayloft - single-arm phase 2 of ...' named no study)."""
    records = _records([("title", "Brackley - single-arm phase 2 of obecabtagene autoleucel in older adults with ALL: "
                                  "evidence card"),
                        ("body", "• Best overall response 81.3% (26/32).")])
    assert {r.trial for r in records} == {"Brackley"}


def test_a_code_after_the_word_construct_is_the_study_therapy():
    """Regression: construct_then_code ('tested the academic construct HLy30-4K' gave no study therapy)."""
    records = _records([("title", "Home-made CD30 CAR T cells in relapsed Hodgkin lymphoma"),
                        ("body", "The first-in-human study tested the academic construct KLy30-7B, which pairs a CD30 "
                                 "binder with 4-1BB signalling. The best overall response was 80.0% (16 of 20).")])
    assert {r.arm for r in records} == {"kly30-7b"}


def test_patients_free_of_progression_and_responses_kept_are_pfs_and_dor():
    """Regression: free_of_progression_read_as_os, kept_their_response_not_dor ('55.6% of patients were free of
    progression and 92.6% were alive' gave OS twice; 'Responders kept their response for a median of 13.8 months'
    gave nothing)."""
    facts = _facts([("title", "A phase 2 study of brentuximab vedotin in relapsed Hodgkin lymphoma"),
                    ("body", "Responders kept their response for a median of 15.2 months. At one year, 61.0% of "
                             "patients were free of progression and 90.2% were alive.")])
    assert {("DOR", "brentuximab vedotin", 15.2, None), ("PFS", "brentuximab vedotin", 61.0, "1y"),
            ("OS", "brentuximab vedotin", 90.2, "1y")} <= facts


_TANDEM_REGISTRY = [
    ("title", "Tandem versus single autologous transplantation in high-risk myeloma: a registry landmark analysis"),
    ("body", "Findings 940 patients met the landmark condition; 260 of them went on to a planned second autograft, and "
             "the remaining 680 stopped after one. 3-year PFS was 58.1% after tandem HSCT; after a single transplant, "
             "47.7% (adjusted HR 0.75)."),
]


def test_tandem_against_single_transplant_is_a_strategy_comparison():
    """Regression: tandem_vs_single_arms (a registry comparing a second autograft with one gave every figure to no arm
    or to the induction drugs)."""
    facts = _facts(_TANDEM_REGISTRY)
    assert {("ENROLLED", "tandem autologous hsct", 260.0, None), ("ENROLLED", "single autologous hsct", 680.0, None),
            ("PFS", "tandem autologous hsct", 58.1, "3y"), ("PFS", "single autologous hsct", 47.7, "3y"),
            ("PFS", "tandem autologous hsct", 0.75, None)} <= facts


def test_a_p_value_column_is_no_result():
    """Regression: p_value_column_read_as_landmark (a table's 'p value' column gave landmarks of 0.0013 and 0.21)."""
    header = ("Outcome", "Tandem HSCT (n=260)", "Single HSCT (n=680)", "Adjusted HR (95% CI)", "p value")
    texts = ("3-year OS, % (95% CI)", "80.4 (74.9-84.8)", "77.0 (73.6-80.0)", "0.88 (0.66-1.17)", "0.0090")
    table = Table(table_id=f"{SHA[:12]}:Table 2", label="Table 2", page=1, header=header,
                  caption="Table 2: Outcomes from the landmark",
                  rows=(tuple(Cell(row=0, col=c, text=t, page=1, bbox=(10.0 * c, 10.0, 10.0 * c + 9, 19.0))
                              for c, t in enumerate(texts)),))
    doc = _doc(_TANDEM_REGISTRY, (table,))
    values = {r.value for r in extract_evidence(doc) if r.source == "table"}
    assert 80.4 in values and 0.009 not in values


def test_free_of_progression_through_a_time_is_that_landmark_for_the_arm_named_after():
    """Regression: through_months_not_a_landmark ('84.1% of patients assigned to PV remained free of progression
    through 30 months, compared with 68.0% assigned to VR' gave an undated rate and a 30-month median)."""
    facts = _facts([("title", "Pirtobrutinib plus venetoclax versus venetoclax plus rituximab in relapsed CLL"),
                    ("body", "We randomly assigned patients to pirtobrutinib plus venetoclax (PV) or venetoclax plus "
                             "rituximab (VR)."),
                    ("body", "In all, 80.2% (95% CI, 74.0 to 85.0) of patients assigned to PV remained free of "
                             "progression through 24 months, compared with 61.5% (95% CI, 54.9 to 67.4) assigned to VR.")])
    assert ("PFS", "pirtobrutinib", 80.2, "24mo") in facts
    assert ("PFS", "venetoclax", 61.5, "24mo") in facts
    assert not any(f[3] is None and f[2] == 24.0 for f in facts)


_MATCHED_COHORT = [
    ("title", "Blinatumomab then inotuzumab as first salvage for relapsed B-ALL: a prospective study with a matched "
              "chemotherapy cohort (UMIN000099001)"),
    ("body", "Methods: Adults in first relapse received two cycles of blinatumomab and then inotuzumab (the BI sequence). "
             "Contemporaneous patients given FLAG-IDA (FI) as first salvage formed the comparison cohort."),
    ("body", "Results: After salvage, CR/CRi was documented in 40 BI patients (76.9%) v 35 FI patients (47.3%)."),
]


def test_a_study_with_its_own_comparison_cohort_has_two_arms():
    """Regression: matched_cohort_read_as_single_arm (a prospective study 'with a matched chemotherapy cohort' was read
    as single-arm, so the comparison cohort's figures took the study drug)."""
    facts = _facts(_MATCHED_COHORT)
    assert ("CR_CRI", "chemotherapy", 47.3, None) in facts


def test_a_chemotherapy_regimen_set_against_a_new_drug_is_the_chemotherapy_arm():
    """Regression: salvage_regimen_not_the_comparator ('FLAG-IDA (FI)' was a study drug, not the chemotherapy arm)."""
    arms = find_arms("Patients given FLAG-IDA or hyper-CVAD as first salvage formed the comparison cohort.")
    assert [(a.arm, a.control) for a in arms] == [("chemotherapy", True), ("chemotherapy", True)]


def test_an_exploratory_analysis_is_the_reports_own():
    """Regression: exploratory_analysis_other_study ('In an exploratory analysis, the best overall response was 59.0%'
    was read as another study's figure)."""
    facts = _facts([("title", "A phase 2 study of glofitamab in relapsed large B-cell lymphoma"),
                    ("body", "In an exploratory analysis, the best overall response was 61.2% in patients with "
                             "refractory disease (n = 49), with complete responses in 40.8%.")])
    assert {("ORR", "glofitamab", 61.2, None), ("CR", "glofitamab", 40.8, None)} <= facts


def test_responders_still_in_response_months_after_it_was_documented_is_a_dor_landmark():
    """Regression: remained_in_response_read_as_cr ('71.1% remained in complete response 12 months after it was first
    documented' was read as a complete response rate)."""
    facts = _facts([("title", "A phase 2 study of glofitamab in relapsed large B-cell lymphoma"),
                    ("body", "Among the 38 patients with a complete response, 68.4% remained in complete response 18 "
                             "months after it was first documented.")])
    assert ("DOR", "glofitamab", 68.4, "18mo") in facts


_POLICY_LETTER = [
    ("title", "Outcomes of an MRD-Guided Transplant Policy vs a Risk-Based Policy in Adults With ALL"),
    ("body", "Results The cohort comprised 212 adults. Under the MRD-guided policy, 120 adults were treated; under the "
             "risk-based policy, 92. HCT in first remission was performed in 25 of 120 (20.8%) vs 50 of 92 (54.3%). "
             "Three-year overall survival: 76.0% vs 63.2% (adjusted HR, 0.61)."),
]


def test_an_mrd_guided_policy_against_a_risk_based_policy_names_both_sides():
    """Regression: risk_based_policy_not_a_side (the risk-based side of an MRD-guided transplant policy comparison was
    named by a side the letter never printed, 'transplant for all', or not at all)."""
    facts = _facts(_POLICY_LETTER)
    assert {("OS", "mrd-guided", 76.0, "3y"), ("OS", "risk-based", 63.2, "3y")} <= facts


def test_a_cohort_that_comprised_n_adults_is_the_enrolment():
    """Regression: cohort_comprised_not_a_size ('The cohort comprised 187 adults' gave no enrolment)."""
    assert ("ENROLLED", None, 212.0, None) in _facts(_POLICY_LETTER)


def test_transplant_in_first_remission_performed_in_n_of_m_pairs_is_each_sides_rate():
    """Regression: transplant_in_cr1_performed, n_of_m_pair ('HCT in first remission was performed in 22 of 104 (21.2%)
    vs 46 of 83 (55.4%)' gave nothing, then both rates to one side)."""
    facts = _facts(_POLICY_LETTER)
    assert {("ALLOHSCT", "mrd-guided", 20.8, None), ("ALLOHSCT", "risk-based", 54.3, None)} <= facts


def test_a_larger_series_set_beside_our_cohort_is_another_study():
    """Regression: similar_to_our_cohort_read_as_own ('In a larger multicenter series ..., 5-year overall survival was
    67%, similar to our MRD-guided cohort' was read as the report's own figure)."""
    facts = _facts(_POLICY_LETTER + [("body", "In a larger multicenter series that used MRD at week 12 to assign HCT, "
                                              "4-year overall survival was 69% in MRD-negative adults, similar to our "
                                              "MRD-guided cohort.")])
    assert not any(f[2] == 69.0 for f in facts)


_PRESS_BULLETS = [
    ("title", "Chemotherapy-free Thimble regimen beats dasatinib plus chemotherapy in the phase 3 Saltmarsh study"),
    ("body", "Brightwater Oncology today announced results of Saltmarsh, the randomized phase 3 study comparing the Thimble "
             "regimen, a combination of ponatinib with blinatumomab, against dasatinib plus hyper-CVAD chemotherapy (DC)."),
    ("heading", "Key findings"),
    ("body", "• 230 adults enrolled at 64 sites; 152 were randomized to Thimble and 78 to DC"),
    ("body", "• Complete molecular response at 3 months: 70.4% with Thimble and 35.9% with DC (p<0.0001)"),
]


def test_a_regimen_before_its_class_word_is_spelled_by_the_class_word():
    """Regression: regimen_class_word_abbreviation ('dasatinib plus hyper-CVAD chemotherapy (DC)' defined nothing, so
    the comparator's figures went to the study drug)."""
    facts = _facts(_PRESS_BULLETS)
    assert ("ENROLLED", "dasatinib", 78.0, None) in facts


def test_a_bullet_naming_its_own_endpoint_is_its_own_sentence():
    """Regression: bullets_merged_without_periods (press-release bullets without periods were read as one sentence,
    so the second bullet's pair took the first bullet's arms or none)."""
    facts = _facts(_PRESS_BULLETS)
    assert {("MRD_NEG", "ponatinib", 70.4, "3mo"), ("MRD_NEG", "dasatinib", 35.9, "3mo")} <= facts


def test_n_adults_enrolled_at_n_sites_is_the_enrolment():
    """Regression: enrolled_participle_not_a_size ('246 adults enrolled at 71 sites' gave no enrolment)."""
    assert ("ENROLLED", None, 230.0, None) in _facts(_PRESS_BULLETS)


_CHILDHOOD_TRIAL = [
    ("title", "Blinatumomab versus standard chemotherapy in standard-risk childhood ALL: the Wharfdale trial"),
    ("body", "Children were randomly assigned to blinatumomab (BLN) or standard chemotherapy (STD)."),
]


def test_a_share_of_those_who_did_not_receive_the_drug_is_the_comparators():
    """Regression: who_did_not_took_study_arm ('in 5 children (0.7%) who received blinatumomab and in 1 (0.1%) who did
    not' gave both shares to blinatumomab; 'neurotoxic events' was no endpoint)."""
    facts = _facts(_CHILDHOOD_TRIAL + [("body", "Neurotoxic events were reported in 6 children (0.8%) who received "
                                                "blinatumomab and in 2 (0.3%) who did not.")])
    assert {("ICANS", "blinatumomab", 0.8, None), ("ICANS", "chemotherapy", 0.3, None)} <= facts


def test_patients_with_an_event_and_a_planned_enrolment_are_no_sample_sizes():
    """Negative rules: 'Arterial occlusive events were reported in 3 patients on A and 1 on B' counts patients with an
    event, and 'A total of 240 patients were planned' is the design, not an enrolment."""
    facts = _facts(_CHILDHOOD_TRIAL + [("body", "Thrombotic events were reported in 4 patients on BLN and 2 on STD. A "
                                                "total of 1200 children were planned.")])
    assert not any(f[0] == "ENROLLED" for f in facts)


def test_the_later_figure_takes_the_sentences_last_landmark():
    """Regression: later_figure_first_landmark ('...; 12 months, 54.5%; in the DL3 cohort the later figure stood at
    61.1%' dated the subgroup at 6 months), and a landmark label after a colon ('all infused patients: 6 months,
    72.7%')."""
    facts = _dated(_POSTER + [("body", "• Event-free survival, all infused patients: 6 months, 75.0% (95% CI, 55.1-87.2); "
                                       "12 months, 57.1% (36.5-73.2); in the top-dose cohort the later figure stood at "
                                       "63.6% (29.7-84.5).")])
    assert {("EFS", 75.0, "6mo"), ("EFS", 57.1, "12mo"), ("EFS", 63.6, "12mo")} <= facts


@pytest.mark.parametrize("line, word", [
    ("SAN DIEGO - A CAR T-cell product put most adults into remission.", "DIEGO"),
    ("LEEDS, England, December 7, 2026 - Aldermoor today announced the results.", "LEEDS"),
    ("BANGKOK (Reuters) - A home-made CAR T-cell product produced responses.", "BANGKOK"),
])
def test_a_news_dateline_is_no_study_name(line, word):
    """Negative rule: a dateline's place ('SAN DIEGO - ') is no study, whatever the NER tags (a retrained NER model
    tagged 'DIEGO' and 'LEEDS' and moved whole reports to them)."""
    from extractors.nlp.ner_mentions import accept_trial_name
    text = "Headline of the story\n" + line
    assert accept_trial_name(text, text.find(word), text.find(word) + len(word)) is None


@pytest.mark.parametrize("word", ["WARNINGS", "PRECAUTIONS", "PRESCRIBING", "OBSERVATIONS", "EDITOR", "GRADE"])
def test_heading_words_are_no_study_names(word):
    """Negative rule: label and letter headings ('5 WARNINGS AND PRECAUTIONS', 'To the EDITOR') are no studies."""
    from extractors.nlp.trials import rejection_reason
    assert rejection_reason(word) == "non_trial_term"


def test_a_study_name_after_a_dateline_is_still_a_study():
    """The dateline rule leaves names in the story's text: 'The TOWER trial - a phase 3 study' names TOWER."""
    from extractors.nlp.ner_mentions import accept_trial_name
    text = "SAN DIEGO - Results were presented.\nThe TOWER trial - a phase 3 study - met its endpoint."
    assert accept_trial_name(text, text.find("TOWER"), text.find("TOWER") + 5) == "TOWER"


def test_a_survival_endpoint_at_the_same_landmark_before_its_figures_takes_that_landmark():
    """Regression: same_landmark_before_values ('Leukemia-free survival at the same landmark: 64.2% v 35.6%' and
    'were alive at that landmark about as often under either policy (51.2% vs 47.6%)' gave undated rates)."""
    facts = _facts(_POLICY_LETTER + [("body", "Relapse-free survival at the same landmark: 60.1% vs 47.3%. Patients with "
                                              "MRD after consolidation (n = 38) were alive at that landmark about as "
                                              "often under either policy (52.6% vs 48.0%).")])
    assert {("RFS", "mrd-guided", 60.1, "3y"), ("RFS", "risk-based", 47.3, "3y"),
            ("OS", "mrd-guided", 52.6, "3y"), ("OS", "risk-based", 48.0, "3y")} <= facts


_SEQUENCE_STUDY = [
    ("title", "Sequential inotuzumab ozogamicin and blinatumomab as first salvage: a prospective study with a matched "
              "chemotherapy cohort (UMIN000099001)"),
    ("body", "Methods: Adults received up to two cycles of inotuzumab (0.8 mg/m2 on day 1), then up to three cycles of "
             "blinatumomab at 28 ug/day (the IB sequence). Contemporaneous patients given FLAG-IDA (FI) formed the "
             "comparison cohort."),
    ("body", "Results: 64 adults were registered and 60 started the IB sequence; the matched comparison cohort comprised "
             "90 FI recipients. In all, 22 IB patients (36.7%) had had a first remission shorter than 12 months. By the "
             "end of salvage, MRD negativity was reached by 40 of 50 IB responders (80.0%) and 15 of 45 FI responders "
             "(33.3%)."),
]


def test_a_sequence_named_in_brackets_and_the_patients_who_started_it():
    """Regression: the_x_sequence_undefined ('(the IB sequence)' defined nothing and '58 started the IB sequence' gave
    no arm's enrolment)."""
    assert ("ENROLLED", "inotuzumab", 60.0, None) in _facts(_SEQUENCE_STUDY)


def test_a_count_with_its_share_and_a_predicate_is_no_enrolment():
    """Negative rule: '21 IB patients (36%) had had a first remission shorter than 12 months' is a baseline share."""
    assert not any(f[0] == "ENROLLED" and f[2] == 22.0 for f in _facts(_SEQUENCE_STUDY))


def test_a_share_after_an_arms_responders_is_that_arms():
    """Regression: responders_after_arm ('17 of 46 FI responders (37.0%)' gave the share to the study drug)."""
    facts = _facts(_TWO_ARM_OPENING + [("body", "MRD negativity was reached by 40 of 50 VenAza responders (80.0%) and 15 "
                                                "of 45 IC responders (33.3%).")])
    assert ("MRD_NEG", "chemotherapy", 33.3, None) in facts


def test_a_strategy_columns_header_names_no_endpoint():
    """Regression: strategy_header_as_transplant_endpoint (in a registry comparing transplant with none, every baseline
    row under 'Allogeneic HSCT (n=402)' was read as a transplant rate: 'Early relapse, n (%) | 161 (40.0%)')."""
    header = ("Characteristic", "Allogeneic HSCT (n=140)", "No transplant (n=150)")
    rows = (("Early relapse, n (%)", "61 (43.6%)", "52 (34.7%)"), ("Isolated marrow relapse, n (%)", "99 (70.7%)", "90 (60.0%)"))
    table = Table(table_id=f"{SHA[:12]}:Table 1", label="Table 1", page=1, header=header,
                  caption="Table 1: Characteristics at the landmark",
                  rows=tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                                   for c, t in enumerate(row)) for r, row in enumerate(rows)))
    records = extract_evidence(_doc(_REGISTRY_SPLIT, (table,)))
    assert not [r for r in records if r.source == "table" and r.endpoint == "ALLOHSCT"]


def test_patients_in_whom_a_finding_was_present_are_no_sample_size():
    """Negative rule: 'abnormalities were present in 11 patients who stopped and 24 who continued' counts a finding."""
    facts = _facts([("title", "Stopping lenalidomide maintenance after sustained MRD negativity in myeloma"),
                    ("body", "Of 190 patients, 80 stopped lenalidomide maintenance and 110 continued lenalidomide. High-risk "
                             "cytogenetic abnormalities were present in 12 patients who stopped and 25 who continued. MRD "
                             "resurgence was detected in 8 patients who stopped and 6 who continued.")])
    assert not any(f[0] == "ENROLLED" and f[2] in (12.0, 25.0, 8.0, 6.0) for f in facts)


@pytest.mark.parametrize("number", ["IRCT20240301055512N2", "RBR-4k7p2q8", "SLCTR/2025/014"])
def test_a_study_known_only_by_a_who_primary_registry_number_takes_it(number):
    """Regression: irct_rbr_registry_unknown (a study registered only in the Iranian or Brazilian registry had no
    study, so every record lost its trial)."""
    records = _records([("title", "Blinatumomab for MRD-positive first remission in adults with B-ALL"),
                        ("body", f"This single-arm study was registered as {number}. MRD negativity after one cycle "
                                 "was reached by 30 of 40 adults (75.0%).")])
    assert {r.trial for r in records} == {number}


@pytest.mark.parametrize("title", [
    "Evidence Summary Card - Tamarisk: a single-arm phase 2 study of teclistamab with daratumumab in relapsed myeloma",
    "Tamarisk Trial: Replacing Two Chemotherapy Blocks With Blinatumomab in Relapsed Childhood ALL",
])
def test_a_title_name_after_a_genre_label_or_before_trial_names_the_study(title):
    """Regression: title_name_after_genre_label ('Evidence Summary Card - Marram: ...' and 'Foxglove Trial: ...' named
    no study)."""
    assert {r.trial for r in _records([("title", title), ("body", "The overall response rate was 84.0% (42/50).")])} \
        == {"Tamarisk"}


@pytest.mark.parametrize("sentence, arm", [
    ("The phase 1 study escalated the dose of the academic product UFG-CD19bbz across three levels.", "ufg-cd19bbz"),
    ("Drumlake: a phase 1 study of the academic CD22 CAR-T product KRC22-bb in young adults.", "krc22-bb"),
])
def test_an_academic_product_named_by_its_code_is_the_study_therapy(sentence, arm):
    """Regression: academic_product_code ('the academic product USP-CD19bbz', 'the academic CD22 CAR-T product
    KMC22-bb' left the study therapy to the lymphodepletion drugs)."""
    records = _records([("title", "Home-made CAR T cells in relapsed B-cell malignancies"), ("body", sentence),
                        ("body", "After fludarabine and cyclophosphamide, the best overall response was 70.0% (14/20).")])
    assert {r.arm for r in records} == {arm}
