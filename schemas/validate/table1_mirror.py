"""Whether a document's Table 1 rows mirror its Table 1, checked where the document's tables are at hand."""
from __future__ import annotations

from typing import Sequence

from extractors.table1.mapping import check_table1_shape, find_table1
from schemas.document import Document
from schemas.evidence import Table1Row


def table1_problems(doc: Document, rows: Sequence[Table1Row]) -> list[str]:
    """Ways the document's Table 1 rows fail to mirror its Table 1: shape, row count and numbering."""
    if not rows:  # no per-study summary was read (e.g. a trial report's baseline table): nothing to mirror
        return []
    table = find_table1(doc)
    name = doc.file_name
    if table is None:
        return [f"{name}: {len(rows)} Table 1 row(s) but the document has no Table 1"]
    problems = [f"{name}: {p}" for p in check_table1_shape(table)]
    if len(rows) != len(table.rows):
        problems.append(f"{name}: Table 1 has {len(table.rows)} data row(s) but {len(rows)} were extracted")
    numbers = sorted(r.row_number for r in rows)
    if numbers != list(range(1, len(rows) + 1)):
        problems.append(f"{name}: Table 1 row numbers are {numbers}, expected 1..{len(rows)}")
    return problems
