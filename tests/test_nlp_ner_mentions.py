"""NER trial and drug names that the gazetteers lack: checks, per-document scope, use in extraction, thread safety."""
from __future__ import annotations

import contextvars
from concurrent.futures import ThreadPoolExecutor

import pytest

from extractors.evidence.arms import find_arms
from extractors.evidence.extract import document_abbreviations, extract_evidence
from extractors.nlp import ner_mentions
from extractors.nlp.ner_mentions import (
    NerFindings, accept_drug_name, accept_trial_name, add_ner_arms, find_ner_names, set_document_ner,
)
from schemas.settings import ExtractSettings
from tests.test_evidence_extract import make_doc

OSPREY = make_doc([
    ("title", "Velantumab in relapsed B-cell acute lymphoblastic leukaemia: the Osprey trial"),
    ("body", "In the phase 2 Osprey trial, 64 adults with relapsed disease received velantumab. Complete remission "
             "was reached in 45% of patients treated with velantumab, and the median overall survival was 9.1 months."),
])


def _trial(text: str, name: str):
    start = text.index(name)
    return accept_trial_name(text, start, start + len(name))


@pytest.mark.parametrize("text, name, accepted", [
    ("Results of MT103-211 were reported in 2015.", "MT103-211", "MT103-211"),
    ("In the Osprey trial, responses were durable.", "Osprey", "Osprey"),
    ("In Osprey, responses were durable.", "Osprey", None),              # a word name needs 'trial'/'study' after it
    ("SAFETY\nMost events were mild.", "SAFETY", None),                   # a heading on its own line
    ("The GIMEMA LAL group ran the protocol.", "GIMEMA LAL", None),       # a group without a code
    ("Published in JAMA 2021 with a trial update.", "JAMA 2021", None),   # a journal and year
    ("CD19 expression was measured in the trial.", "CD19", None),         # the rules' stoplist applies
])
def test_trial_name_checks(text, name, accepted):
    assert _trial(text, name) == accepted


@pytest.mark.parametrize("surface, accepted", [
    ("velantumab", "velantumab"), ("Velantumab", "velantumab"), ("TX-4471", "TX-4471"),
    ("rivocabtagene autoleucel", None),  # found by the cell-therapy INN rule since round 24 (CELL_THERAPY_INN)
    ("blinatumomab", None),      # in the arm lexicon already
    ("Kymriah", None),           # a listed brand
    ("autoleucel", None),        # the second word of an INN alone
    ("CD19", None), ("LAL1811", None), ("frontline", None), ("tisagenlecleucel\n", None),
])
def test_drug_name_checks(surface, accepted):
    assert accept_drug_name(surface) == accepted


def test_ner_arms_cover_only_names_the_lexicon_lacks():
    text = "Velantumab and blinatumomab were compared; velantumab was better."
    findings = NerFindings(drug_names=("velantumab",), document="Intro. " + text)

    def arms():
        ner_mentions._current.set(findings)
        return find_arms(text)

    arms = contextvars.copy_context().run(arms)
    assert [(text[a.start:a.end], a.arm) for a in arms] == [
        ("Velantumab", "velantumab"), ("blinatumomab", "blinatumomab"), ("velantumab", "velantumab")]
    assert add_ner_arms(text, []) == []  # outside a document's context no NER name applies

    def other_document():
        ner_mentions._current.set(findings)
        return find_arms("velantumab was given.")  # not part of the document the names were found in

    assert contextvars.copy_context().run(other_document) == []


def test_use_ner_off_finds_nothing():
    assert contextvars.copy_context().run(set_document_ner, OSPREY.text, ExtractSettings(use_ner=False)) == NerFindings()


def test_shipped_model_adds_unseen_trial_and_drug():
    findings = find_ner_names(OSPREY.text, ExtractSettings(use_ner=True))
    assert "Osprey" in findings.trial_names and "velantumab" in findings.drug_names


def test_extraction_with_and_without_ner():
    """The NER is what attaches an unlisted drug; without it the arm stays empty (the study's name, 'the Osprey trial'
    in the title, the frame's word-name rule finds with or without it)."""
    def read(use_ner):
        return [(r.trial, r.endpoint, r.arm, r.value) for r in extract_evidence(OSPREY, (), ExtractSettings(use_ner=use_ner))]

    assert read(False) == [("Osprey", "CR", None, 45.0), ("Osprey", "OS", None, 9.1)]
    assert read(True) == [("Osprey", "CR", "velantumab", 45.0), ("Osprey", "OS", "velantumab", 9.1)]


def test_abbreviation_detector_gave_other_results_in_threads_regression():
    """Two threads sharing the pipeline made scispaCy's detector fail and fall back to the regex scan."""
    docs = [make_doc([("body", f"Minimal residual disease (MRD) and complete remission (CR) were assessed in {n} "
                               "patients; cytokine release syndrome (CRS) and overall survival (OS) were recorded. " * 40)])
            for n in range(6)]
    sequential = [document_abbreviations(d) for d in docs]
    for _ in range(5):  # without the lock, about two rounds in five differed
        with ThreadPoolExecutor(2) as pool:
            assert list(pool.map(document_abbreviations, docs)) == sequential
