"""extract_evidence on small hand-built Documents: study attribution, provenance, Table 1 and generic tables."""
from __future__ import annotations

import hashlib

import pytest

from extractors.evidence.attribution import (
    SentenceFacts, TrialIndex, attribute_paragraph, citations_in, is_new_study_intro, parse_reference_numbers,
)
from extractors.evidence.extract import extract_evidence
from schemas.declarations import TABLE1_EXTRACTOR_PREFIX
from schemas.document import Block, Cell, Document, DocumentStatus, Table
from schemas.evidence import Table1Row

SHA = hashlib.sha256(b"synthetic").hexdigest()


def make_doc(paragraphs: list[tuple[str, str]], tables: tuple[Table, ...] = ()) -> Document:
    """A Document with one block per (kind, text) paragraph on page 1, separated by blank lines."""
    text, blocks, section = "", [], None
    for i, (kind, para) in enumerate(paragraphs):
        if kind == "heading":
            section = para
        start = len(text)
        text += para
        blocks.append(Block(page=1 + i // 4, bbox=(10.0, 20.0 * i, 300.0, 20.0 * i + 15), kind=kind, section=section,
                            text=para, char_start=start, char_end=len(text)))
        text += "\n\n"
    return Document(sha256=SHA, path="/corpus/synthetic_trial.pdf", pages=3, status=DocumentStatus.parsed,
                    parser_version="test", text=text, blocks=tuple(blocks), tables=tables)


def make_row(n: int, trial: str, reference: str, total: str, treatment: str, results: str) -> Table1Row:
    return Table1Row(doc_sha256=SHA, document="synthetic_trial.pdf", table_id=f"{SHA[:12]}:Table 1", row_number=n,
                     trial=trial, reference=reference, setting="R/R adults", design="Phase II trial",
                     total_patients=total, treatment=treatment, main_results=results, page=3, bbox=(40.0, 100.0 + n, 550.0, 110.0 + n))


def test_reference_numbers_and_citations():
    assert parse_reference_numbers("23, 24,25") == {23, 24, 25}
    assert parse_reference_numbers("16–19") == {16, 17, 18, 19}
    assert citations_in("as shown [4] and [16,17] and [20–22].") == {4, 16, 17, 20, 21, 22}


@pytest.mark.parametrize("sentence, intro", [
    ("In a phase I/II dose-escalation trial, blinatumomab showed a CR rate of 39%.", True),
    ("Interestingly, a recent propensity score analysis on 58 old patients was done.", True),
    ("Liu and colleagues published a small study including 11 patients.", True),
    ("Likewise, the patients treated in the MD Anderson study did well.", True),
    ("Among the patients who achieved CR, 76% were MRD negative.", False),
    ("In the long-term follow-up, the 5-year EFS was 42%.", False),
    ("In this study, the patients were randomized.", False),
])
def test_new_study_cues(sentence, intro):
    assert is_new_study_intro(sentence) is intro


def _facts(text: str, names=(), cites=frozenset(), intro=False) -> SentenceFacts:
    return SentenceFacts(0, len(text), text, [(0, n, None) for n in names], frozenset(cites), intro)


def test_study_runs_inherit_names_and_reset_on_new_study():
    row = make_row(1, "Blast", "10", "113", "Blinatumomab", "OS: 36.5 months.")
    index = TrialIndex(rows=(row,), row_refs=(frozenset({10}),))
    sentences = [
        _facts("The ALPHA-1 trial randomized 405 patients [4].", names=["ALPHA-1"], cites={4}),
        _facts("Compared with chemotherapy, CR was 34% versus 16%."),
        _facts("In a phase I study, CR was 39%.", intro=True),
        _facts("The median OS was 7.5 months [5].", cites={5}),
        _facts("In a multicenter phase II study, 78% responded [10].", cites={10}, intro=True),
        _facts("Interestingly, patients in CR1 did well [10].", cites={10}),
    ]
    refs = attribute_paragraph(sentences, index)
    assert [r.trial for r in refs] == ["ALPHA-1", "ALPHA-1", None, None, "Blast", "Blast"]


def test_citation_maps_to_table1_row_only_when_it_covers_half_its_references():
    row = make_row(1, "Eliana study", "23,24,25", "79", "tisagenlecleucel", "CR rate: 82%.")
    index = TrialIndex(rows=(row,), row_refs=(frozenset({23, 24, 25}),))
    assert index.row_for_citations(frozenset({24, 25})) is row
    assert index.row_for_citations(frozenset({23})) is None


PARAGRAPHS = [
    ("heading", "2.1. Blinatumomab"),
    ("body", "The phase III ALPHA-1 trial (ClinicalTrials.gov identifier: NCT01234567) randomized 300 patients to "
             "either blinatumomab or standard chemotherapy [4]. Compared with the chemotherapy arm, patients treated "
             "with blinatumomab achieved a higher complete remission rate (44% versus 25%) and a longer median overall "
             "survival (7·7 months versus 4.0 months; HR, 0.71 [95% CI, 0.55 to 0.93]). The 2-year OS rate was 36% vs. 20%."),
    ("body", "In a single-arm phase II study of 45 patients, blinatumomab gave a CR rate of 36% [7]. "
             "Patients received 9 µg/day in the first week; 76% were male and the median age was 41 years."),
    ("caption", "Figure 1. Response rate of 99% in the simulation."),
]


def _doc_and_rows():
    rows = [make_row(1, "ALPHA-1 2017", "4", "200 blinatumomab vs. 100 ChT", "Blinatumomab 28 µg/day",
                     "CR: blinatumomab 44% vs. ChT 25%. OS: blinatumomab 36% vs. ChT 20%."),
            make_row(2, "Smith et al.", "7", "45", "Blinatumomab", "CR: 36%. Median RFS: 6.7 months.")]
    return make_doc(PARAGRAPHS), rows


def _readings(records, source):
    return sorted((r.trial, r.endpoint, r.arm, r.value, r.unit, r.statistic, r.timepoint)
                  for r in records if r.source == source)


def test_extract_body_and_table1_readings():
    doc, rows = _doc_and_rows()
    records = extract_evidence(doc, rows)
    assert _readings(records, "body") == sorted([
        ("ALPHA-1", "ENROLLED", None, 300.0, None, "count", None),
        ("ALPHA-1", "CR", "blinatumomab", 44.0, "%", "rate", None),
        ("ALPHA-1", "CR", "chemotherapy", 25.0, "%", "rate", None),
        ("ALPHA-1", "OS", "blinatumomab", 7.7, "months", "median", None),
        ("ALPHA-1", "OS", "chemotherapy", 4.0, "months", "median", None),
        ("ALPHA-1", "OS", "blinatumomab", 0.71, None, "hazard_ratio", None),
        ("ALPHA-1", "OS", "blinatumomab", 36.0, "%", "landmark", "2y"),
        ("ALPHA-1", "OS", "chemotherapy", 20.0, "%", "landmark", "2y"),
        ("Smith et al.", "ENROLLED", "blinatumomab", 45.0, None, "count", None),
        ("Smith et al.", "CR", "blinatumomab", 36.0, "%", "rate", None),
    ])
    # the table's OS percentages are landmarks (the body gives them at 2 years) but keep the table's own, absent,
    # time point, as the gold does; v_table1_sync names the body's time point
    assert _readings(records, "table") == sorted([
        ("ALPHA-1", "CR", "blinatumomab", 44.0, "%", "rate", None),
        ("ALPHA-1", "CR", "chemotherapy", 25.0, "%", "rate", None),
        ("ALPHA-1", "OS", "blinatumomab", 36.0, "%", "landmark", None),
        ("ALPHA-1", "OS", "chemotherapy", 20.0, "%", "landmark", None),
        ("Smith et al.", "CR", "blinatumomab", 36.0, "%", "rate", None),
        ("Smith et al.", "RFS", "blinatumomab", 6.7, "months", "median", None),
    ])


def test_records_carry_provenance_and_slice_back_to_their_source():
    doc, rows = _doc_and_rows()
    records = extract_evidence(doc, rows)
    by_row = {r.row_number: r for r in rows}
    for rec in records:
        assert rec.doc == "synthetic_trial.pdf" and rec.doc_sha256 == SHA
        table1_prefix = TABLE1_EXTRACTOR_PREFIX if rec.source == "table" else ""  # a review Table 1 row's reading
        assert rec.extractor.startswith(table1_prefix + "rule:") and rec.extractor_version
        source = doc.text if rec.span_base == "document" else by_row[rec.table_row].main_results
        assert source[rec.quote_start:rec.quote_start + len(rec.quote)] == rec.quote
        assert source[rec.char_start:rec.char_end] == rec.value_text
        if rec.source == "table":
            assert (rec.page, rec.bbox, rec.table_id) == (3, by_row[rec.table_row].bbox, rows[0].table_id)
    nct = {r.nct for r in records if r.trial == "ALPHA-1"}
    assert nct == {"NCT01234567"}
    hr = next(r for r in records if r.statistic == "hazard_ratio")
    assert (hr.value_text, hr.ci_low, hr.ci_high) == ("0.71", 0.55, 0.93)
    median = next(r for r in records if r.value_text == "7·7")
    assert median.value == 7.7 and median.extractor == "rule:median"


def test_caption_and_distractor_numbers_are_not_results():
    doc, rows = _doc_and_rows()
    values = {r.value for r in extract_evidence(doc, rows)}
    assert not values & {99.0, 9.0, 76.0, 41.0}


def test_generic_results_table_uses_row_label_and_column_header():
    cells = (
        (Cell(row=0, col=0, text="Complete remission", page=2), Cell(row=0, col=1, text="34%", page=2),
         Cell(row=0, col=2, text="16%", page=2)),
        (Cell(row=1, col=0, text="Median overall survival, months", page=2), Cell(row=1, col=1, text="7.7 (5.6–9.6)", page=2),
         Cell(row=1, col=2, text="4.0 months", page=2)),
        (Cell(row=2, col=0, text="Median age, years", page=2), Cell(row=2, col=1, text="41", page=2),
         Cell(row=2, col=2, text="37", page=2)),
    )
    table = Table(table_id=f"{SHA[:12]}:Table 2", label="Table 2", caption="Table 2. Efficacy outcomes.", page=2,
                  header=("Outcome", "Blinatumomab (N=271)", "Chemotherapy (N=134)"), rows=cells)
    doc = make_doc([("body", "Results are in Table 2.")], tables=(table,))
    table_records = [r for r in extract_evidence(doc) if r.source == "table"]
    assert sorted((r.endpoint, r.arm, r.value, r.unit, r.table_row, r.table_col) for r in table_records) == [
        ("CR", "blinatumomab", 34.0, "%", 1, 1), ("CR", "chemotherapy", 16.0, "%", 1, 2),
        ("OS", "blinatumomab", 7.7, "months", 2, 1), ("OS", "chemotherapy", 4.0, "months", 2, 2),
    ]
    for r in table_records:
        cell = table.rows[r.table_row - 1][r.table_col]  # table_row is 1-based
        assert cell.text[r.char_start:r.char_end] == r.value_text


def test_primary_report_attributes_unnamed_results_to_its_own_trial():
    doc = make_doc([
        ("title", "Blinatumomab versus chemotherapy for relapsed ALL: the ALPHA-2 trial"),
        ("body", "BACKGROUND: The ALPHA-2 trial compared blinatumomab with chemotherapy. METHODS: In the ALPHA-2 trial, "
                 "adults were randomly assigned in a 2:1 ratio. RESULTS: A total of 405 patients were randomized. Median "
                 "overall survival was 7.7 months with blinatumomab versus 4.0 months with chemotherapy (hazard ratio "
                 "for death, 0.71; 95% CI, 0.55 to 0.93; P=0.01)."),
        ("body", "Event-free survival at 6 months was 31% with blinatumomab and 12% with chemotherapy."),
        ("body", "In a previous phase II study, the complete remission rate was 43% [12]."),
    ])
    got = sorted(((r.trial, r.endpoint, r.arm, r.value, r.statistic, r.timepoint) for r in extract_evidence(doc)), key=str)
    assert got == sorted([
        ("ALPHA-2", "ENROLLED", None, 405.0, "count", None),
        ("ALPHA-2", "OS", "blinatumomab", 7.7, "median", None),
        ("ALPHA-2", "OS", "chemotherapy", 4.0, "median", None),
        ("ALPHA-2", "OS", "blinatumomab", 0.71, "hazard_ratio", None),
        ("ALPHA-2", "EFS", "blinatumomab", 31.0, "landmark", "6mo"),
        ("ALPHA-2", "EFS", "chemotherapy", 12.0, "landmark", "6mo"),
        # the previous study's 43% is not a result of this report (GUIDE.md: another study's figure is a distractor)
    ], key=str)


def test_hazard_ratio_column_of_a_results_table():
    cells = ((Cell(row=0, col=0, text="Overall survival", page=1), Cell(row=0, col=1, text="0.71 (0.55–0.93)", page=1),
              Cell(row=0, col=2, text="0.01", page=1)),)
    table = Table(table_id=f"{SHA[:12]}:Table 3", label="Table 3", caption="Table 3. Survival.", page=1,
                  header=("Endpoint", "Hazard ratio (95% CI)", "P value"), rows=cells)
    doc = make_doc([("body", "See Table 3.")], tables=(table,))
    got = [(r.endpoint, r.value, r.statistic, r.table_col) for r in extract_evidence(doc) if r.source == "table"]
    assert got == [("OS", 0.71, "hazard_ratio", 1)]
