"""A run in batches of documents: which files go together, copies across batches, and the run's totals so far."""
from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Generic, Iterator, Optional, Sequence, TypeVar

from extractors.pdf.identity import mark_duplicates
from flows.document_work import DocumentWork, without_content
from schemas.document import Document
from schemas.run_counts import RunCounts


def in_batches(paths: Sequence[Path], size: int) -> list[list[Path]]:
    """The files in order, `size` at a time; one empty batch when there is none (the run still records itself)."""
    return [list(paths[i:i + size]) for i in range(0, len(paths), size)] or [[]]


READ_AHEAD_BATCHES = 2
"""Batches whose reads are queued at once: the batch being collected and the next, so that a worker done with a
batch's last documents starts on the next batch's while the flow still waits for the batch's slowest document (with
one batch queued, a worker idled at every batch's end)."""

Pending = TypeVar("Pending")


class ReadAhead(Generic[Pending]):
    """Submits the batches' reads in order so that, when a batch's reads are handed out, they and the next
    `depth - 1` batches' are submitted (the first `depth` batches are submitted at once)."""

    def __init__(self, batches: Sequence[Sequence[Path]], submit: Callable[[Sequence[Path]], Pending],
                 depth: int = READ_AHEAD_BATCHES) -> None:
        if depth < 1:
            raise ValueError(f"read-ahead depth must be at least 1, got {depth}")
        self._waiting: deque[Sequence[Path]] = deque(batches)
        self._submit, self._depth = submit, depth
        self._pending: deque[Pending] = deque()
        self._top_up(depth)

    def _top_up(self, count: int) -> None:
        while len(self._pending) < count and self._waiting:
            self._pending.append(self._submit(self._waiting.popleft()))

    def __iter__(self) -> Iterator[Pending]:
        return self

    def __next__(self) -> Pending:
        """The next batch's submitted reads, once the batches after it are submitted up to the depth."""
        self._top_up(1)
        if not self._pending:
            raise StopIteration
        batch = self._pending.popleft()
        self._top_up(self._depth - 1)
        return batch


class FirstCopies:
    """Marks a document a duplicate when the same bytes were read earlier in the run, in this batch or an earlier one."""

    def __init__(self) -> None:
        self._first: dict[str, Document] = {}

    def mark(self, works: Sequence[DocumentWork]) -> list[DocumentWork]:
        """The batch with its later copies marked duplicates (their extraction dropped)."""
        earlier = list(self._first.values())
        marked = mark_duplicates(earlier + [w.document for w in works])[len(earlier):]
        for doc in marked:  # kept without text: only its identity is needed to recognise later copies
            self._first.setdefault(doc.sha256, without_content(doc))
        return [w if doc is w.document else w.without_extraction(doc) for w, doc in zip(works, marked)]


@dataclass
class RunTally:
    """What the run's committed batches add up to, for its `runs` row and summary."""

    skipped_statuses: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    table1_rows: int = 0
    loaded: int = 0
    rejected: int = 0
    validation_seconds: float = 0.0
    data_docs_path: Optional[str] = None
    notes: list[str] = field(default_factory=list)
    table1_unmapped: list[str] = field(default_factory=list)
    batches: int = 0

    def add(self, documents: Sequence[Document], table1_rows: int, outcome, notes: Sequence[str]) -> None:
        """Count one batch's documents, Table 1 rows, validation outcome and notes."""
        self.batches += 1
        self.statuses.extend(d.status.value for d in documents)
        self.table1_rows += table1_rows
        self.loaded += len(outcome.valid)
        self.rejected += len(outcome.rejected)
        self.validation_seconds += outcome.seconds
        self.data_docs_path = outcome.data_docs_path or self.data_docs_path
        self.notes.extend(notes)
        self.table1_unmapped.extend(d.file_name for d in documents if d.table1_status == "unmapped")

    def counts(self) -> RunCounts:
        """The run's counts so far, as the `runs` table and the summary report them."""
        return RunCounts(documents=len(self.statuses) + len(self.skipped_statuses),
                                by_status=Counter(self.statuses + self.skipped_statuses),
                                table1_rows=self.table1_rows, loaded=self.loaded, rejected=self.rejected,
                                skipped=len(self.skipped_statuses))

    def progress_note(self, total_batches: int) -> str:
        """What the `runs` row of a run still loading says: how far it got."""
        return (f"batch {self.batches} of {total_batches} committed ({len(self.statuses)} file(s) read so far); "
                "a stopped run is completed by running it again, which reads only the files not loaded yet")
