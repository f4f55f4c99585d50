"""Rule-based sentence segmentation for scientific text, as character spans."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple


class NoSplitRule(NamedTuple):
    """A pattern that, matched against the text before a candidate boundary, vetoes the split."""

    id: str
    pattern: re.Pattern[str]
    why: str


_ABBREVIATIONS = (
    "vs", "et al", "e\\.g", "i\\.e", "cf", "Fig", "Figs", "fig", "figs", "approx", "ca",
    "resp", "Ref", "Refs", "Suppl", "suppl", "Tab", "Eq", "Dr", "Prof", "Mr", "Mrs", "Ms", "Inc",
    "Ltd", "Co", "Corp", "vol", "Vol", "pp", "no", "No", "nos", "Nos", "incl", "excl",
    "yr", "yrs", "wk", "wks", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "St", "Dept", "Univ", "dl", "mL", "c\\.i",
)

NO_SPLIT_RULES: tuple[NoSplitRule, ...] = (
    NoSplitRule("abbreviation", re.compile(r"(?:^|[\s(\[/])(?:" + "|".join(_ABBREVIATIONS) + r")\.$"),
                "common abbreviations (vs., et al., e.g., Fig., approx., no.) end with a period mid-sentence"),
    NoSplitRule("dotted_abbreviation", re.compile(r"(?:^|[\s(\[])(?:[A-Za-z]\.){2,}$"),
                "dotted abbreviations such as U.S. or c.i. are not sentence ends"),
    NoSplitRule("initial", re.compile(r"(?:^|[\s(\[])[A-Z]\.$"),
                "a single capital and a period is an author's or a middle initial"),
    NoSplitRule("section_number", re.compile(r"^\s*\d+(?:\.\d+)*\.$"),
                "a numbered heading such as '2.1.' belongs to its title"),
    NoSplitRule("caption_label", re.compile(r"^\s*(?:Figure|Fig\.|Table|Supplementary Table|Box|Panel)\s+\S{1,6}\.$"),
                "a caption label such as 'Figure 3.' belongs to its caption"),
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_CANDIDATE = re.compile(r"[.!?]['\"’”)\]]*(?=\s)")
# What may open a sentence: a capital, a digit, or an opening quote/bracket before one.
_SENTENCE_START = re.compile(r"\s+(?:['\"‘“(\[]?)[A-Z0-9\u0391-\u03A9]")
_CITATION_AFTER = re.compile(r"\s*\[\d")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\s+(?=[\u2022\u25aa\u25e6\u2023]\s)")
"""A blank line, or a bullet inside a run of text (a poster's bullets set run-in: '... CR or CRi • MRD-guided ...')."""
_MAX_BRACKET_SPAN = 600
_RUN_IN_HEADING = re.compile(
    r"^[A-Z][\w/&-]*(?: (?:and|of|or|with|in|to|[A-Z][\w/&-]*|[a-z][\w/-]*)){0,4}"
    r"(?= (?:The|An|At|Among|In|Of|On|By|From|After|During|With|Overall|Median|Over|Across|Within|We|Our|This|These|"
    r"There|All|Most|Between|Before|Since|Compared|Patients|Participants)\b [\w\d(])")
"""A run-in heading opening a paragraph ('Survival At 3 years, 86.9% ...', 'Response and MRD The best response ...'):
a capitalised function word never stands inside a sentence, so the words before it are a heading of their own."""

_OPEN = {"(": ")", "[": "]"}


_BRACKET_EVENT = re.compile(r"[()\[\]]|\n(?=\n)")
"""The characters _bracket_mask acts on: brackets, and a line break before a blank line."""


def _bracket_mask(text: str) -> list[tuple[int, int]]:
    """Return (open, close) offsets of balanced brackets no longer than _MAX_BRACKET_SPAN."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for event in _BRACKET_EVENT.finditer(text):
        i, ch = event.start(), event.group(0)
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
        elif ch == "\n":
            stack.clear()
    return pairs


def _merged(pairs: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Union of bracket intervals as parallel sorted start/end lists."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(pairs):
        if starts and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(merged: tuple[list[int], list[int]], pos: int) -> bool:
    starts, ends = merged
    i = bisect_right(starts, pos - 1) - 1
    return i >= 0 and starts[i] < pos < ends[i]


def _segment(text: str, base: int, out: list[tuple[int, int]]) -> None:
    pairs = _merged(_bracket_mask(text))
    start = 0
    heading = _RUN_IN_HEADING.match(text)
    if heading and not _inside(pairs, heading.end()):
        _emit(text, base, 0, heading.end(), out)
        start = heading.end()
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if not _SENTENCE_START.match(text, end) or _CITATION_AFTER.match(text, end):
            continue
        if _inside(pairs, m.start()):
            continue
        before = text[start:m.start() + 1] if text[m.start()] == "." else ""
        if before and any(rule.pattern.search(before) for rule in NO_SPLIT_RULES):
            continue
        _emit(text, base, start, end, out)
        start = end
    _emit(text, base, start, len(text), out)


def _emit(text: str, base: int, start: int, end: int, out: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append((base + start + lead, base + start + lead + len(stripped)))


def split_sentences(text: str, hard_newlines: bool = False) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences in text; blank lines always end one."""
    return list(_split_sentences(text, hard_newlines))


@lru_cache(maxsize=4096)
def _split_sentences(text: str, hard_newlines: bool) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    breaker = re.compile(r"\n\s*") if hard_newlines else _PARAGRAPH_BREAK
    pos = 0
    for m in breaker.finditer(text):
        _segment(text[pos:m.start()], pos, spans)
        pos = m.end()
    _segment(text[pos:], pos, spans)
    return tuple(spans)
