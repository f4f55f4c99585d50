"""Validate a run's evidence records (pydantic + GX) into valid and quarantined ones."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

from schemas.declarations import FACT_EVIDENCE
from schemas.document import Document, DocumentStatus
from schemas.evidence import EvidenceRecord, content_id
from schemas.rows import evidence_row
from schemas.settings import ValidateSettings
from schemas.validate.frames import table_frame
from schemas.validate.gx_suites import Failure, reason, suite_runner
from schemas.validate.record_checks import model_reasons
from schemas.validation_models import RejectedRecord


@dataclass(frozen=True)
class ValidationOutcome:
    """Records split into valid and rejected, with how many expectations ran and how long it took."""

    valid: list[EvidenceRecord]
    rejected: list[RejectedRecord]
    expectations_run: int
    seconds: float
    data_docs_path: Optional[str]


def _run_documents(documents: Sequence[Document]) -> list[str]:
    return sorted({f"{d.sha256}|{d.file_name}" for d in documents if d.status == DocumentStatus.parsed})


def _later_duplicates(flagged: Sequence[int], rows: list[dict[str, Any]], keys: Sequence[str]) -> list[int]:
    seen: set[tuple] = set()
    later = []
    for i in sorted(flagged):
        key = tuple(rows[i].get(k) for k in keys)
        if key in seen:
            later.append(i)
        seen.add(key)
    return later


def reasons_by_row(failures: Sequence[Failure], rows: list[dict[str, Any]], table: str) -> dict[int, list[str]]:
    """Each failing row's reasons, by row index; a failure naming no row is a bug and raises."""
    by_row: dict[int, list[str]] = {}
    for failure in failures:
        if not failure.rows:  # a batch-level expectation: the frame itself is wrong, which is a bug, not bad data
            raise RuntimeError(f"{table} batch failed {failure.expectation_type} "
                               f"({failure.source.check_id}); observed {failure.observed!r}")
        flagged = failure.rows
        if failure.source.check_id.startswith("key:"):  # GX flags every copy; the first one stays valid
            flagged = _later_duplicates(flagged, rows, failure.source.column.split(","))
        for i in flagged:
            by_row.setdefault(i, []).append(reason(failure, rows[i]))
    return by_row


def reject(record: EvidenceRecord, run_id: str, reasons: Sequence[str]) -> RejectedRecord:
    """A RejectedRecord for `record` whose id hashes its payload and reasons."""
    payload = record.model_dump(mode="json")
    payload["record_id"] = record.record_id
    return RejectedRecord(
        reject_id=content_id(payload, list(reasons)), run_id=run_id, doc=record.doc, doc_sha256=record.doc_sha256,
        page=record.page, source=record.source, extractor=record.extractor, quote=record.quote, payload=payload,
        reasons=list(reasons))


def validate_records(records: Sequence[EvidenceRecord], documents: Sequence[Document], run_id: str,
                     settings: ValidateSettings,
                     model_failures: Optional[Mapping[str, Sequence[str]]] = None) -> ValidationOutcome:
    """Split records into valid and rejected by the model checks and the fact_evidence GX suite; write Data Docs.

    model_failures, when given, holds the model reasons of every failing record by record_id, as the document workers
    found them (schemas.validate.record_checks.model_failures); otherwise the model checks run here.
    """
    started = time.perf_counter()
    records = list(records)
    rows = [evidence_row(r) for r in records]
    frame = table_frame(FACT_EVIDENCE, rows)
    runner = suite_runner()
    expectations_run, failures = runner.validate(
        FACT_EVIDENCE, frame, run_id, parameters={"run_documents": _run_documents(documents)})
    for derived in FACT_EVIDENCE.derived:
        for row, value in zip(rows, frame[derived.name].tolist()):
            row[derived.name] = value
    by_row = reasons_by_row(failures, rows, FACT_EVIDENCE.name)
    valid: list[EvidenceRecord] = []
    rejected: list[RejectedRecord] = []
    for i, record in enumerate(records):
        model = (model_reasons(record) if model_failures is None
                 else list(model_failures.get(rows[i]["record_id"], ())))
        reasons = model + by_row.get(i, [])
        if reasons:
            rejected.append(reject(record, run_id, reasons))
        else:
            valid.append(record)
    docs_path = None
    if settings.data_docs:
        docs_path = str(runner.build_data_docs(settings.reports_dir / "data_docs"))
    return ValidationOutcome(valid, rejected, expectations_run, time.perf_counter() - started, docs_path)
