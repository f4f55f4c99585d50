"""Which SQL a reader may run: exactly one statement, and a query (DuckDB's own parser decides)."""
from __future__ import annotations

import re

import duckdb

INTROSPECTION_PRAGMAS = frozenset({"table_info", "show", "show_tables", "show_tables_expanded", "show_databases",
                                   "database_list", "database_size", "storage_info", "metadata_info", "version",
                                   "functions", "platform", "collations", "user_agent"})
"""PRAGMAs that only describe the warehouse; any other PRAGMA is refused like any other non-query."""


class NotAQuery(ValueError):
    """SQL refused for a reader; `hint` is False when the message already says what to give."""

    def __init__(self, message: str, hint: bool = True):
        super().__init__(message)
        self.hint = hint


def is_query(statement: duckdb.Statement) -> bool:
    """True for SELECT (incl. WITH, FROM, DESCRIBE, SHOW, SUMMARIZE), EXPLAIN of a query, introspection PRAGMAs."""
    kind = statement.type
    if kind == duckdb.StatementType.SELECT:
        return True
    if kind == duckdb.StatementType.EXPLAIN:
        inner = re.sub(r"^\s*explain\s+(analy[sz]e\s+)?", "", statement.query, count=1, flags=re.I)
        inner_statements = duckdb.extract_statements(inner)
        return len(inner_statements) == 1 and is_query(inner_statements[0])
    if kind == duckdb.StatementType.PRAGMA:
        name = re.match(r"\s*pragma\s+(\w+)", statement.query, re.I)
        return bool(name) and name.group(1).lower() in INTROSPECTION_PRAGMAS
    return False


def single_query(sql: str, example: str = "select count(*) from v_evidence") -> str:
    """The one query in `sql`; NotAQuery for none, several, a parse error or a statement that is not a query."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise NotAQuery(f"SQL failed: {(str(exc).strip().splitlines() or ['parse error'])[0]}") from exc
    if not statements:
        raise NotAQuery(f'no SQL given; pass one query, e.g. "{example}"', hint=False)
    if len(statements) > 1:
        raise NotAQuery(f"{len(statements)} statements given; give exactly one query")
    if not is_query(statements[0]):
        raise NotAQuery(f"{statements[0].type.name} statement refused: only queries run here")
    return statements[0].query
