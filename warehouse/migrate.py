"""Opens the DuckDB warehouse and brings its schema up to date from the SQL files in warehouse/."""
from __future__ import annotations

from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent
TABLES_DIR = SQL_DIR / "tables"
VIEWS_DIR = SQL_DIR / "views"
MIGRATIONS_DIR = SQL_DIR / "migrations"

# Creation order: a table may only be named by the ones after it; views in dependency order.
TABLE_ORDER = ("runs", "documents", "table1_rows", "fact_evidence", "run_facts", "run_documents", "rejected_records")
VIEW_ORDER = ("v_table1", "v_evidence", "v_evidence_changes", "v_table1_disagreements", "v_table1_sync", "v_table1_missing", "v_table1_reference_mismatches")

SCHEMA_MIGRATIONS_DDL = """
CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL);
COMMENT ON TABLE schema_migrations IS 'Named migrations applied to this warehouse, in order; append-only.';
COMMENT ON COLUMN schema_migrations.name IS 'File name of the migration under warehouse/migrations/.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When the migration was applied (UTC).';
"""


# What a reader may not do: write, touch files or the network, load extensions, or change these settings.
READ_ONLY_CONFIG = {
    "access_mode": "READ_ONLY",
    "enable_external_access": False,
    "allow_community_extensions": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


class WarehouseError(RuntimeError):
    """The warehouse file cannot be opened or migrated; the message says what to do."""


def migration_files() -> list[Path]:
    """Named migrations in the order they apply (file names sort as NNNN_name.sql)."""
    return sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))


def _ordered_sql(folder: Path, order: tuple[str, ...]) -> list[Path]:
    files = {p.stem: p for p in folder.glob("*.sql")}
    missing = [name for name in order if name not in files]
    if missing:
        raise WarehouseError(f"warehouse SQL files missing from {folder}: {', '.join(missing)}")
    extra = sorted(set(files) - set(order))
    return [files[name] for name in order] + [files[name] for name in extra]


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file; read-only connections require it to exist and have READ_ONLY_CONFIG."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}; run `evidence run` first or pass --warehouse FILE")
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((p for p in path.parents if p.exists()), path.parent)
        reason = f"{blocker} is a file, not a folder" if not blocker.is_dir() else f"{exc.filename}: {exc.strerror}"
        raise WarehouseError(f"cannot create the folder of warehouse {path}: {reason}; "
                             "pass --warehouse FILE in a folder you can write") from exc
    try:
        return duckdb.connect(str(path), read_only=read_only, config=READ_ONLY_CONFIG if read_only else {})
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot open warehouse {path}: {exc}") from exc


def ensure_schema(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create missing tables, apply pending migrations and refresh views in one transaction; returns applied names."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(SCHEMA_MIGRATIONS_DDL)
        fresh = not con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'runs' AND schema_name = current_schema()"
        ).fetchone()[0]
        done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
        applied = []
        for migration in migration_files():
            if migration.name in done:
                continue
            if not fresh:  # a fresh warehouse gets the current shape from the table files directly
                con.execute(migration.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, now())", [migration.name])
            applied.append(migration.name)
        for sql_file in _ordered_sql(TABLES_DIR, TABLE_ORDER):
            con.execute(sql_file.read_text(encoding="utf-8"))
        for sql_file in _ordered_sql(VIEWS_DIR, VIEW_ORDER):
            con.execute(sql_file.read_text(encoding="utf-8"))
        con.execute("COMMIT")
        return applied
    except Exception:
        con.execute("ROLLBACK")
        raise
