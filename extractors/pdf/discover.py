"""Find a corpus's PDF files; imports no PDF library, so a run that reads no file does not load one."""
from __future__ import annotations

import os
from pathlib import Path


def discover_pdfs(dirs, glob: str = "**/*.pdf") -> list[Path]:
    """List files matching `glob` (suffix compared case-insensitively) under each folder, sorted and unique.

    A pattern starting with '**/' also searches the folders that symlinks under a corpus folder lead to.
    """
    pattern = glob[:-4] + ".[pP][dD][fF]" if glob.lower().endswith(".pdf") else glob
    found: set[Path] = set()
    for folder in dirs:
        folder = Path(folder)
        if folder.is_file():
            found.add(folder.resolve())
            continue
        for root in _linked_roots(folder) if pattern.startswith("**/") else (folder,):
            found.update(p.resolve() for p in root.glob(pattern) if p.is_file())
    return sorted(found, key=lambda p: str(p))


def _linked_roots(folder: Path) -> list[Path]:
    """`folder` and every folder a symlink below it leads to, each real folder once (pathlib's '**' skips links)."""
    roots, seen, todo = [], set(), [folder]
    while todo:
        root = todo.pop()
        if root.resolve() in seen:
            continue
        seen.add(root.resolve())
        roots.append(root)
        for parent, subfolders, _files in os.walk(root):
            todo.extend(Path(parent, name) for name in subfolders if os.path.islink(os.path.join(parent, name)))
    return roots
