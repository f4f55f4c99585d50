"""Third-party PDFs with known tables: pdfplumber's cell assertions, and cell recall against camelot's output.

Out of scope, so not asserted: senate-expenditures.pdf (a text-aligned table inside one ruled frame; pdfplumber's
own test crops it and uses the text strategy) and the strategy-specific assertions (edge counts, lines_strict,
crop sizes) that test pdfplumber rather than table content.
"""
from __future__ import annotations

import collections
import json
import re
import unicodedata

import pdfplumber
import pytest
from pdfplumber import utils

from extractors.pdf.table_layout import dedupe_chars
from extractors.pdf.tables import extract_tables

FOLDER = "tables_with_expected"

# Measured floors (cell recall against camelot's expected frames, NFKC, whitespace removed). Most misses are
# header conventions: camelot keeps each header line or title line as its own row, this extractor joins
# a header cell's lines and drops titles and footnotes outside the rules.
CAMELOT_RECALL_FLOORS = {
    "12s0324.pdf": 0.94,
    "health.pdf": 0.92,
    "superscript.pdf": 0.91,
    "twotables_2.pdf": 0.97,
    "us-030.pdf": 0.95,
    # camelot ran with copy_text='v' and repeats row-spanning text in every spanned row; see the distinct test.
    "row_span_1.pdf": 0.62,
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", re.sub(r"</?s>", "", text)))


def _tables(external_dir, name, pages=None):
    with pdfplumber.open(external_dir / FOLDER / name, pages=pages) as pdf:
        return extract_tables(pdf, "0" * 64)


def _expected(external_dir, name) -> dict:
    return json.loads((external_dir / FOLDER / f"{name}.expected.json").read_text(encoding="utf-8"))


def _all_cells(tables) -> list[str]:
    return [_norm(text) for t in tables for text in (*t.header, *(c.text for row in t.rows for c in row))]


def _recall(expected_cells: list[str], got_cells: list[str]) -> float:
    pool = collections.Counter(got_cells)
    hits = 0
    for cell in expected_cells:
        if pool[cell] > 0:
            pool[cell] -= 1
            hits += 1
    return hits / len(expected_cells)


@pytest.mark.parametrize("name", sorted(CAMELOT_RECALL_FLOORS))
def test_camelot_cell_recall_reaches_floor(external_dir, name):
    expected = _expected(external_dir, name)
    page = 2 if "pages='2'" in expected["call"] else 1
    wanted = [_norm(c) for t in expected["tables"] for row in t["rows"] for c in row if _norm(c)]
    recall = _recall(wanted, _all_cells(_tables(external_dir, name, pages=[page])))
    assert recall >= CAMELOT_RECALL_FLOORS[name], f"{name}: recall {recall:.3f}"


def test_row_span_table_recovers_every_distinct_cell(external_dir):
    expected = _expected(external_dir, "row_span_1.pdf")
    wanted = {_norm(c) for t in expected["tables"] for row in t["rows"] for c in row if _norm(c)}
    got = set(_all_cells(_tables(external_dir, "row_span_1.pdf")))
    assert wanted - got == set()


def test_camelot_two_tables_on_one_page_come_out_separately(external_dir):
    tables = _tables(external_dir, "twotables_2.pdf")
    assert [(t.label, len(t.header)) for t in tables] == [("Table 6", 8), ("Table 7", 8)]
    assert [c.text for c in tables[1].rows[-1]] == ["Pooled", "23889", "47.7", "1.5", "9.9", "19.9", "17.8", "3.3"]


def test_warn_report_first_rows(external_dir):
    expected = {a["test_function"]: a["expected"] for a in _expected(
        external_dir, "WARN-Report-for-7-1-2015-to-03-25-2016.pdf")["assertions"]}["test_parse"]
    table = _tables(external_dir, "WARN-Report-for-7-1-2015-to-03-25-2016.pdf", pages=[1])[0]
    squeeze = lambda row: [c.replace(" ", "") if i < 3 else c for i, c in enumerate(row)]  # noqa: E731
    assert squeeze(table.header) == expected["row_0"]
    assert squeeze([c.text for c in table.rows[0]]) == expected["row_1"]


def test_issue_140_last_row_and_row_count(external_dir):
    expected = {a["test_function"]: a["expected"] for a in _expected(external_dir, "issue-140-example.pdf")["assertions"]}
    table = _tables(external_dir, "issue-140-example.pdf")[0]
    assert [c.text for c in table.rows[-1]] == expected["test_edges_strict"]
    assert 1 + len(table.rows) == expected["test_issue_140"]


def test_issue_71_overprinted_chars_are_deduplicated(external_dir):
    assertions = _expected(external_dir, "issue-71-duplicate-chars.pdf")["assertions"]
    deduped = next(a["expected"] for a in assertions if "dedupe_chars().extract_table" in a["code"])
    with pdfplumber.open(external_dir / FOLDER / "issue-71-duplicate-chars.pdf") as pdf:
        text = utils.extract_text(dedupe_chars(pdf.pages[0].chars))
    assert text.split("\n")[-1] == deduped


def test_table_curves_one_table_with_uncommon_cell(external_dir):
    expected = next(a["expected"] for a in _expected(external_dir, "table-curves-example.pdf")["assertions"]
                    if a["code"].startswith("tables = "))
    tables = _tables(external_dir, "table-curves-example.pdf")
    assert [len(tables), tables[0].rows[-2][-2].text] == expected


def test_nics_banded_rows_split_into_one_row_per_state(external_dir):
    table = _tables(external_dir, "nics-background-checks-2015-11.pdf")[0]
    rows = [[c.text for c in row] for row in table.rows]
    assert [rows[0][0], rows[0][-1], rows[-2][0], rows[-2][-1]] == ["Alabama", "71,137", "Wyoming", "5,017"]
    assert rows[-1][0] == "Totals"
    number = lambda text: int(re.sub(r"[ ,]", "", text) or 0)  # noqa: E731  (California prints "98 452")
    for col in range(1, len(rows[0])):
        assert sum(number(r[col]) for r in rows[:-1]) == number(rows[-1][col]), table.header[col]
