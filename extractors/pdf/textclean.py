"""Character-level clean-up rules: ligatures, unmapped glyphs, and hyphens at line ends."""
from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

LIGATURES: dict[str, str] = {
    "\ufb00": "ff",  # LATIN SMALL LIGATURE FF
    "\ufb01": "fi",  # LATIN SMALL LIGATURE FI
    "\ufb02": "fl",  # LATIN SMALL LIGATURE FL
    "\ufb03": "ffi",  # LATIN SMALL LIGATURE FFI
    "\ufb04": "ffl",  # LATIN SMALL LIGATURE FFL
    "\ufb05": "st",  # LATIN SMALL LIGATURE LONG S T
    "\ufb06": "st",  # LATIN SMALL LIGATURE ST
}
"""Typographic ligatures and the letters they stand for."""

_LIGATURE_TABLE = str.maketrans(LIGATURES)
_ANY_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")
CID_GARBAGE = re.compile(r"\(cid:\d+\)")
"""pdfminer's rendering of a glyph without a Unicode mapping."""
HYPHENS = frozenset("-\u00ad\u2010\u2011")
"""Characters that may end a line as a word-break hyphen (ASCII, soft, Unicode hyphen, non-breaking)."""


def clean_chars(text: str) -> tuple[str, int]:
    """Expand ligatures and drop `(cid:N)` garbage; return the text and how many garbage tokens went."""
    if _ANY_LIGATURE.search(text):
        text = text.translate(_LIGATURE_TABLE)
    if "(cid:" not in text:
        return text, 0
    cleaned, n_cid = CID_GARBAGE.subn("", text)
    return cleaned, n_cid


class HyphenRule(NamedTuple):
    """One decision about a hyphen at a line end; the first matching rule wins."""

    name: str
    keep_hyphen: bool
    rationale: str


_WORD_TAIL = re.compile(r"([\w\u0370-\u03ff]+)$")
_WORD_HEAD = re.compile(r"^([\w\u0370-\u03ff]+)")

KEEP_SUFFIXES = frozenset({
    "based", "related", "free", "like", "term", "line", "year", "month", "week", "day", "risk", "positive",
    "negative", "treated", "cell", "cells", "specific", "dependent", "induced", "derived", "associated", "directed",
    "mediated", "naive", "refractory", "resistant", "up", "out", "in", "off", "only", "level", "dose", "arm",
    "centre", "center", "label", "blind", "controlled", "matched", "adjusted", "specific", "intensity", "time",
    "wide", "scale", "fit", "intensive", "fold", "thirds", "third", "quarters", "income", "making", "care", "rate", "type", "host", "versus", "point", "called",
})
"""Second parts that mostly form real compounds (event-free, long-term, MRD-negative, dose-escalation)."""
KEEP_PREFIXES = frozenset({
    "self", "well", "non", "long", "short", "high", "low", "first", "second", "third", "half", "post", "pre",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "less", "more", "double", "single", "open", "all", "cross", "follow", "real", "multi", "full", "part", "age", "end", "on", "off",
    "dose", "graft", "event", "relapse", "disease", "treatment", "cytokine", "chemo", "donor", "state",
})
"""First parts that mostly form real compounds (self-reported, non-inferior, follow-up, two-thirds, less-intensive)."""


HYPHEN_RULES: tuple[HyphenRule, ...] = (
    HyphenRule("seen_hyphenated", True, "the document writes the same compound with a hyphen inside a line"),
    HyphenRule("seen_joined", False, "the document writes the joined word inside a line, so the hyphen only broke it"),
    HyphenRule("digit_or_inner_capital", True, "parts with digits or capitals are codes or names: CD19-positive, 4-1BB, anti-CD19"),
    HyphenRule("short_capitalised_left", True, "a capitalised left part of up to 3 letters before a known word is an abbreviation: Ph-negative"),
    HyphenRule("compound_part", True, "a known second part (event-free, long-term), or a known first part before a word of the document (follow-up)"),
    HyphenRule("default_join", False, "otherwise a line-end hyphen is a typesetting word break"),
)
"""Ordered rules deciding whether a hyphen at a line end belongs to the word (keep) or only broke it (join)."""
_RULE = {rule.name: rule for rule in HYPHEN_RULES}


def _has_digit_or_inner_capital(part: str) -> bool:
    return any(c.isdigit() for c in part) or any(c.isupper() for c in part[1:])


TAIL_PROBE = 64
"""Characters at the end of a text searched first for its last word (the whole text only if that word is longer)."""


def _word_tail(text: str) -> re.Match | None:
    """Return the match of _WORD_TAIL on `text`, probing only its end (a block's text grows long)."""
    probe = len(text) - TAIL_PROBE
    if probe <= 0:
        return _WORD_TAIL.search(text)
    match = _WORD_TAIL.search(text, probe)
    if match is not None and match.start() == probe:
        return _WORD_TAIL.search(text)
    return match


def decide_hyphen(left_text: str, right_text: str, vocabulary: "Vocabulary") -> HyphenRule:
    """Pick the rule that decides a hyphen between `left_text` (ends before the hyphen) and `right_text`."""
    tail = _word_tail(left_text)
    head = _WORD_HEAD.search(right_text)
    if not tail or not head:
        return _RULE["digit_or_inner_capital"]
    left, right = tail.group(1), head.group(1)
    hyphenated = f"{left}-{right}".lower()
    joined = f"{left}{right}".lower()
    n_hyphenated, n_joined = vocabulary.hyphenated[hyphenated], vocabulary.words[joined]
    if n_hyphenated and n_hyphenated >= n_joined:
        return _RULE["seen_hyphenated"]
    if n_joined:
        return _RULE["seen_joined"]
    if _has_digit_or_inner_capital(left) or _has_digit_or_inner_capital(right) or right[0].isupper():
        return _RULE["digit_or_inner_capital"]
    if left[0].isupper() and len(left) <= 3 and right.lower() in vocabulary.words:
        return _RULE["short_capitalised_left"]
    if right.lower() in KEEP_SUFFIXES or left.lower() in KEEP_PREFIXES and vocabulary.words[right.lower()]:
        return _RULE["compound_part"]
    return _RULE["default_join"]


class Vocabulary(NamedTuple):
    """How often each word and hyphenated compound occurs inside lines of one document (not at line breaks)."""

    words: Counter[str]
    hyphenated: Counter[str]


_TOKEN = re.compile(r"[\w\u0370-\u03ff]+(?:-[\w\u0370-\u03ff]+)*")


def build_vocabulary(lines: list[str]) -> Vocabulary:
    """Count in-line words and hyphenated compounds, skipping tokens a line break may have cut."""
    kept: list[str] = []
    line_end_hyphens = tuple(HYPHENS)
    for line in lines:
        tokens = _TOKEN.findall(line)
        if tokens and line.rstrip().endswith(line_end_hyphens):
            tokens = tokens[:-1]  # the word before a line-end hyphen is cut
        if tokens and line[:1].islower():
            tokens = tokens[1:]  # a line opening in lower case may start with the tail of a cut word
        kept += tokens
    kept = [token.lower() for token in kept]
    words: Counter[str] = Counter(kept)
    hyphenated: Counter[str] = Counter()
    for token in [token for token in words if "-" in token]:
        n = words.pop(token)
        parts = token.split("-")
        for pair in zip(parts, parts[1:]):
            hyphenated[f"{pair[0]}-{pair[1]}"] += n
        for part in parts:
            words[part] += n
    return Vocabulary(words, hyphenated)


def join_lines(lines: list[str], vocabulary: Vocabulary) -> str:
    """Join a block's lines with spaces, resolving each line-end hyphen by HYPHEN_RULES."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1] in HYPHENS and len(out) >= 2 and out[-2].isalnum():
            rule = decide_hyphen(out[:-1], line, vocabulary)
            out = (out[:-1] + "-" if rule.keep_hyphen else out[:-1]) + line
        else:
            out = out + " " + line
    return out
