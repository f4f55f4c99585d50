"""Speed-ups of extraction (issue 10) read exactly what the plain computations read: shared passes, memos, prefilters."""
from __future__ import annotations

import contextvars

import pytest

from extractors import stages
from extractors.evidence import extract as extract_module
from extractors.evidence.body import read_clause_once
from extractors.evidence.dual import compare_passes
from extractors.evidence.endpoints import find_endpoints
from extractors.evidence.extract import extract_evidence, shared_steps, sharing_steps
from extractors.evidence.readings import ReadingContext, read_clause
from extractors.nlp import ner_mentions
from extractors.nlp.ner_mentions import NerFindings, ner_arms_added
from extractors.nlp.pipeline import ShortParenthesisMatcher, rule_sentencizer
from extractors.nlp.sentences import _MAX_BRACKET_SPAN, _OPEN, _bracket_mask, split_sentences
from extractors.nlp.trials import (
    _IGNORECASE_ASCII_FOLDS, _gazetteer_pattern, _listed_matches, _may_match, find_trial_mentions,
)
from schemas.settings import ExtractSettings
from tests.test_evidence_extract import make_doc

VELANTUMAB = make_doc([
    ("title", "Velantumab in relapsed B-cell acute lymphoblastic leukaemia: the Osprey trial"),
    ("body", "In the phase 2 Osprey trial, 64 adults with relapsed disease received velantumab. Complete remission "
             "was reached in 45% of patients treated with velantumab, and the median overall survival was 9.1 months."),
    ("body", "In the earlier TOWER trial, blinatumomab gave a complete remission rate of 34% versus 16% with "
             "chemotherapy. No other figures were given."),
    ("body", "Cytokine release syndrome occurred in 12% of patients; the 2-year overall survival was 38%."),
])
RULES_ONLY = {"use_ner": False}


def _separate_passes(doc, settings):
    """The full and the rules-only pass each computed from scratch, and their flags."""
    full = extract_evidence(doc, (), settings)
    rules = extract_evidence(doc, (), settings.model_copy(update=RULES_ONLY))
    return full, compare_passes(full, rules)


def test_shared_passes_give_the_records_and_flags_of_separate_passes():
    settings = ExtractSettings()
    full, flags = contextvars.copy_context().run(_separate_passes, VELANTUMAB, settings)
    extraction = contextvars.copy_context().run(stages.extract_document, VELANTUMAB, settings)
    assert full and flags  # the NER names velantumab and Osprey, so the passes differ
    assert extraction.records == tuple(full)
    assert extraction.dual_flags == tuple(flags)


def test_rules_only_pass_run_after_a_shared_full_pass_reads_what_it_reads_alone():
    settings = ExtractSettings()
    rules_alone = contextvars.copy_context().run(extract_evidence, VELANTUMAB, (), settings.model_copy(update=RULES_ONLY))

    def shared():
        with sharing_steps(VELANTUMAB) as steps:
            extract_evidence(VELANTUMAB, (), settings)
            return extract_evidence(VELANTUMAB, (), settings.model_copy(update=RULES_ONLY)), steps

    rules_shared, steps = contextvars.copy_context().run(shared)
    assert rules_shared == rules_alone
    assert steps.clause_readings and list(steps.abbreviation_terms) == [settings.base_model]


def test_full_pass_after_a_rules_only_pass_does_not_take_its_readings():
    """A reading the rules-only pass kept is not the full pass's when an NER drug name is in the sentence."""
    settings = ExtractSettings()
    full_alone = contextvars.copy_context().run(extract_evidence, VELANTUMAB, (), settings)

    def rules_first():
        with sharing_steps(VELANTUMAB):
            extract_evidence(VELANTUMAB, (), settings.model_copy(update=RULES_ONLY))
            return extract_evidence(VELANTUMAB, (), settings)

    assert contextvars.copy_context().run(rules_first) == full_alone


def test_steps_are_shared_only_inside_sharing_steps_and_for_its_document():
    other = make_doc([("body", "Overall survival was 40%.")])
    assert shared_steps(VELANTUMAB) is not shared_steps(VELANTUMAB)
    with sharing_steps(VELANTUMAB) as steps:
        assert shared_steps(VELANTUMAB) is steps
        assert shared_steps(other) is not steps


def test_clause_memo_keeps_no_reading_an_ner_drug_name_changed():
    with_drug = "Complete remission was reached in 45% of patients treated with velantumab."
    without = "Complete remission was reached in 30% of patients treated with blinatumomab."
    ctx = ReadingContext()

    def read_both():
        ner_mentions._current.set(NerFindings(drug_names=("velantumab",), document=with_drug + " " + without))
        memo: dict = {}
        counts = [ner_arms_added()]
        readings = [read_clause_once(with_drug, ctx, memo)]
        counts.append(ner_arms_added())
        readings.append(read_clause_once(without, ctx, memo))
        counts.append(ner_arms_added())
        return memo, readings, counts

    memo, readings, counts = contextvars.copy_context().run(read_both)
    assert [r.arm for r in readings[0]] == ["velantumab"] and [r.arm for r in readings[1]] == ["blinatumomab"]
    assert counts[1] == counts[0] + 1 and counts[2] == counts[1]
    assert list(memo) == [(without, ctx)]
    assert memo[(without, ctx)] == (("velantumab",), tuple(read_clause(without, ctx)))


def test_rules_only_pass_is_not_run_when_the_ner_found_no_name(monkeypatch):
    settings = ExtractSettings()
    records = contextvars.copy_context().run(extract_evidence, VELANTUMAB, (), settings)
    monkeypatch.setattr(extract_module, "extract_evidence", lambda *a, **k: pytest.fail("the rules-only pass ran"))
    assert stages.dual_extraction_flags(VELANTUMAB, (), records, settings,
                                        ner=NerFindings(document=VELANTUMAB.text)) == []
    with pytest.raises(pytest.fail.Exception):  # a name found: the rules-only pass must run
        stages.dual_extraction_flags(VELANTUMAB, (), records, settings,
                                     ner=NerFindings(drug_names=("velantumab",), document=VELANTUMAB.text))
    with pytest.raises(pytest.fail.Exception):  # names of another document say nothing about this one
        stages.dual_extraction_flags(VELANTUMAB, (), records, settings, ner=NerFindings(document="other text"))


def _bracket_mask_by_character(text: str) -> list[tuple[int, int]]:
    """The bracket pairs as the character-by-character definition gives them (the reference for _bracket_mask)."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append((ch, i))
        elif ch in (")", "]"):
            for depth in range(len(stack) - 1, -1, -1):
                if _OPEN[stack[depth][0]] == ch:
                    start = stack[depth][1]
                    del stack[depth:]
                    if i - start <= _MAX_BRACKET_SPAN:
                        pairs.append((start, i))
                    break
        elif ch == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            stack.clear()
    return pairs


@pytest.mark.parametrize("text", [
    "OS was 40% (95% CI, 30-50 [ref 3]) and (unclosed [x] ) ) ].",
    "([)] (a [b) c] d)",
    "(open\n\nclosed) and (one\nline) [two\n\n\n]",
    "(" + "x" * (_MAX_BRACKET_SPAN + 5) + ") (short)",
    "no brackets at all\n\n",
])
def test_bracket_mask_matches_the_character_by_character_definition(text):
    assert _bracket_mask(text) == _bracket_mask_by_character(text)


def test_rule_sentencizer_starts_a_sentence_at_every_split_sentences_start():
    import spacy
    text = "CR was 45%. OS was 9 months (95% CI, 7.1-11). Fig. 2 shows it.\n\nA new paragraph starts here."
    doc = rule_sentencizer(spacy.blank("en").make_doc(text))
    starts = {s for s, _ in split_sentences(text)}
    assert [t.is_sent_start for t in doc] == [t.i == 0 or t.idx in starts for t in doc]
    assert len(rule_sentencizer(spacy.blank("en").make_doc(""))) == 0


@pytest.mark.parametrize("name, text", [
    ("ZUMA-3", "In zuma 3, and in ZUMA‐3 (a hyphen variant)."),
    ("SOLSTICE-4", "the \u017folstice-4 trial"),        # long s: re.IGNORECASE matches it to 's'
    ("KESTREL-2", "the \u212aESTREL-2 trial"),          # Kelvin sign: matched to 'K'
    ("INO-VATE", "the \u0130NO-VATE and \u0131no vate trials"),  # dotted and dotless i
    ("TOWER", "the TOWER and Tower trials"),
    ("Osprey trial", "the OSPREY and Osprey and osprey trials"),
])
def test_gazetteer_prefilter_never_skips_a_name_its_matcher_finds(name, text):
    folded = text.translate(_IGNORECASE_ASCII_FOLDS).lower()
    assert _gazetteer_pattern(name).search(text) is not None
    assert _may_match(name, text, folded)


def test_gazetteer_prefilter_skips_names_absent_from_the_text():
    text = "Blinatumomab gave a CR rate of 34% in TOWER."
    folded = text.translate(_IGNORECASE_ASCII_FOLDS).lower()
    assert not _may_match("ZUMA-3", text, folded) and not _may_match("Osprey", text, folded)


def test_remembered_results_are_fresh_lists_callers_may_change():
    text = "In the ZUMA-3 trial, OS was 40%. CR was 50%."
    for find in (split_sentences, lambda t: find_endpoints(t), lambda t: find_trial_mentions(t, ("ZUMA-3",))):
        first = find(text)
        expected = list(first)
        first.clear()
        assert find(text) == expected and expected



def test_listed_name_matches_are_the_regex_finditer_matches():
    text = ("ZUMA-3 and zuma 3 (ZUMA\u20113) but not XZUMA-3 or ZUMA-33; the TOWER trial, TOWER 2017, TOWERS and "
            "Tower. \u0130NO-VATE, ino vate, INO-VATE-2; " * 3)
    folded = text.translate(_IGNORECASE_ASCII_FOLDS).lower()
    for name in ("ZUMA-3", "TOWER", "INO-VATE", "Tower", "SOLSTICE-4"):
        assert [m.span() for m in _listed_matches(name, text, folded)] == \
            [m.span() for m in _gazetteer_pattern(name).finditer(text)]
    assert _listed_matches("ZUMA-3", text, folded)


def test_short_parenthesis_matcher_gives_the_brackets_scispacy_keeps_in_the_spacy_matcher_order():
    import spacy
    from scispacy.abbreviation import filter_matches
    from spacy.matcher import Matcher
    nlp = spacy.blank("en")
    doc = nlp.make_doc("( Minimal residual disease (MRD) and overall survival (OS ( 95 % CI ) ) were measured "
                       "( a b c d e f g h ) ( a b c d e f g h i ) () ( ( x ) ) end )")
    spacy_matcher = Matcher(nlp.vocab)
    spacy_matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    every = spacy_matcher(doc)
    short = ShortParenthesisMatcher(nlp.vocab)(doc)
    assert short == [m for m in every if m[2] - m[1] - 2 <= ShortParenthesisMatcher.MAX_INSIDE]
    assert len(short) < len(every)

    def kept(matches):
        return [(long.start, long.end, sf.start, sf.end)
                for long, sf in filter_matches([(m[0], m[1] + 1, m[2] - 1) for m in matches], doc)]

    assert kept(short) == kept(every) and kept(short)
    assert ShortParenthesisMatcher(nlp.vocab)(nlp.make_doc("")) == []
