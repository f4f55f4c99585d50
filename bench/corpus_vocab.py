"""Tables of realistic choices for the synthetic benchmark corpus: names, endpoints, settings, journals, fonts."""
from __future__ import annotations

from typing import NamedTuple

TRIAL_WORDS = (
    "ARCTURUS", "BOREALIS", "CASCADE", "DELPHINE", "EMBERLY", "FALCONER", "GALENA", "HALCYON", "IBERIS",
    "JUNIPER", "KESTREL", "LANTERN", "MERIDIAN", "NORTHSTAR", "OBSIDIAN", "PERIGEE", "QUARTZ", "RIVULET",
    "SOLSTICE", "TAMARIND", "UMBRA", "VESPER", "WAYPOINT", "XYLEM", "YARROW", "ZENITH", "AURORA-B", "CORVID",
    "LUMEN", "ORCHID", "PINNACLE", "SEXTANT", "TRELLIS", "VANTAGE", "ALDER", "BRAMBLE", "CINDER", "DRIFTWOOD",
)
"""Fictional trial acronyms (none is a registered study); a numeric suffix is added to some at random."""

GROUP_CODES = ("GIMEMA LAL", "GRAALL-", "UKALL", "PETHEMA LAL-", "NOPHO ALL", "GMALL ")
"""Cooperative-group prefixes the trial-name rules know; fictional numbers follow them."""


class Agent(NamedTuple):
    """An experimental treatment with how it is dosed and what it is."""

    name: str
    short: str
    dose: str
    kind: str


AGENTS = (
    Agent("blinatumomab", "blinatumomab", "9 µg/day then 28 µg/day", "bispecific T-cell engager"),
    Agent("inotuzumab ozogamicin", "inotuzumab", "1.8 mg/m2 per cycle", "anti-CD22 antibody-drug conjugate"),
    Agent("tisagenlecleucel", "tisagenlecleucel", "single infusion of 0.2-5.0 x 10^6 CAR T cells/kg", "CD19 CAR T-cell product"),
    Agent("brexucabtagene autoleucel", "brexucabtagene autoleucel", "single infusion of 1 x 10^6 CAR T cells/kg",
          "CD19 CAR T-cell product"),
    Agent("obecabtagene autoleucel", "obecabtagene autoleucel", "split dose of 410 x 10^6 CAR T cells",
          "CD19 CAR T-cell product"),
    Agent("ponatinib", "ponatinib", "45 mg daily, reduced to 30 mg", "third-generation tyrosine kinase inhibitor"),
    Agent("dasatinib", "dasatinib", "140 mg daily", "second-generation tyrosine kinase inhibitor"),
    Agent("rituximab", "rituximab", "375 mg/m2 on 16-18 occasions", "anti-CD20 monoclonal antibody"),
    Agent("venetoclax", "venetoclax", "400 mg daily with dose ramp-up", "BCL-2 inhibitor"),
    Agent("nelarabine", "nelarabine", "1.5 g/m2 on days 1, 3 and 5", "purine nucleoside analogue"),
)

CONTROLS = ("chemotherapy", "standard chemotherapy", "investigator's choice of chemotherapy", "imatinib",
            "hyper-CVAD", "FLAG-IDA")
"""Usual control arms; each is a treatment name the arm lexicon knows."""

SETTINGS = (
    ("adults with relapsed or refractory B-cell precursor ALL", "R/R adults"),
    ("children and young adults with relapsed or refractory B-cell ALL", "R/R children and young adults"),
    ("adults with B-cell ALL in first relapse", "First relapse, adults"),
    ("patients with MRD-positive B-cell ALL in first complete remission", "MRD+ in CR1"),
    ("older adults with newly diagnosed Philadelphia chromosome-negative ALL", "Newly diagnosed Ph- older adults"),
    ("adults with newly diagnosed Philadelphia chromosome-positive ALL", "Newly diagnosed Ph+ adults"),
    ("children with standard-risk B-cell ALL", "Standard-risk children"),
    ("patients with relapse after allogeneic transplantation", "Post-transplant relapse"),
)
"""(how the prose describes the population, how a summary table's Setting cell does)."""

DESIGNS = (
    ("open-label, randomized, phase 3", "Phase III randomized", True),
    ("multicenter, randomized, phase 3", "Phase III randomized", True),
    ("randomized, controlled, phase 2", "Phase II randomized", True),
    ("single-group, multicenter, phase 2", "Phase II single-arm", False),
    ("open-label, phase 1b/2", "Phase I/II", False),
    ("prospective, single-arm, phase 2", "Phase II single-arm", False),
)
"""(prose wording, summary-table wording, randomized or not)."""


class Endpoint(NamedTuple):
    """A results endpoint: long name, abbreviation, and whether it is a rate or a time to event."""

    long: str
    short: str
    rate: bool


RATE_ENDPOINTS = (
    Endpoint("complete remission", "CR", True),
    Endpoint("complete remission with incomplete hematologic recovery", "CR/CRi", True),
    Endpoint("MRD negativity", "MRD negativity", True),
    Endpoint("overall response", "ORR", True),
)
TIME_ENDPOINTS = (
    Endpoint("overall survival", "OS", False),
    Endpoint("event-free survival", "EFS", False),
    Endpoint("relapse-free survival", "RFS", False),
    Endpoint("duration of response", "DOR", False),
    Endpoint("disease-free survival", "DFS", False),
)

JOURNALS = (
    ("J Leuk Res Rep", "Journal of Leukemia Research Reports"),
    ("Hematol Oncol Lett", "Hematologic Oncology Letters"),
    ("Clin Trials Blood", "Clinical Trials in Blood Cancer"),
    ("Int J Immunother Hematol", "International Journal of Immunotherapy in Hematology"),
    ("Leuk Lymphoma Open", "Leukemia and Lymphoma Open"),
    ("Acta Haematol Nova", "Acta Haematologica Nova"),
)

SURNAMES = (
    "Moreau", "Alvarez", "Nakamura", "Okafor", "Lindqvist", "Rossi", "Kowalski", "Haddad", "Brennan", "Chen",
    "Duarte", "Eriksen", "Fischer", "Gallo", "Hughes", "Iyer", "Jansen", "Keller", "Laurent", "Murphy", "Novak",
    "Olsen", "Petrov", "Quintero", "Rahman", "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Yilmaz", "Zhou",
)
INITIALS = "ABCDEFGHJKLMNPRSTW"
CENTERS = (
    "Department of Hematology, University Hospital of Northbridge", "Leukemia Unit, Riverside Cancer Center",
    "Division of Hematologic Malignancies, Lakeshore Medical School", "Pediatric Oncology Program, Eastvale Children's Hospital",
    "Clinical Research Unit, Harbor Institute of Oncology", "Department of Medicine, St. Aldric University",
)

BODY_FONTS = ("Times", "Helvetica", "Courier")
"""fpdf2 core font families used for body text; Courier appears less often, as in real preprints."""
BODY_FONT_WEIGHTS = (5, 4, 1)

BASELINE_ROWS = (
    ("Median age (range), yr", "age"),
    ("Male sex, no. (%)", "share"),
    ("ECOG performance status 0 or 1, no. (%)", "share"),
    ("Philadelphia chromosome-positive, no. (%)", "share"),
    ("Bone marrow blasts of 50% or more, no. (%)", "share"),
    ("Previous allogeneic HSCT, no. (%)", "share"),
    ("Two or more previous lines of therapy, no. (%)", "share"),
    ("Extramedullary disease, no. (%)", "share"),
)
"""Baseline-characteristics rows of a trial report's Table 1: (row label, value kind)."""

SAFETY_ROWS = (
    "Cytokine release syndrome", "Neurologic events", "Febrile neutropenia", "Infection", "Thrombocytopenia",
    "Elevated aminotransferase levels", "Hepatotoxicity", "Sinusoidal obstruction syndrome",
)
