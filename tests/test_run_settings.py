"""[run] settings and `evidence run --runner/--dask-address`: bad values exit 2 naming what is allowed."""
from __future__ import annotations

import multiprocessing

import pytest

from flows.cli import main
from flows.document_work import DaemonicWorkerError, read_document
from schemas.settings import IngestSettings, ExtractSettings, RunSettings, SettingsError, load_settings


def test_runner_setting_lists_the_allowed_runners(tmp_path):
    config = tmp_path / "pipeline.toml"
    config.write_text('[run]\nrunner = "ray"\n')
    with pytest.raises(SettingsError, match=r"run\.runner: Input should be 'processes' or 'dask'"):
        load_settings(config)


def test_dask_address_must_be_a_scheduler_address_and_needs_the_dask_runner():
    with pytest.raises(ValueError, match=r"write tcp://HOST:PORT \(schemes: tcp, tls\)"):
        RunSettings(runner="dask", dask_address="http://localhost:8786")
    with pytest.raises(ValueError, match=r'set runner = "dask" to use it \(runners: processes, dask\)'):
        RunSettings(dask_address="tcp://localhost:8786")
    assert RunSettings(runner="dask", dask_address="tcp://10.0.0.5:8786").dask_address == "tcp://10.0.0.5:8786"


@pytest.mark.parametrize("argv, message", [
    (["--runner", "ray"], "argument --runner: invalid choice: 'ray' (choose from 'processes', 'dask')"),
    (["--dask-address", "localhost:8786"], "--dask-address localhost:8786: not a Dask scheduler address"),
    (["--runner", "processes", "--dask-address", "tcp://h:1"], "--dask-address needs --runner dask"),
])
def test_run_refuses_bad_runner_options_with_exit_2(argv, message, capsys):
    assert main(["run", *argv]) == 2
    assert message in capsys.readouterr().err


def test_a_daemonic_worker_is_told_how_to_start_dask_workers(tmp_path, monkeypatch):
    monkeypatch.setitem(multiprocessing.current_process()._config, "daemon", True)
    with pytest.raises(DaemonicWorkerError, match="DASK_DISTRIBUTED__WORKER__DAEMON=False"):
        read_document(tmp_path / "a.pdf", IngestSettings(), ExtractSettings())
