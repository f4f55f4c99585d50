"""Find endpoint mentions (closed vocabulary codes) in text with the endpoint lexicon."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

from extractors.evidence.numbers import one_line
from extractors.nlp.literal_prefilter import fold, may_match, may_match_rows, pattern_needs
from extractors.evidence.rules import (
    ENDPOINT_TERMS, IWG_IMPROVEMENT, IWG_MARROW_CR, LAY_COMPOSITE_NAMED, LAY_COMPOSITE_SURVIVAL, NOT_ENDPOINT_TERMS, POPULATION_ENDPOINT_LEFT, POPULATION_WITH_LEFT, SHARE_OF_LEFT, TRANSPLANT_POPULATION_LEFT,
    EndpointTerm,
)


class EndpointMention(NamedTuple):
    """An endpoint phrase: span, code, and whether it only describes the analysed population."""

    start: int
    end: int
    code: str
    text: str
    population: bool


@lru_cache(maxsize=64)
def _compiled(extra: tuple[EndpointTerm, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    terms = ENDPOINT_TERMS + extra
    return tuple((re.compile(t.pattern, 0 if t.case else re.IGNORECASE), t.code) for t in terms)


_NOT_ENDPOINTS = tuple(re.compile(c.pattern, re.IGNORECASE) for c in NOT_ENDPOINT_TERMS)
_IWG_IMPROVEMENT = re.compile(IWG_IMPROVEMENT.pattern, re.IGNORECASE)
_MARROW_CR = re.compile(IWG_MARROW_CR.pattern, re.IGNORECASE)
_POPULATION_LEFT = re.compile(POPULATION_ENDPOINT_LEFT.pattern, re.IGNORECASE)
_TRANSPLANT_POPULATION_LEFT = re.compile(TRANSPLANT_POPULATION_LEFT.pattern, re.IGNORECASE)
_POPULATION_WITH_LEFT = re.compile(POPULATION_WITH_LEFT.pattern, re.IGNORECASE)
_SHARE_OF_LEFT = re.compile(SHARE_OF_LEFT.pattern, re.IGNORECASE)
_ABBREVIABLE = tuple(t for t in ENDPOINT_TERMS if t.abbreviable)


@lru_cache(maxsize=1)
def _compiled_abbreviable() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(t.pattern, 0 if t.case else re.IGNORECASE), t.code) for t in _ABBREVIABLE)


def abbreviation_terms(pairs: Iterable[tuple[str, str]]) -> tuple[EndpointTerm, ...]:
    """Turn (short, long) abbreviation definitions whose long form names an endpoint into lexicon terms."""
    out = []
    for short, long in pairs:
        short, long = short.strip(), long.strip()
        if not short or not re.fullmatch(r"[A-Za-z][A-Za-z0-9\-/]{1,9}", short):
            continue
        codes = {code for rx, code in _compiled_abbreviable() if rx.fullmatch(long)}
        if len(codes) == 1 and not find_endpoints(short):
            out.append(EndpointTerm(r"(?<![A-Za-z0-9])" + re.escape(short) + r"(?![A-Za-z0-9])", codes.pop(),
                                    f"document defines {short} as '{long}'", True))
    return tuple(out)


def lay_composite_terms(text: str) -> tuple[EndpointTerm, ...]:
    """The document's plain-language composite survival ('alive without ... coming back or getting worse') as the one
    composite endpoint it names technically, or as progression-free survival when it names none or several."""
    named = [code for pattern, code in LAY_COMPOSITE_NAMED if re.search(pattern, text)]
    code = named[0] if len(named) == 1 else "PFS"
    return (EndpointTerm(LAY_COMPOSITE_SURVIVAL, code, f"the document names the lay composite as {code}", abbreviable=False),)


def iwg_marrow_terms(text: str) -> tuple[EndpointTerm, ...]:
    """A report grading responses by the IWG categories (complete, partial and marrow complete remission, haematological
    improvement) counts a marrow complete remission apart from complete remission: there it names no endpoint."""
    if not (_IWG_IMPROVEMENT.search(text) and _MARROW_CR.search(text)):
        return ()
    return (EndpointTerm(_MARROW_CR.pattern, "", "an IWG marrow complete remission is its own category, not CR",
                         abbreviable=False),)


def find_endpoints(text: str, extra: tuple[EndpointTerm, ...] = ()) -> list[EndpointMention]:
    """Return non-overlapping endpoint mentions, longest match first, in text order (code "" for a not-endpoint)."""
    return list(_find_endpoints(one_line(text), tuple(extra)))


@lru_cache(maxsize=16384)
def _find_endpoints(text: str, extra: tuple[EndpointTerm, ...]) -> tuple[EndpointMention, ...]:
    found = []
    folded = fold(text)  # a pattern none of whose needed strings the text holds is not run (literal_prefilter)
    rows = _compiled(tuple(extra))
    for (rx, code), possible in zip(rows, may_match_rows(rows, text, folded)):
        if not possible:
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), code))
    for rx in _NOT_ENDPOINTS:
        if may_match(pattern_needs(rx), text, folded):
            found += [(m.start(), m.end(), "") for m in rx.finditer(text) if m.end() > m.start()]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0], f[2] != ""))  # a not-endpoint of the same span wins
    kept: list[tuple[int, int, str]] = []
    for s, e, code in found:
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, code))
    kept.sort()  # not-endpoint spans stay, with code "", so the values they govern take no endpoint
    out = []
    for s, e, code in kept:
        left = text[max(0, s - 40):s]
        subgroup = bool(_POPULATION_LEFT.search(left)) or (bool(_POPULATION_WITH_LEFT.search(left))
                                                            and not _SHARE_OF_LEFT.search(left))
        population = (subgroup and code in ("CR", "CR_CRI", "MRD_NEG", "ORR")) or (
            code == "ALLOHSCT" and bool(_TRANSPLANT_POPULATION_LEFT.search(left)))
        out.append(EndpointMention(s, e, code, text[s:e], population))
    return tuple(out)
