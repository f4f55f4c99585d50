"""Render the table declarations as DuckDB DDL: one warehouse/tables/<table>.sql per table."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from schemas.checks import (
    AllowedValues, AtMost, Check, Condition, Equals, InRange, InRunParameter, IsMissing, IsPresent, IsTrue,
    MatchesRegex, NotEquals, OneOf, Present, Scalar,
)
from schemas.declarations import TABLES, ColumnDecl, TableDecl
from schemas.generated import check_or_write, stale_names, write_files

TABLES_DIR = Path(__file__).resolve().parents[1] / "warehouse" / "tables"
HEADER = ("-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.\n"
          "-- Regenerate with: python -m schemas.ddl --write\n")


def sql_literal(value: Scalar) -> str:
    """A DuckDB literal for a Python scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _ref(column: str, table: TableDecl) -> str:
    derived = next((d for d in table.derived if d.name == column), None)
    return f"({derived.sql})" if derived else column


def condition_sql(condition: Condition, table: TableDecl) -> str:
    """SQL that is true exactly when the condition holds (never null)."""
    col = _ref(condition.column, table)
    if isinstance(condition, Equals):
        return f"coalesce({col} = {sql_literal(condition.value)}, false)"
    if isinstance(condition, NotEquals):
        return f"coalesce({col} <> {sql_literal(condition.value)}, false)"
    if isinstance(condition, OneOf):
        return f"coalesce({col} IN ({', '.join(map(sql_literal, condition.values))}), false)"
    if isinstance(condition, Present):
        return f"{col} IS NOT NULL"
    raise TypeError(f"unknown condition {condition!r}")


def check_sql(column: str, check: Check, table: TableDecl) -> Optional[str]:
    """SQL that is false when the column fails the check (null passes, as in SQL CHECK); None when not expressible."""
    col = _ref(column, table)
    if isinstance(check, AllowedValues):
        return f"{col} IN ({', '.join(map(sql_literal, check.values))})"
    if isinstance(check, InRange):
        parts = []
        if check.min is not None:
            parts.append(f"{col} {'>' if check.strict_min else '>='} {check.min:g}")
        if check.max is not None:
            parts.append(f"{col} {'<' if check.strict_max else '<='} {check.max:g}")
        return " AND ".join(parts)
    if isinstance(check, MatchesRegex):
        return f"regexp_matches({col}, {sql_literal(check.pattern)})"
    if isinstance(check, IsMissing):
        return f"{col} IS NULL"
    if isinstance(check, IsPresent):
        return f"{col} IS NOT NULL"
    if isinstance(check, IsTrue):
        return col
    if isinstance(check, AtMost):
        return f"{col} <= {_ref(check.other, table)}"
    if isinstance(check, InRunParameter):
        return None
    raise TypeError(f"unknown check {check!r}")


def _column_line(column: ColumnDecl, table: TableDecl) -> str:
    parts = [column.name, column.type]
    if table.indexed_key and table.primary_key == (column.name,):
        parts.append("PRIMARY KEY")
    elif (not column.nullable and column.name not in table.primary_key) or (
            not table.indexed_key and column.name in table.primary_key):
        parts.append("NOT NULL")
    for check in column.checks:
        sql = check_sql(column.name, check, table)
        if sql:
            parts.append(f"CHECK ({sql})")
    return " ".join(parts)


def generate_ddl(table: TableDecl) -> str:
    """CREATE TABLE IF NOT EXISTS with keys and checks, then COMMENT ON the table and each column."""
    lines = [_column_line(c, table) for c in table.columns]
    if table.indexed_key and len(table.primary_key) > 1:
        lines.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for rule in table.rules:
        check = check_sql(rule.column, rule.check, table)
        if check is None:
            continue
        guard = f"NOT {condition_sql(rule.when, table)} OR " if rule.when else ""
        lines.append(f"-- {rule.name}: {rule.rationale}\n    CHECK ({guard}({check}))")
    body = ""
    for i, line in enumerate(lines):
        comma = "," if i < len(lines) - 1 else ""
        if line.startswith("-- "):
            comment, constraint = line.split("\n", 1)
            body += f"    {comment}\n{constraint}{comma}\n"
        else:
            body += f"    {line}{comma}\n"
    out = [HEADER]
    if not table.indexed_key:
        out.append(f"-- Key ({', '.join(table.primary_key)}): unique, kept so by the loader's anti-joins, with no PRIMARY KEY\n"
                   "-- index (DuckDB rewrote it at every checkpoint as the table grew); warehouse/keys.py checks it.\n")
    out += [f"CREATE TABLE IF NOT EXISTS {table.name} (\n{body});\n"]
    out.append(f"COMMENT ON TABLE {table.name} IS {sql_literal(table.comment)};\n")
    out.extend(f"COMMENT ON COLUMN {table.name}.{c.name} IS {sql_literal(c.comment)};\n" for c in table.columns)
    return "".join(out)


def generated_files() -> dict[str, str]:
    """File name -> SQL text for every declared table."""
    return {f"{t.name}.sql": generate_ddl(t) for t in TABLES}


def write_ddl(out_dir: Path = TABLES_DIR) -> list[Path]:
    """Write every table's DDL into out_dir and return the paths written."""
    return write_files(generated_files(), out_dir)


def stale_files(out_dir: Path = TABLES_DIR) -> list[str]:
    """Names of DDL files in out_dir that are missing or differ from the generator's output."""
    return stale_names(generated_files(), out_dir)


def main(argv: Optional[list[str]] = None) -> int:
    """Check (default) or rewrite the committed warehouse/tables/*.sql."""
    return check_or_write(argv, __doc__, generated_files, TABLES_DIR, "warehouse/tables", "schemas.ddl")


if __name__ == "__main__":
    raise SystemExit(main())
