"""Trial-mention precision and recall on the review (body sections 1-6 and Table 1) against gold trials.json."""
import json
import re
from pathlib import Path

import pytest

from extractors.nlp.trials import TrialMention, find_trial_mentions

BODY_LINES = (51, 145)
TABLE_LINES = (280, 305)
_TABLE_TRIAL_CELL = re.compile(r"^(.{2,60}?)\s*\[\d[\d,\s–-]*\]")


def review_text(seed: Path) -> str:
    """Return the review's body and Table 1 lines, as one text."""
    lines = seed.read_text(encoding="utf-8").split("\n")
    body = "\n".join(lines[BODY_LINES[0] - 1:BODY_LINES[1]])
    table = "\n".join(lines[TABLE_LINES[0] - 1:TABLE_LINES[1]])
    return body + "\n\n" + table


def table_trial_cells(text: str) -> list[str]:
    """Return first cells of Table 1 rows ('Name [ref]'), as a table extractor would hand them over."""
    return [m.group(1) for line in text.split("\n") if (m := _TABLE_TRIAL_CELL.match(line))]


def gold_spans(text: str, trials: list[dict]) -> list[tuple[int, int, str]]:
    """Return merged character spans of every gold alias and NCT surface in text."""
    spans = []
    for trial in trials:
        for surface in set(trial.get("aliases", [])) | set(trial.get("nct", [])):
            for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
                spans.append((m.start(), m.end(), trial["canonical"]))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, c in spans:
        if merged and s < merged[-1][1]:
            ps, pe, pc = merged[-1]
            merged[-1] = (ps, max(pe, e), pc)
        else:
            merged.append((s, e, c))
    return merged


def score(mentions: list[TrialMention], gold: list[tuple[int, int, str]]) -> dict:
    """Return overlap-based precision/recall and the unmatched items on both sides."""
    def hit(a, b):
        return a[0] < b[1] and b[0] < a[1]

    false_pos = [m for m in mentions if not any(hit((m.start, m.end), g) for g in gold)]
    missed = [g for g in gold if not any(hit((m.start, m.end), g) for m in mentions)]
    precision = (len(mentions) - len(false_pos)) / len(mentions) if mentions else 0.0
    recall = (len(gold) - len(missed)) / len(gold) if gold else 0.0
    return {"precision": precision, "recall": recall, "n_pred": len(mentions), "n_gold": len(gold),
            "false_positives": false_pos, "missed": missed}


def evaluate(seed: Path, gold_dir: Path, use_known: bool = False) -> dict:
    """Run find_trial_mentions on the review text and score it against gold trials.json."""
    text = review_text(seed)
    trials = json.loads((gold_dir / "trials.json").read_text(encoding="utf-8"))
    mentions = find_trial_mentions(text, table_trial_cells(text), use_known=use_known)
    result = score(mentions, gold_spans(text, trials))
    result["missed_text"] = [text[s:e] for s, e, _ in result["missed"]]
    result["false_positive_text"] = [m.text for m in result["false_positives"]]
    return result



SEED_NAME = "lussana2023_cancers.txt"
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95


@pytest.mark.parametrize("use_known", [False, True])
def test_trial_mentions_on_review_meet_floors(gold_dir, use_known):
    seed = gold_dir.parent / "corpus" / "reviews" / SEED_NAME
    result = evaluate(seed, gold_dir, use_known=use_known)
    detail = f"missed={result['missed_text']} false_positives={result['false_positive_text']}"
    assert result["n_gold"] > 50, detail
    assert result["precision"] >= PRECISION_FLOOR, detail
    assert result["recall"] >= RECALL_FLOOR, detail


def test_review_nct_mentions_are_normalised(gold_dir):
    seed = gold_dir.parent / "corpus" / "reviews" / SEED_NAME
    trials = json.loads((gold_dir / "trials.json").read_text(encoding="utf-8"))
    expected = {n for t in trials for n in t.get("nct_normalized", [])}
    text = review_text(seed)
    found = {m.nct for m in find_trial_mentions(text, use_known=False) if m.kind == "nct"}
    in_text = {n for n in expected if n[3:] in text}
    assert in_text and found == in_text


if __name__ == "__main__":
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    for known in (False, True):
        r = evaluate(shared / "corpus" / "reviews" / SEED_NAME, shared / "gold", use_known=known)
        print(f"use_known={known}: P={r['precision']:.3f} R={r['recall']:.3f} pred={r['n_pred']} gold={r['n_gold']}")
        print("  missed:", r["missed_text"])
        print("  false positives:", r["false_positive_text"])
