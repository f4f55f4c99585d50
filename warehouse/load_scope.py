"""What of a batch the warehouse held before its load, so that the load reads its large tables only for that part.

Every row of `fact_evidence`, `table1_rows`, `run_facts` and the version tables belongs to a document the same load
wrote into `documents` (by hash, and by path for the versions), and record and row ids are content hashes of their
document's hash, fact keys of its path. So the rows of a document whose hash the warehouse did not hold are new to
every table, those of a path it did not hold new to the version tables, and a run's `run_facts` can hold the records
of a document only when its `run_documents` do: those rows are inserted without an anti-join over the whole table.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import duckdb

from schemas.document import Document


@dataclass(frozen=True)
class LoadScope:
    """The batch's document hashes and paths, and which of them the warehouse (or this run) held before the load."""

    batch_shas: frozenset[str] = frozenset()
    known_shas: frozenset[str] = frozenset()
    batch_paths: frozenset[str] = frozenset()
    known_paths: frozenset[str] = frozenset()
    run_shas: frozenset[str] = frozenset()

    def new_document(self, sha: str) -> bool:
        """Whether the warehouse held no row of this document before the load (its records are new everywhere)."""
        return sha in self.batch_shas and sha not in self.known_shas

    def new_to_run(self, sha: str) -> bool:
        """Whether this run had not loaded this document before (its records are not in the run's run_facts)."""
        return sha in self.batch_shas and sha not in self.run_shas

    def new_path(self, path: str) -> bool:
        """Whether the warehouse held no document at this path before the load (no version of it)."""
        return path in self.batch_paths and path not in self.known_paths


EVERYTHING_KNOWN = LoadScope()
"""The scope of a load that has not looked: every row may be in the warehouse already (whole tables are read)."""


def load_scope(con: duckdb.DuckDBPyConnection, run_id: str, documents: Sequence[Document]) -> LoadScope:
    """Inside the load transaction, before its first write: what of the batch's documents the warehouse holds."""
    shas = sorted({d.sha256 for d in documents})
    paths = sorted({d.path for d in documents})
    known_shas = {s for (s,) in con.execute("SELECT DISTINCT sha256 FROM documents WHERE list_contains(?, sha256)",
                                            [shas]).fetchall()}
    known_paths = {p for (p,) in con.execute("SELECT DISTINCT path FROM documents WHERE list_contains(?, path)",
                                             [paths]).fetchall()}
    run_shas = {s for (s,) in con.execute("SELECT DISTINCT doc_sha256 FROM run_documents WHERE run_id = ? "
                                          "AND list_contains(?, doc_sha256)", [run_id, shas]).fetchall()}
    return LoadScope(frozenset(shas), frozenset(known_shas), frozenset(paths), frozenset(known_paths),
                     frozenset(run_shas))
