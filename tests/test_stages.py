"""Stage functions keep one bad document from stopping a run."""
from __future__ import annotations

import extractors.evidence.extract as evidence_extract
from extractors import stages
from extractors.pdf import cache
from schemas.document import Document, DocumentStatus
from schemas.settings import ExtractSettings, IngestSettings


def test_extraction_error_on_one_document_becomes_a_note_not_a_crash(monkeypatch):
    def explode(doc, rows, settings):
        raise ValueError("odd span")

    monkeypatch.setattr(evidence_extract, "extract_evidence", explode)
    doc = Document(sha256="d" * 64, path="/c/odd.pdf", pages=1, status=DocumentStatus.parsed, parser_version="p",
                   text="Nothing here.")
    result = stages.extract_document(doc, ExtractSettings())
    assert result.records == ()
    assert result.notes and "evidence extraction failed" in result.notes[0] and "odd span" in result.notes[0]


def test_unreadable_files_get_distinct_ids_and_a_message(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.mkdir()
    second.mkdir()  # a folder named like a PDF cannot be read as a file
    docs = [cache.ingest_file(p, IngestSettings(cache_dir=tmp_path / "cache")) for p in (first, second)]
    assert {d.status for d in docs} == {DocumentStatus.corrupt}
    assert docs[0].sha256 != docs[1].sha256
    assert all(d.message.startswith("cannot read file") for d in docs)
