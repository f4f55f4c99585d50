"""Check primitives the table declarations are written in; ddl.py renders them as SQL, gx_suites.py as expectations."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Optional, Union

Scalar = Union[str, int, float, bool]


# --- conditions: when a cross-field rule applies -------------------------------------------------

@dataclass(frozen=True)
class Equals:
    """The row's `column` equals `value`."""

    column: str
    value: Scalar


@dataclass(frozen=True)
class NotEquals:
    """The row's `column` is present and differs from `value`."""

    column: str
    value: Scalar


@dataclass(frozen=True)
class OneOf:
    """The row's `column` is one of `values`."""

    column: str
    values: tuple[Scalar, ...]


@dataclass(frozen=True)
class Present:
    """The row's `column` is not null."""

    column: str


Condition = Union[Equals, NotEquals, OneOf, Present]


# --- checks: what a column must satisfy (nulls pass every check except IsPresent) ----------------

@dataclass(frozen=True)
class AllowedValues:
    """Value belongs to a closed vocabulary."""

    values: tuple[Scalar, ...]


@dataclass(frozen=True)
class InRange:
    """Value lies between `min` and `max` (either may be open)."""

    min: Optional[float] = None
    max: Optional[float] = None
    strict_min: bool = False
    strict_max: bool = False


@dataclass(frozen=True)
class MatchesRegex:
    """Value matches a regular expression (search semantics; anchor it for a full match)."""

    pattern: str


@dataclass(frozen=True)
class IsMissing:
    """Value must be null."""


@dataclass(frozen=True)
class IsPresent:
    """Value must not be null."""


@dataclass(frozen=True)
class IsTrue:
    """A derived boolean flag must be true."""


@dataclass(frozen=True)
class AtMost:
    """Value is less than or equal to the row's `other` column when both are given."""

    other: str


@dataclass(frozen=True)
class InRunParameter:
    """Value belongs to a set known only at run time (passed as the GX suite parameter `parameter`)."""

    parameter: str


Check = Union[AllowedValues, InRange, MatchesRegex, IsMissing, IsPresent, IsTrue, AtMost, InRunParameter]


class Rule(NamedTuple):
    """A named cross-field rule: when `when` holds, `column` must pass `check`; `message` is formatted with the row."""

    name: str
    column: str
    check: Check
    when: Optional[Condition]
    message: str
    rationale: str


class DerivedColumn(NamedTuple):
    """A boolean or key computed from a row by a DuckDB expression, so GX can check what no built-in expectation can."""

    name: str
    sql: str
    rationale: str


def describe_condition(condition: Optional[Condition]) -> str:
    """Human wording of a condition, e.g. 'statistic = landmark'."""
    if condition is None:
        return "always"
    if isinstance(condition, Equals):
        return f"{condition.column} = {condition.value}"
    if isinstance(condition, NotEquals):
        return f"{condition.column} ≠ {condition.value}"
    if isinstance(condition, OneOf):
        return f"{condition.column} in ({', '.join(map(str, condition.values))})"
    return f"{condition.column} given"


def describe_check(column: str, check: Check) -> str:
    """Human wording of a check on a column, e.g. 'value in 0–100'."""
    if isinstance(check, AllowedValues):
        return f"{column} in ({', '.join(map(str, check.values))})"
    if isinstance(check, InRange):
        low = "" if check.min is None else f"{'>' if check.strict_min else '≥'} {check.min:g}"
        high = "" if check.max is None else f"{'<' if check.strict_max else '≤'} {check.max:g}"
        return f"{column} {' and '.join(p for p in (low, high) if p)}"
    if isinstance(check, MatchesRegex):
        return f"{column} matches /{check.pattern}/"
    if isinstance(check, IsMissing):
        return f"{column} is null"
    if isinstance(check, IsPresent):
        return f"{column} is not null"
    if isinstance(check, IsTrue):
        return f"{column} is true"
    if isinstance(check, AtMost):
        return f"{column} ≤ {check.other}"
    return f"{column} in the run's {check.parameter}"
