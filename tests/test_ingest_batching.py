"""Batched PDFium reading and the shortcuts that keep ingest fast give the same answers as the plain computations."""
from __future__ import annotations

import re
from collections import Counter

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from extractors.pdf import page_tokens
from extractors.pdf.chars import read_page
from extractors.pdf.ingest import draws, parse_pdf
from extractors.pdf.layout import page_lines
from extractors.pdf.textclean import _WORD_TAIL, _word_tail, build_vocabulary
from schemas.settings import IngestSettings

SENTENCE = "Overall survival improved in the treated arm of the randomised trial"


def _full_vote(angles: list[float]) -> int:
    votes = Counter(page_tokens.orientation(a) for a in angles if a >= 0)
    return votes.most_common(1)[0][0] if votes else 0


@pytest.mark.parametrize("angles", [
    [0.0] * 500,
    [1.5707964] * 300 + [0.0] * 700,  # the leader only emerges late
    [1.5707964] * 50 + [0.0] * 50,  # a tie goes to the direction seen first
    [-1.0] * 40 + [3.1415927] * 3,
    [],
])
def test_text_rotation_stops_early_only_when_the_vote_is_decided(monkeypatch, angles):
    samples = [a for a in angles for _ in range(page_tokens.ANGLE_SAMPLE_STEP)]
    monkeypatch.setattr(page_tokens, "_char_angle", lambda address, index: samples[index])
    monkeypatch.setattr(page_tokens, "address_of", lambda raw: 1)
    assert page_tokens.text_rotation(None, len(samples)) == _full_vote(angles)


@pytest.mark.parametrize("text", ["short", "ends with a word", "x" * 200, "a " + "y" * 64, "tail-" + "z" * 63,
                                  "no word at the end -", ""])
def test_word_tail_probe_matches_a_full_search(text):
    full = _WORD_TAIL.search(text)
    probed = _word_tail(text)
    assert (full and full.group(1)) == (probed and probed.group(1))


def test_vocabulary_counts_hyphenated_compounds_apart_from_their_parts():
    vocabulary = build_vocabulary(["The event-free survival and event-free rate", "long-term follow-up of event"])
    assert vocabulary.hyphenated["event-free"] == 2 and vocabulary.hyphenated["follow-up"] == 1
    assert vocabulary.words["event"] == 3 and vocabulary.words["free"] == 2
    assert not any("-" in word for word in vocabulary.words)


def _pdf_with(path, draw_rule_on_second_page: bool, sidebar: bool = False):
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_font("Helvetica", size=10)
    for page in range(2):
        pdf.add_page()
        pdf.text(72, 100, SENTENCE)
        if sidebar:
            with pdf.rotation(90, x=30, y=500):
                pdf.text(30, 500, "Downloaded from a sidebar")
            pdf.text(72, 120, SENTENCE)
        if page == 1 and draw_rule_on_second_page:
            pdf.line(72, 140, 500, 140)
    pdf.output(str(path))
    return path


def test_pages_without_any_drawing_are_not_sent_to_table_extraction(tmp_path):
    doc = pdfium.PdfDocument(str(_pdf_with(tmp_path / "rule.pdf", draw_rule_on_second_page=True)))
    try:
        assert [number for number in (1, 2) if draws(doc[number - 1])] == [2]
    finally:
        doc.close()


def test_text_running_across_the_page_is_skipped_without_breaking_the_lines_around_it(tmp_path):
    path = _pdf_with(tmp_path / "sidebar.pdf", draw_rule_on_second_page=False, sidebar=True)
    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[0]
        glyphs = read_page(page)
        page.close()
    finally:
        doc.close()
    texts = [line.text for line in page_lines(1, glyphs)]
    assert texts == [SENTENCE, SENTENCE]
    assert glyphs.n_rotated == len(re.sub(r"\s", "", "Downloaded from a sidebar"))
    assert glyphs.n_chars == 2 * len(SENTENCE.replace(" ", ""))
    parsed = parse_pdf(path, IngestSettings(cache_dir=tmp_path), with_tables=False)
    assert "running across the text direction" in parsed.message
