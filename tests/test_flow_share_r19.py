"""Round 19, issue 10 (the flow's serial share and memory): reads queued a batch ahead, same-work supersession without
comparing every pair of documents, the sync read's DuckDB settings, and a load checkpoint within a memory limit that
falls back to none."""
from __future__ import annotations

import random
from datetime import datetime

import duckdb
import pytest

from schemas import work_identity
from schemas.work_identity import DocumentMeta, same_work
from tests.fixtures.small_warehouse import build_small_warehouse
from warehouse import load, migrate, supersede, sync


def test_read_ahead_queues_the_next_batch_before_the_flow_waits_on_the_current_one():
    from flows.batches import ReadAhead

    events = []

    def submit(batch):
        events.append(("submit", batch[0]))
        return batch[0]

    reads = ReadAhead([["a"], ["b"], ["c"], ["d"]], submit)
    events.append("made")
    for batch in reads:
        events.append(("collect", batch))
    assert events == [("submit", "a"), ("submit", "b"), "made",
                      ("collect", "a"),
                      ("submit", "c"), ("collect", "b"),  # c is queued before the flow waits on b's slowest file
                      ("submit", "d"), ("collect", "c"),
                      ("collect", "d")]


def test_read_ahead_of_one_batch_submits_each_batch_when_it_is_collected():
    from flows.batches import ReadAhead

    events = []
    for batch in ReadAhead([["a"], ["b"]], lambda b: events.append(("submit", b[0])) or b[0], depth=1):
        events.append(("collect", batch))
    assert events == [("submit", "a"), ("collect", "a"), ("submit", "b"), ("collect", "b")]
    assert list(ReadAhead([[]], lambda b: b)) == [[]]  # a run with no file still has its one (empty) batch


def test_read_ahead_depth_below_one_is_refused_with_the_allowed_values():
    from flows.batches import ReadAhead

    with pytest.raises(ValueError, match="at least 1, got 0"):
        ReadAhead([["a"]], lambda b: b, depth=0)


def _every_pair_newer_versions(candidates):
    """The same-work rule as round 18 applied it: each candidate against every later one."""
    order = sorted(candidates, key=lambda c: (c[4], str(c[5] or ""), c[1]))
    superseded = {}
    for i, older in enumerate(order):
        meta = DocumentMeta(older[2], older[3])
        newer = next((c for c in reversed(order[i + 1:]) if c[1] != older[1] and c[0] != older[0]
                      and same_work(meta, DocumentMeta(c[2], c[3]))), None)
        if newer is not None:
            superseded[(older[0], older[1])] = newer[1]
    return superseded


LONG_TITLES = ("Blinatumomab versus chemotherapy for advanced acute lymphoblastic leukemia in adults",
               "BLINATUMOMAB versus Chemotherapy for Advanced Acute Lymphoblastic Leukemia in Adults.",
               "Inotuzumab ozogamicin versus standard therapy for acute lymphoblastic leukemia in adults",
               "Editorial: inotuzumab ozogamicin versus standard therapy for acute lymphoblastic leukemia")


def test_supersession_picks_the_same_newer_file_as_comparing_every_pair():
    rng = random.Random(19)
    for _ in range(2000):
        candidates = [(rng.choice("abcde"), rng.choice(("/c/v1.pdf", "/c/v2.pdf", "/c/v3.pdf", "/d/v1.pdf")),
                       rng.choice((None, None, "10.1/a", "10.1/b")), rng.choice((None, "Short title", *LONG_TITLES)),
                       rng.random() < 0.4, rng.choice((None, "2026-01-01", "2026-02-01")))
                      for _ in range(rng.randint(0, 10))]
        assert supersede.newer_versions(candidates) == _every_pair_newer_versions(candidates), candidates


def test_supersession_scan_was_quadratic_in_the_warehouse_documents(monkeypatch):
    """Round 18 compared each document with every later one (17,683 same_work calls per batch at 200 documents,
    0.6 s of the flow's CPU, growing with the square of the corpus); only those sharing a DOI or title compare now."""
    calls = []
    monkeypatch.setattr(supersede, "same_work", lambda a, b: calls.append(1) or work_identity.same_work(a, b))
    candidates = [(f"{i:064x}", f"/c/{i}.pdf", f"10.1/{i}", f"{LONG_TITLES[0]} number {i}", False, "2026-01-01")
                  for i in range(400)]
    candidates.append(("f" * 64, "/c/new.pdf", "10.1/7", None, True, None))  # a new version of paper 7
    assert supersede.newer_versions(candidates) == {(f"{7:064x}", "/c/7.pdf"): "/c/new.pdf"}
    assert len(calls) <= 2 * len(candidates)


def test_sync_read_with_its_settings_counts_what_a_plain_connection_counts(tmp_path):
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    con = duckdb.connect(str(warehouse), read_only=True)
    plain = sync.sync_state(con)
    con.close()
    assert sync.read_sync_state(warehouse) == plain
    assert plain["table1_rows"] == 1 and plain["body_records"] == 2
    with pytest.raises(migrate.WarehouseError, match="cannot open warehouse .*none"):  # the settings reach DuckDB
        sync.read_sync_state(warehouse, {"threads": "none"})


class _RecordingConnection:
    """A DuckDB connection that remembers every statement executed through it."""

    def __init__(self, con):
        self.con, self.statements = con, []

    def execute(self, sql, *args, **kwargs):
        self.statements.append(sql)
        return self.con.execute(sql, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.con, name)


def test_a_load_checkpoints_without_lowering_the_memory_limit(tmp_path):
    """Regression: capped_checkpoint_invalidated_the_warehouse (the load's checkpoint ran under a 128MB memory_limit;
    at 1,000 documents the 345 MB warehouse needed more, and DuckDB's FatalException invalidated the database and
    stopped the run at batch 38 of 40)."""
    path = build_small_warehouse(tmp_path / "w.duckdb")
    con = _RecordingConnection(migrate.connect(path))
    run = load.RunRecord(run_id="r2", started_at=datetime(2026, 1, 2), status="completed")
    load.load_run(con, run, [], [], [], [])
    assert "CHECKPOINT" in con.statements
    assert not any("memory_limit" in sql for sql in con.statements)
    assert not path.with_name(path.name + ".wal").exists()
    con.close()


def test_duckdb_invalidates_a_database_whose_checkpoint_runs_out_of_memory(tmp_path):
    """Why the checkpoint has no cap: DuckDB answers a checkpoint short of memory with a FatalException, not an
    out-of-memory error a caller could recover from (pins the DuckDB behaviour the fix relies on)."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("CREATE TABLE t AS SELECT range AS i, repeat('x', 100) || range::VARCHAR AS s FROM range(300000)")
    con.execute("CHECKPOINT")
    con.execute("INSERT INTO t SELECT range AS i, repeat('y', 100) || range::VARCHAR AS s FROM range(300000)")
    con.execute("SET memory_limit = '4MB'")
    with pytest.raises(duckdb.FatalException):
        con.execute("CHECKPOINT")
