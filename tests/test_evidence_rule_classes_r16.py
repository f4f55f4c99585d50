"""Rule classes of issue 11, round 3b: dose-level columns under a stub header's cell format, and more.

Every sentence and table here was written for this file (none is copied from a development report).
"""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from tests.test_evidence_report_rules import SHA, _doc


def _facts(doc):
    return sorted(((r.endpoint, r.arm, r.value, r.statistic, r.timepoint) for r in extract_evidence(doc)), key=str)


def _cells_table(caption, rows, label="Table 2"):
    from schemas.document import Cell, Table
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    return Table(table_id=f"{SHA[:12]}:{label}", page=1, label=label, caption=caption, header=tuple(rows[0]), rows=cells)


_SINGLE_ARM_OPENING = [("title", "Obecabtagene autoleucel in adults with relapsed ALL: a phase 1 dose-finding study"),
                       ("body", "In this single-arm study, 18 adults received obecabtagene autoleucel at one of "
                                "three dose levels.")]


def test_dose_level_columns_under_a_stub_header_n_percent_are_rates_of_the_study_therapy():
    """Regression: stub_header_cell_format_ignored ('Outcome, n (%)' over 'DLa (n = 5)' columns read nothing)."""
    table = _cells_table("Table 2. Response at day 42 and toxicity by dose level", [
        ["Outcome, n (%)", "Level A (n = 5)", "Level B (n = 5)", "All (N = 10)"],
        ["Complete remission", "3 (60.0)", "4 (80.0)", "7 (70.0)"],
        ["Cytokine release syndrome, any grade", "none", "2 (40.0)", "2 (20.0)"],
    ])
    got = _facts(_doc(_SINGLE_ARM_OPENING, (table,)))
    for value in (60.0, 80.0, 70.0):
        assert ("CR", "obecabtagene autoleucel", value, "rate", "d42") in got
    for value in (40.0, 20.0):
        assert ("CRS", "obecabtagene autoleucel", value, "rate", None) in got
    assert not [f for f in got if f[2] in (3.0, 4.0, 7.0, 2.0, 5.0, 10.0)]  # numerators and column sizes are no facts


def test_a_stub_header_without_n_percent_leaves_bare_counts_unread():
    """Negative rule: without 'n (%)' in the stub header, a bare '3 (60.0)' is not a declared count-and-share cell."""
    table = _cells_table("Table 2. Response by dose level", [
        ["Outcome", "Level A", "Level B"],
        ["Complete remission", "3 (60.0)", "4 (80.0)"],
    ])
    got = _facts(_doc(_SINGLE_ARM_OPENING, (table,)))
    assert not [f for f in got if f[2] in (60.0, 80.0)]


# --- distractors: sub-remissions alone, figures of the authors' own earlier cohorts ---

def test_a_partial_recovery_remission_alone_is_no_complete_remission():
    """Regression: crh_share_read_as_cr ('12 (8.0%) with CRh' after a CR share took CR)."""
    doc = _doc([("title", "Blinatumomab in adults with relapsed ALL: the single-arm phase 2 KAPPA-9 study"),
                ("body", "In this single-arm study, 150 adults received blinatumomab."),
                ("body", "Within two cycles, 60 patients (40.0%) reached CR or CRh, 48 (32.0%) of them with CR and "
                         "12 (8.0%) with CRh.")])
    got = _facts(doc)
    assert ("CR_CRI", "blinatumomab", 40.0, "rate", "2cycles") in got
    assert ("CR", "blinatumomab", 32.0, "rate", "2cycles") in got
    assert not [f for f in got if f[2] == 8.0]


def test_the_composite_with_crh_or_cri_stays_the_composite():
    """Negative rule: 'CR/CRi' and 'CR or CRh' are longer than 'CRi'/'CRh' alone and keep CR_CRI."""
    doc = _doc([("title", "Inotuzumab in adults with relapsed ALL: the single-arm phase 2 SIGMA-4 study"),
                ("body", "In this single-arm study, 50 adults received inotuzumab."),
                ("body", "The CR/CRi rate was 72.0%, and 64.0% reached CR or CRh.")])
    got = _facts(doc)
    assert ("CR_CRI", "inotuzumab", 72.0, "rate", None) in got
    assert ("CR_CRI", "inotuzumab", 64.0, "rate", None) in got


_CART_OPENING = [("title", "Tisagenlecleucel after debulking in young adults with ALL: the single-arm LAMBDA-3 study"),
                 ("body", "In this single-arm study, 40 young adults received tisagenlecleucel.")]


def test_a_figure_of_the_authors_earlier_series_is_not_the_reports():
    """Regression: our_earlier_series_taken_for_own_study ('our' made an earlier cohort the report's own)."""
    doc = _doc(_CART_OPENING + [
        ("body", "Event-free survival at 12 months was 61.0%."),
        ("body", "This is close to the 12-month EFS of 55% in our previous single-centre series.")])
    got = _facts(doc)
    assert ("EFS", "tisagenlecleucel", 61.0, "landmark", "12mo") in got
    assert not [f for f in got if f[2] == 55.0]


def test_a_share_seen_in_the_authors_pre_treatment_cohort_is_not_the_reports():
    doc = _doc(_CART_OPENING + [
        ("body", "Grade 3 or higher CRS occurred in 10.0%, fewer than the 30% seen in our pre-debulking cohort.")])
    got = _facts(doc)
    assert ("CRS", "tisagenlecleucel", 10.0, "rate", None) in got
    assert not [f for f in got if f[2] == 30.0]


def test_our_own_cohort_still_returns_to_the_report():
    """Negative rule: 'in our cohort' without an earlier/previous/pre- word is the report's own study."""
    doc = _doc(_CART_OPENING + [
        ("body", "In an earlier phase 2 study, the CR rate was 70%."),
        ("body", "In our cohort, the CR rate was 85.0%.")])
    got = _facts(doc)
    assert ("CR", "tisagenlecleucel", 85.0, "rate", None) in got
    assert not [f for f in got if f[2] == 70.0]


# --- enrolment of a cell-therapy study, respective lists after a clause break ---

def test_patients_leukapheresed_are_the_enrolment_of_a_cell_therapy_study():
    """Regression: leukapheresed_count_unread ('58 patients leukapheresed, 51 infused' gave no enrolment)."""
    doc = _doc(_CART_OPENING + [("body", "• 47 patients leukapheresed, 40 infused and evaluable.")])
    assert ("ENROLLED", "tisagenlecleucel", 47.0, "count", None) in _facts(doc)


def test_a_later_clause_of_bare_values_restates_the_listed_endpoints_in_order():
    """Regression: respective_values_all_took_the_last_endpoint ('; at 24 months, 41%, 47% and 55%' were all OS)."""
    doc = _doc(_CART_OPENING + [
        ("body", "• 12-month EFS 60.5% (95% CI 45.0-73.1), RFS 66.0% and OS 80.2%; at 24 months, 44.0%, 50.5% and 62.3%.")])
    got = _facts(doc)
    for endpoint, value in (("EFS", 44.0), ("RFS", 50.5), ("OS", 62.3)):
        assert (endpoint, "tisagenlecleucel", value, "landmark", "24mo") in got


def test_a_later_clause_with_one_endpoint_before_it_keeps_that_endpoint():
    """Negative rule: values of a ';' clause outnumbering the endpoints before it are that endpoint's (arms, times)."""
    doc = _doc(_CART_OPENING + [("body", "Overall survival at 1 year was 81.0%; at 2 years, 70.0% and at 3 years, 64.0%.")])
    got = _facts(doc)
    assert ("OS", "tisagenlecleucel", 70.0, "landmark", "2y") in got
    assert ("OS", "tisagenlecleucel", 64.0, "landmark", "3y") in got


# --- two-arm report: composite remission judged on the marrow, blocks, 'of patients, respectively', shared predicates ---

_TWO_ARM_OPENING = [("title", "Phase 3 KAPPA trial: adding inotuzumab to chemotherapy in children with relapsed ALL"),
                    ("body", "KAPPA randomized 200 patients to inotuzumab plus chemotherapy or chemotherapy alone.")]


def test_marrow_cr_crh_after_block_two_is_the_composite_in_two_blocks_per_arm():
    """Regression: marrow_cr_crh_read_as_cr ('marrow CR' outranked 'CR/CRh'; '% of patients, respectively' lost the arms)."""
    doc = _doc(_TWO_ARM_OPENING + [
        ("body", "• Remission with marrow CR/CRh after block 2 was reached by 90.0% and 80.0% of patients, respectively.")])
    got = _facts(doc)
    assert ("CR_CRI", "inotuzumab", 90.0, "rate", "2cycles") in got
    assert ("CR_CRI", "chemotherapy", 80.0, "rate", "2cycles") in got


def test_after_block_one_stays_the_first_cycle():
    from extractors.evidence.numbers import find_windows
    assert [w.code for w in find_windows("CR after block 1; MRD after block 3")] == ["cycle1", "3cycles"]


def test_shares_listed_before_one_predicate_all_take_its_endpoint():
    """Regression: first_share_kept_the_previous_clause_endpoint ('; 40 (40.0%) and 55 (55.0%) went on to transplant')."""
    doc = _doc(_TWO_ARM_OPENING + [
        ("body", "• Sinusoidal obstruction syndrome affected 8 patients (8.0%) on inotuzumab and 1 (1.0%) on "
                 "chemotherapy; 40 (40.0%) and 55 (55.0%) went on to allogeneic transplant.")])
    got = _facts(doc)
    assert [f[0] for f in got if f[2] in (40.0, 55.0)] == ["ALLOHSCT", "ALLOHSCT"]
    assert ("VOD", "inotuzumab", 8.0, "rate", None) in got


def test_a_share_after_its_own_endpoint_keeps_it_before_a_later_predicate():
    """Negative rule: 'The CR rate was 40.0%, and 30.0% achieved MRD negativity' keeps 40.0 a CR rate."""
    doc = _doc(_TWO_ARM_OPENING + [("body", "In the inotuzumab arm the CR rate was 40.0%, and 30.0% achieved MRD negativity.")])
    got = _facts(doc)
    assert [f[0] for f in got if f[2] == 40.0] == ["CR"]
    assert [f[0] for f in got if f[2] == 30.0] == ["MRD_NEG"]


# --- CLL phrasings: an unreached median before the comparator's, CR with incomplete marrow recovery ---

_CLL_OPENING = [("title", "OMEGA: A Randomized Phase III Trial of Ibrutinib Versus Chemoimmunotherapy in Untreated CLL"),
                ("body", "Patients were randomly assigned to ibrutinib or chemoimmunotherapy.")]


def test_a_median_after_not_reached_versus_is_the_comparators():
    """Regression: median_after_not_reached_took_the_experimental_arm ('not reached v 52.7 months')."""
    doc = _doc(_CLL_OPENING + [("body", "Median PFS was not reached v 48.5 months (95% CI, 40.1 to not reached).")])
    assert [(f[0], f[1], f[2]) for f in _facts(doc)] == [("PFS", "chemotherapy", 48.5)]


def test_a_median_before_not_reached_stays_the_experimental_arms():
    """Negative rule: only a value after 'not reached v' is the comparator's."""
    doc = _doc(_CLL_OPENING + [("body", "Median overall survival was 40.2 months v not reached.")])
    assert [(f[0], f[1], f[2]) for f in _facts(doc)] == [("OS", "ibrutinib", 40.2)]


def test_complete_response_or_cr_with_incomplete_marrow_recovery_is_the_composite():
    doc = _doc(_CLL_OPENING + [
        ("body", "Complete response or CR with incomplete marrow recovery occurred in 35.0% v 28.0%.")])
    got = _facts(doc)
    assert ("CR_CRI", "ibrutinib", 35.0, "rate", None) in got
    assert ("CR_CRI", "chemotherapy", 28.0, "rate", None) in got


# --- a window in the endpoint's own phrase governs both values of a pair ---

def test_a_window_inside_the_endpoint_phrase_covers_both_arms_of_the_pair():
    """Regression: window_reached_only_the_nearest_value ('MRD ... at the end of induction was found in A% ... and B%')."""
    doc = _doc(_TWO_ARM_OPENING + [
        ("body", "Of 200 patients (median age, 9 years; 110 boys), MRD below 10^-4 at the end of induction was found "
                 "in 80 of 100 (80.0%) in the inotuzumab arm and 60 of 100 (60.0%) in the chemotherapy arm.")])
    got = _facts(doc)
    assert ("MRD_NEG", "inotuzumab", 80.0, "rate", "EOI") in got
    assert ("MRD_NEG", "chemotherapy", 60.0, "rate", "EOI") in got


def test_a_window_after_its_value_stays_with_that_value():
    """Negative rule: 'CR was 80.0% after cycle 1 and 90.0% after cycle 2' keeps one window per value."""
    from extractors.evidence.readings import read_clause
    got = [(r.value, r.timepoint) for r in read_clause("CR was 80.0% after cycle 1 and 90.0% after cycle 2.")]
    assert got == [(80.0, "cycle1"), (90.0, "cycle2")]


def test_a_clause_continuing_a_windowed_pair_keeps_the_window():
    """Regression: continued_clause_lost_its_window ('at the end of treatment was A% v B%; in bone marrow, C% v D%')."""
    doc = _doc(_CLL_OPENING + [
        ("body", "Undetectable MRD in peripheral blood at the end of treatment was 60.5% v 45.5% (P = .01); in bone "
                 "marrow, 44.0% v 35.0%.")])
    got = _facts(doc)
    assert ("MRD_NEG", "ibrutinib", 44.0, "rate", "EOT") in got
    assert ("MRD_NEG", "chemotherapy", 35.0, "rate", "EOT") in got


def test_a_later_clause_naming_its_own_endpoint_takes_no_window_from_the_one_before():
    """Negative rule: '; overall, 60.0% had a CR' names its endpoint, so the earlier clause's window is not its own."""
    from extractors.evidence.readings import read_clause
    got = [(r.value, r.timepoint) for r in read_clause("CR after cycle 1 was 40.0%; overall, 60.0% had a CR.")]
    assert got == [(40.0, "cycle1"), (60.0, None)]
