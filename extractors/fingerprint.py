"""The extractor version: one hash of everything that decides what extraction reads from a parsed document."""
from __future__ import annotations

import hashlib
from pathlib import Path

from schemas.settings import ExtractSettings

EXTRACTOR_SOURCES = Path(__file__).resolve().parent
"""The extractor code and its rule tables (regexes, lexicons) live here."""

MODEL_FILES = ("meta.json", "config.cfg")
"""A trained NER's identity: its meta (with its scores and training data hash) and its architecture."""


def _code_files() -> list[Path]:
    return sorted(p for p in EXTRACTOR_SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def extractor_fingerprint(settings: ExtractSettings) -> str:
    """`extract-<16 hex>` over the extractor code (with its rule tables and version strings), gazetteers, NER model
    and extract settings."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("settings", settings.model_dump_json(exclude={"gazetteer_dir", "ner_model_dir"}).encode())
    for path in _code_files():
        add(f"code/{path.relative_to(EXTRACTOR_SOURCES).as_posix()}", path.read_bytes())
    for path in sorted(Path(settings.gazetteer_dir).glob("*.json")):
        add(f"gazetteer/{path.name}", path.read_bytes())
    if settings.use_ner:
        for name in MODEL_FILES:
            model_file = Path(settings.ner_model_dir) / name
            add(f"model/{name}", model_file.read_bytes() if model_file.is_file() else b"")
    return f"extract-{digest.hexdigest()[:16]}"
