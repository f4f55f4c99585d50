"""Document (+ Table 1 rows) -> evidence records: body sentences, Table 1 results and other results tables."""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Iterator, Optional, Sequence

from extractors.evidence.arm_abbreviations import (
    DocumentArmAbbreviations, hold_arm_abbreviations, set_document_arm_abbreviations,
)
from extractors.evidence.attribution import TrialIndex, build_trial_index
from extractors.evidence.body import BODY_KINDS, extract_body
from extractors.evidence.endpoints import abbreviation_terms, iwg_marrow_terms, lay_composite_terms
from extractors.evidence.declared_windows import declared_window, with_declared_window
from extractors.evidence.frame import StudyFrame, document_scope, frame_repeats, study_frame
from extractors.evidence.rules import CELL_THERAPY_NAME, GENERIC_ARMS, SURVIVAL_SHARE_ENDPOINTS, WINDOW_ENDPOINTS, EVENT_SHARE, EndpointTerm
from extractors.evidence.table import extract_table1_results, extract_table_results
from extractors.nlp.ner_mentions import current_ner, ner_arms_added, ner_trial_names, set_document_ner
from extractors.nlp.pipeline import NLP_LOCK, get_nlp
from schemas.document import Document
from schemas.evidence import TIME_TO_EVENT_ENDPOINTS, EvidenceRecord, Table1Row
from schemas.settings import ExtractSettings

log = logging.getLogger(__name__)

TIMEPOINT_FROM_BODY_TOLERANCE = 1.0
"""A table survival percentage is a landmark when the body gives the same figure (within this rounding) at a time."""

_CELL_THERAPY = re.compile(CELL_THERAPY_NAME.pattern)
_ABBREVIATION = re.compile(r"([A-Za-z][A-Za-z\- ]{3,80}?)\s*\(\s*([A-Za-z][A-Za-z0-9\-/]{1,9})\s*\)")


def document_abbreviations(doc: Document, settings: Optional[ExtractSettings] = None) -> list[tuple[str, str]]:
    """(short, long) abbreviation definitions in the body: scispaCy's detector, else a 'long form (SF)' scan."""
    body = "\n\n".join(b.text for b in doc.blocks if b.kind in BODY_KINDS)
    try:
        nlp = get_nlp(settings)
        parsed = nlp.make_doc(body)
        # Components are applied by hand: select_pipes would change the shared pipeline under other threads.
        # The detector reads tokens and brackets only, never sentence starts: the sentencizer is not run for it.
        for name in ("abbreviation_detector",):
            if name in nlp.pipe_names:
                with NLP_LOCK:  # the abbreviation detector is not thread-safe (runs differed between threads)
                    parsed = nlp.get_pipe(name)(parsed)
        return [(str(a), str(a._.long_form)) for a in parsed._.abbreviations] + _annotated_abbreviations(body)
    except Exception as exc:  # the abbreviation stage is an enhancement; the lexicon still works without it
        log.warning("abbreviation detector unavailable (%s); using the 'long form (SF)' scan", exc)
    out = []
    for m in _ABBREVIATION.finditer(body):
        short = m.group(2)
        words = m.group(1).split()[-len(short) - 1:]
        out.append((short, " ".join(words)))
    return out + _annotated_abbreviations(body)


_ANNOTATED_ABBREVIATION = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,6})\(\s*([A-Z][A-Za-z0-9]{1,9})\s*[;,]\s")
# The bracket every annotated definition ends in: a body without one has none (a scan far cheaper than the full one).
_ANNOTATED_ABBREVIATION_BRACKET = re.compile(r"\(\s*[A-Z][A-Za-z0-9]{1,9}\s*[;,]\s")


def _annotated_abbreviations(body: str) -> list[tuple[str, str]]:
    """'complete molecular response (CMR; BCR::ABL1 undetectable)': a definition followed by a gloss, which the detector
    misses; the long form is the run of words before the bracket whose initials spell the short form."""
    out: list[tuple[str, str]] = []
    if not _ANNOTATED_ABBREVIATION_BRACKET.search(body):
        return out
    for m in _ANNOTATED_ABBREVIATION.finditer(body):
        short, words = m.group(2), m.group(1).split()
        for n in range(len(words), 0, -1):
            initials = "".join(w[0] for w in words[-n:]).upper()
            if initials == short.upper():
                out.append((short, " ".join(words[-n:])))
                break
    return out


@dataclass
class SharedSteps:
    """NER-independent work on one document that its passes share: the full pass and the rules-only pass."""

    document: str
    abbreviation_terms: dict[Optional[str], tuple[EndpointTerm, ...]] = field(default_factory=dict)  # by base model
    clause_readings: dict = field(default_factory=dict)  # body.read_clause_once's memo
    trial_indexes: list = field(default_factory=list)  # (Table 1 rows, NER trial names, index, mentions)
    arm_abbreviations: dict = field(default_factory=dict)  # (gazetteer dir, scope) -> (NER drug names, held)


_shared: ContextVar[Optional[SharedSteps]] = ContextVar("shared_steps", default=None)


@contextmanager
def sharing_steps(doc: Document) -> Iterator[SharedSteps]:
    """Within the block, every extract_evidence pass over doc (in this thread) shares its NER-independent steps."""
    token = _shared.set(SharedSteps(doc.text))
    try:
        yield _shared.get()
    finally:
        _shared.reset(token)


def shared_steps(doc: Document) -> SharedSteps:
    """The steps shared by passes over doc inside sharing_steps; fresh ones, shared with nothing, outside it."""
    active = _shared.get()
    return active if active is not None and active.document == doc.text else SharedSteps(doc.text)


def document_abbreviation_terms(doc: Document, settings: ExtractSettings, shared: SharedSteps) -> tuple[EndpointTerm, ...]:
    """Endpoint terms from the document's abbreviation definitions, computed once per base model for shared passes."""
    if settings.base_model not in shared.abbreviation_terms:  # the detector's pipes do not depend on the NER
        shared.abbreviation_terms[settings.base_model] = abbreviation_terms(document_abbreviations(doc, settings))
    return shared.abbreviation_terms[settings.base_model]


def document_trial_index(doc: Document, table1: Sequence[Table1Row], shared: SharedSteps) -> tuple[TrialIndex, list]:
    """build_trial_index of the document, computed once per Table 1 and set of NER trial names for shared passes.

    Each caller gets its own copy of the index: later steps add names to it.
    """
    rows, names = tuple(table1), ner_trial_names(doc.text)  # all the index depends on besides the text
    kept = next(((index, mentions) for r, n, index, mentions in shared.trial_indexes if n == names and r == rows), None)
    if kept is None:
        kept = build_trial_index(doc.text, rows)
        shared.trial_indexes.append((rows, names, *kept))
    index, mentions = kept
    return replace(index, canonical=dict(index.canonical), nct_by_trial=dict(index.nct_by_trial)), list(mentions)


def document_arm_abbreviations(doc: Document, gazetteer_dir, scope: str,
                               shared: SharedSteps) -> DocumentArmAbbreviations:
    """set_document_arm_abbreviations, computed once for shared passes when no NER drug name took part in it.

    Found without an NER note, they are the rules' own: they hold for a pass with the same NER names or none.
    """
    names = current_ner().drug_names
    kept = shared.arm_abbreviations.get((gazetteer_dir, scope))
    if kept is not None and (not names or kept[0] == names):
        return hold_arm_abbreviations(kept[1])
    before = ner_arms_added()
    held = set_document_arm_abbreviations(doc.text, gazetteer_dir, scope)
    if ner_arms_added() == before:
        shared.arm_abbreviations[(gazetteer_dir, scope)] = (names, held)
    return held


def extract_evidence(doc: Document, table1: Sequence[Table1Row] = (),
                     settings: Optional[ExtractSettings] = None) -> list[EvidenceRecord]:
    """Extract every reported result of the document as evidence records with provenance."""
    settings = settings or ExtractSettings()
    if not doc.text:
        return []
    shared = shared_steps(doc)
    gazetteer_dir = settings.gazetteer_dir if settings.gazetteer_dir.exists() else None
    scope = document_scope(doc)
    set_document_ner(doc.text, settings, scope)  # NER trial/drug names for this document (extractors/nlp/ner_mentions.py)
    arm_shorts = {a.short  # 'AV' for '(AV)'
                  for a in document_arm_abbreviations(doc, gazetteer_dir, scope, shared).abbreviations}
    index, mentions = document_trial_index(doc, table1, shared)
    mentions = [m for m in mentions if m.text not in arm_shorts]  # '(RUX cohort; n = 46)' labels an arm, not a trial
    frame = study_frame(doc, mentions, index, bool(table1), gazetteer_dir)
    if frame.is_report:  # 'assigned to CPX-351': a drug's code; '(GCLLSG)': a group (a review's products are trials)
        mentions = frame_repeats(doc.text, frame.ref, [m for m in mentions if m.text not in frame.not_studies], index)
    extra: tuple[EndpointTerm, ...] = document_abbreviation_terms(doc, settings, shared) + lay_composite_terms(scope) \
        + iwg_marrow_terms(scope)
    body = extract_body(doc, index, mentions, extra, gazetteer_dir, frame, shared.clause_readings)
    table = extract_table1_results(doc, table1, index, extra, gazetteer_dir)
    skip = {r.table_id for r in table1}
    experimental = frame.compared[0] if frame.compared else next(  # a report's first hazard ratio sets its arms apart
        (r.arm for r in body if r.statistic == "hazard_ratio" and r.arm), None) if frame.is_report else None
    control = frame.compared[1] if frame.is_report and len(frame.compared) == 2 else None
    other = extract_table_results(doc, index, tuple(skip), extra, gazetteer_dir, frame.ref if frame.is_report else None,
                                  experimental, control, arm_enrolment(body) if frame.is_report else None)
    table = apply_timepoints_from_body(table, body)
    body, table, other = (with_study_therapy(with_compared_cell_therapy(part, frame), frame) for part in (body, table, other))
    if frame.is_report:  # windows first: a table cell restating a body figure lends its window to its row
        windowed = with_declared_window(apply_windows_across_document(body + table + other), declared_window(doc.text))
        body, table, other = windowed[:len(body)], windowed[len(body):len(body) + len(table)], windowed[len(body) + len(table):]
        other = without_restated_figures(other, body)
        dated = with_report_landmarks(body + table + other)
        body, table, other = dated[:len(body)], dated[len(body):len(body) + len(table)], dated[len(body) + len(table):]
    return dedupe(body + table + other)


def arm_enrolment(records: Sequence[EvidenceRecord]) -> dict[int, str]:
    """Each arm's enrolment count the records give, where no other arm has the same count."""
    arms_by_size: dict[int, set[str]] = {}
    for r in records:
        if r.endpoint == "ENROLLED" and r.arm and r.arm not in GENERIC_ARMS and r.value == int(r.value):
            arms_by_size.setdefault(int(r.value), set()).add(r.arm)
    return {size: arms.pop() for size, arms in arms_by_size.items() if len(arms) == 1}


_EVENT_SHARE = re.compile(EVENT_SHARE.pattern)


def with_report_landmarks(records: Sequence[EvidenceRecord]) -> list[EvidenceRecord]:
    """A report's survival share printed without a time takes the one landmark the report gives that endpoint.

    ('The 4-year PFS estimate, 84.0%, ...' in the abstract; 'In patients with unmutated IGHV, 82.5% v 69.0% were alive
    and progression-free' in Results, where no time is restated.)
    """
    times: dict[str, set] = {}
    for r in records:
        if r.statistic == "landmark" and r.timepoint and r.endpoint in SURVIVAL_SHARE_ENDPOINTS:
            times.setdefault(r.endpoint, set()).add(r.timepoint)
    out = []
    for rec in records:
        same = times.get(rec.endpoint, set())
        if rec.statistic == "rate" and rec.timepoint is None and rec.unit == "%" and len(same) == 1 \
                and not _EVENT_SHARE.search(rec.quote):
            rec = rec.model_copy(update={"timepoint": next(iter(same)), "statistic": "landmark",
                                         "extractor": rec.extractor + "+landmark_from_document"})
        out.append(rec)
    return out


def apply_windows_across_document(records: Sequence[EvidenceRecord]) -> list[EvidenceRecord]:
    """A report's response rate printed without its window takes the window the report gives the same figure elsewhere.

    ('MRD remission ... (90% vs 54%)' in the abstract, 'at the end of the cycle (day 29) ... 44/49 (90%)' in Results.)
    """
    windowed = [r for r in records if r.statistic == "rate" and r.timepoint and r.endpoint in WINDOW_ENDPOINTS]
    out = []
    for rec in records:
        if rec.statistic == "rate" and rec.timepoint is None and rec.endpoint in WINDOW_ENDPOINTS:
            same = {w.timepoint for w in windowed if w.endpoint == rec.endpoint and w.arm == rec.arm
                    and w.trial == rec.trial and abs(w.value - rec.value) < 0.051}
            if len(same) == 1:
                rec = rec.model_copy(update={"timepoint": same.pop(), "extractor": rec.extractor + "+window_from_document"})
        out.append(rec)
    return _windows_along_table_rows(out)


def _windows_along_table_rows(records: Sequence[EvidenceRecord]) -> list[EvidenceRecord]:
    """A table cell's response rate without a window takes the one window the other cells of its row have.

    A row measures one thing in every column ('MRD <0.01% among CR/CRi': 30/44, 5/10, 35/54), so a window the body
    gives one cell's figure holds for the row.
    """
    by_row: dict[tuple, set] = {}
    for r in records:
        if r.source == "table" and r.statistic == "rate" and r.timepoint and r.endpoint in WINDOW_ENDPOINTS:
            by_row.setdefault((r.table_id, r.table_row, r.endpoint), set()).add(r.timepoint)
    out = []
    for rec in records:
        row = by_row.get((rec.table_id, rec.table_row, rec.endpoint), set())
        if rec.source == "table" and rec.statistic == "rate" and rec.timepoint is None and len(row) == 1:
            rec = rec.model_copy(update={"timepoint": next(iter(row)), "extractor": rec.extractor + "+window_from_row"})
        out.append(rec)
    return out


def with_compared_cell_therapy(records: Sequence[EvidenceRecord], frame: StudyFrame) -> list[EvidenceRecord]:
    """In a report comparing a named cell therapy with a comparator, a figure 'with the CAR T cells' is that therapy's."""
    if not (frame.is_report and len(frame.compared) == 2 and frame.compared[0]
            and _CELL_THERAPY.search(frame.compared[0])):
        return list(records)
    return [r.model_copy(update={"arm": frame.compared[0]}) if r.arm == GENERIC_ARMS[0] and r.trial == frame.ref.trial
            else r for r in records]


def with_study_therapy(records: Sequence[EvidenceRecord], frame: StudyFrame) -> list[EvidenceRecord]:
    """In a single-arm report, every record of the report's own study carries the study therapy as its arm.

    A report that names its product only generically ('CD19 CAR T cells') has no study therapy and keeps its arms.
    """
    if not (frame.is_report and frame.single_arm and frame.therapy):
        return list(records)
    return [r.model_copy(update={"arm": frame.therapy}) if r.trial == frame.ref.trial and r.arm != frame.therapy else r
            for r in records]


def apply_timepoints_from_body(table: Sequence[EvidenceRecord], body: Sequence[EvidenceRecord]) -> list[EvidenceRecord]:
    """Mark a table survival percentage a landmark when the body gives the same figure at a time point.

    The time point stays as printed (null): the gold keeps the body's only as extra information, and v_table1_sync
    matches the figure to the body's landmark and names the time point it borrows.
    """
    out = []
    for rec in table:
        if (rec.timepoint is None and rec.statistic != "landmark" and rec.unit == "%"
                and rec.endpoint in TIME_TO_EVENT_ENDPOINTS and rec.trial):
            match = next((b for b in body if b.trial == rec.trial and b.endpoint == rec.endpoint and b.arm == rec.arm
                          and b.statistic == "landmark" and b.timepoint and b.unit == "%"
                          and abs(b.value - rec.value) <= TIMEPOINT_FROM_BODY_TOLERANCE), None)
            if match is not None:
                rec = rec.model_copy(update={"statistic": "landmark",
                                             "extractor": rec.extractor + "+landmark_from_body"})
        out.append(rec)
    return out


def without_restated_figures(table: Sequence[EvidenceRecord], body: Sequence[EvidenceRecord]) -> list[EvidenceRecord]:
    """A report's table records less those restating a body record's reading (GUIDE.md lists each result once).

    A table cell that adds a time point or an arm the body reading lacks is kept: it says more than the body.
    """
    def restates(t: EvidenceRecord, b: EvidenceRecord) -> bool:
        tolerance = 0.0051 if t.statistic == "hazard_ratio" else 0.051  # ratios print two decimals: 0.68 is not 0.71
        return (b.endpoint == t.endpoint and b.statistic == t.statistic and abs(b.value - t.value) < tolerance
                and b.arm == t.arm and (t.timepoint is None or b.timepoint == t.timepoint))
    return [t for t in table if not any(restates(t, b) for b in body)]


def dedupe(records: Sequence[EvidenceRecord]) -> list[EvidenceRecord]:
    """Drop records that repeat the same reading of the same printed value."""
    seen: set[str] = set()
    out = []
    for rec in records:
        if rec.record_id in seen:
            continue
        seen.add(rec.record_id)
        out.append(rec)
    return out
