"""Incremental runs: files unchanged since they were loaded are seen, not read; their records stay current."""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from schemas.document import Document, DocumentStatus
from tests.conftest import REVIEW_PDF
from tests.fixtures.small_warehouse import evidence_record, query_rows as _query
from warehouse import incremental, load, migrate

SHA_A, SHA_B, SHA_NEW = "a" * 64, "b" * 64, "c" * 64


def _doc(sha: str, path: str) -> Document:
    return Document(sha256=sha, path=path, pages=3, status=DocumentStatus.parsed, parser_version="p1")


def _load(warehouse: Path, run_id: str, documents, records, skipped=(), extractor_version="x1", day=1) -> None:
    con = migrate.connect(warehouse)
    migrate.ensure_schema(con)
    run = load.RunRecord(run_id=run_id, started_at=datetime(2026, 1, day), status="completed",
                         counts={"documents": len(documents) + len(skipped), "skipped": len(skipped)})
    load.load_run(con, run, documents, [], records, [], [Path("/c")], skipped, extractor_version)
    con.close()


def _first_load(warehouse: Path) -> None:
    _load(warehouse, "r1", [_doc(SHA_A, "/c/a.pdf"), _doc(SHA_B, "/c/b.pdf")],
          [evidence_record(), evidence_record(doc="b.pdf", doc_sha256=SHA_B)])


def test_only_same_bytes_parser_and_extractor_versions_at_the_same_path_are_skipped(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    _first_load(warehouse)
    hashes = {Path("/c/a.pdf"): SHA_A, Path("/c/b.pdf"): SHA_NEW}  # b.pdf replaced in place
    assert [r.path for r in incremental.unchanged_files(warehouse, hashes, "p1", "x1")] == ["/c/a.pdf"]
    assert incremental.unchanged_files(warehouse, hashes, "p2", "x1") == []  # new parser
    assert incremental.unchanged_files(warehouse, hashes, "p1", "x2") == []  # new rules, gazetteers or model
    copies = {Path("/c/a.pdf"): SHA_A, Path("/c/copy-of-a.pdf"): SHA_A}  # read both, so duplicates are marked
    assert incremental.unchanged_files(warehouse, copies, "p1", "x1") == []
    assert incremental.unchanged_files(tmp_path / "none.duckdb", hashes, "p1", "x1") == []


def test_skipped_file_keeps_its_records_current_and_is_recorded_as_seen(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    _first_load(warehouse)
    hashes = {Path("/c/a.pdf"): SHA_A, Path("/c/b.pdf"): SHA_B}
    skipped = incremental.unchanged_files(warehouse, hashes, "p1", "x1")
    _load(warehouse, "r2", [], [], skipped, day=2)
    assert _query(warehouse, "select count(*) from v_evidence")[0][0] == 2
    assert _query(warehouse, "select count(*) from v_evidence_changes")[0][0] == 0
    assert _query(warehouse, "select path from run_documents where run_id = 'r2' order by path") == [
        ("/c/a.pdf",), ("/c/b.pdf",)]
    assert _query(warehouse, "select count(*) from run_facts where run_id = 'r2'")[0][0] == 2
    assert _query(warehouse, "select n_documents, n_skipped from runs where run_id = 'r2'") == [(2, 2)]
    assert _query(warehouse, "select distinct last_run_id from fact_evidence") == [("r2",)]


def test_vanished_path_beside_a_skipped_file_stops_being_current(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    _first_load(warehouse)
    skipped = incremental.unchanged_files(warehouse, {Path("/c/a.pdf"): SHA_A}, "p1", "x1")  # b.pdf deleted
    _load(warehouse, "r2", [], [], skipped, day=2)
    assert _query(warehouse, "select doc from v_evidence") == [("trial.pdf",)]
    assert _query(warehouse, "select path from current_readings") == [("/c/a.pdf",)]


def test_file_replaced_at_a_skipped_files_old_path_keeps_the_skipped_files_records(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    _first_load(warehouse)
    # a.pdf's bytes moved to moved.pdf in an earlier full read; a.pdf now holds new bytes, moved.pdf is unchanged
    _load(warehouse, "r2", [_doc(SHA_A, "/c/moved.pdf"), _doc(SHA_B, "/c/b.pdf")],
          [evidence_record(), evidence_record(doc="b.pdf", doc_sha256=SHA_B)], day=2)
    skipped = incremental.unchanged_files(
        warehouse, {Path("/c/moved.pdf"): SHA_A, Path("/c/b.pdf"): SHA_B}, "p1", "x1")
    assert {r.path for r in skipped} == {"/c/moved.pdf", "/c/b.pdf"}
    _load(warehouse, "r3", [_doc(SHA_NEW, "/c/a.pdf")], [], skipped, day=3)
    assert _query(warehouse, "select count(*) from v_evidence where doc_sha256 = '" + SHA_A + "'")[0][0] == 1
    assert _query(warehouse, "select path, doc_sha256 = '" + SHA_NEW + "' from current_readings where path = "
                  "'/c/a.pdf'") == [("/c/a.pdf", True)]


@pytest.mark.slow
def test_noop_run_reads_nothing_and_a_new_extractor_version_reextracts_without_parsing(tmp_path, monkeypatch, capsys):
    from flows.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(REVIEW_PDF, corpus / REVIEW_PDF.name)
    config = tmp_path / "pipeline.toml"
    config.write_text(f'[ingest]\ncache_dir = "{tmp_path / "cache"}"\n[extract]\nuse_ner = false\n'
                      f'[validate]\nreports_dir = "{tmp_path / "reports"}"\n')
    warehouse = tmp_path / "w.duckdb"
    run = ["--config", str(config), "run", "--quiet", "--corpus", str(corpus), "--warehouse", str(warehouse)]
    assert main(run) == 0, capsys.readouterr().err
    records = _query(warehouse, "select count(*) from v_evidence")[0][0]
    assert records > 100

    def must_not_run(*_args, **_kwargs):
        raise AssertionError("an unchanged file was read again")

    with monkeypatch.context() as patch:  # every read (parse or parse cache, then extract) goes to a document worker
        patch.setattr("flows.pipeline.submit_document", must_not_run)
        patch.setattr("schemas.validate.records.validate_records", must_not_run)
        assert main(run) == 0, capsys.readouterr().err
    assert _query(warehouse, "select count(*) from v_evidence")[0][0] == records
    assert _query(warehouse, "select count(*) from v_evidence_changes")[0][0] == 0

    (cached,) = (tmp_path / "cache").rglob("*.json")
    written = (cached.stat().st_ino, cached.stat().st_mtime_ns)  # a parse would store its outcome there anew
    with monkeypatch.context() as patch:  # new rules: extract again from the parse cache, parse nothing
        patch.setattr("flows.pipeline.extractor_fingerprint", lambda _settings: "extract-newrules")
        patch.setattr("flows.run_record.extractor_fingerprint", lambda _settings: "extract-newrules")
        assert main(run) == 0, capsys.readouterr().err
    assert (cached.stat().st_ino, cached.stat().st_mtime_ns) == written
    assert main(run + ["--full"]) == 0, capsys.readouterr().err
    counts = _query(warehouse, "select n_documents, n_parsed, n_skipped, n_records_loaded, data_docs_path is null "
                               "from runs order by started_at")
    assert counts == [(1, 1, 0, records, False), (1, 1, 1, 0, True), (1, 1, 0, records, False),
                      (1, 1, 0, records, False)]
    assert _query(warehouse, "select count(*) from v_evidence")[0][0] == records


def _open_fact_versions(warehouse: Path) -> list[tuple]:
    return _query(warehouse, "select path, count(*) from fact_versions where valid_to_run is null group by path "
                             "order by path")


def test_noop_run_closed_the_fact_versions_of_the_files_it_skipped(tmp_path):
    """Regression: a run that skipped every file as unchanged ended all their fact versions as if they had vanished."""
    warehouse = tmp_path / "w.duckdb"
    _first_load(warehouse)
    before = _open_fact_versions(warehouse)
    assert before == [("/c/a.pdf", 1), ("/c/b.pdf", 1)]
    skipped = incremental.unchanged_files(warehouse, {Path("/c/a.pdf"): SHA_A, Path("/c/b.pdf"): SHA_B}, "p1", "x1")
    _load(warehouse, "r2", [], [], skipped, day=2)
    assert _open_fact_versions(warehouse) == before


def test_a_file_loaded_in_an_earlier_batch_of_the_run_is_not_taken_for_vanished(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    _first_load(warehouse)
    found = ["/c/a.pdf", "/c/b.pdf"]
    con = migrate.connect(warehouse)
    for documents, records in (([_doc(SHA_A, "/c/a.pdf")], [evidence_record()]),
                               ([_doc(SHA_B, "/c/b.pdf")], [evidence_record(doc="b.pdf", doc_sha256=SHA_B)])):
        run = load.RunRecord(run_id="r2", started_at=datetime(2026, 1, 2), status="running")
        load.load_run(con, run, documents, [], records, [], [Path("/c")], (), "x1", seen_paths=found)
    con.close()
    assert _open_fact_versions(warehouse) == [("/c/a.pdf", 1), ("/c/b.pdf", 1)]
    assert _query(warehouse, "select doc_sha256, count(*) from fact_evidence where is_current group by 1 "
                             "order by 1") == [(SHA_A, 1), (SHA_B, 1)]
    assert _query(warehouse, "select path from current_readings order by path") == [("/c/a.pdf",), ("/c/b.pdf",)]
