"""A run that finds every file unchanged records itself without starting Prefect (issue 10: the no-op run)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from extractors.fingerprint import extractor_fingerprint
from extractors.pdf.identity import PARSER_VERSION, sha256_file
from flows.run_record import unchanged_run
from schemas.document import Document, DocumentStatus
from schemas.settings import PipelineSettings
from tests.fixtures.small_warehouse import evidence_record, query_rows as _query
from warehouse import load, migrate


def _corpus_and_warehouse(tmp_path: Path) -> tuple[Path, Path, PipelineSettings]:
    """A corpus of one file and a warehouse holding its current reading and two records, as a full run leaves them."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pdf = corpus / "trial.pdf"
    pdf.write_bytes(b"%PDF-1.4 a stand-in: only its hash is read\n")
    sha = sha256_file(pdf)
    settings = PipelineSettings()
    warehouse = tmp_path / "w.duckdb"
    con = migrate.connect(warehouse)
    migrate.ensure_schema(con)
    doc = Document(sha256=sha, path=str(pdf), pages=3, status=DocumentStatus.parsed, parser_version=PARSER_VERSION)
    run = load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed", flow_run_id="f-1")
    records = [evidence_record(doc_sha256=sha),
               evidence_record(doc_sha256=sha, arm="chemotherapy", value=16.0, value_text="16", char_start=40,
                               char_end=42)]
    load.load_run(con, run, [doc], [], records, [], [corpus], (), extractor_fingerprint(settings.extract))
    con.close()
    return corpus, warehouse, settings


def test_a_run_with_nothing_to_read_records_itself_and_keeps_the_records_current(tmp_path):
    corpus, warehouse, settings = _corpus_and_warehouse(tmp_path)
    said = []
    summary = unchanged_run([corpus], warehouse, settings, said.append)
    assert summary is not None and summary.counts.skipped == 1 and summary.counts.documents == 1
    assert summary.sync["body_records"] == 2
    assert any("Prefect is not started" in line for line in said)
    assert _query(warehouse, "select flow_run_id, status, n_documents, n_skipped from runs order by started_at")[1:] == [
        (None, "completed", 1, 1)]
    assert _query(warehouse, "select count(*) from v_evidence")[0][0] == 2
    assert _query(warehouse, f"select count(*) from run_facts where run_id = '{summary.run_id}'")[0][0] == 2


def test_a_new_file_leaves_the_run_to_the_flow_and_writes_nothing(tmp_path):
    corpus, warehouse, settings = _corpus_and_warehouse(tmp_path)
    (corpus / "new.pdf").write_bytes(b"%PDF-1.4 another\n")
    assert unchanged_run([corpus], warehouse, settings) is None
    assert _query(warehouse, "select count(*) from runs")[0][0] == 1


def test_new_rules_leave_the_run_to_the_flow(tmp_path, monkeypatch):
    corpus, warehouse, settings = _corpus_and_warehouse(tmp_path)
    monkeypatch.setattr("flows.run_record.extractor_fingerprint", lambda _settings: "extract-newrules")
    assert unchanged_run([corpus], warehouse, settings) is None


class _ServerStarted(Exception):
    pass


def _no_server():
    raise _ServerStarted


def test_the_cli_records_an_unchanged_run_without_starting_prefect(tmp_path, monkeypatch, capsys):
    from flows.cli import main

    corpus, warehouse, _ = _corpus_and_warehouse(tmp_path)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr("flows.cli.adopt_running_local_server", lambda: None)
    monkeypatch.setattr("flows.cli.launch_run_server", _no_server)
    assert main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse)]) == 0
    out, err = capsys.readouterr()
    assert "1 unchanged and not read again" in out and "Prefect is not started" in err


@pytest.mark.parametrize("option", ["--full", "--retry-failed"])
def test_full_and_retry_runs_always_go_through_the_flow(tmp_path, monkeypatch, capsys, option):
    from flows.cli import main

    corpus, warehouse, _ = _corpus_and_warehouse(tmp_path)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr("flows.cli.adopt_running_local_server", lambda: None)
    monkeypatch.setattr("flows.cli.launch_run_server", _no_server)
    assert main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse), option]) != 0
    assert "_ServerStarted" in capsys.readouterr().err


def test_a_configured_prefect_api_sees_every_run(tmp_path, monkeypatch):
    """With PREFECT_API_URL set, the user watches runs in that server's UI: a no-op run goes through the flow too."""
    from flows.cli import main

    corpus, warehouse, _ = _corpus_and_warehouse(tmp_path)
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")

    def must_not_run(*_args, **_kwargs):
        raise _ServerStarted

    monkeypatch.setattr("flows.run_record.unchanged_run", must_not_run)
    monkeypatch.setattr("flows.pipeline.evidence_run", None)  # the flow is not run either: the call fails first
    assert main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse)]) != 0
