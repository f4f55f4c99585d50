"""Tables drawn with horizontal rules only (booktabs): columns from word gaps, rows from line spacing."""
from __future__ import annotations

import re
from typing import Optional

from extractors.pdf.table_layout import (
    BBox, Caption, RawCell, RawTable, Rule, TextLine, chars_in, flatten_text, group_lines,
)

FULL_RULE_SHARE = 0.9
"""A rule at least this share of the widest rule in its group is structural; shorter ones are cmidrules."""

SEPARATOR_SHARE = 0.5
"""Rules at least this share of the widest one close the table or separate its rows; shorter ones are cmidrules."""

WRAP_PITCH = 1.45
"""Wrapped lines of one cell sit at most this many line heights apart; a wider step starts a new row."""


EXTENT_TOLERANCE = 0.05
"""Structural rules of one table start and end within this share of its width of each other."""


def _same_extent(a: Rule, b: Rule) -> bool:
    tolerance = EXTENT_TOLERANCE * max(a.x1 - a.x0, b.x1 - b.x0)
    return abs(a.x0 - b.x0) <= tolerance and abs(a.x1 - b.x1) <= tolerance


EMPTY_GAP = 24.0
"""A wordless gap this tall (pt) between two rules separates unrelated rule stacks (table, page footer)."""


def _empty_between(words: list[dict], upper: Rule, lower: Rule) -> bool:
    return lower.top - upper.top > EMPTY_GAP and not any(
        upper.top < w["top"] and w["bottom"] < lower.top and w["x1"] > upper.x0 and w["x0"] < upper.x1
        for w in words)


def _group_rules(rules: list[Rule], captions: list[Caption], words: list[dict]) -> list[list[Rule]]:
    """Stack rules of one extent (narrower rules inside it join as cmidrules); a caption or empty gap splits."""
    groups: list[list[Rule]] = []
    for rule in sorted(rules, key=lambda r: r.top):
        for group in reversed(groups):
            widest = max(group, key=lambda r: r.x1 - r.x0)
            caption_between = any(
                group[-1].top < c.bbox[1] < rule.top and c.bbox[0] < widest.x1 and c.bbox[2] > widest.x0
                for c in captions)
            inside = rule.x0 >= widest.x0 - 2 and rule.x1 <= widest.x1 + 2
            if (_same_extent(widest, rule) or inside) and not caption_between \
                    and not _empty_between(words, group[-1], rule):
                group.append(rule)
                break
        else:
            groups.append([rule])
    return groups


def _column_edges(lines: list[TextLine], x0: float, x1: float, min_gap: Optional[float] = None) -> list[float]:
    """Column boundaries at x gaps that no word of any data line crosses."""
    spans = sorted((w["x0"], w["x1"]) for line in lines for w in line.words)
    min_gap = _word_gap(lines) if min_gap is None else min_gap
    clusters = [list(spans[0])]
    for start, end in spans[1:]:
        if start - clusters[-1][1] >= min_gap:
            clusters.append([start, end])
        else:
            clusters[-1][1] = max(clusters[-1][1], end)
    inner = [(left[1] + right[0]) / 2 for left, right in zip(clusters, clusters[1:])]
    return [min(x0, clusters[0][0]) - 0.5, *inner, max(x1, clusters[-1][1]) + 0.5]


TIGHT_COLUMN_GAP = 4.0
"""The narrowest gap (pt) tried between columns when the usual word gap finds none (about one space of a 12 pt font)."""
TIGHT_GAP_EM = 0.4
"""... and at least this share of the font size: a space is 0.25-0.28 em in proportional fonts."""
MONOSPACE_SPREAD = 1.05
"""Words whose glyph widths differ by no more than this factor are set in a monospaced font."""
ALIGNED_SHARE = 0.6
"""In a tightly set table, at least this share of the lines with text in a column start it at one x."""
ALIGN_TOLERANCE = 1.5
"""Left edges within this many points of each other are one column start."""


def _aligned_columns(lines: list[TextLine], edges: list[float]) -> bool:
    """True when every column after the first starts at one x in most lines that reach it (cells, not wrapped prose)."""
    for column in range(1, len(edges) - 1):
        starts = [min(w["x0"] for w in line.words if _column_of((w["x0"] + w["x1"]) / 2, edges) == column)
                  for line in lines if column in _columns_with_text(line, edges)]
        if not starts:
            return False
        best = max(sum(1 for x in starts if abs(x - s) <= ALIGN_TOLERANCE) for s in starts)
        if best < ALIGNED_SHARE * len(starts) or len(starts) < 2:
            return False
    return True


def _column_of(x: float, edges: list[float]) -> int:
    return max(0, min(len(edges) - 2, sum(1 for e in edges[1:-1] if x >= e)))


def _columns_with_text(line: TextLine, edges: list[float]) -> set[int]:
    return {_column_of((word["x0"] + word["x1"]) / 2, edges) for word in line.words}


LABEL_CONTINUES_LINE = re.compile(r"^[a-z0-9(\[<>≤≥=%/–-]")
"""A first-column-only line opening in lower case, a digit, a bracket or a symbol continues the label above it."""

LABEL_WANTS_MORE = re.compile(r"(?:[-,/(–]|\b(?:with|and|or|of|in|at|by|for|to|among|after|from|the|a|an|vs\.?|versus))$",
                              re.I)
"""A first-column text ending in a connector word or open punctuation is cut mid-phrase and continues below."""


CELL_CONTINUES_LINE = re.compile(r"^[(\[]")
"""A value cell's wrapped second line opens with its bracketed part ('40/52' above '(76.9)')."""


def _column_text(line: TextLine, edges: list[float], column: int) -> str:
    return " ".join(w["text"] for w in line.words if _column_of((w["x0"] + w["x1"]) / 2, edges) == column)


def _first_column_text(line: TextLine, edges: list[float]) -> str:
    return _column_text(line, edges, 0)


def _continues_label(above: TextLine, line: TextLine, edges: list[float]) -> bool:
    """Whether a line with text in the first column only is the wrapped rest of the row label above it."""
    text, before = _first_column_text(line, edges), _first_column_text(above, edges)
    return bool(before) and (bool(LABEL_CONTINUES_LINE.match(text)) or bool(LABEL_WANTS_MORE.search(before)))


def _continues_row(above: TextLine, line: TextLine, edges: list[float], columns: set[int]) -> bool:
    """Whether a line is the wrapped rest of the row above: the label goes on and each other cell goes on in brackets."""
    if 0 not in columns or not _continues_label(above, line, edges):
        return False
    return all(_column_text(above, edges, c) and (CELL_CONTINUES_LINE.match(_column_text(line, edges, c))
                                                  or _open_bracket(_column_text(above, edges, c)))
               for c in columns - {0})


def _open_bracket(text: str) -> bool:
    """True when a cell line leaves a bracket open ('46.9 (31.7,' above '60.6)'): the cell goes on below."""
    return text.count("(") > text.count(")") or text.count("[") > text.count("]")


def _row_starts(lines: list[TextLine], edges: list[float], forced_tops: list[float]) -> list[int]:
    """Indexes of lines that open a new row: a gap wider than wrapped lines leave, else text in column 0."""
    cols = [_columns_with_text(line, edges) for line in lines]
    heights = sorted(w["bottom"] - w["top"] for line in lines for w in line.words)
    line_height = heights[len(heights) // 2]
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:])]
    starts = {0}
    if pitches:
        tight = sorted(pitches)[len(pitches) // 10]
        threshold = WRAP_PITCH * line_height
        if tight <= threshold:
            threshold = max(threshold, 1.25 * tight + 0.5)
        loose = {i + 1 for i, pitch in enumerate(pitches) if pitch > threshold}
        tight_lines = [i for i in range(1, len(lines)) if i not in loose]
        starts |= loose
        if all(0 in cols[i] for i in tight_lines):
            starts |= {i for i in tight_lines
                       if not _continues_row(lines[i - 1], lines[i], edges, cols[i])}
    for top in forced_tops:
        after = [i for i, line in enumerate(lines) if line.top > top]
        if after:
            starts.add(after[0])
    return sorted(starts)


MONOSPACE_SPACE_MARGIN = 1.15
"""A column gap is wider than this many glyph widths, so one space of a monospaced font (a glyph wide) stays a word gap."""


def _word_gap(lines: list[TextLine]) -> float:
    """Smallest x gap (pt) that separates columns rather than words, from the median font size and glyph width."""
    size, glyph, _ = _type_metrics(lines)
    return max(3.5, 0.6 * size, MONOSPACE_SPACE_MARGIN * glyph)


def _tight_gap(lines: list[TextLine]) -> float:
    """Narrowest x gap (pt) tried between a tight table's columns: wider than a space of the font, whatever its size."""
    size, glyph, monospaced = _type_metrics(lines)
    return max(TIGHT_COLUMN_GAP, TIGHT_GAP_EM * size, MONOSPACE_SPACE_MARGIN * glyph if monospaced else 0.0)


def _type_metrics(lines: list[TextLine]) -> tuple[float, float, bool]:
    """The lines' median font size and glyph width (pt), and whether their font is monospaced."""
    words = [w for line in lines for w in line.words]
    sizes = sorted(w.get("size", 8.0) for w in words)
    glyphs = sorted((w["x1"] - w["x0"]) / len(w["text"]) for w in words if w["text"])
    wide = sorted((w["x1"] - w["x0"]) / len(w["text"]) for w in words if len(w["text"]) >= 2)
    monospaced = bool(wide) and wide[-1] <= MONOSPACE_SPREAD * wide[0]
    return sizes[len(sizes) // 2], glyphs[len(glyphs) // 2] if glyphs else 0.0, monospaced


def _column_spans(lines: list[TextLine], edges: list[float]) -> list[Optional[tuple[float, float]]]:
    """Horizontal extent of each column's data text; None for a column with none."""
    spans: list[Optional[tuple[float, float]]] = [None] * (len(edges) - 1)
    for word in (w for line in lines for w in line.words):
        col = _column_of((word["x0"] + word["x1"]) / 2, edges)
        old = spans[col]
        spans[col] = (word["x0"], word["x1"]) if old is None else (min(old[0], word["x0"]), max(old[1], word["x1"]))
    return spans


def _header_phrases(words: list[dict], gap: float, spans: list[Optional[tuple[float, float]]]) -> list[list[dict]]:
    """Header words cut into runs at column-sized gaps, so 'Total Patients' moves as one cell line.

    A word that overlaps another column's data than the run so far starts a new run, however tight the gap.
    """
    phrases: list[list[dict]] = []
    for line in group_lines(words):
        for word in line.words:
            if phrases and phrases[-1][-1] in line.words and word["x0"] - phrases[-1][-1]["x1"] < gap:
                mine, theirs = _overlapped_column([word], spans), _overlapped_column(phrases[-1], spans)
                if mine is None or theirs is None or mine == theirs:
                    phrases[-1].append(word)
                    continue
            phrases.append([word])
    return phrases


def _overlapped_column(phrase: list[dict], spans: list[Optional[tuple[float, float]]]) -> Optional[int]:
    """The column whose data the run overlaps most; None when it overlaps none."""
    left, right = min(w["x0"] for w in phrase), max(w["x1"] for w in phrase)
    overlaps = [min(right, s[1]) - max(left, s[0]) if s else 0.0 for s in spans]
    best = max(range(len(spans)), key=lambda c: overlaps[c])
    return best if overlaps[best] > 0 else None


def _header_column(phrase: list[dict], spans: list[Optional[tuple[float, float]]], edges: list[float]) -> int:
    """The column whose data a header run overlaps most; by its centre when it overlaps none."""
    best = _overlapped_column(phrase, spans)
    if best is not None:
        return best
    return _column_of((min(w["x0"] for w in phrase) + max(w["x1"] for w in phrase)) / 2, edges)


def _region_words(words: list[dict], x0: float, x1: float, top: float, bottom: float) -> list[dict]:
    return [w for w in words if w["x0"] >= x0 - 2 and w["x1"] <= x1 + 2 and w["top"] > top - 0.5
            and w["bottom"] < bottom + 0.5]


def _table_from_group(group: list[Rule], words: list[dict], chars: list[dict], page_number: int) -> Optional[RawTable]:
    widest = max(r.x1 - r.x0 for r in group)
    full = [r for r in group if r.x1 - r.x0 >= FULL_RULE_SHARE * widest]
    spanning = [r for r in group if r.x1 - r.x0 >= SEPARATOR_SHARE * widest]
    if not full or spanning[-1].top <= full[0].top:
        return None
    top_rule, bottom_rule = full[0], spanning[-1]
    inner_full = [r for r in full if top_rule.top < r.top < bottom_rule.top]
    mid_rule = inner_full[0] if inner_full else None
    x0, x1 = min(r.x0 for r in full), max(r.x1 for r in full)
    data_top = mid_rule.top if mid_rule else top_rule.top
    data_lines = group_lines(_region_words(words, x0, x1, data_top, bottom_rule.top))
    if not data_lines:
        return None
    edges = _column_edges(data_lines, x0, x1)
    # a tightly set table: its columns show as left edges shared by most lines (also when a wider gap finds some)
    tight = _column_edges(data_lines, x0, x1, _tight_gap(data_lines))
    if len(tight) > len(edges) and len(tight) >= 3 and _aligned_columns(data_lines, tight):
        edges = tight
    elif len(edges) < 3:
        return None
    forced = [r.top for r in spanning if data_top < r.top < bottom_rule.top]
    starts = _row_starts(data_lines, edges, forced)
    header: list[str] = []
    if mid_rule:
        header_words = _region_words(words, x0, x1, top_rule.top, mid_rule.top)
        by_column: list[list[dict]] = [[] for _ in edges[1:]]
        spans = _column_spans(data_lines, edges)
        for phrase in _header_phrases(header_words, _word_gap(data_lines), spans):
            by_column[_header_column(phrase, spans, edges)].extend(phrase)
        header = [" ".join(line.text for line in group_lines(col)) if col else "" for col in by_column]
    rows = []
    for k, start in enumerate(starts):
        row_top = data_lines[start].top - 0.5 if k else data_top
        row_bottom = data_lines[starts[k + 1]].top - 0.5 if k + 1 < len(starts) else bottom_rule.top
        row_chars = chars_in(chars, (edges[0], row_top, edges[-1], row_bottom))
        rows.append([RawCell(flatten_text(chars_in(row_chars, (a, row_top, b, row_bottom))),
                             (a, row_top, b, row_bottom), page_number) for a, b in zip(edges, edges[1:])])
    bbox: BBox = (x0, top_rule.top, x1, bottom_rule.top)
    return RawTable("booktabs", page_number, bbox, header, rows, edges, pages=[page_number])


def booktabs_tables(chars: list[dict], page_number: int, words: list[dict], rules: list[Rule],
                    captions: list[Caption], ruled_bboxes: list[BBox]) -> list[RawTable]:
    """Tables bounded by stacked full-width horizontal rules, unless a ruled table already covers them."""
    free = [r for r in rules if not any(b[0] - 2 <= r.x0 and r.x1 <= b[2] + 2 and b[1] - 2 <= r.top <= b[3] + 2
                                        for b in ruled_bboxes)]
    tables = []
    for group in _group_rules(free, captions, words):
        banner = _caption_as_top_rule(group, captions, words)
        if banner:
            group.insert(0, banner)
        if len(group) < 2:
            continue
        table = _table_from_group(group, words, chars, page_number)
        if table and not any(_covered_share(table.bbox, b) >= 0.9 for b in ruled_bboxes):
            tables.append(table)
    return tables


HEADER_UNDER_CAPTION = 40.0
"""Farthest (pt) a first rule may sit below a caption for the text between them to be the header row."""


def _caption_as_top_rule(group: list[Rule], captions: list[Caption], words: list[dict]) -> Optional[Rule]:
    """A virtual top rule under a caption when a header row sits between it and a group with no mid rule."""
    first = group[0]
    widest = max(r.x1 - r.x0 for r in group)
    if sum(1 for r in group if r.x1 - r.x0 >= FULL_RULE_SHARE * widest) >= 3:
        return None
    for cap in captions:
        gap = first.top - cap.bbox[3]
        if 0 < gap <= HEADER_UNDER_CAPTION and cap.bbox[0] < first.x1 and cap.bbox[2] > first.x0:
            between = _region_words(words, first.x0, first.x1, cap.bbox[3] + 0.5, first.top)
            if between:
                return Rule(first.x0, first.x1, cap.bbox[3] + 0.5)
    return None


def _covered_share(inner: BBox, outer: BBox) -> float:
    """Share of `inner`'s area that lies inside `outer`."""
    width = min(inner[2], outer[2]) - max(inner[0], outer[0])
    height = min(inner[3], outer[3]) - max(inner[1], outer[1])
    area = max((inner[2] - inner[0]) * (inner[3] - inner[1]), 1e-6)
    return max(width, 0) * max(height, 0) / area
