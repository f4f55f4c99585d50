"""Rule classes of issue 11, round 27: brand-cased study names before a registry number, reports of three or more
arms, deep molecular responses, comparators chosen per patient, windows after a comparison, and population history
that is no arm.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from extractors.nlp.trials import find_trial_mentions
from tests.test_evidence_report_rules import _doc


def _records(title: str, *paragraphs: str):
    return extract_evidence(_doc([("title", title), *(("body", p) for p in paragraphs)]))


def test_a_brand_cased_name_before_its_registry_number_is_a_study():
    """Regression: brand_cased_name_rejected ('evaluated in TriLUX (NCT...)' went by its registry number, because a
    name with lower-case letters inside was no acronym)."""
    names = {m.text for m in find_trial_mentions("efficacy was evaluated in TriLUX (NCT20440871), a randomized trial")}
    assert names == {"TriLUX", "NCT20440871"}


def test_a_capitalised_word_before_a_registry_number_is_still_not_a_study_name():
    """A plain capitalised word ('Rituximab (NCT...)') keeps the acronym test: one capital is no brand case."""
    names = {m.text for m in find_trial_mentions("treated with Rituximab (NCT20440871) in the community")}
    assert names == {"NCT20440871"}


THREE_ARMS = (
    "Ruxolitinib, abatacept or vedolizumab for GVHD prophylaxis (PERIWINKLE-4): a randomised trial",
    "PERIWINKLE-4 was an open-label, randomised phase 3 trial at 22 centres.",
    "Between 2021 and 2023, 390 patients were randomly assigned: 131 to ruxolitinib, 130 to abatacept, and 129 to "
    "vedolizumab.",
    "Grade II-IV acute GVHD by day 100 occurred in 24.1%, 18.5%, and 21.7% of patients, and 2-year overall survival "
    "was 66.2%, 71.0%, and 68.4%.",
)


def test_a_bare_list_of_three_values_takes_the_three_arms_in_their_allocation_order():
    """Regression: three_arm_list_as_pair (in a three-arm report, 'occurred in A%, B%, and C% of patients' gave the
    first two values to the first arm and the third to the second, as if the study had two arms)."""
    records = _records(*THREE_ARMS)
    gvhd = sorted((r.value, r.arm) for r in records if r.endpoint == "GVHD")
    assert gvhd == [(18.5, "abatacept"), (21.7, "vedolizumab"), (24.1, "ruxolitinib")]
    survival = sorted((r.value, r.arm) for r in records if r.endpoint == "OS")
    assert survival == [(66.2, "ruxolitinib"), (68.4, "vedolizumab"), (71.0, "abatacept")]


def test_a_two_arm_report_keeps_its_bare_pairs():
    """Without a third arm a bare pair is read as before (experimental, then control)."""
    records = _records("Abatacept versus placebo for GVHD prophylaxis (LARKSPUR): a randomised trial",
                       "LARKSPUR was a double-blind, randomised trial; 120 patients were assigned to abatacept and 118 "
                       "to placebo.",
                       "Grade III-IV acute GVHD by day 100 occurred in 6.1% and 14.2% of patients, respectively.")
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "GVHD") == [(6.1, "abatacept"), (14.2, "placebo")]


def test_deep_molecular_responses_are_mrd_negativity():
    """Regression: mr4_unread (MR4 and MR4.5, the guide's molecular responses, were no endpoint); a major molecular
    response stays none."""
    records = _records("Bosutinib in chronic-phase CML (KESTREL-CML): a single-arm study",
                       "KESTREL-CML was a single-arm phase 2 study of bosutinib in 140 adults.",
                       "Major molecular response at 12 months was 58.6%, MR4 was reached by 34.3% and MR4.5 by 22.1% "
                       "of patients at 24 months.")
    assert sorted(r.value for r in records if r.endpoint == "MRD_NEG") == [22.1, 34.3]
    assert not any(r.value == 58.6 for r in records)


def test_an_investigator_selected_list_of_drugs_is_the_comparator_arm():
    """Regression: investigator_selected_unread ('202 to investigator-selected imatinib, nilotinib or dasatinib'
    enrolled no comparator, and its figures took a listed drug as their arm)."""
    records = _records("Asciminib versus investigator-selected TKI in newly diagnosed CML (HAREBELL)",
                       "HAREBELL randomised 380 patients: 191 to asciminib and 189 to investigator-selected imatinib, "
                       "nilotinib or dasatinib.")
    counts = sorted((r.value, r.arm) for r in records if r.endpoint == "ENROLLED")
    assert counts == [(189.0, "chemotherapy"), (191.0, "asciminib"), (380.0, None)]


def test_an_event_count_continued_for_the_second_arm_is_no_group_size():
    """Regression: continued_event_as_group_size ('Progression occurred in 1 patient on A and 4 patients on B' enrolled
    4 patients in B)."""
    records = _records("Asciminib versus investigator-selected TKI in newly diagnosed CML (HAREBELL)",
                       "HAREBELL was a randomised phase 3 trial.",
                       "Progression to blast phase occurred in 2 patients on asciminib and 5 patients on "
                       "investigator-selected TKIs.")
    assert not [r for r in records if r.endpoint == "ENROLLED"]


def test_a_window_after_a_comparison_dates_both_of_its_sides():
    """Regression: window_after_pair_second_only ('39.9% versus 21.3% of patients at week 48' gave the week to the
    second value only, and the next pair's first value took it)."""
    records = _records("Asciminib versus investigator-selected TKI in newly diagnosed CML (HAREBELL)",
                       "HAREBELL randomised 380 patients to asciminib or investigator-selected TKIs.",
                       "MR4 was reached by 41.2% versus 23.5% of patients at week 48, and by 50.3% versus 30.1% at "
                       "week 96.")
    windows = sorted((r.value, r.timepoint) for r in records if r.endpoint == "MRD_NEG")
    assert windows == [(23.5, "48wk"), (30.1, "96wk"), (41.2, "48wk"), (50.3, "96wk")]


def test_a_procedure_the_patients_had_before_the_study_is_no_arm():
    """Regression: history_short_forms_as_arms ('EBV+ PTLD following solid organ transplant (SOT) or allogeneic HCT
    (HCT)' made SOT and HCT two arms of a single-arm study, so its figures lost the study therapy)."""
    records = _records("Tabelecleucel for EBV-positive PTLD: Study 1",
                       "The efficacy of tabelecleucel was evaluated in Study 1 (NCT20517730), an open-label, "
                       "single-arm trial in patients with EBV+ PTLD following solid organ transplant (SOT) or "
                       "allogeneic hematopoietic cell transplant (HCT).",
                       "The estimated 1-year overall survival was 58% in the SOT cohort and 69% in the HCT cohort.")
    survival = [(r.trial, r.arm) for r in records if r.endpoint == "OS"]
    assert survival == [("NCT20517730", "tabelecleucel")] * 2


def test_figures_of_published_series_are_not_the_reports():
    """Regression: retrospective_series_figure ('has shown activity in retrospective series of CMML, with response
    rates around 60%' was read as the report's response rate)."""
    records = _records("Venetoclax and decitabine in CMML: a letter",
                       "Venetoclax with hypomethylating agents has shown activity in retrospective series of CMML, with "
                       "response rates around 60%.",
                       "In our 30 patients, the overall response rate was 46.7%.")
    assert sorted(r.value for r in records if r.endpoint == "ORR") == [46.7]


def test_an_nk_t_cell_lymphoma_asparaginase_regimen_is_the_chemotherapy_comparator():
    """Regression: p_gemox_unknown ('Sintilimab plus P-GemOx versus P-GemOx alone': the control column and 'with P-GemOx
    alone' named no arm, so their figures went to the experimental arm or none)."""
    records = _records("Tislelizumab plus P-GemOx versus P-GemOx alone in advanced NK/T-cell lymphoma: the LANTERN trial",
                       "LANTERN was a randomised phase 3 trial; 150 patients were assigned to tislelizumab plus P-GemOx "
                       "and 148 to P-GemOx alone.",
                       "Among patients in complete response, 2-year PFS was 81.0% with tislelizumab vs 60.5% with P-GemOx "
                       "alone.")
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "PFS") == [(60.5, "chemotherapy"), (81.0, "tislelizumab")]


def test_a_total_randomised_with_its_per_arm_size_is_the_sample_size():
    """Regression: randomised_per_arm_total_dropped ('198 randomised (99 per arm)' kept the per-arm sizes only)."""
    records = _records("Sintilimab plus P-GemOx versus P-GemOx alone in NK/T-cell lymphoma: the randomised LANTERN trial",
                       "• 230 screened; 212 randomised (106 per arm) between 2021 and 2023")
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "ENROLLED") == [
        (106.0, "chemotherapy"), (106.0, "sintilimab"), (212.0, None)]


OBSERVATION = ("Lenalidomide maintenance versus observation after induction in older adults with PCNSL: the ALDER trial",
               "After induction, 120 of 220 patients (54.5%) were in CR or unconfirmed CR and the overall response rate "
               "was 73.2% (161 of 220).",
               "Of the 161 responders, 110 were randomised, 55 to lenalidomide and 55 to observation; 51 were not "
               "randomised, mainly because of frailty.",
               "The median PFS was not reached with lenalidomide and was 20.4 months with observation.")


def test_observation_is_the_control_arm_of_a_maintenance_trial():
    """Regression: observation_no_arm ('... versus observation': the untreated comparator was no arm, so its figures
    went to a drug of the induction regimen)."""
    records = _records(*OBSERVATION)
    assert [(r.value, r.arm) for r in records if r.endpoint == "PFS"] == [(20.4, "observation")]
    counts = sorted((r.value, r.arm) for r in records if r.endpoint == "ENROLLED")
    assert counts == [(55.0, "lenalidomide"), (55.0, "observation"), (110.0, None)]  # '51 were not randomised' is none


def test_a_new_subject_after_an_endpoint_list_takes_the_value():
    """Regression: response_rate_after_cr_list ('(54.2%) were in CR or unconfirmed CR and the overall response rate was
    72.5%' gave the response rate to CR)."""
    records = _records(*OBSERVATION)
    assert sorted((r.endpoint, r.value) for r in records if r.value in (54.5, 73.2)) == [("CR", 54.5), ("ORR", 73.2)]


POSTING = ("ClinicalTrials.gov Results: Three Versus Five Cycles of BEACOPDac in Hodgkin Lymphoma (NCT20663318)",
           "Arm A: 5 cycles of BEACOPDac every 21 days. Arm B: 3 cycles of BEACOPDac every 21 days.",
           "Outcome Measure 1 (Primary) Title: Progression-Free Survival (PFS) at 3 Years Description: PFS was defined "
           "as the time from randomization to progression or death.",
           "Statistical Analysis 1: Comparison Arm B vs Arm A. Non-Inferiority. Hazard Ratio (HR) 1.12, 95% Confidence "
           "Interval 0.70 to 1.80.")


def test_a_posting_ratio_line_takes_the_measure_and_the_first_side_of_its_comparison():
    """Regression: posting_comparison_ratio ('Comparison Arm B vs Arm A. ... Hazard Ratio (HR) 1.12' under 'Outcome
    Measure 1 (Primary) Title: PFS ...' had no endpoint, and then went to arm A)."""
    records = _records(*POSTING)
    assert [(r.endpoint, r.arm, r.value) for r in records if r.statistic == "hazard_ratio"] == [("PFS", "arm b", 1.12)]


def test_lettered_schedules_of_one_regimen_are_arms_named_by_letter():
    """Regression: lettered_schedules_unread ('Arm A: 5 cycles of X', 'Arm B: 3 cycles of X' of a regimen the lexicons
    lack defined no arms)."""
    from extractors.evidence.arm_abbreviations import find_lettered_groups
    groups = find_lettered_groups(POSTING[1])
    assert [(g.short, g.arm, g.control) for g in groups] == [("arm A", "arm a", False), ("arm B", "arm b", True)]


def test_a_cohort_of_patients_by_letter_is_no_arm():
    """'Cohort A: patients aged 18-59' defines a population, not a schedule or a treatment."""
    from extractors.evidence.arm_abbreviations import find_lettered_groups
    assert find_lettered_groups("Cohort A: patients aged 18-59 years. Cohort B: patients aged 60 years or older.") == ()


def test_a_registry_report_that_describes_its_own_unnamed_cohort_is_not_the_cited_study():
    """Regression: cited_study_as_frame (a real-world comparison whose introduction cites 'the single-arm L-MIND
    study' took that study as its own, though the opening says 'We retrospectively studied adults ...')."""
    records = _records("Tafasitamab-lenalidomide versus polatuzumab-bendamustine-rituximab in routine practice",
                       "Tafasitamab plus lenalidomide (tafa-len) and polatuzumab vedotin plus bendamustine and rituximab "
                       "(pola-BR) are both approved. We retrospectively studied adults who received either regimen.",
                       "The single-arm OAKMIND study reported an overall response rate of 57.5% with tafa-len.",
                       "Among 390 patients (160 tafa-len, 230 pola-BR), the overall response rate was 44.1% with tafa-len "
                       "and 57.0% with pola-BR.")
    rates = sorted((r.trial, r.value, r.arm) for r in records if r.endpoint == "ORR")
    assert rates == [(None, 44.1, "tafasitamab"), (None, 57.0, "polatuzumab vedotin")]


def test_a_short_form_of_drug_syllables_names_the_arm():
    """Regression: syllable_short_forms_unread ('(tafa-len)', '(pola-BR)' were no arm abbreviations, so '58.6% with
    pola-BR' took the other arm)."""
    from extractors.evidence.arm_abbreviations import find_arm_abbreviations
    found = find_arm_abbreviations("Tafasitamab plus lenalidomide (tafa-len) and polatuzumab vedotin plus bendamustine "
                                   "and rituximab (pola-BR) are both approved.")
    assert {(a.short, a.arm) for a in found} == {("tafa-len", "tafasitamab"), ("pola-BR", "polatuzumab vedotin")}


def test_a_subgroup_previously_treated_with_a_therapy_keeps_the_sentences_arms():
    """Regression: history_lead_previously_treated ('Among patients previously treated with CAR T cells, the overall
    response rates were 31.0% and 47.1%, respectively' gave the first rate to the CAR T cells)."""
    records = _records("Tafasitamab-lenalidomide versus polatuzumab-bendamustine-rituximab in routine practice",
                       "We retrospectively studied adults who received tafasitamab-lenalidomide or polatuzumab vedotin "
                       "plus bendamustine and rituximab.",
                       "Among patients previously treated with CAR T cells, the overall response rates were 30.2% "
                       "(13/43) and 45.5% (25/55), respectively.")
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "ORR") == [
        (30.2, "tafasitamab"), (45.5, "polatuzumab vedotin")]


def test_a_fractions_denominator_takes_no_unit_from_the_next_value():
    """Regression: denominator_as_rate ('84.8% (84 of 99) and 70.1%' read 99 as a rate of 99%)."""
    from extractors.evidence.readings import read_clause
    from extractors.evidence.slots import ReadingContext
    got = [r.value for r in read_clause("complete remission rates were 84.8% (84 of 99) and 70.1% (68 of 97).",
                                        ReadingContext(one_study=True))]
    assert got == [84.8, 70.1]


def test_counted_shares_listed_respectively_take_the_two_arms():
    """Regression: respectively_with_patient_counts ('in 83 patients (39.9%) and 71 patients (34.5%), respectively'
    gave both shares to the first arm)."""
    records = _records("Ivosidenib or placebo with intensive chemotherapy in IDH1-mutated AML (SANDPIPER)",
                       "SANDPIPER was a randomised, placebo-controlled trial of ivosidenib or placebo.",
                       "Allogeneic transplantation in first remission was performed in 80 patients (38.5%) and 69 "
                       "patients (33.5%), respectively.")
    assert sorted((r.value, r.arm) for r in records if r.endpoint == "ALLOHSCT") == [(33.5, "placebo"), (38.5, "ivosidenib")]


def test_a_subgroup_benefit_sentence_rates_the_endpoint_just_reported():
    """Regression: subgroup_benefit_ratio_unread ('The benefit was observed in patients with X (hazard ratio, 0.61)'
    after an event-free survival sentence named no endpoint, so its ratios were lost)."""
    records = _records("Ivosidenib or placebo with intensive chemotherapy in IDH1-mutated AML (SANDPIPER)",
                       "SANDPIPER was a randomised, placebo-controlled trial of ivosidenib or placebo.",
                       "The estimated event-free survival at 2 years was 47.9% with ivosidenib and 30.2% with placebo. "
                       "The benefit was observed in patients with an NPM1 mutation (hazard ratio, 0.58; 95% CI, 0.37 to "
                       "0.91) and in those without one (hazard ratio, 0.79; 95% CI, 0.57 to 1.09).")
    assert sorted((r.endpoint, r.value) for r in records if r.statistic == "hazard_ratio") == [("EFS", 0.58), ("EFS", 0.79)]


def test_a_response_clause_after_a_semicolon_keeps_the_assessment_window():
    """Regression: sibling_response_window_lost ('CR after induction ... was achieved in 71.2% ...; CR or CRi occurred
    in 79.8%' dated the second response nowhere)."""
    from extractors.evidence.readings import read_clause
    from extractors.evidence.slots import ReadingContext
    got = [(r.endpoint, r.timepoint) for r in read_clause(
        "Complete remission after induction was achieved in 71.2%; complete remission or CRi occurred in 79.8%.",
        ReadingContext(one_study=True))]
    assert got == [("CR", "EOI"), ("CR_CRI", "EOI")]


def test_a_slides_bullets_run_into_one_line_are_separate_statements():
    """Regression: inline_bullets_one_sentence ('• ICANS in Arm A: 1.4% • Grade 3-4 neutropenia 46.3% vs 41.1%' read
    the neutropenia figures as ICANS)."""
    records = _records("Mosunetuzumab-lenalidomide versus rituximab-lenalidomide in relapsed follicular lymphoma "
                       "(GOLDFINCH-2)",
                       "• ICANS with mosunetuzumab: 1.6%, all grade 1-2 • Grade 3-4 neutropenia 45.1% vs 40.2%")
    assert [r.value for r in records if r.endpoint == "ICANS"] == [1.6]


def test_phase_1_data_before_the_study_are_not_its_results():
    """Regression: phase_1b_data_as_results (a slide's 'Phase 1b data for A plus B: ORR 91%, CR 77%' background was
    read as the phase 3 study's)."""
    records = _records("Mosunetuzumab-lenalidomide versus rituximab-lenalidomide in relapsed follicular lymphoma "
                       "(GOLDFINCH-2)",
                       "• Phase 1b data for mosunetuzumab plus lenalidomide: ORR 89%, CR 74%",
                       "• ORR 82.5% vs 70.9%")
    assert sorted(r.value for r in records if r.endpoint in ("ORR", "CR")) == [70.9, 82.5]


def test_a_footnote_giving_the_response_criteria_and_time_dates_the_response_rows():
    """Regression: footnote_response_criteria_window ('Responses by IRC per Lugano 2014 at end of treatment.' under a
    table did not date its response rows)."""
    from extractors.evidence.rules import FOOTNOTE_ASSESSMENT, FOOTNOTE_RESPONSE_SUBJECT
    import re
    note = "Responses by IRC per Lugano 2014 at end of treatment."
    assert re.search(FOOTNOTE_ASSESSMENT.pattern, note, re.I) and re.search(FOOTNOTE_RESPONSE_SUBJECT.pattern, note, re.I)
    assert not re.search(FOOTNOTE_RESPONSE_SUBJECT.pattern, "Responses by subtype are shown at the end of induction.", re.I)


def test_bullets_under_a_heading_without_figures_stay_its_statements():
    """A heading with no result figure ('Forest plot, OS (HR, 95% CI)') introduces the bullets after it: their bare
    ratios stay the heading's overall survival."""
    records = _records("Mosunetuzumab-lenalidomide versus rituximab-lenalidomide in relapsed follicular lymphoma "
                       "(GOLDFINCH-2)",
                       "Forest plot, OS (HR, 95% CI) • Age >= 75 years: 0.63 (0.38-1.04)\n• Primary refractory: 0.52 "
                       "(0.30-0.88)")
    assert sorted((r.endpoint, r.value) for r in records if r.statistic == "hazard_ratio") == [("OS", 0.52), ("OS", 0.63)]


def test_a_labelled_groups_size_in_brackets_goes_to_the_treatment_it_had():
    """Regression: label_group_size_unread ('The 4-drug group (284 people) had isatuximab, bortezomib, lenalidomide and
    dexamethasone (Isa-VRd)' sized no arm: the label is no treatment, the treatment comes after the size)."""
    records = _records("A plain-language summary of the SNIPE study in newly diagnosed myeloma",
                       "The SNIPE study compared isatuximab plus VRd with VRd alone. People were put into 2 groups by "
                       "chance.",
                       "• The 4-drug group (266 people) had isatuximab, bortezomib, lenalidomide and dexamethasone "
                       "(Isa-VRd).",
                       "• The 3-drug group (180 people) had bortezomib, lenalidomide and dexamethasone (VRd).")
    counts = sorted((r.value, r.arm) for r in records if r.endpoint == "ENROLLED")
    assert counts == [(180.0, "bortezomib-lenalidomide-dexamethasone"),
                      (266.0, "isatuximab-bortezomib-lenalidomide-dexamethasone")]


def test_an_hla_match_grade_is_no_figure():
    """Regression: hla_grade_as_value ('Among the 95 patients with a 7/8-matched donor, ... by day 100 was A% with X,
    B% with Y' read 7/8 as a figure, which cut the day-100 window off the later values)."""
    from extractors.evidence.readings import read_clause
    from extractors.evidence.slots import ReadingContext
    got = [(r.value, r.timepoint) for r in read_clause(
        "Among the 90 patients with a 7/8-matched donor, grade II-IV acute GVHD by day 100 was 20.9% with PTCy, 35.7% "
        "with ATG, and 27.1% with abatacept.", ReadingContext(one_study=True))]
    assert got == [(20.9, "d100"), (35.7, "d100"), (27.1, "d100")]


def test_relapse_incidence_is_no_endpoint_in_a_sentence_or_a_table_row():
    """Regression: relapse_incidence_as_endpoint ('..., and relapse at 2 years was 21.6%, 18.9%, and 24.0%' took the
    sentence's non-relapse mortality; a 'Relapse at 2 years' row took its caption's GVHD)."""
    from extractors.evidence.readings import read_clause
    from extractors.evidence.slots import ReadingContext
    got = [r.value for r in read_clause("Non-relapse mortality at 2 years was 11.8% and 15.3%, and relapse at 2 years was "
                                        "20.6% and 17.9%.", ReadingContext(one_study=True))]
    assert got == [11.8, 15.3]


def test_a_reference_groups_ratio_is_no_result():
    """Regression: reference_ratio_as_result ('Hazard ratio for death vs ATG | 0.84 (...) | 1 (ref) | ...' gave the
    reference group a ratio of 1)."""
    from extractors.evidence.readings import read_clause
    from extractors.evidence.slots import ReadingContext
    assert read_clause("1 (ref)", ReadingContext(fallback_endpoint="OS", ratio_column=True)) == []
    assert [r.value for r in read_clause("0.84 (0.58-1.22)", ReadingContext(fallback_endpoint="OS", ratio_column=True))] == [0.84]


def test_a_ratio_line_naming_two_arms_gives_each_its_ratio():
    """Regression: second_ratio_of_a_list_unread ('the hazard ratio for PFS was 0.52 (95% CI ...) for AV and 0.33 (95%
    CI ...) for AVO' read the first ratio only)."""
    from extractors.evidence.readings import read_clause
    from extractors.evidence.slots import ReadingContext
    got = [(r.value, r.statistic) for r in read_clause(
        "the hazard ratio for PFS was 0.55 (95% CI: 0.38, 0.79) for AV and 0.35 (95% CI: 0.22, 0.55) for AVO.",
        ReadingContext(one_study=True))]
    assert got == [(0.55, "hazard_ratio"), (0.35, "hazard_ratio")]


def test_labels_assigned_beside_a_named_standard_arm_are_all_experimental():
    """Regression: second_label_as_control ('291 to AV, 286 to AVO, and 290 to chemoimmunotherapy' made AVO a control
    arm, so its hazard ratio went to AV)."""
    records = _records("14 CLINICAL STUDIES",
                       "The efficacy of X was evaluated in TRIVEN (NCT20055903), a randomized, three-arm trial.",
                       "A total of 860 patients were randomized: 288 to AV, 284 to AVO, and 288 to chemoimmunotherapy.",
                       "In patients with unmutated IGHV, the hazard ratio for PFS was 0.55 (95% CI: 0.38, 0.79) for AV "
                       "and 0.35 (95% CI: 0.22, 0.55) for AVO, each compared with chemoimmunotherapy.")
    assert sorted((r.value, r.arm) for r in records if r.statistic == "hazard_ratio") == [(0.35, "avo"), (0.55, "av")]


def test_shares_of_patients_who_died_are_no_survival_rates():
    """Regression: death_shares_as_survival ('Overall survival data were not mature, with 20 (6.9%), 27 (9.4%), and 30
    (10.3%) deaths in the A, B, and C arms' read three overall survival rates)."""
    records = _records("14 CLINICAL STUDIES",
                       "The efficacy of X was evaluated in TRIVEN (NCT20055903), a randomized, three-arm trial.",
                       "Overall survival data were not mature, with 18 (6.2%), 25 (8.8%), and 29 (10.1%) deaths in the "
                       "AV, AVO, and chemoimmunotherapy arms, respectively.")
    assert [r for r in records if r.endpoint == "OS"] == []


def test_an_events_row_and_a_ratio_row_under_an_endpoint_row():
    """Regression: events_row_and_bare_ratio_row ('PFS: number of events, n (%)' was read as PFS rates, and 'Hazard
    ratio (95% CI) vs B' under 'Median PFS' had no endpoint)."""
    from schemas.document import Cell, Table
    from tests.test_evidence_report_rules import SHA
    rows = [["PFS per IRC: number of events, n (%)", "50 (17.5)", "89 (30.9)"],
            ["Median PFS (95% CI), months", "NR", "46.9 (42.1, NE)"],
            ["Hazard ratio (95% CI) vs FCR or BR", "0.63 (0.47, 0.85)", "-"]]
    table = Table(table_id=f"{SHA[:12]}:Table 14", label="Table 14", page=1, caption="Table 14: Efficacy Results in TRIVEN",
                  header=("Endpoint", "Acalabrutinib + venetoclax (N=288)", "FCR or BR (N=288)"),
                  rows=tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                                   for c, t in enumerate(row)) for r, row in enumerate(rows)))
    records = extract_evidence(_doc([("title", "14 CLINICAL STUDIES"),
                                     ("body", "The efficacy was evaluated in TRIVEN (NCT20055903), a randomized trial.")],
                                    [table]))
    assert sorted((r.endpoint, r.statistic, r.value) for r in records if r.source == "table") == [
        ("PFS", "hazard_ratio", 0.63), ("PFS", "median", 46.9)]


def test_a_share_in_a_response_named_after_it_is_that_response():
    """Regression: share_in_cr_took_composite ('22 (50.0%) achieved CR/CRi, including 15 (34.1%) in CR' gave the second
    share the composite)."""
    from extractors.evidence.readings import read_clause
    from extractors.evidence.slots import ReadingContext
    got = [(r.value, r.endpoint) for r in read_clause(
        "After 2 cycles, 21 of 42 patients (50.0%) achieved CR/CRi, including 14 (33.3%) in CR.", ReadingContext(one_study=True))]
    assert got == [(50.0, "CR_CRI"), (33.3, "CR")]


def test_a_value_after_a_nested_bracket_keeps_the_arm_named_after_it():
    """Regression: nested_bracket_hid_arm ('was 11.8 months (95% confidence interval [CI], 8.9 to 16.2) with standard
    care' gave the comparator's median to the experimental arm: the nested '[CI]' kept the interval in the gap)."""
    records = _records("Lisocabtagene maraleucel versus standard care in large B-cell lymphoma (PINTAIL)",
                       "PINTAIL was a randomised phase 3 trial of liso-cel versus standard care.",
                       "The median event-free survival was not reached with liso-cel and was 10.9 months (95% confidence "
                       "interval [CI], 8.1 to 15.2) with standard care.")
    assert [(r.value, r.arm) for r in records if r.endpoint == "EFS"] == [(10.9, "chemotherapy")]


def test_dropouts_crossovers_and_figures_in_line_with_other_studies_are_not_results():
    """Regression: dropouts_crossover_and_comparison_figures ('9 did not, because of progression' enrolled 9 in the
    control arm; '58 patients received CAR T-cell therapy after an event' enrolled 58 in the CAR T arm; 'in line with
    those reported ..., in which grade 3 CRS occurred in 1%' was read as the report's)."""
    records = _records("Lisocabtagene maraleucel versus standard care in large B-cell lymphoma (PINTAIL)",
                       "PINTAIL was a randomised phase 3 trial of liso-cel versus standard care.",
                       "Of the 300 patients who underwent randomization, 141 of the 150 assigned to liso-cel received "
                       "an infusion; 9 did not, because of progression.",
                       "In the standard-care group, 55 patients received CAR T-cell therapy after an event.",
                       "Toxic effects were in line with those reported with liso-cel in the second-line setting, in "
                       "which grade 3 or higher cytokine release syndrome occurred in 1% of patients.")
    assert not [r for r in records if r.value in (9.0, 55.0, 1.0)]


def test_a_blast_threshold_does_not_reach_past_a_comma():
    """Regression: blast_threshold_past_comma ('Among patients with 50% or more marrow blasts, CR/CRi rates were 30.8%
    and 66.7%.' dropped the first rate as a blast threshold, and the second took the first arm)."""
    records = _records("Blinatumomab versus inotuzumab ozogamicin as first salvage: a registry comparison",
                       "CR/CRi was reached by 93 of 210 patients (44.3%) with blinatumomab and 117 of 165 (70.9%) with "
                       "inotuzumab. Among patients with 50% or more marrow blasts, CR/CRi rates were 31.2% and 65.9%.")
    rates = {(r.value, r.arm) for r in records if r.endpoint == "CR_CRI"}
    assert {(31.2, "blinatumomab"), (65.9, "inotuzumab")} <= rates


def test_an_mrd_rate_in_a_clause_opened_by_a_time_was_measured_then():
    """Regression: mrd_opening_time_unread ('At 2 years after randomization, MRD was undetectable in the bone marrow of
    66.2% of patients ... and 48.9% ...' dated neither rate)."""
    from extractors.evidence.readings import read_clause
    from extractors.evidence.slots import ReadingContext
    got = [(r.value, r.timepoint) for r in read_clause(
        "At 2 years after randomization, MRD was undetectable in the bone marrow of 64.1% of patients in the A arm and "
        "47.7% in the B arm.", ReadingContext(one_study=True))]
    assert got == [(64.1, "2y"), (47.7, "2y")]


def test_a_rounded_share_is_a_background_figure():
    """Regression: approximate_share_as_result ('lenalidomide maintenance was associated with 2-year PFS of about 60%',
    '... yields complete remission in roughly 40% of patients' were read as the report's results)."""
    records = _records("Lenalidomide maintenance versus observation in older adults with PCNSL: the ALDER trial",
                       "In single-arm series, lenalidomide maintenance was associated with 2-year progression-free "
                       "survival of about 60%. Induction yields complete remission in roughly 40% of patients.",
                       "In ALDER, 2-year progression-free survival was 68.9% with lenalidomide and 46.1% with observation.")
    assert sorted(r.value for r in records if r.endpoint in ("PFS", "CR")) == [46.1, 68.9]


def test_a_marrow_complete_response_without_count_recovery_is_no_cr():
    """Regression: marrow_cr_without_recovery_as_cr ('19 (39%) had a marrow complete response, meaning the blasts
    disappeared ... but counts did not fully recover' was read as a complete response rate)."""
    from extractors.evidence.endpoints import find_endpoints
    text = ("Another 17 (35%) had a marrow complete response, meaning the blasts disappeared from the bone marrow but "
            "platelet or neutrophil counts did not fully recover.")
    assert [e.code for e in find_endpoints(text)] == [""]
    assert [e.code for e in find_endpoints("A marrow complete response (M1 marrow) was seen in 88% of children.")] == ["CR"]


def test_an_iwg_marrow_complete_remission_is_its_own_category():
    """Regression: iwg_marrow_cr_as_cr (in an MDS report grading complete, partial and marrow complete remission and
    haematological improvement, 'marrow complete remission in 20.3% and 22.7%' was read as complete remission)."""
    from extractors.evidence.endpoints import find_endpoints, iwg_marrow_terms
    document = ("Secondary endpoints included overall response (complete remission, partial remission, marrow complete "
                "remission or haematological improvement).")
    terms = iwg_marrow_terms(document)
    assert [e.code for e in find_endpoints("with marrow complete remission in 21.0% and 23.1%", terms)] == [""]
    assert iwg_marrow_terms("After block 1, marrow complete remission was seen in 38 of 68 patients.") == ()
