"""A new version of a paper at another path (same DOI, or same long title) supersedes the current one; nothing is
deleted, and two papers that only share a generic title or differ in DOI stay apart."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from extractors.doc_meta import document_meta
from schemas.work_identity import DocumentMeta, same_work, title_key
from schemas.document import Block, Document, DocumentStatus
from tests.fixtures.small_warehouse import evidence_record
from warehouse import load, migrate
from warehouse.incremental import Reading

SHA_OLD, SHA_NEW = "a" * 64, "b" * 64
T0 = datetime(2026, 1, 1)
LONG_TITLE = "Blinatumomab versus chemotherapy for advanced acute lymphoblastic leukemia in adults"


def _parsed(text_blocks: list[tuple[int, str, str]]) -> Document:
    blocks, text, at = [], "", 0
    for page, kind, words in text_blocks:
        blocks.append(Block(page=page, bbox=(0, 0, 1, 1), kind=kind, text=words, char_start=at,
                            char_end=at + len(words)))
        text += words + "\n\n"
        at = len(text)
    return Document(sha256=SHA_OLD, path="/c/x.pdf", pages=5, status=DocumentStatus.parsed, parser_version="p",
                    text=text, blocks=tuple(blocks))


def test_doi_comes_from_the_front_page_and_not_from_the_references():
    doc = _parsed([(1, "title", LONG_TITLE), (1, "footer", "Cancers 2023. https://doi.org/10.3390/Cancers15041349."),
                   (5, "reference", "1. Kantarjian H. NEJM. doi:10.1056/NEJMoa1609783")])
    assert document_meta(doc) == DocumentMeta("10.3390/cancers15041349", LONG_TITLE)
    cited_only = _parsed([(1, "title", LONG_TITLE), (5, "reference", "doi:10.1056/NEJMoa1609783")])
    assert document_meta(cited_only).doi is None


def test_a_first_paragraph_is_no_title():
    assert document_meta(_parsed([(1, "body", LONG_TITLE)])).title is None


@pytest.mark.parametrize("a, b, same", [
    (DocumentMeta("10.1/x", None), DocumentMeta("10.1/x", "Another title"), True),
    (DocumentMeta("10.1/x", LONG_TITLE), DocumentMeta("10.1/y", LONG_TITLE), False),  # two DOIs: two works
    (DocumentMeta(None, LONG_TITLE), DocumentMeta("10.1/y", LONG_TITLE.upper() + "."), True),
    (DocumentMeta(None, "Editorial"), DocumentMeta(None, "Editorial"), False),
    (DocumentMeta(None, "Letter to the editor: blinatumomab in adults with relapsed acute leukemia"),
     DocumentMeta(None, "Letter to the editor: blinatumomab in adults with relapsed acute leukemia"), False),
    (DocumentMeta(None, "Blinatumomab in relapsed ALL"), DocumentMeta(None, "Blinatumomab in relapsed ALL"), False),
    (DocumentMeta(None, None), DocumentMeta(None, None), False),
])
def test_same_work_needs_a_doi_or_a_long_specific_title(a, b, same):
    assert same_work(a, b) is same


def test_title_key_ignores_case_accents_and_punctuation():
    assert title_key("Étude: " + LONG_TITLE) == title_key("etude " + LONG_TITLE.lower() + "!")


def _doc(sha: str, path: str, doi: str | None = "10.1/x", title: str | None = LONG_TITLE) -> Document:
    return Document(sha256=sha, path=path, pages=3, status=DocumentStatus.parsed, parser_version="p1", doi=doi,
                    title=title)


def _records(sha: str, name: str, value: float):
    quote = f"CR was {value:g}% with blinatumomab versus 16% with chemotherapy."
    return [evidence_record(doc_sha256=sha, doc=name, value=value, value_text=f"{value:g}", quote=quote)]


def _load(con, n: int, docs, records, unchanged=()):
    run = load.RunRecord(run_id=f"r{n}", started_at=T0 + timedelta(hours=n), status="completed",
                         finished_at=T0 + timedelta(hours=n, minutes=1))
    skipped = [Reading(d.path, d.sha256, "parsed", d.parser_version, "x1") for d in unchanged]
    load.load_run(con, run, docs, [], records, [], [Path("/corpus")], skipped, extractor_version="x1")


def _state(con):
    return (sorted(con.execute("SELECT doc, value FROM v_evidence").fetchall()),
            sorted(con.execute("SELECT doc, valid_from_run, valid_to_run FROM fact_versions").fetchall()),
            sorted(con.execute("SELECT path, superseded_by FROM documents").fetchall()))


def test_a_new_version_at_another_path_supersedes_and_history_keeps_both(tmp_path):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    old, new = _doc(SHA_OLD, "/corpus/paper_2023.pdf"), _doc(SHA_NEW, "/corpus/paper_2023_corrected.pdf")
    _load(con, 1, [old], _records(SHA_OLD, "paper_2023.pdf", 34.0))
    _load(con, 2, [new], _records(SHA_NEW, "paper_2023_corrected.pdf", 35.0), unchanged=[old])
    after_second = _state(con)
    assert after_second == (
        [("paper_2023_corrected.pdf", 35.0)],
        [("paper_2023.pdf", "r1", "r2"), ("paper_2023_corrected.pdf", "r2", None)],
        [("/corpus/paper_2023.pdf", "/corpus/paper_2023_corrected.pdf"), ("/corpus/paper_2023_corrected.pdf", None)])
    assert con.execute("SELECT count(*) FROM fact_evidence").fetchone()[0] == 2  # nothing deleted
    _load(con, 3, [old, new], _records(SHA_OLD, "paper_2023.pdf", 34.0)  # a full run reads both again
          + _records(SHA_NEW, "paper_2023_corrected.pdf", 35.0))
    assert _state(con) == after_second
    _load(con, 4, [], [], unchanged=[old, new])  # an incremental run that reads nothing changes nothing
    assert _state(con) == after_second
    con.close()


@pytest.mark.parametrize("old_meta, new_meta", [
    (("10.1/x", LONG_TITLE), ("10.1/y", LONG_TITLE)),   # same title, another DOI: a different paper
    ((None, "Editorial"), (None, "Editorial")),         # a generic title is no identity
])
def test_papers_that_only_look_alike_both_stay_current(tmp_path, old_meta, new_meta):
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    _load(con, 1, [_doc(SHA_OLD, "/corpus/a.pdf", *old_meta)], _records(SHA_OLD, "a.pdf", 34.0))
    _load(con, 2, [_doc(SHA_NEW, "/corpus/b.pdf", *new_meta)], _records(SHA_NEW, "b.pdf", 35.0),
          unchanged=[_doc(SHA_OLD, "/corpus/a.pdf", *old_meta)])
    evidence, versions, documents = _state(con)
    assert evidence == [("a.pdf", 34.0), ("b.pdf", 35.0)]
    assert [to for *_, to in versions] == [None, None] and [by for _, by in documents] == [None, None]
    con.close()


def test_incremental_run_kept_skipped_files_facts_open_in_history(tmp_path):
    """Regression: a run that skipped an unchanged file closed its fact versions while its facts stayed current."""
    con = migrate.connect(tmp_path / "w.duckdb")
    migrate.ensure_schema(con)
    paper = _doc(SHA_OLD, "/corpus/a.pdf", None, None)
    _load(con, 1, [paper], _records(SHA_OLD, "a.pdf", 34.0))
    _load(con, 2, [], [], unchanged=[paper])
    assert _state(con)[:2] == ([("a.pdf", 34.0)], [("a.pdf", "r1", None)])
    assert con.execute("SELECT count(*) FROM v_evidence_curated WHERE fact_key IS NOT NULL").fetchone()[0] == 1
    con.close()


def test_two_versions_first_seen_in_one_run_keep_the_later_path():
    from warehouse.supersede import newer_versions

    both_now = [(SHA_NEW, "/c/paper_v2.pdf", "10.1/x", None, True, None),
                (SHA_OLD, "/c/paper_v1.pdf", "10.1/x", None, True, None)]
    assert newer_versions(both_now) == {(SHA_OLD, "/c/paper_v1.pdf"): "/c/paper_v2.pdf"}
    seen_before = [(SHA_NEW, "/c/paper_v2.pdf", "10.1/x", None, False, T0),
                   (SHA_OLD, "/c/paper_v1.pdf", "10.1/x", None, True, None)]  # v1 added after v2: it is newer
    assert newer_versions(seen_before) == {(SHA_NEW, "/c/paper_v2.pdf"): "/c/paper_v1.pdf"}
