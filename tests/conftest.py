"""Shared test fixtures: repository paths and the read-only corpus in ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "corpus" / "external"
GOLD = SHARED / "gold"
REVIEW_PDF = ROOT / "corpus" / "sample" / "lussana2023_cancers.pdf"


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
