"""What changed between two runs: Table 1 cells (as text) and evidence facts, from the warehouse's version history."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional

import duckdb

from schemas.declarations import TABLE1_CELL_COLUMNS

CELL_FIELDS = ("doc", "row_number", "column", "before", "after")
FACT_FIELDS = ("change", "doc", "trial", "endpoint", "arm", "statistic", "timepoint", "before", "after", "page",
               "quote")
KNOWN_RUNS_SHOWN = 20

CELLS_SQL = f"""
SELECT coalesce(b.document, a.document) AS doc, coalesce(b.row_number, a.row_number) AS row_number,
       coalesce(b.column_name, a.column_name) AS "column", a.text AS before, b.text AS after,
       coalesce(b.page, a.page) AS page, coalesce(b.path, a.path) AS path,
       coalesce(b.doc_sha256, a.doc_sha256) AS doc_sha256, coalesce(b.bbox, a.bbox) AS bbox
FROM table1_as_of(?) a
FULL OUTER JOIN table1_as_of(?) b ON a.cell_key = b.cell_key
WHERE a.text IS DISTINCT FROM b.text
ORDER BY doc, row_number, list_position({list(TABLE1_CELL_COLUMNS)}, "column")
"""

FACTS_SQL = """
SELECT CASE WHEN a.fact_key IS NULL THEN 'added' WHEN b.fact_key IS NULL THEN 'removed' ELSE 'changed' END AS change,
       coalesce(b.doc, a.doc) AS doc, coalesce(b.trial, a.trial) AS trial,
       coalesce(b.endpoint, a.endpoint) AS endpoint, coalesce(b.arm, a.arm) AS arm,
       coalesce(b.statistic, a.statistic) AS statistic, coalesce(b.timepoint, a.timepoint) AS timepoint,
       a.value AS before, b.value AS after, coalesce(b.page, a.page) AS page, coalesce(b.quote, a.quote) AS quote,
       coalesce(b.source, a.source) AS source, coalesce(b.path, a.path) AS path,
       coalesce(b.doc_sha256, a.doc_sha256) AS doc_sha256, coalesce(b.bbox, a.bbox) AS bbox,
       coalesce(b.value_text, a.value_text) AS value_text, a.value_text AS before_text, b.value_text AS after_text,
       coalesce(b.unit, a.unit) AS unit, coalesce(b.fact_key, a.fact_key) AS fact_key
FROM evidence_as_of(?) a
FULL OUTER JOIN evidence_as_of(?) b ON a.fact_key = b.fact_key
WHERE a.version_id IS DISTINCT FROM b.version_id
ORDER BY doc, CASE change WHEN 'changed' THEN 0 WHEN 'added' THEN 1 ELSE 2 END, page, trial, endpoint, arm, fact_key
"""


class DiffInputError(ValueError):
    """A run id the warehouse does not know, or too few runs to compare; the message lists the known ones."""


@dataclass
class RunDiff:
    """Table 1 cells and facts that differ between two runs; each row keeps provenance for the HTML report."""

    from_run: str
    to_run: str
    cells: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)

    @property
    def has_differences(self) -> bool:
        """True when any cell or fact differs."""
        return bool(self.cells or self.facts)

    def as_json(self) -> dict:
        """The object of `evidence diff --format json` (CONTRACTS.md)."""
        return {"from_run": self.from_run, "to_run": self.to_run,
                "table1_cells": [{k: c[k] for k in CELL_FIELDS} for c in self.cells],
                "facts": [{k: f[k] for k in FACT_FIELDS} for f in self.facts]}


def completed_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Completed run ids, oldest first."""
    return [r for (r,) in con.execute(
        "SELECT run_id FROM runs WHERE status = 'completed' ORDER BY started_at, run_id").fetchall()]


def _known(runs: list[str]) -> str:
    shown = runs[-KNOWN_RUNS_SHOWN:]
    more = f" (and {len(runs) - len(shown)} older)" if len(runs) > len(shown) else ""
    return ("known completed runs, oldest first: " + ", ".join(shown) + more) if runs else "the warehouse has no completed run yet"


def resolve_runs(con: duckdb.DuckDBPyConnection, from_run: Optional[str], to_run: Optional[str]) -> tuple[str, str]:
    """The two runs to compare: as given, else the last two completed runs (--to alone: the run before it)."""
    runs = completed_runs(con)
    for name, run in (("--from", from_run), ("--to", to_run)):
        if run is not None and run not in runs:
            raise DiffInputError(f"unknown run {run!r} for {name}; {_known(runs)}")
    to_run = to_run or (runs[-1] if runs else None)
    if from_run is None:
        earlier = runs[:runs.index(to_run)] if to_run in runs else []
        if not earlier:
            raise DiffInputError(f"no completed run before {to_run or 'the last one'} to compare with; {_known(runs)}; "
                                 "run the pipeline again, or give --from RUN --to RUN")
        from_run = earlier[-1]
    return from_run, to_run


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def run_diff(con: duckdb.DuckDBPyConnection, from_run: Optional[str] = None, to_run: Optional[str] = None) -> RunDiff:
    """Compare the cells and facts current after `from_run` with those current after `to_run`."""
    from_run, to_run = resolve_runs(con, from_run, to_run)
    return RunDiff(from_run, to_run, _rows(con, CELLS_SQL, [from_run, to_run]),
                   _rows(con, FACTS_SQL, [from_run, to_run]))


def _text(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _one_line(value, limit: int = 0) -> str:
    text = " ".join(_text(value).split())
    return text if not limit or len(text) <= limit else text[:limit - 1] + "…"


def _summary(diff: RunDiff) -> str:
    changes = {c: sum(f["change"] == c for f in diff.facts) for c in ("changed", "added", "removed")}
    return (f"{len(diff.cells)} Table 1 cell(s) and {len(diff.facts)} fact(s) differ "
            f"({changes['changed']} changed, {changes['added']} added, {changes['removed']} removed)")


def format_json(diff: RunDiff) -> str:
    """One JSON object, as CONTRACTS.md fixes it."""
    return json.dumps(diff.as_json(), ensure_ascii=False, indent=1) + "\n"


def _md(value, limit: int = 0) -> str:
    return _one_line(value, limit).replace("|", "\\|")


def format_md(diff: RunDiff) -> str:
    """Markdown: a heading, then a table of Table 1 cells and one of facts."""
    out = [f"# Changes from {diff.from_run} to {diff.to_run}", "", _summary(diff) + ".", ""]
    if diff.cells:
        out += ["## Table 1 cells", "", "| doc | row | column | before | after | page |", "|---|---|---|---|---|---|"]
        out += [f"| {_md(c['doc'])} | {c['row_number']} | {c['column']} | {_md(c['before'])} | {_md(c['after'])} "
                f"| {c['page']} |" for c in diff.cells]
        out.append("")
    if diff.facts:
        out += ["## Facts", "", "| change | doc | trial | endpoint | arm | statistic | timepoint | before | after "
                "| page | quote |", "|---|---|---|---|---|---|---|---|---|---|---|"]
        out += [f"| {f['change']} | {_md(f['doc'])} | {_md(f['trial'])} | {f['endpoint']} | {_md(f['arm'])} "
                f"| {f['statistic']} | {_md(f['timepoint'])} | {_md(f['before'])} | {_md(f['after'])} | {f['page']} "
                f"| {_md(f['quote'], 160)} |" for f in diff.facts]
        out.append("")
    return "\n".join(out)


def _columns(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return [line(header), line(tuple("-" * w for w in widths))] + [line(r) for r in rows]


def format_table(diff: RunDiff) -> str:
    """Plain text for a terminal: a summary line, then aligned rows of cells and facts."""
    out = [f"changes from {diff.from_run} to {diff.to_run}: {_summary(diff)}"]
    if diff.cells:
        out += ["", "Table 1 cells:"] + _columns(
            ("doc", "row", "column", "before", "after", "page"),
            [(_one_line(c["doc"]), str(c["row_number"]), c["column"], _one_line(c["before"], 50),
              _one_line(c["after"], 50), str(c["page"])) for c in diff.cells])
    if diff.facts:
        out += ["", "facts:"] + _columns(
            ("change", "doc", "trial", "endpoint", "arm", "statistic", "timepoint", "before", "after", "page", "quote"),
            [(f["change"], _one_line(f["doc"]), _one_line(f["trial"]), f["endpoint"], _one_line(f["arm"]),
              f["statistic"], _one_line(f["timepoint"]), _text(f["before"]), _text(f["after"]), str(f["page"]),
              _one_line(f["quote"], 70)) for f in diff.facts])
    return "\n".join(out) + "\n"
