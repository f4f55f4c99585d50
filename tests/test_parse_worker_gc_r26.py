"""A parse worker collects garbage at the parse's thresholds, not Python's defaults (round 26)."""
from __future__ import annotations

import gc

from extractors.pdf.worker import PARSE_GC_THRESHOLDS, run_isolated
from schemas.settings import IngestSettings


def _report_gc(path, settings, **options):
    raise ValueError(f"thresholds {gc.get_threshold()} frozen {gc.get_freeze_count() > 0}")


def test_parse_worker_runs_with_parse_gc_thresholds(review_pdf, tmp_path):
    doc = run_isolated(review_pdf, IngestSettings(cache_dir=tmp_path / "cache"), parse=_report_gc)
    assert f"thresholds {PARSE_GC_THRESHOLDS} frozen True" in doc.message
