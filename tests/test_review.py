"""Curator decisions: recorded with the fact's version, applied by v_evidence_curated, stale when the fact changes."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from flows import cli, review
from tests.fixtures.small_warehouse import SHA, evidence_record
from tests.fixtures.two_run_warehouse import load_version
from warehouse import load, migrate


@pytest.fixture()
def first_run(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    load_version(con, 1, tmp_path / "corpus" / "trial.pdf", 34, typo=True)
    yield con, tmp_path / "corpus" / "trial.pdf"
    con.close()


def _key(con, arm: str) -> str:
    return con.execute("SELECT fact_key FROM v_evidence_curated WHERE arm = ?", [arm]).fetchone()[0]


def _curated(con, arm: str) -> tuple:
    return con.execute("SELECT curation_status, value, extracted_value, needs_review FROM v_evidence_curated "
                       "WHERE arm = ?", [arm]).fetchone()


def test_decisions_apply_survive_reruns_and_go_stale_when_the_fact_changes(first_run):
    con, pdf = first_run
    blin, chemo = _key(con, "blinatumomab"), _key(con, "chemotherapy")
    review.decide(con, "accept", blin[:10], "alice")
    review.decide(con, "correct", chemo[:10], "bob", value=17.0, note="table says 17")
    assert _curated(con, "blinatumomab") == ("accepted", 34.0, 34.0, False)
    assert _curated(con, "chemotherapy") == ("corrected", 17.0, 16.0, False)
    load_version(con, 2, pdf, 34, typo=False)  # re-extraction of a new file version with the same figures
    assert _curated(con, "blinatumomab")[0] == "accepted" and _curated(con, "chemotherapy")[0] == "corrected"
    load_version(con, 3, pdf, 44, typo=False)  # the accepted figure changed underneath the decision
    assert _curated(con, "blinatumomab") == ("stale", 44.0, 44.0, True)
    assert _curated(con, "chemotherapy") == ("corrected", 17.0, 16.0, False)
    _, pending = review.list_facts(con, pending=True)
    assert [(p[0], p[1], p[8]) for p in pending] == [(blin[:12], "stale", 44.0)]
    assert "accept by alice" in pending[0][10] and "made on value 34.0; it is now 44.0" in pending[0][10]
    review.decide(con, "accept", blin[:10], "alice")
    assert review.list_facts(con, pending=True)[1] == [] and _curated(con, "blinatumomab")[0] == "accepted"


def test_reject_flags_and_notes_do_not_change_status(first_run):
    con, _ = first_run
    blin = _key(con, "blinatumomab")
    review.decide(con, "reject", blin, "alice", note="subgroup figure")
    review.decide(con, "note", blin[:8], "bob", note="see NEJM 2017")
    row = con.execute("SELECT curation_status, decision_curator, notes FROM v_evidence_curated WHERE fact_key = ?",
                      [blin]).fetchone()
    assert row == ("rejected", "alice", "alice: subgroup figure | bob: see NEJM 2017")
    stored = con.execute("SELECT curator, action, version_id IS NOT NULL FROM curation_decisions "
                         "ORDER BY decided_at").fetchall()
    assert stored == [("alice", "reject", True), ("bob", "note", True)]


def test_a_decision_on_a_retired_fact_is_pending(first_run):
    con, pdf = first_run
    review.decide(con, "accept", _key(con, "chemotherapy"), "alice")
    run = load.RunRecord(run_id="run-9", started_at=datetime(2026, 2, 1), status="completed",
                         finished_at=datetime(2026, 2, 1) + timedelta(minutes=1))
    load.load_run(con, run, [], [], [], [], [pdf.parent])  # the file is gone
    _, pending = review.list_facts(con, pending=True)
    assert [(p[1], p[4], p[5]) for p in pending] == [("stale", "CR", "chemotherapy")]
    assert "no longer current" in pending[0][10] and "run-9" in pending[0][10]


def test_one_number_read_as_two_facts_is_flagged_until_reviewed(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    records = [evidence_record(), evidence_record(endpoint="ORR")]  # the same printed 34 read as CR and as ORR
    doc_path = "/x/trial.pdf"
    from schemas.document import Document, DocumentStatus
    doc = Document(sha256=SHA, path=doc_path, pages=3, status=DocumentStatus.parsed, parser_version="p1")
    load.load_run(con, load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed"),
                  [doc], [], records, [])
    flagged = con.execute("SELECT endpoint, review_reason FROM v_evidence_curated WHERE needs_review "
                          "ORDER BY endpoint").fetchall()
    assert [f[0] for f in flagged] == ["CR", "ORR"]
    assert "the number 34 on page 2 is read as: CR blinatumomab rate = 34.0; ORR blinatumomab rate = 34.0" in flagged[0][1]
    review.decide(con, "reject", con.execute("SELECT fact_key FROM v_evidence_curated WHERE endpoint = 'ORR'")
                  .fetchone()[0], "alice")
    assert [p[4] for p in review.list_facts(con, pending=True)[1]] == ["CR"]
    con.close()


def test_fact_ids_must_be_long_enough_and_unambiguous(first_run):
    con, _ = first_run
    with pytest.raises(review.ReviewError, match="8\\+ hex characters"):
        review.decide(con, "accept", "abc", "alice")
    with pytest.raises(review.ReviewError, match="no fact has that id"):
        review.decide(con, "accept", "0" * 12, "alice")
    with pytest.raises(review.ReviewError, match="must not be blank"):
        review.decide(con, "accept", _key(con, "blinatumomab"), "  ")


def test_cli_review_requires_a_curator_and_writes_outside_a_run(first_run, capsys):
    con, pdf = first_run
    key = _key(con, "blinatumomab")
    con.close()
    warehouse = pdf.parent.parent / "w.duckdb"
    assert cli.main(["review", "accept", key[:10], "--warehouse", str(warehouse)]) == 2
    assert "--curator" in capsys.readouterr().err
    assert cli.main(["review", "correct", key[:10], "--value", "35", "--curator", "carol",
                     "--warehouse", str(warehouse)]) == 0
    assert "corrected to 35 by carol" in capsys.readouterr().out
    assert cli.main(["review", "accept", "ffffffffff", "--curator", "carol", "--warehouse", str(warehouse)]) == 2
    assert cli.main(["review", "list", "--warehouse", str(warehouse), "--format", "json"]) == 0
    assert '"status": "corrected"' in capsys.readouterr().out
    assert cli.main(["review", "list", "--pending", "--warehouse", str(Path(warehouse))]) == 0
    assert "(0 rows)" in capsys.readouterr().out


def test_cli_review_waits_for_a_run_holding_the_warehouse_lock(first_run, capsys):
    import subprocess
    import sys
    import time

    con, pdf = first_run
    key = _key(con, "blinatumomab")
    con.close()
    warehouse = pdf.parent.parent / "w.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
         "time.sleep(2.5); c.close()", str(warehouse)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        assert cli.main(["review", "accept", key[:10], "--curator", "alice", "--warehouse", str(warehouse)]) == 0
        assert time.monotonic() - started > 1.0  # it waited for the holder rather than failing
    finally:
        holder.wait(timeout=30)
    assert "accepted by alice" in capsys.readouterr().out
