"""Running headers, footers and page numbers: margin lines that repeat across pages."""
from __future__ import annotations

import re

from extractors.pdf.layout import Line

MARGIN_SHARE = 0.1
"""Lines within this share of the page height from the top or bottom edge are margin candidates."""
MARGIN_LINES = 3
"""... and so are the first and last few lines of a page that lie in the outer fifth of the page."""
REPEAT_SHARE = 0.4
"""A margin text (digits ignored) seen on at least this share of pages is a running header or footer."""
PAGE_NUMBER = re.compile(r"^(?:page\s*)?#+(?:\s*(?:of|/)\s*#+)?$|^-\s*#+\s*-$", re.IGNORECASE)
"""Lone page numbers: `3`, `Page 3`, `3 of 17`, `3/17`, `- 3 -` (digits already replaced by #)."""


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip().lower()


def margin_candidates(lines: list[Line], page_height: float) -> list[Line]:
    """Return the lines of one page that sit in its top or bottom margin band."""
    live = sorted((l for l in lines if not l.dropped), key=lambda l: l.top)
    picked: list[Line] = []
    for rank, line in enumerate(live):
        near_top = line.bottom <= MARGIN_SHARE * page_height or (rank < MARGIN_LINES and line.bottom <= 0.2 * page_height)
        if near_top:
            picked.append(line)
    for rank, line in enumerate(reversed(live)):
        near_bottom = line.top >= (1 - MARGIN_SHARE) * page_height or (rank < MARGIN_LINES and line.top >= 0.8 * page_height)
        if near_bottom and line not in picked:
            picked.append(line)
    return picked


def drop_running_lines(pages: list[tuple[list[Line], float]]) -> int:
    """Mark repeating margin lines and lone page numbers as dropped; return how many were dropped."""
    candidates = [margin_candidates(lines, height) for lines, height in pages]
    seen_on: dict[str, set[int]] = {}
    for page_index, lines in enumerate(candidates):
        for line in lines:
            seen_on.setdefault(_key(line.text), set()).add(page_index)
    threshold = max(2, REPEAT_SHARE * len(pages))
    dropped = 0
    for page_index, lines in enumerate(candidates):
        for line in lines:
            key = _key(line.text)
            in_band = line.bottom <= MARGIN_SHARE * pages[page_index][1] or line.top >= (1 - MARGIN_SHARE) * pages[page_index][1]
            if (PAGE_NUMBER.match(key) and in_band) or (len(pages) >= 2 and len(seen_on[key]) >= threshold):
                line.dropped = True
                line.kind = "header" if line.top < pages[page_index][1] / 2 else "footer"
                dropped += 1
    return dropped
