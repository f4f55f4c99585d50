"""Parse cache: Document JSON stored under (PARSER_VERSION, sha256), so unchanged PDFs are not parsed again."""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from pydantic import ValidationError

from extractors.pdf.identity import PARSER_VERSION, sha256_file
from extractors.pdf.worker import WORKER_FAILURE, parse_pdf_isolated
from schemas.document import Document, DocumentStatus
from schemas.settings import IngestSettings

CACHEABLE = frozenset({DocumentStatus.parsed, DocumentStatus.no_text_layer, DocumentStatus.empty,
                       DocumentStatus.corrupt})
"""Outcomes fixed by the file's bytes; timeout, too_large and encrypted depend on settings and are retried."""

LIMITED = frozenset({DocumentStatus.timeout, DocumentStatus.too_large, DocumentStatus.worker_crashed})
"""Outcomes of the limits in force, not of the file: served again only under the same limits, never on retry."""


def limits_of(settings: IngestSettings) -> dict[str, float]:
    """The ingest limits a timeout, too_large or worker_crashed outcome depends on."""
    return {"timeout_seconds": float(settings.timeout_seconds), "memory_limit_mb": float(settings.memory_limit_mb),
            "max_file_mb": float(settings.max_file_mb), "max_pages": float(settings.max_pages)}


def _entry(sha256: str, cache_dir: Path, version: str = PARSER_VERSION) -> Path:
    safe_version = re.sub(r"[^A-Za-z0-9_.-]", "_", version)
    return Path(cache_dir) / safe_version / sha256[:2] / f"{sha256}.json"


def _limited_entry(sha256: str, cache_dir: Path, version: str = PARSER_VERSION) -> Path:
    return _entry(sha256, cache_dir, version).with_suffix(".limited.json")


def _read(entry: Path) -> Document | None:
    try:
        return Document.model_validate_json(entry.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError):
        return None


def _read_limited(entry: Path, limits: dict[str, float]) -> Document | None:
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        if data.get("limits") != limits:
            return None
        return Document.model_validate(data["document"])
    except (OSError, ValidationError, ValueError, KeyError, TypeError, AttributeError):
        return None


def load_cached(sha256: str, cache_dir: Path, path: Path | None = None,
                limits: dict[str, float] | None = None) -> Document | None:
    """The cached Document for these bytes and this parser version (re-pointed to `path`), or None; an outcome of
    the limits (timeout, too_large, worker_crashed) only when `limits` are the ones it was recorded under."""
    doc = _read(_entry(sha256, cache_dir))
    if doc is None and limits is not None:
        doc = _read_limited(_limited_entry(sha256, cache_dir), limits)
    if doc is None or doc.sha256 != sha256 or doc.parser_version != PARSER_VERSION:
        return None
    return doc.model_copy(update={"path": str(path)}) if path is not None else doc


def _write(entry: Path, text: str) -> Path:
    entry.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, entry)
    return entry


def store(doc: Document, cache_dir: Path, limits: dict[str, float] | None = None) -> Path | None:
    """Write a Document to the cache atomically when its status is cacheable (an outcome of the limits only with
    the `limits` in force, never a failure of the worker itself); return the entry path."""
    if doc.status in CACHEABLE:
        return _write(_entry(doc.sha256, cache_dir, doc.parser_version), doc.model_dump_json())
    if doc.status in LIMITED and limits is not None and not doc.message.startswith(WORKER_FAILURE):
        payload = {"limits": limits, "document": json.loads(doc.model_dump_json())}
        return _write(_limited_entry(doc.sha256, cache_dir, doc.parser_version), json.dumps(payload))
    return None


def ingest_file(path: Path, settings: IngestSettings, retry_failed: bool = False) -> Document:
    """Return the Document for one file: from the cache when its bytes were parsed before, else parsed in isolation;
    with retry_failed, only a successful parse is served from the cache."""
    path = Path(path)
    limits = limits_of(settings)
    try:
        if path.exists() and path.stat().st_size > 0:
            cached = load_cached(sha256_file(path), settings.cache_dir, path, None if retry_failed else limits)
            if cached is not None and not (retry_failed and cached.status is not DocumentStatus.parsed):
                return cached
    except OSError as exc:  # unreadable file (a folder, no permission): it still gets a documents row
        stand_in = hashlib.sha256(f"unreadable:{path}".encode()).hexdigest()  # no bytes to hash; one id per path
        return Document(sha256=stand_in, path=str(path), status=DocumentStatus.corrupt, parser_version=PARSER_VERSION,
                        message=f"cannot read file: {exc.strerror or exc}; check that it exists and is readable")
    doc = parse_pdf_isolated(path, settings)
    store(doc, settings.cache_dir, limits)
    return doc
