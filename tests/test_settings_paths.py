"""Relative paths in any config file are taken from the project root; what they name must exist."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.cli import EXIT_BAD_INPUT, main
from schemas.settings import DEFAULT_CONFIG_FILE, PROJECT_ROOT, SettingsError, load_settings


def _config(folder: Path, text: str, name: str = "pipeline.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_copy_of_the_default_config_elsewhere_reads_the_same_paths(tmp_path):
    copy = tmp_path / "elsewhere" / "my.toml"
    copy.parent.mkdir()
    shutil.copy(DEFAULT_CONFIG_FILE, copy)
    assert load_settings(copy) == load_settings(DEFAULT_CONFIG_FILE)
    assert load_settings(copy).extract.gazetteer_dir == PROJECT_ROOT / "config" / "gazetteers"


@pytest.mark.parametrize("folder", ["elsewhere", "config", "a/b/config"])
def test_relative_paths_with_or_without_dot_slash_resolve_against_the_project_root(tmp_path, folder):
    """Regression: a config outside the project resolved './' paths against its own folder, bare ones against the cwd."""
    cfg = _config(tmp_path / folder, '[ingest]\ncorpus_dirs = ["./corpus/sample", "../x"]\ncache_dir = ".cache/p"\n'
                                     '[extract]\nner_model_dir = "models/ner"\ngazetteer_dir = "./config/gazetteers"\n'
                                     '[validate]\nreports_dir = "reports"\n[warehouse]\npath = "w.duckdb"\n')
    s = load_settings(cfg)
    assert s.ingest.corpus_dirs == (PROJECT_ROOT / "corpus" / "sample", PROJECT_ROOT.parent / "x")
    assert s.ingest.cache_dir == PROJECT_ROOT / ".cache" / "p"
    assert s.extract.ner_model_dir == PROJECT_ROOT / "models" / "ner"
    assert s.extract.gazetteer_dir == PROJECT_ROOT / "config" / "gazetteers"
    assert s.validate_.reports_dir == PROJECT_ROOT / "reports"
    assert s.warehouse.path == PROJECT_ROOT / "w.duckdb"


def test_absolute_and_home_paths_are_kept(tmp_path):
    cfg = _config(tmp_path, f'[warehouse]\npath = "{tmp_path / "w.duckdb"}"\n[validate]\nreports_dir = "~/reports"\n')
    s = load_settings(cfg)
    assert s.warehouse.path == tmp_path / "w.duckdb"
    assert s.validate_.reports_dir == Path.home() / "reports"


def test_non_path_strings_are_not_resolved(tmp_path):
    cfg = _config(tmp_path, '[ingest]\nglob = "./**/*.pdf"\n[ingest.passwords]\n"a.pdf" = "../secret"\n')
    s = load_settings(cfg)
    assert s.ingest.glob == "./**/*.pdf" and s.ingest.passwords == {"a.pdf": "../secret"}


def _run(cfg: Path, tmp_path: Path, warehouse: Path | None = None) -> int:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    return main(["--config", str(cfg), "run", "--corpus", str(corpus),
                 "--warehouse", str(warehouse or tmp_path / "w.duckdb")])


def test_missing_gazetteer_folder_exits_2_before_anything_runs(tmp_path, capsys):
    cfg = _config(tmp_path / "elsewhere", '[extract]\ngazetteer_dir = "./no/such/gazetteers"\n')
    assert _run(cfg, tmp_path) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "gazetteer not readable" in err and str(PROJECT_ROOT / "no" / "such" / "gazetteers") in err
    assert "project root" in err and "Traceback" not in err
    assert not (tmp_path / "w.duckdb").exists()


def test_gazetteer_folder_missing_one_file_exits_2(tmp_path, capsys):
    partial = tmp_path / "gaz"
    shutil.copytree(PROJECT_ROOT / "config" / "gazetteers", partial)
    (partial / "trials.json").unlink()
    cfg = _config(tmp_path / "elsewhere", f'[extract]\ngazetteer_dir = "{partial}"\n')
    assert _run(cfg, tmp_path) == EXIT_BAD_INPUT
    assert "trials.json" in capsys.readouterr().err


def test_malformed_gazetteer_exits_2(tmp_path, capsys):
    broken = tmp_path / "gaz"
    shutil.copytree(PROJECT_ROOT / "config" / "gazetteers", broken)
    (broken / "drugs.json").write_text("{not json", encoding="utf-8")
    cfg = _config(tmp_path / "elsewhere", f'[extract]\ngazetteer_dir = "{broken}"\n')
    assert _run(cfg, tmp_path) == EXIT_BAD_INPUT
    assert "malformed" in capsys.readouterr().err


def test_missing_ner_model_exits_2_and_says_how_to_get_one(tmp_path, capsys):
    cfg = _config(tmp_path / "elsewhere", '[extract]\nner_model_dir = "./no/model"\nuse_ner = true\n')
    assert _run(cfg, tmp_path) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"no NER model in {PROJECT_ROOT / 'no' / 'model'}" in err and "evidence train" in err and "use_ner" in err


def test_missing_ner_model_is_fine_when_ner_is_off(tmp_path, capsys):
    """The run gets past the model check and stops at the next one: a warehouse under a file."""
    (tmp_path / "a_file").write_text("x")
    cfg = _config(tmp_path / "elsewhere", '[extract]\nner_model_dir = "./no/model"\nuse_ner = false\n')
    assert _run(cfg, tmp_path, tmp_path / "a_file" / "w.duckdb") == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "NER model" not in err and "a_file" in err


def test_base_model_not_installed_exits_2(tmp_path, capsys):
    cfg = _config(tmp_path / "elsewhere", '[extract]\nbase_model = "no_such_model_pkg"\n')
    assert _run(cfg, tmp_path) == EXIT_BAD_INPUT
    assert "no_such_model_pkg" in capsys.readouterr().err


def test_config_that_is_a_folder_exits_2(tmp_path, capsys):
    assert main(["--config", str(tmp_path), "sql", "select 1"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "is not a file" in err and "Traceback" not in err


def test_config_that_is_not_utf8_exits_2(tmp_path, capsys):
    cfg = tmp_path / "latin1.toml"
    cfg.write_bytes("[ingest]\nglob = \"**/*.pdf\" # caf\u00e9\n".encode("latin-1"))
    assert main(["--config", str(cfg), "sql", "select 1"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "not UTF-8" in err and "save it as UTF-8" in err


def test_config_with_a_utf8_byte_order_mark_is_read(tmp_path):
    cfg = tmp_path / "bom.toml"
    cfg.write_bytes(b"\xef\xbb\xbf[ingest]\nworkers = 1\n")
    assert load_settings(cfg).ingest.workers == 1


def test_unreadable_config_is_a_settings_error(tmp_path):
    with pytest.raises(SettingsError, match="not a file"):
        load_settings(tmp_path)
