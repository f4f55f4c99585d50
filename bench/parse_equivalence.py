"""Parse output before/after a parser change: record every Document as JSON once, then report any difference.

Usage: .venv/bin/python bench/parse_equivalence.py record BASELINE.jsonl DIR [DIR ...]
       .venv/bin/python bench/parse_equivalence.py compare BASELINE.jsonl DIR [DIR ...]
`record` parses each PDF under the folders in this process (no cache) and writes one JSON line per file;
`compare` parses them again and prints each file whose Document differs (parser_version aside), exit 1 if any.
Both print the total parse seconds, so the same command also times the change.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractors.pdf.ingest import discover_pdfs, parse_pdf  # noqa: E402
from schemas.settings import IngestSettings  # noqa: E402

IGNORED_FIELDS = ("parser_version",)
"""A deliberate version bump is not a difference in what was parsed."""


def parse_all(dirs: list[Path]) -> tuple[dict[str, dict], float]:
    """Document JSON of every PDF under `dirs`, keyed by path, and the seconds spent parsing."""
    settings = IngestSettings()
    out: dict[str, dict] = {}
    started = time.perf_counter()
    for path in discover_pdfs(dirs):
        doc = json.loads(parse_pdf(path, settings).model_dump_json())
        for name in IGNORED_FIELDS:
            doc.pop(name, None)
        out[str(path)] = doc
    return out, time.perf_counter() - started


def differing_fields(before: dict, after: dict) -> list[str]:
    """Top-level Document fields whose values differ."""
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def main(argv: list[str] | None = None) -> int:
    """Record or compare parse output; exit 1 when `compare` finds a difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("baseline", type=Path)
    parser.add_argument("dirs", nargs="+", type=Path)
    args = parser.parse_args(argv)
    docs, seconds = parse_all(args.dirs)
    pages = sum(d.get("pages", 0) for d in docs.values())
    if args.mode == "record":
        args.baseline.write_text("".join(json.dumps({"path": p, "doc": d}, sort_keys=True) + "\n"
                                         for p, d in docs.items()), encoding="utf-8")
        print(f"recorded {len(docs)} documents ({pages} pages) in {seconds:.1f} s to {args.baseline}")
        return 0
    before = {row["path"]: row["doc"] for row in map(json.loads, args.baseline.read_text("utf-8").splitlines())}
    differences = 0
    for path in sorted(set(before) | set(docs)):
        if path not in before or path not in docs:
            print(f"{path}: only {'after' if path in docs else 'before'}")
            differences += 1
        elif before[path] != docs[path]:
            print(f"{path}: differs in {', '.join(differing_fields(before[path], docs[path]))}")
            differences += 1
    print(f"compared {len(docs)} documents ({pages} pages) parsed in {seconds:.1f} s: {differences} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
