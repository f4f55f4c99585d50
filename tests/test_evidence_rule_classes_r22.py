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
