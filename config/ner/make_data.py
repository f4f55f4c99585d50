"""Generate the NER training set (train.jsonl) from templates and the dev set (dev.jsonl) from dev_written.txt.

Run: python config/ner/make_data.py  (deterministic, fixed seed). Every name is invented or general knowledge;
nothing is taken from a corpus document or a gold file. See docs/ner.md for the span conventions.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261206
N_TRAIN = 2600

# ---------------------------------------------------------------- trial names (all invented)
SYLLABLES = ("AR", "BO", "CA", "DE", "EL", "FI", "GA", "HE", "IN", "JU", "KA", "LO", "MA", "NO", "OR", "PA",
             "RE", "SA", "TA", "VE", "ZO", "QUI", "STR", "AX", "ON", "UM", "TRI", "LY", "MO", "PRO")
GROUP_PREFIXES = ("AALL", "SWOG S", "SWOG ", "HOVON ", "HOVON", "GIMEMA LAL", "GIMEMA ALL", "CALGB ", "ECOG E",
                  "UKALL", "UKALL ", "GRAALL-", "E", "EORTC ", "GMALL ", "JALSG ", "COG AALL", "NOPHO ALL",
                  "PETHEMA ALL-", "A0", "S", "ALLTogether", "CCLG-")
WORD_NAMES = ("Beacon", "Harbor", "Lantern", "Summit", "Compass", "Cascade", "Anchor", "Sentinel", "Voyage", "Prism",
              "Granite", "Orbit", "Keystone", "Horizon", "Pioneer", "Mosaic", "Tidewater", "Ember", "Juniper", "Quartz",
              "Falcon", "Bridge", "Sequoia", "Nimbus", "Solstice", "Meadow", "Trellis", "Cobalt", "Willow", "Ridge")
CODE_LETTERS = ("AB", "KT", "XR", "BL", "TQ", "MK", "ZN", "RP", "GS", "CX", "LV", "PT")


def invented_trial_names(rng: random.Random, n: int) -> list[str]:
    """Return n invented trial names: acronyms, numbered acronyms, group codes, word names and sponsor codes."""
    names: set[str] = set()
    while len(names) < n:
        kind = rng.random()
        syll = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if kind < 0.22:
            name = syll
        elif kind < 0.40:
            name = syll + rng.choice(("-", "-", " ", "")) + str(rng.randint(1, 12))
        elif kind < 0.56:
            name = rng.choice(GROUP_PREFIXES) + str(rng.randint(100, 9999))
        elif kind < 0.82:
            word = rng.choice(WORD_NAMES)
            name = word.upper() + (f"-{rng.randint(1, 9)}" if rng.random() < 0.3 else "")
        else:
            name = f"{rng.choice(CODE_LETTERS)}{rng.randint(10, 999)}-{rng.randint(100, 399)}"
        names.add(name)
    return sorted(names)


def surface(name: str, rng: random.Random) -> str:
    """A printed form of a trial name: word names also in title case, as journals and news print them."""
    if name.isalpha() and name.isupper() and len(name) > 3 and rng.random() < 0.5:
        return name.title()
    return name


# ---------------------------------------------------------------- drugs and arms
INN_PREFIXES = ("ala", "bre", "cor", "dova", "elo", "fana", "gira", "hexa", "iro", "jale", "kora", "luvi", "mira",
                "nola", "ota", "pemi", "quira", "rova", "sela", "tova", "ulta", "vela", "zeno", "abi", "tela")
INN_STEMS = (
    ("tinib", ""), ("ratinib", ""), ("clax", ""), ("parib", ""), ("lisib", ""), ("zomib", ""), ("degib", ""),
    ("tuzumab", ""), ("ximab", ""), ("zumab", ""), ("lumab", ""), ("tuzumab", " vedotin"), ("tuzumab", " ozogamicin"),
    ("cabtagene", " autoleucel"), ("cabtagene", " maraleucel"), ("leucel", ""), ("tamab", ""), ("rabine", ""),
    ("mustine", ""), ("platin", ""),
)
KNOWN_DRUGS = (  # general-knowledge agents and regimens in haematology and oncology
    "blinatumomab", "inotuzumab ozogamicin", "tisagenlecleucel", "axicabtagene ciloleucel", "dasatinib", "imatinib",
    "nilotinib", "venetoclax", "rituximab", "ofatumumab", "clofarabine", "nelarabine", "daratumumab", "ibrutinib",
    "azacitidine", "decitabine", "pembrolizumab", "nivolumab", "lenalidomide", "bortezomib", "carfilzomib",
    "cytarabine", "methotrexate", "vincristine", "pegaspargase", "hyper-CVAD", "R-CHOP", "FLAG-IDA", "CVAD",
    "mini-hyper-CVD", "ABVD", "BEACOPP", "FOLFOX", "DA-EPOCH-R", "tocilizumab",
)
BRANDS = ("Zelvora", "Altrevo", "Cymbria", "Nexalto", "Orvanta", "Pelixa", "Quorvel", "Talvexa", "Vyndra", "Maverix")
CONTROLS = ("chemotherapy", "standard chemotherapy", "standard-of-care chemotherapy", "SOC", "ChT", "placebo",
            "investigator's choice chemotherapy", "salvage chemotherapy", "best supportive care", "observation",
            "intensive chemotherapy", "multiagent chemotherapy", "physician's choice")
CELL_ARMS = ("CAR T-cell", "CAR-T", "CAR T", "CD19 CAR T-cell", "autologous CAR T-cell", "anti-CD19 CAR-T")


def invented_drug(rng: random.Random) -> str:
    """An invented INN, product code, short name or brand."""
    kind = rng.random()
    if kind < 0.55:
        stem, tail = rng.choice(INN_STEMS)
        return rng.choice(INN_PREFIXES) + stem + tail
    if kind < 0.78:
        letters = "".join(rng.choice("ABCDEGJKLMPRSTXZ") for _ in range(rng.randint(2, 4)))
        return f"{letters}{rng.choice(('-', '-', ' ', ''))}{rng.randint(10, 9999)}"
    if kind < 0.88:
        return rng.choice(INN_PREFIXES) + "-cel"
    return rng.choice(BRANDS)


def drug_name(rng: random.Random, known_share: float = 0.35) -> str:
    """A drug: mostly invented (so the model learns shapes), sometimes a general-knowledge one."""
    return rng.choice(KNOWN_DRUGS) if rng.random() < known_share else invented_drug(rng)


def regimen(rng: random.Random) -> list[str]:
    """A single agent or a combination: ['X'], ['X-Y'] (one name) or ['X', ' plus ', 'Y'] (two names)."""
    first = drug_name(rng)
    if rng.random() < 0.25:
        second = rng.choice(("chemotherapy", "dexamethasone", "prednisone")) if rng.random() < 0.5 else drug_name(rng)
        joiner = rng.choice(("-", " plus ", " + ", " and ", " with "))
        return [first + joiner + second] if joiner == "-" else [first, joiner, second]
    return [first]


# ---------------------------------------------------------------- endpoints
EFFICACY = ("overall survival", "OS", "event-free survival", "EFS", "relapse-free survival", "RFS", "PFS",
            "progression-free survival", "disease-free survival", "DFS", "complete remission", "CR", "CR/CRi",
            "CR/CRh", "complete response", "overall response rate", "ORR", "objective response", "MRD negativity",
            "MRD-negative remission", "complete MRD response", "molecular response", "duration of response", "DOR",
            "duration of remission", "leukemia-free survival", "complete remission with incomplete hematologic recovery")
TOXICITY = ("cytokine release syndrome", "CRS", "ICANS", "neurotoxicity", "neurologic events", "veno-occlusive disease",
            "VOD", "GVHD", "graft-versus-host disease", "non-relapse mortality", "NRM", "sinusoidal obstruction syndrome")

SLOT_LABELS = {"trial": "TRIAL", "drug": "DRUG", "brand": "DRUG", "drug2": "DRUG", "arm": "DRUG", "ctl": "DRUG", "cell": "DRUG",
               "ep": "ENDPOINT", "ep2": "ENDPOINT", "tox": "ENDPOINT"}

# ---------------------------------------------------------------- sentence templates, by style
TEMPLATES = (
    # NEJM / JCO results
    "In this phase {phase} trial, we randomly assigned {n} patients to receive {drug} or {ctl}.",
    "The {trial} trial was an open-label, randomized, phase {phase} study conducted at {k} centers in {country}.",
    "At a median follow-up of {m1} months, {ep} was significantly longer with {drug} than with {ctl} (hazard ratio, {hr}; 95% CI, {lo} to {hi}; P<0.001).",
    "The percentage of patients with {ep} was higher in the {drug} group than in the {ctl} group ({v1}% vs. {v2}%).",
    "Among the {n} patients who received {drug}, {v1}% had {ep} within {k} cycles.",
    "{Tox} of grade 3 or higher occurred in {v1}% of the patients in the {drug} group.",
    "The median {ep} was {m1} months in the {drug} group and {m2} months in the {ctl} group.",
    "Patients in the {cell} group had a higher incidence of {tox} ({v1}%) than those in the {ctl} group.",
    "{Drug} was associated with more {tox} than {ctl}.",
    "In {trial}, {drug} was given on days 1 to {k} of each {k2}-week cycle.",
    # Lancet (middle-dot decimals)
    "{trial}, an open-label, single-arm, phase {phase} study, was done at {k} centres in {country}.",
    "Median {ep} was {m1l} months (95% CI {lol}–{hil}) with {drug}.",
    "{v1} ({v1}%) of {n} patients in the {drug} group achieved {ep}, compared with {v2} ({v2}%) of {n2} in the {ctl} group.",
    "This study is registered with ClinicalTrials.gov, number NCT{nct}, and is the {trial} trial.",
    "Findings: between {month} {year} and {month2} {year2}, {n} patients were enrolled in {trial} and received {drug}.",
    # abstracts
    "Background: {Drug} is a {mech} with activity in relapsed disease. Methods: In the {trial} study, we assessed {ep}.",
    "Results: {n} patients were treated with {drug}; the {ep} rate was {v1}%.",
    "Conclusions: {Drug} improved {ep} over {ctl} in the {trial} population.",
    "We report the final analysis of {trial}, a multicenter phase {phase} study of {drug} in adults.",
    "{trial} (NCT{nct}) enrolled {n} adults with relapsed disease who received {drug}.",
    # meeting abstracts, posters, summary cards
    "• {ep}: {v1}% with {drug} vs {v2}% with {ctl}",
    "• {n} pts received {drug} in the {trial} cohort",
    "{trial} update: {ep} {v1}% at {t} years; {tox} {v2}%.",
    "Key finding: {drug} achieved {ep} in {v1}% of patients ({trial}).",
    "Study: {trial} | Therapy: {drug} | Primary endpoint: {ep}",
    # news stories
    "The {trial} study, presented at the annual meeting, showed that {drug} extended {ep}, the investigators said.",
    "\"These are practice-changing results,\" said Dr. {person}, who led the {trial} trial.",
    "In {trial}, patients who got {drug} lived a median of {m1} months, compared with {m2} months on {ctl}.",
    "The drug, sold as {brand}, was tested in the {trial} study of {n} people.",
    "{Person} and colleagues treated {n} patients with {drug} in {trial}.",
    # drug labels
    "CLINICAL STUDIES: The efficacy of {brand} ({drug}) was evaluated in {trial}, an open-label, multicenter, single-arm trial.",
    "The {ep} rate was {v1}% (95% CI: {lo}, {hi}) in patients treated with {drug} in {trial}.",
    # methods / registries / descriptions of arms
    "Patients were randomly assigned in a 2:1 ratio to {drug} or {ctl}, stratified by age.",
    "Eligible patients received {drug} at a dose of {dose} mg per square meter.",
    "{ep} was compared between the {cell} cohort and the {ctl} cohort.",
    "Outcomes after {cell} therapy were reported to the registry by {k} centers.",
    "The {trial} real-world study included {n} recipients of commercial {drug}.",
    "Data from the phase {phase} {trial} study supported approval of {drug}.",
    "In the earlier {trial} trial, {drug} produced {ep} in {v1}% of patients.",
    "Compared with historical controls treated with {ctl}, {drug} improved {ep}.",
    "{trial} randomized {n} children to {drug} or {ctl} after induction.",
    "Patients assigned to the {drug} arm had {ep} of {v1}% at {t} years.",
    "Treatment with {drug} followed by {drug2} led to {ep} in {v1}% of patients.",
    "Results of the {trial} and {trial2} trials were pooled.",
    "{trial} is a phase {phase}, randomized trial of {drug} versus {ctl} (NCT{nct}).",
    "Response was assessed after the first cycle of {drug} in {trial}.",
    "{Ep} at {t} years was {v1}% among patients in the {cell} group.",
    "The {t}-year {ep} was {v1}% with {drug} and {v2}% with {ctl}.",
    "Twelve-month {ep} was {v1}% in {trial}.",
    "Patients with high disease burden had shorter {ep} after {drug}.",
    "The Children's Oncology Group trial {trial} tested {drug} in standard-risk patients.",
    "{trial} enrolled children and young adults in {country} and {country2}.",
    "{trial} accrued {n} patients before it closed in {year}.",
    "Investigators in the {trial} trial gave {drug} to {n} patients.",
    "In the {trial} study, {ep} was {v1}%.",
    "Despite these data, {trial} did not meet its primary end point.",
    "Finally, {drug} was compared with {ctl} in {trial}.",
    "Other trials, such as {trial} and {trial2}, tested {drug} earlier in therapy.",
    "Nonetheless, {ep} was longer with {drug} than with {ctl}.",
)
# Entity-free sentences: capitalised openers, units, lab tests, places, genes, scales, headings, populations.
NEGATIVE_TEMPLATES = (
    "Between {month} {year} and {month2} {year2}, {n} patients were screened at {k} sites.",
    "Of the {n} patients enrolled, {v1}% were male and the median age was {age} years.",
    "By the data cutoff, {n} patients had discontinued treatment.",
    "Background and aims are described in the supplementary appendix.",
    "Baseline characteristics were balanced between the groups.",
    "Patients with total bilirubin above {k} mg/dL or creatinine above {k2} mg/dL were excluded.",
    "The dose was {dose} mg/m2 on day {k}, and {dose2} mg/m2 thereafter.",
    "Response was graded according to {scale} criteria.",
    "Adverse events were graded with {scale} version 5.0.",
    "The study was done at the University of {place} and {k} other hospitals in {country}.",
    "Patients with {gene} rearrangement or {gene2} deletion had worse outcomes.",
    "{lab} and {lab2} levels were measured weekly.",
    "An elevated {lab} was associated with early relapse.",
    "Median {lab} at baseline was {dose} U/L (range, {k}-{dose2}).",
    "Sites in {country}, {country2} and {country3} enrolled patients.",
    "The {org} granted accelerated approval in {year}.",
    "Funding: the sponsor had no role in data analysis. Interpretation: these data support further study.",
    "RESULTS",
    "Table {k}. Baseline characteristics of the {pop} population (n = {n})",
    "Figure {k}. Kaplan-Meier estimates by subgroup.",
    "Patients with {disease} were eligible if they had received at least {k} prior therapies.",
    "Allogeneic {proc} was performed in {n} patients after remission.",
    "{Cell_word} cells expanded in blood and persisted for up to {m1} months.",
    "Minimal residual disease was measured by flow cytometry with a sensitivity of 10^-4.",
    "Performance status ({scale}) was 0 or 1 in {v1}% of patients.",
    "Enrollment closed early, and follow-up continues.",
    "However, the difference was not significant after adjustment.",
    "Survival estimates were compared with the log-rank test.",
    "Overall, {v1}% of the {pop} subgroup had high-risk features.",
    "Houston, TX; Boston, MA; and Seattle, WA contributed most patients.",
    "Investigators told reporters that longer follow-up is needed.",
    "Department of Hematology, University of {place}, {country}",
    "Correspondence to: Dr {person}, Division of Oncology.",
    "{gene}-positive disease was detected by RT-PCR in {n} samples.",
    "In {month} {year}, the protocol was amended to lower the starting dose.",
    "The data cutoff was {month} {k}, {year}.",
    "- How should older adults with newly diagnosed disease be treated?",
    "- Primary end point met; longer follow-up is ongoing",
    "- Among frontline patients, outcomes were better in the standard-risk group",
    "Objective: To determine whether a shorter schedule is feasible.",
    "Importance: Outcomes of relapsed leukemia in children remain poor.",
    "Main Outcomes and Measures",
    "Design, Setting, and Participants",
    "Key Points",
    "Outcome  Result",
    "Older Adults With Acute Leukemia Fare Poorly After Intensive Induction",
    "Side effects were manageable, and most resolved within a week.",
    "The Children's Oncology Group and the {org} reviewed the protocol.",
    "Leukemia & Lymphoma Society grants supported the correlative studies.",
    "This was the largest series reported so far in the frontline setting.",
    "Fewer infections were seen once prophylaxis became standard.",
    "We define high-risk disease as persistent MRD after consolidation.",
    "Here we describe the long-term follow-up of the cohort.",
    "Cytopenias lasting more than 28 days were common.",
    "Ages ranged from {k} to {age} years; {v1}% were older than 60 years.",
    "Intensive consolidation was given to patients in first remission.",
    "Cross-trial comparisons should be made with caution, the authors noted.",
    "SAN DIEGO — Roughly half of the patients were alive at {t} years, according to a report presented on Monday.",
    "Penn Medicine and Amgen funded parts of the work.",
    "Severe infections occurred in {k} patients, and {k2} died of sepsis.",
    "Copyright {year} American Society of Clinical Oncology.",
    "Supplementary Table S{k} lists the participating centres.",
    "Patients were stratified by age (<{age} vs ≥{age} years) and by {gene} status.",
    "Normal karyotype was present in {v1}% of patients; {v2}% had a complex karyotype.",
    "CNS involvement at diagnosis was an exclusion criterion.",
    "The hazard ratio (HR) and 95% confidence interval (CI) were estimated with a Cox model.",
    "Standard-risk and high-risk groups were defined by NCI criteria.",
    "Bone marrow was assessed on day {k} and at the end of each cycle.",
    "Thirty-one patients were Hispanic, and {k} were Black.",
    "Responses were deep: most patients had no detectable disease by next-generation sequencing.",
    "The authors declare no competing interests.",
    "{heading}",
    "{heading}",
    "{heading}",
    "{heading}: {Heading2}",
)
# Section headings, in capitals and title case, as PDFs print them on lines of their own.
HEADINGS = ("TREATMENT", "STATISTICAL ANALYSIS", "SAFETY", "SURVIVAL", "METHODS", "RESULTS", "DISCUSSION",
            "PATIENTS", "EFFICACY", "ABSTRACT", "BACKGROUND", "CONCLUSIONS", "INTRODUCTION", "STUDY DESIGN",
            "OUTCOMES", "REFERENCES", "ACKNOWLEDGMENTS", "Treatment", "Statistical analysis", "Safety", "Efficacy",
            "Study oversight", "End points", "Patients and Methods", "Trial Design", "Outcome", "Toxicity",
            "ADVERSE REACTIONS", "INDICATIONS AND USAGE", "DOSAGE AND ADMINISTRATION", "WARNINGS AND PRECAUTIONS",
            "Research in context", "Evidence before this study", "Added value of this study", "Key Points")
# Capitalised sentence openers followed by entity-free clauses: a capitalised first word is not a name.
STARTERS = ("Despite", "Even", "Finally", "Nonetheless", "Other", "Multiple", "Their", "These", "Several", "Although",
            "Because", "Moreover", "Importantly", "Similarly", "Collectively", "Consequently", "Thus", "Interestingly",
            "Recently", "Currently", "Subsequently", "Patients", "Responses", "Toxicities", "Immunotherapies",
            "Outcomes", "Long-term", "Early", "Most", "Both", "All", "Each", "Many", "Few", "Some", "Investigators",
            "Whereas", "Given", "Taken", "Such", "Prior", "Further", "Later", "Younger", "Adults", "Children")
CLAUSES = ("these results need confirmation in larger cohorts.", "relapse remained the main cause of failure.",
           "longer follow-up is needed to assess durability.", "the benefit was seen across subgroups.",
           "toxicity was manageable with supportive care.", "approaches have improved outcomes in recent years.",
           "patients who relapsed after transplantation fared poorly.", "the difference was not statistically significant.",
           "data on older adults are limited.", "responses were observed at all dose levels.",
           "studies have reported similar findings.", "the role of consolidation remains uncertain.")

# Acronyms that are not trials (genes, markers, groups without a code, agencies, diseases, units, endpoints),
# put where trial names usually stand.
NON_TRIAL_ACRONYMS = ("CD19", "CD22", "CD28", "CD4", "CD8", "BCR-ABL1", "TP53", "IKZF1", "KMT2A", "FLT3", "NK", "TCR",
                      "HLA", "ALL", "B-ALL", "BCP-ALL", "AML", "CLL", "MRD", "CNS", "FDA", "EMA", "NCCN", "ESMO", "US",
                      "EU", "WHO", "COG", "ECOG", "SWOG", "GIMEMA", "HOVON", "GRAALL", "GMALL", "EWALL", "PETHEMA",
                      "MDACC", "MSKCC", "TKI", "TKIs", "CAR-T", "BiTE", "ADC", "AYA", "AYAs", "ITT", "S1", "S2", "Ph+",
                      "Ph-", "PD-L1", "TRAC", "TSCM", "MAIT", "T-regs", "CRi", "CRh", "LDH", "IL-6", "CIBMTR", "EBMT",
                      "NIH", "NCI", "ASH", "ASCO", "EHA", "JCO", "NEJM", "JAMA", "UK", "USA", "ICU", "PCR", "NGS")
ACRONYM_TEMPLATES = (
    "Patients with {acr} alterations were excluded from the study.",
    "The {acr} cooperative group launched a new protocol in adults.",
    "Guidelines from the {acr} recommend treatment in this setting.",
    "Expression of {acr} was measured by flow cytometry in the trial.",
    "In the {acr} population, outcomes were worse than expected.",
    "The {acr} group reported similar findings in a retrospective analysis [12].",
    "Loss of {acr} was observed at relapse in several studies.",
    "{acr} data were collected for all patients in the phase 2 study.",
    "A {acr}-based approach was evaluated in a recent trial.",
    "{Person} et al. reported results from {acr} centres in a multicenter study.",
)

# Title-case and all-caps headlines with entities, as on title pages, news and summary cards.
HEADLINE_TEMPLATES = (
    "{Drug} Versus {Ctl} for Relapsed Acute Lymphoblastic Leukemia in the {trial} Trial",
    "{Drug} Brings Lasting Remissions in Adults With Leukemia, {trial} Data Show",
    "Final Results of the {trial} Study of {Drug} in Children and Young Adults",
    "{Drug} plus {Drug2} as Frontline Therapy for Older Patients: A Single-Arm Phase {phase} Study",
    "{trial}: {Ep} With {Drug} at {t} Years",
)
COUNTRIES = ("the USA", "USA", "the UK", "Germany", "France", "Italy", "Spain", "Japan", "Canada", "Australia",
             "the Netherlands", "Belgium", "Austria", "Europe", "North America", "Israel", "Poland")
PLACES = ("Texas", "Milan", "Paris", "Leipzig", "Toronto", "Sydney", "Utrecht", "Madrid", "Kyoto", "Leeds")
GENES = ("TP53", "IKZF1", "BCR-ABL1", "KMT2A", "CRLF2", "JAK2", "ABL1", "CDKN2A", "PAX5", "ETV6-RUNX1", "FLT3", "NPM1")
LABS = ("LDH", "ALT", "AST", "ANC", "CRP", "IL-6", "ferritin", "bilirubin", "creatinine", "HbA1c", "fibrinogen")
SCALES = ("CTCAE", "NCI CTCAE", "ASTCT", "ECOG", "Lugano", "NCCN", "IWG", "Cheson")
ORGS = ("FDA", "EMA", "NICE", "MHRA", "WHO", "NCI", "ASCO", "ASH", "EHA", "NCCN")
POPULATIONS = ("AYA", "ITT", "per-protocol", "Ph-negative", "Ph-positive", "pediatric", "elderly", "safety")
DISEASES = ("B-ALL", "T-ALL", "ALL", "AML", "CLL", "DLBCL", "PMBCL", "MCL", "Ph+ ALL", "B-cell ALL")
PROCEDURES = ("HSCT", "SCT", "allo-SCT", "stem-cell transplantation")
PERSONS = ("Smith", "García", "Müller", "Rossi", "Tanaka", "Okafor", "Larsen", "Novak", "Haddad", "Chen")
MECHANISMS = ("bispecific T-cell engager", "CD22-directed antibody-drug conjugate", "tyrosine kinase inhibitor",
              "BCL-2 inhibitor", "menin inhibitor")
MONTHS = ("January", "March", "May", "July", "September", "November")
OPENERS = ("", "", "", "", "", "Results. ", "Methods: ", "In addition, ", "Notably, ", "However, ", "Overall, ",
           "- ", "• ", "Findings: ", "In June, ")


def _values(rng: random.Random) -> dict[str, str]:
    lo = rng.randint(5, 60)
    lol, hil = rng.uniform(1, 8), rng.uniform(9, 20)
    return {
        "phase": rng.choice(["I", "II", "III", "1", "2", "3", "1/2", "I/II"]), "nct": f"{rng.randint(0, 99999999):08d}",
        "n": str(rng.randint(12, 480)), "n2": str(rng.randint(12, 480)), "v1": str(rng.randint(5, 95)),
        "v2": str(rng.randint(5, 95)), "m1": f"{rng.uniform(2, 40):.1f}", "m2": f"{rng.uniform(2, 40):.1f}",
        "m1l": f"{rng.uniform(2, 40):.1f}".replace(".", "·"), "lol": f"{lol:.1f}".replace(".", "·"),
        "hil": f"{hil:.1f}".replace(".", "·"), "hr": f"{rng.uniform(0.3, 1.2):.2f}", "lo": str(lo),
        "hi": str(lo + rng.randint(5, 30)), "t": str(rng.randint(1, 5)), "k": str(rng.randint(2, 90)),
        "k2": str(rng.randint(2, 6)), "year": str(rng.randint(2005, 2024)), "year2": str(rng.randint(2005, 2024)),
        "age": str(rng.randint(21, 70)), "dose": str(rng.randint(10, 900)), "dose2": str(rng.randint(10, 900)),
        "month": rng.choice(MONTHS), "month2": rng.choice(MONTHS), "country": rng.choice(COUNTRIES),
        "country2": rng.choice(COUNTRIES), "country3": rng.choice(COUNTRIES), "place": rng.choice(PLACES),
        "gene": rng.choice(GENES), "gene2": rng.choice(GENES), "lab": rng.choice(LABS), "lab2": rng.choice(LABS),
        "scale": rng.choice(SCALES), "org": rng.choice(ORGS), "pop": rng.choice(POPULATIONS),
        "disease": rng.choice(DISEASES), "proc": rng.choice(PROCEDURES), "person": rng.choice(PERSONS),
        "Person": rng.choice(PERSONS), "mech": rng.choice(MECHANISMS),
        "heading": rng.choice(HEADINGS), "Heading2": rng.choice(HEADINGS).capitalize(),
        "Cell_word": rng.choice(("Engineered T", "Donor T", "Regulatory T", "Infused T")),
    }


def _cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def fill(template: str, rng: random.Random, trials: list[str], labelled: bool = True) -> dict:
    """Fill a template's slots; entity slots become spans (case-variant slots {Drug}, {Ep}, {Tox} included)."""
    values = _values(rng)
    choices = {
        "trial": surface(rng.choice(trials), rng), "trial2": surface(rng.choice(trials), rng), "drug": regimen(rng),
        "drug2": drug_name(rng), "ctl": rng.choice(CONTROLS), "cell": rng.choice(CELL_ARMS),
        "ep": rng.choice(EFFICACY), "ep2": rng.choice(EFFICACY), "tox": rng.choice(TOXICITY),
        "brand": rng.choice(BRANDS),
    }
    text, spans, pos = "", [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        text += template[pos:m.start()]
        slot = m.group(1)
        key = slot[0].lower() + slot[1:]
        if key in choices and labelled:
            parts = choices[key] if isinstance(choices[key], list) else [choices[key]]
            label = SLOT_LABELS.get(key, "TRIAL" if key.startswith("trial") else None)
            for i, part in enumerate(parts):
                if i == 0 and (slot != key or m.start() == 0):
                    part = _cap(part)
                if label and i % 2 == 0:  # odd parts are joiners (' plus ')
                    spans.append([len(text), len(text) + len(part), label])
                text += part
            pos = m.end()
            continue
        else:
            value = values.get(slot, values.get(key, choices.get(key, "")))
        text += value
        pos = m.end()
    text += template[pos:]
    return {"text": text, "spans": spans}


def with_opener(rec: dict, rng: random.Random) -> dict:
    """Prefix a section word or connective, shifting the spans."""
    opener = rng.choice(OPENERS)
    if not opener or rec["text"][:1] in "•\"" or re.match(r"[A-Z ]+:|\w+:", rec["text"]):
        return rec
    text = rec["text"]
    if rec["spans"] and rec["spans"][0][0] == 0:
        if rec["spans"][0][2] != "TRIAL":
            return rec
    elif text[1:2].islower():
        text = text[0].lower() + text[1:]
    return {"text": opener + text, "spans": [[s + len(opener), e + len(opener), lab] for s, e, lab in rec["spans"]]}


def make_train(n: int, rng: random.Random, trials: list[str]) -> list[dict]:
    """Return n annotated sentences: about 70% entity templates, the rest entity-free negatives."""
    records = []
    for _ in range(n):
        draw = rng.random()
        if draw < 0.26:
            records.append(fill(rng.choice(NEGATIVE_TEMPLATES), rng, trials, labelled=False))
        elif draw < 0.34:
            template = rng.choice(ACRONYM_TEMPLATES).replace("{acr}", rng.choice(NON_TRIAL_ACRONYMS))
            records.append(fill(template, rng, trials, labelled=False))
        elif draw < 0.38:
            records.append({"text": f"{rng.choice(STARTERS)} {rng.choice(CLAUSES)}", "spans": []})
        elif draw < 0.42:
            records.append(fill(rng.choice(HEADLINE_TEMPLATES), rng, trials))
        else:
            records.append(with_opener(fill(rng.choice(TEMPLATES), rng, trials), rng))
    return records


MARKUP = re.compile(r"\[\[(TRIAL|DRUG|ENDPOINT):(.+?)\]\]")


def parse_markup(line: str) -> dict:
    """'In [[TRIAL:Beacon]], ...' -> {"text": "In Beacon, ...", "spans": [[3, 9, "TRIAL"]]}."""
    text, spans, pos = "", [], 0
    for m in MARKUP.finditer(line):
        text += line[pos:m.start()]
        spans.append([len(text), len(text) + len(m.group(2)), m.group(1)])
        text += m.group(2)
        pos = m.end()
    return {"text": text + line[pos:], "spans": spans}


def read_written_dev(path: Path = HERE / "dev_written.txt") -> list[dict]:
    """The hand-written dev sentences (one per line, '#' comments skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [parse_markup(ln) for ln in lines if ln.strip() and not ln.startswith("#")]


def main() -> None:
    """Write train.jsonl (templates) and dev.jsonl (hand-written sentences) next to this script."""
    rng = random.Random(SEED)
    trials = invented_trial_names(rng, 400)
    train = make_train(N_TRAIN, rng, trials)
    dev = read_written_dev()
    for name, records in (("train.jsonl", train), ("dev.jsonl", dev)):
        with (HERE / name).open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(train)} train and {len(dev)} dev sentences")


if __name__ == "__main__":
    main()
