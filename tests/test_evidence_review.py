"""The review PDF end to end: ingest, Table 1, evidence records, their provenance invariant and the gold floors."""
from __future__ import annotations

from collections import Counter

import pytest

from extractors.evaluate import evaluate, format_report
from extractors.evidence.extract import extract_evidence

# Measured on the bundled review (see docs/extraction.md); floors sit a little under the measured values.
# Issue 11: five MRD rates of the review now keep their assessment windows (cycle1, 2cycles, 4cycles) as GUIDE.md
# asks; the review gold predates windows and lists them without, so strict F1 fell from 0.938 to 0.933.
STRICT_F1_FLOOR = 0.93
STRICT_TABLE_F1_FLOOR = 1.0
LENIENT_F1_FLOOR = 0.97


@pytest.fixture(scope="module")
def review(review_pdf):
    from extractors.pdf.ingest import parse_pdf
    from extractors.pdf.table1 import table1_rows
    from schemas.settings import IngestSettings

    doc = parse_pdf(review_pdf, IngestSettings())
    rows = table1_rows(doc)
    return doc, rows, extract_evidence(doc, rows)


def test_every_record_slices_back_to_its_quote_and_value(review):
    doc, rows, records = review
    by_row = {r.row_number: r for r in rows}
    assert records
    for rec in records:
        source = doc.text if rec.source == "body" else by_row[rec.table_row].main_results
        assert source[rec.quote_start:rec.quote_start + len(rec.quote)] == rec.quote, rec
        assert source[rec.char_start:rec.char_end] == rec.value_text, rec
        assert rec.page >= 1 and rec.bbox is not None and rec.doc_sha256 == doc.sha256


def test_no_duplicate_readings(review):
    _, _, records = review
    ids = Counter(r.record_id for r in records)
    assert max(ids.values()) == 1


def test_review_scores_hold_their_floors(review, gold_dir):
    _, _, records = review
    report = evaluate([r.model_dump() for r in records], gold_dir)
    text = format_report(report)
    strict, lenient = report.modes["strict"], report.modes["lenient"]
    assert strict.overall.f1 >= STRICT_F1_FLOOR, text
    assert strict.by_source["table"].f1 >= STRICT_TABLE_F1_FLOOR, text
    assert lenient.overall.f1 >= LENIENT_F1_FLOOR, text
