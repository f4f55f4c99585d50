"""Version history of facts and Table 1 cells: identities survive re-extraction, versions change with what was read."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from schemas.document import Document, DocumentStatus
from schemas.evidence import Table1Row
from tests.fixtures.small_warehouse import evidence_record
from warehouse import load, migrate

SHA_A, SHA_B = "a" * 64, "b" * 64
T0 = datetime(2026, 1, 1)


def _doc(sha: str = SHA_A, path: str = "/corpus/trial.pdf") -> Document:
    return Document(sha256=sha, path=path, pages=3, status=DocumentStatus.parsed, parser_version="p1")


def _row(sha: str = SHA_A, design: str = "Phase III", main_results: str = "CR: 34%") -> Table1Row:
    return Table1Row(doc_sha256=sha, document="trial.pdf", table_id=f"{sha[:12]}:Table 1", row_number=1,
                     trial="TOWER", reference="13", setting="R/R", design=design, total_patients="405",
                     treatment="Blinatumomab", main_results=main_results, page=2, bbox=(10.0, 20.0, 500.0, 40.0))


def _records(sha: str = SHA_A, value: float = 34.0, shift: int = 0):
    quote = f"CR was {value:g}% with blinatumomab versus 16% with chemotherapy."
    return [evidence_record(doc_sha256=sha, value=value, value_text=f"{value:g}", char_start=10 + shift,
                            char_end=12 + shift, quote=quote),
            evidence_record(doc_sha256=sha, arm="chemotherapy", value=16.0, value_text="16", char_start=40 + shift,
                            char_end=42 + shift, quote=quote)]


def _load(con, n: int, docs, rows, records, corpus=("/corpus",)):
    run = load.RunRecord(run_id=f"r{n}", started_at=T0 + timedelta(hours=n), status="completed",
                         finished_at=T0 + timedelta(hours=n, minutes=1))
    load.load_run(con, run, docs, rows, records, [], [Path(c) for c in corpus])


def _open(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    return con


def _counts(con):
    return (con.execute("SELECT count(*) FROM fact_versions").fetchone()[0],
            con.execute("SELECT count(*) FROM table1_cell_versions").fetchone()[0])


def test_two_identical_runs_add_no_versions(tmp_path):
    con = _open(tmp_path)
    _load(con, 1, [_doc()], [_row()], _records())
    first = _counts(con)
    _load(con, 2, [_doc()], [_row()], _records())
    assert first == (2, 8) and _counts(con) == first
    assert con.execute("SELECT count(*) FROM fact_versions WHERE valid_to_run IS NOT NULL").fetchone()[0] == 0


def test_moved_offsets_keep_the_version_and_point_at_the_new_record(tmp_path):
    con = _open(tmp_path)
    _load(con, 1, [_doc()], [_row()], _records())
    _load(con, 2, [_doc()], [_row()], _records(shift=5))
    assert _counts(con) == (2, 8)
    current = {r.record_id for r in _records(shift=5)}
    assert {r for (r,) in con.execute("SELECT record_id FROM fact_versions").fetchall()} == current


def test_new_file_at_same_path_supersedes_with_new_versions_only_where_changed(tmp_path):
    con = _open(tmp_path)
    _load(con, 1, [_doc()], [_row()], _records())
    _load(con, 2, [_doc(SHA_B)], [_row(SHA_B, design="Phase 3", main_results="CR: 44%")], _records(SHA_B, 44.0))
    facts = con.execute("SELECT arm, value, valid_from_run, valid_to_run FROM v_fact_history "
                        "ORDER BY arm, valid_from_run").fetchall()
    assert facts == [("blinatumomab", 34.0, "r1", "r2"), ("blinatumomab", 44.0, "r2", None),
                     ("chemotherapy", 16.0, "r1", None)]
    cells = con.execute("SELECT column_name, text, valid_from_run, valid_to_run FROM v_table1_history "
                        "WHERE column_name IN ('design', 'main_results', 'trial') ORDER BY 1, 3").fetchall()
    assert cells == [("design", "Phase III", "r1", "r2"), ("design", "Phase 3", "r2", None),
                     ("main_results", "CR: 34%", "r1", "r2"), ("main_results", "CR: 44%", "r2", None),
                     ("trial", "TOWER", "r1", None)]


def test_as_of_macros_answer_from_a_read_only_connection(tmp_path):
    con = _open(tmp_path)
    _load(con, 1, [_doc()], [_row()], _records())
    _load(con, 2, [_doc(SHA_B)], [_row(SHA_B, main_results="CR: 44%")], _records(SHA_B, 44.0))
    con.close()
    reader = migrate.connect(tmp_path / "w.duckdb", read_only=True)
    as_of = lambda run: reader.execute(  # noqa: E731
        "SELECT value FROM evidence_as_of(?) WHERE arm = 'blinatumomab'", [run]).fetchall()
    assert as_of("r1") == [(34.0,)] and as_of("r2") == [(44.0,)] and as_of("nope") == []
    cell = reader.execute("SELECT text FROM table1_as_of('r1') WHERE column_name = 'main_results'").fetchall()
    assert cell == [("CR: 34%",)]


def test_removed_file_retires_its_facts_and_deletes_nothing(tmp_path):
    con = _open(tmp_path)
    _load(con, 1, [_doc()], [_row()], _records())
    _load(con, 2, [], [], [])
    assert _counts(con) == (2, 8)
    open_versions = con.execute("SELECT count(*) FROM fact_versions WHERE valid_to_run IS NULL").fetchone()[0]
    retired = con.execute("SELECT DISTINCT valid_to_run FROM table1_cell_versions").fetchall()
    assert open_versions == 0 and retired == [("r2",)]


def test_a_run_over_another_corpus_leaves_other_documents_current(tmp_path):
    con = _open(tmp_path)
    _load(con, 1, [_doc()], [_row()], _records())
    _load(con, 2, [], [], [], corpus=("/elsewhere",))
    assert con.execute("SELECT count(*) FROM fact_versions WHERE valid_to_run IS NULL").fetchone()[0] == 2


def test_a_file_moved_within_the_corpus_retires_the_old_path_and_opens_the_new(tmp_path):
    con = _open(tmp_path)
    _load(con, 1, [_doc()], [_row()], _records())
    _load(con, 2, [_doc(path="/corpus/sub/trial.pdf")], [_row()], _records())  # same bytes, another path
    by_path = con.execute("SELECT path, count(*) FILTER (valid_to_run IS NULL), count(*) FROM fact_versions "
                          "GROUP BY path ORDER BY path").fetchall()
    assert by_path == [("/corpus/sub/trial.pdf", 2, 2), ("/corpus/trial.pdf", 0, 2)]
    assert con.execute("SELECT count(*), count(DISTINCT record_id) FROM v_evidence_curated").fetchone() == (2, 2)
