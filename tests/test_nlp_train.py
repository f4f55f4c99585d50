"""Training the statistical NER on a small subset, loading it and using it in the pipeline."""
from __future__ import annotations

import json

import pytest

from extractors.nlp.pipeline import build_nlp
from extractors.nlp.train import DEFAULT_DEV, DEFAULT_TRAIN, LABELS, load_ner, read_annotations, to_docbin, train_ner
from schemas.settings import ExtractSettings


def test_shipped_annotations_align_with_tokens():
    nlp = build_nlp(ExtractSettings(use_ner=False))
    for path in (DEFAULT_TRAIN, DEFAULT_DEV):
        records = read_annotations(path)
        assert len(records) >= 100
        assert {label for r in records for *_, label in r["spans"]} == set(LABELS)
        to_docbin(nlp, records)


def test_misaligned_span_is_rejected():
    nlp = build_nlp(ExtractSettings(use_ner=False))
    with pytest.raises(ValueError, match="does not align"):
        to_docbin(nlp, [{"text": "blinatumomab arm", "spans": [[0, 5, "DRUG"]]}])


def test_load_ner_returns_none_without_a_model(tmp_path):
    assert load_ner(tmp_path / "absent") is None


@pytest.mark.slow
def test_train_small_model_then_predict(tmp_path):
    model_dir = tmp_path / "ner"
    scores = train_ner(model_dir, seed=0, limit=80, max_steps=50)
    assert set(scores) >= {"precision", "recall", "f", "seconds", "n_train", "n_dev"}
    assert scores["n_train"] == 80
    assert json.loads((model_dir / "dev_scores.json").read_text())["f"] == scores["f"]
    ner = load_ner(model_dir)
    assert set(ner.get_pipe("ner").labels) == set(LABELS)
    nlp = build_nlp(ExtractSettings(ner_model_dir=model_dir, use_ner=True))
    assert "ner" in nlp.pipe_names
    doc = nlp("In the phase II LUMEN-4 trial, blinatumomab improved overall survival compared with chemotherapy.")
    assert {e.label_ for e in doc.ents} >= {"TRIAL", "DRUG"}
