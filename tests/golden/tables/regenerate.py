"""Rewrite the table golden files from the current extractor; run only on purpose, then review the diff.

Usage: .venv/bin/python -m tests.golden.tables.regenerate
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pdfplumber

from extractors.pdf.tables import extract_tables

ROOT = Path(__file__).resolve().parents[3]
GOLDEN_DIR = Path(__file__).resolve().parent
SOURCES = {"lussana2023_cancers.tables.json": ROOT / "corpus" / "sample" / "lussana2023_cancers.pdf"}


def golden_payload(pdf_path: Path) -> list[dict]:
    """The extracted tables of `pdf_path` as JSON-ready dicts, the form the golden files hold."""
    sha = hashlib.sha256(pdf_path.read_bytes()).hexdigest()
    with pdfplumber.open(pdf_path) as pdf:
        return [table.model_dump(mode="json") for table in extract_tables(pdf, sha)]


def main() -> None:
    """Write every golden file listed in SOURCES."""
    for name, pdf_path in SOURCES.items():
        target = GOLDEN_DIR / name
        target.write_text(json.dumps(golden_payload(pdf_path), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
