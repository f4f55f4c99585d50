"""Writes a run's dual-extraction flags: the documents read now get exactly the flags this run gave them."""
from __future__ import annotations

from typing import Sequence

import duckdb
import pandas as pd

from schemas.declarations import DUAL_EXTRACTION_FLAGS
from schemas.document import Document
from schemas.dual import DualFlag

FLAG_COLUMNS = tuple(c.name for c in DUAL_EXTRACTION_FLAGS.record_columns)


def flag_row(flag: DualFlag) -> dict:
    """A flag as a dual_extraction_flags row (without loader columns)."""
    return {**flag.model_dump(), "flag_id": flag.flag_id, "reason": flag.reason}


def record_dual_flags(con: duckdb.DuckDBPyConnection, run_id: str, documents: Sequence[Document],
                      flags: Sequence[DualFlag]) -> None:
    """Inside the load transaction: retire the earlier flags of the documents read now and upsert this run's."""
    read = sorted({d.sha256 for d in documents if d.status.value == "parsed"})
    if read:
        con.execute("UPDATE dual_extraction_flags SET is_current = false WHERE list_contains(?, doc_sha256)", [read])
    read_now = set(read)
    rows = {f.flag_id: flag_row(f) for f in flags if f.doc_sha256 in read_now}
    if not rows:
        return
    frame = pd.DataFrame([[r[c] for c in FLAG_COLUMNS] for r in rows.values()], columns=list(FLAG_COLUMNS),
                         dtype=object)
    con.register("incoming_flags", frame)
    try:
        columns = ", ".join(FLAG_COLUMNS)
        con.execute(f"INSERT INTO dual_extraction_flags ({columns}, first_run_id, last_run_id, is_current) "
                    f"SELECT {columns}, ?, ?, true FROM incoming_flags ON CONFLICT (flag_id) DO UPDATE SET "
                    "last_run_id = excluded.last_run_id, is_current = true", [run_id, run_id])
    finally:
        con.unregister("incoming_flags")
