"""The evaluator on hand-made gold and records: tolerance, strict attributes, aliases, one-to-one matching."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.evaluate import evaluate, format_report, load_gold

DOC = "lussana2023_cancers.pdf"


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    facts = [
        {"id": "B1", "kind": "result", "trial": "TOWER", "study_key": "TOWER", "endpoint": "CR", "arm": "blinatumomab",
         "value": 34, "unit": "%", "statistic": "rate", "timepoint": None, "quote": "CR, 34%"},
        {"id": "B2", "kind": "result", "trial": "TOWER", "study_key": "TOWER", "endpoint": "OS", "arm": "blinatumomab",
         "value": 71, "unit": "%", "statistic": "landmark", "timepoint": "1y", "quote": "1-year OS 71%"},
        {"id": "B3", "kind": "sample_size", "trial": None, "study_key": "unnamed:Smith 2020 [7]", "endpoint": "ENROLLED",
         "arm": None, "value": 45, "unit": None, "statistic": "count", "timepoint": None, "quote": "45 patients"},
        {"id": "B4", "kind": "descriptor", "trial": "TOWER", "study_key": "TOWER", "endpoint": "AGE", "arm": None,
         "value": 41, "unit": "years", "statistic": "median", "timepoint": None, "quote": "median age 41"},
        {"id": "B5", "kind": "result", "trial": "TOWER", "study_key": "TOWER", "endpoint": "CR", "arm": "blinatumomab",
         "value": None, "unit": None, "statistic": "rate", "timepoint": None, "quote": "two-thirds"},
    ]
    (tmp_path / "body_facts.jsonl").write_text("\n".join(json.dumps(f) for f in facts) + "\n", encoding="utf-8")
    table = [{"row": 1, "trial": "Tower 2017", "trial_canonical": "TOWER", "study_key": "TOWER", "results": [
        {"endpoint": "OS", "arm": "chemotherapy", "value": 58, "unit": "%", "statistic": "landmark", "timepoint": None,
         "timepoint_from_body": "2y", "source_text": "OS: ChT 58%"}]}]
    (tmp_path / "table1.json").write_text(json.dumps(table), encoding="utf-8")
    trials = [{"canonical": "TOWER", "named": True, "aliases": ["TOWER study", "Tower 2017"], "nct_normalized": ["NCT02013167"],
               "body_fact_ids": ["B1", "B2"], "table1_row": 1},
              {"canonical": "unnamed:Smith 2020 [7]", "named": False, "aliases": ["Smith et al."], "body_fact_ids": ["B3"]}]
    (tmp_path / "trials.json").write_text(json.dumps(trials), encoding="utf-8")
    return tmp_path


def rec(**kw) -> dict:
    base = {"doc": DOC, "trial": "TOWER", "nct": None, "endpoint": "CR", "arm": "blinatumomab", "value": 34.0, "unit": "%",
            "statistic": "rate", "timepoint": None, "source": "body", "quote": "q", "page": 1}
    base.update(kw)
    return base


PERFECT = [
    rec(),
    rec(endpoint="OS", value=71.0, statistic="landmark", timepoint="12mo"),
    rec(trial=None, endpoint="ENROLLED", arm=None, value=45.0, unit=None, statistic="count"),
    rec(source="table", trial="Tower 2017", endpoint="OS", arm="chemotherapy", value=58.0, statistic="landmark", timepoint="2y"),
]


def _scores(report, mode):
    c = report.modes[mode].overall
    return c.tp, c.fp, c.fn


def test_only_scorable_gold_facts_are_loaded(gold):
    assert sorted(g.id for g in load_gold(gold)) == ["B1", "B2", "B3", "T01.1"]


def test_exact_records_score_perfectly_and_timepoints_compare_in_months(gold):
    report = evaluate(PERFECT, gold)
    assert _scores(report, "lenient") == (4, 0, 0)
    assert _scores(report, "strict") == (4, 0, 0)
    assert report.modes["strict"].by_source["table"].f1 == 1.0


def test_value_tolerance_is_five_hundredths(gold):
    near = [rec(value=34.04)]
    far = [rec(value=34.06)]
    assert _scores(evaluate(near, gold), "lenient")[0] == 1
    assert _scores(evaluate(far, gold), "lenient")[0] == 0


def test_wrong_arm_counts_only_in_lenient_mode(gold):
    report = evaluate([rec(arm="chemotherapy")], gold)
    assert _scores(report, "lenient") == (1, 0, 3)
    assert _scores(report, "strict") == (0, 1, 4)


@pytest.mark.parametrize("change", [{"statistic": "median"}, {"timepoint": "2y"}, {"trial": "INO-VATE"}])
def test_strict_mode_checks_statistic_timepoint_and_trial(gold, change):
    report = evaluate([rec(**change)], gold)
    assert _scores(report, "lenient")[0] == 1 and _scores(report, "strict")[0] == 0


def test_trial_aliases_nct_and_unnamed_studies(gold):
    report = evaluate([rec(trial="TOWER study"), rec(trial="Smith et al.", endpoint="ENROLLED", arm=None, value=45.0,
                                                     unit=None, statistic="count")], gold)
    assert _scores(report, "strict")[0] == 2
    report = evaluate([rec(trial="NCT02013167")], gold)
    assert _scores(report, "strict")[0] == 1


def test_matching_is_one_to_one_and_other_documents_are_ignored(gold):
    report = evaluate([rec(), rec(), rec(doc="other.pdf")], gold)
    assert report.record_count == 2
    assert _scores(report, "strict") == (1, 1, 3)


def test_source_must_agree(gold):
    report = evaluate([rec(source="table")], gold)
    assert _scores(report, "lenient") == (0, 1, 4)


def test_format_report_lists_modes_sources_and_endpoints(gold):
    text = format_report(evaluate(PERFECT, gold), show_errors=3)
    assert "[lenient]" in text and "[strict]" in text and "source=table" in text and "ENROLLED" in text
    assert "trials" in text


def test_trial_mention_scores_ignore_unnamed_study_labels(gold):
    records = PERFECT + [rec(trial="Smith et al.", value=1.0), rec(trial="ZETA-9", value=2.0)]
    trials = evaluate(records, gold).trials
    assert (trials.tp, trials.fp, trials.fn) == (1, 1, 0)
