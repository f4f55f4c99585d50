"""Score the extractor on the dev trial reports (development and held-out splits) and the review, without Prefect.

Runs what the flow runs per file (cached ingest -> extract -> validation) and writes export-format JSONL, then calls
the scorer of record (../shared/tools/score.py) once per split:

    .venv/bin/python bench/score_dev.py                # dev-11, holdout-5, all-16, review (public PDF)
    .venv/bin/python bench/score_dev.py --layouts      # also every review typesetting of tests/fixtures
    .venv/bin/python bench/score_dev.py --dev-reviews  # also the two development reviews' body facts
    .venv/bin/python bench/score_dev.py --split dev --misses   # the scorer's misses, development split only
    .venv/bin/python bench/score_dev.py --split none --blind   # also the blind test reports (tests/data/blind_reports)
    .venv/bin/python bench/score_dev.py --split none --devnew --misses   # the 14 development reports of tests/data/dev_reports
    .venv/bin/python bench/score_dev.py --split none --devnew2 --misses  # the 10 development reports of tests/data/dev_reports2
    .venv/bin/python bench/score_dev.py --split none --devnew3 --misses  # the 10 development reports of tests/data/dev_reports3

The held-out reports (tests/data/dev_holdout.txt) and the blind test reports are only ever scored in aggregate or
per document; `--misses` never lists them.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas.evidence import EXPORT_FIELDS  # noqa: E402

SHARED = ROOT.parent / "shared"
TRIALS_DIR = SHARED / "corpus" / "trials_dev"
TRIALS_GOLD = SHARED / "gold" / "trials_dev"
REVIEW_PDF = SHARED / "corpus" / "reviews" / "lussana2023_cancers.pdf"
DEV_REVIEWS = ("review_cart_all", "review_phall_tki")
DEV_REVIEWS_GOLD = SHARED / "gold" / "reviews_dev"
SCORER = SHARED / "tools" / "score.py"
ALIASES = SHARED / "gold" / "trials.json"
HOLDOUT_LIST = ROOT / "tests" / "data" / "dev_holdout.txt"
BLIND_DIR = ROOT / "tests" / "data" / "blind_reports"


def holdout_stems(path: Path = HOLDOUT_LIST) -> set[str]:
    """The held-out report stems (lines that are neither comments nor the seed)."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line and not line.startswith("#") and not line.startswith("seed:")}


EXTRACT_OVERRIDES: dict = {}
"""Extract settings the command line changes for every run (`--no-ner`: the NER ablation's rules-only row)."""


def export_records(pdfs: list[Path]) -> list[dict]:
    """Ingest, extract and validate the PDFs as one run; the valid records in export form."""
    from extractors.pdf.cache import ingest_file
    from extractors.stages import extract_document
    from schemas.settings import ExtractSettings, IngestSettings, ValidateSettings
    from schemas.validate.records import validate_records

    ingest, extract = IngestSettings(), ExtractSettings(**EXTRACT_OVERRIDES)
    documents = [ingest_file(p, ingest) for p in pdfs]
    records = [r for d in documents for r in extract_document(d, extract).records]
    outcome = validate_records(records, documents, "bench", ValidateSettings(data_docs=False))
    for rejected in outcome.rejected:
        print(f"  rejected {rejected.doc} p{rejected.page}: {'; '.join(rejected.reasons)}", file=sys.stderr)
    return [{k: getattr(r, k) for k in EXPORT_FIELDS} for r in outcome.valid]


def write_jsonl(rows: list[dict], path: Path) -> Path:
    """Write rows as JSON lines."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def filtered(src: Path, keep, out: Path) -> Path:
    """The lines of a JSONL file whose doc passes `keep`."""
    lines = [line for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    return write_jsonl([d for d in map(json.loads, lines) if keep(d["doc"])], out)


def score(pred: Path, gold: Path, label: str, distractors: Path | None = None, per_doc: bool = False,
          misses: bool = False) -> None:
    """Run the scorer of record and print its output under a label."""
    cmd = [sys.executable, str(SCORER), str(pred), str(gold), "--aliases", str(ALIASES)]
    cmd += ["--distractors", str(distractors)] if distractors else []
    cmd += ["--per-doc"] if per_doc else []
    cmd += ["--misses"] if misses else []
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    print(f"== {label}\n{out}", flush=True)


def score_trials(work: Path, split: str, per_doc: bool, misses: bool) -> None:
    """Score the trial reports per split."""
    hold = holdout_stems()
    pred = write_jsonl(export_records(sorted(TRIALS_DIR.glob("*.pdf"))), work / "trials.jsonl")
    splits = {"dev": lambda d: d not in hold, "holdout": lambda d: d in hold, "all": lambda d: True}
    for name in (("dev", "holdout", "all") if split == "all" else (split,)):
        keep = splits[name]
        gold = filtered(TRIALS_GOLD / "gold.jsonl", keep, work / f"gold_{name}.jsonl")
        dis = filtered(TRIALS_GOLD / "distractors.jsonl", keep, work / f"distractors_{name}.jsonl")
        score(pred, gold, f"trials {name}", dis, per_doc, misses and name == "dev")


def score_review(work: Path, pdf: Path, label: str, misses: bool) -> None:
    """Score one typesetting of the review against the review gold built for its file stem."""
    gold = work / f"review_gold_{pdf.stem}.jsonl"
    subprocess.run([sys.executable, str(SHARED / "tools" / "review_gold.py"), "--doc", pdf.stem, str(gold)],
                   check=True, capture_output=True)
    pred = write_jsonl(export_records([pdf]), work / f"review_{label}.jsonl")
    score(pred, gold, f"review {label}", misses=misses)


def score_dev_reviews(work: Path, misses: bool) -> None:
    """Score the two development reviews' body facts (their Table 1s belong to the sync issue)."""
    pdfs = [REVIEW_PDF.parent / f"{slug}.pdf" for slug in DEV_REVIEWS]
    pred = write_jsonl(export_records(pdfs), work / "dev_reviews.jsonl")
    for slug in DEV_REVIEWS:
        score(pred, DEV_REVIEWS_GOLD / f"{slug}.jsonl", f"review {slug} (body facts)",
              DEV_REVIEWS_GOLD / f"{slug}.distractors.jsonl", misses=misses)


def score_blind(work: Path, per_doc: bool) -> None:
    """Score the blind test reports, typeset as the test suite typesets them (a test set: no misses)."""
    from tests.fixtures.blind_report_pdfs import write_blind_report_pdfs

    folder = work / "blind"
    folder.mkdir(exist_ok=True)
    pdfs = write_blind_report_pdfs(folder)
    pred = write_jsonl(export_records(sorted(pdfs.values())), work / "blind.jsonl")
    score(pred, BLIND_DIR / "gold.jsonl", "blind test reports", BLIND_DIR / "distractors.jsonl", per_doc)


DEV_SETS = {  # option name -> (folder, label, name of its PDF writer in tests/fixtures/blind_report_pdfs.py)
    "devnew": ("dev_reports", "development reports (devnew)", "write_dev_report_pdfs"),
    "devnew2": ("dev_reports2", "development reports 2 (devnew2)", "write_dev_report2_pdfs"),
    "devnew3": ("dev_reports3", "development reports 3 (devnew3)", "write_dev_report3_pdfs"),
    "devnew4": ("dev_reports4", "development reports 4 (devnew4)", "write_dev_report4_pdfs"),
    "devnew5": ("dev_reports5", "development reports 5 (devnew5)", "write_dev_report5_pdfs"),
    "devnew6": ("dev_reports6", "development reports 6 (devnew6)", "write_dev_report6_pdfs"),
    "devnew7": ("dev_reports7", "development reports 7 (devnew7)", "write_dev_report7_pdfs"),
    "devnew8": ("dev_reports8", "development reports 8 (devnew8)", "write_dev_report8_pdfs"),
    "devnew9": ("dev_reports9", "development reports 9 (devnew9)", "write_dev_report9_pdfs"),
    "devnew10": ("dev_reports10", "development reports 10 (devnew10)", "write_dev_report10_pdfs"),
    "devnew11": ("dev_reports11", "development reports 11 (devnew11)", "write_dev_report11_pdfs"),
    "devnew12": ("dev_reports12", "development reports 12 (devnew12)", "write_dev_report12_pdfs"),
    "devnew13": ("dev_reports13", "development reports 13 (devnew13)", "write_dev_report13_pdfs"),
    "devnew14": ("dev_reports14", "development reports 14 (devnew14)", "write_dev_report14_pdfs"),
    "devnew15": ("dev_reports15", "development reports 15 (devnew15)", "write_dev_report15_pdfs"),
    "devnew16": ("dev_reports16", "development reports 16 (devnew16)", "write_dev_report16_pdfs"),
    "devnew17": ("dev_reports17", "development reports 17 (devnew17)", "write_dev_report17_pdfs"),
    "devnew18": ("dev_reports18", "development reports 18 (devnew18)", "write_dev_report18_pdfs"),
    "devnew19": ("dev_reports19", "development reports 19 (devnew19)", "write_dev_report19_pdfs"),
    "devnew20": ("dev_reports20", "development reports 20 (devnew20)", "write_dev_report20_pdfs"),
    "devnew21": ("dev_reports21", "development reports 21 (devnew21)", "write_dev_report21_pdfs"),
    "devnew22": ("dev_reports22", "development reports 22 (devnew22)", "write_dev_report22_pdfs"),
    "devnew23": ("dev_reports23", "development reports 23 (devnew23)", "write_dev_report23_pdfs"),
    "devnew24": ("dev_reports24", "development reports 24 (devnew24)", "write_dev_report24_pdfs"),
    "devnew25": ("dev_reports25", "development reports 25 (devnew25)", "write_dev_report25_pdfs"),
    "devnew26": ("dev_reports26", "development reports 26 (devnew26)", "write_dev_report26_pdfs"),
    "devnew27": ("dev_reports27", "development reports 27 (devnew27)", "write_dev_report27_pdfs"),
    "devnew28": ("dev_reports28", "development reports 28 (devnew28)", "write_dev_report28_pdfs"),
    "devnew29": ("dev_reports29", "development reports 29 (devnew29)", "write_dev_report29_pdfs"),
    "devnew30": ("dev_reports30", "development reports 30 (devnew30)", "write_dev_report30_pdfs"),
    "devnew31": ("dev_reports31", "development reports 31 (devnew31)", "write_dev_report31_pdfs"),
    "devnew32": ("dev_reports32", "development reports 32 (devnew32)", "write_dev_report32_pdfs"),
    "devnew33": ("dev_reports33", "development reports 33 (devnew33)", "write_dev_report33_pdfs"),
    "devnew34": ("dev_reports34", "development reports 34 (devnew34)", "write_dev_report34_pdfs"),
    "devnew35": ("dev_reports35", "development reports 35 (devnew35)", "write_dev_report35_pdfs"),
}


def score_dev_set(work: Path, name: str, per_doc: bool, misses: bool) -> None:
    """Score one blind-written development set of tests/data (typeset in its dev layouts); misses allowed."""
    from tests.fixtures import blind_report_pdfs

    folder_name, label, writer = DEV_SETS[name]
    folder = work / name
    folder.mkdir(exist_ok=True)
    pdfs = getattr(blind_report_pdfs, writer)(folder)
    pred = write_jsonl(export_records(sorted(pdfs.values())), work / f"{name}.jsonl")
    gold_dir = ROOT / "tests" / "data" / folder_name
    score(pred, gold_dir / "gold.jsonl", label, gold_dir / "distractors.jsonl", per_doc, misses)


def main(argv: list[str] | None = None) -> int:
    """Score the splits named on the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("all", "dev", "holdout", "none"), default="all")
    ap.add_argument("--review", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--layouts", action="store_true", help="also score the review typeset in every test layout")
    ap.add_argument("--dev-reviews", action="store_true", help="also score the two development reviews' body facts")
    ap.add_argument("--blind", action="store_true", help="also score the blind test reports (aggregate and per document)")
    for name, (folder_name, _, _) in DEV_SETS.items():
        ap.add_argument(f"--{name}", action="store_true", help=f"also score the development reports of tests/data/{folder_name}")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--misses", action="store_true", help="misses of the development split and the review")
    ap.add_argument("--out", type=Path, help="keep the JSONL files here (default: a temporary folder)")
    ap.add_argument("--no-ner", action="store_true", help="extract without the NER model (extract.use_ner = false)")
    a = ap.parse_args(argv)
    EXTRACT_OVERRIDES.update({"use_ner": False} if a.no_ner else {})
    with tempfile.TemporaryDirectory() as tmp:
        work = a.out or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if a.split != "none":
            score_trials(work, a.split, a.per_doc, a.misses)
        if a.review:
            score_review(work, REVIEW_PDF, "public PDF", a.misses)
        if a.dev_reviews:
            score_dev_reviews(work, a.misses)
        for name in DEV_SETS:
            if getattr(a, name):
                score_dev_set(work, name, a.per_doc, a.misses)
        if a.blind:
            score_blind(work, a.per_doc)
        if a.layouts:
            from tests.fixtures.review_layouts import LAYOUTS

            for name, build in sorted(LAYOUTS.items()):
                folder = work / name
                folder.mkdir(exist_ok=True)
                score_review(work, build(folder / "lussana2023_cancers.pdf"), name, a.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
