"""Find treatment-arm mentions with the arm lexicon, the drug gazetteer and the document's NER drug names."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from extractors.evidence.arm_abbreviations import add_abbreviated_arms
from extractors.evidence.known_arms import ArmMention, find_known_arms
from extractors.evidence.strategy_arms import add_strategy_arms
from extractors.nlp.ner_mentions import add_ner_arms

__all__ = ["ArmMention", "find_arms", "find_known_arms"]


def find_arms(text: str, gazetteer_dir: Optional[Path] = None) -> list[ArmMention]:
    """Return non-overlapping arm mentions in text order (longest first at each place)."""
    # NER: drug names of the current document that the lexicon and gazetteer lack (extractors/nlp/ner_mentions.py)
    # strategy arms of a report comparing procedures or policies (extractors/evidence/strategy_arms.py)
    # arm abbreviations the document defines ('AV' for acalabrutinib-venetoclax; extractors/evidence/arm_abbreviations.py)
    return add_strategy_arms(text, add_abbreviated_arms(text, add_ner_arms(text, find_known_arms(text, gazetteer_dir))))
