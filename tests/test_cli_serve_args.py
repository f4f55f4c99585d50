"""`evidence serve` refuses a bad schedule with exit 2 and a message saying what to write, before serving."""
from __future__ import annotations

import pytest

from flows.cli import main
from schemas.settings import SettingsError, load_settings


@pytest.mark.parametrize("args, message", [
    (["--interval", "0"], "--interval must be a positive number of seconds"),
    (["--cron", "every night"], "write five fields: minute hour day month weekday"),
])
def test_serve_with_a_bad_schedule_exits_2_without_serving(tmp_path, capsys, args, message):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    code = main(["serve", "--corpus", str(corpus), "--warehouse", str(tmp_path / "w.duckdb"), *args])
    assert code == 2
    assert message in capsys.readouterr().err


def test_bad_cron_in_the_settings_names_the_key(tmp_path):
    config = tmp_path / "pipeline.toml"
    config.write_text('[schedule]\ncron = "61 2 * * *"\n')
    with pytest.raises(SettingsError, match=r"schedule\.cron: .*not a cron expression"):
        load_settings(config)
