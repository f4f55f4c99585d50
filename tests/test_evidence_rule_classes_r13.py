"""Rule classes of issue 11, round 13, on purpose-written sentences (not copied from any report)."""
from __future__ import annotations

import pytest

from extractors.evidence.arms import find_arms
from extractors.evidence.readings import read_clause


def _read(text):
    return [(r.endpoint, r.value, r.statistic, r.timepoint) for r in read_clause(text)]


@pytest.mark.parametrize("text, expected", [
    # forward: the first item's landmark covers the rest of the list
    ("Relapse-free survival at 24 months was 61% and overall survival 70%.",
     [("RFS", 61, "landmark", "24mo"), ("OS", 70, "landmark", "24mo")]),
    ("The 4-year DFS was 48.2% and OS 55.0%.", [("DFS", 48.2, "landmark", "4y"), ("OS", 55.0, "landmark", "4y")]),
    ("18-mo PFS 33%, OS 51%", [("PFS", 33, "landmark", "18mo"), ("OS", 51, "landmark", "18mo")]),
    # backward: an 'at' phrase after the last item covers the earlier ones
    ("The update gave event-free survival of 38% (95% CI, 25 to 51) and overall survival of 57% at 2 years.",
     [("EFS", 38, "landmark", "2y"), ("OS", 57, "landmark", "2y")]),
    # clause opening
    ("At 6 months, the duration-of-response rate was 70.5%, event-free survival 60.1% and overall survival 81.3%.",
     [("DOR", 70.5, "landmark", "6mo"), ("EFS", 60.1, "landmark", "6mo"), ("OS", 81.3, "landmark", "6mo")]),
])
def test_one_landmark_covers_a_list_of_survival_figures(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a median or a contrast between the items ends the shared landmark
    ("The 2-year OS was 64%, while EFS was 40%.", [("OS", 64, "landmark", "2y"), ("EFS", 40, "rate", None)]),
    # a response rate is not a survival landmark
    ("The 1-year OS was 72% and the CR rate 80%.", [("OS", 72, "landmark", "1y"), ("CR", 80, "rate", None)]),
    # a follow-up time is no landmark
    ("At a median follow-up of 12 months, EFS was 50% and OS 60%.", [("EFS", 50, "rate", None), ("OS", 60, "rate", None)]),
])
def test_shared_landmarks_stop_where_the_list_does(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text, endpoint", [
    ("The overall remission rate was 66%.", "CR_CRI"),
    ("Overall remission occurred in 66% of infused patients.", "CR_CRI"),
    ("The duration-of-response rate was 66%.", "DOR"),
    ("A marrow complete response was seen in 66% of patients.", "CR"),
    ("A complete marrow remission was seen in 66% of patients.", "CR"),
])
def test_endpoint_phrasings(text, endpoint):
    assert [r.endpoint for r in read_clause(text)] == [endpoint]


def test_median_remission_duration_is_dor():
    assert _read("The median remission duration was 7.5 months.") == [("DOR", 7.5, "median", None)]


@pytest.mark.parametrize("text, arm", [
    ("patients received the 19-28z CAR", "19-28z car t cells"),
    ("an infusion of 19-28z CAR T cells", "19-28z car t cells"),
    ("a CD22-directed CAR", "cd22 car t cells"),
    ("1 × 10^6 CD22-CAR T cells per kg", "cd22 car t cells"),
])
def test_coded_car_constructs_name_their_own_arm(text, arm):
    assert [a.arm for a in find_arms(text)] == [arm]


@pytest.mark.parametrize("text", ["CD28 CAR T cells", "a CD3 CAR", "a CD137 CAR"])
def test_signalling_domains_are_not_car_targets(text):
    assert not [a.arm for a in find_arms(text) if a.arm.startswith("cd")]


@pytest.mark.parametrize("text", ["Among 120 CAR-T cell treated children", "after CAR T-cell therapy"])
def test_an_unqualified_car_t_product_is_the_generic_cd19_arm(text):
    assert [a.arm for a in find_arms(text)] == ["CD19 CAR-T"]


def test_cd19_car_t_stays_generic():
    assert [a.arm for a in find_arms("anti-CD19 CAR T cells")] == ["CD19 CAR-T"]


@pytest.mark.parametrize("text, value", [
    ("The registry analysed 312 patients who received commercial product.", 312),
    ("The trial randomly assigned 150 adults (median age, 52 years) to drug A or drug B.", 150),
    ("In the update covering 48 newly diagnosed patients, the rate held.", 48),
    ("The investigators gave the 19-28z CAR to 37 adults with relapsed disease.", 37),
])
def test_cohort_sizes_after_other_enrolment_verbs(text, value):
    assert [(r.endpoint, r.value) for r in read_clause(text) if r.endpoint == "ENROLLED"] == [("ENROLLED", value)]


def test_a_count_of_responders_after_analysed_is_not_a_cohort():
    assert [r.endpoint for r in read_clause("Of the patients analysed, 12 patients died in remission.")] != ["ENROLLED"]


def _report(title: str):
    from tests.test_evidence_report_rules import _doc

    return _doc([("title", title),
                 ("body", "Background: CD19 CAR T cells changed relapsed ALL. The ELIANA and ZUMA-3 trials led to approval."),
                 ("body", "Results: Complete remission was reached by 81% of patients.")])


def test_poster_title_led_by_the_study_acronym_names_the_study():
    from extractors.evidence.extract import extract_evidence

    records = extract_evidence(_report("MARISOL: tisagenlecleucel in young adults with relapsed B-ALL in routine care"))
    assert {(r.trial, r.endpoint, r.value) for r in records} == {("MARISOL", "CR", 81.0)}


@pytest.mark.parametrize("title", ["Tisagenlecleucel: outcomes in young adults with relapsed B-ALL",
                                   "Blinatumomab: outcomes in young adults with relapsed B-ALL"])
def test_a_title_led_by_a_drug_or_plain_word_names_no_study(title):
    from extractors.evidence.extract import extract_evidence

    assert "Tisagenlecleucel" not in {r.trial for r in extract_evidence(_report(title))}
    assert "Blinatumomab" not in {r.trial for r in extract_evidence(_report(title))}


def test_registry_comparing_two_procedures_in_its_title_keeps_both_arms():
    from extractors.evidence.extract import extract_evidence
    from tests.test_evidence_report_rules import _doc

    doc = _doc([("title", "Anti-thymocyte globulin versus post-transplant cyclophosphamide for GVHD prophylaxis: "
                          "a registry analysis"),
                ("body", "Grade II-IV acute GVHD occurred in 33% with ATG and 21% with PTCy (P = .01)."),
                ("body", "The 3-year overall survival was 52% and 60%, respectively.")])
    got = sorted((r.endpoint, r.value, r.arm) for r in extract_evidence(doc))
    assert got == [("GVHD", 21.0, "post-transplant cyclophosphamide"), ("GVHD", 33.0, "anti-thymocyte globulin"),
                   ("OS", 52.0, "anti-thymocyte globulin"), ("OS", 60.0, "post-transplant cyclophosphamide")]


def test_major_molecular_response_is_no_endpoint_and_takes_no_neighbouring_one():
    text = ("The complete remission rate was higher (95% vs 88%; P = .01), whereas the major molecular response rate "
            "after cycle 2 was similar (61% vs 59%).")
    assert [(r.endpoint, r.value) for r in read_clause(text)] == [("CR", 95), ("CR", 88)]


def test_a_window_does_not_reach_across_a_new_phrase_with_its_own_endpoint():
    text = ("In the update, 58% had a CMR after the first cycle, MRD negativity by NGS was documented in 91%, "
            "and few patients proceeded to transplantation.")
    assert [(r.endpoint, r.value, r.timepoint) for r in read_clause(text) if r.unit == "%"] == [
        ("MRD_NEG", 58, "cycle1"), ("MRD_NEG", 91, None)]


def test_abbreviated_months_in_a_window():
    assert _read("Overall remission within 3 mo 77%") == [("CR_CRI", 77, "rate", "3mo")]


@pytest.mark.parametrize("text, values", [
    ("Of 64 patients enrolled, 52 received the infusion.", [64, 52]),
    ("In the phase 2 cohort, 90 adults were enrolled and 81 received at least one infusion.", [90, 81]),
])
def test_infused_counts_beside_enrolled_counts(text, values):
    assert [r.value for r in read_clause(text) if r.endpoint == "ENROLLED"] == values


def test_numbers_of_infusions_stay_distractors():
    assert read_clause("Patients received 2 infusions.") == []


def test_a_benchmark_trial_named_in_a_comparison_does_not_take_the_sentence():
    from extractors.evidence.attribution import TrialIndex, sentence_facts
    from extractors.nlp.trials import TrialMention

    text = "At 12 months, OS was 70%, figures close to those of ELIANA despite broader eligibility."
    start = text.index("ELIANA")
    mention = TrialMention(start, start + 6, "ELIANA", "ELIANA", None, "alias", "test")
    assert sentence_facts(text, 0, len(text), [mention], TrialIndex()).names == []


def test_a_treatment_cell_comparing_two_regimens_gives_both_arms():
    from extractors.evidence.body import _compared_arms

    assert _compared_arms("Imatinib + reduced-intensity chemotherapy vs imatinib + hyper-CVAD") == ("imatinib", "chemotherapy")  # a regimen class names the chemotherapy arm (round 21)
    assert _compared_arms("Ponatinib + prednisone") is None


@pytest.mark.parametrize("text, arm", [("Imatinib was given daily.", "imatinib"), ("Ponatinib + prednisone", "ponatinib")])
def test_gazetteer_drugs_match_when_they_open_a_sentence_or_cell(text, arm):
    assert [a.arm for a in find_arms(text)][:1] == [arm]


def test_a_name_with_its_other_name_in_parentheses_groups_with_the_first():
    from extractors.nlp.trials import group_aliases

    mapping = group_aliases(["ORCA-2", "ORCA-2", "ORCA-2 (GROUP LAL9999)"])
    assert mapping["ORCA-2 (GROUP LAL9999)"] == "ORCA-2"


def test_transplant_count_printed_only_in_an_n_over_n_column():
    from extractors.evidence.extract import extract_evidence
    from schemas.document import Cell, Table
    from tests.test_evidence_report_rules import SHA, _doc

    rows = [["Outcome", "n/N", "%"], ["Complete remission", "30/40", "75"], ["Allogeneic HSCT", "12/40", ""]]
    cells = tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                        for c, t in enumerate(row)) for r, row in enumerate(rows[1:]))
    table = Table(table_id=f"{SHA[:12]}:Table 2", page=1, label="Table 2", caption="Table 2. Outcomes",
                  header=tuple(rows[0]), rows=cells)
    doc = _doc([("title", "Blinatumomab in adults with relapsed ALL: the single-arm phase 2 ORCA-3 study"),
                ("body", "In this single-arm study, 40 adults received blinatumomab.")], (table,))
    got = sorted((r.endpoint, r.value, r.statistic) for r in extract_evidence(doc) if r.source == "table")
    assert ("ALLOHSCT", 12.0, "count") in got
    assert ("CR", 30.0, "count") not in got


@pytest.mark.parametrize("continuation", [
    "The respective figure in the chemotherapy group was 41%.",
    "This compared with 41% in the chemotherapy group.",
    "By contrast, 41% of patients in the chemotherapy group were alive.",
])
def test_continuations_without_rate_take_the_previous_landmark(continuation):
    from extractors.evidence.extract import extract_evidence
    from tests.test_evidence_report_rules import _doc

    doc = _doc([("title", "Blinatumomab versus chemotherapy: the randomized phase 3 ORION trial"),
                ("body", "Patients were randomly assigned to blinatumomab or chemotherapy. The 2-year overall survival "
                         f"was 58% with blinatumomab. {continuation}")])
    got = sorted((r.endpoint, r.value, r.statistic, r.timepoint, r.arm) for r in extract_evidence(doc))
    assert got == [("OS", 41.0, "landmark", "2y", "chemotherapy"), ("OS", 58.0, "landmark", "2y", "blinatumomab")]


def test_a_cohort_described_by_its_median_age_is_the_sample():
    from extractors.evidence.readings import ReadingContext

    got = [(r.endpoint, r.value) for r in read_clause("Sixty-three adults (median age, 54 years) started induction.",
                                                      ReadingContext(one_study=True))]
    assert got == [("ENROLLED", 63.0)]


@pytest.mark.parametrize("title, body, trial, arm", [
    ("A locally made CD19 CAR with a 4-1BB domain for adults with relapsed B-ALL: a phase 1 study",
     "KQX-7B, an academic CAR T-cell product made at the point of care, was given to 20 adults. "
     "Complete remission was reached by 70% of patients.", "KQX-7B", "kqx-7b"),
    ("Dose escalation of ZT-CAR9, a locally manufactured CD22-directed CAR T-cell product, in children",
     "We report a phase 1 trial (NCT01234567) of ZT-CAR9. Complete remission was reached by 70% of patients.",
     "NCT01234567", "zt-car9"),
])
def test_a_product_code_defined_by_apposition_is_the_therapy_not_the_study(title, body, trial, arm):
    from extractors.evidence.extract import extract_evidence
    from tests.test_evidence_report_rules import _doc

    got = {(r.trial, r.arm) for r in extract_evidence(_doc([("title", title), ("body", body)])) if r.endpoint == "CR"}
    assert got == {(trial, arm)}


@pytest.mark.parametrize("text", [
    "The median time to first response was 1.3 months.",
    "By comparison, an overall response of 52% was reported with drug X alone in a similar population.",
    "These results compare well with the 61% complete molecular response reported for drug Y.",
    "Patients with MRD of 0.1% or more after block 1 were eligible.",
])
def test_negative_rules_of_round_13(text):
    from extractors.evidence.extract import extract_evidence
    from tests.test_evidence_report_rules import _doc

    doc = _doc([("title", "Blinatumomab in adults with relapsed ALL: the single-arm phase 2 ORCA-3 study"),
                ("body", text)])
    assert extract_evidence(doc) == []


def test_a_treatment_change_in_n_patients_is_no_sample_size():
    from extractors.evidence.readings import ReadingContext

    assert read_clause("Lenalidomide was stopped in 41 patients of the cohort.", ReadingContext(one_study=True)) == []


def test_transplant_numerator_beside_its_percentage_is_no_count_fact():
    assert [(r.endpoint, r.value, r.statistic) for r in read_clause("HSCT was performed in 18 patients (12%).")] == [
        ("ALLOHSCT", 12.0, "rate")]


def _pairs(text):
    from extractors.evidence.readings import ReadingContext

    ctx = ReadingContext(default_arm="blinatumomab", control_arm="chemotherapy", one_study=True)
    return [(r.endpoint, r.value, r.statistic, r.timepoint, r.arm) for r in read_clause(text, ctx) if r.unit == "%"]


def test_a_semicolon_clause_without_endpoint_continues_the_previous_figure():
    text = ("Complete molecular response after two cycles was reached by 40 of 70 patients (57.1%) v 20 of 70 (28.6%); "
            "by the end of treatment, 66.2% v 41.0%.")
    assert _pairs(text)[2:] == [("MRD_NEG", 66.2, "rate", "EOT", "blinatumomab"), ("MRD_NEG", 41.0, "rate", "EOT", "chemotherapy")]


def test_a_semicolon_clause_keeps_its_own_timepoint():
    text = "Event-free survival at 2 years was 81.5% v 62.2% (HR, 0.48; P = .01); at 3 years, 78.1% v 55.9%."
    assert [(e, v, t) for e, v, _, t, _ in _pairs(text)] == [("EFS", 81.5, "2y"), ("EFS", 62.2, "2y"), ("EFS", 78.1, "3y"),
                                                           ("EFS", 55.9, "3y")]


def test_the_verb_inside_the_endpoint_links_values_before_it():
    text = "At 12 months, 77.5% of patients on liso-cel and 61.0% on R-GemOx were alive."
    assert [(e, v, t, a) for e, v, _, t, a in _pairs(text)] == [("OS", 77.5, "12mo", "lisocabtagene maraleucel"),
                                                              ("OS", 61.0, "12mo", "chemotherapy")]


def test_a_list_item_after_a_semicolon_and_the_second_arm_of_a_bare_pair_share_the_landmark():
    text = ("3-year relapse-free survival was 70.4% (95% CI 62.2-77.1) in the blinatumomab group and 53.9% (45.3-61.7) "
            "in the chemotherapy group (HR 0.55; p=0.001); overall survival 81.1% (73.9-86.4) and 69.3% (61.1-76.0).")
    assert [(e, v, t, a) for e, v, _, t, a in _pairs(text)] == [
        ("RFS", 70.4, "3y", "blinatumomab"), ("RFS", 53.9, "3y", "chemotherapy"),
        ("OS", 81.1, "3y", "blinatumomab"), ("OS", 69.3, "3y", "chemotherapy")]


def test_n_per_group_is_each_arms_enrolment():
    from extractors.evidence.readings import ReadingContext

    ctx = ReadingContext(default_arm="blinatumomab", control_arm="chemotherapy", one_study=True)
    got = [(r.value, r.arm) for r in read_clause("In all, 240 patients were randomly assigned (120 per group).", ctx)]
    assert got == [(240.0, None), (120.0, "blinatumomab"), (120.0, "chemotherapy")]


@pytest.mark.parametrize("text, expected", [
    ("Non-relapse mortality at 2 years was 16.4%.", [("NRM", 16.4, "rate", "2y")]),
    ("Veno-occlusive disease by day 100 occurred in 9.0% of patients.", [("VOD", 9.0, "rate", "d100")]),
    ("The 3-year relapse-free survival was 60.2% and nonrelapse mortality 12.5%.",
     [("RFS", 60.2, "landmark", "3y"), ("NRM", 12.5, "rate", "3y")]),
])
def test_cumulative_incidences_with_a_time_are_rates_over_that_period(text, expected):
    assert _read(text) == expected


def test_a_registry_number_given_only_in_methods_names_an_unnamed_study():
    from extractors.evidence.extract import extract_evidence
    from tests.test_evidence_report_rules import _doc

    filler = " ".join(["Patients were followed closely for relapse and late effects."] * 40)
    doc = _doc([("title", "Long-term follow-up of a CD19 CAR therapy in adults with relapsed ALL"),
                ("body", filler),
                ("body", "The study was registered at ClinicalTrials.gov (NCT07654321)."),
                ("body", "Complete remission was reached by 70% of patients.")])
    assert {r.trial for r in extract_evidence(doc)} == {"NCT07654321"}


def test_undetectable_mrd_at_a_numbered_cycle():
    assert _read("At cycle 9, uMRD was reached in blood by 52% and in marrow by 44%.") == [
        ("MRD_NEG", 52, "rate", "cycle9"), ("MRD_NEG", 44, "rate", "cycle9")]


def test_a_bracketed_blast_threshold_does_not_swallow_the_result_after_it():
    text = ("After the first post-randomization cycle, marrow complete response (M1 marrow, fewer than 5% blasts) "
            "was seen in 84.2% v 70.1% of patients.")
    assert [(e, v, t) for e, v, _, t in _read(text)] == [("CR", 84.2, "cycle1"), ("CR", 70.1, "cycle1")]


def test_patients_assigned_to_two_treatments_make_a_two_arm_report():
    from extractors.evidence.extract import extract_evidence
    from tests.test_evidence_report_rules import _doc

    doc = _doc([("title", "Liso-cel beats salvage chemotherapy in second-line lymphoma: the KITE-9 trial"),
                ("body", "In all, 180 patients were enrolled; 90 were assigned to liso-cel and 90 to R-GemOx. "
                         "The complete response rate was 70.1% with liso-cel versus 35.2% with R-GemOx.")])
    got = {(r.value, r.arm) for r in extract_evidence(doc) if r.endpoint == "CR"}
    assert got == {(70.1, "lisocabtagene maraleucel"), (35.2, "chemotherapy")}


def test_an_abbreviation_defined_with_a_gloss_in_its_bracket():
    from extractors.evidence.extract import _annotated_abbreviations

    text = "The primary end point was complete molecular response (CMR; BCR::ABL1 transcripts undetectable)."
    assert _annotated_abbreviations(text) == [("CMR", "complete molecular response")]
    assert _annotated_abbreviations("a rate (CR, 40%) was seen") == []


def test_an_endpoint_after_its_value_and_ci():
    got = [(r.endpoint, r.value, r.ci_low, r.ci_high) for r in
           read_clause("A 41% (95% CI 30.1-52.7) complete response rate was confirmed by independent review.")]
    assert got == [("CR", 41.0, 30.1, 52.7)]


def test_no_detectable_disease_is_mrd_negativity():
    assert _read("Of the responders, 80% had no detectable disease by next-generation sequencing.") == [
        ("MRD_NEG", 80, "rate", None)]


def test_a_randomised_report_takes_its_arms_from_its_opening_for_per_group_counts():
    from extractors.evidence.extract import extract_evidence
    from tests.test_evidence_report_rules import _doc

    doc = _doc([("title", "Blinatumomab consolidation in adults with B-ALL (HERON): a randomised, phase 3 trial"),
                ("body", "Adults in remission were randomly assigned to blinatumomab or standard chemotherapy. "
                         "In all, 240 patients were randomly assigned (120 per group).")])
    got = sorted((r.value, r.arm or "") for r in extract_evidence(doc) if r.endpoint == "ENROLLED")
    assert got == [(120.0, "blinatumomab"), (120.0, "chemotherapy"), (240.0, "")]
