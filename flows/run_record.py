"""A run's identity, summary and `runs` row, and the run that finds every file unchanged (no Prefect needed)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable, Optional, Sequence

from extractors.fingerprint import extractor_fingerprint
from extractors.pdf.discover import discover_pdfs
from extractors.pdf.identity import PARSER_VERSION
from flows.batches import RunTally
from flows.incremental import plan_reads
from schemas.run_counts import RunCounts
from schemas.settings import PipelineSettings
from warehouse import load as warehouse_load
from warehouse import sync

Progress = Callable[[str], None]

STARTED_RUNS: list[str] = []
"""Run ids started in this process, newest last: what an interrupted `evidence run` looks up in the warehouse."""


class BatchValidationError(RuntimeError):
    """The batch as a whole is unusable; nothing was written."""


@dataclass
class RunSummary:
    """What one run did, for the CLI summary and tests."""

    run_id: str
    warehouse: Path
    counts: RunCounts
    sync: dict = field(default_factory=dict)
    data_docs_path: Optional[str] = None
    validation_seconds: float = 0.0
    table1_unmapped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _NothingValidated:
    """The validate outcome of a run that read no document."""

    valid: tuple = ()
    rejected: tuple = ()
    seconds: float = 0.0
    data_docs_path: Optional[str] = None


NOTHING_VALIDATED = _NothingValidated()


def code_version() -> str:
    """The installed package version and the parser version, as the `runs` table records them."""
    try:
        package = version("trial-evidence-warehouse")
    except PackageNotFoundError:
        package = "unknown"
    return f"{package}+parser.{PARSER_VERSION}"


def start_run() -> tuple[str, datetime]:
    """A new run's id and start time (UTC), noted in STARTED_RUNS."""
    started = datetime.now(timezone.utc)
    run_id = f"run-{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    STARTED_RUNS.append(run_id)
    return run_id, started


def run_record(run_id: str, started: datetime, flow_run_id: Optional[str], tally: RunTally,
               corpus_dirs: Sequence[Path], batch: int, batches: int) -> warehouse_load.RunRecord:
    """The `runs` row after `batch` of `batches` is committed: completed with the last one, else still running."""
    last = batch == batches
    return warehouse_load.RunRecord(
        run_id=run_id, started_at=started.replace(tzinfo=None), flow_run_id=flow_run_id,
        status="completed" if last else "running",
        finished_at=datetime.now(timezone.utc).replace(tzinfo=None) if last else None,
        code_version=code_version(), corpus=", ".join(str(c) for c in corpus_dirs),
        counts=tally.counts().as_dict(), validation_seconds=tally.validation_seconds,
        data_docs_path=tally.data_docs_path,
        message="\n".join(tally.notes + ([] if last else [tally.progress_note(batches)])))


def unchanged_run(corpus_dirs: Sequence[Path], warehouse_path: Path, settings: PipelineSettings,
                  progress: Optional[Progress] = None) -> Optional[RunSummary]:
    """Record a run that finds every file unchanged since it was loaded (one hash check per file, the run's row and
    the sync counts, as the flow records it); None, having written nothing, when any file needs reading."""
    say = progress or (lambda _m: None)
    found = discover_pdfs(corpus_dirs, settings.ingest.glob)
    if not found or not warehouse_path.exists():
        return None
    extractor_version = extractor_fingerprint(settings.extract)
    plan = plan_reads(found, warehouse_path, extractor_version, False, settings.warehouse.lock_timeout_seconds)
    if plan.to_read:
        return None
    run_id, started = start_run()
    say(f"ingest: {len(found)} PDF file(s)")
    say(f"  {len(plan.skipped)} file(s) unchanged since they were loaded: not read again (--full reads all); "
        "nothing to read, so Prefect is not started")
    tally = RunTally(skipped_statuses=[r.status for r in plan.skipped])
    tally.add([], 0, NOTHING_VALIDATED, [])
    say(f"load: {warehouse_path}")
    warehouse_load.load_run_at(warehouse_path, run_record(run_id, started, None, tally, corpus_dirs, 1, 1), [], [], [],
                               [], corpus_dirs, plan.skipped, extractor_version, [str(p) for p in found], [],
                               settings.warehouse.lock_timeout_seconds, say)
    say("sync: Table 1 against the body text")
    state = sync.read_sync_state(warehouse_path)
    return RunSummary(run_id=run_id, warehouse=warehouse_path, counts=tally.counts(), sync=state)
