"""`evidence sql` is read-only: one query, no writes, no files, no network, no extensions, no settings changes."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb
import pytest

from flows.cli import EXIT_BAD_INPUT, main
from tests.fixtures.small_warehouse import build_small_warehouse
from warehouse import migrate


@pytest.fixture()
def warehouse(tmp_path) -> Path:
    return build_small_warehouse(tmp_path / "w.duckdb")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_untouched(path: Path, digest: str) -> None:
    assert _digest(path) == digest
    con = migrate.connect(path, read_only=True)
    try:
        assert con.execute("select count(*) from fact_evidence").fetchone()[0] == 2
    finally:
        con.close()


def _escapes(tmp_path: Path, warehouse: Path) -> dict[str, str]:
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("create table t as select 1 as a")
    con.close()
    hard_link = tmp_path / "hardlink.duckdb"
    os.link(warehouse, hard_link)
    return {
        "copy_to_file": f"COPY (SELECT * FROM fact_evidence) TO '{tmp_path / 'out.csv'}'",
        "copy_over_the_warehouse": f"COPY fact_evidence TO '{warehouse}' (FORMAT csv)",
        "attach_read_write": f"ATTACH '{other}' AS o (READ_WRITE)",
        "attach_then_delete": f"ATTACH '{other}' AS o (READ_WRITE); DELETE FROM o.t",
        "attach_hard_link_then_delete": f"ATTACH '{hard_link}' AS h (READ_WRITE); DELETE FROM h.fact_evidence",
        "delete": "DELETE FROM fact_evidence",
        "read_csv": "SELECT * FROM read_csv('/etc/passwd')",
        "read_text": "SELECT content FROM read_text('/etc/passwd')",
        "glob": "SELECT * FROM glob('/etc/*')",
        "install_httpfs": "INSTALL httpfs",
        "load_httpfs": "LOAD httpfs",
        "several_statements": "SELECT 1; DROP TABLE fact_evidence",
        "set_external_access": "SET enable_external_access = true",
        "reset_access_mode": "RESET access_mode",
        "set_then_read": "SET enable_external_access = true; SELECT * FROM read_text('/etc/passwd')",
        "create_temp_table": "CREATE TEMP TABLE x AS SELECT 1",
        "checkpoint": "CHECKPOINT",
        "export_database": f"EXPORT DATABASE '{tmp_path / 'exported'}'",
        "explain_analyze_delete": "EXPLAIN ANALYZE DELETE FROM fact_evidence",
        "query_function_attach": f"SELECT * FROM query('ATTACH ''{other}'' AS o')",
        "pragma_with_effect": "PRAGMA enable_profiling",
    }


ESCAPES = ["copy_to_file", "copy_over_the_warehouse", "attach_read_write", "attach_then_delete",
           "attach_hard_link_then_delete", "delete", "read_csv", "read_text", "glob", "install_httpfs", "load_httpfs",
           "several_statements", "set_external_access", "reset_access_mode", "set_then_read", "create_temp_table",
           "checkpoint", "export_database", "explain_analyze_delete", "query_function_attach", "pragma_with_effect"]


@pytest.mark.parametrize("escape", ESCAPES)
def test_sql_refuses_each_escape_and_leaves_the_warehouse_untouched(escape, warehouse, tmp_path, capsys):
    query = _escapes(tmp_path, warehouse)[escape]
    digest = _digest(warehouse)
    other_before = _digest(tmp_path / "other.duckdb")
    code = main(["sql", query, "--warehouse", str(warehouse)])
    captured = capsys.readouterr()
    assert code == EXIT_BAD_INPUT
    assert "evidence sql: error:" in captured.err and "Traceback" not in captured.err
    assert "root:" not in captured.out  # nothing of /etc/passwd printed
    _assert_untouched(warehouse, digest)
    assert _digest(tmp_path / "other.duckdb") == other_before
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "exported").exists()


@pytest.mark.parametrize("escape", ["copy_to_file", "copy_over_the_warehouse", "attach_read_write", "read_csv",
                                    "read_text", "glob", "install_httpfs", "load_httpfs", "set_external_access",
                                    "reset_access_mode", "export_database"])
def test_read_only_connection_itself_blocks_each_escape(escape, warehouse, tmp_path):
    """Defence in depth: the connection's own settings refuse the escape even without the statement check."""
    query = _escapes(tmp_path, warehouse)[escape]
    digest = _digest(warehouse)
    con = migrate.connect(warehouse, read_only=True)
    try:
        with pytest.raises(duckdb.Error):
            con.execute(query)
    finally:
        con.close()
    _assert_untouched(warehouse, digest)


def test_several_statements_are_refused_with_the_count(warehouse, capsys):
    assert main(["sql", "select 1; select 2", "--warehouse", str(warehouse)]) == EXIT_BAD_INPUT
    assert "2 statements given; give exactly one query" in capsys.readouterr().err


def test_non_query_names_its_statement_type(warehouse, capsys):
    assert main(["sql", "INSTALL httpfs", "--warehouse", str(warehouse)]) == EXIT_BAD_INPUT
    assert "LOAD statement refused: only queries run here" in capsys.readouterr().err


@pytest.mark.parametrize("query", ["", "   ", "-- only a comment\n", ";"])
def test_empty_sql_exits_2_with_an_example(query, warehouse, capsys):
    assert main(["sql", query, "--warehouse", str(warehouse)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "no SQL given" in err and "select trial" in err and "Traceback" not in err


@pytest.mark.parametrize("query, expected", [
    ("select count(*) from fact_evidence", "2"),
    ("with c as (select arm from v_evidence) select count(*) from c", "2"),
    ("from v_evidence select count(*)", "2"),
    ("select count(*) from v_table1", "1"),
    ("select count(*) from (describe documents) where column_name = 'sha256'", "1"),
    ("select count(*) from duckdb_columns() where table_name = 'v_evidence' and column_name = 'quote'", "1"),
    ("select count(*) from (show tables) where name = 'documents'", "1"),
])
def test_analyst_queries_still_work(query, expected, warehouse, capsys):
    assert main(["sql", query, "--warehouse", str(warehouse), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == expected


@pytest.mark.parametrize("query, column", [
    ("describe v_evidence", "column_name"), ("show tables", "name"), ("summarize documents", "column_name"),
    ("pragma table_info('documents')", "cid"), ("explain select * from v_evidence", "explain_key"),
])
def test_introspection_statements_work(query, column, warehouse, capsys):
    assert main(["sql", query, "--warehouse", str(warehouse), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split(",")[0] == column
