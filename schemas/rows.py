"""Records as warehouse table rows (without loader columns), the shape both the validate stage and the loader use."""
from __future__ import annotations

import json
from typing import Any

from schemas.document import Document
from schemas.evidence import EvidenceRecord, Table1Row


def evidence_row(record: EvidenceRecord) -> dict[str, Any]:
    """A record as a fact_evidence row (without loader columns)."""
    row = record.model_dump()
    row["record_id"] = record.record_id
    row["span_base"] = record.span_base
    row["bbox"] = list(record.bbox) if record.bbox else None
    return row


def table1_row(row: Table1Row) -> dict[str, Any]:
    """A Table 1 row as a table1_rows row (without loader columns)."""
    out = row.model_dump()
    out["row_id"] = row.row_id
    out["bbox"] = list(row.bbox) if row.bbox else None
    out["extra_cells"] = json.dumps(row.extra_cells, ensure_ascii=False, sort_keys=True) if row.extra_cells else None
    out["patient_counts"] = json.dumps([c.model_dump() for c in row.patient_counts]) if row.patient_counts else None
    return out


def document_row(doc: Document) -> dict[str, Any]:
    """A document as a documents row (without loader columns)."""
    return {"sha256": doc.sha256, "path": doc.path, "file_name": doc.file_name, "pages": doc.pages,
            "status": doc.status.value, "message": doc.message, "parser_version": doc.parser_version,
            "table1_status": doc.table1_status, "doi": doc.doi, "title": doc.title}
