"""Rule classes of issue 11, round 20: studies named only by a title's leading word, a label's 'Study X' or a registry
outside ClinicalTrials.gov; drugs and regimens of myeloma, lymphoma and CLL; titles that set a 'chemotherapy-free'
treatment against another.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.arms import find_arms
from extractors.evidence.extract import extract_evidence
from tests.test_evidence_report_rules import _doc

_SINGLE_ARM_BODY = ("body", "Forty-two adults were treated. The overall response rate was 61.9% after two cycles, "
                            "and 12-month overall survival was 70.4%.")


def _trials(paragraphs) -> set:
    return {r.trial for r in extract_evidence(_doc(paragraphs))}


@pytest.mark.parametrize("title", [
    "Thistle: a phase 2 study of ponatinib with reduced-intensity chemotherapy in older adults with Ph-positive ALL",
    "Thistle: ponatinib and reduced-intensity chemotherapy for older adults with Ph-positive ALL",
    "Thistle: dose escalation of a CD19 CAR T-cell product in relapsed ALL",
])
def test_a_title_led_by_an_ordinary_word_names_the_study_when_the_title_announces_a_study(title):
    """Regression: title_word_name_unrepeated (a poster titled 'Bramble: a phase 2 study of ...' that never printed
    the name again had no study, so every record of the report lost its trial)."""
    assert _trials([("title", title), _SINGLE_ARM_BODY]) == {"Thistle"}


@pytest.mark.parametrize("title", [
    "Relapse: patterns of failure in adults with ALL treated on cooperative-group protocols",
    "Ponatinib: what a decade of use in Ph-positive ALL has taught",
    "Background: toxicity of modern induction",
])
def test_a_title_led_by_a_topic_drug_or_heading_names_no_study(title):
    """Negative rule: a topic, a drug or a section heading before a title's colon is no study's name."""
    assert _trials([("title", title), _SINGLE_ARM_BODY]) == {None}


@pytest.mark.parametrize("sentence", [
    "The efficacy of the product was evaluated in Study Alder (NCT09900011), an open-label, single-arm trial.",
    "In the adult study (Study Alder), 42 patients were treated.",
])
def test_a_labels_study_x_names_the_study_before_its_registry_number(sentence):
    """Regression: label_study_word_name (a label's 'in Study Tarn (NCT...)' gave the registry number as the study,
    which the annotation guide names by its word)."""
    got = _trials([("title", "Prescribing information, section 14: clinical studies"), ("body", sentence),
                   ("body", "Study Alder enrolled adults with relapsed disease; the overall response rate was 61.9%.")])
    assert got == {"Alder"}


@pytest.mark.parametrize("number", ["jRCT2031249876", "jRCTs031190012", "UMIN000045678", "KCT0009876"])
def test_a_study_known_only_by_a_registry_outside_clinicaltrials_gov_takes_that_number(number):
    """Regression: jrct_registry_unread (a study registered only with the Japanese jRCT had no study: the registry
    numbers outside ClinicalTrials.gov that the frame knew did not include it, nor UMIN or the Korean KCT)."""
    got = _trials([("title", f"Dose escalation of a CD19 CAR T-cell product in adults with relapsed ALL ({number})"),
                   ("body", f"We report the first-in-human study registered as {number}."), _SINGLE_ARM_BODY])
    assert got == {number}


def test_a_product_code_with_a_dot_is_the_study_therapy():
    """Regression: dotted_product_code (a code such as 'QX22.41, a point-of-care CAR T-cell product' was no product,
    so its records took a drug the report named only as prior therapy)."""
    records = extract_evidence(_doc([
        ("title", "QX22.41, a Point-of-Care CD22 CAR T-Cell Product, in Adults with Relapsed ALL (jRCT2031249876)"),
        ("body", "Eleven patients had received inotuzumab before enrolment. Thirty adults received QX22.41; the "
                 "complete remission rate was 73.3% by day 28.")]))
    assert {r.arm for r in records if r.value == 73.3} == {"qx22.41"}


@pytest.mark.parametrize("text, arm", [
    ("pomalidomide", "pomalidomide"), ("Carfilzomib", "carfilzomib"), ("elranatamab", "elranatamab"),
    ("epcoritamab", "epcoritamab"), ("zanubrutinib", "zanubrutinib"), ("obinutuzumab", "obinutuzumab"),
    ("polatuzumab vedotin", "polatuzumab vedotin"), ("DPd", "daratumumab-pomalidomide-dexamethasone"),
    ("KRd", "carfilzomib-lenalidomide-dexamethasone"), ("R2", "lenalidomide-rituximab"),
])
def test_drugs_and_regimens_of_myeloma_lymphoma_and_cll_are_arms(text, arm):
    """Regression: myeloma_lymphoma_drugs_unknown (the drug lexicon held ALL drugs only, so 'DPd' or 'R2' was no arm
    and a myeloma or lymphoma control arm's figures went to the experimental drug)."""
    assert [a.arm for a in find_arms(f"Patients received {text} until progression.")] == [arm]


def test_a_regimen_known_by_its_letters_is_the_comparator_of_a_named_combination():
    """The comparator abbreviated as a standard regimen keeps its figures: 'v 51.0% with Kd'."""
    got = {r.value: r.arm for r in extract_evidence(_doc([
        ("title", "Talquetamab plus carfilzomib versus carfilzomib-dexamethasone in relapsed myeloma: the Quern trial"),
        ("body", "An estimated 70.2% of patients given talquetamab were alive and progression-free at 12 months, "
                 "v 51.0% with Kd.")]))}
    assert (got[70.2], got[51.0]) == ("talquetamab", "carfilzomib-dexamethasone")


@pytest.mark.parametrize("title, control", [
    ("Chemotherapy-free ibrutinib and rituximab beats bendamustine-rituximab in older adults with mantle-cell lymphoma",
     "bendamustine-rituximab"),
    ("Chemotherapy-Free Ibrutinib Plus Rituximab Versus Bendamustine Plus Rituximab in Mantle-Cell Lymphoma",
     "bendamustine"),  # a combination spelled out goes by its first drug
])
def test_a_chemotherapy_free_treatment_is_the_experimental_side_of_its_title(title, control):
    """Regression: chemotherapy_free_title_side ('Chemotherapy-free X beats Y' set chemotherapy, which the title
    says X lacks, against Y, so a bare pair gave the experimental figure to chemotherapy)."""
    got = {r.value: r.arm for r in extract_evidence(_doc([
        ("title", title),
        ("body", "Among patients with blastoid histology, 3-year progression-free survival was 48.1% vs 30.2%.")]))}
    assert (got[48.1], got[30.2]) == ("ibrutinib", control)


def _records(paragraphs) -> set:
    return {(r.endpoint, r.arm, r.value, r.statistic, r.timepoint) for r in extract_evidence(_doc(paragraphs))}


_RANDOMISED_TITLE = ("title", "Ponatinib versus imatinib with chemotherapy in Ph-positive ALL: the Larkspur trial")


def test_a_subgroup_pair_continues_the_survival_endpoint_a_figureless_sentence_names():
    """Regression: figureless_antecedent ('Event-free survival at 3 years favored IB across prespecified subgroups. The
    advantage held among patients 70 years of age or older (58.2% vs. 29.7%; ...)' read nothing: the sentence
    continued no figure, because the one before it named the endpoint and its landmark without a value)."""
    got = _records([_RANDOMISED_TITLE, ("body", (
        "Transplantation in first remission was performed in 30.1% with ponatinib and 35.2% with imatinib. "
        "Overall survival at 4 years favored ponatinib across prespecified subgroups. The advantage held among "
        "patients older than 60 years (62.4% vs. 41.0%; hazard ratio, 0.52; 95% CI, 0.31 to 0.87)."))])
    assert {("OS", "ponatinib", 62.4, "landmark", "4y"), ("OS", "imatinib", 41.0, "landmark", "4y")} <= got


def test_a_paragraph_opening_with_a_continuing_pair_takes_the_landmark_read_just_before_it():
    """Regression: antecedent_across_paragraphs ('The benefit extended to the hardest-to-treat group. In patients
    whose lymphoma progressed early, the rates were 80.3% against 48.7%.' opened a paragraph after the landmark it
    continued, so no figure of its own paragraph gave the endpoint)."""
    got = _records([_RANDOMISED_TITLE,
                    ("body", "At 2 years, 71.5% of patients given ponatinib were alive without an event, vs 55.0% "
                             "with imatinib."),
                    ("body", "The gain was largest where it was most needed. In patients with IKZF1 deletion, the "
                             "rates were 66.1% against 38.9%.")])
    assert {("EFS", "ponatinib", 66.1, "landmark", "2y"), ("EFS", "imatinib", 38.9, "landmark", "2y")} <= got


def test_a_continuing_sentence_that_names_a_response_continues_no_survival_figure():
    """Negative rule: 'In comparison, earlier constructs produced remission in 73%' is about remission, not the
    survival landmark read before it."""
    got = _records([("title", "A CD22 CAR T-cell product in relapsed ALL: the Fernhill study"),
                    ("body", "Forty adults were infused. Overall survival at 24 months was 58.0%."),
                    ("body", "In comparison, earlier CD22 constructs produced remission in 73% at their highest dose.")])
    assert not any(r[0] == "OS" and r[2] == 73.0 for r in got)


def test_an_estimate_given_with_being_continues_the_figure_before_it():
    """'..., the estimates being 38.5% and 41.2%' continues the paragraph's landmark like 'the estimates were'."""
    got = _records([_RANDOMISED_TITLE, ("body", (
        "At 3 years, overall survival was 70.2% with ponatinib and 61.0% with imatinib. Patients with a T315I "
        "mutation fared poorly either way, the estimates being 38.5% and 41.2%."))])
    assert {("OS", "ponatinib", 38.5, "landmark", "3y"), ("OS", "imatinib", 41.2, "landmark", "3y")} <= got


_TRANSPLANT_REGISTRY_TITLE = ("title", "Allogeneic transplantation versus no transplantation in first remission of "
                                       "Ph-positive ALL: a registry study")


@pytest.mark.parametrize("sentence, other", [
    ("4-year overall survival was 66.1% after an allograft and 59.8% without one.", 59.8),
    ("61.0% of transplanted patients were alive at 4 years, as against 52.3% of those not transplanted.", 52.3),
    ("4-year overall survival was 64.4% after HSCT; for those who did not undergo transplant it was 57.9%.", 57.9),
])
def test_the_untransplanted_side_named_by_what_did_not_happen(sentence, other):
    """Regression: untransplanted_side_phrasings ('77.2% without one', 'of those not transplanted', 'for those who did
    not undergo transplant it was 70.2%' gave the untransplanted figure to the transplant arm)."""
    got = {r.value: r.arm for r in extract_evidence(_doc([
        _TRANSPLANT_REGISTRY_TITLE,
        ("body", "Of 480 adults in first remission, 260 went on to an allograft and 220 did not."),
        ("body", sentence)]))}
    assert got[other] == "no transplant"


def test_mrd_guided_stopping_set_against_a_fixed_course_names_both_policies():
    """Regression: guided_vs_fixed_unread (a trial assigning patients 'to the MRD-guided strategy and ... to
    fixed-duration treatment' gave every figure to the regimen's first drug; 'the fixed course', '96.4% fixed'
    name the other policy)."""
    got = {r.value: r.arm for r in extract_evidence(_doc([
        ("title", "Stopping zanubrutinib-venetoclax when MRD clears in untreated CLL: the Brackenfield trial"),
        ("body", "Of the 500 patients randomized, 250 were assigned to the MRD-guided strategy and 250 to "
                 "fixed-duration treatment."),
        ("body", "Progression-free survival at 3 years was 89.1% with MRD-guided therapy and 90.2% with the fixed "
                 "course. Overall survival at 3 years: 96.0% guided, 95.1% fixed.")]))}
    assert (got[89.1], got[90.2], got[96.0], got[95.1]) == ("mrd-guided", "fixed-duration", "mrd-guided",
                                                             "fixed-duration")


def test_a_fixed_course_mentioned_without_assignment_sets_up_no_strategy():
    """Negative rule: a single-arm report's 'fixed-duration treatment' beside an MRD-guided aside is no comparison."""
    got = {r.value: r.arm for r in extract_evidence(_doc([
        ("title", "Zanubrutinib with venetoclax in untreated CLL: the Brackenfield study"),
        ("body", "All 120 patients received fixed-duration treatment; an MRD-guided strategy is being tested elsewhere."),
        ("body", "Progression-free survival at 2 years was 92.5%.")]))}
    assert got[92.5] == "zanubrutinib"


@pytest.mark.parametrize("text, arm", [("D-VRd", "daratumumab-bortezomib-lenalidomide-dexamethasone"),
                                       ("Isa-Pd", "isatuximab-pomalidomide-dexamethasone"), ("Xy-VRd", None),
                                       ("VRd", "bortezomib-lenalidomide-dexamethasone")])
def test_a_regimen_code_after_another_drugs_letters_is_a_larger_regimen(text, arm):
    """Regression: regimen_code_inside_longer_code ('D-VRd' read as VRd: a short lexicon code after another drug's
    letters and a hyphen is part of a larger regimen: a known drug prefix names it (round 26), others the report
    defines)."""
    assert [a.arm for a in find_arms(f"Patients received {text} until progression.")][:1] == ([arm] if arm else [])


def test_a_result_that_met_the_noninferiority_margin_is_read():
    """Regression: noninferiority_result_dropped ('PFS at 3 years was 90.4% ... and 91.1% ..., which met the
    prespecified noninferiority margin' was taken for the statistical design and read nothing)."""
    got = _records([("title", "MRD-guided versus fixed-duration venetoclax-obinutuzumab in CLL: the Larkspur trial"),
                    ("body", "Progression-free survival at 3 years was 88.2% with MRD-guided therapy and 89.0% with "
                             "fixed-duration therapy, which met the prespecified non-inferiority margin.")])
    assert {("PFS", "mrd-guided", 88.2, "landmark", "3y"), ("PFS", "fixed-duration", 89.0, "landmark", "3y")} <= got


@pytest.mark.parametrize("design", [
    "A non-inferiority margin of 10% was prespecified; 80% of patients were expected to be alive at 3 years.",
    "Primary outcome: event-free survival at 2 years; non-inferiority margin HR 1.30.",
])
def test_a_noninferiority_margin_stated_as_design_is_no_result(design):
    """Negative rule: the margin as the design states it ('a margin of 10%', 'margin HR 1.30') is a hypothesis."""
    got = _records([("title", "MRD-guided versus fixed-duration venetoclax-obinutuzumab in CLL: the Larkspur trial"),
                    ("body", design)])
    assert got == set()


def test_an_arm_then_in_gives_the_value_its_arm_even_for_a_control():
    """Regression: arm_then_in_value ('was reached in 71.4% with ponatinib, and with chemotherapy in 48.8%' gave the
    control's figure to the first arm: 'with X in N%' links the arm before the value)."""
    got = {r.value: r.arm for r in extract_evidence(_doc([
        ("title", "Ponatinib versus chemotherapy in Ph-positive ALL: the Larkspur trial"),
        ("body", "Complete remission was reached in 71.4% with ponatinib, and with chemotherapy in 48.8%.")]))}
    assert (got[71.4], got[48.8]) == ("ponatinib", "chemotherapy")


@pytest.mark.parametrize("continuation", ["the imatinib arm got there in 41.2%", "the imatinib arm did so in 41.2%"])
def test_a_pro_verb_continues_the_previous_figure(continuation):
    """Regression: pro_verb_continuation ('...; the fixed arm got there in 78.1%' read no endpoint)."""
    got = _records([("title", "Ponatinib versus imatinib in Ph-positive ALL: the Larkspur trial"),
                    ("body", f"Residual disease was undetectable at the end of induction in 60.5% of the ponatinib "
                             f"arm; {continuation}.")])
    assert {("MRD_NEG", "ponatinib", 60.5), ("MRD_NEG", "imatinib", 41.2)} <= {g[:3] for g in got}


def test_a_verbless_subgroup_pair_joined_by_and_continues_the_landmark():
    """Regression: verbless_pair_with_and ('For patients with unmutated IGHV, 87.0% and 89.9%.' read nothing: only
    'vs'/'against' joined a verbless subgroup pair)."""
    got = _records([("title", "Ponatinib versus imatinib in Ph-positive ALL: the Larkspur trial"),
                    ("body", "Overall survival at 3 years was 78.0% with ponatinib and 70.1% with imatinib. For "
                             "patients older than 55 years, 71.5% and 60.2%.")])
    assert {("OS", "ponatinib", 71.5, "landmark", "3y"), ("OS", "imatinib", 60.2, "landmark", "3y")} <= got


def test_complete_remission_with_or_without_recovery_after_a_comma_is_the_composite():
    """Regression: composite_remission_after_comma ('Complete remission, with or without full count recovery, was
    documented in 92.0%' read CR: the composite's spelling allowed no comma)."""
    got = _records([_RANDOMISED_TITLE, ("body", "Complete remission, with or without full count recovery, was "
                                                "documented at the end of induction in 88.4% with ponatinib.")])
    assert ("CR_CRI", "ponatinib", 88.4, "rate", "EOI") in got


@pytest.mark.parametrize("sentence", [
    "A ponatinib-blinatumomab study without chemotherapy reported 3-year overall survival of 87%.",
    "Single-arm studies of dasatinib with steroids in older patients reported 3-year overall survival near 87%.",
    "In the reference cohort treated with four chemotherapy blocks, 3-year overall survival was 87%.",
    "For context, imatinib alone gave a 3-year overall survival of 87% in GraALL-05.",
])
def test_another_studys_figure_is_no_result_of_the_report(sentence):
    """Regression: other_study_shapes (an indefinite 'A X study ... reported', plural 'studies of X ... reported', a
    'reference cohort', and a mixed-case numbered study named after the figure gave the report other studies'
    figures)."""
    got = _records([_RANDOMISED_TITLE,
                    ("body", "Overall survival at 3 years was 78.0% with ponatinib and 70.1% with imatinib."),
                    ("body", sentence)])
    assert not any(r[2] == 87.0 for r in got)


def test_a_second_groups_count_of_the_same_event_is_no_enrolment():
    """Regression: event_count_as_enrolment ('Febrile neutropenia was reported in 61 IB patients and in 104 PIC
    patients' enrolled 104 patients)."""
    got = _records([_RANDOMISED_TITLE, ("body", "A total of 300 patients underwent randomization. Febrile "
                                                "neutropenia was reported in 61 ponatinib patients and in 104 "
                                                "imatinib patients.")])
    assert {r[2] for r in got if r[0] == "ENROLLED"} == {300.0}


@pytest.mark.parametrize("sentence", [
    "A total of 204 ponatinib patients, two-thirds of the arm, stopped after nine cycles.",
    "The median number of prior lines was 3, and 24 had relapsed after allogeneic transplant.",
])
def test_part_of_an_arm_stopping_or_a_relapse_history_is_no_count_of_the_report(sentence):
    """Negative rule: a part of an arm that stopped, or patients who had relapsed before, are neither the sample nor
    a transplant rate."""
    got = _records([_RANDOMISED_TITLE, ("body", sentence)])
    assert not any(r[2] in (204.0, 24.0) for r in got)


def test_a_title_that_calls_a_word_a_study_names_it_without_repetition():
    """Regression: title_study_word_unrepeated ('... in relapsed myeloma: the Quarry phase 1 study' named no study
    when the body never repeated 'Quarry')."""
    got = _trials([("title", "Linvoseltamab plus carfilzomib in relapsed myeloma: the Quarry phase 1 study"),
                   ("body", "Seventy adults were treated. The overall response rate was 78.9%.")])
    assert got == {"Quarry"}


_DOSE_ESCALATION = [
    ("title", "QX22.41, a CD22 CAR T-Cell Product, in Adults with Relapsed ALL (jRCT2031249876)"),
    ("body", "Methods: A 3 + 3 design tested three dose levels. Response was assessed in bone marrow on day 35."),
    ("body", "Results: Thirty adults received QX22.41. The CR/CRi rate was 50.0% at DL1 (2/4), 75.0% at DL2 (6/8) and "
             "83.3% at DL3 (15/18). The best overall response was CR in 70.0%."),
]


def test_a_response_rate_takes_the_one_assessment_time_the_methods_declare():
    """Regression: declared_window_unused ('Response was assessed in marrow on day 28' in Methods; the results' CR/CRi
    rates by dose level printed no window, so none had one)."""
    got = _records(_DOSE_ESCALATION)
    assert {("CR_CRI", "qx22.41", v, "rate", "d35") for v in (50.0, 75.0, 83.3)} <= got


def test_a_best_response_or_a_second_declared_time_takes_no_declared_window():
    """Negative rule: a best response is over the whole course; two declared times date nothing."""
    got = _records(_DOSE_ESCALATION)
    assert ("CR", "qx22.41", 70.0, "rate", None) in got
    two = [_DOSE_ESCALATION[0], ("body", "Response was assessed on day 35 and remission was assessed again at "
                                         "week 12."), _DOSE_ESCALATION[2]]
    assert ("CR_CRI", "qx22.41", 50.0, "rate", None) in _records(two)


@pytest.mark.parametrize("phrase, code", [("After the first Ember course", "cycle1"),
                                          ("After the second Ember course", "2cycles")])
def test_a_course_named_by_its_regimen_is_a_window(phrase, code):
    """Regression: named_regimen_course_window ('After the first Ember course, flow cytometry found MRD below 10^-4 in
    73.8%' took no window: only drug-shaped words stood between 'first' and 'course')."""
    from extractors.evidence.numbers import find_windows
    assert [w.code for w in find_windows(f"{phrase}, flow cytometry found MRD below 10^-4 in 73.8%.")] == [code]


_BRIDGE_LETTER = [
    ("title", "Inotuzumab before allogeneic transplantation for MRD-positive ALL: a single-centre series"),
    ("body", "Of the 120 adults with a donor, 64 received an inotuzumab bridge and the other 56 went straight to "
             "transplant."),
    ("body", "Two-year overall survival was 70.3% after the bridge; with direct transplant it was 58.1%. Chronic "
             "graft-versus-host disease was seen in 12 bridged (18.8%) and 15 direct (26.8%) patients."),
]


def test_a_bridge_before_transplant_set_against_going_straight_to_transplant_names_both_strategies():
    """Regression: bridge_vs_direct_unread ('51 received a blinatumomab bridge and the other 43 went straight to
    transplant': every figure of the direct group went to the bridging drug)."""
    got = _records(_BRIDGE_LETTER)
    assert {("ENROLLED", "inotuzumab bridge", 64.0, "count", None), ("ENROLLED", "direct transplant", 56.0, "count", None),
            ("OS", "inotuzumab bridge", 70.3, "landmark", "2y"), ("OS", "direct transplant", 58.1, "landmark", "2y"),
            ("GVHD", "direct transplant", 26.8, "rate", None)} <= got


def test_the_second_groups_event_count_after_a_decimal_share_is_no_enrolment():
    """Negative rule: '... seen in 12 bridged (18.8%) and 15 direct (26.8%) patients' counts an event in each group."""
    assert not any(r[0] == "ENROLLED" and r[2] in (12.0, 15.0) for r in _records(_BRIDGE_LETTER))


def test_a_later_crossover_count_is_no_enrolment():
    """Negative rule: 'Of the 223 untransplanted patients, 19 had an autologous transplant later, at progression'
    counts a crossover, not an arm."""
    got = _records([_TRANSPLANT_REGISTRY_TITLE,
                    ("body", "Of 480 adults in first remission, 260 went on to an allograft and 220 did not."),
                    ("body", "Of the 220 untransplanted patients, 31 had an allograft later, at relapse.")])
    assert not any(r[2] == 31.0 for r in got)


@pytest.mark.parametrize("text", ["Median time in response 16.1 mo (95% CI 12.1-NR).",
                                  "| DoR(d), median (95% CI), months | 16.1 (5.1, 22.6) |"])
def test_time_in_response_and_dor_in_mixed_case_are_the_duration_of_response(text):
    """Regression: dor_spellings ('Median time in response 16.8 mo', a label's 'DoR(d), median' row read nothing)."""
    from extractors.evidence.endpoints import find_endpoints
    assert [e.code for e in find_endpoints(text) if e.code] == ["DOR"]


def test_a_population_that_numbered_n_is_the_sample():
    """Regression: population_numbered_unread ('The intention-to-treat population numbered 486 (...)' was no
    enrolment); an efficacy population that 'comprised' part of the treated patients stays unread."""
    got = _records([_RANDOMISED_TITLE, ("body", "The intention-to-treat population numbered 452. In the trial, the "
                                                "efficacy population comprised 401 patients.")])
    assert {r[2] for r in got if r[0] == "ENROLLED"} == {452.0}


def test_a_bare_salvage_set_against_the_study_drug_is_the_chemotherapy_arm():
    """Regression: bare_salvage_arm ('... 55.0 per cent on the bispecific; on salvage it was just 24.6 per cent' gave
    the salvage figure to the study drug)."""
    got = {r.value: r.arm for r in extract_evidence(_doc([
        ("title", "Glofitamab versus standard salvage chemotherapy in refractory large B-cell lymphoma: the Quern trial"),
        ("body", "The complete response rate was 51.0 per cent on glofitamab; on salvage it was just 22.4 per cent.")]))}
    assert (got[51.0], got[22.4]) == ("glofitamab", "chemotherapy")


def test_a_clause_after_a_bracketed_interval_keeps_the_sentences_opening_window():
    """Regression: window_lost_after_bracket_semicolon ('After the first Ember course, ... in 45 of 61 children
    (73.8%; 95% CI ...); by next-generation sequencing ... the figure was 39 (63.9%)': the ';' inside the brackets
    hid the opening window from the second clause)."""
    got = _records([("title", "Thistle: a phase 2 study of blinatumomab in children with relapsed ALL"),
                    ("body", "• After the first Thistle course, flow cytometry found MRD below 10^-4 in 40 of 60 "
                             "children (66.7%; 95% CI 53.3-78.3); by next-generation sequencing at the same threshold "
                             "the figure was 33 (55.0%).")])
    assert {("MRD_NEG", "blinatumomab", 66.7, "rate", "cycle1"), ("MRD_NEG", "blinatumomab", 55.0, "rate", "cycle1")} <= got


_REGIMEN_CONTROL_REPORT = [
    ("title", "Quern regimen cuts risk of progression in relapsed follicular lymphoma in phase 3 Ashdown trial"),
    ("body", "Ashdown, a randomized phase 3 trial, tested the Quern regimen, mosunetuzumab with lenalidomide, in relapsed "
             "follicular lymphoma. It was compared with lenalidomide and rituximab (R2), a standard treatment after "
             "first relapse. The trial randomized 400 patients."),
    ("body", "At 18 months, 80.1% of patients on mosunetuzumab were alive without progression, vs 60.2% with R2."),
    ("body", "The benefit extended to the hardest-to-treat group. In patients whose lymphoma progressed within 24 "
             "months of first chemoimmunotherapy, the rates were 75.5% against 41.9%."),
]


def test_the_opening_comparison_names_a_regimen_as_the_control():
    """Regression: regimen_control_unnamed ('Mosaic was compared with lenalidomide and rituximab (R2), a standard
    treatment': the control was taken from 'standard treatment' and a subgroup's 'first chemoimmunotherapy', so a
    bare pair gave R2's figure to chemotherapy)."""
    got = {r.value: r.arm for r in extract_evidence(_doc(_REGIMEN_CONTROL_REPORT))}
    assert (got[75.5], got[41.9]) == ("mosunetuzumab", "lenalidomide-rituximab")


def test_a_therapy_in_a_subgroups_description_is_no_arm_of_the_sentence():
    """Negative rule: 'In patients whose lymphoma progressed within 24 months of first chemoimmunotherapy, ...' names
    the subgroup's history, not the comparator of the pair after it."""
    from extractors.evidence.arm_links import _SUBGROUP_LEAD
    assert _SUBGROUP_LEAD.match(_REGIMEN_CONTROL_REPORT[3][1].split(". ", 1)[1])


def test_a_restricted_comparison_that_widened_the_gap_continues_the_landmark():
    """Regression: restricted_comparison_subgroup ('Restricting the comparison to patients under 45 widened the gap
    to 70.3% against 51.8%, whereas in those aged 45 to 60 overall survival was 49.6% ... and 54.0% ...' read the pair
    as no endpoint and the later figures as rates without their landmark)."""
    got = _records([
        _TRANSPLANT_REGISTRY_TITLE,
        ("body", "Of 600 adults, 300 received an allograft in first remission and the other 300 did not. Overall "
                 "survival at 5 years was 61.0% with an allograft and 52.0% without one. The benefit depended on age. "
                 "Restricting the comparison to patients under 45 widened the gap to 68.3% against 50.8%, whereas in "
                 "those aged 45 to 60 overall survival was 48.6% with an allograft and 53.0% without it.")])
    assert {("OS", "allogeneic transplant", 68.3, "landmark", "5y"), ("OS", "no transplant", 50.8, "landmark", "5y"),
            ("OS", "allogeneic transplant", 48.6, "landmark", "5y"), ("OS", "no transplant", 53.0, "landmark", "5y")} <= got


@pytest.mark.parametrize("sentence, value", [
    ("The overall response rate was 71.7%, well above the 45% null rate.", 45.0),
    ("The expansion cohort at the recommended dose is enrolling 40 further patients.", 40.0),
    ("The median age was 58 years, 12 patients (42.9%) had received blinatumomab and 9 had relapsed after "
     "allogeneic transplant.", 42.9),
    ("Ponatinib was dose-reduced for cytopenias in 13 patients.", 13.0),
    ("Of the 35 patients whose disease progressed, 16 (45.7%) underwent salvage therapy.", 35.0),
    ("Among the 13 patients previously treated with CD19 CAR T cells, the complete response rate was 61.5%.", 13.0),
])
def test_design_history_and_open_bounds_are_no_results(sentence, value):
    """Negative rules: a null rate, enrolment still to come, a prior-therapy share, a dose-modification count, a
    subgroup that progressed or was previously treated, and the lower bound of an open interval are no results."""
    got = _records([("title", "Ponatinib in adults with Ph-positive ALL: the Larkspur phase 2 study"),
                    ("body", "Sixty adults were treated. " + sentence)])
    assert not any(r[2] == value for r in got)


def test_an_open_interval_after_a_value_not_estimated_gives_no_value():
    """Regression: open_interval_bound_as_value ('DoR, median (95% CI), months | NE (13.0, NE)' read 13.0 as the
    median: with no value before it, the interval's lower bound was taken for one)."""
    from tests.test_evidence_rule_classes_r21 import _table_report
    got = _table_report([["Efficacy endpoint", "Efficacy population (N = 98)"],
                         ["Overall response rate, n (%)", "61 (62.2)"],
                         ["Duration of response, median (95% CI), months", "NE (13.0, NE)"]])
    assert got == {("ORR", 62.2, "rate")}


def test_a_footnote_marker_before_the_rows_unit_points_the_footnote_at_that_row():
    """Regression: midlabel_footnote_marker ('Complete response*, n/N (%)' with '* After two cycles ...' below the
    table: only a marker closing the label pointed a footnote at its row)."""
    from tests.test_evidence_rule_classes_r18 import _report_with_footnote
    rows = (("Outcome", "T-ALL (n = 40)", "T-LBL (n = 20)"),
            ("Complete remission*, n (%)", "30 (75.0)", "12 (60.0)"),
            ("MRD-negative among responders, n/N (%)", "24/30 (80.0)", "6/12 (50.0)"))
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(
        _report_with_footnote("* After two cycles of induction; response by investigator.", rows)) if r.source == "table"}
    assert {("CR", 75.0, "2cycles"), ("CR", 60.0, "2cycles"), ("MRD_NEG", 80.0, None)} <= got


def test_a_cards_count_treated_before_a_dash_is_the_sample():
    """Regression: card_treated_dash ('Patients: 71 treated - escalation 23 ... and expansion, 48' gave no sample
    size: a bare 'treated' counted only before ':', ';', ',' or '.')."""
    got = _records([("title", "Thistle: ponatinib and blinatumomab in Ph-positive ALL (phase 1 dose escalation)"),
                    ("body", "• Patients: 64 treated - escalation 19 and expansion, 45.\n• Overall response: 78.1%.")])
    assert {r[2] for r in got if r[0] == "ENROLLED"} == {64.0}


@pytest.mark.parametrize("name", ["AOEs", "DLTs", "STROBE", "STARD"])
def test_plural_abbreviations_and_reporting_guidelines_name_no_study(name):
    """Regression: plural_abbreviation_as_study ('Arterial occlusive events (AOEs)' in a label became the study of
    every record; a letter's 'STROBE' reporting guideline too)."""
    from extractors.nlp.trials import rejection_reason
    assert rejection_reason(name) is not None


def test_a_single_arm_study_named_in_two_words_is_another_study():
    """Regression: two_word_other_single_arm ('In the single-arm GIMEMA LAL2116 study, ...' in a randomised report
    made the report single-arm, so its comparator's figures went to the study drug)."""
    got = {r.value: r.arm for r in extract_evidence(_doc([
        ("title", "Chemotherapy-free regimen lengthens event-free survival in Ph-positive ALL, phase 3 Whinfell trial shows"),
        ("body", "Whinfell randomized 300 adults: 150 to ponatinib with blinatumomab and 150 to imatinib with "
                 "chemotherapy. At two years, 88.0% of patients given ponatinib were alive and event-free, against "
                 "70.1% of those given imatinib."),
        ("body", "\"In the single-arm GIMEMA LAL2116 study, dasatinib with blinatumomab gave overall survival of about "
                 "80% at three years,\" she said.")]))}
    assert (got[88.0], got[70.1]) == ("ponatinib", "imatinib")


def test_dose_levels_sized_in_brackets_are_no_arms():
    """Regression: dose_levels_as_arms ('41 infused patients were evaluable (DL1, n = 4; DL2, n = 9; DL3, n = 28)'
    made DL1 the study arm and DL2, DL3 its comparators)."""
    from extractors.evidence.arm_abbreviations import find_assigned_short_forms
    assert find_assigned_short_forms("At the data cut-off, 41 infused patients were evaluable (DL1, n = 4; DL2, "
                                     "n = 9; DL3, n = 28) after allocation by an i3+3 design.") == ()


@pytest.mark.parametrize("title, code", [
    ("Fully Human BCMA CAR T Cells (hu38BB) in Relapsed Myeloma: Results of a Phase 1 Study", "hu38BB"),
    ("Hawes: a phase 1 study of the academic bispecific CD19/CD22 CAR T-cell product ALX-19/22 in children", "ALX-19/22"),
])
def test_product_codes_led_by_lower_case_or_holding_a_slash_are_products(title, code):
    """Regression: product_code_shapes ('CAR T Cells (hu38BB)', 'product ALX-19/22' were no product, so records took
    a dose level or the code's first half as their arm)."""
    from extractors.evidence.frame import defined_product
    assert defined_product(_doc([("title", title), ("body", "Twenty patients were treated.")])) == code


def test_a_landmark_counted_from_the_decision_to_stop_is_read():
    """Regression: decision_point_landmark ('Three years after the decision point, 81.7% ... were alive without
    progression' took no landmark)."""
    from extractors.evidence.numbers import find_timepoints
    assert [t.code for t in find_timepoints("Three years after the decision point, 81.7% of patients were alive.")] \
        == ["3y"]


@pytest.mark.parametrize("sentence, arm", [
    ("Ashdown compared the Quern regimen, the allosteric BCR::ABL1 inhibitor asciminib given with blinatumomab, with "
     "imatinib plus chemotherapy.", "asciminib"),
    ("Ashdown tested the Quern regimen, a fixed-duration combination of epcoritamab with lenalidomide.", "epcoritamab"),
])
def test_a_regimen_word_defined_by_an_appositive_stands_for_its_first_drug(sentence, arm):
    """Regression: regimen_word_appositive ('the Clearway regimen, the allosteric ... inhibitor asciminib given with
    blinatumomab' left 'Clearway' no arm, so its figures went to the comparator)."""
    from extractors.evidence.arm_abbreviations import find_named_regimens
    assert [(a.short, a.arm) for a in find_named_regimens(sentence)] == [("Quern", arm)]


def test_a_cards_endpoint_landmark_value_shorthand_and_a_restated_clause():
    """Regression: card_landmark_shorthand ('PFS 12 mo 44.0%, OS 12 mo 68.2%; 24 mo, 37.5% and 51.9%' gave OS no
    landmark, read '24 mo' as a median, and the restated pair no landmark)."""
    got = _records([("title", "Thistle: glofitamab plus lenalidomide in relapsed large B-cell lymphoma"),
                    ("body", "• Treated: 88 patients.\n• PFS 12 mo 41.0%, OS 12 mo 66.2%; 24 mo, 35.5% and 50.9%.")])
    assert {("PFS", "glofitamab", 41.0, "landmark", "12mo"), ("OS", "glofitamab", 66.2, "landmark", "12mo"),
            ("PFS", "glofitamab", 35.5, "landmark", "24mo"), ("OS", "glofitamab", 50.9, "landmark", "24mo")} <= got
    assert not any(r[2] == 24.0 for r in got)
