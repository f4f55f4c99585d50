"""Round 19 extraction speed-ups: each must leave what extraction reads unchanged (no timing here: see bench/)."""
from __future__ import annotations

import re

import pytest

from extractors.evidence.endpoints import _NOT_ENDPOINTS
from extractors.evidence.endpoints import _compiled as endpoint_patterns
from extractors.evidence.extract import SharedSteps, document_trial_index
from extractors.evidence.known_arms import _compiled as arm_patterns
from extractors.evidence.numbers import _TP_RES, _WINDOW_RES
from extractors.nlp.literal_prefilter import Need, fold, may_match, pattern_needs
from schemas.document import Block, Document, DocumentStatus

SAMPLE_TEXTS = (
    "Blinatumomab improved overall survival (OS) versus chemotherapy: median 7.7 vs 4.0 months (HR 0.71).",
    "The CR/CRi rate within two cycles was 44% with inotuzumab ozogamicin and 29% with standard of care.",
    "MRD negativity at the end of induction (EOI) was reached by 76% of patients; 3-year EFS was 61.4%.",
    "After a median follow-up of 2 years, 12 patients proceeded to allo-HSCT; CRS occurred in 20%.",
    "Patients treated with TISAGENLECLEUCEL reached a complete remission with incomplete hematologic recovery.",
    "Event-free survival at 24 months: 58% (95% CI 44-70); day 29 MRD <0.01% in 33 of 40 patients.",
    "Ponatinib plus hyper-CVAD gave a 3-year overall survival of 76%; the ORR was 93% (placebo: 12%).",
    "No numbers and no endpoint words here, only a sentence about the weather in the city.",
    "\u017furvival and \u0130NOTUZUMAB spelled with characters that fold to ASCII letters.",
)


def all_rule_patterns() -> list[re.Pattern[str]]:
    """The compiled patterns the prefilter guards: arms, endpoints, not-endpoints, time points and windows."""
    return ([rx for rx, *_ in arm_patterns(None)] + [rx for rx, _ in endpoint_patterns(())] + list(_NOT_ENDPOINTS)
            + list(_TP_RES) + [rx for rx, _ in _WINDOW_RES])


def test_prefilter_never_skips_a_pattern_that_matches():
    """Every (pattern, text) pair the prefilter rules out has no match; and it does rule some out."""
    skipped = 0
    for rx in all_rule_patterns():
        needs = pattern_needs(rx)
        for text in SAMPLE_TEXTS + tuple(t.upper() for t in SAMPLE_TEXTS) + tuple(t.lower() for t in SAMPLE_TEXTS):
            if not may_match(needs, text, fold(text)):
                skipped += 1
                assert rx.search(text) is None, (rx.pattern, text)
    assert skipped > 0


def test_prefilter_needs_of_literal_alternations():
    """An alternation of names needs one of them; case-insensitive ones are lower-cased for the folded text."""
    assert pattern_needs(re.compile(r"(?<![A-Za-z])(?:ORR|CRS)(?![A-Za-z])")) == (Need((), ("CRS", "ORR")),)
    needs = pattern_needs(re.compile(r"overall survival|OS rate", re.IGNORECASE))
    assert needs == (Need(("os rate", "overall survival"), ()),)
    assert not may_match(needs, "median EFS", fold("median EFS"))
    assert may_match(needs, "Overall Survival", fold("Overall Survival"))


def test_prefilter_gives_up_when_unsure():
    """Optional parts, character classes and non-ASCII letters under IGNORECASE yield no test (always may match)."""
    assert pattern_needs(re.compile(r"(?:abc)?\d+")) == ()
    assert pattern_needs(re.compile(r"[A-Z]{2,5}\d+")) == ()
    assert pattern_needs(re.compile(r"[A-Z]{2,5}-\d+")) == (Need((), ("-",)),)
    assert pattern_needs(re.compile("\u00e9tude", re.IGNORECASE)) == ()
    assert may_match((), "anything", "anything")


@pytest.mark.parametrize("char, letter", [("\u017f", "s"), ("\u0131", "i"), ("\u0130", "i"), ("\u212a", "k")])
def test_fold_matches_ignorecase_special_letters(char, letter):
    """Characters re.IGNORECASE matches to an ASCII letter fold to that letter, so the substring test agrees."""
    assert re.fullmatch(letter, char, re.IGNORECASE)
    assert fold(char) == letter


def _doc(text: str) -> Document:
    return Document(sha256="0" * 64, path="/c/d.pdf", pages=1, status=DocumentStatus.parsed, parser_version="p",
                    text=text, blocks=(Block(page=1, kind="body", text=text, char_start=0, char_end=len(text),
                                             bbox=(0, 0, 1, 1)),))


def test_document_trial_index_is_computed_once_and_copied():
    """Passes sharing steps get equal indexes from one computation, each a copy later steps may add names to."""
    doc = _doc("In the TOWER trial (NCT02013167), blinatumomab improved overall survival.")
    shared = SharedSteps(doc.text)
    first_index, first_mentions = document_trial_index(doc, (), shared)
    first_index.canonical["added later"] = "X"
    second_index, second_mentions = document_trial_index(doc, (), shared)
    assert len(shared.trial_indexes) == 1
    assert "added later" not in second_index.canonical
    assert second_mentions == first_mentions and [m.canonical for m in first_mentions] == ["TOWER", "TOWER"]


def test_exact_sequence_matcher_gives_spacys_matches_in_spacys_order():
    """Overlapping patterns of one and several tokens, a repeated key and a removed key: as spaCy's Matcher gives."""
    import spacy
    from spacy.matcher import Matcher

    from extractors.nlp.pipeline import ExactSequenceMatcher

    nlp = spacy.blank("en")
    doc = nlp.make_doc("CR CRi rate: CR CRi in 40 (CR) and CRi in 12; MRD neg CR CRi CR. CR")
    patterns = {"complete remission": [[{"ORTH": "CR"}]], "cr with cri": [[{"ORTH": "CR"}, {"ORTH": "CRi"}]],
                "incomplete": [[{"ORTH": "CRi"}]], "gone": [[{"ORTH": "MRD"}]],
                "twice": [[{"ORTH": "CRi"}, {"ORTH": "CR"}], [{"ORTH": "neg"}]]}
    ours, theirs = ExactSequenceMatcher(nlp.vocab), Matcher(nlp.vocab)
    for key, pattern in patterns.items():
        ours.add(key, pattern)
        theirs.add(key, pattern)
    ours.remove("gone")
    theirs.remove("gone")
    assert ours(doc) == theirs(doc) and len(ours(doc)) > 10


def test_exact_sequence_matcher_refuses_other_patterns():
    """Only exact-text token sequences are supported; anything else is an error naming what is allowed."""
    import spacy

    from extractors.nlp.pipeline import ExactSequenceMatcher

    with pytest.raises(ValueError, match="ORTH"):
        ExactSequenceMatcher(spacy.blank("en").vocab).add("x", [[{"LOWER": "cr"}]])


def test_abbreviation_detector_uses_the_exact_sequence_matcher():
    """The shared pipeline's detector finds every use of a defined short form through the cheaper matcher."""
    from extractors.evidence.extract import document_abbreviations
    from extractors.nlp.pipeline import ExactSequenceMatcher, get_nlp
    from schemas.settings import ExtractSettings

    settings = ExtractSettings()
    assert isinstance(get_nlp(settings).get_pipe("abbreviation_detector").global_matcher, ExactSequenceMatcher)
    doc = _doc("Overall survival (OS) was longer. Median OS was 7.7 months; OS at 2 years was 40%.")
    pairs = document_abbreviations(doc, settings)
    assert pairs.count(("OS", "Overall survival")) == 3  # the definition and both uses


def test_find_arms_kept_answer_is_the_computed_one_and_replays_ner_notes():
    """A kept find_arms answer equals a fresh computation and counts the NER notes the computation made."""
    from extractors.evidence.arms import _find_arms, find_arms
    from extractors.nlp.ner_mentions import NerFindings, _current, ner_arms_added

    text = "Patients received velantumab or blinatumomab; velantumab gave a CR in 40%."
    token = _current.set(NerFindings((), ("velantumab",), text))
    try:
        before = ner_arms_added()
        first = find_arms(text)
        notes = ner_arms_added() - before
        second = find_arms(text)
        assert notes >= 1 and ner_arms_added() - before == 2 * notes
        assert first == second == _find_arms(text)
        assert {a.arm for a in first} >= {"velantumab", "blinatumomab"}
    finally:
        _current.reset(token)
    assert "velantumab" not in {a.arm for a in find_arms(text)}  # another document state: not the kept answer


def test_resolve_overlaps_keeps_what_a_scan_of_every_kept_mention_keeps():
    """Covered characters decide overlaps as the pairwise scan did, NCT and name mentions apart, empty spans too."""
    import random

    from extractors.nlp.trials import TrialMention, _resolve_overlaps

    def pairwise(found):
        kept = []
        order = sorted(found, key=lambda m: (-(m.end - m.start), m.kind == "alias", m.start))
        for m in order:
            if not any(m.start < k.end and k.start < m.end and (m.kind == "nct") == (k.kind == "nct") for k in kept):
                kept.append(m)
        return sorted(kept, key=lambda m: (m.start, m.end))

    rng = random.Random(19)
    for trial in range(300):
        found = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 60)
            end = start + rng.randint(0 if trial % 10 == 0 else 1, 15)
            kind = rng.choice(("name", "alias", "nct"))
            found.append(TrialMention(start, end, "x" * (end - start), "", None, kind, "no_rule"))
        assert _resolve_overlaps(found) == pairwise(found)


def test_rules_only_pass_keeps_only_answers_no_ner_name_changed():
    """After the NER names go (the rules-only pass), a clause an NER name changed is read afresh, the others kept."""
    from extractors.evidence.arms import _find_arms, find_arms
    from extractors.nlp.ner_mentions import NerFindings, _current

    with_name = "Velantumab was given with blinatumomab in 30 patients."
    without_name = "Blinatumomab alone was given to 31 patients."
    document = with_name + " " + without_name
    token = _current.set(NerFindings((), ("velantumab",), document))
    try:
        assert "velantumab" in {a.arm for a in find_arms(with_name)}
        full_pass_answer = find_arms(without_name)
        _current.set(NerFindings())
        assert find_arms(without_name) == full_pass_answer == _find_arms(without_name)
        assert "velantumab" not in {a.arm for a in find_arms(with_name)}
        assert find_arms(with_name) == _find_arms(with_name)
    finally:
        _current.reset(token)


def test_arm_abbreviations_shared_by_passes_only_when_found_without_ner_names():
    """Arm abbreviations found with no NER drug name serve the rules-only pass; ones resting on an NER name do not."""
    from extractors.evidence.arm_abbreviations import held_arm_abbreviations
    from extractors.evidence.extract import document_arm_abbreviations
    from extractors.nlp.ner_mentions import NerFindings, _current

    rules_doc = _doc("Patients received blinatumomab plus ponatinib (BP; n = 40) or chemotherapy. BP gave a CR in 90%.")
    ner_doc = _doc("Patients received velantumab plus ponatinib (VP; n = 40) or chemotherapy. VP gave a CR in 90%.")
    for doc, shared_by_passes in ((rules_doc, True), (ner_doc, False)):
        shared = SharedSteps(doc.text)
        token = _current.set(NerFindings((), ("velantumab",), doc.text))
        try:
            full = document_arm_abbreviations(doc, None, doc.text, shared)
            _current.set(NerFindings())
            rules_only = document_arm_abbreviations(doc, None, doc.text, shared)
        finally:
            _current.reset(token)
        assert held_arm_abbreviations() is rules_only
        assert (rules_only is full) == shared_by_passes
        assert [a.short for a in full.abbreviations] == [doc.text.split("(")[1][:2]]
    assert full.abbreviations != rules_only.abbreviations  # 'VP' reads differently without the NER name
