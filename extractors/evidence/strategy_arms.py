"""Strategy arms of a report that compares procedures or policies ('allogeneic HCT' vs 'no transplant').

`STRATEGY_COMPARISONS` (rules.py) lists each comparison's two sides. A comparison applies to a document whose title sets
its two sides against each other, or whose cohort labels ('Standard cohort (n = 104)') or table headers size both sides.
The active comparisons are held per document (a context variable set by `study_frame`, as the NER names are) and their
terms become arm mentions in `find_arms` for text of that document only.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Optional, Sequence

from extractors.evidence.known_arms import ArmMention, find_known_arms
from extractors.evidence.numbers import one_line
from extractors.nlp.ner_mentions import part_of_document
from extractors.evidence.rules import (
    ALLOGENEIC_ARM, ALLOGENEIC_ARM_HCT, ALLOGENEIC_ARM_PLAIN, DEFERRED_ARM, ASSIGNMENT_ACTIVATED, ALLOGENEIC_TITLE, AUTOLOGOUS_ARM, AUTOLOGOUS_ARM_ASCT, AUTOLOGOUS_ARM_HCT, AUTOLOGOUS_ARM_HSCT,
    AUTOLOGOUS_TITLE, ONE_REGIMEN_POLICIES, STRATEGY_ASSIGNMENT, STRATEGY_COHORT_LABEL, STRATEGY_COMPARISONS, STRATEGY_SPLIT, TRANSPLANT_ASCT_FORMS, TRANSPLANT_HCT_FORMS, TRANSPLANT_HSCT_FORMS,
    STRATEGY_TITLE_ALTERNATIVE, STRATEGY_TITLE_COMPARISON_OF, TITLE_COMPARISON, TANDEM_ARM, SINGLE_ARM, TITLE_SIDE_WITH_TEXT_CONTROL, UNIFIED_STRATEGY_SIDES,
    TRANSPLANT_EVENT_LEFT, ArmTerm, StrategyComparison,
)

_COHORT_LABEL = re.compile(STRATEGY_COHORT_LABEL.pattern)
_SPLIT = re.compile(STRATEGY_SPLIT.pattern, re.IGNORECASE)
_ASSIGNMENT = re.compile(STRATEGY_ASSIGNMENT.pattern, re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_TITLE_COMPARISON = re.compile(TITLE_COMPARISON.pattern, re.IGNORECASE)
_TITLE_ALTERNATIVE = re.compile(STRATEGY_TITLE_ALTERNATIVE.pattern)
_TITLE_COMPARISON_OF = re.compile(STRATEGY_TITLE_COMPARISON_OF.pattern)
_LABEL_TAIL = re.compile(r"\s+(?:cohort|arm|group|alone)$")
_TRANSPLANT_EVENT_LEFT = re.compile(TRANSPLANT_EVENT_LEFT.pattern, re.IGNORECASE)
_TRANSPLANT_EVENT_OPENING = re.compile(r"(?i)(?:underwent|undergoing|received|proceeded|went on)\b")  # 'underwent HCT' is one mention
_SHARE_JUST_BEFORE = re.compile(r"\d\s*%\s*\)?\s*$")  # '128 patients (88.9%) underwent HCT': a share of the arm, not a group
_AUTOLOGOUS_TITLE = re.compile(AUTOLOGOUS_TITLE.pattern, re.IGNORECASE)
_ALLOGENEIC_TITLE = re.compile(ALLOGENEIC_TITLE.pattern, re.IGNORECASE)
_HCT_FORMS = re.compile(TRANSPLANT_HCT_FORMS)
_HSCT_FORMS = re.compile(TRANSPLANT_HSCT_FORMS)
_ANY_TRANSPLANT_ABBREVIATION = re.compile(r"(?<![\w])(?:allo-?)?(?:HCT|HSCT|SCT)(?![\w])")  # 'HCT', 'allo-SCT', 'HSCT-CR1'
_ASCT_FORMS = re.compile(TRANSPLANT_ASCT_FORMS)
_ALLO_HCT = re.compile(r"(?<![\w-])[Aa]llo-?HCT(?![\w-])")
_ALLO_HSCT = re.compile(r"(?<![\w-])[Aa]llo-?H?SCT(?![\w-])")


def _compiled(term: ArmTerm) -> re.Pattern[str]:
    return re.compile(term.pattern, 0 if term.case else re.IGNORECASE)


@dataclass(frozen=True)
class StrategyArms:
    """The strategy terms active in one document: (pattern, arm name, control) each, and the document text."""

    terms: tuple[tuple[re.Pattern[str], str, bool], ...] = ()
    document: str = ""

    @property
    def compared(self) -> tuple[str, ...]:
        """The experimental and control arm names of the first active comparison that the document prints, else ()."""
        printed = [(arm, control) for rx, arm, control in self.terms if rx.search(self.document)] or \
            [(arm, control) for _, arm, control in self.terms]  # a side's term the document never prints names no arm
        experimental = next((arm for arm, control in printed if not control), None)
        control = next((arm for arm, control in printed if control), None)
        return (experimental, control) if experimental and control else ()


_current: ContextVar[Optional[StrategyArms]] = ContextVar("strategy_arms", default=None)


def _side_hits(text: str, side: Sequence[ArmTerm]) -> list[re.Match[str]]:
    return [m for t in side for m in _compiled(t).finditer(text)]


def _labelled(text: str, side: Sequence[ArmTerm]) -> bool:
    """True when a term of the side labels a cohort sized by '(n = N)' right after it."""
    return any(_COHORT_LABEL.match(text[m.end():m.end() + 40]) for m in _side_hits(text, side))


def _active(comparison: StrategyComparison, title: str, text: str, headers: Sequence[str]) -> bool:
    """True when the title sets the two sides against each other, or labels or headers size both sides, or the title
    names the experimental side and the text splits the patients between it and the rest, or a sentence assigns
    patients to both sides."""
    for versus in (*_TITLE_COMPARISON.finditer(title), *_TITLE_ALTERNATIVE.finditer(title)):
        if _side_hits(title[:versus.start()], comparison.experimental) \
                and _side_hits(title[versus.end():], comparison.control):
            return True
    if any(_side_hits(m.group("left"), comparison.experimental) and _side_hits(m.group("right"), comparison.control)
           for m in _TITLE_COMPARISON_OF.finditer(title)):
        return True
    if _side_hits(title, comparison.experimental) and any(_side_hits(m.group("side"), comparison.experimental)
                                                         for m in _SPLIT.finditer(text)):
        return True
    if comparison.label in TITLE_SIDE_WITH_TEXT_CONTROL and _side_hits(title, comparison.experimental) \
            and _side_hits(text, comparison.control):
        return True
    if comparison.label in ASSIGNMENT_ACTIVATED and any(
            _ASSIGNMENT.search(sentence) and _side_hits(sentence, comparison.experimental)
            and _side_hits(sentence, comparison.control) for sentence in _SENTENCE_BREAK.split(text)):
        return True
    labels = text + "\n" + "\n".join(headers)
    return _labelled(labels, comparison.experimental) and _labelled(labels, comparison.control)


_DRUG_STEM = re.compile(r"[a-z]{3,}(?:mide|mib|nib|mab|clax|cel)\b")
"""A drug's INN stem in a printed side name ('continued lenalidomide'): the most specific name a side can have."""


def _printed_names(text: str, side: Sequence[ArmTerm]) -> list[str]:
    """The side's printed names ('{match}' terms) as the text gives them, lower-cased."""
    return [_LABEL_TAIL.sub("", re.sub(r"\s+", " ", m.group(0).lower()))
            for t in side if t.arm == "{match}" for m in _compiled(t).finditer(text)]


def _side_name(text: str, side: Sequence[ArmTerm], unify: bool = False, title: str = "") -> dict[str, str]:
    """Each term pattern of a side mapped to the side's arm name; printed names ('{match}') become the longest that
    names a drug, else the longest holding the title's ('... Transplantation Versus Observation'), else the longest."""
    printed = _printed_names(text, side)
    titled = _printed_names(title, side)  # 'active surveillance' extends the title's 'Surveillance'
    preferred = [n for n in printed if _DRUG_STEM.search(n)] or [n for n in printed if any(t in n for t in titled)] \
        or printed
    longest = max(preferred, key=len) if printed else None
    fixed = sum(1 for t in side if t.arm != "{match}" for _ in _compiled(t).finditer(text))
    if unify and longest and len(printed) >= fixed:
        return {t.pattern: longest for t in side}  # mostly called 'continued chemotherapy', so named that throughout
    return {t.pattern: (longest or t.arm.replace("{match}", "")) if t.arm == "{match}" else t.arm for t in side}


def document_strategies(title: str, text: str, headers: Sequence[str] = (), scope: str = "") -> StrategyArms:
    """The strategy comparisons that a document with this title, text and table headers sets up; they apply to scope
    (the text with its tables' captions, headers and cells), or to the text and headers alone."""
    title, flat = one_line(title), one_line(text)
    terms: list[tuple[re.Pattern[str], str, bool]] = []
    active: set[str] = set()
    for comparison in STRATEGY_COMPARISONS:
        patterns = {t.pattern for t in comparison.experimental + comparison.control}
        if patterns & active or not _active(comparison, title, flat, [one_line(h) for h in headers]):
            continue  # a side an earlier comparison already names ('318 stopped') keeps that comparison's name
        if comparison.label in ONE_REGIMEN_POLICIES and _title_sides_differ_in_drugs(title):
            continue  # 'MRD-guided A plus B versus continuous B': a drug comparison, named by the drugs
        active |= patterns
        autologous = transplant_arm_name(title, flat, autologous=True)
        renamed = {ALLOGENEIC_ARM: transplant_arm_name(title, flat), AUTOLOGOUS_ARM: autologous,
                   TANDEM_ARM: "tandem " + autologous, SINGLE_ARM: "single " + autologous,
                   DEFERRED_ARM: DEFERRED_ARM if autologous == AUTOLOGOUS_ARM else "deferred " + autologous}
        for side, control in ((comparison.experimental, False), (comparison.control, True)):
            names = _side_name(flat, side, unify=comparison.label in UNIFIED_STRATEGY_SIDES, title=title)
            terms += [(_compiled(t), renamed.get(names[t.pattern], names[t.pattern])
                       if not control or names[t.pattern] in (SINGLE_ARM, DEFERRED_ARM) else names[t.pattern], control)
                      for t in side]
    return StrategyArms(tuple(terms), scope or "\n".join([text, *headers]))  # table headers and row labels name arms too


def _title_sides_differ_in_drugs(title: str) -> bool:
    """True when the title sets treatments against each other and each side names drugs the other does not hold."""
    for versus in _TITLE_COMPARISON.finditer(title):
        left, right = ({a.arm for a in find_known_arms(side)} for side in (title[:versus.start()], title[versus.end():]))
        if left and right and left != right:
            return True
    return False


def transplant_arm_name(title: str, text: str, autologous: bool = False) -> str:
    """A transplant arm's name: autologous when so told or when the title says so (and not allogeneic), with the
    report's own abbreviation (HCT, or HSCT/ASCT; a transplant abbreviated nowhere is 'autologous transplant'
    or 'allogeneic transplant')."""
    if autologous or (_AUTOLOGOUS_TITLE.search(title) and not _ALLOGENEIC_TITLE.search(title)):
        hct, hsct, asct = len(_HCT_FORMS.findall(text)), len(_HSCT_FORMS.findall(text)), len(_ASCT_FORMS.findall(text))
        if hct > hsct:
            return AUTOLOGOUS_ARM_HCT
        return (AUTOLOGOUS_ARM_ASCT if asct * 2 > hsct else AUTOLOGOUS_ARM_HSCT) if hsct else AUTOLOGOUS_ARM
    # 'allo-HCT' does not count: writers name the allogeneic side HSCT unless the bare abbreviation is HCT
    hct, hsct = (len(re.findall(rf"(?<![\w-]){abbreviation}(?![\w-])", text)) for abbreviation in ("HCT", "HSCT"))
    if not _ANY_TRANSPLANT_ABBREVIATION.search(text):  # it also finds every bare HCT and HSCT counted above
        return ALLOGENEIC_ARM_PLAIN
    if hct == hsct == 0:  # only the prefixed forms: 'allo-HCT' throughout names the side HCT
        hct, hsct = len(_ALLO_HCT.findall(text)), len(_ALLO_HSCT.findall(text))
    return ALLOGENEIC_ARM_HCT if hct > hsct else ALLOGENEIC_ARM


def set_document_strategies(strategies: StrategyArms) -> StrategyArms:
    """Hold a document's strategy arms for `find_arms` in this thread (an empty set clears the previous document's)."""
    _current.set(strategies)
    return strategies


def held_strategies() -> Optional[StrategyArms]:
    """The strategy arms held for this thread's current document, as set (None before any)."""
    return _current.get()


def add_strategy_arms(text: str, arms: Sequence[ArmMention]) -> list[ArmMention]:
    """Arm mentions plus the active strategy terms found in text; a strategy span replaces the mentions inside it."""
    current = _current.get()
    if current is None or not current.terms or not part_of_document(text, current.document):
        return list(arms)
    flat = one_line(text)
    found = sorted({(m.start(), m.end(), arm, control) for rx, arm, control in current.terms for m in rx.finditer(flat)
                    if m.end() > m.start()}, key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, str, bool]] = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    out = [a for a in arms if all(a.end <= k[0] or a.start >= k[1] for k in kept)]
    out += [ArmMention(s, e, arm, control, 2 if control else 0) for s, e, arm, control in kept]
    return sorted(out)


def without_strategy_endpoints(text: str, endpoints: Sequence, arms: Sequence[ArmMention]) -> list:
    """Endpoint mentions less the transplant mentions that name a strategy arm ('57% after allogeneic HSCT').

    A transplant after an event verb ('412 underwent HCT', '128 patients (88.9%) underwent HCT') stays the ALLOHSCT
    outcome.
    """
    current = _current.get()
    if current is None or not current.terms or not part_of_document(text, current.document):
        return list(endpoints)
    strategy = {(a.start, a.end) for a in arms if any(arm == a.arm for _, arm, _ in current.terms)}
    return [e for e in endpoints if e.code != "ALLOHSCT" or _TRANSPLANT_EVENT_LEFT.search(text[:e.start])
            or (_TRANSPLANT_EVENT_OPENING.match(e.text) and _SHARE_JUST_BEFORE.search(text, 0, e.start)) or not any(s < e.end and e.start < t for s, t in strategy)]
