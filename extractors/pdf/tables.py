"""Extract ruled and booktabs tables from a pdfplumber PDF, with captions, merged across page breaks."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from pdfplumber import utils

from extractors.pdf.table_booktabs import booktabs_tables
from extractors.pdf.table_layout import (
    BBox, Caption, RawCell, RawTable, TextLine, cell_lines, chars_in, dedupe_chars, find_captions, flatten_text,
    glyph_rules, group_lines, horizontal_rules, ruled_table_settings, split_segments, visible_rule_edges,
)
from schemas.document import Cell, Table

EXTRACTOR_VERSION = "tables-1.0"

CAPTION_MAX_DISTANCE = 80.0
"""Farthest a caption may sit above or below its table, in points."""

CAPTION_OVERLAP = 5.0
"""A caption set in a banner may overlap its table's top rule by this much (pt)."""

BELOW_PENALTY = 5.0
"""Captions above a table win over equally near ones below, as in most journals."""

PLAIN_LABEL_PENALTY = 20.0
"""'Table 1 shows ...' opening a body line is weaker evidence than 'Table 1.' or 'Table 1:'; it loses ties."""

TOP_OF_PAGE_LINES = 2
"""Text lines (running head) allowed above a captionless table that continues the previous page's."""

WORD_GAP = 1.5
"""Gap (pt) that separates words; pdfplumber's default of 3 glues words in tightly set captions."""
MIN_CAPTIONLESS_ROWS = 2
"""Body rows a booktabs grid without a caption needs to count as a table (one row is a banner or a boxed note)."""

COLUMN_MATCH_TOLERANCE = 10.0
"""Relative column edges of two parts of one table agree within this many points."""


def pages_with_rules(pdf) -> list[int]:
    """Real page numbers of pages with two or more drawn horizontal rules: cheap, and a superset of most table pages."""
    return [page.page_number for page in pdf.pages if len(horizontal_rules(visible_rule_edges(page))) >= 2]


def extract_tables(pdf, sha256: str) -> list[Table]:
    """Tables of `pdf` in reading order, captions linked and parts split over pages merged; real page numbers."""
    parts: list[RawTable] = []
    for page in pdf.pages:
        # page_number is the real page even when pdfplumber.open(..., pages=[...]) opened a subset.
        parts.extend(_page_tables(page, page.page_number))
    return _to_schema(_merge_parts(parts), sha256)


def _page_tables(page, number: int) -> list[RawTable]:
    """Ruled and booktabs tables of one page with captions linked; skips pages with no drawn rule at all."""
    edges = visible_rule_edges(page)
    rules = horizontal_rules(edges)
    if len(rules) < 1:
        return []
    chars = dedupe_chars(page.chars)
    words = utils.extract_words(chars, x_tolerance=WORD_GAP, extra_attrs=["size"])
    lines = group_lines(words) if words else []
    typed = glyph_rules(lines)
    if typed:
        drawn = {id(w) for _, ws in typed for w in ws}
        words = [w for w in words if id(w) not in drawn]
        chars = [c for c in chars if not any(r.x0 - 1 <= c["x0"] and c["x1"] <= r.x1 + 1 and
                                             c["top"] <= r.top <= c["bottom"] for r, _ in typed)]
        lines = group_lines(words) if words else []
        rules = sorted(rules + [r for r, _ in typed], key=lambda r: r.top)
    if len(rules) < 2:
        return []
    settings = ruled_table_settings(edges)
    found_ruled = page.find_tables(settings) if settings else []
    ruled = [t for t in (_ruled_table(found, chars, number) for found in found_ruled) if t]
    stop_tops = [r.top for r in rules] + [t.bbox[1] for t in ruled]
    captions = find_captions(lines, number, stop_tops) if lines else []
    booktabs = booktabs_tables(chars, number, words, rules, captions, [t.bbox for t in ruled])
    ruled = [t for t in ruled if not any(_inside_wider(t.bbox, b.bbox) for b in booktabs)]
    tables = sorted(ruled + booktabs, key=lambda t: (t.bbox[1], t.bbox[0]))
    _link_captions(tables, captions)
    segments = [seg for line in lines for seg in split_segments(line)]
    for table in tables:
        table.lines_above = _lines_above(table, segments, captions)
    return tables


NUMERIC_LINE = re.compile(r"^[-–−+$€£(]?\s*[\d.,]+\s*%?\)?$|^[-–—]$")
"""A cell line that is a single figure (or a dash for none), as in banded statistical tables."""


def _banded_rows(row: list[RawCell], chars: list[dict]) -> list[list[RawCell]]:
    """Split a ruled row whose cells all hold k stacked lines, mostly figures, into k rows (banded tables)."""
    lines = [cell_lines(chars_in(chars, c.bbox)) if c.bbox else [] for c in row]
    counts = {len(x) for x in lines if x}
    numeric = sum(1 for x in lines if x and all(NUMERIC_LINE.match(t) for t in x))
    filled = sum(1 for x in lines if x)
    if len(counts) != 1 or min(counts) < 2 or numeric * 2 < filled:
        return [row]
    k = counts.pop()
    out = []
    for j in range(k):
        out.append([RawCell(x[j] if x else "", None if c.bbox is None else (
            c.bbox[0], c.bbox[1] + j * (c.bbox[3] - c.bbox[1]) / k, c.bbox[2],
            c.bbox[1] + (j + 1) * (c.bbox[3] - c.bbox[1]) / k), c.page) for c, x in zip(row, lines)])
    return out


def _mid_y(char: dict) -> float:
    return (char["top"] + char["bottom"]) / 2


def _ruled_table(found, chars: list[dict], number: int) -> Optional[RawTable]:
    chars = sorted(chars_in(chars, found.bbox), key=_mid_y)
    mids = [_mid_y(c) for c in chars]
    band_of = lambda top, bottom: chars[bisect_left(mids, top):bisect_left(mids, bottom)]  # noqa: E731
    grid = []
    for row in found.rows:
        band = band_of(row.bbox[1], row.bbox[3])
        grid.append([RawCell(flatten_text(chars_in(band, box)) if box else "", box, number) for box in row.cells])
    n_cols = max((len(r) for r in grid), default=0)
    if len(grid) < 2 or n_cols < 2 or sum(1 for r in grid for c in r if c.text) < 3:
        return None
    xs = sorted({box[0] for row in found.rows for box in row.cells if box}) + [found.bbox[2]]
    n_header = 2 if len(grid) > 2 and any(box is None for box in found.rows[0].cells) else 1
    header = [" ".join(filter(None, (grid[i][c].text for i in range(n_header)))) for c in range(n_cols)]
    rows = [split for row, found_row in zip(grid[n_header:], found.rows[n_header:])
            for split in _banded_rows(row, band_of(found_row.bbox[1], found_row.bbox[3]))]
    table = RawTable("ruled", number, tuple(found.bbox), header, rows, xs, pages=[number])
    return table


def _inside_wider(inner: BBox, outer: BBox) -> bool:
    """True when `inner` (a ruled box) lies within `outer`, a booktabs table at least 10% wider."""
    contained = inner[0] >= outer[0] - 2 and inner[2] <= outer[2] + 2 and inner[1] >= outer[1] - 2 \
        and inner[3] <= outer[3] + 2
    return contained and (outer[2] - outer[0]) >= 1.1 * (inner[2] - inner[0])


def _link_captions(tables: list[RawTable], captions: list[Caption]) -> None:
    """Pair each table with the nearest free caption above (preferred) or below it."""
    pairs = []
    for ti, table in enumerate(tables):
        x0, top, x1, bottom = table.bbox
        for ci, cap in enumerate(captions):
            if cap.bbox[0] >= x1 or cap.bbox[2] <= x0:
                continue
            above = top - cap.bbox[3]
            below = cap.bbox[1] - bottom
            penalty = 0.0 if cap.punctuated else PLAIN_LABEL_PENALTY
            if -CAPTION_OVERLAP <= above <= CAPTION_MAX_DISTANCE:
                pairs.append((above + penalty, ti, ci))
            elif -CAPTION_OVERLAP <= below <= CAPTION_MAX_DISTANCE:
                pairs.append((below + BELOW_PENALTY + penalty, ti, ci))
    used_tables, used_captions = set(), set()
    for _, ti, ci in sorted(pairs):
        if ti not in used_tables and ci not in used_captions:
            tables[ti].caption = captions[ci]
            used_tables.add(ti)
            used_captions.add(ci)


def _lines_above(table: RawTable, segments: list[TextLine], captions: list[Caption]) -> int:
    caption_tops = {round(line.top, 1) for cap in captions for line in cap.lines}
    return sum(1 for seg in segments if seg.bottom <= table.bbox[1] + 1 and seg.x1 > table.bbox[0]
               and seg.x0 < table.bbox[2] and round(seg.top, 1) not in caption_tops)


def _norm(texts) -> tuple[str, ...]:
    return tuple(" ".join(t.split()).casefold() for t in texts)


def _same_header(a, b) -> bool:
    """Same header cells, or the same header words cut into cells at other column gaps (a narrower part's edges)."""
    return _norm(a) == _norm(b) or "".join("".join(_norm(a)).split()) == "".join("".join(_norm(b)).split())


def _same_columns(a: RawTable, b: RawTable) -> bool:
    rel_a = [x - a.col_edges[0] for x in a.col_edges]
    rel_b = [x - b.col_edges[0] for x in b.col_edges]
    return all(abs(p - q) <= COLUMN_MATCH_TOLERANCE for p, q in zip(rel_a, rel_b))


def _continues(prev: RawTable, part: RawTable) -> bool:
    """True when `part` carries on `prev` from the previous page."""
    if part.page != prev.pages[-1] + 1 or part.n_cols != prev.n_cols:
        return False
    if part.caption is not None:
        return part.caption.continued and (prev.caption is None or prev.caption.label == part.caption.label)
    at_top = part.lines_above <= TOP_OF_PAGE_LINES
    return at_top and part.kind == prev.kind and (part.kind == "ruled" or _same_columns(prev, part))


def _merge_parts(parts: list[RawTable]) -> list[RawTable]:
    merged: list[RawTable] = []
    for part in parts:
        prev = merged[-1] if merged else None
        if prev is not None and _continues(prev, part):
            rows = list(part.rows)
            if part.header and not _same_header(part.header, prev.header):
                rows.insert(0, [RawCell(text, None, part.page) for text in part.header])
            if rows and _same_header([c.text for c in rows[0]], prev.header):
                rows.pop(0)
            prev.rows.extend(rows)
            prev.pages.append(part.page)
            prev.continuation_boxes.append((part.page, part.bbox))
        else:
            merged.append(part)
    return [t for t in merged if t.kind == "ruled" or t.caption is not None or _captionless_grid(t)]


def _captionless_grid(table: RawTable) -> bool:
    """A booktabs grid without a caption that is still a table: a header naming every column over body rows.

    Cards and posters print results tables under a plain heading ('Key numbers'); stacked rules with one text line
    between them (a banner, a pull quote) have no such header.
    """
    return table.n_cols >= 2 and len(table.rows) >= MIN_CAPTIONLESS_ROWS \
        and len(table.header) == table.n_cols and all(h.strip() for h in table.header)


def _to_schema(tables: list[RawTable], sha256: str) -> list[Table]:
    out, seen = [], {}
    for n, raw in enumerate(tables, 1):
        label = raw.caption.label if raw.caption else None
        key = label or f"t{n}"
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        rows = tuple(
            tuple(Cell(row=r, col=c, text=cell.text, page=cell.page, bbox=_round(cell.bbox))
                  for c, cell in enumerate(row))
            for r, row in enumerate(raw.rows))
        out.append(Table(table_id=f"{sha256[:12]}:{key}", label=label,
                         caption=raw.caption.text if raw.caption else None, page=raw.page,
                         pages=tuple(raw.pages), bbox=_round(raw.bbox),
                         regions=tuple((page, _round(box)) for page, box in [(raw.page, raw.bbox), *raw.continuation_boxes]),
                         header=tuple(raw.header), rows=rows))
    return out


def _round(bbox: Optional[BBox]) -> Optional[BBox]:
    return None if bbox is None else tuple(round(float(v), 2) for v in bbox)
