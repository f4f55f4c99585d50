"""Runs that share a reports folder build Data Docs one at a time (two builds at once broke each other's pages)."""
from __future__ import annotations

import fcntl
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from schemas.validate.docs_lock import LOCK_NAME, data_docs_lock

ROOT = Path(__file__).resolve().parents[1]


def test_the_lock_excludes_another_holder_while_held(tmp_path):
    docs = tmp_path / "reports" / "data_docs"
    with data_docs_lock(docs) as lock_path:
        assert lock_path == docs.parent / LOCK_NAME
        with open(lock_path, "a+b") as other, pytest.raises(BlockingIOError):
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    with open(docs.parent / LOCK_NAME, "a+b") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again after the block


def test_another_process_waits_for_the_lock_regression_concurrent_data_docs_builds(tmp_path):
    docs = tmp_path / "reports" / "data_docs"
    code = ("import sys; from pathlib import Path; from schemas.validate.docs_lock import data_docs_lock\n"
            "with data_docs_lock(Path(sys.argv[1])): print('got it', flush=True)\n")
    with data_docs_lock(docs):
        child = subprocess.Popen([sys.executable, "-c", code, str(docs)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        with pytest.raises(subprocess.TimeoutExpired):
            child.wait(timeout=3)  # blocked on the lock this process holds
    out, _ = child.communicate(timeout=60)
    assert child.returncode == 0 and out.strip() == "got it"


def test_the_gx_build_waits_for_the_lock(tmp_path):
    from schemas.validate.gx_suites import suite_runner

    docs = tmp_path / "reports" / "data_docs"
    built: list[Path] = []
    with data_docs_lock(docs):
        thread = threading.Thread(target=lambda: built.append(suite_runner().build_data_docs(docs)))
        thread.start()
        thread.join(timeout=3)
        assert thread.is_alive() and not built
    thread.join(timeout=120)
    assert built and built[0].exists()
