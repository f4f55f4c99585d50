"""Arms of the values in a clause: printed next to the value, by comparison order, or inherited from the study."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from extractors.evidence.arm_abbreviations import defined_arms
from extractors.evidence.arms import ArmMention
from extractors.evidence.rules import (
    ADD_ON_LEFT, ARM_GROUP_PREDICATE, GROUP_MEMBERSHIP_GAP, DID_NOT_RECEIVE_AFTER, SUBGROUP_DESCRIPTION_LEAD, SUBGROUP_HISTORY_LEAD, ARM_THEN_IN_VALUE, ARM_THEN_PRONOUN_VALUE, ARM_VERB_VALUE, RANDOMISATION, SUBGROUP_COMPARISON,
)
from extractors.evidence.slots import ReadingContext, ValueSlot

_I = re.IGNORECASE
_SUBGROUP = re.compile(SUBGROUP_COMPARISON.pattern, _I)
_SUBGROUP_LEAD = re.compile(SUBGROUP_DESCRIPTION_LEAD.pattern, _I)
_HISTORY_LEAD = re.compile(SUBGROUP_HISTORY_LEAD.pattern, _I)
_RANDOMISATION = re.compile(RANDOMISATION.pattern, _I)
_ADD_ON = re.compile(ADD_ON_LEFT.pattern, _I)
_GROUP_MEMBERSHIP = re.compile(GROUP_MEMBERSHIP_GAP.pattern, _I)
_PAIR_LINK = re.compile(r"^\s*(?:%|per ?cent|months?|mos?)?\s*(?:[\[(][^\])]{0,60}[\])]\s*)?[\])]?\s*,?\s*(?:vs\.?|versus|v\.?|compared (?:with|to)|(?:as )?against)\s*(?:the\s+)?(?:[\w\-]+\s+){0,2}?(?:\d+\s*(?:(?:/|of|out of)\s*\d+\s*)?)?[(\[]?\s*$", _I)


def is_pair(text: str, first: ValueSlot, second: ValueSlot) -> bool:
    """True when two values are joined as a comparison ('34% versus 16%', '276 (88.7%) v 257 (83.2%)')."""
    return bool(_PAIR_LINK.match(text[first.tok.end:second.tok.start]))


_RESPECTIVELY_LINK = re.compile(r"^\s*(?:%|per ?cent|months?|mos?)?\s*\)?\s*(?:[\[(][^\])]{0,60}[\])]\s*)?,?\s*(?:and|or)\s*(?:\d+\s*(?:(?:patients|children|adults|participants)\s*)?(?:(?:/|of|out of)\s*\d+\s*)?)?[(\[]?\s*$", _I)
# '... 84.0% of patients, respectively': the population noun may stand between the second value and 'respectively'
_RESPECTIVELY_AFTER = re.compile(r"^\s*(?:%|per ?cent|months?|mos?)?\s*\)?\s*(?:[\[(][^\])]{0,60}[\])]\s*)?(?:of (?:the )?(?:patients|children|adults|participants)\s*)?,?\s*(?:respectively|in the same order|in that order)\b", _I)
# 'overall survival 82.1% (74.9-87.4) and 70.3% (62.1-77.0).': a bare pair closing its clause (its CI and a '(Table 1)'
# after it, a trailing ', with P=0.64 for interaction' included; '98.5% and 98.1% of people were alive.'; '66.0% and
# 58.2%, and among ...'), in a study with a control arm
_CLAUSE_CLOSED_AFTER = re.compile(r"^\s*(?:%|per ?cent|months?|mos?)?\s*[\])]?\s*(?:[\[(][^\])]{0,80}[\])]\s*){0,2}(?:of (?:the )?(?:patients|children|adults|participants|people)\s*)?(?:(?:were\s+|remained\s+)?(?:still\s+)?(?:alive\s+and\s+(?=\w+-free)|alive\s*(?=[.;]|$))?(?:(?:progression|event|relapse|leuka?emia)[- ]free\s*)?)?(?:,\s*(?:with\s+)?P\s*[=<>]\s*[.·\d]+[^.;]{0,40}|,\s*(?:with\s+)?(?:an?\s+)?(?:(?:adjusted\s+)?hazard\s+ratio|HR)\b[^.;]{0,80})?(?:[.;]|$|,\s*(?:and|but|whereas|while)\s)", _I)


def respectively_pair(text: str, first: ValueSlot, second: ValueSlot) -> bool:
    """True for two readings of one endpoint and timepoint listed as 'A% and B%, respectively' or '302 (97.1%) and 299
    (96.8%), respectively' (one per arm)."""
    return (first.endpoint is not None and first.endpoint == second.endpoint and first.timepoint == second.timepoint
            and bool(_RESPECTIVELY_LINK.match(text[first.tok.end:second.tok.start]))
            and bool(_RESPECTIVELY_AFTER.match(text[second.tok.end:]) or _CLAUSE_CLOSED_AFTER.match(text[second.tok.end:])))


_ARM_GROUP = re.compile(ARM_GROUP_PREDICATE.pattern, _I)
_DID_NOT_RECEIVE = re.compile(DID_NOT_RECEIVE_AFTER.pattern, _I)
_ARM_THEN_IT_WAS = re.compile(ARM_THEN_PRONOUN_VALUE.pattern, _I)
_ARM_VERB_VALUE = re.compile(ARM_VERB_VALUE.pattern, _I)
_ARM_THEN_IN = re.compile(ARM_THEN_IN_VALUE.pattern, _I)
# 'median PFS was not reached v 52.7 months': the first arm's median is unreached, so the printed one is the comparator's
_NOT_REACHED_VERSUS = re.compile(r"\bnot (?:yet )?reached\s*(?:\([^()]*\)\s*)?,?\s*(?:vs\.?|versus|v\.?|compared (?:with|to)|against)\s*$", _I)
_VERSUS_BEFORE = re.compile(r"\b(?:vs\.?|versus|v\.?|compared (?:with|to))\s*$", _I)
_VERSUS_ONLY = re.compile(r"\s*(?:vs\.?|versus|v\.?)\s*", _I)


_ASIDE = re.compile(r"[(\[][^()\[\]]*[)\]]")


def _without_asides(gap: str) -> str:
    """The gap less its bracketed asides, nested ones too ('(95% confidence interval [CI], 8.9 to 16.2)')."""
    while True:
        shorter = _ASIDE.sub("", gap)
        if shorter == gap:
            return gap
        gap = shorter


def _arm_near(text: str, value: ValueSlot, prev_end: int, next_start: int,
              arms: Sequence[ArmMention]) -> tuple[Optional[ArmMention], bool]:
    """An arm printed next to the value and whether the link is strong ('blinatumomab 34%', '32% ChT', '75% for the X group')."""
    weak = None
    for arm in reversed(arms):
        if prev_end <= arm.start and arm.end <= value.tok.start:
            between = text[arm.end:value.tok.start]
            if re.fullmatch(r"\s*:?\s*", between):
                return arm, True
            if re.fullmatch(r"(?:[- ](?:treatment |treated )?(?:group|arm|cohort|patients?|recipients?|responders?|children|adults))?\s*[:(,]?\s*(?:\(\s*)?", between, _I):
                weak = arm
            elif _ARM_THEN_IT_WAS.fullmatch(between) or _ARM_VERB_VALUE.fullmatch(between) \
                    or _ARM_THEN_IN.fullmatch(between):
                return arm, True  # 'and in the PC group it was 47.1 months', 'intensive chemotherapy left 41.7% alive'
            break
    unit_end = value.tok.end + len(re.match(r"^(?:\s*±\s*\d+(?:[.·]\d+)?)?\s*(?:%|per ?cent|months?|mos?)?", text[value.tok.end:]).group(0))
    for arm in arms:
        if unit_end <= arm.start < next_start:
            between = _without_asides(text[unit_end:arm.start])
            if re.fullmatch(r"\s*\)?\s*", between) and not re.match(r"\s*(?:vs\.?|versus)", text[arm.end:]):
                return arm, True
            if re.fullmatch(r"\s*\(\s*", between) and re.match(r"\s*\)", text[arm.end:]):
                return arm, True  # '88.0% (PB), 84.1% (PH) and 80.2% (DH)': the arm in brackets right after the value
            if re.search(r"\b(?:in|for|with|of|after|under)\s+(?:the\s+)?(?:[\w\-]+\s+){0,1}$|\b(?:of|in|among|for)\s+(?:those|(?:the\s+)?(?:patients|children|adults)|participants)\s+(?:(?:who\s+(?:were\s+)?)?(?:receiving|received|treated with|given|taking|took|assigned to|randomi[sz]ed to|allocated to)|on)\s+$|^\s*\)?\s*(?:on|receiving|given|treated\s+with)\s+$|^\s*\)?\s*(?:assigned|randomi[sz]ed|allocated)\s+to\s+(?:the\s+)?$", between, _I) and len(between) < 70 \
                    and not re.search(r"[;,]|\b(?:and|vs\.?|versus)\b|\d\s*(?:%|per ?cent|months?)", between, _I):
                return arm, True
            if _ARM_GROUP.fullmatch(between):  # '(5.6%) who received A'
                return arm, True
    return weak, False



_LIST_LINK = re.compile(r"^\s*(?:%|per ?cent|months?|mos?)?\s*\)?\s*(?:[\[(][^\])]{0,60}[\])]\s*)?,?\s*(?:and\s+)?[(\[]?\s*$", _I)


def _respective_defined_arms(text: str, kept: Sequence[ValueSlot], arms_named: Sequence[ArmMention],
                             ctx: ReadingContext) -> dict[int, str]:
    """'... 72.0%, 65.3% and 58.0% of patients, respectively' in a report defining exactly three arms ('(PB)', '(PH)',
    '(DH)'), or 'occurred in 19.7%, 27.6%, and 22.1% of patients' closing its clause in a report listing three arms:
    each run's values, in order, are the arms' in the order the report gave them."""
    defined = list(dict.fromkeys(defined_arms()))
    arms = defined if len(defined) >= 3 else list(ctx.study_arms)
    if len(arms) < 3:
        return {}
    out: dict[int, str] = {}
    for i in range(len(kept) - len(arms) + 1):
        run = kept[i:i + len(arms)]
        if any(id(v) in out for v in run):
            continue
        after = text[run[-1].tok.end:]
        closed = _RESPECTIVELY_AFTER.match(after) or (arms is not defined and _CLAUSE_CLOSED_AFTER.match(after)
                                                      and not any(run[0].tok.start <= a.start < run[-1].tok.end for a in arms_named))
        if all(v.kind == "measure" and v.endpoint == run[0].endpoint and v.timepoint == run[0].timepoint for v in run) \
                and all(_LIST_LINK.match(text[a.tok.end:b.tok.start]) for a, b in zip(run, run[1:])) and closed:
            out.update({id(v): arm for v, arm in zip(run, arms)})
    return out


_COUNT_LIST_LINK = re.compile(r"^\s*(?:,|,?\s*and)\s*$")
_RESPECTIVELY = re.compile(r"\brespectively\b")


def _respective_counts(text: str, kept: Sequence[ValueSlot], arms: Sequence[ArmMention]) -> dict[int, str]:
    """'118 and 121 patients were assigned to ponatinib and imatinib, respectively': a run of counts joined by 'and'
    in a sentence saying 'respectively' takes, in order, the distinct arms named after it (else before it), when they
    are as many."""
    counts = [v for v in kept if v.kind == "enrolled"]
    for i in range(len(counts) - 1):
        run = [counts[i]]
        while len(run) < len(counts) - i and _COUNT_LIST_LINK.match(text[run[-1].tok.end:counts[i + len(run)].tok.start]):
            run.append(counts[i + len(run)])
        if len(run) < 2 or not _RESPECTIVELY.search(text, run[-1].tok.end):
            continue
        after = list(dict.fromkeys(a.arm for a in arms if a.start >= run[-1].tok.end and a.arm != "control"))
        before = list(dict.fromkeys(a.arm for a in arms if a.end <= run[0].tok.start and a.arm != "control"))
        for named in (after, before):  # '... assigned to A or B (118 and 121 patients, respectively)'
            if len(named) == len(run):
                return {id(v): arm for v, arm in zip(run, named)}
    return {}


def assign_arms(text: str, values: list[ValueSlot], arms: Sequence[ArmMention], ctx: ReadingContext) -> None:
    """Give every kept value its arm (enrolled counts of randomised studies get none)."""
    kept = [v for v in values if v.kind in ("measure", "hr", "count", "enrolled") and (v.endpoint or v.kind == "enrolled")]
    lead = _SUBGROUP_LEAD.match(text)  # 'In patients whose lymphoma progressed within 24 months of first
    # chemoimmunotherapy, ...': a therapy in the subgroup's description is its history, not the sentence's arm
    history = _HISTORY_LEAD.match(text)
    if history:
        arms = [a for a in arms if a.end > history.end()]
    sentence_control = next((a.arm for a in arms if a.control and a.arm != "control"
                             and not (lead and a.end <= lead.end())), None)
    control = sentence_control or (None if _SUBGROUP.search(text) else ctx.control_arm)
    prev_end = 0
    pair_first = [i + 1 < len(kept) and kept[i].kind == kept[i + 1].kind == "measure"
                  and (is_pair(text, kept[i], kept[i + 1])
                       or (bool(control) and respectively_pair(text, kept[i], kept[i + 1])))
                  for i in range(len(kept))]
    respective = _respective_counts(text, kept, arms)
    for v in kept:
        v.arm = respective.get(id(v), v.arm)
    per_arm = any(v.kind == "enrolled" and v.arm is not None for v in kept)
    listed = _arms_listed_after(text, kept, arms) or _respective_defined_arms(text, kept, arms, ctx)
    for i, v in enumerate(kept):
        next_start = kept[i + 1].tok.start if i + 1 < len(kept) else len(text)
        if v.kind == "enrolled" and v.arm is not None:  # counted for a named arm ('722 assigned to B')
            prev_end = v.tok.end
            continue
        if v.kind == "enrolled" and per_arm:  # 'Of 300 patients, 200 were assigned to A and 100 to B': the total
            prev_end = v.tok.end
            continue
        if id(v) in listed:
            v.arm = listed[id(v)]
            prev_end = v.tok.end
            continue
        member_of = next((a for a in arms if a.start >= v.tok.end), None) if v.kind == "enrolled" else None
        if member_of is not None and _GROUP_MEMBERSHIP.match(text[v.tok.end:member_of.start]):
            v.arm = member_of.arm  # '206 people were in the brentuximab group'
            prev_end = v.tok.end
            continue
        if v.kind == "enrolled":
            distinct = {a.arm for a in arms if a.rank == 0 or a.control}
            # a randomised study's sample size belongs to no arm unless the sentence names only one treatment
            later = [a for a in arms if a.start >= v.tok.end]
            # 'Of 231 patients (...), A% in the X group and B% in the Y group': a count before both sides is the total
            both_sides = ctx.one_study and len({a.arm for a in later}) >= 2 and any(a.control for a in later) \
                and not any(a.end <= v.tok.start for a in arms)
            multi = ((len(distinct) >= 2 and any(a.control for a in arms)) or ctx.control_arm or not distinct) \
                and _RANDOMISATION.search(text) or both_sides
            v.arm = None if multi else _default_arm(text, v, arms, ctx)
            prev_end = v.tok.end
            continue
        near, strong = _arm_near(text, v, prev_end, next_start, arms)
        second = i > 0 and pair_first[i - 1]
        if v.kind == "hr" and (named := _arm_of_ratio_phrase(text, v, prev_end, arms, control)):
            v.arm = named  # 'the HR for progression or death with auto-HCT was 0.83'
        elif v.kind == "hr" and near is not None and _VERSUS_BEFORE.search(text[:near.start]):
            # 'hazard ratio, A v B: 0.91', 'HR for B v A 0.71': the ratio of the arm set against the other
            contrasted = [a for a in arms if a.end <= near.start and _VERSUS_ONLY.fullmatch(text[a.end:near.start])]
            v.arm = contrasted[-1].arm if contrasted and contrasted[-1].arm != "control" else _experimental_arm(text, arms, ctx)
        elif v.kind == "hr" and near is not None and near.control and (experimental := _experimental_arm(text, arms, ctx)) \
                and experimental != near.arm:
            v.arm = experimental  # '7.9 months with chemotherapy (HR 0.66)': a ratio is the experimental arm's
        elif near is None and control and v.kind == "measure" and _DID_NOT_RECEIVE.match(text[v.tok.end:next_start]):
            v.arm = control  # '... and in 1 (0.1%) who did not'
        elif near is not None and (strong or not (pair_first[i] or second)):
            v.arm = (control or "control") if near.arm == "control" else near.arm
        elif second or (control and _NOT_REACHED_VERSUS.search(text[prev_end:v.tok.start])):
            v.arm = control or _default_arm(text, v, arms, ctx)  # 'not reached v 52.7 months': the control's median
        elif pair_first[i] and near is None and ctx.one_study and ctx.control_arm \
                and (experimental := _experimental_side(arms, ctx.control_arm, ctx)):
            v.arm = experimental  # '...; in older patients, 83.1% against 66.2%': a bare pair sets the study arms in order
        elif v.kind == "hr":  # a sentence naming only the control ('7.9 months with chemotherapy (HR 0.66)') rates the study arm
            v.arm = _experimental_arm(text, arms, ctx) or (ctx.fallback_arm if any(a.control for a in arms) else None) \
                or _default_arm(text, v, arms, ctx)
        else:
            v.arm = _default_arm(text, v, arms, ctx)
        prev_end = v.tok.end


_RATIO_CUE = re.compile(r"\b(?:HRs?|hazard ratios?)\b", _I)


def _arm_of_ratio_phrase(text: str, v: ValueSlot, prev_end: int, arms: Sequence[ArmMention],
                         control: Optional[str]) -> Optional[str]:
    """The one arm a hazard ratio's own phrase names between 'HR' and its value ('the HR ... with auto-HCT was 0.83')."""
    cues = list(_RATIO_CUE.finditer(text, prev_end, v.tok.start))
    if not cues:
        return None
    named = {(control or "control") if a.arm == "control" else a.arm
             for a in arms if cues[-1].end() <= a.start and a.end <= v.tok.start}
    return named.pop() if len(named) == 1 and "control" not in named else None


_LIST_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|or|vs\.?|versus|v\b\.?|,)\s*(?:the\s+)?$", re.I)
_VALUE_JOIN = re.compile(r"^\s*(?:%|per ?cent|months?|mos?)?\s*(?:[(\[][^()\[\]]{0,40}[)\]]\s*)?,?\s*(?:and|or|vs\.?|versus|v\b\.?|,)\s*$", re.I)
_LIST_LEAD = re.compile(r"^\s*(?:%|per ?cent|months?|mos?)?\s*[)\]]?\s*,?\s*(?:of\s+(?:the\s+)?(?:patients|children|adults|participants)\s+)?(?:in|with|for|among|after)\s+(?:the\s+|patients\s+(?:given|receiving|treated with)\s+)?$", re.I)


def _arms_listed_after(text: str, kept: Sequence[ValueSlot], arms: Sequence[ArmMention]) -> dict[int, str]:
    """'44% and 25% in the A and B groups', '44% v 25% with A and B, respectively': values take the listed arms in order."""
    out: dict[int, str] = {}
    i = 0
    while i < len(kept):
        j = i
        while j + 1 < len(kept) and kept[j + 1].kind == kept[i].kind == "measure" \
                and kept[j + 1].endpoint == kept[i].endpoint and _VALUE_JOIN.match(text[kept[j].tok.end:kept[j + 1].tok.start]):
            j += 1
        group = kept[i:j + 1]
        if len(group) >= 2:
            after = [a for a in arms if a.start >= group[-1].tok.end and a.arm != "control"]
            if len(after) >= len(group) and _LIST_LEAD.match(text[group[-1].tok.end:after[0].start]) \
                    and all(_LIST_JOIN.match(text[a.end:b.start]) for a, b in zip(after, after[1:len(group)])) \
                    and len({a.arm for a in after[:len(group)]}) == len(group):
                for v, a in zip(group, after):
                    out[id(v)] = a.arm
        i = j + 1
    return out


def _default_arm(text: str, v: ValueSlot, arms: Sequence[ArmMention], ctx: ReadingContext) -> Optional[str]:
    # 'In the chemotherapy group it was 87.9%', '...with A; without A it was 49.7%': a clause that names only the
    # control arm, before its value, is about it
    clause_start = text.rfind(";", 0, v.tok.start) + 1
    clause = [a for a in arms if clause_start <= a.start and a.end <= v.tok.start]
    for named in (arms, clause):
        if named and all(a.control for a in named) and named[0].end <= v.tok.start:
            return (ctx.control_arm or None) if named[0].arm == "control" else named[0].arm
    before = [a for a in arms if a.end <= v.tok.start and not a.control and not _ADD_ON.search(text[:a.start])]
    core = [a for a in before if a.rank == 0]
    if core:
        return core[-1].arm
    if ctx.default_arm:
        return ctx.default_arm
    after = [a for a in arms if a.start >= v.tok.end and a.rank == 0]
    if after:
        return after[0].arm
    if before:
        return before[-1].arm
    named_after = [a for a in arms if a.start >= v.tok.end and not a.control and not _ADD_ON.search(text[:a.start])]
    if named_after and ctx.fallback_arm:
        return named_after[0].arm  # the sentence's own therapy beats one named earlier in the paragraph
    return ctx.fallback_arm


def _experimental_side(arms: Sequence[ArmMention], control: str, ctx: ReadingContext) -> Optional[str]:
    """The side a two-arm report sets against its control: the sentence's first other arm, else the report's."""
    return next((a.arm for a in arms if not a.control and a.arm != control), None) or ctx.fallback_arm


def _experimental_arm(text: str, arms: Sequence[ArmMention], ctx: ReadingContext) -> Optional[str]:
    """The arm a hazard ratio compares against control: the sentence's first non-control, non-add-on arm."""
    main = [a for a in arms if not a.control and not _ADD_ON.search(text[:a.start])]
    core = [a for a in main if a.rank == 0]
    if core:
        return core[0].arm
    return main[0].arm if main else ctx.default_arm
