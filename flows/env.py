"""Quiet, project-local defaults for Prefect and great-expectations, set before either is imported."""
from __future__ import annotations

import os
import warnings

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
    # Third-party deprecation notices are for their maintainers; Prefect would log them as WARNING lines.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"(great_expectations|prefect|spacy|thinc)\b")
