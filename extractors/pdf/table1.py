"""Map a document's Table 1 (a per-study summary) onto Table1Row records by header synonyms."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from schemas.document import Document, Table
from schemas.evidence import Table1Row

TABLE1_LABEL = "Table 1"
FIELDS = ("trial", "setting", "design", "total_patients", "treatment", "main_results")


class HeaderSynonym(NamedTuple):
    """A header regex (on the casefolded header, brackets removed) that names a Table1Row field."""

    field: str
    pattern: re.Pattern
    rationale: str


# Order matters: the first matching entry wins, so specific headers come before generic ones.
HEADER_SYNONYMS: tuple[HeaderSynonym, ...] = (
    HeaderSynonym("design", re.compile(r".*\b(design|phase|study type|type of study)\b.*"),
                  "'Study Design', 'Design', 'Phase' describe the study type; checked before 'study' -> trial"),
    HeaderSynonym("setting", re.compile(r".*\b(setting|population|indication|disease status)\b.*"),
                  "'Setting', 'Patient population', 'Indication' describe who was treated"),
    HeaderSynonym("total_patients", re.compile(
        r"(total )?(no\.? (of )?)?(patients|subjects|participants|pts)( \(?n\)?)?|n|no\.?|sample size|enrolled"),
                  "'Total Patients', 'Patients', 'N', 'Sample size' give the number enrolled"),
    HeaderSynonym("treatment", re.compile(r".*\b(treatment|intervention|therapy|regimen|drug|arms?)\b.*"),
                  "'Immunotherapeutic Treatment', 'Treatment', 'Intervention', 'Regimen' name what was given"),
    HeaderSynonym("main_results", re.compile(r".*\b(results?|outcomes?|findings|efficacy|endpoints?)\b.*"),
                  "'Main Results', 'Results', 'Outcomes', 'Efficacy' hold the reported figures"),
    HeaderSynonym("trial", re.compile(r".*\b(trial|study|studies|author|reference|name)s?\b.*"),
                  "'Trial/Study [Reference]', 'Trial', 'Study', 'Author' name the study"),
)

REFERENCE_MARKER = re.compile(r"^(?P<name>.*?)\s*\[(?P<ref>\s*\d+(?:\s*[,;–—−-]\s*\d+)*\s*)\]\s*$", re.S)
"""A trailing citation marker such as [13], [23,24,25] or [5–8] on the trial cell."""


class Table1ShapeError(ValueError):
    """Raised when a document's Table 1 cannot be read as a per-study summary."""


def _normalise_header(text: str) -> str:
    text = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", text.casefold())
    text = re.sub(r"[/,;:&]+", " ", text)
    return " ".join(text.split())


def column_map(table: Table) -> dict[str, int]:
    """Field name -> column index, each field taken by the first header column that matches it."""
    mapping: dict[str, int] = {}
    for col, header in enumerate(table.header):
        normalised = _normalise_header(header)
        if not normalised:
            continue
        for synonym in HEADER_SYNONYMS:
            if synonym.field not in mapping and synonym.pattern.fullmatch(normalised):
                mapping[synonym.field] = col
                break
    return mapping


def check_table1_shape(table: Table) -> list[str]:
    """Problems that keep `table` from filling every Table1Row field; empty when it is complete."""
    mapping = column_map(table)
    problems = [f"no column for '{name}' among headers {list(table.header)!r}" for name in FIELDS
                if name not in mapping]
    if not table.rows:
        problems.append(f"{table.table_id}: no data rows")
    return problems


def find_table1(doc: Document) -> Optional[Table]:
    """The first table whose caption label is 'Table 1', wherever it is in the document."""
    return next((t for t in doc.tables if t.label == TABLE1_LABEL), None)


def split_reference(cell: str) -> tuple[str, Optional[str]]:
    """Split a trailing '[n]' marker off a trial cell: ('Tower 2017', '13')."""
    found = REFERENCE_MARKER.match(cell)
    if not found or not found.group("name").strip():
        return cell, None
    return found.group("name").strip(), found.group("ref").strip()


def _union(boxes) -> Optional[tuple[float, float, float, float]]:
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def table1_rows(doc: Document) -> list[Table1Row]:
    """Table1Row records for the data rows of the document's Table 1; [] when it has none."""
    table = find_table1(doc)
    if table is None:
        return []
    mapping = column_map(table)
    if "trial" not in mapping or len(mapping) < 2 or not table.rows:
        raise Table1ShapeError(
            f"{doc.file_name}: {table.table_id} is not a per-study summary: "
            + "; ".join(check_table1_shape(table)))
    rows = []
    for number, row in enumerate(table.rows, 1):
        def cell(name: str) -> str:
            col = mapping.get(name)
            return " ".join(row[col].text.split()) if col is not None and col < len(row) else ""

        trial, reference = split_reference(cell("trial"))
        pages = [c.page for c in row if c.text] or [row[0].page]
        rows.append(Table1Row(
            doc_sha256=doc.sha256, document=doc.file_name, table_id=table.table_id, row_number=number,
            trial=trial, reference=reference, setting=cell("setting"), design=cell("design"),
            total_patients=cell("total_patients"), treatment=cell("treatment"), main_results=cell("main_results"),
            page=min(pages), bbox=_union(c.bbox for c in row if c.page == min(pages))))
    return rows
