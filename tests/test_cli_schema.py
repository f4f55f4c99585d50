"""`evidence schema` lists every table and view with its comment and its columns with theirs."""
from __future__ import annotations

import json

import duckdb
import pytest

from flows.cli import EXIT_BAD_INPUT, main
from tests.fixtures.small_warehouse import build_small_warehouse
from warehouse import migrate


@pytest.fixture()
def warehouse(tmp_path):
    return build_small_warehouse(tmp_path / "w.duckdb")


def _schema(capsys, warehouse, fmt: str):
    assert main(["schema", "--warehouse", str(warehouse), "--format", fmt]) == 0
    return capsys.readouterr().out


def test_json_lists_every_table_and_view_with_comments_in_column_order(warehouse, capsys):
    objects = json.loads(_schema(capsys, warehouse, "json"))
    kinds = {o["name"]: o["kind"] for o in objects}
    assert {name: "table" for name in (*migrate.TABLE_ORDER, "schema_migrations")}.items() <= kinds.items()
    assert {name: "view" for name in migrate.VIEW_ORDER}.items() <= kinds.items()
    assert [o["kind"] for o in objects] == sorted(o["kind"] for o in objects)  # tables, then views
    for obj in objects:
        assert obj["comment"], obj["name"]
        assert obj["columns"] and all(c["comment"] for c in obj["columns"]), obj["name"]
    con = duckdb.connect(str(warehouse), read_only=True)
    expected = [r[0] for r in con.execute("select column_name from duckdb_columns() where table_name = 'v_evidence' "
                                          "order by column_index").fetchall()]
    con.close()
    assert [c["name"] for c in next(o for o in objects if o["name"] == "v_evidence")["columns"]] == expected


def test_table_format_shows_object_lines_and_indented_columns(warehouse, capsys):
    out = _schema(capsys, warehouse, "table")
    assert "documents (table): " in out and "v_evidence (view): " in out
    assert any(line.startswith("  sha256 ") and "VARCHAR" in line for line in out.splitlines())


def test_markdown_format_has_a_table_per_object_with_pipes_escaped(warehouse, tmp_path, capsys):
    con = migrate.connect(warehouse)
    con.execute("create table notes (x integer)")
    con.execute("comment on column notes.x is 'a | b'")
    con.close()
    out = _schema(capsys, warehouse, "md")
    assert "## notes (table)\n\n(no comment)\n\n| column | type | comment |\n|---|---|---|\n| x | INTEGER | a \\| b |" in out
    assert "## v_table1 (view)" in out


def test_schema_without_a_warehouse_exits_2(tmp_path, capsys):
    assert main(["schema", "--warehouse", str(tmp_path / "none.duckdb")]) == EXIT_BAD_INPUT
    assert "evidence run" in capsys.readouterr().err
