"""The review PDF end to end: ingest, Table 1, evidence records, their provenance invariant and the gold floors."""
from __future__ import annotations

from collections import Counter

import pytest

from extractors.evidence.extract import extract_evidence
from flows import evaluate
from schemas.settings import EvaluateSettings

# Measured on the bundled review with ../shared/tools/score.py (see docs/extraction.md); floors sit a little under.
# Issue 11: five MRD rates of the review now keep their assessment windows (cycle1, 2cycles, 4cycles) as GUIDE.md
# asks; the review gold predates windows and lists them without, so strict F1 fell from 0.915 to 0.892.
STRICT_F1_FLOOR = 0.88
STRICT_TABLE_F1_FLOOR = 0.90
LENIENT_F1_FLOOR = 0.97


@pytest.fixture(scope="module")
def review(review_pdf):
    from extractors.pdf.ingest import parse_pdf
    from extractors.table1.mapping import table1_rows
    from schemas.settings import IngestSettings

    doc = parse_pdf(review_pdf, IngestSettings())
    rows = table1_rows(doc)
    return doc, rows, extract_evidence(doc, rows)


def test_every_record_slices_back_to_its_quote_and_value(review):
    doc, rows, records = review
    by_row = {r.row_number: r for r in rows}
    assert records
    for rec in records:
        source = doc.text if rec.span_base == "document" else by_row[rec.table_row].main_results
        assert source[rec.quote_start:rec.quote_start + len(rec.quote)] == rec.quote, rec
        assert source[rec.char_start:rec.char_end] == rec.value_text, rec
        assert rec.page >= 1 and rec.bbox is not None and rec.doc_sha256 == doc.sha256


def test_no_duplicate_readings(review):
    _, _, records = review
    ids = Counter(r.record_id for r in records)
    assert max(ids.values()) == 1


def test_review_scores_hold_their_floors(review, gold_dir):
    if not EvaluateSettings().scorer.exists():
        pytest.skip("../shared/tools/score.py is not present")
    _, _, records = review
    scorer = evaluate.load_scorer(EvaluateSettings().scorer)
    figures = evaluate.evaluate(scorer, [r.model_dump(mode="json") for r in records], evaluate.read_gold(gold_dir))
    text = evaluate.format_report(figures)
    assert figures["all"]["strict"]["f1"] >= STRICT_F1_FLOOR, text
    assert figures["source=table"]["strict"]["f1"] >= STRICT_TABLE_F1_FLOOR, text
    assert figures["all"]["lenient"]["f1"] >= LENIENT_F1_FLOOR, text
