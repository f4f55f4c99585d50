"""Turn ordered layout blocks into Document text and Block records with exact character spans."""
from __future__ import annotations

import re

from extractors.pdf.layout import CAPTION_START, LayoutBlock
from extractors.pdf.textclean import HYPHENS, Vocabulary, decide_hyphen, join_lines
from schemas.document import Block

BLOCK_SEPARATOR = "\n\n"
"""Text between two blocks that do not continue one another."""
REFERENCE_HEADING = re.compile(r"^(?:\d{1,2}\.?\s+)?(?:References|Bibliography|Literature Cited|Works Cited|Reference List)$", re.IGNORECASE)
"""The heading after which body blocks are bibliography entries."""
SENTENCE_END = (".", "!", "?", ":", ".\u201d", ".\"", ".)")
"""A body block ending like this closes its sentence."""
FLOAT_KINDS = frozenset({"caption", "table", "footnote"})
"""Blocks that float on the page and must not cut a running sentence in two."""
TITLE_SIZE_RATIO = 1.3
TITLE_MIN_WORDS = 3
"""Titles have a few words; a one-word giant is a journal logo."""
"""A first-page block this much larger than body text is the title."""


def _open_sentence(text: str) -> bool:
    return bool(text) and not text.rstrip().endswith(SENTENCE_END)


def _defer_floats(blocks: list[LayoutBlock], texts: list[str]) -> list[int]:
    """Return an order that moves captions and tables after the body block that finishes an open sentence."""
    order: list[int] = []
    pending: list[int] = []
    last_body_open = False
    for i, block in enumerate(blocks):
        if block.kind in FLOAT_KINDS and last_body_open:
            pending.append(i)
            continue
        if block.kind in ("heading", "title"):
            order.extend(pending)
            pending = []
        order.append(i)
        if block.kind == "body":
            last_body_open = _open_sentence(texts[i])
            if not last_body_open:
                order.extend(pending)
                pending = []
    order.extend(pending)
    return order


def assemble(blocks: list[LayoutBlock], vocabulary: Vocabulary, body_size: float) -> tuple[str, list[Block]]:
    """Join blocks into the document text, setting kinds, sections and char spans."""
    texts = [_block_text(b, vocabulary) for b in blocks]
    _refine_kinds(blocks, texts, body_size)
    order = _defer_floats(blocks, texts)
    pieces: list[str] = []
    records: list[Block] = []
    offset = 0
    section: str | None = None
    previous: tuple[LayoutBlock, str] | None = None
    for i in order:
        block, text = blocks[i], texts[i]
        if not text:
            continue
        if block.kind == "heading":
            section = text
        separator = BLOCK_SEPARATOR
        if previous is not None and previous[0].kind in ("body", "reference") and block.kind == previous[0].kind:
            moved = (previous[0].page, previous[0].column) != (block.page, block.column)
            separator, text, trimmed = _continuation(previous[1], text, vocabulary, moved)
            if trimmed is not None:
                last = records[-1]
                pieces[-1] = trimmed
                offset -= len(last.text) - len(trimmed)
                records[-1] = last.model_copy(update={"text": trimmed, "char_end": last.char_start + len(trimmed)})
        if pieces:
            pieces.append(separator)
            offset += len(separator)
        records.append(Block(page=block.page, bbox=block.bbox, kind=block.kind, column=block.column,
                             section=section, text=text, char_start=offset, char_end=offset + len(text)))
        pieces.append(text)
        offset += len(text)
        previous = (block, text)
    return "".join(pieces), records


def _continuation(prev_text: str, text: str, vocabulary: Vocabulary, moved: bool) -> tuple[str, str, str | None]:
    """Pick the separator between two body blocks; a word hyphenated across them is rejoined."""
    if prev_text[-1:] in HYPHENS and len(prev_text) >= 2 and prev_text[-2].isalpha() and text[:1].islower():
        if decide_hyphen(prev_text[:-1], text, vocabulary).keep_hyphen:
            return "", text, None
        return "", text, prev_text[:-1]
    if _open_sentence(prev_text) and (text[:1].islower() or moved and not text[:1].isupper()):
        return " ", text, None
    return BLOCK_SEPARATOR, text, None


def _block_text(block: LayoutBlock, vocabulary: Vocabulary) -> str:
    if block.kind == "table":
        return "\n".join(line.text for line in block.lines)
    return join_lines([line.text for line in block.lines], vocabulary)


def _refine_kinds(blocks: list[LayoutBlock], texts: list[str], body_size: float) -> None:
    """Mark the title, bibliography entries, and caption blocks that only a joined text reveals."""
    first_page = [b for b, t in zip(blocks, texts) if b.page == blocks[0].page and len(t.split()) >= TITLE_MIN_WORDS]
    biggest = max(first_page, key=lambda b: max(l.size for l in b.lines), default=None)
    if biggest is not None and max(l.size for l in biggest.lines) >= TITLE_SIZE_RATIO * body_size:
        biggest.kind = "title"
    in_references = False
    for block, text in zip(blocks, texts):
        if block.kind == "heading":
            in_references = bool(REFERENCE_HEADING.match(text))
        elif block.kind == "body" and CAPTION_START.match(text):
            block.kind = "caption"
        elif block.kind in ("body", "footnote") and in_references:
            block.kind = "reference"
