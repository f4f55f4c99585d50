"""Trial-name and NCT detection on purpose-written sentences, and alias grouping."""
from __future__ import annotations

import pytest

from extractors.nlp.trials import canonical_key, find_trial_mentions, group_aliases


def _names(text: str, **kwargs) -> list[str]:
    return [m.text for m in find_trial_mentions(text, use_known=False, **kwargs) if m.kind != "nct"]


@pytest.mark.parametrize("text, expected", [
    ("More recently, the single-arm ZUMA-3 trial evaluated KTE-X19.", "ZUMA-3"),
    ("In a phase III randomized study AALL1331 trial, blinatumomab was compared.", "AALL1331"),
    ("The role of blinatumomab was investigated in the SWOG 1318 trial.", "SWOG 1318"),
    ("In the phase II study GIMEMA LAL2317 (NCT03367299), blinatumomab was added.", "GIMEMA LAL2317"),
    ("Furthermore, the phase II HOVON146ALL trial is now evaluating blinatumomab.", "HOVON146ALL"),
    ("Results of ECOG-ACRIN E1910 were presented at ASH.", "ECOG-ACRIN E1910"),
    ("Approval came from a phase III trial, the INO-VATE trial, in adults.", "INO-VATE"),
    ("Patients in the TOWER study received blinatumomab.", "TOWER"),
    ("The pivotal phase II trial ELIANA showed a high rate of RFS.", "ELIANA"),
    ("Blinatumomab was tested in Ph+ ALL (ALCANTARA; ClinicalTrials.gov identifier: NCT02000427).", "ALCANTARA"),
    ("Ph+ ALL (ALCANTARA; ClinicalTrials.gov identi-\nfier: NCT02000427) was tested.", "ALCANTARA"),
    ("In the SWOG1312 phase I trial, inotuzumab was combined with chemotherapy.", "SWOG1312"),
    ("An invented trial, the PHOENIX-7 study, enrolled 40 adults.", "PHOENIX-7"),
    ("A phase I study of allogeneic CAR-T cells (UCART19) showed safety.", "UCART19"),
    ("Five-year results of the CheckMate 067 trial were reported.", "CheckMate 067"),
    ("In the phase 3 KarMMa-3 study, ide-cel prolonged PFS.", "KarMMa-3"),
    ("The phase 3 KEYNOTE-024 trial compared pembrolizumab with chemotherapy.", "KEYNOTE-024"),
])
def test_finds_trial_names_by_cue(text, expected):
    assert expected in _names(text)


@pytest.mark.parametrize("text", [
    "The CD19-positive blasts were eliminated in the study.",
    "The OS was 7.7 months and EFS was 31% in this trial.",
    "Patients with BCR-ABL1 transcripts received ponatinib in the trial.",
    "CAR-T cells expanded in vivo in the study of 20 patients.",
    "The study was published in 2017 by the FDA.",
    "In a phase III study, the HR for OS was 0.71 (95% CI, 0.55-0.93).",
    "The MRD study cohort was small; the CRS study found no deaths.",
    "A phase I/II trial of blinatumomab in B-ALL and BCP-ALL patients.",
    "The trial ALL patients were adults; AYA patients were excluded from the study.",
    "The COG cooperative group launched the first trial in this setting.",
    "The study (KTE-X19) enrolled adults.",
    "In the trial CR1 patients and CR2 patients were analysed (CR1) separately.",
    "GvHD never occurred in the study; HSCT was given to 18%.",
])
def test_rejects_non_trial_acronyms(text):
    assert _names(text) == []


def test_nct_with_space_is_normalised():
    mentions = find_trial_mentions("the INOVATE trial (ClinicalTrials.gov identifier: NCT 01564784) [13]")
    nct = [m for m in mentions if m.kind == "nct"]
    assert [(m.text, m.nct, m.rule) for m in nct] == [("NCT 01564784", "NCT01564784", "nct_registry_phrase")]
    name = [m for m in mentions if m.kind == "name"][0]
    assert (name.text, name.nct) == ("INOVATE", "NCT01564784")
    assert nct[0].canonical == name.canonical


def test_each_nct_takes_the_name_written_before_it():
    text = ("Two trials, ORCA-1 (NCT01111111) and ORCA-2 (NCT02222222), are ongoing; "
            "NCT02222222 completed accrual.")
    mentions = find_trial_mentions(text, use_known=False)
    by_text = [(m.text, m.canonical, m.nct) for m in mentions]
    assert by_text == [("ORCA-1", "ORCA-1", "NCT01111111"), ("NCT01111111", "ORCA-1", "NCT01111111"),
                       ("ORCA-2", "ORCA-2", "NCT02222222"), ("NCT02222222", "ORCA-2", "NCT02222222"),
                       ("NCT02222222", "ORCA-2", "NCT02222222")]


def test_bare_nct_is_found_without_a_name():
    mentions = find_trial_mentions("A phase III trial is ongoing (NCT03150693).", use_known=False)
    assert [(m.kind, m.nct, m.canonical, m.rule) for m in mentions] == [("nct", "NCT03150693", "NCT03150693", "nct_id")]


def test_mention_offsets_match_text():
    text = "Both the TOWER study and ZUMA-3 trial (NCT02614066) were positive."
    for m in find_trial_mentions(text):
        assert text[m.start:m.end] == m.text


def test_gazetteer_names_match_case_insensitively_when_distinctive():
    text = "Results of the zuma-3 cohort and of Tower were updated; the tower collapsed."
    names = _names(text, gazetteer=["ZUMA-3 trial", "Tower 2017"])
    assert names == ["zuma-3", "Tower"]


def test_names_found_once_by_cue_are_found_again_in_the_document():
    text = "The phase II trial D-ALBA used dasatinib. Based on the results of D-ALBA, a phase III trial followed."
    assert _names(text) == ["D-ALBA", "D-ALBA"]


def test_platform_names_and_their_abbreviations():
    text = "A platform called FasT CAR-T (F-CAR-T) next-day manufacturing platform was tested. The T-Charge™ Platform is faster."
    assert _names(text) == ["FasT CAR-T", "F-CAR-T", "T-Charge™ Platform"]


def test_canonical_key_ignores_case_hyphens_and_trailing_words():
    assert canonical_key("Tower 2017") == canonical_key("TOWER study") == canonical_key("TOWER trial") == "TOWER"
    assert canonical_key("INO-VATE ALL") == canonical_key("INOVATE") == "INOVATE"
    assert canonical_key("NCT 01564784") == "NCT01564784"


def test_group_aliases_maps_forms_to_one_name():
    mapping = group_aliases(["TOWER study", "TOWER trial", "Tower 2017", "INOVATE trial", "INOVATE", "INO-VATE ALL",
                             "ALCANTARA", "AZCANTARA study", "Eliana study", "ELIANA", "SWOG 1318 trial"])
    assert {mapping[n] for n in ("TOWER study", "TOWER trial", "Tower 2017")} == {"TOWER"}
    assert {mapping[n] for n in ("INOVATE trial", "INOVATE", "INO-VATE ALL")} == {"INO-VATE"}
    assert mapping["AZCANTARA study"] == mapping["ALCANTARA"] == "ALCANTARA"
    assert mapping["Eliana study"] == "ELIANA"
    assert mapping["SWOG 1318 trial"] == "SWOG1318"


def test_group_aliases_keeps_numbered_siblings_apart():
    mapping = group_aliases(["ZUMA-1", "ZUMA-3", "AALL1331", "AALL1231", "GIMEMA LAL2317", "LAL2317"])
    assert mapping["ZUMA-1"] != mapping["ZUMA-3"]
    assert mapping["AALL1331"] != mapping["AALL1231"]
    assert mapping["LAL2317"] == mapping["GIMEMA LAL2317"] == "GIMEMA LAL2317"


@pytest.mark.parametrize("text", [
    "METHODS Study design and participants were described previously.",
    "DESIGN Study of adults in 12 centres; SETTING Trial sites in Europe.",
    "The DSMB protocol required interim analyses; the CONSORT diagram is shown.",
    "Patients were stratified by ECOG performance status (0 vs 1) in the study.",
    "Data from the SEER study database and the CIBMTR study registry were used.",
    "WHAT THIS STUDY ADDS: a new ThIS STudy heading in small caps.",
    "Current Controlled Trials ISRCTN48600346 registered the study.",
])
def test_rejects_headings_bodies_and_registries_in_trial_reports(text):
    assert _names(text) == []


def test_every_gazetteer_entry_and_rule_has_a_rationale():
    from extractors.nlp.gazetteers import load_drugs, load_groups, load_known_trials, load_non_trial_terms
    from extractors.nlp.trial_rules import NON_TRIAL_SHAPES, TRIAL_RULES

    entries = [*load_drugs(), *load_groups(), *load_known_trials(), *load_non_trial_terms(), *TRIAL_RULES,
               *NON_TRIAL_SHAPES]
    assert entries and all(e.why.strip() for e in entries)
    assert len({r.id for r in TRIAL_RULES}) == len(TRIAL_RULES)
