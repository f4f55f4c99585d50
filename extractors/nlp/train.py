"""Train and load the small statistical NER (TRIAL, DRUG, ENDPOINT) from the annotated data in config/ner."""
from __future__ import annotations

import contextlib
import json
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable

import spacy
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.scorer import Scorer
from spacy.training import Example

import extractors.nlp.tokenizer  # noqa: F401  (registers the tokenizer used in config.cfg)
from schemas.settings import CONFIG_DIR

log = logging.getLogger(__name__)

NER_DIR = CONFIG_DIR / "ner"
DEFAULT_CONFIG = NER_DIR / "config.cfg"
DEFAULT_TRAIN = NER_DIR / "train.jsonl"
DEFAULT_DEV = NER_DIR / "dev.jsonl"
LABELS = ("TRIAL", "DRUG", "ENDPOINT")


def read_annotations(path: Path) -> list[dict]:
    """Read {"text", "spans": [[start, end, label], ...]} records from a JSONL file."""
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_docbin(nlp: Language, records: Iterable[dict]) -> DocBin:
    """Convert annotation records to a DocBin; spans that do not align with tokens raise ValueError."""
    db = DocBin(store_user_data=False)
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        ents = []
        for start, end, label in rec["spans"]:
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
            if span is None:
                raise ValueError(f"span {rec['text'][start:end]!r} does not align with tokens in {rec['text']!r}")
            ents.append(span)
        doc.ents = ents
        db.add(doc)
    return db


def _blank_with_config_tokenizer(config_path: Path) -> Language:
    config = spacy.util.load_config(config_path)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def evaluate_ner(nlp: Language, records: Iterable[dict]) -> dict:
    """Return entity precision, recall, F1 (overall and per label) of nlp on annotation records."""
    examples = []
    for rec in records:
        reference = nlp.make_doc(rec["text"])
        reference.ents = [reference.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in rec["spans"]]
        examples.append(Example(nlp(rec["text"]), reference))
    scores = Scorer.score_spans(examples, "ents")
    return {
        "precision": round(scores["ents_p"] or 0.0, 4),
        "recall": round(scores["ents_r"] or 0.0, 4),
        "f": round(scores["ents_f"] or 0.0, 4),
        "per_label": {k: {m: round(v[m], 4) for m in ("p", "r", "f")} for k, v in (scores["ents_per_type"] or {}).items()},
    }


def train_ner(
    output_dir: Path,
    seed: int = 0,
    config_path: Path = DEFAULT_CONFIG,
    train_path: Path = DEFAULT_TRAIN,
    dev_path: Path = DEFAULT_DEV,
    max_steps: int | None = None,
    limit: int | None = None,
) -> dict:
    """Train the NER into output_dir and return dev precision/recall/F1, sizes and training seconds."""
    output_dir = Path(output_dir)
    train_records = read_annotations(train_path)[:limit] if limit else read_annotations(train_path)
    dev_records = read_annotations(dev_path)
    nlp = _blank_with_config_tokenizer(config_path)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ner-train-") as tmp:
        tmp_dir = Path(tmp)
        to_docbin(nlp, train_records).to_disk(tmp_dir / "train.spacy")
        to_docbin(nlp, dev_records).to_disk(tmp_dir / "dev.spacy")
        overrides = {
            "paths.train": str(tmp_dir / "train.spacy"),
            "paths.dev": str(tmp_dir / "dev.spacy"),
            "system.seed": seed,
        }
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
            overrides["training.eval_frequency"] = max(1, min(200, max_steps))
        spacy.util.fix_random_seed(seed)
        with contextlib.redirect_stdout(sys.stderr):  # keep stdout for the caller's results
            spacy_train(config_path, tmp_dir / "out", overrides=overrides, use_gpu=-1)
        best = tmp_dir / "out" / "model-best"
        if not best.exists():
            best = tmp_dir / "out" / "model-last"
        if output_dir.exists():
            shutil.rmtree(output_dir)
        shutil.copytree(best, output_dir)
    seconds = round(time.perf_counter() - started, 1)
    trained = load_ner(output_dir)
    scores = evaluate_ner(trained, dev_records)
    result = {**scores, "seconds": seconds, "n_train": len(train_records), "n_dev": len(dev_records),
              "seed": seed, "model_dir": str(output_dir)}
    (output_dir / "dev_scores.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def load_ner(model_dir: Path) -> Language | None:
    """Load a trained NER pipeline from model_dir, or return None when there is none."""
    model_dir = Path(model_dir)
    if not (model_dir / "config.cfg").exists() or not (model_dir / "meta.json").exists():
        return None
    return spacy.load(model_dir)
