"""Model checks run in the document workers give the same rejections as checks run in the flow (issue 10)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flows.document_work import DocumentWork, model_failures_of
from extractors import stages
from schemas.settings import ValidateSettings
from schemas.validate.record_checks import model_failures
from schemas.validate.records import validate_records
from tests.test_validation import DOCUMENT, INVALID, VALID

ROOT = Path(__file__).resolve().parents[1]
BATCH = list(VALID.values()) + [case.record for case in INVALID.values()] + [VALID["rate"]]


def _outcome(failures):
    return validate_records(BATCH, [DOCUMENT], "run-r14", ValidateSettings(data_docs=False), failures)


def test_worker_model_failures_give_exactly_the_rejections_of_checks_in_the_flow():
    in_flow, from_workers = _outcome(None), _outcome(model_failures(BATCH))
    assert [r.record_id for r in from_workers.valid] == [r.record_id for r in in_flow.valid]
    assert from_workers.rejected == in_flow.rejected
    assert any(reason.startswith("model(") for r in in_flow.rejected for reason in r.reasons)


def test_model_failures_name_only_failing_records():
    failures = model_failures(BATCH)
    assert failures and set(failures) <= {case.record.record_id for case in INVALID.values()}
    assert all(reason.startswith("model(") for reasons in failures.values() for reason in reasons)


def test_a_batch_with_an_unchecked_work_is_model_checked_in_the_flow():
    checked = DocumentWork(DOCUMENT, stages.Extraction(DOCUMENT.sha256, records=tuple(BATCH)), model_failures(BATCH))
    unchecked = DocumentWork(DOCUMENT, stages.Extraction(DOCUMENT.sha256, records=tuple(BATCH)))
    assert model_failures_of([checked]) == model_failures(BATCH)
    assert model_failures_of([checked, unchecked]) is None


def test_document_work_imports_no_great_expectations():
    code = ("import sys, flows.document_work, schemas.validate.record_checks; "
            "print(sorted(m for m in ('great_expectations', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
