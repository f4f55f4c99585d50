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


# Justified lines whose words the typesetter placed one by one (TeX, InDesign): no space glyphs, stretched gaps.
JUSTIFIED_PAGES = (
    ("In the phase II trial the composite rate of remission was reached by most of",
     "the patients and the treatment was well tolerated with three patients having",
     "hepatic veno-occlusive disease at the end of the second cycle of therapy when",
     "the drug was given with low-intensity chemotherapy to older adults in the study",
     "23 heavily pretreated cases reached remission, and the rate was 61% at the end"),
    ("A post hoc study on the pivotal trial analyzed the efficacy of the new agent in",
     "those with relapse outside the marrow and found that the complete response rate",
     "was high and that it was reached early in the course of the treatment for most",
     "of the cohort while the duration of response was shorter among the older cases",
     "with a median of 8 months and a survival that did not differ from that of 23"),
    ("Toxicity was mild, with cytokine release seen in one of five of the cases and no",
     "neurologic events, which compares well with the rates reported for other agents",
     "given to adults with relapsed disease in earlier trials of similar size and design",
     "so the authors call for a larger randomized study to confirm the benefit as soon",
     "as possible, given the poor outcome of these patients with the current therapy of"),
)


def _justified_pdf(path, pages=JUSTIFIED_PAGES, top=730.0, pitch=12.0, width=483.0):
    """A4 pages of 10 pt Helvetica lines justified to `width` word by word, a running head and a page number."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(56, 30, "Journal of Examples 2024, 3, 117")
        pdf.text(290, 825, str(number))
        pdf.set_font("Helvetica", size=10)
        for k, line in enumerate(lines):
            words, x = line.split(), 56.0
            gap = (width - sum(pdf.get_string_width(w) for w in words)) / (len(words) - 1)
            for word in words:
                pdf.text(x, top + pitch * k, word)
                x += pdf.get_string_width(word) + gap
    pdf.output(str(path))
    return path


def test_justified_words_in_the_margin_band_are_not_dropped_as_page_numbers_or_running_lines(tmp_path):
    """Each word piece of a justified line in the bottom 10% was judged alone: '23' went as a page number, 'of' as a running line."""
    from collections import Counter

    doc = parse_pdf(_justified_pdf(tmp_path / "justified.pdf"), IngestSettings())
    expected = Counter(" ".join(" ".join(lines) for lines in JUSTIFIED_PAGES).split())
    got = Counter(doc.text.split())
    assert expected - got == Counter()
    assert "Journal of Examples" not in doc.text
    assert not [w for w in got - expected]


def _river_lines(n_rows=12):
    """Lines of one justified column cut at word gaps that all straddle x=200 but end and start at varied x."""
    from extractors.pdf.layout import Line

    lines = []
    for row in range(n_rows):
        top = 100.0 + 12 * row
        cut = 190.0 - 3 * (row % 5)
        start = 203.0 + 4 * (row % 4)
        lines += [Line(1, 56.0, top, 120.0, top + 10, 10.0, False, "alpha beta"),
                  Line(1, 128.0, top, cut, top + 10, 10.0, False, "gamma"),
                  Line(1, start, top, 300.0, top + 10, 10.0, False, "delta epsilon"),
                  Line(1, 308.0, top, 539.0, top + 10, 10.0, False, "zeta eta theta")]
    return lines


def test_find_gutter_ignores_the_word_gap_river_of_one_justified_column():
    """On a page holding one justified column, find_gutter returned an x inside an aligned run of word gaps."""
    from extractors.pdf.layout import find_gutter

    assert find_gutter(_river_lines()) is None


def test_find_gutter_is_not_pulled_into_a_column_by_its_stretched_last_words():
    """Word pieces of a justified left column that start near the gutter outvoted the whole lines they cut."""
    from extractors.pdf.layout import Line, find_gutter

    lines = [Line(1, 48.0, 60.0, 540.0, 70.0, 10.0, False, "full width caption")]
    for row in range(8):
        top = 100.0 + 12 * row
        if row in (1, 2, 5):  # loosely set lines come as word pieces; rows 1 and 2 end in a word near the gutter
            last_start = 280.0 if row != 5 else 245.0
            starts = [48.0 + (8 * row) % 13 + k * 42.0 for k in range(5)]
            lines += [Line(1, x, top, x + 24.0, top + 10, 10.0, False, "word") for x in starts]
            lines.append(Line(1, last_start, top, 288.6, top + 10, 10.0, False, "of"))
        else:
            lines.append(Line(1, 48.0, top, 288.6, top + 10, 10.0, False, "whole left column line"))
        lines.append(Line(1, 306.6, top, 547.0, top + 10, 10.0, False, "whole right column line"))
    gutter = find_gutter(lines)
    assert gutter is not None and 288.6 < gutter < 306.6


def test_continued_table_header_is_marked_table_on_its_own_page():
    """Only Table.bbox (first page) and cell boxes were marked, so the header repeated on page 2 stayed prose."""
    from extractors.pdf.ingest import _mark_table_lines
    from extractors.pdf.layout import Line
    from schemas.document import Table

    header_again = Line(2, 60.0, 70.0, 120.0, 80.0, 8.0, True, "Trial Setting Design")
    prose = Line(2, 60.0, 400.0, 500.0, 410.0, 10.0, False, "Body text under the table.")
    table = Table(table_id="x:Table 1", label="Table 1", page=1, pages=(1, 2), bbox=(50.0, 500.0, 540.0, 780.0),
                  regions=((1, (50.0, 500.0, 540.0, 780.0)), (2, (50.0, 60.0, 540.0, 300.0))))
    pages = [([], 842.0), ([header_again, prose], 842.0)]
    _mark_table_lines(pages, [table])
    assert (header_again.kind, prose.kind) == ("table", "body")


def test_paragraphs_set_apart_by_a_little_extra_space_in_a_tall_box_font_are_split(tmp_path):
    """PARAGRAPH_GAP_EM was measured between glyph boxes; DejaVu boxes are 1.17 em tall, so 4 pt extra space merged paragraphs."""
    import pytest

    from tests.fixtures.review_layouts import FontMissing, font_dir

    try:
        folder = font_dir("serif")
    except FontMissing as exc:
        pytest.skip(str(exc))
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("dvs", "", str(folder / "DejaVuSerif.ttf"))
    pdf.add_page()
    pdf.set_font("dvs", size=10)
    paragraphs = [f"Paragraph {n} line {k} of plain running text that fills the width of a column."
                  for n in range(1, 5) for k in range(1, 4)]
    y = 80.0
    for index, line in enumerate(paragraphs):
        pdf.text(56, y, line)
        y += 12.8 + (4.0 if index % 3 == 2 else 0.0)
    path = tmp_path / "spaced.pdf"
    pdf.output(str(path))
    doc = parse_pdf(path, IngestSettings())
    assert [b.text.split(" line ")[0] for b in doc.blocks] == [f"Paragraph {n}" for n in range(1, 5)]


def test_page_number_beside_a_changing_running_head_is_dropped_but_head_numbers_that_do_not_run_stay(tmp_path):
    """Judging whole rows put a page number set a little apart from a per-page running head into the text."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    heads = ("Background and aims", "Methods of the trial", "Results at one year", "Discussion of harms")
    for index, head in enumerate(heads):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(56, 30, head)
        pdf.text(56 + pdf.get_string_width(head) + 9, 30, str(41 + index))  # closer than the rejoin gap
        label = ("Enrolled", "Treated", "Responders", "Withdrawn")[index]
        pdf.text(56, 820, label)
        pdf.text(56 + pdf.get_string_width(label) + 9, 820, str(7 * index + 503))  # data, not a page number
        pdf.set_font("Helvetica", size=10)
        for k in range(6):
            pdf.text(56, 200 + 12 * k, f"Body line {k} of page {index + 1} in plain running text.")
    path = tmp_path / "heads.pdf"
    pdf.output(str(path))
    doc = parse_pdf(path, IngestSettings())
    words = doc.text.split()
    assert [str(41 + i) for i in range(4) if str(41 + i) in words] == []
    assert all(head in doc.text for head in heads)
    assert [str(7 * i + 503) for i in range(4) if str(7 * i + 503) in words] == ["503", "510", "517", "524"]


def test_a_second_column_ending_early_is_read_after_the_first_not_interleaved(tmp_path):
    """Regression: short_second_column_interleaved (a two-column news page whose right column held 8 of 70 lines was
    read as one column: its first paragraph came out interleaved line by line with the right column's)."""
    from extractors.pdf.ingest import parse_pdf
    from schemas.settings import IngestSettings
    from tests.fixtures.blind_report_pdfs import Layout, typeset

    first = ("LEEDS -- A once-weekly injection kept more older adults with myeloma in remission than the daily tablets "
             "they took before, investigators reported at a meeting here on Tuesday, though the benefit came at the "
             "cost of more infections in the first months.")
    middle = ["The study enrolled older adults at many hospitals across the north of England and Scotland, and its "
              "investigators followed them for several years after they started treatment in the clinic. " * 2] * 7
    last = "The group has opened another study in younger adults. Its results are expected in two years from now."
    text = "\n\n".join(["Weekly injection beats daily tablets in older adults with myeloma", first, *middle, last])
    pdf = typeset(text, Layout(columns=2, font="Times", size=10.0), tmp_path / "news.pdf")
    doc = parse_pdf(pdf, IngestSettings())
    assert first in doc.text
    assert last in doc.text


def test_find_gutter_keeps_a_short_column_beside_a_long_one():
    """A right column of 6 rows beside a left one of 40 holds under MIN_COLUMN_SHARE of the lines; it is a column when
    few lines cross the gutter and its rows share one left edge (not for a one-column page with indented lines)."""
    from extractors.pdf.layout import Line, find_gutter

    title = [Line(1, 48.0, 40.0, 540.0, 52.0, 14.0, True, "A title across both columns of the page")]
    left = [Line(1, 48.0, 70.0 + 12 * r, 288.0, 80.0 + 12 * r, 10.0, False, "left column line") for r in range(40)]
    right = [Line(1, 306.0, 70.0 + 12 * r, 546.0, 80.0 + 12 * r, 10.0, False, "right column line") for r in range(6)]
    assert find_gutter(title + left + right) is None  # the plain test keeps its 20% share
    gutter = find_gutter(title + left + right, short_columns=True)
    assert gutter is not None and 288.0 < gutter < 306.0
    full = [Line(1, 48.0, 70.0 + 12 * r, 546.0, 80.0 + 12 * r, 10.0, False, "one wide line") for r in range(40)]
    indented = [Line(1, 320.0, 600.0 + 12 * r, 546.0, 610.0 + 12 * r, 10.0, False, "signature") for r in range(6)]
    assert find_gutter(full + indented, short_columns=True) is None
