"""When two documents print the same work: equal DOIs, or (either lacking one) the same long, specific title.

Used by the loader to let a new version of a paper at another path supersede the current one (docs/warehouse.md,
"Supersession"); the DOI and title themselves are read by extractors/doc_meta.py.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, Optional


class IdentityRule(NamedTuple):
    """One threshold or pattern of the same-work rule, with its reason."""

    value: object
    why: str


MIN_TITLE_WORDS = IdentityRule(
    8, "short titles ('Editorial', 'Letter to the editor', 'Blinatumomab in ALL') recur across different papers")
MIN_TITLE_CHARS = IdentityRule(50, "as MIN_TITLE_WORDS, for titles of a few long words")
GENERIC_TITLES = IdentityRule(
    r"^(?:editorial|erratum|errata|correction|corrigendum|retraction|commentary|comment|reply|response|"
    r"letter(?: to the editor)?|in this issue|abstracts?|news|obituary|book review|highlights?)\b",
    "journal section headings that different papers share; never an identity even when long")

_GENERIC = re.compile(str(GENERIC_TITLES.value))


class DocumentMeta(NamedTuple):
    """The work a document prints: its DOI (lower case) and its title, both None when not found."""

    doi: Optional[str]
    title: Optional[str]


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


def same_work(a: DocumentMeta, b: DocumentMeta) -> bool:
    """Whether two documents print the same work: equal DOIs, or (when either lacks a DOI) equal identifying titles.

    Two different DOIs are two works even under one title; a short or generic title never matches.
    """
    if a.doi and b.doi:
        return a.doi == b.doi
    key = title_key(a.title)
    return key is not None and key == title_key(b.title)
