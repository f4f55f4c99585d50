"""PDFium page tokens grouped into line fragments, with fonts, superscripts and same-line merges."""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

import numpy as np
import pypdfium2.raw as pdfium_c

from extractors.pdf.page_tokens import (TokenArrays, address_of, char_angles, char_turn, font_info, font_size,
                                         font_weight, orientation, page_text, read_tokens, text_rotation)

GAP_SPLIT_EM = 0.8
"""A gap wider than this many sizes splits a line into fragments (gutter, table cell); layout rejoins wide spaces.

Sizes here are loose glyph box heights (font ascent to descent), about 1.2 font sizes.
"""
SPACE_GAP_EM = 0.2
"""A gap wider than this many sizes between glyphs is read as a word space."""
SAME_LINE_EM = 0.3
"""Glyphs of one size whose vertical centres differ by less than this many sizes share a line."""
SIZE_TOLERANCE = 0.15
"""Glyph sizes within this fraction count as one size for line grouping."""
SCRIPT_OVERHANG = 0.25
"""A smaller glyph (superscript, subscript) joins a line if it sticks out of the line's band by less than this."""

SUPERSCRIPT_SIZE_RATIO = 0.8
"""A glyph at most this fraction of its line's font size ..."""
SUPERSCRIPT_RAISE_EM = 0.15
"""... whose box bottom sits this many sizes above the line's is a superscript."""


@dataclass(slots=True)
class Tokens:
    """A page's tokens in content order as parallel lists: a plain word, or one character, with its loose box and size."""

    chars: list[str]
    x0: list[float]
    top: list[float]
    x1: list[float]
    bottom: list[float]
    size: list[float]
    index: list[int]
    space_before: list[bool]
    raised: list[bool]

    @classmethod
    def empty(cls) -> "Tokens":
        return cls([], [], [], [], [], [], [], [], [])


@dataclass(slots=True)
class Fragment:
    """Tokens on one baseline with no wide gap; a line, or one cell/column piece of a line."""

    tokens: list[int] = field(default_factory=list)
    first_index: int = -1
    last_index: int = -1
    bold: bool = False
    italic: bool = False
    font: str = ""
    uniform: bool = True

    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    mid: float = 0.0
    min_size: float = 0.0
    some_raised: bool = False

    def refresh(self, page: Tokens) -> "Fragment":
        """Recompute the box, median font size and median vertical centre from the tokens."""
        tokens = self.tokens
        tops = [page.top[t] for t in tokens]
        bottoms = [page.bottom[t] for t in tokens]
        sizes = sorted(page.size[t] for t in tokens)
        self.x0 = page.x0[tokens[0]]
        self.x1 = page.x1[tokens[-1]]
        self.top = min(tops)
        self.bottom = max(bottoms)
        self.size = sizes[len(sizes) // 2]
        self.min_size = sizes[0]
        mids = sorted((t + b) / 2 for t, b in zip(tops, bottoms))
        self.mid = mids[len(mids) // 2]
        return self


@dataclass(slots=True)
class PageGlyphs:
    """The fragments of one page, the tokens they index, and counts used for status and messages."""

    width: float
    height: float
    fragments: list[Fragment]
    n_chars: int
    n_unmapped: int
    n_rotated: int = 0
    tokens: Tokens = field(default_factory=Tokens.empty)


FONT_FLAG_ITALIC = 1 << 6
"""PDF font descriptor flag: italic."""
FONT_FLAG_FORCE_BOLD = 1 << 18
"""PDF font descriptor flag: force bold."""
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[.,_-](?:b|bd|bx)$", re.IGNORECASE)
"""Font names that say bold: `Times-Bold`, `AdvOT3b30f6db.B`, `Arial,Bold` (TeX's `CMBX10` is checked apart)."""
ITALIC_NAME = re.compile(r"ital|oblique|slant|[.,_-](?:i|it)$|^cmti", re.IGNORECASE)
"""Font names that say italic: `URWPalladioL-Ital`, `AdvOT0d9ab1db.I`, `Arial-It`."""


@lru_cache(maxsize=1024)
def _named_bold(font: str) -> bool:
    return bool(BOLD_NAME.search(font)) or font.lower().startswith("cmbx")


@lru_cache(maxsize=1024)
def _named_italic(font: str) -> bool:
    return bool(ITALIC_NAME.search(font))


def read_page(page) -> PageGlyphs:
    """Read the glyphs of a PDFium page with their boxes and sizes, and cut them into fragments."""
    left, bottom, right, top = page.get_bbox()  # honours a MediaBox inherited from the page tree
    textpage = page.get_textpage()
    try:
        raw_tp = textpage.raw
        text = page_text(raw_tp, pdfium_c.FPDFText_CountChars(raw_tp))
        turn = text_rotation(raw_tp, len(text))
        user_width, user_height = right - left, top - bottom
        width, height = (user_height, user_width) if turn in (90, 270) else (user_width, user_height)
        if not text:
            return PageGlyphs(width, height, [], 0, 0, 0)
        arrays = read_tokens(raw_tp, text, left, bottom, top, user_width, user_height, turn)
        tokens = Tokens(arrays.chars, arrays.x0.tolist(), arrays.top.tolist(), arrays.x1.tolist(),
                        arrays.bottom.tolist(), arrays.size.tolist(), arrays.index.tolist(),
                        [False] * len(arrays.chars), [False] * len(arrays.chars))
        fragments, n_rotated = _link_tokens(raw_tp, arrays, tokens, turn)
        n_chars = sum(map(len, tokens.chars)) - n_rotated
        _refresh_all(fragments, arrays)
        _set_fonts(raw_tp, fragments)
        merged = _merge_same_line(fragments, tokens)
        for fragment in merged:
            _mark_superscripts(raw_tp, fragment, tokens)
        return PageGlyphs(width, height, merged, n_chars, arrays.n_unmapped, n_rotated, tokens)
    finally:
        textpage.close()


def _link_tokens(raw_tp, arrays: TokenArrays, tokens: Tokens, turn: int) -> tuple[list[Fragment], int]:
    """Chain tokens into fragments: a token joins the previous one when it sits on its line without a wide gap.

    Every pair of neighbours is judged at once; from the first fragment start that runs across the page's text
    direction (skipped, so later tokens compare with an earlier one) the chain is walked token by token.
    """
    x0, top, x1, bottom, size = arrays.x0, arrays.top, arrays.x1, arrays.bottom, arrays.size
    n = len(x0)
    joins = np.zeros(n, dtype=bool)
    space_before = np.zeros(n, dtype=bool)
    if n > 1:
        cur = slice(1, None)
        prev = slice(None, -1)
        s, ls = size[cur], size[prev]
        em = np.maximum(s, ls)
        centre_gap = np.abs(top[cur] + bottom[cur] - top[prev] - bottom[prev])
        close_sizes = np.abs(s - ls) <= SIZE_TOLERANCE * em
        same_line = np.where(
            (s == ls) | close_sizes, centre_gap <= 2 * SAME_LINE_EM * em,
            np.where(s < ls,
                     (top[cur] >= top[prev] - SCRIPT_OVERHANG * ls) & (bottom[cur] <= bottom[prev] + SCRIPT_OVERHANG * ls),
                     (top[prev] >= top[cur] - SCRIPT_OVERHANG * s) & (bottom[prev] <= bottom[cur] + SCRIPT_OVERHANG * s)))
        gap = x0[cur] - x1[prev]
        joins[1:] = same_line & (x0[cur] >= x0[prev] - 0.5 * em) & (gap <= GAP_SPLIT_EM * em) & ~arrays.line_break[1:]
        space_before[1:] = joins[1:] & (arrays.after_gap[1:] | (gap > SPACE_GAP_EM * np.minimum(s, ls)))
    tokens.space_before = space_before.tolist()
    starts = np.flatnonzero(~joins).tolist()
    index = tokens.index
    angles = char_angles(address_of(raw_tp), [index[start] for start in starts])
    turns = {angle: orientation(angle) for angle in angles}
    fragments: list[Fragment] = []
    for k, start in enumerate(starts):
        if turns[angles[k]] != turn:
            return _link_from(raw_tp, arrays, tokens, turn, fragments, start)
        end = starts[k + 1] if k + 1 < len(starts) else n
        fragments.append(Fragment(list(range(start, end)), first_index=index[start], last_index=index[end - 1]))
    return fragments, 0


def _link_from(raw_tp, arrays: TokenArrays, tokens: Tokens, turn: int, fragments: list[Fragment],
               start: int) -> tuple[list[Fragment], int]:
    """Continue chaining token by token from `start`, skipping tokens that run across the text direction."""
    chars, x0, top, x1, bottom, size, index = (tokens.chars, tokens.x0, tokens.top, tokens.x1, tokens.bottom,
                                               tokens.size, tokens.index)
    word_start, after_gap, line_break = (arrays.word_start.tolist(), arrays.after_gap.tolist(),
                                         arrays.line_break.tolist())
    space_before = tokens.space_before
    for t in range(start, len(chars)):
        space_before[t] = False
    current = fragments[-1] if fragments and not line_break[start] else None
    last = start - 1
    pending_space = after_gap[start]
    n_rotated = 0
    same_line_span = 2 * SAME_LINE_EM
    address = address_of(raw_tp)
    for t in range(start, len(chars)):
        if word_start[t]:
            pending_space = after_gap[t]
        if line_break[t]:
            current = None
        glyph_size = size[t]
        if current is not None:
            last_size = size[last]
            em = glyph_size if glyph_size > last_size else last_size
            if glyph_size == last_size:
                same_line = abs(top[t] + bottom[t] - top[last] - bottom[last]) <= same_line_span * em
            else:
                same_line = _same_line(top[t], bottom[t], glyph_size, top[last], bottom[last], last_size)
            gap = x0[t] - x1[last]
            if same_line and x0[t] >= x0[last] - 0.5 * em and gap <= GAP_SPLIT_EM * em:
                space_before[t] = pending_space or gap > SPACE_GAP_EM * (glyph_size if glyph_size < last_size else last_size)
                current.tokens.append(t)
                current.last_index = index[t]
                last = t
                pending_space = False
                continue
        if char_turn(address, index[t]) != turn:
            n_rotated += len(chars[t])  # a sidebar or axis label running across the page's text direction
            continue
        current = Fragment([t], first_index=index[t], last_index=index[t])
        fragments.append(current)
        last = t
        pending_space = False
    return fragments, n_rotated


def _refresh_all(fragments: list[Fragment], arrays: TokenArrays) -> None:
    """Set every fragment's box, median size, smallest size and median vertical centre in one numpy pass."""
    if not fragments:
        return
    order = np.fromiter(chain.from_iterable(f.tokens for f in fragments), dtype=np.intp)
    lengths = np.fromiter((len(f.tokens) for f in fragments), dtype=np.intp, count=len(fragments))
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    segment = np.repeat(np.arange(len(fragments)), lengths)
    tops, bottoms, sizes = arrays.top[order], arrays.bottom[order], arrays.size[order]
    top = np.minimum.reduceat(tops, offsets).tolist()
    bottom = np.maximum.reduceat(bottoms, offsets).tolist()
    sorted_sizes = sizes[np.lexsort((sizes, segment))]
    mids = (tops + bottoms) / 2
    sorted_mids = mids[np.lexsort((mids, segment))]
    middle = offsets + lengths // 2
    size = sorted_sizes[middle].tolist()
    min_size = sorted_sizes[offsets].tolist()
    mid = sorted_mids[middle].tolist()
    x0 = arrays.x0[order[offsets]].tolist()
    x1 = arrays.x1[order[offsets + lengths - 1]].tolist()
    for k, fragment in enumerate(fragments):
        fragment.x0, fragment.x1, fragment.top, fragment.bottom = x0[k], x1[k], top[k], bottom[k]
        fragment.size, fragment.min_size, fragment.mid = size[k], min_size[k], mid[k]


def _mark_superscripts(raw_tp, fragment: Fragment, page: Tokens) -> None:
    """Flag small raised glyphs (footnote and citation markers); font sizes confirm what box metrics suggest."""
    size = fragment.size
    if fragment.min_size >= 0.9 * size:
        return
    tokens = fragment.tokens
    sizes, bottoms = page.size, page.bottom
    base = sorted(bottoms[t] for t in tokens if sizes[t] >= 0.9 * size)
    if not base:
        return
    base_bottom = base[len(base) // 2]
    candidates = [t for t in tokens if sizes[t] <= SUPERSCRIPT_SIZE_RATIO * size
                  and bottoms[t] < base_bottom - SUPERSCRIPT_RAISE_EM * size]
    if not candidates:
        return
    # Box heights depend on each font's metrics; a glyph in another font can look small without being small.
    reference = next(t for t in tokens if sizes[t] >= 0.9 * size)
    base_size = font_size(raw_tp, page.index[reference])
    for t in candidates:
        page.raised[t] = font_size(raw_tp, page.index[t]) <= SUPERSCRIPT_SIZE_RATIO * base_size
    fragment.some_raised = any(page.raised[t] for t in candidates)


def _set_fonts(raw_tp, fragments: list[Fragment]) -> None:
    """Fill each fragment's font name, boldness, italics and whether one font runs from its first to last glyph."""
    name_buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    address, name_address, flags_address = address_of(raw_tp), ctypes.addressof(name_buffer), ctypes.addressof(flags)
    for fragment in fragments:
        first = fragment.first_index
        font_info(address, first, name_address, 128, flags_address)
        font = name_buffer.value
        first_flags = flags.value
        if fragment.last_index != first:
            font_info(address, fragment.last_index, name_address, 128, flags_address)
        fragment.uniform = font == name_buffer.value
        fragment.font = name = _font_name(font)
        fragment.bold = (bool(first_flags & FONT_FLAG_FORCE_BOLD) or _named_bold(name)
                         or font_weight(address, first) >= 600)
        fragment.italic = bool(first_flags & FONT_FLAG_ITALIC) or _named_italic(name)


@lru_cache(maxsize=1024)
def _font_name(raw: bytes) -> str:
    return raw.decode("latin-1", "replace")


def _same_line(top: float, bottom: float, size: float, other_top: float, other_bottom: float,
               other_size: float) -> bool:
    """Equal sizes share a line when their centres are close; a smaller glyph must sit inside the bigger one's band."""
    if abs(size - other_size) <= SIZE_TOLERANCE * max(size, other_size):
        return abs(top + bottom - other_top - other_bottom) <= 2 * SAME_LINE_EM * max(size, other_size)
    if size < other_size:
        return top >= other_top - SCRIPT_OVERHANG * other_size and bottom <= other_bottom + SCRIPT_OVERHANG * other_size
    return other_top >= top - SCRIPT_OVERHANG * size and other_bottom <= bottom + SCRIPT_OVERHANG * size


def _merge_same_line(fragments: list[Fragment], page: Tokens) -> list[Fragment]:
    """Join fragments that sit on one line and touch, whatever order the content stream drew them in."""
    ordered = sorted(fragments, key=lambda f: (round(f.mid), f.x0))
    merged: list[Fragment] = []
    for fragment in ordered:
        size, x0 = fragment.size, fragment.x0
        for host in reversed(merged[-6:]):
            # _joinable inlined: the gap test rejects most candidates before _same_line is asked.
            host_size = host.size
            em = host_size if host_size > size else size
            if em < 1.0:
                em = 1.0
            gap = x0 - host.x1
            if (-0.5 * em <= gap <= GAP_SPLIT_EM * em
                    and _same_line(fragment.top, fragment.bottom, size, host.top, host.bottom, host_size)):
                break
        else:
            merged.append(fragment)
            continue
        em = max(host.size, fragment.size, 1.0)
        page.space_before[fragment.tokens[0]] = fragment.x0 - host.x1 > SPACE_GAP_EM * em
        host.tokens.extend(fragment.tokens)
        host.uniform = host.uniform and fragment.uniform and host.font == fragment.font
        host.refresh(page)
    merged.sort(key=lambda f: (f.top, f.x0))
    return merged

