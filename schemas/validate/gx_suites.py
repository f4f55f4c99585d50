"""Great Expectations 1.x suites generated from the table declarations, and a runner that maps failures to rows."""
from __future__ import annotations

import logging
import math
import os
import threading
import warnings
from pathlib import Path
from typing import Any, Collection, NamedTuple, Optional

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
# GX logs routine INFO lines while importing and creating contexts; they would clutter every run's output.
logging.getLogger("great_expectations").setLevel(logging.WARNING)

import great_expectations as gx  # noqa: E402
import pandas as pd  # noqa: E402
from great_expectations.core.run_identifier import RunIdentifier  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402
from great_expectations.expectations.row_conditions import Column, Condition as GxCondition  # noqa: E402

from schemas.checks import (  # noqa: E402
    AllowedValues, AtMost, Check, Condition, Equals, InRange, InRunParameter, IsMissing, IsPresent, IsTrue,
    MatchesRegex, NotEquals, OneOf, Present, Rule, describe_check, describe_condition,
)
from schemas.declarations import NON_BLANK, TABLES, TableDecl  # noqa: E402
from schemas.validate.frames import ROW_INDEX  # noqa: E402,F401 - frames defines it without importing great-expectations
from schemas.validate.docs_lock import data_docs_lock  # noqa: E402
from schemas.validate.offline_html import make_offline  # noqa: E402
from schemas.validate.reason_text import display  # noqa: E402

logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)  # it sets itself to INFO

DATA_DOCS_SITE = "evidence_data_docs"
_ALLOWED_SHOWN = 20


class ExpectationSource(NamedTuple):
    """Where an expectation came from: a column check, a key, the column set, or a named cross-field rule."""

    check_id: str
    column: Optional[str]
    check: Optional[Check]
    rule: Optional[Rule] = None


class Failure(NamedTuple):
    """One failed expectation: its source, the frame rows it flagged (empty for table-level ones) and GX's type."""

    source: ExpectationSource
    expectation_type: str
    rows: tuple[int, ...]
    observed: Any = None


class SuiteSpec(NamedTuple):
    """A generated suite and the declaration behind each of its expectations, keyed by check_id."""

    suite: gx.ExpectationSuite
    sources: dict[str, ExpectationSource]


def _gx_condition(condition: Condition) -> GxCondition:
    col = Column(condition.column)
    if isinstance(condition, Equals):
        return col == condition.value
    if isinstance(condition, NotEquals):
        return (col != condition.value) & col.is_not_null()
    if isinstance(condition, OneOf):
        return col.is_in(condition.values)
    if isinstance(condition, Present):
        return col.is_not_null()
    raise TypeError(f"unknown condition {condition!r}")


def _expectation(column: str, check: Check, when: Optional[Condition], check_id: str, notes: str):
    common: dict[str, Any] = {"meta": {"check_id": check_id}, "notes": notes}
    if when is not None:
        common["row_condition"] = _gx_condition(when)
    E = gx.expectations
    if isinstance(check, AllowedValues):
        return E.ExpectColumnValuesToBeInSet(column=column, value_set=list(check.values), **common)
    if isinstance(check, InRange):
        return E.ExpectColumnValuesToBeBetween(column=column, min_value=check.min, max_value=check.max,
                                               strict_min=check.strict_min, strict_max=check.strict_max, **common)
    if isinstance(check, MatchesRegex):
        return E.ExpectColumnValuesToMatchRegex(column=column, regex=check.pattern, **common)
    if isinstance(check, IsMissing):
        return E.ExpectColumnValuesToBeNull(column=column, **common)
    if isinstance(check, IsPresent):
        return E.ExpectColumnValuesToNotBeNull(column=column, **common)
    if isinstance(check, IsTrue):
        return E.ExpectColumnValuesToBeInSet(column=column, value_set=[True], **common)
    if isinstance(check, AtMost):
        return E.ExpectColumnPairValuesAToBeGreaterThanB(column_A=check.other, column_B=column, or_equal=True,
                                                         ignore_row_if="either_value_is_missing", **common)
    if isinstance(check, InRunParameter):
        return E.ExpectColumnValuesToBeInSet(column=column, value_set={"$PARAMETER": check.parameter}, **common)
    raise TypeError(f"unknown check {check!r}")


def _columns_of(column: str, check: Check, when: Optional[Condition]) -> set[str]:
    names = {column}
    if isinstance(check, AtMost):
        names.add(check.other)
    if when is not None:
        names.add(when.column)
    return names


def build_suite(table: TableDecl, columns: Optional[Collection[str]] = None) -> SuiteSpec:
    """The expectation suite for `table`, limited to expectations over `columns` (default: all declared and derived)."""
    available = set(columns) if columns is not None else (
        {c.name for c in table.columns} | {d.name for d in table.derived})
    suite = gx.ExpectationSuite(name=table.name)
    sources: dict[str, ExpectationSource] = {}

    def add(source: ExpectationSource, expectation) -> None:
        suite.add_expectation(expectation)
        sources[source.check_id] = source

    declared = [c.name for c in table.columns if c.name in available]
    add(ExpectationSource("table:columns", None, None),
        gx.expectations.ExpectTableColumnsToMatchSet(column_set=declared, exact_match=False,
                                                      meta={"check_id": "table:columns"},
                                                      notes="every declared column is present"))
    for column in table.columns:
        if column.name not in available:
            continue
        if not column.nullable:
            check_id = f"column:{column.name}:not_null"
            add(ExpectationSource(check_id, column.name, IsPresent()),
                _expectation(column.name, IsPresent(), None, check_id, f"{column.name} is NOT NULL"))
        for i, check in enumerate(column.checks):
            check_id = f"column:{column.name}:{type(check).__name__}:{i}"
            add(ExpectationSource(check_id, column.name, check),
                _expectation(column.name, check, None, check_id, describe_check(column.name, check)))
    if all(k in available for k in table.primary_key):
        check_id = "key:" + ",".join(table.primary_key)
        if len(table.primary_key) == 1:
            expectation = gx.expectations.ExpectColumnValuesToBeUnique(
                column=table.primary_key[0], meta={"check_id": check_id}, notes="primary key")
        else:
            expectation = gx.expectations.ExpectCompoundColumnsToBeUnique(
                column_list=list(table.primary_key), meta={"check_id": check_id}, notes="primary key")
        add(ExpectationSource(check_id, ",".join(table.primary_key), None), expectation)
    for rule in table.rules:
        if not _columns_of(rule.column, rule.check, rule.when) <= available:
            continue
        check_id = f"rule:{rule.name}"
        when = f"when {describe_condition(rule.when)}, " if rule.when else ""
        notes = f"{rule.name}: {when}{describe_check(rule.column, rule.check)} — {rule.rationale}"
        add(ExpectationSource(check_id, rule.column, rule.check, rule),
            _expectation(rule.column, rule.check, rule.when, check_id, notes))
    return SuiteSpec(suite, sources)


def _plain(value: Any) -> str:
    text = display(value)
    return text[1:-1] if isinstance(value, str) else text


def reason(failure: Failure, row: dict[str, Any]) -> str:
    """One readable line saying why `row` fails the expectation."""
    source = failure.source
    if source.rule is not None:
        values = {k: _plain(v) for k, v in row.items()}
        return f"{source.rule.name}: {source.rule.message.format(**values)}"
    head = f"{failure.expectation_type}({source.column})"
    value = row.get(source.column) if source.column in row else None
    check = source.check
    if source.check_id.startswith("key:"):
        keys = source.column.split(",")
        return f"{head}: {', '.join(display(row.get(k)) for k in keys)} duplicates an earlier record"
    if isinstance(check, AllowedValues):
        allowed = ", ".join(map(str, check.values[:_ALLOWED_SHOWN]))
        return f"{head}: {display(value)} not allowed; allowed: {allowed}"
    if isinstance(check, InRange):
        return f"{head}: {display(value)} out of range ({describe_check(source.column, check)})"
    if isinstance(check, MatchesRegex):
        if check.pattern == NON_BLANK:
            return f"{head}: blank"
        return f"{head}: {display(value)} does not match /{check.pattern}/"
    if isinstance(check, IsPresent):
        return f"{head}: missing"
    return f"{head}: {display(value)} fails {describe_check(source.column, check)}"


def _rows(result: dict) -> tuple[int, ...]:
    found = result.get("unexpected_index_list") or []
    return tuple(sorted({int(item[ROW_INDEX]) if isinstance(item, dict) else int(item) for item in found}))


class SuiteRunner:
    """One ephemeral GX context holding a pandas data source, one asset and suite per table, and a Data Docs site."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        for site in list(self.context.get_site_names()):
            self.context.delete_data_docs_site(site)
        self._source = self.context.data_sources.add_pandas("warehouse_batches")
        self._specs: dict[str, SuiteSpec] = {}
        self._docs_dir: Optional[Path] = None
        self._rendered: set = set()  # suites and validation results whose pages _docs_dir already holds
        self._validations = 0

    def _spec(self, table: TableDecl, columns: Collection[str]) -> SuiteSpec:
        key = f"{table.name}:{','.join(sorted(columns))}"
        if key not in self._specs:
            spec = build_suite(table, columns)
            taken = {s.suite.name for s in self._specs.values()}
            if table.name in taken:  # the same table validated with another column set
                spec.suite.name = f"{table.name}.{len(taken)}"
            spec = SuiteSpec(self.context.suites.add(spec.suite), spec.sources)
            self._specs[key] = spec
        return self._specs[key]

    def validate(self, table: TableDecl, frame: pd.DataFrame, run_name: str,
                 parameters: Optional[dict[str, Any]] = None) -> tuple[int, list[Failure]]:
        """Run the table's suite on `frame` (which carries a ROW_INDEX column); returns (expectations run, failures)."""
        with self._lock, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            spec = self._spec(table, [c for c in frame.columns if c != ROW_INDEX])
            asset_name = spec.suite.name
            try:
                asset = self._source.get_asset(asset_name)
            except LookupError:
                asset = self._source.add_dataframe_asset(asset_name)
            try:
                batch_definition = asset.get_batch_definition("whole")
            except (KeyError, LookupError):
                batch_definition = asset.add_batch_definition_whole_dataframe("whole")
            self._validations += 1
            name = f"{table.name} {run_name} #{self._validations}"
            definition = self.context.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=batch_definition, suite=spec.suite))
            result = definition.run(
                batch_parameters={"dataframe": frame},
                expectation_parameters=parameters or {},
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [ROW_INDEX]},
                run_id=RunIdentifier(run_name=run_name),
            )
        failures = []
        for item in result.results:
            if item.success:
                continue
            config = item.expectation_config
            source = spec.sources[config.meta["check_id"]]
            if item.exception_info and item.exception_info.get("raised_exception"):
                raise RuntimeError(f"expectation {config.type} on {table.name} raised: "
                                   f"{item.exception_info.get('exception_message')}")
            failures.append(Failure(source, config.type, _rows(item.result), item.result.get("observed_value")))
        return len(result.results), failures

    def build_data_docs(self, docs_dir: Path) -> Path:
        """Render every validation this context has run as static HTML under docs_dir; returns index.html.

        Pages rendered into docs_dir by an earlier call stay as they are: only new suites and validations are rendered
        (the index lists them all).
        """
        docs_dir = Path(docs_dir).resolve()
        config = {"class_name": "SiteBuilder", "show_how_to_buttons": False,
                  "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
                  "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}
        with self._lock, data_docs_lock(docs_dir), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if self._docs_dir is None:
                self.context.add_data_docs_site(DATA_DOCS_SITE, config)
            elif self._docs_dir != docs_dir:
                self.context.update_data_docs_site(DATA_DOCS_SITE, config)
                self._rendered = set()
            self._docs_dir = docs_dir
            resources = self.context.expectations_store.list_keys() + self.context.validation_results_store.list_keys()
            new = [key for key in resources if key not in self._rendered]
            if new or not self._rendered:  # an empty list would render every resource again
                self.context.build_data_docs(site_names=[DATA_DOCS_SITE], resource_identifiers=new or None)
            self._rendered.update(new)
            make_offline(docs_dir)  # GX's pages load Bootstrap, jQuery and Vega from CDNs; serve vendored copies
        return docs_dir / "index.html"


_runner: Optional[SuiteRunner] = None
_runner_lock = threading.Lock()


def suite_runner() -> SuiteRunner:
    """The process-wide suite runner, created on first use."""
    global _runner
    with _runner_lock:
        if _runner is None:
            _runner = SuiteRunner()
        return _runner


def describe_suites(tables: Collection[TableDecl]) -> str:
    """Each table's generated expectations, one line each: GX type, source and notes."""
    suite_runner()  # GX builds suites only inside an active context
    lines = []
    for table in tables:
        spec = build_suite(table)
        lines.append(f"{table.name} ({len(spec.suite.expectations)} expectations)")
        for expectation in spec.suite.expectations:
            lines.append(f"  {expectation.expectation_type:55} {expectation.notes}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(describe_suites(TABLES))
