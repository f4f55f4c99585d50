"""Which of a run's files to read: all with --full, else those changed since the warehouse last loaded them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from extractors.pdf.identity import PARSER_VERSION, sha256_file
from warehouse.incremental import Reading, unchanged_files


@dataclass(frozen=True)
class ReadPlan:
    """The files to read, and those skipped as unchanged since they were last loaded."""

    to_read: list[Path]
    skipped: list[Reading]


def plan_reads(paths: Sequence[Path], warehouse_path: Path, extractor_version: str, full: bool = False,
               lock_timeout: float = 0.0) -> ReadPlan:
    """One content hash per file, compared with the warehouse's current readings; nothing else is opened."""
    if full:
        return ReadPlan(list(paths), [])
    hashes = {}
    for path in paths:
        try:
            hashes[Path(path)] = sha256_file(path)
        except OSError:  # unreadable: the ingest stage reports it
            continue
    skipped = unchanged_files(warehouse_path, hashes, PARSER_VERSION, extractor_version, lock_timeout)
    skipped_paths = {r.path for r in skipped}
    return ReadPlan([p for p in paths if str(p) not in skipped_paths], skipped)
