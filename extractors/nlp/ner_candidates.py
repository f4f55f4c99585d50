"""The token spans of a paragraph whose text the NER name checks could accept: all others give no name.

An NER entity is a span of the paragraph's tokens, and its name is the span's text cleaned of NAME_STRIP characters
and whitespace at both ends (`ner_mentions._clean`). The clean name keeps the span's core (its first to its last
character outside those) and adds at most such characters around it, so:
- a trial name needs a core whose head (before its first '/') has 3 or more letters and digits, two or more of them
  capitals and 70% or more capitals or digits (`trials._looks_like_acronym`; a sponsor's protocol code has that shape
  too), or is a capitalised word right before a study word ('the Osprey trial');
- a drug name is its core (every drug shape starts and ends with a letter or digit), either of the capitals shape
  above or ending in a drug stem (DRUG_NAME_ENDINGS).
A core longer than MAX_NAME_CHARS or holding a line break gives no name. The spans returned cover every span of the
paragraph that meets these conditions (for trial names, with every run of punctuation tokens around the core, which
the context checks read), so a paragraph whose returned spans give no new name cannot change the findings.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional, Sequence

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

NAME_STRIP = ",;:.()[]\"'“”‘’-•"
"""Punctuation cleaned off both ends of an NER span's text (with whitespace) to give its name."""
MAX_NAME_CHARS = 40
"""The longest name an NER span may give."""
WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
             "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
"""Every character str.isspace() holds true for (what str.strip() removes)."""
_CLEANED = NAME_STRIP + WHITESPACE
DRUG_NAME_ENDINGS = ("mab", "cel", "tagene", "nib", "clax", "parib", "lisib", "zomib", "degib", "rabine", "platin",
                     "mide", "stat", "tide", "cept", "vedotin", "ozogamicin", "mafodotin", "tesirine", "pasudotox")
"""Every lower-case drug shape of ner_mentions.DRUG_SHAPES ends in one of these ('-leucel' in 'cel')."""
PAIR_ROWS = 1024
"""Cores whose span pairs are tested at a time (each holds MAX_NAME_CHARS + 1 pairs)."""
MAX_PUNCTUATION_RUN = 8
"""Runs of punctuation tokens beside a core longer than this make the paragraph count as able to give any name."""
STUDY_CUE_AFTER = r"\s+(?:trial|study|studies|protocol)\b"
"""What follows a word-shaped trial name ('Osprey' in 'the Osprey trial'): a study word."""
WORD_NAME_SHAPE = r"[A-Z][a-z]{3,}(?:-\d{1,2})?"
"""A word-shaped trial name: a capitalised word, perhaps with a number ('Osprey', 'Osprey-2')."""
WORD_NAME = re.compile(rf"{WORD_NAME_SHAPE}(?={STUDY_CUE_AFTER})")
"""A capitalised word the trial checks accept only before a study word ('the Osprey trial'); found over the whole
text, as the study word may open the next paragraph."""


class NameSpans(NamedTuple):
    """A paragraph's spans that may give a name: (start, end) in the document's text."""

    trial: list[tuple[int, int]]
    drug: list[tuple[int, int]]
    unbounded: bool = False  # True when the paragraph is too odd to bound: it may give any name


def paragraph_name_spans(text: str, paragraphs: Sequence[tuple[int, Doc]]) -> list[NameSpans]:
    """For each paragraph (its offset in text and its tokens) the spans that may give a trial or drug name."""
    out = [NameSpans([], []) for _ in paragraphs]
    sized = [(k, offset, doc.to_array([IDX, LENGTH]).reshape(-1, 2)) for k, (offset, doc) in enumerate(paragraphs)
             if len(doc)]
    if not sized:
        return out
    bounds = numpy.concatenate([b for _, _, b in sized]).astype(numpy.int64)
    paragraph = numpy.concatenate([numpy.full(len(b), k, dtype=numpy.int64) for k, _, b in sized])
    starts = bounds[:, 0] + numpy.concatenate([numpy.full(len(b), o, dtype=numpy.int64) for _, o, b in sized])
    ends = starts + bounds[:, 1]
    counts = _CharCounts(text)
    before, after = counts.kept[starts], counts.kept[ends]  # characters outside _CLEANED before each token's ends
    real = numpy.flatnonzero(after > before)  # tokens with a core
    if not len(real):
        return out
    first = counts.kept_at[before[real]]  # each core's first character
    last = counts.kept_at[after[real] - 1] + 1  # one past its last
    p_first, p_last = _capital_heads(first, last, counts)
    drug: dict[int, list[tuple[int, int]]] = {}
    for key, span in zip(paragraph[real[p_first]].tolist(), zip(first[p_first].tolist(), last[p_last].tolist())):
        drug.setdefault(key, []).append(span)
    first_list, last_list, core_paragraph = first.tolist(), last.tolist(), paragraph[real].tolist()
    by_first = {f: p for p, f in enumerate(first_list)}
    by_last = {l: p for p, l in enumerate(last_list)}
    for a_, b_ in word_name_matches(text):  # the study word may open the next paragraph: matched over the text
        p, p_end = by_first.get(a_), by_last.get(b_)
        if p is not None and p_end is not None:
            p_first, p_last = numpy.append(p_first, p), numpy.append(p_last, p_end)
    runs = _punctuation_runs(real, paragraph)
    unbounded = set(paragraph[real[p_first[(runs[0][real[p_first]] > MAX_PUNCTUATION_RUN)
                                           | (runs[1][real[p_last]] > MAX_PUNCTUATION_RUN)]]].tolist())
    trial: dict[int, list[tuple[int, int]]] = {}
    left, right = numpy.minimum(runs[0][real[p_first]], MAX_PUNCTUATION_RUN), \
        numpy.minimum(runs[1][real[p_last]], MAX_PUNCTUATION_RUN)
    for dl in range(int(left.max(initial=0)) + 1):
        for dr in range(int(right.max(initial=0)) + 1):
            both = (left >= dl) & (right >= dr)
            i, j = real[p_first[both]] - dl, real[p_last[both]] + dr
            for key, span in zip(paragraph[i].tolist(), zip(starts[i].tolist(), ends[j].tolist())):
                trial.setdefault(key, []).append(span)
    for b_ in _ending_positions(text):
        p_end = by_last.get(b_)
        if p_end is None:
            continue
        for p in range(p_end, -1, -1):
            if b_ - first_list[p] > MAX_NAME_CHARS or core_paragraph[p] != core_paragraph[p_end]:
                break
            drug.setdefault(core_paragraph[p], []).append((first_list[p], b_))
    for key in set(trial) | set(drug) | unbounded:
        out[key] = NameSpans([], [], True) if key in unbounded else NameSpans(trial.get(key, []), drug.get(key, []))
    return out


def _capital_heads(first: numpy.ndarray, last: numpy.ndarray, counts: "_CharCounts") -> tuple[numpy.ndarray, ...]:
    """Every pair of cores (p, q) whose span's head passes the head test of trials._looks_like_acronym."""
    found = []
    for low in range(0, len(first), PAIR_ROWS):  # the pairs of PAIR_ROWS cores at a time: little memory
        rows = numpy.arange(low, min(low + PAIR_ROWS, len(first)))
        # q - p <= MAX_NAME_CHARS: disjoint cores of 1+ characters cannot lie further apart; a pair within one line
        # lies within one paragraph
        q = rows[:, None] + numpy.arange(MAX_NAME_CHARS + 1)[None, :]
        inside = q < len(first)
        q = numpy.minimum(q, len(first) - 1)
        a, b = first[rows][:, None], last[q]
        h = numpy.minimum(b, counts.next_slash[a])
        alnum = counts.alnum[h] - counts.alnum[a]
        capitals = counts.capital[h] - counts.capital[a]
        capitals_or_digits = counts.capital_or_digit[h] - counts.capital_or_digit[a]
        # 10x >= 7n is x / n >= 0.7 for n <= MAX_NAME_CHARS
        passing = inside & (b - a <= MAX_NAME_CHARS) & (counts.newline[b] == counts.newline[a]) \
            & (alnum >= 3) & (capitals >= 2) & (10 * capitals_or_digits >= 7 * alnum)
        p, k = numpy.nonzero(passing)
        found.append((rows[p], rows[p] + k))
    return numpy.concatenate([f for f, _ in found]), numpy.concatenate([l for _, l in found])


def word_name_matches(text: str) -> list[tuple[int, int]]:
    """(start, end) of every WORD_NAME in text."""
    return [m.span() for m in WORD_NAME.finditer(text)]


def _ending_positions(text: str) -> set[int]:
    """Positions in text where a drug-name ending ends."""
    ends = set()
    for ending in DRUG_NAME_ENDINGS:
        at = text.find(ending)
        while at >= 0:
            ends.add(at + len(ending))
            at = text.find(ending, at + 1)
    return ends


def _punctuation_runs(real: numpy.ndarray, paragraph: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """How many punctuation-only tokens (those not in real) of its paragraph run right before and after each token."""
    tokens = numpy.arange(len(paragraph))
    opens = numpy.flatnonzero(numpy.append(True, paragraph[1:] != paragraph[:-1]))  # each paragraph's first token
    closes = numpy.append(opens[1:], len(paragraph)) - 1
    own = numpy.searchsorted(opens, tokens, side="right") - 1
    previous_core = numpy.append(-1, real)[numpy.searchsorted(real, tokens)]
    next_core = numpy.append(real, len(paragraph))[numpy.searchsorted(real, tokens, side="right")]
    before = tokens - numpy.maximum(previous_core, opens[own] - 1) - 1
    after = numpy.minimum(next_core, closes[own] + 1) - tokens - 1
    return before, after


_CLEANED_TABLE = numpy.zeros(0x110000, dtype=bool)
_CLEANED_TABLE[[ord(c) for c in _CLEANED]] = True


class _CharCounts:
    """Running counts over a text's characters: letters and digits, capitals, line breaks, those a clean keeps."""

    def __init__(self, text: str) -> None:
        points = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
        capital = (points >= 65) & (points <= 90)
        digit = (points >= 48) & (points <= 57)
        alnum = capital | digit | ((points >= 97) & (points <= 122))
        for k in numpy.flatnonzero(points > 127).tolist():  # str's own tests, as _looks_like_acronym uses them
            c = text[k]
            alnum[k] = c.isalnum()
            capital[k] = alnum[k] and c.isupper()
            digit[k] = alnum[k] and c.isdigit()
        kept = ~_CLEANED_TABLE[points]
        self.alnum = _running(alnum)
        self.capital = _running(capital)
        self.capital_or_digit = _running(capital | digit)
        self.newline = _running(points == 10)
        self.kept = _running(kept)
        self.kept_at = numpy.flatnonzero(kept)
        slashes = numpy.flatnonzero(points == 47)
        self.next_slash = numpy.full(len(points) + 1, len(points), dtype=numpy.int64)
        if len(slashes):  # the first '/' at or after each place (the paragraph's end when none)
            after = numpy.searchsorted(slashes, numpy.arange(len(points)))
            self.next_slash[:len(points)] = numpy.append(slashes, len(points))[after]


def _running(flags: numpy.ndarray) -> numpy.ndarray:
    """How many flags are set before each place (one more place than flags)."""
    return numpy.concatenate(([0], numpy.cumsum(flags, dtype=numpy.int64)))
