"""A PDFium text page as tokens: word spans found with numpy, loose boxes read in batches (two per plain word)."""
from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import pypdfium2.raw as pdfium_c

WORD_WIDTH_EM = 1.2
"""A word box wider than this many font sizes per character hides a gap, so its glyphs are boxed one by one."""
MIN_BOX_SIZE = 1.0
"""A loose glyph box flatter than this (points) has no usable font metrics; the font size is read instead."""
MIN_NOMINAL_SIZE = 3.0
"""A nominal font size below this is a unit font scaled by the text matrix."""
ANGLE_SAMPLE_STEP = 8
"""Every this-many characters one rotation angle is read to find the page's text direction."""
ANGLE_CHUNK = 64
"""Sampled angles are read this many at a time; reading stops once the leading direction cannot be overtaken."""

_SPACE_LIMIT = 0x3001
"""No code point at or above this is matched by `[\\s\\u00a0]` (U+3000 is the last)."""
_IS_SPACE = np.array([bool(re.match(r"[\s\u00a0]", chr(c))) for c in range(_SPACE_LIMIT)] + [False])
"""Lookup table: which code points separate words (regex `\\s` plus no-break space)."""

_RECT_SIZE = ctypes.sizeof(pdfium_c.FS_RECTF)


def _by_address(function, restype, *argtypes):
    """Rebind a PDFium function to plain address arguments, which ctypes converts faster than typed pointers."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_loose_char_box = _by_address(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
                              ctypes.c_void_p)
font_info = _by_address(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                        ctypes.c_ulong, ctypes.c_void_p)
"""FPDFText_GetFontInfo taking plain addresses (text page, index, name buffer, its length, flags)."""
font_weight = _by_address(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
"""FPDFText_GetFontWeight taking a plain text page address."""
_char_unicode = _by_address(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, ctypes.c_void_p, ctypes.c_int)
_char_angle = _by_address(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float, ctypes.c_void_p, ctypes.c_int)


@dataclass(slots=True)
class TokenArrays:
    """Tokens of a page in content order (a plain word, or one character) with boxes and word-level flags."""

    chars: list[str]
    index: np.ndarray
    x0: np.ndarray
    top: np.ndarray
    x1: np.ndarray
    bottom: np.ndarray
    size: np.ndarray
    word_start: np.ndarray
    """True on a word's first token."""
    after_gap: np.ndarray
    """True on a word's first token when text precedes the word (a space is pending)."""
    line_break: np.ndarray
    """True where a line break lies between the previous token and this one (always on the first)."""
    n_unmapped: int


def page_text(raw_tp, count: int) -> str:
    """Return the page's text with one character per PDFium character index."""
    if count <= 0:
        return ""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(raw_tp, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:  # characters outside the BMP break index alignment; ask PDFium char by char
        address = ctypes.cast(raw_tp, ctypes.c_void_p).value
        text = "".join(map(chr, map(_char_unicode, repeat(address), range(count))))
    return text


def font_size(raw_tp, index: int) -> float:
    """Return a glyph's font size in points, scaling unit-size fonts by the text matrix."""
    size = pdfium_c.FPDFText_GetFontSize(raw_tp, index)
    if size < MIN_NOMINAL_SIZE:
        matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(raw_tp, index, ctypes.byref(matrix))
        size = max(size, 1.0) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
    return max(size, 1.0)


def orientation(angle: float) -> int:
    """Map a glyph's counter-clockwise angle (radians) to the clockwise page turn (0/90/180/270) that makes it upright."""
    if angle < 0:
        return 0
    return (360 - round(math.degrees(angle) / 90) * 90) % 360


def address_of(raw_tp) -> int:
    """Return a PDFium handle as the plain address the rebound functions take."""
    return ctypes.cast(raw_tp, ctypes.c_void_p).value


def char_angles(address: int, indices: list[int]) -> list[float]:
    """Return the rotation angles (radians, or -1) of the characters at `indices` (`address` from address_of)."""
    return list(map(_char_angle, repeat(address), indices))


def char_turn(address: int, index: int) -> int:
    """Return the page turn that makes one character upright (`address` from address_of)."""
    return orientation(_char_angle(address, index))


def text_rotation(raw_tp, count: int) -> int:
    """Return the clockwise turn that makes most of the page's text horizontal, from sampled glyph angles."""
    address = address_of(raw_tp)
    samples = range(0, count, ANGLE_SAMPLE_STEP)
    votes: Counter[int] = Counter()
    for first in range(0, len(samples), ANGLE_CHUNK):
        chunk = samples[first:first + ANGLE_CHUNK]
        # Counted per distinct angle; votes keep the order in which each turn was first seen (ties go to it).
        for angle, n in Counter(map(_char_angle, repeat(address), chunk)).items():
            if angle >= 0:
                votes[orientation(angle)] += n
        ranked = votes.most_common(2)
        left = len(samples) - first - len(chunk)
        if ranked and ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0) > left:
            break  # no remaining sample can change or tie the leader
    return votes.most_common(1)[0][0] if votes else 0


class _BoxReader:
    """Reads loose glyph boxes in displayed page coordinates into page-wide arrays, each index at most once."""

    def __init__(self, raw_tp, count: int, left: float, bottom: float, top: float, width: float, height: float,
                 turn: int):
        self.raw_tp = raw_tp
        self.address = ctypes.cast(raw_tp, ctypes.c_void_p).value
        self.left, self.bottom, self.top = left, bottom, top
        self.width, self.height, self.turn = width, height, turn
        self.x0 = np.zeros(count)
        self.y0 = np.zeros(count)
        self.x1 = np.zeros(count)
        self.y1 = np.zeros(count)
        self.size = np.zeros(count)

    def read(self, indices: np.ndarray) -> None:
        """Fill the arrays at `indices` (the loose box height stands in for the font size)."""
        n = len(indices)
        if not n:
            return
        rects = (ctypes.c_float * (4 * n))()
        base = ctypes.addressof(rects)
        addresses = range(base, base + n * _RECT_SIZE, _RECT_SIZE)
        for _ in map(_loose_char_box, repeat(self.address), indices.tolist(), addresses):
            pass
        raw = np.frombuffer(rects, dtype=np.float32).reshape(n, 4).astype(np.float64)
        r_left, r_top, r_right, r_bottom = raw[:, 0], raw[:, 1], raw[:, 2], raw[:, 3]
        if self.turn == 0:
            x0, top, x1, bottom = r_left - self.left, self.top - r_top, r_right - self.left, self.top - r_bottom
        else:
            x0, top, x1, bottom = _displayed_box(r_left - self.left, r_bottom - self.bottom, r_right - self.left,
                                                 r_top - self.bottom, self.width, self.height, self.turn)
        size = bottom - top
        for k in np.flatnonzero(size < MIN_BOX_SIZE).tolist():
            size[k] = font_size(self.raw_tp, int(indices[k]))
        self.x0[indices], self.y0[indices], self.x1[indices], self.y1[indices] = x0, top, x1, bottom
        self.size[indices] = size


def _displayed_box(l, b, r, t, width: float, height: float, turn: int):
    """Convert user-space boxes (origin bottom-left) to (x0, top, x1, bottom) on the page turned clockwise by `turn`."""
    if turn == 90:
        return b, l, t, r
    if turn == 180:
        return width - r, b, width - l, t
    if turn == 270:
        return height - t, width - r, height - b, width - l
    return l, height - t, r, height - b


def read_tokens(raw_tp, text: str, left: float, bottom: float, top: float, width: float, height: float,
                turn: int) -> TokenArrays:
    """Cut the page text into tokens: one per plain word, one per glyph where sizes, lines or spacing vary inside it."""
    count = len(text)
    shown = text.replace("\ufffe", "-").replace("\x02", "-")  # PDFium's markers for a hyphen it judged to end a line
    codes = np.frombuffer(shown.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = _IS_SPACE[np.minimum(codes, _SPACE_LIMIT)]
    unmapped = ~space & ((codes <= 0x1F) | ((codes >= 0x7F) & (codes <= 0x9F))
                         | ((codes >= 0xE000) & (codes <= 0xF8FF)) | (codes == 0xFFFD))
    filled = np.concatenate(([False], ~space, [False]))
    edges = np.flatnonzero(filled[1:] != filled[:-1])
    starts, ends = edges[0::2], edges[1::2]
    unmapped_before = np.concatenate(([0], np.cumsum(unmapped)))
    has_unmapped = unmapped_before[ends] > unmapped_before[starts]
    lengths = ends - starts

    boxes = _BoxReader(raw_tp, count, left, bottom, top, width, height, turn)
    mapped = ~has_unmapped
    multi = mapped & (lengths > 1)
    boxes.read(np.concatenate((starts[mapped], ends[multi] - 1)))
    first, last = starts[multi], ends[multi] - 1
    first_size = boxes.size[first]
    plain_multi = ((first_size == boxes.size[last]) & (boxes.y0[first] == boxes.y0[last])
                   & (boxes.x0[last] >= boxes.x0[first])
                   & (boxes.x1[last] - boxes.x0[first] <= WORD_WIDTH_EM * first_size * lengths[multi] + first_size))
    plain = mapped.copy()
    plain[np.flatnonzero(multi)[~plain_multi]] = False

    per_char_words = ~plain
    depth = np.zeros(count + 1, dtype=np.int32)
    np.add.at(depth, starts[per_char_words], 1)
    np.add.at(depth, ends[per_char_words], -1)
    char_tokens = (np.cumsum(depth[:count]) > 0) & ~unmapped
    is_token = char_tokens.copy()
    is_token[starts[plain]] = True
    known = np.zeros(count, dtype=bool)
    known[starts[mapped]] = True
    known[ends[multi] - 1] = True
    boxes.read(np.flatnonzero(char_tokens & ~known))

    index = np.flatnonzero(is_token)
    text_end = np.arange(1, count + 1)
    text_end[starts[plain]] = ends[plain]
    box_end = np.arange(count)
    box_end[starts[plain]] = ends[plain] - 1
    token_end = text_end[index]
    chars = [shown[a:b] for a, b in zip(index.tolist(), token_end.tolist())]

    word = np.searchsorted(starts, index, side="right") - 1
    word_start = np.ones(len(index), dtype=bool)
    word_start[1:] = word[1:] != word[:-1]
    after_gap = word_start & (starts[word] > 0)
    breaks_before = np.concatenate(([0], np.cumsum((codes == 10) | (codes == 13))))
    line_break = np.ones(len(index), dtype=bool)
    line_break[1:] = breaks_before[index[1:]] > breaks_before[token_end[:-1]]
    return TokenArrays(chars, index, boxes.x0[index], boxes.y0[index], boxes.x1[box_end[index]], boxes.y1[index],
                       boxes.size[index], word_start, after_gap, line_break, int(unmapped_before[-1]))
