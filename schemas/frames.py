"""Typed pandas frames of records, shaped like a declared table plus its derived helper columns, for GX to check."""
from __future__ import annotations

import json
from typing import Any, Iterable, Sequence

import duckdb
import pandas as pd

from schemas.declarations import DOCUMENTS, FACT_EVIDENCE, TABLE1_ROWS, TableDecl
from schemas.document import Document
from schemas.evidence import EvidenceRecord, Table1Row
from warehouse.migrate import DUCKDB_CONFIG

ROW_INDEX = "_row"
"""Column holding each row's position in its frame, so a failed check names the row (no great-expectations import)."""

_PANDAS_DTYPES = {"DOUBLE": "float64", "INTEGER": "Int64", "BOOLEAN": "boolean"}


def table_frame(table: TableDecl, rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """A frame with the table's record columns (typed as declared), its derived columns and a ROW_INDEX column."""
    columns = [c.name for c in table.record_columns]
    frame = pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns)
    for column in table.record_columns:
        dtype = _PANDAS_DTYPES.get(column.type)
        frame[column.name] = frame[column.name].astype(dtype if dtype else "object")
    frame[ROW_INDEX] = pd.Series(range(len(frame)), dtype="int64")
    return add_derived_columns(table, frame)


def add_derived_columns(table: TableDecl, frame: pd.DataFrame) -> pd.DataFrame:
    """Evaluate each derived column's DuckDB expression over the frame, the same SQL the DDL's CHECKs inline."""
    if not table.derived:
        return frame
    typed = ", ".join(
        f"CAST({c.name} AS {c.type}) AS {c.name}" if c.type != "JSON" else c.name
        for c in table.record_columns if c.name in frame.columns)
    expressions = ", ".join(f"({d.sql}) AS {d.name}" for d in table.derived)
    with duckdb.connect(config=dict(DUCKDB_CONFIG)) as con:
        con.register("batch", frame)
        derived = con.execute(
            f"SELECT {expressions} FROM (SELECT {ROW_INDEX}, {typed} FROM batch) ORDER BY {ROW_INDEX}").df()
    out = frame.copy()
    for d in table.derived:
        values = derived[d.name]
        out[d.name] = values.astype("boolean") if values.dtype == bool else values.astype("object")
    return out


def evidence_row(record: EvidenceRecord) -> dict[str, Any]:
    """A record as a fact_evidence row (without loader columns)."""
    row = record.model_dump()
    row["record_id"] = record.record_id
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
            "table1_status": doc.table1_status}


def evidence_frame(records: Sequence[EvidenceRecord]) -> pd.DataFrame:
    """The fact_evidence frame of a batch of records, row i being records[i]."""
    return table_frame(FACT_EVIDENCE, (evidence_row(r) for r in records))


def table1_frame(rows: Sequence[Table1Row]) -> pd.DataFrame:
    """The table1_rows frame of a batch of Table 1 rows."""
    return table_frame(TABLE1_ROWS, (table1_row(r) for r in rows))


def documents_frame(documents: Sequence[Document]) -> pd.DataFrame:
    """The documents frame of a run's documents."""
    return table_frame(DOCUMENTS, (document_row(d) for d in documents))
