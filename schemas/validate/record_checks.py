"""Checks of one evidence record that need no other record: the closed-vocabulary model (no great-expectations)."""
from __future__ import annotations

from typing import Sequence

from pydantic import ValidationError

from schemas.evidence import EvidenceRecord
from schemas.validate.reason_text import display
from schemas.validation_models import CheckedEvidenceRecord


def model_reasons(record: EvidenceRecord) -> list[str]:
    """Reasons the record fails the closed-vocabulary model, one per field."""
    try:
        CheckedEvidenceRecord.model_validate(record.model_dump())
    except ValidationError as exc:
        return [f"model({'.'.join(map(str, err['loc']))}): {display(err.get('input'))} rejected: {err['msg']}"
                for err in exc.errors()]
    return []


def model_failures(records: Sequence[EvidenceRecord]) -> dict[str, tuple[str, ...]]:
    """The model reasons of each failing record, by record_id (a document worker sends these with its records)."""
    failures = {}
    for record in records:
        reasons = model_reasons(record)
        if reasons:
            failures[record.record_id] = tuple(reasons)
    return failures
