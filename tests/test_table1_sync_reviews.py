"""v_table1_sync on the real reviews: the planted discrepancies are flagged, with no false contradiction."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from extractors.pdf.ingest import parse_pdf
from extractors.stages import extract_document
from schemas.evidence import Endpoint
from schemas.settings import ExtractSettings, IngestSettings, ValidateSettings
from schemas.validate.records import validate_records
from tests.conftest import REVIEW_PDF
from warehouse import load, migrate


def _sync_rows(tmp_path, pdf):
    doc = parse_pdf(pdf, IngestSettings())
    extraction = extract_document(doc, ExtractSettings())
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    run = load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed")
    outcome = validate_records(extraction.records, [doc], "r1", ValidateSettings(data_docs=False))
    load.load_run(con, run, [doc], extraction.table1_rows, outcome.valid, outcome.rejected)
    rows = con.execute("select endpoint, table_value, status, reason from v_table1_sync").fetchall()
    references = dict(con.execute("select row_number, kind from v_table1_reference_mismatches").fetchall())
    con.close()
    return rows, references


@pytest.fixture(scope="module")
def seed_review_sync(tmp_path_factory):
    """The seed review's v_table1_sync rows and reference mismatches, loaded once for the tests that read them."""
    return _sync_rows(tmp_path_factory.mktemp("seed_review"), REVIEW_PDF)


def _flagged(rows, status):
    return sorted((endpoint, value) for endpoint, value, got, _ in rows if got == status)


def test_seed_review_flags_its_four_contradictions_and_four_roundings_and_nothing_else(seed_review_sync, gold_dir):
    gold = json.loads((gold_dir / "discrepancies.json").read_text(encoding="utf-8"))
    rows, _ = seed_review_sync
    endpoints = {e.value for e in Endpoint}  # a contradiction about eligibility age is not a result
    want = {kind: sorted((d["endpoint"], float(d["table_value"])) for d in gold
                         if d["kind"] == kind and d["endpoint"] in endpoints) for kind in ("contradiction", "rounding")}
    assert _flagged(rows, "contradicted") == want["contradiction"]
    assert _flagged(rows, "rounding") == want["rounding"]
    assert any(status == "unsupported" and reason.startswith("only a subgroup figure") for *_, status, reason in rows)


@pytest.mark.parametrize("slug", ["review_cart_all", "review_phall_tki"])
def test_other_reviews_flag_their_planted_discrepancies(tmp_path, gold_dir, slug):
    gold = json.loads((gold_dir / "reviews_dev" / f"{slug}.discrepancies.json").read_text(encoding="utf-8"))
    rows, _ = _sync_rows(tmp_path, gold_dir.parent / "corpus" / "reviews" / f"{slug}.pdf")
    kinds = (("contradiction", "contradicted"), ("rounding", "rounding"))
    got = {kind: _flagged(rows, status) for kind, status in kinds}
    assert got == {kind: sorted((d["endpoint"], float(d["table_value"])) for d in gold if d["kind"] == kind)
                   for kind, _ in kinds}


def test_seed_review_reference_mismatches_are_gold_ones(seed_review_sync, gold_dir):
    gold = json.loads((gold_dir / "discrepancies.json").read_text(encoding="utf-8"))
    _, found = seed_review_sync
    assert {r for r in found} <= {d["table_row"] for d in gold if d["kind"] == "reference_mismatch"}
    assert found == {1: "different", 8: "extra"}  # TOWER [13] vs [4]; ELIANA adds [23], the earlier phase I/IIa study
