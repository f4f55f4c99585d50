"""The development trial reports (all twenty-eight sets): gold agrees with text and scorer, and the PDFs carry the text."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pypdfium2 as pdfium
import pytest

from tests.conftest import SHARED
from tests.fixtures.blind_report_pdfs import (DEV2_LAYOUTS, DEV2_REPORTS_DIR, DEV3_LAYOUTS,  # noqa: F401 (fixtures)
                                              DEV3_REPORTS_DIR, DEV4_LAYOUTS, DEV4_REPORTS_DIR, DEV5_LAYOUTS,
                                              DEV5_REPORTS_DIR, DEV6_LAYOUTS, DEV6_REPORTS_DIR, DEV7_LAYOUTS,
                                              DEV7_REPORTS_DIR, DEV8_LAYOUTS, DEV8_REPORTS_DIR, DEV9_LAYOUTS,
                                              DEV9_REPORTS_DIR, DEV10_LAYOUTS, DEV10_REPORTS_DIR, DEV11_LAYOUTS,
                                              DEV11_REPORTS_DIR, DEV12_LAYOUTS, DEV12_REPORTS_DIR, DEV13_LAYOUTS,
                                              DEV13_REPORTS_DIR, DEV14_LAYOUTS, DEV14_REPORTS_DIR, DEV15_LAYOUTS,
                                              DEV15_REPORTS_DIR, DEV16_LAYOUTS, DEV16_REPORTS_DIR, DEV17_LAYOUTS,
                                              DEV17_REPORTS_DIR, DEV18_LAYOUTS, DEV18_REPORTS_DIR, DEV19_LAYOUTS,
                                              DEV19_REPORTS_DIR, DEV20_LAYOUTS, DEV20_REPORTS_DIR, DEV21_LAYOUTS,
                                              DEV21_REPORTS_DIR, DEV22_LAYOUTS, DEV22_REPORTS_DIR, DEV23_LAYOUTS,
                                              DEV23_REPORTS_DIR, DEV24_LAYOUTS, DEV24_REPORTS_DIR, DEV25_LAYOUTS,
                                              DEV25_REPORTS_DIR, DEV26_LAYOUTS, DEV26_REPORTS_DIR, DEV_LAYOUTS, DEV27_LAYOUTS, DEV27_REPORTS_DIR,
                                              DEV28_LAYOUTS, DEV28_REPORTS_DIR, DEV29_LAYOUTS, DEV29_REPORTS_DIR, DEV30_LAYOUTS, DEV30_REPORTS_DIR,
                                              DEV31_LAYOUTS, DEV31_REPORTS_DIR, DEV32_LAYOUTS, DEV32_REPORTS_DIR, DEV33_LAYOUTS, DEV33_REPORTS_DIR,
                                              DEV34_LAYOUTS, DEV34_REPORTS_DIR, DEV35_LAYOUTS, DEV35_REPORTS_DIR,
                                              DEV_REPORTS_DIR, LAYOUTS, Layout, dev_report2_pdfs, dev_report3_pdfs,
                                              dev_report4_pdfs, dev_report5_pdfs, dev_report6_pdfs, dev_report7_pdfs,
                                              dev_report8_pdfs, dev_report9_pdfs, dev_report10_pdfs, dev_report11_pdfs,
                                              dev_report12_pdfs, dev_report13_pdfs, dev_report14_pdfs,
                                              dev_report15_pdfs, dev_report16_pdfs, dev_report17_pdfs,
                                              dev_report18_pdfs, dev_report19_pdfs, dev_report20_pdfs,
                                              dev_report21_pdfs, dev_report22_pdfs, dev_report23_pdfs, dev_report24_pdfs,
                                              dev_report25_pdfs, dev_report26_pdfs, dev_report27_pdfs, dev_report28_pdfs, dev_report29_pdfs, dev_report30_pdfs, dev_report31_pdfs, dev_report32_pdfs, dev_report33_pdfs, dev_report34_pdfs, dev_report35_pdfs,
                                              dev_report_pdfs,
                                              parse_report, report_texts,
                                              write_dev_report2_pdfs, write_dev_report3_pdfs, write_dev_report4_pdfs,
                                              write_dev_report5_pdfs, write_dev_report6_pdfs, write_dev_report7_pdfs,
                                              write_dev_report8_pdfs, write_dev_report9_pdfs, write_dev_report10_pdfs,
                                              write_dev_report11_pdfs, write_dev_report12_pdfs, write_dev_report13_pdfs,
                                              write_dev_report14_pdfs, write_dev_report15_pdfs, write_dev_report16_pdfs,
                                              write_dev_report17_pdfs, write_dev_report18_pdfs, write_dev_report19_pdfs,
                                              write_dev_report20_pdfs, write_dev_report21_pdfs, write_dev_report22_pdfs,
                                              write_dev_report23_pdfs, write_dev_report24_pdfs, write_dev_report25_pdfs,
                                              write_dev_report26_pdfs, write_dev_report27_pdfs, write_dev_report28_pdfs, write_dev_report29_pdfs, write_dev_report30_pdfs, write_dev_report31_pdfs, write_dev_report32_pdfs, write_dev_report33_pdfs, write_dev_report34_pdfs, write_dev_report35_pdfs,
                                              write_dev_report_pdfs)

ENDPOINTS = {"CR", "CR_CRI", "ORR", "MRD_NEG", "RFS", "EFS", "DFS", "PFS", "OS", "DOR", "CRS", "ICANS", "GVHD",
             "VOD", "NRM", "ALLOHSCT", "ENROLLED"}
UNIT_OF_STATISTIC = {"count": None, "rate": "%", "landmark": "%", "median": "months", "hazard_ratio": None}
TIMEPOINT = re.compile(r"^(\d+(y|mo|wk)|d\d+|\d+cycles|cycle\d+|EOI|EOT)$")
FIELDS = ("doc", "trial", "nct", "endpoint", "arm", "value", "unit", "statistic", "timepoint",
          "ci_low", "ci_high", "p_value", "required")
SCORER = SHARED / "tools" / "score.py"


def _load(folder: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line]


@dataclass(frozen=True)
class ReportSet:
    """One development report folder: texts, gold, distractors, layouts, PDF writer, fixture, words, spelled numbers."""

    name: str
    folder: Path
    size: int
    layouts: dict[str, Layout]
    write_pdfs: Callable[[Path], dict[str, Path]]
    pdf_fixture: str
    words: tuple[int, int] = (250, 600)
    spelled: tuple[tuple[str, float], ...] = ()

    @property
    def texts(self) -> dict[str, str]:
        return TEXTS[self.name]

    @property
    def gold(self) -> list[dict]:
        return _load(self.folder, "gold.jsonl")

    @property
    def distractors(self) -> list[dict]:
        return _load(self.folder, "distractors.jsonl")


SPELLED5 = (("Eighty-eight per cent", 88), ("seventy-six per cent", 76), ("sixteen per cent", 16))
"""Percentages the fifth set prints only in words ("Eighty-eight per cent"), as (words, value)."""
SPELLED6 = (("61/72", 84.7), ("23/31", 74.2), ("2/6", 33.3), ("5/9", 55.6), ("11/16", 68.8),
            ("sixty per cent", 60))
"""Percentages the sixth set prints only in words or as bare fractions ("61/72"), as (printed form, value)."""
SPELLED7 = (("9 in every 10", 90), ("1/3", 33.3), ("4/6", 66.7), ("10/12", 83.3), ("seventy-nine per cent", 79),
            ("103/144", 71.5), ("107/143", 74.8))
"""Figures the seventh set prints only as "x in every y" or as bare fractions ("10/12"), as (printed form, value)."""
SPELLED8 = (("Seven hundred and four", 704), ("Seven hundred eighty-seven", 787), ("Twenty-one", 21))
"""Figures the eighth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED10 = ()
"""Figures the tenth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED11 = ()
"""Figures the eleventh set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED12 = ()
"""Figures the twelfth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED13 = (("Two hundred six", 206), ("Eighty-nine", 89))
"""Figures the thirteenth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED14 = ()
"""Figures the fourteenth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED15 = ()
"""Figures the fifteenth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED16 = (("Four hundred sixty", 460),)
"""Figures the sixteenth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED17 = ()
"""Figures the seventeenth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED18 = ()
"""Figures the eighteenth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED19 = (("Five hundred twelve", 512), ("Sixty-eight", 68))
"""Figures the nineteenth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED20 = (("Four hundred two", 402), ("Six hundred eighteen", 618))
"""Figures the twentieth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED21 = (("Three hundred ninety-two", 392), ("Twenty-four", 24))
"""Figures the twenty-first set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED22 = (("Four hundred fifty-three", 453),)
"""Figures the twenty-second set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED23 = (("Two hundred and twelve", 212),)
"""Figures the twenty-third set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED24 = (("Three hundred eighty-six", 386),)
"""Figures the twenty-fourth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED25 = (("Eighty-eight", 88),)
"""Figures the twenty-fifth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED26 = ()
"""Figures the twenty-sixth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED27 = (("Seven hundred eighty-six", 786), ("Four hundred seventy-four", 474))
"""Figures the twenty-seventh set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED28 = ()
"""Figures the twenty-eighth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED29 = (("Five hundred forty-eight", 548),)
"""Figures the twenty-ninth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED30 = (("Two hundred forty-six", 246),)
"""Figures the thirtieth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED31 = (("Four hundred thirty-eight", 438),)
"""Figures the thirty-first set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED32 = ()
"""Figures the thirty-second set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED33 = ()
"""Figures the thirty-third set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED34 = (("Three hundred eighty-eight", 388),)
"""Figures the thirty-fourth set prints only in words or as bare fractions, as (printed form, value)."""
SPELLED35 = (("Forty-eight patients were enrolled", 48), ("Seven patients proceeded", 7))
"""Figures the thirty-fifth set prints only in words or as bare fractions, as (printed form, value)."""
SETS = (ReportSet("dev_reports", DEV_REPORTS_DIR, 14, DEV_LAYOUTS, write_dev_report_pdfs, "dev_report_pdfs"),
        ReportSet("dev_reports2", DEV2_REPORTS_DIR, 10, DEV2_LAYOUTS, write_dev_report2_pdfs, "dev_report2_pdfs"),
        ReportSet("dev_reports3", DEV3_REPORTS_DIR, 10, DEV3_LAYOUTS, write_dev_report3_pdfs, "dev_report3_pdfs",
                  words=(250, 1100)),
        ReportSet("dev_reports4", DEV4_REPORTS_DIR, 10, DEV4_LAYOUTS, write_dev_report4_pdfs, "dev_report4_pdfs",
                  words=(250, 1000)),
        ReportSet("dev_reports5", DEV5_REPORTS_DIR, 10, DEV5_LAYOUTS, write_dev_report5_pdfs, "dev_report5_pdfs",
                  words=(250, 1100), spelled=SPELLED5),
        ReportSet("dev_reports6", DEV6_REPORTS_DIR, 10, DEV6_LAYOUTS, write_dev_report6_pdfs, "dev_report6_pdfs",
                  words=(250, 1100), spelled=SPELLED6),
        ReportSet("dev_reports7", DEV7_REPORTS_DIR, 10, DEV7_LAYOUTS, write_dev_report7_pdfs, "dev_report7_pdfs",
                  words=(250, 1100), spelled=SPELLED7),
        ReportSet("dev_reports8", DEV8_REPORTS_DIR, 10, DEV8_LAYOUTS, write_dev_report8_pdfs, "dev_report8_pdfs",
                  words=(250, 1100), spelled=SPELLED8),

        ReportSet("dev_reports9", DEV9_REPORTS_DIR, 10, DEV9_LAYOUTS, write_dev_report9_pdfs, "dev_report9_pdfs",
                  words=(250, 1200)),
        ReportSet("dev_reports10", DEV10_REPORTS_DIR, 10, DEV10_LAYOUTS, write_dev_report10_pdfs,
                  "dev_report10_pdfs", words=(250, 1300), spelled=SPELLED10),
        ReportSet("dev_reports11", DEV11_REPORTS_DIR, 10, DEV11_LAYOUTS, write_dev_report11_pdfs,
                  "dev_report11_pdfs", words=(250, 1300), spelled=SPELLED11),
        ReportSet("dev_reports12", DEV12_REPORTS_DIR, 10, DEV12_LAYOUTS, write_dev_report12_pdfs,
                  "dev_report12_pdfs", words=(250, 1500), spelled=SPELLED12),
        ReportSet("dev_reports13", DEV13_REPORTS_DIR, 10, DEV13_LAYOUTS, write_dev_report13_pdfs,
                  "dev_report13_pdfs", words=(250, 1600), spelled=SPELLED13),
        ReportSet("dev_reports14", DEV14_REPORTS_DIR, 10, DEV14_LAYOUTS, write_dev_report14_pdfs,
                  "dev_report14_pdfs", words=(250, 1600), spelled=SPELLED14),
        ReportSet("dev_reports15", DEV15_REPORTS_DIR, 10, DEV15_LAYOUTS, write_dev_report15_pdfs,
                  "dev_report15_pdfs", words=(250, 1600), spelled=SPELLED15),
        ReportSet("dev_reports16", DEV16_REPORTS_DIR, 10, DEV16_LAYOUTS, write_dev_report16_pdfs,
                  "dev_report16_pdfs", words=(250, 1600), spelled=SPELLED16),
        ReportSet("dev_reports17", DEV17_REPORTS_DIR, 10, DEV17_LAYOUTS, write_dev_report17_pdfs,
                  "dev_report17_pdfs", words=(250, 1600), spelled=SPELLED17),
        ReportSet("dev_reports18", DEV18_REPORTS_DIR, 10, DEV18_LAYOUTS, write_dev_report18_pdfs,
                  "dev_report18_pdfs", words=(250, 1600), spelled=SPELLED18),
        ReportSet("dev_reports19", DEV19_REPORTS_DIR, 10, DEV19_LAYOUTS, write_dev_report19_pdfs,
                  "dev_report19_pdfs", words=(250, 1600), spelled=SPELLED19),
        ReportSet("dev_reports20", DEV20_REPORTS_DIR, 10, DEV20_LAYOUTS, write_dev_report20_pdfs,
                  "dev_report20_pdfs", words=(250, 1600), spelled=SPELLED20),
        ReportSet("dev_reports21", DEV21_REPORTS_DIR, 10, DEV21_LAYOUTS, write_dev_report21_pdfs,
                  "dev_report21_pdfs", words=(250, 1600), spelled=SPELLED21),
        ReportSet("dev_reports22", DEV22_REPORTS_DIR, 10, DEV22_LAYOUTS, write_dev_report22_pdfs,
                  "dev_report22_pdfs", words=(250, 1600), spelled=SPELLED22),
        ReportSet("dev_reports23", DEV23_REPORTS_DIR, 10, DEV23_LAYOUTS, write_dev_report23_pdfs,
                  "dev_report23_pdfs", words=(250, 1600), spelled=SPELLED23),
        ReportSet("dev_reports24", DEV24_REPORTS_DIR, 10, DEV24_LAYOUTS, write_dev_report24_pdfs,
                  "dev_report24_pdfs", words=(250, 1600), spelled=SPELLED24),
        ReportSet("dev_reports25", DEV25_REPORTS_DIR, 10, DEV25_LAYOUTS, write_dev_report25_pdfs,
                  "dev_report25_pdfs", words=(250, 1600), spelled=SPELLED25),
        ReportSet("dev_reports26", DEV26_REPORTS_DIR, 10, DEV26_LAYOUTS, write_dev_report26_pdfs,
                  "dev_report26_pdfs", words=(250, 1600), spelled=SPELLED26),
        ReportSet("dev_reports27", DEV27_REPORTS_DIR, 10, DEV27_LAYOUTS, write_dev_report27_pdfs,
                  "dev_report27_pdfs", words=(250, 1600), spelled=SPELLED27),
        ReportSet("dev_reports28", DEV28_REPORTS_DIR, 10, DEV28_LAYOUTS, write_dev_report28_pdfs,
                  "dev_report28_pdfs", words=(250, 1600), spelled=SPELLED28),
        ReportSet("dev_reports29", DEV29_REPORTS_DIR, 10, DEV29_LAYOUTS, write_dev_report29_pdfs,
                  "dev_report29_pdfs", words=(250, 1600), spelled=SPELLED29),
        ReportSet("dev_reports30", DEV30_REPORTS_DIR, 10, DEV30_LAYOUTS, write_dev_report30_pdfs,
                  "dev_report30_pdfs", words=(250, 1600), spelled=SPELLED30),
        ReportSet("dev_reports31", DEV31_REPORTS_DIR, 10, DEV31_LAYOUTS, write_dev_report31_pdfs,
                  "dev_report31_pdfs", words=(250, 1600), spelled=SPELLED31),
        ReportSet("dev_reports32", DEV32_REPORTS_DIR, 10, DEV32_LAYOUTS, write_dev_report32_pdfs,
                  "dev_report32_pdfs", words=(250, 1600), spelled=SPELLED32),
        ReportSet("dev_reports33", DEV33_REPORTS_DIR, 10, DEV33_LAYOUTS, write_dev_report33_pdfs,
                  "dev_report33_pdfs", words=(250, 1600), spelled=SPELLED33),
        ReportSet("dev_reports34", DEV34_REPORTS_DIR, 10, DEV34_LAYOUTS, write_dev_report34_pdfs,
                  "dev_report34_pdfs", words=(250, 1600), spelled=SPELLED34),
        ReportSet("dev_reports35", DEV35_REPORTS_DIR, 10, DEV35_LAYOUTS, write_dev_report35_pdfs,
                  "dev_report35_pdfs", words=(250, 1600), spelled=SPELLED35))
TEXTS = {s.name: report_texts(s.folder) for s in SETS}
GOLD = [(s, g) for s in SETS for g in s.gold]
DISTRACTORS = [(s, d) for s in SETS for d in s.distractors]


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text.replace("\u00b7", "."))]


def _printed(value: float, text: str, spelled: tuple[tuple[str, float], ...] = ()) -> bool:
    words = [n for word, n in spelled if word in text]
    return any(abs(n - float(value)) < 1e-9 for n in _numbers(text) + words)


def _fact_id(item: tuple[ReportSet, dict]) -> str:
    return f"{item[0].name}:{item[1]['doc']}:{item[1]['endpoint']}:{item[1]['value']}"


@pytest.mark.parametrize("report_set", SETS, ids=lambda s: s.name)
def test_every_report_has_gold_distractors_and_its_own_layout(report_set):
    texts = report_set.texts
    assert len(texts) == report_set.size
    assert ({g["doc"] for g in report_set.gold} == set(texts) == {d["doc"] for d in report_set.distractors}
            == set(report_set.layouts))
    assert not set(texts) & set(LAYOUTS), "a development report shares a stem with a blind report"
    low, high = report_set.words
    for stem, text in texts.items():
        assert low <= len(text.split()) <= high, stem


def test_the_development_sets_share_no_stem():
    stems = [stem for texts in TEXTS.values() for stem in texts]
    assert len(stems) == len(set(stems))


@pytest.mark.parametrize("report_set", [s for s in SETS if s.name not in ("dev_reports", "dev_reports2")],
                         ids=lambda s: s.name)
def test_the_later_sets_have_long_reports_with_two_tables_over_three_pages(request, report_set):
    pdfs = request.getfixturevalue(report_set.pdf_fixture)
    long_reports = [stem for stem, text in report_set.texts.items()
                    if sum(kind == "table" for kind, _ in parse_report(text)[1]) == 2]
    assert len(long_reports) >= 2
    for stem in long_reports:
        assert len(pdfium.PdfDocument(str(pdfs[stem]))) >= 3, stem


@pytest.mark.parametrize("report_set,stem", [(s, stem) for s in SETS for stem in sorted(s.texts)],
                         ids=lambda x: x if isinstance(x, str) else x.name)
def test_report_text_fits_the_pdf_core_font_encoding(report_set, stem):
    report_set.texts[stem].encode("windows-1252")


@pytest.mark.parametrize("item", GOLD, ids=_fact_id)
def test_gold_fact_follows_the_guide(item):
    _, fact = item
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


@pytest.mark.parametrize("item", GOLD, ids=_fact_id)
def test_gold_numbers_are_printed_in_their_report(item):
    report_set, fact = item
    text = report_set.texts[fact["doc"]]
    for number in [fact["value"], fact["ci_low"], fact["ci_high"], *fact.get("alt_values", [])]:
        assert number is None or _printed(number, text, report_set.spelled), (fact["doc"], number)
    if fact["p_value"]:
        digits = fact["p_value"].lstrip("<>= ")
        flat = text.replace("\u00b7", ".")
        assert digits in flat or digits.removeprefix("0") in flat, (fact["doc"], fact["p_value"])
    if fact["trial"]:
        assert fact["trial"] in text
    if fact["nct"]:
        assert fact["nct"] in text


@pytest.mark.parametrize("item", [(s, g) for s, g in GOLD if "n" in g], ids=_fact_id)
def test_gold_percentages_agree_with_their_counts(item):
    _, fact = item
    decimals = len(repr(float(fact["value"])).split(".")[1].rstrip("0") or "")
    assert abs(100 * fact["n"] / fact["N"] - fact["value"]) <= 0.5 * 10 ** -decimals + 1e-9


@pytest.mark.parametrize("report_set", SETS, ids=lambda s: s.name)
def test_each_report_names_its_trial_consistently(report_set):
    for doc in report_set.texts:
        assert len({(g["trial"], g["nct"]) for g in report_set.gold if g["doc"] == doc}) == 1, doc


@pytest.mark.parametrize("report_set", SETS, ids=lambda s: s.name)
def test_no_two_gold_facts_of_a_report_are_one_fact_to_the_scorer(report_set):
    keys = [(g["doc"], g["endpoint"], g["arm"], g["statistic"], g["timepoint"], g["value"]) for g in report_set.gold]
    assert len(keys) == len(set(keys))


def _flat(text: str) -> str:
    """Text with table cell separators and line breaks reduced to single spaces."""
    return " ".join(text.replace("|", " ").split())


@pytest.mark.parametrize("item", DISTRACTORS, ids=lambda x: f"{x[0].name}:{x[1]['doc']}:{x[1]['text'][:30]}")
def test_distractor_is_quoted_from_its_report_with_a_number_and_a_reason(item):
    report_set, distractor = item
    assert _flat(distractor["text"]) in _flat(report_set.texts[distractor["doc"]])
    assert _numbers(distractor["text"]) and distractor["why"]


@pytest.mark.parametrize("report_set", SETS, ids=lambda s: s.name)
def test_gold_scores_one_against_itself(tmp_path, report_set):
    if not SCORER.exists():
        pytest.skip("../shared/tools/score.py is not present")
    pred = tmp_path / "pred.jsonl"
    keys = FIELDS[:-1]
    pred.write_text("".join(json.dumps({k: g[k] for k in keys} | {"doc": g["doc"] + ".pdf"}) + "\n"
                            for g in report_set.gold))
    out = subprocess.run([sys.executable, str(SCORER), str(pred), str(report_set.folder / "gold.jsonl"), "--json",
                          "--distractors", str(report_set.folder / "distractors.jsonl")],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["strict"]["f1"] == scores["lenient"]["f1"] == 1.0
    assert scores["distractors_hit"].startswith("0/")


@pytest.mark.parametrize("report_set", SETS, ids=lambda s: s.name)
def test_layouts_cover_columns_fonts_and_table_styles(report_set):
    layouts = set(report_set.layouts.values())
    assert {layout.columns for layout in layouts} >= {1, 2, 3}
    assert {layout.table_style for layout in layouts} == {"ruled", "booktabs"}
    assert {layout.font for layout in layouts} == {"Helvetica", "Times", "Courier"}
    assert {layout.landscape for layout in layouts} == {True, False}


@pytest.mark.parametrize("report_set", SETS, ids=lambda s: s.name)
def test_pdfs_carry_every_number_of_their_text(request, report_set):
    pdfs = request.getfixturevalue(report_set.pdf_fixture)
    assert set(pdfs) == set(report_set.texts)
    for stem, path in pdfs.items():
        pdf = pdfium.PdfDocument(str(path))
        printed = " ".join(page.get_textpage().get_text_range() for page in pdf)
        text = report_set.texts[stem]
        missing = sorted(set(re.findall(r"\d+(?:[.\u00b7]\d+)?", text)) - set(
            re.findall(r"\d+(?:[.\u00b7]\d+)?", printed)))
        assert not missing, (stem, missing)
        assert text.splitlines()[0].split()[0] in printed


@pytest.mark.parametrize("report_set", SETS, ids=lambda s: s.name)
def test_pdfs_are_the_same_bytes_every_time(request, tmp_path, report_set):
    pdfs = request.getfixturevalue(report_set.pdf_fixture)
    again = report_set.write_pdfs(tmp_path)
    assert {s: p.read_bytes() for s, p in again.items()} == {s: p.read_bytes() for s, p in pdfs.items()}
