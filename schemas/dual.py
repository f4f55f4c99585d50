"""Typed record of dual extraction: a printed number the full pass (rules + NER) and the rules-only pass read apart."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from schemas.evidence import content_id

DualFlagKind = Literal["readings_differ", "only_with_ner", "only_rules"]
"""readings_differ: both passes read the number, as different facts; only_with_ner: the rules alone do not read it;
only_rules: the NER changes the reading so much that the full pass reads nothing there."""


class DualFlag(BaseModel):
    """One disagreement of the two extraction passes on one printed number, with both readings."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc: str = Field(description="file name of the source PDF")
    doc_sha256: str
    source: str
    page: int = Field(ge=1)
    quote: str
    value_text: str
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)
    table_id: Optional[str] = None
    table_row: Optional[int] = None
    kind: DualFlagKind
    record_id: Optional[str] = Field(default=None, description="the full pass's record of the number, if any")
    trial: Optional[str] = None
    endpoint: str
    arm: Optional[str] = None
    statistic: str
    timepoint: Optional[str] = None
    value: float
    unit: Optional[str] = None
    with_ner: Optional[str] = Field(default=None, description="the full pass's readings of the number")
    rules_only: Optional[str] = Field(default=None, description="the rules-only pass's readings of the number")

    @property
    def flag_id(self) -> str:
        """Content-hash identity: document, location, and both readings."""
        return content_id("dual", self.doc_sha256, self.source, self.table_id, self.table_row, self.char_start,
                          self.char_end, self.record_id, self.endpoint, self.value, self.with_ner, self.rules_only)

    @property
    def reason(self) -> str:
        """The disagreement in words."""
        if self.kind == "only_rules":
            return f"dual extraction: only the rules-only pass reads {self.value_text} (as {self.rules_only})"
        if self.kind == "only_with_ner":
            return f"dual extraction: only the pass with NER reads {self.value_text} (as {self.with_ner})"
        return f"dual extraction: {self.value_text} is read as {self.with_ner} with NER, as {self.rules_only} by the rules alone"
