"""Curator decisions: resolve a fact id, record accept/reject/correct/note in curation_decisions, list what is pending."""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

import duckdb

from schemas.evidence import content_id

MIN_PREFIX = 8
SHOWN_MATCHES = 5
LIST_COLUMNS = ("fact", "status", "doc", "trial", "endpoint", "arm", "statistic", "timepoint", "value", "page",
                "reason")
FACT_ID = re.compile(r"^[0-9a-f]+$")


class ReviewError(ValueError):
    """A fact id that matches no current fact, or several; the message says what to give."""


@dataclass(frozen=True)
class Decision:
    """One curator decision on the current version of a fact."""

    curator: str
    fact_key: str
    version_id: str
    action: str
    value: Optional[float] = None
    note: Optional[str] = None


def add_review_parser(sub: argparse._SubParsersAction) -> None:
    """The `evidence review` command and its verbs."""
    review = sub.add_parser("review", help="curator decisions on facts: list, accept, reject, correct, note")
    verbs = review.add_subparsers(dest="verb", required=True, metavar="VERB")
    listing = verbs.add_parser("list", help="current facts with their curation status (--pending: what needs a look)")
    listing.add_argument("--pending", action="store_true",
                         help="only stale decisions and facts two extractions disagree on")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.add_argument("--warehouse", metavar="FILE")
    for verb, text in (("accept", "the fact is right as extracted"), ("reject", "the fact is wrong; flag it"),
                       ("correct", "the fact's right value is --value V"), ("note", "attach a note to the fact")):
        parser = verbs.add_parser(verb, help=text)
        parser.add_argument("fact", metavar="FACT", help=f"fact id (fact_key, or a prefix of {MIN_PREFIX}+ characters "
                                                         "as `evidence review list` prints it)")
        if verb == "note":
            parser.add_argument("text", metavar="TEXT", help="the note")
        else:
            parser.add_argument("--note", help="why (kept with the decision)")
        if verb == "correct":
            parser.add_argument("--value", type=float, required=True, metavar="V", help="the right value")
        parser.add_argument("--curator", required=True, metavar="NAME",
                            help="who decides (required: every decision is signed)")
        parser.add_argument("--warehouse", metavar="FILE")


def resolve_fact(con: duckdb.DuckDBPyConnection, fact: str) -> tuple[str, str, dict]:
    """(fact_key, current version_id, the fact's fields) of the one current fact whose key starts with `fact`."""
    given = fact.strip().lower()
    if not FACT_ID.match(given) or len(given) < MIN_PREFIX:
        raise ReviewError(f"{fact!r} is not a fact id: give the fact_key or its first {MIN_PREFIX}+ hex characters, "
                          "as `evidence review list` prints them")
    cursor = con.execute(
        "SELECT fact_key, version_id, doc, trial, endpoint, arm, statistic, timepoint, value, page "
        "FROM v_evidence_curated WHERE starts_with(fact_key, ?) ORDER BY fact_key LIMIT ?", [given, SHOWN_MATCHES + 1])
    columns = [d[0] for d in cursor.description]
    matches = [dict(zip(columns, row)) for row in cursor.fetchall()]
    if not matches:  # a number only the rules-only pass reads: its dual-extraction flag stands in for the fact
        cursor = con.execute(
            "SELECT fact_key, fact_key AS version_id, doc, trial, endpoint, arm, statistic, timepoint, value, page "
            "FROM v_curation_pending WHERE starts_with(fact_key, ?) AND fact_key IN "
            "(SELECT flag_id FROM dual_extraction_flags) ORDER BY fact_key LIMIT ?", [given, SHOWN_MATCHES + 1])
        columns = [d[0] for d in cursor.description]
        matches = [dict(zip(columns, row)) for row in cursor.fetchall()]
    if not matches:
        retired = con.execute("SELECT count(*) FROM fact_versions WHERE starts_with(fact_key, ?)", [given]).fetchone()[0]
        why = "it is no longer current (see v_fact_history)" if retired else "no fact has that id"
        raise ReviewError(f"fact {fact}: {why}; `evidence review list` shows the current facts")
    if len(matches) > 1:
        shown = "\n  ".join(_describe(m) for m in matches[:SHOWN_MATCHES])
        raise ReviewError(f"fact id {fact} is ambiguous; give more characters. It matches:\n  {shown}"
                          + ("\n  ..." if len(matches) > SHOWN_MATCHES else ""))
    return matches[0]["fact_key"], matches[0]["version_id"], matches[0]


def _describe(fact: dict) -> str:
    parts = [fact["doc"], fact["trial"], fact["endpoint"], fact["arm"], fact["statistic"], fact["timepoint"]]
    return (f"{fact['fact_key'][:12]}  " + " ".join(str(p) for p in parts if p)
            + f" = {fact['value']:g} (p. {fact['page']})")


def record_decision(con: duckdb.DuckDBPyConnection, decision: Decision, now: Optional[datetime] = None) -> str:
    """Append the decision in its own transaction; return its id."""
    decided_at = (now or datetime.now(timezone.utc)).replace(tzinfo=None)
    decision_id = content_id(decided_at.isoformat(), decision.curator, decision.fact_key, decision.version_id,
                             decision.action, decision.value, decision.note)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("INSERT INTO curation_decisions (decision_id, decided_at, curator, fact_key, version_id, action, "
                    "value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [decision_id, decided_at, decision.curator, decision.fact_key, decision.version_id,
                     decision.action, decision.value, decision.note])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")
    return decision_id


def decide(con: duckdb.DuckDBPyConnection, verb: str, fact: str, curator: str, value: Optional[float] = None,
           note: Optional[str] = None) -> str:
    """Record `verb` on the current version of `fact`; return a line saying what was recorded."""
    if not curator.strip():
        raise ReviewError("--curator NAME must not be blank: every decision is signed")
    if verb == "note" and not (note or "").strip():
        raise ReviewError("a note needs its TEXT")
    fact_key, version_id, fields = resolve_fact(con, fact)
    record_decision(con, Decision(curator.strip(), fact_key, version_id, verb, value, note))
    what = {"accept": "accepted", "reject": "rejected", "correct": f"corrected to {value:g}" if value is not None
            else "corrected", "note": "noted"}[verb]
    return f"{what} by {curator.strip()}: {_describe(fields)}"


def list_facts(con: duckdb.DuckDBPyConnection, pending: bool) -> tuple[list[str], list[tuple]]:
    """Rows for `evidence review list`: every current fact, or only the pending ones."""
    if pending:
        sql = ("SELECT fact_key[:12], kind, doc, trial, endpoint, arm, statistic, timepoint, value, page, reason "
               "FROM v_curation_pending")
    else:
        sql = ("SELECT fact_key[:12], curation_status, doc, trial, endpoint, arm, statistic, timepoint, value, page, "
               "coalesce(review_reason, CASE WHEN curation_status = 'corrected' THEN 'extracted ' || extracted_value "
               "END, notes) FROM v_evidence_curated")
    return list(LIST_COLUMNS), con.execute(sql).fetchall()
