"""Forest-plot style lists of subgroup hazard ratios in prose: 'Age 65 years or older: HR 0.58 (0.37-0.91) ...'."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractors.evidence.rules import SUBGROUP_RATIO_CUE, SUBGROUP_RATIO_ITEM, SUBGROUP_RATIO_LABEL_CHARS

SUBGROUP_RATIO_RULE = "rule:subgroup_hazard_ratio"

_ITEM = re.compile(SUBGROUP_RATIO_ITEM.pattern)
_CUE = re.compile(SUBGROUP_RATIO_CUE.pattern)
SUBGROUP_RATIO_HEADING = re.compile(SUBGROUP_RATIO_CUE.pattern + r"|\bsubgroups?\b")
"""A heading that names the endpoint of the subgroup ratios under it ('Forest plot, EFS', 'Subgroups: OS')."""
_LABEL_BREAK = re.compile(r"[:;]|[.!?]\s")
_BULLET = re.compile(r"[•▪‣◦]")


@dataclass(frozen=True)
class SubgroupRatio:
    """One subgroup's hazard ratio: the value's span in the sentence, its CI and the subgroup label."""

    start: int
    end: int
    value_text: str
    value: float
    ci_low: float
    ci_high: float
    label: str


@dataclass(frozen=True)
class SubgroupRatioList:
    """The subgroup hazard ratios of a sentence; `intro_end` and `end` bound the list (the rest is prose)."""

    items: tuple[SubgroupRatio, ...]
    intro_end: int
    end: int


def _number(text: str) -> float:
    return float(text.replace("·", "."))


def find_subgroup_ratios(sentence: str, heading: str = "") -> Optional[SubgroupRatioList]:
    """The list of subgroup hazard ratios a sentence gives, each after its label and a colon; None without one.

    Two items or more in a row are a list; a lone item is one when its text is all the sentence ('• Age < 40: HR
    1.38 (0.69-2.76)'). The values are ratios only where the items, the introduction or the heading say so.
    """
    items: list[tuple[re.Match, int]] = []
    for m in _ITEM.finditer(sentence):
        lo, v, hi = _number(m.group("lo")), _number(m.group("v")), _number(m.group("hi"))
        if not lo <= v <= hi:
            return None  # a value outside its own interval is no estimate with its CI
        label_from = items[-1][0].end() if items else max(0, m.start() - SUBGROUP_RATIO_LABEL_CHARS)
        breaks = list(_LABEL_BREAK.finditer(sentence, label_from, m.start()))
        label_start = max([b.end() for b in breaks] + [b.end() for b in _BULLET.finditer(sentence, label_from, m.start())],
                          default=label_from)
        if items and (breaks or m.start() - label_from > SUBGROUP_RATIO_LABEL_CHARS
                      or re.search(r"\w", sentence[label_from:label_start])):
            break  # prose (or a heading before a bullet) between two items ends the list
        items.append((m, label_start))
    if not items:
        return None
    intro_end, end = items[0][1], items[-1][0].end()
    lone = len(items) == 1 and not re.search(r"\w", sentence[:intro_end]) and not re.search(r"\w", sentence[end:])
    if len(items) < 2 and not lone:
        return None
    if not any(_CUE.search(text) for text in (sentence[:end], heading)):
        return None
    return SubgroupRatioList(tuple(SubgroupRatio(m.start("v"), m.end("v"), m.group("v"), _number(m.group("v")),
                                                 _number(m.group("lo")), _number(m.group("hi")),
                                                 sentence[label_start:m.start()].strip(" •–-\u2022"))
                                   for m, label_start in items), intro_end, end)
