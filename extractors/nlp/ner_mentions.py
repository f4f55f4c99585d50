"""Trial and drug names that the statistical NER finds in a document and the gazetteers and rules lack.

The NER proposes; the shape checks below (each with its reason) decide. Accepted names are held per document
(a context variable set by `extract_evidence`) and added where the rules look for names: trial names go into
`find_trial_mentions` as listed names, drug names become arm mentions in `find_arms`.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional, Sequence

from spacy.tokens import Doc

from extractors.evidence.known_arms import ArmMention, find_known_arms
from extractors.evidence.numbers import one_line
from extractors.evidence.rules import WORD_NAME_STOPLIST
from extractors.nlp.ner_candidates import (
    MAX_NAME_CHARS, NAME_STRIP, STUDY_CUE_AFTER, WORD_NAME_SHAPE, paragraph_name_spans,
)
from extractors.nlp.pipeline import NLP_LOCK, get_nlp
from extractors.nlp.trials import canonical_key, rejection_reason
from schemas.settings import ExtractSettings

NER_RULE = "ner"

# Word-shaped trial names ('Osprey') are taken only before a study word, as in 'the Osprey trial'.
_TRIAL_CUE_AFTER = re.compile(STUDY_CUE_AFTER)
# ... unless the word is a section, design, place-adjective or institution word ('the Italian study').
_WORD_NAME_STOPLIST = re.compile(WORD_NAME_STOPLIST.pattern)
# Drug names the NER may add: INN stems, CAR-T short names and sponsor product codes.
DRUG_SHAPES: tuple[tuple[str, str], ...] = (
    (r"^[a-z]{3,}(?:mab|cel|leucel|tagene|nib|tinib|clax|parib|lisib|zomib|degib|rabine|platin|mide|stat|tide|cept)$",
     "international nonproprietary names end in a class stem (-mab antibodies, -leucel/-cel cell therapies, "
     "-nib kinase inhibitors ...)"),
    (r"^[a-z]{3,}(?:mab|tagene) (?:[a-z]+leucel|vedotin|ozogamicin|mafodotin|tesirine|pasudotox)$",
     "two-word INNs of cell therapies and antibody conjugates ('x-cabtagene autoleucel', 'x-tuzumab vedotin')"),
    (r"^[a-z]{3,}-cel$", "short names of cell therapies ('obe-cel')"),
    (r"^[A-Z]{2,5}[- ]?\d{2,5}[A-Z]?$", "sponsor product codes ('TX-4471', 'SY 1012')"),
)
_DRUG_SHAPES = tuple(re.compile(p) for p, _ in DRUG_SHAPES)
# Drug-shaped words that are not drug names, each with its reason.
NOT_DRUG_NAMES: tuple[tuple[str, str], ...] = (
    (r"^(?:CD|IL|HLA|NCT|G|Gr|COG|AALL|SWOG|HOVON|ECOG|UKALL|CALGB|JALSG|GIMEMA|LAL|ALL)[- ]?\d",
     "markers, cytokines, registry numbers, grades and cooperative-group protocol codes"),
    (r"^[a-z]*(?:auto|mara|cilo|vic|lifi)leucel$|^(?:vedotin|ozogamicin|mafodotin|tesirine|pasudotox)$",
     "the second word of a two-word INN alone"),
)
_NOT_DRUG_NAMES = tuple(re.compile(p) for p, _ in NOT_DRUG_NAMES)
_SPACED_CODE = re.compile(r"^([A-Z]{2,5}) \d")


@dataclass(frozen=True)
class NerFindings:
    """Names the NER found in one document and the checks accepted."""

    trial_names: tuple[str, ...] = ()
    drug_names: tuple[str, ...] = ()
    document: str = ""  # the text they were found in
    scope: str = ""  # the text they apply to: the document with its tables' headers and cells; the document if empty

    def covers(self, text: str) -> bool:
        """True when text is part of the document these names were found in (its tables included)."""
        return part_of_document(text, self.scope or self.document)


_current: ContextVar[Optional[NerFindings]] = ContextVar("ner_findings", default=None)
_arms_added: ContextVar[int] = ContextVar("ner_arms_added", default=0)


PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
"""The unit the NER reads: lines up to a blank line."""
NAME_CACHE_SIZE = 4096
"""Span texts (and names) whose checks are remembered: enough for a document's repeats, little memory."""
NER_BATCH_PARAGRAPHS = 16
"""Paragraphs the NER reads at a time; each batch's names tell which later paragraphs can still add one."""


def ner_entities(text: str, settings: ExtractSettings) -> list[tuple[int, int, str]]:
    """(start, end, label) of the statistical NER on text, paragraph by paragraph; [] without a model."""
    nlp = get_nlp(settings)
    if "ner" not in nlp.pipe_names:
        return []
    paragraphs = list(PARAGRAPH.finditer(text))
    with NLP_LOCK:
        docs = list(nlp.get_pipe("ner").pipe((nlp.make_doc(m.group(0)) for m in paragraphs), batch_size=64))
    return [(m.start() + e.start_char, m.start() + e.end_char, e.label_) for m, doc in zip(paragraphs, docs)
            for e in doc.ents]


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _clean(surface: str) -> Optional[str]:
    """The name without surrounding punctuation; None when it spans lines or is too short or long."""
    name = surface.strip().strip(NAME_STRIP).strip()
    if "\n" in name or not 3 <= len(name) <= MAX_NAME_CHARS:
        return None
    return name


# Trial-name shapes the NER proposes that are not names, each with its reason.
NOT_TRIAL_NAMES: tuple[tuple[str, str], ...] = (
    (r"^NCT\b", "registry numbers are NCT mentions of the rules"),
    (r".*[.–—+]", "citations ('N.W.C.J'), page ranges ('S221–S225') and disease shorthand ('Ph+ ALL')"),
    (r".*\s(?:19|20)\d\d$", "a journal or meeting with its year ('JAMA 2021')"),
    (r".*\s(?!.*\d)\S+$", "a multi-word name ends in a code with a digit ('SWOG 1318'); 'GIMEMA LAL' is a group"),
)
_NOT_TRIAL_NAMES = tuple(re.compile(p) for p, _ in NOT_TRIAL_NAMES)
# A sponsor's product code with a protocol number names its study ('MT103-211'), though the code alone is a drug.
_SPONSOR_PROTOCOL = re.compile(r"^[A-Z]{2,5}-?\d{2,6}[- ]\d{3}$")
_STUDY_WORD = re.compile(r"(?i)\b(?:trials?|stud(?:y|ies)|phase\s+(?:[IV]+|[1-4]))\b")
DATELINE = re.compile(r"[A-Z][A-Z.'’]+(?:[ ,]+[A-Z0-9][A-Za-z0-9.'’]*){0,6},?\s*(?:\([^()\n]{1,30}\)\s*)?[-—–]{1,2}\s")
"""A news story's dateline opening its line ('SAN DIEGO - ', 'LEEDS, England, December 7 - '): a place, never a study."""
RUN_IN_HEADING_BEFORE = re.compile(r"[\s\u2022\u25aa*&,A-Z-]*")
RUN_IN_HEADING_AFTER = re.compile(r"(?:,?\s+[A-Z][A-Z&-]+)*\s+(?!(?:Trials?|Stud(?:y|ies)|Phase|Investigators|Group|Protocol|Cohort)\b)[A-Z][a-z]")
"""An all-capitals word that opens its line, after nothing but other capitals, and runs into a capitalised sentence
('DISCLOSURES In the ... trial', 'MEDIA CONTACT Jane ...', 'KEY TAKEAWAYS The ...') is a run-in heading, not a name."""
STUDY_CONTEXT_CHARS = 120
"""A name tagged once needs a study word this close; names tagged twice or more do not."""


def accept_trial_name(text: str, start: int, end: int) -> Optional[str]:
    """The NER's trial span as a name when the rules' stoplists and shapes allow it, else None."""
    name = _clean(text[start:end])
    shape = None if name is None else _trial_name_shape(name)
    if shape is None:
        return None
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    if not re.search(r"\w", text[line_start:start] + text[end:line_end if line_end >= 0 else len(text)]):
        return None  # a line of its own is a heading ('SAFETY'), not a name in use
    if re.fullmatch(r"[A-Z][A-Z&-]+", name) and RUN_IN_HEADING_BEFORE.fullmatch(text, line_start, start) \
            and RUN_IN_HEADING_AFTER.match(text, end):
        return None
    dateline = DATELINE.match(text, line_start)
    if dateline and end <= dateline.end():
        return None
    if shape == "word":
        name_end = start + text[start:end].find(name) + len(name)
        return name if _TRIAL_CUE_AFTER.match(text, name_end) else None
    return name


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _trial_name_shape(name: str) -> Optional[str]:
    """'name' when the stoplists and shapes accept the name anywhere, 'word' when only right before a study word
    ('the Osprey trial'), None when never."""
    if any(rx.match(name) for rx in _NOT_TRIAL_NAMES):
        return None
    reason = rejection_reason(name, NER_RULE)
    if reason is None or (reason == "non_trial_parts" and _SPONSOR_PROTOCOL.match(name)):
        return "name"
    if reason == "not_an_acronym" and re.fullmatch(WORD_NAME_SHAPE, name) and not _WORD_NAME_STOPLIST.match(name):
        return "word"
    return None


@lru_cache(maxsize=NAME_CACHE_SIZE)
def accept_drug_name(name_surface: str, gazetteer_dir=None) -> Optional[str]:
    """The NER's drug span as a drug name when it has a drug's shape and no gazetteer or lexicon entry covers it."""
    name = _clean(name_surface)
    if name is None:
        return None
    if name[0].isupper() and name[1:2].islower():  # 'Velantumab' opening a sentence
        name = name[0].lower() + name[1:]
    if not any(rx.match(name) for rx in _DRUG_SHAPES) or any(rx.match(name) for rx in _NOT_DRUG_NAMES):
        return None
    if any(a.start <= 0 and a.end >= len(name) for a in find_known_arms(name, gazetteer_dir)):
        return None
    if rejection_reason(name.upper(), NER_RULE) == "non_trial_term":  # genes, agencies, units listed as non-trials
        return None
    return name


def _short_form_and_count(name: str, text: str) -> bool:
    """True for a spaced code ('PVR 143') whose letters the text also prints alone, not before a number."""
    spaced = _SPACED_CODE.match(name)
    return bool(spaced) and re.search(rf"(?<![\w-]){spaced.group(1)}(?![\w-])(?!\s*\d)", text) is not None


class _NameTally:
    """The names accepted so far from a document's NER entities, read in text order."""

    def __init__(self, text: str, gazetteer_dir) -> None:
        self.text, self.gazetteer_dir = text, gazetteer_dir
        self.tagged: dict[str, list[int]] = {}
        self.kept: set[str] = set()  # tagged trial names that are kept whatever else is tagged
        self.drugs: dict[str, None] = {}
        self.printed: dict[str, int] = {}  # how often the text prints a name

    def add(self, start: int, end: int, label: str) -> None:
        """Read one entity."""
        text = self.text
        if label == "TRIAL" and (name := accept_trial_name(text, start, end)):
            starts = self.tagged.setdefault(name, [])
            starts.append(start)
            if name not in self.kept and (len(starts) >= 2 or _STUDY_WORD.search(
                    text, max(0, start - STUDY_CONTEXT_CHARS), start + STUDY_CONTEXT_CHARS)):
                self.kept.add(name)
        elif label == "DRUG" and (name := accept_drug_name(text[start:end], self.gazetteer_dir)):
            self.drugs[name] = None

    def may_change(self, spans) -> bool:
        """True when some span could give a trial name not yet kept or a drug name not yet accepted."""
        if spans.unbounded:
            return True
        text = self.text
        for start, end in spans.trial:
            name = _clean(text[start:end])
            if name is None or name in self.kept or _trial_name_shape(name) is None:
                continue
            name = accept_trial_name(text, start, end)
            if name is not None and name not in self.kept and self._may_keep(name, start):
                return True
        for start, end in spans.drug:
            name = accept_drug_name(text[start:end], self.gazetteer_dir)
            if name is not None and name not in self.drugs:
                return True
        return False

    def _may_keep(self, name: str, start: int) -> bool:
        """Whether a tag of name at start could keep it: a study word near it, or a second place the text prints it."""
        if _STUDY_WORD.search(self.text, max(0, start - STUDY_CONTEXT_CHARS), start + STUDY_CONTEXT_CHARS):
            return True
        if name not in self.printed:
            self.printed[name] = self.text.count(name)
        return self.printed[name] >= 2

    def findings(self) -> NerFindings:
        """The names kept: trial names tagged twice or once near a study word, drug names no trial name holds."""
        text = self.text
        trials = {name: None for name in self.tagged if name in self.kept}
        # a code inside a trial name ('LAL1811' of 'GIMEMA LAL1811') is that trial, not a drug; letters the text also
        # uses alone ('PVR (the experimental arm): ...', '(PVR)') before a number ('PVR 143') are an arm and its count
        drugs = {d: None for d in self.drugs
                 if not any(d.lower() in t.lower() for t in trials) and not _short_form_and_count(d, text)}
        return NerFindings(tuple(trials), tuple(drugs), text)


def find_ner_names(text: str, settings: ExtractSettings) -> NerFindings:
    """Run the NER on a document's text and keep the trial and drug names that pass the checks."""
    # The NER reads only paragraphs where some span could still give a new name (ner_candidates): in the others,
    # whatever it tagged would change nothing.
    gazetteer_dir = settings.gazetteer_dir if settings.gazetteer_dir.exists() else None
    tally = _NameTally(text, gazetteer_dir)
    nlp = get_nlp(settings)
    if "ner" not in nlp.pipe_names:
        return tally.findings()
    ner = nlp.get_pipe("ner")
    pending: list[tuple[int, Doc]] = []

    def read_pending() -> None:
        with NLP_LOCK:
            docs = list(ner.pipe([doc for _, doc in pending], batch_size=NER_BATCH_PARAGRAPHS))
        for (offset, _), doc in zip(pending, docs):
            for e in doc.ents:
                tally.add(offset + e.start_char, offset + e.end_char, e.label_)
        pending.clear()

    with NLP_LOCK:
        paragraphs = [(m.start(), nlp.make_doc(m.group(0))) for m in PARAGRAPH.finditer(text)]
    for paragraph, spans in zip(paragraphs, paragraph_name_spans(text, paragraphs)):
        if tally.may_change(spans):
            pending.append(paragraph)
            if len(pending) >= NER_BATCH_PARAGRAPHS:
                read_pending()
    if pending:
        read_pending()
    return tally.findings()


def set_document_ner(text: str, settings: ExtractSettings, scope: str = "") -> NerFindings:
    """Find the NER names of the document being extracted and hold them for this thread (empty if use_ner is off);
    they apply to scope (the text with its tables), or to the text alone."""
    findings = replace(find_ner_names(text, settings), scope=scope) if settings.use_ner else NerFindings()
    _current.set(findings)
    return findings


def current_ner() -> NerFindings:
    """The NER names of the document being extracted in this thread."""
    return _current.get() or NerFindings()


def held_ner() -> Optional[NerFindings]:
    """The NER names held for this thread's current document, as set (None before any)."""
    return _current.get()


def ner_trial_names(text: str) -> tuple[str, ...]:
    """Trial names to search as listed names in text, a part of the current document."""
    findings = current_ner()
    return findings.trial_names if findings.trial_names and findings.covers(text) else ()


@lru_cache(maxsize=16384)
def part_of_document(text: str, document: str) -> bool:
    """True when text occurs in the document, or in it read as one line (a clause running over a block break)."""
    return text in document or text in _one_line_document(document)


@lru_cache(maxsize=4)
def _one_line_document(document: str) -> str:
    return one_line(document)


def mark_ner_mentions(mentions: Sequence, names: Sequence[str], listed: Sequence[str] = ()) -> list:
    """Give mentions found only through an NER name the rule id 'ner' (provenance)."""
    ner_keys = {canonical_key(n) for n in names} - {canonical_key(n) for n in listed}
    return [m._replace(rule=NER_RULE) if m.rule == "gazetteer" and canonical_key(m.text) in ner_keys else m
            for m in mentions]


def add_ner_arms(text: str, arms: Sequence) -> list:
    """Arm mentions plus every occurrence of an NER drug name of the current document that none of them covers."""
    findings = current_ner()
    names = findings.drug_names
    if not names or not findings.covers(text):  # names of another document never apply
        return list(arms)
    out = list(arms)
    by_lower = {n.lower(): n for n in names}
    for m in _drug_names_pattern(names).finditer(text):
        if all(m.end() <= a.start or m.start() >= a.end for a in out):
            out.append(ArmMention(m.start(), m.end(), by_lower[m.group(0).lower()], False, 1))
    if len(out) > len(arms):
        note_arms_added()
    return sorted(out)


def note_arms_added() -> None:
    """Count that a reading used arm mentions the rules-only pass may lack (see body.read_clause_once)."""
    _arms_added.set(_arms_added.get() + 1)


@lru_cache(maxsize=64)
def _drug_names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternation})(?![A-Za-z0-9])", re.IGNORECASE)


def ner_arms_added() -> int:
    """How many find_arms answers of this thread an NER drug name has changed so far (a running count).

    A computation during which the count stays the same read exactly what the rules alone read.
    """
    return _arms_added.get()
