"""One document's work as one call, for a worker process or a Dask worker: read it (parse cache or parse), extract."""
from __future__ import annotations

import multiprocessing
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from extractors.pdf.cache import ingest_file as cached_ingest
from schemas.document import Document, DocumentStatus
from schemas.settings import ExtractSettings, IngestSettings
from schemas.validate.record_checks import model_failures

if TYPE_CHECKING:  # spaCy: loaded by the process that extracts, not by a run that only looks at the results
    from extractors import stages

DAEMON_WORKER_HINT = ("a daemonic process cannot start the parse worker that bounds each PDF's time and memory; "
                      "start the Dask workers with DASK_DISTRIBUTED__WORKER__DAEMON=False "
                      "(`--runner dask` without --dask-address does this for its LocalCluster)")


class DaemonicWorkerError(RuntimeError):
    """The process doing a document's work is daemonic, so it cannot start the bounded parse worker."""


@dataclass(frozen=True)
class DocumentWork:
    """One document as read, with what extraction found in it and the model reasons of its failing records."""

    document: Document
    extraction: stages.Extraction
    model_failures: Optional[dict[str, tuple[str, ...]]] = None
    """record_id -> model reasons of its failing records; None when the model checks were not run on its records."""
    table1_problems: Optional[tuple[str, ...]] = None
    """Why its Table 1 rows do not mirror its Table 1 (empty: they do, or there are none); None when not checked."""

    def without_extraction(self, document: Document) -> "DocumentWork":
        """The same work for `document` (e.g. re-marked a duplicate), its extraction dropped."""
        from extractors import stages

        return DocumentWork(document, stages.Extraction(document.sha256), {}, ())


def model_failures_of(works: Sequence[DocumentWork]) -> Optional[dict[str, tuple[str, ...]]]:
    """The model reasons the workers found for a batch's records, or None if any work's records were not checked."""
    if any(w.model_failures is None for w in works):
        return None
    return {record_id: reasons for w in works for record_id, reasons in w.model_failures.items()}


def without_content(document: Document) -> Document:
    """The document without its text, blocks and tables: all the run's validation and load read of it is the rest."""
    return document.model_copy(update={"text": "", "blocks": (), "tables": ()})


_pipeline_ready = threading.Event()
_pipeline_ready.set()  # nothing is being built until warm_up_in_background starts


def warm_up_in_background(settings: ExtractSettings) -> None:
    """Build the extraction pipeline in a thread of this worker, while its first document is parsed in its parse
    worker; read_document waits for it before extracting."""
    from extractors.nlp.pipeline import get_nlp  # spaCy, scispaCy, the NER model and the gazetteer patterns

    def build() -> None:
        try:
            get_nlp(settings)
        finally:  # a failure shows again, with its message, when the first document is extracted
            _pipeline_ready.set()

    _pipeline_ready.clear()
    threading.Thread(target=build, name="warm-up-extraction", daemon=True).start()


def table1_problems_of(works: Sequence[DocumentWork]) -> Optional[dict[str, tuple[str, ...]]]:
    """The Table 1 mirror problems the workers found, by document sha256, or None if any work was not checked."""
    if any(w.table1_problems is None for w in works):
        return None
    return {w.document.sha256: w.table1_problems for w in works if w.table1_problems}


def read_document(path: Path, ingest: IngestSettings, extract: ExtractSettings,
                  retry_failed: bool = False) -> DocumentWork:
    """Parse one PDF (or take it from the parse cache), extract its Table 1 rows and evidence records, run the checks
    that need no other document (the model checks, the Table 1 mirror) and hand back the document without its
    content, so the flow's process only runs the batch suites and receives no text."""
    from extractors import stages
    from schemas.validate.table1_mirror import table1_problems  # reads tables with extractors.table1 (spaCy)

    if multiprocessing.current_process().daemon:
        raise DaemonicWorkerError(DAEMON_WORKER_HINT)
    document = cached_ingest(Path(path), ingest, retry_failed)
    if document.status is not DocumentStatus.parsed:
        return DocumentWork(without_content(document), stages.Extraction(document.sha256), {}, ())
    _pipeline_ready.wait()
    extraction = stages.extract_document(document, extract)
    return DocumentWork(without_content(stages.with_document_meta(document)), extraction,
                        model_failures(extraction.records), tuple(table1_problems(document, extraction.table1_rows)))
