"""Find treatment-arm mentions with the arm lexicon, the drug gazetteer and the document's NER drug names."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from extractors.evidence.arm_abbreviations import add_abbreviated_arms
from extractors.evidence.known_arms import ArmMention, find_known_arms
from extractors.evidence.rules import WITHOUT_ARM_LEFT, WITHOUT_IT
from extractors.evidence.strategy_arms import add_strategy_arms
from extractors.nlp.ner_mentions import add_ner_arms

__all__ = ["ArmMention", "find_arms", "find_known_arms"]


def find_arms(text: str, gazetteer_dir: Optional[Path] = None) -> list[ArmMention]:
    """Return non-overlapping arm mentions in text order (longest first at each place)."""
    # NER: drug names of the current document that the lexicon and gazetteer lack (extractors/nlp/ner_mentions.py)
    # strategy arms of a report comparing procedures or policies (extractors/evidence/strategy_arms.py)
    # arm abbreviations the document defines ('AV' for acalabrutinib-venetoclax; extractors/evidence/arm_abbreviations.py)
    return _without_arms(text, add_strategy_arms(text, add_abbreviated_arms(text, add_ner_arms(
        text, find_known_arms(text, gazetteer_dir)))))


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
