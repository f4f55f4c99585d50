"""Table 1 -> Table1Row: header synonyms, reference markers, shape checks, on the review and fixtures."""
from __future__ import annotations

import hashlib
import json

import pdfplumber
import pytest

from extractors.pdf.table1 import Table1ShapeError, check_table1_shape, column_map, split_reference, table1_rows
from extractors.pdf.tables import extract_tables
from schemas.document import Cell, Document, DocumentStatus, Table
from tests.conftest import REVIEW_PDF
from tests.fixtures.make_pdfs import booktabs_split_pdf


def _document(path, tables) -> Document:
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return Document(sha256=sha, path=str(path), pages=1, status=DocumentStatus.parsed,
                    parser_version="test", tables=tuple(tables))


def _table(header, rows, label="Table 1") -> Table:
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1) for c, t in enumerate(row)) for r, row in enumerate(rows))
    return Table(table_id="x:" + label, label=label, page=1, pages=(1,), header=tuple(header), rows=cells)


@pytest.fixture(scope="module")
def review_doc() -> Document:
    sha = hashlib.sha256(REVIEW_PDF.read_bytes()).hexdigest()
    with pdfplumber.open(REVIEW_PDF, pages=[5, 6, 7]) as pdf:
        return _document(REVIEW_PDF, extract_tables(pdf, sha))


def test_review_table1_rows_match_gold_fields(review_doc, gold_dir):
    rows = table1_rows(review_doc)
    gold = json.loads((gold_dir / "table1.json").read_text(encoding="utf-8"))
    assert [r.row_number for r in rows] == list(range(1, 11))
    fields = ("trial", "setting", "design", "total_patients", "treatment", "main_results")
    got = [[getattr(r, f) for f in fields] for r in rows]
    want = [[" ".join(g[f].split()) for f in fields] for g in gold]
    assert got == want
    assert [r.reference for r in rows] == [",".join(map(str, g["reference"])) for g in gold]


def test_review_table1_reference_markers_keep_their_printed_form(review_doc):
    rows = table1_rows(review_doc)
    assert rows[7].trial == "Eliana study" and rows[7].reference == "23,24,25"
    assert rows[0].reference == "13"
    assert all(r.page == 6 and r.document == "lussana2023_cancers.pdf" for r in rows)
    assert all(r.table_id == f"{review_doc.sha256[:12]}:Table 1" for r in rows)
    assert check_table1_shape(next(t for t in review_doc.tables if t.label == "Table 1")) == []


def test_table1_split_over_pages_gives_all_rows_in_order(tmp_path):
    path = booktabs_split_pdf(tmp_path / "split.pdf")
    with pdfplumber.open(path) as pdf:
        doc = _document(path, extract_tables(pdf, "0" * 64))
    rows = table1_rows(doc)
    assert [(r.row_number, r.trial, r.reference, r.page) for r in rows] == [
        (1, "Alpha-1 trial", "3", 1), (2, "Beta study", "4,5", 1), (3, "Gamma et al.", "6\u20138", 1),
        (4, "Delta", "9", 2), (5, "Epsilon trial", "10", 2)]
    assert rows[4].main_results == "Medina RFS: 18.9 months."
    assert rows[1].total_patients == "48" and rows[1].design == "Phase II"


@pytest.mark.parametrize("header, expected", [
    (("Trial/Study [Reference]", "Setting", "Study Design", "Total Patients", "Immunotherapeutic Treatment",
      "Main Results"), {"trial": 0, "setting": 1, "design": 2, "total_patients": 3, "treatment": 4,
                        "main_results": 5}),
    (("Study", "Population", "Design", "N", "Intervention", "Outcomes"),
     {"trial": 0, "setting": 1, "design": 2, "total_patients": 3, "treatment": 4, "main_results": 5}),
    (("Trial", "Patients", "Regimen", "Results"), {"trial": 0, "total_patients": 1, "treatment": 2,
                                                  "main_results": 3}),
])
def test_header_synonyms_map_columns(header, expected):
    assert column_map(_table(header, [["x"] * len(header)])) == expected


@pytest.mark.parametrize("cell, expected", [
    ("Tower 2017 [13]", ("Tower 2017", "13")),
    ("Eliana study [23,24,25]", ("Eliana study", "23,24,25")),
    ("Gamma [6\u20138]", ("Gamma", "6\u20138")),
    ("No marker here", ("No marker here", None)),
    ("Trial [a]", ("Trial [a]", None)),
])
def test_split_reference(cell, expected):
    assert split_reference(cell) == expected


def test_shape_check_names_missing_columns_and_empty_tables():
    problems = check_table1_shape(_table(("Trial", "Results"), []))
    assert any("'design'" in p for p in problems) and any("no data rows" in p for p in problems)


def test_missing_columns_become_empty_strings_not_errors(tmp_path):
    doc = _document(REVIEW_PDF, [_table(("Trial", "Results"), [["Alpha [1]", "CR 40%"]])])
    (row,) = table1_rows(doc)
    assert (row.trial, row.reference, row.main_results, row.design) == ("Alpha", "1", "CR 40%", "")


def test_table1_that_is_not_a_study_summary_raises_shape_error():
    doc = _document(REVIEW_PDF, [_table(("Characteristic", "Value"), [["Age", "54"]])])
    with pytest.raises(Table1ShapeError, match="not a per-study summary"):
        table1_rows(doc)


def test_document_without_table1_gives_no_rows():
    doc = _document(REVIEW_PDF, [_table(("Trial", "Results"), [["A", "B"]], label="Table 2")])
    assert table1_rows(doc) == []
