"""Checks that the keys the warehouse keeps without an index (TableDecl.indexed_key False) are unique."""
from __future__ import annotations

import duckdb

from schemas.declarations import TABLES


def duplicate_keys(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Table name -> how many key values it holds more than once, for each table whose key has no index."""
    counts = {}
    for table in (t for t in TABLES if not t.indexed_key):
        key = ", ".join(table.primary_key)
        counts[table.name] = con.execute(
            f"SELECT count(*) FROM (SELECT {key} FROM {table.name} GROUP BY {key} HAVING count(*) > 1)").fetchone()[0]
    return counts


if __name__ == "__main__":
    import sys
    from pathlib import Path

    from warehouse.migrate import connect

    if len(sys.argv) != 2:
        sys.exit("usage: python -m warehouse.keys WAREHOUSE")
    connection = connect(Path(sys.argv[1]), read_only=True)
    found = duplicate_keys(connection)
    connection.close()
    print(", ".join(f"{name}: {n} duplicate key(s)" for name, n in found.items()))
    sys.exit(1 if any(found.values()) else 0)
