"""The run's own process stays small: what it imports for a batch, and what each batch's load reads."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BATCH_STEPS = """
import sys
from extractors import stages
from schemas.validate.batch import batch_check
from schemas.validate.records import validate_records
import flows.pipeline, flows.document_work, warehouse.load, warehouse.sync
stages.settle_table1([], [], [], {})
batch_check([], [], {})
print(sorted(m for m in ("spacy", "scispacy", "thinc") if m in sys.modules))
"""


def test_settle_and_check_batch_in_the_flow_do_not_import_spacy():
    """Round 25: the flow imported spaCy (~50 MB) through extractors.stages and the Table 1 mirror check."""
    out = subprocess.run([sys.executable, "-c", BATCH_STEPS], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _parse_reporting_parent(path, settings, **options):
    """A parse that reports the process it was forked from."""
    from schemas.document import Document, DocumentStatus

    return Document(sha256="e" * 64, path=str(path), pages=1, status=DocumentStatus.parsed, parser_version="p",
                    message=str(os.getppid()))


def _read_in_document_worker(path, settings):
    from extractors.pdf.worker import run_isolated

    return os.getpid(), int(run_isolated(path, settings, parse=_parse_reporting_parent).message)


def test_document_workers_fork_their_parse_workers_from_the_runs_one_parse_forkserver(tmp_path):
    """Round 25: each document worker started a parse forkserver of its own (~70 MB each, the parser preloaded)."""
    from flows import processes
    from schemas.settings import IngestSettings

    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    settings = IngestSettings(cache_dir=tmp_path / "cache")
    try:
        reads = [processes.submit_document(2, None, 1, _read_in_document_worker, pdf, settings).result(timeout=120)
                 for _ in range(6)]
        server = getattr(getattr(processes, "_parse_server", None), "_forkserver_pid", None)
    finally:
        processes.stop_document_workers()
    assert len({worker for worker, _ in reads}) >= 3  # two workers, replaced every 2 documents
    assert len({parent for _, parent in reads}) == 1
    assert {parent for _, parent in reads} == {server}
