"""Text blocks of the review compared exactly with the golden file (regenerate: tests/golden/regenerate_text.py)."""
from __future__ import annotations

import json

import pytest

from extractors.pdf.ingest import parse_pdf
from schemas.document import DocumentStatus
from schemas.settings import IngestSettings
from tests.golden.regenerate_text import GOLDEN_DIR, SOURCES, golden_rows


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_blocks_match_golden_exactly(name):
    expected = [json.loads(line) for line in (GOLDEN_DIR / name).read_text(encoding="utf-8").splitlines() if line]
    actual = golden_rows(SOURCES[name])
    for index, (want, got) in enumerate(zip(expected, actual)):
        assert got == want, f"block {index} differs; if intended, run tests/golden/regenerate_text.py"
    assert len(actual) == len(expected)


def test_blocks_inside_table_regions_are_marked_table(review_pdf, tmp_path):
    doc = parse_pdf(review_pdf, IngestSettings(cache_dir=tmp_path))
    assert doc.status is DocumentStatus.parsed
    if not doc.tables:
        pytest.skip("the table extractor found no tables")
    for table in doc.tables:
        assert table.bbox is not None
        x0, top, x1, bottom = table.bbox
        on_page = [b for b in doc.blocks if b.page == table.page]
        inside = [b for b in on_page if x0 - 1 <= (b.bbox[0] + b.bbox[2]) / 2 <= x1 + 1
                  and top - 1 <= (b.bbox[1] + b.bbox[3]) / 2 <= bottom + 1]
        assert inside and all(b.kind == "table" for b in inside), [(b.kind, b.text[:40]) for b in inside]
    captions = [b for b in doc.blocks if b.kind == "caption" and b.text.startswith("Table")]
    assert {c.page for c in captions} >= {t.page for t in doc.tables if t.label}
