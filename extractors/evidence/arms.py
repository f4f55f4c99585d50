"""Find treatment-arm mentions with the arm lexicon, the drug gazetteer and the document's NER drug names."""
from __future__ import annotations

import re
from contextvars import ContextVar
from pathlib import Path
from typing import Optional, Sequence

from extractors.evidence.arm_abbreviations import add_abbreviated_arms, held_arm_abbreviations
from extractors.evidence.known_arms import ArmMention, find_known_arms
from extractors.evidence.rules import WITHOUT_ARM_LEFT, WITHOUT_IT
from extractors.evidence.strategy_arms import add_strategy_arms, held_strategies
from extractors.nlp.ner_mentions import add_ner_arms, held_ner, ner_arms_added, note_arms_added

__all__ = ["ArmMention", "find_arms", "find_known_arms"]

# find_arms answers for the document state they were computed under (NER names, arm abbreviations, strategy arms):
# (that state, {(text, gazetteer_dir): (arms, how many NER/abbreviation notes computing them made)})
_answers: ContextVar[Optional[tuple[tuple, dict]]] = ContextVar("find_arms_answers", default=None)


def find_arms(text: str, gazetteer_dir: Optional[Path] = None) -> list[ArmMention]:
    """Return non-overlapping arm mentions in text order (longest first at each place)."""
    state = (held_ner(), held_arm_abbreviations(), held_strategies())  # all an answer depends on besides its text
    answers = _answers.get()
    if answers is None or any(a is not b for a, b in zip(answers[0], state)):
        answers = (state, _still_valid(answers, state))
        _answers.set(answers)
    kept = answers[1].get((text, gazetteer_dir))
    if kept is None:
        before = ner_arms_added()
        kept = answers[1][(text, gazetteer_dir)] = (tuple(_find_arms(text, gazetteer_dir)), ner_arms_added() - before)
    else:
        for _ in range(kept[1]):  # the notes a reading counts on (body.read_clause_once), as the computation made them
            note_arms_added()
    return list(kept[0])


def _still_valid(answers: Optional[tuple[tuple, dict]], state: tuple) -> dict:
    """The kept answers that hold under a new document state: all of them when only equal copies of the same state
    were set; those no NER name or abbreviation changed when the new state has no NER names (the rules-only pass)."""
    if answers is None or answers[0][1:] != state[1:]:  # other arm abbreviations or strategy arms
        return {}
    if answers[0][0] is state[0]:
        return dict(answers[1])
    if state[0] is None or not state[0].drug_names:
        return {key: kept for key, kept in answers[1].items() if kept[1] == 0}
    return {}


def _find_arms(text: str, gazetteer_dir: Optional[Path] = None) -> list[ArmMention]:
    # NER: drug names of the current document that the lexicon and gazetteer lack (extractors/nlp/ner_mentions.py)
    # strategy arms of a report comparing procedures or policies (extractors/evidence/strategy_arms.py)
    # arm abbreviations the document defines ('AV' for acalabrutinib-venetoclax; extractors/evidence/arm_abbreviations.py)
    return _without_arms(text, add_strategy_arms(text, add_abbreviated_arms(text, add_ner_arms(
        text, find_known_arms(text, gazetteer_dir)))))


def naming_control(arms: Sequence[ArmMention], control: Optional[str]) -> list[ArmMention]:
    """The arm mentions with the 'control' placeholder ('the control group') named `control`, the report's control
    arm, or left out when there is none."""
    return [a._replace(arm=control) if a.arm == "control" else a for a in arms if a.arm != "control" or control]


_WITHOUT_LEFT = re.compile(WITHOUT_ARM_LEFT.pattern, re.IGNORECASE)
_WITHOUT_IT = re.compile(WITHOUT_IT.pattern, re.IGNORECASE)


def _without_arms(text: str, arms: list[ArmMention]) -> list[ArmMention]:
    """Arm mentions with 'without X' and a bare 'without it' turned into the control arm."""
    out = []
    for a in arms:
        m = _WITHOUT_LEFT.search(text, max(0, a.start - 40), a.start) if not a.control else None
        out.append(ArmMention(m.start(), a.end, "control", True, 2) if m and m.end() == a.start else a)
    out += [ArmMention(m.start(), m.end(), "control", True, 2) for m in _WITHOUT_IT.finditer(text)
            if all(m.end() <= a.start or m.start() >= a.end for a in out)]
    return sorted(out)
