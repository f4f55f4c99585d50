"""Opens the DuckDB warehouse safely and brings its schema up to date from the SQL files in warehouse/."""
from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional

import duckdb

SQL_DIR = Path(__file__).resolve().parent
TABLES_DIR = SQL_DIR / "tables"
VIEWS_DIR = SQL_DIR / "views"
MIGRATIONS_DIR = SQL_DIR / "migrations"
TABLES_HASHES_FILE = MIGRATIONS_DIR / "tables.sha256"

# Creation order: a table may only be named by the ones after it; views in dependency order.
TABLE_ORDER = ("runs", "documents", "table1_rows", "fact_evidence", "run_facts", "run_documents", "rejected_records",
               "fact_versions", "table1_cell_versions", "curation_decisions", "current_readings",
               "dual_extraction_flags")
VIEW_ORDER = ("v_table1", "v_evidence", "v_evidence_changes", "v_table1_disagreements", "v_table1_studies",
              "v_table1_study_fact_rows", "v_table1_study_evidence", "v_table1_sync", "v_table1_missing",
              "v_table1_reference_mismatches", "v_fact_history", "v_table1_history", "v_fact_conflicts", "v_evidence_curated", "v_curation_pending")

DUCKDB_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
"""Every connection: never download or load an extension (offline machines cannot, and WAL replay must not try)."""

PAUSE_AT_ENV = "EVIDENCE_TEST_PAUSE_AT"
"""Test hook: name a warehouse phase (schema, upserted, committed, checkpointed) to stop there until killed."""

LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")
LOCK_POLL_SECONDS = 0.5
LOCK_PROGRESS_EVERY_SECONDS = 10.0

SCHEMA_META_DDL = """
CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL);
COMMENT ON TABLE schema_migrations IS 'Named migrations applied to this warehouse, in order; append-only.';
COMMENT ON COLUMN schema_migrations.name IS 'File name of the migration under warehouse/migrations/.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When the migration was applied (UTC).';
CREATE TABLE IF NOT EXISTS schema_version (version VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
COMMENT ON TABLE schema_version IS 'The one row says which SQL files built this schema; the schema is re-applied only when they change.';
COMMENT ON COLUMN schema_version.version IS 'sha256 over the table, view and migration SQL files that were applied.';
COMMENT ON COLUMN schema_version.applied_at IS 'When that schema was applied (UTC).';
"""

Say = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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


class WarehouseLockedError(WarehouseError):
    """Another process held the warehouse's lock for longer than the wait allowed."""

    def __init__(self, message: str, holder_pid: Optional[int] = None):
        super().__init__(message)
        self.holder_pid = holder_pid


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


def _digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f"{f.parent.name}/{f.name}\0".encode())
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def tables_hash() -> str:
    """sha256 of the table files: what a migration must be recorded against when they change."""
    return _digest(_ordered_sql(TABLES_DIR, TABLE_ORDER))


def schema_version() -> str:
    """sha256 of every SQL file that shapes the schema: tables, views and migrations."""
    return _digest(_ordered_sql(TABLES_DIR, TABLE_ORDER) + _ordered_sql(VIEWS_DIR, VIEW_ORDER) + migration_files())


def pause_point(phase: str) -> None:
    """Stop here, announcing the phase on stderr, when the test hook names it; a no-op otherwise."""
    if os.environ.get(PAUSE_AT_ENV) != phase:
        return
    print(f"warehouse: paused at phase {phase} ({PAUSE_AT_ENV})", file=sys.stderr, flush=True)
    while True:
        time.sleep(0.2)


def lock_holder(error: BaseException) -> Optional[tuple[int, str]]:
    """(pid, program) of the process holding the lock, read from DuckDB's lock error, or None if not a lock error."""
    match = LOCK_HOLDER.search(str(error))
    return (int(match["pid"]), match["program"]) if match else None


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _open(path: Path, read_only: bool, lock_timeout: float, say: Say,
          settings: Mapping[str, Any] = MappingProxyType({})) -> duckdb.DuckDBPyConnection:
    started = time.monotonic()
    next_progress = LOCK_PROGRESS_EVERY_SECONDS
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True, config={**READ_ONLY_CONFIG, **settings})
            return _open_for_writing(path, settings)
        except duckdb.Error as exc:
            holder = lock_holder(exc)
            if holder is None:
                raise WarehouseError(f"cannot open warehouse {path}: {exc}") from exc
            waited = time.monotonic() - started
            pid, program = holder
            if waited >= lock_timeout:
                raise WarehouseLockedError(
                    f"warehouse {path} is locked by another process (PID {pid}, {program}); gave up after "
                    f"{waited:.0f} s. Wait for it to finish (or stop it), or raise [warehouse] lock_timeout_seconds.",
                    pid) from exc
            if waited >= next_progress:
                say(f"warehouse: waiting for the lock on {path}, held by PID {pid} ({program}): "
                    f"{waited:.0f} s of {lock_timeout:g} s")
                next_progress += LOCK_PROGRESS_EVERY_SECONDS
            time.sleep(min(LOCK_POLL_SECONDS, max(lock_timeout - waited, 0.01)))


ROW_GROUP_ROWS = 16384
"""Rows per row group in the tables a writer appends to (DuckDB's default is 122,880). A checkpoint rewrites the last,
partly filled row group whole: with the default, a batch's load at 1,000 documents peaked up to +430 MB when it was
nearly full (+175-200 when not); with 16,384, +140-210 at any fill (replayed loads, BENCHMARKS.md round 25). Every
writer attaches the file with it, since a checkpoint under another size merges row groups back to that size."""

WAREHOUSE_ALIAS = "warehouse"
"""The name a writer's connection gives the attached warehouse (its default database: `USE`)."""


def _open_for_writing(path: Path, settings: Mapping[str, Any]) -> duckdb.DuckDBPyConnection:
    """A connection whose default database is the warehouse, attached with ROW_GROUP_ROWS rows per row group."""
    con = duckdb.connect(":memory:", config={**DUCKDB_CONFIG, **settings})
    try:
        quoted = str(path).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS {WAREHOUSE_ALIAS} (ROW_GROUP_SIZE {ROW_GROUP_ROWS})")
        con.execute(f"USE {WAREHOUSE_ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def _recover_wal(path: Path, lock_timeout: float, say: Say) -> None:
    """Fold a WAL left by a killed writer into the database file, so every later open starts clean."""
    con = _open(path, False, lock_timeout, say)
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    say(f"warehouse: recovered the committed changes an interrupted process left in {_wal(path).name}")


def connect(path: Path, read_only: bool = False, *, lock_timeout: float = 0.0, say: Optional[Say] = None,
            settings: Mapping[str, Any] = MappingProxyType({})) -> duckdb.DuckDBPyConnection:
    """Open the warehouse (waiting up to lock_timeout s for another writer), first recovering a leftover WAL;
    `settings` are DuckDB configuration options for this connection (e.g. memory_limit, threads)."""
    path = Path(path)
    say = say or _stderr
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}; run `evidence run` first or pass --warehouse FILE")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            blocker = next((p for p in path.parents if p.exists()), path.parent)
            reason = f"{blocker} is a file, not a folder" if not blocker.is_dir() else f"{exc.filename}: {exc.strerror}"
            raise WarehouseError(f"cannot create the folder of warehouse {path}: {reason}; "
                                 "pass --warehouse FILE in a folder you can write") from exc
    if path.exists() and _wal(path).exists():
        try:
            _recover_wal(path, lock_timeout, say)
        except WarehouseLockedError:
            raise
        except WarehouseError:
            if not read_only:
                raise
    return _open(path, read_only, lock_timeout, say, settings)


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Write committed changes into the database file so no WAL needs replaying after a crash.

    No memory_limit is lowered for it: DuckDB fails a checkpoint that runs out of memory with a FatalException that
    invalidates the database (a 345 MB warehouse at 1,000 documents under a 128MB cap stopped its run).
    """
    con.execute("CHECKPOINT")


def _current_version(con: duckdb.DuckDBPyConnection) -> Optional[str]:
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_version' "
                         "AND schema_name = current_schema()").fetchone()[0]
    if not exists:
        return None
    row = con.execute("SELECT version FROM schema_version").fetchone()
    return row[0] if row else None


def _project_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    names = {p.stem for p in VIEWS_DIR.glob("*.sql")} | set(VIEW_ORDER)
    existing = {r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = current_schema()").fetchall()}
    return sorted(names & existing)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> list[str]:
    """When the SQL files changed since last time: apply pending migrations, tables and views in one transaction."""
    version = schema_version()
    if _current_version(con) == version:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(SCHEMA_META_DDL)
        fresh = not con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'runs' AND schema_name = current_schema()"
        ).fetchone()[0]
        done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
        for view in _project_views(con):  # migrations may rebuild the tables the views read
            con.execute(f"DROP VIEW {view}")
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
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
        pause_point("schema")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    checkpoint(con)
    return applied


def recorded_tables_hashes() -> dict[str, str]:
    """migration file name -> tables_hash() recorded when that migration was written (warehouse/migrations/tables.sha256)."""
    if not TABLES_HASHES_FILE.exists():
        return {}
    pairs = (line.split() for line in TABLES_HASHES_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#"))
    return {name: digest for digest, name in pairs}


def record_tables_hash() -> str:
    """Record the current tables_hash() against the newest migration; run after writing that migration."""
    latest = migration_files()[-1].name
    hashes = recorded_tables_hashes()
    hashes[latest] = tables_hash()
    lines = ["# sha256 of warehouse/tables/*.sql as each migration left them; written by "
             "`python -m warehouse.migrate --record-tables-hash`."]
    lines += [f"{digest}  {name}" for name, digest in sorted(hashes.items())]
    TABLES_HASHES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return latest


if __name__ == "__main__":
    if sys.argv[1:] != ["--record-tables-hash"]:
        sys.exit("usage: python -m warehouse.migrate --record-tables-hash")
    print(f"recorded the table files' hash against {record_tables_hash()}")
