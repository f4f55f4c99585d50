"""The run's own temporary Prefect server runs without the services that record task-run events (round 26)."""
from __future__ import annotations

from flows import processes


class _Popen:
    """Stands in for subprocess.Popen: keeps the environment the server would have been started with."""

    started: list[dict] = []

    def __init__(self, args, env=None, **_kwargs):
        self.args = args
        _Popen.started.append(env)


def _launched_env(monkeypatch) -> dict:
    _Popen.started = []
    monkeypatch.setattr(processes.subprocess, "Popen", _Popen)
    processes.OwnedApiServer().start()
    return _Popen.started[-1]


def test_run_server_starts_without_task_run_recording(monkeypatch):
    for name in processes.RUN_SERVER_SERVICES_OFF:
        monkeypatch.delenv(name, raising=False)
    env = _launched_env(monkeypatch)
    assert env["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED"] == "false"
    assert env["PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED"] == "false"
    assert env["PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED"] == "false"


def test_run_server_services_keep_what_the_user_set(monkeypatch):
    monkeypatch.setenv("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED", "true")
    env = _launched_env(monkeypatch)
    assert env["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED"] == "true"
    assert env["PREFECT_UI_ENABLED"] == "0"
