"""Write the JSON Schema of each public record model into schemas/jsonschema/ (generated files, committed)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional

from pydantic import BaseModel

from schemas.document import Cell, Document, Table
from schemas.evidence import Table1Row
from schemas.validation_models import CheckedEvidenceRecord, RejectedRecord

JSONSCHEMA_DIR = Path(__file__).resolve().parent / "jsonschema"

# EvidenceRecord is exported with its closed vocabularies: that is the shape of every record the warehouse holds.
MODELS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("Document", Document),
    ("Table", Table),
    ("Cell", Cell),
    ("Table1Row", Table1Row),
    ("EvidenceRecord", CheckedEvidenceRecord),
    ("RejectedRecord", RejectedRecord),
)


def json_schemas() -> dict[str, str]:
    """File name -> JSON Schema text for every exported model."""
    out = {}
    for name, model in MODELS:
        schema = model.model_json_schema()
        schema["title"] = name
        out[f"{name}.json"] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def export_json_schemas(out_dir: Path = JSONSCHEMA_DIR) -> list[Path]:
    """Write each model's JSON Schema into out_dir and return the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in json_schemas().items():
        (out_dir / name).write_text(text, encoding="utf-8")
        written.append(out_dir / name)
    return written


def main(argv: Optional[list[str]] = None) -> int:
    """Check (default) or rewrite the committed schemas/jsonschema/*.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="regenerate the files instead of checking them")
    args = parser.parse_args(argv)
    if args.write:
        for path in export_json_schemas():
            print(path)
        return 0
    stale = [n for n, text in json_schemas().items()
             if not (JSONSCHEMA_DIR / n).exists() or (JSONSCHEMA_DIR / n).read_text(encoding="utf-8") != text]
    for name in stale:
        print(f"stale: schemas/jsonschema/{name} (run python -m schemas.export_jsonschema --write)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
