"""Rule classes of issue 11, round 28: how a registered study is named (a name given in so many words, a protocol code in
a table caption, the own study described beside its registry number), comparators named as printed, policies that
differ in drugs, and value grammar (responders who became MRD-negative, value pairs after 'difference', labelled ratio
lists, per-group sizes after a regimen).

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from extractors.evidence.strategy_arms import transplant_arm_name
from extractors.nlp.trials import find_trial_mentions, rejection_reason
from tests.test_evidence_report_rules import _doc


def _records(title: str, *paragraphs: str):
    return extract_evidence(_doc([("title", title), *(("body", p) for p in paragraphs)]))


def _trials(records) -> set:
    return {r.trial for r in records}


def test_a_study_cited_in_the_background_is_not_the_study_described_beside_its_registry_number():
    """Regression: background_citation_named_own_study ('... improved survival in PELICAN' in the background, then 'This
    single-arm phase 2 study (NCT...) enrolled ...': every record went to PELICAN)."""
    records = _records("Gilteritinib with azacitidine and venetoclax in FLT3-mutated AML",
                       "Background: Gilteritinib with azacitidine improved overall survival in PELICAN, and a triplet "
                       "looked active in a pilot series.",
                       "Methods: This open-label, single-arm, phase 2 study (NCT20991234) enrolled adults unfit for "
                       "intensive chemotherapy.",
                       "Results: The composite complete remission rate was 68.2% (30 of 44).")
    assert _trials(records) == {"NCT20991234"}


_BACKGROUND = ("Relapsed acute myeloid leukaemia in children remains hard to treat, and most survivors need a transplant "
               "from a donor, which depends on a second remission that is both deep and durable. Investigators have "
               "long debated whether gentler reinduction could reach that remission without the infections and organ "
               "damage that intensive courses bring, and several groups designed trials around that question.")


def test_a_name_given_in_so_many_words_outranks_another_registry_number():
    """Regression: known_as_name_lost_to_eu_ct ('The study, known as DLG-4411, ...' with only an EU CT number: every
    record went by the registry number)."""
    records = _records("Shorter reinduction keeps children with relapsed AML in remission",
                       "Children in first relapse were randomly assigned to two courses of the new regimen or to the "
                       "standard one; complete remission was reached by 71.0% and 62.5%, respectively.",
                       *[_BACKGROUND] * 6,
                       "The study, known as DLG-4411 and run by the Danube Leukaemia Group, was funded by charities. "
                       "Its registration number is EU CT 2021-500417-11-00.")
    assert _trials(records) == {"DLG-4411"}


def test_a_protocol_code_in_a_table_caption_names_a_study_registered_elsewhere():
    """Regression: study_code_too_short (a regulatory summary's 'Table 1. Efficacy results, Study QX-2207' named nothing,
    because a two-letter part is no name, and the study went by its EudraCT number)."""
    assert rejection_reason("QX-2207", "cue_then_name") is None
    assert rejection_reason("QX-2207", "name_then_cue") is not None  # only right after a study word
    records = _records("Assessment summary: drugamab for relapsed T-cell lymphoma",
                       "The application rests on one single-arm phase 2 study (EudraCT 2022-004411-27).",
                       "Table 1. Efficacy results, Study QX-2207 (efficacy set, N = 80)\n"
                       "| Endpoint | Result |\n|---|---|\n| Objective response rate, % | 47.5 |",
                       "The objective response rate was 47.5% (38 of 80).")
    assert _trials(records) == {"QX-2207"}


def test_an_imaging_abbreviation_in_the_title_is_not_the_study():
    """Regression: pet_title_name ('... After a Negative PET: A Randomized Trial' made PET the study's name, though the
    text names the trial by a group code with its registry number)."""
    records = _records("Omitting Radiotherapy in Mediastinal Lymphoma With a Negative End-of-Treatment PET: A Randomized "
                       "Noninferiority Trial",
                       "Radiotherapy adds late toxicity. We tested whether it can be omitted in patients with a negative "
                       "positron emission tomography (PET) scan.",
                       "In the Eastern Lymphoma Group trial ABCG 3301 (ClinicalTrials.gov identifier: NCT20993301), "
                       "patients were randomly assigned to radiotherapy or to observation.",
                       "Three-year progression-free survival was 90.2% with radiotherapy and 88.7% with observation.")
    assert _trials(records) == {"ABCG 3301"}


def test_a_report_abbreviating_only_with_prefixed_forms_names_its_transplant_arm_by_them():
    """Regression: allo_hct_named_hsct (a report writing 'allo-HCT' throughout, never a bare HCT, named the arm
    'allogeneic hsct')."""
    text = "Outcomes after CAR T cells or allo-HCT. After allo-HCT, 31% had acute GVHD; Allo-HCT (n = 60)."
    assert transplant_arm_name("CAR T cells versus allogeneic transplantation", text) == "allogeneic hct"
    assert transplant_arm_name("CAR T cells versus allogeneic transplantation",
                               "Outcomes after CAR T cells or allo-HSCT; 40 underwent allo-HSCT.") == "allogeneic hsct"


def test_two_regimens_set_against_each_other_are_both_named_as_printed():
    """Regression: regimen_comparator_called_chemotherapy ('DA-EPOCH-R versus R-CODOX-M/R-IVAC': the second regimen was
    'chemotherapy', which a gold naming the regimen does not accept)."""
    records = _records("R-GDP versus R-ICE before transplant for relapsed large B-cell lymphoma: a randomised trial",
                       "Adults were randomly assigned to R-GDP or to R-ICE.",
                       "Two-year event-free survival was 41.5% with R-GDP and 44.0% with R-ICE.")
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "EFS") == [(41.5, "r-gdp"), (44.0, "r-ice")]


def test_a_guided_policy_that_adds_a_drug_is_a_drug_comparison():
    """Regression: guided_combination_named_policy ('MRD-guided A plus B versus continuous B': the experimental arm was
    'mrd-guided', though the arms differ in drugs)."""
    records = _records("MRD-Guided Venetoclax Plus Acalabrutinib Versus Continuous Acalabrutinib in Relapsed CLL",
                       "Patients were randomly assigned to MRD-guided venetoclax plus acalabrutinib or to continuous "
                       "acalabrutinib.",
                       "Estimated 24-month progression-free survival was 88.1% with the combination and 73.4% with "
                       "continuous acalabrutinib.")
    arms = {r.arm for r in records if r.endpoint == "PFS"}
    assert "mrd-guided" not in arms and "acalabrutinib" in arms and arms & {"venetoclax", "venetoclax-acalabrutinib"}


def test_one_regimen_given_two_ways_stays_a_policy_comparison():
    """The same drugs on both sides ('MRD-guided X versus fixed-duration X') keep the policy names."""
    records = _records("MRD-Guided Versus Fixed-Duration Ibrutinib Plus Venetoclax in CLL: a randomised trial",
                       "Patients were randomly assigned to MRD-guided or fixed-duration ibrutinib plus venetoclax.",
                       "Three-year progression-free survival was 95.2% in the MRD-guided arm and 93.1% in the "
                       "fixed-duration arm.")
    assert "mrd-guided" in {r.arm for r in records if r.endpoint == "PFS"}


def test_responders_who_became_mrd_negative_are_mrd_negativity():
    """Regression: became_after_noun_not_linked ('CR by 23 (62.2%); 18 of 28 (64.3%) responders became MRD-negative':
    the share took the clause before it, CR)."""
    records = _records("Venetoclax with azacitidine in older adults with AML: a single-arm phase 2 study",
                       "Complete remission was reached by 31 of 52 patients (59.6%); 19 of 31 (61.3%) responders became "
                       "MRD-negative.")
    assert {(r.endpoint, r.value) for r in records if r.value == 61.3} == {("MRD_NEG", 61.3)}


def test_an_abbreviation_of_a_drug_and_a_printed_regimen_with_a_dose_between_is_an_arm():
    """Regression: two_hyphen_short_form ('nivolumab 240 mg plus R-CHP every 21 days (N-R-CHP)' defined nothing: the
    short form had two hyphens and its tail was a regimen printed after the drug, not just before the bracket)."""
    records = _records("Nivolumab plus R-CHP versus R-CHOP in untreated large B-cell lymphoma: a randomised trial",
                       "Adults were randomly assigned 1:1 to nivolumab 240 mg plus R-CHP every 21 days (N-R-CHP) or to "
                       "R-CHOP.",
                       "In total, 402 patients were randomly assigned (203 to N-R-CHP, 199 to R-CHOP).")
    assert (203.0, "nivolumab") in {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED"}


def test_a_regimen_acronym_named_as_a_group_is_that_group_arm():
    """Regression: unknown_regimen_group (a comparator regimen the lexicons lack, 'the CLAG-Ida regimen (96 children)',
    left its figures without an arm and the study without its comparison)."""
    records = _records("Liposomal daunorubicin-cytarabine versus CLAG-Ida for relapsed childhood AML",
                       "In all, 196 children aged 1 to 18 years in first relapse were randomly assigned to CPX-351 (100 "
                       "children) or to cladribine, cytarabine and idarubicin, the CLAG-Ida regimen (96 children).",
                       "Complete remission was reached by 66.0% in the CPX-351 group and by 58.3% in the CLAG-Ida group.")
    assert {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED"} >= {(196.0, None), (100.0, "cpx-351"),
                                                                              (96.0, "clag-ida")}
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "CR") == [(58.3, "clag-ida"), (66.0, "cpx-351")]


def test_a_difference_followed_by_a_value_pair_gives_the_arms_their_values():
    """Regression: difference_pair_dropped ('The difference in event-free survival at 2 years, 41.2% versus 33.0%, was
    not significant' dropped the first value as a difference and gave the second to the first arm)."""
    records = _records("Drug A versus placebo in AML: a randomised trial",
                       "Adults were randomly assigned to gilteritinib or placebo.",
                       "The difference in event-free survival at 2 years, 41.2% versus 33.0%, was not significant.",
                       "The absolute difference in relapse-free survival was 6.5%.")
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "EFS") == [(33.0, "placebo"), (41.2, "gilteritinib")]
    assert not [r for r in records if r.value == 6.5]


def test_ratios_listed_under_one_label_take_their_own_endpoints():
    """Regression: ratio_list_unread ('Hazard ratios, A vs B: event-free survival 0.77 (...); overall survival 0.85
    (...)' and 'Hazard ratios ... were 0.77 (...) for event-free survival and 0.85 (...) for overall survival' gave no
    ratio, or the second under the first endpoint)."""
    for sentence in ("Hazard ratios, CPX-351 vs FLAG: event-free survival 0.77 (95% CI 0.55-1.08); overall survival "
                     "0.85 (95% CI 0.58-1.24).",
                     "Hazard ratios for CPX-351 versus FLAG were 0.77 (95% CI 0.55-1.08) for event-free survival and "
                     "0.85 (95% CI 0.58-1.24) for overall survival."):
        records = _records("CPX-351 versus FLAG in relapsed AML: a randomised trial",
                           "Children were randomly assigned to CPX-351 or FLAG.", sentence)
        ratios = sorted((r.endpoint, r.value) for r in records if r.statistic == "hazard_ratio")
        assert ratios == [("EFS", 0.77), ("OS", 0.85)], sentence


def test_a_ratio_for_death_with_a_coded_drug_is_read():
    """Regression: coded_drug_in_ratio_phrase ('the HR for death with CPX-351 relative to ven-aza was 0.74': the digits of
    the drug's code ended the ratio's phrase)."""
    records = _records("CPX-351 versus venetoclax-azacitidine in secondary AML: a registry study",
                       "In the Cox model, the HR for death with CPX-351 relative to venetoclax-azacitidine was 0.71 (95% "
                       "CI 0.55-0.92).")
    assert [(r.endpoint, r.value, r.statistic) for r in records] == [("OS", 0.71, "hazard_ratio")]


def test_the_second_count_of_an_allocation_takes_the_comparator_however_worded():
    """Regression: second_allocation_unarmed ('135 to obe-cel and 133 to standard care, which was ...': the comparator's
    count was dropped, because 'standard care' is worded as no lexicon names it)."""
    records = _records("Obecabtagene autoleucel versus standard care in relapsed adult ALL: a randomised trial",
                       "The investigators randomly assigned 270 adults in first relapse: 136 to obe-cel and 134 to "
                       "standard care, which was the physician's choice of blinatumomab or inotuzumab.")
    assert (134.0, "chemotherapy") in {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED"}


def test_a_card_label_first_in_its_item_sizes_the_study():
    """Regression: card_label_count_unread ('• Treated: 74.', '• Enrolled 97 | evaluable 94', 'Apheresed 74 | infused 69'
    gave no enrolment)."""
    records = _records("Zanubrutinib in relapsed marginal zone lymphoma: a single-arm phase 2 study",
                       "• Treated: 74.", "• Enrolled 97 | response-evaluable 94 | median follow-up 21.4 months.",
                       "• Apheresed 81 | infused 69 | in follow-up 66.", "• Of those treated, 45 responded.")
    assert {r.value for r in records if r.endpoint == "ENROLLED"} == {74.0, 97.0, 69.0}


def test_a_treated_population_given_before_a_colon_or_by_a_pluperfect_is_the_sample():
    """Regression: treated_total_before_partition ('58 patients treated: 15 in dose escalation ... and 43 in expansion',
    '30 patients had been dosed: 8 at 1.0 mg, ...' gave no enrolment); a count that dates a change stays none."""
    records = _records("A menin inhibitor in relapsed AML: a phase 1 dose-escalation study",
                       "• 58 patients treated: 15 in dose escalation (DL1 n=3, DL2 n=6, DL3 n=6) and 43 in expansion;",
                       "As of 14 July 2026, 30 patients had been dosed: 8 at 1.0 mg, 10 at 1.3 mg and 12 at 1.6 mg.",
                       "• 62 patients received at least one dose; median age 67 years.",
                       "Children became eligible after the first 12 adults had been dosed.")
    enrolled = {r.value for r in records if r.endpoint == "ENROLLED"}
    assert {58.0, 30.0, 62.0} <= enrolled and 12.0 not in enrolled


def test_the_parts_of_a_total_just_given_are_sized_too():
    """Regression: partition_parts_unread ('58 patients were treated, 37 in cohort A and 21 in cohort B' gave the total
    only); events 'in N in cohort A' stay events."""
    records = _records("Ivosidenib, venetoclax and azacitidine in IDH1-mutated AML: a single-arm phase 2 study",
                       "Between January 2023 and March 2025, 61 patients were treated, 39 in cohort A and 22 in cohort B.",
                       "Complete remission was reached in 70.0% of cohort A and 45.5% of cohort B.")
    assert {r.value for r in records if r.endpoint == "ENROLLED"} == {61.0, 39.0, 22.0}


def test_a_share_with_no_mrd_is_mrd_negativity():
    """Regression: no_mrd_unread ('12 of those 14 (85.7%) had no MRD' took the clause before it, CR/CRi)."""
    records = _records("Obecabtagene autoleucel in relapsed ALL: a single-arm phase 2 study",
                       "On day 28, 15 of 19 patients (78.9%) were in CR or CRi, and 13 of those 15 (86.7%) had no MRD.")
    assert {(r.endpoint, r.value) for r in records} == {("CR_CRI", 78.9), ("MRD_NEG", 86.7)}


def test_a_group_code_whose_number_looks_like_a_year_keeps_its_number():
    """Regression: group_code_year_stripped ('The PMG 2004 trial' became 'PMG', a trailing year being stripped, and
    'PMG 2004 was a randomized trial' named nothing: the study went by its registry number)."""
    records = _records("MRD-Guided Discontinuation Versus Continued Maintenance in Multiple Myeloma: A Randomized Trial",
                       "METHODS In this open-label phase 3 trial (ClinicalTrials.gov identifier: NCT20994004), patients "
                       "in sustained MRD-negative remission were randomly assigned to stop or continue maintenance.",
                       *[_BACKGROUND] * 5,
                       "RESULTS Two-year progression-free survival was 88.1% with discontinuation and 90.4% with "
                       "continuation.",
                       "The Pacific Myeloma Group designed the trial. The PMG 2004 trial randomly assigned 440 patients at "
                       "61 centers.")
    assert _trials(records) == {"PMG 2004"}


def test_a_disease_phrase_glossed_by_the_registry_number_is_no_study_name():
    """Regression: title_phrase_glossed_name ('... With Mantle Cell Lymphoma (NCT...)' made 'Lymphoma' the study's
    name); a word glossed by the number after a function word still names it."""
    records = _records("Results: Three Rituximab Combinations in Older Adults With Mantle Cell Lymphoma (NCT20996683)",
                       "Study Type: Interventional. Enrollment (Actual): 312 participants.",
                       "Condition: Lymphoma, Mantle-Cell.")
    assert _trials(records) == {"NCT20996683"}
    records = _records("Fixed-duration therapy in CLL",
                       "METHODS\nGranite (ClinicalTrials.gov identifier: NCT20996684) is a randomized trial; Granite "
                       "enrolled 300 adults.")
    assert _trials(records) == {"Granite"}


def test_a_table_caption_led_by_an_acronym_names_the_study():
    """Regression: caption_only_name (a poster naming its study only in 'Table 1. ELVAN-3: response after induction'
    went by its registry number; the statistical NER may tag it, the rules did not)."""
    assert [(m.text, m.rule) for m in find_trial_mentions("Table 1. ELVAN-3: response after induction")] == [
        ("ELVAN-3", "caption_lead_name")]
    assert not find_trial_mentions("Table 2. CR: response by arm")
    records = _records("CPX-351 versus intensive chemotherapy for children with AML: a randomised phase 3 trial",
                       "Children were randomly assigned to CPX-351 or chemotherapy (ISRCTN55501234).",
                       *[_BACKGROUND] * 5,
                       "Table 1. ELVAN-3: response after induction",
                       "Complete remission after induction was 80.0% with CPX-351 and 73.6% with chemotherapy.")
    assert _trials(records) == {"ELVAN-3"}


def test_a_comparator_regimen_acronym_the_lexicons_lack_is_named_as_printed():
    """Regression: unknown_acronym_comparator ('CPX-351 versus ADE': figures 'with ADE' went to CPX-351)."""
    records = _records("CPX-351 versus ADE for children with newly diagnosed AML: a randomised phase 3 trial",
                       "Children were randomly assigned to CPX-351 or ADE.",
                       "Complete remission after induction was 81.2% with CPX-351 and 72.9% with ADE.")
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "CR") == [(72.9, "ade"), (81.2, "cpx-351")]


def test_a_response_joined_to_a_dated_response_in_its_clause_takes_its_window():
    """Regression: clause_sibling_window_lost ('CR/CRh within 4 cycles was reached by 29 of 38 (76.3%) and CR by 24
    (63.2%)': the second response had no window); a later 'overall' figure keeps its own reading."""
    records = _records("Ivosidenib with venetoclax and azacitidine in AML: a single-arm phase 2 study",
                       "CR/CRh within 4 cycles was reached by 29 of 38 patients (76.3%) and CR by 24 (63.2%).",
                       "CR/CRi within 2 cycles was achieved by 40 of 50 patients (80.0%; 95% CI, 66.3-90.0), including "
                       "CR in 28 (56.0%).")
    assert {(r.value, r.timepoint) for r in records} == {(76.3, "4cycles"), (63.2, "4cycles"), (80.0, "2cycles"),
                                                         (56.0, "2cycles")}


def test_a_participant_flow_total_column_sizes_the_whole_study():
    """Regression: flow_total_unread (a posting's 'Started | 74 | 72 | 146' row sized each arm but not the study: the
    'Total' column names no arm)."""
    from tests.test_evidence_rule_classes_r27 import POSTING, _table
    flow = _table(("Period", "Gilteritinib + Azacitidine", "Azacitidine + Placebo", "Total"),
                  (("Started", "74", "72", "146"), ("Completed", "30", "21", "51")), "Table 1. Participant flow")
    records = extract_evidence(_doc(POSTING, (flow,)))
    assert {(r.arm, r.value) for r in records if r.source == "table"} == {
        ("gilteritinib", 74.0), ("azacitidine-placebo", 72.0), (None, 146.0)}


def test_figures_of_earlier_phase_2_studies_and_small_single_centre_studies_are_no_results():
    """Regression: unnamed_earlier_studies_read ('CMR rates of 74% in phase 2 studies', 'gave 95% CMR in a single-centre
    study of 39 patients' were read as the report's own); 'In this single-centre study of 41 patients' stays its own."""
    records = _records("DA-EPOCH-R versus R-CODOX-M/R-IVAC in Burkitt lymphoma (Larkhill): a randomised trial",
                       "Larkhill was a randomised phase 3 trial.",
                       "Brentuximab vedotin-bendamustine gives complete metabolic response (CMR) rates of 72% in phase 2 "
                       "studies; pembrolizumab with GVD gave 93% CMR in a single-centre study of 37 patients.",
                       "In this single-centre study of 41 patients, CMR was reached by 80.5%.")
    assert {r.value for r in records if r.endpoint == "CR"} == {80.5}


def test_a_subgroup_of_another_named_study_is_no_result_but_a_subgroup_of_patients_is():
    """Regression: named_subgroup_of_other_study ('about 12 months in the FLT3-mutated subgroup of VIALE-A' was read as
    the report's own median), and subgroup_of_patients_dropped ('in the arm of patients given the lower dose' was
    taken for another study's arm, the name being matched without regard to case)."""
    records = _records("Gilteritinib with venetoclax and azacitidine in FLT3-mutated AML: a phase 2 study",
                       "This single-arm phase 2 study (jRCT2051250999) enrolled unfit adults.",
                       "With venetoclax-azacitidine alone, median overall survival was about 11 months in the "
                       "FLT3-mutated subgroup of LAGOON-A.",
                       "Median OS was 15.1 months in the subgroup of patients with NPM1 mutations.",
                       "Median OS was 9.5 months in the arm of patients given the lower dose.")
    assert {r.value for r in records if r.endpoint == "OS"} == {15.1, 9.5}


def test_a_negated_endpoint_gives_its_code_to_no_later_value():
    """Regression: negated_endpoint_lent ('• No treatment-related deaths; stem cell mobilisation succeeded in 98% and
    96%' read two NRM rates); a negation after the figures leaves them theirs."""
    records = _records("Pembrolizumab-GVD versus BV-B in relapsed Hodgkin lymphoma: a randomised phase 2 trial",
                       "Patients were randomly assigned to pembrolizumab-GVD or brentuximab vedotin-bendamustine.",
                       "• No treatment-related deaths; stem cell mobilisation succeeded in 97% and 95%.",
                       "• No grade 3 or higher CRS; neutropenia occurred in 41% and 33%.",
                       "CRS occurred in 38% and 29%; no patient had grade 3 CRS.")
    assert sorted((r.endpoint, r.value) for r in records) == [("CRS", 29.0), ("CRS", 38.0)]


def test_a_study_introduced_with_a_and_another_groups_analysis_are_no_results():
    """Regression: indefinite_study_read ('In a US multicentre study of DA-EPOCH-R, 4-year EFS was 84.5%' and 'A
    retrospective analysis from the International ... Group suggested ..., with 5-year PFS of 96%' were read as the
    report's own); a prespecified analysis of the report's patients stays its own."""
    records = _records("DA-EPOCH-R versus R-CODOX-M/R-IVAC in Burkitt lymphoma (Larkhill): a randomised trial",
                       "Larkhill was a randomised phase 3 trial.",
                       "In a US multicentre study of DA-EPOCH-R, 4-year event-free survival was 83.5%, but only 12% of "
                       "patients had CNS involvement at diagnosis.",
                       "A retrospective analysis from the International Extranodal Lymphoma Study Group suggested that "
                       "radiotherapy could be omitted, with 5-year PFS of 95% in such patients.",
                       "In a prespecified analysis of patients with CNS disease, 2-year EFS was 71.0% with DA-EPOCH-R.")
    assert [(r.endpoint, r.value) for r in records] == [("EFS", 71.0)]


def test_another_drug_giving_a_result_in_a_single_arm_report_is_another_studys_figure():
    """Regression: other_drug_result_read (a single-arm CAR-T report's 'As a single agent, zanubrutinib gave an overall
    response rate of 67%' was read as the study's own response rate); the study's therapy giving a rate stays."""
    records = _records("Lisocabtagene maraleucel in relapsed marginal zone lymphoma: a single-arm phase 2 study",
                       "This single-arm study (NCT20990001) enrolled adults.",
                       "As a single agent, zanubrutinib gave an overall response rate of 67% in relapsed marginal zone "
                       "lymphoma.",
                       "Lisocabtagene maraleucel gave an overall response rate of 80.4%.")
    assert [(r.endpoint, r.value) for r in records] == [("ORR", 80.4)]
