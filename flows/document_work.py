"""One document's work as one call, for a worker process or a Dask worker: read it (parse cache or parse), extract."""
from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from pathlib import Path

from extractors import stages
from extractors.pdf.cache import ingest_file as cached_ingest
from schemas.document import Document, DocumentStatus
from schemas.settings import ExtractSettings, IngestSettings

DAEMON_WORKER_HINT = ("a daemonic process cannot start the parse worker that bounds each PDF's time and memory; "
                      "start the Dask workers with DASK_DISTRIBUTED__WORKER__DAEMON=False "
                      "(`--runner dask` without --dask-address does this for its LocalCluster)")


class DaemonicWorkerError(RuntimeError):
    """The process doing a document's work is daemonic, so it cannot start the bounded parse worker."""


@dataclass(frozen=True)
class DocumentWork:
    """One document as read, with what extraction found in it."""

    document: Document
    extraction: stages.Extraction

    def without_extraction(self, document: Document) -> "DocumentWork":
        """The same work for `document` (e.g. re-marked a duplicate), its extraction dropped."""
        return DocumentWork(document, stages.Extraction(document.sha256))


def read_document(path: Path, ingest: IngestSettings, extract: ExtractSettings,
                  retry_failed: bool = False) -> DocumentWork:
    """Parse one PDF (or take it from the parse cache), then extract its Table 1 rows and evidence records."""
    if multiprocessing.current_process().daemon:
        raise DaemonicWorkerError(DAEMON_WORKER_HINT)
    document = cached_ingest(Path(path), ingest, retry_failed)
    if document.status is not DocumentStatus.parsed:
        return DocumentWork(document, stages.Extraction(document.sha256))
    return DocumentWork(stages.with_document_meta(document), stages.extract_document(document, extract))
