"""`evidence run` reuses a local Prefect server that answers instead of starting its own."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from flows import processes


class _Health(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        body = b"true" if self.path == "/api/health" else b"no"
        self.send_response(200 if body == b"true" else 404)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


@pytest.fixture(autouse=True)
def no_server_launched_here(monkeypatch):
    """As in a fresh `evidence run` process: no earlier run of this process launched a server, no API URL is set."""
    monkeypatch.setattr(processes, "_run_server", None)
    # set, then delete: monkeypatch records the variable only when it exists, and a URL one of these tests adopts
    # (a health server that stops with the test) must not leak into the `evidence run` children of later tests
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    monkeypatch.delenv("PREFECT_API_URL")


@pytest.fixture
def answering_server():
    server = HTTPServer(("127.0.0.1", 0), _Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


def test_a_local_server_that_answers_its_health_check_is_adopted(answering_server, monkeypatch, tmp_path):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_SERVER_API_PORT", str(answering_server))
    url = f"http://127.0.0.1:{answering_server}/api"
    assert processes.adopt_running_local_server() == url
    assert processes.os.environ["PREFECT_API_URL"] == url


def test_the_url_evidence_serve_recorded_comes_first_and_a_silent_one_is_skipped(answering_server, monkeypatch,
                                                                                 tmp_path):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_SERVER_API_PORT", "9")  # discard port: nothing answers there
    processes.record_serve_url(f"http://127.0.0.1:{answering_server}/api")
    assert processes.adopt_running_local_server() == f"http://127.0.0.1:{answering_server}/api"
    monkeypatch.delenv("PREFECT_API_URL")
    processes.record_serve_url(None)
    assert processes.adopt_running_local_server() is None
    assert "PREFECT_API_URL" not in processes.os.environ


def test_a_set_prefect_api_url_is_left_alone(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://elsewhere:4200/api")
    assert processes.adopt_running_local_server() is None
    assert processes.os.environ["PREFECT_API_URL"] == "http://elsewhere:4200/api"


def test_a_run_in_this_process_leaves_prefect_api_url_as_it_found_it(tmp_path, monkeypatch, capsys):
    """Regression: the URL of the server a run launched stayed in os.environ, so every later `evidence run` child
    of the process (the kill tests' runs) used that server instead of starting its own."""
    from flows.cli import main
    from tests.fixtures.make_pdfs import one_sentence_trial_pdf

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_SERVER_API_PORT", "9")  # nothing answers there: the run launches its own server
    (tmp_path / "corpus").mkdir()
    one_sentence_trial_pdf(tmp_path / "corpus" / "tiny.pdf")
    (tmp_path / "p.toml").write_text(f'[ingest]\ncache_dir = "{tmp_path / "cache"}"\n[extract]\nuse_ner = false\n'
                                     f'[validate]\ndata_docs = false\nreports_dir = "{tmp_path / "reports"}"\n')
    assert main(["--config", str(tmp_path / "p.toml"), "run", "--quiet", "--corpus", str(tmp_path / "corpus"),
                 "--warehouse", str(tmp_path / "w.duckdb")]) == 0, capsys.readouterr().err
    assert "PREFECT_API_URL" not in processes.os.environ
