"""The read-document task retries only I/O errors; a parser or extractor bug fails at once."""
from __future__ import annotations

from flows.pipeline import document_task, io_error_only
from prefect.states import Failed


def test_only_an_io_error_is_retried():
    assert document_task.retries == 2 and document_task.retry_condition_fn is io_error_only
    assert io_error_only(None, None, Failed(data=OSError(5, "Input/output error"))) is True
    assert io_error_only(None, None, Failed(data=TimeoutError("socket timed out"))) is True  # an OSError too
    assert io_error_only(None, None, Failed(data=ValueError("bad table"))) is False
