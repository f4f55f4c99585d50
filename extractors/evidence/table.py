"""Table evidence: Table 1 'Main Results' cells and generic results tables."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from extractors.evidence.arm_abbreviations import spells_arm
from extractors.evidence.arms import find_arms
from extractors.evidence.attribution import StudyRef, TrialIndex
from extractors.evidence.body import row_arms, split_sentence_spans
from extractors.evidence.endpoints import find_endpoints
from extractors.evidence.numbers import find_timepoints, find_windows, one_line, parse_number_text, timepoint_code
from extractors.evidence.readings import Reading, ReadingContext, read_clause
from extractors.evidence.strategy_arms import without_strategy_endpoints
from extractors.evidence.rules import (
    BASELINE_TABLE_CAPTION, CUMULATIVE_INCIDENCE_ENDPOINTS, EXTRACTOR_VERSION, FOOTNOTE_ASSESSMENT, FOOTNOTE_MRD_SUBJECT,
    FOOTNOTE_RESPONSE_SUBJECT, FOOTNOTE_RESTATED_WINDOW, HEADING_MAX_CHARS, HEADING_REACH, RESPONSE_ENDPOINTS,
    FOOTNOTE_MARKERS, FOOTNOTE_REACH, MODEL_CONTRAST_ROW, MODEL_TABLE_CAPTION,
    FLOW_START_ROW, HEAD_COUNT_ROW, MIN_SAMPLE_SIZE, POSTING_MEASURE_TITLE, ROW_OTHER_MEASURE, ROW_RESPONDERS, TABLE_DECLARED_UNITS, WINDOW_ENDPOINTS, EndpointTerm,
)
from extractors.nlp.trials import find_trial_mentions
from extractors.table1.mapping import column_map
from schemas.declarations import TABLE1_EXTRACTOR_PREFIX
from schemas.document import Document, Table
from schemas.evidence import TIME_TO_EVENT_ENDPOINTS, EvidenceRecord, Table1Row



def _main_results_cell(doc: Document, row: Table1Row):
    """(column index, page, bbox) of the row's Main Results cell in the source table, else the row's own box."""
    table = next((t for t in doc.tables if t.table_id == row.table_id), None)
    col = column_map(table).get("main_results") if table is not None else None
    if col is None or not 0 < row.row_number <= len(table.rows) or col >= len(table.rows[row.row_number - 1]):
        return col, row.page, row.bbox
    cell = table.rows[row.row_number - 1][col]
    return col, cell.page, cell.bbox or row.bbox

_RATIO_HEADER = re.compile(r"\bhazard ratio\b|\bHR\b", re.I)
_CI_DECLARED = re.compile(r"\bCI\b|confidence", re.I)
_PERCENT_COUNT = re.compile(r"%\s*\(\s*(?:count|n|no\.|number)\s*\)", re.I)
"""'Overall response rate, % (count)': the percentage first, its count in brackets (a posting's order)."""
_COUNT_PERCENT = re.compile(r"(?:\bno\.|\bn\b|\bnumber\b)\s*(?:/\s*(?:total\s+)?(?:no\.|n\b)\s*)?\(\s*%\s*\)", re.I)
"""'no. (%)', 'n (%)', 'n/N (%)', 'no./total no. (%)': cells print a count and its percentage in parentheses."""
_COUNT_HEADER = re.compile(r"^\s*(?:n|no\.?|n\s*/\s*N|no\.?\s*/\s*(?:total\s+)?no\.?|number(?: of patients)?|patients|events)\s*$", re.I)
"""'n/N', 'No.', 'Patients': a column of head counts, whose cells are denominators and numerators, not results."""
_P_VALUE_HEADER = re.compile(r"^\s*(?:p|p[- ]?values?|p\s*\(.*\)|two-sided p(?:[- ]?value)?)\s*$", re.I)
"""'p value', 'P': a column of p values, which belong to the comparison, never a percentage or landmark."""
_LABEL_LANDMARK = re.compile(r",\s*(\d+(?:\.\d+)?)\s*[- ]?(mo|months?|y|yrs?|years?)\s*$", re.I)
"""'Event-free survival, 12 mo': a landmark written after the row label's comma."""
_RESULTS_HEADER = re.compile(r"result|outcome|efficacy|response|survival|endpoint|rate|%|median|HR|hazard", re.I)
_MEASURE_TITLE = re.compile(POSTING_MEASURE_TITLE.pattern)
_PERCENT_OF_PARTICIPANTS = re.compile(r"\bpercentage\s+of\s+(?:participants|patients)\b", re.I)


def _clauses(text: str) -> list[tuple[int, int]]:
    spans = split_sentence_spans(text)
    return spans or [(0, len(text))]


def extract_table1_results(doc: Document, table1: Sequence[Table1Row], index: TrialIndex,
                           extra_terms: tuple[EndpointTerm, ...] = (), gazetteer_dir=None) -> list[EvidenceRecord]:
    """Read each Table 1 row's Main Results cell into records attributed to the row's trial and arms."""
    records: list[EvidenceRecord] = []
    for row in table1:
        ref = index.ref_for_row(row)
        default, control = row_arms(ref, gazetteer_dir)
        text = row.main_results
        col, page, bbox = _main_results_cell(doc, row)
        for s, e in _clauses(text):
            clause = text[s:e]
            ctx = ReadingContext(default, control, extra_terms, None, False, (), gazetteer_dir)
            for r in read_clause(clause, ctx):
                if r.endpoint == "ENROLLED":
                    continue
                records.append(_table_record(doc, clause, s, r, ref.trial, ref.nct, page, bbox,
                                             row.table_id, row.row_number, col, TABLE1_EXTRACTOR_PREFIX))
    return records


_BASELINE_CAPTION = re.compile(BASELINE_TABLE_CAPTION.pattern, re.I)
_MODEL_CONTRAST_ROW = re.compile(MODEL_CONTRAST_ROW.pattern, re.I)
_CI_LEVEL = re.compile(r"\b9[05]\s*%\s*(?:CI|confidence|$)", re.I)  # '(95%' ends a label wrapped before 'CI)'
_VALUE_AFTER_CI_LEVEL = re.compile(r"\b9[05]\s*%\s*(?:CI|confidence)[^)]*\)\s*\d", re.I)  # 'GVHD, % (95% CI) 22·7 (...)'
_WITHIN_TIME = re.compile(r"\bwithin\s+(\d+(?:\.\d+)?)\s*(years?|months?)\b", re.I)


def _treatment_contrast(label: str, gazetteer_dir=None) -> bool:
    """True for a model row setting two different arms against each other ('HCT in CR1 v no HCT', 'A (vs B)')."""
    arms = {a.arm for a in find_arms(label or "", gazetteer_dir) if a.arm != "control"}
    return bool(_MODEL_CONTRAST_ROW.search(label or "")) and len(arms) >= 2
_MODEL_CAPTION = re.compile(MODEL_TABLE_CAPTION.pattern, re.I)
_OTHER_MEASURE = re.compile(ROW_OTHER_MEASURE.pattern, re.I)
_DECLARED_UNITS = re.compile(TABLE_DECLARED_UNITS.pattern, re.I)
_FLOW_START = re.compile(FLOW_START_ROW.pattern)
_TOTAL_HEADER = re.compile(r"^\s*(?:total|overall|all\s+(?:patients|participants))\b", re.IGNORECASE)
_HEAD_COUNT_ROW = re.compile(HEAD_COUNT_ROW.pattern, re.I)
_RESPONDERS = re.compile(ROW_RESPONDERS.pattern, re.I)


def stacked_tables(table: Table) -> list[Table]:
    """A table split where a row repeats its header's column labels: two tables stacked under one grid (a posting's
    participant flow, then its outcome measure), each with its own header; [table] when no row does."""
    columns = [h.strip() for h in table.header[1:]]
    if len(columns) < 2 or not all(columns):
        return [table]
    parts, rows, header, k = [], [], table.header, 0
    for row in table.rows:
        if len(row) == len(table.header) and [c.text.strip() for c in row[1:]] == columns:
            parts.append(table.model_copy(update={"header": header, "rows": tuple(rows),
                                                  "table_id": table.table_id if k == 0 else f"{table.table_id}.{k}"}))
            rows, header, k = [], tuple(c.text for c in row), k + 1
        else:
            rows.append(row)
    if k == 0:
        return [table]
    parts.append(table.model_copy(update={"header": header, "rows": tuple(rows), "table_id": f"{table.table_id}.{k}",
                                          "caption": None}))
    return parts


def _looks_like_results(table: Table) -> bool:
    if _BASELINE_CAPTION.search(table.caption or ""):
        return False
    header = " ".join(table.header) + " " + (table.caption or "")
    cells = [c.text for row in table.rows for c in row]
    numeric = sum(1 for c in cells if re.search(r"\d\s*%|\d+(?:\.\d+)?\s*(?:months|mo)\b|\bHR\b", c))
    # a posting's 'PFS at 3 years, percentage of participants | 94.1 (91.0 to 96.2) | ...': the row names its measure
    measured = any(len(row) > 1 and _PERCENT_OF_PARTICIPANTS.search(row[0].text) for row in table.rows)
    return bool(cells) and (bool(_RESULTS_HEADER.search(header)) or numeric >= 2 or measured)


def extract_table_results(doc: Document, index: TrialIndex, skip_table_ids: Sequence[str] = (),
                          extra_terms: tuple[EndpointTerm, ...] = (), gazetteer_dir=None,
                          report_ref: Optional[StudyRef] = None,
                          experimental_arm: Optional[str] = None, control_arm: Optional[str] = None,
                          arm_sizes: Optional[dict[int, str]] = None) -> list[EvidenceRecord]:
    """Read result-like cells of other tables; endpoint and arm may come from the row label or column header.

    A table whose caption names no trial belongs to `report_ref`, the study of a one-study report; a hazard ratio
    whose table names no arm compares `experimental_arm`, a two-arm report's experimental side, with `control_arm`,
    which a column headed only 'Control group' also names; a column sized '(n = 71)' and naming no arm is the arm
    `arm_sizes` gives that size (the report's per-arm enrolment).
    """
    records: list[EvidenceRecord] = []
    for table in (part for whole in doc.tables for part in stacked_tables(whole)):
        if table.table_id in skip_table_ids:
            continue
        trial, nct = _table_trial(table, index)
        if trial is None and report_ref is not None:
            trial, nct = report_ref.trial, report_ref.nct
        if report_ref is not None:
            records += _flow_enrolment(doc, table, trial, nct, gazetteer_dir, control_arm)
        if not _looks_like_results(table):
            continue
        header_arms = [a for a in (_first_arm(h, gazetteer_dir, core_only=True) for h in table.header) if a]
        unnamed = _unnamed_column_arms(table.header, gazetteer_dir, experimental_arm, control_arm, arm_sizes or {})
        caption = re.sub(r"^\s*Table\s+\w+[.:]?\s*", "", table.caption or "", flags=re.I) or _heading_above(doc, table)
        caption_endpoint, caption_timepoint = _first_endpoint(caption, extra_terms), _timepoint_in(caption)
        caption_window = _window_in(caption)
        footnote_windows = _footnote_windows(doc, table, extra_terms)
        model = bool(_MODEL_CAPTION.search(table.caption or ""))
        stub_header = table.header[0] if table.header else ""
        stub_timepoint = _timepoint_in(stub_header)  # 'Outcome at 2 years | A | B': the stub's time holds for every row
        declared = _DECLARED_UNITS.search(table.caption or "")
        declared_unit = None if declared is None else "months" if declared.group("unit").lower().startswith("month") else "%"
        row_above_endpoint = None  # 'Median PFS ... | ...' then 'Hazard ratio (95% CI) vs B | 0.65 ...': the ratio of the row above
        for row in table.rows:
            label = row[0].text if row else ""
            label_endpoint = _label_endpoint(label, extra_terms)
            above, row_above_endpoint = row_above_endpoint, label_endpoint or row_above_endpoint
            if model and not _treatment_contrast(label, gazetteer_dir):
                continue  # a covariate of a regression model, not a result
            if _HEAD_COUNT_ROW.search(label):
                continue
            responders = caption_endpoint if _RESPONDERS.match(label) and _names_population(label, caption_endpoint, extra_terms) else None
            label_timepoint = _timepoint_in(label)
            for cell in row:
                if cell.col == 0 and len(row) > 1 and not (re.search(r"\d\s*%", _CI_LEVEL.sub("", cell.text))
                                                           or _VALUE_AFTER_CI_LEVEL.search(cell.text)):
                    continue  # a row label is read only when it holds a figure ('2-y PFS, % (95% CI)' holds none)
                header = table.header[cell.col] if cell.col < len(table.header) else ""
                transplanted = _transplant_count(cell.text, label, header, extra_terms)
                if transplanted is not None:
                    arm = _first_arm(header, gazetteer_dir) or _first_arm(label, gazetteer_dir)
                    records.append(_table_record(doc, cell.text, 0, replace(transplanted, arm=arm), trial, nct,
                                                 cell.page, cell.bbox, table.table_id, cell.row + 1, cell.col))
                    continue
                if _COUNT_HEADER.match(header) or _P_VALUE_HEADER.match(header):
                    continue
                window = _window_in(label) or _window_in(header) or caption_window  # "Outcomes at day 28 by dose level"
                # the caption names what every cell measures when rows and columns do not ('Estimated 3-year DFS by group')
                fallback = (caption_endpoint if model else None) or label_endpoint or responders \
                    or _first_endpoint(header, extra_terms) \
                    or (above if _RATIO_HEADER.search(label) else None) \
                    or (None if _OTHER_MEASURE.search(label) else caption_endpoint)  # a model row's label names arms only
                timepoint = label_timepoint or _timepoint_in(header) or stub_timepoint or caption_timepoint
                # a hazard-ratio row is a ratio even under a '%' column (negative rule: never a percentage)
                ratio = bool(_RATIO_HEADER.search(header) or _RATIO_HEADER.search(label))
                arm = _first_arm(header, gazetteer_dir) or _first_arm(label, gazetteer_dir) or unnamed.get(cell.col)
                if arm is None and ratio:
                    arm = header_arms[0] if header_arms else experimental_arm  # the first (experimental) arm vs control
                # the stub column's header ('Outcome, n (%)') declares the cell format of every column
                count_percent = bool(_COUNT_PERCENT.search(label) or _COUNT_PERCENT.search(header)
                                     or (cell.col > 0 and _COUNT_PERCENT.search(stub_header)))
                unit = None if ratio or count_percent else (_unit_in(label) or _unit_in(header)
                                                           or (declared_unit if "%" not in cell.text else None))
                ci_declared = bool(_CI_DECLARED.search(label) or _CI_DECLARED.search(header) or declared)  # 'Number [95% CI]'
                ctx = ReadingContext(arm, None, extra_terms, fallback, False, (), gazetteer_dir, None,
                                     unit if fallback else None, ratio, ci_declared, count_percent)
                percent_first = bool(_PERCENT_COUNT.search(label) or _PERCENT_COUNT.search(header))
                for s, e in _clauses(cell.text):
                    if percent_first and "(" in cell.text[s:e]:
                        e = s + len(cell.text[s:e].split("(")[0].rstrip())  # '77.4 (48)': the count is no second rate
                    clause = cell.text[s:e]
                    for r in read_clause(clause, ctx):
                        if r.endpoint == "ENROLLED":
                            continue
                        r = _with_label_window(_with_label_timepoint(r, timepoint),
                                               window or footnote_windows.get(r.endpoint))
                        records.append(_table_record(doc, clause, s, r, trial, nct, cell.page, cell.bbox,
                                                     table.table_id, cell.row + 1, cell.col))
    return records


_SIZE = r"\(\s*[nN]\s*=\s*(\d+)\s*\)"  # '(n = 118)', its number captured
_SIZED_HEADER = re.compile(_SIZE + r"|^\s*[nN]\s*=\s*(\d+)\s*$")
"""A column sized '(n = 118)', or headed by its size alone ('N=118')."""
_SHORT_LABEL = re.compile(r"^\s*(?P<short>[A-Z][A-Za-z+]{1,6})\s*(?:arm|group|cohort)?\s*(?:" + _SIZE + r")?\s*(?:,?\s*%)?\s*$")
"""A column headed by a short form ('PON (n=118)', 'IM arm')."""
_BARE_LABEL = re.compile(r"^\s*(?P<label>[A-D1-4]|IV|I{1,3})\s*(?:" + _SIZE + r")?\s*$")
"""A column headed by a bare letter or number ('B (n=121)')."""


def _unnamed_column_arms(header: Sequence[Optional[str]], gazetteer_dir, experimental: Optional[str],
                         control: Optional[str], arm_sizes: dict[int, str]) -> dict[int, str]:
    """The arm of each column whose header names none, by what the table and text say of it: 'Control (N=296)', a
    size the text gives one arm ('(n = 71)'), a short form or letter one arm goes by ('PON', 'B'), or, beside a column
    naming the control, a sized column ('Maintenance (n = 295) | Observation (n = 293)'): the experimental side's."""
    headers = [h or "" for h in header]
    controls = [_names_control(h, gazetteer_dir) for h in headers]
    beside_control = bool(control) and any(named or _first_arm(h, gazetteer_dir) == control
                                           for h, named in zip(headers, controls))
    out: dict[int, str] = {}
    for col, h in enumerate(headers):
        arm = (control if controls[col] else None) or _sized_arm(h, arm_sizes) \
            or _spelled_side(h, (experimental, control)) or _bare_label_arm(h, gazetteer_dir) \
            or (experimental if beside_control and _SIZED_HEADER.search(h) and not _TOTAL_HEADER.match(h) else None)
        if arm:
            out[col] = arm
    return out


def _bare_label_arm(header: str, gazetteer_dir) -> Optional[str]:
    """The lettered arm a column headed by its bare letter names ('B (n=121)' after '... imatinib (arm B)'), else None."""
    label = _BARE_LABEL.match(header)
    if label is None:
        return None
    named = {a.arm for word in ("arm", "group", "cohort") for a in find_arms(f"{word} {label.group('label')}", gazetteer_dir)
             if a.arm != "control"}
    return named.pop() if len(named) == 1 else None


def _spelled_side(header: str, sides: Sequence[Optional[str]]) -> Optional[str]:
    """The one compared side a column's short label spells ('PON (n=118)' for ponatinib), else None."""
    label = _SHORT_LABEL.match(header)
    spelled = [side for side in sides if side and label and spells_arm(label.group("short"), side)]
    return spelled[0] if len(spelled) == 1 else None


def _sized_arm(header: str, arm_sizes: dict[int, str]) -> Optional[str]:
    """The arm whose enrolment is the size a column header gives ('Arm S: stop (n=71)' after '71 to Arm S'), else None."""
    size = _SIZED_HEADER.search(header)
    return arm_sizes.get(int(size.group(1) or size.group(2))) if size and not _TOTAL_HEADER.match(header) else None


def _flow_enrolment(doc: Document, table: Table, trial, nct, gazetteer_dir, control_arm) -> list[EvidenceRecord]:
    """Each arm's enrolment from a participant-flow row ('STARTED | 98 | 95 | 193'), the arm named by its column header
    (none under a 'Total' column)."""
    out = []
    for row in table.rows:
        if len(row) < 2 or not _FLOW_START.match(row[0].text):
            continue
        for cell in row[1:]:
            header = table.header[cell.col] if cell.col < len(table.header) else ""
            count = re.fullmatch(r"\s*(\d{1,5})\s*", cell.text)
            arm = _first_arm(header, gazetteer_dir) or (control_arm if _names_control(header, gazetteer_dir) else None)
            total = arm is None and _TOTAL_HEADER.match(header) is not None  # 'Total' column: the whole sample
            if count is None or (arm is None and not total) or int(count.group(1)) < MIN_SAMPLE_SIZE:
                continue
            reading = Reading(count.start(1), count.end(1), count.group(1), float(count.group(1)), "ENROLLED", None,
                              "count", None, arm, "rule:flow_started")
            out.append(_table_record(doc, cell.text, 0, reading, trial, nct, cell.page, cell.bbox, table.table_id,
                                     cell.row + 1, cell.col))
        break
    return out


def _heading_above(doc: Document, table: Table) -> str:
    """The short line right above a table without a caption, which titles it ('Day-28 response by dose level')."""
    if not table.regions:
        return ""
    page, (x0, top, x1, _) = table.regions[0]
    near = [b for b in doc.blocks if b.page == page and top - HEADING_REACH <= b.bbox[3] <= top + 2
            and b.bbox[0] < x1 and b.bbox[2] > x0]
    above = [b for b in near if len(b.text) <= HEADING_MAX_CHARS]
    if above:
        return max(above, key=lambda b: b.bbox[3]).text
    # a posting's outcome measure: 'Title: ... Description: ... Time Frame: ...' in one block above its table
    titled = [m for m in (_MEASURE_TITLE.search(b.text) for b in sorted(near, key=lambda b: -b.bbox[3])) if m]
    return " ".join(part for part in titled[0].group("title", "frame") if part) if titled else ""


_ASSESSED = re.compile(FOOTNOTE_ASSESSMENT.pattern, re.I)
# a marker closing the label, or closing its name before the unit ('Complete response*, n/N (%)')
_ROW_MARKER = re.compile(r"(?<=[\w)])([" + re.escape(FOOTNOTE_MARKERS) + r"])\s*(?:$|,|\()")
_MARKED_SEGMENT = re.compile(r"(?=[" + re.escape(FOOTNOTE_MARKERS) + r"])")
_BARE_MRD = re.compile(FOOTNOTE_MRD_SUBJECT.pattern, re.I)
_BARE_RESPONSE = re.compile(FOOTNOTE_RESPONSE_SUBJECT.pattern, re.I)
_RESTATED = re.compile(FOOTNOTE_RESTATED_WINDOW.pattern)


def _footnote_windows(doc: Document, table: Table, extra_terms: tuple[EndpointTerm, ...]) -> dict[str, str]:
    """The assessment window a table's footnote gives each endpoint it names ('CMR was assessed at the end of treatment')."""
    if not table.regions:
        return {}
    page, (x0, _, x1, bottom) = table.regions[-1]
    below = [b for b in doc.blocks if b.page == page and bottom - 2 <= b.bbox[1] <= bottom + FOOTNOTE_REACH
             and b.bbox[0] < x1 and b.bbox[2] > x0 and b.kind != "caption"]
    note = one_line(" ".join(b.text for b in sorted(below, key=lambda b: b.bbox[1])[:2]))
    out: dict[str, str] = {}
    marked: dict[str, list[str]] = {}  # 'MRD-negative, n/N (%)*': the endpoints of the rows a footnote marker points at
    for row in table.rows:
        label = row[0].text if row else ""
        if (m := _ROW_MARKER.search(label)) is not None:
            marked.setdefault(m.group(1), []).extend(e.code for e in find_endpoints(label, extra_terms)
                                                     if e.code and not e.population)
    for segment in _MARKED_SEGMENT.split(note):
        windows = {w.code for w in find_windows(segment)}
        if segment[:1] in marked and len(windows) == 1:  # '* ... after 6 cycles of treatment' under a starred row
            for code in marked[segment[:1]]:
                out.setdefault(code, next(iter(windows)))
    for s, e in _clauses(note):
        sentence = note[s:e]
        window = _note_window(sentence)
        if window is None or not _ASSESSED.search(sentence):
            continue
        codes = [m.code for m in find_endpoints(sentence, extra_terms) if not m.population]  # 'among CR' says who
        codes += ["MRD_NEG"] if _BARE_MRD.search(sentence) else []  # 'MRD was assessed at ...'
        codes += list(RESPONSE_ENDPOINTS) if _BARE_RESPONSE.search(sentence) else []  # 'Response assessed at ...'
        for code in codes:
            out.setdefault(code, window)
    return out


def _note_window(sentence: str) -> Optional[str]:
    """The one assessment window a footnote sentence gives, counting one restated in brackets once; else None."""
    windows = find_windows(sentence)
    if len(windows) == 2 and _RESTATED.match(sentence[windows[0].end:windows[1].start]):
        windows = windows[:1]
    return windows[0].code if len({w.code for w in windows}) == 1 else None


_FRACTION_CELL = re.compile(r"^\s*(\d+)\s*(?:/|of)\s*\d+\s*$")


def _transplant_count(text: str, label: str, header: str, extra_terms: tuple[EndpointTerm, ...]) -> Optional[Reading]:
    """'12/40' under an n/N column of a transplant row: the number of patients transplanted (GUIDE.md: a count fact)."""
    m = _FRACTION_CELL.match(text or "")
    if not m or not (_COUNT_HEADER.match(header) or _COUNT_HEADER.search(label.split(",")[-1])):
        return None
    if _first_endpoint(label, extra_terms) != "ALLOHSCT" and _first_endpoint(header, extra_terms) != "ALLOHSCT":
        return None
    value = float(m.group(1))
    return Reading(m.start(1), m.end(1), m.group(1), value, "ALLOHSCT", None, "count", None, None,
                   "rule:transplant_count_column")


def _timepoint_in(label: str) -> Optional[str]:
    """The landmark a row label or column header names ('6-month event-free survival', '2-y OS, %', 'OS, 12 mo')."""
    found = find_timepoints(label or "")
    if found:
        return found[0].code
    within = _WITHIN_TIME.search(label or "")  # 'Death without progression within 1 year, n/N (%)'
    if within:
        return timepoint_code(float(within.group(1)), within.group(2))
    tail = _LABEL_LANDMARK.search(label or "")
    amount = parse_number_text(tail.group(1)) if tail else None
    return timepoint_code(amount, tail.group(2)) if amount else None


def _window_in(label: str) -> Optional[str]:
    """The assessment window a row label or column header names ('CR within two cycles', 'CMR after cycle 1')."""
    found = find_windows(label or "")
    return found[0].code if found else None


def _with_label_window(r: Reading, window: Optional[str]) -> Reading:
    """A response rate under a label that names its assessment window is a rate in that window."""
    if window and r.timepoint is None and r.unit == "%" and r.endpoint in WINDOW_ENDPOINTS + CUMULATIVE_INCIDENCE_ENDPOINTS:
        return replace(r, timepoint=window)
    return r


def _with_label_timepoint(r: Reading, timepoint: Optional[str]) -> Reading:
    """A survival percentage under a label or header that names a landmark is that landmark's estimate.

    A cumulative incidence or a response share under such a label ('MRD negativity at 2 years') is a rate over that time.
    """
    if timepoint and r.timepoint is None and r.unit == "%" and r.endpoint in CUMULATIVE_INCIDENCE_ENDPOINTS + WINDOW_ENDPOINTS:
        return replace(r, timepoint=timepoint, statistic="rate")  # a cumulative incidence over that period
    if timepoint and r.timepoint is None and r.unit == "%" and r.endpoint in TIME_TO_EVENT_ENDPOINTS:
        return replace(r, timepoint=timepoint, statistic="landmark", rule="rule:landmark_rate")
    return r


def _table_trial(table: Table, index: TrialIndex) -> tuple[Optional[str], Optional[str]]:
    for m in find_trial_mentions(table.caption or ""):
        if m.kind != "nct":
            name = index.name(m.text)
            return name, m.nct or index.nct_by_trial.get(name)
    return None, None


def _first_endpoint(text: str, extra_terms) -> Optional[str]:
    """The endpoint a label names first; a composite it spells out in brackets ('complete remission (CR + CRi)') wins."""
    text = text or ""
    # 'Allogeneic HSCT (n=402)' heads the transplant side's column in a strategy comparison: an arm, not the endpoint
    found = [e for e in without_strategy_endpoints(text, find_endpoints(text, extra_terms), find_arms(text))
             if not e.population]
    if len(found) >= 2 and found[0].code == "CR" and any(e.code == "CR_CRI" for e in found[1:3]):
        return "CR_CRI"
    return found[0].code if found else None


def _label_endpoint(label: str, extra_terms) -> Optional[str]:
    """The endpoint a row label names, after a subgroup's colon when that part names one ('MRD-negative: 3-yr RFS, %')."""
    head, colon, tail = (label or "").rpartition(": ")
    return (_first_endpoint(tail, extra_terms) if colon and head else None) or _first_endpoint(label, extra_terms)


def _names_population(label: str, endpoint: Optional[str], extra_terms) -> bool:
    """True when the label names the endpoint only as the patients who reached it ('Participants in complete remission')."""
    return endpoint is not None and any(e.code == endpoint and e.population for e in find_endpoints(label, extra_terms))


def _unit_in(text: str) -> Optional[str]:
    """The unit a row label or column header declares for its bare numbers ('Median OS, months', 'CR rate (%)')."""
    for tp in reversed(find_timepoints(text or "")):
        text = text[:tp.start] + text[tp.end:]  # '6-month EFS, %' declares %, not months
    if re.search(r"\b(?:months?|mo)\b", text or "", re.I):
        return "months"
    if re.search(r"%|\bper ?cent|\brate\b", text or "", re.I):
        return "%"
    return None


def _names_control(text: str, gazetteer_dir) -> bool:
    """True for a header naming only the comparator ('Control group (n = 309)')."""
    return any(a.arm == "control" for a in find_arms(text or "", gazetteer_dir))


def _first_arm(text: str, gazetteer_dir, core_only: bool = False) -> Optional[str]:
    found = [a for a in find_arms(text or "", gazetteer_dir) if a.arm != "control" and not (core_only and a.control)]
    return found[0].arm if found else None


def _table_record(doc: Document, clause: str, clause_start: int, r: Reading, trial, nct, page, bbox, table_id,
                  table_row, table_col, extractor_prefix: str = "") -> EvidenceRecord:
    return EvidenceRecord(
        doc=doc.file_name, trial=trial, nct=nct, endpoint=r.endpoint, arm=r.arm, value=r.value, unit=r.unit,
        statistic=r.statistic, timepoint=r.timepoint, ci_low=r.ci_low, ci_high=r.ci_high, p_value=r.p_value,
        page=page, quote=clause, source="table", doc_sha256=doc.sha256, value_text=r.value_text,
        char_start=clause_start + r.start, char_end=clause_start + r.end, quote_start=clause_start, bbox=bbox,
        table_id=table_id, table_row=table_row, table_col=table_col, extractor=extractor_prefix + r.rule,
        extractor_version=EXTRACTOR_VERSION,
    )
