"""Rule classes of issue 11, round 29: how a report names its own study (a run-in section heading before a word name, a
name the authors say they registered, a name given in so many words against a successor study the report cites).

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from tests.test_evidence_report_rules import _doc


def _records(title: str, *paragraphs: str):
    return extract_evidence(_doc([("title", title), *(("body", p) for p in paragraphs)]))


def _trials(records) -> set:
    return {r.trial for r in records}


_DISCUSSION = ("Treating older adults remains a matter of balancing disease control against the harm of treatment, and "
               "many of them live far from the centres that give it. Fewer visits, fewer admissions and fewer infections "
               "matter to them as much as the depth of the response, and trials rarely ask them what they would choose.")


def test_a_word_name_after_a_run_in_methods_heading_outranks_a_cited_group_trial():
    """Regression: run_in_heading_hid_word_name ('Methods Harlow was a randomised, open-label, phase 3 trial done at 40
    hospitals' after a background citing 'the SWOG 9031 trial': every record went to the cited trial)."""
    records = _records("Two versus three courses of consolidation for adults with acute myeloid leukaemia: a randomised, "
                       "open-label, phase 3 trial",
                       "Background Three courses became usual after the SWOG 9031 trial, though later work doubted the "
                       "third course.",
                       "Methods Harlow was a randomised, open-label, phase 3 trial done at 40 hospitals in Wales and "
                       "Scotland. Adults in first remission were randomly assigned to two or three courses.",
                       "Findings Relapse-free survival at 3 years was 51.2% with two courses and 52.8% with three.")
    assert _trials(records) == {"Harlow"}


def test_a_name_the_authors_say_they_registered_names_a_study_known_by_another_registry():
    """Regression: registered_name_lost_to_eudract ('The PELLAM study (...) is registered in the EU Clinical Trials
    Register (EudraCT ...)' at a letter's end: every record went by the registry number)."""
    records = _records("Brentuximab and bendamustine for older adults with Hodgkin lymphoma",
                       "To the Editor: Older adults with Hodgkin lymphoma tolerate standard chemotherapy poorly.",
                       "Between 2022 and 2024, 38 adults aged 65 years or older were enrolled at nine centres. After "
                       "six cycles, 24 of the 38 patients (63.2%) were in complete metabolic response.",
                       *[_DISCUSSION] * 6,
                       "The PELLAM study (Personalised Elderly Lymphoma Approach Minimising toxicity) is registered in "
                       "the EU Clinical Trials Register (EudraCT 2022-001733-15).")
    assert _trials(records) == {"PELLAM"}


def test_a_name_given_in_so_many_words_outranks_a_successor_trial_the_report_cites():
    """Regression: successor_trial_named_own (a news story's 'The trial, known as KLSG 1804, ...' beside 'the group has
    opened a successor trial, KLSG 2209': every record went to the successor)."""
    records = _records("Adding a second drug doubled remissions in myelodysplasia, Baltic trial finds",
                       "The group has opened a successor trial, KLSG 2209, for patients without TP53 mutations.",
                       "The randomized trial, run by the Kaunas Leukaemia Study Group and known as KLSG 1804, assigned "
                       "240 adults to azacitidine alone or with venetoclax.",
                       "Complete remission was reached by 12.5% of patients with azacitidine alone and 26.7% with the "
                       "combination.")
    assert _trials(records) == {"KLSG 1804"}


def test_a_comparator_named_in_the_title_outranks_a_longer_one_the_methods_print():
    """Regression: observation_named_chemotherapy (a transplant-versus-observation report whose methods print 'high-dose
    chemotherapy with ASCT or to observation': the control side was named 'chemotherapy', the longest term printed)."""
    records = _records("Consolidative Autologous Transplantation Versus Observation in Mantle Cell Lymphoma in First "
                       "Remission",
                       "Patients in remission were randomly assigned to high-dose chemotherapy with ASCT or to "
                       "observation. At 3 years, progression-free survival was 77.4% with ASCT and 61.9% with "
                       "observation.")
    controls = {r.arm for r in records if r.value == 61.9}
    assert controls == {"observation"}


def test_an_add_on_title_sets_the_added_drug_against_the_backbone():
    """Regression: add_on_title_read_single_arm ('Isatuximab Plus Lenalidomide and Dexamethasone Versus Lenalidomide and
    Dexamethasone': the title's second side repeats drugs of the first, so the report was read as single-arm and every
    figure went to the added drug)."""
    records = _records("Daratumumab Plus Lenalidomide and Dexamethasone Versus Lenalidomide and Dexamethasone in "
                       "Smoldering Myeloma",
                       "Complete response or better was reached by 38.5% of patients with daratumumab plus Rd and by "
                       "11.2% with Rd alone.")
    arms = {r.value: r.arm for r in records if r.endpoint == "CR"}
    assert arms[38.5] == "daratumumab"
    assert arms[11.2] == "lenalidomide-dexamethasone"


def test_a_posting_outcome_heading_names_the_endpoint_of_its_paragraph():
    """Regression: posting_measure_heading_unread (a registry posting's '2. Secondary Outcome: Overall Response Rate ...
    Time frame: up to 24 cycles. Arm A: 133 participants (92.4%); ...' gave no record, and 'Time frame: up to 66 months'
    gave a median)."""
    records = _records("Drug X Versus Placebo in Smoldering Myeloma (NCT20261234) - Study Results",
                       "2. Secondary Outcome: Overall Response Rate (partial response or better) Time frame: up to 66 "
                       "months. Drug X: 121 participants (84.0%); Placebo: 12 participants (8.5%).")
    assert {(r.endpoint, r.value) for r in records} == {("ORR", 84.0), ("ORR", 8.5)}


def test_a_numbered_code_defined_after_a_group_name_is_the_group_study_when_called_a_trial():
    """Regression: group_study_code_taken_for_the_group ('on behalf of the Carpathian Lymphoma Group (CLG 2107)' then
    'The CLG 2107 trial enrolled ...': the code counted as the group's acronym, and records went by the NCT number)."""
    records = _records("Shorter Versus Longer Rituximab Maintenance in Follicular Lymphoma: A Randomized Trial",
                       "Ana Popescu, MD; and Ion Varga, MD, on behalf of the Carpathian Lymphoma Group (CLG 2107)",
                       *[_DISCUSSION] * 5,
                       "The CLG 2107 trial enrolled patients aged 18 to 75 years at 31 centers. Progression-free "
                       "survival at 3 years was 81.5% with the shorter schedule and 83.0% with the longer one.",
                       "ClinicalTrials.gov identifier NCT20264411.")
    assert _trials(records) == {"CLG 2107"}


def test_a_nicknamed_study_is_named_and_a_design_gerund_is_no_name():
    """Regression: nickname_missed_gerund_taken ('... and nicknamed Kittiwake, enrolled ...' under a headline '...?
    Sequencing trial finds ...': every record went to 'Sequencing')."""
    records = _records("Which comes first? Sequencing trial finds no winner in relapsed lymphoma",
                       "The study, run by a national alliance and nicknamed Kittiwake, enrolled 210 patients, who "
                       "were assigned to one drug first or the other.",
                       "Two years on, 71.4% of patients starting with the pill were alive without progression, "
                       "against 69.0% of those starting with the infusion.")
    assert _trials(records) == {"Kittiwake"}


def test_a_study_that_met_its_primary_endpoint_is_the_report_own_study():
    """Regression: own_study_named_only_in_conclusion (a poster registered with an EU CT number whose own study is named
    only in 'PELTON-3 did not meet its primary endpoint': every record went by the registry number)."""
    records = _records("Liposomal daunorubicin-cytarabine versus standard induction in children with AML",
                       "• Open-label randomised phase 2 trial at 22 centres (EU CT 2024-509911-12-00).",
                       *[_DISCUSSION] * 5,
                       "• Complete remission after two courses: 81.3% versus 77.9%.",
                       "• PELTON-3 did not meet its primary endpoint, but toxicity was lower.")
    assert _trials(records) == {"PELTON-3"}
    from extractors.nlp.trials import find_trial_mentions
    rules = {m.rule for m in find_trial_mentions("PELTON-3 did not meet its primary endpoint.", use_known=False)}
    assert rules == {"name_met_primary_endpoint"}


def test_a_stepwise_taper_set_against_stopping_at_once_names_both_policies():
    """Regression: taper_vs_stop_unarmed ('Stepwise tapering versus immediate discontinuation of TKI therapy': no
    comparison matched, so every figure had arm = null)."""
    records = _records("Stepwise tapering versus immediate discontinuation of imatinib in chronic myeloid leukaemia: "
                       "a randomised trial",
                       "Molecular relapse-free survival at 12 months was 71.2% in the tapering group and 55.9% in the "
                       "immediate discontinuation group.")
    arms = {r.value: r.arm for r in records if r.endpoint == "RFS"}
    assert arms == {71.2: "tapering", 55.9: "immediate discontinuation"}


def test_a_posting_measure_sentence_under_an_outcome_measures_heading_names_endpoint_and_window():
    """Regression: posting_measure_sentence_unread ('Complete response at end of induction. Time frame: ... Arm A: 33 of
    50 participants (66.0%); Arm B: ...' under 'Secondary Outcome Measures' gave no record)."""
    from schemas.document import Block

    doc = _doc([("title", "Study Results: NCT20267788 - Venetoclax-Rituximab Versus Bendamustine-Rituximab in Lymphoma"),
                ("body", "Complete response at end of induction, by Lugano criteria. Time frame: week 24. Arm A: 33 "
                         "of 50 participants (66.0%); Arm B: 29 of 50 (58.0%).")])
    body = doc.blocks[1].model_copy(update={"section": "Secondary Outcome Measures"})
    doc = doc.model_copy(update={"blocks": (doc.blocks[0], body)})
    assert isinstance(body, Block)
    got = {(r.endpoint, r.value, r.timepoint) for r in extract_evidence(doc) if r.endpoint != "ENROLLED"}
    assert got == {("CR", 66.0, "EOI"), ("CR", 58.0, "EOI")}


def test_plain_language_row_labels_name_endpoints_and_a_short_form_for_short_names_an_arm():
    """Regression: plain_language_rows_unread (a plain-language summary's table rows 'Alive without an event at 3
    years', 'Alive at 3 years', 'In remission after the first two courses', 'No leukaemia found by a sensitive test
    after course 1' named no endpoint, and columns headed 'VEN group' after 'Venetoclax (VEN for short)' no arm)."""
    from extractors.evidence.arm_abbreviations import find_arm_abbreviations
    from extractors.evidence.endpoints import find_endpoints

    labels = {"Alive without an event at 3 years": "EFS", "Alive at 3 years": "OS",
              "In remission after the first two courses": "CR",
              "No leukaemia found by a sensitive test after course 1": "MRD_NEG"}
    assert {label: [e.code for e in find_endpoints(label)][:1] for label in labels} == \
        {label: [code] for label, code in labels.items()}
    shorts = find_arm_abbreviations("Venetoclax (VEN for short) is a tablet that makes leukaemia cells die.")
    assert [(a.short, a.arm) for a in shorts] == [("VEN", "venetoclax")]


def test_a_title_setting_two_routes_of_one_drug_against_each_other_names_both_arms_by_route():
    """Regression: route_comparison_unarmed ('Subcutaneous versus Continuous Intravenous Blinatumomab': the comparator
    was named 'chemotherapy', and 'Median RFS: 30.2 months (SC) and 28.7 months (IV)' gave it the second value)."""
    records = _records("Subcutaneous versus Intravenous Daratumumab in Relapsed Myeloma: A Randomized Phase 3 Trial",
                       "Patients with stage IV disease were eligible. Overall response: 41.2% (SC) and 40.8% (IV).",
                       "Median PFS was 5.6 months in the SC arm and 6.1 months in the IV arm.")
    got = {(r.endpoint, r.value, r.arm) for r in records}
    assert got >= {("ORR", 41.2, "subcutaneous daratumumab"), ("ORR", 40.8, "intravenous daratumumab"),
                   ("PFS", 5.6, "subcutaneous daratumumab"), ("PFS", 6.1, "intravenous daratumumab")}


def test_sample_sizes_in_posting_totals_long_age_phrases_and_plain_language():
    """Regression: sample_size_phrasings_missed ('Baseline Characteristics: 183 participants in total.', '44 patients
    aged 5 to 17 years (median 15 years) with relapsed disease were enrolled', '742 children and teenagers from birth up
    to 17 years old with newly diagnosed AML took part' gave no enrolment; a posting's 'Overall number of participants
    analyzed' counts those analysed for one measure, no enrolment)."""
    records = _records("Drug A in relapsed leukaemia: a single-arm study",
                       "Baseline Characteristics: 183 participants in total.",
                       "Overall number of participants analyzed: 286 and 38.",
                       "In 2020 and 2021, 44 patients aged 5 to 17 years (median 15 years) with relapsed disease were "
                       "enrolled at 14 centres.",
                       "612 children and teenagers from birth up to 17 years old with newly diagnosed leukaemia took "
                       "part at 90 hospitals.")
    enrolled = {r.value for r in records if r.endpoint == "ENROLLED"}
    assert enrolled >= {183, 44, 612} and 286 not in enrolled


_PH_TITLE = "Ponatinib versus imatinib in Philadelphia-positive leukaemia: a randomised trial"


def _table_arms(headers: tuple[str, str], body: str = "Patients were randomly assigned to ponatinib or imatinib.",
                title: str = _PH_TITLE, label: str = "Overall survival at 3 years, %") -> dict:
    """The arm of each table record of a two-arm report whose results table has one row under the two headers."""
    from schemas.document import Cell, Table

    rows = ((Cell(row=0, col=0, text=label, page=1),
             Cell(row=0, col=1, text="71.2", page=1), Cell(row=0, col=2, text="60.3", page=1)),)
    table = Table(table_id="x:Table 2", label="Table 2", caption="Table 2. Outcomes by randomised arm.", page=1,
                  header=("Outcome", *headers), rows=rows)
    doc = _doc([("title", title), ("body", body)], tables=(table,))
    return {r.value: r.arm for r in extract_evidence(doc) if r.source == "table"}


def test_a_sized_column_beside_the_control_column_is_the_experimental_arm():
    """Regression: policy_word_column_unarmed (a results table headed 'Maintenance (n = 295) | Observation (n = 293)' in
    a maintenance-versus-observation report: neither column named an arm, so every cell had arm = null)."""
    assert _table_arms(("Maintenance (n = 210)", "Observation (n = 208)"),
                       "Patients in remission were randomly assigned to rituximab maintenance or observation.",
                       "Rituximab Maintenance Versus Observation in Follicular Lymphoma: A Randomized Trial",
                       "3-year PFS, %") == {71.2: "rituximab", 60.3: "observation"}


def test_a_column_sized_as_an_arm_enrolment_is_that_arm():
    """Regression: lettered_column_unarmed (columns headed 'Group K (n=118) | Group L (n=121)' after '118 were assigned
    to ponatinib and 121 to imatinib' named no arm, so every cell had arm = null)."""
    assert _table_arms(("Group K (n=118)", "Group L (n=121)"),
                       "Of 239 patients, 118 were randomly assigned to ponatinib and 121 to imatinib.") == {
        71.2: "ponatinib", 60.3: "imatinib"}


def test_columns_headed_by_an_undefined_short_form_or_a_role_name_their_arms():
    """Regression: short_form_and_role_columns_unarmed (columns headed 'PON (n=118) | IM (n=121)', short forms the text
    never defines, or 'Intervention | Comparator' named no arm)."""
    assert _table_arms(("PON (n=118)", "IM (n=121)")) == {71.2: "ponatinib", 60.3: "imatinib"}
    assert _table_arms(("Intervention", "Comparator")) == {71.2: "ponatinib", 60.3: "imatinib"}
    assert _table_arms(("Arm 1 (n=118)", "Arm 2 (n=121)")) == {71.2: None, 60.3: None}  # no order is guessed


def test_a_column_headed_by_a_bare_letter_names_the_lettered_arm():
    """Regression: bare_letter_column_unarmed (columns headed 'A (n=118) | B (n=121)' after 'ponatinib (arm A) or
    imatinib (arm B)' named no arm)."""
    assert _table_arms(("A (n=118)", "B (n=121)"),
                       "Patients were randomly assigned to ponatinib (arm A) or imatinib (arm B).") == {
        71.2: "ponatinib", 60.3: "imatinib"}


def test_roman_numbered_groups_are_defined_and_name_their_columns():
    """Regression: roman_numbered_groups_unread ('group I (ponatinib) or group II (imatinib)' defined no arm: lettered
    groups took A-D and 1-4 only, so columns headed 'Group I | Group II' named none)."""
    assert _table_arms(("Group I", "Group II"),
                       "Patients were randomly assigned to group I (ponatinib) or group II (imatinib).") == {
        71.2: "ponatinib", 60.3: "imatinib"}


def test_counts_given_respectively_are_the_arms_sizes_in_order():
    """Regression: respective_counts_misassigned ('118 and 121 patients were assigned to ponatinib and imatinib,
    respectively' gave the total 118 and ponatinib 121; '... to ponatinib or imatinib (118 and 121 patients,
    respectively)' gave nothing; a response count given so is no size)."""
    records = _records("Ponatinib versus imatinib in Philadelphia-positive leukaemia: a randomised trial",
                       "A total of 118 and 121 patients were assigned to ponatinib and imatinib, respectively.",
                       "In the second cohort, patients were randomly assigned to ponatinib or imatinib (64 and 66 "
                       "patients, respectively).",
                       "Complete remission was seen in the ponatinib and imatinib groups (12 and 15 patients, "
                       "respectively).")
    assert {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED"} == {
        (118, "ponatinib"), (121, "imatinib"), (64, "ponatinib"), (66, "imatinib")}
    treated = _records("Ponatinib versus imatinib in Philadelphia-positive leukaemia: a randomised trial",
                       "A total of 239 patients underwent randomization: 118 to ponatinib and 121 to imatinib; 110 and "
                       "104 patients, respectively, received the assigned therapy.")
    assert {(r.value, r.arm) for r in treated if r.endpoint == "ENROLLED"} == {
        (239, None), (118, "ponatinib"), (121, "imatinib")}


def test_a_bracketed_allocation_list_sizes_each_arm():
    """Regression: bracketed_allocation_misassigned ('randomised (201 rituximab, 199 observation)' gave rituximab both
    sizes, and '(rituximab, n = 151; observation, n = 149)' too)."""
    records = _records("Rituximab maintenance versus observation in follicular lymphoma: a randomised trial",
                       "In all, 400 patients were randomised (201 rituximab, 199 observation).",
                       "In a second cohort, 300 patients were randomized (rituximab, n = 151; observation, n = 149).")
    assert {(r.value, r.arm) for r in records if r.endpoint == "ENROLLED"} == {
        (400, None), (201, "rituximab"), (199, "observation"), (300, None), (151, "rituximab"), (149, "observation")}


def test_a_landmark_before_non_relapse_mortality_and_the_end_of_a_named_treatment_are_timepoints():
    """Regression: nrm_landmark_and_named_treatment_end_dropped ('1-year non-relapse mortality was 14.2%', 'One-year NRM
    was 9.5%' and 'uMRD at the end of combination treatment was reached by 68.4%' carried no timepoint)."""
    records = _records("Drug A in acute leukaemia: a single-arm study",
                       "Among transplanted patients, 1-year non-relapse mortality was 14.2%.",
                       "One-year NRM was 9.5%.",
                       "Undetectable MRD at the end of combination treatment was reached by 68.4% of patients.")
    assert {(r.endpoint, r.value, r.timepoint) for r in records} >= {
        ("NRM", 14.2, "1y"), ("NRM", 9.5, "1y"), ("MRD_NEG", 68.4, "EOT")}
