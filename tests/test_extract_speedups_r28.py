"""Round 28 extraction speed-ups: each must leave what extraction reads unchanged (no timing here: see bench/)."""
from __future__ import annotations

import random
import re

import pytest

from extractors.evidence import arm_abbreviations, readings
from extractors.evidence.arm_abbreviations import (LETTERED_LABEL_SUFFIX, _LETTERED_GROUPS, _LETTERED_GUARDS,
                                                   find_lettered_groups)
from extractors.evidence.numbers import _TP_NEEDS, _TP_RES, find_timepoints
from extractors.nlp.literal_prefilter import Need, fold, may_match, suffix_guard, text_needs

LABEL = LETTERED_LABEL_SUFFIX

TEXTS = (
    "Patients were randomly assigned to mosunetuzumab plus lenalidomide (group A) or bendamustine plus rituximab "
    "(Group B); group A (n = 40) received 12 cycles.",
    "Azacitidine ( arm 2 ) and venetoclax (cohort C) were given; (Arm D) alone; (arm E) is no arm.",
    "PFS, 24 months: 79.6%; OS - 36 mo 67.4%; EFS \u2013 12 mo, 55%; survival, 5 y 81%; OS 12 mo 68.2%.",
    "RFS \u2013 2 years (%) 71; the 2-year overall survival was 80% at 12 months, and by year three 60%.",
    "\u212aeep the PFS, 6 mo, 40% and the \u017furvival \u2013 3 y 50%; Three years out, 91.6 per cent were alive.",
)


def test_suffix_guard_is_none_where_no_guard_is_sound():
    """No guard for a top-level alternation, a split inside an item, a back-reference or a suffix that is the pattern."""
    assert suffix_guard(re.compile(r"a|b\(x\)"), r"\(x\)") is None
    assert suffix_guard(re.compile(r"a{2,3}"), ",3}") is None
    assert suffix_guard(re.compile(r"(a)x\1"), r"x\1") is None
    assert suffix_guard(re.compile(r"\(x\)"), r"\(x\)") is None
    assert suffix_guard(re.compile(r"[^()]{3,9}?\(x\)"), r"\(y\)") is None
    assert suffix_guard(re.compile(r"(a)x(b)", re.IGNORECASE), r"x(b)").pattern == r"x(b)"


def test_lettered_group_guards_hold_every_match():
    """Each guarded lettered-group pattern ends with the bracketed label, and every match of it holds a guard match."""
    guarded = [(rx, guard) for rx, guard in zip(_LETTERED_GROUPS, _LETTERED_GUARDS) if guard is not None]
    assert guarded, "no lettered-group pattern ends with the bracketed label: the guard no longer applies"
    for rx, guard in guarded:
        assert rx.pattern.endswith(LABEL)
        for text in TEXTS:
            for m in rx.finditer(text):
                assert guard.search(m.group(0))


def test_find_lettered_groups_reads_what_unguarded_patterns_read(monkeypatch):
    """find_lettered_groups with its guards gives what it gives without any guard."""
    for text in TEXTS + ("Group A: pirtobrutinib 200 mg daily. Group B: venetoclax plus obinutuzumab.",):
        guarded = find_lettered_groups(text)
        monkeypatch.setattr(arm_abbreviations, "_LETTERED_GUARDS", (None,) * len(_LETTERED_GROUPS))
        assert find_lettered_groups(text) == guarded
        monkeypatch.undo()
    assert find_lettered_groups(TEXTS[0])  # the texts define lettered groups after their treatment


def test_text_needs_count_what_positive_lookarounds_see():
    """A positive lookbehind's or lookahead's literal is needed in the text; a negative one's is not."""
    assert text_needs(re.compile(r"(?<=PFS, )\d+ mo")) == (Need((), ("PFS, ",)), Need((), (" mo",)))
    assert text_needs(re.compile(r"(?<!PFS, )\d+ mo")) == (Need((), (" mo",)),)
    assert text_needs(re.compile(r"(?:(?<=OS \u2013 )|(?<=EFS, ))\d", re.IGNORECASE)) == (Need(("efs, ", "os "), ()),)


@pytest.mark.parametrize("seed", range(3))
def test_landmark_needs_never_skip_a_matching_text(seed):
    """On texts built from the landmark patterns' own pieces, no pattern the needs skip has a match."""
    pieces = ["PFS, ", "OS - ", "EFS \u2013 ", "survival, ", "OS ", "; ", ": ", "at ", "by ", "after ", "through ",
              "24", "three", "a", "-", " ", "months", "mo", "y", "year", "2-year", " overall survival", " 45%", ", ",
              "\u212a", "\u017f", "response", "randomisation", " out", "\u2013"]
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        for rx, needs in zip(_TP_RES, _TP_NEEDS):
            if not may_match(needs, text, fold(text)):
                assert rx.search(text) is None, (rx.pattern[:60], text)


def test_find_timepoints_answers_are_copies():
    """The kept landmarks of a text are handed out as a new list each time: a caller's change stays its own."""
    first = find_timepoints("OS at 12 months was 80%")
    first.append("changed")
    assert find_timepoints("OS at 12 months was 80%") == first[:-1]


def test_distractors_ruled_out_by_the_whole_text_match_nowhere_in_it():
    """A distractor whose needed strings the clause lacks matches no part of it (left or right of any number)."""
    for text in TEXTS:
        for (_did, _side, rx), possible in zip(readings._DISTRACTORS, readings._distractors_possible(text)):
            if not possible:
                assert all(rx.search(text[:i]) is None and rx.search(text[i:]) is None for i in range(len(text) + 1))
