"""Round 24, issue 10: document workers are replaced after a number of documents, so their per-text caches (spaCy's
tokenizer cache, the extractors' caches: ~0.25 MB a document) stop growing with the corpus."""
from __future__ import annotations

import os
import threading

import pytest
from pydantic import ValidationError

from flows import processes
from schemas.settings import IngestSettings, WORKER_MAX_DOCUMENTS


@pytest.fixture(autouse=True)
def _no_workers_left():
    yield
    processes.stop_document_workers()


def _pids(count: int, max_documents: int, documents: int) -> list[int]:
    return [processes.submit_document(count, None, max_documents, os.getpid).result(timeout=60)
            for _ in range(documents)]


def test_document_workers_are_replaced_after_their_share_of_documents():
    """Regression: document_worker_caches_grow (one worker process read every document of the run)."""
    pids = _pids(1, 2, 5)
    assert pids[0] == pids[1] and pids[2] == pids[3] and len(set(pids)) == 3


def test_no_limit_keeps_the_same_workers():
    pids = _pids(1, 0, 4)
    assert len(set(pids)) == 1


def test_replacing_workers_while_another_thread_submits_loses_no_document():
    results: list[int] = []

    def submit(n: int) -> None:
        for _ in range(n):
            results.append(processes.submit_document(2, None, 3, os.getpid).result(timeout=60))

    threads = [threading.Thread(target=submit, args=(10,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert len(results) == 20 and len(set(results)) >= 20 // (3 * 2)


def test_worker_max_documents_is_a_validated_setting_with_a_named_default():
    assert IngestSettings().worker_max_documents == WORKER_MAX_DOCUMENTS
    assert IngestSettings(worker_max_documents=0).worker_max_documents == 0
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        IngestSettings(worker_max_documents=-1)
