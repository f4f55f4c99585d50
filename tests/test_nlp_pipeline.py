"""The spaCy pipeline: tokenizer rules, sentences, abbreviations, gazetteer ruler and trial entities."""
from __future__ import annotations

import pytest

from extractors.nlp.pipeline import build_nlp, get_nlp, ruler_patterns
from extractors.nlp.trials import TrialMention
from schemas.settings import ExtractSettings


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    return build_nlp(ExtractSettings(ner_model_dir=tmp_path_factory.mktemp("no_model")))


@pytest.mark.parametrize("text, tokens", [
    ("34%", ["34", "%"]),
    ("95%CI", ["95", "%", "CI"]),
    ("CD19-positive", ["CD19-positive"]),
    ("NCT01234567", ["NCT01234567"]),
    ("4–1BB", ["4–1BB"]),
    ("ZUMA-3", ["ZUMA-3"]),
    ("INO-VATE", ["INO-VATE"]),
    ("KTE-X19", ["KTE-X19"]),
    ("29–54", ["29", "–", "54"]),
    ("p<0.001", ["p", "<", "0.001"]),
    ("≥5%", ["≥", "5", "%"]),
    ("with ChT.", ["with", "ChT", "."]),
])
def test_tokenizer_keeps_codes_and_splits_units(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_pipeline_without_model_dir_has_rule_components_only(nlp):
    assert nlp.pipe_names == ["rule_sentencizer", "abbreviation_detector", "entity_ruler", "trial_mentions"]


def test_abbreviation_detector_finds_long_form(nlp):
    doc = nlp("The event-free survival (EFS) was 31% vs. 12%, and EFS was longer with blinatumomab.")
    pairs = {(a.text, a._.long_form.text) for a in doc._.abbreviations}
    assert ("EFS", "event-free survival") in pairs


def test_sentences_follow_the_rule_segmenter(nlp):
    doc = nlp("CR was 34% vs. 16% (Fig. 2). Kantarjian et al. reported it. The end.")
    assert [s.text for s in doc.sents] == ["CR was 34% vs. 16% (Fig. 2).", "Kantarjian et al. reported it.", "The end."]


def test_entities_from_gazetteers_and_trial_rules(nlp):
    doc = nlp("In the phase III TOWER study (ClinicalTrials.gov identifier: NCT 02013167), blinatumomab "
              "was compared with chemotherapy; Tisa-cel and InO were given later in the ORCA-7 trial.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("TOWER", "TRIAL"), ("NCT 02013167", "NCT"), ("blinatumomab", "DRUG"), ("chemotherapy", "DRUG"),
            ("Tisa-cel", "DRUG"), ("InO", "DRUG"), ("ORCA-7", "TRIAL")} <= ents
    assert all(isinstance(m, TrialMention) for m in doc._.trial_mentions)


def test_drug_names_do_not_become_trials(nlp):
    doc = nlp("The KTE-X19 study enrolled adults with CD19-positive ALL.")
    assert [(e.text, e.label_) for e in doc.ents] == [("KTE-X19", "DRUG")]


def test_ruler_patterns_cover_each_label(nlp):
    labels = {p["label"] for p in ruler_patterns(nlp)}
    assert labels == {"DRUG", "TRIAL", "NCT"}


def test_missing_base_model_falls_back_to_blank(tmp_path):
    nlp = build_nlp(ExtractSettings(base_model="no_such_model_pkg", ner_model_dir=tmp_path))
    assert nlp.lang == "en" and "trial_mentions" in nlp.pipe_names


def test_get_nlp_is_cached(tmp_path):
    settings = ExtractSettings(ner_model_dir=tmp_path)
    assert get_nlp(settings) is get_nlp(settings)


def test_broken_model_dir_falls_back_to_rules(tmp_path):
    (tmp_path / "config.cfg").write_text("not a config")
    (tmp_path / "meta.json").write_text("{}")
    nlp = build_nlp(ExtractSettings(ner_model_dir=tmp_path, use_ner=True))
    assert "ner" not in nlp.pipe_names and "trial_mentions" in nlp.pipe_names
