"""Document -> the identity of the work it prints (DOI and normalised title), to tell a new version of a paper.

A file at another path is a new version of a current document when both print the same DOI, or when either lacks
a DOI and both carry the same long, non-generic title (rule `same_work` below; docs/warehouse.md, "Supersession").
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, Optional

from extractors.evidence.frame import _title_text
from schemas.document import Document

DOC_META_VERSION = "doc-meta/1"


class MetaRule(NamedTuple):
    """One pattern or threshold of the document-identity rules, with its reason."""

    value: object
    why: str


DOI_PATTERN = MetaRule(
    r"\b(10\.\d{4,9}/[^\s\"<>\]\[,;]+)",
    "Crossref's DOI shape: '10.' + a 4-9 digit registrant + '/' + a suffix without spaces")
DOI_TRAILING = MetaRule(r"[.)\]}>'\"’”]+$", "sentence or bracket punctuation printed after a DOI is not part of it")
FRONT_MATTER_PAGES = MetaRule(
    1, "the article's own DOI is printed in its first-page header, footer or citation line; later DOIs are cited works")
MIN_TITLE_WORDS = MetaRule(
    8, "short titles ('Editorial', 'Letter to the editor', 'Blinatumomab in ALL') recur across different papers")
MIN_TITLE_CHARS = MetaRule(50, "as MIN_TITLE_WORDS, for titles of a few long words")
GENERIC_TITLES = MetaRule(
    r"^(?:editorial|erratum|errata|correction|corrigendum|retraction|commentary|comment|reply|response|"
    r"letter(?: to the editor)?|in this issue|abstracts?|news|obituary|book review|highlights?)\b",
    "journal section headings that different papers share; never an identity even when long")

_DOI = re.compile(str(DOI_PATTERN.value), re.IGNORECASE)
_DOI_TRAILING = re.compile(str(DOI_TRAILING.value))
_GENERIC = re.compile(str(GENERIC_TITLES.value))


class DocumentMeta(NamedTuple):
    """The work a document prints: its DOI (lower case) and its title, both None when not found."""

    doi: Optional[str]
    title: Optional[str]


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


def title_key(title: Optional[str]) -> Optional[str]:
    """The title normalised for comparison (accents, case, punctuation and spacing dropped); None when too short or
    generic to identify a paper."""
    if not title:
        return None
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    key = " ".join(re.findall(r"[a-z0-9]+", folded))
    if len(key.split()) < int(MIN_TITLE_WORDS.value) or len(key) < int(MIN_TITLE_CHARS.value) or _GENERIC.match(key):
        return None
    return key


def document_meta(doc: Document) -> DocumentMeta:
    """DOI and title of a parsed document."""
    return DocumentMeta(find_doi(doc), find_title(doc))


def same_work(a: DocumentMeta, b: DocumentMeta) -> bool:
    """Whether two documents print the same work: equal DOIs, or (when either lacks a DOI) equal identifying titles.

    Two different DOIs are two works even under one title; a short or generic title never matches.
    """
    if a.doi and b.doi:
        return a.doi == b.doi
    key = title_key(a.title)
    return key is not None and key == title_key(b.title)
