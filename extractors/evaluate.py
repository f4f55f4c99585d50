"""Score exported evidence records against the gold set: precision, recall, F1 in lenient and strict modes."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

from schemas.evidence import Endpoint

GOLD_DOCUMENT_STEM = "lussana2023_cancers"
"""The gold files describe one review; records are scored when their `doc` has this file stem."""

VALUE_TOLERANCE = 0.05
ENDPOINTS = frozenset(e.value for e in Endpoint)
MODES = ("lenient", "strict")


@dataclass(frozen=True)
class GoldFact:
    """One scorable gold value."""

    id: str
    source: str
    endpoint: str
    value: float
    unit: Optional[str]
    arm: Optional[str]
    statistic: Optional[str]
    timepoint: Optional[str]
    trial_names: frozenset[str]
    trial_optional: bool
    text: str


@dataclass
class Counts:
    """True positives, false positives and false negatives with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ModeResult:
    """Scores of one matching mode, overall and broken down, with the unmatched items."""

    overall: Counts = field(default_factory=Counts)
    by_source: dict[str, Counts] = field(default_factory=dict)
    by_endpoint: dict[str, Counts] = field(default_factory=dict)
    missed: list[GoldFact] = field(default_factory=list)
    spurious: list[Mapping] = field(default_factory=list)


@dataclass
class EvaluationReport:
    """Lenient and strict results plus trial-mention scores."""

    document: str
    gold_count: int
    record_count: int
    modes: dict[str, ModeResult]
    trials: Counts = field(default_factory=Counts)


def _key(name: Optional[str]) -> str:
    if not name:
        return ""
    try:
        from extractors.nlp.trials import canonical_key
        return canonical_key(name)
    except ImportError:
        return re.sub(r"[^0-9A-Za-z]+", "", name).upper()


def _timepoint_months(tp: Optional[str]) -> Optional[float]:
    if not tp:
        return None
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(y|yr|year|years|mo|m|month|months)\s*", tp, re.I)
    if not m:
        return None
    n = float(m.group(1))
    return n * 12 if m.group(2).lower().startswith("y") else n


def _study_names(trials: Sequence[Mapping]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for t in trials:
        names = {t.get("canonical") or ""} | set(t.get("aliases") or ()) | set(t.get("aliases_in_references") or ())
        names |= set(t.get("nct_normalized") or ())
        keys = frozenset(_key(n) for n in names if n and not str(n).startswith("unnamed:"))
        out[t["canonical"]] = keys
    return out


def load_gold(gold_dir: Path) -> list[GoldFact]:
    """Read the scorable facts: body results and sample sizes with a numeric value and a closed-vocabulary endpoint, and Table 1 results."""
    gold_dir = Path(gold_dir)
    trials = json.loads((gold_dir / "trials.json").read_text(encoding="utf-8"))
    names = _study_names(trials)
    facts: list[GoldFact] = []

    def trial_names(trial: Optional[str], study_key: Optional[str]) -> tuple[frozenset[str], bool]:
        keys = set(names.get(study_key or "", frozenset())) | set(names.get(trial or "", frozenset()))
        if trial:
            keys.add(_key(trial))
        return frozenset(k for k in keys if k), trial is None

    for line in (gold_dir / "body_facts.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        f = json.loads(line)
        if f.get("kind") not in ("result", "sample_size") or f.get("value") is None or f.get("endpoint") not in ENDPOINTS:
            continue
        tn, optional = trial_names(f.get("trial"), f.get("study_key"))
        facts.append(GoldFact(f["id"], "body", f["endpoint"], float(f["value"]), f.get("unit"), f.get("arm"),
                              f.get("statistic"), f.get("timepoint"), tn, optional, f.get("quote", "")))
    for row in json.loads((gold_dir / "table1.json").read_text(encoding="utf-8")):
        tn, optional = trial_names(row.get("trial_canonical"), row.get("study_key"))
        tn = tn | {_key(row.get("trial"))}
        for i, res in enumerate(row.get("results") or ()):
            if res.get("value") is None or res.get("endpoint") not in ENDPOINTS:
                continue
            facts.append(GoldFact(f"T{row['row']:02d}.{i + 1}", "table", res["endpoint"], float(res["value"]),
                                  res.get("unit"), res.get("arm"), res.get("statistic"),
                                  res.get("timepoint") or res.get("timepoint_from_body"), tn, optional,
                                  res.get("source_text", "")))
    return facts


def _lenient(g: GoldFact, r: Mapping) -> bool:
    try:
        value = float(r.get("value"))
    except (TypeError, ValueError):
        return False
    return (r.get("source") == g.source and r.get("endpoint") == g.endpoint and (r.get("unit") or None) == g.unit
            and abs(value - g.value) <= VALUE_TOLERANCE + 1e-9)


def _arm_ok(g: GoldFact, r: Mapping) -> bool:
    return (g.arm or "").strip().lower() == (r.get("arm") or "").strip().lower()


def _trial_ok(g: GoldFact, r: Mapping) -> bool:
    trial = r.get("trial")
    if not trial:
        return g.trial_optional
    keys = {_key(trial)}
    if r.get("nct"):
        keys.add(_key(r.get("nct")))
    return bool(keys & g.trial_names)


def _strict(g: GoldFact, r: Mapping) -> bool:
    return (_lenient(g, r) and _arm_ok(g, r) and (r.get("statistic") or None) == g.statistic
            and _timepoint_months(r.get("timepoint")) == _timepoint_months(g.timepoint) and _trial_ok(g, r))


def _match(gold: Sequence[GoldFact], records: Sequence[Mapping], ok) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths); candidates are tried closest value first."""
    candidates = []
    for gi, g in enumerate(gold):
        cands = [ri for ri, r in enumerate(records) if ok(g, r)]
        cands.sort(key=lambda ri: (not _strict(g, records[ri]), abs(float(records[ri]["value"]) - g.value)))
        candidates.append(cands)
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for ri in candidates[gi]:
            if ri in seen:
                continue
            seen.add(ri)
            if ri not in owner or augment(owner[ri], seen):
                owner[ri] = gi
                return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    return {gi: ri for ri, gi in owner.items()}


def _score(gold: Sequence[GoldFact], records: Sequence[Mapping], ok) -> ModeResult:
    pairs = _match(gold, records, ok)
    matched_records = set(pairs.values())
    result = ModeResult()

    def bump(source: str, endpoint: str, attr: str) -> None:
        for counts in (result.overall, result.by_source.setdefault(source, Counts()),
                       result.by_endpoint.setdefault(endpoint, Counts())):
            setattr(counts, attr, getattr(counts, attr) + 1)

    for gi, g in enumerate(gold):
        if gi in pairs:
            bump(g.source, g.endpoint, "tp")
        else:
            bump(g.source, g.endpoint, "fn")
            result.missed.append(g)
    for ri, r in enumerate(records):
        if ri not in matched_records:
            bump(str(r.get("source")), str(r.get("endpoint")), "fp")
            result.spurious.append(r)
    return result


def _doc_stem(doc: Optional[str]) -> str:
    name = (doc or "").replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-4] if name.lower().endswith(".pdf") else name


def evaluate(records: Iterable[Mapping], gold_dir: Path, document: str = GOLD_DOCUMENT_STEM) -> EvaluationReport:
    """Score records of the gold document against the gold facts in lenient and strict mode."""
    gold = load_gold(Path(gold_dir))
    mine = [r for r in records if _doc_stem(r.get("doc")) == document]
    modes = {"lenient": _score(gold, mine, _lenient), "strict": _score(gold, mine, _strict)}
    return EvaluationReport(document, len(gold), len(mine), modes, _trial_scores(Path(gold_dir), mine))


def _trial_scores(gold_dir: Path, records: Sequence[Mapping]) -> Counts:
    """Named trials the records attribute results to, against the named trials the gold attributes results to."""
    gold = load_gold(gold_dir)
    trials = json.loads((gold_dir / "trials.json").read_text(encoding="utf-8"))
    names = _study_names(trials)
    gold_keys: dict[str, frozenset[str]] = {}
    body_ids = {g.id for g in gold}
    for t in trials:
        facts = set(t.get("body_fact_ids") or ())
        if t.get("named") and (facts & body_ids or t.get("table1_row")):
            gold_keys[t["canonical"]] = names[t["canonical"]]
    found = {_key(r.get("trial")) for r in records if r.get("trial")}
    unnamed = set().union(*(ks for c, ks in names.items() if c not in gold_keys)) if names else set()
    counts = Counts()
    hit = set()
    for key in found:
        owner = next((c for c, ks in gold_keys.items() if key in ks), None)
        if owner is None:
            counts.fp += key not in unnamed
        elif owner not in hit:
            hit.add(owner)
            counts.tp += 1
    counts.fn = len(gold_keys) - len(hit)
    return counts


def _row(label: str, c: Counts) -> str:
    return f"  {label:<14} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}  (tp={c.tp} fp={c.fp} fn={c.fn})"


def format_report(report: EvaluationReport, show_errors: int = 0) -> str:
    """Render the report as plain text: overall, per source and per endpoint for each mode."""
    lines = [f"document: {report.document}  gold facts: {report.gold_count}  records: {report.record_count}"]
    for mode in MODES:
        res = report.modes[mode]
        lines.append(f"[{mode}]")
        lines.append(_row("overall", res.overall))
        for source in sorted(res.by_source):
            lines.append(_row(f"source={source}", res.by_source[source]))
        for endpoint in sorted(res.by_endpoint):
            lines.append(_row(endpoint, res.by_endpoint[endpoint]))
        if show_errors:
            for g in res.missed[:show_errors]:
                lines.append(f"    missed {g.id} {g.endpoint} {g.arm} {g.value} {g.unit} {g.statistic} {g.timepoint} | {g.text[:80]}")
            for r in res.spurious[:show_errors]:
                lines.append(f"    spurious {r.get('source')} {r.get('trial')} {r.get('endpoint')} {r.get('arm')} {r.get('value')} "
                             f"{r.get('unit')} {r.get('statistic')} {r.get('timepoint')} | {str(r.get('quote'))[:80]}")
    lines.append(_row("trials", report.trials))
    return "\n".join(lines)
