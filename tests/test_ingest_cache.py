"""Parse cache: keyed on sha256 and parser version; unchanged PDFs are not parsed again."""
from __future__ import annotations

import shutil

from extractors.pdf import cache
from extractors.pdf.identity import PARSER_VERSION
from schemas.document import Document, DocumentStatus
from schemas.settings import IngestSettings


def _doc(sha: str = "ab" * 32, status: DocumentStatus = DocumentStatus.parsed, version: str = PARSER_VERSION):
    return Document(sha256=sha, path="/data/a.pdf", pages=1, status=status, message="parsed: 1 page(s).",
                    parser_version=version, text="hello")


def test_store_then_load_round_trips_and_repoints_path(tmp_path):
    doc = _doc()
    assert cache.store(doc, tmp_path) is not None
    assert cache.load_cached(doc.sha256, tmp_path) == doc
    assert cache.load_cached(doc.sha256, tmp_path, path="/other/b.pdf").path == "/other/b.pdf"


def test_miss_for_unknown_sha_or_other_parser_version(tmp_path):
    cache.store(_doc(version="pdf-ingest/0.0-old"), tmp_path)
    assert cache.load_cached("ab" * 32, tmp_path) is None
    assert cache.load_cached("cd" * 32, tmp_path) is None


def test_settings_dependent_outcomes_are_not_cached(tmp_path):
    for status in (DocumentStatus.timeout, DocumentStatus.too_large, DocumentStatus.encrypted):
        assert cache.store(_doc(status=status), tmp_path) is None
    assert cache.load_cached("ab" * 32, tmp_path) is None


def test_damaged_cache_entry_is_a_miss(tmp_path):
    entry = cache.store(_doc(), tmp_path)
    entry.write_text("{not json", encoding="utf-8")
    assert cache.load_cached("ab" * 32, tmp_path) is None


def test_unchanged_pdf_is_parsed_once_then_served_from_cache(review_pdf, tmp_path, monkeypatch):
    settings = IngestSettings(cache_dir=tmp_path / "cache")
    calls = []
    real_parse = cache.parse_pdf_isolated

    def counting_parse(path, settings):
        calls.append(path)
        return real_parse(path, settings)

    monkeypatch.setattr(cache, "parse_pdf_isolated", counting_parse)
    first = cache.ingest_file(review_pdf, settings)
    copy = tmp_path / "renamed.pdf"
    shutil.copyfile(review_pdf, copy)
    second = cache.ingest_file(copy, settings)
    assert len(calls) == 1
    assert first.status is DocumentStatus.parsed
    assert second.path == str(copy) and second.text == first.text and second.blocks == first.blocks


def _crash_counting(monkeypatch, status=DocumentStatus.worker_crashed):
    calls = []

    def fake_parse(path, settings):
        calls.append(settings)
        return _doc(sha=cache.sha256_file(path), status=status).model_copy(update={"path": str(path)})

    monkeypatch.setattr(cache, "parse_pdf_isolated", fake_parse)
    return calls


def test_killed_parse_is_served_again_only_under_the_same_limits(review_pdf, tmp_path, monkeypatch):
    calls = _crash_counting(monkeypatch)
    settings = IngestSettings(cache_dir=tmp_path / "cache", memory_limit_mb=512)
    assert cache.ingest_file(review_pdf, settings).status is DocumentStatus.worker_crashed
    assert cache.ingest_file(review_pdf, settings).status is DocumentStatus.worker_crashed
    assert len(calls) == 1  # same limits: the recorded outcome stands
    raised = IngestSettings(cache_dir=tmp_path / "cache", memory_limit_mb=4096)
    cache.ingest_file(review_pdf, raised)
    assert len(calls) == 2  # raised memory cap: parsed again


def test_retry_failed_parses_timeouts_crashes_and_corrupt_files_again(review_pdf, tmp_path, monkeypatch):
    for status in (DocumentStatus.timeout, DocumentStatus.too_large, DocumentStatus.worker_crashed,
                   DocumentStatus.corrupt):
        settings = IngestSettings(cache_dir=tmp_path / status.value)
        calls = _crash_counting(monkeypatch, status)
        cache.ingest_file(review_pdf, settings)
        cache.ingest_file(review_pdf, settings, retry_failed=True)
        assert len(calls) == 2, status


def test_worker_that_fails_without_a_signal_is_not_cached_regression_import_failure_replayed(review_pdf, tmp_path,
                                                                                              monkeypatch):
    """A worker that could not import the parser (exit code 1) was cached as worker_crashed and replayed."""
    from extractors.pdf.worker import _crashed

    calls = []

    def failing_worker(path, settings):
        calls.append(path)
        return _crashed(path, 1, settings)

    monkeypatch.setattr(cache, "parse_pdf_isolated", failing_worker)
    settings = IngestSettings(cache_dir=tmp_path / "cache")
    assert cache.ingest_file(review_pdf, settings).status is DocumentStatus.worker_crashed
    assert cache.ingest_file(review_pdf, settings).status is DocumentStatus.worker_crashed
    assert len(calls) == 2  # parsed again: the failure said nothing about the file
