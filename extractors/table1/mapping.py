"""Map a document's Table 1 (a per-study summary) onto Table1Row records by header synonyms, cell content and position."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional, Sequence

from extractors.table1.counts import EMBEDDED_COUNT, patient_counts
from schemas.document import Document, Table
from schemas.evidence import Table1Count, Table1Row

TABLE1_LABEL = "Table 1"
FIELDS = ("trial", "setting", "design", "total_patients", "treatment", "main_results")
PATIENTS = "patients"
"""Pseudo-role of a header that only says 'Patients': the cells decide whether it is a count, a population or both."""


class HeaderSynonym(NamedTuple):
    """A header regex (on one casefolded part of a header, brackets removed) that names a Table1Row field."""

    field: str
    pattern: re.Pattern
    rationale: str


# Order matters: the first matching entry wins for a header part, so specific headers come before generic ones.
HEADER_SYNONYMS: tuple[HeaderSynonym, ...] = (
    HeaderSynonym("design", re.compile(r".*\b(design|phase|study type|type of study)\b.*"),
                  "'Study Design', 'Design', 'Phase' describe the study type; checked before 'study' -> trial"),
    HeaderSynonym("setting", re.compile(r".*\b(setting|population|indication|disease status|line of therapy)\b.*"),
                  "'Setting', 'Patient population', 'Indication' describe who was treated"),
    HeaderSynonym("total_patients", re.compile(
        r"(total|number of|no\.?( of)?) (patients|subjects|participants|pts)|n|no\.?|sample size|enrolled|enrolment|"
        r"enrollment|(patients|pts) (enrolled|treated|randomi[sz]ed|infused)"),
                  "'Total Patients', 'No. of patients', 'N', 'Sample size' give the number enrolled"),
    HeaderSynonym(PATIENTS, re.compile(r"(patients|subjects|participants|pts)"),
                  "a bare 'Patients' header holds a count, a population or both: the cells decide"),
    HeaderSynonym("treatment", re.compile(
        r".*\b(treatment|intervention|therapy|regimen|drug|arms?|product|agent|immunotherap\w*|car[- ]?t?)\b.*"),
                  "'Immunotherapeutic Treatment', 'Treatment', 'Regimen', 'Product' name what was given"),
    HeaderSynonym("main_results", re.compile(r".*\b(results?|outcomes?|findings|efficacy|endpoints?|response)\b.*"),
                  "'Main Results', 'Results', 'Outcomes', 'Efficacy' hold the reported figures"),
    HeaderSynonym("trial", re.compile(r".*\b(trial|study|studies|author|reference|ref|name)s?\b.*"),
                  "'Trial/Study [Reference]', 'Trial (ref.)', 'Study', 'Author' name the study"),
)

HEADER_PART_SPLIT = re.compile(r"\s*(?:/|;|&|\+|,|\band\b)\s*")
"""A merged header such as 'Design / patients (n)' names one role per part."""

COUNT_CELL = re.compile(r"^\s*(?:n\s*=\s*)?\d[\d,]*\s*(?:\(.*\))?\s*$", re.I)
"""A cell that is a patient count as printed: '268', 'n = 79', '97 (79 infused)'."""
PERCENT = re.compile(r"\d\s*%")
"""Results cells carry percentages; used to find an unlabelled results column."""

REFERENCE_MARKER = re.compile(r"^(?P<name>.*?)\s*\[(?P<ref>\s*\d+(?:\s*[,;–—−-]\s*\d+)*\s*)\]\s*$", re.S)
"""A trailing citation marker such as [13], [23,24,25] or [5–8] on the trial cell."""


class Table1ShapeError(ValueError):
    """Raised when a document's Table 1 cannot be read as a per-study summary."""


def _normalise_header(text: str) -> str:
    text = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", text.casefold())
    text = re.sub(r"[:.]+$", "", text.strip())
    return " ".join(text.split())


def header_roles(header: str) -> list[str]:
    """Roles a header names, one per part of a merged header, in the order printed."""
    roles: list[str] = []
    for part in HEADER_PART_SPLIT.split(_normalise_header(header)):
        part = part.strip()
        role = next((s.field for s in HEADER_SYNONYMS if part and s.pattern.fullmatch(part)), None)
        if role and role not in roles:
            roles.append(role)
    return roles


def _column_cells(table: Table, col: int) -> list[str]:
    return [" ".join(row[col].text.split()) for row in table.rows if col < len(row) and row[col].text.strip()]


def _patients_roles(cells: Sequence[str]) -> list[str]:
    """A bare 'Patients' column: counts -> total_patients, descriptions -> setting, descriptions with counts -> both."""
    if cells and all(COUNT_CELL.match(c) for c in cells):
        return ["total_patients"]
    if cells and sum(bool(EMBEDDED_COUNT.pattern.search(c)) for c in cells) * 2 > len(cells):
        return ["setting", "total_patients"]
    return ["setting"]


def column_roles(table: Table) -> dict[str, int]:
    """Role -> column index: headers by synonym (a merged header may take several), then content and position."""
    mapping: dict[str, int] = {}
    for col, header in enumerate(table.header):
        roles = header_roles(header)
        if PATIENTS in roles:
            at = roles.index(PATIENTS)
            roles[at:at + 1] = _patients_roles(_column_cells(table, col))
        for role in roles:
            mapping.setdefault(role, col)
    free = [c for c in range(len(table.header)) if c not in mapping.values()]
    if "trial" not in mapping:  # an unlabelled study column is the one whose cells cite references
        cited = [c for c in free if sum(bool(REFERENCE_MARKER.match(x)) for x in _column_cells(table, c)) * 2
                 > max(1, len(table.rows))]
        if cited:
            mapping["trial"] = cited[0]
            free.remove(cited[0])
    if "main_results" not in mapping and free:  # an unlabelled results column is the one with the percentages
        best = max(free, key=lambda c: sum(len(PERCENT.findall(x)) for x in _column_cells(table, c)))
        if any(PERCENT.search(x) for x in _column_cells(table, best)):
            mapping["main_results"] = best
    return mapping


def column_map(table: Table) -> dict[str, int]:
    """Field name -> column index for the six Table1Row fields (several fields may share a merged column)."""
    return {role: col for role, col in column_roles(table).items() if role in FIELDS}


def extra_columns(table: Table) -> list[int]:
    """Columns that map to no role, kept as extra cells."""
    used = set(column_map(table).values())
    return [c for c in range(len(table.header)) if c not in used]


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
    extras = extra_columns(table)
    merged = mapping.get("total_patients") in (mapping.get("setting"), mapping.get("design"))
    rows = []
    for number, row in enumerate(table.rows, 1):
        def cell(name: str) -> str:
            col = mapping.get(name)
            return " ".join(row[col].text.split()) if col is not None and col < len(row) else ""

        trial, reference = split_reference(cell("trial"))
        counts = tuple(Table1Count(value=c.value, arm=c.arm, char_start=c.start, char_end=c.end)
                       for c in patient_counts(cell("total_patients"), merged=merged))
        pages = [c.page for c in row if c.text] or [row[0].page]
        rows.append(Table1Row(
            doc_sha256=doc.sha256, document=doc.file_name, table_id=table.table_id, row_number=number,
            trial=trial, reference=reference, setting=cell("setting"), design=cell("design"),
            total_patients=cell("total_patients"), treatment=cell("treatment"), main_results=cell("main_results"),
            extra_cells={" ".join(table.header[c].split()): " ".join(row[c].text.split())
                         for c in extras if c < len(row)},
            patient_counts=counts,
            page=min(pages), bbox=_union(c.bbox for c in row if c.page == min(pages))))
    return rows
