"""Rule classes of issue 11, round 26: how a report names its own study. A poster's subtitle 'The X Study: ...'; a
protocol code built of terms and a number before its registry number ('AB-CLL-31 (NCT...)'); a news story's 'The
trial, known as GROUP 1234, ...'; a treatment cited with another named study in the background is not the study's.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from extractors.nlp.trials import find_trial_mentions
from tests.test_evidence_report_rules import _doc

SUBTITLED_POSTER = [
    ("title", "Ibrutinib and Venetoclax With Short-Course Obinutuzumab for Untreated Mantle Cell Lymphoma"),
    ("body", "The Heronsgate Study: Primary Analysis of a Phase 2 Trial"),
    ("body", "Ilse Brandvold1, Tomasz Reczek2 1Fjordvik University Hospital; 2Wroclaw Haematology Centre"),
    ("body", "METHODS • Single-arm, multicentre phase 2 study (NCT20881234) in adults aged 65 years or older."),
    ("body", "• Heronsgate asks whether a fixed-duration triplet is enough without chemotherapy."),
    ("body", "RESULTS • Complete response was achieved in 71.4% of patients after 6 cycles."),
]


def test_a_posters_subtitle_the_x_study_names_the_study():
    """Regression: subtitle_word_name_unread (a poster whose subtitle line reads 'The Heronsgate Study: ...' went by its
    registry number, because only an acronym-led subtitle named the study)."""
    records = extract_evidence(_doc(SUBTITLED_POSTER))
    assert {r.trial for r in records if r.endpoint == "CR"} == {"Heronsgate"}


def test_a_subtitle_line_of_authors_names_no_study():
    """A subtitle line that does not call the word a study leaves the study to the registry number."""
    paragraphs = [SUBTITLED_POSTER[0], ("body", "Tollund Regional Hospital: a retrospective review of practice"),
                  *SUBTITLED_POSTER[2:4], SUBTITLED_POSTER[5]]
    records = extract_evidence(_doc(paragraphs))
    assert {r.trial for r in records if r.endpoint == "CR"} == {"NCT20881234"}


CODED_ASSESSMENT = [
    ("title", "Assessment report: acalabrutinib, extension of indication to previously untreated CLL"),
    ("body", "1. Background. Untreated CLL in older adults is often managed with chemoimmunotherapy; in the CLL-RETRO "
             "study, bendamustine-rituximab gave a complete response rate of 31%."),
    ("body", "2. Pivotal study. The application rests on one open-label, single-arm phase 2 study, AB-CLL-31 "
             "(NCT20770315), run at 17 sites."),
    ("body", "3. Efficacy. Complete response was reached by 27.5% of treated patients."),
]


def test_a_protocol_code_of_terms_before_its_registry_number_names_the_study():
    """Regression: code_of_terms_rejected ('AB-CLL-31 (NCT...)' was dropped because each of its parts is a term or a
    number, so the report took a study cited in its background as its own)."""
    records = extract_evidence(_doc(CODED_ASSESSMENT))
    own = [r for r in records if r.endpoint == "CR" and r.value == 27.5]
    assert [(r.trial, r.arm) for r in own] == [("AB-CLL-31", "acalabrutinib")]


def test_a_treatment_cited_with_another_named_study_is_not_the_study_therapy():
    """Regression: cited_study_treatment_as_therapy (a core product named in the background beside another study's
    figure, 'brexucabtagene autoleucel ... in the ZETA-4 study', became a single-arm report's therapy over the title's
    drug)."""
    paragraphs = [("title", "Assessment report: glofitamab in relapsed mantle cell lymphoma"),
                  ("body", "Brexucabtagene autoleucel is authorised here, with a response rate of 88% in the ZETA-4 "
                           "study, but many patients cannot receive it."),
                  ("body", "The application rests on one single-arm phase 2 study, GL-MCL-12 (NCT20770316)."),
                  ("body", "Complete response was reached by 51.2% of treated patients.")]
    records = extract_evidence(_doc(paragraphs))
    assert {(r.trial, r.arm) for r in records if r.value == 51.2} == {("GL-MCL-12", "glofitamab")}


def test_a_code_of_terms_without_a_registry_cue_is_still_no_study():
    """A code made only of terms and a number stays a non-study without a shape that says it is one ('ALL-MRD-10')."""
    assert [m.text for m in find_trial_mentions("Patients with ALL-MRD-10 levels were treated.") if m.kind != "nct"] == []


def test_a_study_known_as_a_group_code_names_the_study():
    """Regression: known_as_code_unread (a news story's 'The trial, known as KHSG 3107 and run by ...' named the study
    only that way, so the report went by a registry number printed at its end)."""
    paragraphs = [("title", "Transplant beats continued therapy for older adults with AML, randomised trial finds"),
                  ("body", "BOSTON - Older adults with AML lived longer with a transplant, researchers reported."),
                  ("body", "The trial, known as KHSG 3107 and run by a Danish group across 22 centres, enrolled 190 "
                           "patients aged 60 to 75 years."),
                  ("body", "At 3 years, overall survival was 51.0% in the transplant arm and 33.5% in the "
                           "chemotherapy arm."),
                  ("body", "The trial is registered as EU CT 2022-500123-33-00.")]
    records = extract_evidence(_doc(paragraphs))
    assert {r.trial for r in records if r.endpoint == "OS"} == {"KHSG 3107"}


def test_a_regimen_known_as_a_code_is_no_study():
    """'called' or 'known as' before a code names a study only in a sentence about a study."""
    assert find_trial_mentions("The regimen, known as HCVD 2020, was given in four cycles.") == []


def test_a_title_stopping_versus_continuing_a_regimen_sets_two_policies():
    """Regression: stopping_versus_continuing_read_as_two_drugs (a title 'Stopping versus continuing A plus B ...' was
    read as A against B, so the stopping group's figures went to the first drug)."""
    paragraphs = [("title", "Stopping versus continuing ibrutinib plus rituximab in older adults with mantle cell "
                            "lymphoma in remission (HARTLAND): a randomised phase 3 trial"),
                  ("body", "Methods Patients were randomly assigned (1:1) to stop all therapy (stopping group) or to "
                           "continue both drugs (continuation group). 240 patients were randomly assigned, 121 to "
                           "stopping and 119 to continuing."),
                  ("body", "Findings 2-year progression-free survival was 61.5% in the stopping group and 70.2% in the "
                           "continuation group.")]
    records = extract_evidence(_doc(paragraphs))
    got = {(r.value, r.arm) for r in records if r.endpoint == "PFS"}
    assert got == {(61.5, "discontinuation"), (70.2, "continuing ibrutinib")}


def test_a_plain_language_random_split_into_groups_is_randomised():
    """Regression: lay_randomisation_read_as_single_arm ('A computer put each person into one of two groups by chance'
    was not read as randomisation, so a two-group summary became a single-arm study of its first drug)."""
    from extractors.evidence.frame import _RANDOMISED
    assert _RANDOMISED.search("A computer put each person into one of two groups by chance.")
    assert _RANDOMISED.search("People were split at random into two groups.")
    assert not _RANDOMISED.search("The difference between the groups could be due to chance.")


def test_a_title_setting_a_treatment_against_radiotherapy_names_the_radiotherapy_side():
    """Regression: radiotherapy_comparator_unread ('Can chemotherapy with A replace radiotherapy ...?': radiotherapy was
    no arm, so the summary's figures for the radiotherapy group went to the drug)."""
    paragraphs = [("title", "Can extra chemotherapy with nivolumab replace radiotherapy for young people with Hodgkin "
                            "lymphoma? A summary of the Tolland study"),
                  ("body", "A computer put each person into one of two groups by chance. 150 people were in the "
                           "nivolumab group and 150 in the radiotherapy group."),
                  ("body", "After 3 years, 93.1% of people in the nivolumab group were alive, compared with 94.0% of "
                           "people in the radiotherapy group.")]
    records = extract_evidence(_doc(paragraphs))
    assert {(r.value, r.arm) for r in records if r.endpoint == "OS"} == {(93.1, "nivolumab"), (94.0, "radiotherapy")}


def test_the_full_name_of_the_study_names_it():
    """Regression: full_name_of_study_unread (a plain-language summary naming its study only in 'The full name of the
    study is "Tolland: a randomised trial ..."' went by its ISRCTN number)."""
    paragraphs = [("title", "Does a shorter course of treatment work as well for children with leukaemia? A summary"),
                  ("body", "What were the results? After 2 years, 88.0% of children were alive."),
                  ("body", "The full name of the study is \"Tolland: a randomised trial of shorter maintenance\". It is "
                           "registered as ISRCTN20019876.")]
    records = extract_evidence(_doc(paragraphs))
    assert {r.trial for r in records if r.endpoint == "OS"} == {"Tolland"}


NEWS_TRANSPLANT = [
    ("title", "Transplant beats staying on decitabine for fit older adults with AML, randomised trial finds"),
    ("body", "The trial, known as RHOG 3311, enrolled patients aged 60 to 75 years who were randomized to an "
             "allogeneic stem cell transplant or to continued decitabine. A total of 240 patients underwent "
             "randomization, 120 to each strategy."),
    ("body", "At 3 years, overall survival was 47.0% in the transplant arm and 29.5% in the decitabine arm."),
    ("body", "The group plans a follow-up trial testing maintenance after transplant in 280 patients."),
]


def test_a_transplant_abbreviated_nowhere_names_its_arm_in_words():
    """Regression: unabbreviated_transplant_named_hsct (a report writing only 'allogeneic stem cell transplant' and
    'transplant' had its transplant side named 'allogeneic hsct', an abbreviation it never prints)."""
    records = extract_evidence(_doc(NEWS_TRANSPLANT))
    assert {(r.value, r.arm) for r in records if r.endpoint == "OS"} == {(47.0, "allogeneic transplant"),
                                                                         (29.5, "decitabine")}


def test_n_to_each_strategy_is_each_arms_enrolment():
    """Regression: each_strategy_count_unread ('240 patients underwent randomization, 120 to each strategy' gave no
    per-arm enrolment; '... to each arm' did)."""
    records = extract_evidence(_doc(NEWS_TRANSPLANT))
    assert {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED" and r.value == 120} == {
        (120, "allogeneic transplant"), (120, "decitabine")}


def test_a_planned_follow_up_trials_size_is_no_enrolment():
    """Regression: future_trial_size_read_as_enrolment ('The group plans a follow-up trial testing X in 280 patients'
    was read as the study's enrolment)."""
    records = extract_evidence(_doc(NEWS_TRANSPLANT))
    assert not [r for r in records if r.value == 280]


def test_a_drug_prefix_extends_a_short_regimen_code():
    """Regression: prefixed_regimen_code_unread ('D-VRd', 'Isa-Pd': a drug's prefix before a short regimen code named no
    arm, so a trial of two such regimens had no arms)."""
    from extractors.evidence.arms import find_arms
    assert [a.arm for a in find_arms("48-month PFS was 60.1% with D-VRd and 50.2% with Dara-Rd")] == [
        "daratumumab-bortezomib-lenalidomide-dexamethasone", "daratumumab-lenalidomide-dexamethasone"]
    assert [a.arm for a in find_arms("Isa-Pd versus Pd")] == ["isatuximab-pomalidomide-dexamethasone",
                                                              "pomalidomide-dexamethasone"]
    assert [a.arm for a in find_arms("the Isa-KRd12 group")] == []  # a group label built on the code stays a label


def test_a_backbone_code_before_a_group_label_leaves_the_label_its_own():
    """A prefixed code the report gives every patient before randomisation ('six cycles of Isa-KRd ... (the ASCT group)')
    does not become the label's arm: the abbreviation finder reads such codes as the document's own abbreviations."""
    from extractors.evidence.arm_abbreviations import find_arm_abbreviations
    text = ("Patients received four cycles of isatuximab plus carfilzomib, lenalidomide and dexamethasone (Isa-KRd). "
            "They were then randomly assigned to autologous transplantation followed by two cycles of Isa-KRd (the TX "
            "group) or to four further cycles of Isa-KRd (the Isa-KRd8 group).")
    labels = {a.short: a.arm for a in find_arm_abbreviations(text)}
    assert labels["TX"] != "isatuximab-carfilzomib-lenalidomide-dexamethasone"


def test_screened_patients_before_the_count_are_no_enrolment():
    """Regression: screened_before_noun_read_as_enrolment ('Of 452 screened patients, 418 were randomly assigned' gave
    452 as an enrolment; 'Of 452 patients screened' did not)."""
    paragraphs = [("title", "Carfilzomib added to lenalidomide: the KESTON phase 3 trial"),
                  ("body", "Of 512 screened patients, 470 were randomly assigned.")]
    records = extract_evidence(_doc(paragraphs))
    assert {r.value for r in records if r.endpoint == "ENROLLED"} == {470}


POLICY_POSTER = [
    ("title", "GUIDEX: MRD-guided versus fixed-duration ibrutinib-venetoclax in untreated CLL - a randomized phase 2 "
              "trial"),
    ("body", "• After 3 cycles, patients were randomized 1:1 to Arm A (fixed duration: both drugs to cycle 15) or Arm B "
             "(MRD-guided: both drugs stopped at cycle 9 if MRD was undetectable below 10^-4 in blood and marrow, "
             "otherwise continued for up to 24 cycles)."),
    ("body", "• 240 patients randomized (Arm A 120, Arm B 120); median age 64 years."),
    ("body", "• 36-month PFS was 86.2% in Arm B and 83.0% in Arm A."),
    ("body", "• A phase 3 trial with 700 patients is in preparation."),
]


def test_a_lettered_group_defined_by_a_policy_is_that_policy():
    """Regression: lettered_policy_groups_read_as_their_drug ('Arm A (fixed duration: ...)', 'Arm B (MRD-guided: ...)'
    both named the drug every patient got, so each arm's figures went to one side)."""
    records = extract_evidence(_doc(POLICY_POSTER))
    assert {(r.value, r.arm) for r in records if r.endpoint == "PFS"} == {(86.2, "mrd-guided"), (83.0, "fixed-duration")}


def test_a_posters_bare_patients_randomized_is_the_enrolment():
    """Regression: telegraphic_randomized_count_unread ('240 patients randomized (Arm A 120, ...)' without 'were' gave
    the arms' sizes but not the total; a trial 'in preparation' gives no enrolment)."""
    records = extract_evidence(_doc(POLICY_POSTER))
    assert {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED"} == {
        (240, None), (120, "fixed-duration"), (120, "mrd-guided")}


LAY_SUMMARY = [
    ("title", "Can a shorter course with nivolumab replace radiotherapy for young people with lymphoma? A summary of "
              "the Tolland study"),
    ("body", "412 children and young people aged 6 to 21 years took part at 40 hospitals."),
    ("body", "A computer put each person into one of two groups by chance. 206 people were in the nivolumab group. "
             "206 people were in the radiotherapy group."),
    ("body", "After 3 years, 89.0% of people in the nivolumab group were alive without their lymphoma coming back or "
             "getting worse, compared with 90.5% of people in the radiotherapy group."),
    ("body", "At the end of treatment, scans showed no active lymphoma in 85.1% of people in the nivolumab group and "
             "86.0% of people in the radiotherapy group."),
    ("body", "For researchers: event-free survival hazard ratio 1.10 (95% CI 0.60 to 2.00)."),
]


def test_a_lay_composite_survival_takes_the_endpoint_the_summary_names_for_researchers():
    """Regression: lay_composite_read_as_survival ('alive without their lymphoma coming back or getting worse' was read
    as overall survival; the summary names it event-free survival for researchers)."""
    records = extract_evidence(_doc(LAY_SUMMARY))
    assert {(r.endpoint, r.value) for r in records if r.value in (89.0, 90.5)} == {("EFS", 89.0), ("EFS", 90.5)}
    progression = [LAY_SUMMARY[0], LAY_SUMMARY[3]]
    assert {r.endpoint for r in extract_evidence(_doc(progression)) if r.value == 89.0} == {"PFS"}


def test_no_active_lymphoma_on_a_scan_is_a_complete_response():
    """Regression: lay_complete_response_unread ('scans showed no active lymphoma in 85.1%' gave no record)."""
    records = extract_evidence(_doc(LAY_SUMMARY))
    assert {(r.endpoint, r.arm, r.value) for r in records if r.value in (85.1, 86.0)} == {
        ("CR", "nivolumab", 85.1), ("CR", "radiotherapy", 86.0)}


def test_people_who_took_part_and_were_in_a_group_give_the_enrolment():
    """Regression: lay_group_sizes_unread ('412 children and young people aged 6 to 21 years took part', '206 people
    were in the nivolumab group' gave no enrolment)."""
    records = extract_evidence(_doc(LAY_SUMMARY))
    assert {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED"} == {
        (412, None), (206, "nivolumab"), (206, "radiotherapy")}


def test_alive_after_n_years_labels_an_overall_survival_row():
    """Regression: lay_alive_after_label_unread (a plain-language table row 'Alive after 3 years' named no endpoint)."""
    from extractors.evidence.endpoints import find_endpoints
    assert [e.code for e in find_endpoints("Alive after 3 years")] == ["OS"]


def test_a_row_repeating_the_header_labels_starts_a_stacked_table():
    """Regression: stacked_tables_read_as_one (a posting's participant flow and its primary outcome parsed as one grid:
    the outcome's header was a data row, the grid did not look like results, and the primary outcome gave nothing)."""
    from extractors.evidence.table import stacked_tables
    from tests.test_evidence_rule_classes_r27 import _table
    grid = _table(("Participant Flow", "Arm A: Ibrutinib + R", "Arm B: R"),
                  (("STARTED", "70", "68"), ("Outcome", "Arm A: Ibrutinib + R", "Arm B: R"),
                   ("Complete response at end of treatment, percentage of participants", "48.6", "30.9")), "")
    parts = stacked_tables(grid)
    assert [p.header[0] for p in parts] == ["Participant Flow", "Outcome"]
    assert [len(p.rows) for p in parts] == [1, 1] and len({p.table_id for p in parts}) == 2
    records = extract_evidence(_doc([("title", "ClinicalTrials.gov Study Results: NCT20990555"),
                                     ("body", "Study Type: Interventional. Allocation: Randomized.")], (grid,)))
    assert {(r.endpoint, r.value) for r in records if r.source == "table" and r.endpoint == "CR"} == {("CR", 48.6),
                                                                                                   ("CR", 30.9)}


def test_a_percent_then_count_cell_gives_one_rate():
    """Regression: percent_count_order_read_twice ('Overall response rate, % (count) | 77.4 (48)' gave 48 as a
    second rate: the posting prints the percentage first)."""
    from tests.test_evidence_rule_classes_r27 import _table
    table = _table(("Outcome", "Arm A: Ibrutinib + R", "Arm B: R"),
                   (("Overall response rate at end of treatment, % (count)", "81.4 (57)", "66.2 (45)"),), "")
    records = extract_evidence(_doc([("title", "ClinicalTrials.gov Study Results: NCT20990556")], (table,)))
    assert sorted(r.value for r in records if r.endpoint == "ORR") == [66.2, 81.4]


def test_a_postings_baseline_participants_give_the_enrolment():
    """Regression: baseline_participants_unread ('Overall number of baseline participants 186' gave no enrolment)."""
    records = extract_evidence(_doc([("title", "ClinicalTrials.gov Study Results: NCT20990557"),
                                     ("body", "Baseline Characteristics: Overall number of baseline participants 138; "
                                              "age, median 61 years.")]))
    assert {r.value for r in records if r.endpoint == "ENROLLED"} == {138}


def test_a_confidence_bound_and_cited_study_figures_are_no_results():
    """Regression: ci_bound_and_published_study_read_as_results ('lower bound of the 95% CI 46.1%' was a CR rate; 'gave
    CR in 60% ... in a published phase 1 study' was the report's; '8 A recipients died without progression' an
    enrolment)."""
    paragraphs = [("title", "Glofitamab in mantle cell lymphoma: the GMX-12 study"),
                  ("body", "Combined blockade gave complete response in 55% of patients in a published phase 1 study."),
                  ("body", "The CR rate exceeded the historical threshold of 20% (lower bound of the 95% CI 44.2%)."),
                  ("body", "Nonrelapse deaths were mainly infections; 7 glofitamab recipients died without progression.")]
    records = extract_evidence(_doc(paragraphs))
    assert not {r.value for r in records} & {55.0, 44.2, 7.0}


def test_a_bare_pair_closing_a_lay_or_joined_clause_is_one_value_per_arm():
    """Regression: bare_pair_before_alive_or_and_unsplit ('98.5% and 98.1% of people were alive.' and '66.0% and 58.2%,
    and among ...' gave both values to the first arm of a two-arm report)."""
    records = extract_evidence(_doc(LAY_SUMMARY[:3] + [("body", "After 3 years, 97.5% and 96.1% of people were alive.")]))
    assert {(r.value, r.arm) for r in records if r.endpoint == "OS"} == {(97.5, "nivolumab"), (96.1, "radiotherapy")}
    records = extract_evidence(_doc(NEWS_TRANSPLANT[:2] + [
        ("body", "Among patients with a TP53 mutation, 3-year overall survival was 31.0% and 22.5%, and among those "
                 "aged 70 or older the hazard ratio was 0.70.")]))
    assert {(r.value, r.arm) for r in records if r.value in (31.0, 22.5)} == {(31.0, "allogeneic transplant"),
                                                                              (22.5, "decitabine")}


def test_retrospective_series_figures_belong_to_other_studies():
    """Regression: retrospective_series_read_as_results ('Retrospective transplant series report 3-year overall survival
    between 10% and 30%' gave the report two landmarks)."""
    records = extract_evidence(_doc(NEWS_TRANSPLANT[:2] + [
        ("body", "Retrospective transplant series report 3-year overall survival between 12% and 28%.")]))
    assert not {r.value for r in records} & {12.0, 28.0}


def test_a_counted_subgroup_named_by_its_mrd_status_is_a_population():
    """Regression: counted_mrd_subgroup_read_as_mrd_rate ('in the 309 MRD-negative patients, the two regimens performed
    alike (63.9% vs 64.3%)' read two MRD-negativity rates instead of the clause's survival; '14 of 15 responded (93.3%)'
    stays a response)."""
    from extractors.evidence.endpoints import find_endpoints
    assert [e.population for e in find_endpoints("in the 309 MRD-negative patients, the regimens performed alike")] == [True]
    assert [e.population for e in find_endpoints("14 of 15 responded (93.3%)")] == [False]


def test_a_share_followed_by_receiving_an_arm_is_that_arms():
    """Regression: receiving_after_share_unread ('134 of 210 patients (63.8%) receiving A and in 109 of 208 (52.4%)
    receiving B' gave both shares to A)."""
    paragraphs = [("title", "Weekly bortezomib added to daratumumab, lenalidomide and dexamethasone: the KARST trial"),
                  ("body", "Patients were randomly assigned to D-VRd or D-Rd."),
                  ("body", "Complete response or better was reported in 120 of 200 patients (60.0%) receiving D-VRd and "
                           "in 98 of 199 (49.2%) receiving D-Rd.")]
    records = extract_evidence(_doc(paragraphs))
    assert {(r.value, r.arm) for r in records if r.endpoint == "CR"} == {
        (60.0, "daratumumab-bortezomib-lenalidomide-dexamethasone"), (49.2, "daratumumab-lenalidomide-dexamethasone")}


def test_complete_response_or_better_is_a_complete_response():
    """Regression: cr_or_better_read_as_response_rate ('complete response or better', 'the best response' in its
    predicate, was read as the overall response rate)."""
    from extractors.evidence.endpoints import find_endpoints
    assert [e.code for e in find_endpoints("Complete response or better was reached by 70.7%")] == ["CR"]
    assert [e.code for e in find_endpoints("Complete response or better was the best response in 312 of 441 (70.7%)")] \
        == ["CR", ""]
    assert [e.code for e in find_endpoints("partial response or better")] == ["ORR"]


def test_a_deferred_transplant_side_takes_the_reports_abbreviation():
    """Regression: deferred_side_unabbreviated (a registry setting early against deferred ASCT named its sides 'asct'
    and 'deferred transplant', though it writes ASCT throughout)."""
    paragraphs = [("title", "Early autologous transplantation versus deferral after quadruplet induction in myeloma: "
                            "a registry analysis"),
                  ("body", "Of 610 patients, 380 underwent early ASCT and 230 deferred ASCT."),
                  ("body", "4-year progression-free survival was 60.2% after early ASCT and 49.9% with deferral.")]
    records = extract_evidence(_doc(paragraphs))
    assert {(r.value, r.arm) for r in records if r.endpoint == "PFS"} == {(60.2, "asct"), (49.9, "deferred asct")}


def test_a_lettered_group_defined_as_fixed_is_the_fixed_duration_arm():
    """Regression: fixed_colon_group_unread ('Group A (MRD-guided: ...) or Group B (fixed: 24 cycles for all)': the fixed
    group named no arm, so neither lettered group was defined and '(Group A, n = 85; Group B, n = 83)' sized none)."""
    paragraphs = [("title", "KESTREL: MRD-guided versus fixed-duration ibrutinib-venetoclax in older MCL - randomised "
                            "phase 2"),
                  ("body", "• Randomised 1:1: Group A (MRD-guided: stop after cycle 12 if MRD undetectable) or Group B "
                           "(fixed: 24 cycles for all)."),
                  ("body", "• 160 patients randomised at 30 sites (Group A, n = 81; Group B, n = 79).")]
    records = extract_evidence(_doc(paragraphs))
    assert {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED"} == {
        (160, None), (81, "mrd-guided"), (79, "fixed-duration")}


def test_a_rate_of_continued_response_is_a_duration_of_response_landmark():
    """Regression: continued_response_label_unread ('Rate of continued response at 12 months, %' named no endpoint)."""
    from extractors.evidence.endpoints import find_endpoints
    assert [e.code for e in find_endpoints("Rate of continued response at 12 months, %")] == ["DOR"]
    assert [e.code for e in find_endpoints("patients with continued response to therapy")] == []


def test_a_share_whose_predicate_names_the_experimental_arm_is_kept():
    """Regression: experimental_arm_group_share_dropped ('occurred in 6 patients (2.1%) who received A and in 4 (1.4%)
    who received B': the share of A, the two-arm report's experimental (gazetteer) drug, was dropped as another
    finding; the control's was kept)."""
    paragraphs = [("title", "Quizartinib versus midostaurin with intensive chemotherapy in FLT3-mutated AML: the KORVAL "
                            "trial"),
                  ("body", "Patients were randomly assigned to quizartinib or midostaurin."),
                  ("body", "Sinusoidal obstruction syndrome occurred in 7 patients (2.4%) who received quizartinib and in "
                           "5 (1.7%) who received midostaurin.")]
    records = extract_evidence(_doc(paragraphs))
    assert {(r.value, r.arm) for r in records if r.endpoint == "VOD"} == {(2.4, "quizartinib"), (1.7, "midostaurin")}
