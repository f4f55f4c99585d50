"""Running headers, footers and page numbers: margin lines that repeat across pages."""
from __future__ import annotations

import re
from collections import Counter

from extractors.pdf.layout import Line, find_gutter, merge_pieces, row_pieces

MARGIN_SHARE = 0.1
"""Lines within this share of the page height from the top or bottom edge are margin candidates."""
MARGIN_LINES = 3
"""... and so are the first and last few lines of a page that lie in the outer fifth of the page."""
REPEAT_SHARE = 0.4
"""A margin text (digits ignored) seen on at least this share of pages is a running header or footer."""
SET_OFF_EM = 0.5
"""A page number sharing a row with a running head is set off by a gap this many sizes wider than any word gap."""
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
    """Mark repeating margin lines and lone page numbers as dropped; return how many pieces were dropped."""
    # Justified lines come as word pieces; judge whole rejoined lines so a word alone never reads as a page number.
    whole_pages: list[tuple[list[Line], float]] = []
    pieces_of: dict[int, list[Line]] = {}
    for lines, height in pages:
        live = [l for l in lines if not l.dropped]
        whole: list[Line] = []
        gutter = find_gutter(live)
        for pieces in row_pieces(live, () if gutter is None else (gutter,)):
            line = merge_pieces(pieces)
            pieces_of[id(line)] = pieces
            whole.append(line)
        whole_pages.append((whole, height))
    candidates = [margin_candidates(lines, height) for lines, height in whole_pages]
    seen_on: dict[str, set[int]] = {}
    for page_index, lines in enumerate(candidates):
        for line in lines:
            seen_on.setdefault(_key(line.text), set()).add(page_index)
    threshold = max(2, REPEAT_SHARE * len(pages))
    dropped = 0
    set_off: list[tuple[int, Line, Line]] = []
    for page_index, lines in enumerate(candidates):
        height = pages[page_index][1]
        for line in lines:
            key = _key(line.text)
            in_band = line.bottom <= MARGIN_SHARE * height or line.top >= (1 - MARGIN_SHARE) * height
            if (PAGE_NUMBER.match(key) and in_band) or (len(pages) >= 2 and len(seen_on[key]) >= threshold):
                dropped += _drop(pieces_of[id(line)], line, height)
            elif in_band:
                set_off += [(page_index, line, piece) for piece in _set_off_numbers(pieces_of[id(line)])]
    # A number beside a running head is a page number only if it runs with the page index (a constant offset).
    offsets = Counter(_number(piece.text) - page_index for page_index, _, piece in set_off)
    offset, count = offsets.most_common(1)[0] if offsets else (0, 0)
    for page_index, line, piece in set_off:
        if count >= 2 and _number(piece.text) - page_index == offset:
            dropped += _drop([piece], line, pages[page_index][1])
    return dropped


def _drop(pieces: list[Line], line: Line, height: float) -> int:
    """Mark pieces of a margin line dropped, as header or footer by the line's half of the page."""
    for piece in pieces:
        piece.dropped = True
        piece.kind = "header" if line.top < height / 2 else "footer"
    return len(pieces)


def _number(text: str) -> int:
    return int(re.search(r"\d+", text).group())


def _set_off_numbers(pieces: list[Line]) -> list[Line]:
    """Return a lone page-number-like piece at either end of a row when a gap wider than the row's word gaps sets it off."""
    if len(pieces) < 2:
        return []
    gaps = [b.x0 - a.x1 for a, b in zip(pieces, pieces[1:])]
    size = max(p.size for p in pieces)
    found = []
    for piece, gap, others in ((pieces[0], gaps[0], gaps[1:]), (pieces[-1], gaps[-1], gaps[:-1])):
        if (PAGE_NUMBER.match(_key(piece.text)) and gap > SET_OFF_EM * size
                and all(gap > other + SET_OFF_EM * size for other in others)):
            found.append(piece)
    return found
