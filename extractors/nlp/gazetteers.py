"""Load the JSON gazetteers under config/gazetteers into immutable tables."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from schemas.settings import CONFIG_DIR

DEFAULT_GAZETTEER_DIR = CONFIG_DIR / "gazetteers"


class DrugEntry(NamedTuple):
    """One treatment: its arm name, every surface name, and why it is listed."""

    canonical: str
    names: tuple[str, ...]
    drug_class: str
    why: str


class GroupEntry(NamedTuple):
    """A cooperative-group prefix that opens coded trial names."""

    prefix: str
    name: str
    why: str


class KnownTrial(NamedTuple):
    """A well-known trial name with its registry number, when known."""

    name: str
    nct: str | None
    why: str


class NonTrialTerm(NamedTuple):
    """An acronym that looks like a trial name but is not one."""

    term: str
    category: str
    why: str


def _read(directory: Path, name: str) -> dict:
    return json.loads((Path(directory) / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def load_drugs(directory: Path = DEFAULT_GAZETTEER_DIR) -> tuple[DrugEntry, ...]:
    """Return the drug/arm gazetteer."""
    return tuple(DrugEntry(d["canonical"], tuple(d["names"]), d.get("class", ""), d["why"])
                 for d in _read(directory, "drugs.json")["drugs"])


@lru_cache(maxsize=8)
def load_groups(directory: Path = DEFAULT_GAZETTEER_DIR) -> tuple[GroupEntry, ...]:
    """Return the cooperative-group prefixes."""
    return tuple(GroupEntry(g["prefix"], g["name"], g["why"]) for g in _read(directory, "trial_groups.json")["groups"])


@lru_cache(maxsize=8)
def load_known_trials(directory: Path = DEFAULT_GAZETTEER_DIR) -> tuple[KnownTrial, ...]:
    """Return the list of well-known trial names."""
    return tuple(KnownTrial(t["name"], t.get("nct"), t["why"]) for t in _read(directory, "trials.json")["trials"])


@lru_cache(maxsize=8)
def load_non_trial_terms(directory: Path = DEFAULT_GAZETTEER_DIR) -> tuple[NonTrialTerm, ...]:
    """Return the acronyms that must never be reported as trial names."""
    return tuple(NonTrialTerm(t["term"], t["category"], t["why"]) for t in _read(directory, "non_trial_terms.json")["terms"])
