"""The document workers hand back documents without their content, with their Table 1 mirror checked, and the flow
passes a batch to its tasks without Prefect walking it."""
from __future__ import annotations

import pytest

import prefect.utilities.engine as prefect_engine
from extractors.pdf.cache import ingest_file
from extractors.table1.mapping import table1_rows
from flows.cli import main
from flows.document_work import read_document, table1_problems_of
from schemas.settings import ExtractSettings, IngestSettings
from schemas.validate.batch import batch_check
from tests.conftest import REVIEW_PDF
from tests.fixtures.summary_table_pdfs import SUMMARY_HEADER, SUMMARY_ROWS, summary_table_pdf

NO_DESIGN = SUMMARY_HEADER.index("Study Design")


@pytest.fixture(scope="module")
def unmappable_review(tmp_path_factory):
    """A review whose Table 1 has no design column: its rows are read, but they cannot mirror the table."""
    folder = tmp_path_factory.mktemp("unmappable")
    return summary_table_pdf(folder / "review_no_design.pdf",
                             header=[h for i, h in enumerate(SUMMARY_HEADER) if i != NO_DESIGN],
                             rows=[[c for i, c in enumerate(r) if i != NO_DESIGN] for r in SUMMARY_ROWS])


def test_document_worker_hands_back_the_document_without_text_blocks_or_tables(unmappable_review, tmp_path):
    work = read_document(unmappable_review, IngestSettings(cache_dir=tmp_path / "cache"), ExtractSettings())
    assert work.document.status.value == "parsed"
    assert (work.document.text, work.document.blocks, work.document.tables) == ("", (), ())
    assert work.document.pages == 1 and work.document.sha256
    assert work.extraction.table1_rows  # what the flow loads still comes back


def test_worker_mirror_problems_give_the_same_batch_check_as_the_full_document(unmappable_review, tmp_path):
    ingest = IngestSettings(cache_dir=tmp_path / "cache")
    work = read_document(unmappable_review, ingest, ExtractSettings())
    full = ingest_file(unmappable_review, ingest)  # the same bytes with text, blocks and tables
    rows = list(table1_rows(full))
    assert work.table1_problems and "no column for 'design'" in " ".join(work.table1_problems)

    in_flow = batch_check(rows, [full])
    from_worker = batch_check(list(work.extraction.table1_rows), [work.document], table1_problems_of([work]))
    assert from_worker == in_flow
    assert list(in_flow.unmapped) == [full.sha256]


def test_mirror_problems_not_checked_by_every_worker_are_none(unmappable_review, tmp_path):
    work = read_document(unmappable_review, IngestSettings(cache_dir=tmp_path / "cache"), ExtractSettings())
    unchecked = work.__class__(work.document, work.extraction, work.model_failures)
    assert table1_problems_of([work, unchecked]) is None
    assert table1_problems_of([work.without_extraction(work.document)]) == {}


@pytest.mark.slow
def test_batch_tasks_parameters_are_not_walked_by_prefect_regression(tmp_path, monkeypatch):
    # Prefect visited every field of every record passed to check-batch, validate and load, twice (looking for
    # futures, then resolving them): ~2 million visits and 8-10 s of the flow's process on 8,800 records, more
    # than the validation itself, in series with the document workers.
    visits = {"n": 0}
    for name in ("resolve_to_final_result", "get_state_for_result"):
        original = getattr(prefect_engine, name)

        def counting(*args, _original=original, **kwargs):
            visits["n"] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(prefect_engine, name, counting)
    config = tmp_path / "run.toml"
    config.write_text(f'[ingest]\nworkers = 1\ncache_dir = "{tmp_path / "cache"}"\n'
                      f'[validate]\nreports_dir = "{tmp_path / "reports"}"\ndata_docs = false\n', encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / REVIEW_PDF.name).write_bytes(REVIEW_PDF.read_bytes())
    warehouse = tmp_path / "w.duckdb"
    assert main(["--config", str(config), "run", "--quiet", "--corpus", str(corpus), "--warehouse",
                 str(warehouse)]) == 0
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        records = con.execute("select count(*) from fact_evidence").fetchone()[0]
    finally:
        con.close()
    assert records > 100  # walking them costs about 100 visits per record: over 10,000
    assert visits["n"] < 1000, visits  # the settings and small parameters of each task only


def test_document_worker_builds_the_extraction_pipeline_in_the_background():
    from extractors.nlp import pipeline
    from flows import document_work

    settings = ExtractSettings(dual_extraction=False)  # settings no other test built a pipeline for
    document_work.warm_up_in_background(settings)
    assert document_work._pipeline_ready.wait(timeout=120)
    misses = pipeline._cached.cache_info().misses
    pipeline.get_nlp(settings)
    assert pipeline._cached.cache_info().misses == misses  # built once, by the warm-up


def test_a_failed_warm_up_does_not_hold_back_the_documents(monkeypatch):
    from extractors.nlp import pipeline
    from flows import document_work

    def broken(_settings=None):
        raise OSError("model folder unreadable")

    monkeypatch.setattr(pipeline, "get_nlp", broken)
    monkeypatch.setattr("threading.excepthook", lambda _args: None)
    document_work.warm_up_in_background(ExtractSettings())
    assert document_work._pipeline_ready.wait(timeout=30)


def test_each_document_worker_has_its_next_document_queued():
    from flows.runners import task_runner_for
    from schemas.settings import PipelineSettings

    settings = PipelineSettings.model_validate({"ingest": {"workers": 3}})
    runner = task_runner_for(settings)
    assert runner._max_workers == 6  # 3 reading, 3 waiting for a worker: none idles between its task runs
