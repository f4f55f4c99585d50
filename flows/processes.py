"""Child processes that die with the run, whatever kills it: Prefect's temporary API server and the document workers."""
from __future__ import annotations

import atexit
import ctypes
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Optional

from extractors.pdf.worker import (exit_when_run_gone, parse_forkserver_address, start_parse_forkserver,
                                   use_parse_forkserver)

PR_SET_PDEATHSIG = 1
"""prctl option (linux/prctl.h): the signal a process gets when the thread that created it ends."""
_LIBC = ctypes.CDLL(None) if sys.platform.startswith("linux") else None
"""Loaded before any fork: a preexec_fn must not dlopen in a child forked from a threaded process."""


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Linux: have `sig` sent to this process when its parent ends (no-op elsewhere); exit if it already has."""
    if _LIBC is None:
        return
    parent = os.getppid()
    if _LIBC.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0 and os.getppid() != parent:
        os._exit(1)


def return_free_memory() -> None:
    """Give the heap's free pages back to the system (glibc's malloc_trim); a no-op where there is none."""
    trim = getattr(_LIBC, "malloc_trim", None)
    if trim is not None:
        trim(0)


def _owned_server_class(ephemeral: bool = True):
    # Prefect is imported only after flows.env.configure_environment() has set its home and settings.
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import get_current_settings

    class OwnedServer(SubprocessASGIServer):
        """Prefect's temporary API server, killed with the run and kept out of the terminal's Ctrl-C."""

        def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
            import prefect  # after configure_environment(), as above

            # Same command and environment as SubprocessASGIServer's, plus the death signal and a session of its own;
            # a server that is not ephemeral runs every service, the scheduler too, and the UI.
            server_env = ({"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
                          if ephemeral else {"PREFECT__SERVER_FINAL": "1"})
            return subprocess.Popen(
                args=[sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent), "--factory",
                      "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
                      "--log-level", "error", "--lifespan", "on"],
                env={**os.environ, **server_env, **get_current_settings().to_environment_variables(exclude_unset=True)},
                preexec_fn=die_with_parent, start_new_session=True)

    return OwnedServer


LOCAL_SERVER_PROBE_SECONDS = 0.5
"""How long a run waits for a local Prefect server to answer its health check before starting one of its own."""

SERVE_URL_FILE = "evidence-serve-api-url"
"""In PREFECT_HOME: the API URL of the server a running `evidence serve` started, for runs to reuse."""


def _answers(api_url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=LOCAL_SERVER_PROBE_SECONDS) as reply:
            return reply.status == 200 and reply.read().strip() == b"true"
    except (OSError, ValueError):
        return False


def local_server_candidates() -> list[str]:
    """API URLs where a Prefect server of this machine may run: one `evidence serve` started, then the address
    `prefect server start` uses (PREFECT_SERVER_API_HOST/PORT, default 127.0.0.1:4200)."""
    candidates = []
    url_file = Path(os.environ.get("PREFECT_HOME", "~/.prefect")).expanduser() / SERVE_URL_FILE
    try:
        candidates.append(url_file.read_text(encoding="utf-8").strip())
    except OSError:
        pass
    host = os.environ.get("PREFECT_SERVER_API_HOST", "127.0.0.1")
    candidates.append(f"http://{host}:{os.environ.get('PREFECT_SERVER_API_PORT', '4200')}/api")
    return [c for c in candidates if c]


def adopt_running_local_server() -> Optional[str]:
    """Before Prefect is imported: with no PREFECT_API_URL set, use a local server that answers (saves starting one,
    ~5-9 s) by setting PREFECT_API_URL; its URL, or None."""
    if os.environ.get("PREFECT_API_URL") or (_run_server is not None and _run_server.process is not None):
        return None
    for url in local_server_candidates():
        if _answers(url):
            os.environ["PREFECT_API_URL"] = url
            return url
    return None


def record_serve_url(api_url: Optional[str]) -> None:
    """Tell later runs on this machine where `evidence serve`'s server is (None: it stopped)."""
    url_file = Path(os.environ.get("PREFECT_HOME", "~/.prefect")).expanduser() / SERVE_URL_FILE
    if api_url is None:
        url_file.unlink(missing_ok=True)
        return
    url_file.parent.mkdir(parents=True, exist_ok=True)
    url_file.write_text(api_url + "\n", encoding="utf-8")


PORT_IN_USE_EXIT = 3
"""uvicorn's exit code when its port was taken meanwhile: start again on another."""


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


RUN_SERVER_SERVICES_OFF = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
}
"""Services the run's own temporary server does without (unless set otherwise): they record each task run's events,
which nobody reads on a server that ends with its run (~0.013 server CPU-s per task run, 0.001 with them off:
bench/bench_task_runs.py, BENCHMARKS.md round 26); the flow run itself is still recorded."""


class OwnedApiServer:
    """Prefect's temporary API server, started without importing Prefect (so it boots while the run imports it),
    killed with the run and kept out of the terminal's Ctrl-C; the same uvicorn command Prefect's own uses."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.process: Optional[subprocess.Popen] = None

    @property
    def api_url(self) -> str:
        """The URL Prefect's client takes as PREFECT_API_URL."""
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> "OwnedApiServer":
        """Launch the server process and return at once; wait_ready() waits for it to answer."""
        import importlib.util

        prefect_dir = Path(importlib.util.find_spec("prefect").origin).parent  # not imported: found on the path
        self.process = subprocess.Popen(
            args=[sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_dir.parent), "--factory",
                  "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
                  "--log-level", "error", "--lifespan", "on"],
            env={**RUN_SERVER_SERVICES_OFF, **os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                 "PREFECT__SERVER_FINAL": "1"},
            preexec_fn=die_with_parent, start_new_session=True)
        return self

    def wait_ready(self, timeout: float) -> None:
        """Wait until the server answers its health check; RuntimeError when it exits or does not answer in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.process.poll() if self.process else None
            if code == PORT_IN_USE_EXIT:
                self.port = _free_port()
                self.start()
                continue
            if code is not None:
                raise RuntimeError(f"Prefect's API server exited with code {code} while starting")
            if _answers(self.api_url):
                return
            time.sleep(0.1)
        raise RuntimeError(f"Prefect's API server did not answer within {timeout:g} s "
                           "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def stop(self) -> None:
        """Terminate the server (kill it after 5 s)."""
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def launch_run_server() -> Optional[OwnedApiServer]:
    """Before Prefect is imported: with no PREFECT_API_URL and no local server answering, launch the run's own
    temporary server and point PREFECT_API_URL at it, so it boots while the run imports Prefect; None otherwise."""
    global _run_server
    if _run_server is not None and _run_server.process is not None and _run_server.process.poll() is None:
        os.environ["PREFECT_API_URL"] = _run_server.api_url  # an earlier run of this process started it
        return _run_server
    if os.environ.get("PREFECT_API_URL"):
        return None
    if any(os.environ.get(name, "true").lower() in ("0", "false", "no")
           for name in ("PREFECT_SERVER_EPHEMERAL_ENABLED", "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE")):
        return None
    _run_server = OwnedApiServer().start()
    os.environ["PREFECT_API_URL"] = _run_server.api_url
    atexit.register(_run_server.stop)
    return _run_server


_run_server: Optional[OwnedApiServer] = None


def start_prefect_server(ephemeral: bool = True) -> Optional[Any]:
    """Start the temporary API server Prefect would start itself (when no PREFECT_API_URL is set), owned by this
    process and this thread; None when a server is configured. Not ephemeral: with the scheduler, for serving."""
    # after configure_environment(): Prefect reads its settings when first imported
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None
    server = _owned_server_class(ephemeral)()  # the singleton Prefect's client asks for later
    server.start()
    return server


def stop_prefect_server(server: Optional[Any]) -> None:
    """Stop the server started by start_prefect_server, if any."""
    if server is not None:
        server.stop()


def _start_document_worker(run_pid: int, extract_settings_json: Optional[str],
                           parse_forkserver: Optional[str] = None) -> None:
    """Initializer of each document worker: Ctrl-C is the run's to handle; end with the run; fork parse workers from
    the run's parse forkserver; start building the extraction pipeline while the first document is parsed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_when_run_gone(run_pid)
    use_parse_forkserver(parse_forkserver)
    if extract_settings_json is not None:
        from flows.document_work import warm_up_in_background
        from schemas.settings import ExtractSettings

        warm_up_in_background(ExtractSettings.model_validate_json(extract_settings_json))


DOCUMENT_WORKER_PRELOAD: tuple[str, ...] = ()
"""What the run's forkserver imports before it forks the document workers: nothing. A document worker does not parse
(its parse workers do, forked from the run's parse forkserver, which preloads the parser), and every module a
forkserver preloads is resident in it and in each worker it forks, counted again in each (spaCy, the parser: 60-150
MB)."""

_parse_server: Optional[Any] = None
"""The run's one parse forkserver, which every document worker forks its parse workers from (one per document worker
before: ~70 MB each); it outlives the workers replaced every `worker_max_documents` and stops with the last."""


def _parse_forkserver() -> Optional[str]:
    """The address of the run's parse forkserver, started (again, if it died) now."""
    global _parse_server
    if _parse_server is None:
        _parse_server = start_parse_forkserver()
    else:
        _parse_server.ensure_running()
    return parse_forkserver_address(_parse_server)


def _stop_parse_forkserver() -> None:
    """Stop the run's parse forkserver, if it runs (the parse workers it forked end with their document workers)."""
    global _parse_server
    server, _parse_server = _parse_server, None
    if server is not None:
        server._stop()

_pool: Optional[ProcessPoolExecutor] = None
_pool_size = 0
_pool_lock = threading.Lock()
_pool_handed = 0
"""Documents submitted to the current pool (submit_document counts them)."""
_submit_lock = threading.Lock()


def document_workers(count: int, extract_settings: Optional[Any] = None) -> ProcessPoolExecutor:
    """The process pool that does per-document work (parse + extract), `count` long-lived processes that keep their
    NLP pipeline loaded between documents and runs (built from `extract_settings` as each starts, if given); made on
    first use, again when the count changes or it broke."""
    global _pool, _pool_size, _pool_handed
    with _pool_lock:
        if _pool is None or _pool_size != count or getattr(_pool, "_broken", False):
            _pool_handed = 0
            if _pool is not None:
                _pool.shutdown(wait=False, cancel_futures=True)
            # forkserver: the run has threads (Prefect's), and a fork of a threaded process may deadlock
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(list(DOCUMENT_WORKER_PRELOAD))  # read when the forkserver starts
            settings_json = extract_settings.model_dump_json() if extract_settings is not None else None
            _pool = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_start_document_worker,
                                        initargs=(os.getpid(), settings_json, _parse_forkserver()))
            _pool_size = count
        return _pool


def start_document_workers(count: int, extract_settings: Optional[Any] = None) -> ProcessPoolExecutor:
    """`document_workers`, with its `count` processes started now rather than at the first document (each begins
    building its NLP pipeline), so that they boot while something else waits, such as Prefect's server."""
    pool = document_workers(count, extract_settings)
    for _ in range(count):  # the pool starts a process for a task submitted while none is idle
        pool.submit(os.getpid)
    return pool


def submit_document(count: int, extract_settings: Optional[Any], max_documents: int, fn: Any, *args: Any) -> Future:
    """Submit one document's work to the document workers (`document_workers`); once they have been handed
    `max_documents` each (0: no limit), first let them finish the documents in flight and exit, so fresh workers
    with empty per-text caches take the next ones."""
    global _pool_handed
    with _submit_lock:
        if max_documents and _pool is not None and _pool_handed >= max_documents * _pool_size:
            _let_workers_exit()
        pool = document_workers(count, extract_settings)
        _pool_handed += 1
        return pool.submit(fn, *args)


def _let_workers_exit() -> bool:
    """Let the document workers finish the documents in flight and exit, waiting for them; whether there were any."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is None:
        return False
    pool.shutdown(wait=True)
    return True


def release_document_workers() -> bool:
    """Let the idle document workers (and their parse workers and forkserver) exit, waiting for them; whether there
    were any."""
    released = _let_workers_exit()
    _stop_parse_forkserver()
    return released


def stop_document_workers() -> None:
    """Terminate the document workers now (a stopping run does not wait for the documents in flight)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is None:
        _stop_parse_forkserver()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=2)
        if process.is_alive():
            process.kill()
    _stop_parse_forkserver()
