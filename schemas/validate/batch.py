"""Check a run's batch: each document's Table 1 mirror, and the Table 1 rows and documents against their suites."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from extractors.table1.mapping import check_table1_shape, find_table1
from schemas.declarations import DOCUMENTS, TABLE1_ROWS
from schemas.document import Document, DocumentStatus
from schemas.evidence import Table1Row
from schemas.validate.frames import documents_frame, table1_frame
from schemas.validate.gx_suites import suite_runner
from schemas.validate.records import reasons_by_row


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
        for i, reasons in sorted(reasons_by_row(failures, items, table.name).items()):
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
