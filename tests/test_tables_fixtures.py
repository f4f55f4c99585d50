"""Tiny purpose-made PDFs: ruled, booktabs, booktabs split over pages, caption below; exact cells."""
from __future__ import annotations

import pdfplumber
import pytest

from extractors.pdf.tables import extract_tables
from tests.fixtures.make_pdfs import (
    SMALL_TABLE, STUDY_TABLE, TableSpec, _caption, _new_pdf, booktabs_split_pdf, draw_booktabs, booktabs_table_pdf, caption_below_pdf, expected_cells,
    expected_header, ruled_split_without_caption_pdf, ruled_table_pdf, rules_without_table_pdf, two_column_pdf,
)

SHA = "ab" * 32


def _tables(builder, tmp_path):
    path = builder(tmp_path / f"{builder.__name__}.pdf")
    with pdfplumber.open(path) as pdf:
        return extract_tables(pdf, SHA)


def _texts(table):
    return [[cell.text for cell in row] for row in table.rows]


@pytest.mark.parametrize("builder, label, caption", [
    (ruled_table_pdf, "Table 1", "Table 1. Summary of the main studies of drugs A to D."),
    (booktabs_table_pdf, "Table 2", "Table 2: Studies of drugs A to D (booktabs layout)."),
])
def test_single_page_table_cells_are_exact(builder, label, caption, tmp_path):
    tables = _tables(builder, tmp_path)
    assert len(tables) == 1
    table = tables[0]
    assert (table.label, table.caption, table.page, table.pages) == (label, caption, 1, (1,))
    assert table.table_id == f"{SHA[:12]}:{label}"
    assert list(table.header) == expected_header(STUDY_TABLE)
    assert _texts(table) == expected_cells(STUDY_TABLE)


def test_multi_line_cells_join_with_one_space_and_keep_hyphens(tmp_path):
    table = _tables(booktabs_table_pdf, tmp_path)[0]
    assert table.rows[1][5].text == "CR: 58%. MRD- negative: 67%."
    assert table.rows[1][1].text == "Children (1\u201318 years)"
    assert table.rows[0][4].text == "Drug A 9 \u00b5g/day then 28 \u00b5g/day"


def test_footnote_under_table_is_not_a_row(tmp_path):
    for builder in (ruled_table_pdf, booktabs_table_pdf):
        table = _tables(builder, tmp_path)[0]
        assert len(table.rows) == len(STUDY_TABLE.rows)
        assert not any("remission" in cell.text and "CR," in cell.text for row in table.rows for cell in row)


def test_cells_carry_page_row_col_and_a_box_inside_the_table(tmp_path):
    table = _tables(booktabs_table_pdf, tmp_path)[0]
    x0, top, x1, bottom = table.bbox
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            assert (cell.row, cell.col, cell.page) == (r, c, 1)
            assert x0 - 1 <= cell.bbox[0] < cell.bbox[2] <= x1 + 1 and top - 1 <= cell.bbox[1] < cell.bbox[3] <= bottom + 1


def test_booktabs_table1_split_over_two_pages_is_merged_without_repeated_header(tmp_path):
    tables = _tables(booktabs_split_pdf, tmp_path)
    assert len(tables) == 1
    table = tables[0]
    assert (table.label, table.page, table.pages) == ("Table 1", 1, (1, 2))
    assert table.caption == "Table 1. Summary of the main studies of drugs A to D."
    assert list(table.header) == expected_header(STUDY_TABLE)
    assert _texts(table) == expected_cells(STUDY_TABLE)
    assert [row[0].page for row in table.rows] == [1, 1, 1, 2, 2]
    assert [row[0].row for row in table.rows] == [0, 1, 2, 3, 4]


def test_caption_below_the_table_is_linked_and_stops_before_the_note(tmp_path):
    tables = _tables(caption_below_pdf, tmp_path)
    assert len(tables) == 1
    table = tables[0]
    assert table.label == "Table 3"
    assert table.caption == "Table 3. Outcomes by arm, caption set below the table."
    assert list(table.header) == expected_header(SMALL_TABLE)
    assert _texts(table) == expected_cells(SMALL_TABLE)


def test_ruled_table_continuing_captionless_at_top_of_next_page_is_merged(tmp_path):
    tables = _tables(ruled_split_without_caption_pdf, tmp_path)
    assert [(t.label, t.pages) for t in tables] == [("Table 4", (1, 2))]
    assert _texts(tables[0]) == expected_cells(STUDY_TABLE)


def test_two_column_page_caption_ignores_the_other_column(tmp_path):
    tables = _tables(two_column_pdf, tmp_path)
    assert len(tables) == 1
    assert tables[0].caption == "Table 5. Arms of a small trial."
    assert _texts(tables[0]) == expected_cells(SMALL_TABLE)


def test_running_head_and_footnote_rules_around_prose_make_no_table(tmp_path):
    assert _tables(rules_without_table_pdf, tmp_path) == []


TIGHT_TABLE = TableSpec(
    widths=(150.0, 70.0, 70.0),
    header=(("Outcome",), ("Drug (n = 40)",), ("Control (n = 38)",)),
    rows=(
        (("Complete remission",), ("24 (60%)",), ("12 (32%)",)),
        (("Complete remission with", "incomplete count recovery"), ("30 (75%)",), ("15 (39%)",)),
        (("MRD negativity (flow,", "threshold 0.01%)"), ("20 (50%)",), ("8 (21%)",)),
        (("Overall survival at 1 year",), ("72%",), ("55%",)),
    ),
)


def _tight_booktabs_pdf(path, spec=TIGHT_TABLE,
                        caption=("Table 2.", "Response by arm, rows printed without extra row spacing.")):
    pdf = _new_pdf()
    pdf.add_page()
    y = _caption(pdf, 40, 60, *caption)
    draw_booktabs(pdf, 40, y, spec, row_gap=0.0)
    pdf.output(str(path))
    return path


def test_booktabs_row_whose_first_cell_wraps_alone_stays_one_row(tmp_path):
    table = _tables(_tight_booktabs_pdf, tmp_path)[0]
    assert _texts(table) == expected_cells(TIGHT_TABLE)


WRAPPED_CELLS_TABLE = TableSpec(
    widths=(150.0, 60.0, 60.0),
    header=(("Outcome",), ("Group A (n = 40)",), ("Group B (n = 38)",)),
    rows=(
        (("Remission after cycle 2,", "n/N (%)"), ("24/40", "(60.0)"), ("12/38", "(31.6)")),
        (("MRD below 0.01% among", "responders, n/N (%)"), ("20/24", "(83.3)"), ("8/12", "(66.7)")),
        (("Overall survival at 1 year, %",), ("72",), ("55",)),
    ),
)


def _wrapped_cells_pdf(path):
    return _tight_booktabs_pdf(path, WRAPPED_CELLS_TABLE,
                               ("Table 3.", "Outcomes by group, count and share wrapped in narrow columns."))


def test_booktabs_row_whose_value_cells_wrap_with_their_label_stays_one_row_regression(tmp_path):
    """Regression: wrapped_count_percent_cells_split_the_row ('40/52' over '(76.9)' beside a wrapped label made two
    rows, the second holding the label's tail and the bare percentages)."""
    table = _tables(_wrapped_cells_pdf, tmp_path)[0]
    assert _texts(table) == expected_cells(WRAPPED_CELLS_TABLE)
