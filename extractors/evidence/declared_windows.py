"""The one assessment window a report's methods declare for response ('Response was assessed in marrow on day 28'),
given to its response rates that print none."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from extractors.evidence.numbers import find_windows
from extractors.evidence.rules import BEST_RESPONSE_CUE, DECLARED_RESPONSE_WINDOW, DECLARED_WINDOW_ENDPOINTS
from extractors.nlp.sentences import split_sentences
from schemas.evidence import EvidenceRecord

_DECLARED = re.compile(DECLARED_RESPONSE_WINDOW.pattern, re.IGNORECASE)
_BEST_RESPONSE = re.compile(BEST_RESPONSE_CUE.pattern, re.IGNORECASE)
DECLARED_WINDOW_RULE = "+window_declared"


def declared_window(text: str) -> Optional[str]:
    """The window the text's sentences about assessing response name, when they name exactly one; else None."""
    found: set[str] = set()
    if not _DECLARED.search(text):  # most reports declare none: skip splitting the whole text
        return None
    for start, end in split_sentences(text):
        sentence = text[start:end]
        m = _DECLARED.search(sentence)
        if m:
            found |= {w.code for w in find_windows(sentence[m.start():])}
    return found.pop() if len(found) == 1 else None


def with_declared_window(records: Sequence[EvidenceRecord], window: Optional[str]) -> list[EvidenceRecord]:
    """Response rates without a window take the declared one (a best response, taken over the whole course, does not)."""
    if window is None:
        return list(records)
    return [r.model_copy(update={"timepoint": window, "extractor": r.extractor + DECLARED_WINDOW_RULE})
            if r.statistic == "rate" and r.timepoint is None and r.endpoint in DECLARED_WINDOW_ENDPOINTS
            and not _BEST_RESPONSE.search(r.quote) else r
            for r in records]
