"""Tables of the bundled review: Table 1 against the hand-checked gold, golden files, Table 2's shape."""
from __future__ import annotations

import hashlib
import json
import re

import pdfplumber
import pytest

from extractors.pdf.tables import extract_tables, pages_with_rules
from tests.conftest import REVIEW_PDF
from tests.golden.tables.regenerate import GOLDEN_DIR

GOLD_FIELDS = ("trial", "setting", "design", "total_patients", "treatment", "main_results")


def _collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def review_tables():
    sha = hashlib.sha256(REVIEW_PDF.read_bytes()).hexdigest()
    with pdfplumber.open(REVIEW_PDF) as pdf:
        return sha, extract_tables(pdf, sha)


def _table(tables, label):
    found = [t for t in tables if t.label == label]
    assert len(found) == 1, [t.label for t in tables]
    return found[0]


def test_review_table1_has_10_rows_of_6_cells_with_header(review_tables):
    sha, tables = review_tables
    table = _table(tables, "Table 1")
    assert table.table_id == f"{sha[:12]}:Table 1"
    assert table.caption.startswith("Table 1. Summary of the main clinical studies")
    assert table.header == ("Trial/Study [Reference]", "Setting", "Study Design", "Total Patients",
                            "Immunotherapeutic Treatment", "Main Results")
    assert [len(row) for row in table.rows] == [6] * 10
    assert [[c.row, c.col] for c in table.rows[3][:2]] == [[3, 0], [3, 1]]


def test_review_table1_all_60_cells_match_gold(review_tables, gold_dir):
    _, tables = review_tables
    table = _table(tables, "Table 1")
    gold = json.loads((gold_dir / "table1.json").read_text(encoding="utf-8"))
    mismatches = []
    for gold_row, row in zip(gold, table.rows):
        for field, cell in zip(GOLD_FIELDS, row):
            expected = gold_row[field]
            if field == "trial":
                marker = re.search(r"\[([^\]]*)\]\s*$", cell.text)
                assert marker and marker.group(1) == ",".join(map(str, gold_row["reference"])), cell.text
                expected = f"{expected} [{marker.group(1)}]"
            if _collapse(expected) != _collapse(cell.text):
                mismatches.append((gold_row["row"], field, expected, cell.text))
    assert len(gold) == len(table.rows) == 10
    assert mismatches == []


def test_review_table1_keeps_micro_signs_and_en_dashes_as_printed(review_tables):
    _, tables = review_tables
    table = _table(tables, "Table 1")
    treatments = [row[4].text for row in table.rows]
    assert "\u00b5g/day" in treatments[0] and "\u03bcg/m2" in treatments[1]
    assert "(1\u201330 years)" in table.rows[1][1].text


def test_review_table1_excludes_the_abbreviation_footnote(review_tables):
    _, tables = review_tables
    table = _table(tables, "Table 1")
    assert not any("represents" in cell.text for row in table.rows for cell in row)
    assert table.rows[-1][0].text == "ZUMA-3 trial [29]"


def test_review_table2_is_2_columns_of_bulleted_cells(review_tables):
    _, tables = review_tables
    table = _table(tables, "Table 2")
    assert table.page == 11
    assert table.header == ("Condition", "Our Approach")
    assert len(table.rows) == 3 and all(len(row) == 2 for row in table.rows)
    assert all(row[1].text.startswith("\u2022 ") for row in table.rows)


def test_review_tables_match_golden_file(review_tables):
    _, tables = review_tables
    golden = json.loads((GOLDEN_DIR / "lussana2023_cancers.tables.json").read_text(encoding="utf-8"))
    assert [t.model_dump(mode="json") for t in tables] == golden


def test_review_tables_found_when_only_table_pages_are_opened():
    with pdfplumber.open(REVIEW_PDF, pages=[6, 11]) as pdf:
        tables = extract_tables(pdf, "0" * 64)
    assert [(t.label, t.page, len(t.rows)) for t in tables] == [("Table 1", 6, 10), ("Table 2", 11, 3)]


def test_pages_with_rules_lists_the_table_pages():
    with pdfplumber.open(REVIEW_PDF, pages=[2, 3, 6, 11]) as pdf:
        assert pages_with_rules(pdf) == [6, 11]
