"""Issue 9's done-when scenario: the review replaced at the same path by a copy with one figure and one typo corrected."""
from __future__ import annotations

import json
import shutil

import pytest

from flows import cli, review
from tests.browser import artifact_path, render
from tests.fixtures.review_layouts import FontMissing, table1_cells, two_column_booktabs_pdf
from warehouse import migrate

pytestmark = pytest.mark.slow

FIGURE_ROW, FIGURE_OLD, FIGURE_NEW = 1, "ChT 4.0 months", "ChT 4.4 months"  # TOWER median OS, as the body has it
TYPO_ROW, TYPO_OLD, TYPO_NEW = 5, "Medina RFS", "Median RFS"  # BLAST, a typo printed in the published table


def _corrected_rows() -> list[tuple[str, ...]]:
    rows = [list(r) for r in table1_cells()]
    for number, old, new in ((FIGURE_ROW, FIGURE_OLD, FIGURE_NEW), (TYPO_ROW, TYPO_OLD, TYPO_NEW)):
        assert rows[number - 1][5].count(old) == 1
        rows[number - 1][5] = rows[number - 1][5].replace(old, new)
    return [tuple(r) for r in rows]


def _run(corpus, warehouse, capsys) -> str:
    assert cli.main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse), "--quiet"]) == 0
    return capsys.readouterr().out.split()[1]


def _table_fact(con, row: int, endpoint: str, arm: str) -> str:
    return con.execute("SELECT fact_key FROM v_evidence_curated WHERE source = 'table' AND table_row = ? "
                       "AND endpoint = ? AND arm = ?", [row, endpoint, arm]).fetchone()[0]


def test_replaced_review_keeps_history_diffs_two_cells_and_stales_the_changed_decision(tmp_path, capsys):
    corpus, warehouse = tmp_path / "corpus", tmp_path / "w.duckdb"
    corpus.mkdir()
    review_pdf = corpus / "review.pdf"
    try:
        two_column_booktabs_pdf(tmp_path / "original.pdf")
        two_column_booktabs_pdf(tmp_path / "corrected.pdf", rows=_corrected_rows())
    except FontMissing as exc:
        pytest.skip(str(exc))
    shutil.copy(tmp_path / "original.pdf", review_pdf)
    first = _run(corpus, warehouse, capsys)

    con = migrate.connect(warehouse)
    figure = _table_fact(con, FIGURE_ROW, "OS", "chemotherapy")
    unchanged = _table_fact(con, FIGURE_ROW, "CR", "blinatumomab")
    corrected = _table_fact(con, 4, "OS", "blinatumomab")
    review.decide(con, "accept", figure, "alice")
    review.decide(con, "accept", unchanged, "alice")
    review.decide(con, "correct", corrected, "bob", value=9.0, note="body gives 9.0")
    con.close()

    shutil.copy(tmp_path / "corrected.pdf", review_pdf)  # same path, new bytes
    second = _run(corpus, warehouse, capsys)

    assert cli.main(["diff", "--warehouse", str(warehouse), "--format", "json"]) == 1
    diff = json.loads(capsys.readouterr().out)
    assert (diff["from_run"], diff["to_run"]) == (first, second)
    cells = [(c["row_number"], c["column"]) for c in diff["table1_cells"]]
    assert cells == [(FIGURE_ROW, "main_results"), (TYPO_ROW, "main_results")]
    assert FIGURE_OLD in diff["table1_cells"][0]["before"] and FIGURE_NEW in diff["table1_cells"][0]["after"]
    assert TYPO_OLD in diff["table1_cells"][1]["before"] and TYPO_NEW in diff["table1_cells"][1]["after"]
    assert [(f["change"], f["trial"], f["endpoint"], f["arm"], f["before"], f["after"]) for f in diff["facts"]] == [
        ("changed", "TOWER", "OS", "chemotherapy", 4.0, 4.4)]

    con = migrate.connect(warehouse, read_only=True)
    history = con.execute("SELECT value, valid_from_run, valid_to_run FROM v_fact_history WHERE fact_key = ? "
                          "ORDER BY valid_from", [figure]).fetchall()
    assert history == [(4.0, first, second), (4.4, second, None)]
    cell_versions = con.execute("SELECT row_number, count(*) FROM v_table1_history GROUP BY 1 HAVING count(*) > 8 "
                                "ORDER BY 1").fetchall()
    assert cell_versions == [(FIGURE_ROW, 9), (TYPO_ROW, 9)]
    assert con.execute("SELECT count(*) FROM documents WHERE path = ?", [str(review_pdf)]).fetchone()[0] == 2
    as_of_first = con.execute("SELECT value FROM evidence_as_of(?) WHERE fact_key = ?", [first, figure]).fetchone()
    assert as_of_first == (4.0,)
    status = dict(con.execute("SELECT fact_key, curation_status FROM v_evidence_curated "
                              "WHERE curation_status <> 'unreviewed'").fetchall())
    assert status == {figure: "stale", unchanged: "accepted", corrected: "corrected"}
    pending = con.execute("SELECT fact_key, kind FROM v_curation_pending WHERE kind = 'stale'").fetchall()
    assert pending == [(figure, "stale")]
    con.close()

    assert cli.main(["diff", "--warehouse", str(warehouse), "--format", "md",
                     "--out", str(artifact_path("scenario_diff.md"))]) == 1
    html = tmp_path / "scenario_diff.html"
    assert cli.main(["diff", "--warehouse", str(warehouse), "--format", "html", "--out", str(html)]) == 1
    result = render(html, artifact_path("scenario_diff_report.png"),
                    evaluate="() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length")
    assert result.clean, result.console_errors + result.failed_requests
    assert result.evaluated == 3  # two cells and one fact, cropped from the corrected PDF


def test_corrected_review_at_another_path_supersedes_by_title_and_the_diff_shows_it(tmp_path, capsys):
    """A corrected copy saved under a new name (same title, no DOI) retires the original's readings; history keeps both."""
    corpus, warehouse = tmp_path / "corpus", tmp_path / "w.duckdb"
    corpus.mkdir()
    original, corrected = corpus / "lussana2023.pdf", corpus / "lussana2023_corrected.pdf"
    try:
        two_column_booktabs_pdf(original)
        two_column_booktabs_pdf(tmp_path / "corrected.pdf", rows=_corrected_rows())
    except FontMissing as exc:
        pytest.skip(str(exc))
    first = _run(corpus, warehouse, capsys)
    shutil.copy(tmp_path / "corrected.pdf", corrected)  # the original stays where it was
    second = _run(corpus, warehouse, capsys)

    assert cli.main(["diff", "--warehouse", str(warehouse), "--format", "json"]) == 1
    diff = json.loads(capsys.readouterr().out)
    assert (diff["from_run"], diff["to_run"]) == (first, second)
    changes = {(f["change"], f["doc"]) for f in diff["facts"]}
    assert changes == {("removed", original.name), ("added", corrected.name)}
    assert {c["doc"] for c in diff["table1_cells"]} == {original.name, corrected.name}

    con = migrate.connect(warehouse, read_only=True)
    assert con.execute("SELECT DISTINCT doc FROM v_evidence").fetchall() == [(corrected.name,)]
    assert con.execute("SELECT DISTINCT document FROM v_table1").fetchall() == [(corrected.name,)]
    assert con.execute("SELECT path, superseded_by FROM documents ORDER BY path").fetchall() == [
        (str(original), str(corrected)), (str(corrected), None)]
    retired = con.execute("SELECT count(*), count(*) FILTER (WHERE valid_to_run = ?) FROM v_fact_history "
                          "WHERE doc = ?", [second, original.name]).fetchone()
    assert retired[0] > 50 and retired[0] == retired[1]  # every fact of the original kept, closed by the new run
    con.close()

    third = _run(corpus, warehouse, capsys)  # nothing changed: the original stays superseded
    assert cli.main(["diff", "--warehouse", str(warehouse), "--from", second, "--to", third, "--format", "json"]) == 0
