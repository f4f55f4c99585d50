"""Table pages read faster give the same pdfplumber objects and the same page choice as before (issue 10)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from fpdf import FPDF
from pdfplumber.page import Page

from extractors.pdf.page_rules import page_may_hold_table, rule_glyph_count
from extractors.pdf.plumber_page import FastCharPage
from extractors.pdf.table_layout import horizontal_rules, visible_rule_edges
from tests.fixtures.summary_table_pdfs import summary_table_pdf

SAMPLE_REVIEW = Path(__file__).resolve().parents[1] / "corpus" / "sample" / "lussana2023_cancers.pdf"


def _both_pages(pdf: pdfplumber.PDF, index: int) -> tuple[Page, FastCharPage]:
    plain = pdf.pages[index]
    fast = FastCharPage(pdf, plain.page_obj, page_number=plain.page_number, initial_doctop=plain.initial_doctop)
    return plain, fast


def test_fast_char_page_objects_equal_pdfplumbers_on_every_page_of_the_sample_review():
    with pdfplumber.open(SAMPLE_REVIEW) as pdf:
        compared = 0
        for index in range(len(pdf.pages)):
            plain, fast = _both_pages(pdf, index)
            assert fast.objects == plain.objects, f"page {index + 1}"
            assert [list(c) for c in fast.chars] == [list(c) for c in plain.chars]  # same keys, same order
            compared += len(plain.chars)
    assert compared > 10_000


def test_fast_char_page_keeps_the_media_box_offset_of_a_shifted_page(tmp_path):
    path = summary_table_pdf(tmp_path / "summary.pdf")
    shifted = tmp_path / "shifted.pdf"
    doc = pdfium.PdfDocument(str(path))
    for i in range(len(doc)):
        page = doc[i]
        left, bottom, right, top = page.get_mediabox()
        page.set_mediabox(left + 30, bottom + 40, right + 30, top + 40)
        page.close()
    doc.save(str(shifted))
    doc.close()
    with pdfplumber.open(shifted) as pdf:
        plain, fast = _both_pages(pdf, 0)
        assert plain.chars and fast.chars == plain.chars


def _page_pdf(path: Path, rules: int, typed_rule: bool = False, in_form: bool = False) -> Path:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(72, 90, "Table 1. Outcomes")
    for i in range(rules):
        pdf.line(72, 100 + 40 * i, 500, 100 + 40 * i)
    if typed_rule:
        pdf.text(72, 300, "." * 60)
    pdf.output(str(path))
    if in_form:  # PDFium's object API turns the page's content into one form XObject
        doc = pdfium.PdfDocument(str(path))
        target = pdfium.PdfDocument.new()
        xobject = doc.page_as_xobject(0, target)
        page = target.new_page(*doc[0].get_size())
        page.insert_obj(xobject.as_pageobject())
        page.gen_content()
        page.close()
        target.save(str(path))
        target.close()
        doc.close()
    return path


def _gate(path: Path) -> tuple[bool, int]:
    """The PDFium gate's answer and pdfplumber's count of horizontal rules, for page 1."""
    doc = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as plumbed:
        page = doc[0]
        text = doc[0].get_textpage().get_text_range()
        try:
            passed = page_may_hold_table(page, rule_glyph_count([text]))
        finally:
            page.close()
            doc.close()
        return passed, len(horizontal_rules(visible_rule_edges(plumbed.pages[0])))


def test_a_page_with_two_drawn_rules_goes_to_table_extraction(tmp_path):
    assert _gate(_page_pdf(tmp_path / "two.pdf", rules=2)) == (True, 2)


def test_a_page_with_one_drawn_rule_and_no_typed_rule_skips_table_extraction(tmp_path):
    assert _gate(_page_pdf(tmp_path / "one.pdf", rules=1)) == (False, 1)


def test_one_drawn_rule_with_a_typed_dotted_rule_still_goes_to_table_extraction(tmp_path):
    passed, drawn = _gate(_page_pdf(tmp_path / "typed.pdf", rules=1, typed_rule=True))
    assert passed and drawn == 1


def test_rules_inside_a_form_xobject_send_the_page_to_table_extraction(tmp_path):
    passed, drawn = _gate(_page_pdf(tmp_path / "form.pdf", rules=2, in_form=True))
    assert passed and drawn == 2


def test_gate_passes_every_page_of_the_sample_review_where_pdfplumber_finds_two_rules():
    doc = pdfium.PdfDocument(str(SAMPLE_REVIEW))
    with pdfplumber.open(SAMPLE_REVIEW) as plumbed:
        ruled = 0
        for index, plumber_page in enumerate(plumbed.pages):
            page = doc[index]
            try:
                passed = page_may_hold_table(page, 0)
            finally:
                page.close()
            if len(horizontal_rules(visible_rule_edges(plumber_page))) >= 2:
                ruled += 1
                assert passed, f"page {index + 1}"
    doc.close()
    assert ruled >= 1
