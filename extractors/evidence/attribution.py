"""Attribute sentences to studies: trial names, citations mapped through Table 1, and study runs in a paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from extractors.evidence.rules import COMPARED_NAME_LEFT, NEW_STUDY_INTRO
from extractors.nlp.ner_mentions import mark_ner_mentions, ner_trial_names
from extractors.nlp.trials import find_trial_mentions, group_aliases
from schemas.evidence import Table1Row

CITATION = re.compile(r"\[(\s*\d+(?:\s*[,–\-]\s*\d+)*\s*)\]")
_INTROS = tuple(re.compile(c.pattern) for c in NEW_STUDY_INTRO)
_COMPARED_NAME = re.compile(COMPARED_NAME_LEFT.pattern, re.IGNORECASE)


def parse_reference_numbers(text: Optional[str]) -> frozenset[int]:
    """Return the citation numbers in '23,24,25' or '16–19' (ranges expanded)."""
    out: set[int] = set()
    for part in re.split(r"\s*,\s*", (text or "").strip(" []")):
        m = re.fullmatch(r"(\d+)\s*[–\-]\s*(\d+)", part)
        if m and int(m.group(2)) - int(m.group(1)) < 50:
            out.update(range(int(m.group(1)), int(m.group(2)) + 1))
        elif part.isdigit():
            out.add(int(part))
    return frozenset(out)


def citations_in(text: str) -> frozenset[int]:
    """Return every citation number in '[n]' markers of text."""
    out: set[int] = set()
    for m in CITATION.finditer(text):
        out |= parse_reference_numbers(m.group(1))
    return frozenset(out)


@lru_cache(maxsize=4096)
def is_new_study_intro(sentence: str) -> bool:
    """True when the sentence introduces another study ('In a phase II study ...', 'Liu and colleagues ...')."""
    return any(rx.search(sentence) for rx in _INTROS)


@dataclass(frozen=True)
class StudyRef:
    """What a sentence is about: trial display name (or None), its NCT number and Table 1 row."""

    trial: Optional[str] = None
    nct: Optional[str] = None
    row: Optional[Table1Row] = None


@dataclass
class TrialIndex:
    """Trial names found in the document, their canonical names and the Table 1 rows they map to."""

    canonical: dict[str, str] = field(default_factory=dict)
    nct_by_trial: dict[str, str] = field(default_factory=dict)
    rows: tuple[Table1Row, ...] = ()
    row_refs: tuple[frozenset[int], ...] = ()

    def name(self, surface: str) -> str:
        """Canonical display name of a surface form."""
        return self.canonical.get(surface, surface)

    def row_for_trial(self, trial: Optional[str]) -> Optional[Table1Row]:
        """The Table 1 row whose trial cell has the same canonical name."""
        if not trial:
            return None
        for row in self.rows:
            if self.name(row.trial) == trial:
                return row
        return None

    def row_for_citations(self, cited: frozenset[int]) -> Optional[Table1Row]:
        """The Table 1 row whose reference marker covers the citations (at least half of the row's references)."""
        best, best_overlap, tie = None, 0, False
        for row, refs in zip(self.rows, self.row_refs):
            overlap = len(cited & refs)
            if not overlap or overlap * 2 < len(refs):
                continue
            if overlap > best_overlap:
                best, best_overlap, tie = row, overlap, False
            elif overlap == best_overlap:
                tie = True
        return None if tie else best

    def ref_for_row(self, row: Table1Row) -> StudyRef:
        """The study reference of a Table 1 row."""
        trial = self.name(row.trial)
        return StudyRef(trial, self.nct_by_trial.get(trial), row)


def build_trial_index(text: str, table1: Sequence[Table1Row] = ()) -> tuple[TrialIndex, list]:
    """Find trial mentions in text with Table 1 trial names as gazetteer; return the index and the mentions."""
    gazetteer = tuple(dict.fromkeys(r.trial for r in table1 if r.trial))
    # NER: trial names the rules lack, searched as listed names (extractors/nlp/ner_mentions.py)
    mentions = mark_ner_mentions(find_trial_mentions(text, gazetteer + ner_trial_names(text)), ner_trial_names(text),
                                 gazetteer)
    names = [m.text for m in mentions if m.kind != "nct"]
    mapping = group_aliases(names + list(gazetteer))
    for m in mentions:
        if m.kind != "nct":
            mapping[m.text] = mapping.get(m.text, m.canonical)
    # A name mention's canonical from the nlp stage wins over a re-grouping that differs only in display.
    for m in mentions:
        if m.kind != "nct" and m.canonical and mapping.get(m.text) != m.canonical:
            target = mapping.get(m.text)
            mapping = {k: (m.canonical if v == target else v) for k, v in mapping.items()}
    nct_by_trial: dict[str, str] = {}
    for m in mentions:
        if m.nct and m.canonical and not m.canonical.startswith("NCT"):
            nct_by_trial.setdefault(mapping.get(m.text, m.canonical) if m.kind != "nct" else m.canonical, m.nct)
    index = TrialIndex(mapping, nct_by_trial, tuple(table1), tuple(parse_reference_numbers(r.reference) for r in table1))
    return index, mentions


@dataclass
class SentenceFacts:
    """What attribution needs from one sentence."""

    start: int
    end: int
    text: str
    names: list[tuple[int, str, Optional[str]]]  # (position, canonical trial name, nct)
    cites: frozenset[int]
    intro: bool


def sentence_facts(text: str, start: int, end: int, mentions: Iterable, index: TrialIndex) -> SentenceFacts:
    """Collect trial names, NCT-only mentions, citations and the new-study cue of one sentence."""
    sentence = text[start:end]
    names: list[tuple[int, str, Optional[str]]] = []
    ncts: list[tuple[int, str]] = []
    for m in mentions:
        if m.start >= start and m.end <= end:
            if m.kind == "nct":
                ncts.append((m.start, m.canonical or m.nct))
            elif not _COMPARED_NAME.search(text[max(start, m.start - 80):m.start]):
                canonical = index.name(m.text)
                names.append((m.start, canonical, m.nct or index.nct_by_trial.get(canonical)))
    if not names:
        # A registry number alone names the study when nothing else does.
        names = [(pos, name, name if name.startswith("NCT") else index.nct_by_trial.get(name)) for pos, name in ncts]
    elif ncts and len({n for _, n, _ in names}) == 1:
        pos, name, nct = names[0]
        if nct is None:
            nct = next((n for _, n in ncts if n.startswith("NCT")), None)
            names = [(p, nm, nct) for p, nm, _ in names]
            if nct:
                index.nct_by_trial.setdefault(name, nct)
    return SentenceFacts(start, end, sentence, names, citations_in(sentence), is_new_study_intro(sentence))


def study_runs(sentences: Sequence[SentenceFacts]) -> list[list[int]]:
    """Split a paragraph's sentences into study runs: a citation closes a run, a new-study cue opens one."""
    runs: list[list[int]] = []
    for i, s in enumerate(sentences):
        if not runs or s.intro:
            runs.append([i])
        else:
            runs[-1].append(i)
        if s.cites:
            runs.append([])
    return [r for r in runs if r]


def attribute_paragraph(sentences: Sequence[SentenceFacts], index: TrialIndex,
                        document_ref: Optional[StudyRef] = None) -> list[StudyRef]:
    """Give each sentence of a paragraph its study: names first, then citations via Table 1, then the study run.

    `document_ref` is the report's own trial: it fills uncited, unintroduced runs that nothing else attributes.
    """
    document_ref = document_ref or StudyRef()
    runs = study_runs(sentences)
    out: list[Optional[StudyRef]] = [None] * len(sentences)
    previous: Optional[StudyRef] = None
    for run_no, run in enumerate(runs):
        named = [(i, pos, name, nct) for i in run for pos, name, nct in sentences[i].names]
        cited = frozenset().union(*(sentences[i].cites for i in run))
        if named:
            first = StudyRef(named[0][2], named[0][3], index.row_for_trial(named[0][2]))
            current = first
            for i in run:
                own = sentences[i].names
                if own:
                    current = StudyRef(own[0][1], own[0][2], index.row_for_trial(own[0][1]))
                out[i] = current if any(n[0] <= i for n in named) else first
            previous = out[run[-1]]
            continue
        row = index.row_for_citations(cited) if cited else None
        if row is not None:
            ref = index.ref_for_row(row)
        elif sentences[run[0]].intro:
            ref = StudyRef()
        elif run_no == 0:
            ref = StudyRef() if cited else document_ref
        else:
            ref = previous if previous and previous.trial else (StudyRef() if cited else document_ref)
        for i in run:
            out[i] = ref
        previous = ref
    return [r or StudyRef() for r in out]


DOMINANT_SHARE = 0.6
DOMINANT_MIN_MENTIONS = 3


def dominant_trial(mentions: Iterable, index: TrialIndex, first_page_end: int) -> StudyRef:
    """The report's own trial: named at least 3 times, in at least 60% of name mentions, and on the first page."""
    names = [(m.start, index.name(m.text)) for m in mentions if m.kind != "nct"]
    if not names:
        return StudyRef()
    counts: dict[str, int] = {}
    for _, name in names:
        counts[name] = counts.get(name, 0) + 1
    top = max(counts, key=lambda n: counts[n])
    first = min(pos for pos, name in names if name == top)
    if counts[top] < DOMINANT_MIN_MENTIONS or counts[top] < DOMINANT_SHARE * len(names) or first >= first_page_end:
        return StudyRef()
    return StudyRef(top, index.nct_by_trial.get(top), index.row_for_trial(top))
