"""The Prefect flow: ingest -> extract -> validate -> load -> sync, wiring the stage functions."""
from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from flows.env import configure_environment

configure_environment()

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import get_run_context  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from extractors.fingerprint import extractor_fingerprint  # noqa: E402
from extractors.pdf.discover import discover_pdfs  # noqa: E402
from flows.batches import FirstCopies, ReadAhead, RunTally, in_batches  # noqa: E402
from flows.incremental import plan_reads  # noqa: E402
from flows.processes import release_document_workers, return_free_memory, submit_document  # noqa: E402
from flows.run_record import (  # noqa: E402,F401 - STARTED_RUNS, RunSummary: the CLI and tests import them from here
    NOTHING_VALIDATED, STARTED_RUNS, BatchValidationError, RunSummary, run_record, start_run,
)
from flows.runners import uses_document_workers  # noqa: E402
from schemas.document import Document  # noqa: E402
from schemas.settings import PipelineSettings  # noqa: E402
from warehouse import load as warehouse_load  # noqa: E402
from warehouse import sync  # noqa: E402

if TYPE_CHECKING:  # a no-op run reads no document: this loads spaCy and the PDF parser, imported where used
    from flows.document_work import DocumentWork

Progress = Callable[[str], None]


def stderr_progress(message: str) -> None:
    """Print one progress line to stderr."""
    print(message, file=sys.stderr, flush=True)


def io_error_only(_task, _task_run, state) -> bool:
    """Retry condition: only an I/O error (a file or socket that may work the next time) is worth another try."""
    return isinstance(state.result(raise_on_failure=False), OSError)


@task(name="read-document", retries=2, retry_delay_seconds=1, retry_condition_fn=io_error_only)
def document_task(path: Path, settings: PipelineSettings, retry_failed: bool = False) -> DocumentWork:
    """Parse one PDF and extract from it, in a document worker process or on the Dask worker running this task."""
    from flows.document_work import read_document

    if uses_document_workers(settings):
        return submit_document(settings.ingest.workers, settings.extract, settings.ingest.worker_max_documents,
                               read_document, path, settings.ingest, settings.extract, retry_failed).result()
    return read_document(path, settings.ingest, settings.extract, retry_failed)


BATCH_TASK_OPTIONS = {"cache_policy": NO_CACHE}
"""The batch tasks take a batch's records and documents, passed in `quote()` so that Prefect neither walks them
looking for futures nor hashes them for a cache key (both cost more than the validation itself)."""


@task(name="check-batch", **BATCH_TASK_OPTIONS)
def check_batch_task(documents, table1_rows, batches_committed: int = 0, mirror_problems=None):
    """Fail on what is the run's fault; return the documents whose Table 1 cannot be mirrored, with the problems."""
    from schemas.validate.batch import batch_check  # imports great-expectations (~5 s): only runs that read a file

    check = batch_check(table1_rows, documents, mirror_problems)
    if check.run_problems:
        kept = (f"the run's first {batches_committed} batch(es) stay committed, this batch was not written"
                if batches_committed else "the warehouse was not changed")
        raise BatchValidationError(f"batch validation failed; {kept}:\n  " + "\n  ".join(check.run_problems))
    return check.unmapped


@task(name="validate", **BATCH_TASK_OPTIONS)
def validate_task(records, documents, run_id: str, settings, model_failures=None):
    """Check every record against the batch suite (model checks done by the document workers); rejected records are
    kept with reasons."""
    from schemas.validate.records import validate_records  # imports great-expectations (~5 s): not on a no-op run

    return validate_records(records, documents, run_id, settings, model_failures)


@task(name="load", **BATCH_TASK_OPTIONS)
def load_task(warehouse_path: Path, run: warehouse_load.RunRecord, documents, table1_rows, records, rejected,
              corpus_dirs: Sequence[Path] = (), lock_timeout: float = 0.0, say: Optional[Progress] = None,
              skipped: Sequence = (), extractor_version: Optional[str] = None, seen_paths: Sequence[str] = (),
              dual_flags: Sequence = ()) -> None:
    """Write the run (or one batch of it) into the warehouse atomically, waiting up to lock_timeout s for another
    writer's lock."""
    warehouse_load.load_run_at(warehouse_path, run, documents, table1_rows, records, rejected, corpus_dirs, skipped,
                               extractor_version, seen_paths, dual_flags, lock_timeout, say or stderr_progress)


@task(name="sync")
def sync_task(warehouse_path: Path) -> dict:
    """Report how the evidence stands against each document's Table 1."""
    return sync.read_sync_state(warehouse_path)


RELEASE_WORKERS_FROM_BATCHES = 2
"""A run of this many batches or more stops its document workers once it has read its last file, so that its last
load and the Table 1 sync, whose memory grows with the warehouse, do not run beside them (1,000 documents: ~750 MB);
a one-batch run keeps them warm for a next run in the same process."""


def releases_workers(settings: PipelineSettings, batch_count: int) -> bool:
    """Whether a run of batch_count batches stops its document workers after its last read."""
    return uses_document_workers(settings) and batch_count >= RELEASE_WORKERS_FROM_BATCHES


def _warm_up_validation() -> None:
    """Import great-expectations and build its context in a thread (~5 s), while the first batch is read, so that the
    first batch's validation does not wait for it."""
    def build() -> None:
        try:
            from schemas.validate.gx_suites import suite_runner

            suite_runner()
        except Exception:  # noqa: BLE001 - the batch's own validation meets the same error and reports it
            pass

    threading.Thread(target=build, name="warm-up-validation", daemon=True).start()


def _submit_reads(paths: Sequence[Path], settings: PipelineSettings, retry_failed: bool) -> list:
    """One read-document task per file, started now (the runner bounds how many run at once)."""
    return [document_task.submit(p, settings, retry_failed) for p in paths]


def _collect_reads(futures: Sequence, done_before: int, total: int, say: Progress) -> list[DocumentWork]:
    """Wait for a batch's read-document tasks, reporting each file as it comes back."""
    works = []
    for i, fut in enumerate(futures, done_before + 1):
        work = fut.result()
        doc = work.document
        works.append(work)
        say(f"  [{i}/{total}] {doc.status.value:<13} {doc.file_name} ({doc.pages} pages)"
            + (f": {doc.message}" if doc.status.value != "parsed" and doc.message else ""))
    return works


def _settle_and_validate(works: Sequence[DocumentWork], run_id: str, settings: PipelineSettings, say: Progress,
                         batches_committed: int = 0, last_batch: bool = True):
    """Settle the Table 1s of a batch's documents and validate their records (Data Docs built after the last)."""
    from extractors import stages
    from flows.document_work import model_failures_of, table1_problems_of

    documents = [w.document for w in works]
    extractions = [w.extraction for w in works]
    for note in (n for e in extractions for n in e.notes):
        say(f"  note: {note}")
    table1_rows = [r for e in extractions for r in e.table1_rows]
    records = [r for e in extractions for r in e.records]

    say(f"validate: {len(records)} record(s)")
    unmapped = check_batch_task(quote(documents), quote(table1_rows), batches_committed,
                                quote(table1_problems_of(works)))
    settled = stages.settle_table1(documents, table1_rows, records, unmapped)
    for note in settled.notes:
        say(f"  note: {note}")
    validate_settings = settings.validate_ if last_batch else settings.validate_.model_copy(update={"data_docs": False})
    outcome = validate_task(quote(settled.records), quote(settled.documents), run_id, validate_settings,
                            quote(model_failures_of(works)))
    dual_flags = [f for e in extractions for f in e.dual_flags]
    return settled.documents, settled.table1_rows, outcome, settled.notes, dual_flags


@flow(name="evidence-run", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=False)
def evidence_run(corpus_dirs: Sequence[Path], warehouse_path: Path, settings: PipelineSettings,
                 progress: Optional[Progress] = None, retry_failed: bool = False, full: bool = False) -> RunSummary:
    """One pipeline run over the PDFs under the corpus folders that changed since they were loaded (all with full)."""

    say = progress or (lambda _m: None)
    run_id, started = start_run()
    flow_run_id = str(get_run_context().flow_run.id)

    found = discover_pdfs(corpus_dirs, settings.ingest.glob)
    say(f"ingest: {len(found)} PDF file(s)" if found else
        f"ingest: no file matches {settings.ingest.glob!r} under {', '.join(map(str, corpus_dirs))}")
    extractor_version = extractor_fingerprint(settings.extract)
    plan = plan_reads(found, warehouse_path, extractor_version, full or retry_failed,
                      settings.warehouse.lock_timeout_seconds)
    paths = plan.to_read
    if plan.skipped:
        say(f"  {len(plan.skipped)} file(s) unchanged since they were loaded: not read again (--full reads all)")
    batches = in_batches(paths, settings.run.batch_documents)
    if paths:
        say(f"read: parse and extract (trials, endpoints and values), one task per file; load in {len(batches)} "
            f"batch(es) of up to {settings.run.batch_documents}")
    tally, first_copies = RunTally(skipped_statuses=[r.status for r in plan.skipped]), FirstCopies()
    seen_paths = [str(p) for p in found]
    reads = ReadAhead(batches, lambda batch: _submit_reads(batch, settings, retry_failed))
    if paths:
        _warm_up_validation()
    for number, futures in enumerate(reads, 1):
        # the next batch is already being read while this one is collected, validated and loaded
        works = first_copies.mark(_collect_reads(futures, len(tally.statuses), len(paths), say))
        if number == len(batches) and releases_workers(settings, len(batches)):
            release_document_workers()
        if works:
            documents, table1_rows, outcome, notes, dual_flags = _settle_and_validate(
                works, run_id, settings, say, tally.batches, number == len(batches))
        else:
            documents, table1_rows, outcome, notes, dual_flags = [], [], NOTHING_VALIDATED, [], []
            say("extract, validate: nothing changed")
        tally.add(documents, len(table1_rows), outcome, notes)
        run = run_record(run_id, started, flow_run_id, tally, corpus_dirs, number, len(batches))
        say(f"load: {warehouse_path}" + (f" (batch {number} of {len(batches)})" if len(batches) > 1 else ""))
        load_task(warehouse_path, run, quote(documents), quote(table1_rows), quote(outcome.valid),
                  quote(outcome.rejected), corpus_dirs, settings.warehouse.lock_timeout_seconds, stderr_progress,
                  quote(plan.skipped), extractor_version, quote(seen_paths), quote(dual_flags))
        del futures, works, documents, table1_rows, outcome  # the batch is committed: let go of it before the next
        return_free_memory()  # what the batch's validation and load freed (1,000 documents: 20-40 MB a batch)
    say("sync: Table 1 against the body text")
    sync_state = sync_task(warehouse_path)
    return RunSummary(run_id=run_id, warehouse=warehouse_path, counts=tally.counts(), sync=sync_state,
                      data_docs_path=tally.data_docs_path, validation_seconds=tally.validation_seconds,
                      table1_unmapped=tally.table1_unmapped)
