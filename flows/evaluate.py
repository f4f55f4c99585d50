"""Score evidence records against gold with the scorer of record, `../shared/tools/score.py`, run in-process."""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable, Mapping, Optional, Sequence

REVIEW_DOCUMENT = "lussana2023_cancers"
"""File stem of the review PDF that the review gold (body_facts.jsonl + table1.json) describes."""
TRIAL_GOLD_FILE = "gold.jsonl"
TRIAL_DISTRACTORS_FILE = "distractors.jsonl"
REVIEW_GOLD_FILES = ("body_facts.jsonl", "table1.json")
ALIASES_FILE = "trials.json"


class EvaluateError(ValueError):
    """Gold, split or scorer that cannot be used; the message says what to give instead."""


@dataclass(frozen=True)
class Gold:
    """Gold lines (each with its `doc` stem) plus the files score.py reads beside them."""

    lines: tuple[dict, ...]
    distractors: tuple[dict, ...] = ()
    aliases: Optional[Path] = None

    @property
    def documents(self) -> list[str]:
        return sorted({doc_stem(g.get("doc")) for g in self.lines})


@dataclass(frozen=True)
class Group:
    """A named slice of the gold and the records scored on their own."""

    name: str
    keeps_gold: Callable[[Mapping], bool]
    keeps_record: Callable[[Mapping], bool]


@lru_cache(maxsize=4)
def load_scorer(path: Path) -> ModuleType:
    """Import score.py from `path` as a module."""
    path = Path(path)
    if not path.is_file():
        raise EvaluateError(f"scorer of record not found at {path}; pass --scorer FILE or set evaluate.scorer "
                            "(relative paths are taken from the project root) to ../shared/tools/score.py")
    spec = importlib.util.spec_from_file_location("score_of_record", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - any failure to import makes the file unusable as the scorer
        raise EvaluateError(f"cannot import the scorer {path}: {type(exc).__name__}: {exc}") from exc
    if not callable(getattr(module, "main", None)):
        raise EvaluateError(f"{path} has no main(); is it ../shared/tools/score.py?")
    return module


def doc_stem(doc: object) -> str:
    """The file stem score.py compares documents by ('x/Trial.pdf' -> 'trial')."""
    name = str(doc or "").rsplit("/", 1)[-1]
    return re.sub(r"\.(pdf|txt)$", "", name, flags=re.I).lower()


def _read_jsonl(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluateError(f"cannot read {path}: {exc}") from exc


def review_gold_lines(gold_dir: Path, document: str = REVIEW_DOCUMENT) -> list[dict]:
    """The review's body facts and Table 1 results as one gold JSONL, line for line as tools/review_gold.py writes it."""
    lines = [{**f, "doc": document, "source": "body"} for f in _read_jsonl(gold_dir / "body_facts.jsonl")
             if f.get("kind") in ("result", "sample_size") and f.get("value") is not None]
    try:
        table = json.loads((gold_dir / "table1.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluateError(f"cannot read {gold_dir / 'table1.json'}: {exc}") from exc
    for row in table:
        lines += [{**r, "doc": document, "trial": row.get("trial_canonical"), "source": "table", "row": row["row"]}
                  for r in row["results"]]
    return lines


def read_gold(path: Path, document: Optional[str] = None, distractors: Optional[Path] = None,
              aliases: Optional[Path] = None) -> Gold:
    """Read a gold folder (trial-report gold.jsonl, or the review's body_facts.jsonl + table1.json) or a gold JSONL."""
    path = Path(path)
    if path.is_dir():
        if (path / TRIAL_GOLD_FILE).is_file():
            lines, beside = _read_jsonl(path / TRIAL_GOLD_FILE), path / TRIAL_DISTRACTORS_FILE
        elif all((path / name).is_file() for name in REVIEW_GOLD_FILES):
            lines, beside = review_gold_lines(path, document or REVIEW_DOCUMENT), None
        else:
            raise EvaluateError(f"{path} holds neither {TRIAL_GOLD_FILE} nor {' + '.join(REVIEW_GOLD_FILES)}; "
                                "give a gold folder or a gold JSONL file")
        folder = path
    elif path.is_file():
        lines, folder = _read_jsonl(path), path.parent
        beside = (folder / TRIAL_DISTRACTORS_FILE if path.name == TRIAL_GOLD_FILE
                  else path.with_name(path.name.removesuffix(".jsonl") + ".distractors.jsonl"))
    else:
        raise EvaluateError(f"gold not found: {path}; give a gold folder (e.g. ../shared/gold/trials_dev) or a "
                            "gold JSONL file")
    lines = [{**g, "doc": g.get("doc") or document} for g in lines]
    if any(not g["doc"] for g in lines):
        raise EvaluateError(f"gold lines in {path} name no document; pass --document STEM")
    if document:
        lines = [g for g in lines if doc_stem(g["doc"]) == doc_stem(document)]
        if not lines:
            raise EvaluateError(f"the gold in {path} has no line for document '{document}'")
    distractor_file = Path(distractors) if distractors else beside
    if distractors and not distractor_file.is_file():
        raise EvaluateError(f"distractors file not found: {distractors}")
    docs = {doc_stem(g["doc"]) for g in lines}
    distractor_lines = tuple(d for d in (_read_jsonl(distractor_file) if distractor_file and distractor_file.is_file()
                                         else ()) if doc_stem(d.get("doc")) in docs)
    if aliases and not Path(aliases).is_file():
        raise EvaluateError(f"aliases file not found: {aliases}")
    default_aliases = folder / ALIASES_FILE
    return Gold(tuple(lines), distractor_lines, Path(aliases) if aliases else
                (default_aliases if default_aliases.is_file() else None))


def read_split(path: Path) -> frozenset[str]:
    """Document stems listed in a split file: one per line after its `seed:` line; '#' starts a comment."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluateError(f"cannot read split file {path}: {exc}") from exc
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    seed = next((i for i, line in enumerate(lines) if line.lower().startswith("seed:")), None)
    if seed is None:
        raise EvaluateError(f"{path} has no 'seed:' line; a split file lists document stems after one")
    stems = frozenset(doc_stem(line) for line in lines[seed + 1:] if line)
    if not stems:
        raise EvaluateError(f"{path} lists no document after its 'seed:' line")
    return stems


def groups(gold: Gold, split: Optional[frozenset[str]] = None, split_name: str = "split") -> list[Group]:
    """All documents; then, with a split, its documents and the rest; then each `source` the gold tells apart."""
    everything = lambda _item: True  # noqa: E731
    out = [Group("all", everything, everything)]
    if split is not None:
        def listed(item: Mapping) -> bool:
            return doc_stem(item.get("doc")) in split

        def rest(item: Mapping) -> bool:
            return doc_stem(item.get("doc")) not in split

        out += [Group(split_name, listed, listed), Group("rest", rest, rest)]
    for source in sorted({str(g["source"]) for g in gold.lines if g.get("source")}):
        def same_source(item: Mapping, source: str = source) -> bool:
            return item.get("source") == source

        out.append(Group(f"source={source}", same_source, same_source))
    return out


def _write_jsonl(path: Path, rows: Iterable[Mapping]) -> Path:
    path.write_text("".join(json.dumps(dict(r), default=str) + "\n" for r in rows), encoding="utf-8")
    return path


def score(scorer: ModuleType, records: Sequence[Mapping], gold: Gold, misses: bool = False) -> dict:
    """score.py's own figures (its --json output, with --per-doc) for the records against the gold."""
    with tempfile.TemporaryDirectory(prefix="evidence-evaluate-") as tmp:
        folder = Path(tmp)
        argv = ["score.py", str(_write_jsonl(folder / "pred.jsonl", records)),
                str(_write_jsonl(folder / "gold.jsonl", gold.lines)), "--json", "--per-doc"]
        if gold.distractors:
            argv += ["--distractors", str(_write_jsonl(folder / "distractors.jsonl", gold.distractors))]
        if gold.aliases:
            argv += ["--aliases", str(gold.aliases)]
        if misses:
            argv.append("--misses")
        printed = io.StringIO()
        saved_argv, sys.argv = sys.argv, argv
        try:
            with contextlib.redirect_stdout(printed):
                scorer.main()
        except SystemExit as exc:
            raise EvaluateError(f"the scorer refused its arguments (exit {exc.code}): {' '.join(argv[1:])}") from exc
        finally:
            sys.argv = saved_argv
    return json.loads(printed.getvalue().strip().splitlines()[-1])


def evaluate(scorer: ModuleType, records: Sequence[Mapping], gold: Gold, split: Optional[frozenset[str]] = None,
             split_name: str = "split", misses: bool = False) -> dict[str, dict]:
    """Figures per group (all, split and rest, each source), each exactly as score.py computes them; misses under 'all'."""
    out = {}
    for i, group in enumerate(groups(gold, split, split_name)):
        lines = tuple(g for g in gold.lines if group.keeps_gold(g))
        if not lines:
            continue
        docs = {doc_stem(g["doc"]) for g in lines}
        sliced = Gold(lines, tuple(d for d in gold.distractors if doc_stem(d.get("doc")) in docs), gold.aliases)
        out[group.name] = score(scorer, [r for r in records if group.keeps_record(r)], sliced, misses and i == 0)
    return out


def _mode_line(mode: str, m: Mapping) -> str:
    return f"  {mode:<8} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}  (tp={m['tp']})"


def format_report(figures: Mapping[str, Mapping], per_doc: bool = True) -> str:
    """Plain text: for each group its counts, lenient and strict scores, distractors hit and strict per document."""
    out = []
    for name, f in figures.items():
        out.append(f"[{name}] documents {f['docs']}, gold facts {f['gold']}, predictions {f['pred']}")
        for mode in ("lenient", "strict"):
            out.append(_mode_line(mode, f[mode]))
        out.append(f"  strict recall by endpoint: " + ", ".join(f"{k} {v}" for k, v in f["strict"]["recall_by_endpoint"].items()))
        if "distractors_hit" in f:
            out.append(f"  distractors hit: {f['distractors_hit']}")
        if per_doc and len(f.get("per_doc", {})) > 1:
            for doc, m in f["per_doc"].items():
                out.append(f"    {doc:<32} strict P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
                           f"({m['tp']}/{m['required']} required found, {m['pred']} predicted)")
        for g in f.get("misses", ()):
            out.append("    missed: " + json.dumps(g, ensure_ascii=False))
    return "\n".join(out)
