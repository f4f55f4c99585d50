"""Check a run's batch: each document's Table 1 mirror, and the Table 1 rows and documents against their suites."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from schemas.declarations import DOCUMENTS, TABLE1_ROWS
from schemas.document import Document, DocumentStatus
from schemas.evidence import Table1Row
from schemas.validate.frames import documents_frame, table1_frame
from schemas.validate.gx_suites import suite_runner
from schemas.validate.records import reasons_by_row


@dataclass(frozen=True)
class BatchCheck:
    """Problems that are the run's fault, and per document (by sha256) why its Table 1 cannot be mirrored."""

    run_problems: list[str]
    unmapped: dict[str, list[str]]

    @property
    def problems(self) -> list[str]:
        """Every problem, the run's first."""
        return self.run_problems + [p for problems in self.unmapped.values() for p in problems]


def batch_check(table1_rows: Sequence[Table1Row], documents: Sequence[Document],
                mirror_problems: Optional[Mapping[str, Sequence[str]]] = None) -> BatchCheck:
    """Split the batch's problems: incomplete Table 1 mirrors and Table 1 rows failing their suite belong to their
    document; rows of an unparsed document and documents failing their suite are the run's.

    mirror_problems, when given, holds each parsed document's table1_problems by sha256, found where its tables were
    (its document worker), so `documents` may come without their tables.
    """
    if mirror_problems is None:  # the extractors load spaCy (~50 MB): not in the run's process, given the problems
        from schemas.validate.table1_mirror import table1_problems
    run_problems: list[str] = []
    unmapped: dict[str, list[str]] = {}
    by_doc: dict[str, list[Table1Row]] = {}
    for row in table1_rows:
        by_doc.setdefault(row.doc_sha256, []).append(row)
    parsed = {d.sha256: d for d in documents if d.status == DocumentStatus.parsed}
    for sha, doc in parsed.items():
        problems = (list(mirror_problems.get(sha, ())) if mirror_problems is not None
                    else table1_problems(doc, by_doc.get(sha, [])))
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
