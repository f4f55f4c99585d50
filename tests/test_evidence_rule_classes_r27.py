"""Rule classes of issue 11, round 25: registry postings and letters. A posting's 'Acronym:' field and its outcome
tables ('Units: percentage of participants', a denominators row, 'Participants in <the caption's response>'); a letter
that reports an unnamed study, registered outside ClinicalTrials.gov and named only in its acknowledgements, beside an
outside 'For comparison' cohort; a plain-language 'had not got worse'; a bullet opening with its landmark; a results
table's stub header holding the time of every row; a later clause's own '2-year cumulative incidence of chronic GVHD';
common haematology drugs the gazetteer lacked; a booktabs table whose column gaps are no wider than a large font's
word gap.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.arms import find_arms
from extractors.evidence.extract import extract_evidence
from extractors.pdf.cache import ingest_file
from schemas.document import Cell, Table
from schemas.settings import ExtractSettings, IngestSettings
from tests.fixtures.blind_report_pdfs import Layout, typeset
from tests.test_evidence_report_rules import SHA, _doc


def _table(header, rows, caption) -> Table:
    return Table(table_id=f"{SHA[:12]}:Table 3", label="Table 3", page=1, header=header, caption=caption,
                 rows=tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                                  for c, t in enumerate(row)) for r, row in enumerate(rows)))


POSTING = [
    ("title", "ClinicalTrials.gov Study Results: NCT20990417"),
    ("body", "Brief Title: Gilteritinib Versus Salvage Chemotherapy in Relapsed FLT3-Mutated AML"),
    ("body", "Acronym: WREN"),
    ("body", "Study Type: Interventional. Allocation: Randomized. Enrollment (Actual): 140 participants."),
]


def test_a_registry_postings_acronym_field_names_the_study():
    """Regression: posting_acronym_unread (a ClinicalTrials.gov posting titled by its NCT number and naming its acronym
    only in the 'Acronym:' field went by the registry number, so no record carried the study's name)."""
    table = _table(("Measure", "Gilteritinib", "Salvage chemotherapy"),
                   (("Overall Number of Participants Analyzed", "71", "69"),
                    ("Participants in complete remission", "30 (42.3%)", "17 (24.6%)")),
                   "Table 3. Complete remission by day 56 (Units: percentage of participants; Measure Type: Count of "
                   "Participants)")
    records = extract_evidence(_doc(POSTING, (table,)))
    assert {r.trial for r in records if r.source == "table"} == {"WREN"}


def test_a_postings_outcome_tables_read_declared_units_and_responder_rows():
    """Regression: posting_outcome_tables_unread (bare cells under '(Units: percentage of participants ...)' had no
    unit, and a 'Participants in complete remission' row named its response only as a population: none of a posting's
    outcome tables gave a record; the denominators row stays no result)."""
    landmark = _table(("Measure", "Gilteritinib", "Salvage chemotherapy"),
                      (("Overall Number of Participants Analyzed", "71", "69"),
                       ("Overall survival at 1 year", "37.5 (26.4 to 48.6)", "16.7 (8.9 to 26.5)")),
                      "Table 4. Overall survival at 1 year (Units: percentage of participants; Measure Type: Number "
                      "[95% Confidence Interval])")
    remission = _table(("Measure", "Gilteritinib", "Salvage chemotherapy"),
                       (("Overall Number of Participants Analyzed", "71", "69"),
                        ("Participants in complete remission", "30 (42.3%)", "17 (24.6%)")),
                       "Table 3. Complete remission by day 56 (Units: percentage of participants; Measure Type: Count "
                       "of Participants)")
    records = [r for r in extract_evidence(_doc(POSTING, (remission, landmark))) if r.source == "table"]
    got = {(r.endpoint, r.arm, r.value, r.statistic, r.timepoint, r.ci_low) for r in records}
    assert got == {("CR", "gilteritinib", 42.3, "rate", "d56", None), ("CR", "chemotherapy", 24.6, "rate", "d56", None),
                   ("OS", "gilteritinib", 37.5, "landmark", "1y", 26.4), ("OS", "chemotherapy", 16.7, "landmark", "1y", 8.9)}


LETTER = [
    ("title", "Pre-emptive venetoclax for molecular relapse of NPM1-mutated AML after transplantation"),
    ("body", "Dear Editor,"),
    ("body", "Azacitidine given for rising NPM1 transcripts after transplantation cleared them in 41% of patients in the "
             "RELAZA2 study. We report a prospective single-arm phase 2 study (ISRCTN55012946) of venetoclax with "
             "azacitidine for molecular relapse."),
    ("body", "Of 26 patients treated, 17 (65.4%) became MRD negative after two cycles. For comparison, 1-year "
             "overall survival was 48% in a matched registry cohort of 61 patients who received azacitidine alone."),
    ("body", "Acknowledgements: The Heronsgate study was funded by a national leukaemia charity."),
]


def test_a_letters_unnamed_study_is_named_by_its_acknowledgements_not_the_cited_trial():
    """Regression: letter_took_cited_study (a letter reporting 'a prospective single-arm phase 2 study (ISRCTN...)' and
    naming it only in 'The X study was funded by ...' went by the trial its first sentence cited)."""
    records = extract_evidence(_doc(LETTER))
    assert {(r.trial, r.endpoint, r.value) for r in records if r.endpoint == "MRD_NEG"} == \
        {("Heronsgate", "MRD_NEG", 65.4)}


def test_an_outside_cohort_set_beside_a_single_arm_study_is_no_second_arm():
    """Regression: external_comparison_cohort_two_arms ('For comparison, ... in a matched registry cohort of 61' made a
    single-arm letter two-armed, so its figures lost the study therapy, and the outside figures counted as its own)."""
    records = extract_evidence(_doc(LETTER))
    assert {r.arm for r in records if r.trial == "Heronsgate"} == {"venetoclax"}
    assert not [r for r in records if r.value in (48.0, 61.0)]


@pytest.mark.parametrize("sentence, code", [
    ("\u2022 After 2 years, the lymphoma had not got worse in 71.3% of people in the first group and 64.0% in the "
     "second group.", "24mo"),
    ("The lymphoma had not got worse after 2 years in 71.3% and 64.0%.", "24mo"),
])
def test_a_plain_language_not_got_worse_is_progression_free_survival(sentence, code):
    """Regression: lay_progression_phrase_unread (a plain-language summary's 'had not got worse', and a bullet opening
    with 'After 2 years,' were no progression-free landmark)."""
    records = extract_evidence(_doc([
        ("title", "Two ways of treating follicular lymphoma: a plain language summary of the Tarn study"),
        ("body", "A computer chose at random which treatment each person received."),
        ("body", sentence)]))
    assert {(r.endpoint, r.value, r.statistic) for r in records} == {("PFS", 71.3, "landmark"), ("PFS", 64.0, "landmark")}
    assert {r.timepoint for r in records} == {"2y"}


def test_a_stub_headers_time_dates_every_row():
    """Regression: stub_header_time_unread ('Outcome at 3 years | A | B': the rows' cumulative incidences took no time,
    so a cell restating a body figure whose clause borrowed another clause's window was dropped as a restatement)."""
    table = _table(("Outcome at 3 years", "Transplant (n=88)", "No transplant (n=140)"),
                   (("Chronic GVHD, % (95% CI)", "31.4 (22.0-41.2)", "-"),),
                   "Table 2: Outcomes by strategy")
    records = extract_evidence(_doc([
        ("title", "Allogeneic transplantation versus no transplantation after CAR T cells: the Wicken registry"),
        ("body", "Patients who did or did not proceed to transplant were compared.")], (table,)))
    assert {(r.endpoint, r.value, r.timepoint) for r in records if r.source == "table"} == {("GVHD", 31.4, "3y")}


def test_a_later_clauses_own_landmark_outranks_an_earlier_window():
    """Regression: incidence_landmark_lost_to_window ('... by day 100 ..., and the 2-year cumulative incidence of chronic
    GVHD was 22%' dated the chronic GVHD figure by day 100)."""
    records = extract_evidence(_doc([
        ("title", "Post-transplant cyclophosphamide in older recipients: the Marram study"),
        ("body", "In this single-arm study, 64 patients received post-transplant cyclophosphamide."),
        ("body", "Grade II-IV acute GVHD by day 100 occurred in 14 of 64 (21.9%), and the 2-year cumulative incidence "
                 "of extensive chronic GVHD was 12.5%.")]))
    assert {(r.value, r.timepoint) for r in records if r.endpoint == "GVHD"} == {(21.9, "d100"), (12.5, "2y")}


@pytest.mark.parametrize("text, arm", [
    ("ATRA and arsenic trioxide", "tretinoin"),
    ("arsenic trioxide with idarubicin", "arsenic trioxide"),
    ("ivosidenib plus azacitidine", "ivosidenib"),
    ("CPX-351", "cpx-351"),
    ("the AIDA regimen", "aida"),
])
def test_common_haematology_drugs_name_arms(text, arm):
    """Regression: drug_gazetteer_gaps (ATRA, arsenic trioxide, IDH and menin inhibitors, CPX-351 and AIDA named no arm)."""
    assert find_arms(text, ExtractSettings().gazetteer_dir)[0].arm == arm


TIGHT_TABLE = """Efficacy of a trispecific antibody: slide text

Slide 5 - Response by histology
Table. Best response by histology
| Histology | n | ORR, n (%) | CR, n (%) |
|---|---|---|---|
| DLBCL, all doses | 41 | 25 (61.0) | 17 (41.5) |
| DLBCL, 20 mg or more | 24 | 18 (75.0) | 13 (54.2) |
| Follicular, all doses | 16 | 14 (87.5) | 11 (68.8) |
ORR, overall response rate; CR, complete response.
"""


def test_a_booktabs_table_with_word_gap_columns_keeps_its_columns(tmp_path):
    """Regression: tight_booktabs_columns_merged (a landscape slide's booktabs table set in 11 pt with 6 pt between
    columns kept 'Histology n ORR' as one column, as the usual gap found the widest split only)."""
    pdf = typeset(TIGHT_TABLE, Layout(columns=2, font="Helvetica", size=11.0, table_style="booktabs", landscape=True),
                  tmp_path / "slides.pdf")
    doc = ingest_file(pdf, IngestSettings(cache_dir=tmp_path / "cache"))
    assert [t.header for t in doc.tables] == [("Histology", "n", "ORR, n (%)", "CR, n (%)")]
    assert [c.text for c in doc.tables[0].rows[0]] == ["DLBCL, all doses", "41", "25 (61.0)", "17 (41.5)"]


def test_a_drug_joined_to_a_placebo_is_the_control_arm():
    """Regression: add_on_placebo_backbone ('37 (18.0%) of 205 with azacitidine-placebo' took the backbone drug, the
    experimental arm's first word, as its arm)."""
    arms = find_arms("with decitabine-venetoclax and 12 of 40 with decitabine-placebo", ExtractSettings().gazetteer_dir)
    assert [(a.arm, a.control) for a in arms] == [("decitabine", False), ("venetoclax", False),
                                                  ("decitabine-placebo", True)]


STRATEGY = [
    ("title", "Allogeneic transplantation versus chemotherapy consolidation for AML in first remission: the Stour trial"),
    ("body", "A total of 310 patients underwent randomization: 156 were assigned to the transplantation group and 154 to "
             "the chemotherapy group."),
]


@pytest.mark.parametrize("sentence, expected", [
    ("In the transplantation group, 139 patients (89.1%) underwent HCT in first remission.",
     {("ALLOHSCT", "allogeneic hct", 89.1)}),
    ("A total of 41 patients in the transplantation group and 50 in the chemotherapy group died.", set()),
    ("Among the 139 patients who underwent HCT in first remission, grade III or IV acute GVHD occurred in 15 (10.8%).",
     {("GVHD", "allogeneic hct", 10.8)}),
])
def test_transplant_shares_deaths_and_the_transplanted_subgroup_in_a_strategy_trial(sentence, expected):
    """Regression: strategy_trial_counts ('139 patients (89.1%) underwent HCT' gave no transplant rate in a transplant
    versus chemotherapy trial; '41 patients in A and 50 in B died' and 'Among the 139 patients who underwent HCT' were
    read as enrolments)."""
    records = extract_evidence(_doc(STRATEGY + [("body", sentence)]))
    assert {(r.endpoint, r.arm, r.value) for r in records if r.value not in (310, 156, 154)} == expected


def test_a_bare_ratio_among_a_subgroup_continues_the_last_ratios_endpoint():
    """Regression: subgroup_ratio_without_endpoint ('The hazard ratio was 0.61 (...) among patients 50 years of age or
    older' gave no record: the sentence names no endpoint)."""
    records = extract_evidence(_doc(STRATEGY + [
        ("body", "Relapse-free survival at 3 years was 62.0% in the transplantation group and 45.1% in the chemotherapy "
                 "group (hazard ratio, 0.60; 95% CI, 0.43 to 0.84)."),
        ("body", "The hazard ratio was 0.61 (95% CI, 0.38 to 0.98) among patients 50 years of age or older.")]))
    assert {(r.endpoint, r.value) for r in records if r.statistic == "hazard_ratio"} == {("RFS", 0.60), ("RFS", 0.61)}


def test_a_row_labels_subgroup_before_a_colon_is_not_its_measure():
    """Regression: subgroup_prefix_read_as_endpoint ('MRD-negative: relapse-free survival at 3 yr' was read as MRD
    negativity, not the subgroup's relapse-free survival)."""
    table = _table(("Subgroup", "Transplantation", "Chemotherapy"),
                   (("MRD-negative: relapse-free survival at 3 yr, %", "66.4", "60.2"),),
                   "Table 3. Relapse-free survival in subgroups")
    records = [r for r in extract_evidence(_doc(STRATEGY, (table,))) if r.source == "table"]
    assert {(r.endpoint, r.value, r.timepoint) for r in records} == {("RFS", 66.4, "3y"), ("RFS", 60.2, "3y")}


@pytest.mark.parametrize("sentence, size", [
    ("Three hundred twelve people from 11 countries took part between 2021 and 2023.", 312),
    ("Study Type: Interventional. Enrollment (Actual): 204 participants.", 204),
])
def test_lay_and_registry_enrolment_phrasings_size_the_study(sentence, size):
    """Regression: took_part_and_enrollment_field_unread (a plain-language 'N people ... took part' and a posting's
    'Enrollment (Actual): N participants' gave no enrolment)."""
    records = extract_evidence(_doc([
        ("title", "Stopping or continuing ibrutinib for CLL: a plain language summary of the Sallow study"),
        ("body", "A computer chose at random which treatment each person received."),
        ("body", sentence)]))
    assert {(r.endpoint, r.value) for r in records} == {("ENROLLED", size)}


def test_an_estimated_enrolment_is_no_result():
    """Negative: a posting's planned 'Enrollment (Estimated): 300 participants' is no enrolment."""
    records = extract_evidence(_doc([
        ("title", "ClinicalTrials.gov record: NCT20990418"),
        ("body", "Study Type: Interventional. Enrollment (Estimated): 300 participants.")]))
    assert not records


@pytest.mark.parametrize("sentence, expected", [
    ("\u2022 Day-56 marrow: 31 of 36 infused patients (86.1%) reached CR or CRi; CR alone in 24 (66.7%).",
     {("CR_CRI", 86.1, "d56"), ("CR", 66.7, "d56")}),
    ("\u2022 Overall response at EOT: 81.2% with the combination vs 60.4% with the control; complete response 51.0% vs "
     "33.3%.", {("ORR", 81.2, "EOT"), ("ORR", 60.4, "EOT"), ("CR", 51.0, "EOT"), ("CR", 33.3, "EOT")}),
])
def test_a_bullets_labelled_window_covers_its_later_clauses(sentence, expected):
    """Regression: label_window_lost_after_semicolon ('Day-28 marrow: ...; CR alone in 19 (63.3%)' and 'Objective
    response at EOT: ...; complete metabolic response 55.6% vs 25.7%' dated only the first clause)."""
    records = extract_evidence(_doc([
        ("title", "Response by group: interim results of the Sedge trial"),
        ("body", "Adults were randomly assigned to the combination or to the control."),
        ("body", sentence)]))
    assert {(r.endpoint, r.value, r.timepoint) for r in records} == expected


def test_a_postings_statistical_analysis_lines_give_the_measures_ratios():
    """Regression: posting_ratio_lines_unread ('Method of estimation: Hazard Ratio (HR), stratified Cox model; Estimated
    value 0.61' named no endpoint and its value was no ratio; 'Hazard Ratio (HR) for death' was no overall survival)."""
    records = extract_evidence(_doc(POSTING + [
        ("body", "Outcome Measures 1. Primary Outcome Measure: Event-Free Survival (EFS). Time Frame: up to 36 months."),
        ("body", "Statistical Analysis, Outcome Measure 1: Comparison groups: Gilteritinib, Salvage chemotherapy. Method: "
                 "log-rank test, P-Value 0.004. Method of estimation: Hazard Ratio (HR), stratified Cox model; Estimated "
                 "value 0.61; 95% Confidence Interval 0.43 to 0.87."),
        ("body", "Statistical Analysis, Outcome Measure 3: Method of estimation: Hazard Ratio (HR) for death, Estimated "
                 "value 0.72; 95% Confidence Interval 0.50 to 1.04.")]))
    assert {(r.endpoint, r.value) for r in records if r.statistic == "hazard_ratio"} == {("EFS", 0.61), ("OS", 0.72)}


def test_a_participant_flow_tables_started_row_enrols_each_arm():
    """Regression: participant_flow_unread (a posting's 'STARTED | 98 | 95' row gave no per-arm enrolment: a table of
    counts without percentages is no results table; 'Drug + Placebo' named the backbone drug)."""
    flow = _table(("Period", "Gilteritinib + Azacitidine", "Azacitidine + Placebo"),
                  (("STARTED", "74", "72"), ("COMPLETED", "30", "21")), "Table 1. Participant flow")
    records = extract_evidence(_doc(POSTING, (flow,)))
    assert {(r.endpoint, r.arm, r.value) for r in records if r.source == "table"} == {
        ("ENROLLED", "gilteritinib", 74.0), ("ENROLLED", "azacitidine-placebo", 72.0)}


def test_an_arms_label_before_its_count_after_an_enrolment_colon_sizes_the_arm():
    """Regression: label_count_list_unread ('284 patients randomised: PVR 143, VR 141' sized neither arm)."""
    records = extract_evidence(_doc([
        ("title", "Pirtobrutinib with venetoclax and obinutuzumab versus venetoclax and obinutuzumab in CLL: the Heath trial"),
        ("body", "Patients were randomly assigned to pirtobrutinib plus venetoclax and obinutuzumab (PVO) or to venetoclax "
                 "and obinutuzumab (VO)."),
        ("body", "\u2022 312 patients randomised: PVO 157, VO 155")]))
    assert {(r.arm, r.value) for r in records if r.endpoint == "ENROLLED"} == {
        (None, 312.0), ("pirtobrutinib", 157.0), ("venetoclax", 155.0)}


def test_a_clause_running_over_a_block_break_is_part_of_the_document():
    """Regression: joined_bullets_lost_abbreviations (bullets the sentence splitter runs into one clause are read as one
    line, which the document's text, with its block breaks, did not contain: the document's arm abbreviations, strategy
    arms and NER names did not apply to them)."""
    from extractors.nlp.ner_mentions import part_of_document
    document = "Arms\n\n\u2022 PVO: pirtobrutinib\n\n\u2022 312 patients randomised: PVO 157, VO 155\n\n\u2022 Median age 66"
    assert part_of_document("\u2022 312 patients randomised: PVO 157, VO 155  \u2022 Median age 66", document)
    assert not part_of_document("\u2022 311 patients randomised", document)


@pytest.mark.parametrize("name, text, verdict", [
    ("PVO 157", "\u2022 PVO (the experimental arm): pirtobrutinib ... \u2022 randomised: PVO 157, VO 155", True),
    ("SY 1012", "SY 1012 is a CD19-directed antibody; 40 patients received SY 1012.", False),
])
def test_a_spaced_code_whose_letters_stand_alone_is_an_arm_and_its_count(name, text, verdict):
    """Regression: short_form_count_read_as_product_code (the NER took 'PVR 143', an arm's label and its count, for a
    sponsor product code, which then hid the arm)."""
    from extractors.nlp.ner_mentions import _short_form_and_count
    assert _short_form_and_count(name, text) is verdict


@pytest.mark.parametrize("subtitle, trial", [
    ("Results from the dose-escalation part of a first-in-human study", "ZR-511"),
    ("Results of the dose-escalation cohorts of NCT20990419", "NCT20990419"),
])
def test_a_first_in_human_study_led_by_its_drug_code_goes_by_the_code(subtitle, trial):
    """Regression: code_led_study_named_by_registry ('QX-318, an oral menin inhibitor, in ...: results from a
    first-in-human study', registered in Methods, went by its NCT number; a title that prints the number keeps it)."""
    records = extract_evidence(_doc([
        ("title", "ZR-511, an oral menin inhibitor, in relapsed KMT2A-rearranged acute leukaemia"),
        ("body", subtitle),
        ("body", "Methods: This open-label phase 1 study (NCT20990419) enrolled adults with relapsed acute leukaemia. "
                 "ZR-511 is a potent, once-daily menin inhibitor."),
        ("body", "Results: Complete remission was reached by 14 of 52 patients (26.9%).")]))
    assert {(r.trial, r.arm, r.value) for r in records if r.endpoint == "CR"} == {(trial, "zr-511", 26.9)}


SINGLE = [("title", "Pirtobrutinib and venetoclax in mantle cell lymphoma: the Kestrel trial"),
          ("body", "In this single-arm phase 2 study, 96 adults were enrolled.")]


@pytest.mark.parametrize("sentence", [
    "A cohort of 40 further patients with TP53-mutated disease is enrolling.",
    "A phase 3 trial of 480 patients against bendamustine-rituximab is planned.",
    "An expansion cohort will enrol 30 patients at the recommended dose.",
    "Among the 44 patients with a TP53 mutation, the overall response rate was 81.8%.",
    "Among the 31 patients transplanted in first remission, the overall response rate was 81.8%.",
])
def test_future_cohorts_and_feature_subgroups_are_no_enrolment(sentence):
    """Regression: planned_and_subgroup_counts_enrolled ('a cohort of 40 further patients ... is enrolling', 'A phase 3
    trial of 480 patients ... is planned', 'Among the 214 patients with NPM1-mutated disease' were read as enrolments)."""
    records = extract_evidence(_doc(SINGLE + [("body", sentence)]))
    assert {r.value for r in records if r.endpoint == "ENROLLED"} == {96.0}


@pytest.mark.parametrize("sentence, values", [
    ("Secondary end points were overall survival and MRD response by flow cytometry (threshold, 0.01%).", set()),
    ("Patients with MRD of 0.01% or more at the end of induction were eligible.", set()),
    ("MRD negativity was 61.5% at the 10^-5 threshold; at the more stringent 10^-6 threshold, 41.7%.", {61.5, 41.7}),
])
def test_an_assays_threshold_is_no_rate(sentence, values):
    """Regression: assay_threshold_read_as_rate ('(threshold, 0.01%)' became an overall survival of 0.01%, and 'MRD of
    0.01% or more' a rate; a rate given at a threshold stays a rate)."""
    records = extract_evidence(_doc(SINGLE + [("body", sentence)]))
    assert {r.value for r in records if r.endpoint != "ENROLLED"} == values


TWO_ARM = [("title", "Pirtobrutinib plus venetoclax-rituximab versus venetoclax-rituximab in CLL: the Heath trial"),
           ("body", "Patients were randomly assigned to pirtobrutinib plus venetoclax and rituximab (PVR) or venetoclax and "
                    "rituximab (VR).")]


@pytest.mark.parametrize("sentence", [
    "\u2022 Pirtobrutinib alone after a covalent BTKi: median PFS 14.0 months in HALCYON CLL-204",
    "The result builds on FENWICK, which moved the combination into practice after it raised 2-year progression-free "
    "survival to 76.7%, from 70.2% with R-CHOP.",
    "Venetoclax improved PFS when combined with rituximab in CORMORANT-3 (median 53.6 v 17.0 months).",
])
def test_figures_tied_to_another_named_study_are_that_studys(sentence):
    """Regression: other_study_figure_kept ('median PFS 14.0 months in BRUIN CLL-321', 'POLARIX, which ... raised ...',
    'in DREAMM-7 (median 36.6 v 13.4 months)' in a report's introduction were read as the report's own results)."""
    records = extract_evidence(_doc(TWO_ARM + [("body", sentence)]))
    assert {r.value for r in records if r.endpoint != "ENROLLED"} == set()


def test_an_own_figure_before_another_studys_figure_is_kept():
    """Negative: 'The overall response rate was 80.0% with PVR, against 61.0% in ELEVATE.' keeps the report's own 80.0%
    (another figure stands between it and the other study's name)."""
    records = extract_evidence(_doc(TWO_ARM + [("body", "The overall response rate was 80.0% with PVR, against 61.0% in "
                                                         "ELEVATE.")]))
    assert {r.value for r in records if r.endpoint == "ORR"} == {80.0}


@pytest.mark.parametrize("sentence, expected", [
    ("The composite complete remission rate (CR + CRh + CRi) was 61.2% (30/49).", {("CR_CRI", 61.2)}),
    ("The overall response rate, which also counted partial remission, was 77.6% (38/49).", {("ORR", 77.6)}),
])
def test_a_gloss_defining_an_endpoint_names_no_endpoint_of_its_own(sentence, expected):
    """Regression: endpoint_gloss_broke_reading ('composite complete remission rate (CR + CRh + CRi) was 63.0%' and 'the
    overall response rate, which also counted ... partial remission, was 78.3%' gave no record)."""
    records = extract_evidence(_doc(SINGLE + [("body", sentence)]))
    assert {(r.endpoint, r.value) for r in records if r.endpoint != "ENROLLED"} == expected


def test_arm_counts_in_an_enrolment_bracket_size_the_arms():
    """Regression: bracketed_arm_counts_unread ('375 were infused (ide-cel, 214; cilta-cel, 161)' sized neither arm)."""
    records = extract_evidence(_doc([
        ("title", "Idecabtagene vicleucel versus ciltacabtagene autoleucel in myeloma: outcomes from the Fallow registry"),
        ("body", "Of 398 patients who underwent leukapheresis, 371 were infused (ide-cel, 210; cilta-cel, 161).")]))
    assert {(r.arm, r.value) for r in records if r.arm} == {("idecabtagene vicleucel", 210.0),
                                                            ("ciltacabtagene autoleucel", 161.0)}


def test_a_subgroup_ineligible_for_the_registration_trials_is_the_reports_own():
    """Regression: eligibility_for_other_trials_read_as_other_study ('Among patients who would not have been eligible
    for the registration trials, 12-month PFS was 38.4% and 64.0%' was dropped as another study's figures)."""
    records = extract_evidence(_doc([
        ("title", "Idecabtagene vicleucel versus ciltacabtagene autoleucel in myeloma: outcomes from the Fallow registry"),
        ("body", "Among patients who would not have been eligible for the registration trials, 12-month progression-free "
                 "survival was 36.1% with ide-cel and 61.9% with cilta-cel.")]))
    assert {(r.value, r.timepoint) for r in records} == {(36.1, "12mo"), (61.9, "12mo")}


def test_and_that_of_continues_the_figure_before_it():
    """Regression: that_of_lost_landmark ('The 2-year cumulative incidence of chronic GVHD was 36.5%, and that of
    extensive chronic GVHD 14.1%' gave the second figure no time)."""
    records = extract_evidence(_doc(SINGLE + [("body", "The 2-year cumulative incidence of chronic GVHD was 33.3%, and "
                                                       "that of extensive chronic GVHD 12.5%.")]))
    assert {(r.value, r.timepoint) for r in records if r.endpoint == "GVHD"} == {(33.3, "2y"), (12.5, "2y")}


@pytest.mark.parametrize("sentence, expected", [
    ("\u2022 Alive at 12 months, 71.4%; at 18 months, 57.1%.", {("OS", 71.4, "12mo"), ("OS", 57.1, "18mo")}),
    ("\u2022 Alive at 24 mo: 81.0%.", {("OS", 81.0, "24mo")}),
    ("\u2022 Progression-free: 18 mo 73.8%; 24 mo 66.7%", {("PFS", 73.8, "18mo"), ("PFS", 66.7, "24mo")}),
])
def test_a_cards_survival_labels_give_landmarks(sentence, expected):
    """Regression: card_survival_labels_unread ('Alive at 24 mo: 84.0%', 'Progression-free: 18 mo 76.1%; 24 mo 69.8%'
    on posters and cards gave no landmark)."""
    records = extract_evidence(_doc(SINGLE + [("body", sentence)]))
    assert {(r.endpoint, r.value, r.timepoint) for r in records if r.endpoint != "ENROLLED"} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Complete remission or CRh was reached by 85.4% and 80.2%, respectively.", {("CR_CRI", 85.4), ("CR_CRI", 80.2)}),
    ("Twelve responders (70.6%) proceeded to allogeneic hematopoietic-cell transplantation.", {("ALLOHSCT", 70.6)}),
])
def test_spelled_composites_and_hyphenated_transplants_are_endpoints(sentence, expected):
    """Regression: composite_and_transplant_spellings ('Complete remission or CRh' read as CR alone; 'allogeneic
    hematopoietic-cell transplantation' was no transplant)."""
    records = extract_evidence(_doc(TWO_ARM + [("body", sentence)]))
    assert {(r.endpoint, r.value) for r in records} == expected


LAY = [("title", "Blinatumomab or chemotherapy for children with leukaemia: a plain language summary of the Dunnock study"),
       ("body", "A computer chose at random which treatment each child received.")]


@pytest.mark.parametrize("sentence, expected", [
    ("\u2022 the blinatumomab group (98 children) had two courses of blinatumomab", {("ENROLLED", "blinatumomab", 98.0)}),
    ("After the first course, no leukaemia cells could be found with a very sensitive test in 80 of the 96 children "
     "who were tested (83.3%).", {("MRD_NEG", "blinatumomab", 83.3)}),
    ("Fewer children died from side effects of treatment in the blinatumomab group: 2 children (2.0%), compared with 7 "
     "children (7.1%) in the chemotherapy group.", {("NRM", "blinatumomab", 2.0), ("NRM", "chemotherapy", 7.1)}),
])
def test_plain_language_group_sizes_mrd_and_treatment_deaths(sentence, expected):
    """Regression: lay_summary_phrasings ('the blinatumomab group (106 children)', 'no leukaemia cells could be found
    with a very sensitive test', 'died from side effects of treatment' gave no enrolment, MRD or NRM record)."""
    records = extract_evidence(_doc(LAY + [("body", sentence)]))
    assert {(r.endpoint, r.arm, r.value) for r in records} == expected


@pytest.mark.parametrize("text", ["in the CHOP arm", "with CVP", "GemOx", "7+3 induction", "FLAG", "MEC salvage", "CLAG-M"])
def test_standard_chemotherapy_regimens_are_the_chemotherapy_arm(text):
    """Regression: bare_regimens_no_arm ('11.9 months with CHOP', '30.2% in the CHOP arm' took the experimental drug as
    their arm: CHOP without rituximab, CVP, GemOx and the AML regimens 7+3, FLAG, MEC, CLAG-M named no arm)."""
    assert [(a.arm, a.control) for a in find_arms(text, ExtractSettings().gazetteer_dir)] == [("chemotherapy", True)]
