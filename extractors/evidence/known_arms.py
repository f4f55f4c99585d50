"""Treatment-arm mentions from the arm lexicon and the drug gazetteer (no NER)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

from extractors.evidence.numbers import one_line
from extractors.evidence.rules import (
    ARM_TERMS, CELL_THERAPY_INN, CODED_CAR_PATTERNS, DRUG_COMPOUND, MIN_CAPITALISED_NAME, COMPARATOR_ARM_NAMES, COMPARATOR_DRUG_CLASSES, NON_ARM_DRUG_CLASSES, PRODUCT_PATTERNS, REGIMEN_CODE_CLASSES, REGIMEN_CODE_PREFIXES, SHORT_CODE_MAX,
)
from extractors.nlp.gazetteers import DEFAULT_GAZETTEER_DIR, load_drugs
from extractors.nlp.literal_prefilter import fold, may_match_rows


class ArmMention(NamedTuple):
    """A treatment name: span, arm name, comparator flag and rank (0 core, 1 gazetteer drug, 2 control)."""

    start: int
    end: int
    arm: str
    control: bool
    rank: int


@lru_cache(maxsize=8)
def _compiled(gazetteer_dir: Optional[str]) -> tuple[tuple[re.Pattern[str], str, bool, int], ...]:
    out = [(re.compile(t.pattern, 0 if t.case else re.IGNORECASE), t.arm, t.control, 2 if t.control else t.rank)
           for t in ARM_TERMS]
    core = {t.arm for t in ARM_TERMS}
    for canonical, names, drug_class in _gazetteer_drugs(gazetteer_dir):
        if canonical in core or drug_class in NON_ARM_DRUG_CLASSES:
            continue
        control = drug_class in COMPARATOR_DRUG_CLASSES
        # names match case-sensitively (codes such as 'InO'), but a lower-case name may open a sentence or a cell,
        # or stand in a title set in title case ('Ciltacabtagene Autoleucel') or in capitals
        spelled = set(names) | {v for n in names if n.islower() for v in _title_spellings(n)}
        # a short code after another drug's letters and a hyphen ('D-VRd', 'Isa-Pd') is part of a larger regimen
        alternation = "|".join((re.escape(n) if len(n) > SHORT_CODE_MAX else rf"(?<![A-Za-z0-9]-){re.escape(n)}")
                               for n in sorted(spelled, key=len, reverse=True))
        arm = COMPARATOR_ARM_NAMES.get(drug_class, canonical)  # 'FLAG-IDA' set against a new drug is the chemotherapy arm
        out.append((re.compile(r"(?<![A-Za-z0-9])(?:" + alternation + r")(?![A-Za-z0-9])"), arm, control,
                    2 if control else 1))
    return tuple(out)


@lru_cache(maxsize=16)
def _rows(gazetteer_dir: Optional[str], prefixed: bool) -> tuple[tuple[re.Pattern[str], str, bool, int], ...]:
    """The lexicon and gazetteer rows, with the prefix-extended codes or without (one immutable table each)."""
    return _compiled(gazetteer_dir) + (_prefixed_codes(gazetteer_dir) if prefixed else ())


@lru_cache(maxsize=8)
def _prefixed_codes(gazetteer_dir: Optional[str]) -> tuple[tuple[re.Pattern[str], str, bool, int], ...]:
    """Rows for short regimen codes a drug prefix extends ('D-VRd': daratumumab with VRd)."""
    out = []
    for canonical, names, drug_class in _gazetteer_drugs(gazetteer_dir):
        codes = [re.escape(n) for n in names if len(n) <= SHORT_CODE_MAX and drug_class in REGIMEN_CODE_CLASSES]
        out += [(re.compile(rf"(?<![A-Za-z0-9-])(?:{prefix})-(?:{'|'.join(codes)})(?![A-Za-z0-9]|-[A-Za-z0-9])"),
                 f"{drug}-{canonical}", False, 1)
                for prefix, drug, _ in REGIMEN_CODE_PREFIXES if codes and not canonical.startswith(drug)]
    return tuple(out)


def _title_spellings(name: str) -> tuple[str, ...]:
    """A lower-case name as it opens a sentence, in title case and, when long enough to be no code, in capitals."""
    title_case = re.sub(r"(?:^|(?<=[\s-]))([a-z])", lambda m: m.group(1).upper(), name)
    return (name[0].upper() + name[1:], title_case) + ((name.upper(),) if len(name) >= MIN_CAPITALISED_NAME else ())


def _gazetteer_drugs(gazetteer_dir: Optional[str]) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    try:
        drugs = load_drugs(Path(gazetteer_dir) if gazetteer_dir else DEFAULT_GAZETTEER_DIR)
    except (OSError, ValueError, KeyError):
        return ()
    return tuple((d.canonical, d.names, d.drug_class) for d in drugs)


_PRODUCTS = tuple(re.compile(p.pattern) for p in PRODUCT_PATTERNS)
_CODED_CARS = tuple(re.compile(p.pattern) for p in CODED_CAR_PATTERNS)
_CELL_THERAPY_INN = re.compile(CELL_THERAPY_INN.pattern)
_DRUG_COMPOUND = re.compile(DRUG_COMPOUND.pattern)
_COMPOUND_JOIN = re.compile(r"\s*[-/+]\s*")
PLACEBO = "placebo"


def coded_car_arm(code: str) -> str:
    """The arm name of a CAR construct known by a code or target ('19-28z' -> '19-28z car t cells')."""
    return f"{code.lower()} car t cells"


def find_known_arms(text: str, gazetteer_dir: Optional[Path] = None, prefixed: bool = True) -> list[ArmMention]:
    """Arm mentions from the arm lexicon and the drug gazetteer only; `prefixed=False` leaves out prefix-extended
    regimen codes ('D-VRd'), which a document may define as its own abbreviation."""
    return list(_find_arms(one_line(text), str(gazetteer_dir) if gazetteer_dir else None, prefixed))


@lru_cache(maxsize=4096)
def _find_arms(text: str, gazetteer_dir: Optional[str], prefixed: bool = True) -> tuple[ArmMention, ...]:
    found = []
    folded = fold(text)  # a pattern none of whose needed strings the text holds is not run (literal_prefilter)
    rows = _rows(gazetteer_dir, prefixed)
    for (rx, arm, control, rank), possible in zip(rows, may_match_rows(rows, text, folded)):
        if not possible:
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), arm, control, rank))
    products = []
    for rx in _PRODUCTS:
        for m in rx.finditer(text):
            products.append((m.start(1), m.end(1), m.group(1), False, 0))
            # the generic description before a named product is the same product
            found = [f for f in found if not (m.start() <= f[0] and f[1] <= m.start(1) and f[4] == 1)]
    for rx in _CODED_CARS:
        for m in rx.finditer(text):
            products.append((m.start(), m.end(), coded_car_arm(m.group("code")), False, 0))
    for m in _CELL_THERAPY_INN.finditer(text):  # listed products keep their lexicon spans (longest first below)
        products.append((m.start(), m.end(), " ".join(m.group(0).lower().split()), False, 0))
    found += products
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple] = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    kept.sort()
    return _with_compounds(text, tuple(ArmMention(*k) for k in kept), gazetteer_dir)


def _with_compounds(text: str, arms: tuple[ArmMention, ...], gazetteer_dir: Optional[str]) -> tuple[ArmMention, ...]:
    """The mentions with each drug joined to a placebo by '-', '/' or '+' made one control arm ('azacitidine-placebo')."""
    if len(text) < 3 or not _COMPOUND_JOIN.search(text):
        return arms
    out = list(arms)
    for m in _DRUG_COMPOUND.finditer(text):
        if any(a.start <= m.start() and m.end() <= a.end for a in arms):
            continue  # a listed combination ('bortezomib-dexamethasone') or regimen ('R-CHOP') as a whole
        words = _COMPOUND_JOIN.split(m.group(0))
        parts = [_find_arms(w, gazetteer_dir) for w in words]
        if not all(len(p) == 1 and p[0].end - p[0].start == len(w) for p, w in zip(parts, words)):
            continue
        names = [p[0].arm for p in parts]
        if len(set(names)) < 2 or PLACEBO not in names:
            continue  # drugs joined without a placebo may be one arm's parts or a class ('BTK inhibitor-venetoclax')
        out = [a for a in out if a.end <= m.start() or a.start >= m.end()]
        out.append(ArmMention(m.start(), m.end(), "-".join(names), True, min(p[0].rank for p in parts)))
    return tuple(sorted(out))
