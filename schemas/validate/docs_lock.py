"""An inter-process lock on a Data Docs folder, so runs sharing a reports folder build their pages one at a time."""
from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK_NAME = ".data_docs.lock"
"""The lock file, beside the Data Docs folder (the folder itself is rewritten by every build)."""


@contextmanager
def data_docs_lock(docs_dir: Path) -> Iterator[Path]:
    """Hold an exclusive lock on `docs_dir` for as long as the block runs; waits for another process's build."""
    docs_dir = Path(docs_dir)
    docs_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = docs_dir.parent / LOCK_NAME
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file closes, or when the process dies
        yield lock_path
