"""The order in which a report of three or more arms lists them: its results table's columns or its allocation."""
from __future__ import annotations

import re

from extractors.evidence.arms import find_arms
from extractors.evidence.rules import ALLOCATION_COUNT_AFTER, ALLOCATION_COUNT_BEFORE, GENERIC_ARMS, RANDOMISED_DESIGN
from extractors.nlp.sentences import split_sentences
from schemas.document import Document

_RANDOMISED = re.compile(RANDOMISED_DESIGN.pattern, re.IGNORECASE)
_COUNT_BEFORE = re.compile(ALLOCATION_COUNT_BEFORE.pattern, re.IGNORECASE)
_COUNT_AFTER = re.compile(ALLOCATION_COUNT_AFTER.pattern, re.IGNORECASE)
MIN_LISTED_ARMS = 3  # two arms are already ordered by the study's experimental and control sides


def table_column_arms(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """The treatments a table's column headers set side by side ('Inotuzumab (n = 127) | Blinatumomab (n = 191)');
    () unless two or more differ: a cohort comparison, even of a non-randomised registry, has no single study arm."""
    for table in doc.tables:
        arms = []
        for header in table.header:
            found = [a.arm for a in find_arms(header or "", gazetteer_dir) if a.arm not in GENERIC_ARMS]
            if found and found[0] not in arms:
                arms.append(found[0])
        if len(arms) >= 2:
            return tuple(arms)
    return ()


def allocated_arm_order(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """The arms of the first sentence allocating counts to three or more of them ('147 to PTCy, 145 to ATG, and 146 to
    abatacept'), in its order; else ()."""
    for start, end in split_sentences(doc.text):
        sentence = doc.text[start:end]
        if not _RANDOMISED.search(sentence):
            continue
        arms: list[str] = []
        for a in find_arms(sentence, gazetteer_dir):
            counted = _COUNT_BEFORE.search(sentence[max(0, a.start - 40):a.start]) or _COUNT_AFTER.match(sentence[a.end:])
            if counted and a.arm not in GENERIC_ARMS and a.arm not in arms:
                arms.append(a.arm)
        if len(arms) >= MIN_LISTED_ARMS:
            return tuple(arms)
    return ()


def study_arm_order(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """The report's arms in the order it lists them, when it has three or more; else ()."""
    columns = table_column_arms(doc, gazetteer_dir)
    if len(columns) >= MIN_LISTED_ARMS:
        return columns
    return allocated_arm_order(doc, gazetteer_dir)
