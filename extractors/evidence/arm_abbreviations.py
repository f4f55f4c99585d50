"""Arm abbreviations a document defines ('acalabrutinib ... with venetoclax (AV)'), used wherever the rules look for arms.

A short form in brackets defines an arm when its letters are the initials of the arm names written just before it.
The definitions are held per document (a context variable set by `extract_evidence`, as the NER names are) and their
later uses ('AV (n = 214)', 'AV 83.1% v ...') become arm mentions in `find_arms` for text of that document only.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from extractors.evidence.endpoints import find_endpoints
from extractors.evidence.known_arms import ArmMention, find_known_arms
from extractors.evidence.rules import (
    BRAND_INITIALS, COLON_LABELLED_ARM, GENERIC_ARMS, HISTORY_SHORT_FORM_LEFT, MEASURE_SHORT_FORM_LEFT, STEROID_PARTNER,
    ARM_ABBREVIATION_BREAK, ARM_ABBREVIATION_DEFINITION, DOSE_LEVEL_LABEL, ARM_ABBREVIATION_GAP, LABELLED_CLAUSE_MAX, ASSIGNED_LABEL, ASSIGNED_SHORT_FORM,
    ASSIGNED_SHORT_FORM_CAPITALS, ASSIGNED_SHORT_FORMS_SET_AGAINST, LABELLED_ARM, LABELLED_ARM_SENTENCE, NAMED_REGIMEN, NAMED_REGIMEN_APPOSITIVE, NAMED_ARM_DESCRIBED, NAMED_REGIMEN_BRACKETED,
    LETTERED_GROUP_DEFINITIONS, LETTERED_SCHEDULE_DEFINITION, NOT_ARM_LABELS, REGIMEN_GROUP_LABEL, POLICY_LABEL_COMPARISONS, STRATEGY_COMPARISONS, NOT_REGIMEN_LABELS, SHORT_CODE_MAX, STRATIFICATION_CUE, NON_ARM_TERM_CATEGORIES, WORD_NAME_STOPLIST,
)
from extractors.nlp.gazetteers import DEFAULT_GAZETTEER_DIR, load_non_trial_terms
from extractors.nlp.literal_prefilter import suffix_guard
from extractors.nlp.ner_mentions import add_ner_arms, note_arms_added, part_of_document

_DEFINITION = re.compile(ARM_ABBREVIATION_DEFINITION.pattern)
_BREAK = re.compile(ARM_ABBREVIATION_BREAK.pattern, re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])|\n")
_LABELLED = re.compile(LABELLED_ARM.pattern)
_ASSIGNED_LABEL = re.compile(ASSIGNED_LABEL.pattern)
_LABEL_SENTENCE = re.compile(LABELLED_ARM_SENTENCE.pattern, re.IGNORECASE)
_ASSIGNED_SHORT_FORM = re.compile(ASSIGNED_SHORT_FORM.pattern)
_SET_AGAINST = re.compile(ASSIGNED_SHORT_FORMS_SET_AGAINST.pattern)
_STRATIFIED = re.compile(STRATIFICATION_CUE.pattern)
_NAMED_REGIMENS = (re.compile(NAMED_REGIMEN.pattern), re.compile(NAMED_REGIMEN_APPOSITIVE.pattern),
                   re.compile(NAMED_ARM_DESCRIBED.pattern), re.compile(NAMED_REGIMEN_BRACKETED.pattern))
_NOT_REGIMEN_LABEL = re.compile(NOT_REGIMEN_LABELS.pattern)
_WORD_NAME_STOPLIST = re.compile(WORD_NAME_STOPLIST.pattern)
_DOSE_LEVEL = re.compile(DOSE_LEVEL_LABEL.pattern)
_SCHEDULE_DEFINITION = re.compile(LETTERED_SCHEDULE_DEFINITION.pattern, re.IGNORECASE)


@dataclass(frozen=True)
class ArmAbbreviation:
    """A short form and the arm it stands for."""

    short: str
    arm: str
    control: bool
    rank: int


@dataclass(frozen=True)
class DocumentArmAbbreviations:
    """The arm abbreviations one document defines, and the document text they apply to."""

    abbreviations: tuple[ArmAbbreviation, ...] = ()
    document: str = ""


_current: ContextVar[Optional[DocumentArmAbbreviations]] = ContextVar("arm_abbreviations", default=None)


def _not_arm_label(label: str) -> bool:
    """True for a population or table word ('Total', 'Responders') or a dose level ('DL2'), never an arm's label."""
    return label in NOT_ARM_LABELS or bool(_DOSE_LEVEL.match(label))


def _letters(short: str) -> str:
    """The letters a short form spells, upper-case ('B+I' -> 'BI', 'BV-D' -> 'BVD')."""
    return short.replace("+", "").replace("-", "").upper()


def _initials(surface: str, brands: bool = True) -> tuple[str, ...]:
    """The ways a name can contribute to a short form: its first letter, its words' first letters, the first two
    to four letters of a one-word name ('idelalisib' -> Id in IdR, 'isatuximab' -> Isa in Isa-R), or a code whole."""
    words = [w for w in re.split(r"[\s\-/]+", surface) if w]
    prefixes = tuple(surface[:n].upper() for n in range(2, 5)) if len(words) == 1 and len(surface) > 4 else ()
    code = (_letters(surface),) if len(surface) <= SHORT_CODE_MAX else ()  # 'daratumumab plus VRd (D-VRd)'
    brand = tuple(b.upper() for b in BRAND_INITIALS.get(surface.lower(), ())) if brands else ()
    return tuple(dict.fromkeys((surface[:1].upper(), "".join(w[0] for w in words).upper()) + prefixes + code + brand))


def _spells(short: str, surfaces: Sequence[str], brands: bool = True) -> bool:
    """True when the names' initials, in order, spell the short form ('acalabrutinib', 'venetoclax' -> AV)."""
    wanted = _letters(short)

    def rest(i: int, at: int) -> bool:
        if i == len(surfaces):
            return at == len(wanted)
        return any(wanted.startswith(part, at) and rest(i + 1, at + len(part)) for part in _initials(surfaces[i], brands))
    return len(surfaces) >= 1 and rest(0, 0)


def spells_arm(short: str, arm: str) -> bool:
    """True when a short form spells an arm's drugs in order ('PON' for 'ponatinib', 'VenO' for 'venetoclax-obinutuzumab')."""
    return _spells(short, [d for d in arm.split("-") if d])


_PRINTED_TAIL = re.compile(r"[-\s+/]([A-Z][A-Za-z]{1,6})\s*$")
_PARTNER_REGIMEN = re.compile(r"^\s*(?:[\w/.]+\s+){0,3}?(?:plus|with|and|\+)\s+([A-Z][A-Za-z]{0,6}(?:-[A-Z][A-Za-z]{0,6}){0,3})(?![\w-])")


def _spells_with_printed_tail(short: str, surfaces: Sequence[str], window: str, after: str = "") -> bool:
    """True when the short form ends with the regimen printed just before it, or joined to the last drug, and the drugs
    spell the rest ('nivolumab-AVD (N-AVD)', 'brentuximab vedotin plus AVD (BV-AVD)', 'pembrolizumab 200 mg plus R-CHP
    every 21 days (P-R-CHP)')."""
    letters = _letters(short)
    for tail in (_PRINTED_TAIL.search(window), _PARTNER_REGIMEN.match(after)):
        printed = _letters(tail.group(1)) if tail else ""
        if printed and letters.endswith(printed) and len(letters) > len(printed) \
                and _spells(letters[:-len(printed)], surfaces):
            return True
    return False


def _phrase_spells(short: str, phrase: str) -> bool:
    """True when the words of an arm phrase spell the short form ('chemotherapy alone' -> CA)."""
    words = [w for w in re.split(r"[\s\-/]+", phrase) if w and w.lower() not in _LINKING_WORDS]
    return 2 <= len(words) <= 4 and "".join(w[0] for w in words).upper() == _letters(short)


_LINKING_WORDS = frozenset({"plus", "and", "with", "of", "the", "a", "an", "+"})


def find_arm_abbreviations(text: str, gazetteer_dir=None) -> tuple[ArmAbbreviation, ...]:
    """The arm abbreviations text defines, first definition of each short form only; two short forms that would name
    the same arm ('ponatinib plus blinatumomab (PB)', 'ponatinib plus chemotherapy (PC)') name their drugs joined."""
    found: dict[str, ArmAbbreviation] = {}
    combinations: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        short, labelled = m.group("short"), m.group("group") is not None
        if short in found or len(_letters(short)) < (1 if labelled else 2) or find_endpoints(short) \
                or find_known_arms(short, gazetteer_dir, prefixed=False):
            continue
        starts = [e.end() for e in _SENTENCE_END.finditer(text, max(0, m.start() - 400), m.start())]
        window_start = starts[-1] if starts else max(0, m.start() - 400)
        window = text[window_start:m.start()]
        arms = add_ner_arms(window, find_known_arms(window, gazetteer_dir, prefixed=False))  # a definition may abbreviate NER drug names
        # 'hyper-CVAD chemotherapy (... DC)': a regimen named before its own class word is one arm, spelled by the last word
        arms = [a for a, b in zip(arms, arms[1:] + [None]) if b is None or b.arm != a.arm or window[a.end:b.start].strip()]
        if labelled and arms and len(_without_brackets(window[arms[-1].end:])) > ARM_ABBREVIATION_GAP:
            clause = _labelled_clause(window)  # '... or imatinib plus chemotherapy followed by transplantation in ... (the IC group)'
            named = [a for a in arms if a.start >= len(window) - len(clause)]
            if named:
                main = next((a for a in named if not a.control), named[0])
                control = main.control or bool(_DEFINITION.search(window))  # the second group a sentence labels
                found[short] = ArmAbbreviation(short, _joined(named), control,
                                               2 if control else main.rank)
                continue
        if labelled and (not arms or len(_without_brackets(window[arms[-1].end:])) > ARM_ABBREVIATION_GAP):
            # '... or to the second block of the standard protocol (IC; n = 160)': a sized label of an unnamed treatment,
            # the comparator when another arm's definition stands before it in the sentence
            control = bool(_DEFINITION.search(window))
            found[short] = ArmAbbreviation(short, short.lower(), control, 2 if control else 0)
            continue
        spelled = short
        partner = _STEROID_PARTNER.match(window[arms[-1].end:]) if arms else None
        if partner and short[-1:].upper() == partner.group(1)[0].upper() and len(_letters(short)) >= 3:
            window = window[:arms[-1].end]  # 'X plus lenalidomide and dexamethasone (XRd)': the steroid spells the 'd'
            spelled = short[:-1]
        if not arms or len(_without_brackets(window[arms[-1].end:])) > ARM_ABBREVIATION_GAP:
            continue
        group: list[ArmMention] = []
        for k in range(1, len(arms) + 1):
            gaps = [window[a.end:b.start] for a, b in zip(arms[-k:], arms[-k + 1:])] + [window[arms[-1].end:]]
            if any(len(_without_brackets(g)) > ARM_ABBREVIATION_GAP or _BREAK.search(_without_brackets(g))
                   or _DEFINITION.search(g) for g in gaps):
                break  # another arm's definition ('(RUX cohort; n = 46) and ... dasatinib') parts two arms
            group = arms[-k:]
            surfaces = [window[a.start:a.end] for a in group]
            # a group's label ('(Dara-R group)') names the combination itself, below, not by its spelling
            if _spells(spelled, surfaces, not labelled) or _spells_with_printed_tail(spelled, surfaces, window,
                                                                                      window[group[-1].end:]) \
                    or (k == 1 and _phrase_spells(spelled, window[group[0].start:])) \
                    or (k == 1 and group[0].control and not window[group[0].end:].strip()
                        and any(c.isdigit() for c in short)):  # a protocol block's code: 'chemotherapy (HC3)'
                main = next((a for a in group if not a.control), group[0])
                found[short] = ArmAbbreviation(short, main.arm, main.control, main.rank)
                combinations[short] = _joined(group)
                break
        if short not in found and labelled and group:  # '(Isa-R group)': one drug is named so; a combination by its label
            main = next((a for a in group if not a.control), group[0])
            found[short] = ArmAbbreviation(short, _joined(group), main.control, main.rank)
    shared = {a.arm for a in found.values() if sum(b.arm == a.arm for b in found.values()) > 1}
    return tuple(replace(a, arm=combinations[a.short]) if a.arm in shared and "-" in combinations.get(a.short, "") else a
                 for a in found.values())


_STEROID_PARTNER = re.compile(STEROID_PARTNER.pattern, re.IGNORECASE)


def _joined(arms: Sequence[ArmMention]) -> str:
    """The arms' names joined by '-' in order of mention, each once ('imatinib-chemotherapy')."""
    return "-".join(dict.fromkeys(a.arm for a in arms))


def _labelled_clause(window: str) -> str:
    """The clause a labelled definition closes: the window after its last break or earlier definition, if short enough."""
    cuts = [m.end() for rx in (_BREAK, _DEFINITION) for m in rx.finditer(window)]
    clause = window[max(cuts, default=0):]
    return clause if len(_without_brackets(clause)) <= LABELLED_CLAUSE_MAX else ""


def _without_brackets(gap: str) -> str:
    """A gap between arm names less its bracketed asides ('isatuximab (10 mg per kilogram) plus lenalidomide')."""
    return re.sub(r"\([^()]*\)", "", gap)


def find_labelled_arms(text: str, gazetteer_dir=None) -> tuple[ArmAbbreviation, ...]:
    """Arms a sentence about assignment names by labels and sizes ('Sprint (n = 71) and Marathon (n = 70)').

    The first label is the experimental arm, the others its comparators; labels the lexicons know stay theirs.
    """
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line):
            named = [m.group("label") for rx in (_LABELLED, _ASSIGNED_LABEL) for m in rx.finditer(sentence)]
            labels = list(dict.fromkeys(label for label in named
                                        if not _not_arm_label(label) and not find_known_arms(label, gazetteer_dir)
                                        and not find_endpoints(label)))
            if len(labels) >= 2 and _LABEL_SENTENCE.search(sentence):
                return tuple(ArmAbbreviation(label, label.lower(), i > 0, 0 if i == 0 else 2)
                             for i, label in enumerate(labels))
    return ()


def find_assigned_short_forms(text: str, gazetteer_dir=None) -> tuple[ArmAbbreviation, ...]:
    """Arms a sentence about assignment names by short forms the lexicons lack ('to HyperC or to StdC').

    The first short form is the experimental arm, the others its comparators; the first such sentence decides, unless
    a later one names more arms ('... to DA or DA-GO (...)' before '304 to DA, 305 to DA-GO and 303 to CPX-351').
    """
    best: tuple[ArmAbbreviation, ...] = ()
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line):
            found = [(m, m.group("defined") or m.group("sized") or m.group("to") or m.group("grouped"))
                     for m in _ASSIGNED_SHORT_FORM.finditer(sentence)]
            found = [(m, n) for m, n in found if _may_label_arm(n, gazetteer_dir)
                     and not _MEASURE_BEFORE.search(sentence, 0, m.start())
                     and not (m.group("defined") and _HISTORY_BEFORE.search(sentence, 0, m.start()))]
            grouped = len(found) >= 2 and all(m.group("grouped") for m, _ in found)  # '(the CONT group)' says it is an arm
            if len(found) < 2 or not (grouped or _LABEL_SENTENCE.search(sentence)) \
                    or _STRATIFIED.search(sentence, 0, found[0][0].start()) \
                    or not (grouped or all(_SET_AGAINST.match(sentence, a.end(), b.start())
                                           for (a, _), (b, _) in zip(found, found[1:]))):
                continue  # 'stratified by ... (ECOG) ... (PS)' names factors, not arms set against each other
            first = found[0][0].start()
            if any(_BREAK.search(sentence, a.end, first) for a in find_known_arms(sentence[:first], gazetteer_dir)):
                continue  # 'to teclistamab plus daratumumab or to the choice of X (DPd) or Y (DVd)': the comparator's options
            shorts = list(dict.fromkeys(n for _, n in found))
            if len(shorts) > len(best) and (not best or best[0].short in shorts):
                # '291 to AV, 286 to AVO, and 290 to chemoimmunotherapy': a named standard arm is the control, the labels
                # not; not one a short form abbreviates ('intensive chemotherapy (IC)') or glosses ('IC (intensive ...)')
                named_control = any(a.control and sentence.count("(", 0, a.start) == sentence.count(")", 0, a.start)
                                    and not sentence[a.end:].lstrip().startswith("(")
                                    for a in find_known_arms(sentence, gazetteer_dir))
                best = tuple(ArmAbbreviation(short, short.lower(), i > 0 and not named_control,
                                             0 if i == 0 or named_control else 2)
                             for i, short in enumerate(shorts))
    return best


@lru_cache(maxsize=8)
def _term_short_forms(gazetteer_dir: Optional[str]) -> frozenset[str]:
    directory = Path(gazetteer_dir) if gazetteer_dir else DEFAULT_GAZETTEER_DIR
    return frozenset(t.term for t in load_non_trial_terms(directory) if t.category in NON_ARM_TERM_CATEGORIES)


def _names_a_term(short: str, gazetteer_dir=None) -> bool:
    """True when the short form is a disease, marker or endpoint abbreviation ('CLL', 'MRD'), never an arm's label."""
    return short in _term_short_forms(str(gazetteer_dir) if gazetteer_dir else None)


def find_named_regimens(text: str, gazetteer_dir=None) -> tuple[ArmAbbreviation, ...]:
    """Regimens the text names by a word and defines by their drugs ('Ripple, an MRD-guided schedule of pirtobrutinib and
    venetoclax'): the word stands for the regimen's first drug, as an abbreviation does."""
    found: dict[str, ArmAbbreviation] = {}
    for m in (m for rx in _NAMED_REGIMENS for m in rx.finditer(text)):
        label = m.group("label")
        if label in found or _not_arm_label(label) or _NOT_REGIMEN_LABEL.match(label) \
                or _WORD_NAME_STOPLIST.match(label) or find_known_arms(label, gazetteer_dir) or find_endpoints(label):
            continue
        drugs = [a for a in add_ner_arms(m.group("drugs"), find_known_arms(m.group("drugs"), gazetteer_dir))
                 if not a.control]
        if drugs:
            found[label] = ArmAbbreviation(label, drugs[0].arm, False, drugs[0].rank)
    return tuple(found.values())


_REGIMEN_GROUP_LABEL = re.compile(REGIMEN_GROUP_LABEL.pattern)


def find_regimen_group_labels(text: str, gazetteer_dir=None) -> tuple[ArmAbbreviation, ...]:
    """Regimen acronyms the lexicons lack that the text names as groups ('the FLA-Ida group'): comparator arms, named as
    printed."""
    labels = dict.fromkeys(m.group("label") for m in _REGIMEN_GROUP_LABEL.finditer(text))
    return tuple(ArmAbbreviation(label, label.lower(), True, 2) for label in labels
                 if _may_label_arm(label, gazetteer_dir) and not find_known_arms(label, gazetteer_dir))


def _known_whole(short: str, gazetteer_dir=None) -> bool:
    """True when the lexicons know the short form as a whole ('FCR'), not just a part of it ('HCT' of 'HCT-CR1')."""
    return any(a.start == 0 and a.end == len(short) for a in find_known_arms(short, gazetteer_dir))


def set_document_arm_abbreviations(text: str, gazetteer_dir=None, scope: str = "") -> DocumentArmAbbreviations:
    """Find the arm abbreviations and labelled arms of the document being extracted and hold them for this thread;
    they apply to scope (the text with its tables), or to the text alone."""
    defined = find_arm_abbreviations(text, gazetteer_dir) + find_labelled_arms(text, gazetteer_dir)
    shorts = {a.short for a in defined}
    defined += tuple(a for a in find_named_regimens(text, gazetteer_dir) if a.short not in shorts)
    defined += find_lettered_groups(text, gazetteer_dir)
    shorts = {a.short for a in defined}
    defined += tuple(a for a in find_colon_labelled_arms(text, gazetteer_dir) if a.short not in shorts)
    shorts = {a.short for a in defined}
    defined += tuple(a for a in find_regimen_group_labels(text, gazetteer_dir) if a.short not in shorts)
    assigned = find_assigned_short_forms(text, gazetteer_dir)
    assigned_shorts = {a.short for a in assigned}
    spelled = {d.short for d in defined if d.arm != d.short.lower() or not _group_label(d.short, text)}
    if assigned_shorts - spelled:
        # '(the ALLO-R1 group) ... (the CHEMO-C group)' with only one label spelled out: the labels name both arms alike
        defined = tuple(d for d in defined if d.short not in assigned_shorts)
    shorts = {a.short for a in defined}
    held = DocumentArmAbbreviations(defined + tuple(a for a in assigned if a.short not in shorts), scope or text)
    _current.set(held)
    return held


def _group_label(short: str, text: str) -> bool:
    """True when the text prints the short form as a group's label ('(the ALLO-R1 group)')."""
    return re.search(r"\(\s*the\s+" + re.escape(short) + r"\s+(?:group|arm|cohort)\s*\)", text) is not None


def hold_arm_abbreviations(held: DocumentArmAbbreviations) -> DocumentArmAbbreviations:
    """Hold arm abbreviations found earlier for the document being extracted (see set_document_arm_abbreviations)."""
    _current.set(held)
    return held


def held_arm_abbreviations() -> Optional[DocumentArmAbbreviations]:
    """The arm abbreviations held for this thread's current document, as set (None before any)."""
    return _current.get()


def defined_arms() -> tuple[str, ...]:
    """The arms the current document defines by abbreviations or labels ('ponatinib plus blinatumomab (PB)')."""
    held = _current.get()
    return tuple(a.arm for a in held.abbreviations) if held is not None else ()


def defined_arm_count() -> int:
    """How many distinct arms the current document names by abbreviations or labels ('(RUX cohort)', '(DAS cohort)')."""
    return len(set(defined_arms()))


def add_abbreviated_arms(text: str, arms: Sequence[ArmMention]) -> list[ArmMention]:
    """Arm mentions plus every use of the current document's arm abbreviations that none of them covers."""
    held = _current.get()
    if held is None or not held.abbreviations or not part_of_document(text, held.document):
        return list(arms)
    out = list(arms)
    for abbreviation in held.abbreviations:
        for m in _use_pattern(abbreviation.short).finditer(text):
            inside = [a for a in out if not (m.end() <= a.start or m.start() >= a.end)]
            # a defined short form outranks a lexicon term printed inside it ('FLAG-Ida' in 'FLAG-Ida-Ven')
            if all(m.start() <= a.start and a.end <= m.end() and a.end - a.start < m.end() - m.start() for a in inside):
                out = [a for a in out if a not in inside]
                out.append(ArmMention(m.start(), m.end(), abbreviation.arm, abbreviation.control, abbreviation.rank))
    if out == list(arms):
        return out
    note_arms_added()  # a definition may rest on NER drug names: the reading is not the rules-only reading
    return sorted(out)


@lru_cache(maxsize=256)
def _use_pattern(short: str) -> re.Pattern[str]:
    # 'group A' is also 'Group A'; 'pola-BR' also opens a sentence as 'Pola-BR'
    flags = re.IGNORECASE if _LETTERED_SHORT.match(short) or _SYLLABLE_SHORT.match(short) else 0
    return re.compile(r"(?<![A-Za-z0-9+\-])" + re.escape(short) + r"(?![A-Za-z0-9+\-])", flags)


_LETTERED_SHORT = re.compile(r"^(?:group|arm|cohort) (?:[A-Z0-9]|IV|I{1,3})$")
_SYLLABLE_SHORT = re.compile(r"^[a-z]{3,5}-[A-Za-z]{1,4}$")
_LETTERED_GROUPS = tuple(re.compile(c.pattern) for c in LETTERED_GROUP_DEFINITIONS)
LETTERED_LABEL_SUFFIX = r"\s*\(\s*(?P<word>[Gg]roup|[Aa]rm|[Cc]ohort)\s+(?P<letter>IV|I{1,3}|[A-D1-4])(?![\w-])\s*\)"
"""The bracketed label '(group A)' that closes a lettered-group pattern naming the label after its treatment."""
_LETTERED_GUARDS = tuple(suffix_guard(rx, LETTERED_LABEL_SUFFIX)
                         for rx in _LETTERED_GROUPS)
"""Per lettered-group pattern, the bracketed label every match of it ends with, searched first (None: no guard)."""


_COLON_LABELLED = re.compile(COLON_LABELLED_ARM.pattern)
_MEASURE_BEFORE = re.compile(MEASURE_SHORT_FORM_LEFT.pattern, re.IGNORECASE)
_HISTORY_BEFORE = re.compile(HISTORY_SHORT_FORM_LEFT.pattern, re.IGNORECASE)
_CONTROL_ROLES = ("control", "comparator", "standard", "reference")
_EXPERIMENTAL_ROLES = ("experimental", "investigational")


def _may_label_arm(short: str, gazetteer_dir=None) -> bool:
    """True for a short form that may be an arm's label: two capitals or more, and no population or table word, known
    regimen, endpoint, disease or marker ('DA-GO', 'PVR'; not 'ORR', 'CLL', 'FCR')."""
    return sum(c.isupper() for c in short) >= ASSIGNED_SHORT_FORM_CAPITALS and not _not_arm_label(short) \
        and not _known_whole(short, gazetteer_dir) and not find_endpoints(short) and not _names_a_term(short, gazetteer_dir)


def _role_says_control(role: Optional[str]) -> Optional[bool]:
    """Whether the role a label's bracket gives ('(standard)', '(the experimental arm)') makes it the control arm;
    None when it gives none."""
    role = (role or "").lower()
    if any(w in role for w in _CONTROL_ROLES):
        return True
    return False if any(w in role for w in _EXPERIMENTAL_ROLES) else None


def find_colon_labelled_arms(text: str, gazetteer_dir=None) -> tuple[ArmAbbreviation, ...]:
    """Arms a card or poster defines one per line by a short form and a colon ('• PVR (the experimental arm):
    pirtobrutinib plus venetoclax ...'); the first, or the one called experimental, is the experimental arm."""
    found: dict[str, ArmAbbreviation] = {}
    for m in _COLON_LABELLED.finditer(text):
        short = m.group("short")
        if short in found or not _may_label_arm(short, gazetteer_dir):
            continue
        drugs = [a for a in find_known_arms(m.group("drugs"), gazetteer_dir) if a.arm not in GENERIC_ARMS]
        if not drugs:
            continue
        main = next((a for a in drugs if not a.control), drugs[0])
        says = _role_says_control(m.group("role"))
        control = says is True or (says is None and bool(found)) or main.control
        found[short] = ArmAbbreviation(short, main.arm, control, 2 if control else 0)
    return tuple(found.values()) if len(found) >= 2 else ()


_POLICY_SIDES = tuple((re.compile(r"^\W*(?:" + t.pattern + ")", re.IGNORECASE), t.arm, control)
                      for c in STRATEGY_COMPARISONS if c.label in POLICY_LABEL_COMPARISONS
                      for terms, control in ((c.experimental, False), (c.control, True)) for t in terms if t.arm != "{match}")


def _policy_opening(definition: str) -> Optional[ArmMention]:
    """The policy side a lettered group's definition opens with ('fixed duration: venetoclax to cycle 12'), or None."""
    for rx, arm, control in _POLICY_SIDES:
        m = rx.match(definition)
        if m:
            return ArmMention(m.start(), m.end(), arm, control, 0)
    return None


def find_lettered_groups(text: str, gazetteer_dir=None) -> tuple[ArmAbbreviation, ...]:
    """Arms a report names by letter and defines by their treatment ('group A (mosunetuzumab plus lenalidomide) or
    group B (bendamustine plus rituximab)'); the first lettered group is the experimental arm."""
    found: dict[str, ArmAbbreviation] = {}
    for m in sorted((m for rx, guard in zip(_LETTERED_GROUPS, _LETTERED_GUARDS) if guard is None or guard.search(text)
                     for m in rx.finditer(text)), key=lambda m: m.start()):
        short = f"{m.group('word').lower()} {m.group('letter')}"
        policy = _policy_opening(m.group("drugs"))
        drugs = [policy] if policy else [a for a in add_ner_arms(m.group("drugs"), find_known_arms(m.group("drugs"), gazetteer_dir))]
        if short in found or not (drugs or _SCHEDULE_DEFINITION.search(m.group("drugs"))):
            continue
        says = _role_says_control(m.groupdict().get("role"))
        if not drugs:  # 'Arm B: 4 cycles of BrECADD every 21 days': a schedule of a regimen the lexicons lack
            control = says if says is not None else bool(found)
            found[short] = ArmAbbreviation(short, short.lower(), control, 2 if control else 0)
            continue
        main = next((a for a in drugs if not a.control), drugs[0])
        control = says if says is not None else main.control or bool(found)
        found[short] = ArmAbbreviation(short, main.arm, control, 2 if control else main.rank)
    if len({a.arm for a in found.values()}) < len(found) or any(a.arm == a.short.lower() for a in found.values()):
        # 'Arm A: 6 cycles of X (drugs)' and 'Arm B: 4 cycles of X': one treatment, two schedules, named by letter
        found = {k: replace(a, arm=a.short.lower()) for k, a in found.items()}
    return tuple(found.values()) if len(found) >= 2 else ()
