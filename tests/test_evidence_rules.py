"""Rule families of evidence extraction on purpose-written sentences: numbers, endpoints, arms, values, distractors."""
from __future__ import annotations

import pytest

from extractors.evidence.arms import find_arms
from extractors.evidence.endpoints import abbreviation_terms, find_endpoints
from extractors.evidence.numbers import (
    excluded_spans, find_intervals, find_numbers, find_p_values, find_timepoints, parse_number_text,
)
from extractors.evidence.readings import ReadingContext, read_clause


@pytest.mark.parametrize("text, value", [
    ("34", 34.0), ("34.0", 34.0), ("7·7", 7.7), ("1,234", 1234.0), ("Forty-four", 44.0), ("nine", 9.0),
    ("twenty one", 21.0),
])
def test_parse_number_text(text, value):
    assert parse_number_text(text) == value


def test_find_numbers_skips_numbers_glued_to_words():
    text = "CD19 and CR1 and 4–1BB and KTE-X19 but 42 and 7·7 and two-thirds and Forty-four"
    assert [n.text for n in find_numbers(text)] == ["42", "7·7", "Forty-four"]


@pytest.mark.parametrize("text, code", [
    ("the 2-year OS rate", "2y"), ("5y OS: 55%", "5y"), ("OS at 12 months was 76%", "12mo"),
    ("RFS of 60% at 1 year", "1y"), ("a 3-year rate of 20.3%", "3y"), ("the 12-month duration of response", "12mo"),
    ("a 6-month DOR of 54%", "6mo"), ("5-yr EFS", "5y"),
])
def test_timepoints(text, code):
    assert [t.code for t in find_timepoints(text)] == [code]


@pytest.mark.parametrize("text", [
    "At 16 months of follow-up, responses persisted.", "After a median follow-up of 16 months, the study ended.",
    "a 2-year follow-up", "aged 1–4 years",
])
def test_time_phrases_that_are_not_timepoints(text):
    assert find_timepoints(text) == []


@pytest.mark.parametrize("text, low, high", [
    ("HR, 0.71 [95% CI, 0.55 to 0.93]", 0.55, 0.93), ("(95%CI, 29–54)", 29.0, 54.0),
    ("95% confidence interval, 0.43 to 0.71", 0.43, 0.71), ("(95% CI 5·6–9·6)", 5.6, 9.6),
])
def test_confidence_intervals(text, low, high):
    (ci,) = find_intervals(text)
    assert (ci.low, ci.high) == (low, high)


@pytest.mark.parametrize("text, value", [("p = 0.01", 0.01), ("P<0.001", 0.001), ("P < .001", 0.001), ("(p = 0.0265)", 0.0265)])
def test_p_values(text, value):
    assert [p.value for p in find_p_values(text)] == [value]


@pytest.mark.parametrize("text, excluded", [
    ("as reported [23]", "[23]"), ("refs [16,17,18,19]", "[16,17,18,19]"), ("rates of 10–25% in trials", "10–25%"),
    ("range 18–65)", "18–65"), ("MRD >10−3 at entry", "10−3"), ("trial NCT02013167 closed", "NCT02013167"),
    ("(SE = 13.8)", "SE = 13.8"),
])
def test_excluded_spans(text, excluded):
    assert excluded in [text[s:e] for s, e in excluded_spans(text)]


@pytest.mark.parametrize("phrase, code", [
    ("complete remission", "CR"), ("complete response", "CR"), ("CR", "CR"), ("complete hematological response", "CR"),
    ("CR/CRi", "CR_CRI"), ("CR/CRh", "CR_CRI"), ("CR+CRi", "CR_CRI"), ("CR or CRi", "CR_CRI"), ("CR and CRi", "CR_CRI"),
    ("complete remission with incomplete hematologic recovery", "CR_CRI"), ("composite rate of remission", "CR_CRI"),
    ("response rate", "ORR"), ("overall response", "ORR"), ("hematologic response", "ORR"),
    ("molecular response", "MRD_NEG"), ("MRD negativity", "MRD_NEG"), ("MRD remission", "MRD_NEG"),
    ("MRD response", "MRD_NEG"), ("MRD-negative", "MRD_NEG"), ("minimal residual disease remission", "MRD_NEG"),
    ("relapse-free survival", "RFS"), ("RFS", "RFS"), ("event-free survival", "EFS"), ("disease-free survival", "DFS"),
    ("progression-free survival", "PFS"), ("overall survival", "OS"), ("duration of response", "DOR"),
    ("duration of remission", "DOR"), ("veno-occlusive disease", "VOD"), ("sinusoidal obstruction syndrome", "VOD"),
    ("cytokine release syndrome", "CRS"), ("neurotoxicity", "ICANS"), ("ICANS", "ICANS"), ("ICAN", "ICANS"),
    ("GvHD", "GVHD"), ("graft-versus-host disease", "GVHD"), ("proceeded to alloHSCT", "ALLOHSCT"),
    ("received allogeneic stem cell transplantation", "ALLOHSCT"), ("non-relapse mortality", "NRM"), ("NRM", "NRM"),
])
def test_endpoint_lexicon(phrase, code):
    found = find_endpoints(phrase)
    assert [m.code for m in found] == [code]
    assert found[0].text == phrase


def test_cr_inside_codes_and_composites_is_not_plain_cr():
    assert [m.code for m in find_endpoints("patients in CR1 or CR2 with CR/CRi")] == ["CR_CRI"]


def test_endpoint_that_describes_the_population_is_flagged():
    (cr, mrd) = find_endpoints("Among the patients who achieved CR, 76% were MRD negative")
    assert cr.population and not mrd.population


def test_document_abbreviation_maps_short_form_to_long_forms_code():
    terms = abbreviation_terms([("LFS", "leukemia-free survival"), ("EMD", "extramedullary disease"), ("MRD", "minimal residual disease")])
    assert [(t.code) for t in terms] == ["DFS"]
    assert [m.code for m in find_endpoints("the 2-year LFS was 40%", terms)] == ["DFS"]


@pytest.mark.parametrize("text, arm, control", [
    ("blinatumomab", "blinatumomab", False), ("Inotuzumab ozogamicin", "inotuzumab", False), ("InO", "inotuzumab", False),
    ("Tisa-cel", "tisagenlecleucel", False), ("KTE-X19", "brexucabtagene autoleucel", False),
    ("brexu-cel", "brexucabtagene autoleucel", False), ("ChT", "chemotherapy", True), ("SOC", "chemotherapy", True),
    ("standard of care", "chemotherapy", True), ("standard chemotherapy", "chemotherapy", True),
    ("allogeneic CAR-T cells (UCART19)", "UCART19", False),
])
def test_arm_lexicon(text, arm, control):
    found = find_arms(text)
    assert found[-1].arm == arm and found[-1].control is control


def _read(text: str, **ctx) -> list[tuple]:
    return [(r.value, r.endpoint, r.arm, r.unit, r.statistic, r.timepoint) for r in read_clause(text, ReadingContext(**ctx))]


@pytest.mark.parametrize("text, expected", [
    # comparisons mapped to arms in order
    ("Compared with the chemotherapy arm, the blinatumomab-treated patients achieved a better complete remission "
     "(CR, 34% versus 16%) and median overall survival (OS, 7.7 months versus 4.4 months).",
     [(34, "CR", "blinatumomab", "%", "rate", None), (16, "CR", "chemotherapy", "%", "rate", None),
      (7.7, "OS", "blinatumomab", "months", "median", None), (4.4, "OS", "chemotherapy", "months", "median", None)]),
    ("CR: blinatumomab 34% vs. ChT 16%.",
     [(34, "CR", "blinatumomab", "%", "rate", None), (16, "CR", "chemotherapy", "%", "rate", None)]),
    ("Molecular response: blinatumomab 75% vs. 32% ChT.",
     [(75, "MRD_NEG", "blinatumomab", "%", "rate", None), (32, "MRD_NEG", "chemotherapy", "%", "rate", None)]),
    ("OS: inotuzumab 7·7 vs. ChT 6·7 months.",
     [(7.7, "OS", "inotuzumab", "months", "median", None), (6.7, "OS", "chemotherapy", "months", "median", None)]),
    ("The median overall survival was 7.7 months in the blinatumomab group and 4.0 months in the chemotherapy group.",
     [(7.7, "OS", "blinatumomab", "months", "median", None), (4.0, "OS", "chemotherapy", "months", "median", None)]),
    ("The rate was higher in the inotuzumab group than in the standard-therapy group for CR/CRi (80.7% [95% CI, 72.1 to 87.7] vs. 29.4%).",
     [(80.7, "CR_CRI", "inotuzumab", "%", "rate", None), (29.4, "CR_CRI", "chemotherapy", "%", "rate", None)]),
    # landmark rates
    ("Blinatumomab proved superior compared to chemotherapy, with a 2-year OS rate of 71% vs. 58%.",
     [(71, "OS", "blinatumomab", "%", "landmark", "2y"), (58, "OS", "chemotherapy", "%", "landmark", "2y")]),
    ("5y OS: 55%.", [(55, "OS", "tisagenlecleucel", "%", "landmark", "5y")]),
    ("Overall survival at 12 months was 76 % (95% CI, 64–85).", [(76, "OS", "tisagenlecleucel", "%", "landmark", "12mo")]),
    ("The pivotal trial showed a rate of RFS up to 60% at 1 year and 49% at 5 years.",
     [(60, "RFS", "tisagenlecleucel", "%", "landmark", "1y"), (49, "RFS", "tisagenlecleucel", "%", "landmark", "5y")]),
    # lists distributed over endpoints, 'respectively' and 'both'
    ("The 12-month duration of response (DOR), EFS, and OS rates were 60.9%, 52.4%, and 77.2%, respectively.",
     [(60.9, "DOR", "tisagenlecleucel", "%", "landmark", "12mo"), (52.4, "EFS", "tisagenlecleucel", "%", "landmark", "12mo"),
      (77.2, "OS", "tisagenlecleucel", "%", "landmark", "12mo")]),
    ("The median EFS and OS were 4 and 12 months, respectively.",
     [(4, "EFS", "tisagenlecleucel", "months", "median", None), (12, "OS", "tisagenlecleucel", "months", "median", None)]),
    ("The 1-year EFS and OS were both 95%.",
     [(95, "EFS", "tisagenlecleucel", "%", "landmark", "1y"), (95, "OS", "tisagenlecleucel", "%", "landmark", "1y")]),
    # shares linked forward by an outcome verb, n/N (x%), numbers in words
    ("Among the patients who achieved CR, 76% were MRD negative.", [(76, "MRD_NEG", "tisagenlecleucel", "%", "rate", None)]),
    ("Forty-four patients (46%) received alloHSCT.", [(46, "ALLOHSCT", "tisagenlecleucel", "%", "rate", None)]),
    ("A complete response was achieved in 18 out of 27 patients (66.7%).", [(66.7, "CR", "tisagenlecleucel", "%", "rate", None)]),
    ("Forty-four of 61 patients (72.1 %) achieved MRD negativity.", [(72.1, "MRD_NEG", "tisagenlecleucel", "%", "rate", None)]),
    ("CRS occurred in nine patients.", [(9, "CRS", "tisagenlecleucel", None, "count", None)]),
    ("Ten of 20 patients achieved complete remission.", [(10, "CR", "tisagenlecleucel", None, "count", None)]),
    # hazard ratios with CI and p
    ("Overall survival favoured blinatumomab (HR, 0.71 [95% CI, 0.55 to 0.93]; P < .001).",
     [(0.71, "OS", "blinatumomab", None, "hazard_ratio", None)]),
    ("A better OS with a hazard ratio of 0.81 (95%CI, 0.57 to 1.14) was seen.", [(0.81, "OS", "tisagenlecleucel", None, "hazard_ratio", None)]),
    # sample sizes
    ("The phase III TOWER study randomized (2:1 ratio) 405 patients to either blinatumomab or chemotherapy [4].",
     [(405, "ENROLLED", None, None, "count", None)]),
    ("A phase II study enrolled 116 adult patients.", [(116, "ENROLLED", "tisagenlecleucel", None, "count", None)]),
    ("A total of 149 patients were enrolled.", [(149, "ENROLLED", "tisagenlecleucel", None, "count", None)]),
    # thresholds stated as results
    ("The induction mortality was very low (< 5%), and the incidence of VOD was < 10%.",
     [(5, "NRM", "tisagenlecleucel", "%", "rate", None), (10, "VOD", "tisagenlecleucel", "%", "rate", None)]),
])
def test_value_readings(text, expected):
    assert _read(text, default_arm="tisagenlecleucel") == [tuple(e) for e in expected]


def test_ci_and_p_value_attach_to_their_value():
    (os_,) = read_clause("Median OS was 7·7 months (95% CI, 5.6–9.6) (p = 0.01).")
    assert (os_.value_text, os_.ci_low, os_.ci_high, os_.p_value) == ("7·7", 5.6, 9.6, 0.01)


@pytest.mark.parametrize("text", [
    "Patients received blinatumomab 9 µg/day for 7 days, then 28 µg/day c.i.",
    "Inotuzumab 0.8 mg/m2 on day 1 and 0.5 mg/m2 on days 8 and 15 of a 28-day cycle.",
    "Eligible patients were aged 18–70 years with a median age of 41 years.",
    "After a median follow-up of 16.1 months, the analysis was updated.",
    "MRD was measured at a threshold of >10−3 and ≥ 10−4 in CR1.",
    "Patients with ≥ 5% blasts in the bone marrow and a blast infiltration of >50% had a lower probability of CR [4].",
    "Of the patients, 76% were male and 58% had prior alloHSCT.",
    "Grade III CRS was reported in the phase 2 part of the 2019 analysis [23].",
    "An expected 5-year overall survival of less than 20% was assumed [92].",
    "CD19-negative relapse rates of 10–25% have been observed in several trials [23,24,27,54].",
    "Treatment was given for up to five cycles and the manufacturing took < 2 days.",
    "A systematic review of 16 studies confirmed a high response rate.",
    "A significantly better EFS was observed in the patients treated with the highest doses (p = 0.0265).",
])
def test_distractors_give_no_results(text):
    assert [r for r in read_clause(text) if r.endpoint != "ENROLLED"] == []


@pytest.mark.parametrize("text, expected", [
    ("The rates of event-free survival and overall survival were 73% (95% CI, 60 to 82) and 90% (95% CI, 81 to 95), "
     "respectively, at 6 months and 50% (95% CI, 35 to 64) and 76% (95% CI, 63 to 86) at 12 months.",
     [(73, "EFS", "6mo"), (90, "OS", "6mo"), (50, "EFS", "12mo"), (76, "OS", "12mo")]),
    ("The MRD negative patients had a better median OS and PFS compared to the MRD positive patients "
     "(17.8 months vs. 5 months and 10.8 months vs. 3.4 months, respectively).",
     [(17.8, "OS", None), (5, "OS", None), (10.8, "PFS", None), (3.4, "PFS", None)]),
    ("The cytokine release syndrome occurred in 77% of patients, 48% of whom received tocilizumab.", [(77, "CRS", None)]),
    # issue 11 / GUIDE.md: a rate keeps its assessment window
    ("The overall remission rate within 3 months was 81%.", [(81, "CR_CRI", "3mo")]),
    ("The rate of complete remission with full hematologic recovery was 34%.", [(34, "CR", None)]),
    ("The rate of complete remission with or without full hematologic recovery was 80.7%.", [(80.7, "CR_CRI", None)]),
    ("Grade ≥3 CRS and neurologic events occurred in 24% and 25% of patients, respectively.", [(24, "CRS", None), (25, "ICANS", None)]),
])
def test_endpoint_lists_and_timepoint_groups(text, expected):
    assert [(r.value, r.endpoint, r.timepoint) for r in read_clause(text)] == [tuple(e) for e in expected]


@pytest.mark.parametrize("text, expected", [
    ("Median duration of remission was 4.6 months (95% CI, 3.9 to 5.4) in the inotuzumab group and 3.1 months "
     "(95% CI, 1.4 to 4.9) in the standard-therapy group.", [(4.6, "inotuzumab"), (3.1, "chemotherapy")]),
    ("Veno-occlusive liver disease occurred in more patients in the inotuzumab group than in the standard-therapy "
     "group (15 [11%] vs. 1 [1%]).", [(11, "inotuzumab"), (1, "chemotherapy")]),
    ("Complete remission was 44% with blinatumomab and 25% with chemotherapy.", [(44, "blinatumomab"), (25, "chemotherapy")]),
    ("Median overall survival was 7.7 months versus 4.0 months (hazard ratio for death, 0.71; 95% CI, 0.55 to 0.93).",
     [(7.7, "blinatumomab"), (4.0, "chemotherapy"), (0.71, "blinatumomab")]),
    ("The 3-year survival was better with alloHSCT compared with those who did not (62% vs. 22%).",
     [(62, "blinatumomab"), (22, "blinatumomab")]),
])
def test_arm_attribution(text, expected):
    got = [(r.value, r.arm) for r in read_clause(text, ReadingContext(default_arm="blinatumomab", control_arm="chemotherapy"))]
    assert got == [tuple(e) for e in expected]
