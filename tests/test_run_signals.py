"""A real `evidence run` killed or stopped at set points: the warehouse keeps its last committed state, the message
is true, a re-run completes, and no child process (Prefect's server, the parse workers) outlives the run."""
from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fixtures.make_pdfs import one_sentence_trial_pdf
from warehouse import migrate

pytestmark = pytest.mark.slow

EVIDENCE = Path(sys.executable).with_name("evidence")
MARKER_TIMEOUT_S = 240


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """A one-page corpus, a config without Data Docs, and the path of a warehouse."""
    base = tmp_path_factory.mktemp("signals")
    (base / "corpus").mkdir()
    one_sentence_trial_pdf(base / "corpus" / "tiny.pdf")
    config = base / "pipeline.toml"
    config.write_text(f'[ingest]\ncache_dir = "{base / "cache"}"\n[validate]\ndata_docs = false\n'
                      f'reports_dir = "{base / "reports"}"\n[warehouse]\nlock_timeout_seconds = 3\n')
    return base, base / "w.duckdb"


def _uncached_corpus(base: Path, name: str) -> Path:
    """A corpus of one PDF no run has parsed yet, so the run starts a parse worker."""
    folder = base / name
    folder.mkdir()
    one_sentence_trial_pdf(folder / f"{name}.pdf", trial=name.upper())
    return folder


def _command(base: Path, warehouse: Path, corpus: Path | None = None) -> list[str]:
    return [str(EVIDENCE), "--config", str(base / "pipeline.toml"), "run", "--corpus", str(corpus or base / "corpus"),
            "--warehouse", str(warehouse)]


def _run(base: Path, warehouse: Path) -> subprocess.CompletedProcess:
    return subprocess.run(_command(base, warehouse), cwd=ROOT, capture_output=True, text=True, timeout=600)


class Paused:
    """An `evidence run` started with the test hook, read until it says it paused."""

    def __init__(self, base: Path, warehouse: Path, phase: str, corpus: Path | None = None):
        env = {**os.environ, "EVIDENCE_TEST_PAUSE_AT": phase}
        self.proc = subprocess.Popen(_command(base, warehouse, corpus), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + MARKER_TIMEOUT_S
        while True:
            line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.1))
            if "paused" in line and phase in line:
                return
            assert self.proc.poll() is None, "".join(self.stderr)

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.stderr.append(line)
            self.lines.put(line)

    def descendants(self) -> set[int]:
        return _descendants(self.proc.pid)

    def finish(self, timeout: float = 120) -> tuple[int, str]:
        code = self.proc.wait(timeout=timeout)
        time.sleep(0.2)  # let the reader thread drain the last lines
        return code, "".join(self.stderr)


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _assert_all_die(pids: set[int], within: float = 20) -> None:
    deadline = time.monotonic() + within
    while _alive(pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(pids), f"orphaned: {_alive(pids)}"


def _runs(warehouse: Path) -> int:
    con = migrate.connect(warehouse, read_only=True)
    try:
        return con.execute("select count(*) from runs").fetchone()[0]
    finally:
        con.close()


def test_sigkill_at_each_load_phase_leaves_the_last_committed_state_and_no_process(setup):
    base, warehouse = setup
    expected = 0
    for phase, commits in (("upserted", False), ("committed", True), ("checkpointed", True)):
        # a corpus with a file to read each time: a run with nothing to read records itself without Prefect
        paused = Paused(base, warehouse, phase, _uncached_corpus(base, f"load-{phase}"))
        children = paused.descendants()
        assert children, "the run should have a Prefect server child"
        os.kill(paused.proc.pid, signal.SIGKILL)
        paused.finish()
        _assert_all_die(children)
        expected += commits
        assert _runs(warehouse) == expected, phase  # opens (recovering a WAL if one was left) with what was committed
        assert not Path(f"{warehouse}.wal").exists()
    result = _run(base, warehouse)
    assert result.returncode == 0, result.stderr
    assert _runs(warehouse) == expected + 1


def test_sigkill_during_parse_orphans_neither_the_server_nor_the_parse_worker(setup):
    base, warehouse = setup
    paused = Paused(base, warehouse, "parse", _uncached_corpus(base, "killed"))
    children = paused.descendants()
    assert len(children) >= 3  # Prefect's server, the forkserver and the paused parse worker
    os.kill(paused.proc.pid, signal.SIGKILL)
    paused.finish()
    _assert_all_die(children)


def test_sigterm_after_commit_exits_143_and_says_the_run_was_committed(setup):
    base, warehouse = setup
    before = _runs(warehouse) if warehouse.exists() else 0
    paused = Paused(base, warehouse, "committed")
    children = paused.descendants()
    paused.proc.send_signal(signal.SIGTERM)
    code, stderr = paused.finish()
    assert code == 143, stderr
    assert "stopped by SIGTERM: run run-" in stderr and "had been committed" in stderr
    _assert_all_die(children)
    assert _runs(warehouse) == before + 1


def test_ctrl_c_during_parse_exits_130_says_nothing_was_committed_and_orphans_nothing(setup):
    base, warehouse = setup
    before = _runs(warehouse) if warehouse.exists() else 0
    paused = Paused(base, warehouse, "parse", _uncached_corpus(base, "interrupted"))
    children = paused.descendants()
    paused.proc.send_signal(signal.SIGINT)
    code, stderr = paused.finish()
    assert code == 130, stderr
    assert "stopped by SIGINT: nothing from this run was committed" in stderr
    _assert_all_die(children)
    assert _runs(warehouse) == before


def test_run_waits_for_a_held_lock_then_exits_2_naming_the_holder(setup):
    base, warehouse = setup
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom warehouse import migrate\n"
                               "con = migrate.connect(sys.argv[1])\nprint('holding', flush=True)\ntime.sleep(300)",
                               str(warehouse)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        result = _run(base, warehouse)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2, result.stderr
    assert f"PID {holder.pid}" in result.stderr and "lock_timeout_seconds" in result.stderr
