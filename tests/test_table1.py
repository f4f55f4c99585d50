"""Table 1 -> Table1Row: header synonyms, reference markers, shape checks, on the review and fixtures."""
from __future__ import annotations

import hashlib
import json

import pdfplumber
import pytest

from extractors.table1.mapping import Table1ShapeError, check_table1_shape, column_map, split_reference, table1_rows
from extractors.pdf.ingest import parse_pdf
from extractors.pdf.tables import extract_tables
from schemas.document import Cell, Document, DocumentStatus, Table
from schemas.settings import IngestSettings
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
    assert column_map(_table(header, [["48"] * len(header)])) == expected  # a bare 'Patients' column of counts


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


REVIEWS_DEV = ("review_cart_all", "review_phall_tki")


@pytest.mark.parametrize("slug", REVIEWS_DEV)
def test_table1_of_other_reviews_holds_every_gold_cell_under_its_role(slug, gold_dir):
    pdf = gold_dir.parent / "corpus" / "reviews" / f"{slug}.pdf"
    gold = json.loads((gold_dir / "reviews_dev" / f"{slug}.table1.json").read_text(encoding="utf-8"))
    rows = table1_rows(parse_pdf(pdf, IngestSettings()))
    assert [r.row_number for r in rows] == [g["row"] for g in gold]
    for row, want in zip(rows, gold):
        for role, header in want["roles"].items():
            cell = " ".join(want["columns"][header].split())
            got = f"{row.trial} [{row.reference}]" if role == "trial" and row.reference else getattr(row, role)
            assert got == cell, (slug, row.row_number, role)
        assert row.reference == ",".join(map(str, want["reference"]))
        unmapped = {h: " ".join(c.split()) for h, c in want["columns"].items() if h not in want["roles"].values()}
        assert row.extra_cells == unmapped


def test_merged_header_takes_one_role_per_part_and_patients_cells_decide():
    table = _table(("Study [ref]", "Design / patients (n)", "Product", "Outcomes"),
                   [["Alpha [1]", "Phase 2; adults (55)", "drug-x", "CR 40%"],
                    ["Beta [2]", "Phase 1; children (21)", "drug-y", "CR 50%"]])
    assert column_map(table) == {"trial": 0, "design": 1, "setting": 1, "total_patients": 1,
                                 "treatment": 2, "main_results": 3}


@pytest.mark.parametrize("cells, roles", [
    (["268", "86"], {"total_patients": 2}),
    (["Adults, newly diagnosed", "Older adults"], {"setting": 2}),
    (["Adults (55)", "Children (21)"], {"setting": 2, "total_patients": 2}),
])
def test_bare_patients_header_is_a_count_a_population_or_both(cells, roles):
    table = _table(("Trial", "Design", "Patients", "Results"),
                   [["A [1]", "Phase 2", cells[0], "CR 1%"], ["B [2]", "Phase 3", cells[1], "CR 2%"]])
    mapping = column_map(table)
    assert {k: v for k, v in mapping.items() if k in ("setting", "total_patients")} == roles


def test_columns_that_map_to_no_role_are_kept_as_extra_cells():
    doc = _document(REVIEW_PDF, [_table(("Trial", "Country", "Results"), [["Alpha [1]", "Italy", "CR 40%"]])])
    (row,) = table1_rows(doc)
    assert row.extra_cells == {"Country": "Italy"} and row.main_results == "CR 40%"


def test_unlabelled_study_and_results_columns_are_found_by_their_cells():
    table = _table(("", "Setting", ""), [["Alpha [1]", "R/R adults", "CR 40%, OS 12%"],
                                         ["Beta [2]", "Children", "CR 60%"]])
    assert column_map(table) == {"setting": 1, "trial": 0, "main_results": 2}


def test_rows_without_extra_cells_keep_their_content_ids(review_doc):
    row = table1_rows(review_doc)[0]
    assert row.extra_cells == {}
    assert row.row_id == row.model_copy(update={"extra_cells": {}}).row_id
    assert row.row_id != row.model_copy(update={"extra_cells": {"Country": "US"}}).row_id
