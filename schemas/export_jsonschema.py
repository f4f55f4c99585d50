"""Write the JSON Schema of each public record model into schemas/jsonschema/ (generated files, committed)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pydantic import BaseModel

from schemas.document import Cell, Document, Table
from schemas.evidence import Table1Row
from schemas.generated import check_or_write, write_files
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
    return write_files(json_schemas(), Path(out_dir))


def main(argv: Optional[list[str]] = None) -> int:
    """Check (default) or rewrite the committed schemas/jsonschema/*.json."""
    return check_or_write(argv, __doc__, json_schemas, JSONSCHEMA_DIR, "schemas/jsonschema",
                          "schemas.export_jsonschema")


if __name__ == "__main__":
    raise SystemExit(main())
