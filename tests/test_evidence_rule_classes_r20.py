"""Rule classes of issue 11, round 18: studies named by ordinary words in mixed case, and a cited single-arm study.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.extract import extract_evidence
from tests.test_evidence_report_rules import _doc


def _trials(paragraphs):
    return {r.trial for r in extract_evidence(_doc(paragraphs))}


_BODY = [
    ("body", "Between 2020 and 2023, Heronsgate enrolled 188 adults at 31 centres."),
    ("body", "The overall response rate was 71%, and the 2-year progression-free survival was 58%."),
]


@pytest.mark.parametrize("title", [
    "Heronsgate: glofitamab with gemcitabine and oxaliplatin in relapsed large B-cell lymphoma",
    "Heronsgate — glofitamab with gemcitabine and oxaliplatin in relapsed large B-cell lymphoma",
    "Heronsgate. Glofitamab with gemcitabine and oxaliplatin in relapsed large B-cell lymphoma",
])
def test_a_title_led_by_an_ordinary_word_used_again_in_the_text_names_the_study(title):
    """Regression: mixed_case_word_study_names_missed ('Heronsgate: ...' with 'Heronsgate enrolled 188 adults' gave
    trial = null on every record: only acronyms counted as names)."""
    assert _trials([("title", title)] + _BODY) == {"Heronsgate"}


def test_a_sentence_saying_the_word_is_a_trial_names_the_study():
    paragraphs = [("title", "Glofitamab with gemcitabine and oxaliplatin in relapsed large B-cell lymphoma"),
                  ("body", "Heronsgate was an open-label, single-arm phase 2 trial done at 31 centres."), *_BODY]
    assert _trials(paragraphs) == {"Heronsgate"}


@pytest.mark.parametrize("title", [
    "Background: glofitamab with gemcitabine and oxaliplatin in relapsed large B-cell lymphoma",
    "Update: glofitamab with gemcitabine and oxaliplatin in relapsed large B-cell lymphoma",
    "Glofitamab: two-year results in relapsed large B-cell lymphoma",
])
def test_a_section_word_or_drug_leading_the_title_names_no_study(title):
    """Section and genre words, and the drug itself, lead titles too; repeated in the text they are still no names."""
    body = [("body", "Background and update: glofitamab was given with gemcitabine and oxaliplatin to 188 adults."),
            ("body", "The overall response rate was 71%.")]
    assert _trials([("title", title)] + body) == {None}


def test_an_ordinary_word_named_once_is_no_study():
    """A title-leading word the text never uses again, before a topic rather than a study or a treatment, is a
    headline word, not a name ('Momentum: how relapsed lymphoma care is changing')."""
    paragraphs = [("title", "Momentum: how care for relapsed large B-cell lymphoma is changing"),
                  ("body", "A total of 188 adults were treated at 31 centres. The overall response rate was 71%.")]
    assert _trials(paragraphs) == {None}


def test_a_nationality_before_a_trial_noun_names_no_study():
    paragraphs = [("title", "Glofitamab with gemcitabine and oxaliplatin in relapsed large B-cell lymphoma"),
                  ("body", "This extends the Italian study of the same regimen. A total of 188 Italian adults were "
                           "treated. The overall response rate was 71%.")]
    assert _trials(paragraphs) == {None}


_RANDOMISED_REPORT = [
    ("title", "KESTREL: a CAR T-cell product against antibody salvage at first relapse of B-ALL"),
    ("body", "Adults in first relapse went straight to obecabtagene autoleucel (obe-cel) rather than to "
             "inotuzumab, the standard salvage."),
    ("body", "The investigators randomly assigned 240 adults: 121 to obe-cel and 119 to standard care."),
    ("body", "Median event-free survival was 12.9 months with obe-cel; with standard care it was 5.8 months."),
    ("body", "A commentator noted that remission in the single-arm PELICAN study was 72 per cent."),
]


def test_a_cited_single_arm_study_named_in_the_discussion_leaves_the_report_randomised():
    """Regression: cited_single_arm_study_made_report_single_arm ('the single-arm PELICAN study' in a randomised
    report of KESTREL made every record carry one study therapy: both medians came out with the same arm)."""
    medians = {(r.arm, r.value) for r in extract_evidence(_doc(_RANDOMISED_REPORT)) if r.statistic == "median"}
    assert ("obecabtagene autoleucel", 12.9) in medians and ("obecabtagene autoleucel", 5.8) not in medians


def test_the_reports_own_study_called_single_arm_by_name_stays_single_arm():
    paragraphs = [("title", "PELICAN: obecabtagene autoleucel at first relapse of B-ALL"),
                  ("body", "The single-arm PELICAN study treated 96 adults with obecabtagene autoleucel (obe-cel)."),
                  ("body", "Remission was 72% and median event-free survival was 11.4 months.")]
    arms = {r.arm for r in extract_evidence(_doc(paragraphs)) if r.endpoint != "ENROLLED"}
    assert arms == {"obecabtagene autoleucel"}


_REGIMEN_REPORT = [
    ("title", "Lantern Regimen of Zanubrutinib and Venetoclax Extends Progression-Free Survival Over "
              "Fludarabine-Rituximab in Untreated CLL: the Phase 3 HALYARD Trial"),
    ("body", "Adults who received Lantern, a response-adapted schedule of zanubrutinib and venetoclax, lived longer "
             "without progression in HALYARD."),
    ("body", "HALYARD randomized 540 adults: 271 to Lantern and 269 to fludarabine-rituximab."),
    ("body", "Overall response: 94.2% with Lantern, 81.7% with fludarabine-rituximab."),
    ("body", "Complete responses were 41.3% and 22.0%."),
]


def _arm_values(paragraphs, endpoint):
    return {(r.arm, r.value) for r in extract_evidence(_doc(paragraphs)) if r.endpoint == endpoint}


def test_a_regimen_named_by_a_word_stands_for_its_drugs():
    """Regression: named_regimen_without_arm ('Lantern, a response-adapted schedule of zanubrutinib and venetoclax'
    then '94.2% with Lantern' gave arm = null: the word is no drug name)."""
    assert ("zanubrutinib", 94.2) in _arm_values(_REGIMEN_REPORT, "ORR")


def test_a_press_release_title_setting_one_regimen_over_another_compares_two_arms():
    """'A Extends PFS Over B' sets the arms of a pair printed without them ('were 41.3% and 22.0%')."""
    got = _arm_values(_REGIMEN_REPORT, "CR")
    assert ("zanubrutinib", 41.3) in got and ("zanubrutinib", 22.0) not in got and any(
        v == 22.0 and a in ("fludarabine", "rituximab") for a, v in got)


@pytest.mark.parametrize("sentence", [
    "Researchers at the Anderson centre using a sequential approach of four cycles of hyper-CVAD reported 73%.",
    "The standard regimen of vincristine and dexamethasone was given to 40 patients.",
])
def test_a_description_of_a_regimen_names_no_regimen(sentence):
    from extractors.evidence.arm_abbreviations import find_named_regimens

    assert find_named_regimens(sentence) == ()


def test_a_single_arm_studys_code_is_not_its_therapy():
    """Regression: study_code_taken_as_study_therapy (a label's 'Study TQM-417 (NCT...)' has a sponsor product code's
    shape: once the NER took it for a drug, every record of the single-arm study carried the study's code as its arm)."""
    from extractors.evidence.attribution import StudyRef
    from extractors.evidence.frame import study_therapy
    from extractors.nlp import ner_mentions
    from extractors.nlp.ner_mentions import NerFindings

    doc = _doc([("title", "Zenocutamab injection: prescribing information (excerpt)"),
                ("body", "The efficacy of zenocutamab was evaluated in Study TQM-417 (NCT07111111), a single-arm, "
                         "open-label study of 190 patients.")])
    token = ner_mentions._current.set(NerFindings(drug_names=("TQM-417",), document=doc.text))
    try:
        assert study_therapy(doc, own=StudyRef(trial="TQM-417")) != "TQM-417"
        assert study_therapy(doc) == "TQM-417"  # what it was without the study's own name
    finally:
        ner_mentions._current.reset(token)


_SURVEILLANCE_LETTER = [
    ("title", "Consolidative Autologous Transplant vs Surveillance in Peripheral T-Cell Lymphoma in First Remission"),
    ("body", "We reviewed adults with peripheral T-cell lymphoma (PTCL) treated at one centre between 2010 and 2021."),
    ("body", "Of 140 patients in first remission, 66 were consolidated with auto-HCT; the other 74 were followed with "
             "active surveillance."),
    ("body", "Three-year progression-free survival was 71.5% after auto-HCT; under surveillance, 55.0%."),
]


def test_a_transplant_set_against_surveillance_names_both_strategy_arms():
    """Regression: surveillance_side_unnamed ('Autologous Transplant vs Surveillance' set no comparison: surveillance
    was no side of transplant-versus-none, and 'auto-HCT' no transplant term; both PFS figures had arm = null)."""
    got = {(r.arm, r.value) for r in extract_evidence(_doc(_SURVEILLANCE_LETTER)) if r.endpoint == "PFS"}
    # round 19: the autologous side takes the report's abbreviation (auto-HCT), as the allogeneic side does
    assert got == {("autologous hct", 71.5), ("active surveillance", 55.0)}


@pytest.mark.parametrize("abbreviation", ["PTCL", "AITL", "ALCL", "MZL", "LBCL", "PMBCL", "PCNSL"])
def test_a_lymphoma_abbreviation_is_no_trial_name(abbreviation):
    """Regression: disease_abbreviation_as_study ('nodal peripheral T-cell lymphoma (PTCL)' named an unnamed
    single-centre letter's study 'PTCL': lymphoma subtypes were missing from the non-trial terms)."""
    from extractors.nlp.trials import rejection_reason

    assert rejection_reason(abbreviation) == "non_trial_term"


_WINDOW_REPORT = [
    ("title", "KITEWING: a CD22-directed CAR T-cell product in children with relapsed B-ALL"),
    ("body", "Of 31 infused patients, 26 (83.9%) reached complete remission with or without count recovery by day 28. "
             "A marrow complete response at that visit was seen in 27 of 31 (87.1%). MRD below 10^-4 was reached at "
             "the same assessment by 24 of the 26 responders (92.3%). Eighteen had also recovered full counts by then, "
             "meeting criteria for complete remission (58.1%)."),
]


def test_a_response_at_that_visit_takes_the_window_just_given():
    """Regression: anaphoric_window_dropped ('at that visit', 'at the same assessment', 'by then' after 'by day 28'
    gave the later rates no window)."""
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(_doc(_WINDOW_REPORT)) if r.statistic == "rate"}
    assert {("CR_CRI", 83.9, "d28"), ("CR", 87.1, "d28"), ("MRD_NEG", 92.3, "d28"), ("CR", 58.1, "d28")} <= got


def test_a_response_without_a_reference_back_keeps_no_window():
    paragraphs = _WINDOW_REPORT[:1] + [("body", "Of 31 infused patients, 26 (83.9%) reached complete remission by day 28. "
                                                "The best overall remission rate was 90.3%.")]
    got = {(r.value, r.timepoint) for r in extract_evidence(_doc(paragraphs)) if r.statistic == "rate"}
    assert (90.3, None) in got


_TRANSPLANT_VS_TKI = [
    ("title", "Allogeneic transplantation in first remission versus continued tyrosine-kinase inhibitor therapy in "
              "Ph-positive ALL: a registry cohort study"),
    ("body", "Of 402 eligible adults, 188 received an allograft in first remission, whereas 214 stayed on TKI-based "
             "therapy without one."),
    ("body", "Complete molecular response at 12 months was documented in 77.1% of transplanted and 69.6% of "
             "non-transplanted patients."),
    ("body", "In older patients, 3-year relapse-free survival favoured the allograft: 63.0% against 47.5%."),
]


def _by_value(paragraphs):
    return {r.value: r.arm for r in extract_evidence(_doc(paragraphs))}


def test_a_transplant_set_against_continued_therapy_names_the_untransplanted_side():
    """Regression: continued_therapy_side_unnamed ('versus continued tyrosine-kinase inhibitor therapy' set no
    comparison: the untransplanted side was only chemotherapy or observation)."""
    got = _by_value(_TRANSPLANT_VS_TKI)
    assert got[188.0] == "allogeneic transplant" and "tyrosine-kinase inhibitor" in got[214.0]


def test_transplanted_and_non_transplanted_patients_are_the_two_sides():
    """Regression: non_transplanted_read_as_transplanted ('74.7% of non-transplanted patients' matched 'transplanted
    patients' inside the longer word; '81.4% of transplanted and ...' matched no side)."""
    got = _by_value(_TRANSPLANT_VS_TKI)
    assert got[77.1] == "allogeneic transplant" and got[69.6] != "allogeneic transplant" and got[69.6] is not None


def test_two_values_set_against_each_other_are_a_pair():
    """'63.0% against 47.5%' compares the two sides as 'versus' does: the second value is the comparator's."""
    got = _by_value(_TRANSPLANT_VS_TKI)
    assert got[63.0] == "allogeneic transplant" and got[47.5] not in ("allogeneic transplant", None)


def test_a_treatment_of_a_study_the_opening_cites_is_not_the_study_therapy():
    """Regression: cited_study_drug_as_study_therapy ('In the earlier TOWER trial, blinatumomab gave ...' in the
    opening of a single-arm report made blinatumomab, a core lexicon name, the therapy over the title's own drug)."""
    paragraphs = [("title", "Zenotuzumab in relapsed B-cell acute lymphoblastic leukaemia: the HERON study"),
                  ("body", "In the earlier TOWER trial, blinatumomab gave a remission rate of 34%. In HERON, 58 adults "
                           "received zenotuzumab. Complete remission was reached in 41% of patients.")]
    got = {(r.arm, r.value) for r in extract_evidence(_doc(paragraphs)) if r.trial == "HERON"}
    assert ("blinatumomab", 41.0) not in got


_NEWS_REPORT = [
    ("title", "Odrexitamab versus standard care in relapsed large B-cell lymphoma: the SKYWARD randomised trial"),
    ("body", "Survival data are immature, but at 18 months 71.4% of odrexitamab patients and 62.2% of standard-care "
             "patients were alive."),
    ("body", "A year after randomisation, 57.3 per cent of the odrexitamab group were alive and event-free, against "
             "35.1 per cent of the comparison group."),
    ("body", "The complete response rate was 53.0 per cent on odrexitamab; with antibody-based salvage it was 26.4 "
             "per cent."),
]


def _readings(paragraphs):
    return {r.value: (r.arm, r.statistic, r.timepoint) for r in extract_evidence(_doc(paragraphs))}


def test_a_time_opening_a_clause_without_a_comma_covers_both_arms():
    """Regression: landmark_only_on_first_value ('but at 18 months 71.4% of A and 62.2% of B were alive' gave the
    second figure no time: only a time followed by a comma opened the clause for every figure)."""
    got = _readings(_NEWS_REPORT)
    assert got[71.4][1:] == ("landmark", "18mo") and got[62.2][1:] == ("landmark", "18mo")


def test_a_year_after_randomisation_is_a_landmark():
    got = _readings(_NEWS_REPORT)
    assert got[57.3][1:] == ("landmark", "1y") and got[35.1][1:] == ("landmark", "1y")


def test_the_comparison_group_and_antibody_salvage_are_the_control_arm():
    """Regression: generic_comparator_unnamed ('34.0 per cent of the comparison group', 'with antibody-based salvage
    it was 24.6 per cent' took the experimental arm)."""
    got = _readings(_NEWS_REPORT)
    assert got[35.1][0] == got[26.4][0] == "chemotherapy" and got[57.3][0] == got[53.0][0] != "chemotherapy"


_REGIMEN_CARD = [
    ("title", "HERON: dose-adjusted EPOCH-R versus R-CODOX-M/R-IVAC in adults with untreated Burkitt lymphoma"),
    ("body", "Population: 250 adults randomized (DA-EPOCH-R 126; R-CODOX-M/R-IVAC 124)."),
    ("body", "2-y EFS: 77.2% v 79.8% (HR 1.11, 95% CI 0.70-1.76)."),
]


def test_a_title_setting_two_chemotherapy_regimens_against_each_other_names_both_arms():
    """Regression: regimen_versus_regimen_unarmed ('dose-adjusted EPOCH-R versus R-CODOX-M/R-IVAC': neither regimen
    was an arm, so every figure took the methotrexate of an interventions line); since round 28 the comparator is named
    as printed too (test_evidence_rule_classes_r31)."""
    got = _readings(_REGIMEN_CARD)
    assert got[77.2][0] == "da-epoch-r" and got[79.8][0] == "r-codox-m/r-ivac" and got[1.11][0] == "da-epoch-r"


@pytest.mark.parametrize("title", [
    "Inotuzumab plus mini-HCVD versus hyper-CVAD in older adults with ALL",
    "Blinatumomab versus chemotherapy in B-ALL (TOWER)",
    "HERON versus NCT01234567: a comparison",
])
def test_a_drug_or_a_code_on_either_side_is_no_regimen_comparison(title):
    from extractors.evidence.frame import regimen_comparison

    assert regimen_comparison(_doc([("title", title), ("body", "Results follow.")])) == ()


@pytest.mark.parametrize("sentence, value", [
    ("Among patients with more than 5 per cent marrow blasts at relapse, event-free survival was 49.0 per cent.", 5.0),
    ("Of 1210 adults with Ph+ ALL in the registry, 611 met all criteria.", 1210.0),
    ("Our results agree with a single-centre series of ponatinib with blinatumomab, which reported 2-year overall "
     "survival of 91% without transplantation.", 91.0),
    ("The complete response rate was 82%, above the roughly 68% remission rates reported for other CD22 products.", 68.0),
])
def test_thresholds_screened_pools_and_other_series_are_no_results(sentence, value):
    """Regression: distractors_of_round_18 (a blast threshold spelled 'per cent', the pool a registry cohort was
    screened from, a cited series 'which reported', rates 'reported for other products' were read as results)."""
    paragraphs = [("title", "KITEWING: a CD22-directed CAR T-cell product in adults with relapsed B-ALL"), ("body", sentence)]
    assert value not in {r.value for r in extract_evidence(_doc(paragraphs))}


def test_a_pair_sharing_a_spelled_per_cent_reads_both_values():
    """Regression: per_cent_not_shared ('the figures were 44.7 and 21.9 per cent' read only the second value: a unit
    after the last value was shared only when printed '%')."""
    got = _readings([_NEWS_REPORT[0], ("body", "At one year, event-free survival was 57.3 per cent with odrexitamab and "
                                               "35.1 per cent with standard care. By two years the figures were 43.9 "
                                               "and 22.6 per cent.")])
    assert got[43.9] == ("odrexitamab", "landmark", "2y") and got[22.6] == ("chemotherapy", "landmark", "2y")


def test_the_car_t_cells_of_a_report_comparing_a_named_cell_therapy_are_that_therapy():
    """Regression: generic_car_t_in_two_arm_report ('92.7 per cent with the CAR T cells' in a report of obe-cel versus
    standard care took the generic 'CD19 CAR-T' arm, which matches neither side)."""
    paragraphs = [("title", "Obecabtagene autoleucel versus standard care at first relapse of adult B-ALL: the LINNET "
                            "randomised trial"),
                  ("body", "MRD negativity among those in remission was 91.9 per cent with the CAR T cells; with "
                           "standard care it was 79.4 per cent.")]
    got = _readings(paragraphs)
    assert got[91.9][0] == "obecabtagene autoleucel" and got[79.4][0] == "chemotherapy"


@pytest.mark.parametrize("title", [
    "Tempo Schedule of Zanubrutinib and Venetoclax Prolongs PFS Over Bendamustine-Rituximab in Phase 3 Heronsgate Trial",
    "Zanubrutinib and venetoclax in untreated CLL: results of the phase 3 Heronsgate study",
])
def test_a_word_named_study_in_a_press_release_title_names_the_study_over_its_registry_number(title):
    """Regression: title_case_word_study_missed ('... in Phase 3 Heronsgate Trial' with 'Heronsgate (NCT...)' in the
    text: every record took the registry number, which the gold's study name does not match)."""
    paragraphs = [("title", title), ("body", "Heronsgate (NCT07612345) randomized 600 adults with untreated CLL. The "
                                             "3-year progression-free survival was 88.6%.")]
    assert _trials(paragraphs) == {"Heronsgate"}


@pytest.mark.parametrize("title", [
    "Glofitamab in relapsed lymphoma: a Randomized Controlled Trial",
    "Glofitamab in relapsed lymphoma: a Prospective Cohort Study",
])
def test_design_words_before_a_study_noun_in_a_title_name_no_study(title):
    paragraphs = [("title", title), ("body", "In this multicentre study (NCT07612345), 600 adults were randomized. The "
                                             "3-year progression-free survival was 88.6%. Controlled and prospective "
                                             "designs were compared.")]
    assert _trials(paragraphs) == {"NCT07612345"}


@pytest.mark.parametrize("number", ["ACTRN12624000999111", "ISRCTN12345678", "EudraCT 2019-001234-56"])
def test_a_study_registered_outside_clinicaltrials_gov_goes_by_its_registry_number(number):
    """Regression: other_registry_study_named_by_product (an abstract registered only as 'ACTRN...' took its CAR-T
    product's code as the study name; GUIDE.md: a study with a registry number is known by it)."""
    paragraphs = [("title", "KCL22T, an academic CD22 CAR T-cell product, in children with relapsed B-ALL: a phase 1 "
                            "dose-escalation study"),
                  ("body", f"This phase 1 study ({number}) treated 24 children with KCL22T. Complete remission by "
                           "day 28 was 83.3%.")]
    assert _trials(paragraphs) == {number}


def test_a_sentence_that_says_the_comparator_produced_it_continues_the_last_response():
    """Regression: pronoun_object_continuation ('Standard care produced it in 73.7 per cent.' after 'Overall remission
    ... reached 81.5 per cent with obe-cel' had no endpoint)."""
    paragraphs = [("title", "Obecabtagene autoleucel versus standard care at first relapse of adult B-ALL: the LINNET "
                            "randomised trial"),
                  ("body", "Overall remission within 3 months reached 80.9 per cent with obe-cel. Standard care "
                           "produced it in 72.6 per cent.")]
    got = {r.value: (r.endpoint, r.arm, r.timepoint) for r in extract_evidence(_doc(paragraphs))}
    assert got[72.6] == ("CR_CRI", "chemotherapy", "3mo")


@pytest.mark.parametrize("abbreviation, arm", [("HCT", "allogeneic hct"), ("HSCT", "allogeneic hsct")])
def test_the_transplant_side_takes_the_reports_own_abbreviation(abbreviation, arm):
    """Regression: transplant_arm_renamed_against_the_report (round 17 named every transplant side 'allogeneic hsct';
    a report writing 'HCT' throughout, whose gold says 'allogeneic hct', no longer matched)."""
    paragraphs = [("title", f"Consolidative allogeneic {abbreviation} versus observation after CAR T cells in B-ALL"),
                  ("body", f"Two-year event-free survival was 71.4% with {abbreviation} vs 40.2% without it. "
                           f"Nonrelapse mortality at 2 years was 9.1% after {abbreviation}.")]
    assert _readings(paragraphs)[71.4][0] == arm
