"""Read result values from one sentence or table clause: value, unit, endpoint, arm, statistic, timepoint."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Optional, Sequence

from extractors.evidence.arm_abbreviations import defined_arms
from extractors.evidence.arm_links import assign_arms, is_pair, respectively_pair
from extractors.evidence.arms import find_arms
from extractors.evidence.counts import assign_counts
from extractors.evidence.endpoints import EndpointMention, find_endpoints
from extractors.evidence.links import endpoint_after
from extractors.evidence.numbers import (
    NumberToken, Timepoint, excluded_spans, find_intervals, find_numbers, find_p_values, find_timepoints,
    find_windows, one_line, parse_number_text,
)
from extractors.evidence.rules import (
    ARM_GROUP_PREDICATE, BASELINE_STATUS, NEGATED_ENDPOINT_LEFT, BEST_RESPONSE_CUE, DISTRACTORS, GRADE_CONTINUATION, COLON_LIST_REACH, LANDMARK_LIST_BREAK, SAME_FIGURE_CUE, SAME_TIME_CUE, LANDMARK_LIST_ENDPOINTS, MEAN_CUE, MEDIAN_CUE, OUTCOME_VERB, PATIENT_NOUNS, SAMPLE_SIZE_BARE_RIGHT,
    CUMULATIVE_INCIDENCE_ENDPOINTS, LANDMARK_NAMED_BEFORE, RATIO_ESTIMATE_LEFT, ENDPOINT_GLOSS, OTHER_QUANTITY_JOIN, OTHER_QUANTITY_OF, FRACTION_NOT_SHARE_LEFT, FRACTION_ONLY_RIGHT, OPEN_INTERVAL, THRESHOLD_COPULA, WINDOW_ENDPOINTS,
)
from extractors.evidence.slots import Reading, ReadingContext, ValueSlot
from extractors.evidence.strategy_arms import without_strategy_endpoints
from extractors.nlp.literal_prefilter import fold, may_match_rows
from schemas.evidence import RATE_ONLY_ENDPOINTS

__all__ = ["Reading", "ReadingContext", "read_clause"]

_I = re.IGNORECASE
_ARM_GROUP = re.compile(ARM_GROUP_PREDICATE.pattern, _I)
_DISTRACTORS = tuple((d.id, d.side, re.compile(d.pattern, _I)) for d in DISTRACTORS)
_DISTRACTOR_PATTERNS = tuple(rx for _, _, rx in _DISTRACTORS)
_REFERENCE_LEVEL = next(rx for did, _, rx in _DISTRACTORS if did == "reference_level")
_COPULA = re.compile(THRESHOLD_COPULA.pattern, _I)
_VERB = re.compile(r"\b" + OUTCOME_VERB.pattern, _I)
_MEDIAN = re.compile(MEDIAN_CUE.pattern, _I)
_MEAN = re.compile(MEAN_CUE.pattern, _I)
_SPREAD = r"(?:\s*±\s*\d+(?:[.·]\d+)?)?"  # '96.0±1.2%': the unit after a standard error is the value's
_PERCENT = re.compile(r"^" + _SPREAD + r"\s*(?:%|per ?cent\b)", _I)
_MONTHS = re.compile(r"^" + _SPREAD + r"\s*[-–]?\s*(?:months?|mos?\.?|mo)\b", _I)
_UNIT_CHAIN = re.compile(r"^\s*(?:%|months?|mos?\b)?\s*(?:\)\s*)?(?:,\s*)?(?:vs\.?|versus|v\b\.?|and|or|to|compared with|compared to|,)\s*(?:\(?\s*)(?:(?:the\s+)?[A-Za-z][\w\-]*\s+){0,2}?(\d+(?:[.·]\d+)?)\s*(%|per ?cent\b|months?|mos?\b)(?!\s*(?:CI\b|C\.I\.|confidence))", _I)
_GROUP_SIZE_LEFT = re.compile(r"\b[nN]\s*=\s*$")
_NUMERATOR = re.compile(r"^\s*(?:(?:out\s+)?of\s+(?:the\s+|these\s+|all\s+)?[^()\[\]\n]{0,70}?|(?:[\w/+\-]+\s+){0,4}?" + PATIENT_NOUNS + r"\s*|)[(\[]\s*\d+(?:[.·]\d+)?\s*%", _I)
_FRACTION_ONLY = re.compile(FRACTION_ONLY_RIGHT.pattern)
_FRACTION_NOT_SHARE = re.compile(FRACTION_NOT_SHARE_LEFT.pattern, _I)
_DENOMINATOR_LEFT = re.compile(r"(?:\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty(?:-[a-z]+)?))\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?$", _I)
_OWN_PREDICATE = re.compile(r"^\s*%?\s*\)?\s*(?:of\s+(?:whom|them|these|those)\s+|(?:of\s+the\s+[\w\-]+(?:\s+[\w\-]+)?\s+)?(?:who|that)\s+)(?:also\s+)?"
                            + OUTCOME_VERB.pattern + r"\b", _I)
# 'hazard ratio [HR], 0.86', 'hazard ratio, A v B: 0.91' (a label closed by a colon), 'HR for death of 0.7'
_RATIO_ESTIMATE_LEFT = re.compile(RATIO_ESTIMATE_LEFT.pattern)
_ENDPOINT_GLOSS = re.compile(ENDPOINT_GLOSS.pattern)
_HR_LEFT = re.compile(r"\b(?:hazard ratio|HR)\b(?:\s+(?:for|of)\s+(?:[^;:,()0-9]|(?<=[A-Za-z]-)\d+){1,60}?|\s*,\s*[^;:,()\[\]0-9]{1,50}?(?=\s*:))?\s*(?:[(\[](?:HR|95%[^)\]]*)[)\]]\s*)?(?:[,:=]|of|was|\bwas\s+of)?\s*$"
                      r"|\b(?:hazard ratios|HRs)\s+(?:for|of)\s+[^;:,()]{1,50}?\s+were\s*$", _I)
# 'the hazard ratio for PFS was 0.52 (95% CI ...) for AV and 0.33 ...': the next ratio of one list, for another arm
_HR_LIST_LEFT = re.compile(r"\b(?:hazard ratios?|HRs?)\b[^;]{0,120}?\d[.·]\d+\s*(?:[(\[][^()\[\]]*[)\]]\s*)?(?:for|with|in)\s+"
                           r"[^;,()0-9]{1,40}?\s*,?\s*(?:and|vs\.?|versus)\s*$", _I)
# 'Hazard ratios, A vs B: event-free survival 0.79 (95% CI ...); overall survival 0.83 (...)': a labelled list of ratios
_HR_LABEL_LIST_LEFT = re.compile(r"\b(?:hazard ratios?|HRs?)\b[^.;:]{0,60}:\s*(?:[^;:()\d]{1,40}?\s+\d[.·]\d+\s*"
                                 r"(?:[(\[][^()\[\]]*[)\]]\s*)?[;,]\s*)*[A-Za-z][^;:()\d]{1,40}?\s*[:=]?\s*$", _I)
_RATIO_FOR_ENDPOINT = re.compile(r"\s*(?:[(\[][^()\[\]]*[)\]]\s*)?,?\s*for\s+(?:the\s+)?", _I)  # a ratio, then 'for EFS'
_BARE_SAMPLE = re.compile(SAMPLE_SIZE_BARE_RIGHT.pattern, _I)
_CI_GAP = re.compile(r"\s*(?:%|per ?cent|months?|mos?)?\s*(?:[(\[]\s*\d+\s*(?:/|of|out of)\s*\d+\s*[;,]?\s*)?[(\[;,]?\s*", _I)
_BARE_INTERVAL = re.compile(r"\s*(?:%|per ?cent|months?|mos?)?\s*[(\[]\s*(\d+(?:[.·]\d+)?)\s*%?\s*(?:[-–—−]|to|,)\s*(\d+(?:[.·]\d+)?)\s*%?\s*(?:months?|mos?)?\s*[)\];]", _I)
_OPEN_INTERVAL = re.compile(OPEN_INTERVAL.pattern, _I)
_BARE_INTERVAL_HR = re.compile(r"\s*[,;]\s*(\d+(?:[.·]\d+)?)\s*(?:[-–—−]|to)\s*(\d+(?:[.·]\d+)?)\s*(?:[)\];,]|$)", _I)
_OTHER_QUANTITY_OF = re.compile(OTHER_QUANTITY_OF.pattern, _I)
_BASELINE_STATUS = re.compile(BASELINE_STATUS.pattern, _I)
_LANDMARK_NAMED_BEFORE = re.compile(LANDMARK_NAMED_BEFORE.pattern, _I)
_OTHER_QUANTITY_JOIN = re.compile(OTHER_QUANTITY_JOIN.pattern, _I)
_CONTRAST_WORD = re.compile(r"\b(?:and|vs\.?|v|versus|compared (?:with|to)|than)\b", _I)
_COUNT_PERCENT_VALUE = re.compile(r"\d\s*[(\[]\s*$")
_SLASH_NUMERATOR = re.compile(r"^\s*/\s*\d+\s*(?:[\w-]+\s+){0,2}?[(\[]\s*\d+(?:[.·]\d+)?\s*%")
_COUNT_PERCENT_NUMERATOR = re.compile(r"^\s*(?:/\s*\d+\s*)?[(\[]\s*\d")
_BOTH = re.compile(r"\bboth\b", _I)
_LIST_BREAK = re.compile(LANDMARK_LIST_BREAK.pattern, _I)
_PHRASE_BREAK = re.compile(r"[,;]|\b(?:and|while|whereas)\b", _I)
_PAIR_GAP = re.compile(r"\s*%?\s*,?\s*(?:and|or|v|vs\.?|versus)\s*", _I)
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_VALUE_PAIR_AFTER = re.compile(r"^\s*%\s*,?\s*(?:versus|vs\.?|v\.?)\s*\d+(?:[.·]\d+)?\s*%", _I)
_ALL_BUT = re.compile(r"\ball but\s*$", _I)
_CONNECTOR = re.compile(r"^[\s,;()/&]*(?:and|or|as well as)?[\s,;()/&]*(?:(?:concomitant|concurrent|corresponding|associated)\s+)?(?:the\s+)?(?:rates?\s+of\s+)?$", _I)


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


@lru_cache(maxsize=4096)
def _distractors_possible(text: str) -> tuple[bool, ...]:
    """Per distractor, False when its pattern cannot match anywhere in text, so in no part of it (literal_prefilter)."""
    return tuple(may_match_rows(_DISTRACTOR_PATTERNS, text, fold(text)))


def _distracted(text: str, tok: NumberToken, unit: Optional[str]) -> Optional[str]:
    left, right = text[:tok.start], text[tok.end:]
    for (did, side, rx), possible in zip(_DISTRACTORS, _distractors_possible(text)):
        probe = left if side == "left" else right
        if not possible or not rx.search(probe):
            continue
        if did == "threshold" and _COPULA.search(left):
            continue
        if did == "difference" and _VALUE_PAIR_AFTER.match(right):
            continue  # 'The difference in EFS at 2 years, 39.8% versus 31.4%, was not significant': the arms' own values
        if did in ("follow_up_left",) and unit not in ("months", None):
            continue
        if did in ("age_years", "n_in_ten_denominator") and unit == "%":
            continue  # 'grade 3 or 4 in 1.1%' is a share, not the 'ten' of 'four in ten'
        if did == "approximate_share" and (unit != "%" or tok.is_word):
            continue  # approximate counts have their own rule (counts.py); 'about sixteen per cent of them' is computed
        return did
    return None


def _unit_of(text: str, tok: NumberToken) -> Optional[str]:
    right = text[tok.end:]
    if _PERCENT.match(right):
        return "%"
    if _MONTHS.match(right):
        return "months"
    chain = _UNIT_CHAIN.match(right)
    # '(n = 142), 61.7% ...' and '(84 of 99) and 70.1%' size a group or a fraction; the unit after them is not theirs
    if chain and not tok.is_word and not _GROUP_SIZE_LEFT.search(text, 0, tok.start) \
            and not _DENOMINATOR_LEFT.search(text, 0, tok.start):
        unit = chain.group(2).lower()
        return "%" if unit == "%" or unit.startswith("per") else "months"
    return None


def _classify(text: str, tok: NumberToken, ctx: ReadingContext) -> Optional[ValueSlot]:
    unit = _unit_of(text, tok)
    if unit is None and ctx.fallback_unit and not tok.is_word and not re.match(r"^\s*(?:/|of\b|patients)", text[tok.end:]):
        unit = ctx.fallback_unit
    left, right = text[:tok.start], text[tok.end:]
    if ctx.count_percent and not tok.is_word:
        # 'no. (%)' cells: '91 (33.6)' and '64/85 (75.3)' print the count, then the percentage in parentheses
        if _COUNT_PERCENT_VALUE.search(left) and unit is None:
            unit = "%"
        elif _COUNT_PERCENT_NUMERATOR.match(right):
            return None
    if _REFERENCE_LEVEL.match(right):
        return None  # '1 (ref)': a ratio column's reference row, whatever else the cell is
    if (_HR_LEFT.search(left) or _RATIO_ESTIMATE_LEFT.search(left) or ctx.ratio_column or _HR_LIST_LEFT.search(left)
            or _HR_LABEL_LIST_LEFT.search(left)) \
            and unit is None \
            and not tok.is_word and tok.value < 20:
        return ValueSlot(tok, None, "hr")
    if _distracted(text, tok, unit):
        return None
    if unit is not None:
        return ValueSlot(tok, unit, "measure")
    if not float(tok.value).is_integer() or tok.value <= 0 or _ALL_BUT.search(left):
        return None
    if (_NUMERATOR.match(right) and not _BARE_SAMPLE.match(right)) or _DENOMINATOR_LEFT.search(left) \
            or _SLASH_NUMERATOR.match(right):
        return None
    fraction = _FRACTION_ONLY.match(right)
    if fraction and not ctx.count_percent and not _FRACTION_NOT_SHARE.search(left):
        return _fraction_share(tok, fraction)
    return ValueSlot(tok, None, "count")


def _fraction_share(tok: NumberToken, fraction: re.Match) -> Optional[ValueSlot]:
    """'23/31' as the share it prints: value 74.2 (%), value_text the fraction as printed."""
    denominator = int(fraction.group("denominator"))
    if not 0 < tok.value <= denominator or denominator < 2:
        return None
    share = float((Decimal(100) * Decimal(int(tok.value)) / Decimal(denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP))
    printed = NumberToken(tok.start, tok.end + fraction.end(), tok.text + fraction.group(0), share, False)
    return ValueSlot(printed, "%", "measure")


_COPULA_GAP = re.compile(r"\s*(?:was|were|is|reached)\s+", re.IGNORECASE)
_NEW_SUBJECT = re.compile(r"[,;]?\s+and\s+the\s+", re.IGNORECASE)  # '... CR and the overall response rate was': a new subject


def _endpoint_runs(text: str, endpoints: Sequence[EndpointMention]) -> list[tuple[int, int, list[str]]]:
    """Group adjacent endpoint mentions ('EFS and OS', 'duration of response (DOR), EFS, and OS') into runs."""
    runs: list[tuple[int, int, list[str]]] = []
    for ep in endpoints:
        if ep.population:
            continue
        if runs and _CONNECTOR.match(text[runs[-1][1]:ep.start]) is not None:
            s, _, codes = runs[-1]
            if ep.code not in codes:
                codes.append(ep.code)
            runs[-1] = (s, ep.end, codes)
        else:
            runs.append((ep.start, ep.end, [ep.code]))
    return runs


_LEADING_TIME_GAP = re.compile(r"\s*[:,]?\s*")
_INCIDENCE_OF = re.compile(r"\s*(?:cumulative\s+)?(?:incidence|probability|risk)\s+of\s+(?:(?:acute|chronic|extensive|severe|moderate|grade\s+[\dIV]+(?:\s*(?:-|–|to)\s*[\dIV]+)?)\s+)*", re.IGNORECASE)


def _timepoint_for(text: str, value: ValueSlot, run: Optional[tuple[int, int, list[str]]], next_start: int,
                   timepoints: Sequence[Timepoint], endpoints: Sequence[EndpointMention] = ()) -> Optional[str]:
    # 'PFS at 24 months 84.2% (CI), at 36 months 77.8%': a time printed just before a value is that value's own
    lead = [tp for tp in timepoints if tp.end <= value.tok.start and _LEADING_TIME_GAP.fullmatch(text[tp.end:value.tok.start])]
    if lead:
        return lead[-1].code
    for tp in timepoints:
        if value.tok.end <= tp.start < next_start and text[tp.start:tp.start + 8].lower().startswith(("at ", "by ", "through ", "until ")) \
                and not re.search(r"[;]|\b(?:while|whereas|but)\b", text[value.tok.end:tp.start]) \
                and not any(value.tok.end <= ep.start < tp.start and ep.code != value.endpoint for ep in endpoints):
            return tp.code  # '74.1% of A were alive at 3 years': the value's own predicate may stand before its time
    if run is None:
        return None
    for tp in timepoints:
        if tp.end <= run[0] and (run[0] - tp.end <= 4 or _INCIDENCE_OF.fullmatch(text[tp.end:run[0]])):
            return tp.code  # '2-year OS', 'the 4-year cumulative incidence of non-relapse mortality was 17%'
        if run[1] <= tp.start and tp.end <= value.tok.start:
            return tp.code
    return None


def _without_glosses(text: str, endpoints: list[EndpointMention]) -> list[EndpointMention]:
    """Endpoint mentions less those that define the one before them: a bracketed composite ('composite complete
    remission rate (CR + CRh + CRi)', which makes a bare CR the composite) or a relative clause ('the overall response
    rate, which also counted partial remission, was 78.3%')."""
    out: list[EndpointMention] = []
    skip_to = -1
    for e in endpoints:
        if e.start < skip_to:
            continue
        gloss = _ENDPOINT_GLOSS.match(text, e.end)
        if gloss and e.code:
            inner = [g for g in endpoints if gloss.start() <= g.start and g.end <= gloss.end()]
            if inner:
                if e.code == "CR" and any(g.code == "CR_CRI" for g in inner):
                    e = e._replace(code="CR_CRI")
                skip_to = gloss.end()
        out.append(e)
    return out


_NEGATED_LEFT = re.compile(NEGATED_ENDPOINT_LEFT.pattern)


def _without_negated(text: str, endpoints: Sequence[EndpointMention]) -> list[EndpointMention]:
    """The endpoint mentions no negation opens ('No treatment-related deaths; ...' names no endpoint for what follows)."""
    return [e for e in endpoints if not _NEGATED_LEFT.search(text, max(0, e.start - 40), e.start)]


def read_clause(text: str, ctx: ReadingContext = ReadingContext()) -> list[Reading]:
    """Return the result values of one sentence or table clause."""
    text = one_line(text)
    numbers = find_numbers(text)
    if not numbers:  # no number, no reading
        return []
    blocked = excluded_spans(text) + list(ctx.blocked)
    timepoints = find_timepoints(text)
    windows = find_windows(text) if ctx.windows else []
    endpoints = _without_negated(text, _without_glosses(text, find_endpoints(text, ctx.extra_terms)))
    arms = find_arms(text, ctx.gazetteer_dir)
    endpoints = without_strategy_endpoints(text, endpoints, arms)  # 'after allogeneic HSCT' as an arm (strategy_arms.py)
    intervals = find_intervals(text)
    pvalues = find_p_values(text)
    spans = blocked + [(t.start, t.end) for t in timepoints + windows] + [(a.start, a.end) for a in arms] \
        + [(e.start, e.end) for e in endpoints]
    values: list[ValueSlot] = []
    for tok in numbers:
        if _inside(spans, tok.start, tok.end):
            continue
        value = _classify(text, tok, ctx)
        if value is not None:
            values.append(value)
    if not values:
        return []
    if _MEAN.search(text) and not _MEDIAN.search(text):
        values = [v for v in values if v.unit != "months"]
    _assign_endpoints(text, values, endpoints, timepoints, ctx)
    _share_list_landmarks(text, values, timepoints)
    _that_of_continuations(text, values)
    _repeat_landmark_pairs(text, values, timepoints)
    _landmarks_named_before(text, values, timepoints)
    _assign_windows(text, values, windows, endpoints)
    _mrd_at_opening_time(text, values, timepoints)
    _drop_baseline_status(text, values)
    assign_counts(text, values, endpoints, ctx)
    assign_arms(text, values, arms, ctx)
    _attach_ci_p(text, values, intervals, pvalues, ctx.ci_declared)
    values = [v for v in values if v.kind != "drop"]
    readings = _to_readings(text, values)
    # '(156 per group)': the count is each arm's enrolment
    return [replace(r, arm=arm) for r in readings for arm in
            ((ctx.default_arm or ctx.fallback_arm, ctx.control_arm) if r.rule == "rule:sample_size_per_arm" else (r.arm,))]


def _landmarks_named_before(text: str, values: Sequence[ValueSlot], timepoints: Sequence[Timepoint]) -> None:
    """Date 'the later figure stood at 61.1%' by the sentence's last landmark before it ('the earlier ...': its first)."""
    for v in values:
        m = _LANDMARK_NAMED_BEFORE.search(text, max(0, v.tok.start - 80), v.tok.start)
        earlier = [tp for tp in timepoints if tp.end <= v.tok.start]
        if m and v.kind == "measure" and v.timepoint and len(earlier) >= 2:
            v.timepoint = (earlier[0] if m.group("which").lower() in ("earlier", "former", "first") else earlier[-1]).code


def _names_arm_group(right: str, ctx: ReadingContext) -> bool:
    """'(5.6%) who received A': the share's predicate names a core or control arm, or one of the report's own arms, so the
    share is that arm's."""
    m = _ARM_GROUP.match(right)
    if not m:
        return False
    arm = next(iter(find_arms(right[m.end():], ctx.gazetteer_dir)), None)
    return arm is not None and arm.start == 0 and (arm.rank == 0 or arm.control or (
        ctx.one_study and arm.arm in (ctx.default_arm, ctx.control_arm, ctx.fallback_arm, *defined_arms())))


def _assign_endpoints(text: str, values: list[ValueSlot], endpoints: Sequence[EndpointMention],
                      timepoints: Sequence[Timepoint], ctx: ReadingContext) -> None:
    measures = [v for v in values if v.kind in ("measure", "hr")]
    runs = _endpoint_runs(text, endpoints)
    linked: list[EndpointMention] = []  # endpoints already reached forward by a value before them
    # 1. a share followed by an outcome verb and the endpoint: '76% were MRD negative'
    for i, v in enumerate(measures):
        stop = measures[i + 1].tok.start if i + 1 < len(measures) else len(text)
        if v.kind == "hr":  # 'were 0.79 (95% CI 0.57-1.09) for event-free survival and 0.83 (...) for overall survival'
            ep = next((e for e in endpoints if v.tok.end <= e.start < stop
                       and _RATIO_FOR_ENDPOINT.fullmatch(text, v.tok.end, e.start)), None)
            if ep is not None:
                linked.append(ep)
                v.endpoint = ep.code
            continue
        ep = endpoint_after(text, v.tok.end, stop, endpoints)
        if ep is not None:
            linked.append(ep)
            v.endpoint = ep.code
            others = [e for e in endpoints if e is not ep]  # '61% were alive at two years': its own endpoint lies between
            v.timepoint = _timepoint_for(text, v, (ep.start, ep.end, [ep.code]), stop, timepoints, others) \
                if any(tp.end <= ep.start and ep.start - tp.end <= 4 for tp in timepoints) else \
                _timepoint_for(text, v, None, stop, timepoints, others)
            # '71.1% remained in complete response 12 months after it was first documented': a time right after the endpoint
            v.timepoint = v.timepoint or next((tp.code for tp in timepoints if 0 <= tp.start - ep.end <= 2 and tp.start < stop), None)
    _share_predicate_backwards(text, measures, endpoints, timepoints)
    # a share followed by its own predicate that names no endpoint describes something else ('48% of whom received tocilizumab')
    for i, v in enumerate(measures):
        if v.endpoint is None and v.kind == "measure":
            stop = measures[i + 1].tok.start if i + 1 < len(measures) else len(text)
            right = re.split(r"[;]|,\s", text[v.tok.end:stop], maxsplit=1)[0]
            if _OWN_PREDICATE.match(right) and not any(v.tok.end <= ep.start < v.tok.end + len(right) for ep in endpoints) \
                    and not _names_arm_group(right, ctx):
                v.kind = "drop"
    _drop_other_quantity(text, measures, endpoints)
    measures = [v for v in measures if v.kind != "drop"]
    # 2. values after an endpoint run, distributed over the run's endpoints in listed order
    for r_i, run in enumerate(runs):
        run_end = runs[r_i + 1][0] if r_i + 1 < len(runs) else len(text)
        group = [v for v in measures if run[1] <= v.tok.start < run_end and v.endpoint is None]
        if not group:
            continue
        # '(79.2%) were in complete response, and the overall response rate was 90.3%': the run's first endpoint is taken
        taken = [e.code for e in linked if run[0] <= e.start < run[1]]
        codes = [c for c in run[2] if c not in taken] or run[2]
        k, n = len(codes), len(group)
        for j, v in enumerate(group):
            if k == 1:
                v.endpoint = codes[0]
            elif n == k:
                v.endpoint = codes[j]
            elif n == 2 * k:
                compared = any(is_pair(text, a, b) for a, b in zip(group, group[1:]))
                v.endpoint = codes[j // 2] if compared else codes[j % k]
            elif n == 1 and _BOTH.search(text[run[1]:v.tok.start]):
                v.endpoint = codes[0]
                v.extra_endpoints = codes[1:]
            elif n == 1 and _COPULA_GAP.fullmatch(text, run[1], v.tok.start) and _NEW_SUBJECT.search(text, run[0], run[1]):
                v.endpoint = codes[-1]  # '(54.2%) were in CR or unconfirmed CR and the overall response rate was 72.5%'
            else:
                v.endpoint = codes[min(j, k - 1)]
        for j, v in enumerate(group):
            # '...; at 3 years, 80.1% and 58.9%': a later ';' clause's own timepoint wins over the run's
            own = _clause_timepoint(text, v, timepoints) if _after_clause_break(text, run[1], v.tok.start) else None
            v.timepoint = v.timepoint or own or _timepoint_for(text, v, run, run_end, timepoints, endpoints)
            median_zone = text[max(0, run[0] - 40):run[0]] + text[run[0]:v.tok.start]
            if _MEDIAN.search(median_zone.split(";")[-1]) and v.kind == "measure":
                v.statistic = "median"
    _respective_clause_endpoints(text, measures, endpoints, timepoints)
    # 3. values before any endpoint: take the next endpoint reached through a shared predicate
    unassigned = [v for v in measures if v.endpoint is None and v.kind == "measure" and v.unit == "%"] \
        if ctx.fallback_endpoints and not endpoints else []
    for i, v in enumerate(measures):
        if v.endpoint is None:
            later = [ep for ep in endpoints if ep.start > v.tok.end and not ep.population and ep.start - v.tok.end < 140]
            # the verb may be the endpoint's own first word ('79.5% of patients on A and 66.0% on B were alive')
            partner = measures[i + 1] if i + 1 < len(measures) else None
            paired = partner is not None and is_pair(text, v, partner) and bool(later) \
                and partner.endpoint == later[0].code and partner.tok.end <= later[0].start  # '31.5% v 10.0% progression-free'
            if later and (_VERB.search(text[v.tok.end:later[0].start]) or _VERB.match(later[0].text) or paired) \
                    and ";" not in text[v.tok.end:later[0].start]:
                v.endpoint = later[0].code
                v.timepoint = _timepoint_for(text, v, None, len(text), timepoints, endpoints)
            elif (graded := _grade_continuation(text, v, measures)) is not None:
                v.endpoint = graded.endpoint  # 'CRS occurred in 76.1%, grade 3 or 4 in 1.1%'
            elif (earlier := _continued_clause(text, v, measures, endpoints)) is not None:
                v.endpoint = earlier.endpoint
                v.timepoint = _clause_timepoint(text, v, timepoints)
            elif ctx.fallback_endpoints and len(unassigned) == len(ctx.fallback_endpoints) and v in unassigned:
                v.endpoint = ctx.fallback_endpoints[unassigned.index(v)]  # 'At 3 years: 54.7% and 44.9%' after 'OS ... and EFS ...'
                v.timepoint = v.timepoint or (timepoints[0].code if timepoints else None)
            elif ctx.fallback_endpoint:
                v.endpoint = ctx.fallback_endpoint  # the sentence's own one time ('The advantage at 3 years held ...') first
                v.timepoint = v.timepoint or (timepoints[0].code if len(timepoints) == 1 else None) or ctx.fallback_timepoint
    for v in measures:
        if v.kind == "hr" and v.endpoint is None and ctx.fallback_hr_endpoint:
            v.endpoint = ctx.fallback_hr_endpoint  # 'In those with mutated IGHV, the curves overlapped (HR, 1.02)'
        if v.statistic is None and v.endpoint:
            if v.kind == "hr":
                v.statistic, v.timepoint = "hazard_ratio", None
            elif v.unit == "months":
                v.statistic, v.timepoint = "median", None  # a median has no landmark, whatever the sentence continued
            elif v.timepoint:
                v.statistic = "rate" if v.endpoint in CUMULATIVE_INCIDENCE_ENDPOINTS else "landmark"
            else:
                v.statistic = "rate"
        if v.statistic == "median" and v.unit == "%":
            v.statistic = "landmark" if v.timepoint else "rate"


def _drop_baseline_status(text: str, values: Sequence[ValueSlot]) -> None:
    """Drop shares whose own predicate dates them at entry ('(88.3%) had no detectable MRD at randomization')."""
    measures = [v for v in values if v.kind == "measure" and v.unit == "%"]
    for i, v in enumerate(measures):
        stop = measures[i + 1].tok.start if i + 1 < len(measures) else len(text)
        if v.timepoint is None and _BASELINE_STATUS.match(text[v.tok.end:stop]):
            v.kind = "drop"


def _drop_other_quantity(text: str, measures: Sequence[ValueSlot], endpoints: Sequence[EndpointMention]) -> None:
    """Drop the values a 'that of X' clause gives for a quantity that is none of the endpoints ('and that of relapse
    28.9% and 36.6%'), and the values joined to them."""
    previous_end, other = 0, False
    for v in measures:
        gap = text[previous_end:v.tok.start]
        if other and not _OTHER_QUANTITY_JOIN.match(gap):
            other = False
        if v.endpoint is None and v.kind == "measure" and _OTHER_QUANTITY_OF.search(gap) \
                and not any(previous_end <= e.start < v.tok.start for e in endpoints):
            other = True
        if other and v.endpoint is None:
            v.kind = "drop"
        previous_end = v.tok.end


_SHARED_PREDICATE_JOIN = re.compile(r"^\s*(?:%|months?)?\s*\)?\s*(?:,\s*and|,|and)\s*(?:\d+\s*(?:/\s*\d+\s*)?)?\(?\s*$", re.I)


def _share_predicate_backwards(text: str, measures: Sequence[ValueSlot], endpoints: Sequence[EndpointMention],
                               timepoints: Sequence[Timepoint]) -> None:
    """'; 58 (44.3%) and 71 (54.2%) went on to transplant': shares listed before one predicate all take its endpoint.

    Only in a clause that names no endpoint before them ('CR 40% and 30% achieved MRD negativity' keeps its CR).
    """
    for a, b in reversed(list(zip(measures, measures[1:]))):
        if a.endpoint is not None or b.endpoint is None or a.kind != "measure" or a.unit != b.unit \
                or not _SHARED_PREDICATE_JOIN.match(text[a.tok.end:b.tok.start]):
            continue
        lo = _PARENTHESES.sub(lambda m: " " * len(m.group()), text).rfind(";", 0, a.tok.start) + 1
        if any(lo <= e.start < a.tok.start for e in endpoints):
            continue
        a.endpoint, a.timepoint = b.endpoint, b.timepoint


def _respective_clause_endpoints(text: str, measures: Sequence[ValueSlot], endpoints: Sequence[EndpointMention],
                                 timepoints: Sequence[Timepoint] = ()) -> None:
    """'EFS 52%, RFS 58% and OS 71%; at 24 months, 41%, 47% and 55%': a ';' clause naming no endpoint whose values
    match, one for one, the distinct endpoints of the clause before it restates them in listed order; without a time of
    its own it keeps theirs ('2-year OS 63.1% and EFS 52.8%; in patients aged 70 or older, 51.5% and 40.3%')."""
    flat = _PARENTHESES.sub(lambda m: " " * len(m.group()), text)  # ';' inside brackets closes no clause
    bounds = [-1] + [i for i, ch in enumerate(flat) if ch == ";"] + [len(text)]
    for prev_lo, lo, hi in zip(bounds, bounds[1:], bounds[2:]):
        if any(lo < e.start < hi and not e.population for e in endpoints):
            continue
        clause = [v for v in measures if lo < v.tok.start < hi and v.kind == "measure"]
        before = [v for v in measures if prev_lo < v.tok.start < lo and v.kind == "measure" and v.endpoint]
        codes = list(dict.fromkeys(v.endpoint for v in before))
        if len(clause) < 2 or len(codes) != len(clause) or len(before) != len(codes) \
                or any(v.unit != clause[0].unit for v in before + clause):
            continue
        own_time = any(lo < tp.start < hi for tp in timepoints)
        for v, b in zip(clause, before):
            v.endpoint = b.endpoint
            v.restates = None if own_time else b


def _landmark_item(v: ValueSlot) -> bool:
    return v.kind == "measure" and v.unit == "%" and v.endpoint in LANDMARK_LIST_ENDPOINTS and v.statistic != "median"


def _listed_together(text: str, first: ValueSlot, second: ValueSlot) -> bool:
    """True when two values are items of one list: nothing but endpoint words (and brackets) between them.

    A ';' may close the first item's clause when the next clause opens with the second item's endpoint alone
    ('...in the chemotherapy group (HR ...); overall survival 82.1% ...').
    """
    gap = _PARENTHESES.sub(" ", text[first.tok.end:second.tok.start])
    if ";" in gap:
        gap = gap.rsplit(";", 1)[1]
    return len(gap) <= 80 and not _LIST_BREAK.search(gap.replace(";", ""))


# '..., but at 18 months 69.8% of A and 60.1% of B were alive': a time opening a clause after a comma and a connective
_CLAUSE_OPENING_BEFORE = re.compile(r"[,:]\s*(?:but|and|yet|while|whereas)?\s*$", re.IGNORECASE)
_NUMBER_NEXT = re.compile(r"\s*\d")
_BULLET_ONLY = re.compile(r"\s*(?:[\u2022\u25aa\u25e6\u2023*\u2013\u2014-]\s*)?")  # '\u2022 After 3 years, ...' opens its clause


_THAT_OF = re.compile(r"[^;\d]{0,20}?,?\s+and\s+(?:that|those)\s+of\s+[^;\d]{1,60}")


def _that_of_continuations(text: str, values: list[ValueSlot]) -> None:
    """'The 2-year cumulative incidence of chronic GVHD was 36.5%, and that of extensive chronic GVHD 14.1%': the
    second figure is of the same kind and time as the first."""
    measures = [v for v in values if v.kind == "measure"]
    for a, b in zip(measures, measures[1:]):
        if a.timepoint and not b.timepoint and _THAT_OF.fullmatch(text, a.tok.end, b.tok.start):
            b.timepoint = a.timepoint


def _share_list_landmarks(text: str, values: list[ValueSlot], timepoints: Sequence[Timepoint]) -> None:
    """One landmark printed for a list of survival figures covers every item of the list.

    'Event-free survival at 12 months was 50% and overall survival 76%' (forward), 'EFS of 44% and OS of 63% at 3
    years' (backward, from an 'at' phrase after the last item), 'At 12 months, EFS was 52% and OS 77%' (clause opening).
    """
    items = [v for v in values if _landmark_item(v)]
    for tp in timepoints:
        lo = text.rfind(";", 0, tp.start) + 1
        opens = _BULLET_ONLY.fullmatch(text, lo, tp.start) or _CLAUSE_OPENING_BEFORE.search(text, lo, tp.start)
        hi = text.find(";", tp.end)
        colon = text.find(":", tp.end, hi if hi >= 0 else len(text))
        listed = colon >= 0 and colon - tp.end <= COLON_LIST_REACH and not any(  # 'estimates at 2 years were: EFS 71.3%, OS 80.9%'
            tp.end <= o.tok.start < colon for o in values if o.kind in ("measure", "hr")) and not any(
            tp.end <= t.start < colon for t in timepoints)
        if not listed and (not opens or not (text[tp.end:].lstrip().startswith(",") or _NUMBER_NEXT.match(text, tp.end))):
            continue
        for v in items:
            if v.timepoint is None and tp.end <= v.tok.start and (hi < 0 or v.tok.end <= hi):
                v.timepoint = tp.code
    for a, b in zip(items, items[1:]):
        if a.endpoint == b.endpoint and a.timepoint and b.timepoint is None \
                and _PAIR_GAP.fullmatch(_PARENTHESES.sub(" ", text[a.tok.end:b.tok.start])):
            b.timepoint = a.timepoint  # 'overall survival 82.1% (74.9-87.4) and 70.3%': the second arm of one landmark
            continue
        if a.endpoint == b.endpoint or not _listed_together(text, a, b):
            continue
        if a.timepoint and b.timepoint is None and not any(a.tok.end <= tp.start < b.tok.start for tp in timepoints):
            b.timepoint = a.timepoint
    for a, b in reversed(list(zip(items, items[1:]))):
        if a.endpoint == b.endpoint or not _listed_together(text, a, b) or a.timepoint or not b.timepoint:
            continue
        after = [tp for tp in timepoints if b.tok.end <= tp.start and tp.code == b.timepoint
                 and text[tp.start:tp.start + 2].lower() == "at"
                 and len(_PARENTHESES.sub(" ", text[b.tok.end:tp.start])) <= 12]
        if after:
            a.timepoint = b.timepoint
    for v in items:  # a restating clause without a time of its own keeps the landmark of what it restates
        if v.timepoint is None and v.restates is not None and v.restates.timepoint and _landmark_item(v.restates):
            v.timepoint = v.restates.timepoint
    for i, v in enumerate(items):  # 'EFS at that landmark was 71.6%': the time of the figure before
        lo = text.rfind(";", 0, v.tok.start) + 1
        if v.timepoint is None and i > 0 and items[i - 1].timepoint and _SAME_TIME.search(text[lo:v.tok.start]):
            v.timepoint = items[i - 1].timepoint
        elif v.timepoint is None and i > 0 and items[i - 1].timepoint and items[i - 1].endpoint == v.endpoint \
                and _SAME_FIGURE.search(text, items[i - 1].tok.end, v.tok.start) \
                and not any(items[i - 1].tok.end <= tp.start < v.tok.start for tp in timepoints):
            v.timepoint = items[i - 1].timepoint  # '...; among those on chemotherapy alone the figure was 49.8%'
    for v in items:
        if v.timepoint and v.statistic in (None, "rate") and v.endpoint not in CUMULATIVE_INCIDENCE_ENDPOINTS:
            v.statistic = "landmark"


_AFTER_ORIGIN = re.compile(r"\s*(?:(?:after|from|since|post)[\s-]+(?:randomi[sz]ation|diagnosis|transplant(?:ation)?|infusion|"
                           r"enrol?ment|the\s+start\s+of\s+(?:treatment|therapy))\s*)?,", re.IGNORECASE)


def _mrd_at_opening_time(text: str, values: list[ValueSlot], timepoints: Sequence[Timepoint]) -> None:
    """An MRD-negativity rate in a clause opened by a time ('At 2 years after randomization, MRD was undetectable in
    66.2% ...') was measured at that time."""
    for tp in timepoints:
        lo = text.rfind(";", 0, tp.start) + 1
        if not (_BULLET_ONLY.fullmatch(text, lo, tp.start) and (opening := _AFTER_ORIGIN.match(text, tp.end))):
            continue
        hi = text.find(";", opening.end())
        for v in values:
            if v.kind == "measure" and v.unit == "%" and v.endpoint == "MRD_NEG" and v.timepoint is None \
                    and opening.end() <= v.tok.start and (hi < 0 or v.tok.end <= hi):
                v.timepoint, v.statistic = tp.code, "rate"


def _repeat_landmark_pairs(text: str, values: list[ValueSlot], timepoints: Sequence[Timepoint]) -> None:
    """'OS was 94.2% at 2 years and 91.0% at 3 years; the IC group's figures were 90.3% and 85.7%': later runs of as
    many figures of the endpoint, with no time of their own, restate the first run's landmarks in order."""
    items = [v for v in values if _landmark_item(v) and v.unit == "%"]
    for i in range(len(items) - 1):
        run = [items[i]]
        while i + len(run) < len(items) and items[i + len(run)].endpoint == run[0].endpoint \
                and items[i + len(run)].timepoint and items[i + len(run)].timepoint not in {v.timepoint for v in run}:
            run.append(items[i + len(run)])
        if len(run) < 2 or not run[0].timepoint:
            continue
        times = [v.timepoint for v in run]
        rest = items[i + len(run):]
        for j in range(0, len(rest) - len(run) + 1, len(run)):
            group = rest[j:j + len(run)]
            if any(v.endpoint != run[0].endpoint for v in group) \
                    or any(group[0].tok.start <= tp.start < group[-1].tok.end for tp in timepoints) \
                    or {v.timepoint for v in group} - {None, times[0]}:
                break
            for v, time in zip(group, times):
                v.timepoint = time
        return


_GRADE_CONTINUATION = re.compile(GRADE_CONTINUATION.pattern, re.IGNORECASE)
_SAME_TIME = re.compile(SAME_TIME_CUE.pattern, re.IGNORECASE)
_SAME_FIGURE = re.compile(SAME_FIGURE_CUE.pattern, re.IGNORECASE)
_BEST_RESPONSE = re.compile(BEST_RESPONSE_CUE.pattern, re.IGNORECASE)


def _grade_continuation(text: str, v: ValueSlot, measures: Sequence[ValueSlot]) -> Optional[ValueSlot]:
    """'CRS occurred in 76.1% of patients, grade 3 or 4 in 1.1%': a grade-qualified share after a share of an event is
    that event's (returned), else None."""
    before = [o for o in measures if o.tok.end <= v.tok.start and o.kind == "measure" and o.endpoint and o.unit == v.unit]
    if before and _GRADE_CONTINUATION.fullmatch(text[before[-1].tok.end:v.tok.start]):
        return before[-1]
    return None


def _continued_clause(text: str, v: ValueSlot, measures: Sequence[ValueSlot],
                      endpoints: Sequence[EndpointMention]) -> Optional[ValueSlot]:
    """'...; at 3 years, 80.1% and 58.9%', '...; by the end of treatment, 68.8% v 45.3%': a ';' clause with values but no
    endpoint of its own continues the previous clause's last figure (returned), else None."""
    lo = text.rfind(";", 0, v.tok.start)
    if lo < 0 or any(lo <= e.start < v.tok.start for e in endpoints) or _PARENTHESES.sub("", text[:v.tok.start]).count(";") == 0:
        return None
    before = [o for o in measures if o.tok.end <= lo and o.endpoint and o.kind == "measure" and o.unit == v.unit]
    return before[-1] if before else None


def _after_clause_break(text: str, start: int, end: int) -> bool:
    """True when a ';' outside brackets lies between start and end."""
    return ";" in _PARENTHESES.sub("", text[start:end])


def _clause_timepoint(text: str, v: ValueSlot, timepoints: Sequence[Timepoint]) -> Optional[str]:
    lo = text.rfind(";", 0, v.tok.start)
    inside = [tp for tp in timepoints if lo <= tp.start and tp.end <= v.tok.start]
    return inside[-1].code if inside else None


def _assign_windows(text: str, values: list[ValueSlot], windows: Sequence[Timepoint],
                    endpoints: Sequence[EndpointMention] = ()) -> None:
    """A response rate takes the assessment window of its clause ('Within two cycles, 42% achieved CR' -> 2cycles).

    A response percentage with a time ('CR at 3 months') is a rate in that window, not a landmark.
    """
    unbracketed = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text)
    for v in values:
        if v.kind != "measure" or v.unit != "%" or v.endpoint not in WINDOW_ENDPOINTS + CUMULATIVE_INCIDENCE_ENDPOINTS:
            continue
        if v.timepoint:
            v.statistic = "rate"
            continue
        lo = unbracketed.rfind(";", 0, v.tok.start) + 1  # '(79.2%; 95% CI, ...)' ends no clause for what follows
        hi = text.find(";", v.tok.end)
        hi = len(text) if hi < 0 else hi
        best = [m for m in _BEST_RESPONSE.finditer(text, lo, v.tok.start)]
        if best and not any(best[-1].end() <= w.start and w.end <= v.tok.start for w in windows):
            continue  # 'the best overall remission ... was 85.7%': over the whole course
        # a clause-opening window ('Within two cycles, ...', 'Among the 54 in CR after block 2, ...') covers the clause;
        # another only its nearest value
        lead_end = text.find(",", lo)  # the clause's leading phrase: up to its first comma, before any value
        opening = [w for w in windows if lo <= w.start and 0 <= lead_end and w.end <= lead_end + 1
                   and w.end <= v.tok.start and not any(lo <= o.tok.start < w.start and o.kind == "measure" for o in values)]
        # a window inside the endpoint's own phrase ('MRD below 10^-4 at the end of induction was found in A% ... and B%')
        subject = [w for w in windows if lo <= w.start and w.end <= v.tok.start
                   and not any(lo <= o.tok.start < w.start and o.kind == "measure" for o in values)
                   and any(e.code == v.endpoint and lo <= e.start and (
                       e.end <= w.start and w.start - e.end <= _SUBJECT_WINDOW_REACH
                       or 0 <= e.start - w.end <= 2) for e in endpoints)  # 'the end-of-treatment uMRD rate was A% ... and B%'
                   and not any(w.end <= e.start < v.tok.start and e.code and e.code != v.endpoint for e in endpoints)]
        # a later window before the value restarts the clause ('CMR at the end of induction, A% v B%, ... and by the
        # end of treatment C%')
        later = [w for w in windows if (opening or subject) and (opening or subject)[-1].end <= w.start
                 and w.end <= v.tok.start and any((opening or subject)[-1].end <= o.tok.start < w.start
                                                  and o.kind == "measure" for o in values)]
        near = later[-1:] or _window_after_pair(text, v, values, windows) or opening or subject[-1:] or [w for w in windows if lo <= w.start and w.end <= hi and not any(
            o is not v and o.kind == "measure" and min(w.end, v.tok.end) <= o.tok.start < max(w.start, v.tok.start)
            for o in values) and not _own_phrase_between(text, w, v, endpoints)]
        if near:
            v.timepoint = min(near, key=lambda w: min(abs(w.start - v.tok.end), abs(v.tok.start - w.end))).code
        elif lo > 0 and not any(lo <= e.start < hi for e in endpoints if e.code) \
                and not any(lo <= w.start < hi for w in windows) \
                and (continued := _previous_clause_window(text, lo, v, values, windows)):
            v.timepoint = continued  # '... at the end of treatment was 62.6% v 48.3%; in bone marrow, 47.2% v 38.9%'
        elif lo > 0 and v.endpoint in _RESPONSE_FAMILY and not any(lo <= w.start < hi for w in windows) \
                and not _ANY_TIME.search(text, lo, hi) \
                and (sibling := _previous_clause_window(text, lo, v, values, windows, _RESPONSE_FAMILY)):
            v.timepoint = sibling  # 'CR after induction was 71.2% ...; CR or CRi occurred in 79.8%': one assessment
        elif lo > 0 and not any(lo <= w.start < hi for w in windows) and (lead := _sentence_opening_window(text, windows, values)):
            v.timepoint = lead  # 'After two courses, 51 of 58 were in CR/CRi (87.9%); CR alone, 40 (69.0%)'
        elif v.endpoint in _RESPONSE_FAMILY and (sibling := _clause_sibling_window(text, lo, v, values, windows)):
            v.timepoint = sibling  # 'CR/CRh within 4 cycles was reached by 28 of 37 (75.7%) and CR by 23 (62.2%)'


_AFTER_PAIR_GAP = re.compile(r"\s*(?:%|per ?cent)?\s*(?:of\s+(?:the\s+)?(?:patients|children|adults|participants|people)\s*)?,?\s*", _I)


def _window_after_pair(text: str, v: ValueSlot, values: Sequence[ValueSlot], windows: Sequence[Timepoint]) -> list[Timepoint]:
    """The window printed right after the comparison the value opens ('39.9% versus 21.3% of patients at week 48'),
    which dates both sides; else []."""
    partner = next((o for o in values if o.tok.start >= v.tok.end and o.kind == "measure"), None)
    if partner is None or partner.endpoint != v.endpoint or not is_pair(text, v, partner):
        return []
    return [w for w in windows if w.start >= partner.tok.end and _AFTER_PAIR_GAP.fullmatch(text, partner.tok.end, w.start)][:1]


_RESPONSE_FAMILY = ("CR", "CR_CRI", "ORR")  # responses assessed together at one time
_ANY_TIME = re.compile(r"\b(?:overall|best|at any time|ever|cumulative)\b", re.IGNORECASE)  # '; overall, 60.0% had a CR'
_SIBLING_JOIN = re.compile(r"^[^;.]{0,60}?\b(?:and|including)\b[^;.]{0,40}$", re.IGNORECASE)


def _clause_sibling_window(text: str, lo: int, v: ValueSlot, values: Sequence[ValueSlot],
                           windows: Sequence[Timepoint]) -> Optional[str]:
    """The window of the response just before in the same clause, joined to this one by 'and' or 'including' with no
    time of its own between; else None."""
    before = [o for o in values if o.kind == "measure" and lo <= o.tok.start < v.tok.start]
    if not before or before[-1].endpoint not in _RESPONSE_FAMILY or before[-1].timepoint not in {w.code for w in windows}:
        return None
    gap = text[before[-1].tok.end:v.tok.start]
    return before[-1].timepoint if _SIBLING_JOIN.match(gap) and not _ANY_TIME.search(gap) else None


def _previous_clause_window(text: str, lo: int, v: ValueSlot, values: Sequence[ValueSlot],
                            windows: Sequence[Timepoint], family: Sequence[str] = ()) -> Optional[str]:
    """The window of the clause before this one, when that clause printed it for a value of the same endpoint (or of
    the same family of endpoints)."""
    prev_lo = text.rfind(";", 0, lo - 1) + 1
    earlier = [o for o in values if prev_lo <= o.tok.start < lo and o.kind == "measure"
               and (o.endpoint == v.endpoint or o.endpoint in family) and o.timepoint]
    if earlier and any(w.code == earlier[-1].timepoint and prev_lo <= w.start < lo for w in windows):
        return earlier[-1].timepoint
    return None


def _sentence_opening_window(text: str, windows: Sequence[Timepoint], values: Sequence[ValueSlot]) -> Optional[str]:
    """The window of a sentence's leading phrase ('After two courses, ...') or label ('Day-28 marrow: ...',
    'Objective response at EOT: ...'), which covers all of its clauses."""
    colon = text.find(":")
    if 0 <= colon <= LEAD_LABEL_REACH and not any(o.tok.start < colon for o in values if o.kind == "measure"):
        label = [w for w in windows if w.end <= colon + 1]
        if label:
            return label[-1].code
    lead_end = text.find(",")
    if lead_end < 0:
        return None
    first = [w for w in windows if w.end <= lead_end + 1
             and (not text[:w.start].strip(" \t•-–(") or _SENTENCE_LEAD.match(text, 0, w.start))]
    if not first or any(o.tok.start < lead_end for o in values if o.kind == "measure"):
        return None
    return first[0].code


LEAD_LABEL_REACH = 60
"""A bullet's or card line's label ends in a colon at most this many characters in ('Day-28 marrow: ...')."""
_SENTENCE_LEAD = re.compile(r"^\W*(?:after|at|by|within|following|on|in)\b[^,;]{0,60}$", re.IGNORECASE)

_SUBJECT_WINDOW_REACH = 25
"""How far after its endpoint a window may stand and still qualify the endpoint's whole clause ('MRD below 10^-4 at ...')."""


def _own_phrase_between(text: str, w: Timepoint, v: ValueSlot, endpoints: Sequence[EndpointMention]) -> bool:
    """True when a new phrase with its own endpoint separates a window from a later value.

    '67% had a CMR after the first cycle, MRD negativity by NGS was documented in 98%': the window is not 98's.
    """
    if w.end > v.tok.start:
        return False
    gap = text[w.end:v.tok.start]
    return bool(_PHRASE_BREAK.search(gap)) and any(w.end <= e.start and e.end <= v.tok.start for e in endpoints if e.code)


def _attach_ci_p(text: str, values: list[ValueSlot], intervals, pvalues, ci_declared: bool = False) -> None:
    measures = [v for v in values if v.kind in ("measure", "hr") and v.endpoint]
    for ci in intervals:
        prior = [v for v in measures if v.tok.end <= ci.start
                 and _CI_GAP.fullmatch(text[v.tok.end:ci.start])]
        if prior:
            prior[-1].ci = (ci.low, ci.high)
    labelled = [ci.start for ci in intervals]
    for v in measures:
        if v.ci is not None:
            continue
        if (opened := _OPEN_INTERVAL.match(text, v.tok.end)) is not None:  # '18.6 (11.2, NE)': no value in its bounds
            for bound in values:
                if opened.start(1) <= bound.tok.start < opened.end(1):
                    bound.kind = "drop"
            continue
        bare = _BARE_INTERVAL.match(text, v.tok.end) or (_BARE_INTERVAL_HR.match(text, v.tok.end) if v.kind == "hr" else None)
        # a bare '(a–b)' is a CI after a hazard ratio, or once the clause (or table) has declared its intervals as CIs
        if bare and (v.kind == "hr" or ci_declared or any(start < v.tok.start for start in labelled)):
            low, high = parse_number_text(bare.group(1)), parse_number_text(bare.group(2))
            if low is not None and high is not None and low <= v.tok.value <= high:
                v.ci = (low, high)
                for bound in values:  # '82 (73, 89)': the bounds of an interval are not values of their own
                    if bare.start(1) <= bound.tok.start < bare.end():
                        bound.kind = "drop"
    for p in pvalues:
        prior = [v for v in measures if v.tok.end <= p.start]
        if prior and p.start - prior[-1].tok.end <= 120:
            last = prior[-1]
            last.p = p.value
            # 'A% vs. B% (P = .02)': the comparison's p-value belongs to both arms' values
            first = prior[-2] if len(prior) >= 2 else None
            if first is not None and first.kind == last.kind == "measure" and first.endpoint == last.endpoint \
                    and first.p is None and first.timepoint == last.timepoint \
                    and (is_pair(text, first, last) or respectively_pair(text, first, last) or _arm_contrast(text, first, last)) \
                    and _closes_comparison(text[last.tok.end:p.start]):
                first.p = p.value


def _closes_comparison(gap: str) -> bool:
    """True when a p-value follows a comparison closely: within 90 characters, no ';' outside the brackets it opens."""
    depth = 0
    gap = re.sub(r"[;,]\s*$", "", gap)  # 'A% and B%, respectively; P = 0.03'
    for ch in gap:
        depth += ch in "(["
        depth -= ch in ")]" and depth > 0
        if ch == ";" and depth == 0:
            return False
    return len(gap) <= 90


def _arm_contrast(text: str, first: ValueSlot, second: ValueSlot) -> bool:
    """'34% in the X group and 17% in the Y group': one endpoint, two different arms, joined in one clause."""
    between = text[first.tok.end:second.tok.start]
    return bool(first.arm and second.arm and first.arm != second.arm and len(between) < 90 and ";" not in between
                and _CONTRAST_WORD.search(between))


def _to_readings(text: str, values: list[ValueSlot]) -> list[Reading]:
    out: list[Reading] = []
    for v in values:
        if v.kind == "enrolled":
            out.append(Reading(v.tok.start, v.tok.end, v.tok.text, v.tok.value, "ENROLLED", None, "count", None, v.arm,
                               v.count_rule))
            continue
        if v.kind not in ("measure", "hr", "count") or not v.endpoint:
            continue
        if v.unit == "months" and v.endpoint in RATE_ONLY_ENDPOINTS:
            continue
        if v.kind == "count" and v.statistic != "count":
            continue
        rule = {"hr": "rule:hazard_ratio", "count": v.count_rule or "rule:event_count"}.get(v.kind) or {
            "median": "rule:median", "landmark": "rule:landmark_rate", "rate": "rule:rate"}.get(v.statistic or "", "rule:rate")
        base = Reading(v.tok.start, v.tok.end, v.tok.text, v.tok.value, v.endpoint, v.unit, v.statistic or "rate",
                       v.timepoint, v.arm, rule, v.ci[0] if v.ci else None, v.ci[1] if v.ci else None, v.p)
        out.append(base)
        for code in v.extra_endpoints:
            out.append(replace(base, endpoint=code))
    return out
