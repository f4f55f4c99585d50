"""Check or rewrite committed files that a generator derives from the schemas (DDL, JSON Schema)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Optional


def write_files(files: dict[str, str], out_dir: Path) -> list[Path]:
    """Write each name -> text into out_dir and return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
        written.append(out_dir / name)
    return written


def stale_names(files: dict[str, str], out_dir: Path) -> list[str]:
    """Names whose file in out_dir is missing or differs from the generated text."""
    return [name for name, text in files.items()
            if not (out_dir / name).exists() or (out_dir / name).read_text(encoding="utf-8") != text]


def check_or_write(argv: Optional[list[str]], description: str, generate: Callable[[], dict[str, str]],
                   out_dir: Path, shown_dir: str, module: str) -> int:
    """CLI body: with --write regenerate the files, else exit 1 naming each stale one."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--write", action="store_true", help="regenerate the files instead of checking them")
    args = parser.parse_args(argv)
    if args.write:
        for path in write_files(generate(), out_dir):
            print(path)
        return 0
    stale = stale_names(generate(), out_dir)
    for name in stale:
        print(f"stale: {shown_dir}/{name} (run python -m {module} --write)", file=sys.stderr)
    return 1 if stale else 0
