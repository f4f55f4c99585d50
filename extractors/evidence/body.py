"""Body-text evidence: paragraphs of body blocks, sentences, study attribution and value readings."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from extractors.evidence.arms import find_arms, naming_control
from extractors.evidence.counts import IMPLIED_ARM_COUNT_RULES
from extractors.evidence.endpoints import find_endpoints
from extractors.evidence.attribution import (
    StudyRef, TrialIndex, attribute_paragraph, dominant_trial, sentence_facts, study_runs,
)
from extractors.evidence.frame import StudyFrame, about_other_study, name_key, report_refs
from extractors.evidence.numbers import find_timepoints, find_windows
from extractors.evidence.readings import Reading, ReadingContext, read_clause
from extractors.evidence.subgroup_ratios import SUBGROUP_RATIO_HEADING, SUBGROUP_RATIO_RULE, find_subgroup_ratios
from extractors.evidence.rules import (
    ANALYSIS_COMPARISON, ANAPHORA_CUE, SUBGROUP_BENEFIT_SENTENCE, ANTECEDENT_REACH, ANTECEDENT_SENTENCES, EXTRACTOR_VERSION, LANDMARK_ANAPHORA, LANDMARKS_RESTATED, LIST_RESTATED_AT_TIME,
    LIST_RESTATED_REACH, RESPONSE_ANAPHORA_CUE, RESPONSE_WORD,
    RESPONSE_ENDPOINTS, RUN_IN_HEADING, SAME_TIME_CUE, SUBGROUP_LANDMARK_REACH, SUBGROUP_SENTENCE_OPENING, SUBGROUP_RATIO_SENTENCE, OUTCOME_MEASURE_TITLE, POSTING_MEASURE_HEADING, POSTING_MEASURES_SECTION, ANALYSIS_OF_MEASURE, WINDOW_ANAPHORA, WINDOW_ANAPHORA_REACH,
    WINDOW_ENDPOINTS, OTHER_STUDY_CLAUSES, BRACKETED_SOURCE_STUDY, OTHER_STUDY_AFTER_FIGURE, EndpointTerm,
)
from extractors.nlp.ner_mentions import current_ner, ner_arms_added
from extractors.nlp.trials import rejection_reason
from extractors.nlp.sentences import split_sentences
from schemas.document import Block, Document
from schemas.evidence import TIME_TO_EVENT_ENDPOINTS, EvidenceRecord

BODY_KINDS = ("body",)
_SENTENCE_END = re.compile(r"[.!?:]\s*(?:\[[\d,\s–-]+\])?[\"'”’)]*\s*$")


@dataclass(frozen=True)
class Paragraph:
    """Consecutive body blocks that read as one paragraph (a block not ending a sentence continues)."""

    blocks: tuple[Block, ...]
    section: Optional[str]


def paragraphs(doc: Document) -> list[Paragraph]:
    """Group body blocks into paragraphs; a block that does not end a sentence continues into the next body block."""
    out: list[list[Block]] = []
    open_paragraph = False
    for block in doc.blocks:
        if block.kind not in BODY_KINDS:
            if block.kind in ("heading", "title"):
                open_paragraph = False
            continue
        if out and open_paragraph:
            out[-1].append(block)
        else:
            out.append([block])
        open_paragraph = not _SENTENCE_END.search(block.text)
    return [Paragraph(tuple(p), p[0].section) for p in out]


def split_sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans from the nlp stage's splitter."""
    return split_sentences(text)


_BULLET_START = re.compile(r"\s*[\u2022\u25aa\u25e6\u2023\u25cf]\s")
"""A bullet naming its own endpoint starts a sentence, though the line before it ends without a period (a bullet of
bare subgroup figures goes on from its lead-in line: 'Forest plot, OS (HR, 95% CI)' / '• Age >= 75 years: 0.61')."""


def _paragraph_sentences(doc: Document, para: Paragraph) -> list[tuple[int, int]]:
    """The sentence spans of a paragraph's blocks; a sentence a block breaks off goes on in the next block."""
    spans: list[tuple[int, int]] = []
    for block in para.blocks:
        text = doc.text[block.char_start:block.char_end]
        for s, e in split_sentence_spans(text):
            cuts = [s]
            for m in _INLINE_BULLET.finditer(text, s, e):
                if _FIGURE.search(text, cuts[-1], m.start()):  # a heading before its bullets ('OS (HR, 95% CI) • ...') stays
                    cuts.append(m.start() + 1)
            spans.extend((block.char_start + a, block.char_start + b) for a, b in zip(cuts, cuts[1:] + [e]))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and not _SENTENCE_END.search(doc.text[merged[-1][0]:merged[-1][1]]) \
                and doc.text[merged[-1][1]:s].strip() == "" \
                and not (_BULLET_START.match(doc.text[s:e]) and (find_endpoints(doc.text[s:e])
                                                                  or _leads_with_figure(doc.text[merged[-1][0]:merged[-1][1]]))):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _leads_with_figure(sentence: str) -> bool:
    """True when the sentence's first statement (up to an inner bullet) holds a result figure; a heading that introduces
    the bullets after it ('Forest plot, OS (HR, 95% CI)') holds none."""
    bullet = _BULLET_START.match(sentence)
    lead = _INLINE_BULLET.split(sentence[bullet.end() if bullet else 0:], 1)[0]
    return bool(_FIGURE.search(lead))


def _first_core_arm(texts: Iterable[str], settings_dir=None, control: bool = False, max_rank: int = 0) -> Optional[str]:
    texts = list(texts)
    for rank in range(max_rank + 1):
        for text in texts:
            for arm in find_arms(text, settings_dir):
                if control and arm.control and arm.arm != "control":
                    return arm.arm
                if not control and arm.rank == rank and not arm.control:
                    return arm.arm
    return None


def document_arm(doc: Document, gazetteer_dir=None) -> Optional[str]:
    """The study treatment of a single-treatment report: its only named experimental (core) arm, else None."""
    arms = {a.arm for b in doc.blocks if b.kind in BODY_KINDS + ("title", "heading")
            for a in find_arms(b.text, gazetteer_dir) if a.rank == 0 and not a.control}
    return arms.pop() if len(arms) == 1 else None


def row_arms(ref: StudyRef, gazetteer_dir=None) -> tuple[Optional[str], Optional[str]]:
    """Default and control arm of a Table 1 row: from its treatment and total-patients cells."""
    if ref.row is None:
        return None, None
    row = ref.row
    compared = _compared_arms(row.treatment or "", gazetteer_dir)
    if compared:
        return compared
    # a row's treatment cell names its therapy even when that is a gazetteer drug ('Ponatinib + prednisone')
    default = _first_core_arm((row.treatment, row.total_patients, row.trial), gazetteer_dir, max_rank=1)
    control = _first_core_arm((row.total_patients, row.design), gazetteer_dir, control=True)
    return default, control


_VERSUS = re.compile(r"\s(?:vs\.?|versus|v\.)\s", re.IGNORECASE)


def _compared_arms(cell: str, gazetteer_dir=None) -> Optional[tuple[str, str]]:
    """'Imatinib + reduced-intensity chemotherapy vs imatinib + hyper-CVAD': each side's own treatment, first side first."""
    parts = _VERSUS.split(cell, maxsplit=1)
    if len(parts) != 2:
        return None
    left = _first_core_arm([parts[0]], gazetteer_dir, max_rank=1)
    right = next((a.arm for rank in (0, 1, 2) for a in find_arms(parts[1], gazetteer_dir)
                  if a.rank == rank and a.arm != left and a.arm != "control"), None)
    return (left, right) if left and right else None


def extract_body(doc: Document, index: TrialIndex, mentions: Sequence, extra_terms: tuple[EndpointTerm, ...] = (),
                 gazetteer_dir=None, frame: StudyFrame = StudyFrame(),
                 clause_memo: Optional[dict] = None) -> list[EvidenceRecord]:
    """Read every body paragraph's sentences into evidence records with body provenance.

    In a one-study report (`frame.is_report`) every sentence belongs to the frame's study unless it names another
    study; sentences about an unnamed other study (an earlier or historical one) yield nothing. `clause_memo` keeps
    clause readings for another pass over the same document (see read_clause_once).
    """
    records: list[EvidenceRecord] = []
    first_page_end = max((b.char_end for b in doc.blocks if b.page == 1), default=0)
    document_ref = frame.ref if frame.is_report else dominant_trial(mentions, index, first_page_end)
    study_arm = frame.therapy or document_arm(doc, gazetteer_dir)
    for para in paragraphs(doc):
        spans = _paragraph_sentences(doc, para)
        inside = _mentions_inside(mentions, spans)  # those a sentence of the paragraph can hold, in the same order
        facts = [sentence_facts(doc.text, s, e, inside, index) for s, e in spans]
        if frame.is_report:
            facts = [replace(f, intro=about_other_study(f.text)) for f in facts]
            refs = report_refs(facts, frame)
        else:
            refs = attribute_paragraph(facts, index, document_ref)
        run_of = {i: run for run in study_runs(facts) for i in run}
        seen_enrolled: set[tuple] = set()
        section_arm = _first_core_arm([para.section or ""], gazetteer_dir)
        for i, ((s, e), ref) in enumerate(zip(spans, refs)):
            if ref is None:
                continue
            run = _context_run(i, refs, run_of)
            run_texts = [doc.text[spans[j][0]:spans[j][1]] for j in run]
            row_default, row_control = row_arms(ref, gazetteer_dir)
            paragraph_before = [doc.text[spans[j][0]:spans[j][1]] for j in range(i)]
            default = _first_core_arm(run_texts[:-1], gazetteer_dir) or row_default
            fallback = (_first_core_arm(paragraph_before, gazetteer_dir)
                        or next((row_arms(r, gazetteer_dir)[0] for r in refs[:i] if r is not None and r.row is not None), None)
                        or section_arm or (None if _about_other_study(facts, run) else study_arm))
            control = (row_control if ref.row is not None and _compared_arms(ref.row.treatment or "", gazetteer_dir) else None) \
                or _first_core_arm(run_texts[:-1], gazetteer_dir, control=True) or row_control \
                or (frame.compared[1] if frame.compared else None)
            fallback = fallback or (frame.compared[0] if frame.compared and not frame.strategies else None)
            blocked = tuple((m.start - s, m.end - s) for m in inside if m.start >= s and m.end <= e)
            sentence = doc.text[s:e]
            stated = _stated_antecedent(sentence, " ".join(paragraph_before[-ANTECEDENT_SENTENCES:]), s, records)
            previous = (stated if stated is not None and paragraph_before and _names_survival_without_figure(paragraph_before[-1])
                        else None) or _continued_result(sentence, records, para, doc) or stated
            restated, restated_arms = _restated_list(sentence, s, records)
            measure = (previous.endpoint, previous.timepoint) if previous else \
                _posting_measure(doc.text, spans[0], s, para.section, extra_terms)
            ctx = ReadingContext(default, control, extra_terms, measure[0], True, blocked,
                                 gazetteer_dir, fallback, one_study=frame.is_report,
                                 fallback_timepoint=measure[1],
                                 fallback_endpoints=restated, fallback_hr_endpoint=_subgroup_hr_endpoint(sentence, s, records)
                                 or _outcome_measure_endpoint(doc.text, sentence, s, extra_terms),
                                 study_arms=frame.arm_order)
            readings = _sentence_readings(sentence, ctx, clause_memo, para, records, frame)
            if previous is None and measure[1]:  # 'Arm A: 55 of 61 (90.2%); Arm B: ...' under a measure 'at end of induction'
                readings = [replace(r, timepoint=measure[1]) if r.endpoint == measure[0] and r.timepoint is None
                            and r.unit == "%" and r.statistic == "rate" else r for r in readings]
            if restated_arms and len(readings) == len(restated_arms):
                readings = [replace(r, arm=arm) for r, arm in zip(readings, restated_arms)]  # the same arms, in order
            readings = _at_restated_landmarks(sentence, s, readings, records)
            if frame.is_report:
                readings = _without_other_study_clauses(sentence, s, readings, mentions, index, ref)
            for r in readings:
                if previous is not None and r.endpoint == previous.endpoint and r.unit == "%" and r.timepoint is None \
                        and previous.timepoint and previous.statistic == "landmark":
                    r = replace(r, timepoint=previous.timepoint, statistic="landmark")  # 'By contrast, 41% ... were alive'
                elif r.unit == "%" and r.timepoint is None and r.endpoint in TIME_TO_EVENT_ENDPOINTS \
                        and (landmark := _landmark_referred_to(sentence, s, r, records)):
                    r = replace(r, timepoint=landmark, statistic="landmark", rule=r.rule + "+landmark_referred_to")
                elif r.unit == "%" and r.timepoint is None and r.endpoint in TIME_TO_EVENT_ENDPOINTS \
                        and (landmark := _subgroup_landmark(sentence, s, r.endpoint, records)):
                    r = replace(r, timepoint=landmark, statistic="landmark", rule=r.rule + "+subgroup_landmark")
                elif r.unit == "%" and r.timepoint is None and r.endpoint in TIME_TO_EVENT_ENDPOINTS \
                        and (landmark := _same_landmark_named(sentence, s, r, records)):
                    r = replace(r, timepoint=landmark, statistic="landmark", rule=r.rule + "+same_landmark")
                elif r.statistic == "rate" and r.timepoint is None and r.endpoint in WINDOW_ENDPOINTS \
                        and (window := _window_referred_to(sentence, s, records)):
                    r = replace(r, timepoint=window, rule=r.rule + "+window_carried")
                if r.statistic == "hazard_ratio" and paragraph_before \
                        and (compared_first := _analysis_comparison_arm(paragraph_before[-1], sentence, gazetteer_dir)):
                    r = replace(r, arm=compared_first)  # 'Comparison Arm B vs Arm A. ... Hazard Ratio (HR) 1.06'
                if frame.compared and r.endpoint == "ENROLLED" and r.arm \
                        and r.rule not in IMPLIED_ARM_COUNT_RULES \
                        and r.arm not in _sentence_arms(sentence, gazetteer_dir, frame.compared[-1]):
                    r = replace(r, arm=None)  # a two-arm study's sample size is no arm's unless the sentence names it
                if r.endpoint == "ENROLLED":
                    key = (ref.trial, r.arm, r.value)
                    if key in seen_enrolled:
                        continue
                    seen_enrolled.add(key)
                records.append(_body_record(doc, para, s, sentence, r, ref))
    return records


_INLINE_BULLET = re.compile(r"\s[•▪]\s")  # a slide's bullets run into one line: each bullet is its own statement
_FIGURE = re.compile(r"\d+(?:[.·]\d+)?\s*%(?!\s*(?:CI|confidence))|\d+[.·]\d+")  # a result, not '95% CI' of a heading
_ANALYSIS_COMPARISON = re.compile(ANALYSIS_COMPARISON.pattern, re.IGNORECASE)
_SUBGROUP_BENEFIT = re.compile(SUBGROUP_BENEFIT_SENTENCE.pattern, re.IGNORECASE)


def _analysis_comparison_arm(before: str, sentence: str, gazetteer_dir=None) -> Optional[str]:
    """The side a posting's statistical analysis sets first ('Comparison Arm B vs Arm A.'), for a ratio line right after
    it that names no arm; else None."""
    m = _ANALYSIS_COMPARISON.search(before)
    if m is None or find_arms(sentence, gazetteer_dir):
        return None
    arms = find_arms(m.group("first"), gazetteer_dir)
    return arms[0].arm if arms else None


_RUN_IN_HEADING = re.compile(RUN_IN_HEADING.pattern)
_OTHER_STUDY_CLAUSES = tuple(re.compile(c.pattern) for c in OTHER_STUDY_CLAUSES)


def _without_other_study_clauses(sentence: str, start: int, readings: list[Reading], mentions: Sequence,
                                 index: TrialIndex, ref: StudyRef) -> list[Reading]:
    """A report's readings less those in a clause about another named study ('... close to that seen in CLL14, where
    6-year PFS was 53.1%, while ELEVATE-TN reported 5-year PFS of 84% ...')."""
    own_key = name_key(ref.trial or "")
    readings = [r for r in readings if not _in_bracket_of_other_study(sentence, r, own_key)]
    cues = [m.end() for rx in _OTHER_STUDY_CLAUSES for m in rx.finditer(sentence) if _names_other_study(m, own_key)]
    closers = [m.start() for m in _OTHER_STUDY_AFTER.finditer(sentence) if _names_other_study(m, own_key)
               and rejection_reason(m.group("name")) is None]
    readings = [r for r in readings
                if not any(r.end <= c and not _FIGURE_OR_BREAK.search(sentence, r.end, c) for c in closers)]
    if not cues:
        return readings
    own = [m.start - start for m in mentions if start <= m.start < start + len(sentence) and index.name(m.text) == ref.trial]
    return [r for r in readings if not any(c <= r.start and not any(c <= o < r.start for o in own) for c in cues)]


def _names_other_study(m: re.Match[str], own_key: str) -> bool:
    """True when the cue's name is a study other than the report's ('patients with mutated IGHV showed ...' names none)."""
    name = m.group("name")
    return name_key(name) != own_key and len(name) >= 4 and not find_endpoints(name) and not find_arms(name) \
        and rejection_reason(name) != "non_trial_term"


def _in_bracket_of_other_study(sentence: str, r: Reading, own_key: str) -> bool:
    """True for a reading inside a bracket that closes on another study's name ('(... 92% vs 83% in S1826)')."""
    m = _BRACKETED_SOURCE.match(sentence, r.end)
    if not m or "(" not in sentence[:r.start] or name_key(m.group("name")) == own_key or len(m.group("name")) < 4:
        return False
    return rejection_reason(m.group("name")) != "non_trial_term" and not find_endpoints(m.group("name"))


_BRACKETED_SOURCE = re.compile(BRACKETED_SOURCE_STUDY.pattern)
_OTHER_STUDY_AFTER = re.compile(OTHER_STUDY_AFTER_FIGURE.pattern)
_FIGURE_OR_BREAK = re.compile(r"\d|;")  # another figure or a clause break between a figure and a study's name
_LANDMARK_ANAPHORA = re.compile(LANDMARK_ANAPHORA.pattern, re.IGNORECASE)


def _run_in_heading_length(sentence: str) -> int:
    """How many characters a run-in abstract heading ('RESULTS Of 235 ...') takes at the sentence's start (0 if none)."""
    m = _RUN_IN_HEADING.match(sentence)
    return m.end() if m else 0


def _sentence_readings(sentence: str, ctx: ReadingContext, memo: Optional[dict], para: Paragraph,
                       records: Sequence[EvidenceRecord], frame: StudyFrame) -> list[Reading]:
    """The readings of a sentence, whose list of subgroup hazard ratios, if any, is read as such."""
    skip = _run_in_heading_length(sentence)
    ratios = find_subgroup_ratios(sentence, para.section or "")
    endpoint = ratios and _subgroup_ratio_endpoint(sentence[:ratios.intro_end], para, records, ctx)
    if not ratios or not endpoint:
        return _shifted(read_clause_once(sentence[skip:], ctx, memo), skip)
    arm = frame.compared[0] if frame.compared else next(
        (r.arm for r in reversed(records) if r.statistic == "hazard_ratio" and r.arm), ctx.default_arm or ctx.fallback_arm)
    intro = _shifted(read_clause_once(sentence[skip:ratios.intro_end], ctx, memo), skip) if ratios.intro_end > skip else []
    listed = [Reading(i.start, i.end, i.value_text, i.value, endpoint, None, "hazard_ratio", None, arm,
                      SUBGROUP_RATIO_RULE, i.ci_low, i.ci_high) for i in ratios.items]
    rest = _shifted(_sentence_readings(sentence[ratios.end:], ctx, memo, para, records, frame), ratios.end) \
        if sentence[ratios.end:].strip() else []  # the prose after a list, which may hold another list
    return intro + listed + rest


def _shifted(readings: Sequence[Reading], by: int) -> list[Reading]:
    return [replace(r, start=r.start + by, end=r.end + by) for r in readings] if by else list(readings)


def _subgroup_ratio_endpoint(intro: str, para: Paragraph, records: Sequence[EvidenceRecord],
                             ctx: ReadingContext) -> Optional[str]:
    """The endpoint a list of subgroup hazard ratios compares: its introduction's, its heading's ('Forest plot, EFS'),
    the paragraph's last result's or the last hazard ratio's before it."""
    for text in (intro, para.section or ""):
        named = [m.code for m in find_endpoints(text, ctx.extra_terms) if m.code and not m.population]
        if named and (text is intro or SUBGROUP_RATIO_HEADING.search(text)):
            return named[0]
    in_paragraph = [r for r in records if _in_paragraph(r, para)]
    if in_paragraph:
        return in_paragraph[-1].endpoint
    return next((r.endpoint for r in reversed(records) if r.statistic == "hazard_ratio"), None)


def read_clause_once(sentence: str, ctx: ReadingContext, memo: Optional[dict]) -> tuple[Reading, ...]:
    """read_clause, kept in memo by sentence and context when no NER drug name changed it.

    Such a reading is also the rules-only reading, so it serves a pass without NER drug names, or one with the same.
    """
    if memo is None:
        return tuple(read_clause(sentence, ctx))
    key, names = (sentence, ctx), current_ner().drug_names
    kept = memo.get(key)
    if kept is not None and (not names or kept[0] == names):
        return kept[1]
    before = ner_arms_added()
    readings = tuple(read_clause(sentence, ctx))
    if ner_arms_added() == before and key not in memo:
        memo[key] = (names, readings)
    return readings


def _sentence_arms(sentence: str, gazetteer_dir=None, control: Optional[str] = None) -> set[str]:
    """The arms a sentence names, 'the control group' as `control`."""
    return {a.arm for a in naming_control(find_arms(sentence, gazetteer_dir), control)}


_ANAPHORA = re.compile(ANAPHORA_CUE.pattern, re.IGNORECASE)


@lru_cache(maxsize=4096)
def _anaphoric(sentence: str) -> bool:
    """Whether the sentence holds an anaphora cue (asked twice per sentence in each pass)."""
    return _ANAPHORA.search(sentence) is not None

_RESPONSE_ANAPHORA = re.compile(RESPONSE_ANAPHORA_CUE.pattern, re.IGNORECASE)
_RESPONSE_WORD = re.compile(RESPONSE_WORD.pattern, re.IGNORECASE)


def _continued_result(sentence: str, records: Sequence[EvidenceRecord], para: Paragraph,
                      doc: Document) -> Optional[EvidenceRecord]:
    """The previous sentence's last result of this paragraph when the sentence continues it ('it was 27%'), else None."""
    responses = bool(_RESPONSE_ANAPHORA.search(sentence))
    if not (responses or _anaphoric(sentence)) or not records:
        return None
    if not responses and find_timepoints(sentence):  # 'the corresponding 3-year figures were ...': a survival endpoint
        survival = next((r for r in reversed(records) if r.endpoint in TIME_TO_EVENT_ENDPOINTS
                         and r.statistic in ("median", "landmark")), None)
        return survival if survival is not None and _in_paragraph(survival, para) else None
    if responses:  # a bare 'remission' refers back to the paragraph's composite remission if any (GUIDE.md: CR + CRi)
        last = next((r for r in reversed(records) if r.endpoint == "CR_CRI" and _in_paragraph(r, para)), None) \
            or next((r for r in reversed(records) if r.endpoint in RESPONSE_ENDPOINTS), records[-1])
    else:  # not the ratio after it
        last = next((r for r in reversed(records) if r.statistic in ("rate", "landmark")), records[-1])
    return last if _in_paragraph(last, para) and last.statistic in ("rate", "landmark") else None


@dataclass(frozen=True)
class Antecedent:
    """The endpoint and landmark a continuing sentence refers back to, when no figure of its paragraph gives them."""

    endpoint: str
    timepoint: Optional[str]
    statistic: str


def _stated_antecedent(sentence: str, before: str, start: int,
                       records: Sequence[EvidenceRecord]) -> Optional[Antecedent]:
    """What 'the rates were 80% against 49%' continues when its paragraph has no figure to continue: a survival
    endpoint the sentences before it name without a figure ('Event-free survival at 3 years favored IB across
    subgroups. The advantage held among ...'), else the landmark survival figure read just before the paragraph; None when
    the sentence continues nothing or nothing is in reach."""
    if not _anaphoric(sentence):
        return None
    own = sentence  # the sentence less the responses that define its subgroup ('For patients with MRD-negative remission, ...')
    for p in (e for e in find_endpoints(sentence) if e.population):
        own = own[:p.start] + " " * (p.end - p.start) + own[p.end:]
    if _RESPONSE_ANAPHORA.search(own) or any(e.code for e in find_endpoints(own)) or _RESPONSE_WORD.search(own):
        return None  # a sentence naming its own endpoint ('In comparison, X produced remission in 73%') continues none
    near = _survival_landmarks(records, start, ANTECEDENT_REACH)
    named = [e.code for e in find_endpoints(before) if e.code in TIME_TO_EVENT_ENDPOINTS]
    if named:
        stated = find_timepoints(before)
        endpoint, timepoint = named[-1], stated[-1].code if stated else None
    elif near:
        endpoint, timepoint = near[-1].endpoint, None
    else:
        return None
    if timepoint is None:
        landmarks = [r.timepoint for r in near if r.endpoint == endpoint and r.timepoint]
        timepoint = landmarks[-1] if landmarks else None
    return Antecedent(endpoint, timepoint, "landmark" if timepoint else "rate")


def _survival_landmarks(records: Sequence[EvidenceRecord], start: int, reach: int) -> list[EvidenceRecord]:
    """The survival landmark figures read in the body at most reach characters before start, in reading order."""
    return [r for r in records if r.endpoint in TIME_TO_EVENT_ENDPOINTS and r.statistic == "landmark"
            and r.source == "body" and 0 <= start - r.quote_start <= reach]


def _last_sentence_landmarks(start: int, records: Sequence[EvidenceRecord]) -> list[EvidenceRecord]:
    """The landmark figures of the last sentence read, when it ends within LIST_RESTATED_REACH of start; else []."""
    if not records:
        return []
    last = records[-1]
    if start - (last.quote_start + len(last.quote)) > LIST_RESTATED_REACH:
        return []
    return [r for r in records if r.quote_start == last.quote_start and r.statistic == "landmark"]


def _names_survival_without_figure(sentence: str) -> bool:
    """True for a sentence naming a survival endpoint and no percentage ('Overall survival at 4 years favored A across
    subgroups.'): the endpoint a following 'the advantage held among ...' continues, over any figure before it."""
    return not re.search(r"\d\s*%", sentence) and any(e.code in TIME_TO_EVENT_ENDPOINTS for e in find_endpoints(sentence))


def _in_paragraph(record: EvidenceRecord, para: Paragraph) -> bool:
    """True when the record was read from this paragraph."""
    return para.blocks[0].char_start <= record.quote_start < para.blocks[-1].char_end


_LIST_RESTATED = re.compile(LIST_RESTATED_AT_TIME.pattern, re.IGNORECASE)


def _restated_list(sentence: str, start: int,
                   records: Sequence[EvidenceRecord]) -> tuple[tuple[str, ...], tuple[Optional[str], ...]]:
    """'At 3 years: 54.7% and 44.9%.' after '2-year OS was 63.1% and EFS 52.8%': the previous sentence's landmark
    endpoints, in listed order, which a sentence giving only a new time and values restates; one endpoint given for
    two arms or more is restated once per arm, and those arms, in order, come second; else ((), ())."""
    if not _LIST_RESTATED.match(sentence):
        return (), ()
    same = [r for r in _last_sentence_landmarks(start, records) if r.unit == "%"]
    codes = tuple(dict.fromkeys(r.endpoint for r in same))
    arms = tuple(dict.fromkeys(r.arm for r in same))
    if len(codes) == 1 and len(arms) >= 2 and None not in arms:  # 'EFS ... 61% with A and 48% with B. At 3 years, 55% and 40%.'
        return codes * len(arms), arms
    return (codes if len(codes) >= 2 else ()), ()


_LANDMARKS_RESTATED = re.compile(LANDMARKS_RESTATED.pattern, re.IGNORECASE)


def _at_restated_landmarks(sentence: str, start: int, readings: list[Reading],
                           records: Sequence[EvidenceRecord]) -> list[Reading]:
    """Readings of 'OS, same landmarks: 93.5% / 90.1%' dated, in order, by the landmarks the sentence before listed."""
    if not _LANDMARKS_RESTATED.search(sentence):
        return readings
    times = list(dict.fromkeys(r.timepoint for r in _last_sentence_landmarks(start, records) if r.timepoint))
    undated = [r for r in readings if r.unit == "%" and r.timepoint is None]
    if len(times) < 2 or len(undated) != len(times):
        return readings
    dated = {id(r): t for r, t in zip(undated, times)}
    return [replace(r, timepoint=dated[id(r)], statistic="landmark") if id(r) in dated else r for r in readings]


_SUBGROUP_OPENING = re.compile(SUBGROUP_SENTENCE_OPENING.pattern)
_SUBGROUP_RATIO = re.compile(SUBGROUP_RATIO_SENTENCE.pattern)
_OUTCOME_TITLE = re.compile(OUTCOME_MEASURE_TITLE.pattern)
_ANALYSIS_OF_MEASURE = re.compile(ANALYSIS_OF_MEASURE.pattern)
_POSTING_MEASURE = re.compile(POSTING_MEASURE_HEADING.pattern)
_MEASURES_SECTION = re.compile(POSTING_MEASURES_SECTION.pattern)
_RATIO_WORD = re.compile(r"\b(?:[Hh]azard\s+[Rr]atio|HR)\b")
_SAME_TIME_NAMED = re.compile(SAME_TIME_CUE.pattern, re.IGNORECASE)


def _same_landmark_named(sentence: str, start: int, r: Reading, records: Sequence[EvidenceRecord]) -> Optional[str]:
    """The landmark 'Leukemia-free survival at the same landmark: 64.2% v 35.6%' or 'alive at that landmark ... (51.2%
    vs 47.6%)' names before its figures: that of the last survival figure read in reach."""
    if not _SAME_TIME_NAMED.search(sentence, 0, r.start):
        return None
    same = [x for x in _survival_landmarks(records, start, SUBGROUP_LANDMARK_REACH) if x.timepoint]
    return same[-1].timepoint if same else None


def _outcome_measure_endpoint(text: str, sentence: str, start: int, extra_terms) -> Optional[str]:
    """The endpoint of the outcome measure a registry posting's ratio line estimates, when the line names none: the
    measure its 'Statistical Analysis, Outcome Measure N' names, else the last one titled before it."""
    if not _RATIO_WORD.search(sentence) or "Outcome Measure" not in text:
        return None
    paragraph = text[text.rfind("\n\n", 0, start) + 1:start + len(sentence)]
    named = _ANALYSIS_OF_MEASURE.search(paragraph)
    titles = [m for m in _OUTCOME_TITLE.finditer(text, 0, len(text) if named else start) if not _analysis_line(text, m)
              and (not named or named.group("number") in (m.group("number"), m.group("ordinal")))]
    for m in reversed(titles):
        found = _measure_named(m.group("title"), extra_terms)
        if found is not None:
            return found.code
    return None


def _measure_named(title: str, extra_terms):
    """The endpoint mention an outcome measure's title names first (not a population it restricts to), else None."""
    return next((e for e in find_endpoints(title, extra_terms) if not e.population), None)


def _posting_measure(text: str, paragraph: tuple[int, int], start: int, section: Optional[str],
                     extra_terms) -> tuple[Optional[str], Optional[str]]:
    """The endpoint and assessment window that the outcome-measure heading opening a registry posting's paragraph
    names, for the sentences after the heading ('2. Secondary Outcome: Overall Response Rate ...'), or under an
    'Outcome Measures' section heading the paragraph's first sentence ('Complete response at end of induction. Time
    frame: ...'); else (None, None)."""
    heading = _POSTING_MEASURE.match(text, paragraph[0])
    if heading is not None:
        title, title_end = heading.group("title"), heading.end("title")
    elif section and _MEASURES_SECTION.search(section):
        title, title_end = text[paragraph[0]:paragraph[1]], paragraph[1]
    else:
        return None, None
    found = _measure_named(title, extra_terms)
    if title_end > start or found is None:
        return None, None
    windows = find_windows(title)
    return found.code, windows[0].code if windows else None


def _analysis_line(text: str, title: re.Match[str]) -> bool:
    """True when an outcome-measure match is a 'Statistical Analysis, Outcome Measure N:' line, not the measure's title."""
    return bool(_ANALYSIS_OF_MEASURE.search(text, max(0, title.start() - 40), title.end("ordinal") if title.group("ordinal")
                                            else title.start("title")))


def _subgroup_hr_endpoint(sentence: str, start: int, records: Sequence[EvidenceRecord]) -> Optional[str]:
    """The endpoint a subgroup sentence's bare hazard ratio continues: that of the last hazard ratio (after a subgroup
    benefit sentence, the last survival figure) read in reach."""
    ratio = bool(_SUBGROUP_OPENING.match(sentence) or _SUBGROUP_RATIO.match(sentence))
    if not ratio and not _SUBGROUP_BENEFIT.search(sentence):  # 'The benefit was observed in patients with X (HR, 0.61)'
        return None
    same = [r for r in records if (r.statistic == "hazard_ratio" if ratio else r.endpoint in TIME_TO_EVENT_ENDPOINTS)
            and r.source == "body" and 0 <= start - r.quote_start <= SUBGROUP_LANDMARK_REACH]
    return same[-1].endpoint if same else None


def _subgroup_landmark(sentence: str, start: int, endpoint: str, records: Sequence[EvidenceRecord]) -> Optional[str]:
    """The landmark a subgroup sentence's survival figure inherits: the one its endpoint was just reported at."""
    if not _SUBGROUP_OPENING.match(sentence):
        return None
    same = [r for r in _survival_landmarks(records, start, SUBGROUP_LANDMARK_REACH) if r.endpoint == endpoint and r.timepoint]
    return same[-1].timepoint if same else None


_WINDOW_ANAPHORA = re.compile(WINDOW_ANAPHORA.pattern, re.IGNORECASE)


def _landmark_referred_to(sentence: str, start: int, r: Reading, records: Sequence[EvidenceRecord]) -> Optional[str]:
    """The landmark a figure refers back to ('86.7% at the later time point'): the sentence's last (or first) one."""
    m = _LANDMARK_ANAPHORA.match(sentence, r.end)
    if not m:
        return None
    times = [x.timepoint for x in records if x.statistic == "landmark" and x.timepoint and x.quote_start == start]
    if not times:
        return None
    return times[0] if m.group("which").lower() in ("earlier", "former", "first") else times[-1]


def _window_referred_to(sentence: str, start: int, records: Sequence[EvidenceRecord]) -> Optional[str]:
    """The window a sentence refers back to ('at that visit', 'by then'): that of the last response rate before it."""
    if not _WINDOW_ANAPHORA.search(sentence):
        return None
    same = [r for r in records if r.statistic == "rate" and r.timepoint and r.endpoint in WINDOW_ENDPOINTS
            and r.source == "body" and 0 <= start - r.quote_start <= WINDOW_ANAPHORA_REACH]
    return same[-1].timepoint if same else None


def _about_other_study(facts: Sequence, run: Sequence[int]) -> bool:
    """True when the sentence's run opens another study or cites one (its arm is not the report's treatment)."""
    return any(facts[j].intro or facts[j].cites for j in run)


def _mentions_inside(mentions: Sequence, spans: Sequence[tuple[int, int]]) -> list:
    """The mentions between the first span's start and the last span's end, in their order."""
    if not spans:
        return []
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return [m for m in mentions if m.start >= start and m.end <= end]


def _context_run(i: int, refs: Sequence[Optional[StudyRef]], run_of: dict[int, list[int]]) -> list[int]:
    """Sentences up to i that talk about the same study: its attribution run, extended back over a named trial."""
    start = min(run_of[i])
    while start > 0 and refs[i] is not None and refs[i].trial is not None and refs[start - 1] == refs[i]:
        start -= 1
    return list(range(start, i + 1))


def _block_at(para: Paragraph, pos: int) -> Block:
    for block in para.blocks:
        if block.char_start <= pos < block.char_end:
            return block
    return para.blocks[0]


def _body_record(doc: Document, para: Paragraph, sentence_start: int, sentence: str, r: Reading,
                 ref: StudyRef) -> EvidenceRecord:
    block = _block_at(para, sentence_start + r.start)
    return EvidenceRecord(
        doc=doc.file_name, trial=ref.trial, nct=ref.nct, endpoint=r.endpoint, arm=r.arm, value=r.value,
        unit=r.unit, statistic=r.statistic, timepoint=r.timepoint, ci_low=r.ci_low, ci_high=r.ci_high,
        p_value=r.p_value, page=block.page, quote=sentence, source="body", doc_sha256=doc.sha256,
        value_text=r.value_text, char_start=sentence_start + r.start, char_end=sentence_start + r.end,
        quote_start=sentence_start, bbox=block.bbox, extractor=r.rule, extractor_version=EXTRACTOR_VERSION,
    )
