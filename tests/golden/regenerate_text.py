"""Rewrite the text-extraction golden files from the current parser; run only on purpose after checking the diff.

Usage: .venv/bin/python tests/golden/regenerate_text.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from extractors.pdf.ingest import parse_pdf  # noqa: E402
from schemas.settings import IngestSettings  # noqa: E402

GOLDEN_DIR = Path(__file__).resolve().parent / "text"
SOURCES = {"lussana2023_blocks.jsonl": ROOT / "corpus" / "sample" / "lussana2023_cancers.pdf"}
"""Golden file name -> PDF it is made from (text only: table geometry belongs to the table extractor's goldens)."""


def golden_rows(pdf: Path) -> list[dict]:
    """The comparable fields of each block of a text-only parse, in reading order."""
    doc = parse_pdf(pdf, IngestSettings(), with_tables=False)
    return [{"page": b.page, "kind": b.kind, "column": b.column, "section": b.section, "text": b.text}
            for b in doc.blocks]


def main() -> None:
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for name, pdf in SOURCES.items():
        rows = golden_rows(pdf)
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
        (GOLDEN_DIR / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(rows)} blocks to {GOLDEN_DIR / name}")


if __name__ == "__main__":
    main()
