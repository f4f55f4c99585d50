"""Forward links from a value to the endpoint it reports: '76% were MRD negative', 'nine patients developed CRS'."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from extractors.evidence.endpoints import EndpointMention
from extractors.evidence.rules import OUTCOME_VERB, PATIENT_NOUNS

_I = re.IGNORECASE
_MEASURE_LINK = re.compile(r"^\s*(?:%|per ?cent|months?)?\s*(?:[;,]\s*(?:95\s*%\s*)?CI\b[^()\[\];]{0,40})?\)?\s*(?:[(\[]\s*\d+\s*(?:/|of|out of)\s*\d+\s*[)\]]\s*)?(?:of\s+(?:the\s+|these\s+|all\s+|whom\b|them\b)?[^,;()\d]{0,60}?\s*|(?:[a-z][\w-]*\s+)?" + PATIENT_NOUNS + r"\s+)?(?:\b(?:who|that|which)\s+)?(?:\b(?:also|then|subsequently|finally|successfully|eventually)\s+)?"
                           + OUTCOME_VERB.pattern + r"[^;,()\d]{0,50}?(?:,\s*(?:defined|counted|scored|classed)\s+as\s+(?:an?\s+)?)?$", _I)
"""'76% were MRD negative', '18 of 28 (64.3%) responders became MRD-negative', '57 of 72 (79.2%; 95% CI, 68.0-87.8)
were in complete metabolic response', '(90.3%; 95% CI 74.2-98.0) were in remission, defined as CR or CRi'."""
_COUNT_LINK = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:(?:out\s+)?of\s+(?:the\s+|them\b\s*|these\s+)?(?:\d+\s+)?)?(?:[\w/+\-]+\s+){0,4}?"
                         r"(?:with\s+(?:grade\s+\w+\s+)?|(?:[^;,()\d]{0,40}?)(?:\b(?:also|then)\s+)?" + OUTCOME_VERB.pattern + r"[^;,()\d]{0,50}?|)$", _I)
_DIRECT_ENDPOINT = re.compile(r"^\s*(?:%|per ?cent|months?)?\s*\)?\s*(?:[(\[]\s*95\s*%\s*CI[^()\[\]]{0,50}[)\]]\s*)?(?:of\s+(?:the\s+)?(?:patients|children|adults)\s+)?$", _I)
"""'78% molecular response', 'A 44% (95% CI 32-57) complete response rate', 'left 58.2% of patients alive': the endpoint
directly after the value."""
_OF_THEM_WITH = re.compile(r"^\s*(?:%|per ?cent)?\s*\)?\s*(?:of\s+(?:them|these|whom)\s+)?(?:with|in)\s+(?:an?\s+)?$", _I)
"""'63 (33%) of them with CR and 18 (9%) with CRh', 'including 15 (34.1%) in CR': each share names its own endpoint
after 'with' or 'in'."""
_LEAD_VERB_ENDPOINT = re.compile(r"(?:proceed|went|bridged|receiv|underw|undergo|died|(?:were|was|remained|are|is) (?:still )?alive)", _I)
_LEAD_VERB_GAP = re.compile(r"\s*(?:%|per ?cent|months?)?\s*\)?\s*(?:of\s+(?:the\s+|all\s+)?(?:[\w\-]+\s+){0,5}?|(?:(?!among\b|in\b|with\b)[A-Za-z/+\-]+\s+){0,3}?)", _I)


def endpoint_after(text: str, start: int, stop: int, endpoints: Sequence[EndpointMention], limit: int = 90,
                    count: bool = False) -> Optional[EndpointMention]:
    """The endpoint a value links to forward: '76% were MRD negative', '(46%) received alloHSCT', '78% molecular response'."""
    for ep in endpoints:
        if ep.start < start or ep.start > stop or ep.start - start > limit or ep.population:
            continue
        between = text[start:ep.start]
        if not count and (_DIRECT_ENDPOINT.match(between) or _OF_THEM_WITH.match(between)):
            return ep
        link = _COUNT_LINK if count else _MEASURE_LINK
        if link.match(between):
            return ep
        if _LEAD_VERB_ENDPOINT.match(ep.text) and _LEAD_VERB_GAP.fullmatch(between):
            return ep
        return None
    return None
