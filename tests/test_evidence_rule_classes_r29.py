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
