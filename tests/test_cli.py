"""CLI contract: exit codes, messages and output formats of `evidence`."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from flows.cli import EXIT_BAD_INPUT, EXPORT_FIELDS, main
from schemas.document import Document, DocumentStatus
from tests.fixtures.small_warehouse import SHA, build_small_warehouse
from tests.fixtures.small_warehouse import evidence_record as _record
from warehouse import load, migrate


@pytest.fixture()
def small_warehouse(tmp_path):
    """A warehouse holding one document, one Table 1 row and two records."""
    return build_small_warehouse(tmp_path / "w.duckdb")


def test_run_with_missing_corpus_exits_2_and_names_the_folder(tmp_path, capsys):
    code = main(["run", "--corpus", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb")])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert "corpus folder not found" in err and "nope" in err and "--corpus" in err


def test_run_with_unreadable_warehouse_exits_2(tmp_path, capsys):
    bogus = tmp_path / "not-a-db.duckdb"
    bogus.write_text("this is not a database\n" * 100)
    code = main(["run", "--corpus", str(tmp_path), "--warehouse", str(bogus)])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert "cannot open warehouse" in err
    assert bogus.read_text().startswith("this is not a database")


def test_sql_without_warehouse_tells_to_run_first(tmp_path, capsys):
    code = main(["sql", "select 1", "--warehouse", str(tmp_path / "missing.duckdb")])
    assert code == EXIT_BAD_INPUT
    assert "evidence run" in capsys.readouterr().err


def test_bad_sql_exits_2_with_first_line_of_error(small_warehouse, capsys):
    code = main(["sql", "select * from no_such_table", "--warehouse", str(small_warehouse)])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert "SQL failed" in err and "no_such_table" in err
    assert "Traceback" not in err


def test_sql_is_read_only(small_warehouse, capsys):
    code = main(["sql", "delete from fact_evidence", "--warehouse", str(small_warehouse)])
    assert code == EXIT_BAD_INPUT
    capsys.readouterr()
    assert main(["sql", "select count(*) from fact_evidence", "--warehouse", str(small_warehouse), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "2"


def test_sql_csv_prints_header_then_rows(small_warehouse, capsys):
    assert main(["sql", "select count(*) as n from v_table1", "--warehouse", str(small_warehouse), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\n1\n"


def test_sql_json_and_table_formats(small_warehouse, capsys):
    assert main(["sql", "select arm, value from v_evidence order by value", "--warehouse", str(small_warehouse),
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"arm": "chemotherapy", "value": 16.0},
                                                   {"arm": "blinatumomab", "value": 34.0}]
    assert main(["sql", "select arm from v_evidence", "--warehouse", str(small_warehouse)]) == 0
    assert "(2 rows)" in capsys.readouterr().out


def test_export_jsonl_has_contract_fields_in_order(small_warehouse, capsys):
    assert main(["export", "--warehouse", str(small_warehouse), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert list(first)[: len(EXPORT_FIELDS)] == list(EXPORT_FIELDS)
    assert first["source"] == "body" and first["doc"] == "trial.pdf"


def test_export_csv_to_file(small_warehouse, tmp_path, capsys):
    out = tmp_path / "out" / "evidence.csv"
    assert main(["export", "--warehouse", str(small_warehouse), "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == 2 and {r["arm"] for r in rows} == {"blinatumomab", "chemotherapy"}
    assert "wrote 2 record(s)" in capsys.readouterr().err


def test_export_parquet_keeps_fields_and_types(small_warehouse, tmp_path, capsys):
    import duckdb

    out = tmp_path / "out" / "evidence.parquet"
    assert main(["export", "--warehouse", str(small_warehouse), "--format", "parquet", "--out", str(out)]) == 0
    assert "wrote 2 record(s)" in capsys.readouterr().err
    con = duckdb.connect()
    cursor = con.execute(f"SELECT * FROM read_parquet('{out}') ORDER BY value")
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    assert columns[: len(EXPORT_FIELDS)] == list(EXPORT_FIELDS)
    assert [r[columns.index("value")] for r in rows] == [16.0, 34.0]
    assert con.execute(f"SELECT typeof(value), typeof(page) FROM read_parquet('{out}') LIMIT 1").fetchone() == (
        "DOUBLE", "INTEGER")


def test_export_parquet_without_out_exits_2(small_warehouse, capsys):
    assert main(["export", "--warehouse", str(small_warehouse), "--format", "parquet"]) == 2
    assert "give --out FILE.parquet" in capsys.readouterr().err


def test_export_requires_format(capsys):
    assert main(["export"]) == 2
    assert "--format" in capsys.readouterr().err


def test_invalid_config_lists_allowed_keys(tmp_path, capsys):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[ingest]\ntimeout_secs = 3\n")
    assert main(["--config", str(cfg), "sql", "select 1"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "timeout_secs" in err and "timeout_seconds" in err


def test_reloading_same_run_adds_no_rows(small_warehouse):
    con = migrate.connect(small_warehouse)
    migrate.ensure_schema(con)
    before = con.execute("select (select count(*) from fact_evidence), (select count(*) from table1_rows)").fetchone()
    doc = Document(sha256=SHA, path="/x/trial.pdf", pages=3, status=DocumentStatus.parsed, parser_version="p1")
    run = load.RunRecord(run_id="r2", started_at=datetime(2026, 1, 2), status="completed")
    load.load_run(con, run, [doc], [], [_record(), _record(arm="chemotherapy", value=16.0, value_text="16",
                                                            char_start=40, char_end=42)], [])
    after = con.execute("select (select count(*) from fact_evidence), (select count(*) from table1_rows)").fetchone()
    assert after[0] == before[0]
    assert con.execute("select count(*) from v_evidence").fetchone()[0] == 2
    assert con.execute("select count(*) from v_table1").fetchone()[0] == 0  # re-parsed doc had no Table 1 this time
    assert con.execute("select count(*) from v_evidence_changes").fetchone()[0] == 0
    con.close()


def test_same_document_listed_twice_in_one_run_loads_once(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    doc = Document(sha256=SHA, path="/x/trial.pdf", pages=3, status=DocumentStatus.parsed, parser_version="p1")
    run = load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed")
    load.load_run(con, run, [doc, doc], [], [_record(), _record()], [])
    assert con.execute("select count(*) from documents").fetchone()[0] == 1
    assert con.execute("select count(*) from fact_evidence").fetchone()[0] == 1
    con.close()


@pytest.mark.parametrize("command", [["run", "--corpus", "{corpus}"], ["sql", "select 1"], ["export", "--format", "jsonl"]])
def test_warehouse_whose_parent_is_a_file_exits_2_with_a_message(command, tmp_path, capsys):
    """Regression: `run` died with FileExistsError from mkdir when a folder on the warehouse path was a file."""
    (tmp_path / "a_file").write_text("x")
    argv = [a.format(corpus=tmp_path) for a in command] + ["--warehouse", str(tmp_path / "a_file" / "sub" / "w.duckdb")]
    assert main(argv) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "a_file" in err and "Traceback" not in err
    if command[0] == "run":
        assert "is a file, not a folder" in err and "--warehouse" in err


def test_export_out_under_a_file_exits_2(small_warehouse, tmp_path, capsys):
    (tmp_path / "a_file").write_text("x")
    code = main(["export", "--warehouse", str(small_warehouse), "--format", "jsonl",
                 "--out", str(tmp_path / "a_file" / "sub" / "e.jsonl")])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT and "a_file is a file, not a folder" in err and "Traceback" not in err


def test_export_out_that_is_a_folder_exits_2(small_warehouse, tmp_path, capsys):
    assert main(["export", "--warehouse", str(small_warehouse), "--format", "csv", "--out", str(tmp_path)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_train_out_under_a_file_exits_2_before_training(tmp_path, capsys):
    (tmp_path / "a_file").write_text("x")
    assert main(["train", "--out", str(tmp_path / "a_file" / "model")]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "a_file is a file, not a folder" in err and "training NER" not in err


def test_train_refuses_to_replace_a_folder_that_is_not_a_model(tmp_path, capsys):
    """Regression: training replaces its --out folder, so `--out .` would have deleted the current folder."""
    keep = tmp_path / "notes.txt"
    keep.write_text("mine")
    assert main(["train", "--out", str(tmp_path)]) == EXIT_BAD_INPUT
    assert "refusing to train into" in capsys.readouterr().err
    assert keep.read_text() == "mine"


def test_corpus_that_is_a_file_exits_2(tmp_path, capsys):
    (tmp_path / "one.pdf").write_bytes(b"%PDF-1.4\n")
    assert main(["run", "--corpus", str(tmp_path / "one.pdf"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "corpus is not a folder" in capsys.readouterr().err
