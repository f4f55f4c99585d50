"""The isolating worker turns hangs, crashes, memory blow-ups and exceptions into statuses."""
from __future__ import annotations

import os
import signal
import time

from extractors.pdf.worker import run_isolated
from schemas.document import DocumentStatus
from schemas.settings import IngestSettings


def _sleep_forever(path, settings, **options):
    time.sleep(600)


def _allocate_until_refused(path, settings, **options):
    hoard = []
    while True:
        hoard.append(bytearray(64 * 1024 * 1024))


def _segfault(path, settings, **options):
    os.kill(os.getpid(), signal.SIGSEGV)


def _exit_without_result(path, settings, **options):
    os._exit(1)


def _raise_value_error(path, settings, **options):
    raise ValueError("xref table is unreadable")


def _settings(tmp_path, **overrides) -> IngestSettings:
    return IngestSettings(cache_dir=tmp_path / "cache", **overrides)


def test_hanging_parser_is_stopped_with_status_timeout(review_pdf, tmp_path):
    started = time.monotonic()
    doc = run_isolated(review_pdf, _settings(tmp_path, timeout_seconds=1.0), parse=_sleep_forever)
    assert doc.status is DocumentStatus.timeout
    assert time.monotonic() - started < 30


def test_memory_blow_up_under_the_cap_is_too_large(review_pdf, tmp_path):
    doc = run_isolated(review_pdf, _settings(tmp_path, memory_limit_mb=512), parse=_allocate_until_refused)
    assert doc.status is DocumentStatus.too_large
    assert "memory_limit_mb=512" in doc.message


def test_parser_killed_by_a_signal_is_worker_crashed_not_corrupt_and_names_signal_and_limits(review_pdf, tmp_path):
    doc = run_isolated(review_pdf, _settings(tmp_path, memory_limit_mb=1024), parse=_segfault)
    assert doc.status is DocumentStatus.worker_crashed
    assert "SIGSEGV" in doc.message and "memory_limit_mb=1024" in doc.message


def test_parser_exception_is_corrupt_with_the_reason(review_pdf, tmp_path):
    doc = run_isolated(review_pdf, _settings(tmp_path), parse=_raise_value_error)
    assert doc.status is DocumentStatus.corrupt
    assert "ValueError: xref table is unreadable" in doc.message


def test_worker_exiting_with_a_code_is_worker_crashed_and_blames_the_worker_not_the_file(review_pdf, tmp_path):
    doc = run_isolated(review_pdf, _settings(tmp_path), parse=_exit_without_result)
    assert doc.status is DocumentStatus.worker_crashed
    assert doc.message.startswith("worker_crashed: the parser process exited with code 1 ")
    assert "not the file" in doc.message and "run again" in doc.message
