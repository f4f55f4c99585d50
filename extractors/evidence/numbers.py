"""Find numbers, units, timepoints, confidence intervals, p-values and excluded spans in a text."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from extractors.nlp.literal_prefilter import fold, may_match, pattern_needs, text_needs

WORD_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINAL_NUMBERS: dict[str, int] = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
}
"""Ordinals that count cycles or blocks ('after the second cycle'); 'first' is cycle1's own pattern."""
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WORD_NUMBER_RE = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS_WORDS) + r"))?|"
                   + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")")
# 'Seven hundred eighty-seven', 'One thousand two hundred and four': sample sizes spelled at a sentence's start
_COMPOUND_WORD_NUMBER_RE = (r"(?:" + _WORD_NUMBER_RE + r"\s+thousand(?:,?\s+(?:and\s+)?" + _WORD_NUMBER_RE + r"\s+hundred)?"
                            r"(?:,?\s+(?:and\s+)?" + _WORD_NUMBER_RE + r")?|" + _WORD_NUMBER_RE + r"\s+hundred(?:\s+(?:and\s+)?"
                            + _WORD_NUMBER_RE + r")?|" + _WORD_NUMBER_RE + r")")
WORD_NUMBER = re.compile(r"(?<![A-Za-z-])" + _COMPOUND_WORD_NUMBER_RE
                         + r"(?![A-Za-z]|-(?:thirds?|halves|quarters?|fifths?|year|month|week|day))", re.IGNORECASE)

# Digits with an optional decimal part ('.' or the typeset middle dot), thousands commas allowed.
DIGITS = re.compile(r"(?<![\w.·/\-−–+])(\d{1,3}(?:,\d{3})+|\d+)(?:[.·](\d+))?(?![\w·]|\.\d|[-–]\d*[A-Za-z])")

DASH = r"[-–—−]"

_LINE_BREAKS = {ord(c): " " for c in "\n\r\t\x0b\x0c\u2028\u2029\u00a0"}


def one_line(text: str) -> str:
    """The text with every line break and odd space as a plain space, same length (offsets stay valid).

    Layouts break lines in different places; rule patterns written with spaces must match across a break.
    """
    return text.translate(_LINE_BREAKS)
TIME_UNIT = r"(?:years?|yrs?|y|months?|mos?|mo)"


class NumberToken(NamedTuple):
    """A number as printed: span, text and value."""

    start: int
    end: int
    text: str
    value: float
    is_word: bool


def parse_number_text(text: str) -> Optional[float]:
    """Return the value of a printed number ('7·7', '1,234', 'Forty-four'), or None."""
    t = text.strip().lower().replace("·", ".").replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    parts = [p for p in re.split(r"[-\s]+", t) if p and p != "and"]
    if not parts or any(p not in WORD_NUMBERS and p not in ("hundred", "thousand") for p in parts):
        return None
    total = current = 0
    for p in parts:
        if p == "hundred":
            current = (current or 1) * 100
        elif p == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            current += WORD_NUMBERS[p]
    return float(total + current)


def find_numbers(text: str) -> list[NumberToken]:
    """Return digit and word numbers in text order."""
    out: list[NumberToken] = []
    for m in DIGITS.finditer(text):
        value = parse_number_text(m.group(0))
        if value is not None:
            out.append(NumberToken(m.start(), m.end(), m.group(0), value, False))
    for m in WORD_NUMBER.finditer(text):
        value = parse_number_text(m.group(0))
        if value is not None:
            out.append(NumberToken(m.start(), m.end(), m.group(0), value, True))
    out.sort(key=lambda n: n.start)
    return out


class Timepoint(NamedTuple):
    """A landmark time phrase and its normalised code ('2y', '12mo')."""

    start: int
    end: int
    code: str


_TP_NUM = r"(\d+(?:[.·]\d+)?|" + _WORD_NUMBER_RE + r")"
_LANDMARK_LABELS = ("survival", "OS", "EFS", "PFS", "RFS", "DFS", "LFS", "DOR", "response", "remission", "incidence",
                    "mortality", "NRM", "GVHD")
"""Labels a card or table prints before a landmark ('PFS, 24 months: 79.6%')."""
TIMEPOINT_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?<![\w.])" + _TP_NUM + r"(?:\s*" + DASH + r"\s*|(?=[ym]))(years?|yrs?|y|months?|mos?|mo)\b(?=[\s-]*(?:[A-Za-z]+\s+){0,1}(?:overall|event|relapse|disease|progression|leuk|OS\b|EFS|RFS|DFS|PFS|LFS|DOR|duration|survival|rates?\b|estimates?|values\b|figures\b|probabilit|cumulative|incidence|landmark|CR\b|response|remission|non-?relapse|NRM\b|GVHD\b|outcomes?\s*:|results\s*:))",
     "'2-year OS', '12-month duration', '5y OS', '3-year rate', '1-year non-relapse mortality', 'Twelve-month outcomes: EFS "
     "...' (a heading's landmark)"),
    (r"\bat\s+" + _TP_NUM + r"\s*" + DASH + r"?\s*(years?|yrs?|y|months?|mos?|mo)\b(?!\s+(?:of\s+)?follow)",
     "'at 12 months', 'at 1 year'"),
    (r"\b(?:through|until)\s+" + _TP_NUM + r"\s*" + DASH + r"?\s*(years?|yrs?|months?|mos?)\b(?!\s+(?:of\s+)?(?:follow|maintenance|therapy|treatment|consolidation))",
     "'remained free of progression through 30 months': a landmark the patients lasted until"),
    (r"(?<!followed )(?<!extended )(?<!prolonged )(?<!increased )(?<!improved )(?<!delayed )\bby\s+" + _TP_NUM + r"\s*" + DASH + r"?\s*(years?|yrs?|y|months?|mos?|mo)\b(?!\s+(?:of\s+)?(?:follow|maintenance|therapy|treatment|consolidation))",
     "'chronic GVHD by 2 years', 'NRM by 1 year': a cumulative incidence up to that time (not 'followed by 2 years of maintenance')"),
    (r"(?<![\w.])" + _TP_NUM + r"\s*" + DASH + r"?\s*(years?|yrs?|y|months?|mos?|mo)\s+after\s+(?:(?:it|they|the\s+response|response)\s+(?:was|were)\s+(?:first\s+)?(?:documented|achieved|reached)\b|(?:the\s+)?(?:first\s+|initial\s+|onset of\s+)?(?:response|remission|CR\b|infusion|randomi[sz]ation|transplant(?:ation)?|HSCT|landmark|diagnosis|registration|enrol?ment|decision(?:\s+point)?|stopping|discontinuation|cessation|start\s+of\s+(?:therapy|treatment|maintenance)))",
     "'12 months after the first response', '12 months after it was first documented', 'five years after the landmark', "
     "'Three years after the decision point': a "
     "landmark counted from an event"),
    ("(?:" + "|".join(f"(?<={label}{separator})" for label in _LANDMARK_LABELS for separator in (", ", " - ", " – "))
     + ")" + _TP_NUM + r"\s*" + DASH + r"?\s*(years?|yrs?|y|months?|mos?|mo)\b(?=\s*(?:[:,%(]|[-–]\s*%|\d|$))",
     "'Progression-free survival, 24 months: 79.6%', 'EFS, 36 mo, %', 'PFS - 24 mo: 86.8%', 'OS, 3 y 67.4%': a label's "
     "landmark after its comma or dash"),
    (r"(?:(?<=\bOS )|(?<=\bPFS )|(?<=\bEFS )|(?<=\bRFS )|(?<=\bDFS )|(?<=\bLFS )|(?<=\bDOR ))" + _TP_NUM + r"\s*" + DASH
     + r"?\s*(years?|yrs?|y|months?|mos?|mo)\b(?=\s*[:=]?\s*\d)",
     "'PFS 12 mo 44.0%, OS 12 mo 68.2%': a card's endpoint, landmark and value with nothing between"),
    (r"(?:(?<=; )|(?<=: ))" + _TP_NUM + r"\s*" + DASH + r"?\s*(years?|yrs?|y|months?|mos?|mo)(?=\s*[,:]?\s*\d)",
     "'...; 24 mo, 37.5% and 51.9%', '6 months: 67.9%; 12 months: 46.2%', 'all infused patients: 6 months, 72.7%', a card's "
     "'Progression-free: 18 mo 76.1%; 24 mo 69.8%': a "
     "clause opened by a bare landmark restates "
     "the list before it at that time"),
    (r"\b(?:by|at)\s+(?=(?:year|month)\s+" + _TP_NUM + r"\b)(year|month)\s+(?:\d+|" + _WORD_NUMBER_RE + r")\b",
     "'by year three', 'at year 5': a landmark named by its year or month"),
    (r"\b(an?)\s+(year|month)\s+(?:after|from)\s+(?:the\s+)?(?:first\s+|initial\s+)?(?:response|remission|CR\b|infusion|randomi[sz]ation|transplant(?:ation)?|HSCT|diagnosis|registration|enrol?ment)",
     "'A year after randomisation, 58.4 per cent ...': one year counted from an event, the number spelled as an article"),
    (r"(?<![\w.])" + _TP_NUM + r"\s*" + DASH + r"?\s*(years?|months?)\s+(?:out|on)\b(?=\s*,)",
     "'Three years out, 91.6 per cent were alive', 'Two years on, ...': a news story's landmark opening its clause"),
    (r"\b(?:after|within)\s+" + _TP_NUM + r"\s*" + DASH + r"?\s*(years?|yrs?|months?|mos?)\b(?=\s*,|\s+in\s+\d)",
     "'After 3 years, 91.5% of children were alive ...', '... had not got worse after 3 years in 80.5%': a landmark "
     "opening its clause after 'after' or set right before the figure (not 'after 6 months of treatment')"),
)
_TP_RES = tuple(re.compile(p, re.IGNORECASE) for p, _ in TIMEPOINT_PATTERNS)
_TP_NEEDS = tuple(text_needs(rx) for rx in _TP_RES)  # with what their lookbehinds need ("PFS, ")


def timepoint_code(amount: float, unit: str) -> str:
    """Normalise a landmark time: years -> 'Ny', months -> 'Nmo' (as printed, no conversion)."""
    n = int(amount) if float(amount).is_integer() else amount
    return f"{n}y" if unit.lower().startswith("y") else f"{n}mo"


def find_timepoints(text: str) -> list[Timepoint]:
    """Return landmark timepoint phrases in text order."""
    return list(_timepoints(text))


@lru_cache(maxsize=16384)
def _timepoints(text: str) -> tuple[Timepoint, ...]:
    """find_timepoints, kept by text (a clause's are asked for by several readers and by both passes)."""
    out: list[Timepoint] = []
    folded = fold(text)  # a pattern none of whose needed strings the text holds is not run (literal_prefilter)
    for rx, needs in zip(_TP_RES, _TP_NEEDS):
        if not may_match(needs, text, folded):
            continue
        for m in rx.finditer(text):
            amount = 1 if m.group(1).lower() in ("a", "an") else parse_number_text(m.group(1))
            if amount is None or amount <= 0 or amount > 240:
                continue
            if any(t.start <= m.start() < t.end or m.start() <= t.start < m.end() for t in out):
                continue
            out.append(Timepoint(m.start(), m.end(), timepoint_code(amount, m.group(2))))
    out.sort(key=lambda t: t.start)
    return tuple(_with_bare_landmarks(text, out))


_BARE_LANDMARK = re.compile(r"\b(?:by|at)\s+(\d{1,3})(?=\s*(?:[;,)]|\.(?!\d)|$))")
"""'89.3% at 6 months, slipping to 64.3% by 12': a bare number after 'by' or 'at' ending its clause is a landmark in
the unit of the landmark before it in the same text."""


def _with_bare_landmarks(text: str, found: list[Timepoint]) -> list[Timepoint]:
    """The landmarks found plus the bare numbers that take the unit of a landmark printed before them."""
    if not found:
        return found
    extra = []
    for m in _BARE_LANDMARK.finditer(text):
        before = [t for t in found if t.end <= m.start()]
        if before and not any(t.start <= m.start() < t.end for t in found) and 0 < int(m.group(1)) <= 240:
            unit = "years" if before[-1].code.endswith("y") else "months"
            extra.append(Timepoint(m.start(), m.end(), timepoint_code(int(m.group(1)), unit)))
    return sorted(found + extra, key=lambda t: t.start) if extra else found


class Interval(NamedTuple):
    """A confidence interval span with its bounds."""

    start: int
    end: int
    low: float
    high: float


CI_RE = re.compile(r"[(\[;,]?\s*(?:95|90|99)\s*%\s*(?:CI|C\.I\.|confidence interval)\s*[,:=]?\s*(?:of\s+|from\s+)?"
                   r"(\d+(?:[.·]\d+)?)\s*%?\s*(?:" + DASH + r"|to|,)\s*(\d+(?:[.·]\d+)?)\s*%?\s*[)\]]?", re.IGNORECASE)


def find_intervals(text: str) -> list[Interval]:
    """Return '95% CI, a–b' style intervals."""
    out = []
    for m in CI_RE.finditer(text):
        low, high = parse_number_text(m.group(1)), parse_number_text(m.group(2))
        if low is not None and high is not None:
            out.append(Interval(m.start(), m.end(), low, high))
    return out


class PValue(NamedTuple):
    """A p-value span and its number (upper bound for 'p < x')."""

    start: int
    end: int
    value: float


P_RE = re.compile(r"\b[pP]\s*(?:-?value)?\s*([=<>≤≥]|of)\s*(0?[.·]\d+|1(?:[.·]0+)?)")


def find_p_values(text: str) -> list[PValue]:
    """Return 'p = 0.01', 'P < .001' spans."""
    out = []
    for m in P_RE.finditer(text):
        value = parse_number_text(("0" + m.group(2)) if m.group(2)[0] in ".·" else m.group(2))
        if value is not None:
            out.append(PValue(m.start(), m.end(), value))
    return out


# Spans whose numbers are never values: citations, ranges, registry ids, standard errors.
EXCLUDED_SPAN_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]", "reference markers such as [23] or [16,17,18,19]"),
    (r"(?<![\w.])\d+(?:[.·]\d+)?\s*%?\s*(?:" + DASH + r"|to)\s*\d+(?:[.·]\d+)?\s*%?(?=\s*(?:%|years?|months?|days?|weeks?|y\b|\)|,|;|\s|$))(?!\s*(?:patients|of\b))",
     "ranges such as 10–25%, 18–65 or 2 to 24 months are not single values"),
    (r"\bNCT\s?\d{8}\b", "registry numbers"),
    (r"(?<![\d/])(?:[4-9]|10|12)\s*/\s*(?:6|8|10|12)(?=[- ]?(?:HLA|antigen|allele|matched|mismatched|match))",
     "HLA match grades ('a 7/8-matched donor', '8/8 HLA-matched') are no fractions of patients"),
    (r"\b(?:SE|SD|IQR)\s*[=:]?\s*\d+(?:[.·]\d+)?", "standard errors and deviations"),
    (r"±\s*\d+(?:[.·]\d+)?", "the spread after '96.0±1.2%' (a standard error or deviation), not a value"),
    (r"\b(?:19|20)\d{2}\b(?!\s*(?:%|patients|months))", "calendar years"),
    (r"\b\d+(?:st|nd|rd|th)\b", "ordinals such as 64th"),
    (r"\b10\s*[-−–]\s*\d\b", "MRD thresholds printed as 10−3 after the superscript was lost"),
    (r"\b10\s*\^\s*\(?\s*[-−–]?\s*\d+\s*\)?|\b10\s*[Ee]\s*[-−–]\s*\d+\b", "MRD thresholds with a caret or E notation (10^-4, 10^(-4), 1E-4)"),
    (r"(?<![\d.:])\d{1,2}\s*:\s*\d{1,2}(?![\d.:])(?!\s*(?:am|pm|h)\b)", "allocation ratios ('assigned 1:1 to', 'in a 2:1 ratio') are not counts"),
    (r"(?<=\))\s*;\s*[<≤]?\s*0?[.·]\d+(?![\d.·%])", "the p-value closing a table cell after its interval ('0·62 (0·47-0·82); 0·0008')"),
    (r"\(\s*\d+(?:[.·]\d+)?\s*(?:,|to|[-–])\s*(?:NE|NR|NA|not\s+(?:estimable|evaluable|reached))\s*\)",
     "an interval open at the top ('NE (13.0, NE)') holds a bound, not the value"),
)
_EXCLUDED_RES = tuple(re.compile(p) for p, _ in EXCLUDED_SPAN_PATTERNS)


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Return spans whose numbers must not be reported as values."""
    spans = [(m.start(), m.end()) for rx in _EXCLUDED_RES for m in rx.finditer(text)]
    spans += [(i.start, i.end) for i in find_intervals(text)]
    spans += [(p.start, p.end) for p in find_p_values(text)]
    return spans


# Assessment windows of a rate, in GUIDE.md's forms: (pattern, code template, rationale); {n} is the number read.
_WIN_NUM = r"(?P<n>\d+|" + _WORD_NUMBER_RE + r")"
WINDOW_PATTERNS: tuple[tuple[str, str, str], ...] = (
    (r"\b(?:within|during|in|over|after|following|by the end of)\s+(?:the\s+)?(?:first\s+)?" + _WIN_NUM
     + r"\s+(?:[\w-]+\s+)?(?:cycles?|courses?|blocks?)\b", "{n}cycles",
     "'within two cycles', 'within first 2 cycles': the response window counted in cycles"),
    (r"\b(?:within|during|in|after|following|at the end of|by the end of)\s+(?:the\s+)?(?:first|1st|initial|one)\s+"
     r"(?:\d+-(?:week|day)\s+)?(?:(?:treatment|induction|consolidation|post-?randomi[sz]ation|post-?induction|[a-z]+-?based|[a-z]{4,}(?:mab|cel|cept|ib|in|ine|ide|ax|one|ate)|(?-i:[A-Z][a-z]{2,}))\s+)?(?:cycle|course|block)\b|\bafter\s+(?:cycle|course|block)\s+(?:1|one)\b",
     "cycle1", "'after the first cycle', 'after the first post-randomization cycle', 'after the first blinatumomab cycle', "
     "'after the first Ember course' (a regimen's name), 'after cycle 1': the response after one cycle"),
    (r"\b(?:within|by|after(?:\s+only)?|in the first)\s+(?:the\s+)?(?:first\s+)?" + _WIN_NUM
     + r"\s+(?P<u>weeks?|wks?|months?|mos?)\b(?!\s+(?:of\s+)?follow)", "{n}{u}",
     "'within 12 weeks', 'within 3 months', 'after only 2 weeks of therapy', 'within 3 mo' in a table cell"),
    (r"\b(?:at|by|after|on)\s+(?:the\s+end\s+of\s+)?cycle\s+(?P<n>\d+)\b", "cycle{n}",
     "'at cycle 12', 'by the end of cycle 6': an assessment at a numbered cycle"),
    (r"\b(?:within|during|after|following|at the end of|by the end of)\s+(?:the\s+)?(?P<n>"
     + "|".join(ORDINAL_NUMBERS) + r")\s+(?:(?:treatment|induction|consolidation|[a-z]{4,}(?:mab|cel|cept|ib|in|ine|ide|ax|one|ate)|(?-i:[A-Z][a-z]{2,}))\s+)?(?:cycle|course|block)\b",
     "{n}cycles", "'after the second cycle', 'by the end of the third block', 'after the second inotuzumab cycle': the "
     "response after that many cycles"),
    (r"\b(?:after|following|by the end of)\s+(?:block|course)\s+(?P<n>[2-9])\b", "{n}cycles",
     "'after block 2', 'following course 3': the response after that many induction blocks (block 1 is 'cycle1')"),
    (r"\b(?:at|by|on|in)\s+the\s+" + _WIN_NUM + r"[- ](?P<u>weeks?|months?)\s+(?:(?:PET(?:[- ]?CT)?|CT|MRI|marrow|bone[- ]marrow|response|disease)\s+)?"
     r"(?:scans?|assessments?|evaluations?|visits?|restaging|biops(?:y|ies)|aspirates?|time[- ]?points?)\b", "{n}{u}",
     "'at the 3-month scan', 'on the 6-month PET-CT assessment', 'in the 12-month marrow biopsy': a rate read at a "
     "scheduled assessment"),
    (r"\bat\s+" + _WIN_NUM + r"\s+weeks?\b", "{n}wk", "'at 2 weeks': an early assessment (months stay landmark-shaped: 'at 3 months')"),
    (r"\b(?:at|by|on|until|the)?\s*(?:the\s+)?(?:same\s+)?week[- ](?P<n>\d+)\b", "{n}wk",
     "'at week 24', 'the week-24 assessment'"),
    (r"\b(?:at|by)\s+month\s+(?P<n>\d+)\b", "{n}mo", "'at month 3'"),
    (r"(?<![\w–-])(?:study\s+)?day[- ]?\+?(?P<n>\d+)\b(?!\s*(?:[-–]|to)\s*\d)", "d{n}",
     "'on day 29', '(day 85)', 'by day +100' (counted from the transplant): an assessment on a study day; day ranges are schedules"),
    (r"\bend[- ]of[- ](?:the\s+)?(?:[a-z][\w-]*\s+)?(?:re-?)?induction\b|\bEOI\b", "EOI",
     "'at the end of induction', 'at the end of ponatinib induction', 'at the end of reinduction' (a relapse's induction)"),
    (r"\b(?:after|following|on completion of|at completion of)\s+(?:the\s+)?induction\b(?!\s+(?:cycle|course|block|phase\s+\d|with|of|therapy\s+with))",
     "EOI", "'remission after induction was 97.5%': the response assessed once induction is over"),
    (r"\bend[- ]of[- ](?:the\s+)?(?:study\s+|combination\s+|fixed-duration\s+|planned\s+|all\s+)?(?:treatment|therapy)\b|\bEOT\b"
     r"|\b(?:at|after|on)\s+(?:the\s+)?completion\s+of\s+(?:the\s+)?(?:study\s+)?(?:treatment|therapy)\b", "EOT",
     "'at the end of treatment', 'at the end of combination treatment', 'at completion of therapy'"),
)
_WINDOW_RES = tuple((re.compile(p, re.IGNORECASE), code) for p, code, _ in WINDOW_PATTERNS)


def _window_code(m: re.Match, code: str) -> Optional[str]:
    if "{n}" not in code:
        return code
    amount = parse_number_text(m.group("n")) or ORDINAL_NUMBERS.get(m.group("n").lower())
    if amount is None or amount <= 0 or amount > 400 or not float(amount).is_integer():
        return None
    n = int(amount)
    if code == "{n}cycles":
        return "cycle1" if n == 1 else f"{n}cycles"
    if code == "{n}{u}":
        return f"{n}wk" if m.group("u").lower().startswith("w") else f"{n}mo"
    return code.format(n=n)


def find_windows(text: str) -> list[Timepoint]:
    """Return assessment-window phrases ('within two cycles' -> 2cycles, 'on day 29' -> d29) in text order."""
    out: list[Timepoint] = []
    folded = fold(text)  # a pattern none of whose needed strings the text holds is not run (literal_prefilter)
    for rx, code in _WINDOW_RES:
        if not may_match(pattern_needs(rx), text, folded):
            continue
        for m in rx.finditer(text):
            value = _window_code(m, code)
            if value and not any(t.start < m.end() and m.start() < t.end for t in out):
                out.append(Timepoint(m.start(), m.end(), value))
    out.sort(key=lambda t: t.start)
    return out
