"""Layout behaviour of parse_pdf on tiny purpose-made PDFs: columns, hyphens, running heads, markers, ligatures."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from fpdf import FPDF

from extractors.pdf.ingest import parse_pdf
from extractors.pdf.textclean import Vocabulary, clean_chars, decide_hyphen, join_lines
from schemas.document import DocumentStatus
from schemas.settings import IngestSettings

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LEFT_X, RIGHT_X = 50, 320


def _new_pdf() -> FPDF:
    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=10)
    return pdf


def _save(pdf: FPDF, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    pdf.output(str(path))
    return path


def _parse(path: Path):
    doc = parse_pdf(path, IngestSettings(cache_dir=path.parent / "cache"))
    assert doc.status is DocumentStatus.parsed, doc.message
    for block in doc.blocks:
        assert doc.text[block.char_start:block.char_end] == block.text
    return doc


def _column(pdf: FPDF, x: float, y: float, label: str, n: int = 6) -> float:
    for i in range(n):
        pdf.text(x, y + 12 * i, f"{label} sentence number {i} stays here.")
    return y + 12 * n


def test_two_columns_read_left_then_right_with_full_width_in_place(tmp_path):
    pdf = _new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", size=16)
    pdf.text(LEFT_X, 60, "A Title Running Across The Whole Page Width Of This Test Document")
    pdf.set_font("Helvetica", size=10)
    _column(pdf, LEFT_X, 100, "Upper left")
    _column(pdf, RIGHT_X, 100, "Upper right")
    pdf.text(LEFT_X, 200, "A full width note that runs across both columns of the page and sits between them all.")
    _column(pdf, LEFT_X, 240, "Lower left")
    _column(pdf, RIGHT_X, 240, "Lower right")
    doc = _parse(_save(pdf, tmp_path, "columns.pdf"))
    order = [doc.text.index(s) for s in ("A Title", "Upper left sentence number 0", "Upper left sentence number 5",
                                         "Upper right sentence number 0", "A full width note",
                                         "Lower left sentence number 0", "Lower right sentence number 5")]
    assert order == sorted(order)
    columns = {b.column for b in doc.blocks if "Upper right" in b.text}
    assert columns == {2}
    assert {b.column for b in doc.blocks if "full width note" in b.text} == {0}


def test_hyphen_at_line_end_is_joined_but_real_hyphens_stay(tmp_path):
    pdf = _new_pdf()
    pdf.add_page()
    lines = ["Results were negative for the control group here.", "", "The new immuno-", "therapy works well in CD19-",
             "positive patients and Ph-", "negative cases with 4-", "1BB costimulation and anti-", "CD19 agents."]
    for i, line in enumerate(lines):
        if line:
            pdf.text(LEFT_X, 80 + 12 * i, line)
    doc = _parse(_save(pdf, tmp_path, "hyphens.pdf"))
    assert ("The new immunotherapy works well in CD19-positive patients and Ph-negative cases with 4-1BB "
            "costimulation and anti-CD19 agents.") in doc.text


@pytest.mark.parametrize(("left", "right", "keep"), [
    ("immuno", "therapy", False),
    ("CD19", "positive", True),
    ("anti", "CD19", True),
    ("4", "1BB", True),
    ("event", "free survival", True),
    ("follow", "up", True),
])
def test_hyphen_rules_decide_from_parts_alone(left, right, keep):
    vocabulary = Vocabulary(Counter({"up": 1}), Counter())
    assert decide_hyphen(left, right, vocabulary).keep_hyphen is keep


def test_hyphen_rules_follow_the_documents_own_spelling():
    seen_joined = Vocabulary(Counter({"frontline": 2}), Counter({"front-line": 1}))
    seen_hyphenated = Vocabulary(Counter({"frontline": 1}), Counter({"front-line": 3}))
    assert join_lines(["as front-", "line therapy"], seen_joined) == "as frontline therapy"
    assert join_lines(["as front-", "line therapy"], seen_hyphenated) == "as front-line therapy"


def test_running_header_footer_and_page_numbers_are_dropped(tmp_path):
    pdf = _new_pdf()
    for page in range(1, 4):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(LEFT_X, 30, f"Journal of Made-up Results 2024, 7, {100 + page}")
        pdf.text(500, 30, f"{page} of 3")
        pdf.text(280, 820, f"Page {page}")
        pdf.set_font("Helvetica", size=10)
        for i in range(5):
            pdf.text(LEFT_X, 100 + 12 * i, f"Body text of page {page} line {i} is kept in the output.")
    doc = _parse(_save(pdf, tmp_path, "running.pdf"))
    assert "Journal of Made-up Results" not in doc.text
    assert " of 3" not in doc.text and "Page " not in doc.text
    assert all(f"Body text of page {p} line 4" in doc.text for p in (1, 2, 3))


def test_superscript_marker_after_number_is_kept_out_but_powers_of_ten_stay(tmp_path):
    pdf = _new_pdf()
    pdf.add_page()
    y = 100
    pdf.text(LEFT_X, y, "Response was 45%")
    marker_x = LEFT_X + pdf.get_string_width("Response was 45%")
    pdf.set_font("Helvetica", size=6)
    pdf.text(marker_x, y - 4, "a")
    pdf.set_font("Helvetica", size=10)
    pdf.text(marker_x + 4, y, " in arm A and median OS was 7.7")
    marker_x = marker_x + 4 + pdf.get_string_width(" in arm A and median OS was 7.7")
    pdf.set_font("Helvetica", size=6)
    pdf.text(marker_x, y - 4, "1")
    pdf.set_font("Helvetica", size=10)
    pdf.text(marker_x + 4, y, " months with MRD below 10")
    marker_x = marker_x + 4 + pdf.get_string_width(" months with MRD below 10")
    pdf.set_font("Helvetica", size=6)
    pdf.text(marker_x, y - 4, "-4")
    pdf.set_font("Helvetica", size=10)
    pdf.text(marker_x + 8, y, " overall.")
    doc = _parse(_save(pdf, tmp_path, "superscript.pdf"))
    assert "Response was 45% in arm A and median OS was 7.7 months with MRD below 10-4 overall." in doc.text


def test_ligatures_are_spelled_out():
    assert clean_chars("\ufb01rst e\ufb00ect \ufb02ow o\ufb03ce ba\ufb04e") == ("first effect flow office baffle", 0)


def test_cid_garbage_is_removed_and_counted():
    assert clean_chars("Intl (cid:2)C Assoc (cid:72)") == ("Intl C Assoc ", 2)


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVuSans.ttf is not installed")
def test_ligature_glyphs_in_a_pdf_come_out_as_letters(tmp_path):
    pdf = _new_pdf()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    pdf.text(LEFT_X, 100, "The \ufb01rst e\ufb00ect \ufb02ows o\ufb03cially.")
    doc = _parse(_save(pdf, tmp_path, "ligature.pdf"))
    assert "The first effect flows officially." in doc.text


def test_headings_set_sections_and_captions_are_marked(tmp_path):
    pdf = _new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=10)
    pdf.text(LEFT_X, 80, "1. Introduction")
    pdf.set_font("Helvetica", size=10)
    for i in range(3):
        pdf.text(LEFT_X, 96 + 12 * i, f"Introductory sentence {i} about the topic of this test.")
    pdf.text(LEFT_X, 150, "Table 1. Outcomes by arm in the made-up study.")
    pdf.set_font("Helvetica", style="B", size=10)
    pdf.text(LEFT_X, 180, "2. Methods")
    pdf.set_font("Helvetica", size=10)
    pdf.text(LEFT_X, 196, "We describe the methods in one sentence.")
    doc = _parse(_save(pdf, tmp_path, "sections.pdf"))
    kinds = {b.text: (b.kind, b.section) for b in doc.blocks}
    assert kinds["1. Introduction"] == ("heading", "1. Introduction")
    assert kinds["2. Methods"] == ("heading", "2. Methods")
    assert kinds["Table 1. Outcomes by arm in the made-up study."][0] == "caption"
    assert kinds["We describe the methods in one sentence."] == ("body", "2. Methods")
    intro = next(b for b in doc.blocks if b.text.startswith("Introductory sentence 0"))
    assert intro.section == "1. Introduction"


def test_a_paragraph_run_into_a_numbered_heading_stays_body_text(tmp_path):
    """Regression: run_in_heading_swallowed_paragraph (a label's '5.1 Title' set on the paragraph's first line, in a
    narrow monospaced column, made every line of the paragraph a wrapped heading, so its results were never read)."""
    from tests.fixtures.blind_report_pdfs import Layout, typeset

    text = ("Prescribing information excerpt for a bispecific antibody\n\n"
            "5.1 Neurologic Toxicity\nNeurologic toxicity, including serious or fatal events, can occur in patients "
            "receiving the antibody. Among the 120 patients treated at the recommended dose, neurologic events "
            "occurred in 31% of patients and grade 3 events in 4%. Most events resolved within a week of onset.\n")
    pdf = typeset(text, Layout(columns=2, font="Courier", size=8.0), tmp_path / "label.pdf")
    doc = parse_pdf(pdf, IngestSettings())
    body = " ".join(b.text for b in doc.blocks if b.kind == "body")
    assert "neurologic events occurred in 31% of patients" in body
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert all(len(h.split()) <= 24 for h in headings), headings


def test_a_short_third_poster_column_is_read_apart_from_the_second(tmp_path):
    """Regression: poster_third_column_merged (a 3-column landscape poster whose third column held a few bullets had
    each of its lines glued to the second column's line at the same height)."""
    from tests.fixtures.blind_report_pdfs import Layout, typeset

    text = ("A three-column poster for a study of two schedules\n\n"
            "Background\n" + "\n".join(f"• Background point {i} is set in the first column of the poster."
                                        for i in range(17)) + "\n\n"
            "Results\n" + "\n".join(f"• Finding {i} of the middle column reads as one complete sentence."
                                     for i in range(17)) + "\n\n"
            "Conclusions\n• The short schedule was not inferior.\n• Half of the long-schedule patients stopped early.\n"
            "• A larger trial is planned.\n• Both schedules were tolerable.\n")
    pdf = typeset(text, Layout(columns=3, font="Times", size=10.0, landscape=True), tmp_path / "poster.pdf")
    doc = parse_pdf(pdf, IngestSettings())
    flat = " ".join(doc.text.split())
    assert "• Finding 12 of the middle column reads as one complete sentence. • Finding 13 of the middle" in flat
    assert "• The short schedule was not inferior. • Half of the long-schedule patients stopped early." in flat
    assert max(b.column for b in doc.blocks) == 3


def test_a_title_wrapped_over_a_line_with_commas_stays_one_title():
    """Regression: title_split_at_commas (the run-in heading guard cut a report's two-line title at its second line's
    commas, so documents.title lost the study's name and Table 1 no longer found the report by title)."""
    from tests.conftest import SHARED

    doc = parse_pdf(SHARED / "corpus" / "trials_dev" / "ponatinib_blinatumomab_mdacc.pdf", IngestSettings())
    titles = [b.text for b in doc.blocks if b.kind == "title"]
    assert len(titles) == 1 and "ponatinib plus blinatumomab" in titles[0] and "phase 2 trial" in titles[0]


def test_a_four_row_table_under_a_plain_heading_is_read_regression(tmp_path):
    """Regression: small_captionless_table_page_skipped (a card's four-row booktabs table under 'Outcomes by subtype',
    with no 'Table N' caption, left its page under the row count that sends a page to table extraction)."""
    from tests.fixtures.make_pdfs import TableSpec, draw_booktabs, expected_cells

    spec = TableSpec(widths=(150.0, 90.0, 90.0), header=(("Outcome",), ("Nodal (n = 19)",), ("Splenic (n = 13)",)),
                     rows=((("ORR, n/N (%)",), ("15/19 (78.9)",), ("10/13 (76.9)",)),
                           (("CR, n/N (%)",), ("7/19 (36.8)",), ("4/13 (30.8)",)),
                           (("PFS, 24 mo, %",), ("76.5",), ("71.3",))))
    pdf = _new_pdf()
    pdf.add_page()
    pdf.text(60, 80, "Outcomes by subtype")
    draw_booktabs(pdf, 60, 96, spec)
    pdf.text(60, 220, "Responses were durable in both subtypes.")
    doc = _parse(_save(pdf, tmp_path, "card.pdf"))
    assert len(doc.tables) == 1
    assert [[c.text for c in row] for row in doc.tables[0].rows] == expected_cells(spec)


def test_a_short_third_column_of_a_landscape_card_is_read_after_the_second(tmp_path):
    """Regression: short_third_column_interleaved (a card's third column holding only the end of a bullet list, three
    lines, was no column: its lines were read between the second column's lines at the same heights)."""
    pdf = FPDF(unit="pt", format=(842, 595))
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=9)
    pdf.add_page()
    for x, label, n in ((40, "First column", 30), (300, "Second column", 30)):
        for i in range(n):
            pdf.text(x, 60 + 11 * i, f"{label} line {i} of the summary card.")
    for i, words in enumerate(("Third column line 0 closes", "the bullet list it began", "on the card.")):
        pdf.text(560, 60 + 11 * i, words)
    doc = _parse(_save(pdf, tmp_path, "card.pdf"))
    assert doc.text.index("Second column line 29") < doc.text.index("Third column line 0")
    assert "Third column line 0 closes the bullet list it began on the card." in doc.text


def test_a_wrapped_bullet_ending_its_first_line_with_a_colon_stays_one_paragraph(tmp_path):
    """Regression: bullet_colon_split ('• Overall response at end of treatment:' and its hanging second line
    '73.0% (54/74) with A ...' became two paragraphs, so the rate lost its endpoint and window)."""
    pdf = _new_pdf()
    pdf.set_font("Courier", size=9)
    pdf.add_page()
    pdf.text(LEFT_X, 100, "- Overall response at the end of treatment:")
    pdf.text(LEFT_X + 10.8, 111, "71.0% with the study drug, against 48.2% with the comparator.")
    pdf.text(LEFT_X, 136, "- A second bullet starts here.")
    for i in range(6):
        pdf.text(LEFT_X, 170 + 12 * i, f"Body line {i} of an ordinary paragraph that runs across the page.")
    doc = _parse(_save(pdf, tmp_path, "bullets.pdf"))
    assert "treatment: 71.0% with the study drug" in doc.text
    assert "comparator.\n\n- A second bullet" in doc.text


_LABEL_TEXT = """QUARTZ-CEL suspension for intravenous infusion: clinical studies (excerpt)

6.1 Clinical Trials Experience

The safety population comprised 104 adults who received quartz-cel at the target dose. Cytokine release syndrome occurred in 79.8% of patients, with Grade 3 events in 6.7%; there were no Grade 4 or 5 events. Neurologic toxicities occurred in 38.5%, with Grade 3 or higher events in 9.6%. The median time to onset of cytokine release syndrome was 5 days (range: 1 to 13 days) and the median duration was 4 days. Prolonged cytopenias of Grade 3 or higher at Day 30 were reported in 31.7% of patients, and serious infections in 15.4%. Hypogammaglobulinemia was reported in 14.4% of patients and was managed with immunoglobulin replacement where needed. Tumour lysis syndrome was reported in two patients. Secondary haematological malignancies were reported in three patients during long-term follow-up, and one patient developed a T-cell lymphoma that was investigated for the presence of the transgene. Monitor patients for cytokine release syndrome and neurologic toxicities daily for at least 7 days at a certified healthcare facility, and instruct them to remain within proximity of that facility for at least 4 weeks. Monitor blood counts, immunoglobulin levels and signs of infection before and after infusion, and provide prophylaxis according to local guidelines. Vaccination with live virus vaccines is not recommended for at least 6 weeks before the start of lymphodepleting chemotherapy, during treatment, and until immune recovery. Patients treated with the product should not donate blood, organs, tissues or cells for transplantation. Adverse reactions were graded with version 5.0 of the common terminology criteria, and cytokine release syndrome and neurologic toxicities with the consensus criteria of the American Society for Transplantation and Cellular Therapy.

14.2 Relapsed or Refractory Mantle Cell Lymphoma

The efficacy of quartz-cel was evaluated in an open-label, single-arm trial in adults with relapsed or refractory mantle cell lymphoma after two or more lines of therapy, including a Bruton tyrosine kinase inhibitor. Patients with active central nervous system disease or an ECOG performance status of 2 or more were excluded. Lymphodepleting chemotherapy was fludarabine 30 mg/m2/day and cyclophosphamide 500 mg/m2/day for 3 days, given 2 to 6 days before the infusion. Of the 118 patients who underwent leukapheresis, 104 received quartz-cel; 9 did not receive the product because of progression and 5 because of manufacturing failure. The efficacy population comprised 88 infused patients with measurable disease. The median age was 68 years and the median number of prior lines was 3.

Table 9. Efficacy Results in Mantle Cell Lymphoma
| Outcome | Quartz-cel (N = 88) |
|---|---|
| Complete response rate, n (%) | 51 (58.0) |
| 95% CI | (47.0, 68.4) |
| Overall response rate, n (%) | 76 (86.4) |
| 95% CI | (77.4, 92.8) |
| Duration of response, median (95% CI), months | 21.4 (15.8, NR) |
CI = confidence interval; NR = not reached.

Among the 76 responders, the estimated probability of remaining in response at 12 months was 68.3%.
"""


def test_a_right_column_that_is_mostly_a_table_is_still_a_column(tmp_path):
    """Regression: table_column_hid_gutter (a landscape label's right column held a table and a few lines of text;
    without the table's lines no gutter was found, so those lines were read into the left column's sentences)."""
    from tests.fixtures.blind_report_pdfs import Layout, write_report_pdfs

    source = tmp_path / "source"
    source.mkdir()
    (source / "label_quartz.txt").write_text(_LABEL_TEXT, encoding="utf-8")
    layout = Layout(columns=2, font="Courier", size=8.0, table_style="booktabs", landscape=True,
                    running_head="FULL PRESCRIBING INFORMATION (excerpt)")
    pdf = write_report_pdfs(tmp_path / "pdf", source, {"label_quartz": layout})["label_quartz"]
    doc = _parse(pdf)
    assert ("Among the 76 responders, the estimated probability of remaining in response at 12 months was 68.3%."
            in doc.text)
    assert "given 2 to 6 days before the infusion." in doc.text
