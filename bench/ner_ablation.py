"""NER ablation: score.py strict/lenient F1 of `evidence run` + `export` with extract.use_ner on and off.

usage: .venv/bin/python bench/ner_ablation.py [--sets dev,review,reviews_dev] [--holdout] [--keep DIR]

Sets: `dev` = the trial reports of ../shared/corpus/trials_dev minus the held-out ones listed in
tests/data/dev_holdout.txt; `holdout` (only with --holdout) = those five; `review` = the review of record
(gold from ../shared/tools/review_gold.py); `reviews_dev` = the two development reviews' body facts.
Every figure is what ../shared/tools/score.py prints; nothing is scored here.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVIDENCE = ROOT / ".venv" / "bin" / "evidence"
SCORE = SHARED / "tools" / "score.py"
ALIASES = SHARED / "gold" / "trials.json"
TRIALS_DEV = SHARED / "corpus" / "trials_dev"
HOLDOUT_FILE = ROOT / "tests" / "data" / "dev_holdout.txt"


def holdout_stems() -> set[str]:
    """The held-out trial reports named in tests/data/dev_holdout.txt."""
    lines = HOLDOUT_FILE.read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#") and ":" not in ln}


def _link_corpus(folder: Path, pdfs: list[Path]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for pdf in pdfs:
        (folder / pdf.name).symlink_to(pdf)
    return folder


def _write_gold(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(g) + "\n" for g in lines), encoding="utf-8")
    return path


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def build_sets(work: Path, names: list[str]) -> dict[str, tuple[Path, Path, list[str]]]:
    """name -> (corpus folder, gold JSONL, extra score.py arguments)."""
    held = holdout_stems()
    sets = {}
    trial_gold = _read_jsonl(SHARED / "gold" / "trials_dev" / "gold.jsonl")
    trial_distractors = _read_jsonl(SHARED / "gold" / "trials_dev" / "distractors.jsonl")
    for name, keep in (("dev", lambda s: s not in held), ("holdout", lambda s: s in held)):
        if name not in names:
            continue
        pdfs = sorted(p for p in TRIALS_DEV.glob("*.pdf") if keep(p.stem))
        gold = _write_gold(work / f"{name}_gold.jsonl", [g for g in trial_gold if keep(g["doc"])])
        distractors = _write_gold(work / f"{name}_distractors.jsonl", [d for d in trial_distractors if keep(d["doc"])])
        sets[name] = (_link_corpus(work / name, pdfs), gold, ["--distractors", str(distractors)])
    if "review" in names:
        gold = work / "review_gold.jsonl"
        subprocess.run([sys.executable, str(SHARED / "tools" / "review_gold.py"), str(gold)], check=True)
        pdfs = [SHARED / "corpus" / "reviews" / "lussana2023_cancers.pdf"]
        sets["review"] = (_link_corpus(work / "review", pdfs), gold, [])
    if "reviews_dev" in names:
        stems = ("review_cart_all", "review_phall_tki")
        gold = _write_gold(work / "reviews_dev_gold.jsonl",
                           [g for s in stems for g in _read_jsonl(SHARED / "gold" / "reviews_dev" / f"{s}.jsonl")])
        pdfs = [SHARED / "corpus" / "reviews" / f"{s}.pdf" for s in stems]
        sets["reviews_dev"] = (_link_corpus(work / "reviews_dev", pdfs), gold, [])
    return sets


def run_and_export(work: Path, corpus: Path, use_ner: bool, tag: str) -> Optional[Path]:
    """Run the pipeline over corpus with extract.use_ner set and export its records as JSONL (None if the run failed)."""
    config = work / f"{tag}.toml"
    config.write_text(f"[extract]\nuse_ner = {'true' if use_ner else 'false'}\n"
                      f"[validate]\nreports_dir = \"{work / 'reports'}\"\ndata_docs = false\n", encoding="utf-8")
    warehouse, out = work / f"{tag}.duckdb", work / f"{tag}.jsonl"
    base = [str(EVIDENCE), "--config", str(config)]
    run = subprocess.run(base + ["run", "--corpus", str(corpus), "--warehouse", str(warehouse), "--quiet"],
                         cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        (work / f"{tag}.stderr.txt").write_text(run.stderr, encoding="utf-8")
        return None
    subprocess.run(base + ["export", "--warehouse", str(warehouse), "--format", "jsonl", "--out", str(out)],
                   check=True, cwd=ROOT)
    return out


def score(pred: Path, gold: Path, extra: list[str]) -> dict:
    """score.py --json on pred against gold (aliases from ../shared/gold/trials.json)."""
    cmd = [sys.executable, str(SCORE), str(pred), str(gold), "--aliases", str(ALIASES), "--json"] + extra
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main(argv: list[str] | None = None) -> int:
    """Run every set with and without the NER and print one table row per set and setting."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="dev,review", help="comma list of dev, review, reviews_dev")
    parser.add_argument("--holdout", action="store_true", help="also score the five held-out trial reports")
    parser.add_argument("--keep", type=Path, help="keep predictions and scores in this folder")
    args = parser.parse_args(argv)
    names = [n for n in args.sets.split(",") if n] + (["holdout"] if args.holdout else [])
    with tempfile.TemporaryDirectory(prefix="ner-ablation-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for name, (corpus, gold, extra) in build_sets(work, names).items():
            for use_ner in (False, True):
                tag = f"{name}_{'ner' if use_ner else 'rules'}"
                pred = run_and_export(work, corpus, use_ner, tag)
                result = score(pred, gold, extra) if pred else None
                (work / f"{tag}.score.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
                rows.append((name, use_ner, result))
        print("| set | extract.use_ner | strict P | strict R | strict F1 | lenient F1 | distractors hit |")
        print("|---|---|---|---|---|---|---|")
        for name, use_ner, r in rows:
            if r is None:
                print(f"| {name} | {str(use_ner).lower()} | run failed (exit 1; see {name}_*.stderr.txt with --keep) |||||")
                continue
            s, lenient = r["strict"], r["lenient"]
            hit = r.get("distractors_hit", "")
            print(f"| {name} | {str(use_ner).lower()} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
                  f"| {lenient['f1']:.3f} | {hit} |")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
