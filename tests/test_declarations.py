"""Declarations: committed DDL and JSON Schemas equal the generators' output; the DDL runs and is documented."""
from __future__ import annotations

import json

import duckdb
import pytest

from schemas import ddl, export_jsonschema
from schemas.checks import AtMost
from schemas.declarations import TABLES, table_decl
from warehouse.migrate import TABLE_ORDER


def test_committed_ddl_equals_generator_output():
    stale = ddl.stale_files()
    assert not stale, f"regenerate with `python -m schemas.ddl --write`: {stale}"


def test_ddl_folder_has_no_file_without_a_declaration():
    committed = {p.name for p in ddl.TABLES_DIR.glob("*.sql")}
    assert committed == set(ddl.generated_files())


def test_every_warehouse_table_the_loader_creates_is_declared():
    assert {t.name for t in TABLES} == set(TABLE_ORDER)


@pytest.mark.parametrize("name", [t.name for t in TABLES])
def test_generated_ddl_executes_twice_in_a_fresh_duckdb(name):
    sql = (ddl.TABLES_DIR / f"{name}.sql").read_text(encoding="utf-8")
    con = duckdb.connect()
    con.execute(sql)
    con.execute(sql)  # IF NOT EXISTS: re-running the schema step is harmless
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone() == (1,)


@pytest.fixture(scope="module")
def warehouse_catalog():
    """A DuckDB holding every generated table."""
    con = duckdb.connect()
    for name in TABLE_ORDER:
        con.execute((ddl.TABLES_DIR / f"{name}.sql").read_text(encoding="utf-8"))
    return con


def test_every_table_has_a_comment(warehouse_catalog):
    rows = warehouse_catalog.execute("SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal").fetchall()
    assert {name for name, comment in rows if not comment} == set()
    assert len(rows) == len(TABLES)


def test_every_column_has_a_comment(warehouse_catalog):
    rows = warehouse_catalog.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal").fetchall()
    assert [(t, c) for t, c, comment in rows if not comment] == []
    assert len(rows) == sum(len(t.columns) for t in TABLES)


def test_column_types_and_order_match_the_declarations(warehouse_catalog):
    for table in TABLES:
        rows = warehouse_catalog.execute(
            "SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = ? "
            "ORDER BY column_index", [table.name]).fetchall()
        assert [(name, dtype) for name, dtype, _ in rows] == [(c.name, c.type) for c in table.columns]
        not_null = {name for name, _, nullable in rows if not nullable}
        declared = {c.name for c in table.columns if not c.nullable} | set(table.primary_key)
        assert not_null == declared, table.name


def test_primary_keys_are_declared_in_the_ddl_unless_the_loader_keeps_them(warehouse_catalog):
    for table in TABLES:
        keys = warehouse_catalog.execute(
            "SELECT constraint_column_names FROM duckdb_constraints() "
            "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'", [table.name]).fetchall()
        assert keys == ([(list(table.primary_key),)] if table.indexed_key else []), table.name


def test_fact_tables_that_grow_with_every_run_have_no_key_index():
    """Regression: checkpoint_rewrites_key_index (each load's memory grew with the warehouse)."""
    assert [t.name for t in TABLES if not t.indexed_key] == ["fact_evidence", "run_facts", "fact_versions"]


def test_rules_and_checks_name_declared_or_derived_columns():
    for table in TABLES:
        known = {c.name for c in table.columns} | {d.name for d in table.derived}
        for rule in table.rules:
            assert rule.column in known, rule.name
            assert rule.when is None or rule.when.column in known, rule.name
            assert not isinstance(rule.check, AtMost) or rule.check.other in known, rule.name
            assert rule.rationale and rule.message, rule.name
        assert len({r.name for r in table.rules}) == len(table.rules), table.name


def test_rule_messages_format_with_a_row_of_the_table():
    for table in TABLES:
        row = {c.name: "x" for c in table.columns} | {d.name: "x" for d in table.derived}
        for rule in table.rules:
            assert rule.message.format(**row)


def test_table_decl_looks_up_by_name():
    assert table_decl("fact_evidence").primary_key == ("record_id",)


def test_committed_json_schemas_equal_export_output():
    expected = export_jsonschema.json_schemas()
    committed = {p.name: p.read_text(encoding="utf-8") for p in export_jsonschema.JSONSCHEMA_DIR.glob("*.json")}
    assert committed == expected, "regenerate with `python -m schemas.export_jsonschema --write`"


def test_exported_evidence_schema_closes_the_endpoint_vocabulary():
    schema = json.loads(export_jsonschema.json_schemas()["EvidenceRecord.json"])
    assert "ENROLLED" in schema["$defs"]["Endpoint"]["enum"]
    assert schema["properties"]["statistic"]["enum"] == ["rate", "median", "landmark", "hazard_ratio", "count"]


def test_export_json_schemas_writes_one_file_per_model(tmp_path):
    written = export_jsonschema.export_json_schemas(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{name}.json" for name, _ in export_jsonschema.MODELS)
    assert all(json.loads(p.read_text())["title"] for p in written)
