"""Run parse_pdf in a child process with a wall-clock timeout and an address-space cap."""
from __future__ import annotations

import gc
import logging
import multiprocessing
import resource
from multiprocessing import forkserver, resource_tracker
import os
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

from extractors.pdf.identity import PARSER_VERSION, path_or_content_sha256
from schemas.document import Document, DocumentStatus
from schemas.settings import IngestSettings

_CONTEXT_NAME = "forkserver" if sys.platform.startswith("linux") else "spawn"
"""forkserver forks children from a clean single-threaded server, safe even when the caller runs threads."""
_PRELOAD = ["extractors.pdf.ingest"]
_context = multiprocessing.get_context(_CONTEXT_NAME)
if _CONTEXT_NAME == "forkserver":
    _context.set_forkserver_preload(_PRELOAD)


def start_parse_forkserver() -> "forkserver.ForkServer | None":
    """A forkserver with the parser preloaded, for several processes to fork their parse workers from (each adopts it
    with use_parse_forkserver); it ends with the process that started it. None where there is no forkserver."""
    if _CONTEXT_NAME != "forkserver":
        return None
    server = forkserver.ForkServer()
    server.set_forkserver_preload(_PRELOAD)
    server.ensure_running()
    return server


def parse_forkserver_address(server: "forkserver.ForkServer | None") -> str | None:
    """Where processes reach the server (None: no server, each process starts its own)."""
    return server._forkserver_address if server is not None else None


def use_parse_forkserver(address: str | None) -> None:
    """Fork this process's parse workers from the forkserver at `address` (start_parse_forkserver, in another process)
    instead of starting a forkserver of its own; None: keep starting its own."""
    if address is None or _CONTEXT_NAME != "forkserver":
        return
    server = forkserver._forkserver  # the one multiprocessing's forkserver context forks from in this process
    with server._lock:
        server._forkserver_address = address
        if server._forkserver_alive_fd is None:  # sent with each request; only a child that forks again uses it
            server._forkserver_alive_fd = os.open(os.devnull, os.O_RDONLY)
        # the server is another process's child, kept running by it: never start (or wait for) one here
        server.ensure_running = resource_tracker.ensure_running


PDF_LIBRARY_LOGGERS = ("pdfminer", "pdfplumber", "pypdfium2")

PARSE_GC_THRESHOLDS = (10_000, 50, 100)
"""The parse worker's garbage-collector thresholds (Python's: 700, 10, 10): pdfminer allocates an object or more per
character, which set off ~120 collections per document at the defaults, 12-15% of the parse's CPU (~3% now);
its peak memory is the same within 2 MB (BENCHMARKS.md, round 26)."""

PAUSE_AT_ENV = "EVIDENCE_TEST_PAUSE_AT"
"""Test hook: `parse` makes every parse worker announce itself on stderr and wait, so a test can kill the run then."""

_live: set = set()
_live_lock = threading.Lock()
_stopping = threading.Event()


class WorkersStopped(RuntimeError):
    """The run is stopping: a parse was cut short, and its outcome must not be recorded or cached."""


def stop_workers() -> None:
    """Stop every running parse worker and make parses still waiting for one raise WorkersStopped."""
    _stopping.set()
    with _live_lock:
        processes = list(_live)
    for process in processes:
        _stop(process)


RUN_WATCH_SECONDS = 0.5
"""How often a worker (parse or document worker) checks that the run that started it is still alive."""


def exit_when_run_gone(run_pid: int, every_seconds: float = RUN_WATCH_SECONDS) -> None:
    """Watch the run's process from a daemon thread and end this worker as soon as the run is gone (a SIGKILLed
    run cannot stop its workers)."""
    def watch() -> None:
        while True:
            try:
                os.kill(run_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            time.sleep(every_seconds)

    threading.Thread(target=watch, name="exit-when-run-gone", daemon=True).start()


def _child(path: str, settings_json: str, conn, parse: Callable[..., Document] | None, with_tables: bool,
           run_pid: int) -> None:
    """Cap memory, parse, and send back the Document JSON (or a failure tag)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is the run's to handle, not a parse failure
    # The forkserver that forked this worker outlives the run while any worker holds its "alive" pipe, so a death
    # signal tied to it never fires: watch the run itself.
    exit_when_run_gone(run_pid)
    gc.freeze()  # what the forkserver preloaded lives as long as the worker: no collection need scan it again
    gc.set_threshold(*PARSE_GC_THRESHOLDS)
    if parse is None:
        from extractors.pdf.ingest import parse_pdf as parse  # preloaded by the forkserver; the run need not load it
    # pdfminer/pdfplumber warn about PDF internals on stderr; the document's status and message say what matters.
    for name in PDF_LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    settings = IngestSettings.model_validate_json(settings_json)
    if os.environ.get(PAUSE_AT_ENV) == "parse":
        print(f"parse: paused in worker {os.getpid()} ({PAUSE_AT_ENV})", file=sys.stderr, flush=True)
        while True:
            time.sleep(0.2)
    limit = settings.memory_limit_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass
    try:
        doc = parse(Path(path), settings, with_tables=with_tables)
        conn.send(("ok", doc.model_dump_json()))
    except MemoryError:
        conn.send(("memory", ""))
    except BaseException as exc:  # report any failure to the parent instead of dying silently
        conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"))
    finally:
        conn.close()


def _failed(path: Path, status: DocumentStatus, message: str) -> Document:
    return Document(sha256=path_or_content_sha256(path), path=str(path), status=status, message=message,
                    parser_version=PARSER_VERSION)


def run_isolated(path: Path, settings: IngestSettings, parse: Callable[..., Document] | None = None, *,
                 with_tables: bool = True) -> Document:
    """Parse `path` (with parse_pdf, or a module-level `parse`) in a worker process; failures become statuses."""
    path = Path(path)
    receiver, sender = _context.Pipe(duplex=False)
    process = _context.Process(target=_child, args=(str(path), settings.model_dump_json(), sender, parse, with_tables,
                                                       os.getpid()),
                               daemon=True)
    if _stopping.is_set():
        raise WorkersStopped(f"not parsing {path}: the run is stopping")
    process.start()
    with _live_lock:
        _live.add(process)
    sender.close()
    try:
        if not receiver.poll(settings.timeout_seconds):
            if process.is_alive():
                _stop(process)
                return _failed(path, DocumentStatus.timeout,
                               f"timeout: parsing took longer than {settings.timeout_seconds:g} s and was stopped; "
                               "raise [ingest] timeout_seconds or check the file.")
            process.join()
            return _crashed(path, process.exitcode, settings)
        try:
            tag, payload = receiver.recv()
        except (EOFError, OSError):
            process.join()
            return _crashed(path, process.exitcode, settings)
    finally:
        receiver.close()
        with _live_lock:
            _live.discard(process)
        if _stopping.is_set():
            _stop(process)
            raise WorkersStopped(f"parse of {path} cut short: the run is stopping")
    process.join(timeout=5)
    if process.is_alive():
        _stop(process)
    if tag == "ok":
        return Document.model_validate_json(payload)
    if tag == "memory":
        return _failed(path, DocumentStatus.too_large,
                       f"too_large: parsing needed more than memory_limit_mb={settings.memory_limit_mb}; "
                       "raise [ingest] memory_limit_mb to parse it.")
    first_line = payload.splitlines()[0] if payload else "unknown error"
    return _failed(path, DocumentStatus.corrupt,
                   f"corrupt: the parser failed ({first_line}); repair the file (e.g. qpdf or Ghostscript) and retry.")


def parse_pdf_isolated(path: Path, settings: IngestSettings, *, with_tables: bool = True) -> Document:
    """Parse one PDF in a worker process bounded by settings.timeout_seconds and settings.memory_limit_mb."""
    return run_isolated(path, settings, with_tables=with_tables)


WORKER_FAILURE = "worker_crashed: the parser process exited with code"
"""How a crash that is the worker's, not the file's, begins: it exited with no result and no signal (an import
failure of the worker, for one), so it says nothing about the file and is not cached."""


def _crashed(path: Path, exitcode: int | None, settings: IngestSettings) -> Document:
    if exitcode is not None and exitcode > 0:
        return _failed(path, DocumentStatus.worker_crashed,
                       f"{WORKER_FAILURE} {exitcode} before sending a result, not killed by a signal: the worker "
                       "failed, not the file (e.g. it could not import the parser); check the installation and "
                       "run again.")
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        how = f"was killed by signal {name}"
    else:
        how = f"exited with code {exitcode}"
    return _failed(path, DocumentStatus.worker_crashed,
                   f"worker_crashed: the parser process {how} under memory_limit_mb={settings.memory_limit_mb}, "
                   f"timeout_seconds={settings.timeout_seconds:g} (the memory cap, or a kill from outside); "
                   "raise [ingest] memory_limit_mb, or run again with --retry-failed.")


def _stop(process) -> None:
    process.terminate()
    process.join(timeout=2)
    if process.is_alive():
        process.kill()
        process.join(timeout=2)
