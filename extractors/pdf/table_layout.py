"""Page geometry for table extraction: text lines, rules, captions and cell text from chars."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from pdfplumber import utils

BBox = tuple[float, float, float, float]


class CaptionPattern(NamedTuple):
    """A caption regex with the reason it exists."""

    name: str
    pattern: re.Pattern
    rationale: str


CAPTION_PATTERNS: tuple[CaptionPattern, ...] = (
    CaptionPattern(
        "table_number",
        re.compile(r"^(?P<word>Table|TABLE)[:.]?\s*(?P<num>[0-9]+|[IVXLC]+|S[0-9]+|[A-Z][0-9]+)(?:(?P<punct>[.:|])|(?=\s|$))"),
        "captions open with 'Table N' (or 'Table: N') then '.', ':', '|' or a space; arabic, roman, S1, A1 numbers",
    ),
    CaptionPattern(
        "table_unnumbered",
        re.compile(r"^(?P<word>Table|TABLE)(?P<punct>[.:])\s+(?=[A-Z])"),
        "a poster's only table is captioned 'Table. Response by subgroup' without a number",
    ),
)

CONTINUATION_PATTERNS: tuple[CaptionPattern, ...] = (
    CaptionPattern("cont_after_label", re.compile(r"^[\s.:|(\[-]*cont(?:inued|'d|\.)?(?=\W|$)", re.I),
                   "'Table 1. Cont.', 'Table 1 (continued)': the mark follows the label directly"),
    CaptionPattern("continued_at_end", re.compile(r"[(\[]\s*cont(?:inued|'d|\.)?\s*[)\]]\s*\.?$", re.I),
                   "'Table 1. Baseline data (continued)': the mark closes a repeated caption"),
    CaptionPattern("continuation_word", re.compile(r"^[\s.:|(\[-]*continuation\b", re.I),
                   "'Table 2 (continuation)' is a rarer wording of the same mark"),
)

NOTE_LINE = CaptionPattern(
    "note_line", re.compile(r"^(?:[A-Z][A-Za-z ]{0,25}:\s|[*†‡§¶#])"),
    "a line opening with 'Source:', 'Abbreviations:', 'Note:' or a footnote mark starts a note, not caption text",
)


@dataclass
class TextLine:
    """Words sharing a baseline, sorted left to right."""

    words: list[dict]

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @property
    def x0(self) -> float:
        return min(w["x0"] for w in self.words)

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)

    @property
    def size(self) -> float:
        sizes = sorted(w.get("size", self.bottom - self.top) for w in self.words)
        return sizes[len(sizes) // 2]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class Caption:
    """A table caption: its label ('Table 1'), full text and where its lines are."""

    label: str
    text: str
    page: int
    bbox: BBox
    continued: bool
    lines: list[TextLine] = field(default_factory=list)
    punctuated: bool = True


class Rule(NamedTuple):
    """A horizontal rule (line or thin rect edge) on a page."""

    x0: float
    x1: float
    top: float


def group_lines(words: list[dict]) -> list[TextLine]:
    """Group words into lines whose vertical middles fall within each other's extent."""
    lines: list[TextLine] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        mid = (word["top"] + word["bottom"]) / 2
        for line in reversed(lines[-3:]):
            if line.top - 0.5 <= mid <= line.bottom + 0.5:
                line.words.append(word)
                break
        else:
            lines.append(TextLine([word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return sorted(lines, key=lambda ln: ln.top)


def split_segments(line: TextLine) -> list[TextLine]:
    """Split a line at gaps wider than a column gutter (about 1.5 em) into separate runs."""
    segments = [[line.words[0]]]
    for prev, word in zip(line.words, line.words[1:]):
        if word["x0"] - prev["x1"] > 1.5 * max(word.get("size", 8.0), 4.0):
            segments.append([word])
        else:
            segments[-1].append(word)
    return [TextLine(seg) for seg in segments]


RULE_THICKNESS = 2.5
"""A filled rect no thicker than this (pt) is drawn as a rule; thicker filled rects are shading."""


def _is_white(color) -> bool:
    # Only fills are tested: a stroke of 1.0 may be full tint in a Separation space, and
    # pdfplumber does not report the colour space.
    if color is None:
        return False
    values = color if isinstance(color, (tuple, list)) else (color,)
    try:
        values = [float(v) for v in values]
    except (TypeError, ValueError):
        return False
    if len(values) == 4:
        return all(v <= 0.02 for v in values)
    return bool(values) and all(v >= 0.98 for v in values)


def visible_rule_edges(page) -> list[dict]:
    """Edges of what a reader sees as ruling: stroked paths and thin non-white fills, not shading boxes."""
    edges: list[dict] = []
    for obj in page.lines + page.rects + page.curves:
        thin = min(obj["width"], obj["height"]) <= RULE_THICKNESS
        if obj.get("stroke", obj["object_type"] == "line"):
            edges.extend(utils.obj_to_edges(obj))
        elif obj.get("fill") and thin and not _is_white(obj.get("non_stroking_color")):
            edges.extend(utils.obj_to_edges(obj))
    return edges


def ruled_table_settings(edges: list[dict]) -> Optional[dict]:
    """pdfplumber table settings that build cells from `edges` only; None when too few of either kind."""
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return None
    return {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}


def horizontal_rules(edges: list[dict], min_width: float = 20.0) -> list[Rule]:
    """Horizontal rules at least `min_width` long: collinear pieces joined, the twin edges of thick rules merged."""
    pieces = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (e["top"], e["x0"]))
    rows: list[list[dict]] = []
    for piece in pieces:
        if rows and abs(piece["top"] - rows[-1][0]["top"]) <= 1.0:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    spans: list[Rule] = []
    for row in rows:
        current: list[Rule] = []
        for piece in sorted(row, key=lambda e: e["x0"]):
            if current and piece["x0"] <= current[-1].x1 + 1.0:
                last = current[-1]
                current[-1] = Rule(last.x0, max(last.x1, piece["x1"]), last.top)
            else:
                current.append(Rule(piece["x0"], piece["x1"], row[0]["top"]))
        spans.extend(current)
    rules: list[Rule] = []
    for span in sorted(spans, key=lambda r: (r.top, r.x0)):
        for i, rule in enumerate(rules):
            overlap = min(rule.x1, span.x1) - max(rule.x0, span.x0)
            shorter = min(rule.x1 - rule.x0, span.x1 - span.x0)
            if 0 <= span.top - rule.top <= RULE_THICKNESS and overlap >= 0.8 * shorter:
                rules[i] = Rule(min(rule.x0, span.x0), max(rule.x1, span.x1), rule.top)
                break
        else:
            rules.append(span)
    return sorted((r for r in rules if r.x1 - r.x0 >= min_width), key=lambda r: r.top)


GLYPH_RULE = re.compile(r"^[.·•_\-–—…=]{8,}$")
"""A word made only of dots, dashes or underscores, as typesetters use for dotted or ASCII rules."""


def glyph_rules(lines: list[TextLine], min_width: float = 60.0) -> list[tuple[Rule, list[dict]]]:
    """Rules typed as rows of dots or dashes, each with the words that draw it."""
    found = []
    for line in lines:
        for seg in split_segments(line):
            if all(GLYPH_RULE.match(w["text"]) for w in seg.words) and seg.x1 - seg.x0 >= min_width:
                found.append((Rule(seg.x0, seg.x1, (seg.top + seg.bottom) / 2), seg.words))
    return found


def chars_in(chars: list[dict], bbox: BBox) -> list[dict]:
    """Chars whose centre lies inside `bbox`."""
    x0, top, x1, bottom = bbox
    return [c for c in chars
            if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom]


def cell_lines(chars: list[dict]) -> list[str]:
    """The printed lines of `chars`, whitespace collapsed, empty lines dropped."""
    if not chars:
        return []
    text = utils.extract_text(chars, x_tolerance=1.5, y_tolerance=3)
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def flatten_text(chars: list[dict]) -> str:
    """Text of `chars` with wrapped lines joined by one space and runs of whitespace collapsed."""
    if not chars:
        return ""
    text = utils.extract_text(chars, x_tolerance=1.5, y_tolerance=3)
    return " ".join(text.split())


def match_caption_start(text: str) -> Optional[re.Match]:
    """The caption-pattern match at the start of `text`, if any."""
    for entry in CAPTION_PATTERNS:
        found = entry.pattern.match(text)
        if found:
            return found
    return None


def is_continuation(text: str) -> bool:
    """True when a caption marks the continuation of a table from an earlier page."""
    return any(entry.pattern.search(text.strip()) for entry in CONTINUATION_PATTERNS)


def find_captions(lines: list[TextLine], page_number: int, stop_tops: list[float]) -> list[Caption]:
    """Captions that start a line run with 'Table N', extended over following lines of the same block."""
    segments = [seg for line in lines for seg in split_segments(line)]
    segments.sort(key=lambda s: (s.top, s.x0))
    captions = []
    for index, seg in enumerate(segments):
        found = match_caption_start(seg.text)
        if not found:
            continue
        label = f"Table {found.group('num')}" if found.groupdict().get("num") else "Table"
        x0, x1 = seg.x0 - 1.0, seg.x1 + 1.0
        block = [seg]
        for nxt in segments[index + 1:]:
            last = block[-1]
            if nxt.top <= last.top + 0.5:
                continue
            if nxt.top - last.top > 1.6 * max(last.size, 4.0):
                break
            if nxt.x0 < x0 - 2 or nxt.x1 > x1 + 2 or abs(nxt.size - seg.size) > 0.6 or match_caption_start(nxt.text):
                if nxt.x0 >= x1 or nxt.x1 <= x0:
                    continue
                break
            if any(last.bottom - 1 <= t <= nxt.top + 1 for t in stop_tops) or len(block) >= 8:
                break
            if NOTE_LINE.pattern.match(nxt.text):
                break
            block.append(nxt)
        text = join_prose(line.text for line in block)
        bbox = (min(b.x0 for b in block), block[0].top, max(b.x1 for b in block), block[-1].bottom)
        captions.append(Caption(label, text, page_number, bbox, is_continuation(text[found.end():]), block,
                                punctuated=bool(found.group("punct")) or is_continuation(text[found.end():])))
    return captions


def join_prose(lines) -> str:
    """Join caption lines with a space, or directly after a line-final hyphen between letters."""
    out = ""
    for line in lines:
        line = " ".join(line.split())
        if not out:
            out = line
        elif re.search(r"[A-Za-z]-$", out) and line[:1].islower():
            out += line
        else:
            out += " " + line
    return out


@dataclass
class RawCell:
    """Cell text and box before it becomes a schemas Cell."""

    text: str
    bbox: Optional[BBox]
    page: int


@dataclass
class RawTable:
    """One table region on one page, before captions are linked and page-split parts merged."""

    kind: str
    page: int
    bbox: BBox
    header: list[str]
    rows: list[list[RawCell]]
    col_edges: list[float]
    caption: Optional[Caption] = None
    pages: list[int] = field(default_factory=list)
    lines_above: int = 0
    continuation_boxes: list[tuple[int, BBox]] = field(default_factory=list)

    @property
    def n_cols(self) -> int:
        return len(self.col_edges) - 1


def dedupe_chars(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """Chars without the overprinted copies some PDFs use for fake bold (same glyph, font and place)."""
    kept: list[dict] = []
    seen: dict[tuple, dict[tuple[int, int], list[dict]]] = {}  # glyph -> kept chars by tolerance cell
    for char in chars:
        x0, top = char["x0"], char["top"]
        ix, iy = int(x0 // tolerance), int(top // tolerance)
        glyph = (char["text"], char.get("fontname"), round(char.get("size", 0), 1))
        cells = seen.get(glyph)
        if cells is None:
            cells = seen[glyph] = {}
        elif _overprinted(cells, ix, iy, x0, top, tolerance):
            continue
        cells.setdefault((ix, iy), []).append(char)
        kept.append(char)
    return kept


def _overprinted(cells: dict[tuple[int, int], list[dict]], ix: int, iy: int, x0: float, top: float,
                 tolerance: float) -> bool:
    """Whether a kept char of the same glyph in the cell (ix, iy) or one next to it lies within tolerance."""
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for other in cells.get((ix + dx, iy + dy), ()):
                if abs(other["x0"] - x0) <= tolerance and abs(other["top"] - top) <= tolerance:
                    return True
    return False
