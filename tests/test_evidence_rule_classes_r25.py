"""Rule classes of issue 11, round 23: product codes with an underscore version; a heading's landmark ('Twelve-month
outcomes:'); run-in headings ('Survival At 3 years, ...') are sentences of their own; arm labels ending in digits;
donor-type comparisons (haploidentical vs matched donors) are strategy arms; a rate read at a scheduled scan; a
design sentence that randomises 'children to'; 'for those given X'; a total sized with an age range.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.arm_abbreviations import find_arm_abbreviations
from extractors.evidence.extract import extract_evidence
from extractors.evidence.numbers import find_timepoints, find_windows
from extractors.nlp.sentences import split_sentences
from tests.test_evidence_report_rules import _doc


def _facts(paragraphs) -> set:
    return {(r.endpoint, r.arm, r.value, r.timepoint) for r in extract_evidence(_doc(paragraphs))}


@pytest.mark.parametrize("opening, code", [
    ("We treated 22 adults with the in-house CAR T-cell product KHB-C19_v2 after fludarabine and cyclophosphamide.",
     "khb-c19_v2"),
    ("RTX-22_b, an academic bispecific CAR T-cell product, was given after lymphodepletion with fludarabine.",
     "rtx-22_b"),
])
def test_a_product_code_with_an_underscore_version_is_the_study_therapy(opening, code):
    """Regression: underscore_code_lost_to_lymphodepletion (a code written 'XXX-P19_v4' was not read as the product,
    so every record of a single-arm CAR-T poster took the lymphodepleting drug as its arm)."""
    facts = _facts([("title", "A phase 1 study of an academic CAR T-cell product in relapsed B-ALL"),
                    ("body", opening),
                    ("body", "Complete remission was reached by 17 of 22 patients (77.3%) on day 28.")])
    assert {a for e, a, v, _ in facts if v == 77.3} == {code}


@pytest.mark.parametrize("phrase, code", [
    ("Twelve-month outcomes: EFS 61.0%, OS 80.2%.", "12mo"),
    ("2-year results: PFS 48.5% and OS 70.9%.", "2y"),
])
def test_a_headings_landmark_dates_the_list_after_its_colon(phrase, code):
    """Regression: outcomes_heading_landmark_lost ('Twelve-month outcomes: EFS ..., OS ...' gave rates without a time)."""
    assert [t.code for t in find_timepoints(phrase)] == [code]


def test_a_landmark_before_plain_words_is_still_not_a_heading():
    """Negative: a time before 'outcomes' without a colon ('long-term 5-year outcomes are awaited') dates nothing."""
    assert find_timepoints("Data on 5-year outcomes are awaited from the registry.") == []


@pytest.mark.parametrize("paragraph, parts", [
    ("Survival At 2 years, 71.5% of patients were alive.", ["Survival", "At 2 years, 71.5% of patients were alive."]),
    ("Response and MRD The best response was CR in 40 patients.", ["Response and MRD", "The best response was CR in 40 patients."]),
    ("METHODS In this trial, adults were randomised.", ["METHODS", "In this trial, adults were randomised."]),
])
def test_a_run_in_heading_is_a_sentence_of_its_own(paragraph, parts):
    """Regression: run_in_heading_took_the_endpoint ('Survival At 3 years, x% ... were alive without progression' was
    read as overall survival from the heading, not the progression-free survival the sentence states)."""
    assert [paragraph[a:b] for a, b in split_sentences(paragraph)] == parts


@pytest.mark.parametrize("sentence", [
    "Patients in Group A had a complete remission.",
    "Overall survival at 2 years was 71.5% in both arms.",
    "RESULTS A total of 300 patients were enrolled.",
])
def test_ordinary_sentences_keep_their_first_words(sentence):
    """Negative: a capital letter or article inside a sentence ('Group A had', 'RESULTS A total') is no heading break."""
    assert len(split_sentences(sentence)) == 1


def test_a_run_in_heading_does_not_lend_its_endpoint_to_the_sentence():
    facts = _facts([("title", "Daratumumab-VRd with or without transplant in myeloma"),
                    ("body", "In the Tamarisk trial (NCT09999123), patients were randomly assigned to transplant or "
                             "to further cycles."),
                    ("body", "Survival At 3 years, 84.2% of patients were alive without progression.")])
    assert {(e, v) for e, _, v, _ in facts if v == 84.2} == {("PFS", 84.2)}


@pytest.mark.parametrize("sentence, short", [
    ("Patients were then randomly assigned to transplant (the ASCT group) or to eight further cycles of the "
     "quadruplet without transplant (the Dara-VRd8 group).", "Dara-VRd8"),
    ("Adults were assigned to blinatumomab consolidation (the Blin-C2 arm) or to chemotherapy (the Chemo-C4 arm).",
     "Chemo-C4"),
])
def test_an_arm_label_ending_in_digits_is_defined(sentence, short):
    """Regression: digit_label_unread ('(the Isa-KRd12 group)' was no definition because a label's part after its hyphen
    could not end in digits, so the comparator's results took the experimental arm)."""
    assert short in {a.short for a in find_arm_abbreviations(sentence)}


_DONOR_TITLE = ("title", "Haploidentical versus matched unrelated donor transplantation for adults with AML in first "
                         "remission: a registry analysis")


def test_a_donor_type_comparison_names_its_two_sides():
    """Regression: donor_types_read_as_one_arm (a registry comparing haploidentical with matched unrelated donors put
    every record on the GVHD-prophylaxis drug, as if the study had one arm)."""
    facts = _facts([_DONOR_TITLE,
                    ("body", "Haploidentical recipients received post-transplant cyclophosphamide; unrelated donor "
                             "recipients received antithymocyte globulin."),
                    ("body", "At 2 years, overall survival was 58.3% after haploidentical transplant and 61.7% after MUD "
                             "transplant.")])
    assert {(a, v) for e, a, v, _ in facts if e == "OS"} == {("haploidentical", 58.3), ("matched unrelated donor", 61.7)}


def test_donor_words_name_no_arm_outside_a_donor_comparison():
    """Negative: a single-arm CAR-T report that mentions an earlier haploidentical transplant keeps its product."""
    facts = _facts([("title", "Tisagenlecleucel in children with relapse after transplant: a single-arm study"),
                    ("body", "Of 30 children, 12 had relapsed after a haploidentical transplant and 18 after a matched "
                             "unrelated donor graft."),
                    ("body", "Complete remission on day 28 was reached by 24 of 30 children (80.0%).")])
    assert {a for e, a, v, _ in facts if v == 80.0} == {"tisagenlecleucel"}


@pytest.mark.parametrize("phrase, code", [
    ("At the 3-month scan, 14 patients (58.3%) were in complete metabolic response.", "3mo"),
    ("on the 6-month PET-CT assessment", "6mo"),
    ("in the 12-week marrow biopsy", "12wk"),
])
def test_a_rate_read_at_a_scheduled_scan_keeps_its_window(phrase, code):
    """Regression: scan_window_lost ('At the 3-month scan, x% were in complete metabolic response' had no timepoint)."""
    assert [w.code for w in find_windows(phrase)] == [code]


def test_randomising_children_to_two_treatments_makes_a_two_arm_report():
    """Regression: randomised_children_read_as_single_arm ('randomized children to A or B' did not count as a randomised
    design, so the comparator's results took the study therapy)."""
    facts = _facts([("title", "Blinatumomab added to consolidation in standard-risk childhood leukaemia"),
                    ("body", "The Larkspur trial (NCT09999456) randomized children to blinatumomab or chemotherapy."),
                    ("body", "At 3 years, event-free survival was 90.4% with blinatumomab and 84.9% with chemotherapy.")])
    assert {(a, v) for e, a, v, _ in facts if e == "EFS"} == {("blinatumomab", 90.4), ("chemotherapy", 84.9)}


@pytest.mark.parametrize("phrase", ["for those given chemotherapy alone", "for those who received chemotherapy alone",
                                    "for patients treated with chemotherapy alone"])
def test_a_value_for_those_given_a_treatment_is_that_arms(phrase):
    """Regression: for_those_given_lost ('compared with x% for those given chemotherapy alone' took the first arm)."""
    facts = _facts([("title", "Inotuzumab added to consolidation in high-risk childhood leukaemia"),
                    ("body", "In the Wren trial (NCT09999789), children were randomly assigned to inotuzumab plus "
                             "chemotherapy or chemotherapy alone."),
                    ("body", f"Three-year event-free survival was 86.0% for children who received inotuzumab, "
                             f"compared with 79.5% {phrase}.")])
    assert {(a, v) for e, a, v, _ in facts if e == "EFS"} == {("inotuzumab", 86.0), ("chemotherapy", 79.5)}


def test_a_total_sized_with_an_age_range_is_the_enrolment():
    """Regression: aged_range_hid_total ('968 participants aged 1 to 30 years were randomized' lost the total)."""
    facts = _facts([("title", "Inotuzumab added to consolidation in high-risk childhood leukaemia"),
                    ("body", "In the Wren trial (NCT09999789), 640 participants aged 2 to 25 years were randomized, "
                             "320 to each arm, to inotuzumab plus chemotherapy or chemotherapy alone.")])
    assert ("ENROLLED", None, 640.0, None) in facts


_LARCH_TITLE = ("title", "Venetoclax plus azacitidine versus intensive chemotherapy in fit older adults with AML")
_LARCH_RESULT = ("body", "Complete remission was reached by 61 of 80 patients (76.3%).")


@pytest.mark.parametrize("paragraphs", [
    [("title", "Venetoclax plus azacitidine versus intensive chemotherapy in fit older adults with AML: the HOVON "
               "Larch trial"), ("body", "Larch was open to adults aged 60 to 75 years.")],
    [_LARCH_TITLE, ("body", "Methods: Larch is an open-label, randomised, phase 3 trial done at 60 NCRI hospitals.")],
    [_LARCH_TITLE, ("body", "After VIALE-A and QUAZAR, whether fit patients benefit was unknown. In the Larch trial, "
                            "adults were randomly assigned to the two treatments.")],
    [("title", "Venetoclax-azacitidine in fit older AML: first results of the randomised Larch trial of the GIMEMA "
               "group")],
    [("title", "Older adults with leukaemia lived longer on a gentler regimen"),
     ("body", "In a study called Larch, run by the UK's NCRI, 400 adults were randomly assigned to treatments.")],
], ids=["group-acronym-before-name", "methods-name-is-a-trial", "other-trials-first", "randomised-name-trial",
        "news-called"])
def test_a_study_named_by_a_word_is_found_in_common_shapes(paragraphs):
    """Regression: word_name_lost_to_capitals (a report naming its study by an ordinary word lost it to a cooperative
    group's acronym, to trials its introduction cites, or to nothing when the word was used once)."""
    assert {r.trial for r in extract_evidence(_doc(paragraphs + [_LARCH_RESULT]))} == {"Larch"}


def test_a_word_said_once_is_not_a_name_without_an_explicit_cue():
    """Negative: a capitalised word used once and never called the study's name ('Pacific' as a place) names nothing."""
    records = extract_evidence(_doc([_LARCH_TITLE, ("body", "Adults from Pacific hospitals were randomly assigned."),
                                     _LARCH_RESULT]))
    assert {r.trial for r in records} == {None}


@pytest.mark.parametrize("heading", ["DISCLOSURES", "KEY TAKEAWAYS", "MEDIA CONTACT", "FORWARD-LOOKING STATEMENTS",
                                     "ELIGIBILITY", "RAPID COMMUNICATION"])
def test_a_run_in_capitals_heading_is_not_a_study_name(heading):
    """Regression: run_in_heading_as_trial (a capitals heading set on its paragraph's first line, 'DISCLOSURES In the
    Larch trial, ...', was proposed by the NER as a trial and became the report's study)."""
    records = extract_evidence(_doc([_LARCH_TITLE, ("body", f"{heading} In the Larch trial, 400 adults were randomly "
                                                            "assigned to the two treatments."), _LARCH_RESULT]))
    assert {r.trial for r in records} == {"Larch"}


_TAMARISK = [("title", "Daratumumab-VRd with or without transplant in newly diagnosed myeloma"),
             ("body", "In the Tamarisk trial (NCT09999123), patients were randomly assigned to transplant (the ASCT "
                      "group) or to eight further cycles (the DVRd8 group).")]


_METHODS_FILLER = ("Methods: patients were stratified by IGHV status, age and geographic region. Minimal residual "
                   "disease was measured in blood by flow cytometry at a sensitivity of one cell in ten thousand. "
                   "Responses were assessed by investigators with computed tomography every twelve weeks in the "
                   "first two years and every six months afterwards. Adverse events were graded with version five "
                   "of the common terminology criteria, and every patient who received a dose was included in the "
                   "safety population. The data cutoff came after the prespecified number of events had been reached "
                   "and an independent committee reviewed every progression.")


def test_a_subgroup_pair_called_progression_free_is_split_between_the_arms():
    """Regression: progression_free_adjective_unread ('with 78.1% and 64.3% progression-free' after a 3-year PFS
    sentence gave no record: 'progression-free' after a share was no endpoint, and the pair was not split)."""
    facts = _facts(_TAMARISK + [("body", "At 3 years, 84.2% of patients in the ASCT group and 77.0% in the DVRd8 group "
                                         "were alive without progression. Among 120 patients with high-risk "
                                         "cytogenetics, transplantation mattered more, with 80.1% and 66.3% "
                                         "progression-free.")])
    assert {("PFS", "asct", 80.1, "3y"), ("PFS", "dvrd8", 66.3, "3y")} <= facts


def test_the_first_of_a_versus_pair_takes_the_endpoint_after_the_second():
    """Regression: pair_first_value_dropped ('31.5% v 10.0% progression-free' kept only the second figure)."""
    facts = _facts(_TAMARISK + [("body", "• Primary refractory (n = 40): 31.5% v 10.0% progression-free.")])
    assert {(e, a, v) for e, a, v, _ in facts if v in (31.5, 10.0)} == {("PFS", "asct", 31.5), ("PFS", "dvrd8", 10.0)}


def test_a_survival_share_without_a_time_takes_the_reports_one_landmark():
    """Regression: subgroup_share_undated ('In patients with unmutated IGHV, 82.5% v 69.0% were alive and
    progression-free' in Results, with the 4-year landmark given only in the abstract, had no timepoint)."""
    facts = _facts([("title", "Zanubrutinib-obinutuzumab versus venetoclax-obinutuzumab in untreated CLL"),
                    ("body", "In the Osier trial (NCT09999321), patients were randomly assigned to the two "
                             "combinations. The 4-year PFS estimate was 81.0% with zanubrutinib and 74.2% with "
                             "venetoclax."),
                    ("body", _METHODS_FILLER),
                    ("body", "In patients with unmutated IGHV, 79.5% v 66.0% were alive and progression-free.")])
    assert {(e, v, t) for e, _, v, t in facts if v in (79.5, 66.0)} == {("PFS", 79.5, "4y"), ("PFS", 66.0, "4y")}


def test_a_share_of_events_takes_no_landmark():
    """Negative: 'EFS events had occurred in 31% ...' is a share with an event, not a survival estimate at a time."""
    facts = _facts([("title", "Blinatumomab versus chemotherapy before transplant in relapsed childhood ALL"),
                    ("body", "In the Heron trial (NCT09999654), children were randomly assigned to blinatumomab or "
                             "chemotherapy. The 2-year EFS was 66.2% with blinatumomab and 40.7% with chemotherapy."),
                    ("body", "EFS events had occurred in 28% of the blinatumomab group and 52% of the chemotherapy "
                             "group.")])
    assert {t for e, _, v, t in facts if v in (28.0, 52.0)} == {None}


def test_a_survival_share_stays_undated_when_the_report_gives_two_landmarks():
    """Negative: with PFS at 2 and 4 years in the report, an undated share cannot be told which it is."""
    facts = _facts([("title", "Zanubrutinib-obinutuzumab versus venetoclax-obinutuzumab in untreated CLL"),
                    ("body", "In the Osier trial (NCT09999321), patients were randomly assigned to the two "
                             "combinations. PFS was 90.1% at 2 years and 81.0% at 4 years with zanubrutinib."),
                    ("body", _METHODS_FILLER),
                    ("body", "In patients with unmutated IGHV, 79.5% v 66.0% were alive and progression-free.")])
    assert {t for e, _, v, t in facts if v in (79.5, 66.0)} == {None}


_WREN = [("title", "Inotuzumab added to chemotherapy versus chemotherapy in adults with ALL"),
         ("body", "In the Wren trial (NCT09999789), adults were randomly assigned to inotuzumab plus chemotherapy (the IC "
                  "group) or chemotherapy alone (the C group). At 3 years, event-free survival was 68.2% in the IC group "
                  "and 54.9% in the C group.")]


def test_a_response_that_defines_a_subgroup_is_not_the_measured_endpoint():
    """Regression: subgroup_response_read_as_endpoint ('For patients with MRD-negative remission after induction, the
    3-year figures were 76.4% vs 67.3%' gave two MRD-negativity rates instead of event-free survival at 3 years)."""
    facts = _facts(_WREN + [("body", "For patients with MRD-negative remission after induction, the 3-year figures "
                                     "were 76.4% vs 67.3%.")])
    assert {(e, a, v, t) for e, a, v, t in facts if v in (76.4, 67.3)} == {
        ("EFS", "inotuzumab", 76.4, "3y"), ("EFS", "chemotherapy", 67.3, "3y")}


def test_the_share_of_patients_with_a_response_is_that_response():
    """Negative: 'the proportion of patients with MRD negativity was 80.0%' measures MRD negativity."""
    facts = _facts(_WREN + [("body", "The proportion of patients with MRD negativity was 80.0% in the IC group.")])
    assert ("MRD_NEG", "inotuzumab", 80.0, None) in facts


@pytest.mark.parametrize("sentence", [
    "The 4-year PFS with venetoclax is close to that seen in GAIA-2, where 6-year PFS was 53.1%.",
    "Our 4-year PFS with venetoclax compares with older data: MURANO-7 reported 5-year PFS of 84.0% in a fitter group.",
    "In CLARITY-9, where 6-year PFS was 53.1%, patients were younger.",
])
def test_figures_in_a_clause_about_another_named_study_are_not_the_reports(sentence):
    """Regression: other_study_clause_kept ('... close to that seen in CLL14, where 6-year PFS was 53.1%, while
    ELEVATE-TN reported 5-year PFS of 84% ...' gave the report two records of other trials' figures)."""
    facts = _facts([("title", "Zanubrutinib-obinutuzumab versus venetoclax-obinutuzumab in untreated CLL"),
                    ("body", "In the Osier trial (NCT09999321), patients were randomly assigned to the two "
                             "combinations. The 4-year PFS estimate was 81.0% with zanubrutinib and 74.2% with "
                             "venetoclax."),
                    ("body", sentence)])
    assert not {v for _, _, v, _ in facts} & {53.1, 84.0}


def test_a_gene_as_subject_of_a_verb_is_no_other_study():
    """Negative: 'patients with mutated IGHV showed no difference (89.8% v 91.2%)' are the report's own figures."""
    facts = _facts([("title", "Zanubrutinib-obinutuzumab versus venetoclax-obinutuzumab in untreated CLL"),
                    ("body", "In the Osier trial (NCT09999321), patients were randomly assigned to the two "
                             "combinations. The 4-year PFS estimate was 81.0% with zanubrutinib and 74.2% with "
                             "venetoclax."),
                    ("body", "In patients with unmutated IGHV, the 4-year estimates were 79.5% v 66.0%; patients with "
                             "mutated IGHV showed no difference (89.8% v 91.2%).")])
    assert {89.8, 91.2} <= {v for _, _, v, _ in facts}


def test_a_group_size_before_a_list_of_shares_is_no_share():
    """Regression: group_size_read_as_share ('among patients aged 40 years or older (n = 142), 61.7% remained
    event-free' read 142 as a percentage chained to 61.7%, which validation then rejected)."""
    facts = _facts(_WREN + [("body", "The advantage in event-free survival at 3 years was consistent across "
                                     "subgroups; among patients aged 40 years or older (n = 142), 61.7% remained "
                                     "event-free with IC, and 42.0% with C.")])
    assert 142.0 not in {v for e, _, v, _ in facts if e != "ENROLLED"}
    assert {("EFS", "inotuzumab", 61.7, "3y"), ("EFS", "chemotherapy", 42.0, "3y")} <= facts


_DONOR_COHORT = "Of the 540 adults included (median age, 51 years), {}."


@pytest.mark.parametrize("split", [
    "210 received a graft from a haploidentical relative and the other 330 from a matched unrelated donor",
    "210 received a graft from a haploidentical relative and 330 received a graft from a matched unrelated donor",
])
def test_donor_types_sized_one_by_one_are_each_sides_enrolment(split):
    """Regression: donor_split_unsized ('238 received a graft from a haploidentical relative and the other 374 from a
    matched unrelated donor' gave no per-side counts; 'matched unrelated donor' was read as 'unrelated donor')."""
    facts = _facts([_DONOR_TITLE, ("body", _DONOR_COHORT.format(split))])
    assert {("ENROLLED", "haploidentical", 210.0, None), ("ENROLLED", "matched unrelated donor", 330.0, None)} <= facts


def test_a_subgroup_that_fared_worse_continues_the_figure_before_it():
    """Regression: fared_worse_unread ('The MRD-positive minority (n = 171) fared worse, at 48.5% vs 51.2%' after a
    3-year OS sentence gave nothing)."""
    facts = _facts([_DONOR_TITLE, ("body", "At 2 years, overall survival was 58.3% after haploidentical transplant and "
                                           "61.7% after MUD transplant. The MRD-positive minority (n = 150) fared "
                                           "worse, at 45.5% vs 49.2%.")])
    assert {("OS", "haploidentical", 45.5, "2y"), ("OS", "matched unrelated donor", 49.2, "2y")} <= facts


def test_a_drug_code_in_the_title_is_not_the_study_name():
    """Regression: drug_code_as_study (a title listing a development code among the compared treatments, 'CPX-351,
    FLAG-Ida or venetoclax-azacitidine ...', made the code the study's name, though the text only ever gave it as a
    treatment and named its study 'the Trestle trial')."""
    records = extract_evidence(_doc([
        ("title", "QRX-718, FLAG-Ida or venetoclax-azacitidine in fit adults with AML: a three-arm randomised trial"),
        ("body", "In the Trestle trial (ISRCTN12345678), adults were randomly assigned to QRX-718, FLAG-Ida or "
                 "venetoclax-azacitidine."),
        ("body", "Complete remission was reached by 60 of 80 patients (75.0%) with QRX-718.")]))
    assert {r.trial for r in records} == {"Trestle"}


def test_a_code_the_text_calls_a_trial_stays_the_study_name():
    """Negative: 'HARROW-2 enrolled ...' and 'the HARROW-2 trial' name a study, however often a drug is given with it."""
    records = extract_evidence(_doc([
        ("title", "Acalabrutinib plus venetoclax versus chemoimmunotherapy in untreated CLL: the randomised phase 3 "
                  "HARROW-2 trial"),
        ("body", "HARROW-2 (NCT09111333) enrolled 600 adults, who were assigned to acalabrutinib plus venetoclax or "
                 "to chemoimmunotherapy."),
        ("body", "Complete remission was reached by 60 of 80 patients (75.0%).")]))
    assert {r.trial for r in records} == {"HARROW-2"}


def test_an_acronym_defined_after_a_groups_name_is_no_study():
    """Regression: group_acronym_as_study ('The German CLL Study Group (GCLLSG) ran HARROW-2, a randomised phase 3
    trial' made the group's acronym the study)."""
    records = extract_evidence(_doc([
        ("title", "Acalabrutinib plus venetoclax versus chemoimmunotherapy in untreated CLL"),
        ("body", "The Danish CLL Study Group (DCLLSG) ran HARROW-2, a randomised phase 3 trial (NCT09111333)."),
        ("body", "Complete remission was reached by 60 of 80 patients (75.0%).")]))
    assert {r.trial for r in records} == {"HARROW-2"}


def test_the_name_in_the_design_sentence_outranks_a_trial_the_introduction_cites():
    """Regression: cited_trial_first ('... became standard after the CLL14 trial. METHODS In the open-label phase 3
    CORNICE-2 trial, 512 patients were randomly assigned' took the cited trial, named first, as the report's study)."""
    records = extract_evidence(_doc([
        ("title", "Zanubrutinib plus venetoclax versus venetoclax-obinutuzumab in untreated CLL: a randomised trial"),
        ("body", "PURPOSE Fixed-duration venetoclax-obinutuzumab became standard after the CLL14 trial. METHODS In the "
                 "open-label phase 3 HAWTHORN-3 trial, 512 patients were randomly assigned."),
        ("body", "Complete remission was reached by 60 of 80 patients (75.0%).")]))
    assert {r.trial for r in records} == {"HAWTHORN-3"}


_ASTRAGAL_TITLE = ("title", "Gilteritinib or Midostaurin with Chemotherapy in FLT3-Mutated AML")
_ASTRAGAL_OPENING = ("body", "BACKGROUND Midostaurin with chemotherapy is standard. METHODS We randomly assigned adults "
                             "to gilteritinib or midostaurin with chemotherapy. (Funded by Pellham Pharma; "
                             "ClinicalTrials.gov number, NCT09123456.)")
_ASTRAGAL_RESULT = ("body", "Complete remission was reached by 60 of 80 patients (75.0%) with gilteritinib.")


@pytest.mark.parametrize("naming", [
    "(Funded by Pellham Pharma; QUILLON ClinicalTrials.gov number, NCT09123456.)",
    "J. Smith and K. Jones, on behalf of the QUILLON investigators.",
    "The QUILLON steering committee designed the trial, and the sponsor collected the data.",
    "QUILLON enrolled 618 adults at 120 centres in 14 countries.",
    "QUILLON randomly assigned adults in a 1:1 ratio.",
])
def test_a_capitals_name_given_once_after_a_registry_only_opening_names_the_study(naming):
    """Regression: registry_number_kept_over_name (a report whose opening gives only its registry number, and which
    names its study once later, in NEJM's funding line, a byline, its steering committee or as the subject of a
    design verb, was filed under the number)."""
    records = extract_evidence(_doc([_ASTRAGAL_TITLE, _ASTRAGAL_OPENING, ("body", _METHODS_FILLER),
                                     ("body", _METHODS_FILLER), ("body", _METHODS_FILLER), ("body", naming),
                                     _ASTRAGAL_RESULT]))
    assert {r.trial for r in records} == {"QUILLON"}


def test_a_capitals_name_cited_as_another_study_stays_another_study():
    """Negative: 'ELEVATE-TN reported ...' in the discussion does not rename a report known by its number."""
    records = extract_evidence(_doc([_ASTRAGAL_TITLE, _ASTRAGAL_OPENING, _ASTRAGAL_RESULT,
                                     ("body", "In an earlier trial, RATIFY-2 enrolled 717 adults and reported a "
                                              "benefit of midostaurin.")]))
    assert {r.trial for r in records if r.value == 75.0} == {"NCT09123456"}


def test_a_poster_subtitle_led_by_an_acronym_names_the_study():
    """Regression: subtitle_acronym_unread (a poster whose line under the title reads 'NAME: primary analysis' and whose
    registry number comes later was filed under the number)."""
    records = extract_evidence(_doc([
        ("title", "Mosunetuzumab plus lenalidomide versus bendamustine-rituximab in follicular lymphoma"),
        ("body", "WEMBLEY: primary analysis of a randomised phase 2 trial"),
        ("body", "Design: NCT09123456; 1:1 randomisation of 200 adults."),
        ("body", "Complete remission was reached by 60 of 80 patients (75.0%).")]))
    assert {r.trial for r in records} == {"WEMBLEY"}


def test_a_subtitle_led_by_a_disease_acronym_names_no_study():
    """Negative: 'DLBCL: a randomised phase 2 trial' under the title leads with a disease, not a study."""
    records = extract_evidence(_doc([
        ("title", "Mosunetuzumab plus lenalidomide versus bendamustine-rituximab in relapsed lymphoma"),
        ("body", "DLBCL: primary analysis of a randomised phase 2 trial"),
        ("body", "Design: NCT09123456; 1:1 randomisation of 200 adults."),
        ("body", "Complete remission was reached by 60 of 80 patients (75.0%).")]))
    assert {r.trial for r in records} == {"NCT09123456"}


_WEMBLEY = ("title", "Mosunetuzumab plus lenalidomide versus bendamustine-rituximab in relapsed follicular lymphoma: "
                     "the WEMBLEY trial")


@pytest.mark.parametrize("design, result", [
    ("Patients were randomly assigned to group A (mosunetuzumab plus lenalidomide) or group B (bendamustine plus "
     "rituximab).", "Complete response was reached by 61.0% in group A and 42.5% in group B."),
    ("Patients were randomly assigned to mosunetuzumab plus lenalidomide (group A) or bendamustine plus rituximab "
     "(group B).", "Complete response was reached by 61.0% in Group A and 42.5% in Group B."),
    ("Group A received mosunetuzumab plus lenalidomide; group B received bendamustine plus rituximab.",
     "• Complete response: group A 61.0%, group B 42.5%."),
    ("Patients were randomised to arm 1 (mosunetuzumab plus lenalidomide) or arm 2 (bendamustine plus rituximab).",
     "Complete response was reached by 61.0% in arm 1 and 42.5% in arm 2."),
], ids=["label-first", "label-after", "received", "numbered-arms"])
def test_lettered_groups_take_the_treatment_they_are_defined_with(design, result):
    """Regression: lettered_groups_unread ('group A (X) or group B (Y)' defined no arms, so group B's figures took the
    study's first treatment). Written from common phrasing, not from a development report."""
    facts = _facts([_WEMBLEY, ("body", design), ("body", result)])
    assert {(a, v) for e, a, v, _ in facts if e == "CR"} == {("mosunetuzumab", 61.0), ("bendamustine", 42.5)}


def test_a_single_lettered_group_defines_no_arms():
    """Negative: one 'cohort A (...)' in a single-arm study is a cohort, not one of two arms."""
    facts = _facts([("title", "Mosunetuzumab in relapsed follicular lymphoma: a phase 2 study"),
                    ("body", "Cohort A (mosunetuzumab monotherapy) enrolled 90 adults."),
                    ("body", "Complete response was reached by 54 of 90 patients (60.0%).")])
    assert {a for e, a, v, _ in facts if e == "CR"} == {"mosunetuzumab"}


@pytest.mark.parametrize("phrase, code", [
    ("Grade II-IV acute GVHD by day +100 occurred in 28.4%.", "d100"),
    ("MRD negativity at completion of therapy was 81.0%.", "EOT"),
    ("Complete remission at the end of the first 4-week cycle was 44.0%.", "cycle1"),
])
def test_common_window_phrasings_are_read(phrase, code):
    """Regression: windows_unread ('by day +100' counted from the transplant, 'at completion of therapy', 'the first
    4-week cycle' gave no window). Written from common phrasing."""
    assert [w.code for w in find_windows(phrase)] == [code]


def test_a_subgroups_bare_hazard_ratio_continues_the_last_ones_endpoint():
    """Regression: subgroup_hr_dropped ('In those with mutated IGHV, the curves overlapped (HR, 1.02 ...)' after a
    subgroup's PFS sentence gave no record: the hazard ratio named no endpoint)."""
    records = extract_evidence(_doc([
        ("title", "Zanubrutinib-obinutuzumab versus venetoclax-obinutuzumab in untreated CLL"),
        ("body", "In the Osier trial (NCT09999321), patients were randomly assigned to the two combinations. The 4-year "
                 "PFS estimate was 81.0% with zanubrutinib and 74.2% with venetoclax (HR, 0.68)."),
        ("body", "In patients with unmutated IGHV, 79.5% v 66.0% were alive and progression-free (HR, 0.55). In "
                 "those with mutated IGHV, the curves overlapped (HR, 1.02; 95% CI, 0.54 to 1.93).")]))
    assert ("PFS", "hazard_ratio", 1.02) in {(r.endpoint, r.statistic, r.value) for r in records}


def test_a_bare_hazard_ratio_outside_a_subgroup_sentence_stays_unread():
    """Negative: 'The adjusted model gave an HR of 0.91' names no endpoint and continues no subgroup."""
    records = extract_evidence(_doc([
        ("title", "Zanubrutinib-obinutuzumab versus venetoclax-obinutuzumab in untreated CLL"),
        ("body", "In the Osier trial (NCT09999321), patients were randomly assigned to the two combinations. The 4-year "
                 "PFS estimate was 81.0% with zanubrutinib and 74.2% with venetoclax (HR, 0.68)."),
        ("body", "A sensitivity analysis with another model gave an HR of 0.91.")]))
    assert 0.91 not in {r.value for r in records}


_THREE_ARMS = [("title", "Ponatinib-blinatumomab versus ponatinib-hyper-CVAD versus dasatinib-hyper-CVAD in Ph-positive "
                         "ALL: a three-arm randomised trial"),
               ("body", "In the Wharf trial (NCT09999888), 450 adults were randomly assigned 1:1:1 to ponatinib plus "
                        "blinatumomab (PB), ponatinib plus hyper-CVAD (PH) or dasatinib plus hyper-CVAD (DH).")]


@pytest.mark.parametrize("result", [
    "Complete molecular response at 3 months was reached by 72.0%, 65.3% and 58.0% of patients, respectively.",
    "Complete molecular response at 3 months: 72.0% (PB), 65.3% (PH) and 58.0% (DH).",
])
def test_three_arms_are_read_in_the_order_they_were_defined(result):
    """Regression: three_arm_list_collapsed (a three-arm report's 'A%, B% and C%, respectively' and 'A% (PB), B% (PH)'
    gave the second value to the first arm). Written from common phrasing."""
    facts = _facts(_THREE_ARMS + [("body", result)])
    assert [a for _, a, v, _ in sorted(facts, key=lambda f: -f[2]) if v in (72.0, 65.3, 58.0)] == [
        "ponatinib-blinatumomab", "ponatinib-chemotherapy", "dasatinib"]


def test_a_two_value_respectively_list_in_a_three_arm_report_is_not_spread_over_three_arms():
    """Negative: two values 'respectively' cannot be the three defined arms' (they stay with the pair logic)."""
    facts = _facts(_THREE_ARMS + [("body", "Grade 3 CRS occurred in 4.0% and 1.3% of patients, respectively.")])
    assert "dasatinib" not in {a for _, a, v, _ in facts if v in (4.0, 1.3)}


def test_shares_of_patients_in_the_listed_groups_respectively_follow_the_list():
    """Regression: of_patients_list_lead ('41% and 27% of patients in the blinatumomab and chemotherapy groups,
    respectively' gave both values to the first arm). Written from common phrasing."""
    facts = _facts([("title", "Blinatumomab versus chemotherapy for first relapse of B-ALL in adults"),
                    ("body", "In the Marlin trial (NCT09999777), 300 adults were randomly assigned to blinatumomab or "
                             "chemotherapy."),
                    ("body", "Allogeneic transplantation was performed in 41% and 27% of patients in the "
                             "blinatumomab and chemotherapy groups, respectively.")])
    assert {(a, v) for e, a, v, _ in facts if e == "ALLOHSCT"} == {("blinatumomab", 41.0), ("chemotherapy", 27.0)}


@pytest.mark.parametrize("naming", [
    "(Funded by Pellham Pharma; Quillon ClinicalTrials.gov number, NCT09123456.)",
    "J. Smith and K. Jones, on behalf of the Quillon investigators.",
    "The Quillon steering committee designed the trial, and the sponsor collected the data.",
    "Quillon enrolled 618 adults at 120 centres in 14 countries.",
    "Quillon was an open-label, phase 3 trial done at 120 centres.",
])
def test_a_word_name_given_once_after_a_registry_only_opening_names_the_study(naming):
    """Regression: word_name_after_opening_lost (the capitals shapes' twin for a study named by an ordinary word
    beyond the opening). Written from common phrasing."""
    records = extract_evidence(_doc([_ASTRAGAL_TITLE, _ASTRAGAL_OPENING, ("body", _METHODS_FILLER),
                                     ("body", _METHODS_FILLER), ("body", _METHODS_FILLER), ("body", naming),
                                     _ASTRAGAL_RESULT]))
    assert {r.trial for r in records} == {"Quillon"}


def test_a_word_name_of_an_earlier_study_does_not_rename_the_report():
    """Negative: 'the earlier Quillon trial enrolled 400 adults' is another study."""
    records = extract_evidence(_doc([_ASTRAGAL_TITLE, _ASTRAGAL_OPENING, ("body", _METHODS_FILLER),
                                     ("body", _METHODS_FILLER), ("body", _METHODS_FILLER),
                                     ("body", "In the earlier Quillon trial, adults were randomly assigned to "
                                              "midostaurin or placebo."), _ASTRAGAL_RESULT]))
    assert {r.trial for r in records if r.value == 75.0} == {"NCT09123456"}


def test_a_code_defined_as_a_car_by_a_copula_is_the_study_therapy():
    """Regression: copula_car_code_lost ('TVH1920 is a tandem CD19/CD20 CAR manufactured at our centre' named the arm
    after the CD20 target instead of the code). Written from common phrasing."""
    facts = _facts([("title", "A phase 1 dose-escalation study of an academic CAR T-cell product in relapsed CLL"),
                    ("body", "RKT2207 is a tandem CD19/CD20 CAR manufactured at our centre; 22 patients were infused "
                             "after fludarabine and cyclophosphamide."),
                    ("body", "Complete remission on day 28 was reached by 17 of 22 patients (77.3%).")])
    assert {a for _, a, v, _ in facts if v == 77.3} == {"rkt2207"}


def test_a_lymphodepleting_drug_is_never_a_cell_therapy_reports_therapy():
    """Regression: lymphodepletion_as_therapy (a single-arm CAR-T report naming no product put every record on
    fludarabine, the first drug of its opening)."""
    facts = _facts([("title", "A phase 1 dose-escalation study of an academic CAR T-cell product in relapsed CLL"),
                    ("body", "Lymphodepletion with fludarabine and cyclophosphamide preceded the CAR T-cell infusion in "
                             "all 22 patients."),
                    ("body", "Complete remission on day 28 was reached by 17 of 22 patients (77.3%).")])
    assert "fludarabine" not in {a for _, a, v, _ in facts}


@pytest.mark.parametrize("registration", ["EudraCT: 2021-003874-52", "EudraCT number: 2021-003874-52",
                                          "EudraCT No. 2021-003874-52"])
def test_a_eudract_number_with_a_label_is_one_study_name(registration):
    """Regression: eudract_label_variants ('EudraCT: X' was no registration, 'EudraCT number X' a name of its own)."""
    records = extract_evidence(_doc([
        ("title", "Inotuzumab with reduced-intensity chemotherapy in relapsed paediatric B-ALL: a phase 2 study"),
        ("body", f"Methods: This single-arm phase 2 study ({registration}) enrolled 40 children."),
        ("body", "Complete remission was reached by 30 of 40 children (75.0%).")]))
    assert {r.trial for r in records} == {"EudraCT 2021-003874-52"}
