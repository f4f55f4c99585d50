"""Placeholder until the table extractor lands; returns no tables."""
from __future__ import annotations


def extract_tables(pdf, sha256: str) -> list:
    """Return the document's tables (none yet)."""
    return []
