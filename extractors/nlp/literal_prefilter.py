"""Substring tests that tell, far cheaper than running it, when a regex cannot match a text.

A pattern's necessary literals are derived from its parse tree: strings one of which every match contains. When no
such string occurs in the text (case-folded for a case-insensitive pattern), the pattern has no match there. The
derivation only ever gives up (no test) when unsure, so a pattern skipped this way would have found nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import NamedTuple, Optional, Sequence

IGNORECASE_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""Non-ASCII characters that re.IGNORECASE matches to an ASCII letter and str.lower() does not lower to it."""

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class Need(NamedTuple):
    """Strings one of which a match contains: lower-cased ones in the case-folded text, the others as printed."""

    folded: tuple[str, ...]
    printed: tuple[str, ...]


NEEDS_TESTED = 2
"""How many of a pattern's needs (the longest) are tested: each is a few substring searches."""


def fold(text: str) -> str:
    """The text as a case-insensitive ASCII literal sees it: the special folds, then lower case."""
    return text.lower() if text.isascii() else text.translate(IGNORECASE_ASCII_FOLDS).lower()  # the folds: non-ASCII


def may_match(needs: tuple[Need, ...], text: str, folded: str) -> bool:
    """False when for some need none of its strings occurs (the pattern cannot match); True otherwise."""
    for folded_strings, printed_strings in needs:  # plain loops: this runs for every pattern on every clause
        for s in folded_strings:
            if s in folded:
                break
        else:
            for s in printed_strings:
                if s in text:
                    break
            else:
                return False
    return True


class RowNeeds(NamedTuple):
    """The needs of a table's patterns turned around: which (row, need) each needed string meets."""

    folded: dict[str, tuple[tuple[int, int], ...]]  # lower-cased string -> the (row, need bit) pairs it meets
    printed: dict[str, tuple[tuple[str, tuple[tuple[int, int], ...]], ...]]  # ASCII ones by lower case ('Ida', 'IDA')
    printed_other: dict[str, tuple[tuple[int, int], ...]]  # printed strings with a non-ASCII character
    all_needs: tuple[int, ...]  # per row, the bits of all its needs (0: the row always may match)


def row_needs(rows: Sequence) -> RowNeeds:
    """The needs of every row's pattern (a row is a pattern, or a tuple whose first item is one) by needed string."""
    folded: dict[str, list[tuple[int, int]]] = {}
    printed: dict[str, list[tuple[int, int]]] = {}
    all_needs = []
    for row_index, row in enumerate(rows):
        needs = pattern_needs(row if isinstance(row, re.Pattern) else row[0])
        for need_index, (folded_strings, printed_strings) in enumerate(needs):
            for table, strings in ((folded, folded_strings), (printed, printed_strings)):
                for string in strings:
                    table.setdefault(string, []).append((row_index, 1 << need_index))
        all_needs.append((1 << len(needs)) - 1)
    by_lower: dict[str, list[tuple[str, tuple[tuple[int, int], ...]]]] = {}
    for string, meets in printed.items():
        if string.isascii():
            by_lower.setdefault(string.lower(), []).append((string, tuple(meets)))
    return RowNeeds({k: tuple(v) for k, v in folded.items()}, {k: tuple(v) for k, v in by_lower.items()},
                    {k: tuple(v) for k, v in printed.items() if not k.isascii()}, tuple(all_needs))


_ROW_NEEDS_BY_IDENTITY_LIMIT = 256
"""How many tables may_match_rows remembers by identity before it starts afresh."""
_row_needs_by_identity: dict[int, tuple[Sequence, RowNeeds]] = {}


def may_match_rows(rows: Sequence, text: str, folded: str) -> list[bool]:
    """may_match of every row's pattern on text (folded = fold(text)), in row order: each string the table needs is
    looked for once. rows is an immutable table (a tuple), remembered by identity."""
    kept = _row_needs_by_identity.get(id(rows))
    if kept is None or kept[0] is not rows:
        if len(_row_needs_by_identity) >= _ROW_NEEDS_BY_IDENTITY_LIMIT:
            _row_needs_by_identity.clear()
        kept = _row_needs_by_identity[id(rows)] = (rows, row_needs(rows))
    index = kept[1]
    met = [0] * len(index.all_needs)
    found = [meets for string, meets in index.folded.items() if string in folded]
    found += [meets for string, meets in index.printed_other.items() if string in text]
    for lower, spellings in index.printed.items():
        if lower in folded:  # an ASCII string printed in the text is in the folded text in lower case
            found += [meets for string, meets in spellings if string in text]
    for meets in found:
        for row_index, bit in meets:
            met[row_index] |= bit
    return [m == wanted for m, wanted in zip(met, index.all_needs)]


_NEEDS_BY_IDENTITY_LIMIT = 8192
"""How many pattern objects pattern_needs remembers by identity before it starts afresh (tables are few and fixed)."""
_needs_by_identity: dict[int, tuple[re.Pattern[str], tuple[Need, ...]]] = {}


def pattern_needs(pattern: re.Pattern[str]) -> tuple[Need, ...]:
    """Needs every match of pattern meets (each a set of strings one of which it contains); () when none is sure."""
    # Asked for every pattern on every clause: a cache keyed by the pattern itself hashes its compiled code each time.
    kept = _needs_by_identity.get(id(pattern))
    if kept is not None and kept[0] is pattern:
        return kept[1]
    needs = _pattern_needs(pattern)
    if len(_needs_by_identity) >= _NEEDS_BY_IDENTITY_LIMIT:
        _needs_by_identity.clear()
    _needs_by_identity[id(pattern)] = (pattern, needs)
    return needs


def text_needs(pattern: re.Pattern[str]) -> tuple[Need, ...]:
    """pattern_needs plus what its positive lookarounds must see ('(?<=PFS, )'), for searches of a whole text."""
    # not for a search that starts or ends inside a larger text: a lookbehind may see before its start
    return _pattern_needs(pattern, lookarounds=True)


@lru_cache(maxsize=4096)
def _pattern_needs(pattern: re.Pattern[str], lookarounds: bool = False) -> tuple[Need, ...]:
    """pattern_needs (or text_needs, with lookarounds), remembered by the pattern's text and flags."""
    if pattern.flags & (re.VERBOSE | re.LOCALE) or not isinstance(pattern.pattern, str):
        return ()
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except (re.error, TypeError, ValueError):
        return ()
    candidates = _sequence_candidates(parsed, bool(pattern.flags & re.IGNORECASE), lookarounds)
    best = sorted(dict.fromkeys(candidates), key=_strength, reverse=True)[:NEEDS_TESTED]
    return tuple(Need(tuple(sorted(s for s, icase in c if icase)), tuple(sorted(s for s, icase in c if not icase)))
                 for c in best)


def _strength(alternatives: frozenset[tuple[str, bool]]) -> tuple[int, int]:
    """Longer shortest string first, then fewer alternatives: the need most texts fail."""
    return min(len(s) for s, _ in alternatives), -len(alternatives)


def _literal(chars: list[str], icase: bool, ascii_part: bool = False) -> Optional[frozenset[tuple[str, bool]]]:
    text = "".join(chars)
    if ascii_part and icase and not text.isascii():  # its longest ASCII run ('survival ' of 'survival – ') holds too
        text = max(re.split(r"[^\x00-\x7f]+", text), key=len)
    if not text or (icase and not text.isascii()):  # a non-ASCII letter may fold in ways a lower() test misses
        return None
    return frozenset({(text.lower() if icase else text, icase)})


def _sequence_needs(items, icase: bool, lookarounds: bool = False) -> Optional[frozenset[tuple[str, bool]]]:
    """The strongest set of alternatives one of which the sequence's match contains, or None."""
    candidates = _sequence_candidates(items, icase, lookarounds)
    return max(candidates, key=_strength) if candidates else None


def _sequence_candidates(items, icase: bool, lookarounds: bool = False) -> list[frozenset[tuple[str, bool]]]:
    """Every set of alternatives the sequence's match is known to contain one of (each item's, each literal run)."""
    candidates: list[frozenset[tuple[str, bool]]] = []
    run: list[str] = []

    def flush() -> None:
        literal = _literal(run, icase, lookarounds)
        if literal is not None:
            candidates.append(literal)
        run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner = (icase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            found = _sequence_needs(sub, inner, lookarounds)
        elif op is sre.BRANCH:
            branches = [_sequence_needs(b, icase, lookarounds) for b in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in _REPEATS:
            low, _high, sub = av
            found = _sequence_needs(sub, icase, lookarounds) if low >= 1 else None
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found = _sequence_needs(av, icase, lookarounds)
        elif op is sre.ASSERT and lookarounds:  # what a positive lookaround sees is in the text, beside the match
            found = _sequence_needs(av[1], icase, lookarounds)
        elif op in _ZERO_WIDTH:
            found = None  # lookarounds and anchors consume nothing: they neither add to nor break a need
        else:
            found = None
        if found:
            candidates.append(found)
    flush()
    return candidates


def suffix_guard(pattern: re.Pattern[str], suffix: str) -> Optional[re.Pattern[str]]:
    """The pattern's closing part `suffix` as a regex that every match of pattern contains, or None if not sound."""
    # sound when the pattern is a sequence (no top-level alternation) whose last items are exactly the suffix's
    text = pattern.pattern
    if not isinstance(text, str) or not text.endswith(suffix) or len(suffix) >= len(text):
        return None
    try:
        whole = list(sre_parse.parse(text, pattern.flags & ~re.UNICODE))
        tail = list(sre_parse.parse(suffix, pattern.flags & ~re.UNICODE))
        guard = re.compile(suffix, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None
    if not tail or len(tail) >= len(whole) or any(op is sre.BRANCH for op, _ in whole) \
            or _shape(whole[-len(tail):]) != _shape(tail) or "GROUPREF" in repr(_shape(tail)):
        return None  # an alternation at the top, a split inside an item, or a back-reference: no sound guard
    return guard


def _shape(items) -> object:
    """A parse tree with group numbers left out (the suffix alone numbers its groups from 1)."""
    if isinstance(items, (list, tuple, sre_parse.SubPattern)):
        seq = list(items)
        if len(seq) == 4 and seq and (seq[0] is None or isinstance(seq[0], int)) and isinstance(seq[3], sre_parse.SubPattern):
            return ("group", seq[1], seq[2], _shape(seq[3]))  # a SUBPATTERN's (group, add_flags, del_flags, items)
        return tuple(_shape(i) for i in seq)
    return str(items) if not isinstance(items, int) else items
