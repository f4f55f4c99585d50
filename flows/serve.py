"""`evidence serve`: the pipeline as a Prefect deployment, run on the settings' cron by a long-lived runner."""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path
from typing import Any, Optional, Sequence

from flows.env import configure_environment

configure_environment()

from prefect import flow  # noqa: E402

DEPLOYMENT_NAME = "scheduled"
"""The deployment is `evidence-scheduled-run/scheduled` in the Prefect UI and in `prefect deployment run`."""


@flow(name="evidence-scheduled-run", log_prints=False)
def scheduled_run(corpus: list[str], warehouse: str, config: Optional[str] = None, full: bool = False) -> dict:
    """One scheduled pipeline run: the settings file read afresh, then the evidence-run flow over the corpus."""
    from flows.pipeline import evidence_run, stderr_progress
    from flows.processes import stop_document_workers
    from flows.runners import task_runner_for
    from schemas.settings import load_settings

    settings = load_settings(Path(config) if config else None)
    run = evidence_run.with_options(task_runner=task_runner_for(settings))
    try:
        summary = run([Path(c) for c in corpus], Path(warehouse), settings, progress=stderr_progress, full=full)
    finally:  # the flow-run process does not end while its document workers wait for work
        stop_document_workers()
    return {"run_id": summary.run_id, **summary.counts.as_dict()}


FIRST_INTERVAL_RUN_SECONDS = 5
"""With an interval, the first run starts this long after serving starts, then one every interval."""


def _schedule(cron: str, interval: Optional[float], timezone: Optional[str]):
    from prefect.schedules import Cron, Interval

    if interval:
        first = datetime.now(dt_timezone.utc) + timedelta(seconds=FIRST_INTERVAL_RUN_SECONDS)
        return Interval(interval, anchor_date=first, timezone=timezone)
    return Cron(cron, timezone=timezone)


def _stop_like_ctrl_c(*_args: Any, **_kwargs: Any) -> None:
    raise KeyboardInterrupt


@contextmanager
def _sigterm_stops_like_ctrl_c():
    """Prefect 3.8's Runner.handle_sigterm calls its async stop() unawaited, then sys.exit inside the event loop, and
    the process hangs; on SIGTERM, shut down as on Ctrl-C instead."""
    from prefect.runner import Runner

    original = Runner.handle_sigterm
    Runner.handle_sigterm = _stop_like_ctrl_c
    try:
        yield
    finally:
        Runner.handle_sigterm = original


def serve(corpus: Sequence[Path], warehouse: Path, config: Optional[Path], cron: str, interval: Optional[float] = None,
          timezone: Optional[str] = None) -> None:
    """Serve the scheduled-run deployment until interrupted, against PREFECT_API_URL or a local server started here
    (with its scheduler; it stops with this process)."""
    from flows.processes import record_serve_url, start_prefect_server, stop_prefect_server
    from prefect.flows import EntrypointType

    from prefect.settings import PREFECT_API_URL, temporary_settings

    previous = signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    server = start_prefect_server(ephemeral=False)
    api_url = server.api_url if server is not None else PREFECT_API_URL.value()
    if server is not None:
        os.environ["PREFECT_API_URL"] = api_url  # the flow-run processes the runner starts use it too
        record_serve_url(api_url)  # and `evidence run` on this machine reuses it
    parameters = {"corpus": [str(c) for c in corpus], "warehouse": str(warehouse),
                  "config": str(config) if config else None}
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}), _sigterm_stops_like_ctrl_c():
            scheduled_run.serve(name=DEPLOYMENT_NAME, schedule=_schedule(cron, interval, timezone),
                                parameters=parameters, limit=1, print_starting_message=False,
                                entrypoint_type=EntrypointType.MODULE_PATH)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server is not None:
            os.environ.pop("PREFECT_API_URL", None)
        if server is not None:
            record_serve_url(None)
        stop_prefect_server(server)
