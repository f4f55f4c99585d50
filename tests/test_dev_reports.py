"""The development trial reports: their gold agrees with their text and the scorer, and their PDFs carry the text."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pypdfium2 as pdfium
import pytest

from tests.conftest import SHARED
from tests.fixtures.blind_report_pdfs import (DEV_LAYOUTS, DEV_REPORTS_DIR, LAYOUTS, dev_report_pdfs,  # noqa: F401
                                              report_texts, write_dev_report_pdfs)

ENDPOINTS = {"CR", "CR_CRI", "ORR", "MRD_NEG", "RFS", "EFS", "DFS", "PFS", "OS", "DOR", "CRS", "ICANS", "GVHD",
             "VOD", "NRM", "ALLOHSCT", "ENROLLED"}
UNIT_OF_STATISTIC = {"count": None, "rate": "%", "landmark": "%", "median": "months", "hazard_ratio": None}
TIMEPOINT = re.compile(r"^(\d+(y|mo|wk)|d\d+|\d+cycles|cycle\d+|EOI|EOT)$")
FIELDS = ("doc", "trial", "nct", "endpoint", "arm", "value", "unit", "statistic", "timepoint",
          "ci_low", "ci_high", "p_value", "required")
SCORER = SHARED / "tools" / "score.py"


def _load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DEV_REPORTS_DIR / name).read_text(encoding="utf-8").splitlines() if line]


GOLD = _load("gold.jsonl")
DISTRACTORS = _load("distractors.jsonl")
TEXTS = report_texts(DEV_REPORTS_DIR)


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text.replace("\u00b7", "."))]


def _printed(value: float, doc: str) -> bool:
    return any(abs(n - float(value)) < 1e-9 for n in _numbers(TEXTS[doc]))


def test_every_report_has_gold_distractors_and_its_own_layout():
    assert len(TEXTS) == 14
    assert {g["doc"] for g in GOLD} == set(TEXTS) == {d["doc"] for d in DISTRACTORS} == set(DEV_LAYOUTS)
    assert not set(TEXTS) & set(LAYOUTS), "a development report shares a stem with a blind report"
    for stem, text in TEXTS.items():
        assert 250 <= len(text.split()) <= 600, stem


@pytest.mark.parametrize("stem", sorted(TEXTS))
def test_report_text_fits_the_pdf_core_font_encoding(stem):
    TEXTS[stem].encode("windows-1252")


@pytest.mark.parametrize("fact", GOLD, ids=lambda g: f"{g['doc']}:{g['endpoint']}:{g['value']}")
def test_gold_fact_follows_the_guide(fact):
    assert all(field in fact for field in FIELDS)
    assert fact["endpoint"] in ENDPOINTS
    assert set(fact.get("also_acceptable_endpoints", [])) <= ENDPOINTS
    assert fact["statistic"] in UNIT_OF_STATISTIC
    assert fact["unit"] == UNIT_OF_STATISTIC[fact["statistic"]]
    for timepoint in [fact["timepoint"], *fact.get("also_acceptable_timepoints", [])]:
        assert timepoint is None or TIMEPOINT.match(timepoint), timepoint
    if fact["statistic"] in ("median", "count"):
        assert fact["timepoint"] is None
    if fact["statistic"] == "landmark":
        assert fact["timepoint"] is not None
    for arm in [fact["arm"], *fact.get("also_acceptable_arms", [])]:
        assert arm is None or arm == arm.lower()
    assert fact["nct"] is None or re.fullmatch(r"NCT\d{8}", fact["nct"])


@pytest.mark.parametrize("fact", GOLD, ids=lambda g: f"{g['doc']}:{g['endpoint']}:{g['value']}")
def test_gold_numbers_are_printed_in_their_report(fact):
    doc = fact["doc"]
    for number in [fact["value"], fact["ci_low"], fact["ci_high"], *fact.get("alt_values", [])]:
        assert number is None or _printed(number, doc), (doc, number)
    if fact["p_value"]:
        digits = fact["p_value"].lstrip("<>= ")
        flat = TEXTS[doc].replace("\u00b7", ".")
        assert digits in flat or digits.removeprefix("0") in flat, (doc, fact["p_value"])
    if fact["trial"]:
        assert fact["trial"] in TEXTS[doc]
    if fact["nct"]:
        assert fact["nct"] in TEXTS[doc]


@pytest.mark.parametrize("fact", [g for g in GOLD if "n" in g], ids=lambda g: f"{g['doc']}:{g['value']}")
def test_gold_percentages_agree_with_their_counts(fact):
    decimals = len(repr(float(fact["value"])).split(".")[1].rstrip("0") or "")
    assert abs(100 * fact["n"] / fact["N"] - fact["value"]) <= 0.5 * 10 ** -decimals + 1e-9


def test_each_report_names_its_trial_consistently():
    for doc in TEXTS:
        assert len({(g["trial"], g["nct"]) for g in GOLD if g["doc"] == doc}) == 1, doc


def test_no_two_gold_facts_of_a_report_are_one_fact_to_the_scorer():
    keys = [(g["doc"], g["endpoint"], g["arm"], g["statistic"], g["timepoint"], g["value"]) for g in GOLD]
    assert len(keys) == len(set(keys))


def _flat(text: str) -> str:
    """Text with table cell separators and line breaks reduced to single spaces."""
    return " ".join(text.replace("|", " ").split())


@pytest.mark.parametrize("distractor", DISTRACTORS, ids=lambda d: f"{d['doc']}:{d['text'][:30]}")
def test_distractor_is_quoted_from_its_report_with_a_number_and_a_reason(distractor):
    assert _flat(distractor["text"]) in _flat(TEXTS[distractor["doc"]])
    assert _numbers(distractor["text"]) and distractor["why"]


def test_gold_scores_one_against_itself(tmp_path):
    if not SCORER.exists():
        pytest.skip("../shared/tools/score.py is not present")
    pred = tmp_path / "pred.jsonl"
    keys = FIELDS[:-1]
    pred.write_text("".join(json.dumps({k: g[k] for k in keys} | {"doc": g["doc"] + ".pdf"}) + "\n" for g in GOLD))
    out = subprocess.run([sys.executable, str(SCORER), str(pred), str(DEV_REPORTS_DIR / "gold.jsonl"), "--json",
                          "--distractors", str(DEV_REPORTS_DIR / "distractors.jsonl")],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["strict"]["f1"] == scores["lenient"]["f1"] == 1.0
    assert scores["distractors_hit"].startswith("0/")


def test_layouts_cover_columns_fonts_and_table_styles():
    layouts = set(DEV_LAYOUTS.values())
    assert {layout.columns for layout in layouts} >= {1, 2, 3}
    assert {layout.table_style for layout in layouts} == {"ruled", "booktabs"}
    assert {layout.font for layout in layouts} == {"Helvetica", "Times", "Courier"}
    assert {layout.landscape for layout in layouts} == {True, False}


def test_pdfs_carry_every_number_of_their_text(dev_report_pdfs):  # noqa: F811 (fixture)
    assert set(dev_report_pdfs) == set(TEXTS)
    for stem, path in dev_report_pdfs.items():
        pdf = pdfium.PdfDocument(str(path))
        printed = " ".join(page.get_textpage().get_text_range() for page in pdf)
        missing = sorted(set(re.findall(r"\d+(?:[.\u00b7]\d+)?", TEXTS[stem])) - set(
            re.findall(r"\d+(?:[.\u00b7]\d+)?", printed)))
        assert not missing, (stem, missing)
        assert TEXTS[stem].splitlines()[0].split()[0] in printed


def test_pdfs_are_the_same_bytes_every_time(tmp_path, dev_report_pdfs):  # noqa: F811 (fixture)
    again = write_dev_report_pdfs(tmp_path)
    assert {s: p.read_bytes() for s, p in again.items()} == {s: p.read_bytes() for s, p in dev_report_pdfs.items()}
