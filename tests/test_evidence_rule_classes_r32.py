"""Rule classes of issue 11, round 29: how a report names its own study (a run-in section heading before a word name, a
name the authors say they registered, a name given in so many words against a successor study the report cites).

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from tests.test_evidence_report_rules import _doc


def _records(title: str, *paragraphs: str):
    return extract_evidence(_doc([("title", title), *(("body", p) for p in paragraphs)]))


def _trials(records) -> set:
    return {r.trial for r in records}


_DISCUSSION = ("Treating older adults remains a matter of balancing disease control against the harm of treatment, and "
               "many of them live far from the centres that give it. Fewer visits, fewer admissions and fewer infections "
               "matter to them as much as the depth of the response, and trials rarely ask them what they would choose.")


def test_a_word_name_after_a_run_in_methods_heading_outranks_a_cited_group_trial():
    """Regression: run_in_heading_hid_word_name ('Methods Harlow was a randomised, open-label, phase 3 trial done at 40
    hospitals' after a background citing 'the SWOG 9031 trial': every record went to the cited trial)."""
    records = _records("Two versus three courses of consolidation for adults with acute myeloid leukaemia: a randomised, "
                       "open-label, phase 3 trial",
                       "Background Three courses became usual after the SWOG 9031 trial, though later work doubted the "
                       "third course.",
                       "Methods Harlow was a randomised, open-label, phase 3 trial done at 40 hospitals in Wales and "
                       "Scotland. Adults in first remission were randomly assigned to two or three courses.",
                       "Findings Relapse-free survival at 3 years was 51.2% with two courses and 52.8% with three.")
    assert _trials(records) == {"Harlow"}


def test_a_name_the_authors_say_they_registered_names_a_study_known_by_another_registry():
    """Regression: registered_name_lost_to_eudract ('The PELLAM study (...) is registered in the EU Clinical Trials
    Register (EudraCT ...)' at a letter's end: every record went by the registry number)."""
    records = _records("Brentuximab and bendamustine for older adults with Hodgkin lymphoma",
                       "To the Editor: Older adults with Hodgkin lymphoma tolerate standard chemotherapy poorly.",
                       "Between 2022 and 2024, 38 adults aged 65 years or older were enrolled at nine centres. After "
                       "six cycles, 24 of the 38 patients (63.2%) were in complete metabolic response.",
                       *[_DISCUSSION] * 6,
                       "The PELLAM study (Personalised Elderly Lymphoma Approach Minimising toxicity) is registered in "
                       "the EU Clinical Trials Register (EudraCT 2022-001733-15).")
    assert _trials(records) == {"PELLAM"}


def test_a_name_given_in_so_many_words_outranks_a_successor_trial_the_report_cites():
    """Regression: successor_trial_named_own (a news story's 'The trial, known as KLSG 1804, ...' beside 'the group has
    opened a successor trial, KLSG 2209': every record went to the successor)."""
    records = _records("Adding a second drug doubled remissions in myelodysplasia, Baltic trial finds",
                       "The group has opened a successor trial, KLSG 2209, for patients without TP53 mutations.",
                       "The randomized trial, run by the Kaunas Leukaemia Study Group and known as KLSG 1804, assigned "
                       "240 adults to azacitidine alone or with venetoclax.",
                       "Complete remission was reached by 12.5% of patients with azacitidine alone and 26.7% with the "
                       "combination.")
    assert _trials(records) == {"KLSG 1804"}


def test_a_comparator_named_in_the_title_outranks_a_longer_one_the_methods_print():
    """Regression: observation_named_chemotherapy (a transplant-versus-observation report whose methods print 'high-dose
    chemotherapy with ASCT or to observation': the control side was named 'chemotherapy', the longest term printed)."""
    records = _records("Consolidative Autologous Transplantation Versus Observation in Mantle Cell Lymphoma in First "
                       "Remission",
                       "Patients in remission were randomly assigned to high-dose chemotherapy with ASCT or to "
                       "observation. At 3 years, progression-free survival was 77.4% with ASCT and 61.9% with "
                       "observation.")
    controls = {r.arm for r in records if r.value == 61.9}
    assert controls == {"observation"}


def test_an_add_on_title_sets_the_added_drug_against_the_backbone():
    """Regression: add_on_title_read_single_arm ('Isatuximab Plus Lenalidomide and Dexamethasone Versus Lenalidomide and
    Dexamethasone': the title's second side repeats drugs of the first, so the report was read as single-arm and every
    figure went to the added drug)."""
    records = _records("Daratumumab Plus Lenalidomide and Dexamethasone Versus Lenalidomide and Dexamethasone in "
                       "Smoldering Myeloma",
                       "Complete response or better was reached by 38.5% of patients with daratumumab plus Rd and by "
                       "11.2% with Rd alone.")
    arms = {r.value: r.arm for r in records if r.endpoint == "CR"}
    assert arms[38.5] == "daratumumab"
    assert arms[11.2] == "lenalidomide-dexamethasone"


def test_a_posting_outcome_heading_names_the_endpoint_of_its_paragraph():
    """Regression: posting_measure_heading_unread (a registry posting's '2. Secondary Outcome: Overall Response Rate ...
    Time frame: up to 24 cycles. Arm A: 133 participants (92.4%); ...' gave no record, and 'Time frame: up to 66 months'
    gave a median)."""
    records = _records("Drug X Versus Placebo in Smoldering Myeloma (NCT20261234) - Study Results",
                       "2. Secondary Outcome: Overall Response Rate (partial response or better) Time frame: up to 66 "
                       "months. Drug X: 121 participants (84.0%); Placebo: 12 participants (8.5%).")
    assert {(r.endpoint, r.value) for r in records} == {("ORR", 84.0), ("ORR", 8.5)}
