"""The shipped NER model matches the shipped training config, and the profiler can time another model folder."""
from __future__ import annotations

import pytest
import spacy

from bench.profile_extract import main as profile_main
from extractors.nlp.train import DEFAULT_CONFIG
from schemas.settings import ExtractSettings


def _architecture(config) -> dict:
    return config["components"]["ner"]["model"]


def test_shipped_model_was_trained_from_the_shipped_config():
    shipped = spacy.util.load_config(ExtractSettings().ner_model_dir / "config.cfg")
    assert _architecture(shipped) == _architecture(spacy.util.load_config(DEFAULT_CONFIG))


def test_profile_refuses_a_ner_model_folder_without_a_model(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        profile_main([str(tmp_path), "--no-profile", "--ner-model", str(tmp_path / "absent")])
    assert stopped.value.code == 2
    assert "not a trained model folder (no meta.json)" in capsys.readouterr().err
