"""Entity-level precision/recall of an NER model: on config/ner/dev.jsonl and, for TRIAL, on the review's text.

usage: .venv/bin/python bench/ner_entities.py [MODEL_DIR ...]   (default: models/ner)

The review figures use the overlap scoring of tests/test_nlp_trials_review.py against ../shared/gold/trials.json
(body sections and Table 1): the NER alone, then the mentions that the names accepted by
extractors/nlp/ner_mentions.py add to the rules' mentions.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.nlp.ner_mentions import ner_entities, find_ner_names  # noqa: E402
from extractors.nlp.train import DEFAULT_DEV, evaluate_ner, load_ner, read_annotations  # noqa: E402
from extractors.nlp.trials import find_trial_mentions  # noqa: E402
from schemas.settings import ExtractSettings  # noqa: E402
from tests.test_nlp_trials_review import gold_spans, review_text, score  # noqa: E402

SHARED = ROOT.parent / "shared"


def review_trial_scores(model_dir: Path) -> dict:
    """TRIAL precision/recall on the review text: NER spans alone, and occurrences of the accepted names."""
    text = review_text(SHARED / "corpus" / "reviews" / "lussana2023_cancers.txt")
    gold = gold_spans(text, json.loads((SHARED / "gold" / "trials.json").read_text(encoding="utf-8")))
    settings = ExtractSettings(ner_model_dir=model_dir, use_ner=True)
    raw = [_Span(s, e) for s, e, label in ner_entities(text, settings) if label == "TRIAL"]
    accepted = find_ner_names(text, settings).trial_names
    listed = [_Span(m.start, m.end) for m in find_trial_mentions(text, accepted, use_known=False)
              if m.rule == "gazetteer"]
    out = {}
    for name, spans in (("ner_alone", raw), ("added_to_rules", listed)):
        r = score(spans, gold)
        out[name] = {"precision": round(r["precision"], 3), "recall": round(r["recall"], 3), "n_pred": r["n_pred"],
                     "n_gold": r["n_gold"], "false_positives": sorted({text[s.start:s.end] for s in r["false_positives"]})}
    return out


class _Span:
    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


def main(argv: list[str]) -> int:
    """Print dev-set and review scores for each model folder."""
    for model_dir in [Path(a) for a in argv] or [ROOT / "models" / "ner"]:
        dev = evaluate_ner(load_ner(model_dir), read_annotations(DEFAULT_DEV))
        print(json.dumps({"model": str(model_dir), "dev": dev, "review_trial": review_trial_scores(model_dir)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
