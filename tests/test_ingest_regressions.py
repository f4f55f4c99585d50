"""Regression tests for ingestion bugs found by running the whole flow on purpose-made PDFs."""
from __future__ import annotations

import pdfplumber

from extractors.pdf.ingest import parse_pdf
from schemas.settings import IngestSettings
from tests.fixtures.summary_table_pdfs import summary_table_pdf


def test_inherited_mediabox_gives_the_same_coordinates_as_pdfplumber(tmp_path):
    """fpdf2 puts the MediaBox on the page tree, not the page; PDFium's page MediaBox then read as US Letter."""
    path = summary_table_pdf(tmp_path / "review.pdf")
    doc = parse_pdf(path, IngestSettings())
    with pdfplumber.open(path) as pdf:
        first_char_top = pdf.pages[0].chars[0]["top"]
    first = doc.blocks[0]
    assert abs(first.bbox[1] - first_char_top) < 3.0
    table_text = {b.text for b in doc.blocks if b.kind == "table"}
    assert any("BETA-2" in t and "ALPHA-1" in t for t in table_text)
    assert not any("136%" in b.text for b in doc.blocks if b.kind in ("body", "heading"))


def test_small_table_print_does_not_turn_the_body_paragraph_into_a_title(tmp_path):
    """When table text outweighs prose, the body size was read from the table and the prose became a 'title'."""
    doc = parse_pdf(summary_table_pdf(tmp_path / "review.pdf"), IngestSettings())
    assert doc.blocks[0].kind == "body"
    assert doc.blocks[0].text.startswith("This short review")
