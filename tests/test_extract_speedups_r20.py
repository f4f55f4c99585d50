"""Round 20 extraction speed-ups: each must leave what extraction reads unchanged (no timing here: see bench/)."""
from __future__ import annotations

import re

from extractors.evidence import extract as extract_module
from extractors.evidence.extract import _annotated_abbreviations
from extractors.nlp import literal_prefilter
from extractors.nlp.literal_prefilter import Need, fold, may_match, may_match_rows, pattern_needs


def test_pattern_needs_of_a_pattern_object_are_those_of_its_text():
    """Two pattern objects of the same text get the same needs, whichever was asked first, and asking again agrees."""
    source = r"(?<![A-Za-z])(?:ORR|CRS)(?![A-Za-z])"
    first = re.compile(source)
    other = re.compile(source + r"(?:)")  # a distinct object (re's cache would hand back `first` for the same text)
    assert pattern_needs(first) == (Need((), ("CRS", "ORR")),)
    assert pattern_needs(other) == pattern_needs(first)
    assert pattern_needs(first) is pattern_needs(first)


def test_pattern_needs_remembered_by_identity_stay_bounded(monkeypatch):
    """The by-identity memo starts afresh past its limit instead of growing with every pattern object ever asked."""
    monkeypatch.setattr(literal_prefilter, "_needs_by_identity", {})
    monkeypatch.setattr(literal_prefilter, "_NEEDS_BY_IDENTITY_LIMIT", 3)
    patterns = [re.compile(rf"name{i}|other{i}") for i in range(7)]
    for rx in patterns:
        assert pattern_needs(rx) == (Need((), tuple(sorted((f"name{rx.pattern[4]}", f"other{rx.pattern[4]}")))),)
    assert 1 <= len(literal_prefilter._needs_by_identity) <= 3


def test_pattern_needs_memo_is_not_fooled_by_a_reused_identity(monkeypatch):
    """A remembered entry whose pattern is another object (an id reused after the first was freed) is not used."""
    rx = re.compile(r"overall survival")
    stale = re.compile(r"event-free survival")
    monkeypatch.setattr(literal_prefilter, "_needs_by_identity", {id(rx): (stale, (Need((), ("stale",)),))})
    assert pattern_needs(rx) == (Need((), ("overall survival",)),)


def test_annotated_abbreviations_without_a_glossed_bracket_skip_the_scan(monkeypatch):
    """A body with no '(SF; ' or '(SF, ' bracket has no annotated definition, and the full scan is not run for it."""
    class Refuses:
        def finditer(self, _text):
            raise AssertionError("the full scan ran on a body without a glossed bracket")

    monkeypatch.setattr(extract_module, "_ANNOTATED_ABBREVIATION", Refuses())
    assert _annotated_abbreviations("Complete molecular response (CMR) was reached by 40% (n = 12).") == []


def test_annotated_abbreviations_with_a_glossed_bracket_are_still_read():
    """The gate lets through every body the full scan reads a definition in."""
    text = "The end point was complete molecular response (CMR; BCR::ABL1 transcripts undetectable) at 12 months."
    assert _annotated_abbreviations(text) == [("CMR", "complete molecular response")]
    assert _annotated_abbreviations("a rate (CR, 40%) was seen") == []


def test_may_match_rows_agrees_with_may_match_on_every_rule_table():
    """Row by row, the table-wide test gives what may_match of each row's pattern gives, on every rule table."""
    from extractors.evidence.endpoints import _NOT_ENDPOINTS
    from extractors.evidence.endpoints import _compiled as endpoint_patterns
    from extractors.evidence.known_arms import _compiled as arm_patterns
    from extractors.evidence.numbers import _TP_RES, _WINDOW_RES
    from tests.test_extract_speedups_r19 import SAMPLE_TEXTS

    tables = (arm_patterns(None), endpoint_patterns(()), _NOT_ENDPOINTS, _TP_RES, _WINDOW_RES)
    ruled_out = 0
    for rows in tables:
        for text in SAMPLE_TEXTS + tuple(t.upper() for t in SAMPLE_TEXTS) + tuple(t.lower() for t in SAMPLE_TEXTS):
            folded = fold(text)
            expected = [may_match(pattern_needs(r if isinstance(r, re.Pattern) else r[0]), text, folded) for r in rows]
            assert may_match_rows(rows, text, folded) == expected
            ruled_out += expected.count(False)
    assert ruled_out > 0


def test_may_match_rows_needs_every_need_of_a_row():
    """A row whose pattern needs two strings may match only where both occur; a row with no need always may."""
    rows = ((re.compile(r"overall survival \d+ months"), "two needs"), (re.compile(r"\d+"), "no need"),
            (re.compile(r"(?i)EFS"), "one folded need"))
    assert may_match_rows(rows, "overall survival of 12", fold("overall survival of 12")) == [False, True, False]
    text = "overall survival 12 months, efs 9 months"
    assert may_match_rows(rows, text, fold(text)) == [True, True, True]


def test_may_match_rows_looks_for_each_spelling_of_a_printed_name():
    """Case-sensitive names are looked for as printed: the lower-case text holding 'ida' is not enough for 'IDA'; a
    name with a non-ASCII letter is looked for as printed too."""
    rows = (re.compile(r"(?<![A-Za-z])(?:IDA|Ida)(?![A-Za-z])"), re.compile(r"naïve"))
    for text, expected in (("with ida and cytarabine", [False, False]), ("with Ida and cytarabine", [True, False]),
                           ("IDA in a naïve cohort", [True, True]), ("a naive cohort", [False, False])):
        assert may_match_rows(rows, text, fold(text)) == expected, text
