"""Build the spaCy pipeline: scientific tokenizer, rule sentences, abbreviations, gazetteer ruler, trial rules, NER."""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

import numpy
import scispacy.abbreviation  # noqa: F401  (registers the abbreviation_detector factory)
import spacy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from extractors.nlp.gazetteers import DEFAULT_GAZETTEER_DIR, load_drugs, load_known_trials
from extractors.nlp.sentences import split_sentences
from extractors.nlp.tokenizer import customize_tokenizer
from extractors.nlp.train import load_ner
from extractors.nlp.trials import TrialMention, find_trial_mentions
from schemas.settings import ExtractSettings

log = logging.getLogger(__name__)

PIPELINE_VERSION = "nlp-1"
__all__ = ["build_nlp", "get_nlp", "split_sentences", "PIPELINE_VERSION", "NLP_LOCK"]

NLP_LOCK = threading.Lock()
"""Held while a shared pipeline's components run: scispaCy's abbreviation detector and the NER are not thread-safe."""


@Language.component("rule_sentencizer")
def rule_sentencizer(doc: Doc) -> Doc:
    """Set sentence starts from the rule-based character-span segmentation."""
    if len(doc):
        starts = numpy.array([start for start, _ in split_sentences(doc.text)], dtype="uint64")
        values = numpy.where(numpy.isin(doc.to_array(IDX), starts), 1, -1).astype("int64")
        values[0] = 1
        doc.from_array([SENT_START], values.reshape(-1, 1).view("uint64"))
    return doc


if not Doc.has_extension("trial_mentions"):
    Doc.set_extension("trial_mentions", default=None)


@Language.factory("trial_mentions", default_config={"overwrite_ents": True})
def make_trial_mentions(nlp: Language, name: str, overwrite_ents: bool) -> "TrialMentionTagger":
    """Create the rule-based trial-mention tagger."""
    return TrialMentionTagger(overwrite_ents)


class TrialMentionTagger:
    """Adds find_trial_mentions results as TRIAL/NCT entities; rule spans win over overlapping ones."""

    def __init__(self, overwrite_ents: bool = True) -> None:
        self.overwrite_ents = overwrite_ents

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[TrialMention] = find_trial_mentions(doc.text)
        doc._.trial_mentions = mentions
        spans = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label="NCT" if m.kind == "nct" else "TRIAL", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        spans = filter_spans(spans)
        if self.overwrite_ents:
            taken = {i for s in spans for i in range(s.start, s.end)}
            others = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        else:
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            others = list(doc.ents)
            spans = [s for s in spans if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted(others + spans, key=lambda s: s.start)
        return doc


class ShortParenthesisMatcher:
    """The matches of scispaCy's '( anything+ )' Matcher that its filter_matches keeps, in the Matcher's order.

    The Matcher yields every pair of an opening and a later closing bracket, which grows with the square of the
    brackets in a document; filter_matches then drops all whose inside is longer than MAX_INSIDE tokens.
    """

    MAX_INSIDE = 8
    """scispaCy's filter_matches skips a bracket whose inside spans more tokens than this."""

    def __init__(self, vocab) -> None:
        self.match_id = vocab.strings.add("parenthesis")
        self.open_id, self.close_id = vocab.strings.add("("), vocab.strings.add(")")

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every '(' ... ')' with 1 to MAX_INSIDE tokens inside: by end, then latest start."""
        orth = doc.to_array(ORTH) if len(doc) else numpy.zeros(0, dtype="uint64")
        opens = set(numpy.flatnonzero(orth == self.open_id).tolist())
        matches = []
        for close in numpy.flatnonzero(orth == self.close_id).tolist():
            for start in range(close - 2, max(close - self.MAX_INSIDE - 2, -1), -1):
                if start in opens:
                    matches.append((self.match_id, start, close + 1))
        return matches


class ExactSequenceMatcher:
    """scispaCy's global matcher for its 'ORTH' token-sequence patterns, in the order spaCy's Matcher gives.

    spaCy's Matcher reads every token of the document as a Python object once per call; the detector calls it once
    per document with only exact-text patterns, which a scan of the token ids finds. Matches come by last token,
    then by first token, then by the order their patterns were added; each (key, start, end) once.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self._patterns: dict[int, list[tuple[int, ...]]] = {}  # key id -> token-id sequences, in the order added

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        """Add exact-text patterns ([{'ORTH': text}, ...]) under key; any other pattern is refused."""
        sequences = []
        for pattern in patterns:
            if not pattern or any(set(token) != {"ORTH"} for token in pattern):
                raise ValueError(f"only non-empty sequences of {{'ORTH': text}} are allowed, not {pattern!r}")
            sequences.append(tuple(self.vocab.strings.add(token["ORTH"]) for token in pattern))
        self._patterns.setdefault(self.vocab.strings.add(key), []).extend(sequences)

    def remove(self, key: str) -> None:
        """Remove the patterns of key."""
        self._patterns.pop(self.vocab.strings[key])

    def __len__(self) -> int:
        return len(self._patterns)

    def __contains__(self, key: str) -> bool:
        return self.vocab.strings[key] in self._patterns

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(key id, start, end) of every occurrence of a pattern's token sequence."""
        orth = doc.to_array(ORTH) if len(doc) else numpy.zeros(0, dtype="uint64")
        found = []
        order = 0
        for key, sequences in self._patterns.items():
            for sequence in sequences:
                size = len(sequence)
                for start in numpy.flatnonzero(orth == sequence[0]).tolist():
                    if start + size <= len(orth) and all(orth[start + k] == sequence[k] for k in range(1, size)):
                        found.append((start + size, start, order, key))
                order += 1
        found.sort()
        out, seen = [], set()
        for end, start, _, key in found:
            if (key, start, end) not in seen:
                seen.add((key, start, end))
                out.append((key, start, end))
        return out


def ruler_patterns(nlp: Language, gazetteer_dir: Path = DEFAULT_GAZETTEER_DIR) -> list[dict]:
    """Return EntityRuler patterns for drugs/arms (DRUG), known trials (TRIAL) and NCT numbers (NCT)."""
    patterns: list[dict] = []

    def token_pattern(text: str, exact: bool) -> list[dict]:
        return [{"ORTH": t.text} if exact else {"LOWER": t.lower_} for t in nlp.make_doc(text)]

    for drug in load_drugs(gazetteer_dir):
        if drug.drug_class == "procedure":
            continue
        for name in drug.names:
            exact = len(name) <= 4 or any(c.isupper() for c in name[1:])
            patterns.append({"label": "DRUG", "pattern": token_pattern(name, exact), "id": drug.canonical})
    for trial in load_known_trials(gazetteer_dir):
        patterns.append({"label": "TRIAL", "pattern": token_pattern(trial.name, True), "id": trial.name})
    patterns.append({"label": "NCT", "pattern": [{"TEXT": {"REGEX": r"^NCT\d{8}$"}}], "id": "nct"})
    patterns.append({"label": "NCT", "pattern": [{"ORTH": "NCT"}, {"SHAPE": "dddd", "LENGTH": 8}], "id": "nct"})
    return patterns


def _statistical_ner(settings: ExtractSettings) -> Language | None:
    if not settings.use_ner:
        return None
    try:
        return load_ner(settings.ner_model_dir)
    except (OSError, ValueError) as exc:
        log.warning("NER model in %s could not be loaded (%s); continuing with rules only", settings.ner_model_dir, exc)
        return None


def _base(settings: ExtractSettings) -> Language:
    if settings.base_model:
        try:
            return spacy.load(settings.base_model, exclude=["ner"])
        except OSError:
            log.info("base model %r is not installed; using a blank English pipeline", settings.base_model)
    return spacy.blank("en")


def build_nlp(settings: ExtractSettings | None = None) -> Language:
    """Build the pipeline: tokenizer tweaks, sentences, abbreviations, statistical NER, ruler, trial rules."""
    settings = settings or ExtractSettings()
    nlp = _base(settings)
    customize_tokenizer(nlp)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("rule_sentencizer", first=True)
    detector = nlp.add_pipe("abbreviation_detector")
    detector.matcher = ShortParenthesisMatcher(nlp.vocab)
    detector.global_matcher = ExactSequenceMatcher(nlp.vocab)  # same matches as spaCy's Matcher, far cheaper
    ner = _statistical_ner(settings)
    if ner is not None:
        nlp.add_pipe("ner", source=ner)
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True, "validate": True})
    ruler.add_patterns(ruler_patterns(nlp, settings.gazetteer_dir))
    nlp.add_pipe("trial_mentions")
    nlp.meta["name"] = "trial_evidence_nlp"
    nlp.meta["version"] = PIPELINE_VERSION
    return nlp


@lru_cache(maxsize=4)
def _cached(settings: ExtractSettings) -> Language:
    return build_nlp(settings)


def get_nlp(settings: ExtractSettings | None = None) -> Language:
    """Return a cached pipeline for these settings."""
    return _cached(settings or ExtractSettings())

