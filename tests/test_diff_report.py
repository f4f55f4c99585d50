"""evidence diff: cells as text and facts between two runs; exit codes; JSON shape; escaped offline HTML."""
from __future__ import annotations

import json

import pytest

from flows import cli
from tests.browser import artifact_path, render
from tests.fixtures.two_run_warehouse import build_two_run_warehouse


@pytest.fixture()
def two_runs(tmp_path):
    return build_two_run_warehouse(tmp_path / "w.duckdb", tmp_path / "corpus" / "trial.pdf")


def test_json_lists_the_fixed_typo_the_corrected_figure_and_its_fact(two_runs, capsys):
    assert cli.main(["diff", "--warehouse", str(two_runs), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["from_run", "to_run", "table1_cells", "facts"]
    assert (out["from_run"], out["to_run"]) == ("run-1", "run-2")
    assert out["table1_cells"] == [
        {"doc": "trial.pdf", "row_number": 1, "column": "design",
         "before": "Phase III randomsied <b>open</b>", "after": "Phase III randomised <b>open</b>"},
        {"doc": "trial.pdf", "row_number": 1, "column": "main_results", "before": "CR: 34%", "after": "CR: 44%"}]
    [fact] = out["facts"]
    assert list(fact) == ["change", "doc", "trial", "endpoint", "arm", "statistic", "timepoint", "before", "after",
                          "page", "quote"]
    assert (fact["change"], fact["arm"], fact["before"], fact["after"], fact["page"]) == (
        "changed", "blinatumomab", 34.0, 44.0, 1)
    assert "44%" in fact["quote"]


def test_same_run_twice_has_no_differences_and_exits_0(two_runs, capsys):
    assert cli.main(["diff", "--warehouse", str(two_runs), "--from", "run-2", "--to", "run-2", "--format", "md"]) == 0
    assert "0 Table 1 cell(s) and 0 fact(s) differ" in capsys.readouterr().out


def test_reverse_direction_and_table_format(two_runs, capsys):
    assert cli.main(["diff", "--warehouse", str(two_runs), "--from", "run-2", "--to", "run-1"]) == 1
    out = capsys.readouterr().out
    assert "changes from run-2 to run-1" in out and "randomsied" in out and "changed" in out


def test_unknown_run_exits_2_and_lists_known_runs(two_runs, capsys):
    assert cli.main(["diff", "--warehouse", str(two_runs), "--from", "run-9"]) == 2
    err = capsys.readouterr().err
    assert "unknown run 'run-9' for --from" in err and "run-1, run-2" in err


def test_one_run_only_exits_2_with_what_to_do(two_runs, capsys):
    assert cli.main(["diff", "--warehouse", str(two_runs), "--to", "run-1"]) == 2
    assert "no completed run before run-1" in capsys.readouterr().err


def test_html_escapes_document_text_and_embeds_page_crops(two_runs, tmp_path, capsys):
    out = tmp_path / "diff.html"
    assert cli.main(["diff", "--warehouse", str(two_runs), "--format", "html", "--out", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>open</b>" not in html and "&lt;b&gt;open&lt;/b&gt;" in html
    assert "http://" not in html and "https://" not in html
    assert html.count('src="data:image/png;base64,') == 3  # two cells and one fact, from the PDF at the path
    assert "<del>randomsied</del>" in html and "<ins>randomised</ins>" in html


def test_html_says_when_the_pdf_is_gone(two_runs, tmp_path, capsys):
    (tmp_path / "corpus" / "trial.pdf").unlink()
    out = tmp_path / "diff.html"
    assert cli.main(["diff", "--warehouse", str(two_runs), "--format", "html", "--out", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    assert "data:image/png" not in html and html.count("the PDF is gone from") == 3


def test_html_report_renders_offline_in_headless_chromium(two_runs, tmp_path):
    out = tmp_path / "diff.html"
    assert cli.main(["diff", "--warehouse", str(two_runs), "--format", "html", "--out", str(out)]) == 1
    result = render(out, artifact_path("diff_report.png"),
                    evaluate="() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length")
    assert result.clean, result.console_errors + result.failed_requests
    assert result.evaluated == 3 and result.screenshot.stat().st_size > 0
