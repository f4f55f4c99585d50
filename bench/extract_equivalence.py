"""Dump every output of `extract_document` over a set of PDFs, to check that a speed-up changes nothing.

Usage (from the worktree root):
    .venv/bin/python bench/extract_equivalence.py --cache /tmp/perfx-cache --out /tmp/perfx-base.jsonl
    .venv/bin/python bench/extract_equivalence.py --cache /tmp/perfx-cache --out /tmp/perfx-new.jsonl \
        --compare /tmp/perfx-base.jsonl

The PDFs are parsed once and kept in the cache folder as Document JSON, so later runs time extraction alone.
Each output line is one evidence record, dual flag, Table 1 row or note (all fields, sorted), plus one line per
document with the order of its record ids, and the records of the rules-only pass run after a full pass (the dual
extraction's second pass, which shares work with the first). Blind reports and the held-out trial reports are compared by counts only:
their texts must not be read while developing, so no quote of theirs is printed.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.evidence.extract import extract_evidence  # noqa: E402
from extractors.pdf.ingest import parse_pdf  # noqa: E402
from extractors.stages import extract_document  # noqa: E402
from schemas.document import Document  # noqa: E402
from schemas.settings import ExtractSettings, IngestSettings  # noqa: E402

SHARED = ROOT.parent / "shared"
BENCH_CORPUS = Path("/tmp/bench48/corpus-12")
"""The generated corpus compared by default (bench/make_corpus.py); --corpus names another."""
HOLDOUT_LIST = ROOT / "tests" / "data" / "dev_holdout.txt"


def held_out_stems() -> set[str]:
    """Stems of the held-out trial reports (tests/data/dev_holdout.txt), compared by counts only."""
    lines = HOLDOUT_LIST.read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#") and ":" not in ln}


def corpus_pdfs(cache: Path, generated: Path = BENCH_CORPUS) -> list[tuple[str, Path, bool]]:
    """(label, pdf, counts_only) of every PDF of the equivalence corpus; typesets the test reports into the cache."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures.blind_report_pdfs import DEV_SETS, write_blind_report_pdfs, write_dev_set_pdfs
    holdout = held_out_stems()
    out = [(f"reviews/{p.name}", p, False) for p in sorted((SHARED / "corpus" / "reviews").glob("*.pdf"))]
    out += [(f"trials_dev/{p.name}", p, p.stem in holdout)
            for p in sorted((SHARED / "corpus" / "trials_dev").glob("*.pdf"))]
    for name in sorted(DEV_SETS):
        dev = write_dev_set_pdfs(name, cache / "pdf" / name)
        out += [(f"{name}/{s}.pdf", p, False) for s, p in sorted(dev.items())]
    blind = write_blind_report_pdfs(cache / "pdf" / "blind_reports")
    out += [(f"blind_reports/{s}.pdf", p, True) for s, p in sorted(blind.items())]
    out += [(f"{generated.name}/{p.name}", p, False) for p in sorted(generated.glob("*.pdf"))]
    return out


def parsed(label: str, pdf: Path, cache: Path) -> Document:
    """The parsed Document of one PDF, from the cache when it holds one."""
    path = cache / "docs" / (label.replace("/", "__") + ".json")
    if path.exists():
        return Document.model_validate_json(path.read_text(encoding="utf-8"))
    doc = parse_pdf(pdf, IngestSettings())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc.model_dump_json(), encoding="utf-8")
    return doc


def output_lines(label: str, doc: Document) -> tuple[list[str], float]:
    """Every output of extract_document on one document as sorted JSON lines, and the seconds it took."""
    start = time.perf_counter()
    extraction = extract_document(doc, ExtractSettings())
    seconds = time.perf_counter() - start
    lines = [json.dumps({"doc": label, "kind": "record", **r.model_dump(mode="json"), "record_id": r.record_id},
                        sort_keys=True) for r in extraction.records]
    lines += [json.dumps({"doc": label, "kind": "dual_flag", **f.model_dump(mode="json")}, sort_keys=True)
              for f in extraction.dual_flags]
    lines += [json.dumps({"doc": label, "kind": "table1_row", **r.model_dump(mode="json")}, sort_keys=True)
              for r in extraction.table1_rows]
    lines += [json.dumps({"doc": label, "kind": "note", "note": n}, sort_keys=True) for n in extraction.notes]
    lines.append(json.dumps({"doc": label, "kind": "record_order",
                             "ids": [r.record_id for r in extraction.records]}, sort_keys=True))
    lines += [json.dumps({"doc": label, "kind": "rules_only_record", **r.model_dump(mode="json")}, sort_keys=True)
              for r in rules_only_pass(doc, extraction.table1_rows)]
    return sorted(lines), seconds


def rules_only_pass(doc: Document, rows) -> list:
    """The rules-only pass's records as the dual extraction reads them: after a full pass it may share work with."""
    try:
        from extractors.evidence.extract import sharing_steps
    except ImportError:  # the code before issue 10 shares nothing
        sharing_steps = None
    settings = ExtractSettings()
    with sharing_steps(doc) if sharing_steps else contextlib.nullcontext():
        extract_evidence(doc, rows, settings)
        return extract_evidence(doc, rows, settings.model_copy(update={"use_ner": False}))


def compare(new: list[str], base_path: Path, counts_only: set[str]) -> int:
    """Print the differences between this run's lines and a baseline file; return their number."""
    old = base_path.read_text(encoding="utf-8").splitlines()
    removed, added = Counter(old) - Counter(new), Counter(new) - Counter(old)
    total = sum(removed.values()) + sum(added.values())
    by_doc: Counter = Counter()
    for sign, lines in (("-", removed), ("+", added)):
        for line in lines.elements():
            doc = json.loads(line)["doc"]
            by_doc[(doc, sign)] += 1
            if doc not in counts_only:
                print(f"{sign} {line}")
    for (doc, sign), n in sorted(by_doc.items()):
        print(f"{doc}: {n} lines {'missing' if sign == '-' else 'new'}")
    return total


def main(argv: list[str] | None = None) -> int:
    """Parse (or load) the corpus, extract every document, write the dump, and compare it when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True, help="folder for typeset PDFs and parsed Documents")
    parser.add_argument("--out", type=Path, required=True, help="file to write the JSON lines to")
    parser.add_argument("--compare", type=Path, help="baseline dump; exit 1 when any line differs")
    parser.add_argument("--only", default="", help="only documents whose label contains this text")
    parser.add_argument("--corpus", type=Path, default=BENCH_CORPUS, help="generated corpus folder (bench/make_corpus.py)")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    counts_only: set[str] = set()
    seconds_by_group: Counter = Counter()
    records = 0
    docs = 0
    for label, pdf, restricted in corpus_pdfs(args.cache, args.corpus):
        if args.only not in label:
            continue
        doc = parsed(label, pdf, args.cache)
        doc_lines, seconds = output_lines(label, doc)
        lines += doc_lines
        docs += 1
        records += sum('"kind": "record"' in ln for ln in doc_lines)
        seconds_by_group[label.split("/")[0]] += seconds
        if restricted:
            counts_only.add(label)
    args.out.write_text("".join(ln + "\n" for ln in lines), encoding="utf-8")
    for group, seconds in sorted(seconds_by_group.items()):
        print(f"extract seconds {group}: {seconds:.2f}")
    print(f"{docs} documents, {records} records, {len(lines)} lines -> {args.out}")
    if args.compare:
        differences = compare(lines, args.compare, counts_only)
        print(f"{differences} differing lines against {args.compare}")
        return 1 if differences else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
