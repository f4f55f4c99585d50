"""A new version of a paper at another path (same DOI, or same long title) supersedes the current one; nothing is
deleted: the older file's Table 1 rows and facts stop being current, and its history versions close."""
from __future__ import annotations

from typing import Sequence

import duckdb

from schemas.work_identity import DocumentMeta, same_work, title_key
from schemas.document import Document

_CANDIDATES = """
SELECT d.sha256, d.path, d.doi, d.title, r.started_at IS NULL AS first_seen_now, r.started_at
FROM documents d LEFT JOIN runs r ON r.run_id = d.first_run_id
WHERE d.status = 'parsed' AND (d.doi IS NOT NULL OR d.title IS NOT NULL) AND list_contains(?, d.sha256)
  AND (list_contains(?, d.sha256 || '|' || d.path)
       OR EXISTS (SELECT 1 FROM current_readings c WHERE c.path = d.path AND c.doc_sha256 = d.sha256)
       OR EXISTS (SELECT 1 FROM fact_evidence f WHERE f.is_current AND f.doc_sha256 = d.sha256)
       OR EXISTS (SELECT 1 FROM table1_rows t WHERE t.is_current AND t.doc_sha256 = d.sha256))
"""

_READ_CANDIDATES = """
SELECT d.sha256, d.path, d.doi, d.title, r.started_at IS NULL AS first_seen_now, r.started_at
FROM documents d LEFT JOIN runs r ON r.run_id = d.first_run_id
WHERE d.status = 'parsed' AND (d.doi IS NOT NULL OR d.title IS NOT NULL) AND list_contains(?, d.sha256 || '|' || d.path)
"""


RETIRED_IDS = {"table1_rows": "row_id", "fact_evidence": "record_id"}
"""The tables whose rows stop being current with their document, and each one's id column."""


def retire_readings(con: duckdb.DuckDBPyConnection, shas: Sequence[str]) -> dict[str, set[str]]:
    """Mark the Table 1 rows and facts of these documents no longer current (they stay in the warehouse); the ids
    of the rows this made not current, by table."""
    retired: dict[str, set[str]] = {table: set() for table in RETIRED_IDS}
    if shas:
        for table, id_column in RETIRED_IDS.items():
            retired[table] = {i for (i,) in con.execute(
                f"UPDATE {table} SET is_current = false WHERE is_current AND list_contains(?, doc_sha256) "
                f"RETURNING {id_column}", [list(shas)]).fetchall()}
    return retired


def newer_versions(candidates: Sequence[tuple]) -> dict[tuple[str, str], str]:
    """(sha256, path) of each candidate a newer file of the same work at another path supersedes -> that file's path.

    Candidates are (sha256, path, doi, title, first_seen_now, started_at); newer is first seen in a later run (this
    run counts as the latest), ties (both first seen in one run) broken by path, so 'paper_v2.pdf' follows
    'paper_v1.pdf'. The newest such file wins; `same_work` decides what is the same work.
    """
    order = sorted(candidates, key=lambda c: (c[4], str(c[5] or ""), c[1]))
    metas = [DocumentMeta(c[2], c[3]) for c in order]
    by_doi: dict[str, list[int]] = {}
    by_title: dict[str, list[int]] = {}
    for position, meta in enumerate(metas):  # positions ascend in each list
        if meta.doi:
            by_doi.setdefault(meta.doi, []).append(position)
        key = title_key(meta.title)
        if key is not None:
            by_title.setdefault(key, []).append(position)
    superseded: dict[tuple[str, str], str] = {}
    for i, older in enumerate(order):
        # the only candidates same_work can match: the same DOI, or the same identifying title
        meta, key = metas[i], title_key(metas[i].title)
        matches = sorted({*(by_doi.get(meta.doi, ()) if meta.doi else ()),
                          *(by_title.get(key, ()) if key is not None else ())}, reverse=True)
        newer = next((order[j] for j in matches if j > i and order[j][1] != older[1] and order[j][0] != older[0]
                      and same_work(meta, metas[j])), None)
        if newer is not None:
            superseded[(older[0], older[1])] = newer[1]
    return superseded


def _same_work_as(con: duckdb.DuckDBPyConnection, read: Sequence[str]) -> list[str]:
    """Hashes of the other parsed documents with a DOI or identifying title of a document read now ('sha|path')."""
    works = con.execute("SELECT sha256, path, doi, title FROM documents WHERE status = 'parsed' "
                        "AND (doi IS NOT NULL OR title IS NOT NULL)").fetchall()
    read_now = set(read)
    dois, titles = set(), set()
    for sha, path, doi, title in works:
        if f"{sha}|{path}" in read_now:
            dois.add(doi)
            titles.add(title_key(title))
    dois.discard(None)
    titles.discard(None)
    return sorted({sha for sha, path, doi, title in works if f"{sha}|{path}" not in read_now
                   and ((doi is not None and doi in dois) or title_key(title) in titles)})


def supersede_same_work(con: duckdb.DuckDBPyConnection, documents: Sequence[Document]
                        ) -> tuple[set[tuple[str, str]], dict[str, set[str]]]:
    """Inside the load transaction, after the upserts: retire the readings of files a newer version of the same work
    supersedes, record by which path, and return their (sha256, path) and the ids retired (`retire_readings`). Only documents sharing a DOI or title with
    one read now are compared (whether they are current is read only for them): others were compared when loaded."""
    read = [f"{d.sha256}|{d.path}" for d in documents if d.status.value == "parsed"]
    others = _same_work_as(con, read) if read else []
    if others:
        shas = sorted(set(others) | {d.sha256 for d in documents if d.status.value == "parsed"})
        candidates = con.execute(_CANDIDATES, [shas, read]).fetchall()
    else:
        candidates = con.execute(_READ_CANDIDATES, [read]).fetchall() if read else []
    superseded = newer_versions(candidates)
    for (sha, path), by in superseded.items():
        con.execute("UPDATE documents SET superseded_by = ? WHERE sha256 = ? AND path = ?", [by, sha, path])
    return set(superseded), retire_readings(con, sorted({sha for sha, _ in superseded}))


def still_current(documents: Sequence[Document], superseded: set[tuple[str, str]]) -> list[Document]:
    """The documents read in this run that no newer version of their work supersedes."""
    return [d for d in documents if (d.sha256, d.path) not in superseded]
