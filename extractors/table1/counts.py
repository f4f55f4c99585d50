"""Patient counts of a Table 1 total-patients cell: per arm when the cell splits them, and in total."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from extractors.evidence.arms import find_arms


class PatientCount(NamedTuple):
    """One count read from the cell: value, the arm it counts (None = all patients) and the digits' span."""

    value: int
    arm: Optional[str]
    start: int
    end: int


class CountRule(NamedTuple):
    """A pattern over a total-patients cell, with why it reads (or skips) a number."""

    pattern: re.Pattern
    rationale: str


EMBEDDED_COUNT = CountRule(re.compile(r"\(\s*(?:n\s*=\s*)?(\d[\d,]*)\s*\)|\bn\s*=\s*(\d[\d,]*)", re.I),
                           "in a merged setting/design/patients cell the count is the bracketed or 'n =' number")
LEADING_COUNT = CountRule(re.compile(r"(?<![\w.,])(\d[\d,]*)(?![\d.,]*\s*(?:%|years?\b|y\b|yrs?\b|months?\b|mo\b|"
                                     r"days?\b|weeks?\b|(?:st|nd|rd|th)\b|[–—-]\d|\s*[×x]\s*10))"),
                          "a count is a whole number that is not an age, a duration, a rank, a range or a dose")
ARM_SPLIT = CountRule(re.compile(r"\s*\b(?:vs\.?|versus|v\.|compared with)\s*|\s*;\s*", re.I),
                      "'271 blinatumomab vs. 134 ChT' lists one count per arm")


def patient_counts(cell: str, merged: bool = False) -> list[PatientCount]:
    """Counts in a total-patients cell; a split over arms also gives the total (arm None)."""
    if merged:
        m = EMBEDDED_COUNT.pattern.search(cell)
        return [PatientCount(int((m.group(1) or m.group(2)).replace(",", "")), None,
                             *m.span(1 if m.group(1) else 2))] if m else []
    counts: list[PatientCount] = []
    offset = 0
    for part in ARM_SPLIT.pattern.split(cell):
        at = cell.find(part, offset)
        offset = at + len(part)
        number = LEADING_COUNT.pattern.search(part)
        if not part.strip() or number is None:
            continue
        arms = [a for a in find_arms(part[number.end():]) if a.start < 40]
        value = int(number.group(1).replace(",", ""))
        counts.append(PatientCount(value, arms[0].arm if arms else None, at + number.start(1), at + number.end(1)))
    if len(counts) >= 2 and all(c.arm for c in counts):
        counts.append(PatientCount(sum(c.value for c in counts), None, counts[0].start, counts[-1].end))
    elif len(counts) > 1:  # numbers that are not a per-arm split: only the first is the enrolment
        counts = counts[:1]
    return counts
