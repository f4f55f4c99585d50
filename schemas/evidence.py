"""Typed records for extracted evidence and the Table 1 mirror."""
from __future__ import annotations

import hashlib
import json
from enum import Enum
from functools import cached_property
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from schemas.document import BBox


class Endpoint(str, Enum):
    """Closed endpoint vocabulary (see CONTRACTS.md)."""

    CR = "CR"
    CR_CRI = "CR_CRI"
    ORR = "ORR"
    MRD_NEG = "MRD_NEG"
    RFS = "RFS"
    EFS = "EFS"
    DFS = "DFS"
    PFS = "PFS"
    OS = "OS"
    DOR = "DOR"
    VOD = "VOD"
    CRS = "CRS"
    ICANS = "ICANS"
    GVHD = "GVHD"
    ALLOHSCT = "ALLOHSCT"
    NRM = "NRM"
    ENROLLED = "ENROLLED"


TIME_TO_EVENT_ENDPOINTS: tuple[str, ...] = tuple(e.value for e in (
    Endpoint.RFS, Endpoint.EFS, Endpoint.DFS, Endpoint.PFS, Endpoint.OS, Endpoint.DOR))
"""Times to an event: they have medians, hazard ratios and landmark estimates (a % of them is a survival estimate)."""
RATE_ONLY_ENDPOINTS: tuple[str, ...] = tuple(e.value for e in (
    Endpoint.CR, Endpoint.CR_CRI, Endpoint.ORR, Endpoint.MRD_NEG, Endpoint.VOD, Endpoint.CRS, Endpoint.ICANS,
    Endpoint.GVHD, Endpoint.ALLOHSCT, Endpoint.NRM))
"""Shares of patients, never a time: responses, toxicities, transplants and NRM (GUIDE.md: non-relapse mortality is a
rate, usually a cumulative incidence; a median NRM does not exist)."""
COUNT_ENDPOINTS: tuple[str, ...] = (Endpoint.ENROLLED.value,)
"""Numbers of patients."""

Statistic = Literal["rate", "median", "landmark", "hazard_ratio", "count"]
Unit = Optional[Literal["%", "months"]]
Source = Literal["body", "table"]
SpanBase = Literal["document", "cell"]
SPAN_BASE_OF_SOURCE: dict[str, str] = {"body": "document", "table": "cell"}
"""What char_start, char_end and quote_start count from: a body record's from the document text, a table record's
from its cell text (for Table 1 results, the Main Results cell as Table1Row.main_results holds it)."""


def content_id(*parts: object) -> str:
    """Stable sha256 hex id of the JSON encoding of `parts`."""
    payload = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class EvidenceRecord(BaseModel):
    """One reported result with its provenance; export fields first, provenance after."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc: str = Field(description="file name of the source PDF")
    trial: Optional[str] = None
    nct: Optional[str] = None
    endpoint: str = Field(description="code from the Endpoint vocabulary; validated in the validate stage")
    arm: Optional[str] = None
    value: float
    unit: Optional[str] = None
    statistic: str
    timepoint: Optional[str] = None
    ci_low: Optional[float] = None
    ci_high: Optional[float] = None
    p_value: Optional[float] = None
    page: int = Field(ge=1)
    quote: str
    source: Source
    # provenance
    doc_sha256: str
    value_text: str = Field(description="the number as printed, e.g. '34', 'two-thirds'")
    char_start: int = Field(ge=0, description="start of value_text in the text that span_base names")
    char_end: int = Field(ge=0)
    quote_start: int = Field(ge=0, description="start of quote in the text that span_base names")
    bbox: Optional[BBox] = None
    table_id: Optional[str] = None
    table_row: Optional[int] = None
    table_col: Optional[int] = None
    extractor: str = Field(description="id of the rule or model that produced the record")
    extractor_version: str

    @property
    def span_base(self) -> str:
        """The text the offsets count from: 'document' for body records, 'cell' for table records."""
        return SPAN_BASE_OF_SOURCE[self.source]

    @cached_property
    def record_id(self) -> str:
        """Content-hash identity: same document, location and reading give the same id."""
        # Cached in the instance (the model is frozen); pydantic's equality and hash ignore the cached value.
        return content_id(
            self.doc_sha256, self.source, self.table_id, self.table_row, self.char_start, self.char_end,
            self.trial, self.endpoint, self.arm, self.value, self.unit, self.statistic, self.timepoint,
        )

    def model_copy(self, *, update: Optional[dict[str, Any]] = None, deep: bool = False) -> "EvidenceRecord":
        """A copy with `update` applied; its record_id is computed again from the copy's own fields."""
        copied = super().model_copy(update=update, deep=deep)
        if update:
            copied.__dict__.pop("record_id", None)
        return copied


EXPORT_FIELDS: tuple[str, ...] = ("doc", "trial", "nct", "endpoint", "arm", "value", "unit", "statistic", "timepoint",
                                 "ci_low", "ci_high", "p_value", "page", "quote", "source")
"""The export record of CONTRACTS.md, in its order: v_evidence's first columns and EvidenceRecord's first fields."""
PROVENANCE_FIELDS: tuple[str, ...] = ("record_id",) + tuple(f for f in EvidenceRecord.model_fields
                                                            if f not in EXPORT_FIELDS)
"""What `evidence export` writes after the export fields: the record's id and its provenance fields, in order."""


class Table1Count(BaseModel):
    """A patient count read from a Table 1 total-patients cell; arm None counts all patients."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: int = Field(ge=0)
    arm: Optional[str] = None
    char_start: int = Field(ge=0, description="offset of the digits in the total-patients cell")
    char_end: int = Field(ge=0)


class Table1Row(BaseModel):
    """One data row of a document's Table 1, cells as printed with wrapped lines joined by a space."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_sha256: str
    document: str = Field(description="file name of the source PDF")
    table_id: str
    row_number: int = Field(ge=1)
    trial: str
    reference: Optional[str] = Field(default=None, description="content of the [..] marker, e.g. '23,24,25'")
    setting: str
    design: str
    total_patients: str
    treatment: str
    main_results: str
    extra_cells: dict[str, str] = Field(default_factory=dict,
                                        description="cells of columns that map to no role: header as printed -> cell")
    patient_counts: tuple[Table1Count, ...] = Field(default=(), description="counts read from the total-patients cell")
    page: int = Field(ge=1)
    bbox: Optional[BBox] = None

    @property
    def row_id(self) -> str:
        """Content-hash identity of the row."""
        extra = (sorted(self.extra_cells.items()),) if self.extra_cells else ()  # rows without extras keep their ids
        return content_id(self.doc_sha256, self.table_id, self.row_number, self.trial, self.reference,
                          self.setting, self.design, self.total_patients, self.treatment, self.main_results, *extra)
