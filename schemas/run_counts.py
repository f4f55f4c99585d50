"""The counts a run reports in its summary and in the `runs` table."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class RunCounts:
    """Counts that the run summary and the `runs` table report."""

    documents: int = 0
    by_status: Counter = field(default_factory=Counter)
    table1_rows: int = 0
    loaded: int = 0
    rejected: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        """Counts keyed as the `runs` table columns expect."""
        return {"documents": self.documents, "parsed": self.by_status.get("parsed", 0),
                "table1_rows": self.table1_rows, "loaded": self.loaded, "rejected": self.rejected,
                "skipped": self.skipped}
