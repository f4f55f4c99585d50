"""Shared test fixtures: repository paths and the read-only corpus in ../shared; one Prefect home per test process."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "corpus" / "external"
GOLD = SHARED / "gold"
REVIEW_PDF = ROOT / "corpus" / "sample" / "lussana2023_cancers.pdf"
TEST_PREFECT_HOMES = ROOT / ".prefect" / "tests"
"""Parent of each test process's Prefect home (inside the git-ignored .prefect/ that `make clean` removes)."""


def pytest_configure(config: pytest.Config) -> None:
    """Point PREFECT_HOME at a folder of this test process alone (one per xdist worker), before Prefect is imported."""
    # Each run's temporary API server keeps its SQLite database in PREFECT_HOME: parallel workers' servers must not
    # share one file. The folder is kept between sessions, so its database is created and migrated once.
    home = TEST_PREFECT_HOMES / os.environ.get("PYTEST_XDIST_WORKER", "main")
    home.mkdir(parents=True, exist_ok=True)
    os.environ["PREFECT_HOME"] = str(home)


DEFAULT_REPORTS_DIR_MODULES = frozenset({
    "tests/test_cli_run_symlinks.py", "tests/test_dual_extraction.py", "tests/test_flow_e2e.py",
    "tests/test_flow_per_document.py", "tests/test_flow_quality.py", "tests/test_history_scenario.py",
    "tests/test_table1_sync_reconciliation.py",
})
"""Modules whose real runs build Data Docs in the project's reports/ (the default reports_dir): two builds in one
folder at once break each other (FileNotFoundError on a page the other build rewrote), so one worker runs them all."""


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: unknown (and unused) without it
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With `--dist loadfile`: each module's tests on one worker (its module-scoped fixtures run once), and the
    DEFAULT_REPORTS_DIR_MODULES together on one worker."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class LoadFileSharingDefaultReports(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = super()._split_scope(nodeid)
            return "default reports_dir" if module in DEFAULT_REPORTS_DIR_MODULES else module

    return LoadFileSharingDefaultReports(config, log)


@pytest.fixture(scope="session")
def review_pdf() -> Path:
    """The bundled review PDF."""
    return REVIEW_PDF


@pytest.fixture(scope="session")
def external_dir() -> Path:
    """Third-party PDFs from ../shared; skipped where that folder is absent."""
    if not EXTERNAL.exists():
        pytest.skip("../shared/corpus/external is not present")
    return EXTERNAL


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """Hand-checked gold for the review, from ../shared."""
    if not GOLD.exists():
        pytest.skip("../shared/gold is not present")
    return GOLD
