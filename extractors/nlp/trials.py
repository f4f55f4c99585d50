"""Find clinical-trial mentions (acronym names, cooperative-group codes, NCT numbers) in text."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, NamedTuple

from extractors.nlp.gazetteers import load_drugs, load_groups, load_known_trials, load_non_trial_terms
from extractors.nlp.sentences import split_sentences
from extractors.nlp.trial_rules import (
    LEADING_WORDS,
    CODE_OF_TERMS,
    CODE_OF_TERMS_OK,
    NEEDS_DIGIT,
    BRAND_CASE_OK,
    NAMES_NOT_ACRONYMS,
    NEEDS_SENTENCE_CUE,
    NON_TRIAL_SHAPES,
    SENTENCE_CUE,
    TRAILING_WORDS,
    TRIAL_RULES,
)

RULES_VERSION = "trials-7"


class TrialMention(NamedTuple):
    """One trial mention: char span, surface text, canonical name, NCT number, kind and rule id."""

    start: int
    end: int
    text: str
    canonical: str
    nct: str | None
    kind: str  # "name" | "nct" | "alias"
    rule: str


_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_NCT_AFTER = re.compile(
    r"\s*(?:(?i:trials?|stud(?:y|ies))\s*)?[(;,:]\s*(?:(?i:clinical\s?trials\.gov)[^:\n]{0,30}:\s*)?NCT\s?(\d{8})\b"
)
_DIGIT = re.compile(r"\d")


def normalize_nct(text: str) -> str:
    """Return 'NCT' + 8 digits from an NCT number written with or without a space."""
    return "NCT" + re.sub(r"\D", "", text)


_GROUP_YEAR_CODE = re.compile(r"^[A-Z]{2,6} (?:19|20)\d\d$")
_TRAILING_STUDY_WORD = re.compile(r"(?:\s+(?i:trials?|stud(?:y|ies)|protocols?))+\s*$")


def core_name(name: str) -> str:
    """Strip leading articles and trailing trial/study/year/disease words from a trial name."""
    core = LEADING_WORDS.sub("", name.strip().replace("™", "").replace("®", ""))
    coded = _TRAILING_STUDY_WORD.sub("", core).strip()
    if _GROUP_YEAR_CODE.match(coded):
        return coded  # 'PMG 2004', 'UKALL 2003 trial': a group's code whose number looks like a year
    stripped = TRAILING_WORDS.sub("", core).strip()
    return stripped if len(_NON_ALNUM.sub("", stripped)) >= 3 else core


def canonical_key(name: str) -> str:
    """Return a comparison key: core name upper-cased without hyphens, spaces or punctuation."""
    if re.match(r"^\s*NCT\s?\d{8}\s*$", name):
        return normalize_nct(name)
    return _NON_ALNUM.sub("", core_name(name)).upper()


@lru_cache(maxsize=1)
def _group_prefix_keys() -> tuple[str, ...]:
    return tuple(sorted({_NON_ALNUM.sub("", g.prefix).upper() for g in load_groups()}, key=len, reverse=True))


@lru_cache(maxsize=16384)
def _merge_key(key: str) -> str:
    """Drop a cooperative-group prefix when the rest is a lettered code (GIMEMA LAL2317 -> LAL2317)."""
    for prefix in _group_prefix_keys():
        rest = key[len(prefix):]
        if key.startswith(prefix) and len(rest) >= 4 and _DIGIT.search(rest) and not rest.isdigit():
            return rest
    return key


@lru_cache(maxsize=65536)
def _one_letter_apart(a: str, b: str) -> bool:
    """True when two long keys differ by one letter edit and have the same digits (typos)."""
    if min(len(a), len(b)) < 7 or abs(len(a) - len(b)) > 1 or re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _display_score(core: str, count: int) -> tuple:
    """Rank display forms: all capitals (or a 'CODE/Name' pair), then hyphenated, then frequent, then long."""
    letters = [c for c in core if c.isalpha()]
    all_caps = (bool(letters) and all(c.isupper() for c in letters)) or "/" in core
    return (all_caps, "-" in core, count, len(core))


@lru_cache(maxsize=16384)
def _display(core: str) -> str:
    """Tidy a core name for display: 'SWOG 1318' -> 'SWOG1318', collapse whitespace."""
    core = re.sub(r"\s+", " ", core)
    for prefix in _group_prefix_keys():
        m = re.match(rf"^({re.escape(prefix)})\s+(\d+)$", core, flags=re.I)
        if m:
            return m.group(1) + m.group(2)
    return core


_PARENTHESISED_ALIAS = re.compile(r"^\s*([^()]{3,}?)\s*\([^()]{3,}\)\s*$")


def group_aliases(names: Iterable[str], links: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Map each surface form to one canonical display name; links pair a long form with its abbreviation."""
    names = [n for n in names if n and n.strip()]
    counts = Counter(names)
    keys = {n: _merge_key(canonical_key(n)) for n in counts}
    # 'D-ALBA (GIMEMA LAL2116)': a name with its other name in parentheses is also known by the name before them
    outer = {n: _merge_key(canonical_key(m.group(1))) for n in counts if (m := _PARENTHESISED_ALIAS.match(n))}
    clusters: list[list[str]] = []
    cluster_keys: list[set[str]] = []
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        own = {keys[name]} | ({outer[name]} if name in outer else set())
        for members, ks in zip(clusters, cluster_keys):
            if own & ks or any(_one_letter_apart(key, k) for key in own for k in ks):
                members.append(name)
                ks.update(own)
                break
        else:
            clusters.append([name])
            cluster_keys.append(set(own))
    mapping: dict[str, str] = {}
    for members in clusters:
        if canonical_key(members[0]).startswith("NCT") and canonical_key(members[0])[3:].isdigit():
            best = canonical_key(members[0])
        else:
            cores = Counter()
            for m in members:
                cores[_display(core_name(m))] += counts[m]
            best = max(cores, key=lambda c: _display_score(c, cores[c]))
        for m in members:
            mapping[m] = best
    for long_form, abbreviation in links:
        if long_form in mapping and abbreviation in mapping:
            old, new = mapping[long_form], mapping[abbreviation]
            mapping = {k: (new if v == old else v) for k, v in mapping.items()}
    return mapping


@lru_cache(maxsize=1)
def _stop_terms() -> frozenset[str]:
    terms = {t.term.upper() for t in load_non_trial_terms()}
    for drug in load_drugs():
        terms.update(n.upper() for n in drug.names)
    return frozenset(terms)


@lru_cache(maxsize=1)
def _group_prefixes_upper() -> frozenset[str]:
    return frozenset(g.prefix.upper() for g in load_groups())


def _looks_like_acronym(name: str) -> bool:
    """True for upper-case codes (ZUMA-3, INO-VATE, HOVON146ALL); false for words like 'Tower'."""
    head = name.split("/")[0]
    alnum = [c for c in head if c.isalnum()]
    upper = sum(c.isupper() or c.isdigit() for c in alnum)
    return len(alnum) >= 3 and sum(c.isupper() for c in alnum) >= 2 and upper / len(alnum) >= 0.7


def _looks_like_brand(name: str) -> bool:
    """True for brand-cased names with two or more capitals inside a word (DuoVEN, KarMMa); false for 'Tower'."""
    head = name.split("/")[0]
    return len(head) >= 4 and head[0].isupper() and sum(c.isupper() for c in head[1:]) >= 1 \
        and any(c.islower() for c in head) and head[1:] != head[1:].lower()


def rejection_reason(name: str, rule: str = "") -> str | None:
    """Return why a candidate name is not a trial (stoplist or shape id), or None to accept it."""
    stop = _stop_terms()
    if name.upper() in stop:
        return "non_trial_term"
    if rule in NAMES_NOT_ACRONYMS:
        return None
    parts = [p for p in re.split(r"[-‐‑/]", name) if p]
    if not (rule in CODE_OF_TERMS_OK and CODE_OF_TERMS.match(name)) and all(p.upper() in stop or len(p) <= 1 or p.isdigit() or any(s.pattern.match(p) for s in NON_TRIAL_SHAPES)
           for p in parts):
        return "non_trial_parts"
    for shape in NON_TRIAL_SHAPES:
        if shape.pattern.match(name):
            return shape.id
    if rule in NEEDS_DIGIT and not _DIGIT.search(name):
        return "no_digit"
    if rule not in ("group_code", "group_then_cue") and name.upper() in _group_prefixes_upper():
        return "group_without_code"
    if rule not in ("group_code", "group_then_cue") and not _looks_like_acronym(name) \
            and not (rule in BRAND_CASE_OK and _looks_like_brand(name)):
        return "not_an_acronym"
    return None


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= pos < end:
            return start, end
    return pos, pos


def _gazetteer_pattern(name: str) -> re.Pattern[str] | None:
    """Build a matcher for one listed name: any case and hyphenation for codes, exact or upper case for words."""
    return _gazetteer_matcher(name)[0]


# Non-ASCII characters that re.IGNORECASE matches to an ASCII letter and str.lower() does not lower to it.
_IGNORECASE_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@lru_cache(maxsize=8192)
def _gazetteer_matcher(name: str) -> tuple[re.Pattern[str] | None, bool, tuple[str, ...]]:
    """The listed name's matcher, and what a text needs to hold for it to match: (True, chunks) every chunk in the
    case-folded text, (False, variants) any variant as printed; (True, ()) when no such test is sure."""
    core = core_name(name)
    if len(_NON_ALNUM.sub("", core)) < 3:
        return None, True, ()
    distinctive = bool(re.search(r"[\d\-‐‑]", core)) and _looks_like_acronym(core)
    pieces = [p for p in re.split(r"[\s\-‐‑]+", core) if p]
    if distinctive:
        body = r"[\s\-‐‑]?".join(
            r"[\s\-‐‑]?".join(re.escape(chunk) for chunk in re.findall(r"\d+|\D+", piece)) for piece in pieces)
        flags = re.IGNORECASE
        chunks = [chunk for piece in pieces for chunk in re.findall(r"\d+|\D+", piece)]
        needs: tuple[bool, tuple[str, ...]] = (True, tuple(c.lower() for c in chunks) if core.isascii() else ())
    else:
        variants = {re.escape(core), re.escape(core.upper())}
        body = "(?:" + "|".join(sorted(variants)) + ")"
        flags = 0
        needs = (False, (core, core.upper()))
    tail = r"(?:\s+(?:19|20)\d\d)?"
    return re.compile(rf"(?<![\w-])(?P<name>{body}){tail}(?![\w-])", flags), *needs


def _may_match(name: str, text: str, folded: str) -> bool:
    """False when the listed name's matcher cannot match text (a substring test, far cheaper than the regex)."""
    _, ignore_case, needed = _gazetteer_matcher(name)
    if ignore_case:
        return all(chunk in folded for chunk in needed)
    return any(variant in text for variant in needed)


@lru_cache(maxsize=8)
def _rule_candidates(text: str) -> tuple[tuple[TrialMention, ...], tuple[tuple[str, str], ...]]:
    """Mentions the cue rules find in text, and the (long form, alias) pairs they link (both passes share them)."""
    found: list[TrialMention] = []
    links: list[tuple[str, str]] = []
    sentences: list[tuple[int, int]] | None = None
    for rule in TRIAL_RULES:
        for m in rule.pattern.finditer(text):
            if rule.kind == "nct":
                s, e = m.span("nct")
                found.append(TrialMention(s, e, text[s:e], "", normalize_nct(text[s:e]), "nct", rule.id))
                continue
            groups = [g for g in ("name", "alias") if g in rule.pattern.groupindex and m.group(g)]
            names = [(m.span(g), text[slice(*m.span(g))]) for g in groups]
            if any(rejection_reason(name, rule.id) for _, name in names):
                continue
            if rule.id in NEEDS_SENTENCE_CUE:
                sentences = sentences if sentences is not None else split_sentences(text)
                a, b = _sentence_of(sentences, m.start())
                if not SENTENCE_CUE.search(text, a, b):
                    continue
            for (s, e), name in names:
                found.append(TrialMention(s, e, name, "", None, rule.kind, rule.id))
            if len(names) == 2:
                links.append((names[0][1], names[1][1]))
    return tuple(found), tuple(links)


def _listed_matches(name: str, text: str, folded: str) -> list[re.Match[str]]:
    """What the listed name's matcher finds in text, trying it only where its first literal occurs (it starts with it).

    The same matches as pattern.finditer(text): left to right, each search resuming where the last match ended.
    """
    pattern, ignore_case, needed = _gazetteer_matcher(name)
    if ignore_case and (not needed or len(folded) != len(text)):
        return list(pattern.finditer(text))
    haystack, literals = (folded, needed[:1]) if ignore_case else (text, needed)
    starts: set[int] = set()
    for literal in literals:
        at = haystack.find(literal)
        while at >= 0:
            starts.add(at)
            at = haystack.find(literal, at + 1)
    out: list[re.Match[str]] = []
    resume = 0
    for start in sorted(starts):
        if start >= resume and (m := pattern.match(text, start)):
            out.append(m)
            resume = m.end()
    return out


def _candidates(text: str, gazetteer: Iterable[str], use_known: bool,
                links: list[tuple[str, str]]) -> list[TrialMention]:
    rule_found, rule_links = _rule_candidates(text)
    found = list(rule_found)
    links.extend(rule_links)
    listed = [(n, "gazetteer") for n in gazetteer]
    if use_known:
        listed += [(t.name, "known_trial") for t in load_known_trials()]
    listed += [(m.text, "document_repeat") for m in found if m.kind == "name" and m.rule not in NO_REPEAT]
    seen: set[str] = set()
    folded = text.translate(_IGNORECASE_ASCII_FOLDS).lower()
    for name, rule_id in listed:
        pattern = _gazetteer_pattern(name)
        if pattern is None or pattern.pattern in seen:
            continue
        seen.add(pattern.pattern)
        if not _may_match(name, text, folded):
            continue
        for m in _listed_matches(name, text, folded):
            s, e = m.span()
            found.append(TrialMention(s, e, text[s:e], "", None, "alias", rule_id))
    return found


# Rules whose names are not searched again elsewhere in the document.
NO_REPEAT = frozenset({"group_then_cue"})
_RULE_PRIORITY = {r.id: i for i, r in enumerate(TRIAL_RULES)}


def _resolve_overlaps(found: list[TrialMention]) -> list[TrialMention]:
    """Keep the longest mention where mentions overlap; NCT and name mentions never compete."""
    kept: list[TrialMention] = []
    order = sorted(found, key=lambda m: (-(m.end - m.start), m.kind == "alias", _RULE_PRIORITY.get(m.rule, 99), m.start))
    if any(m.end <= m.start for m in found):  # empty spans: the covered characters below cannot tell their overlaps
        for m in order:
            if not any(m.start < k.end and k.start < m.end and (m.kind == "nct") == (k.kind == "nct") for k in kept):
                kept.append(m)
        return sorted(kept, key=lambda m: (m.start, m.end))
    size = max((m.end for m in found), default=0)
    taken = {True: bytearray(size), False: bytearray(size)}  # characters kept NCT / name mentions cover
    for m in order:
        covered = taken[m.kind == "nct"]
        if 1 not in covered[m.start:m.end]:
            kept.append(m)
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    return sorted(kept, key=lambda m: (m.start, m.end))


def find_trial_mentions(text: str, gazetteer: Iterable[str] = (), use_known: bool = True) -> list[TrialMention]:
    """Return trial mentions in text: names found by cue rules or listed names, and NCT numbers."""
    gazetteer = tuple(gazetteer)
    links: list[tuple[str, str]] = []
    mentions = _resolve_overlaps(_candidates(text, gazetteer, use_known, links))
    names = [m.text for m in mentions if m.kind != "nct"]
    mapping = group_aliases(names + list(gazetteer), links)
    known_by_nct = {t.nct: t.name for t in load_known_trials() if t.nct} if use_known else {}
    result: list[TrialMention] = []
    nct_owner: dict[int, str] = {}
    for m in mentions:
        if m.kind == "nct":
            continue
        after = _NCT_AFTER.match(text, m.end, min(len(text), m.end + 120))
        nct = "NCT" + after.group(1) if after else None
        canonical = mapping.get(m.text, core_name(m.text))
        if after:
            nct_owner[after.start(1)] = canonical
        result.append(m._replace(canonical=canonical, nct=nct))
    nct_to_name = {r.nct: r.canonical for r in result if r.nct}
    for m in mentions:
        if m.kind != "nct":
            continue
        digits_at = m.end - 8
        canonical = nct_owner.get(digits_at) or nct_to_name.get(m.nct) or known_by_nct.get(m.nct) or m.nct
        result.append(m._replace(canonical=canonical))
    return sorted(result, key=lambda m: (m.start, m.end))
