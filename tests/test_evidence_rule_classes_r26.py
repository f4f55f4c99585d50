"""Rule classes of issue 11, round 24: the report's frame. A product a copula defines as a chimeric antigen receptor;
design words of other studies ('single-group studies') and of registration ('Registry: EudraCT ...'); randomisation
printed as a label ('Design: randomised (1:1)'); 'standard consolidation' as the control; 'Experimental group' and
'Control group' as a table's column headers and as count targets; bare counts in a compared or 'respectively' pair; a
transplant named first in a title, or a title naming only the treatment's class; an introduction's run-in heading
before other trials; a report abbreviating its transplant ASCT.

Every sentence here was written for this file (none is copied from a development report or review).
"""
from __future__ import annotations

import pytest

from extractors.evidence.arm_abbreviations import find_assigned_short_forms, find_lettered_groups
from extractors.evidence.extract import extract_evidence
from extractors.evidence.numbers import find_timepoints
from schemas.document import Cell, Table
from tests.test_evidence_report_rules import SHA, _doc


def _facts(paragraphs, tables=()) -> set:
    return {(r.endpoint, r.arm, r.value, r.timepoint) for r in extract_evidence(_doc(paragraphs, tables))}


def _table(header, rows, caption="Table 2: Outcomes by group") -> Table:
    return Table(table_id=f"{SHA[:12]}:Table 2", label="Table 2", page=1, header=header, caption=caption,
                 rows=tuple(tuple(Cell(row=r, col=c, text=t, page=1, bbox=(10.0 * c, 10.0 * r, 10.0 * c + 9, 10.0 * r + 9))
                                  for c, t in enumerate(row)) for r, row in enumerate(rows)))


def test_a_code_defined_as_a_chimeric_antigen_receptor_is_the_therapy_and_the_study():
    """Regression: spelled_out_car_code_lost ('KRV-2230 is a bispecific CD19/CD22 chimeric antigen receptor ...' was not
    read as the product: every figure of the letter took 'cd22 car t cells' as its arm and no study)."""
    records = extract_evidence(_doc([
        ("title", "Bispecific CD19/CD22 CAR T cells for relapsed mantle cell lymphoma: a phase 1 study"),
        ("body", "KRV-2230 is a bispecific CD19/CD22 chimeric antigen receptor with a CD28 costimulatory domain, made at "
                 "the treating centre. Eighteen patients received it after lymphodepletion."),
        ("body", "Complete remission at day 28 was seen in 12 of 18 patients (66.7%).")]))
    assert {(r.trial, r.arm) for r in records if r.value == 66.7} == {("KRV-2230", "krv-2230")}


@pytest.mark.parametrize("design", [
    "Venetoclax with intensive chemotherapy was later tested in single-arm studies, which reported remission in 85%.",
    "Registry: EudraCT 2023-004411-27; sponsor: a national study group.",
    "Trial registry number: ISRCTN40517733.",
])
def test_other_studies_and_a_registration_label_make_no_single_arm_report(design):
    """Regression: design_word_of_another_study ('... in single-group studies, which reported ...' in the introduction and
    a card's 'Registry: EudraCT ...' bullet made randomised three-arm and two-arm trials single-arm, so every figure
    took one arm)."""
    facts = _facts([
        ("title", "Gilteritinib and midostaurin with chemotherapy for FLT3-mutated AML: the Osprey trial"),
        ("body", design),
        ("body", "Adults were randomly assigned to gilteritinib or midostaurin with induction chemotherapy."),
        ("body", "Complete remission was reached by 71.2% with gilteritinib and by 64.0% with midostaurin.")])
    assert {(a, v) for e, a, v, _ in facts if e == "CR"} == {("gilteritinib", 71.2), ("midostaurin", 64.0)}


def test_a_randomised_title_outranks_a_single_arm_word_in_the_body():
    """Regression: title_randomised_ignored (a title ending 'a randomised, open-label, phase 3 trial' lost to a body
    sentence naming single-arm studies of another drug)."""
    facts = _facts([
        ("title", "Azacitidine with or without magrolimab in higher-risk MDS (Tarn): a randomised, open-label, phase 3 trial"),
        ("body", "The combination was promising in a single-arm cohort at one centre."),
        ("body", "Complete remission was reached by 35 of 120 patients (29.2%) with magrolimab and 28 of 121 (23.1%) "
                 "with azacitidine alone.")])
    assert {(a, v) for e, a, v, _ in facts if e == "CR"} == {("magrolimab", 29.2), ("azacitidine", 23.1)}


@pytest.mark.parametrize("design", [
    "Design: randomised (1:1), open-label, at 40 centres.",
    "Patients were stratified by age; 480 patients randomised: 241 to dasatinib and 239 to imatinib.",
])
def test_randomisation_printed_as_a_label_makes_a_two_arm_report(design):
    """Regression: randomised_label_unread ('Design: randomised (1:1)' and '620 patients randomised: ...' on a summary card
    were no randomisation, so the card was single-arm)."""
    facts = _facts([
        ("title", "Dasatinib and imatinib with chemotherapy for Ph-positive ALL: trial summary"),
        ("body", design),
        ("body", "MRD negativity at the end of induction: 61.0% with dasatinib v 52.3% with imatinib.")])
    assert {(a, v) for e, a, v, _ in facts if e == "MRD_NEG"} == {("dasatinib", 61.0), ("imatinib", 52.3)}


def test_experimental_and_control_groups_name_the_columns_and_the_counts():
    """Regression: group_labels_without_article ('Experimental group (n = 311)' and 'Control group (n = 309)' as column
    headers, and '309 to the control group', gave their figures no arm)."""
    table = _table(("Outcome", "Experimental group (n = 204)", "Control group (n = 199)"),
                   (("Death in remission", "6 (2.9%)", "4 (2.0%)"), ("Allogeneic HSCT in CR1", "18 (8.8%)", "23 (11.6%)")))
    facts = _facts([
        ("title", "Nelarabine-intensified consolidation versus standard consolidation in T-ALL"),
        ("body", "Children were randomly assigned at diagnosis. 403 patients randomised: 204 to the experimental group, "
                 "199 to the control group.")], (table,))
    assert {(e, a, v) for e, a, v, _ in facts if v in (204.0, 199.0, 2.9, 2.0)} == {
        ("ENROLLED", "nelarabine", 204.0), ("ENROLLED", "chemotherapy", 199.0),
        ("NRM", "nelarabine", 2.9), ("NRM", "chemotherapy", 2.0)}


@pytest.mark.parametrize("sentence", [
    "Complete remission was reached by 188 patients (92.2%) and 177 (88.9%), respectively.",
    "Complete remission: 188 (92.2%) v 177 (88.9%).",
    "Complete remission was reached by 188 of 204 (92.2%) and 177 of 199 (88.9%), respectively.",
])
def test_bare_counts_before_a_pairs_shares_keep_the_arms_in_order(sentence):
    """Regression: counted_pair_one_arm ('302 patients (97.1%) and 299 (96.8%), respectively' gave both shares the
    experimental arm: a bare count between the shares broke the pair)."""
    facts = _facts([
        ("title", "Ibrutinib plus rituximab versus chemoimmunotherapy in untreated mantle cell lymphoma"),
        ("body", "Adults were randomly assigned to ibrutinib plus rituximab or to chemoimmunotherapy."),
        ("body", sentence)])
    assert {(a, v) for e, a, v, _ in facts if e == "CR"} == {("ibrutinib", 92.2), ("chemotherapy", 88.9)}


@pytest.mark.parametrize("title, treatment, abbreviation, arm", [
    ("Autologous transplantation or lisocabtagene maraleucel for chemosensitive relapse of LBCL: a registry analysis",
     "lisocabtagene maraleucel", "auto-HCT", "autologous hct"),
    ("CAR-T consolidation beats autologous transplant in newly diagnosed myeloma, phase 3 results show",
     "idecabtagene vicleucel", "ASCT", "asct"),
])
def test_a_transplant_first_or_a_treatment_class_in_the_title_still_sets_the_two_arms(title, treatment, abbreviation, arm):
    """Regression: transplant_first_in_title ('Autologous transplantation or axicabtagene ciloleucel ...' and 'CAR-T
    consolidation beats autologous transplant' set no comparison: the registry became single-arm and every transplant
    figure went to the CAR-T)."""
    facts = _facts([
        ("title", title),
        ("body", f"We compared {treatment} with autologous transplantation ({abbreviation}) in 500 patients."),
        ("body", f"The 2-year PFS was 52.4% after {abbreviation} and 47.0% after {treatment}.")])
    assert {(a, v) for e, a, v, _ in facts if e == "PFS"} == {(arm, 52.4), (treatment, 47.0)}


def test_trials_an_introduction_cites_in_the_plural_are_not_the_reports_study():
    """Regression: introduction_heading_hid_citation ('Introduction In the ZUMA-7 and TRANSFORM trials, ...' run into its
    heading made TRANSFORM the study of an unnamed registry analysis)."""
    records = extract_evidence(_doc([
        ("title", "Transplant or CAR T cells for relapsed large B-cell lymphoma: a registry analysis"),
        ("body", "Introduction In the BELINDA and KESTREL trials, CAR T cells were compared with standard care."),
        ("body", "Overall survival at 2 years was 70.1%.")]))
    assert {r.trial for r in records} == {None}


def test_a_methods_heading_still_shows_the_reports_own_design_sentence():
    """Negative: 'METHODS In the open-label phase 3 X trial, patients were randomly assigned' names the report's study."""
    records = extract_evidence(_doc([
        ("title", "Pirtobrutinib versus ibrutinib in relapsed CLL: a randomised trial"),
        ("body", "BACKGROUND Ibrutinib became standard after the RESONATE trial. METHODS In the open-label phase 3 "
                 "LINDEN-4 trial, 420 patients were randomly assigned."),
        ("body", "Complete remission was reached by 30 of 210 patients (14.3%).")]))
    assert {r.trial for r in records} == {"LINDEN-4"}


def test_a_defined_short_form_outranks_a_regimen_printed_inside_it():
    """Regression: regimen_inside_short_form ('... idarubicin plus venetoclax (FLAG-Ida-Ven)' was read as the FLAG-Ida
    chemotherapy comparator wherever it was printed, so a three-arm trial's venetoclax arm became 'chemotherapy')."""
    facts = _facts([
        ("title", "Two venetoclax inductions versus standard induction in fit adults with AML: a randomised trial"),
        ("body", "Adults were randomly assigned (1:1:1) to cytarabine with daunorubicin (DA), DA plus venetoclax (DA-Ven), "
                 "or fludarabine, cytarabine and idarubicin with venetoclax (FLAG-Ida-Ven)."),
        ("body", "Non-relapse mortality at 2 years was 7.1% with DA, 9.0% with DA-Ven and 13.3% with FLAG-Ida-Ven.")])
    assert {(a, v) for e, a, v, _ in facts if e == "NRM"} == {("da", 7.1), ("da-ven", 9.0), ("flag-ida-ven", 13.3)}


def test_the_arm_a_hazard_ratios_own_phrase_names_is_its_arm():
    """Regression: ratio_phrase_arm_overruled ('the HR for progression or death with auto-HCT was 0.83' went to the other
    arm: a ratio printed beside the comparator was taken as the experimental arm's)."""
    facts = _facts([
        ("title", "Autologous transplantation or axicabtagene ciloleucel for relapsed LBCL: a registry analysis"),
        ("body", "We compared axicabtagene ciloleucel with autologous transplantation (auto-HCT) in 500 patients."),
        ("body", "The 2-year PFS was 55.1% after auto-HCT and 49.0% after axicabtagene ciloleucel; the HR for progression "
                 "or death with auto-HCT was 0.86 (95% CI, 0.66-1.11).")])
    assert {(a, v) for e, a, v, _ in facts if v == 0.86} == {("autologous hct", 0.86)}


def test_a_row_label_declaring_its_confidence_level_holds_no_share():
    """Regression: ci_level_read_as_value (a row label wrapped as "2-y PFS, % (95%" over "CI)" gave a PFS of 95% with no arm)."""
    table = _table(("Outcome", "Drug (n = 120)", "Placebo (n = 118)"),
                   (("2-y PFS, % (95%", "61.2% (52.0-69.1)", "48.3% (39.1-56.9)"), ("CI)", "", ""),
                    ("Chronic GVHD, % (95% CI) 22.7 (15.1-31.2)", "", "")))
    facts = _facts([("title", "Ibrutinib versus placebo maintenance after transplant: a randomised trial"),
                    ("body", "Adults were randomly assigned to ibrutinib or placebo.")], (table,))
    assert 95.0 not in {v for _, _, v, _ in facts} and 61.2 in {v for _, _, v, _ in facts}


def test_lettered_groups_defined_after_a_colon_name_their_treatments():
    """Regression: lettered_group_colon ('• Group A: pirtobrutinib 200 mg daily ...' defined no arm, so '93 to Group A
    and 91 to Group B' and 'x% of Group A vs y% of Group B' had no arms)."""
    facts = _facts([
        ("title", "Zanubrutinib and venetoclax in untreated CLL: a randomised phase 2 trial"),
        ("body", "• Group A: zanubrutinib 160 mg twice daily with venetoclax from cycle 3.\n"
                 "• Group B: obinutuzumab for 6 cycles plus venetoclax for 12 cycles."),
        ("body", "• 150 patients randomised: 76 to Group A and 74 to Group B."),
        ("body", "• Undetectable MRD was reached in 68.4% of Group A vs 55.4% of Group B.")])
    assert {(e, a, v) for e, a, v, _ in facts if v in (76.0, 74.0, 68.4, 55.4)} == {
        ("ENROLLED", "zanubrutinib", 76.0), ("ENROLLED", "obinutuzumab", 74.0),
        ("MRD_NEG", "zanubrutinib", 68.4), ("MRD_NEG", "obinutuzumab", 55.4)}


def test_a_clause_opened_by_another_studys_name_gives_its_figures():
    """Regression: other_study_clause_after_semicolon ('VO is a standard option; in CLL14, 5-year PFS with VO was 62.6%'
    made the cited trial's PFS a result of the report)."""
    facts = _facts([
        ("title", "Acalabrutinib plus venetoclax versus venetoclax plus obinutuzumab in untreated CLL: the TERN trial"),
        ("body", "Venetoclax-obinutuzumab is a standard first-line option; in CLL14, 5-year PFS with it was 62.6%."),
        ("body", "The 2-year PFS was 90.1% with acalabrutinib plus venetoclax.")])
    assert 62.6 not in {v for _, _, v, _ in facts} and 90.1 in {v for _, _, v, _ in facts}


@pytest.mark.parametrize("definition, short, arm", [
    ("isatuximab plus carfilzomib and dexamethasone (Isa-Kd)", "Isa-Kd", "isatuximab-carfilzomib-dexamethasone"),
    ("elotuzumab plus lenalidomide and dexamethasone (ERd)", "ERd", "elotuzumab"),
])
def test_a_regimen_short_form_spelled_by_brand_letters_and_its_steroid_names_its_arm(definition, short, arm):
    """Regression: brand_letter_short_form ('belantamab mafodotin plus lenalidomide and dexamethasone (BRd)' was no arm:
    'R' is lenalidomide's brand letter and the steroid, in no lexicon, spells the 'd')."""
    facts = _facts([
        ("title", f"A randomised trial of {arm} in relapsed myeloma"),
        ("body", f"Patients were randomly assigned to {definition} or to pomalidomide plus dexamethasone."),
        ("body", f"The overall response rate was 88.2% with {short}.")])
    assert {(a, v) for e, a, v, _ in facts if e == "ORR"} == {(arm, 88.2)}


def test_the_assignment_sentence_naming_the_most_arms_defines_them():
    """Regression: first_assignment_sentence_only ('randomly assigned to A (DA), DA with X (DA-GO), or VTX-870' decided
    the arms before '304 to DA, 305 to DA-GO and 303 to VTX-870' could add the third, which then had no arm; a product code the gazetteer lacks: CPX-351, the original example,
    is a gazetteer entry since round 25)."""
    text = ("Adults were randomly assigned (1:1:1) to daunorubicin and cytarabine (DA), DA with gemtuzumab ozogamicin "
            "(DA-GO), or VTX-870.\n\nIn all, 600 patients were randomly assigned: 201 to DA, 200 to DA-GO and 199 to "
            "VTX-870.")
    assert [(a.short, a.control) for a in find_assigned_short_forms(text)] == [
        ("DA", False), ("DA-GO", True), ("VTX-870", True)]


def test_a_later_assignment_sentence_about_other_arms_does_not_replace_the_first():
    """Negative: a later sentence naming more short forms that leaves out the first arm is not the trial's assignment."""
    text = ("Patients were randomly assigned to azacitidine with venetoclax (AV) or to intensive chemotherapy (IC).\n\n"
            "Among them, 40 to AV-R, 38 to IC-M and 35 to IC-G were randomised in the substudy.")
    assert [a.short for a in find_assigned_short_forms(text)][:2] == ["AV", "IC"]


def test_short_forms_defined_one_per_line_before_a_colon_name_their_arms():
    """Regression: colon_labelled_short_forms ('• PVR (the experimental arm): pirtobrutinib ...' and '• VR (the control
    arm): venetoclax ...' defined no arm, so 'with PVR vs ... with VR' gave both figures the first drug)."""
    facts = _facts([
        ("title", "TERRACE at a glance: zanubrutinib plus venetoclax-obinutuzumab versus venetoclax-obinutuzumab in CLL"),
        ("body", "• ZVO (the experimental arm): zanubrutinib 160 mg twice daily plus venetoclax for 12 cycles, with "
                 "obinutuzumab in cycles 1-6\n• VO (the control arm): venetoclax for 12 cycles with the same obinutuzumab"),
        ("body", "• Median PFS: 35.1 months with ZVO vs 24.0 months with VO; HR 0.55")])
    assert {(a, v) for e, a, v, _ in facts if e == "PFS" and v != 0.55} == {("zanubrutinib", 35.1), ("venetoclax", 24.0)}


def test_a_context_bullet_led_by_another_studys_name_gives_its_figures():
    """Regression: other_study_label_bullet ('• MURANO (VR in BTKi-naive patients): 2-year PFS 84.9%' in a card's
    context section was read as a result of the card's own trial)."""
    facts = _facts([
        ("title", "HOLLY-2 at a glance: acalabrutinib plus venetoclax versus venetoclax-obinutuzumab in CLL"),
        ("body", "• Median PFS: not reached with acalabrutinib plus venetoclax vs 40.2 months with venetoclax-obinutuzumab"),
        ("body", "• CLARITY (the same doublet in relapsed disease): 2-year PFS 81.3%, a benchmark for this population")])
    assert 81.3 not in {v for _, _, v, _ in facts}


@pytest.mark.parametrize("opening, name", [
    ("The phase 3 ZLG 2204 trial randomly assigned 240 adults to oral azacitidine plus CHOP or to CHOP alone.", "ZLG 2204"),
    ("On behalf of the CHLG 1907 investigators. We randomly assigned 150 patients to the two groups.", "CHLG 1907"),
])
def test_a_group_code_with_a_space_before_its_number_names_the_study(opening, name):
    """Regression: spaced_group_code_unread ('the CHLG 1907 investigators' and 'the ZLG 2204 trial' from groups outside
    the gazetteer named no study, and '1907' was stripped as a year)."""
    records = extract_evidence(_doc([
        ("title", "Oral azacitidine with chemotherapy in peripheral T-cell lymphoma"),
        ("body", opening),
        ("body", "Complete response was seen in 80 of 100 patients (80.0%).")]))
    assert {r.trial for r in records} == {name}


def test_a_trial_cited_before_an_unnamed_own_study_is_not_the_reports():
    """Regression: cited_trial_before_unnamed_study ('78% complete MRD responses in the BLAST study ... In this
    single-centre, single-arm phase 2 study, adults ...' made BLAST the study of a letter registered only at its end)."""
    records = extract_evidence(_doc([
        ("title", "Low-dose inotuzumab before transplantation in MRD-positive adult B-ALL"),
        ("body", "Blinatumomab clears MRD in most patients (80% complete MRD responses in the ALCOVE study) but needs "
                 "continuous infusion. In this single-centre, single-arm phase 2 study, adults with MRD received "
                 "inotuzumab before transplantation."),
        ("body", "After two cycles, MRD negativity was reached by 25 of 30 patients (83.3%)."),
        ("body", "The study is registered at ClinicalTrials.gov (NCT10987654).")]))
    assert {(r.trial, r.value) for r in records if r.value == 83.3} == {("NCT10987654", 83.3)}


def test_the_authors_earlier_centre_series_is_another_study():
    """Regression: own_centre_series_as_result ('in our own centre's series of 61 such patients, 2-year relapse-free
    survival was only 38%' was read as the report's own RFS and sample size)."""
    facts = _facts([
        ("title", "Low-dose inotuzumab before transplantation in MRD-positive adult B-ALL: a phase 2 study"),
        ("body", "Patients transplanted with MRD relapse often; in our own centre's series of 58 such patients, 2-year "
                 "relapse-free survival was only 41%."),
        ("body", "After transplantation, 2-year relapse-free survival was 66.0%.")])
    assert {v for e, _, v, _ in facts if e in ("RFS", "ENROLLED")} == {66.0}


def test_no_detectable_mrd_is_mrd_negativity():
    """Regression: no_detectable_mrd_unread ('21 of 33 patients (63.6%) had no detectable MRD' gave no MRD figure)."""
    facts = _facts([("title", "Inotuzumab for MRD-positive adult B-ALL: a phase 2 study"),
                    ("body", "After one cycle, 19 of 30 patients (63.3%) had no detectable MRD.")])
    assert ("MRD_NEG", 63.3) in {(e, v) for e, _, v, _ in facts}


@pytest.mark.parametrize("status", ["had no detectable MRD at randomization", "were in complete remission at study entry"])
def test_a_share_with_a_status_at_entry_is_no_result(status):
    """Negative rule: baseline_status_as_result ('A total of 431 patients (88.3%) had no detectable MRD at
    randomization' describes the patients at entry)."""
    facts = _facts([("title", "Blinatumomab consolidation in adult B-ALL: a randomised trial"),
                    ("body", f"A total of 402 patients (86.1%) {status}.")])
    assert 86.1 not in {v for _, _, v, _ in facts}


def test_a_word_printed_only_in_capitals_headings_is_no_study():
    """Regression: capitals_heading_word_as_study ('RESULTS FROM THE DOSE-ESCALATION PHASE OF A FIRST-IN-HUMAN STUDY'
    made 'DOSE-ESCALATION' the study of an abstract registered as NCT...; since round 25 the study goes by the drug
    code that leads its title, which the expectation was changed to on purpose)."""
    records = extract_evidence(_doc([
        ("title", "ZR-512, AN ORAL MENIN INHIBITOR, IN RELAPSED ACUTE LEUKEMIA"),
        ("heading", "KMT2A-REARRANGED ACUTE LEUKEMIA: RESULTS FROM THE DOSE-ESCALATION PHASE OF A FIRST-IN-HUMAN STUDY"),
        ("body", "This dose escalation enrolled adults with relapsed disease (NCT10555123)."),
        ("body", "Complete remission was reached by 12 of 40 patients (30.0%).")]))
    assert {r.trial for r in records} == {"ZR-512"}


@pytest.mark.parametrize("opening, code", [("After 3 years,", "3y"), ("After two years,", "2y"), ("Within 12 months,", "12mo")])
def test_a_landmark_opening_its_clause_after_after(opening, code):
    """Regression: after_n_years_undated ('After 3 years, 91.5% of children ... were alive' gave an undated rate)."""
    assert [t.code for t in find_timepoints(f"{opening} 81.0% of children were alive.")] == [code]


def test_after_a_treatment_duration_is_no_landmark():
    """Negative: 'after 6 months of treatment, 40% responded' names a treatment length, not a landmark."""
    assert find_timepoints("After 6 months of treatment, 40% of patients responded.") == []


def test_a_plain_language_alive_without_relapse_or_event_is_event_free_survival():
    """Regression: lay_event_free_read_as_os ('were alive and had not had their leukaemia come back or another serious
    event' was read as overall survival from 'alive')."""
    facts = _facts([("title", "Blinatumomab for children with leukaemia: a plain-language summary of the study results"),
                    ("body", "After 3 years, 89.0% of children in the blinatumomab group were alive and had not had their "
                             "leukaemia come back or another serious event.")])
    assert ("EFS", 89.0, "3y") in {(e, v, t) for e, _, v, t in facts}


def test_a_transplant_named_first_in_the_title_is_the_first_side_of_bare_pairs():
    """Regression: transplant_first_order_lost ('Allogeneic Transplantation or Oral Azacitidine Maintenance ...': the
    bare pair '(71.2% and 68.9%; hazard ratio for death, 0.93)' went azacitidine first, against the title's order)."""
    facts = _facts([
        ("title", "Allogeneic Transplantation or Oral Azacitidine Maintenance for MRD-Negative AML"),
        ("body", "A total of 300 patients underwent randomization; 150 were assigned to the transplantation group and 150 "
                 "to the azacitidine group."),
        ("body", "Overall survival at 3 years did not differ significantly (70.4% and 66.1%; hazard ratio for death, 0.91).")])
    assert {(a, v) for e, a, v, _ in facts if e == "OS"} == {("allogeneic transplant", 70.4), ("azacitidine", 66.1),
                                                              ("allogeneic transplant", 0.91)}


def test_lettered_arms_take_the_role_their_bracket_gives():
    """Regression: lettered_role_bracket ('• Arm A (standard): ABVD ... • Arm B (experimental): nivolumab ...' on one
    slide defined no arm: the bracket stopped the colon form, and one label ran on into the next)."""
    groups = find_lettered_groups("• Randomised 1:1 • Arm A (standard): ABVD x4 cycles, then radiotherapy • Arm B "
                                  "(experimental): nivolumab 240 mg + AVD x4 cycles, no radiotherapy")
    assert [(g.short, g.arm, g.control) for g in groups] == [("arm A", "chemotherapy", True), ("arm B", "nivolumab", False)]


def test_figures_in_a_bracket_closing_on_another_study_are_that_studys():
    """Regression: bracketed_source_study ('improved PFS over X in advanced disease (2-year PFS 92% vs 83% in S1826)'
    on a background slide gave the report two PFS results)."""
    facts = _facts([
        ("title", "HARBOR: nivolumab-AVD versus ABVD in early-stage Hodgkin lymphoma"),
        ("body", "• Adding nivolumab to AVD improved PFS in advanced-stage disease (2-year PFS 91% vs 84% in S2217)"),
        ("body", "• 3-year PFS 93.0% with nivolumab-AVD vs 92.1% with ABVD")])
    assert {v for e, _, v, _ in facts if e == "PFS"} == {93.0, 92.1}


def test_a_cell_therapy_inn_names_its_arm_without_a_lexicon_entry():
    """Regression: unlisted_cell_therapy_inn ('Varnimcabtagene autoleucel (var-cel) is an autologous CD19-directed CAR
    T-cell product' was no arm, so the assessment's figures took a drug its eligibility mentioned)."""
    facts = _facts([
        ("title", "Assessment summary: zelmocabtagene autoleucel for relapsed B-cell ALL"),
        ("body", "Zelmocabtagene autoleucel is an autologous CD19-directed CAR T-cell product. Prior blinatumomab was allowed."),
        ("body", "The overall remission rate within 3 months was 80.0% (80 of 100 infused patients).")])
    assert {a for e, a, v, _ in facts if v == 80.0} == {"zelmocabtagene autoleucel"}


def test_a_results_table_captioned_with_a_study_name_names_the_unnamed_report():
    """Regression: study_named_in_table_caption ('Table 1. Main efficacy results of the pivotal study PORTCULLIS' was the
    study's only name in an assessment report without a registry number; every figure had no study)."""
    records = extract_evidence(_doc([
        ("title", "Assessment summary: a CAR T-cell product for relapsed B-cell ALL"),
        ("body", "The main evidence came from one single-arm phase 2 study at 14 centres."),
        ("body", "Table 1. Main efficacy results of the pivotal study KESTREL (data cut-off 1 March 2025)"),
        ("body", "The overall remission rate within 3 months was 80.0% (80 of 100 infused patients).")]))
    assert {r.trial for r in records} == {"KESTREL"}


def test_the_short_form_of_a_scale_or_status_is_no_arm():
    """Regression: scale_short_form_as_arm ('a revised International Prognostic Scoring System (IPSS-R) score above 3.0,
    and an ECOG performance status (PS) of 0-2 were randomly assigned' made IPSS-R and PS the two arms)."""
    text = ("Adults aged 18 years or older with untreated myelodysplastic syndromes, a revised International Prognostic "
            "Scoring System (IPSS-R) score above 3·5, and an Eastern Cooperative Oncology Group (ECOG) performance status "
            "of 0–1 were randomly assigned (1:1) to magrolimab or matching placebo on days 1–14 of each cycle.")
    assert find_assigned_short_forms(text) == ()
