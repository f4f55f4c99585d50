"""Booktabs table shapes: columns set closer than the usual word gap; a cell wrapped inside its brackets."""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from extractors.pdf.tables import extract_tables
from tests.fixtures.make_pdfs import TableSpec, _caption, _new_pdf, draw_booktabs

SHA = "cd" * 32
SIZE = 12.5
HEADER = ("Outcome", "Arm A (n = 60)", "Arm B (n = 58)")
ROWS = (
    ("Complete remission at the end of induction", "41/60 (68.3%)", "30/58 (51.7%)"),
    ("MRD below 10^-4 among responders", "33/41 (80.5%)", "17/30 (56.7%)"),
    ("Median event-free survival, months", "21.9", "12.4"),
    ("Hazard ratio for an event (95% CI)", "0.61 (0.40-0.93)", "reference"),
)


def _tight_table_pdf(path: Path, gap: float) -> Path:
    """One booktabs table whose columns start `gap` points after the widest text of the column before."""
    pdf = _new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", size=SIZE)
    columns = list(zip(HEADER, *ROWS))
    widths = [max(pdf.get_string_width(text) for text in column) + gap for column in columns]
    x, y = 42.0, 60.0
    y = _caption(pdf, x, y, "Table 2:", "Efficacy outcomes by group")
    pdf.set_font("Helvetica", size=SIZE)
    total = sum(widths)
    pdf.set_line_width(0.8)
    pdf.line(x, y, x + total, y)
    for k, text in enumerate(HEADER):
        pdf.text(x + sum(widths[:k]), y + SIZE + 3, text)
    y += SIZE + 8
    pdf.set_line_width(0.4)
    pdf.line(x, y, x + total, y)
    for row in ROWS:
        for k, text in enumerate(row):
            pdf.text(x + sum(widths[:k]), y + SIZE + 4, text)
        y += SIZE + 10
    pdf.set_line_width(0.8)
    pdf.line(x, y, x + total, y)
    pdf.output(str(path))
    return path


def test_a_booktabs_table_with_columns_six_points_apart_keeps_its_columns(tmp_path):
    """Regression: tight_booktabs_columns_lost (a results table whose long row labels ran to 6 pt before the next
    column, under the 7.5 pt word gap of its 12.5 pt font, was read as one column and dropped: its figures were read
    as prose with no arm)."""
    with pdfplumber.open(_tight_table_pdf(tmp_path / "tight.pdf", gap=6.0)) as pdf:
        tables = extract_tables(pdf, SHA)
    assert len(tables) == 1
    assert list(tables[0].header) == list(HEADER)
    assert [[cell.text for cell in row] for row in tables[0].rows] == [list(row) for row in ROWS]


def test_a_table_with_ordinary_gaps_reads_the_same(tmp_path):
    """The tight-gap fallback changes nothing when the usual word gap already finds the columns."""
    with pdfplumber.open(_tight_table_pdf(tmp_path / "wide.pdf", gap=18.0)) as pdf:
        tables = extract_tables(pdf, SHA)
    assert [[cell.text for cell in row] for row in tables[0].rows] == [list(row) for row in ROWS]


_WRAPPED = TableSpec(
    widths=(130.0, 70.0, 70.0),
    header=(("Outcome",), ("Cohort A",), ("Cohort B",)),
    rows=(
        (("Median duration of response,", "months (95% CI)"), ("22.6 (17.4, NE)",), ("10.2 (5.8, NE)",)),
        (("Response lasting 12 months,", "% (95% CI)"), ("71.8 (61.5, 79.8)",), ("46.9 (31.7,", "60.6)")),
    ),
)


def test_a_cell_wrapped_inside_its_brackets_stays_one_row(tmp_path):
    """Regression: open_bracket_cell_split_row (a label row whose second cell wrapped as '46.9 (31.7,' over '60.6)'
    became two rows, and the row lost its landmark: 'Duration of response at 12' / 'months, % (95% CI)')."""
    pdf = _new_pdf()
    pdf.add_page()
    y = _caption(pdf, 42.0, 60.0, "Table 3:", "Durability of response")
    draw_booktabs(pdf, 42.0, y, _WRAPPED, row_gap=0.0)
    path = tmp_path / "wrapped.pdf"
    pdf.output(str(path))
    with pdfplumber.open(path) as opened:
        tables = extract_tables(opened, SHA)
    assert [[cell.text for cell in row] for row in tables[0].rows] == [
        ["Median duration of response, months (95% CI)", "22.6 (17.4, NE)", "10.2 (5.8, NE)"],
        ["Response lasting 12 months, % (95% CI)", "71.8 (61.5, 79.8)", "46.9 (31.7, 60.6)"],
    ]
