"""Each Data Docs build renders only what an earlier build into the same folder has not (it re-rendered every page)."""
from __future__ import annotations

from pathlib import Path

from schemas.document import Document, DocumentStatus
from schemas.settings import ValidateSettings
from schemas.validate.records import validate_records
from tests.test_offline_html import _record

SHA = "8" * 64
DOCUMENT = Document(sha256=SHA, path="/corpus/incremental.pdf", pages=3, status=DocumentStatus.parsed,
                    parser_version="p1")
MARK = "<!-- kept from the first build -->"


def _validate(run_id: str, reports: Path) -> Path:
    records = [_record(100, doc="incremental.pdf", doc_sha256=SHA)]
    outcome = validate_records(records, [DOCUMENT], run_id, ValidateSettings(reports_dir=reports))
    return Path(outcome.data_docs_path)


def _pages(site: Path, run_id: str) -> list[Path]:
    return sorted(site.glob(f"validations/**/{run_id}/**/*.html"))


def test_a_later_build_leaves_earlier_pages_and_lists_every_validation_regression_quadratic_data_docs(tmp_path):
    index = _validate("run-incremental-1", tmp_path)
    site = index.parent
    first = _pages(site, "run-incremental-1")
    assert first
    for page in first:
        page.write_text(page.read_text(encoding="utf-8") + MARK, encoding="utf-8")
    index = _validate("run-incremental-2", tmp_path)
    assert all(MARK in page.read_text(encoding="utf-8") for page in first)  # not rendered again
    assert _pages(site, "run-incremental-2")
    listed = index.read_text(encoding="utf-8")
    assert "run-incremental-1" in listed and "run-incremental-2" in listed


def test_a_build_into_another_folder_renders_every_page(tmp_path):
    _validate("run-elsewhere-1", tmp_path / "a")
    site = _validate("run-elsewhere-2", tmp_path / "b").parent
    assert _pages(site, "run-elsewhere-1") and _pages(site, "run-elsewhere-2")
