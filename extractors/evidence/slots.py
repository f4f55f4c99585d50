"""Types shared by the clause reader: the inherited context, the finished reading and the in-progress value slot."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from extractors.evidence.numbers import NumberToken
from extractors.evidence.rules import EndpointTerm


@dataclass(frozen=True)
class ReadingContext:
    """What a clause inherits from its study: default and control arms, extra endpoint terms, fallbacks."""

    default_arm: Optional[str] = None
    control_arm: Optional[str] = None
    extra_terms: tuple[EndpointTerm, ...] = ()
    fallback_endpoint: Optional[str] = None
    allow_enrolled: bool = True
    blocked: tuple[tuple[int, int], ...] = ()
    gazetteer_dir: Optional[Path] = None
    fallback_arm: Optional[str] = None
    fallback_unit: Optional[str] = None
    ratio_column: bool = False
    ci_declared: bool = False
    count_percent: bool = False
    windows: bool = True
    one_study: bool = False  # the clause is from a report about one study (not a review of many)
    fallback_timepoint: Optional[str] = None  # goes with fallback_endpoint when a sentence continues the previous one
    fallback_endpoints: tuple[str, ...] = ()  # a sentence listing only a new time and values restates these, in order
    fallback_hr_endpoint: Optional[str] = None  # a subgroup's bare hazard ratio continues the last one's endpoint
    study_arms: tuple[str, ...] = ()  # a report of three or more arms: its arms in the order it lists them


@dataclass(frozen=True)
class Reading:
    """One value read from a clause, offsets relative to the clause text."""

    start: int
    end: int
    value_text: str
    value: float
    endpoint: str
    unit: Optional[str]
    statistic: str
    timepoint: Optional[str]
    arm: Optional[str]
    rule: str
    ci_low: Optional[float] = None
    ci_high: Optional[float] = None
    p_value: Optional[float] = None


@dataclass
class ValueSlot:
    """A number being read: its token, unit, kind and the attributes assigned so far."""

    tok: NumberToken
    unit: Optional[str]
    kind: str  # "measure" | "hr" | "count" | "enrolled" | "drop"
    endpoint: Optional[str] = None
    count_rule: str = ""
    timepoint: Optional[str] = None
    arm: Optional[str] = None
    statistic: Optional[str] = None
    ci: Optional[tuple[float, float]] = None
    p: Optional[float] = None
    extra_endpoints: list[str] = field(default_factory=list)
    restates: Optional["ValueSlot"] = None  # the value of the clause before whose endpoint this one restates
