"""Counts in a clause: events ('CRS occurred in nine patients') and sample sizes ('405 patients were randomized')."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from extractors.evidence.arms import find_arms, naming_control
from extractors.evidence.endpoints import EndpointMention
from extractors.evidence.links import endpoint_after
from extractors.evidence.rules import (
    ADD_ON_LEFT, ARM_LABEL_LIST_LEFT, ARM_SIZE_LEFT, GROUP_SIZE_BRACKET_RIGHT, COUNT_ARM_COMBINATION_RIGHT, COUNT_OWN_ARM_AFTER, COUNT_OWN_ARM_BEFORE, COUNT_TREATED_WITH_ARM, GROUP_DID_NOT_LATER, GROUP_TREATMENT_VERB, GROUP_DID_NOT_RIGHT, ARM_SIZE_REACH, ASSIGNED_TO_ALTERNATIVES, ASSIGNED_TO_ARM_RIGHT, SHARE_AFTER_ASSIGNED_ARM, EVENTS_REPORTED_LEFT, ASSIGNMENT_SENTENCE, RESPECTIVE_SIZES, EVENT_IN_LEFT,
    EVENT_IN_CONTINUED_LEFT, MIN_SAMPLE_SIZE, NOT_SAMPLE_SIZE_LEFT, NOT_SAMPLE_SIZE_RIGHT, PATIENT_NOUNS, REPORT_COUNT_ENDPOINTS, PER_ARM_SIZE_RIGHT, GROUP_TREATED_WITH_RIGHT, SAMPLE_SIZE_ADJECTIVE_RIGHT, SAMPLE_SIZE_AGE_RIGHT,
    SAMPLE_SIZE_BARE_RIGHT, SAMPLE_SIZE_OF_LEFT, SAMPLE_SIZE_RECEIVED_RIGHT, SAMPLE_SIZE_RIGHT, SAMPLE_SIZE_STRONG_LEFT,
    SAMPLE_SIZE_TREATED_RIGHT, SAMPLE_SIZE_WEAK_LEFT, SUBCOHORT_RIGHT, AGE_LIMITED_RIGHT, ENROLLING_VERB_LEFT, SUBCOHORT_STATE_RIGHT, AMONG_LEFT, GROUP_LABEL_AFTER, APPROXIMATE_COUNT_LEFT, POPULATION_LABEL_SIZE_LEFT,
    SECOND_ALLOCATION_LEFT, SECOND_ALLOCATION_RIGHT, PARTITION_TOTAL_LEFT, PARTITION_PART_RIGHT,
)
from extractors.evidence.slots import ReadingContext, ValueSlot

_I = re.IGNORECASE
_GROUP_LABEL_AFTER = re.compile(GROUP_LABEL_AFTER.pattern)
_APPROXIMATE_LEFT = re.compile(APPROXIMATE_COUNT_LEFT.pattern, re.IGNORECASE)
_POPULATION_SIZE_LEFT = re.compile(POPULATION_LABEL_SIZE_LEFT.pattern, re.IGNORECASE)
_STRONG_LEFT = re.compile(SAMPLE_SIZE_STRONG_LEFT.pattern, _I)
_OF_LEFT = re.compile(SAMPLE_SIZE_OF_LEFT.pattern, _I)
_WEAK_LEFT = re.compile(SAMPLE_SIZE_WEAK_LEFT.pattern, _I)
_NOT_SAMPLE_LEFT = re.compile(NOT_SAMPLE_SIZE_LEFT.pattern, _I)
_SAMPLE_RIGHT = re.compile(SAMPLE_SIZE_RIGHT.pattern, _I)
_EVENT_IN_LEFT = re.compile(EVENT_IN_LEFT.pattern, _I)
_EVENT_IN_CONTINUED = re.compile(EVENT_IN_CONTINUED_LEFT.pattern, _I)
_BARE_SAMPLE_RIGHT = re.compile(SAMPLE_SIZE_BARE_RIGHT.pattern, _I)
_NOT_SAMPLE_RIGHT = re.compile(NOT_SAMPLE_SIZE_RIGHT.pattern, _I)
_TREATED_RIGHT = re.compile(SAMPLE_SIZE_TREATED_RIGHT.pattern, _I)
_PATIENTS_AFTER = re.compile(r"^\s*(?:[\w/+\-]+\s+){0,4}?" + PATIENT_NOUNS + r"\b", _I)
_NUMERATOR_OF = re.compile(r"^\s*(?:out\s+)?of\s+(?:the\s+|these\s+)?(?:\d+|[a-z]+)\b", _I)
_COUNTED_AFTER = re.compile(r"^\s*(?:\(|with\b|of them|had\b|patients?\b)", _I)
_PERCENT_PAREN_LEFT = re.compile(r"\d\s*%\s*\(\s*$")
_SUBCOHORT = re.compile(SUBCOHORT_RIGHT.pattern, _I)
_AGE_LIMITED = re.compile(AGE_LIMITED_RIGHT.pattern, _I)
_STATE_SUBCOHORT = re.compile(SUBCOHORT_STATE_RIGHT.pattern, _I)
_AMONG_LEFT = re.compile(AMONG_LEFT.pattern, _I)
_ENROLLING_LEFT = re.compile(ENROLLING_VERB_LEFT.pattern, _I)
_ASSIGNED_TO = re.compile(ASSIGNED_TO_ARM_RIGHT.pattern, _I)
_ADD_ON = re.compile(ADD_ON_LEFT.pattern, _I)
_ALTERNATIVES = re.compile(ASSIGNED_TO_ALTERNATIVES.pattern, _I)
_SHARE_AFTER_ARM = re.compile(SHARE_AFTER_ASSIGNED_ARM.pattern, _I)
_EVENTS_REPORTED_LEFT = re.compile(EVENTS_REPORTED_LEFT.pattern, _I)
_ASSIGNMENT = re.compile(ASSIGNMENT_SENTENCE.pattern, _I)
_RESPECTIVE_SIZES = re.compile(RESPECTIVE_SIZES.pattern, _I)
_SECOND_ALLOCATION_LEFT = re.compile(SECOND_ALLOCATION_LEFT.pattern, _I)
_PARTITION_TOTAL = re.compile(PARTITION_TOTAL_LEFT.pattern, _I)
_PARTITION_PART = re.compile(PARTITION_PART_RIGHT.pattern)
_SECOND_ALLOCATION_RIGHT = re.compile(SECOND_ALLOCATION_RIGHT.pattern, _I)
_ARM_SIZE_LEFT = re.compile(ARM_SIZE_LEFT.pattern, _I)
_ARM_LABEL_LIST_LEFT = re.compile(ARM_LABEL_LIST_LEFT.pattern, _I)
_GROUP_SIZE_BRACKET = re.compile(GROUP_SIZE_BRACKET_RIGHT.pattern, _I)
_GIVEN_AFTER_SIZE = re.compile(r"\s*(?:had|received|got|was\s+given|were\s+given|took)\s+", _I)
_LABEL_GROUP_BEFORE = re.compile(r"\b(?:group|arm|cohort|regimen)\s*\(\s*$", _I)  # a group named by a label, then its size
_GROUP_NOUN_GAP = re.compile(r"\s*(?:group|arm|cohort|regimen)?\s*\(\s*", _I)  # 'blinatumomab group (', 'the FLA-Ida regimen ('
_LABEL_GAP = re.compile(r"\s*[:=,]?\s*")  # 'PVR 143', 'PVR: 143', '(ide-cel, 214; ...)'
_ADJECTIVE_SAMPLE = re.compile(SAMPLE_SIZE_ADJECTIVE_RIGHT.pattern, _I)
_RECEIVED_SAMPLE = re.compile(SAMPLE_SIZE_RECEIVED_RIGHT.pattern, _I)
_AGE_SAMPLE = re.compile(SAMPLE_SIZE_AGE_RIGHT.pattern, _I)
_PER_ARM = re.compile(PER_ARM_SIZE_RIGHT.pattern, _I)
_GROUP_TREATED_WITH = re.compile(GROUP_TREATED_WITH_RIGHT.pattern, _I)
_OWN_ARM_BEFORE = re.compile(COUNT_OWN_ARM_BEFORE.pattern, _I)
_OWN_ARM_AFTER = re.compile(COUNT_OWN_ARM_AFTER.pattern, _I)
_TREATED_WITH_ARM = re.compile(COUNT_TREATED_WITH_ARM.pattern, _I)
_COMBINATION_RIGHT = re.compile(COUNT_ARM_COMBINATION_RIGHT.pattern, _I)
_DID_NOT = re.compile(GROUP_DID_NOT_RIGHT.pattern, _I)
_DID_NOT_LATER = re.compile(GROUP_DID_NOT_LATER.pattern, _I)
_TREATMENT_VERB = re.compile(GROUP_TREATMENT_VERB.pattern, _I)
_BARE_WITH = re.compile(r"\s*(?:with|on)\s+(?:the\s+)?", _I)
COMPLEMENT_COUNT_RULE = "rule:sample_size_complement"
SECOND_ALLOCATION_COUNT_RULE = "rule:sample_size_second_allocation"
IMPLIED_ARM_COUNT_RULES = frozenset({"rule:sample_size_per_arm", COMPLEMENT_COUNT_RULE, SECOND_ALLOCATION_COUNT_RULE})
"""Counts whose arm the sentence implies without naming it (a two-arm report keeps their arm)."""


def _arm_of_count(text: str, v: ValueSlot, ctx: ReadingContext) -> Optional[str]:
    """The arm a count enrols: '718 (were) assigned to A', 'and 722 to B', 'A (n = 54)', 'N A-treated patients'; else None."""
    arms = naming_control(find_arms(text, ctx.gazetteer_dir), ctx.control_arm)
    if _ASSIGNMENT.search(text, 0, v.tok.start) and (listed := _bracket_allocation_arm(text, v, arms)) is not None:
        return listed  # 'randomly assigned (201 rituximab, 199 observation)', '(rituximab, n = 151; observation, n = 149)'
    if text[:v.tok.start].rstrip().endswith("(") and _GROUP_SIZE_BRACKET.match(text[v.tok.end:]):
        named = _arm_just_before(text, v, arms, _GROUP_NOUN_GAP)
        if named is not None:
            return named  # 'the blinatumomab group (106 children)'
        given = _GIVEN_AFTER_SIZE.match(text, text.find(")", v.tok.end) + 1)
        if given is not None and _LABEL_GROUP_BEFORE.search(text, 0, v.tok.start):
            clause_end = min((i for i in (text.find(";", given.end()), text.find(".", given.end())) if i >= 0), default=len(text))
            listed = [a for a in arms if given.end() <= a.start < clause_end and not a.control]
            if listed:  # 'The 4-drug group (284 people) had isatuximab, bortezomib, ... (Isa-VRd)': the fullest name
                return max(listed, key=lambda a: (a.arm.count("-"), -a.start)).arm
    after = [a for a in arms if a.start >= v.tok.end]
    if after and _EVENT_IN_LEFT.search(text[:v.tok.start]) and not _ARM_SIZE_LEFT.search(text[:v.tok.start]) \
            and not _GROUP_LABEL_AFTER.match(text, v.tok.end):
        return None  # 'Febrile neutropenia occurred in 118 patients with A and 109 with B': events, not group sizes
    if after and _SHARE_AFTER_ARM.match(text[after[0].end:]) and _OWN_ARM_BEFORE.match(text[v.tok.end:after[0].start]):
        return None  # '81 children on Sextant (75.7%) had ...': a numerator with its share, not a group's size
    if after and not _ALTERNATIVES.match(text[after[0].end:]) and not _COMBINATION_RIGHT.match(text[after[0].end:]) and (
            (_OWN_ARM_BEFORE.match(text[v.tok.end:after[0].start]) and _OWN_ARM_AFTER.match(text[after[0].end:]))
            or _TREATED_WITH_ARM.match(text[v.tok.end:after[0].start])):
        return after[0].arm  # the cohort's own therapy: '420 CAR-T cell treated children'
    if after and _ASSIGNMENT.search(text) and _ASSIGNED_TO.match(text[v.tok.end:after[0].start]) \
            and not _ALTERNATIVES.match(text[after[0].end:]):
        return None if _SHARE_AFTER_ARM.match(text[after[0].end:]) else after[0].arm
    between = text[v.tok.end:after[0].start] if after else ""
    if after and ctx.control_arm and (len({a.arm for a in arms}) >= 2 or _DID_NOT_LATER.search(text[v.tok.end:])) \
            and _GROUP_TREATED_WITH.match(between) and not _ALTERNATIVES.match(text[after[0].end:]) \
            and not _EVENT_IN_CONTINUED.search(text[:v.tok.start]) \
            and (between.strip() or not (_EVENT_IN_LEFT.search(text[:v.tok.start]) or _PATIENTS_AFTER.match(text[after[0].end:]))) \
            and (not _BARE_WITH.fullmatch(between) or _TREATMENT_VERB.search(text[:after[0].start])):
        return after[0].arm  # a comparison's groups sized one by one ('4 A patients had events' is no group size)
    if ctx.control_arm and _DID_NOT.match(text[v.tok.end:]) and len({a.arm for a in arms}) >= 1 \
            and any(a.end <= v.tok.start and not a.control for a in arms):
        return ctx.control_arm  # '41 went on to HCT and 47 did not'
    if (m := _GROUP_LABEL_AFTER.match(text, v.tok.end)) is not None:
        labelled = [a for a in arms if m.start("label") <= a.start and a.end <= m.end("label")]
        if labelled:
            return labelled[0].arm
    if _ARM_LABEL_LIST_LEFT.search(text[:v.tok.start]):
        labelled = _arm_just_before(text, v, arms, _LABEL_GAP)
        if labelled is not None:
            return labelled  # '284 patients randomised: PVR 143, VR 141'
    if _ARM_SIZE_LEFT.search(text[:v.tok.start]):
        floor = max(text.rfind("(n", 0, v.tok.start - 4), v.tok.start - ARM_SIZE_REACH)
        before = [a for a in arms if floor <= a.start and a.end <= v.tok.start and not _ADD_ON.search(text[:a.start])]
        if before:
            return before[-1].arm
    if ctx.control_arm and _ASSIGNMENT.search(text) and (first := _first_allocation_before(text, v)) is not None:
        allocated = [a for a in arms if first.start() <= a.start < v.tok.start]
        if allocated and not any(a.control or a.arm == ctx.control_arm for a in allocated):
            return ctx.control_arm  # '135 to obe-cel and 133 to standard care, which was ...': the comparator, however worded
    return None


def _first_allocation_before(text: str, v: ValueSlot) -> Optional[re.Match[str]]:
    """The allocation a second count continues ('135 to obe-cel and' before '133 to standard care'), else None."""
    if not _SECOND_ALLOCATION_RIGHT.match(text[v.tok.end:]):
        return None
    return _SECOND_ALLOCATION_LEFT.search(text, 0, v.tok.start)


_ALLOCATION_ITEM_START = re.compile(r"[(,;]\s*$")
_ALLOCATION_ITEM_END = re.compile(r"\s*(?:group|arm|cohort)?\s*[,;)]")
_SIZED_AFTER_ARM_GAP = re.compile(r"\s*,\s*[nN]\s*=\s*")


def _bracket_allocation_arm(text: str, v: ValueSlot, arms: Sequence) -> Optional[str]:
    """The arm an item of a bracketed allocation list sizes: '(201 rituximab, 199 observation)' or '(rituximab, n = 151;
    observation, n = 149)'; else None."""
    after = next((a for a in arms if a.start >= v.tok.end), None)
    if after is not None and _ALLOCATION_ITEM_START.search(text, 0, v.tok.start) and not text[v.tok.end:after.start].strip() \
            and _ALLOCATION_ITEM_END.match(text, after.end):
        return after.arm
    return _arm_just_before(text, v, arms, _SIZED_AFTER_ARM_GAP)


def _arm_just_before(text: str, v: ValueSlot, arms: Sequence, gap: re.Pattern[str]) -> Optional[str]:
    """The last arm named before the count with only `gap` between them ('PVR 143', 'the X group (106')."""
    before = [a for a in arms if a.end <= v.tok.start and gap.fullmatch(text, a.end, v.tok.start)]
    return before[-1].arm if before else None


def assign_counts(text: str, values: list[ValueSlot], endpoints: Sequence[EndpointMention], ctx: ReadingContext) -> None:
    """Turn integer slots into event counts, sample sizes, or drop them."""
    for v in values:
        if v.kind != "count":
            continue
        left, right = text[:v.tok.start], text[v.tok.end:]
        patients = _PATIENTS_AFTER.match(right)
        # a review often gives only the evaluable cohort of a study; a report gives its enrolment apart from it
        eligibility = _AGE_LIMITED.match(right) and _ENROLLING_LEFT.search(left)  # 'enrolled 204 infants younger than one year'
        if _NOT_SAMPLE_RIGHT.match(right) or (ctx.one_study and _SUBCOHORT.match(right) and not eligibility) \
                or (ctx.one_study and _STATE_SUBCOHORT.match(right) and _AMONG_LEFT.search(left)) \
                or _APPROXIMATE_LEFT.search(left) \
                or _EVENTS_REPORTED_LEFT.search(left):
            v.kind = "drop"
            continue
        if _PER_ARM.match(right) and (ctx.default_arm or ctx.fallback_arm) and ctx.control_arm and ctx.allow_enrolled:
            v.kind, v.count_rule = "enrolled", "rule:sample_size_per_arm"  # one count for each of the two arms
            continue
        arm = _arm_of_count(text, v, ctx)
        if arm is not None:
            _enrolled(v, ctx)
            v.arm = arm
            if v.kind == "enrolled" and arm == ctx.control_arm and _DID_NOT.match(right):
                v.count_rule = COMPLEMENT_COUNT_RULE  # its arm is implied, not named in the sentence
            elif v.kind == "enrolled" and arm == ctx.control_arm and _first_allocation_before(text, v) is not None:
                v.count_rule = SECOND_ALLOCATION_COUNT_RULE
            continue
        if _PARTITION_PART.match(right) and _PARTITION_TOTAL.search(left):
            _enrolled(v, ctx)  # '58 patients were treated, 37 in cohort A and 21 in cohort B': each part is sized too
            continue
        event = _EVENT_IN_LEFT.search(left)  # 'the patient had died in 58 patients ...': events, never the sample
        if not event and (_BARE_SAMPLE_RIGHT.match(right) or (_STRONG_LEFT.search(left) and patients)
                          or _POPULATION_SIZE_LEFT.search(left) or _ADJECTIVE_SAMPLE.match(right)
                          or _RECEIVED_SAMPLE.match(right) or _AGE_SAMPLE.match(right) or _treated_with_study_arm(text, v, ctx)):
            _enrolled(v, ctx)
            continue
        ep = endpoint_after(text, v.tok.end, len(text), endpoints, limit=110, count=True)
        if ep is None:
            if event:
                cands = [e for e in endpoints if e.end <= v.tok.start and e.start >= event.start(1) - 1 and not e.population]
                ep = cands[-1] if cands else None
        if ep is not None and (patients or _COUNTED_AFTER.match(right) or (ep.end <= v.tok.start and text[ep.end:v.tok.start].strip())):
            if ctx.one_study and ep.code not in REPORT_COUNT_ENDPOINTS:
                v.kind = "drop"  # a report gives its responders and events as rates
                continue
            v.endpoint, v.kind, v.count_rule, v.statistic = ep.code, "count", "rule:event_count", "count"
            continue
        weak = _WEAK_LEFT.search(left) and not _NOT_SAMPLE_LEFT.search(left)
        # 'a phase 2 study (45 patients)' sizes a review's study; in a report '(37 patients)' sizes a subgroup or exclusion
        paren = re.search(r"[(]\s*$", left) and not _PERCENT_PAREN_LEFT.search(left) and not ctx.one_study
        respective = _RESPECTIVE_SIZES.match(right) and _ASSIGNMENT.search(left)  # '(118 and 121 patients, respectively)'
        if patients and not event and not _NUMERATOR_OF.match(right) and not _EVENT_IN_CONTINUED.search(left) and (
                _OF_LEFT.search(left) or _SAMPLE_RIGHT.match(_PATIENTS_AFTER.sub("", right, 1)) or weak or paren or respective):
            _enrolled(v, ctx)
            continue
        v.kind = "drop"
    for v in values:  # 'disorders in 1 patient', 'deaths numbered 1 with A': one or two patients are no study sample
        if v.kind == "enrolled" and v.tok.value < MIN_SAMPLE_SIZE and not _ARM_SIZE_LEFT.search(text[:v.tok.start]):
            v.kind = "drop"


def _enrolled(v: ValueSlot, ctx: ReadingContext) -> None:
    if ctx.allow_enrolled:
        v.kind, v.count_rule = "enrolled", "rule:sample_size"
    else:
        v.kind = "drop"


def _treated_with_study_arm(text: str, v: ValueSlot, ctx: ReadingContext) -> bool:
    """'Fifty patients received tisagenlecleucel': a patient count directly followed by a main (core) treatment."""
    end = v.tok.end
    for arm in find_arms(text, ctx.gazetteer_dir):
        if arm.start >= end and arm.rank == 0 and not arm.control:
            return bool(_TREATED_RIGHT.fullmatch(text[end:arm.start]))
    return False
