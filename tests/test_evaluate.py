"""`evidence evaluate` scores with ../shared/tools/score.py: its figures are the scorer of record's, line for line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows import evaluate
from flows.cli import EXIT_BAD_INPUT, main
from schemas.evidence import TIME_TO_EVENT_ENDPOINTS, Endpoint
from schemas.settings import EvaluateSettings
from tests.conftest import GOLD, ROOT, SHARED
from tests.fixtures.small_warehouse import build_small_warehouse, evidence_record

SCORER = EvaluateSettings().scorer
TRIALS_DEV = GOLD / "trials_dev"
HOLDOUT = ROOT / "tests" / "data" / "dev_holdout.txt"

pytestmark = pytest.mark.skipif(not SCORER.exists() or not TRIALS_DEV.exists(), reason="../shared tools/gold absent")


def _gold_lines(doc: str) -> list[dict]:
    return [json.loads(line) for line in (TRIALS_DEV / "gold.jsonl").read_text().splitlines()
            if line.strip() and json.loads(line)["doc"] == doc]


ENDPOINTS = {e.value for e in Endpoint}


def _record_like(g: dict, i: int, doc: str, **changes):
    """An evidence record reading gold line `g` (the warehouse's CHECKs decide which gold lines can be one)."""
    statistic, unit = g.get("statistic") or "rate", g.get("unit")
    loadable = ((statistic in ("rate", "landmark") and unit == "%") or (statistic == "median" and unit == "months"
                and g["endpoint"] in TIME_TO_EVENT_ENDPOINTS) or (statistic == "count" and unit is None))
    loadable = loadable and (statistic != "landmark" or bool(g.get("timepoint")))
    if not loadable or g.get("value") is None or g["endpoint"] not in ENDPOINTS:
        return None
    value_text = f"{float(g['value']):g}"
    fields = dict(doc=doc, trial=g.get("trial"), nct=None, endpoint=g["endpoint"], arm=g.get("arm"),
                  value=float(g["value"]), unit=unit, statistic=statistic,
                  timepoint=g.get("timepoint") if statistic == "landmark" else None, quote=f"reading {value_text}",
                  value_text=value_text, quote_start=0, char_start=8, char_end=8 + len(value_text), page=1 + i)
    if g.get("source") == "table":
        fields.update(source="table", table_id="t:Table 1", trial=g.get("trial") or "unnamed")
    fields.update(changes)
    return evidence_record(**fields)


def _records_from_gold(doc: str, every: int = 1, drop_arm_every: int = 0) -> list:
    """Records copied from a document's gold (every n-th), some with their arm dropped, plus one spurious record."""
    records = []
    for i, g in enumerate(_gold_lines(doc)):
        if i % every:
            continue
        arm = None if drop_arm_every and i % drop_arm_every == 0 else g.get("arm")
        record = _record_like(g, i, f"{doc}.pdf", arm=arm)
        if record is not None:
            records.append(record)
    records.append(evidence_record(doc=f"{doc}.pdf", value=99.0, value_text="99", quote="CR 99%", quote_start=0,
                                   char_start=3, char_end=5))
    return records


@pytest.fixture(scope="module")
def dev_warehouse(tmp_path_factory) -> Path:
    """Records for four trial reports: two held out (felix, park2018), two not, each partly right."""
    records = (_records_from_gold("felix_obecabtagene", every=2) + _records_from_gold("park2018_1928z", drop_arm_every=3)
               + _records_from_gold("aall1731_blinatumomab", drop_arm_every=2) + _records_from_gold("juliet_tisagenlecleucel", every=3))
    return build_small_warehouse(tmp_path_factory.mktemp("dev") / "w.duckdb", records)


def _score_py(pred: Path, gold: Path, *extra: str) -> dict:
    """score.py's printed figures: {mode: (P, R, F1)} plus distractors and per-document lines."""
    out = subprocess.run([sys.executable, str(SCORER), str(pred), str(gold), *extra], capture_output=True, text=True,
                         check=True).stdout
    figures = {}
    for line in out.splitlines():
        if line.startswith(("lenient:", "strict:")):
            mode, rest = line.split(":", 1)
            figures[mode] = tuple(float(rest.split(f"{k}=")[1].split()[0]) for k in ("P", "R", "F1"))
        elif line.startswith("distractors hit:"):
            figures["distractors"] = line.split(":", 1)[1].strip()
        elif line.startswith("pred:"):
            figures["pred"] = int(line.split(":")[1])
    return figures


def _ours(figures: dict) -> dict:
    out = {mode: (figures[mode]["precision"], figures[mode]["recall"], figures[mode]["f1"]) for mode in ("lenient", "strict")}
    out["pred"] = figures["pred"]
    if "distractors_hit" in figures:
        out["distractors"] = figures["distractors_hit"]
    return out


def _evaluate_json(capsys, *argv: str) -> dict:
    assert main(["evaluate", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_figures_equal_score_py_printed_ones_with_a_split(dev_warehouse, tmp_path, capsys):
    ours = _evaluate_json(capsys, "--gold", str(TRIALS_DEV), "--warehouse", str(dev_warehouse), "--split", str(HOLDOUT))
    assert main(["export", "--warehouse", str(dev_warehouse), "--format", "jsonl", "--out", str(tmp_path / "p.jsonl")]) == 0
    held_out = evaluate.read_split(HOLDOUT)
    lines = [json.loads(x) for x in (TRIALS_DEV / "gold.jsonl").read_text().splitlines() if x.strip()]
    distractors = [json.loads(x) for x in (TRIALS_DEV / "distractors.jsonl").read_text().splitlines() if x.strip()]
    for name, keep in (("all", lambda d: True), (f"split {HOLDOUT}", lambda d: d in held_out),
                       ("rest", lambda d: d not in held_out)):
        gold_file, dis_file = tmp_path / f"{len(name)}.gold.jsonl", tmp_path / f"{len(name)}.dis.jsonl"
        gold_file.write_text("".join(json.dumps(g) + "\n" for g in lines if keep(g["doc"])))
        dis_file.write_text("".join(json.dumps(d) + "\n" for d in distractors if keep(d["doc"])))
        assert _ours(ours[name]) == _score_py(tmp_path / "p.jsonl", gold_file, "--distractors", str(dis_file)), name
    assert 0 < ours["all"]["strict"]["f1"] < ours["all"]["lenient"]["f1"] < 1
    assert set(ours[f"split {HOLDOUT}"]["per_doc"]) == held_out


def test_review_gold_figures_equal_score_py_on_review_gold_py_output(tmp_path, capsys):
    gold = [json.loads(x) for x in subprocess.run([sys.executable, str(SHARED / "tools" / "review_gold.py")],
                                                  capture_output=True, text=True, check=True).stdout.splitlines()]
    records = [_record_like(g, i, "lussana2023_cancers.pdf", arm=g.get("arm") if i % 4 else None)
               for i, g in enumerate(gold) if i % 3]
    records = [r for r in records if r is not None]
    warehouse = build_small_warehouse(tmp_path / "w.duckdb", records)
    ours = _evaluate_json(capsys, "--gold", str(GOLD), "--warehouse", str(warehouse))
    main(["export", "--warehouse", str(warehouse), "--format", "jsonl", "--out", str(tmp_path / "p.jsonl")])
    (tmp_path / "review_gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    assert _ours(ours["all"]) == _score_py(tmp_path / "p.jsonl", tmp_path / "review_gold.jsonl",
                                           "--aliases", str(GOLD / "trials.json"))
    assert set(ours) == {"all", "source=body", "source=table"}


def test_review_gold_lines_are_review_gold_py_lines():
    for doc in ("lussana2023_cancers", "other_typesetting"):
        printed = subprocess.run([sys.executable, str(SHARED / "tools" / "review_gold.py"), "--doc", doc],
                                 capture_output=True, text=True, check=True).stdout
        assert evaluate.review_gold_lines(GOLD, doc) == [json.loads(x) for x in printed.splitlines()]


def test_gold_file_with_its_distractors_beside_it(tmp_path):
    slug = GOLD / "reviews_dev" / "review_cart_all"
    gold = evaluate.read_gold(slug.with_suffix(".jsonl"))
    assert gold.documents == ["review_cart_all"] and gold.distractors and gold.aliases is None


def test_trial_gold_folder_reads_distractors_and_document_filter(tmp_path):
    gold = evaluate.read_gold(TRIALS_DEV, document="felix_obecabtagene")
    assert gold.documents == ["felix_obecabtagene"]
    assert gold.distractors and {d["doc"] for d in gold.distractors} == {"felix_obecabtagene"}


def test_gold_lines_without_doc_take_the_document_flag(tmp_path):
    (tmp_path / "g.jsonl").write_text(json.dumps({"endpoint": "CR", "value": 34, "unit": "%"}) + "\n")
    with pytest.raises(evaluate.EvaluateError, match="--document"):
        evaluate.read_gold(tmp_path / "g.jsonl")
    assert evaluate.read_gold(tmp_path / "g.jsonl", document="trial").documents == ["trial"]


def test_split_file_lists_stems_after_the_seed_line(tmp_path):
    assert len(evaluate.read_split(HOLDOUT)) == 5
    (tmp_path / "s.txt").write_text("# a comment\nnot_a_stem_before_seed\nseed: 1\nA.pdf  # first\n\nb\n")
    assert evaluate.read_split(tmp_path / "s.txt") == {"a", "b"}
    (tmp_path / "bad.txt").write_text("a\nb\n")
    with pytest.raises(evaluate.EvaluateError, match="seed:"):
        evaluate.read_split(tmp_path / "bad.txt")


def test_text_report_prints_each_group(dev_warehouse, capsys):
    assert main(["evaluate", "--gold", str(TRIALS_DEV), "--warehouse", str(dev_warehouse), "--split", str(HOLDOUT),
                 "--misses"]) == 0
    out = capsys.readouterr().out
    assert f"[split {HOLDOUT}] documents 5" in out and "[rest] documents 11" in out and "[all] documents 16" in out
    assert "strict   P=" in out and "distractors hit:" in out and "missed:" in out and "felix_obecabtagene" in out


def test_missing_scorer_exits_2_and_says_where_to_point(dev_warehouse, tmp_path, capsys):
    code = main(["evaluate", "--gold", str(TRIALS_DEV), "--warehouse", str(dev_warehouse),
                 "--scorer", str(tmp_path / "score.py")])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT and "scorer of record not found" in err and "--scorer" in err


def test_scorer_setting_is_taken_from_the_project_root(dev_warehouse, tmp_path, capsys):
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('[evaluate]\nscorer = "../no/score.py"\n')
    assert main(["--config", str(cfg), "evaluate", "--gold", str(TRIALS_DEV), "--warehouse", str(dev_warehouse)]) == 2
    assert str(ROOT.parent / "no" / "score.py") in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["--gold", "{tmp}/nogold"], "gold not found"),
    (["--gold", "{tmp}"], "holds neither gold.jsonl"),
    (["--gold", str(TRIALS_DEV), "--document", "nosuchdoc"], "no line for document 'nosuchdoc'"),
    (["--gold", str(TRIALS_DEV), "--split", "{tmp}/nosplit.txt"], "cannot read split file"),
    (["--gold", str(TRIALS_DEV), "--distractors", "{tmp}/nodis.jsonl"], "distractors file not found"),
    (["--gold", str(TRIALS_DEV), "--aliases", "{tmp}/noaliases.json"], "aliases file not found"),
])
def test_bad_evaluate_input_exits_2(argv, message, dev_warehouse, tmp_path, capsys):
    code = main(["evaluate", *[a.format(tmp=tmp_path) for a in argv], "--warehouse", str(dev_warehouse)])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT and message in err and "Traceback" not in err


def test_split_listing_documents_the_gold_lacks_exits_2(dev_warehouse, tmp_path, capsys):
    (tmp_path / "s.txt").write_text("seed: 1\nfelix_obecabtagene\nnot_in_gold\n")
    assert main(["evaluate", "--gold", str(TRIALS_DEV), "--warehouse", str(dev_warehouse),
                 "--split", str(tmp_path / "s.txt")]) == EXIT_BAD_INPUT
    assert "not_in_gold" in capsys.readouterr().err


def test_warehouse_without_the_gold_documents_names_those_it_has(tmp_path, capsys):
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    assert main(["evaluate", "--gold", str(GOLD), "--warehouse", str(warehouse)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "lussana2023_cancers" in err and "trial" in err and "--document" in err


@pytest.mark.parametrize("doc", ["Trial.PDF", "a/b/felix_obecabtagene.pdf", "notes.txt", "x.pdf.pdf", "", None])
def test_document_stems_are_score_py_stems(doc):
    assert evaluate.doc_stem(doc) == evaluate.load_scorer(SCORER).stem(doc)
