"""Generate N varied synthetic clinical-trial articles and reviews as PDFs in DIR, the same bytes for the same seed.

Usage: .venv/bin/python bench/make_corpus.py N DIR [--seed S] [--force]
Writes DIR/MANIFEST.json (file, pages, layout, seed, kind, fonts, tables per document). DIR is created if
missing; a non-empty DIR that this tool did not make is refused unless --force. Exit codes: 0 ok, 1 a file
could not be written, 2 bad arguments or an unusable DIR.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus_docs import build_document  # noqa: E402

GENERATOR = "bench/make_corpus.py"
MANIFEST = "MANIFEST.json"
MANIFEST_FORMAT = 1
OWN_FILE = re.compile(r"^\d{5,}_(trial|review)_(one|two)-column\.pdf$")
"""Names this tool gives its PDFs; only these are removed when a corpus folder is regenerated."""
PROGRESS_EVERY = 100


class UsageError(Exception):
    """Bad arguments or an unusable output folder: exit 2 with the message."""


def positive_int(text: str) -> int:
    """argparse type for N."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"N must be a positive integer (number of PDFs to write), got {text!r}")
    return value


def document_seed(seed: int, index: int) -> int:
    """The seed of document `index`: independent of N, so a larger corpus starts with the same files."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{index}".encode()).digest()[:8], "big")


def _is_own(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("generator") == GENERATOR


def prepare_folder(folder: Path, force: bool) -> None:
    """Create `folder`, or clear this tool's old PDFs from it; refuse someone else's non-empty folder."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} exists and is not a folder; give a folder path for DIR.")
    if folder.is_dir() and any(folder.iterdir()):
        if _is_own(folder):
            for path in folder.iterdir():
                if OWN_FILE.match(path.name):
                    path.unlink()
            (folder / MANIFEST).unlink()
        elif not force:
            raise UsageError(f"{folder} is not empty and was not made by {GENERATOR} (no {MANIFEST} of its own); "
                             "give a new or empty folder, or pass --force to write into it anyway.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {folder}: {exc.strerror}; choose a writable location for DIR.") from exc


def _write_manifest(folder: Path, seed: int, documents: list[dict], complete: bool) -> None:
    manifest = {"generator": GENERATOR, "format": MANIFEST_FORMAT, "seed": seed, "complete": complete,
                "count": len(documents), "pages": sum(d["pages"] for d in documents), "documents": documents}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def generate(count: int, folder: Path, seed: int, log=sys.stderr) -> list[dict]:
    """Write `count` PDFs and the manifest into a prepared folder; return the manifest entries."""
    started = time.perf_counter()
    width = max(5, len(str(count)))
    documents: list[dict] = []
    _write_manifest(folder, seed, documents, complete=False)
    for index in range(1, count + 1):
        doc_seed = document_seed(seed, index)
        built = build_document(doc_seed)
        name = f"{index:0{width}d}_{built.kind}_{built.layout}.pdf"
        built.pdf.output(str(folder / name))
        documents.append({"file": name, "pages": built.pdf.pages_count, "layout": built.layout, "seed": doc_seed,
                          "kind": built.kind, "body_font": built.body_font, "body_size": built.body_size,
                          "table_style": built.table_style, "tables": built.tables})
        if index % PROGRESS_EVERY == 0 or index == count:
            elapsed = time.perf_counter() - started
            pages = sum(d["pages"] for d in documents)
            print(f"make_corpus: {index}/{count} files, {pages} pages, {elapsed:.1f} s "
                  f"({index / elapsed:.1f} files/s)", file=log, flush=True)
    _write_manifest(folder, seed, documents, complete=True)
    return documents


def main(argv=None) -> int:
    """Parse arguments, prepare DIR and write the corpus."""
    parser = argparse.ArgumentParser(prog="make_corpus.py", description=__doc__.splitlines()[0])
    parser.add_argument("n", metavar="N", type=positive_int, help="number of PDFs to write")
    parser.add_argument("dir", metavar="DIR", type=Path, help="output folder (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0); same seed, same files")
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder this tool did not make")
    args = parser.parse_args(argv)
    try:
        prepare_folder(args.dir, args.force)
    except UsageError as exc:
        print(f"make_corpus: error: {exc}", file=sys.stderr)
        return 2
    try:
        documents = generate(args.n, args.dir, args.seed)
    except OSError as exc:
        print(f"make_corpus: error: writing {exc.filename or args.dir} failed: {exc.strerror or exc}; "
              "check free space and permissions.", file=sys.stderr)
        return 1
    print(f"make_corpus: wrote {len(documents)} PDFs ({sum(d['pages'] for d in documents)} pages) and {MANIFEST} "
          f"to {args.dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
