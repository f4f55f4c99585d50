"""The Prefect task runner a run's settings ask for: threads feeding local document workers, or Dask."""
from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from schemas.settings import PipelineSettings

DASK_WORKER_CONFIG = {"distributed.worker.daemon": False}
"""Dask workers must not be daemonic: each document's parse runs in a child process bounded in time and memory."""

QUIET_DASK_LOG_LEVEL = logging.ERROR
"""Dask's scheduler and nannies log every connection at INFO; a run reports only their errors."""


READS_IN_FLIGHT_PER_WORKER = 2
"""Read-document tasks running at once per document worker: one read, one queued, so that a worker starts its next
document at once instead of idling while Prefect finishes one task run and starts the next."""


def uses_document_workers(settings: PipelineSettings) -> bool:
    """Whether the run's per-document tasks hand their work to this machine's document worker processes."""
    return settings.run.runner == "processes"


def task_runner_for(settings: PipelineSettings) -> Any:
    """A Prefect task runner for the run: `processes` runs READS_IN_FLIGHT_PER_WORKER tasks per [ingest] worker at
    once in threads, each waiting on a document worker process; `dask` submits tasks to the cluster at
    run.dask_address, or to a LocalCluster of [ingest] workers single-threaded worker processes started for the run."""
    if settings.run.runner == "processes":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=settings.ingest.workers * READS_IN_FLIGHT_PER_WORKER)
    import dask  # deferred: only a Dask run pays for importing Dask
    from prefect_dask import DaskTaskRunner

    dask.config.set(DASK_WORKER_CONFIG)  # read by the LocalCluster's nannies, which live in this process
    logging.getLogger("distributed").setLevel(QUIET_DASK_LOG_LEVEL)  # its scheduler and nannies run in this process
    if settings.run.dask_address:
        return DaskTaskRunner(address=settings.run.dask_address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": settings.ingest.workers, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None,
                                          "silence_logs": QUIET_DASK_LOG_LEVEL})


@contextmanager
def using_prefect_api(api_url: Optional[str]) -> Iterator[None]:
    """Run the flow against this API URL (the run's own server, or one it reuses) even when Prefect was imported
    before it was set; Dask workers get it from the flow's settings and from the environment they inherit."""
    if not api_url:
        yield
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    os.environ["PREFECT_API_URL"] = api_url
    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        yield
