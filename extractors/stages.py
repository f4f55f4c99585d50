"""The pipeline's extract and summarise stage functions, free of orchestration."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

from schemas.document import Document, DocumentStatus
from schemas.dual import DualFlag
from schemas.evidence import EvidenceRecord, Table1Row
from schemas.settings import ExtractSettings

if TYPE_CHECKING:  # the extractors load spaCy (~50 MB): imported where used, so the flow's settle_table1 does not
    from extractors.nlp.ner_mentions import NerFindings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Extraction:
    """What extraction read from one document: its Table 1 rows and evidence records."""

    doc_sha256: str
    table1_rows: tuple[Table1Row, ...] = ()
    records: tuple[EvidenceRecord, ...] = ()
    notes: tuple[str, ...] = ()
    dual_flags: tuple[DualFlag, ...] = ()


def extract_document(doc: Document, settings: ExtractSettings) -> Extraction:
    """Read Table 1 rows and evidence records from one parsed document."""
    from extractors.evidence.extract import extract_evidence, sharing_steps
    from extractors.nlp.ner_mentions import current_ner
    from extractors.table1.mapping import Table1ShapeError, table1_rows

    if doc.status is not DocumentStatus.parsed:
        return Extraction(doc.sha256)
    notes: tuple[str, ...] = ()
    try:
        rows = tuple(table1_rows(doc))
    except Table1ShapeError as exc:  # e.g. a trial report's baseline table: read as an ordinary table instead
        rows, notes = (), (f"Table 1 not mirrored: {exc}",)
    try:
        with sharing_steps(doc):  # both passes share the work that does not depend on the NER
            records = tuple(extract_evidence(doc, rows, settings))
            flags = tuple(dual_extraction_flags(doc, rows, records, settings, ner=current_ner()))
    except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the run
        log.warning("evidence extraction failed on %s", doc.file_name, exc_info=True)
        return Extraction(doc.sha256, rows, (), notes + (f"{doc.file_name}: evidence extraction failed: "
                                                         f"{type(exc).__name__}: {exc}",))
    return Extraction(doc.sha256, rows, records, notes, flags)


def dual_extraction_flags(doc: Document, rows: Sequence[Table1Row], records: Sequence[EvidenceRecord],
                          settings: ExtractSettings, ner: Optional[NerFindings] = None) -> list[DualFlag]:
    """Numbers the full pass and a rules-only pass (NER off) read apart; none when either setting is off.

    `ner` holds the names the NER gave the full pass: when it found none, every NER hook was a no-op and the
    rules-only pass would read exactly the full pass's records, so it is not run.
    """
    from extractors.evidence.dual import compare_passes
    from extractors.evidence.extract import extract_evidence

    if not (settings.dual_extraction and settings.use_ner):
        return []
    if ner is not None and ner.document == doc.text and not ner.trial_names and not ner.drug_names:
        return compare_passes(records, records)
    rules_only = extract_evidence(doc, rows, settings.model_copy(update={"use_ner": False}))
    return compare_passes(records, rules_only)


@dataclass(frozen=True)
class Table1Outcome:
    """The batch after documents whose Table 1 cannot be mirrored lost their Table 1 rows and table records."""

    documents: list[Document]
    table1_rows: list[Table1Row]
    records: list[EvidenceRecord]
    notes: list[str]


def settle_table1(documents: Sequence[Document], table1_rows: Sequence[Table1Row],
                  records: Sequence[EvidenceRecord], unmapped: dict[str, list[str]]) -> Table1Outcome:
    """Mark each document's Table 1 mirrored or unmapped; an unmapped one keeps its body records and gets a note."""
    with_rows = {r.doc_sha256 for r in table1_rows}
    unmapped_tables = {r.table_id for r in table1_rows if r.doc_sha256 in unmapped}
    settled, notes = [], []
    for doc in documents:
        if doc.status is DocumentStatus.parsed and doc.sha256 in unmapped:
            note = f"Table 1 not loaded, its columns could not be mapped: {'; '.join(unmapped[doc.sha256])}"
            notes.append(f"{doc.file_name}: {note}")
            message = f"{doc.message} {note}".strip()
            doc = doc.model_copy(update={"table1_status": "unmapped", "message": message})
        elif doc.status is DocumentStatus.parsed and doc.sha256 in with_rows:
            doc = doc.model_copy(update={"table1_status": "mirrored"})
        settled.append(doc)
    return Table1Outcome(
        settled, [r for r in table1_rows if r.doc_sha256 not in unmapped],
        [r for r in records if not (r.doc_sha256 in unmapped and r.table_id in unmapped_tables)], notes)


def with_document_meta(doc: Document) -> Document:
    """The document with the DOI and title it prints (what tells a new version of a paper), if it was parsed."""
    from extractors.doc_meta import document_meta

    if doc.status is not DocumentStatus.parsed:
        return doc
    meta = document_meta(doc)
    return doc.model_copy(update={"doi": meta.doi, "title": meta.title})
