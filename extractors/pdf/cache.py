"""Parse cache: Document JSON stored under (PARSER_VERSION, sha256), so unchanged PDFs are not parsed again."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from pydantic import ValidationError

from extractors.pdf.ingest import PARSER_VERSION, parse_pdf_isolated, sha256_file
from schemas.document import Document, DocumentStatus
from schemas.settings import IngestSettings

CACHEABLE = frozenset({DocumentStatus.parsed, DocumentStatus.no_text_layer, DocumentStatus.empty,
                       DocumentStatus.corrupt})
"""Outcomes fixed by the file's bytes; timeout, too_large and encrypted depend on settings and are retried."""


def _entry(sha256: str, cache_dir: Path, version: str = PARSER_VERSION) -> Path:
    safe_version = re.sub(r"[^A-Za-z0-9_.-]", "_", version)
    return Path(cache_dir) / safe_version / sha256[:2] / f"{sha256}.json"


def load_cached(sha256: str, cache_dir: Path, path: Path | None = None) -> Document | None:
    """Return the cached Document for these bytes and this parser version (re-pointed to `path`), or None."""
    entry = _entry(sha256, cache_dir)
    try:
        doc = Document.model_validate_json(entry.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError):
        return None
    if doc.sha256 != sha256 or doc.parser_version != PARSER_VERSION:
        return None
    return doc.model_copy(update={"path": str(path)}) if path is not None else doc


def store(doc: Document, cache_dir: Path) -> Path | None:
    """Write a Document to the cache atomically when its status is cacheable; return the entry path."""
    if doc.status not in CACHEABLE:
        return None
    entry = _entry(doc.sha256, cache_dir, doc.parser_version)
    entry.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(doc.model_dump_json())
    os.replace(tmp, entry)
    return entry


def ingest_file(path: Path, settings: IngestSettings) -> Document:
    """Return the Document for one file: from the cache when its bytes were parsed before, else parsed in isolation."""
    path = Path(path)
    try:
        if path.exists() and path.stat().st_size > 0:
            cached = load_cached(sha256_file(path), settings.cache_dir, path)
            if cached is not None:
                return cached
    except OSError as exc:  # unreadable file (a folder, no permission): it still gets a documents row
        stand_in = hashlib.sha256(f"unreadable:{path}".encode()).hexdigest()  # no bytes to hash; one id per path
        return Document(sha256=stand_in, path=str(path), status=DocumentStatus.corrupt, parser_version=PARSER_VERSION,
                        message=f"cannot read file: {exc.strerror or exc}; check that it exists and is readable")
    doc = parse_pdf_isolated(path, settings)
    store(doc, settings.cache_dir)
    return doc
