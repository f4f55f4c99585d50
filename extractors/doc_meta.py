"""Document -> the DOI and title it prints, which tell a new version of a paper (schemas/work_identity.py)."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from extractors.evidence.frame import _title_text
from schemas.document import Document
from schemas.work_identity import DocumentMeta


class MetaRule(NamedTuple):
    """One pattern or threshold of the DOI reader, with its reason."""

    value: object
    why: str


DOI_PATTERN = MetaRule(
    r"\b(10\.\d{4,9}/[^\s\"<>\]\[,;]+)",
    "Crossref's DOI shape: '10.' + a 4-9 digit registrant + '/' + a suffix without spaces")
DOI_TRAILING = MetaRule(r"[.)\]}>'\"’”]+$", "sentence or bracket punctuation printed after a DOI is not part of it")
FRONT_MATTER_PAGES = MetaRule(
    1, "the article's own DOI is printed in its first-page header, footer or citation line; later DOIs are cited works")

_DOI = re.compile(str(DOI_PATTERN.value), re.IGNORECASE)
_DOI_TRAILING = re.compile(str(DOI_TRAILING.value))


def find_doi(doc: Document) -> Optional[str]:
    """The first DOI in the document's front matter, lower-cased (DOIs are case-insensitive)."""
    front = "\n".join(b.text for b in doc.blocks if b.page <= int(FRONT_MATTER_PAGES.value))
    match = _DOI.search(front)
    if match is None:
        return None
    doi = _DOI_TRAILING.sub("", match.group(1))
    return doi.lower() if "/" in doi and not doi.endswith("/") else None


def find_title(doc: Document) -> Optional[str]:
    """The document's title as printed (its title blocks), spaces collapsed; None without a title block (a first
    paragraph is no identity)."""
    if not any(b.kind == "title" for b in doc.blocks):
        return None
    start, end = _title_text(doc)
    title = " ".join(doc.text[start:end].split())
    return title or None


def document_meta(doc: Document) -> DocumentMeta:
    """DOI and title of a parsed document."""
    return DocumentMeta(find_doi(doc), find_title(doc))
