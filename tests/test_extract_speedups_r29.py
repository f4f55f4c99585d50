"""Round 29 extraction speed-ups: each must leave what extraction reads unchanged (no timing here: see bench/)."""
from __future__ import annotations

import random
from typing import NamedTuple

from extractors.evidence.attribution import is_new_study_intro
from extractors.evidence.body import _mentions_inside
from extractors.nlp.literal_prefilter import IGNORECASE_ASCII_FOLDS, fold


class Mention(NamedTuple):
    start: int
    end: int


def test_fold_is_the_special_folds_then_lower_case_on_any_text():
    """The ASCII shortcut gives what the translate table and lower() give, and non-ASCII text still takes the table."""
    rng = random.Random(29)
    alphabet = "aZ .,;()-0" + "".join(chr(c) for c in IGNORECASE_ASCII_FOLDS) + "\u00e9\u0394\u2013\u00a0"
    texts = ["", "PFS", "Overall Survival 12 MONTHS", "\u0130NOTUZUMAB \u212aaplan", "\u017furvival"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(2000)]
    for text in texts:
        assert fold(text) == text.translate(IGNORECASE_ASCII_FOLDS).lower(), text
    assert fold("\u0130NO") == "ino" and fold("\u212a") == "k"


def test_a_sentences_mentions_are_found_among_its_paragraphs():
    """For every sentence span, the mentions inside it are the same, in the same order, taken from the paragraph's
    mentions as from the document's (unsorted mentions, mentions across sentence breaks and outside the paragraph)."""
    rng = random.Random(7)
    for _ in range(500):
        cuts = sorted(rng.sample(range(100, 400), rng.randint(1, 6)))
        spans = list(zip([100] + cuts, cuts + [400]))
        mentions = [Mention(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 500) for _ in range(rng.randint(0, 40)))]
        inside = _mentions_inside(mentions, spans)
        for s, e in spans:
            assert [m for m in inside if m.start >= s and m.end <= e] == \
                   [m for m in mentions if m.start >= s and m.end <= e]
    assert _mentions_inside([Mention(1, 2)], []) == []


def test_the_kept_new_study_cue_is_the_cue():
    sentences = ["In a phase II study of 40 adults, 80% responded.", "Liu and colleagues reported 12 months.",
                 "The median OS was 12.1 months.", ""]
    for sentence in sentences * 2:
        assert is_new_study_intro(sentence) == is_new_study_intro.__wrapped__(sentence)
