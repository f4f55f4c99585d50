"""One declaration per warehouse table: columns, types, comments, column checks and named cross-field rules."""
from __future__ import annotations

from typing import NamedTuple, get_args

from schemas.checks import (
    AllowedValues, AtMost, Check, DerivedColumn, Equals, InRange, InRunParameter, IsMissing, IsPresent, IsTrue,
    MatchesRegex, OneOf, Rule,
)
from schemas.document import DocumentStatus, Table1Status
from schemas.dual import DualFlagKind
from schemas.evidence import SPAN_BASE_OF_SOURCE, TIME_TO_EVENT_ENDPOINTS, Endpoint, Source, SpanBase, Statistic, Unit

COMPETING_RISK_ENDPOINTS: tuple[str, ...] = (Endpoint.NRM.value, Endpoint.GVHD.value, Endpoint.VOD.value)
"""Cumulative incidences under competing risks: rates over a time, compared between arms by a hazard ratio."""
HAZARD_RATIO_ENDPOINTS: tuple[str, ...] = TIME_TO_EVENT_ENDPOINTS + COMPETING_RISK_ENDPOINTS
"""Endpoints a hazard ratio may carry (GUIDE.md lists an NRM hazard ratio in the development reports' gold)."""

ENDPOINTS: tuple[str, ...] = tuple(e.value for e in Endpoint)
STATISTICS: tuple[str, ...] = get_args(Statistic)
UNITS: tuple[str, ...] = tuple(v for arg in get_args(Unit) for v in get_args(arg))
SOURCES: tuple[str, ...] = get_args(Source)
SPAN_BASES: tuple[str, ...] = get_args(SpanBase)
DOCUMENT_STATUSES: tuple[str, ...] = tuple(s.value for s in DocumentStatus)
RUN_STATUSES: tuple[str, ...] = ("running", "completed", "failed", "interrupted")
TABLE1_STATUSES: tuple[str, ...] = get_args(Table1Status)

SHA256_HEX = r"^[0-9a-f]{64}$"
NCT_NUMBER = r"^NCT[0-9]{8}$"
TIMEPOINT = r"^([0-9]+(\.[0-9]+)?(d|wk|mo|y)|[0-9]+cycles|cycle[0-9]+|d[0-9]+|EOI|EOT)$"
CITATION_LIST = r"^[0-9]+(\s*[,;–—−-]\s*[0-9]+)*$"
NON_BLANK = r"\S"
COMPARES_ARMS = r"\b(vs\.?|versus|compared (with|to))\b"


class ColumnDecl(NamedTuple):
    """One column: DuckDB type, comment, nullability and unconditional checks."""

    name: str
    type: str
    comment: str
    nullable: bool = True
    checks: tuple[Check, ...] = ()
    set_by_loader: bool = False


class TableDecl(NamedTuple):
    """One warehouse table: its columns, key, derived helper columns and cross-field rules."""

    name: str
    comment: str
    columns: tuple[ColumnDecl, ...]
    primary_key: tuple[str, ...]
    derived: tuple[DerivedColumn, ...] = ()
    rules: tuple[Rule, ...] = ()
    indexed_key: bool = True
    """False: the key is kept unique by the loader (anti-joins), with no PRIMARY KEY index; for tables that grow with
    every run, whose key index DuckDB rewrites at every checkpoint (the load's memory grew with the warehouse)."""

    def column(self, name: str) -> ColumnDecl:
        """The declared column called `name`."""
        return next(c for c in self.columns if c.name == name)

    @property
    def record_columns(self) -> tuple[ColumnDecl, ...]:
        """Columns that come from the records themselves (not stamped by the loader)."""
        return tuple(c for c in self.columns if not c.set_by_loader)


def _col(name: str, type_: str, comment: str, *checks: Check, nullable: bool = True,
         loader: bool = False) -> ColumnDecl:
    return ColumnDecl(name, type_, comment, nullable, tuple(checks), loader)


def _run_lineage(noun: str) -> tuple[ColumnDecl, ...]:
    return (
        _col("first_run_id", "VARCHAR", f"run that first loaded this {noun}", loader=True),
        _col("last_run_id", "VARCHAR", f"latest run that produced this {noun}", loader=True),
    )


_BBOX_IS_BOX = DerivedColumn(
    "bbox_is_box", "bbox IS NULL OR len(bbox) = 4",
    "a bounding box is (x0, top, x1, bottom); any other length is a serialisation bug")

_BBOX_RULE = Rule(
    "bbox_has_four_coordinates", "bbox_is_box", IsTrue(), None,
    "bbox {bbox} does not have four coordinates", _BBOX_IS_BOX.rationale)


RUNS = TableDecl(
    "runs", "One row per pipeline run: when, which code, which corpus, what it counted and how it ended.",
    (
        _col("run_id", "VARCHAR", "pipeline run id (primary key)", nullable=False),
        _col("flow_run_id", "VARCHAR", "Prefect flow-run id, when run under Prefect"),
        _col("started_at", "TIMESTAMP", "UTC time the run started", nullable=False),
        _col("finished_at", "TIMESTAMP", "UTC time the run ended; null while running"),
        _col("status", "VARCHAR", "running, completed, failed, or interrupted: left running by a process that ended "
             "between batches, as the next run to take the warehouse lock found (see pid)", AllowedValues(RUN_STATUSES),
             nullable=False),
        _col("code_version", "VARCHAR", "package version or git revision of the code"),
        _col("corpus", "VARCHAR", "corpus folders the run read, as given"),
        _col("n_documents", "INTEGER", "PDF files found", InRange(min=0)),
        _col("n_parsed", "INTEGER", "documents with status parsed", InRange(min=0)),
        _col("n_table1_rows", "INTEGER", "Table 1 rows extracted", InRange(min=0)),
        _col("n_records_loaded", "INTEGER", "evidence records that passed validation", InRange(min=0)),
        _col("n_records_rejected", "INTEGER", "evidence records quarantined in rejected_records", InRange(min=0)),
        _col("validation_seconds", "DOUBLE", "wall time of the validate stage", InRange(min=0)),
        _col("data_docs_path", "VARCHAR", "index.html of the Great Expectations Data Docs for this run"),
        _col("message", "VARCHAR", "why the run failed, or a summary"),
        _col("n_skipped", "INTEGER", "documents found unchanged since they were last loaded (same bytes at the same "
             "path, same parser and extractor versions), so not read again; counted in n_documents"),
        _col("pid", "INTEGER", "process id of the `evidence run` that wrote the row; a running row whose process no "
             "longer exists is marked interrupted by the next run (null for runs recorded before it was kept)"),
    ),
    primary_key=("run_id",),
    rules=(
        Rule("finished_after_start", "started_at", AtMost("finished_at"), None,
             "started_at {started_at} is after finished_at {finished_at}",
             "a run cannot end before it starts; a clock or bookkeeping bug otherwise"),
        Rule("parsed_at_most_found", "n_parsed", AtMost("n_documents"), None,
             "n_parsed {n_parsed} exceeds n_documents {n_documents}",
             "every parsed document is one of the documents found"),
    ),
)

DOCUMENTS = TableDecl(
    "documents", "One row per PDF file seen: identity, ingest status and the runs that saw it.",
    (
        _col("sha256", "VARCHAR", "sha256 of the file bytes", MatchesRegex(SHA256_HEX), nullable=False),
        _col("path", "VARCHAR", "path of the file as found", nullable=False),
        _col("file_name", "VARCHAR", "base name of the file; the doc field of evidence records",
             MatchesRegex(NON_BLANK), nullable=False),
        _col("pages", "INTEGER", "page count (0 when the file could not be opened)", InRange(min=0)),
        _col("status", "VARCHAR", "ingest outcome: " + ", ".join(DOCUMENT_STATUSES),
             AllowedValues(DOCUMENT_STATUSES), nullable=False),
        _col("message", "VARCHAR", "why the status is not parsed, in words"),
        _col("parser_version", "VARCHAR", "version of the PDF parser that read the file"),
        _col("table1_status", "VARCHAR", "mirrored (Table 1 loaded row by row), unmapped (its columns could not be "
             "mapped; message says why) or null (no per-study Table 1)", AllowedValues(TABLE1_STATUSES)),
        *_run_lineage("document"),
        _col("doi", "VARCHAR", "DOI printed in the document's front matter, lower case (extractors/doc_meta.py); "
             "null when none"),
        _col("title", "VARCHAR", "title as printed (its title blocks), spaces collapsed; null without a title block"),
        _col("superseded_by", "VARCHAR", "path of the newer file of the same work (same DOI, or same long title) "
             "that superseded this file's readings; null unless superseded so", loader=True),
    ),
    primary_key=("sha256", "path"),
)

_TABLE1_CELL = "cell text as printed, wrapped lines joined by a space"

TABLE1_ROWS = TableDecl(
    "table1_rows", "One row per data row of each document's Table 1, cells as printed.",
    (
        _col("row_id", "VARCHAR", "content hash of the row (primary key)", MatchesRegex(SHA256_HEX), nullable=False),
        _col("doc_sha256", "VARCHAR", "sha256 of the source PDF", MatchesRegex(SHA256_HEX), nullable=False),
        _col("document", "VARCHAR", "file name of the source PDF", nullable=False),
        _col("table_id", "VARCHAR", "id of the source table: '<doc sha256[:12]>:<label>'", nullable=False),
        _col("row_number", "INTEGER", "1-based data-row number in printed order", InRange(min=1), nullable=False),
        _col("trial", "VARCHAR", f"Trial cell without its [..] marker; {_TABLE1_CELL}", MatchesRegex(NON_BLANK),
             nullable=False),
        _col("reference", "VARCHAR", "content of the Trial cell's [..] marker, e.g. 23,24,25",
             MatchesRegex(CITATION_LIST)),
        _col("setting", "VARCHAR", f"Setting cell; {_TABLE1_CELL}; may be empty", nullable=False),
        _col("design", "VARCHAR", f"Design cell; {_TABLE1_CELL}; may be empty", nullable=False),
        _col("total_patients", "VARCHAR", f"Total Patients cell; {_TABLE1_CELL}; may be empty", nullable=False),
        _col("treatment", "VARCHAR", f"Treatment cell; {_TABLE1_CELL}; may be empty", nullable=False),
        _col("main_results", "VARCHAR", f"Main Results cell; {_TABLE1_CELL}; may be empty", nullable=False),
        _col("extra_cells", "JSON", "cells of columns that map to no role, as a JSON object: header as printed -> cell"),
        _col("patient_counts", "JSON", "patient counts read from the total-patients cell, as a JSON list of "
             "{value, arm, char_start, char_end}; arm null counts all patients"),
        _col("page", "INTEGER", "page the row starts on", InRange(min=1), nullable=False),
        _col("bbox", "DOUBLE[]", "row bounding box (x0, top, x1, bottom) in PDF points"),
        *_run_lineage("row"),
        _col("is_current", "BOOLEAN", "true when the latest run that read the document produced this row",
             nullable=False, loader=True),
    ),
    primary_key=("row_id",),
    derived=(_BBOX_IS_BOX,),
    rules=(_BBOX_RULE,),
)

_VALUE_TEXT_IN_QUOTE = DerivedColumn(
    "value_text_in_quote", "value_text IS NULL OR strpos(quote, value_text) > 0",
    "a quote is evidence only if the number as printed occurs in it")
_COMPARES_ARMS = DerivedColumn(
    "compares_arms", f"statistic <> 'count' AND regexp_matches(quote, '{COMPARES_ARMS}', 'i')",
    "a result quoted against another arm belongs to one arm; head counts often cover the whole trial")
_VALUE_IS_WHOLE = DerivedColumn(
    "value_is_whole", "value = round(value)", "a head count has no fraction")
_TEXT_LANDMARK = DerivedColumn(
    "text_landmark", "statistic = 'landmark' AND source <> 'table'",
    "a landmark read from text names its time; a table may print one without (the body gives it, v_table1_sync)")
TABLE1_EXTRACTOR_PREFIX = "table1:"
"""Extractor-id prefix of facts read from a review's Table 1 (one study per row), as opposed to a report's own tables."""
_REVIEW_TABLE1_FACT = DerivedColumn(
    "review_table1_fact", f"source = 'table' AND starts_with(extractor, '{TABLE1_EXTRACTOR_PREFIX}')",
    "a fact read from a review's Table 1 row, whose study column names the trial (a report's tables need not)")
_DOC_REF = DerivedColumn(
    "doc_ref", "doc_sha256 || '|' || doc", "file hash and file name together identify the source document")

FACT_RULES: tuple[Rule, ...] = (
    Rule("percent_within_0_100", "value", InRange(0, 100), Equals("unit", "%"),
         "value {value} out of range 0–100 for unit %", "a share of patients cannot exceed 100% or be negative"),
    Rule("months_within_0_240", "value", InRange(0, 240), Equals("unit", "months"),
         "value {value} out of range 0–240 for unit months",
         "no trial follows patients for more than 20 years; larger numbers are misread years or counts"),
    Rule("hazard_ratio_positive", "value", InRange(min=0, strict_min=True), Equals("statistic", "hazard_ratio"),
         "hazard ratio {value} is not > 0", "a hazard ratio is a ratio of positive rates"),
    Rule("hazard_ratio_unitless", "unit", IsMissing(), Equals("statistic", "hazard_ratio"),
         "hazard ratio has unit {unit}; expected none", "a hazard ratio is dimensionless"),
    Rule("count_unitless", "unit", IsMissing(), Equals("statistic", "count"),
         "count has unit {unit}; expected none", "a head count is a number of patients, not a share or a time"),
    Rule("count_nonnegative", "value", InRange(min=0), Equals("statistic", "count"),
         "count {value} is negative", "a head count cannot be negative"),
    Rule("count_whole", _VALUE_IS_WHOLE.name, IsTrue(), Equals("statistic", "count"),
         "count {value} is not a whole number", _VALUE_IS_WHOLE.rationale),
    Rule("enrolled_is_count", "statistic", AllowedValues(("count",)), Equals("endpoint", "ENROLLED"),
         "endpoint ENROLLED has statistic {statistic}; expected count",
         "enrolment is reported as a number of patients"),
    Rule("median_in_months", "unit", AllowedValues(("months",)), Equals("statistic", "median"),
         "median has unit {unit}; expected months or none", "medians of time-to-event endpoints are durations"),
    Rule("rate_in_percent", "unit", AllowedValues(("%",)), OneOf("statistic", ("rate", "landmark")),
         "{statistic} has unit {unit}; expected %", "rates and landmark estimates are shares of patients"),
    Rule("rate_has_unit", "unit", IsPresent(), OneOf("statistic", ("rate", "landmark")),
         "{statistic} {value} has no unit; expected %", "a rate without its % sign was probably misread"),
    Rule("time_to_event_statistic", "endpoint", AllowedValues(TIME_TO_EVENT_ENDPOINTS),
         Equals("statistic", "median"),
         "{statistic} reported for endpoint {endpoint}; only " + ", ".join(TIME_TO_EVENT_ENDPOINTS) + " have one",
         "medians summarise time-to-event endpoints, not response rates, cumulative incidences or counts"),
    Rule("hazard_ratio_endpoint", "endpoint", AllowedValues(HAZARD_RATIO_ENDPOINTS),
         Equals("statistic", "hazard_ratio"),
         "{statistic} reported for endpoint {endpoint}; only " + ", ".join(HAZARD_RATIO_ENDPOINTS) + " have one",
         "hazard ratios compare times to an event, including competing-risk incidences (NRM, GVHD, VOD: a "
         "subdistribution hazard ratio); never response rates or counts"),
    Rule("landmark_has_timepoint", "timepoint", IsPresent(), Equals(_TEXT_LANDMARK.name, True),
         "landmark {endpoint} {value} has no timepoint", "a landmark estimate in the text is meaningless without its "
         "time; a table's is kept as printed (gold README: its time point comes from the body)"),
    Rule("timepoint_only_for_landmark_or_rate", "timepoint", IsMissing(), OneOf("statistic", ("median", "hazard_ratio", "count")),
         "timepoint {timepoint} given for statistic {statistic}; only landmarks and rates have one",
         "a landmark has its time and a rate its assessment window (12wk, cycle1, EOI); medians, ratios and counts have none"),
    Rule("ci_low_at_most_value", "ci_low", AtMost("value"), None,
         "confidence interval {ci_low}–{ci_high} does not contain value {value}",
         "a point estimate lies inside its confidence interval"),
    Rule("value_at_most_ci_high", "value", AtMost("ci_high"), None,
         "confidence interval {ci_low}–{ci_high} does not contain value {value}",
         "a point estimate lies inside its confidence interval"),
    Rule("value_text_in_quote", _VALUE_TEXT_IN_QUOTE.name, IsTrue(), None,
         "quote does not contain value_text {value_text}", _VALUE_TEXT_IN_QUOTE.rationale),
    Rule("comparative_quote_has_arm", "arm", IsPresent(), Equals(_COMPARES_ARMS.name, True),
         "quote compares arms but arm is missing", _COMPARES_ARMS.rationale),
    Rule("table_fact_has_trial", "trial", IsPresent(), Equals(_REVIEW_TABLE1_FACT.name, True),
         "review Table 1 fact has no trial", "every review Table 1 row names its trial, so its facts must carry it; "
         "a report's results table may describe an unnamed study (GUIDE.md: trial null)"),
    *(Rule(f"{source}_span_base", "span_base", AllowedValues((base,)), Equals("source", source),
           f"{source} fact has span_base {{span_base}}; expected {base}",
           f"a {source} record's offsets count from its {base} text") for source, base in SPAN_BASE_OF_SOURCE.items()),
    Rule("table_fact_has_table_id", "table_id", IsPresent(), Equals("source", "table"),
         "table fact has no table_id", "provenance of a table fact is its table and cell"),
    Rule("char_span_ordered", "char_start", AtMost("char_end"), None,
         "char_start {char_start} is after char_end {char_end}", "a span cannot end before it starts"),
    _BBOX_RULE,
    Rule("doc_in_run", _DOC_REF.name, InRunParameter("run_documents"), None,
         "document {doc} ({doc_sha256}) is not among the run's parsed documents",
         "every fact must point at a document this run parsed, or its provenance is dangling"),
)

FACT_EVIDENCE = TableDecl(
    "fact_evidence", "One row per extracted evidence record: the export fields, then provenance and run lineage.",
    (
        _col("record_id", "VARCHAR", "content hash of source location and reading (the table's key)",
             MatchesRegex(SHA256_HEX), nullable=False),
        _col("doc", "VARCHAR", "file name of the source PDF", nullable=False),
        _col("trial", "VARCHAR", "trial name as the source names it, or null for an unnamed study",
             MatchesRegex(NON_BLANK)),
        _col("nct", "VARCHAR", "ClinicalTrials.gov number without spaces", MatchesRegex(NCT_NUMBER)),
        _col("endpoint", "VARCHAR", "endpoint code: " + ", ".join(ENDPOINTS), AllowedValues(ENDPOINTS),
             nullable=False),
        _col("arm", "VARCHAR", "treatment arm, or null for a whole single-arm cohort", MatchesRegex(NON_BLANK)),
        _col("value", "DOUBLE", "the reported number", nullable=False),
        _col("unit", "VARCHAR", "%, months, or null", AllowedValues(UNITS)),
        _col("statistic", "VARCHAR", "what the value is: " + ", ".join(STATISTICS), AllowedValues(STATISTICS),
             nullable=False),
        _col("timepoint", "VARCHAR", "landmark time (6mo, 2y) or a rate's assessment window (12wk, cycle1, 2cycles, EOI, EOT, d85)",
             MatchesRegex(TIMEPOINT)),
        _col("ci_low", "DOUBLE", "lower bound of the confidence interval"),
        _col("ci_high", "DOUBLE", "upper bound of the confidence interval"),
        _col("p_value", "DOUBLE", "p-value reported with the result", InRange(0, 1)),
        _col("page", "INTEGER", "1-based page of the quote", InRange(min=1), nullable=False),
        _col("quote", "VARCHAR", "source text span holding the value and its endpoint", MatchesRegex(NON_BLANK),
             nullable=False),
        _col("source", "VARCHAR", "body or table", AllowedValues(SOURCES), nullable=False),
        _col("doc_sha256", "VARCHAR", "sha256 of the source PDF", MatchesRegex(SHA256_HEX), nullable=False),
        _col("value_text", "VARCHAR", "the number as printed, e.g. 34 or two-thirds", MatchesRegex(NON_BLANK),
             nullable=False),
        _col("char_start", "INTEGER", "start of value_text in the text span_base names", InRange(min=0), nullable=False),
        _col("char_end", "INTEGER", "end of value_text in the text span_base names", InRange(min=0), nullable=False),
        _col("quote_start", "INTEGER", "start of quote in the text span_base names", InRange(min=0), nullable=False),
        _col("span_base", "VARCHAR", "what the offsets count from: document (the document text, body records) or "
             "cell (the table cell's text, table records)", AllowedValues(SPAN_BASES), nullable=False),
        _col("bbox", "DOUBLE[]", "bounding box of the value (x0, top, x1, bottom) in PDF points"),
        _col("table_id", "VARCHAR", "source table id when source is table"),
        _col("table_row", "INTEGER", "1-based data-row number in the source table (Table 1: v_table1.row_number)",
             InRange(min=1)),
        _col("table_col", "INTEGER", "0-based column index in the source table", InRange(min=0)),
        _col("extractor", "VARCHAR", "id of the rule or model that produced the record", MatchesRegex(NON_BLANK),
             nullable=False),
        _col("extractor_version", "VARCHAR", "version of that rule or model", nullable=False),
        *_run_lineage("record"),
        _col("is_current", "BOOLEAN", "true when the latest run that read the document produced this record",
             nullable=False, loader=True),
    ),
    primary_key=("record_id",),
    indexed_key=False,
    derived=(_VALUE_TEXT_IN_QUOTE, _COMPARES_ARMS, _VALUE_IS_WHOLE, _DOC_REF, _TEXT_LANDMARK, _BBOX_IS_BOX,
             _REVIEW_TABLE1_FACT),
    rules=FACT_RULES,
)

RUN_FACTS = TableDecl(
    "run_facts", "Which evidence records each run produced; run diffs are set differences of this table.",
    (
        _col("run_id", "VARCHAR", "pipeline run id", nullable=False),
        _col("record_id", "VARCHAR", "fact_evidence.record_id the run produced", MatchesRegex(SHA256_HEX),
             nullable=False),
    ),
    primary_key=("run_id", "record_id"),
    indexed_key=False,
)

RUN_DOCUMENTS = TableDecl(
    "run_documents", "Which parsed documents each run read, so a run that found no records for a document still counts.",
    (
        _col("run_id", "VARCHAR", "pipeline run id", nullable=False),
        _col("doc_sha256", "VARCHAR", "sha256 of a document the run parsed", MatchesRegex(SHA256_HEX),
             nullable=False),
        _col("path", "VARCHAR", "path at which the run parsed it (a document is its path plus its content)",
             nullable=False),
    ),
    primary_key=("run_id", "doc_sha256", "path"),
)

REJECTED_RECORDS = TableDecl(
    "rejected_records", "Evidence records that failed validation, kept with their reasons and provenance.",
    (
        _col("reject_id", "VARCHAR", "content hash of payload and reasons (primary key)", MatchesRegex(SHA256_HEX),
             nullable=False),
        _col("run_id", "VARCHAR", "run that rejected the record"),
        _col("doc", "VARCHAR", "file name of the source PDF"),
        _col("doc_sha256", "VARCHAR", "sha256 of the source PDF"),
        _col("page", "INTEGER", "page of the quote"),
        _col("source", "VARCHAR", "body or table"),
        _col("extractor", "VARCHAR", "id of the rule or model that produced the record"),
        _col("quote", "VARCHAR", "source text span of the record"),
        _col("payload", "JSON", "the whole record as JSON"),
        _col("reasons", "VARCHAR[]", "one readable line per failed check", nullable=False),
        *_run_lineage("rejection"),
    ),
    primary_key=("reject_id",),
    derived=(DerivedColumn("has_reasons", "len(reasons) > 0", "a rejection without a reason cannot be acted on"),),
    rules=(Rule("rejection_has_reason", "has_reasons", IsTrue(), None, "rejection has no reason",
                "a rejection without a reason cannot be acted on"),),
)

CURATION_ACTIONS: tuple[str, ...] = ("accept", "reject", "correct", "note")
TABLE1_CELL_COLUMNS: tuple[str, ...] = ("trial", "reference", "setting", "design", "total_patients", "treatment",
                                        "main_results", "extra_cells")


def _validity(noun: str) -> tuple[ColumnDecl, ...]:
    return (
        _col("valid_from_run", "VARCHAR", f"run that first produced this version of the {noun}", nullable=False),
        _col("valid_to_run", "VARCHAR", f"first run in which this version of the {noun} was no longer current "
             "(changed, gone from its re-read document, or its file removed); null while current"),
    )


FACT_VERSIONS = TableDecl(
    "fact_versions", "Version history of each evidence fact: one row per (fact identity, version) span of runs; "
    "nothing is deleted. Identity and version are defined in warehouse/history.py and docs/warehouse.md.",
    (
        _col("fact_key", "VARCHAR", "stable identity of the fact: content hash of document path, source, table and "
             "cell (table facts), trial (body facts), endpoint, arm, statistic, timepoint and its ordinal among "
             "facts sharing all of those", MatchesRegex(SHA256_HEX), nullable=False),
        _col("version_id", "VARCHAR", "content hash of the fact_key and what was read: value, value_text, unit, CI, "
             "p-value, NCT, trial and quote", MatchesRegex(SHA256_HEX), nullable=False),
        *_validity("fact"),
        _col("record_id", "VARCHAR", "fact_evidence row holding this version's reading (the latest that gave it)",
             MatchesRegex(SHA256_HEX), nullable=False),
        _col("path", "VARCHAR", "path of the source PDF (a new file at the same path is a new version of it)",
             nullable=False),
        _col("doc", "VARCHAR", "file name of the source PDF", nullable=False),
        _col("doc_sha256", "VARCHAR", "sha256 of the file this version was read from", MatchesRegex(SHA256_HEX),
             nullable=False),
    ),
    primary_key=("fact_key", "valid_from_run"),
    indexed_key=False,
)

TABLE1_CELL_VERSIONS = TableDecl(
    "table1_cell_versions", "Version history of each Table 1 cell's text: one row per (cell identity, text) span "
    "of runs; a fixed typo is a new version. Nothing is deleted.",
    (
        _col("cell_key", "VARCHAR", "stable identity of the cell: content hash of document path, table label, "
             "row number and column", MatchesRegex(SHA256_HEX), nullable=False),
        _col("version_id", "VARCHAR", "content hash of cell_key and the cell text", MatchesRegex(SHA256_HEX),
             nullable=False),
        *_validity("cell"),
        _col("path", "VARCHAR", "path of the source PDF", nullable=False),
        _col("document", "VARCHAR", "file name of the source PDF", nullable=False),
        _col("doc_sha256", "VARCHAR", "sha256 of the file this version was read from", MatchesRegex(SHA256_HEX),
             nullable=False),
        _col("table_label", "VARCHAR", "label of the table within the document, e.g. Table 1", nullable=False),
        _col("row_number", "INTEGER", "1-based data-row number (v_table1.row_number)", InRange(min=1),
             nullable=False),
        _col("column_name", "VARCHAR", "v_table1 column of the cell: " + ", ".join(TABLE1_CELL_COLUMNS),
             AllowedValues(TABLE1_CELL_COLUMNS), nullable=False),
        _col("text", "VARCHAR", "cell text as printed (extra_cells: its JSON object); null for an absent reference "
             "or no extra cells"),
        _col("row_id", "VARCHAR", "table1_rows row holding this version (the latest that gave it)",
             MatchesRegex(SHA256_HEX), nullable=False),
        _col("page", "INTEGER", "page the row is printed on", InRange(min=1), nullable=False),
        _col("bbox", "DOUBLE[]", "row bounding box (x0, top, x1, bottom) in PDF points"),
    ),
    primary_key=("cell_key", "valid_from_run"),
    derived=(_BBOX_IS_BOX,),
    rules=(_BBOX_RULE,),
)

CURATION_DECISIONS = TableDecl(
    "curation_decisions", "Curator decisions on evidence facts (evidence review), append-only: each names the "
    "fact's identity and the version it was made on, so a decision on a fact that changed since is stale.",
    (
        _col("decision_id", "VARCHAR", "content hash of the decision (primary key)", MatchesRegex(SHA256_HEX),
             nullable=False),
        _col("decided_at", "TIMESTAMP", "UTC time of the decision", nullable=False),
        _col("curator", "VARCHAR", "who decided (--curator)", MatchesRegex(NON_BLANK), nullable=False),
        _col("fact_key", "VARCHAR", "fact_versions.fact_key the decision is about", MatchesRegex(SHA256_HEX),
             nullable=False),
        _col("version_id", "VARCHAR", "fact_versions.version_id current when the decision was made",
             MatchesRegex(SHA256_HEX), nullable=False),
        _col("action", "VARCHAR", "accept, reject, correct (value holds the right number) or note",
             AllowedValues(CURATION_ACTIONS), nullable=False),
        _col("value", "DOUBLE", "the corrected value (action correct)"),
        _col("note", "VARCHAR", "the curator's note or reason"),
    ),
    primary_key=("decision_id",),
    rules=(Rule("correct_has_value", "value", IsPresent(), Equals("action", "correct"),
                "a correction has no value", "a correction without the right number cannot be applied"),),
)

CURRENT_READINGS = TableDecl(
    "current_readings", "Per file path, the bytes and the parser and extractor versions whose readings the warehouse "
    "holds as current; an incremental run does not read again a file that still matches.",
    (
        _col("path", "VARCHAR", "path of the file as found (primary key)", nullable=False),
        _col("doc_sha256", "VARCHAR", "sha256 of the bytes read at this path", MatchesRegex(SHA256_HEX),
             nullable=False),
        _col("status", "VARCHAR", "ingest outcome of those bytes: " + ", ".join(DOCUMENT_STATUSES),
             AllowedValues(DOCUMENT_STATUSES), nullable=False),
        _col("parser_version", "VARCHAR", "PDF parser version that read them", nullable=False),
        _col("extractor_version", "VARCHAR", "extractor fingerprint (code, rules, gazetteers, NER model, settings) "
             "that extracted the records", nullable=False),
        _col("run_id", "VARCHAR", "latest run that read or confirmed this file", nullable=False),
    ),
    primary_key=("path",),
)

DUAL_FLAG_KINDS: tuple[str, ...] = get_args(DualFlagKind)

DUAL_EXTRACTION_FLAGS = TableDecl(
    "dual_extraction_flags", "Dual extraction: each printed number that the full pass (rules + NER) and a rules-only "
    "pass read as different facts, or that only one of them reads, with both readings; listed for review until a "
    "curator decides (v_fact_conflicts, v_curation_pending).",
    (
        _col("flag_id", "VARCHAR", "content hash of document, location and both readings (primary key); a curator "
             "decision on a number only the rules read names this id", MatchesRegex(SHA256_HEX), nullable=False),
        _col("doc", "VARCHAR", "file name of the source PDF", nullable=False),
        _col("doc_sha256", "VARCHAR", "sha256 of the source PDF", MatchesRegex(SHA256_HEX), nullable=False),
        _col("source", "VARCHAR", "body or table", AllowedValues(SOURCES), nullable=False),
        _col("page", "INTEGER", "page of the number (1-based)", InRange(min=1), nullable=False),
        _col("quote", "VARCHAR", "sentence or cell that holds the number", nullable=False),
        _col("value_text", "VARCHAR", "the number as printed", nullable=False),
        _col("char_start", "INTEGER", "start offset of the number (as in fact_evidence)", InRange(min=0),
             nullable=False),
        _col("char_end", "INTEGER", "end offset of the number", InRange(min=0), nullable=False),
        _col("table_id", "VARCHAR", "table of a table number"),
        _col("table_row", "INTEGER", "table row of a table number", InRange(min=1)),
        _col("kind", "VARCHAR", "readings_differ (both passes read the number, as different facts), only_with_ner "
             "(the rules alone do not read it) or only_rules (only the rules-only pass reads it)",
             AllowedValues(DUAL_FLAG_KINDS), nullable=False),
        _col("record_id", "VARCHAR", "fact_evidence record of the full pass's reading; null for only_rules",
             MatchesRegex(SHA256_HEX)),
        _col("trial", "VARCHAR", "trial of the flagged reading (the full pass's, else the rules-only one's)"),
        _col("endpoint", "VARCHAR", "endpoint of the flagged reading", AllowedValues(ENDPOINTS), nullable=False),
        _col("arm", "VARCHAR", "arm of the flagged reading"),
        _col("statistic", "VARCHAR", "statistic of the flagged reading", AllowedValues(STATISTICS), nullable=False),
        _col("timepoint", "VARCHAR", "timepoint of the flagged reading"),
        _col("value", "DOUBLE", "the number's value", nullable=False),
        _col("unit", "VARCHAR", "%, months or null", AllowedValues(UNITS)),
        _col("with_ner", "VARCHAR", "the full pass's readings of the number (trial endpoint arm statistic "
             "timepoint; '; ' between readings), null when it reads none"),
        _col("rules_only", "VARCHAR", "the rules-only pass's readings of the number, null when it reads none"),
        _col("reason", "VARCHAR", "the disagreement in words", nullable=False),
        *_run_lineage("flag"),
        _col("is_current", "BOOLEAN", "true when the latest run that read the document gave this flag",
             nullable=False, loader=True),
    ),
    primary_key=("flag_id",),
)

TABLES: tuple[TableDecl, ...] = (RUNS, DOCUMENTS, TABLE1_ROWS, FACT_EVIDENCE, RUN_FACTS, RUN_DOCUMENTS,
                                 REJECTED_RECORDS, FACT_VERSIONS, TABLE1_CELL_VERSIONS, CURATION_DECISIONS,
                                 CURRENT_READINGS, DUAL_EXTRACTION_FLAGS)


def table_decl(name: str) -> TableDecl:
    """The declaration of the warehouse table called `name`."""
    return next(t for t in TABLES if t.name == name)
