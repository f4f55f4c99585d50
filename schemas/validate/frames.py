"""Typed pandas frames of records, shaped like a declared table plus its derived helper columns, for GX to check."""
from __future__ import annotations

from typing import Any, Iterable, Sequence

import duckdb
import pandas as pd

from schemas.declarations import DOCUMENTS, TABLE1_ROWS, TableDecl
from schemas.document import Document
from schemas.evidence import Table1Row
from schemas.rows import document_row, table1_row
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


def table1_frame(rows: Sequence[Table1Row]) -> pd.DataFrame:
    """The table1_rows frame of a batch of Table 1 rows."""
    return table_frame(TABLE1_ROWS, (table1_row(r) for r in rows))


def documents_frame(documents: Sequence[Document]) -> pd.DataFrame:
    """The documents frame of a run's documents."""
    return table_frame(DOCUMENTS, (document_row(d) for d in documents))
