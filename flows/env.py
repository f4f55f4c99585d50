"""Quiet, project-local defaults for Prefect and great-expectations, set before either is imported."""
from __future__ import annotations

import os

from schemas.settings import PROJECT_ROOT

QUIET_DEFAULTS = {
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "False",
    "TQDM_DISABLE": "1",
}


def configure_environment() -> None:
    """Apply the quiet defaults without overriding anything the user already set."""
    for key, value in QUIET_DEFAULTS.items():
        os.environ.setdefault(key, value)
