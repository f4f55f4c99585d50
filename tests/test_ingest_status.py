"""Statuses and messages for bad inputs, limits, isolation, duplicates and discovery."""
from __future__ import annotations

import re
import shutil

import pytest

from extractors.pdf.identity import mark_duplicates, sha256_file
from extractors.pdf.ingest import discover_pdfs, parse_pdf
from extractors.pdf.worker import parse_pdf_isolated
from schemas.document import Document, DocumentStatus
from schemas.settings import IngestSettings


@pytest.fixture()
def settings(tmp_path) -> IngestSettings:
    return IngestSettings(cache_dir=tmp_path / "cache")


@pytest.fixture(scope="module")
def review_doc(review_pdf, tmp_path_factory) -> Document:
    return parse_pdf(review_pdf, IngestSettings(cache_dir=tmp_path_factory.mktemp("cache")))


def test_zero_byte_file_is_empty(tmp_path, settings):
    path = tmp_path / "nothing.pdf"
    path.write_bytes(b"")
    doc = parse_pdf_isolated(path, settings)
    assert doc.status is DocumentStatus.empty
    assert "0 bytes" in doc.message


def test_non_pdf_bytes_with_pdf_suffix_are_corrupt(tmp_path, settings):
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"PK\x03\x04 this is a zip archive, not a PDF" * 20)
    doc = parse_pdf_isolated(path, settings)
    assert doc.status is DocumentStatus.corrupt
    assert "not a PDF" in doc.message


def test_tiny_timeout_gives_status_timeout_without_hanging(review_pdf, tmp_path):
    doc = parse_pdf_isolated(review_pdf, IngestSettings(timeout_seconds=0.001, cache_dir=tmp_path))
    assert doc.status is DocumentStatus.timeout
    assert "timeout_seconds" in doc.message
    assert doc.sha256 == sha256_file(review_pdf)


def test_file_above_size_limit_is_too_large_before_parsing(review_pdf, tmp_path):
    doc = parse_pdf(review_pdf, IngestSettings(max_file_mb=0.01, cache_dir=tmp_path))
    assert doc.status is DocumentStatus.too_large
    assert "max_file_mb" in doc.message and doc.text == ""


def test_document_above_page_limit_is_too_large(review_pdf, tmp_path):
    doc = parse_pdf(review_pdf, IngestSettings(max_pages=3, cache_dir=tmp_path))
    assert doc.status is DocumentStatus.too_large
    assert doc.pages == 17 and "max_pages" in doc.message


def test_isolated_parse_matches_in_process_parse(review_pdf, review_doc, settings):
    assert parse_pdf_isolated(review_pdf, settings) == review_doc


def test_every_block_slices_out_of_the_document_text(review_doc):
    doc = review_doc
    assert doc.status is DocumentStatus.parsed and len(doc.blocks) > 20
    for block in doc.blocks:
        assert doc.text[block.char_start:block.char_end] == block.text
    starts = [b.char_start for b in doc.blocks]
    assert starts == sorted(starts)


def test_review_body_has_no_running_heads_or_page_counters(review_doc):
    doc = review_doc
    body = "\n".join(b.text for b in doc.blocks if b.kind in ("body", "heading"))
    assert not re.search(r"\b\d{1,2} of 17\b", body)
    assert not any(b.text.startswith("Cancers 2023, 15, 1349 ") for b in doc.blocks)
    assert {b.page for b in doc.blocks} == set(range(1, doc.pages + 1))
    assert {b.column for b in doc.blocks if b.kind == "body" and b.page == 3} == {1, 2}


def test_review_body_sentences_match_the_web_text(review_doc):
    """Every long sentence of the article body (web scrape, sections 1-6) appears verbatim in reading order."""
    from tests.conftest import SHARED

    web = SHARED / "corpus" / "reviews" / "lussana2023_cancers.txt"
    if not web.exists():
        pytest.skip("web text not present")
    body_lines = web.read_text(encoding="utf-8").splitlines()[50:145]
    sentences = [s for line in body_lines for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(line.split()))
                 if len(s.split()) > 5]
    text = " ".join(review_doc.text.split())
    missing = [s for s in sentences if s not in text]
    assert len(sentences) > 200 and not missing, missing[:5]
    positions = [text.index(s) for s in sentences]
    assert sum(a < b for a, b in zip(positions, positions[1:])) >= 0.95 * (len(positions) - 1)


def test_second_copy_of_same_bytes_is_duplicate_naming_the_first(review_pdf, review_doc, tmp_path):
    copy = tmp_path / "copy.pdf"
    shutil.copyfile(review_pdf, copy)
    first = review_doc
    second = review_doc.model_copy(update={"path": str(copy)})
    assert sha256_file(copy) == first.sha256
    marked = mark_duplicates([first, second])
    assert marked[0] == first
    assert marked[1].status is DocumentStatus.duplicate
    assert str(review_pdf) in marked[1].message and marked[1].text == ""


def test_empty_files_are_not_marked_duplicate_of_each_other():
    docs = [Document(sha256="e3b0", path=p, status=DocumentStatus.empty, parser_version="x") for p in ("a", "b")]
    assert [d.status for d in mark_duplicates(docs)] == [DocumentStatus.empty, DocumentStatus.empty]


def test_discover_finds_pdf_suffix_in_any_case_sorted(tmp_path):
    for name in ("b.PDF", "a.pdf", "sub/c.Pdf", "notes.txt"):
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.4")
    found = discover_pdfs([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.pdf", "b.PDF", "sub/c.Pdf"]
