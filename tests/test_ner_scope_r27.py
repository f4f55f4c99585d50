"""The NER reads only paragraphs where a span could still give a new name; the findings stay those of a full reading."""
from __future__ import annotations

import re

import pytest

from extractors.nlp import ner_mentions
from extractors.nlp.ner_candidates import DRUG_NAME_ENDINGS, WHITESPACE, paragraph_name_spans
from extractors.nlp.ner_mentions import (
    DRUG_SHAPES, PARAGRAPH, NerFindings, accept_drug_name, accept_trial_name, find_ner_names, ner_entities,
)
from extractors.nlp.pipeline import get_nlp
from schemas.settings import ExtractSettings

TEXTS = [
    "Velantumab in relapsed B-cell ALL: the Osprey trial\n\nIn the phase 2 Osprey trial, 64 adults received "
    "velantumab (TX-4471). Complete remission was reached in 45% (95% CI, 30-60) with velantumab.\n\n"
    "The KESTREL-3 study (NCT01234567) compared obe-cel with chemotherapy; in KESTREL-3, 12 of 20 responded.",
    "Results of MT103-211 were reported. The GIMEMA LAL1811 and the GALENA-1 trials; ALL (GMALL 2639) and "
    "2 UMBRA-4.\n( - ( ABC1 )) and [[XYZ-12]] were listed; CD19 and CD22 were measured.\n\nOngoing\nstudy of "
    "rivocabtagene autoleucel and loncastuximab tesirine in the Meridian-2 study: 40%.\n\n"
    "SAFETY\nMost events were mild. DISCLOSURES In the ZENITH trial, AB 123 and x-ZUMAB-7 were given.",
    "Ａ１ＢＣ full-width ＡＢＣＤ-１ and Éclair-2 trial; CART/ABC12 and ABC/def, 3/4 arms; PVR 143 and PVR."
    "\n\n"
    "—— ——\n(((((((((( ABCD-12 ))))))))))\n",
]


def _all_spans(text: str, offset: int, doc):
    """Every token span of the paragraph, in the document's offsets."""
    for i in range(len(doc)):
        for j in range(i, len(doc)):
            yield offset + doc[i].idx, offset + doc[j].idx + len(doc[j])


@pytest.mark.parametrize("text", TEXTS)
def test_every_span_a_name_check_accepts_is_listed(text):
    nlp = get_nlp(ExtractSettings())
    paragraphs = [(m.start(), nlp.make_doc(m.group(0))) for m in PARAGRAPH.finditer(text)]
    for (offset, doc), spans in zip(paragraphs, paragraph_name_spans(text, paragraphs)):
        if spans.unbounded:
            continue
        trial, drug = set(spans.trial), set(spans.drug)
        drug_names = {accept_drug_name(text[s:e]) for s, e in drug}
        for start, end in _all_spans(text, offset, doc):
            if accept_trial_name(text, start, end) is not None:
                assert (start, end) in trial, text[start:end]
            name = accept_drug_name(text[start:end])
            if name is not None:
                assert name in drug_names, text[start:end]


def test_a_long_punctuation_run_makes_the_paragraph_unbounded():
    nlp = get_nlp(ExtractSettings())
    text = "(((((((((( ABCD-12 ))))))))))"
    spans = paragraph_name_spans(text, [(0, nlp.make_doc(text))])
    assert spans[0].unbounded


def _full_reading(text: str, settings: ExtractSettings) -> NerFindings:
    """The findings as the NER reading every paragraph gives them (the tally fed every entity)."""
    gazetteer_dir = settings.gazetteer_dir if settings.gazetteer_dir.exists() else None
    tally = ner_mentions._NameTally(text, gazetteer_dir)
    for start, end, label in ner_entities(text, settings):
        tally.add(start, end, label)
    return tally.findings()


REPEATING = ("The HALCYON-2 trial tested velantumab.\n\n" + "\n\n".join(
    f"Of the patients given velantumab, {n}% responded (HALCYON-2)." for n in range(10, 40))
    + "\n\nThe ORCHID-4 study followed; in ORCHID-4 and HALCYON-2, rates were 30% and 40%.")


@pytest.mark.parametrize("text", TEXTS + [REPEATING])
def test_findings_equal_a_full_reading(text):
    settings = ExtractSettings()
    assert find_ner_names(text, settings) == _full_reading(text, settings)


class _CountingNlp:
    """The pipeline, with the paragraphs its NER reads noted."""

    def __init__(self, nlp, read: list[str]) -> None:
        self.nlp, self.read = nlp, read
        self.pipe_names, self.make_doc = nlp.pipe_names, nlp.make_doc

    def get_pipe(self, name):
        pipe, read = self.nlp.get_pipe(name), self.read

        class Counting:
            def pipe(self, docs, **kwargs):
                docs = list(docs)
                read.extend(d.text for d in docs)
                return pipe.pipe(docs, **kwargs)
        return Counting()


def test_paragraphs_that_can_add_no_name_are_not_read_regression_ner_read_every_paragraph(monkeypatch):
    settings = ExtractSettings()
    read: list[str] = []
    nlp = _CountingNlp(get_nlp(settings), read)
    monkeypatch.setattr(ner_mentions, "get_nlp", lambda _settings: nlp)
    monkeypatch.setattr(ner_mentions, "NER_BATCH_PARAGRAPHS", 1)
    findings = find_ner_names(REPEATING, settings)
    assert "HALCYON-2" in findings.trial_names
    assert len(read) < len(list(PARAGRAPH.finditer(REPEATING))) // 2
    assert "Of the patients given velantumab, 25% responded (HALCYON-2)." not in read


def test_whitespace_is_what_str_strip_removes():
    assert set(WHITESPACE) == {chr(c) for c in range(0x110000) if chr(c).isspace()}


def test_every_lower_case_drug_shape_ends_in_a_listed_ending():
    for pattern, _ in DRUG_SHAPES:
        for group in re.findall(r"\(\?:([a-z|]+)\)", pattern):
            for stem in group.split("|"):
                assert stem.endswith(DRUG_NAME_ENDINGS), (pattern, stem)
    assert "abcdefmab-cel".endswith(DRUG_NAME_ENDINGS)  # the '-cel' shape


def test_a_name_printed_once_far_from_a_study_word_needs_no_reading_regression_unkeepable_names_read(monkeypatch):
    settings = ExtractSettings()
    once = "Of the patients given velantumab, 25% responded (HALCYON-2); CD19 and CD22 levels were high."
    text = REPEATING + "\n\n" + "Filler words without any name at all, repeated to keep things far apart. " * 3 \
        + "\n\n" + once
    read: list[str] = []
    nlp = _CountingNlp(get_nlp(settings), read)
    monkeypatch.setattr(ner_mentions, "get_nlp", lambda _settings: nlp)
    monkeypatch.setattr(ner_mentions, "NER_BATCH_PARAGRAPHS", 1)
    findings = find_ner_names(text, settings)
    monkeypatch.undo()
    assert once not in read  # 'CD19 and CD22' could be tagged once, and would not be kept
    assert findings == _full_reading(text, settings)
