"""Typed records for a parsed PDF: pages, text blocks, tables and their cells."""
from __future__ import annotations

from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

BBox = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in PDF points, origin at the page's top-left, as pdfplumber reports."""


class DocumentStatus(str, Enum):
    """Outcome of ingesting one file; the `documents.status` column takes these values."""

    parsed = "parsed"
    encrypted = "encrypted"
    corrupt = "corrupt"
    no_text_layer = "no_text_layer"
    empty = "empty"
    too_large = "too_large"
    timeout = "timeout"
    worker_crashed = "worker_crashed"
    duplicate = "duplicate"


Table1Status = Literal["mirrored", "unmapped"]
"""Whether a document's per-study Table 1 was loaded row by row, or could not be mapped to its columns."""

BlockKind = Literal["title", "heading", "body", "caption", "table", "footnote", "header", "footer", "reference"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Block(_Frozen):
    """A run of text in reading order; `char_start:char_end` slices it out of `Document.text`."""

    page: int = Field(ge=1)
    bbox: BBox
    kind: BlockKind = "body"
    column: int = Field(default=0, description="0 = full width, else the column from the left (1, 2, 3)")
    section: Optional[str] = None
    text: str
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)


class Cell(_Frozen):
    """One table cell with wrapped lines joined by a space, characters as printed."""

    row: int = Field(ge=0)
    col: int = Field(ge=0)
    text: str
    page: int = Field(ge=1)
    bbox: Optional[BBox] = None


class Table(_Frozen):
    """A table with its caption; `rows` are data rows (header excluded), merged across page breaks."""

    table_id: str = Field(description="stable id: '<doc sha256[:12]>:<label or t<n>>'")
    label: Optional[str] = Field(default=None, description="'Table 1', 'Table 2', ... from the caption")
    caption: Optional[str] = None
    page: int = Field(ge=1, description="first page the table is on")
    pages: tuple[int, ...] = ()
    bbox: Optional[BBox] = None
    regions: tuple[tuple[int, BBox], ...] = Field(default=(), description="(page, box) of each part of the table, one per page")
    header: tuple[str, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()


class Document(_Frozen):
    """A parsed PDF: identity, status, reading-order text and tables."""

    sha256: str
    path: str
    pages: int = 0
    status: DocumentStatus
    message: str = ""
    parser_version: str
    table1_status: Optional[Table1Status] = Field(
        default=None, description="set after extraction: mirrored, or unmapped (message says why); None without a Table 1")
    doi: Optional[str] = Field(default=None, description="set after extraction: the DOI the document prints")
    title: Optional[str] = Field(default=None, description="set after extraction: the title as printed")
    text: str = ""
    blocks: tuple[Block, ...] = ()
    tables: tuple[Table, ...] = ()

    @property
    def file_name(self) -> str:
        """The file's base name, as exported in the `doc` field."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]
