"""Rule classes of issue 11, round 3: strategy arms, hazard-ratio labels, cumulative incidences 'by' a time.

Every sentence here was written for this file (none is copied from a development report).
"""
from __future__ import annotations

import pytest

from extractors.evidence.arms import find_arms
from extractors.evidence.extract import extract_evidence
from extractors.evidence.numbers import find_timepoints
from extractors.evidence.strategy_arms import document_strategies, set_document_strategies
from tests.test_evidence_report_rules import _doc

_TRANSPLANT_TITLE = ("title", "Allogeneic stem-cell transplantation versus no transplantation in second remission of "
                              "adult B-ALL: a population-based cohort analysis")


def _facts(doc):
    return sorted((r.endpoint, r.arm, r.value, r.statistic, r.timepoint) for r in extract_evidence(doc))


def test_a_transplant_versus_no_transplant_title_makes_the_strategies_the_arms():
    doc = _doc([_TRANSPLANT_TITLE,
                ("body", "Two-year overall survival was 57.0% after allogeneic HSCT and 41.5% without "
                         "(hazard ratio [HR], 0.72; 95% CI, 0.55-0.94)."),
                ("body", "Non-relapse mortality reached 18.2% v 3.0% at 2 years.")])
    got = _facts(doc)
    assert ("OS", "allogeneic hsct", 57.0, "landmark", "2y") in got
    assert ("OS", "no transplant", 41.5, "landmark", "2y") in got
    assert ("OS", "allogeneic hsct", 0.72, "hazard_ratio", None) in got
    assert ("NRM", "allogeneic hsct", 18.2, "rate", "2y") in got
    assert ("NRM", "no transplant", 3.0, "rate", "2y") in got


def test_cohort_labels_sized_by_n_activate_a_policy_comparison():
    doc = _doc([("title", "Stopping ibrutinib after deep remission in CLL: two cohorts of one clinic"),
                ("body", "• Standard cohort (n = 70): continuous ibrutinib until progression."),
                ("body", "• MRD-guided cohort (n = 65): ibrutinib stopped after two negative marrows."),
                ("body", "• Progression-free survival hazard ratio, MRD-guided v standard: 1.08 (95% CI 0.60-1.95).")])
    got = _facts(doc)
    assert ("ENROLLED", "continuous ibrutinib", 70.0, "count", None) in got
    assert ("ENROLLED", "mrd-guided", 65.0, "count", None) in got
    assert ("PFS", "mrd-guided", 1.08, "hazard_ratio", None) in got


def test_strategy_terms_stay_off_in_a_report_that_compares_no_strategies():
    """Negative rule: 'HCT' is an outcome (ALLOHSCT) of an ordinary drug report, never its arm."""
    doc = _doc([("title", "Blinatumomab in adults with relapsed ALL: the single-arm phase 2 KAPPA-7 study"),
                ("body", "In this single-arm study, 60 adults received blinatumomab."),
                ("body", "Overall survival at 1 year was 48.0% with HCT in remission.")])
    assert {r.arm for r in extract_evidence(doc)} == {"blinatumomab"}


def test_strategy_arms_do_not_leak_into_the_next_document():
    text = "Allogeneic HCT versus no HCT in adults"
    set_document_strategies(document_strategies(text, text))
    assert {a.arm for a in find_arms(text)} == {"allogeneic hct", "no transplant"}  # the text's own HCT
    set_document_strategies(document_strategies("", ""))
    assert find_arms(text) == []


@pytest.mark.parametrize("text", [
    "the cohorts are 'nontransplant centers' only",  # a kind of centre, not an arm
])
def test_nontransplant_centres_are_no_arm(text):
    title = "Allogeneic HCT vs no transplant for adults with ALL"
    set_document_strategies(document_strategies(title, title + " " + text))
    try:
        assert find_arms(text) == []
    finally:
        set_document_strategies(document_strategies("", ""))


def test_a_hazard_ratio_labelled_with_both_arms_before_a_colon_is_the_first_arms():
    doc = _doc([("title", "Blinatumomab versus chemotherapy for MRD-positive ALL: the randomised OMEGA-2 trial"),
                ("body", "Patients were randomly assigned to blinatumomab or chemotherapy."),
                ("body", "Event-free survival hazard ratio, blinatumomab v chemotherapy: 0.64 (95% CI 0.45-0.91).")])
    assert ("EFS", "blinatumomab", 0.64, "hazard_ratio", None) in _facts(doc)


@pytest.mark.parametrize("text, code", [
    ("chronic GVHD by 2 years", "2y"),
    ("non-relapse mortality by 18 months", "18mo"),
])
def test_a_cumulative_incidence_by_a_time_has_that_time(text, code):
    assert [t.code for t in find_timepoints(text)] == [code]


@pytest.mark.parametrize("text", [
    "induction followed by 2 years of maintenance",
    "survival improved by 4 months",
    "therapy extended by 6 months",
])
def test_by_a_duration_of_therapy_or_a_gain_is_no_timepoint(text):
    """Negative rule: 'followed by 2 years of maintenance' is a schedule, 'improved by 4 months' a difference."""
    assert find_timepoints(text) == []


def test_graft_vs_host_spelling_is_gvhd_with_its_time():
    doc = _doc([("title", "Ponatinib in adults with Ph+ ALL: the single-arm phase 2 SIGMA-4 study"),
                ("body", "In this single-arm study, 50 adults received ponatinib."),
                ("body", "Chronic graft-vs-host disease by 1 year was seen in 22.5% of those transplanted.")])
    assert ("GVHD", "ponatinib", 22.5, "rate", "1y") in _facts(doc)


# --- tables: a booktabs results table under a plain heading, without a 'Table N' caption ---

import pdfplumber  # noqa: E402

from extractors.pdf.tables import extract_tables  # noqa: E402
from tests.fixtures.make_pdfs import TableSpec, _new_pdf, draw_booktabs, expected_cells  # noqa: E402

_CARD_TABLE = TableSpec(
    widths=(170.0, 90.0, 110.0),
    header=(("Outcome",), ("Early stop (n = 50)",), ("Continued (n = 48)",)),
    rows=(
        (("Remission at 1 year, n (%)",), ("40 (80.0)",), ("36 (75.0)",)),
        (("OS at 3 years, %",), ("88.0",), ("85.4",)),
    ),
)


def _captionless_card_pdf(path):
    pdf = _new_pdf()
    pdf.add_page()
    pdf.text(40, 50, "Key numbers")
    draw_booktabs(pdf, 40, 60, _CARD_TABLE)
    pdf.output(str(path))
    return path


def _banner_pdf(path):
    """Two full-width rules around one line of text: a banner, not a table."""
    pdf = _new_pdf()
    pdf.add_page()
    pdf.set_line_width(0.8)
    pdf.line(40, 60, 410, 60)
    pdf.text(40, 74, "Take-home: stopping early was safe in this cohort.")
    pdf.line(40, 80, 410, 80)
    pdf.output(str(path))
    return path


def test_results_table_without_a_caption_is_a_table(tmp_path):
    with pdfplumber.open(_captionless_card_pdf(tmp_path / "card.pdf")) as pdf:
        tables = extract_tables(pdf, "cd" * 32)
    assert len(tables) == 1 and tables[0].caption is None
    assert tables[0].header == ("Outcome", "Early stop (n = 50)", "Continued (n = 48)")
    assert [[c.text for c in row] for row in tables[0].rows] == expected_cells(_CARD_TABLE)


def test_rules_around_one_line_without_a_caption_make_no_table(tmp_path):
    """Negative rule: a captionless grid needs a header naming every column over two or more rows."""
    with pdfplumber.open(_banner_pdf(tmp_path / "banner.pdf")) as pdf:
        assert extract_tables(pdf, "cd" * 32) == []


def test_a_response_share_under_a_label_with_a_time_is_a_rate_over_that_time():
    from schemas.document import Cell, Table
    from tests.test_evidence_report_rules import SHA
    rows = [["Outcome", "Blinatumomab (n = 40)"], ["MRD negativity at 1 year, n (%)", "30 (75.0)"]]
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    table = Table(table_id=f"{SHA[:12]}:t1", page=1, label=None, caption=None, header=tuple(rows[0]), rows=cells)
    doc = _doc([("title", "Blinatumomab in adults with MRD-positive ALL: the single-arm phase 2 RHO-5 study"),
                ("body", "In this single-arm study, 40 adults received blinatumomab.")], (table,))
    assert ("MRD_NEG", "blinatumomab", 75.0, "rate", "1y") in _facts(doc)


# --- validation: hazard ratios of competing-risk incidences (NRM, GVHD, VOD) ---

def test_hazard_ratio_of_nrm_passes_validation_and_the_warehouse_check(tmp_path):
    """Regression: hazard_ratio_of_nrm_rejected (GUIDE.md's dev gold lists an NRM hazard ratio; it was quarantined)."""
    from schemas.declarations import FACT_EVIDENCE
    from tests.test_evidence_families_and_span_base import _insert_nrm
    from warehouse.migrate import connect, ensure_schema
    rule = next(r for r in FACT_EVIDENCE.rules if r.name == "hazard_ratio_endpoint")
    assert {"NRM", "GVHD", "VOD", "OS"} <= set(rule.check.values) and "CR" not in rule.check.values
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    _insert_nrm(con, "c" * 64, "hazard_ratio", 1.31, None)
    assert con.execute("SELECT count(*) FROM fact_evidence WHERE statistic = 'hazard_ratio'").fetchone() == (1,)


def test_median_nrm_is_still_refused():
    from schemas.declarations import FACT_EVIDENCE
    rule = next(r for r in FACT_EVIDENCE.rules if r.name == "time_to_event_statistic")
    assert "NRM" not in rule.check.values and rule.when.value == "median"


def test_migration_0044_lets_an_old_warehouse_take_an_nrm_hazard_ratio(tmp_path):
    import duckdb

    from tests.test_evidence_families_and_span_base import _insert_nrm
    from warehouse.migrate import connect, ensure_schema
    migrations = __import__("pathlib").Path(__file__).resolve().parents[1] / "warehouse" / "migrations"
    new = "0044_hazard_ratio_for_competing_risk_endpoints.sql"
    con = connect(tmp_path / "old.duckdb")
    ensure_schema(con)
    for view in [v for (v,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]:
        con.execute(f"DROP VIEW {view}")
    con.execute((migrations / "0043_table1_fact_has_trial_for_reviews_only.sql").read_text())  # the shape before 0044
    con.execute("DELETE FROM schema_migrations WHERE name = ?", [new])
    con.execute("DELETE FROM schema_version")
    _insert_nrm(con, "a" * 64, "rate", 12, "%")
    with pytest.raises(duckdb.ConstraintException):
        _insert_nrm(con, "c" * 64, "hazard_ratio", 1.31, None)
    assert new in ensure_schema(con)
    _insert_nrm(con, "c" * 64, "hazard_ratio", 1.31, None)
    assert sorted(con.execute("SELECT statistic FROM fact_evidence").fetchall()) == [("hazard_ratio",), ("rate",)]
    con.close()


def test_an_unnumbered_table_caption_is_linked(tmp_path):
    from tests.fixtures.make_pdfs import _caption
    pdf = _new_pdf()
    pdf.add_page()
    y = _caption(pdf, 40, 50, "Table.", "Response at week 12 by marker subgroup")
    draw_booktabs(pdf, 40, y, _CARD_TABLE)
    path = tmp_path / "poster.pdf"
    pdf.output(str(path))
    with pdfplumber.open(path) as opened:
        tables = extract_tables(opened, "cd" * 32)
    assert [(t.label, t.caption) for t in tables] == [("Table", "Table. Response at week 12 by marker subgroup")]


@pytest.mark.parametrize("line, is_caption", [
    ("Table. Response by subgroup", True),
    ("Table: Outcomes by arm", True),
    ("Table 2. Outcomes", True),
    ("Tables were drawn from the registry.", False),  # prose, not a caption
    ("Table shows the outcomes.", False),
])
def test_table_caption_lines_mark_a_page_for_table_geometry(line, is_caption):
    from extractors.pdf.ingest import TABLE_CAPTION
    assert bool(TABLE_CAPTION.match(line)) is is_caption


# --- more strategy comparisons, regression-model contrasts, NRM phrasings ---

def _cells_table(caption, rows, label="Table 2"):
    from schemas.document import Cell, Table
    from tests.test_evidence_report_rules import SHA
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    return Table(table_id=f"{SHA[:12]}:{label}", page=1, label=label, caption=caption, header=tuple(rows[0]), rows=cells)


def test_upfront_versus_deferred_transplant_title_names_both_timings():
    doc = _doc([("title", "Early autologous transplantation versus deferral in myeloma after induction: a registry study"),
                ("body", "Three-year PFS was 70.5% after transplant, against 61.0% with deferral (hazard ratio 0.72, 0.55-0.95).")])
    got = _facts(doc)
    assert ("PFS", "autologous transplant", 70.5, "landmark", "3y") in got
    assert ("PFS", "deferred transplant", 61.0, "landmark", "3y") in got
    assert ("PFS", "autologous transplant", 0.72, "hazard_ratio", None) in got


def test_mrd_guided_versus_universal_transplant_title_names_both_policies():
    doc = _doc([("title", "Minimal Residual Disease-Guided vs Universal Allogeneic Transplant in Adults With ALL"),
                ("body", "Three-year overall survival was 70.0% vs 66.0% in the two eras.")])
    got = _facts(doc)
    assert ("OS", "mrd-guided", 70.0, "landmark", "3y") in got
    assert ("OS", "transplant for all", 66.0, "landmark", "3y") in got


def test_a_model_row_contrasting_the_strategies_is_the_adjusted_ratio_and_no_restatement():
    """Regression: table_hazard_ratio_dropped_as_restating_a_body_ratio (0.71 adjusted was taken for the body's 0.68)."""
    table = _cells_table("Table 2. Multivariable Cox model for relapse-free survival", [
        ["Variable", "HR (95% CI)", "P value"],
        ["Allogeneic HCT v no HCT", "0.71 (0.57-0.88)", ".002"],
        ["Age 50 years or older", "1.30 (1.05-1.61)", ".02"],
    ])
    doc = _doc([_TRANSPLANT_TITLE, ("body", "Relapse-free survival favoured HCT (HR, 0.68; 95% CI, 0.56-0.83).")], (table,))
    got = sorted((r.source, r.endpoint, r.arm, r.value) for r in extract_evidence(doc) if r.statistic == "hazard_ratio")
    assert got == [("body", "RFS", "allogeneic hct", 0.68), ("table", "RFS", "allogeneic hct", 0.71)]


@pytest.mark.parametrize("label", ["Death without progression within 1 year, n/N (%)", "Deaths without relapse within 1 year, n/N (%)"])
def test_death_without_progression_within_a_time_is_nrm_over_that_time(label):
    table = _cells_table("Table 2: Outcomes", [["Outcome", "Blinatumomab (n=80)"], [label, "3/80 (3.8%)"]])
    doc = _doc([("title", "Blinatumomab in adults with ALL: the single-arm phase 2 TAU-2 study"),
                ("body", "In this single-arm study, 80 adults received blinatumomab.")], (table,))
    assert ("NRM", "blinatumomab", 3.8, "rate", "1y") in _facts(doc)


# --- attribution of press releases, academic constructs, elided survival names, partial responses ---

def test_ner_proposals_do_not_make_a_press_release_a_review():
    """Regression: press_release_taken_for_a_review (NER took 'FOR', 'RELEASE', 'LONDON', 'BOSTON' for trials)."""
    from types import SimpleNamespace

    from extractors.evidence.attribution import TrialIndex
    from extractors.evidence.frame import is_review
    doc = _doc([("title", "Phase 3 HERON trial: drug A improves survival")])
    mentions = [SimpleNamespace(text=t, kind="alias", rule="ner", start=0, end=1) for t in ("FOR", "RELEASE", "PARIS", "ROME", "OSLO")]
    mentions.append(SimpleNamespace(text="HERON", kind="name", rule="name_then_cue", start=8, end=13))
    assert is_review(doc, mentions, TrialIndex(), False) is False


def test_a_construct_the_authors_developed_is_the_study_therapy():
    doc = _doc([("title", "Point-of-care CD7 CAR T cells for T-ALL: phase 1 results"),
                ("body", "We developed UCT-7X2, a third-generation anti-CD7 receptor made in 8 days, and gave it after "
                         "fludarabine-cyclophosphamide. Of 30 enrolled patients, 26 received UCT-7X2."),
                ("body", "Complete remission was reached by 21 patients (80.8%).")])
    assert ("CR", "uct-7x2", 80.8, "rate", None) in _facts(doc)


def test_an_elided_first_survival_name_is_its_own_endpoint():
    doc = _doc([("title", "Ponatinib in adults with Ph+ ALL: the single-arm phase 2 SIGMA-6 study"),
                ("body", "In this single-arm study, 50 adults received ponatinib."),
                ("body", "Event-free and overall survival at 2 years were 61.2% and 77.0%.")])
    got = _facts(doc)
    assert ("EFS", "ponatinib", 61.2, "landmark", "2y") in got and ("OS", "ponatinib", 77.0, "landmark", "2y") in got


def test_a_very_good_partial_response_is_no_complete_response():
    """Negative rule: 'very good partial response in 8 (19.0%)' after a complete-response share is no CR."""
    doc = _doc([("title", "Ponatinib in adults with Ph+ ALL: the single-arm phase 2 SIGMA-6 study"),
                ("body", "In this single-arm study, 50 adults received ponatinib."),
                ("body", "Responses were partial response or better in 45 (90.0%), including complete response in 30 "
                         "(60.0%) and very good partial response in 9 (18.0%).")])
    got = _facts(doc)
    assert ("ORR", "ponatinib", 90.0, "rate", None) in got and ("CR", "ponatinib", 60.0, "rate", None) in got
    assert not [f for f in got if f[2] == 18.0]


def test_chemoimmunotherapy_is_the_chemotherapy_comparator():
    doc = _doc([("title", "HERON: a randomized phase III trial of ibrutinib-venetoclax versus chemoimmunotherapy in CLL"),
                ("body", "Patients were randomly assigned to ibrutinib-venetoclax or FCR."),
                ("body", "Three-year PFS was 80.5% v 62.0% (HR, 0.50; 95% CI, 0.35 to 0.71).")])
    arms = {f[2]: f[1] for f in _facts(doc)}
    assert arms[62.0] == "chemotherapy"
    assert arms[80.5] not in (None, "chemotherapy") and arms[0.5] == arms[80.5]
