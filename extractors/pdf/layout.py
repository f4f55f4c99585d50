"""Page layout: line text with superscript markers removed, column detection, blocks and reading order."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Sequence

from extractors.pdf.chars import Fragment, PageGlyphs, Tokens
from extractors.pdf.textclean import clean_chars

EXPONENT_AFTER = re.compile(r"(?:^|[^\d.,])10$|(?:^|[\s/\u00b7\u00d7(])(?:[cdkm\u00b5\u03bc]?m|[mk]?g|s|min|h|[m\u00b5\u03bc]?L)$")
"""A raised number after a bare `10` (10^-3) or a unit (m^2, kg/m^2, s^-1) is an exponent and stays inline."""
EXPONENT = re.compile(r"^[\u2212\-\u2013+]?\d{1,2}$")
"""A raised integer with an optional sign, the shape of an exponent."""
MIN_COLUMN_LINES = 4
"""A column needs at least this many lines on each side of a gutter."""
MIN_COLUMN_SHARE = 0.2
"""... and each side must hold at least this share of the lines that keep to one side ..."""
MIN_SIDED_SHARE = 0.3
"""... and those lines must be at least this share of the page (the rest are full width)."""
MIN_ALIGNED_SHARE = 0.3
"""A column right of a gutter starts most rows at one left edge; word-gap rivers of one justified column do not."""
MAX_SHORT_COLUMN_CROSSING = 0.1
"""A column shorter than MIN_COLUMN_SHARE counts only when at most this share of the page's lines cross the gutter ..."""
MIN_SHORT_COLUMN_ALIGNED = 0.8
"""... and this share of its rows start at one left edge."""
WIDER_SIDE_RATIO = 1.6
"""A side of the first gutter this much wider than the other may hold two columns (a three-column poster)."""
MIN_INNER_COLUMN_SHARE = 0.1
"""A poster's third column may be short (a few 'Conclusions' bullets): within one side, a smaller share suffices."""
MIN_INNER_COLUMN_LINES = 2
"""... and a short last column (the end of one bullet list, three lines) is one when no line crosses the band before it."""
CLEAN_GUTTER_EM = 1.5
"""The empty band before such a short column is at least this many font sizes wide (a word space is far less)."""
ALIGN_TOLERANCE = 1.0
"""Row starts within this many points share a left edge."""
REJOIN_GAP_EM = 1.6
"""Pieces of a row closer than this many sizes are one line cut at a stretched space (unless the gutter lies between)."""
FOOTNOTE_SIZE_RATIO = 0.85
"""Column text this much smaller than body text is a footnote or side note, which floats."""
PARAGRAPH_GAP_EM = 0.55
"""A vertical gap wider than this many font sizes between lines starts a new block."""
PARAGRAPH_EXTRA_EM = 0.25
"""... and so does a line-to-line step this many sizes beyond the column's usual pitch (fonts with tall boxes)."""
MIN_PITCH_STEPS = 3
"""The usual pitch of a column is read from at least this many line steps."""
INDENT_EM = 0.8
"""A first line indented by more than this many font sizes starts a new paragraph."""
SIZE_CHANGE = 0.12
"""Lines whose font sizes differ by more than this fraction belong to different blocks."""

BULLETS = frozenset("\u2022\u25aa\u25e6\u2023\u25cf\u2013-*")
"""A line opening with one of these is a list item, whose wrapped lines hang indented under its text."""
CAPTION_START = re.compile(r"^(?:Table|Figure|Fig\.|Supplementary (?:Table|Figure)|Box|Scheme|Chart)\s*[A-Z]?\d+[A-Za-z]?\s*[.:|\u2014\u2013-]")
"""A block opening with `Table 2.` / `Figure 1:` / `Fig. 3.` is a caption."""
NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,4}\.)\s+[A-Z][^.;]*$")
"""`2.3. Title`, `3 Results`, `IV. Discussion`: a numbered section heading (no sentence period, no semicolon)."""
MAX_HEADING_WORDS = 14
"""Headings are short; longer lines are text."""
MAX_WRAPPED_HEADING_WORDS = 24
"""A heading wrapped over lines stays short too; a longer run is a paragraph with a run-in heading ('5.1 Title Text ...')."""
MAX_HEADING_COMMAS = 2
"""A styled line with this many commas is an author or keyword list, not a heading."""


@dataclass(slots=True)
class Line:
    """One fragment of a page rendered as text, with geometry and style."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    text: str
    font: str = ""
    uniform: bool = True
    italic: bool = False
    column: int = 0
    kind: str = "body"
    dropped: bool = False
    n_cid: int = 0


@dataclass(slots=True)
class LayoutBlock:
    """Lines grouped into one paragraph, heading, caption or table region."""

    page: int
    column: int
    kind: str
    lines: list[Line] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (
            round(min(l.x0 for l in self.lines), 2),
            round(min(l.top for l in self.lines), 2),
            round(max(l.x1 for l in self.lines), 2),
            round(max(l.bottom for l in self.lines), 2),
        )

    @property
    def top(self) -> float:
        return min(l.top for l in self.lines)


def fragment_text(fragment: Fragment, page: Tokens) -> str:
    """Render a fragment's tokens as text, dropping superscript markers and keeping powers of ten."""
    tokens = fragment.tokens
    chars, space_before = page.chars, page.space_before
    raised = [page.raised[t] for t in tokens] if fragment.some_raised else None
    if raised is None or all(raised):
        return chars[tokens[0]] + "".join([" " + chars[t] if space_before[t] else chars[t] for t in tokens[1:]])
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        if not raised[i]:
            t = tokens[i]
            out.append((" " if space_before[t] and out else "") + chars[t])
            i += 1
            continue
        j = i
        while j < n and raised[j]:
            j += 1
        run = tokens[i:j]
        run_text = chars[run[0]] + "".join([" " + chars[t] if space_before[t] else chars[t] for t in run[1:]])
        before = "".join(out)
        if EXPONENT.match(run_text) and EXPONENT_AFTER.search(before) and not space_before[run[0]]:
            out.append(run_text)
        elif j < n:
            nxt = tokens[j]
            # The marker's own leading space moves to the next glyph unless that is punctuation.
            next_alnum = chars[nxt][:1].isalnum()
            space_before[nxt] = space_before[nxt] or (space_before[run[0]] and next_alnum)
            if next_alnum and before[-1:].isalnum():
                space_before[nxt] = True
        i = j
    return "".join(out)


def page_lines(page_number: int, glyphs: PageGlyphs) -> list[Line]:
    """Turn a page's fragments into text lines, sorted top to bottom."""
    lines: list[Line] = []
    for fragment in glyphs.fragments:
        text, n_cid = clean_chars(fragment_text(fragment, glyphs.tokens))
        text = text.strip()
        if not text:
            continue
        lines.append(Line(page_number, fragment.x0, fragment.top, fragment.x1, fragment.bottom, fragment.size,
                          fragment.bold, text, fragment.font, fragment.uniform, fragment.italic, n_cid=n_cid))
    return lines


def find_gutter(lines: list[Line], min_share: float = MIN_COLUMN_SHARE, short_columns: bool = False) -> float | None:
    """Return the x of the gutter between two columns, or None for a single-column page (with short_columns, a column
    under min_share of the lines counts when it stands beside the other one)."""
    if len(lines) < 2 * MIN_COLUMN_LINES:
        return None
    left_edge = min(l.x0 for l in lines)
    right_edge = max(l.x1 for l in lines)
    width = right_edge - left_edge
    candidates = sorted({round(l.x1 + 1.0, 1) for l in lines} | {round(l.x0 - 1.0, 1) for l in lines})
    right_ends = sorted(l.x1 for l in lines)
    left_starts = sorted(l.x0 for l in lines)
    scored: list[tuple[tuple[int, int], float, int]] = []
    for x in candidates:
        if not left_edge + 0.25 * width <= x <= left_edge + 0.75 * width:
            continue
        n_left = bisect_right(right_ends, x)
        n_right = len(left_starts) - bisect_left(left_starts, x)
        n_crossing = len(lines) - n_left - n_right
        # Lines cut by x count against it: word pieces of justified lines must not outvote the whole lines they cut.
        scored.append(((min(n_left, n_right) - n_crossing, n_left + n_right), x, min(n_left, n_right)))
    if not scored:
        return None
    top_score = max(s for s, _, _ in scored)
    tied = [(x, raw) for s, x, raw in scored if s == top_score]
    x = (min(t[0] for t in tied) + max(t[0] for t in tied)) / 2
    score = min(raw for _, raw in tied)
    n_sided = bisect_right(right_ends, x) + len(left_starts) - bisect_left(left_starts, x)
    if score < MIN_COLUMN_LINES or n_sided < MIN_SIDED_SHARE * len(lines):
        return None
    if score < min_share * n_sided and not (short_columns and _short_column_beside(lines, x)):
        return None
    if _aligned_share([l for l in lines if l.x0 >= x]) < MIN_ALIGNED_SHARE:
        return None
    return x


def _short_column_beside(lines: list[Line], x: float) -> bool:
    """True when a short column stands beside a long one at x: few lines cross x, and the short side's lines start at
    one left edge and lie within the long side's height (a last page whose second column ends early)."""
    left, right = [l for l in lines if l.x1 <= x], [l for l in lines if l.x0 >= x]
    crossing = len(lines) - len(left) - len(right)
    short, long_ = sorted((left, right), key=len)
    if crossing > MAX_SHORT_COLUMN_CROSSING * len(lines) or not short or not long_:
        return False
    top, bottom = min(l.top for l in long_), max(l.bottom for l in long_)
    return all(top <= l.top and l.bottom <= bottom for l in short) and _aligned_share(short) >= MIN_SHORT_COLUMN_ALIGNED


def _aligned_share(right_side: list[Line]) -> float:
    """Share of rows whose first piece right of a gap starts at the most common left edge (within ALIGN_TOLERANCE)."""
    firsts: list[float] = []
    for row in _rows(right_side):
        firsts.append(min(l.x0 for l in row))
    if not firsts:
        return 0.0
    firsts.sort()
    best = max(bisect_right(firsts, start + ALIGN_TOLERANCE) - i for i, start in enumerate(firsts))
    return best / len(firsts)


def find_gutters(lines: list[Line]) -> list[float]:
    """Return the x of every gutter between columns, left to right: [] for one column, one for two, two for three."""
    gutter = find_gutter(lines, short_columns=True)
    if gutter is None:
        return []
    # a poster's third column: a second gutter within a side twice as wide as the other (one column against two)
    right, left = [l for l in lines if l.x0 >= gutter], [l for l in lines if l.x1 <= gutter]
    for side, other in ((right, left), (left, right)):
        if side and other and _span(side) >= WIDER_SIDE_RATIO * _span(other):
            inner = find_gutter(side, MIN_INNER_COLUMN_SHARE) or _clean_band_gutter(side)
            if inner is not None:
                return sorted((gutter, inner))
    return [gutter]


def _clean_band_gutter(lines: list[Line]) -> float | None:
    """The x of an empty band no line crosses, with a short column right of it and a full one left of it, else None."""
    left_edge, width = min(l.x0 for l in lines), _span(lines)
    size = sorted(l.size for l in lines)[len(lines) // 2]
    for start in sorted({l.x0 for l in lines if l.x0 >= left_edge + 0.25 * width}):
        right = [l for l in lines if l.x0 >= start - ALIGN_TOLERANCE]
        left = [l for l in lines if l.x1 <= start - CLEAN_GUTTER_EM * size]
        if len(right) + len(left) == len(lines) and len(right) >= MIN_INNER_COLUMN_LINES and len(left) >= MIN_COLUMN_LINES \
                and len(left) >= len(right):
            return (max(l.x1 for l in left) + start) / 2
    return None


def _span(lines: list[Line]) -> float:
    return max(l.x1 for l in lines) - min(l.x0 for l in lines)


def assign_columns(lines: list[Line]) -> None:
    """Rejoin pieces of one line cut at wide word spaces, then set each line's column: 1, 2, ... from the left, 0 for
    full width."""
    prose = [l for l in lines if not l.dropped and l.kind != "table"]
    table = [l for l in lines if not l.dropped and l.kind == "table"]
    gutters = find_gutters(prose)
    if not gutters and table:  # a label's right column mostly a table: its rows, read whole, show the gutter
        gutters = find_gutters(prose + [merge_pieces(sorted(row, key=lambda l: l.x0)) for row in _rows(table)])
    lines[:] = _rejoin_pieces(lines, gutters)
    edges = [float("-inf")] + gutters + [float("inf")]

    def column_of(x0: float, x1: float) -> int:
        return next((i + 1 for i, (lo, hi) in enumerate(zip(edges, edges[1:])) if x0 >= lo and x1 <= hi), 0)

    table_column = column_of(min(l.x0 for l in table), max(l.x1 for l in table)) if table and gutters else 0
    for line in lines:
        line.column = 0
        if gutters and line.kind != "table":
            line.column = column_of(line.x0, line.x1)
        elif gutters:  # a table inside one column sits in it (a poster's, a label's); a wider one spans the page
            line.column = column_of(line.x0, line.x1) if len(gutters) > 1 else table_column
    if gutters:
        _widen_paragraph_tails([l for l in lines if not l.dropped and l.kind != "table"])


def _rejoin_pieces(lines: list[Line], gutters: Sequence[float]) -> list[Line]:
    """Merge neighbouring pieces of one row whose gap is a stretched word space rather than a column gutter."""
    return [merge_pieces(pieces) for pieces in row_pieces(lines, gutters)]


def row_pieces(lines: list[Line], gutters: Sequence[float]) -> list[list[Line]]:
    """Group lines into the pieces of each text line cut at stretched word spaces, in reading order within rows."""
    out: list[list[Line]] = []
    for line in _rows_in_order(lines):
        group = out[-1] if out else None
        prev = group[-1] if group else None
        if (prev is not None and not prev.dropped and not line.dropped and prev.kind != "table" and line.kind != "table"
                and abs(min(p.top for p in group) + max(p.bottom for p in group) - (line.top + line.bottom))
                <= 0.7 * group[0].size
                and 0 <= line.x0 - prev.x1 <= REJOIN_GAP_EM * max(group[0].size, line.size)
                and not any(prev.x1 <= gutter <= line.x0 for gutter in gutters)):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def merge_pieces(pieces: list[Line]) -> Line:
    """Return one line spanning the given pieces of a row, styled as its first piece."""
    first = pieces[0]
    if len(pieces) == 1:
        return first
    return Line(first.page, first.x0, min(p.top for p in pieces), pieces[-1].x1, max(p.bottom for p in pieces),
                first.size, first.bold, " ".join(p.text for p in pieces), first.font,
                all(p.uniform for p in pieces) and all(p.font == first.font for p in pieces), first.italic,
                n_cid=sum(p.n_cid for p in pieces))


def rejoined(lines: list[Line]) -> list[Line]:
    """Return a page's lines with wide-space cuts mended, leaving the input untouched."""
    return _rejoin_pieces(lines, find_gutters(lines))


def _widen_paragraph_tails(lines: list[Line]) -> None:
    """Give full width to a short line that ends a full-width paragraph (same left edge, right below it)."""
    ordered = sorted(lines, key=lambda l: l.top)
    tops = [l.top for l in ordered]
    bottoms = [l.bottom for l in ordered]
    n = len(ordered)
    for i, line in enumerate(ordered):
        column = line.column
        if column == 0:
            continue
        top, bottom, size, x0 = tops[i], bottoms[i], line.size, line.x0
        reach, paragraph_gap = top - 3 * size, PARAGRAPH_GAP_EM * size
        found_above, above_all_full, beside = False, True, False
        for j in range(i - 1, -1, -1):
            other_bottom = bottoms[j]
            if other_bottom < reach:
                break
            other = ordered[j]
            if 0 <= top - other_bottom < paragraph_gap and abs(other.x0 - x0) < size:
                found_above, above_all_full = True, above_all_full and other.column == 0
            if other.column not in (0, column) and other_bottom > top:
                beside = True
                break
        if not beside:
            for j in range(i + 1, n):
                if tops[j] >= bottom:
                    break
                if ordered[j].column not in (0, column):
                    beside = True
                    break
        if found_above and above_all_full and not beside:
            line.column = 0


def is_heading_line(line: Line, body_size: float, body_font: str) -> bool:
    """Say whether a line looks like a section heading (numbered, or bold/larger and short)."""
    text = line.text
    words = len(text.split())
    if words > MAX_HEADING_WORDS or text.endswith((".", ",", ";", "-")) and not NUMBERED_HEADING.match(text):
        return False
    if CAPTION_START.match(text) or text.count(",") >= MAX_HEADING_COMMAS and not NUMBERED_HEADING.match(text):
        return False
    styled = (line.uniform and line.font != body_font and (line.bold or line.italic)) or line.size >= 1.15 * body_size
    if NUMBERED_HEADING.match(text) and (styled or words <= 8):
        return not re.search(r"\d[.,]\d", text.split(None, 1)[1]) if " " in text else False
    return styled and text[:1].isupper() and words >= 1 and not text.endswith(".")


def group_blocks(lines: list[Line], body_size: float, body_font: str) -> list[LayoutBlock]:
    """Group one page's lines into blocks per column and return them in reading order."""
    by_column: dict[int, list[Line]] = {0: [], 1: [], 2: []}
    for line in lines:
        if not line.dropped:
            by_column.setdefault(line.column, []).append(line)
    blocks_by_column: dict[int, list[LayoutBlock]] = {}
    for column, col_lines in by_column.items():
        col_lines = _rows_in_order(col_lines)
        left = min((l.x0 for l in col_lines), default=0.0)
        pitches = usual_pitches(col_lines)
        blocks: list[LayoutBlock] = []
        for line in col_lines:
            prev_block = blocks[-1] if blocks else None
            if line.kind != "table":
                line.kind = _line_kind(line, body_size, body_font)
                if line.kind == "body" and prev_block is not None and _continues_heading(prev_block, line):
                    line.kind = "heading"
            if prev_block is None or _starts_block(prev_block, line, left, pitches):
                blocks.append(LayoutBlock(line.page, column, line.kind, [line]))
            else:
                prev_block.lines.append(line)
        blocks_by_column[column] = blocks
    return _reading_order(blocks_by_column)


def _continues_heading(block: LayoutBlock, line: Line) -> bool:
    """A line right under a heading, in the heading's font and size, wraps that heading."""
    if block.kind != "heading":
        return False
    prev = block.lines[-1]
    return (line.font == prev.font and line.uniform and abs(line.size - prev.size) <= SIZE_CHANGE * prev.size
            and line.top - prev.bottom <= PARAGRAPH_GAP_EM * line.size
            and len(line.text.split()) <= MAX_HEADING_WORDS and not line.text.endswith(".")
            and not (NUMBERED_HEADING.match(block.lines[0].text) and _runs_into_paragraph(block, line)))


def _runs_into_paragraph(block: LayoutBlock, line: Line) -> bool:
    """A numbered heading's block that grows long or gathers commas is a paragraph run into its heading ('5.1 Title
    Text of the paragraph, ...'), not a heading wrapped over lines."""
    return (sum(len(l.text.split()) for l in block.lines) + len(line.text.split()) > MAX_WRAPPED_HEADING_WORDS
            or sum(l.text.count(",") for l in block.lines) + line.text.count(",") >= MAX_HEADING_COMMAS)


def _rows_in_order(lines: list[Line]) -> list[Line]:
    """Sort lines top to bottom, and pieces of one visual row left to right."""
    return [line for row in _rows(lines) for line in sorted(row, key=lambda l: l.x0)]


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Group lines into visual rows (centres within a third of a size of the row's first line), top to bottom."""
    rows: list[list[Line]] = []
    row: list[Line] = []
    for line in sorted(lines, key=lambda l: l.top):
        if row and abs((line.top + line.bottom) / 2 - (row[0].top + row[0].bottom) / 2) > 0.35 * line.size:
            rows.append(row)
            row = []
        row.append(line)
    if row:
        rows.append(row)
    return rows


def _line_kind(line: Line, body_size: float, body_font: str) -> str:
    if CAPTION_START.match(line.text):
        return "caption"
    if line.size < FOOTNOTE_SIZE_RATIO * body_size:
        return "footnote"
    if is_heading_line(line, body_size, body_font):
        return "heading"
    return "body"


def _line_step(prev: Line, line: Line) -> float:
    """Distance from one line to the next, the smaller of top-to-top and bottom-to-bottom (robust to raised glyphs)."""
    return min(line.top - prev.top, line.bottom - prev.bottom)


def usual_pitches(lines: list[Line]) -> dict[float, float]:
    """Median line-to-line step of each text size in a column, from consecutive non-table lines of that size."""
    steps: dict[float, list[float]] = {}
    for prev, line in zip(lines, lines[1:]):
        if prev.kind == "table" or line.kind == "table" or round(prev.size, 1) != round(line.size, 1):
            continue
        step = _line_step(prev, line)
        if 0.9 * line.size <= step <= 2.5 * line.size:
            steps.setdefault(round(line.size, 1), []).append(step)
    return {size: sorted(found)[len(found) // 2] for size, found in steps.items() if len(found) >= MIN_PITCH_STEPS}


def _starts_block(block: LayoutBlock, line: Line, column_left: float, pitches: dict[float, float]) -> bool:
    prev = block.lines[-1]
    if line.kind == "table" or block.kind == "table":
        return line.kind != block.kind or line.top - prev.bottom > 3 * line.size
    if line.kind in ("caption", "heading", "footnote") and block.kind != line.kind:
        return True
    if block.kind == "footnote":
        return line.kind != "footnote" or line.top - prev.bottom > PARAGRAPH_GAP_EM * line.size
    if block.kind == "heading":
        return line.kind != "heading" or bool(NUMBERED_HEADING.match(line.text)) or line.font != prev.font or line.top - prev.bottom > PARAGRAPH_GAP_EM * line.size
    if block.kind == "caption":
        return line.top - prev.bottom > PARAGRAPH_GAP_EM * line.size or abs(line.size - prev.size) > SIZE_CHANGE * prev.size
    if line.top - prev.bottom > PARAGRAPH_GAP_EM * max(line.size, prev.size):
        return True
    if abs(line.size - prev.size) > SIZE_CHANGE * max(line.size, prev.size):
        return True
    pitch = pitches.get(round(line.size, 1)) if round(line.size, 1) == round(prev.size, 1) else None
    if pitch is not None and _line_step(prev, line) - pitch > PARAGRAPH_EXTRA_EM * line.size:
        return True
    indented = line.x0 - column_left > INDENT_EM * line.size and prev.x0 - column_left <= INDENT_EM * line.size
    hanging = block.lines[0].text.lstrip()[:1] in BULLETS and line.text.lstrip()[:1] not in BULLETS
    return indented and not hanging and len(block.lines) >= 1 and prev.text.rstrip()[-1:] in ".:?!)"


def _reading_order(blocks_by_column: dict[int, list[LayoutBlock]]) -> list[LayoutBlock]:
    """Read the columns left to right between full-width blocks, each full-width block at its vertical place."""
    full = sorted(blocks_by_column.get(0, []), key=lambda b: b.top)
    columns = [sorted(blocks, key=lambda b: b.top) for column, blocks in sorted(blocks_by_column.items()) if column]
    ordered: list[LayoutBlock] = []
    for wide in full + [None]:
        limit = wide.top if wide is not None else float("inf")
        for column in columns:
            while column and column[0].top < limit:
                ordered.append(column.pop(0))
        if wide is not None:
            ordered.append(wide)
    return ordered
