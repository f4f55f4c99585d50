"""Opening the warehouse: a WAL left by a killed writer is recovered offline; a held lock is waited for, then named."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from tests.conftest import ROOT
from warehouse import migrate

KILLED_AFTER_COMMIT = textwrap.dedent("""
    import os, signal, sys
    from warehouse import migrate
    con = migrate.connect(sys.argv[1])
    migrate.ensure_schema(con)
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    con.execute("INSERT INTO runs (run_id, started_at, status) VALUES ('committed-run', now(), 'completed')")
    os.kill(os.getpid(), signal.SIGKILL)
""")

HOLD_LOCK = textwrap.dedent("""
    import sys, time
    from warehouse import migrate
    con = migrate.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
""")


def test_wal_left_by_a_killed_writer_is_recovered_and_said(tmp_path, capsys):
    path = tmp_path / "w.duckdb"
    subprocess.run([sys.executable, "-c", KILLED_AFTER_COMMIT, str(path)], check=False, cwd=ROOT)
    assert (tmp_path / "w.duckdb.wal").exists()
    con = migrate.connect(path, read_only=True)
    assert con.execute("SELECT run_id FROM runs").fetchall() == [("committed-run",)]
    con.close()
    assert "recovered the committed changes" in capsys.readouterr().err
    assert not (tmp_path / "w.duckdb.wal").exists()


@pytest.fixture
def lock_holder(tmp_path):
    path = tmp_path / "w.duckdb"
    con = migrate.connect(path)
    migrate.ensure_schema(con)
    con.close()

    def hold(seconds: float) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path), str(seconds)], stdout=subprocess.PIPE, cwd=ROOT,
                                text=True)
        assert proc.stdout.readline().strip() == "holding"
        holders.append(proc)
        return proc

    holders: list[subprocess.Popen] = []
    yield path, hold
    for proc in holders:
        proc.kill()
        proc.wait()


def test_held_lock_is_waited_for_with_progress_then_opened(lock_holder, monkeypatch):
    path, hold = lock_holder
    monkeypatch.setattr(migrate, "LOCK_PROGRESS_EVERY_SECONDS", 0.5)
    proc = hold(2.0)
    lines = []
    started = time.monotonic()
    con = migrate.connect(path, lock_timeout=60, say=lines.append)
    assert time.monotonic() - started >= 1.0
    con.close()
    assert lines and f"held by PID {proc.pid}" in lines[0]


def test_lock_held_past_the_timeout_names_the_holder(lock_holder):
    path, hold = lock_holder
    proc = hold(60)
    with pytest.raises(migrate.WarehouseLockedError) as caught:
        migrate.connect(path, lock_timeout=1.0, say=lambda _m: None)
    assert caught.value.holder_pid == proc.pid
    assert f"PID {proc.pid}" in str(caught.value) and "lock_timeout_seconds" in str(caught.value)
