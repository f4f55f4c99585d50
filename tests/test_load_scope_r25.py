"""A batch's load reads the large fact tables only for the documents the warehouse already holds, and writes the
same rows as a load that reads them whole."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

from schemas.document import Document, DocumentStatus
from tests.test_unindexed_keys_r24 import REPORT_A, REPORT_B, REVIEW, RUN_1, UNINDEXED, _fresh, _report_records
from warehouse import load, migrate
from warehouse.keys import duplicate_keys
from warehouse.load_scope import EVERYTHING_KNOWN

T0 = datetime(2026, 1, 1)
REPORT_A2 = "d" * 64
TITLE = "Blinatumomab versus chemotherapy for advanced acute lymphoblastic leukemia in adults"
FACT_TABLES = ("fact_evidence", "run_facts", "fact_versions")
TABLES = FACT_TABLES + ("documents", "table1_rows", "table1_cell_versions", "run_documents", "current_readings")


def _doc(sha: str, name: str, title: str | None = None) -> Document:
    return Document(sha256=sha, path=f"/corpus/{name}", pages=3, status=DocumentStatus.parsed, parser_version="p1",
                    title=title)


def _batch(con, run: str, hour: int, docs, rows, records, seen=("review.pdf", "a.pdf", "b.pdf")) -> None:
    record = load.RunRecord(run_id=run, started_at=T0 + timedelta(hours=hour), status="running")
    load.load_run(con, record, docs, rows, records, [], [Path("/corpus")], extractor_version="x1",
                  seen_paths=[f"/corpus/{name}" for name in seen])


class Recorder:
    """A connection that keeps the text of every statement it runs."""

    def __init__(self, con) -> None:
        self._con, self.statements = con, []

    def __getattr__(self, name):
        return getattr(self._con, name)

    def execute(self, sql, *args):
        self.statements.append(" ".join(sql.split()))
        return self._con.execute(sql, *args)


def test_a_batch_of_new_documents_reads_no_fact_table_whole(tmp_path):
    """Regression (round 25): each batch's load anti-joined its records against every row of run_facts (all of the
    run's batches share its id), fact_evidence and fact_versions, and closed versions over every fact not current."""
    con = _fresh(tmp_path / "w.duckdb")
    _batch(con, "r1", 1, *RUN_1)
    recorder = Recorder(con)
    _batch(recorder, "r1", 1, [_doc(REPORT_B, "b.pdf")], [], _report_records(REPORT_B, "b.pdf", 33.0))
    reads = [s for s in recorder.statements if re.search(r"\b(?:%s)\b" % "|".join(FACT_TABLES), s)
             and not re.fullmatch(r"INSERT INTO (?:%s) \(.*\) SELECT .* FROM incoming_\w+( i)?" % "|".join(FACT_TABLES), s)]
    assert reads == []
    assert con.execute("SELECT count(*) FROM run_facts WHERE run_id = 'r1'").fetchone()[0] == len(RUN_1[2]) + 2


def _mixed_runs(con) -> None:
    """Two runs in batches: new documents, a document re-read in a later batch of the same run, a new version of a
    document at another path (its title), and a run that re-reads everything."""
    a_records = _report_records(REPORT_A, "a.pdf", 34.0)
    _batch(con, "r1", 1, [_doc(REVIEW, "review.pdf"), _doc(REPORT_A, "a.pdf", TITLE)], RUN_1[1],
           RUN_1[2][:2] + a_records)
    _batch(con, "r1", 1, [_doc(REPORT_A, "a.pdf", TITLE), _doc(REPORT_B, "b.pdf")], [],
           a_records + _report_records(REPORT_B, "b.pdf", 33.0))
    _batch(con, "r2", 2, [_doc(REPORT_A2, "a2.pdf", TITLE)], [], _report_records(REPORT_A2, "a2.pdf", 35.0),
           seen=("review.pdf", "a.pdf", "b.pdf", "a2.pdf"))
    _batch(con, "r3", 3, [_doc(REVIEW, "review.pdf"), _doc(REPORT_B, "b.pdf")], RUN_1[1],
           RUN_1[2][:2] + _report_records(REPORT_B, "b.pdf", 32.0), seen=("review.pdf", "b.pdf", "a2.pdf"))


def test_scoped_loads_write_what_loads_reading_whole_tables_write(tmp_path, monkeypatch):
    scoped = _fresh(tmp_path / "scoped.duckdb")
    _mixed_runs(scoped)
    monkeypatch.setattr(load, "load_scope", lambda *_args: EVERYTHING_KNOWN)
    whole = _fresh(tmp_path / "whole.duckdb")
    _mixed_runs(whole)
    for con in (scoped, whole):
        con.execute("UPDATE runs SET pid = NULL")
    assert duplicate_keys(scoped) == {t: 0 for t in UNINDEXED}
    assert scoped.execute("SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL").fetchone()[0] == 1
    assert scoped.execute("SELECT count(*) FROM fact_versions WHERE valid_to_run IS NOT NULL").fetchone()[0] > 0
    for table in TABLES + ("runs",):
        assert sorted(map(repr, scoped.execute(f"SELECT * FROM {table}").fetchall())) == \
            sorted(map(repr, whole.execute(f"SELECT * FROM {table}").fetchall())), table


def test_writers_keep_row_groups_small_so_a_checkpoint_rewrites_little(tmp_path):
    """Regression (round 25): a load's checkpoint rewrote the table's last, partly filled row group whole, up to
    DuckDB's default 122,880 rows (+420 MB for fact_evidence at 1,000 documents when it was nearly full)."""
    path = tmp_path / "w.duckdb"
    for start in (0, 20_000):  # two writers, one after the other, as two batches' loads are
        con = migrate.connect(path)
        con.execute("CREATE TABLE IF NOT EXISTS t (i INTEGER, s VARCHAR)")
        con.execute("INSERT INTO t SELECT i, repeat('x', 40) FROM range(?, ?) r(i)", [start, start + 20_000])
        migrate.checkpoint(con)
        con.close()
    con = migrate.connect(path, read_only=True)
    groups = con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('t')").fetchone()[0]
    assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 40_000
    con.close()
    assert groups >= 3  # 16,384 rows each (the default would hold all 40,000 in one)
