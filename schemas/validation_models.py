"""Pydantic models of the validate stage: the closed-vocabulary evidence record and the quarantined record."""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict

from schemas.evidence import Endpoint, EvidenceRecord, Statistic, Unit


class CheckedEvidenceRecord(EvidenceRecord):
    """EvidenceRecord with its closed vocabularies enforced by the model itself."""

    endpoint: Endpoint
    statistic: Statistic
    unit: Unit = None


class RejectedRecord(BaseModel):
    """A record that failed validation, with its provenance, the whole record as payload, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reject_id: str
    run_id: str
    doc: Optional[str] = None
    doc_sha256: Optional[str] = None
    page: Optional[int] = None
    source: Optional[str] = None
    extractor: Optional[str] = None
    quote: Optional[str] = None
    payload: dict[str, Any]
    reasons: list[str]
