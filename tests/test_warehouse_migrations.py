"""Named migrations bring a warehouse built by older code to the shape the code loads; the schema is applied once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from schemas.document import Document, DocumentStatus
from schemas.evidence import Table1Row
from tests.conftest import ROOT
from warehouse import load, migrate

OLD_TABLES = Path(__file__).resolve().parent / "fixtures" / "warehouse_207cd56"
"""warehouse/tables/*.sql as commit 207cd56 left them: non-blank Table 1 cells, 0-based table_row, no run_documents."""
SHA = "a" * 64


def _old_warehouse(path: Path) -> None:
    con = duckdb.connect(str(path))
    for name in ("runs", "documents", "table1_rows", "fact_evidence", "run_facts", "rejected_records"):
        con.execute((OLD_TABLES / f"{name}.sql").read_text())
    con.execute("INSERT INTO documents (sha256, path, file_name, pages, status, parser_version) "
                "VALUES (?, '/c/old.pdf', 'old.pdf', 3, 'parsed', 'p')", [SHA])
    con.execute("INSERT INTO fact_evidence (record_id, doc, trial, endpoint, value, unit, statistic, page, quote, source, doc_sha256, "
                "value_text, char_start, char_end, quote_start, table_id, table_row, table_col, extractor, "
                "extractor_version, is_current) VALUES (?, 'old.pdf', 'ALPHA', 'CR', 80, '%', 'rate', 2, 'CR 80%', 'table', ?, "
                "'80', 3, 5, 0, 't1', 0, 5, 'rule:t', '1', true)", ["e" * 64, SHA])
    con.close()


def _blank_setting_row() -> Table1Row:
    return Table1Row(doc_sha256="c" * 64, document="new.pdf", table_id="t:Table 1", row_number=1, trial="ALPHA",
                     setting="", design="phase 3", total_patients="100", treatment="drug", main_results="CR 80%",
                     page=2)


def test_warehouse_from_before_the_check_changes_loads_what_the_code_accepts(tmp_path):
    path = tmp_path / "old.duckdb"
    _old_warehouse(path)
    con = migrate.connect(path)
    applied = migrate.ensure_schema(con)
    assert applied == [m.name for m in migrate.migration_files()]
    assert con.execute("SELECT table_row FROM fact_evidence").fetchall() == [(1,)]  # 0-based row shifted to 1-based
    crashed = Document(sha256="d" * 64, path="/c/crash.pdf", status=DocumentStatus.worker_crashed,
                       message="worker_crashed: killed", parser_version="p")
    parsed = Document(sha256="c" * 64, path="/c/new.pdf", pages=2, status=DocumentStatus.parsed, parser_version="p")
    run = load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed")
    load.load_run(con, run, [crashed, parsed], [_blank_setting_row()], [], [])
    assert con.execute("SELECT status FROM documents WHERE sha256 = ?", ["d" * 64]).fetchone() == ("worker_crashed",)
    assert con.execute("SELECT setting FROM v_table1").fetchall() == [("",)]
    assert con.execute("SELECT run_id, path FROM run_documents").fetchall() == [("r1", "/c/new.pdf")]
    comment = con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'documents'").fetchone()[0]
    assert comment  # table files re-applied after the rebuild restore the comments
    con.close()


def test_migrated_warehouse_has_the_shape_of_a_fresh_one(tmp_path):
    def shape(con):
        return sorted(con.execute("SELECT table_name, constraint_text FROM duckdb_constraints() "
                                  "WHERE constraint_type IN ('CHECK', 'PRIMARY KEY', 'NOT NULL')").fetchall())

    _old_warehouse(tmp_path / "old.duckdb")
    old, fresh = migrate.connect(tmp_path / "old.duckdb"), migrate.connect(tmp_path / "fresh.duckdb")
    migrate.ensure_schema(old)
    migrate.ensure_schema(fresh)
    assert shape(old) == shape(fresh)
    old.close()
    fresh.close()


def test_schema_is_applied_only_when_its_sql_files_change(tmp_path, monkeypatch):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    executed = []

    class Spy:
        def __getattr__(self, name):
            return getattr(con, name)

        def execute(self, sql, *args):
            executed.append(sql)
            return con.execute(sql, *args)

    migrate.ensure_schema(Spy())
    assert not any("CREATE" in sql for sql in executed)
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(migrate.schema_version(),)]
    views = tmp_path / "views"
    views.mkdir()
    for f in migrate.VIEWS_DIR.glob("*.sql"):
        (views / f.name).write_text(f.read_text())
    (views / "v_zz_extra.sql").write_text("CREATE OR REPLACE VIEW v_zz_extra AS SELECT 1 AS one;")
    monkeypatch.setattr(migrate, "VIEWS_DIR", views)
    migrate.ensure_schema(con)
    assert con.execute("SELECT one FROM v_zz_extra").fetchall() == [(1,)]
    con.close()


def test_table_files_changed_without_a_new_migration_fail_this_test():
    recorded = migrate.recorded_tables_hashes()
    latest = migrate.migration_files()[-1].name
    assert latest in recorded, (
        f"no tables hash recorded for the newest migration {latest}; if it changes warehouse/tables/*.sql, check "
        "that it brings an old warehouse to their shape, then run `python -m warehouse.migrate --record-tables-hash`")
    assert recorded[latest] == migrate.tables_hash(), (
        "warehouse/tables/*.sql changed since the newest migration was written: add a named migration "
        "(warehouse/migrations/NNNN_what_changes.sql) that brings existing warehouses to the new shape, then run "
        "`python -m warehouse.migrate --record-tables-hash`")


@pytest.mark.parametrize("config_key", sorted(migrate.DUCKDB_CONFIG))
def test_connections_never_autoinstall_or_autoload_extensions(tmp_path, config_key):
    con = migrate.connect(tmp_path / "w.duckdb")
    assert con.execute("SELECT current_setting(?)", [config_key]).fetchone()[0] is False
    con.close()


MIGRATE_IN_CHILD = """
import sys
from warehouse import migrate
con = migrate.connect(sys.argv[1])
migrate.ensure_schema(con)
"""


def test_sigkill_during_migration_leaves_the_old_warehouse_whole_and_migrating_again_works(tmp_path):
    path = tmp_path / "old.duckdb"
    _old_warehouse(path)
    child = subprocess.Popen([sys.executable, "-c", MIGRATE_IN_CHILD, str(path)], cwd=ROOT, stderr=subprocess.PIPE,
                             text=True, env={**os.environ, migrate.PAUSE_AT_ENV: "schema"})
    try:
        assert "paused at phase schema" in child.stderr.readline()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    con = migrate.connect(path)
    assert con.execute("SELECT table_row FROM fact_evidence").fetchall() == [(0,)]  # untouched: still 0-based
    assert migrate.ensure_schema(con) == [m.name for m in migrate.migration_files()]
    assert con.execute("SELECT table_row FROM fact_evidence").fetchall() == [(1,)]
    con.close()
