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
