"""A PDF's identity: its content hash, the parser version its parse is keyed on, and duplicates within a run."""
from __future__ import annotations

import hashlib
from pathlib import Path

from schemas.document import Document, DocumentStatus

PARSER_VERSION = "pdf-ingest/1.17"
"""Bump on any change to parse output; the parse cache is keyed on it."""


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def path_or_content_sha256(path: Path) -> str:
    """The file's sha256, or the sha256 of its path when the file cannot be read."""
    try:
        return sha256_file(path)
    except OSError:
        return hashlib.sha256(str(path).encode()).hexdigest()


def mark_duplicates(docs: list[Document]) -> list[Document]:
    """Give every document whose sha256 was already seen earlier in the list the status duplicate."""
    first_path: dict[str, str] = {}
    out: list[Document] = []
    for doc in docs:
        if doc.sha256 in first_path and doc.status is not DocumentStatus.empty:
            out.append(doc.model_copy(update={
                "status": DocumentStatus.duplicate,
                "message": f"duplicate: same bytes as {first_path[doc.sha256]}; only that file is used.",
                "text": "", "blocks": (), "tables": ()}))
            continue
        first_path.setdefault(doc.sha256, doc.path)
        out.append(doc)
    return out
