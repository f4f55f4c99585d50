"""Generate the NER training and dev sets (train.jsonl, dev.jsonl) from templates; run: python config/ner/make_data.py."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20240501
N_TRAIN = 480
N_DEV = 120

# Invented or general-knowledge trial names; dev names are held out from training.
TRIALS_TRAIN = (
    "PHOENIX-2", "ATLAS", "NOVA-1", "AALL0932", "SWOG S1826", "HOVON 132", "CALGB 10403", "E2993", "UKALL14",
    "GRAALL-2014", "MARINER", "ORION-3", "AURORA", "ZENITH-4", "KESTREL", "PINNACLE", "AALL0434", "GIMEMA LAL1913",
    "PETHEMA ALL-HR-11", "NOPHO ALL2008", "JULIET", "TRANSCEND", "ZUMA-1", "ZUMA-2", "KarMMa", "CARTITUDE-1",
    "FELIX", "PhALLCON", "BRIDGE-2", "SAPPHIRE", "HORIZON-7", "ECOG E4402", "COG AALL1231", "MERIDIAN",
    "POLARIS-1", "ASCEND", "VOYAGER-3", "TITAN", "EMERALD-2", "UKALL2011", "GMALL 08/2013", "EWALL-PH-03",
)
TRIALS_DEV = (
    "CORAL-5", "AALL1731", "SWOG S1925", "HOVON 150", "NEPTUNE", "GALAXY-2", "E1912", "VANGUARD", "GRAALL-2024",
    "OBSIDIAN-1", "AALL19P1", "CRESCENT",
)
SYLLABLES = ("AR", "BO", "CA", "DE", "EL", "FI", "GA", "HE", "IN", "JU", "KA", "LO", "MA", "NO", "OR", "PA",
             "RE", "SA", "TA", "VE", "ZO", "QUI", "STR", "AX", "ON", "UM")
GROUP_PREFIXES = ("AALL", "SWOG S", "SWOG ", "HOVON ", "HOVON", "GIMEMA LAL", "GIMEMA ALL", "CALGB ", "ECOG E",
                  "UKALL", "UKALL ", "GRAALL-", "NCRI AML", "E", "EORTC ", "GMALL ", "JALSG ", "COG AALL")


def invented_trial_names(rng: random.Random, n: int) -> list[str]:
    """Return n invented names shaped like trial acronyms and cooperative-group codes."""
    names = set()
    while len(names) < n:
        kind = rng.random()
        if kind < 0.4:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        elif kind < 0.7:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + f"-{rng.randint(1, 12)}"
        else:
            name = rng.choice(GROUP_PREFIXES) + str(rng.randint(100, 9999))
        names.add(name)
    return sorted(names)


DRUGS_TRAIN = (
    "blinatumomab", "inotuzumab ozogamicin", "inotuzumab", "tisagenlecleucel", "brexucabtagene autoleucel",
    "axicabtagene ciloleucel", "lisocabtagene maraleucel", "dasatinib", "imatinib", "venetoclax", "rituximab",
    "ofatumumab", "clofarabine", "daratumumab", "gemtuzumab ozogamicin", "KTE-X19", "CTL019", "tisa-cel", "InO",
    "Blincyto", "Besponsa", "Kymriah", "hyper-CVAD", "mini-hyper-CVD", "FLAG-IDA", "ABX-201", "TQ-4410",
)
DRUGS_DEV = ("ponatinib", "obecabtagene autoleucel", "obe-cel", "Tecartus", "nelarabine", "RX-5502", "nilotinib")
ARMS = ("chemotherapy", "standard chemotherapy", "SOC", "ChT", "standard of care", "investigator's choice chemotherapy")
ENDPOINT_PAIRS = (
    ("overall survival", "OS"), ("event-free survival", "EFS"), ("relapse-free survival", "RFS"),
    ("progression-free survival", "PFS"), ("disease-free survival", "DFS"), ("complete remission", "CR"),
    ("overall response rate", "ORR"), ("duration of response", "DOR"), ("cytokine release syndrome", "CRS"),
    ("veno-occlusive disease", "VOD"), ("graft-versus-host disease", "GvHD"), ("non-relapse mortality", "NRM"),
    ("immune effector cell-associated neurotoxicity syndrome", "ICANS"), ("leukemia-free survival", "LFS"),
)
EFFICACY = ("overall survival", "OS", "event-free survival", "EFS", "relapse-free survival", "RFS", "PFS",
            "disease-free survival", "DFS", "complete remission", "CR", "CR/CRi", "CR or CRi", "CR/CRh",
            "complete response", "overall response rate", "ORR", "MRD negativity", "MRD-negative remission",
            "molecular response", "duration of response", "DOR", "leukemia-free survival")
TOXICITY = ("cytokine release syndrome", "CRS", "ICANS", "neurotoxicity", "veno-occlusive disease", "VOD",
            "GvHD", "graft-versus-host disease", "non-relapse mortality", "NRM", "hepatotoxicity")

SLOT_LABELS = {
    "trial": "TRIAL", "drug": "DRUG", "Drug": "DRUG", "drug2": "DRUG", "arm": "DRUG",
    "ep": "ENDPOINT", "ep2": "ENDPOINT", "ep3": "ENDPOINT", "eplong": "ENDPOINT", "epabbr": "ENDPOINT",
    "tox": "ENDPOINT",
}

TEMPLATES = (
    "In the phase {phase} {trial} trial, {drug} improved {ep} compared with {arm} ({v1}% vs. {v2}%).",
    "The {trial} study (ClinicalTrials.gov identifier: NCT{nct}) randomized {n} patients to {drug} or {arm}.",
    "Median {ep} was {m1} months with {drug} versus {m2} months with {arm} (HR {hr}; 95% CI, {lo}-{hi}).",
    "{eplong} ({epabbr}) at {t} years was {v1}% in the {drug} arm and {v2}% in the {arm} arm.",
    "{Drug} was evaluated in {trial}, a single-arm phase II study, with a {ep} rate of {v1}%.",
    "Grade 3 or higher {tox} occurred in {v1}% of patients treated with {drug}.",
    "In {trial}, {n} patients received {drug}; {v1}% achieved {ep}.",
    "Results from the {trial} trial showed that {drug} plus {drug2} yielded a {t}-year {ep} of {v1}%.",
    "{trial}: {drug} {v1}% vs. {arm} {v2}%.",
    "Patients were randomly assigned (2:1) to {drug} or {arm} in the open-label {trial} trial.",
    "After a median follow-up of {m1} months, the {ep} was {v1}% (95% CI, {lo}–{hi}).",
    "{trial} (NCT{nct}) is an ongoing phase {phase} trial of {drug} in newly diagnosed adults.",
    "The primary end point of {trial} was {ep}; secondary end points included {ep2} and {ep3}.",
    "Compared with {arm}, {drug} reduced the risk of death (hazard ratio for {ep}, {hr}).",
    "We conducted a multicenter, randomized, phase {phase} trial ({trial}) comparing {drug} with {arm}.",
    "The rate of {ep} was {v1}% for the {drug} group vs. {v2}% for the {arm} group (p < 0.001).",
    "{Drug} showed a {ep} rate of {v1}%, and {tox} was observed in {v2}% of patients.",
    "In a post hoc analysis of the {trial} study, {ep} was longer in patients with low disease burden.",
    "The {t}-year {ep} and {ep2} rates were {v1}% and {v2}%, respectively, in {trial}.",
    "{Drug} received approval on the basis of the {trial} trial, in which {ep} was {v1}%.",
    "Among {n} evaluable patients treated with {drug}, {v1}% reached {ep} after one cycle.",
    "In the {trial} cohort, median {ep} was not reached with {drug}.",
    "{tox} of any grade was reported in {v1}% of the {drug} arm.",
    "The {trial} investigators reported {ep} of {v1}% with {drug} and {drug2}.",
    "Fewer patients had {tox} with {drug} than with {arm} ({v1}% vs. {v2}%).",
    "{eplong} ({epabbr}) was the primary end point of the {trial} trial.",
)
# Sentences without entities, so the model learns what is not an entity.
NEGATIVES = (
    "CD19-positive blasts were detected by flow cytometry in {n} patients.",
    "The FDA and the EMA approved the agent in {year}.",
    "BCR-ABL1 transcripts were monitored every 3 months by RT-PCR.",
    "Patients aged {t} to {age} years with Ph-negative B-ALL were eligible.",
    "CAR-T cells expanded in vivo and persisted for up to {m1} months.",
    "Data were analysed with the Kaplan-Meier method and compared with the log-rank test.",
    "The NCCN and ESMO guidelines recommend MRD assessment after induction.",
    "Median age was {age} years (range, 18-{age2}), and {v1}% were male.",
    "Table {t} summarises baseline characteristics of the AYA population.",
    "A bone marrow blast count above {v1}% defined high disease burden.",
)
# Non-trial acronyms placed where trial names usually stand (genes, markers, groups, agencies, diseases).
NON_TRIAL_ACRONYMS = ("CD19", "CD22", "CD28", "CD4", "CD8", "BCR-ABL1", "TP53", "IKZF1", "KMT2A", "FLT3", "NK",
                      "TCR", "HLA", "ALL", "B-ALL", "BCP-ALL", "AML", "CLL", "MRD", "CNS", "FDA", "EMA", "NCCN",
                      "ESMO", "US", "EU", "WHO", "COG", "ECOG", "SWOG", "GIMEMA", "HOVON", "GRAALL", "GMALL",
                      "EWALL", "PETHEMA", "MDACC", "TKI", "TKIs", "CAR-T", "BiTE", "ADC", "AYA", "ITT", "S1", "S2")
NEGATIVE_SLOT_TEMPLATES = (
    "Patients with {acr} alterations were excluded from the study.",
    "The {acr} cooperative group launched a new protocol in adults.",
    "Guidelines from the {acr} recommend treatment in this setting.",
    "Expression of {acr} was measured by flow cytometry in the trial.",
    "In the {acr} population, outcomes were worse than expected.",
    "Data are summarised in Table {acr} of the supplementary material.",
    "The {acr} group reported similar findings in a retrospective analysis.",
    "Loss of {acr} was observed at relapse in several studies.",
)
DEV_TEMPLATES = (
    "Within {trial}, {drug} led to {ep} in {v1}% of adults compared with {v2}% on {arm}.",
    "{trial} met its primary end point, {ep}, with a hazard ratio of {hr}.",
    "Rates of {tox} were low with {drug} in the {trial} study ({v1}%).",
)


def _values(rng: random.Random) -> dict[str, str]:
    lo = rng.randint(5, 60)
    return {
        "phase": rng.choice(["I", "II", "III", "I/II", "2", "3"]), "nct": f"{rng.randint(0, 99999999):08d}",
        "n": str(rng.randint(12, 480)), "v1": str(rng.randint(5, 95)), "v2": str(rng.randint(5, 95)),
        "m1": f"{rng.uniform(2, 40):.1f}", "m2": f"{rng.uniform(2, 40):.1f}", "hr": f"{rng.uniform(0.3, 1.2):.2f}",
        "lo": str(lo), "hi": str(lo + rng.randint(5, 30)), "t": str(rng.randint(1, 5)),
        "year": str(rng.randint(2000, 2024)), "age": str(rng.randint(21, 60)), "age2": str(rng.randint(61, 85)),
    }


def _fill(template: str, rng: random.Random, trials, drugs) -> dict:
    values = _values(rng)
    pair = rng.choice(ENDPOINT_PAIRS)
    efficacy = rng.sample(EFFICACY, 3)
    choices = {
        "trial": rng.choice(trials), "drug": rng.choice(drugs), "drug2": rng.choice(drugs), "arm": rng.choice(ARMS),
        "ep": efficacy[0], "ep2": efficacy[1], "ep3": efficacy[2], "eplong": pair[0], "epabbr": pair[1],
        "tox": rng.choice(TOXICITY),
    }
    choices["Drug"] = choices["drug"][0].upper() + choices["drug"][1:]
    text, spans, pos = "", [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        text += template[pos:m.start()]
        slot = m.group(1)
        value = choices.get(slot, values.get(slot))
        if slot in ("eplong", "tox", "ep") and m.start() == 0:
            value = value[0].upper() + value[1:]
        if slot in SLOT_LABELS:
            spans.append([len(text), len(text) + len(value), SLOT_LABELS[slot]])
        text += value
        pos = m.end()
    text += template[pos:]
    return {"text": text, "spans": spans}


def make(n: int, rng: random.Random, templates, trials, drugs) -> list[dict]:
    """Return n annotated sentences: about 75% from entity templates, the rest entity-free negatives."""
    records = []
    for _ in range(n):
        draw = rng.random()
        if draw < 0.12:
            records.append(_fill(rng.choice(NEGATIVES), rng, trials, drugs))
        elif draw < 0.25:
            template = rng.choice(NEGATIVE_SLOT_TEMPLATES).replace("{acr}", rng.choice(NON_TRIAL_ACRONYMS))
            records.append(_fill(template, rng, trials, drugs))
        else:
            records.append(_fill(rng.choice(templates), rng, trials, drugs))
    return records


def main() -> None:
    """Write train.jsonl and dev.jsonl next to this script."""
    rng = random.Random(SEED)
    trials = TRIALS_TRAIN + tuple(n for n in invented_trial_names(rng, 160) if n not in TRIALS_DEV)
    train = make(N_TRAIN, rng, TEMPLATES, trials, DRUGS_TRAIN)
    dev = make(N_DEV, rng, TEMPLATES + DEV_TEMPLATES * 4, TRIALS_DEV, DRUGS_DEV + DRUGS_TRAIN[:6])
    for name, records in (("train.jsonl", train), ("dev.jsonl", dev)):
        with (HERE / name).open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(train)} train and {len(dev)} dev sentences")


if __name__ == "__main__":
    main()
