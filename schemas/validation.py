"""Validate a run's evidence records (pydantic + GX) into valid and quarantined ones, and check the batch's Table 1."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from pydantic import ValidationError

from schemas.declarations import DOCUMENTS, FACT_EVIDENCE, TABLE1_ROWS
from schemas.document import Document, DocumentStatus, Table
from schemas.evidence import EvidenceRecord, Table1Row, content_id
from schemas.frames import documents_frame, evidence_frame, evidence_row, table1_frame
from schemas.gx_suites import Failure, display, reason, suite_runner
from schemas.settings import ValidateSettings
from schemas.validation_models import CheckedEvidenceRecord, RejectedRecord

TABLE1_LABEL = re.compile(r"table\s*1", re.IGNORECASE)


@dataclass(frozen=True)
class ValidationOutcome:
    """Records split into valid and rejected, with how many expectations ran and how long it took."""

    valid: list[EvidenceRecord]
    rejected: list[RejectedRecord]
    expectations_run: int
    seconds: float
    data_docs_path: Optional[str]


def model_reasons(record: EvidenceRecord) -> list[str]:
    """Reasons the record fails the closed-vocabulary model, one per field."""
    try:
        CheckedEvidenceRecord.model_validate(record.model_dump())
    except ValidationError as exc:
        return [f"model({'.'.join(map(str, err['loc']))}): {display(err.get('input'))} rejected: {err['msg']}"
                for err in exc.errors()]
    return []


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


def _reasons_by_row(failures: Sequence[Failure], rows: list[dict[str, Any]], table: str) -> dict[int, list[str]]:
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
                     settings: ValidateSettings) -> ValidationOutcome:
    """Split records into valid and rejected by the model checks and the fact_evidence GX suite; write Data Docs."""
    started = time.perf_counter()
    records = list(records)
    frame = evidence_frame(records)
    runner = suite_runner()
    expectations_run, failures = runner.validate(
        FACT_EVIDENCE, frame, run_id, parameters={"run_documents": _run_documents(documents)})
    rows = [{**evidence_row(r), **{d.name: frame.at[i, d.name] for d in FACT_EVIDENCE.derived}}
            for i, r in enumerate(records)]
    by_row = _reasons_by_row(failures, rows, FACT_EVIDENCE.name)
    valid: list[EvidenceRecord] = []
    rejected: list[RejectedRecord] = []
    for i, record in enumerate(records):
        reasons = model_reasons(record) + by_row.get(i, [])
        if reasons:
            rejected.append(reject(record, run_id, reasons))
        else:
            valid.append(record)
    docs_path = None
    if settings.data_docs:
        docs_path = str(runner.build_data_docs(settings.reports_dir / "data_docs"))
    return ValidationOutcome(valid, rejected, expectations_run, time.perf_counter() - started, docs_path)


def _table1_of(doc: Document) -> Optional[Table]:
    return next((t for t in doc.tables if t.label and TABLE1_LABEL.fullmatch(t.label.strip())), None)


def _shape_problems(table: Table) -> list[str]:
    try:
        from extractors.table1.mapping import check_table1_shape
    except ImportError:
        return [] if table.rows else [f"{table.table_id}: no data rows"]
    return check_table1_shape(table)


def table1_problems(doc: Document, rows: Sequence[Table1Row]) -> list[str]:
    """Ways the document's Table 1 rows fail to mirror its Table 1: shape, row count and numbering."""
    if not rows:  # no per-study summary was read (e.g. a trial report's baseline table): nothing to mirror
        return []
    table = _table1_of(doc)
    name = doc.file_name
    if table is None:
        return [f"{name}: {len(rows)} Table 1 row(s) but the document has no Table 1"]
    problems = [f"{name}: {p}" for p in _shape_problems(table)]
    if len(rows) != len(table.rows):
        problems.append(f"{name}: Table 1 has {len(table.rows)} data row(s) but {len(rows)} were extracted")
    numbers = sorted(r.row_number for r in rows)
    if numbers != list(range(1, len(rows) + 1)):
        problems.append(f"{name}: Table 1 row numbers are {numbers}, expected 1..{len(rows)}")
    return problems


@dataclass(frozen=True)
class BatchCheck:
    """Problems that are the run's fault, and per document (by sha256) why its Table 1 cannot be mirrored."""

    run_problems: list[str]
    unmapped: dict[str, list[str]]

    @property
    def problems(self) -> list[str]:
        """Every problem, the run's first."""
        return self.run_problems + [p for problems in self.unmapped.values() for p in problems]


def batch_check(table1_rows: Sequence[Table1Row], documents: Sequence[Document]) -> BatchCheck:
    """Split the batch's problems: incomplete Table 1 mirrors and Table 1 rows failing their suite belong to their
    document; rows of an unparsed document and documents failing their suite are the run's."""
    run_problems: list[str] = []
    unmapped: dict[str, list[str]] = {}
    by_doc: dict[str, list[Table1Row]] = {}
    for row in table1_rows:
        by_doc.setdefault(row.doc_sha256, []).append(row)
    parsed = {d.sha256: d for d in documents if d.status == DocumentStatus.parsed}
    for sha, doc in parsed.items():
        problems = table1_problems(doc, by_doc.get(sha, []))
        if problems:
            unmapped[sha] = problems
    for sha, rows in by_doc.items():
        if sha not in parsed:
            run_problems.append(f"{rows[0].document}: {len(rows)} Table 1 row(s) from a document that was not parsed")
    runner = suite_runner()
    for table, frame in ((TABLE1_ROWS, table1_frame(table1_rows)), (DOCUMENTS, documents_frame(documents))):
        items = frame.to_dict("records")
        _, failures = runner.validate(table, frame, "batch")
        for i, reasons in sorted(_reasons_by_row(failures, items, table.name).items()):
            item = items[i]
            if table is TABLE1_ROWS:
                label = f"{item['document']} row {item['row_number']}"
                unmapped.setdefault(item["doc_sha256"], []).extend(f"{table.name} {label}: {r}" for r in reasons)
            else:
                run_problems += [f"{table.name} {item['path']}: {r}" for r in reasons]
    return BatchCheck(run_problems, unmapped)


def check_batch(table1_rows: Sequence[Table1Row], documents: Sequence[Document]) -> list[str]:
    """Every batch problem: incomplete Table 1 mirrors, and Table 1 rows or documents failing their suites."""
    return batch_check(table1_rows, documents).problems
