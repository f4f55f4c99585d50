"""Dual extraction: numbers the full pass (rules + NER) and a rules-only pass read apart are flagged for review."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from extractors.evidence.dual import compare_passes
from flows import cli, review
from schemas.document import Document, DocumentStatus
from tests.fixtures.blind_report_pdfs import DEFAULT_LAYOUT, LAYOUTS, report_texts, typeset
from tests.fixtures.small_warehouse import SHA, evidence_record
from warehouse import load, migrate

QUOTE = "CR was 34% with blinatumomab versus 16% with chemotherapy."


def _rec(**changes):
    return evidence_record(quote=QUOTE, **changes)


def test_passes_that_read_every_number_alike_give_no_flag():
    assert compare_passes([_rec(), _rec(arm="chemotherapy", value=16.0, value_text="16", char_start=40,
                                        char_end=42)],
                          [_rec(), _rec(arm="chemotherapy", value=16.0, value_text="16", char_start=40,
                                        char_end=42)]) == []


def test_another_arm_trial_or_endpoint_for_one_number_is_flagged_with_both_readings():
    (flag,) = compare_passes([_rec(arm="blinatumomab")], [_rec(arm=None)])
    assert (flag.kind, flag.record_id, flag.with_ner, flag.rules_only) == (
        "readings_differ", _rec(arm="blinatumomab").record_id, "TOWER CR blinatumomab rate", "TOWER CR all arms rate")
    assert flag.reason == ("dual extraction: 34 is read as TOWER CR blinatumomab rate with NER, as TOWER CR all arms "
                           "rate by the rules alone")
    (flag,) = compare_passes([_rec(trial="TOWER")], [_rec(trial=None)])
    assert flag.rules_only == "no trial CR blinatumomab rate"
    (flag,) = compare_passes([_rec(endpoint="ORR")], [_rec()])
    assert flag.endpoint == "ORR" and flag.rules_only == "TOWER CR blinatumomab rate"


def test_a_number_only_one_pass_reads_is_flagged():
    (only_ner,) = compare_passes([_rec()], [])
    (only_rules,) = compare_passes([], [_rec()])
    assert (only_ner.kind, only_ner.rules_only) == ("only_with_ner", None)
    assert (only_rules.kind, only_rules.record_id, only_rules.with_ner) == ("only_rules", None, None)
    assert only_rules.reason == "dual extraction: only the rules-only pass reads 34 (as TOWER CR blinatumomab rate)"


def _warehouse_with_flags(tmp_path, flags):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    doc = Document(sha256=SHA, path="/c/trial.pdf", pages=3, status=DocumentStatus.parsed, parser_version="p")
    run = load.RunRecord(run_id="r1", started_at=datetime(2026, 1, 1), status="completed")
    load.load_run(con, run, [doc], [], [_rec()], [], dual_flags=flags)
    return con


def test_a_decision_clears_a_flag_also_on_a_number_only_the_rules_read(tmp_path):
    rules_only_reading = _rec(arm="chemotherapy", value=16.0, value_text="16", char_start=40, char_end=42)
    flags = compare_passes([_rec()], [_rec(arm=None), rules_only_reading])
    con = _warehouse_with_flags(tmp_path, flags)
    pending = con.execute("SELECT fact_key, kind, arm, reason FROM v_curation_pending ORDER BY arm").fetchall()
    assert [(kind, arm) for _, kind, arm, _ in pending] == [("conflict", "blinatumomab"), ("conflict", "chemotherapy")]
    assert all("dual extraction" in reason for *_, reason in pending)
    fact, flag = pending[0][0], pending[1][0]
    assert flag == next(f.flag_id for f in flags if f.kind == "only_rules")
    review.decide(con, "accept", fact[:10], "alice")
    review.decide(con, "reject", flag[:10], "alice", note="16% is the control arm, not a new fact")
    assert con.execute("SELECT count(*) FROM v_curation_pending").fetchone()[0] == 0
    assert con.execute("SELECT curation_status FROM v_evidence_curated").fetchall() == [("accepted",)]
    con.close()


@pytest.mark.slow
def test_cli_run_flags_ner_dependent_readings_and_the_setting_turns_it_off(tmp_path, capsys):
    stem = "ash_abstract_nct05312694_glofitamab"
    corpus, warehouse = tmp_path / "corpus", tmp_path / "w.duckdb"
    corpus.mkdir()
    # an invented drug name the lexicon lacks, so its arm comes from the NER's drug name (the lexicon has glofitamab)
    text = report_texts()[stem].replace("glofitamab", "varnetamab").replace("Glofitamab", "Varnetamab")
    typeset(text, LAYOUTS.get(stem, DEFAULT_LAYOUT), corpus / f"{stem}.pdf")
    assert cli.main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse), "--quiet"]) == 0
    capsys.readouterr()
    assert cli.main(["review", "list", "--pending", "--format", "json", "--warehouse", str(warehouse)]) == 0
    pending = [r for r in json.loads(capsys.readouterr().out) if "dual extraction" in (r["reason"] or "")]
    assert pending and {r["status"] for r in pending} == {"conflict"}
    assert any("varnetamab rate with NER" in r["reason"] for r in pending)
    first = pending[0]["fact"]
    assert cli.main(["review", "accept", first, "--curator", "alice", "--warehouse", str(warehouse)]) == 0
    capsys.readouterr()
    assert cli.main(["review", "list", "--pending", "--format", "json", "--warehouse", str(warehouse)]) == 0
    assert first not in {r["fact"] for r in json.loads(capsys.readouterr().out)}

    config = tmp_path / "single.toml"
    config.write_text("[extract]\ndual_extraction = false\n", encoding="utf-8")
    assert cli.main(["--config", str(config), "run", "--corpus", str(corpus), "--warehouse", str(warehouse),
                     "--quiet"]) == 0  # another extractor version: the file is read again, with one pass
    capsys.readouterr()
    assert cli.main(["sql", "SELECT count(*) AS n FROM dual_extraction_flags WHERE is_current", "--format", "csv",
                     "--warehouse", str(warehouse)]) == 0
    assert capsys.readouterr().out.split() == ["n", "0"]


def test_dual_extraction_setting_rejects_a_non_boolean(tmp_path, capsys):
    config = tmp_path / "bad.toml"
    config.write_text("[extract]\ndual_extraction = \"sometimes\"\n", encoding="utf-8")
    assert cli.main(["--config", str(config), "sql", "select 1", "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "extract.dual_extraction" in capsys.readouterr().err
