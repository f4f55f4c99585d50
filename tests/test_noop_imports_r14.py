"""Importing the flow loads no NLP, PDF or validation library: a no-op run pays only for what it uses (issue 10)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "scispacy", "pdfplumber", "pypdfium2", "great_expectations", "extractors.stages")


def _loaded_after(statement: str) -> list[str]:
    code = f"import sys; {statement}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def test_importing_the_flow_and_its_helpers_loads_no_heavy_library():
    assert _loaded_after("import flows.pipeline, flows.batches, flows.incremental, flows.document_work") == []


def test_parse_worker_module_loads_no_pdf_library_until_a_parse_runs():
    assert _loaded_after("import extractors.pdf.worker, extractors.pdf.cache, extractors.pdf.discover") == []


def test_ingest_still_offers_discover_pdfs():
    from extractors.pdf.discover import discover_pdfs
    from extractors.pdf.ingest import discover_pdfs as from_ingest

    assert from_ingest is discover_pdfs


def test_no_op_run_counts_load_no_nlp_regression():
    """The run's counts (all a no-op run reports) came from extractors.stages, which loads spaCy."""
    assert _loaded_after("from flows.batches import RunTally; RunTally().counts().as_dict()") == []


def test_the_unchanged_run_loads_neither_prefect_nor_a_heavy_library():
    """A run with nothing to read records itself without Prefect (flows.run_record): importing it loads neither."""
    loaded = _loaded_after("import flows.run_record; print(','.join(m for m in ('prefect',) if m in sys.modules), end=',')")
    assert loaded == []
