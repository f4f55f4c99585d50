"""Glyph geometry from PDFium text pages (two box look-ups per plain word), grouped into line fragments."""
from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

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
MIN_NOMINAL_SIZE = 3.0
"""A nominal font size below this is a unit font scaled by the text matrix."""


@dataclass(slots=True)
class Glyph:
    """A visible character, or a word whose glyphs share one size and line, with its loose box and font size."""

    char: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    space_before: bool = False
    index: int = -1
    raised: bool = False


@dataclass(slots=True)
class Fragment:
    """Glyphs on one baseline with no wide gap; a line, or one cell/column piece of a line."""

    glyphs: list[Glyph] = field(default_factory=list)
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

    def refresh(self) -> "Fragment":
        """Recompute the box, median font size and median vertical centre from the glyphs."""
        glyphs = self.glyphs
        self.x0 = glyphs[0].x0
        self.x1 = glyphs[-1].x1
        self.top = min(g.top for g in glyphs)
        self.bottom = max(g.bottom for g in glyphs)
        sizes = sorted(g.size for g in glyphs)
        self.size = sizes[len(sizes) // 2]
        mids = sorted((g.top + g.bottom) / 2 for g in glyphs)
        self.mid = mids[len(mids) // 2]
        return self


@dataclass(slots=True)
class PageGlyphs:
    """The fragments of one page plus counts used for status and messages."""

    width: float
    height: float
    fragments: list[Fragment]
    n_chars: int
    n_unmapped: int
    n_rotated: int = 0


FONT_FLAG_ITALIC = 1 << 6
"""PDF font descriptor flag: italic."""
FONT_FLAG_FORCE_BOLD = 1 << 18
"""PDF font descriptor flag: force bold."""
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[.,_-](?:b|bd|bx)$", re.IGNORECASE)
"""Font names that say bold: `Times-Bold`, `AdvOT3b30f6db.B`, `Arial,Bold` (TeX's `CMBX10` is checked apart)."""
ITALIC_NAME = re.compile(r"ital|oblique|slant|[.,_-](?:i|it)$|^cmti", re.IGNORECASE)
"""Font names that say italic: `URWPalladioL-Ital`, `AdvOT0d9ab1db.I`, `Arial-It`."""


def _named_bold(font: str) -> bool:
    return bool(BOLD_NAME.search(font)) or font.lower().startswith("cmbx")


def _named_italic(font: str) -> bool:
    return bool(ITALIC_NAME.search(font))


def read_page(page) -> PageGlyphs:
    """Read the glyphs of a PDFium page with their boxes and sizes, and cut them into fragments."""
    left, bottom, right, top = page.get_bbox()  # honours a MediaBox inherited from the page tree
    textpage = page.get_textpage()
    try:
        raw_tp = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw_tp)
        text = _page_text(raw_tp, count)
        if len(text) != count:  # characters outside the BMP break index alignment; ask PDFium char by char
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw_tp, i)) for i in range(count))
        turn = _text_rotation(raw_tp, count)
        user_width, user_height = right - left, top - bottom
        width, height = (user_height, user_width) if turn in (90, 270) else (user_width, user_height)
        boxer = _Boxer(raw_tp, left, bottom, top, user_width, user_height, turn)
        fragments: list[Fragment] = []
        current: Fragment | None = None
        last: Glyph | None = None
        n_chars = n_rotated = n_unmapped = 0
        same_line_span = 2 * SAME_LINE_EM
        position = 0
        for word in _WORD.finditer(text):
            start, end = word.span()
            gap_text = text[position:start]
            position = end
            if "\r" in gap_text or "\n" in gap_text:
                current = None
            tokens, dropped = boxer.tokens(text, start, end)
            n_unmapped += dropped
            pending_space = bool(gap_text)
            for glyph, index in tokens:
                glyph.index = index
                size = glyph.size
                if current is not None:
                    last_size = last.size
                    em = size if size > last_size else last_size
                    if size == last_size:  # the common case, decided inline for speed
                        same_line = abs(glyph.top + glyph.bottom - last.top - last.bottom) <= same_line_span * em
                    else:
                        same_line = _same_line(glyph.top, glyph.bottom, size, last.top, last.bottom, last_size)
                    # Ligatures expand to glyphs sharing one box, so some overlap with the previous glyph is fine.
                    gap = glyph.x0 - last.x1
                    if same_line and glyph.x0 >= last.x0 - 0.5 * em and gap <= GAP_SPLIT_EM * em:
                        glyph.space_before = pending_space or gap > SPACE_GAP_EM * (size if size < last_size else last_size)
                        current.glyphs.append(glyph)
                        current.last_index = index
                        last = glyph
                        n_chars += len(glyph.char)
                        pending_space = False
                        continue
                if _orientation(pdfium_c.FPDFText_GetCharAngle(raw_tp, index)) != turn:
                    n_rotated += len(glyph.char)  # a sidebar or axis label running across the page's text direction
                    continue
                current = Fragment([glyph], first_index=index, last_index=index)
                fragments.append(current)
                last = glyph
                n_chars += len(glyph.char)
                pending_space = False
        _set_fonts(raw_tp, fragments)
        merged = _merge_same_line(fragments)
        for fragment in merged:
            _mark_superscripts(raw_tp, fragment)
        return PageGlyphs(width, height, merged, n_chars, n_unmapped, n_rotated)
    finally:
        textpage.close()


_WORD = re.compile(r"[^\s\u00a0]+")
_HYPHEN_MARKERS = str.maketrans({"\ufffe": "-", "\x02": "-"})
"""PDFium's markers for a hyphen it judged to end a line."""
_UNMAPPED = re.compile(r"[\x00-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
"""Control characters, private-use code points and U+FFFD: glyphs without a Unicode mapping."""
WORD_WIDTH_EM = 1.2
"""A word box wider than this many font sizes per character hides a gap, so its glyphs are boxed one by one."""


class _Boxer:
    """Boxes words in displayed page coordinates, asking PDFium for two glyph boxes per plain word."""

    def __init__(self, raw_tp, left: float, bottom: float, top: float, width: float, height: float, turn: int):
        self.raw_tp = raw_tp
        self.left, self.bottom, self.top = left, bottom, top
        self.width, self.height, self.turn = width, height, turn
        self.rect = pdfium_c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)

    def box(self, index: int) -> tuple[float, float, float, float, float]:
        """Return (x0, top, x1, bottom, size) of one glyph; the loose box height stands in for the font size."""
        pdfium_c.FPDFText_GetLooseCharBox(self.raw_tp, index, self.rect_ref)
        rect = self.rect
        if self.turn == 0:
            x0, top, x1, bottom = rect.left - self.left, self.top - rect.top, rect.right - self.left, self.top - rect.bottom
        else:
            x0, top, x1, bottom = _displayed_box(rect.left - self.left, rect.bottom - self.bottom, rect.right - self.left,
                                                 rect.top - self.bottom, self.width, self.height, self.turn)
        size = bottom - top
        if size < MIN_BOX_SIZE:
            size = _font_size(self.raw_tp, index)
        return x0, top, x1, bottom, size

    def tokens(self, text: str, start: int, end: int) -> tuple[list[tuple[Glyph, int]], int]:
        """Return one token for a plain word, or one per glyph when sizes, lines or spacing vary inside it."""
        word = text[start:end].translate(_HYPHEN_MARKERS)
        if not _UNMAPPED.search(word):
            first = self.box(start)
            if end - start == 1:
                return [(Glyph(word, first[0], first[1], first[2], first[3], first[4]), start)], 0
            last = self.box(end - 1)
            if (first[4] == last[4] and first[1] == last[1] and last[0] >= first[0]
                    and last[2] - first[0] <= WORD_WIDTH_EM * first[4] * (end - start) + first[4]):
                return [(Glyph(word, first[0], first[1], last[2], first[3], first[4]), start)], 0
        tokens: list[tuple[Glyph, int]] = []
        dropped = 0
        for offset, char in enumerate(word):
            if _UNMAPPED.match(char):
                dropped += 1
                continue
            x0, top, x1, bottom, size = self.box(start + offset)
            tokens.append((Glyph(char, x0, top, x1, bottom, size), start + offset))
        return tokens, dropped


ANGLE_SAMPLE_STEP = 8
"""Every this-many characters one rotation angle is read to find the page's text direction."""
MIN_BOX_SIZE = 1.0
"""A loose glyph box flatter than this (points) has no usable font metrics; the font size is read instead."""


def _page_text(raw_tp, count: int) -> str:
    if count <= 0:
        return ""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(raw_tp, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    return buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", errors="replace")


def _font_size(raw_tp, index: int) -> float:
    """Return a glyph's font size in points, scaling unit-size fonts by the text matrix."""
    size = pdfium_c.FPDFText_GetFontSize(raw_tp, index)
    if size < MIN_NOMINAL_SIZE:
        matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(raw_tp, index, ctypes.byref(matrix))
        size = max(size, 1.0) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
    return max(size, 1.0)


def _orientation(angle: float) -> int:
    """Map a glyph's counter-clockwise angle (radians) to the clockwise page turn (0/90/180/270) that makes it upright."""
    if angle < 0:
        return 0
    return (360 - round(math.degrees(angle) / 90) * 90) % 360


def _text_rotation(raw_tp, count: int) -> int:
    """Return the clockwise turn that makes most of the page's text horizontal, from sampled glyph angles."""
    votes: Counter[int] = Counter()
    for index in range(0, count, ANGLE_SAMPLE_STEP):
        angle = pdfium_c.FPDFText_GetCharAngle(raw_tp, index)
        if angle >= 0:
            votes[_orientation(angle)] += 1
    return votes.most_common(1)[0][0] if votes else 0


def _displayed_box(l: float, b: float, r: float, t: float, width: float, height: float,
                   turn: int) -> tuple[float, float, float, float]:
    """Convert a user-space box (origin bottom-left) to (x0, top, x1, bottom) on the page turned clockwise by `turn`."""
    if turn == 90:
        return b, l, t, r
    if turn == 180:
        return width - r, b, width - l, t
    if turn == 270:
        return height - t, width - r, height - b, width - l
    return l, height - t, r, height - b


def _mark_superscripts(raw_tp, fragment: Fragment) -> None:
    """Flag small raised glyphs (footnote and citation markers); font sizes confirm what box metrics suggest."""
    glyphs = fragment.glyphs
    size = fragment.size
    base = sorted(g.bottom for g in glyphs if g.size >= 0.9 * size)
    if len(base) == len(glyphs) or not base:
        return
    base_bottom = base[len(base) // 2]
    candidates = [g for g in glyphs if g.size <= SUPERSCRIPT_SIZE_RATIO * size
                  and g.bottom < base_bottom - SUPERSCRIPT_RAISE_EM * size]
    if not candidates:
        return
    # Box heights depend on each font's metrics; a glyph in another font can look small without being small.
    reference = next(g for g in glyphs if g.size >= 0.9 * size)
    base_size = _font_size(raw_tp, reference.index)
    for glyph in candidates:
        glyph.raised = _font_size(raw_tp, glyph.index) <= SUPERSCRIPT_SIZE_RATIO * base_size


def _set_fonts(raw_tp, fragments: list[Fragment]) -> None:
    """Fill each fragment's font name, boldness, italics and whether one font runs from its first to last glyph."""
    name_buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for fragment in fragments:
        fonts = []
        first_flags = 0
        for index in (fragment.first_index, fragment.last_index):
            pdfium_c.FPDFText_GetFontInfo(raw_tp, index, name_buffer, 128, ctypes.byref(flags))
            fonts.append(name_buffer.value.decode("latin-1", "replace"))
            if index == fragment.first_index:
                first_flags = flags.value
        fragment.font = fonts[0]
        fragment.uniform = fonts[0] == fonts[1]
        fragment.bold = (pdfium_c.FPDFText_GetFontWeight(raw_tp, fragment.first_index) >= 600
                         or bool(first_flags & FONT_FLAG_FORCE_BOLD) or _named_bold(fragment.font))
        fragment.italic = bool(first_flags & FONT_FLAG_ITALIC) or _named_italic(fragment.font)


def _same_line(top: float, bottom: float, size: float, other_top: float, other_bottom: float,
               other_size: float) -> bool:
    """Equal sizes share a line when their centres are close; a smaller glyph must sit inside the bigger one's band."""
    if abs(size - other_size) <= SIZE_TOLERANCE * max(size, other_size):
        return abs(top + bottom - other_top - other_bottom) <= 2 * SAME_LINE_EM * max(size, other_size)
    if size < other_size:
        return top >= other_top - SCRIPT_OVERHANG * other_size and bottom <= other_bottom + SCRIPT_OVERHANG * other_size
    return other_top >= top - SCRIPT_OVERHANG * size and other_bottom <= bottom + SCRIPT_OVERHANG * size


def _merge_same_line(fragments: list[Fragment]) -> list[Fragment]:
    """Join fragments that sit on one line and touch, whatever order the content stream drew them in."""
    ordered = sorted((f.refresh() for f in fragments), key=lambda f: (round(f.mid), f.x0))
    merged: list[Fragment] = []
    for fragment in ordered:
        host = next((m for m in reversed(merged[-6:]) if _joinable(m, fragment)), None)
        if host is None:
            merged.append(fragment)
            continue
        em = max(host.size, fragment.size, 1.0)
        fragment.glyphs[0].space_before = fragment.glyphs[0].x0 - host.x1 > SPACE_GAP_EM * em
        host.glyphs.extend(fragment.glyphs)
        host.uniform = host.uniform and fragment.uniform and host.font == fragment.font
        host.refresh()
    merged.sort(key=lambda f: (f.top, f.x0))
    return merged


def _joinable(host: Fragment, fragment: Fragment) -> bool:
    em = max(host.size, fragment.size, 1.0)
    if not _same_line(fragment.top, fragment.bottom, fragment.size, host.top, host.bottom, host.size):
        return False
    gap = fragment.x0 - host.x1
    return -0.5 * em <= gap <= GAP_SPLIT_EM * em
