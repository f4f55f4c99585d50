"""Typeset prose, headings and tables into one or two columns with fpdf2 core fonts, running heads and page numbers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from fpdf import FPDF

from tests.fixtures.make_pdfs import FONT as TABLE_FONT, PITCH, ROW_GAP, SIZE as TABLE_SIZE
from tests.fixtures.make_pdfs import TableSpec, draw_booktabs, draw_ruled

PAGE_WIDTH, PAGE_HEIGHT = 595.28, 841.89
FIXED_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)
"""Creation date written into every PDF so that a seed gives the same bytes."""
COLUMN_GAP = 20.0
CELL_PAD = 3.0
"""Horizontal padding of the fixture table helpers on each side of a cell."""


@dataclass(frozen=True)
class Style:
    """How one journal sets its pages."""

    columns: int
    margin: float
    body_font: str
    body_size: float
    leading: float
    heading_font: str
    head_left: str
    head_right: str
    first_page: int
    footer: str
    header_rule: bool
    indent: bool


class JournalPDF(FPDF):
    """An FPDF that draws the journal's running head and page number on every page but the first."""

    def __init__(self, style: Style):
        super().__init__(unit="pt", format="A4")
        self.style = style
        self.core_fonts_encoding = "windows-1252"
        self.set_auto_page_break(False)
        self.set_creation_date(FIXED_DATE)

    def header(self) -> None:
        style = self.style
        if self.page == 1:
            return
        self.set_font(style.body_font, "I", 8)
        self.text(style.margin, 40, style.head_left)
        self.text(PAGE_WIDTH - style.margin - self.get_string_width(style.head_right), 40, style.head_right)
        if style.header_rule:
            self.set_line_width(0.4)
            self.line(style.margin, 46, PAGE_WIDTH - style.margin, 46)

    def footer(self) -> None:
        style = self.style
        self.set_font(style.body_font, "", 8)
        text = style.footer.format(page=self.page, folio=style.first_page + self.page - 1)
        self.text((PAGE_WIDTH - self.get_string_width(text)) / 2, PAGE_HEIGHT - 30, text)


_WORD_UNITS: dict[str, dict[str, int]] = {}
"""Word widths in 1/1000 em per core font, shared by all documents: core-font metrics never change."""


class Widths:
    """Line breaking with core-font metrics, faster than asking fpdf2 for every word's width."""

    def __init__(self, pdf: FPDF):
        self.pdf = pdf

    def width(self, text: str, family: str, emphasis: str, size: float) -> float:
        """Printed width of `text` in points."""
        self.pdf.set_font(family, emphasis, size)
        font = self.pdf.current_font
        units = _WORD_UNITS.setdefault(font.fontkey, {})
        total = 0
        for word in text.split():
            u = units.get(word)
            if u is None:
                u = units[word] = self._units(word, font.cw)
            total += u
        return (total + font.cw[" "] * max(0, len(text.split()) - 1)) * size / 1000

    def _units(self, word: str, widths: dict[str, int]) -> int:
        return sum(widths[c] for c in word.encode(self.pdf.core_fonts_encoding).decode("latin-1"))

    def wrap(self, text: str, width: float, family: str, emphasis: str, size: float,
             first_width: float | None = None) -> list[str]:
        """Greedy line breaking of `text` to `width` points (`first_width` for the first line) in the given font."""
        self.pdf.set_font(family, emphasis, size)
        font = self.pdf.current_font
        units = _WORD_UNITS.setdefault(font.fontkey, {})
        widths = font.cw
        scale = size / 1000
        space = widths[" "] * scale
        lines, line, used = [], [], 0.0
        limit = width if first_width is None else first_width
        for word in text.split():
            u = units.get(word)
            if u is None:
                u = units[word] = self._units(word, widths)
            w = u * scale
            if line and used + space + w > limit:
                lines.append(" ".join(line))
                limit = width
                line, used = [word], w
            else:
                used += (space if line else 0.0) + w
                line.append(word)
        if line:
            lines.append(" ".join(line))
        return lines


def table_height(spec: TableSpec, ruled: bool) -> float:
    """Height the fixture helpers draw `spec` at, so a table can be placed before it is drawn."""
    heights = [max(len(cell) for cell in cells) * PITCH for cells in (spec.header, *spec.rows)]
    if ruled:
        return sum(h + 4 for h in heights)
    return heights[0] + 9 + sum(h + ROW_GAP for h in heights[1:])


@dataclass
class PendingTable:
    """A table waiting to float to the top of the next page."""

    spec: TableSpec
    ruled: bool
    caption: tuple[str, str]
    footnote: str
    placed: dict


class Flow:
    """Fills columns top to bottom, page after page; wide tables float to the top of the next page."""

    def __init__(self, style: Style):
        self.style = style
        self.pdf = JournalPDF(style)
        self.widths = Widths(self.pdf)
        self.top, self.bottom = 62.0, PAGE_HEIGHT - 56
        self.full_width = PAGE_WIDTH - 2 * style.margin
        self.column_width = (self.full_width - COLUMN_GAP * (style.columns - 1)) / style.columns
        self.pending: list[PendingTable] = []
        self.column = 0
        self.pdf.add_page()
        self.y = self.column_top = 56.0

    @property
    def page(self) -> int:
        """The page being filled."""
        return self.pdf.page

    @property
    def x(self) -> float:
        """Left edge of the current column."""
        return self.style.margin + self.column * (self.column_width + COLUMN_GAP)

    def new_page(self) -> None:
        """Start a page, drawing any tables that were waiting for it at its top."""
        self.pdf.add_page()
        self.column, self.y = 0, self.top
        pending, self.pending = self.pending, []
        for table in pending:
            self.y = self._draw_table(table, self.style.margin, self.y, self.full_width) + 14
        self.column_top = self.y

    def next_column(self) -> None:
        """Move to the top of the next column, or of the next page after the last column."""
        if self.column + 1 < self.style.columns:
            self.column += 1
            self.y = self.column_top
        else:
            self.new_page()

    def fits(self, height: float) -> bool:
        """Whether `height` points still fit on this page, in this column or the next one."""
        return self.y + height <= self.bottom or self.column + 1 < self.style.columns

    def _ensure(self, height: float) -> None:
        if self.y + height > self.bottom:
            self.next_column()

    def lines(self, lines: list[str], family: str, emphasis: str, size: float, leading: float,
              x_offset: float = 0.0) -> None:
        """Write already wrapped lines, breaking columns and pages as they fill."""
        for line in lines:
            self._ensure(leading)
            self.pdf.set_font(family, emphasis, size)
            self.pdf.text(self.x + x_offset, self.y + size, line)
            self.y += leading

    def paragraph(self, text: str, *, size: float | None = None, emphasis: str = "") -> None:
        """A body paragraph in the current column."""
        style = self.style
        size = size or style.body_size
        leading = style.leading * size / style.body_size
        indent = 12.0 if style.indent else 0.0
        lines = self.widths.wrap(text, self.column_width, style.body_font, emphasis, size, self.column_width - indent)
        self.lines(lines[:1], style.body_font, emphasis, size, leading, indent)
        self.lines(lines[1:], style.body_font, emphasis, size, leading)
        self.y += 0 if style.indent else leading * 0.5

    def heading(self, text: str, level: int = 1) -> None:
        """A section heading kept with at least two lines of what follows."""
        style = self.style
        size = style.body_size + (2 if level == 1 else 0.5)
        self._ensure(size * 1.4 + 3 * style.leading)
        self.y += style.leading * (0.6 if level == 1 else 0.3)
        lines = self.widths.wrap(text, self.column_width, style.heading_font, "B", size)
        self.lines(lines, style.heading_font, "B", size, size * 1.3)
        self.y += 2

    def banner(self, text: str, family: str, emphasis: str, size: float, leading: float) -> None:
        """Full-width text on the first page, above the columns (title, authors, abstract)."""
        for line in self.widths.wrap(text, self.full_width, family, emphasis, size):
            self.pdf.set_font(family, emphasis, size)
            self.pdf.text(self.style.margin, self.y + size, line)
            self.y += leading
        self.column_top = self.y

    def table(self, spec: TableSpec, ruled: bool, caption: tuple[str, str], footnote: str, placed: dict) -> None:
        """Place a table: in the column when it fits its width, else floated full width to the next page.

        `placed` receives the page the table lands on.
        """
        table = PendingTable(spec, ruled, caption, footnote, placed)
        if sum(spec.widths) > self.column_width + 0.5:
            self.pending.append(table)
            return
        self._ensure(self._table_block_height(table, self.column_width))
        self.y = self._draw_table(table, self.x, self.y + 4, self.column_width) + 12

    def finish(self) -> FPDF:
        """Flush tables still waiting for a page and return the PDF."""
        if self.pending:
            self.new_page()
        return self.pdf

    def _caption_lines(self, table: PendingTable, width: float) -> list[str]:
        label, text = table.caption
        return self.widths.wrap(f"{label} {text}", width, TABLE_FONT, "", TABLE_SIZE + 1)

    def _table_block_height(self, table: PendingTable, width: float) -> float:
        caption = len(self._caption_lines(table, width)) * (TABLE_SIZE + 3)
        foot = len(self.widths.wrap(table.footnote, width, TABLE_FONT, "", 7)) * 9 if table.footnote else 0
        return caption + table_height(table.spec, table.ruled) + foot + 24

    def _draw_table(self, table: PendingTable, x: float, y: float, width: float) -> float:
        pdf = self.pdf
        size = TABLE_SIZE + 1
        label, _ = table.caption
        for k, line in enumerate(self._caption_lines(table, width)):
            if k == 0:
                pdf.set_font(TABLE_FONT, "B", size)
                pdf.text(x, y + size, label)
                offset = pdf.get_string_width(label) + pdf.get_string_width(" ")
                pdf.set_font(TABLE_FONT, "", size)
                pdf.text(x + offset, y + size, line[len(label) + 1:])
            else:
                pdf.text(x, y + size, line)
            y += size + 3
        y += 3
        table.placed["page"] = pdf.page
        y = (draw_ruled if table.ruled else draw_booktabs)(pdf, x, y, table.spec)
        if table.footnote:
            y += 4
            pdf.set_font(TABLE_FONT, "", 7)
            for line in self.widths.wrap(table.footnote, width, TABLE_FONT, "", 7):
                pdf.text(x, y + 7, line)
                y += 9
        return y
