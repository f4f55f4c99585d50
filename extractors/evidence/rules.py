"""Rules as data: endpoint and arm lexicons, cue words and distractor contexts for evidence extraction."""
from __future__ import annotations

from typing import NamedTuple

EXTRACTOR_VERSION = "evidence-rules/1.25"


class EndpointTerm(NamedTuple):
    """A surface pattern (regex, case-insensitive unless `case` is set) that names an endpoint code."""

    pattern: str
    code: str
    why: str
    case: bool = False
    abbreviable: bool = True


LAY_COMPOSITE_SURVIVAL = (r"(?<=\s)(?:(?:were|was|remained|are|is|stayed|lived)\s+)?(?:still\s+)?alive\s+(?:and\s+)?without\s+"
                          r"(?:(?:the|their|his|her|its)\s+)?(?:[\w-]+\s+){0,2}?(?:coming\s+back|returning)\s+or\s+"
                          r"(?:getting|growing|becoming)\s+worse\b|^\W*[Aa]live\s+without\s+(?:[\w-]+\s+){0,2}?(?:coming\s+back|returning)\s+or\s+"
                          r"(?:getting|growing|becoming)\s+worse\b")
"""A plain-language 'alive without their lymphoma coming back or getting worse' (also a table row's label): the
composite survival the document names in technical terms (event-free or relapse-free when it names only that one;
progression-free otherwise)."""
LAY_COMPOSITE_NAMED: tuple[tuple[str, str], ...] = (
    (r"\bevent[- ]free\s+survival\b|(?<![A-Za-z])EFS(?![A-Za-z])", "EFS"),
    (r"\brelapse[- ]free\s+survival\b|(?<![A-Za-z])RFS(?![A-Za-z])", "RFS"),
    (r"\bprogression[- ]free\s+survival\b|(?<![A-Za-z])PFS(?![A-Za-z])", "PFS"),
)
"""Technical names a document may give the composite its lay summary paraphrases ('For researchers: event-free survival
hazard ratio ...'), with their codes."""

# A transplant after the study treatment, in the spellings of US and UK reports (haematopoietic, stem-cell).
TRANSPLANT_NOUN = (r"(?:allo-?HSCT|allo-?SCT|allo-?HCT|HSCT|HCT|SCT|allogeneic (?:ha?ematopoietic[- ]|blood )?(?:stem[- ]cell[- ]|cell[- ])?"
                   r"(?:transplant(?:ation)?|HSCT|SCT|HCT)|(?:ha?ematopoietic[- ](?:cell[- ])?|stem[- ]cell[- ])+transplant(?:ation)?|transplant(?:ation)?)")

# Longer, more specific phrases win over shorter ones (matching keeps the longest span at each place).
ENDPOINT_TERMS: tuple[EndpointTerm, ...] = (
    # composites of complete remission with partial count recovery
    EndpointTerm(r"(?:(?:bone )?marrow )?CR\s*(?:/|\+|or|and)\s*CR[ih]\b(?:\s*/\s*CR[ih]\b)?", "CR_CRI", "CR/CRi, CR/CRh, CR+CRi, 'CR or CRi', 'marrow CR/CRh' are the composite remission endpoint", True),
    EndpointTerm(r"[Cc]omplete (?:remission|response)s?\s*(?:/|\+|or|and)\s*CR[ih]\b", "CR_CRI", "'Complete remission or CRh was reached by ...' pools CR with CRh", True),
    EndpointTerm(r"complete remission,?\s+with (?:incomplete|partial) (?:ha?ematologic(?:al)?|count|blood[- ]count) recovery", "CR_CRI", "spelled-out CRi/CRh is reported with CR as a composite"),
    EndpointTerm(r"complete remission,?\s+with (?:or without (?:full )?|(?:full,?\s+)?(?:partial,?\s+)?(?:or\s+)?(?:incomplete|partial)\s+)(?:ha?ematologic(?:al)?\s+|count\s+|blood[- ]count\s+)?recovery", "CR_CRI", "'CR with full, partial, or incomplete hematologic recovery' pools CR with CRi/CRh"),
    EndpointTerm(r"(?:complete (?:remission|response)s?|CRs?),?\s+(?:counting|including|together with|plus)\s+(?:those|the\s+(?:ones|patients)|remissions?|responses?|patients)?\s*(?:with|in)\s+(?:incomplete|partial)\s+(?:ha?ematologic(?:al)?\s+|count\s+|blood[- ]count\s+|marrow\s+|platelet\s+)?recovery", "CR_CRI",
                 "'complete responses, counting those with incomplete marrow recovery', 'CR including remissions with incomplete count recovery' pool CR with CRi"),
    EndpointTerm(r"(?:complete (?:remission|response)|CR) (?:or|and|plus|/) (?:complete (?:remission|response)|CR) with (?:incomplete|partial) (?:ha?ematologic(?:al)? |count |blood count |platelet |marrow )?recovery", "CR_CRI", "'complete remission or complete remission with incomplete recovery', 'complete response or CR with incomplete marrow recovery' spell out CR/CRi"),
    EndpointTerm(r"(?:MRD|minimal residual disease|measurable residual disease)[- ](?:negative|negativity)[- ](?:complete |CR\b|morphologic(?:al)? )(?:remission|response)?s?", "MRD_NEG", "'MRD-negative complete remission' is the MRD endpoint, not CR"),
    EndpointTerm(r"(?:MRD|minimal residual disease|measurable residual disease) (?:(?:fell|was|were|remained|dropped|level|levels|had fallen|had dropped|had fallen to|fallen) )?(?:below|under|less than|<)\s*(?:10\s*(?:\^\s*\(?\s*)?[-−–]\s*\d|0?\.0{1,4}1\s*%)", "MRD_NEG", "'MRD below 10−4', 'MRD fell below 0.01%' state MRD negativity at that sensitivity (a 0.1% or higher cut-off defines subgroups)"),
    EndpointTerm(r"composite (?:complete )?(?:rate of )?(?:remission|response)(?: rate)?", "CR_CRI", "'composite remission' pools CR with CRi/CRh"),
    EndpointTerm(r"(?:complete )?(?:MRD|minimal residual disease|measurable residual disease)[- ](?:negative|negativity) (?:response|remission|status|rate)", "MRD_NEG", "MRD-negative response/remission is the MRD endpoint, not CR"),
    EndpointTerm(r"complete MRD response", "MRD_NEG", "complete MRD response means MRD negativity", True),
    # MRD / molecular response
    EndpointTerm(r"(?:MRD|minimal residual disease|measurable residual disease)[- ]?(?:negativity|negative|response|remission|responses)", "MRD_NEG", "MRD negativity/response/remission is the MRD_NEG endpoint"),
    EndpointTerm(r"negative MRD", "MRD_NEG", "'achieved negative MRD' is MRD negativity"),
    EndpointTerm(r"(?:MRD|minimal residual disease|measurable residual disease)[- ](?:clearance|conversion|eradication)|(?:clearance|eradication) of (?:MRD|minimal residual disease|measurable residual disease)|cleared (?:their |its )?(?:MRD|minimal residual disease|measurable residual disease)",
                 "MRD_NEG", "'MRD clearance after block 1', 'cleared MRD': the share who became MRD-negative"),
    EndpointTerm(r"(?:MRD|(?:minimal |measurable )?residual disease)\s+(?:was|were|became|remained)\s+(?:undetectable|negative)", "MRD_NEG",
                 "'MRD was undetectable in 91%', 'MRD became negative in 30 patients' state MRD negativity"),
    EndpointTerm(r"no (?:(?:detectable|measurable) (?:residual )?|residual )(?:disease|leuka?emia|clones?|clonotypes?|clonal sequences?)|undetectable (?:residual )?disease", "MRD_NEG",
                 "'9 (82%) had no detectable disease by next-generation sequencing', 'flow cytometry found no residual disease' state MRD negativity"),
    EndpointTerm(r"no (?:(?:detectable|measurable|evidence of) )?(?:MRD|minimal residual disease|measurable residual disease)(?![- ](?:assessment|testing|test|sample|data|result))", "MRD_NEG",
                 "'21 of 33 patients had no detectable MRD': the share without detectable MRD is MRD negativity"),
    EndpointTerm(r"undetectable (?:MRD|minimal residual disease|measurable residual disease)|(?<![A-Za-z])uMRD(?![A-Za-z])", "MRD_NEG",
                 "undetectable MRD (uMRD, the CLL term) is MRD negativity"),
    EndpointTerm(r"(?:complete )?molecular (?:response|remission|responses)(?: rate)?", "MRD_NEG", "molecular response is measured as MRD negativity"),
    EndpointTerm(r"(?<![\w-])MR\s?4(?:[.·]5)?(?![\w.·]?\d)|deep molecular responses?", "MRD_NEG",
                 "a deep molecular response (MR4, BCR::ABL1 at or below 0.01%; MR4.5) is the guide's molecular MRD negativity"),
    EndpointTerm(r"(?:minimal|measurable) residual disease", "MRD_NEG", "a figure under a bare MRD label is the MRD-negative share; its abbreviation alone (MRD) is not an endpoint", abbreviable=False),
    EndpointTerm(r"(?:circulating tumou?r DNA|ctDNA)\s+(?:was|were|became|remained)\s+undetectable|undetectable (?:circulating tumou?r DNA|ctDNA)|ctDNA[- ]negativ(?:e|ity)", "MRD_NEG",
                 "undetectable circulating tumour DNA is the lymphoma form of MRD negativity"),
    # complete remission / response
    EndpointTerm(r"complete metabolic (?:response|remission)s?(?: rate)?", "CR",
                 "a complete metabolic response (Lugano PET-CT) is the lymphoma complete response; its short form CMR "
                 "is left to the document's own definition (in Ph-positive ALL, CMR is a complete molecular response)"),
    EndpointTerm(r"complete (?:ha?ematologic(?:al)? |morphologic(?:al)? |clinical )?(?:remission|response)s?(?: rate)?", "CR", "complete remission/response"),
    EndpointTerm(r"CR rate", "CR", "CR rate", True),
    EndpointTerm(r"(?:complete (?:bone )?marrow (?:remission|response)|(?:bone )?marrow (?:complete (?:remission|response)|CR\b))s?(?: rate)?", "CR",
                 "'marrow complete response', 'complete marrow remission': complete remission judged on the marrow is CR"),
    EndpointTerm(r"(?<![A-Za-z/+])CR(?![A-Za-z0-9/+])", "CR", "CR abbreviation (CR1/CR2 and CR/CRi are excluded by the look-arounds)", True),
    # overall response
    EndpointTerm(r"(?:overall|objective|ha?ematologic(?:al)?|best) response(?: rate)?", "ORR", "overall/objective/hematologic response rate"),
    EndpointTerm(r"response rates?", "ORR", "a bare response rate is the overall response rate"),
    EndpointTerm(r"(?<![\w-] )(?<![\w-])[Rr]esponses(?=\s+(?:were|was)\s+(?:seen|observed|recorded|noted|documented)\s+in\b|\s+occurred\s+in\b)", "ORR",
                 "'Responses were seen in 5 of 8 patients': bare responses as the sentence's subject are overall responses", abbreviable=False),
    EndpointTerm(r"(?<=\s)responded\b", "ORR", "'47 (98%) responded': patients who responded give the overall response rate"),
    EndpointTerm(r"overall remission(?: rates?)?", "CR_CRI", "GUIDE.md: 'overall remission' in ALL reports is CR + CRi (ORR is also accepted), not a response rate with partial responses"),
    EndpointTerm(r"(?:early )?remission rates?", "ORR", "a bare 'remission rate' pools every remission as the response rate"),
    EndpointTerm(r"(?<![A-Za-z])ORR(?![A-Za-z])", "ORR", "ORR abbreviation", True),
    EndpointTerm(r"(?:complete (?:response|remission)|CR)\s+or\s+(?:better|deeper)", "CR",
                 "'complete response or better' (myeloma: CR and stringent CR) is the complete response rate"),
    EndpointTerm(r"(?:partial (?:response|remission)|PR)\s+or\s+(?:better|deeper)", "ORR", "'partial response or better' is the overall response (myeloma, lymphoma criteria)"),
    EndpointTerm(r"(?:(?<=obtained a )|(?<=obtained an )|(?<=achieved a )|(?<=achieved an )|(?<=had a )|(?<=had an ))response", "ORR", "'obtained a response', 'had a response' report overall response"),
    # survival endpoints
    EndpointTerm(r"relapse[- ]free survival", "RFS", "relapse-free survival"),
    EndpointTerm(r"progression[- ]free(?=\s*(?:,|and|or)\s+(?:[\w-]+\s+){0,2}survival)", "PFS", "'progression-free and overall survival were A% and B%': the elided first survival"),
    EndpointTerm(r"event[- ]free(?=\s*(?:,|and|or)\s+(?:[\w-]+\s+){0,2}survival)", "EFS", "'event-free and overall survival': the elided first survival"),
    EndpointTerm(r"relapse[- ]free(?=\s*(?:,|and|or)\s+(?:[\w-]+\s+){0,2}survival)", "RFS", "'relapse-free and overall survival': the elided first survival"),
    EndpointTerm(r"(?<![A-Za-z])RFS(?![A-Za-z])", "RFS", "RFS abbreviation", True),
    EndpointTerm(r"event[- ]free survival", "EFS", "event-free survival"),
    EndpointTerm(r"(?<![A-Za-z])EFS(?![A-Za-z])", "EFS", "EFS abbreviation", True),
    EndpointTerm(r"(?:disease|leuka?emia)[- ]free survival", "DFS", "disease-free survival"),
    EndpointTerm(r"(?<![A-Za-z])DFS(?![A-Za-z])", "DFS", "DFS abbreviation", True),
    EndpointTerm(r"progression[- ]free survival", "PFS", "progression-free survival"),
    EndpointTerm(r"(?<![A-Za-z])PFS(?![A-Za-z])", "PFS", "PFS abbreviation", True),
    EndpointTerm(r"overall survival", "OS", "overall survival"),
    EndpointTerm(r"\bdied\s+(?:from|of|because\s+of)\s+(?:the\s+)?(?:side\s+effects|complications|toxicit(?:y|ies))\s+of\s+(?:the\s+)?(?:treatment|therapy)",
                 "NRM", "a plain-language 'Fewer children died from side effects of treatment ...: 2 children (1.9%)' is "
                 "non-relapse mortality"),
    EndpointTerm(r"\bno\s+(?:[\w-]+\s+){0,2}?cells?\s+(?:could|can|were|was)\s+(?:be\s+)?(?:found|detected|seen)\b",
                 "MRD_NEG", "a plain-language 'no leukaemia cells could be found with a very sensitive test' is MRD negativity"),
    EndpointTerm(r"(?:^|(?<=[\u2022;:] ))[Aa]live(?=\s+(?:at|after)\s+(?:\d|month|year|one|two|three|four|five)|\s*:)", "OS",
                 "a card's or poster's label 'Alive at 24 mo: 84.0%', '\u2022 Alive at 12 months, 66.7%', a plain-language table's "
                 "'Alive after 3 years' is an overall survival landmark", True),
    EndpointTerm(r"\bno\s+(?:active|remaining|visible)\s+(?:lymphoma|cancer|disease|tumou?r)\b(?!\s+cells?)", "CR",
                 "a plain-language 'scans showed no active lymphoma in 87.4%' is a complete (metabolic) response"),
    EndpointTerm(r"(?:^|(?<=[\u2022;:] ))Progression-free(?=\s*:)", "PFS",
                 "a card's label 'Progression-free: 18 mo 76.1%' is a progression-free survival landmark", True),
    EndpointTerm(r"(?:^|(?<=[\u2022;:] ))Event-free(?=\s*:)", "EFS", "a card's label 'Event-free: 2 y 71.0%'", True),
    EndpointTerm(r"(?:^|(?<=[\u2022;:] ))(?:Relapse|Leuka?emia)-free(?=\s*:)", "RFS", "a card's label 'Relapse-free: 2 y 64.0%'", True),
    EndpointTerm(r"(?<=\s)(?:were|was|remained|are|is) (?:still )?alive (?:and |but )?(?:without (?:disease )?progression|progression[- ]free|free (?:of|from) (?:disease )?progression)", "PFS", "'91.4% were alive without progression', '... alive and free of progression' is a progression-free survival landmark"),
    EndpointTerm(r"(?<=\s)(?:were|was|remained|are|is) (?:still )?(?:free (?:of|from) (?:disease )?progression|progression[- ]free)\b(?! survival)", "PFS",
                 "'55.6% of patients were free of progression' is a progression-free survival landmark"),
    EndpointTerm(r"\b(?:had|has|have)\s+not\s+(?:got(?:ten)?|become|grown)\s+worse\b|\bwithout\s+(?:(?:the|their|his|her|its)\s+)?(?:[\w-]+\s+){0,2}?(?:getting|growing|becoming)\s+worse\b",
                 "PFS", "a plain-language summary's 'CLL had not got worse in 84% of people', 'lived without their lymphoma "
                 "getting worse' is progression-free survival"),
    EndpointTerm(r"(?:(?<=% )|(?<=%\) )|(?<=percent )|(?<=per cent ))progression[- ]free\b(?![- ]survival)", "PFS",
                 "'with 78.1% and 64.3% progression-free', '35.5% v 12.0% progression-free': a share called progression-free"),
    EndpointTerm(r"(?:(?<=% )|(?<=%\) )|(?<=percent )|(?<=per cent ))event[- ]free\b(?![- ]survival)", "EFS",
                 "'61.7% remained event-free' is covered above; '61.7% event-free with A': a share called event-free"),
    EndpointTerm(r"(?:(?<=% )|(?<=%\) )|(?<=percent )|(?<=per cent ))(?:relapse|leuka?emia)[- ]free\b(?![- ]survival)", "RFS",
                 "'44.0% relapse-free at 2 years': a share called relapse-free"),
    EndpointTerm(r"^\W*(?:still\s+)?alive\s+(?:and\s+)?(?:without\s+(?:an?\s+)?event|event[- ]free|free\s+(?:of|from)\s+(?:an?\s+)?events?)\b", "EFS",
                 "a plain-language table row 'Alive without an event at 3 years': event-free survival"),
    EndpointTerm(r"^\W*(?:still\s+)?alive\s+(?:at|after)\s+(?:\d+|one|two|three|four|five|ten)[- ](?:years?|months?)\b", "OS",
                 "a plain-language table row 'Alive at 3 years': overall survival at that time"),
    EndpointTerm(r"^\W*in\s+(?:complete\s+)?remission\s+(?:after|at\s+the\s+end\s+of|by)\b", "CR",
                 "a plain-language table row 'In remission after the first two courses': the remission rate"),
    EndpointTerm(r"\bno\s+(?:leuka?emia|lymphoma|myeloma|cancer|disease)\s+(?:cells?\s+)?(?:was\s+|were\s+)?(?:found|detected|seen|left)\s+"
                 r"(?:by|with|on)\s+(?:a|the)\s+(?:more\s+|very\s+|highly\s+)?sensitive\s+(?:test|blood\s+test|marrow\s+test)",
                 "MRD_NEG", "a plain-language 'no leukaemia found by a sensitive test': measurable residual disease negativity"),
    EndpointTerm(r"(?<=\s)(?:were|was|remained|are|is) (?:still )?alive (?:and |but )?(?:without (?:an )?event|event[- ]free|free (?:of|from) (?:an )?events?)", "EFS", "'were alive without an event' is an event-free survival landmark"),
    EndpointTerm(r"(?<=\s)(?:were|was|remained|are|is) (?:still )?alive and (?:had not had|did not have|have not had|had no)\s+(?:[\w-]+\s+){1,3}?(?:come back|return(?:ed)?|relapse)\s+or\s+(?:an(?:other)?|any) (?:[\w-]+\s+)?(?:event|problem)",
                 "EFS", "a plain-language 'were alive and had not had their leukaemia come back or another serious event' is event-free survival"),
    EndpointTerm(r"(?<=\s)(?:were|was|remained|are|is) (?:still )?alive (?:and |but )?(?:without (?:a )?relapse|relapse[- ]free|free (?:of|from) relapse)", "RFS", "'45% were still alive and free of relapse' is a relapse-free survival landmark"),
    EndpointTerm(r"(?:(?<=% )|(?<=% of patients )|(?<=% of the patients )|(?<=% of children )|(?<=% of adults ))alive\b(?!\s+(?:and|but|without|free|in)\b)", "OS",
                 "'intensive chemotherapy left 41.7% alive', 'left 58.2% of patients alive': the share alive is overall survival"),
    EndpointTerm(r"(?<=\s)(?:were|was|remained|are|is) (?:still )?alive", "OS", "'49% of them were alive at one year' is an overall-survival landmark"),
    EndpointTerm(r"(?<![A-Za-z])OS(?![A-Za-z])", "OS", "OS abbreviation", True),
    EndpointTerm(r"(?<![- ]free )survival(?: rates?| probability)?", "OS", "bare 'survival' (rate, probability) reports overall survival"),
    EndpointTerm(r"(?:(?<=hazard ratio for )|(?<=HR for )|(?<=\(HR\) for )|(?<=risk of )|(?<=hazard of ))death(?: from any cause)?", "OS", "'hazard ratio for death', 'Hazard Ratio (HR) for death', 'cut the risk of death (HR 0.71)' compare overall survival", abbreviable=False),
    EndpointTerm(r"(?:(?<=hazard ratio for )|(?<=HR for )|(?<=risk of )|(?<=hazard of ))(?:an )?events? or death", "EFS", "'hazard ratio for an event or death' compares event-free survival", abbreviable=False),
    EndpointTerm(r"(?:(?<=hazard ratio for )|(?<=HR for ))(?:an )?events?\b(?! or death)", "EFS", "'the hazard ratio for an event was 0.47': an event-free survival comparison", abbreviable=False),
    EndpointTerm(r"(?:(?<=hazard ratio for )|(?<=hazard ratios for )|(?<=HR for )|(?<=risk of )|(?<=hazard of ))(?:disease )?progression or death", "PFS", "'hazard ratio(s) for progression or death', 'the risk of disease progression or death' compare progression-free survival", abbreviable=False),
    EndpointTerm(r"(?:(?<=hazard ratio for )|(?<=HR for )|(?<=risk of )|(?<=hazard of ))relapse or death", "RFS", "'hazard ratio for relapse or death' compares relapse-free survival", abbreviable=False),
    EndpointTerm(r"duration[- ]of[- ](?:response|remission)(?:[- ]rates?)?", "DOR", "duration of response/remission; a 'duration-of-response rate' is its landmark"),
    EndpointTerm(r"(?:rate\s+of\s+)?(?:continued|ongoing)\s+(?:response|remission)(?:\s+rate)?(?=\s+(?:at|by)\s+\d|\s*,)", "DOR",
                 "a label's 'Rate of continued response at 12 months, %' is the duration-of-response landmark"),
    EndpointTerm(r"(?:response|remission) duration", "DOR", "'median remission duration 6 months' is the duration of remission"),
    EndpointTerm(r"duration of (?:(?:CR|CRi|CRh)(?:\s*(?:\+|/|or|and)\s*CR[ih])?|complete (?:remission|response)s?)\b", "DOR",
                 "'Duration of CR, median', 'Duration of CR + CRi': how long the remission lasted, not the remission rate"),
    EndpointTerm(r"(?:responses?|remissions?)\s+(?:were|was|remained|proved)\s+durable(?=\s+(?:for\s+)?(?:a\s+)?median)", "DOR",
                 "'responses were durable for a median of 6.2 months' is the duration of response"),
    EndpointTerm(r"(?:\w[\w/-]*\s+){1,3}?(?:lasted|persisted|held|endured|(?:were|was)\s+(?:maintained|sustained|kept)|(?:kept|maintained|held)\s+(?:their|the|a)\s+(?:responses?|remissions?))(?=\s+(?:for\s+)?(?:a\s+)?median)", "DOR",
                 "'responses lasted a median of 8 months', 'remissions held for a median of 26 months', 'Responders kept "
                 "their response for a median of 13.8 months': how long a response "
                 "lasted is its duration", abbreviable=False),
    EndpointTerm(r"(?:probability|rate|proportion|likelihood) of (?:remaining|staying|continuing) in (?:complete )?(?:remission|response)", "DOR",
                 "'the probability of remaining in remission 12 months after response' is a duration-of-remission landmark"),
    EndpointTerm(r"(?<![A-Za-z])(?:DOR|DoR)(?![A-Za-z])", "DOR", "DOR abbreviation, and 'DoR' as labels print it", True),
    EndpointTerm(r"(?:remained|remain|stayed|were still|was still) in (?:complete )?(?:response|remission)(?= \d+ (?:months?|years?) after\b)", "DOR",
                 "'71.1% remained in complete response 12 months after it was first documented': a duration-of-response landmark"),
    EndpointTerm(r"time (?:spent )?in (?:response|remission)", "DOR", "'median time in response 16.8 mo' is the duration of response"),
    # toxicities
    EndpointTerm(r"(?:hepatic )?veno[- ]?occlusive (?:liver )?disease", "VOD", "veno-occlusive (liver) disease"),
    EndpointTerm(r"sinusoidal obstruction syndrome", "VOD", "SOS is the current name of VOD"),
    EndpointTerm(r"(?<![A-Za-z])(?:VOD|SOS)(?![A-Za-z])", "VOD", "VOD/SOS abbreviations", True),
    EndpointTerm(r"cytokine[- ]release(?: syndrome)?", "CRS", "cytokine release syndrome; tables often drop 'syndrome'"),
    EndpointTerm(r"(?<![A-Za-z])CRS(?![A-Za-z])", "CRS", "CRS abbreviation", True),
    EndpointTerm(r"immune[- ]effector[- ]cell[- ]associated neurotoxicity(?: syndrome)?", "ICANS", "ICANS spelled out"),
    EndpointTerm(r"neurotoxicit(?:y|ies)|neurologic(?:al)? toxicit(?:y|ies)|neurologic(?:al)? events?|neurotoxic events?", "ICANS", "neurotoxicity of immunotherapy ('neurotoxic events') is reported as ICANS"),
    EndpointTerm(r"(?<![A-Za-z])ICANS?(?![A-Za-z])", "ICANS", "ICANS abbreviation; 'ICAN' is a common misspelling", True),
    EndpointTerm(r"graft[- ]v(?:ersus|s\.?)[- ]host disease", "GVHD", "graft-versus-host disease, also spelled graft-vs-host (JAMA style)"),
    EndpointTerm(r"(?<![A-Za-z])a?GvHD(?![A-Za-z])", "GVHD", "GvHD abbreviation in any capitalisation"),
    # transplant and mortality
    EndpointTerm(r"(?:proceed(?:ed|ing|s)?|went on|bridged|bridging)(?: to| with)? (?:an? )?(?:subsequent |consolidative |consolidation (?:with )?)?" + TRANSPLANT_NOUN,
                 "ALLOHSCT", "proceeding to transplant is the ALLOHSCT endpoint"),
    EndpointTerm(r"(?:received|receiving|underwent|undergoing|undergo) (?:an? )?(?:subsequent |consolidative )?" + TRANSPLANT_NOUN,
                 "ALLOHSCT", "receiving a transplant after the study treatment is the ALLOHSCT endpoint"),
    EndpointTerm(r"(?:allo-?(?:HSCT|SCT|HCT)|allogeneic (?:ha?ematopoietic[- ]|blood )?(?:stem[- ]cell[- ]|cell[- ])?(?:transplant(?:ation)?|HSCT|SCT|HCT))(?! recipients)(?: rate)?",
                 "ALLOHSCT", "an allogeneic transplant named as the outcome ('Allogeneic HSCT was performed in 48 (89%)', a table row 'Allogeneic HSCT in CR1')"),
    EndpointTerm(r"(?:HSCT|HCT|SCT|transplant(?:ation)?)(?:(?= (?:was|were) (?:performed|done|carried out|undertaken|given|reached)| followed in\b| (?:took place|was possible) in\b)"
                 r"| in (?:first|second) (?:complete )?remission(?= (?:was|were) (?:performed|done|carried out|undertaken)))",
                 "ALLOHSCT", "'HSCT was done in N patients (x%)', 'Transplantation followed in 60 of 64': a transplant with a verb of "
                 "performing or following is the outcome"),
    EndpointTerm(r"non[- ]?relapse mortality|(?:treatment|transplant(?:ation)?)[- ]related (?:mortality|deaths?)|induction mortality|early deaths?", "NRM",
                 "deaths not due to relapse: non-relapse, treatment- or transplant-related mortality, induction and early deaths"),
    EndpointTerm(r"(?<![A-Za-z])(?:NRM|TRM)(?![A-Za-z])", "NRM", "NRM/TRM abbreviations", True),
    EndpointTerm(r"died (?:while )?in (?:CR|complete remission|remission)|deaths? (?:while )?in (?:first |continuous |complete )?(?:CR|remission)", "NRM", "a death in remission is a non-relapse death ('died in remission', 'Death in remission - no. (%)')"),
    EndpointTerm(r"deaths? without (?:prior )?(?:progression|relapse)|died without (?:prior )?(?:progression|relapse)", "NRM",
                 "'death without progression within 1 year' is non-relapse (non-progression) mortality"),
    EndpointTerm(r"(?:died|deaths?) (?:from|of|due to) (?:causes other than (?:relapse|progression|disease progression|leuka?emia)|non-?relapse causes)", "NRM", "'died from causes other than relapse' is non-relapse mortality"),
)


class ArmTerm(NamedTuple):
    """A surface pattern naming a treatment arm; `control` marks comparator arms."""

    pattern: str
    arm: str
    control: bool
    why: str
    case: bool = False
    rank: int = 0


ARM_TERMS: tuple[ArmTerm, ...] = (
    ArmTerm(r"blinatumomab|blincyto|blina\b", "blinatumomab", False, "CD19xCD3 bispecific antibody"),
    ArmTerm(r"inotuzumab(?: ozogamicin)?|besponsa", "inotuzumab", False, "anti-CD22 antibody-drug conjugate"),
    ArmTerm(r"(?<![A-Za-z])InO(?![A-Za-z])", "inotuzumab", False, "InO abbreviates inotuzumab ozogamicin", True),
    ArmTerm(r"tisagenlecleucel|tisa-cel|kymriah|CTL-?019", "tisagenlecleucel", False, "CD19 CAR-T product"),
    ArmTerm(r"brexucabtagene(?: autoleucel)?|brexu-cel|KTE-?X ?19|tecartus", "brexucabtagene autoleucel", False, "CD19 CAR-T product"),
    ArmTerm(r"axicabtagene(?: ciloleucel)?|axi-cel|yescarta", "axicabtagene ciloleucel", False, "CD19 CAR-T product"),
    ArmTerm(r"lisocabtagene(?: maraleucel)?|liso-cel|breyanzi", "lisocabtagene maraleucel", False, "CD19 CAR-T product"),
    ArmTerm(r"obecabtagene(?: autoleucel)?|obe-cel|aucatzyl", "obecabtagene autoleucel", False, "CD19 CAR-T product"),
    ArmTerm(r"(?:(?:standard|conventional|intensive|multi-?agent|multidrug|intensive multidrug|salvage|investigator'?s choice)(?:[- ]of[- ]care)?[- ])?chemotherapy\b", "chemotherapy", True, "chemotherapy as the comparator arm"),
    ArmTerm(r"(?:(?<=\bon )|(?<=\bwith ))salvage\b(?![- ](?:therapy|regimen|chemo|with|of)\b)", "chemotherapy", True,
            "'on salvage it was just 24.6 per cent': a bare 'salvage' set against the study drug is the salvage chemotherapy arm"),
    ArmTerm(r"(?<![A-Za-z])(?:ChT|SOC)(?![A-Za-z])", "chemotherapy", True, "ChT/SOC abbreviations of the chemotherapy arm", True),
    ArmTerm(r"(?<![A-Za-z0-9-])(?:7\s*\+\s*3|FLAG|MEC|CLAG(?:-M)?|HiDAC)(?![A-Za-z0-9-])", "chemotherapy", True,
            "standard AML induction and salvage chemotherapy regimens ('7+3', FLAG, MEC, CLAG-M, HiDAC) are the chemotherapy arm", True),
    ArmTerm(r"(?<![A-Za-z-])R-?(?:GemOx|ICE|DHAP|ESHAP)(?![A-Za-z])", "chemotherapy", True, "salvage immunochemotherapy regimens (R-GemOx, R-ICE, R-DHAP) are the chemotherapy comparator of lymphoma trials", True),
    ArmTerm(r"(?<![A-Za-z-])(?:ABVD|BEACOPP|escBEACOPP|(?:R-?)?(?:mini-?)?CHOP|(?:R-?)?CVP|DA-EPOCH-R|(?:P-)?GemOx|SMILE|DDGP|AspaMetDex|GELOX)(?![A-Za-z-])", "chemotherapy", True, "standard lymphoma chemotherapy regimens (ABVD, BEACOPP, CHOP and R-CHOP, R-mini-CHOP for the very old; the asparaginase regimens of NK/T-cell lymphoma, P-GemOx, SMILE, DDGP) are the chemotherapy comparator", True),
    ArmTerm(r"standard[- ]of[- ]care|standard[- ](?:care|therapy|treatment|consolidation|induction|intensification|backbone)\b",
            "chemotherapy", True, "standard of care comparator; 'standard consolidation', 'the standard backbone' are its chemotherapy"),
    ArmTerm(r"chemo-?immunotherapy|immuno-?chemotherapy", "chemotherapy", True,
            "chemoimmunotherapy (FCR, BR) is the chemotherapy comparator of CLL and lymphoma trials (GUIDE.md: chemotherapy)"),
    ArmTerm(r"(?<![A-Za-z-])FCR(?![A-Za-z-])", "chemotherapy", True, "FCR (fludarabine, cyclophosphamide, rituximab) is a chemoimmunotherapy comparator", True),
    ArmTerm(r"(?:anti-?)?CD19[- ]?(?:directed |targeted |targeting |specific )?CAR[- ]?T(?:[- ]cells?)?", "CD19 CAR-T", False, "an unnamed CD19 CAR-T product; a named product wins", False, 1),
    ArmTerm(r"(?<![\w-])CAR[- ]?T(?![A-Za-z])(?:[- ]cells?)?(?:[- ]cell)?(?: (?:therapy|therapies|products?))?", "CD19 CAR-T", False, "in B-ALL an unqualified CAR-T product is CD19-directed; a named or coded product wins", False, 1),
    ArmTerm(r"control (?:arm|group|cohort|therapy|treatment|regimen)|historical (?:control|cohort)s?|historic controls?|comparator (?:arm|group)|pooled comparator|(?:standard|comparison|reference|intensive) (?:arm|group)|(?:antibody(?:[- ]based)?|standard|conventional) salvage\b|(?<=\()control(?=\s*[;,)])|^\W*(?:control|comparator)(?=\s*(?:\(\s*[nN]\s*=|$))", "control", True, "comparator named only as control ('control therapy', '(control; n = 296)', a column headed 'Control (N=296)', 'pooled comparator', 'the comparison group', 'antibody-based salvage'); resolved to the study's control arm"),
    ArmTerm(r"(?:(?<=\bto )|(?<=\bwith )|(?<=\bversus )|(?<=\bvs )|(?<=\bvs\. )|(?<=\bor )|(?<=\bon ))observation(?:\s+alone)?\b(?!\s+(?:period|time|phase|of)\b)"
            r"|\bobservation\s+(?:group|arm|cohort)\b|^\W*observation(?:\s+alone)?(?=\s*\(\s*[nN]\s*=)"
            r"|(?<=\d )observation(?=\s*[,;)])|(?<=[(;,] )observation(?=\s*,\s*[nN]\s*=)", "observation", True,
            "'lenalidomide maintenance versus observation', '58 to observation', 'the observation group', a column headed "
            "'Observation (n = 293)', an allocation list's '(201 rituximab, 199 observation)' or '(...; observation, n = "
            "149)': the untreated comparator "
            "('observation period', 'on observation of' are no arm)"),
    ArmTerm(r"(?<![\w-])placebo(?:-[A-Za-z]{1,12})?(?![\w-])", "placebo", True,
            "'placebo', 'placebo-BR': the comparator given placebo in place of the study drug"),
    ArmTerm(r"(?:investigator|physician)(?:'s|s')?[- ](?:selected|chosen)\b(?:\s+[a-z][\w-]*(?:,\s+[a-z][\w-]*){0,4},?\s+or\s+[a-z][\w-]*|\s+(?:standard\s+)?(?:TKIs?|tyrosine kinase inhibitors?|therapy|treatment|regimens?)\b)?",
            "chemotherapy", True, "'investigator-selected imatinib, nilotinib or dasatinib' (the list is the one arm), 'physician-selected therapy': the standard-of-care comparator chosen per patient"),
    ArmTerm(r"(?:standard|physician'?s choice|investigator'?s choice)[- ](?:triplets?|doublets?|regimens?)(?:[- ]therapy)?|\bthe (?:triplets|doublets|triplet arm|doublet arm)\b", "chemotherapy", True, "'standard triplets', 'physician's choice regimen', 'with the triplets': the standard-of-care comparator"),
)

# Treatment strategies and procedures that are arms only in a report comparing them (a registry of transplant vs no
# transplant, an MRD-guided stopping cohort vs continuous maintenance). Elsewhere 'HCT' is an outcome (ALLOHSCT) and
# 'standard' a plain adjective, so these terms apply only to a document whose title or cohort labels set a comparison's
# two sides against each other (`STRATEGY_COMPARISONS`).
class StrategyComparison(NamedTuple):
    """Two sides of a strategy comparison, each a tuple of arm terms; an arm '{match}' is named as printed, and each
    side takes one name per document (its longest such name)."""

    label: str
    experimental: tuple[ArmTerm, ...]
    control: tuple[ArmTerm, ...]
    why: str


ALLOGENEIC_ARM = "allogeneic hsct"
"""The transplant side's name in a report comparing allogeneic transplant with none (HSCT, the commonest abbreviation)."""
DEFERRED_ARM = "deferred transplant"
"""The deferred side of an upfront-versus-deferred transplant comparison, renamed with the report's abbreviation
('deferred asct') when it has one."""
ALLOGENEIC_ARM_PLAIN = "allogeneic transplant"
"""... and named in words when the report abbreviates the procedure nowhere ('allogeneic stem cell transplant')."""
ALLOGENEIC_ARM_HCT = "allogeneic hct"
"""... named with the report's own abbreviation when it writes HCT more often than HSCT."""
TANDEM_ARM = "tandem autologous transplant"
"""The two-transplant side of a tandem comparison, renamed with the report's abbreviation ('tandem autologous hsct')."""
SINGLE_ARM = "single autologous transplant"
"""... and its one-transplant side ('single autologous hsct')."""
UNIFIED_STRATEGY_SIDES: frozenset[str] = frozenset({"transplant_vs_none", "stop_vs_continue"})
"""Comparisons whose side, once printed by name ('continued chemotherapy'), takes that name for all its terms ('no
transplant', 'without HCT'): a registry names its untransplanted patients by what they received instead."""
_TRANSPLANT_PROCEDURE = r"(?:HCT|HSCT|SCT|(?:ha?ematopoietic |stem[- ]cell |cell |blood )*transplant(?:ation)?)"
_MRD_GUIDED = (r"\b(?:MRD|(?:measurable|minimal) residual disease)[- ](?:guided|directed|adapted|driven)"
               r"(?:\s+(?:discontinuation|cessation|stopping|cohort|arm|group|strategy|approach|transplant(?:ation)?))?\b")
_STOPPED_SIDE = (r"\b(?:stop(?:ping)?|discontinu(?:ation|ing)|cessation|ceasing)\s+(?:of\s+)?(?:the\s+)?(?:[a-z]+\s+)?(?:maintenance|therapy|treatment)\b"
                 r"|\b(?:after|by|on|with)\s+(?:stopping|discontinuation|cessation)\b|\b(?:stopping|discontinuation)\s+(?:group|cohort|arm)\b"
                 r"|(?<=\d )stopped\b|\bwho stopped\b|(?<=\d to )stopping\b|^\W*stopping(?=\s+(?:versus|vs\.?|or|compared)\s)")
_CONTINUED_SIDE = (r"(?<=\d )continued\b(?:\s+(?:it|them|maintenance|treatment|therapy))?|\bwho continued\b"
                   r"|\bmaintenance\s+(?:group|cohort|arm)\b")
STRATEGY_COMPARISONS: tuple[StrategyComparison, ...] = (
    StrategyComparison(
        "transplant_vs_none",
        (ArmTerm(r"(?<![\w-])(?:allogeneic\s+|allo-?\s*)" + _TRANSPLANT_PROCEDURE + r"(?![\w-])", ALLOGENEIC_ARM, False,
                 "'allogeneic HCT in CR1', 'allo-HSCT': the transplant strategy"),
         ArmTerm(r"(?<![\w-])(?<!no )(?<!without )(?:HCT|HSCT|allo-?SCT)(?![\w-])|(?<![\w-])transplant recipients\b|(?<![\w-])transplanted (?:patients|children|adults)\b|(?<![\w-])transplanted(?=\s+(?:and|or|vs\.?|versus)\s+(?:non-?|un)transplanted\b)",
                 ALLOGENEIC_ARM, False, "'with HCT', 'of transplant recipients': the transplant side, once the report compares it"),
         ArmTerm(r"(?<!previous )(?<!prior )\ballograft(?:s|ing)?\b|(?<![\w-])(?<!no )(?<!without )(?<!deferred )transplant(?:ation)?(?![\w-])(?!\s+(?:eligib|cent|was handled|as a))",
                 ALLOGENEIC_ARM, False, "'received an allograft', '58% after transplantation' (not 'a previous allograft'): the transplant side, once the "
                 "report compares it"),
         ArmTerm(r"(?<![\w-])(?:auto-?(?:HCT|HSCT|SCT)|ASCT)(?![\w-])", ALLOGENEIC_ARM, False,
                 "'63.1% after auto-HCT': the transplant side of a report comparing autologous transplant with none (named "
                 "autologous by its title)")),
        (ArmTerm(r"\b(?:no|without|not undergoing|never underwent)\s+(?:an?\s+)?(?:(?:allogeneic\s+|allo-?\s*)?" + _TRANSPLANT_PROCEDURE + r"|allograft)(?![\w-])|\bnon-?transplant(?:ed)?\b(?!\s+cent)",
                 "no transplant", True, "'no transplant', 'without HCT', 'No allograft (n=226)', 'nontransplant' (not 'nontransplant "
                 "centers'): the comparison's other side"),
         ArmTerm(r"(?<=[\d%)\]] )without(?:\s+(?:it|one|an?\s+(?:allograft|transplant)))?(?=\s*(?:[(\[;,.]|$))", "no transplant", True,
                 "'68% with HCT and 62% without (HR ...)', '41.9% without it', '77% without one': a bare 'without' after a value is the untransplanted side"),
         ArmTerm(r"\b(?:those|patients|children|adults)\s+(?:who\s+were\s+)?not\s+transplanted\b"
                 r"|\b(?:who|that)\s+did\s+not\s+(?:undergo|receive|have|proceed\s+to|go\s+on\s+to)\s+(?:an?\s+)?(?:allogeneic\s+|autologous\s+)?"
                 r"(?:transplant(?:ation)?|allograft|HCT|HSCT|ASCT|SCT)\b|\buntransplanted\b", "no transplant", True,
                 "'of those not transplanted', 'for those who did not undergo transplant': the untransplanted side named by what did not happen"),
         ArmTerm(r"\b(?:continued\s+|consolidation\s+)?chemotherapy(?:\s+alone)?\b|\bobservation(?:\s+alone)?\b(?!\s+(?:period|time))|\b(?:clinical\s+|active\s+)?surveillance\b|\bwatch(?:ful waiting|[- ]and[- ]wait)\b|\bcontinued\s+(?:[\w-]+\s+){0,3}?(?:therapy|treatment|maintenance)\b|\bTKI(?:-based)?\s+(?:therapy|treatment|maintenance)\b", "{match}", True,
                 "'transplant versus continued chemotherapy', 'HCT vs observation', 'auto-HCT vs surveillance', 'versus "
                 "continued tyrosine-kinase inhibitor therapy': the untransplanted side named by what it got instead")),
        "a report setting transplant against no transplant compares two strategies, not drugs"),
    StrategyComparison(
        "guided_stop_vs_continuous",
        (ArmTerm(_MRD_GUIDED, "mrd-guided", False, "'MRD-guided cohort', 'MRD-guided discontinuation': therapy stopped on MRD results"),
         ArmTerm(_STOPPED_SIDE, "mrd-guided", False, "'318 stopped', 'patients who stopped', 'the discontinuation cohort': the "
                 "patients who stopped on MRD results, named by the act")),
        (ArmTerm(r"\b(?:continuous|continued|indefinite)\s+(?:[a-z]{3,}(?:mide|mib|nib|mab|clax)|maintenance|therapy|treatment)\b", "{match}", True,
                 "'continuous lenalidomide', 'continued maintenance': the policy of never stopping a drug (INN stem) or therapy, named as printed"),
         ArmTerm(_CONTINUED_SIDE, "{match}", True, "'207 continued it', 'those who continued', 'the maintenance cohort': the "
                 "patients who did not stop"),
         ArmTerm(r"\b(?:continuous|standard)(?=\s+(?:cohort|arm|group)\b|\s*[:;,)(]|\s*$)", "{match}", True,
                 "'Standard cohort (n = 104)', 'MRD-guided v continuous:': the comparator policy named by its adjective")),
        "a report setting MRD-guided stopping against continuous therapy compares two policies of one drug"),
    StrategyComparison(
        "bridge_vs_direct_transplant",
        (ArmTerm(r"\b[a-z]{4,}(?:mab|cel|ib|in|ine)\s+bridg(?:e|ing)\b|\bbridg(?:e|ed|ing)\b(?!\s+to\b)(?:\s+(?:group|arm|cohort))?",
                 "{match}", False, "'a blinatumomab bridge', 'after the bridge', 'the bridge group', '16 bridged patients': "
                 "therapy given between remission and transplant, named as printed"),),
        (ArmTerm(r"\bstraight\s+to\s+(?:allogeneic\s+)?transplant(?:ation)?\b|\bdirect(?:ly)?\s+(?:to\s+)?(?:allogeneic\s+)?"
                 r"(?:transplant(?:ation)?|HSCT|HCT|allo-?SCT)\b|\bdirect\s+(?:group|arm|cohort)\b|(?<=\d )direct\b(?=\s+(?:patients|\())",
                 "direct transplant", True, "'went straight to transplant', 'with direct transplant', 'the direct group', "
                 "'13 direct (30.2%) patients': transplant without a bridge"),),
        "a report setting a bridging therapy before transplant against going straight to transplant compares two strategies"),
    StrategyComparison(
        "guided_vs_fixed_duration",
        (ArmTerm(_MRD_GUIDED, "mrd-guided", False, "'MRD-guided strategy', 'MRD-guided therapy': stopping when MRD clears"),
         ArmTerm(r"\bguided\s+(?:arm|group|cohort|therapy|treatment|strategy)\b|(?<=[\d%)\]] )guided\b(?=\s*[,;.)]|\s*$)",
                 "mrd-guided", False, "'the guided arm', '97.0% guided, 96.4% fixed': the MRD-guided side named short")),
        (ArmTerm(r"\bfixed[- ]duration(?:\s+(?:therapy|treatment|arm|group|cohort|course|strategy))?\b"
                 r"|\bfixed\s+(?:course|arm|group|cohort|schedule)\b|(?<=[\d%)\]] )fixed\b(?=\s*[,;.)]|\s*$)|^\W*fixed(?=\s*:)",
                 "fixed-duration", True, "'fixed-duration treatment', 'the fixed course', '96.4% fixed', a lettered group's "
                 "'(fixed: 24 cycles for all)': every patient given the planned number of cycles"),),
        "a report setting MRD-guided stopping against a fixed number of cycles compares two policies of one regimen"),
    StrategyComparison(
        "taper_vs_stop",
        (ArmTerm(r"\b(?:stepwise\s+|gradual\s+)?(?:tapering|tapered|de-?escalation)\b(?!\s+(?:schedule|phase|period|step))",
                 "tapering", False, "'the tapering group', 'with tapering', 'TKI de-escalation': the dose brought down in steps"),),
        (ArmTerm(r"\bimmediate\s+(?:discontinuation|stop(?:ping)?|cessation|withdrawal)\b", "immediate discontinuation", True,
                 "'with immediate discontinuation', 'the immediate discontinuation group': the drug stopped at once"),),
        "a report setting a stepwise taper of a drug against stopping it at once compares two policies of one drug"),
    StrategyComparison(
        "stop_vs_continue",
        (ArmTerm(_STOPPED_SIDE, "discontinuation", False,
                 "'stopping lenalidomide maintenance', 'after stopping', '81 stopped', 'the stopping group', a title's 'Stopping versus "
                 "continuing ...': the policy of stopping therapy"),),
        (ArmTerm(r"\b(?:continu(?:ed|ing|ous)|indefinite)\s+(?:[a-z]{3,}(?:mide|mib|nib|mab|clax)|maintenance|therapy|treatment)\b", "{match}", True,
                 "'continued lenalidomide', 'continuing maintenance': the policy of not stopping, named as printed"),
         ArmTerm(r"\bcontinuation\s+(?:group|cohort|arm)\b|\bwith\s+continuation\b|(?<=\d to )continu(?:ing|ation)\b", "{match}", True,
                 "'the continuation group', '76.0% with continuation', '155 to continuing': the side that kept its therapy"),
         ArmTerm(r"(?<=kept taking )[a-z]{3,}(?:mide|mib|nib|mab|clax)\b|(?<=stayed on )[a-z]{3,}(?:mide|mib|nib|mab|clax)\b|(?<=continue )[a-z]{3,}(?:mide|mib|nib|mab|clax)\b", "{match}", True,
                 "'the other 95 kept taking lenalidomide': the continuing side named by its drug")),
        "a report about stopping a therapy (title) that names the patients who continued it compares two policies"),
    StrategyComparison(
        "guided_vs_universal_transplant",
        (ArmTerm(_MRD_GUIDED, "mrd-guided", False, "'MRD-guided group', 'MRD-guided strategy': transplant only for persistent MRD"),),
        (ArmTerm(r"\btransplant[- ]for[- ]all\b|\buniversal\s+(?:allogeneic\s+|allo-?\s*)?" + _TRANSPLANT_PROCEDURE, "transplant for all", True,
                 "'transplant-for-all group', 'universal allogeneic transplant': every eligible patient transplanted"),
         ArmTerm(r"\b(?:risk|feature)[- ](?:based|adapted)\s+(?:(?:transplant(?:ation)?\s+)?(?:policy|strategy|approach|era|group|cohort))\b",
                 "risk-based", True, "'a risk-based policy', 'the risk-based era': transplant chosen by features at diagnosis")),
        "a report setting MRD-guided transplant against transplant for every patient compares two policies"),
    StrategyComparison(
        "upfront_vs_deferred_transplant",
        (ArmTerm(r"(?<![\w-])(?:(?:upfront|early|frontline)\s+)?(?:autologous\s+" + _TRANSPLANT_PROCEDURE + r"|ASCT|auto-?(?:HCT|SCT|HSCT))(?![\w-])|\bupfront\s+transplant(?:ation)?\b",
                 "autologous transplant", False, "'upfront autologous transplantation', 'ASCT': the transplant side"),
         ArmTerm(r"(?<![\w-])(?<!no )(?<!deferred )(?<!delayed )transplant(?:ation)?(?![\w-])(?!\s+(?:eligib|cent))", "autologous transplant", False,
                 "'78% after transplant, against 69% with deferral': the bare noun is the transplant side once the report compares it")),
        (ArmTerm(r"\b(?:deferr(?:al|ed|ing)|delayed)(?:\s+(?:autologous\s+)?(?:transplant(?:ation)?|ASCT))?\b", DEFERRED_ARM, True,
                 "'deferral', 'deferred transplant', 'delayed ASCT': transplant kept for relapse"),),
        "a report setting upfront transplant against deferral compares two timings of one procedure"),
    StrategyComparison(
        "tandem_vs_single_transplant",
        (ArmTerm(r"\b(?:tandem|double)\s+(?:autologous\s+)?(?:HSCT|HCT|ASCT|SCT|auto-?(?:HSCT|HCT|SCT)|autografts?|transplant(?:ation|s)?)\b"
                 r"|\b(?:planned\s+)?second\s+(?:autologous\s+)?(?:autograft|transplant(?:ation)?|ASCT|HSCT|HCT)\b"
                 r"|\btandem\s+(?:recipients|group|arm|cohort|patients)\b|\btandem\b(?=\s+(?:versus|vs\.?|v\.?|or|compared)\s)",
                 TANDEM_ARM, False, "'tandem HSCT', 'a planned second autograft', 'tandem recipients': two autologous transplants"),),
        (ArmTerm(r"\bsingle[- ](?:autologous\s+)?(?:HSCT|HCT|ASCT|SCT|auto-?(?:HSCT|HCT|SCT)|autografts?|transplant(?:ation|s)?)(?:\s+(?:recipients|group|arm|cohort))?"
                 r"|\bsingle\s+(?:recipients|group|arm|cohort)\b|\bstopped\s+after\s+(?:one|a\s+single|the\s+first)\b(?:\s+(?:autograft|transplant))?",
                 SINGLE_ARM, True, "'after a single transplant', 'single-transplant recipients', 'the remaining 851 stopped after one'"),),
        "a report setting a planned second autograft against one compares two transplant strategies"),
    StrategyComparison(
        "haploidentical_vs_unrelated_donor",
        (ArmTerm(r"(?<![\w-])haplo(?:identical)?(?![\w-])(?:[- ](?:related\s+)?(?:donors?|grafts?|transplant(?:ation|s)?|HSCT|HCT|SCT|recipients|group|arm|cohort|relatives?))?",
                 "haploidentical", False, "'haploidentical transplant', 'haplo recipients', 'a haploidentical relative': the "
                 "graft from a half-matched relative"),),
        (ArmTerm(r"\b(?:(?:HLA-)?matched|(?:8|10)/(?:8|10))[- ]unrelated[- ](?:donors?|grafts?)\b|(?<![\w-])MUDs?(?![\w-])|\bunrelated[- ]donors?\b",
                 "matched unrelated donor", True, "'matched unrelated donor', 'MUD transplant', 'unrelated donors': the graft "
                 "from a matched stranger"),),
        "a report setting haploidentical grafts against matched unrelated donors compares two donor types, not drugs"),
    StrategyComparison(
        "haploidentical_vs_sibling_donor",
        (ArmTerm(r"(?<![\w-])haplo(?:identical)?(?![\w-])(?:[- ](?:related\s+)?(?:donors?|grafts?|transplant(?:ation|s)?|HSCT|HCT|SCT|recipients|group|arm|cohort|relatives?))?",
                 "haploidentical", False, "the graft from a half-matched relative"),),
        (ArmTerm(r"\b(?:HLA-)?(?:matched|identical)[- ]sibling(?:[- ](?:donors?|grafts?))?\b|(?<![\w-])MSDs?(?![\w-])",
                 "matched sibling donor", True, "'matched sibling donor', 'MSD grafts': the graft from a matched sibling"),),
        "a report setting haploidentical grafts against matched siblings compares two donor types, not drugs"),
    StrategyComparison(
        "radiotherapy_vs_observation",
        (ArmTerm(r"(?<!no )(?<!without )(?:\b(?:consolidat(?:ive|ion)|involved[- ](?:site|field|node)|adjuvant)\s+)?(?:\bradiotherapy\b|\bradiation(?:\s+therapy)?\b|(?<![\w-])RT(?![\w-]))"
                 r"|\birradiated\s+(?:patients|children|adults)\b",
                 "radiotherapy", False, "'consolidative radiotherapy', 'after radiotherapy', '3 irradiated patients': the radiotherapy side"),),
        (ArmTerm(r"\bobservation(?:\s+alone)?\b(?!\s+(?:period|time))|\b(?:clinical\s+|active\s+)?surveillance\b|\bwatch(?:ful waiting|[- ]and[- ]wait)\b"
                 r"|\b(?:no|without)\s+(?:consolidat(?:ive|ion)\s+)?(?:radiotherapy|radiation|RT)\b",
                 "observation", True, "'with observation alone', 'surveillance', 'without radiotherapy': the side not irradiated"),),
        "a report setting consolidative radiotherapy against observation compares two policies after the same chemotherapy"),
    StrategyComparison(
        "irradiation_vs_chemotherapy_conditioning",
        (ArmTerm(r"(?<!without )(?<!no )(?<!non-)(?:\btotal[- ]body irradiation|(?<![\w-])TBI(?![\w-]))(?:[- ]based(?:\s+(?:myeloablative\s+)?conditioning)?)?",
                 "total body irradiation", False, "'total-body irradiation', 'TBI-based conditioning': the irradiation side"),),
        (ArmTerm(r"\b(?:chemotherapy|chemo)(?:[- ](?:based|only))?(?:\s+(?:myeloablative\s+)?conditioning|\s+alone)?\b", "chemotherapy", True,
                 "'chemotherapy-based conditioning', 'chemotherapy alone': the side conditioned without irradiation"),
         ArmTerm(r"\b(?:without|no|non-)\s*(?:TBI|total[- ]body irradiation)\b", "chemotherapy", True,
                 "'without TBI', 'non-TBI': the side conditioned without irradiation")),
        "a report setting irradiation-based against chemotherapy-only conditioning compares two transplant preparations"),
)

# Arm names that describe a kind of product, not the product: never a single-arm study's therapy.
GENERIC_ARMS: tuple[str, ...] = ("CD19 CAR-T", "control")

MIN_CAPITALISED_NAME = 6
"""A gazetteer name this long in capitals ('LISOCABTAGENE MARALEUCEL') is the drug; shorter capitals may be a code or acronym."""

TITLE_SIDE_WITH_TEXT_CONTROL: frozenset[str] = frozenset({"stop_vs_continue"})
"""Comparisons active when the title names the experimental side and the text names the control side anywhere: a
report titled 'Stopping Lenalidomide Maintenance ...' that speaks of 'continued lenalidomide' compares the two."""

# Gazetteer drug classes that never name an evidence arm.

SHORT_CODE_MAX = 4
"""Longest lexicon name treated as a code ('DPd', 'R2', 'MTX'), which another drug's prefix can extend ('D-VRd')."""
REGIMEN_CODE_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("D|Dara", "daratumumab", "'D-VRd', 'Dara-Rd': daratumumab added to a myeloma regimen code"),
    ("Isa", "isatuximab", "'Isa-Pd', 'Isa-KRd': isatuximab added to a myeloma regimen code"),
    ("Elo|E", "elotuzumab", "'Elo-Rd', 'E-Pd': elotuzumab added to a myeloma regimen code"),
    ("Pola", "polatuzumab vedotin", "'Pola-R-CHP', 'pola-BR': polatuzumab vedotin added to a lymphoma regimen code"),
)
"""Drug prefixes that extend a short regimen code ('D-VRd' is daratumumab with VRd): (prefix alternation, drug, why)."""
REGIMEN_CODE_CLASSES: tuple[str, ...] = ("drug regimen",)
"""Gazetteer classes whose short codes a drug prefix may extend."""
NON_ARM_DRUG_CLASSES: tuple[str, ...] = ("procedure", "cytotoxic payload", "corticosteroid")
COMPARATOR_DRUG_CLASSES: tuple[str, ...] = ("control arm", "chemotherapy regimen")
"""Gazetteer classes that name a comparator arm: 'FLAG-IDA (FI)' set against a new drug is the chemotherapy comparator."""
COMPARATOR_ARM_NAMES: dict[str, str] = {"chemotherapy regimen": "chemotherapy"}
"""The arm a comparator class names (GUIDE.md: a chemotherapy comparator is 'chemotherapy', whatever its regimen)."""


class Cue(NamedTuple):
    """A regex cue with its rationale."""

    pattern: str
    why: str


# A sentence assigning patients that names both sides of a policy comparison sets them against each other; only the
# comparisons listed in ASSIGNMENT_ACTIVATED (a transplant or chemotherapy is named in many assignment sentences).
ASSIGNMENT_ACTIVATED: frozenset[str] = frozenset({"guided_vs_fixed_duration", "guided_stop_vs_continuous",
                                                   "bridge_vs_direct_transplant"})
STRATEGY_ASSIGNMENT = Cue(r"\b(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated)\b"
                          r"|\b\d+\s+(?:\w+\s+){0,3}?(?:received|underwent|went|proceeded|were\s+given)\b[^.;]{0,80}?\band\s+"
                          r"(?:the\s+(?:other|remaining)\s+)?\d+\b",
                          "'306 were assigned to the MRD-guided strategy and the same number to fixed-duration treatment', "
                          "'51 received a blinatumomab bridge and the other 43 went straight to transplant'")

# A cohort label in a list or a column header: a strategy printed right before '(n = N)' ('Standard cohort (n = 104)').
STRATEGY_COHORT_LABEL = Cue(r"^\s*(?:cohort|arm|group)?\s*\(\s*[nN]\s*=\s*\d", "a label sized by '(n = N)' names a cohort of the report")
_OTHERWISE_MANAGED = r"went without\b|received no\b|stopped after (?:one|a single|the first)\b|were\s+(?:\w+\s+){0,2}?(?:without|not)\b|were\s+(?:only\s+|simply\s+)?observed\b"
"""'the other 226 were managed without one', 'were not transplanted', 'the remaining 117 were observed': a group that did
not get the procedure."""
STRATEGY_SPLIT = Cue(r"\b\d+\s+(?:of\s+(?:them|these|those|whom)\s+)?(?:(?:patients|children|adults)\s+)?(?:went on to|underwent|received|proceeded to|were referred for)\s+(?:an?\s+)?"
                     r"(?P<side>[^,;.]{3,60}?),?\s+and\s+(?:the\s+(?:other|remaining)\s+)?\d+\s+(?:(?:patients|children|adults)\s+)?"
                     r"(?:did not|had not|continued|remained on|" + _OTHERWISE_MANAGED + r")",
                     "'58 went on to an allograft in first remission and the other 71 did not', '121 of them went on to an "
                     "allograft and the other 226 were managed without one': the report sizes both sides")

# A report whose title names an autologous transplant (and no allogeneic one) compares autologous transplantation:
# its transplant side is named so, not by the allogeneic default of `transplant_vs_none`.
AUTOLOGOUS_TITLE = Cue(r"\b(?:autologous|autograft(?:s|ing)?|ASCT|auto-?(?:HCT|SCT|HSCT))\b",
                       "'Autologous stem-cell transplantation after ...' in the title: the transplant compared is autologous")
ALLOGENEIC_TITLE = Cue(r"\b(?:allogeneic|allograft(?:s|ing)?|allo-?(?:HCT|SCT|HSCT))\b", "an allogeneic transplant named in the title")
AUTOLOGOUS_ARM = "autologous transplant"
"""The transplant side's name in a report about autologous transplantation that abbreviates it nowhere."""
AUTOLOGOUS_ARM_HCT = "autologous hct"
"""... named with the report's abbreviation when it writes auto-HCT/HCT more often than ASCT/HSCT forms."""
AUTOLOGOUS_ARM_HSCT = "autologous hsct"
"""... named so when it writes ASCT, auto-HSCT or HSCT at least as often as HCT."""
TRANSPLANT_HCT_FORMS = r"(?<![\w-])(?:auto-?)?HCT(?![\w-])"
"""An autologous transplant report's abbreviation is HCT ('auto-HCT', 'HCT')."""
TRANSPLANT_HSCT_FORMS = r"(?<![\w-])(?:(?:auto-?)?HSCT|ASCT|auto-?SCT)(?![\w-])"
TRANSPLANT_ASCT_FORMS = r"(?<![\w-])ASCT(?![\w-])"
"""An autologous transplant report abbreviating it ASCT above all names that arm 'asct'."""
AUTOLOGOUS_ARM_ASCT = "asct"
"""An autologous transplant report's abbreviation is HSCT, ASCT or SCT ('ASCT', 'auto-SCT')."""

# A title whose comparator is a transplant procedure ('Ciltacabtagene Autoleucel Versus Autologous Stem-Cell
# Transplantation ...'): a treatment against a procedure, named as the report abbreviates the procedure.
TRANSPLANT_COMPARATOR = Cue(r"^\W*(?:(?:upfront|early|frontline|first-line|consolidative|standard)\s+)?"
                            r"(?:high-dose\s+(?:\w+\s+){1,2}(?:with|and|plus|followed by)\s+)?"
                            r"(?:(?:autologous|allogeneic)\s+(?:ha?ematopoietic\s+)?(?:(?:stem[- ])?cell\s+)?transplant(?:ation)?"
                            r"|(?:auto|allo)-?\s*(?:HCT|HSCT|SCT)|ASCT|allograft(?:ing)?|autograft(?:ing)?"
                            r"|(?:ha?ematopoietic\s+)?(?:stem[- ]cell\s+)?transplant(?:ation)?)(?![\w-])",
                            "'A versus autologous stem-cell transplantation', 'X vs allo-HSCT': the comparator is a "
                            "transplant procedure, so the title's treatment is compared with transplant")
RADIOTHERAPY_ALTERNATIVE = Cue(r"\b(?:replace|replacing|instead\s+of|in\s+place\s+of|rather\s+than|versus|vs\.?|or|compared\s+with)\s+"
                               r"(?:(?:consolidat(?:ive|ion)|involved[- ](?:site|field|node)|standard|the\s+usual)\s+)?"
                               r"(?:radiotherapy|radiation(?:\s+therapy)?)\b",
                               "'Can brentuximab-containing chemotherapy replace radiotherapy ...?', 'A versus involved-site "
                               "radiotherapy': the title's treatment is compared with radiotherapy")
RADIOTHERAPY_ARM = "radiotherapy"
"""The radiotherapy side's name when a report sets a treatment against radiotherapy (GUIDE.md names a procedure arm plainly)."""
RADIOTHERAPY_TERMS: tuple[str, ...] = (
    r"(?<!no )(?<!without )(?<!avoid )(?:\b(?:consolidat(?:ive|ion)|involved[- ](?:site|field|node))\s+)?\b(?:radiotherapy|radiation(?:\s+therapy)?)\b",
)
"""Mentions of the radiotherapy side ('the radiotherapy group', 'involved-site radiotherapy'), once the title compares it."""
ROUTE_TERMS: tuple[tuple[str, str], ...] = (
    ("subcutaneous", r"\b(?i:subcutaneous(?:ly)?)\b|\bs\.c\.(?!\w)|(?<![\w.-])SC(?![\w-])"),
    ("intravenous", r"\b(?i:intravenous(?:ly)?)\b|\bi\.v\.(?!\w)|(?<![\w.-])(?<!stage )(?<!phase )(?<!grade )(?<!Stage )(?<!Phase )"
                    r"(?<!Grade )(?<!type )IV(?![\w-])"),
    ("oral", r"\b(?i:oral(?:ly)?)\b|(?<![\w.-])PO(?![\w-])"),
)
"""Routes of administration and the forms that name each side of a route comparison once the title sets one ('the SC
arm', '30.2 months (SC)', 'continuous intravenous infusion'); abbreviations in capitals only; 'stage IV', 'grade IV'
are no route."""
ROUTE_COMPARISON = Cue(r"(?i)\b(?P<first>subcutaneous|intravenous|oral)(?:ly)?\s+(?:versus|vs\.?|or|compared\s+with)\s+"
                       r"(?:(?:continuous|standard|conventional|weekly|daily)\s+)?(?P<second>subcutaneous|intravenous|oral)(?:ly)?\s+"
                       r"(?:(?:infusion|administration|dosing)\s+of\s+)?",
                       "'Subcutaneous versus Continuous Intravenous Blinatumomab': a title setting two routes of one drug "
                       "against each other; the arms are the drug by each route")
TRANSPLANT_COMPARATOR_TERMS: tuple[str, ...] = (
    r"(?<![\w-])(?:(?:autologous|allogeneic)\s+|(?:auto|allo)-?\s*)?(?:(?:ha?ematopoietic|stem[- ]cell|cell)\s+)*"
    r"(?:transplant(?:ation)?|HCT|HSCT|SCT)(?![\w-])(?!\s+(?:eligib|cent))",
    r"(?<![\w-])(?:ASCT|autograft(?:s|ing)?|allograft(?:s|ing)?)(?![\w-])",
)
"""In a treatment-versus-transplant report every mention of the procedure ('with ASCT', 'the autologous
stem-cell transplantation arm') names the transplant arm; 'transplant-eligible' and 'transplant centres' do not."""

# In a report comparing transplant with none, 'after allogeneic HSCT' names the arm; the transplant is the outcome
# (ALLOHSCT) only when a verb makes it an event of the patients ('412 underwent HCT').
TRANSPLANT_EVENT_LEFT = Cue(r"\b(?:underwent|undergo|undergoing|received|receiving|proceeded to|went on to|bridged to|referred for|(?:rate|share|proportion|number) of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$",
                            "a transplant after 'underwent', 'proceeded to' or 'rate of' is an event; after 'with', 'after' or 'v' it is the strategy arm")

IWG_IMPROVEMENT = Cue(r"\bha?ematolog(?:ic|ical)\s+improvement\b", "the IWG category list of MDS response (with marrow CR and PR)")
IWG_MARROW_CR = Cue(r"(?:bone\s+)?marrow\s+complete\s+(?:remission|response)s?(?:\s+rate)?|\bmCR\b",
                    "'marrow complete remission', 'mCR': in a report grading IWG categories, its own category")

# Phrases that look like an endpoint but are none: they occupy their span so no shorter term matches inside them.
NOT_ENDPOINT_TERMS: tuple[Cue, ...] = (
    Cue(r"major molecular responses?(?: rates?)?|\bMMR\b", "a major molecular response (BCR::ABL1 at or below 0.1%) is no MRD negativity, nor a response rate"),
    Cue(r"very good partial (?:response|remission)s?(?:\s+or\s+(?:better|deeper))?|\bVGPR(?:\s+or\s+(?:better|deeper))?|(?:very good )?partial (?:response|remission)s?(?!\s+or\s+(?:better|more|deeper))",
        "a (very good) partial response alone is neither a complete response nor the overall response ('partial response or "
        "better' is, 'very good partial response or better' is not)"),
    Cue(r"(?<=was )the best (?:overall )?response\b|(?<=as )the best (?:overall )?response\b",
        "'Complete response or better was the best response in 312 of 441': the predicate restates the subject's response"),
    Cue(r"time to (?:first |best |initial )?(?:response|remission|CR)\b", "the time to (first) response is how fast a response came, not how long it lasted (DOR)"),
    Cue(r"(?:(?:acute |chronic |severe )?(?:a|c)?GVHD|graft[- ]versus[- ]host[- ]disease)[- ]free,?\s*(?:and\s+)?relapse[- ]free survival(?: rates?)?|\b(?:GRFS|CRFS)\b",
        "GVHD-free, relapse-free survival (GRFS) is a composite endpoint of its own, neither GVHD incidence nor RFS"),
    Cue(r"(?:cumulative\s+)?incidence\s+of\s+relapse|relapse\s+incidence|\bCIR\b"
        r"|(?<![\w-])relapse(?![- ]free)\s+(?:at|by)\s+(?:\d+|one|two|three|four|five)[\s-]*(?:years?|months?|yrs?|y)\b"
        r"|(?<![\w-])relapse(?![- ]free)\s+(?:rates?|risk)\b",
        "the (cumulative) incidence of relapse is no endpoint of the guide; its figures take no other endpoint"),
    Cue(r"(?:bone\s+)?marrow\s+complete\s+(?:response|remission)s?[^.;]{0,120}?\b(?:counts?\s+did\s+not\s+(?:fully\s+)?recover|"
        r"without\s+(?:full\s+)?(?:count|ha?ematologic(?:al)?|blood\s+count)\s+recovery|incomplete\s+(?:count|ha?ematologic(?:al)?|blood\s+count)\s+recovery)",
        "'a marrow complete response, meaning the blasts disappeared ... but counts did not fully recover': a response "
        "without count recovery is no CR"),
    Cue(r"(?<![A-Za-z/+])CR[hi](?![A-Za-z0-9/+])",
        "CRh or CRi alone (partial or incomplete count recovery) is neither CR nor the composite CR/CRi (GUIDE.md: CR_CRI pools them)"),
)


NEGATED_ENDPOINT_LEFT = Cue(r"(?:^|[;:.•(]\s*|\b(?:and|but|with)\s+)(?:[Nn]o|[Ww]ithout|[Nn]either)\s+(?:(?:grade|treatment|therapy|serious|severe|fatal|new|further|other|[\w-]+-related|[0-9]+|or|higher|and|any)\s+){0,5}$",
                            "'No treatment-related deaths; mobilisation succeeded in 98%', 'No grade 3 or higher CRS; ...': a "
                            "negated endpoint gives its code to no value (the figures after it measure something else)")


# A value directly after one of these verbs-to-endpoint frames takes the endpoint that follows it.
OUTCOME_VERB = Cue(
    r"(?:were|was|had|have|has|achieved|achieving|achieve|obtained|obtaining|obtain|experienced|experiencing|developed|developing|reached|reaching|attained|showed|displayed|converted|to achieve|being|became|remained|stayed|proceeded|received|underwent|undergoing)\b",
    "verbs that link a share of patients to the outcome they reached")

# Words that make a sentence open a new, unnamed study ("In a phase II study ...").
STUDY_NOUNS = r"(?:study|studies|trial|analysis|analyses|experience|series|casuistry|cohort|review|report|registry|subanalysis|sub-analysis|paper|publication)"
_LEAD_ADVERBS = r"(?:[A-Z]?[a-z]+(?: [a-z]+)?,\s*){0,2}"
NEW_STUDY_INTRO: tuple[Cue, ...] = (
    Cue(r"^" + _LEAD_ADVERBS + r"(?i:in|from) (?:a|an|one|another) (?:[\w/\-–]+ ){0,8}?" + STUDY_NOUNS + r"\b",
        "'In a phase II study ...' introduces a new study"),
    Cue(r"\b(?:in|by|from|of) (?:a|an) (?:(?!the\b)[\w/\-–]+ ){0,7}?" + STUDY_NOUNS + r"\b(?! of the| on the)",
        "'explored in a phase II single-arm study' introduces a new study mid-sentence"),
    Cue(r"^" + _LEAD_ADVERBS + r"(?i:a|an) (?:[\w/\-–]+ ){0,6}?" + STUDY_NOUNS + r"\b(?! of the| on the)",
        "'A subsequent larger study including ...' introduces a new study"),
    Cue(r"\b(?:and|&) (?:colleagues|coauthors|co-authors|coworkers|co-workers|coll)\b|\bet al\.?,? (?:in|published|reported|showed|demonstrated)",
        "'Liu and colleagues published ...' introduces another group's study"),
    Cue(r"^" + _LEAD_ADVERBS + r"(?i:in our experience)", "the authors' own experience is a separate study"),
    Cue(r"\bthe (?:[A-Z][\w-]*\s+){1,3}(?:study|trial|group|researchers|investigators)\b", "'the MD Anderson study' names another group's study"),
    Cue(r"\b(?:cooperative|working|study) group\b", "a cooperative group's study is a separate study"),
)

# A trial named after these words is a yardstick the sentence compares with, not the study it reports on.
COMPARED_NAME_LEFT = Cue(r"\b(?:close to|similar to|comparable (?:to|with)|in line with|consistent with|as in)\s+(?:(?:those|that|the (?:results?|figures?|rates?|outcomes?))\s+(?:of|in|from|seen in|reported in|reported by)\s+)?(?:the\s+)?$",
                         "'figures close to those of ELIANA' names a benchmark; the sentence's figures belong to the study under discussion")

# Contexts that make a number a distractor rather than a result (checked on the text around the number).
class Distractor(NamedTuple):
    """A pattern tested against the text before (`side='left'`) or after (`'right'`) a number."""

    id: str
    side: str
    pattern: str
    why: str


DISTRACTORS: tuple[Distractor, ...] = (
    Distractor("dose", "right", r"^\s*(?:µ|μ|u|m|mc|n)?g(?:/|\b)|^\s*mcg\b|^\s*(?:mg|µg|μg|ug|mcg)\b|^\s*(?:×|x)\s*10", "doses (µg/day, mg/m2, mcg) and cell doses"),
    Distractor("per_area", "right", r"^\s*/\s*(?:m2|m²|kg|day|d|mcl|µl|μl|ul|l|ml)\b", "per-area, per-kg and concentration units"),
    Distractor("age_years", "right", r"^\s*(?:[-–]\s*\d+\s*)?(?:years?|yrs?|y)\b(?!-| after| post| of follow)(?= (?:of age|old)|\)|,|;|\s|$)", "ages and durations in years are not results unless a landmark phrase claims them"),
    Distractor("age_in_units", "right", r"^\s*(?:days?|weeks?|months?|years?)\s+(?:of\s+age|old)\b", "'diagnosed before six months of age', 'infants 3 weeks old': an age in any unit"),
    Distractor("age_left", "left", r"\b(?:aged?|age of|ages?|older than|younger than|median age(?: of)?|range of|ranging from)\s*(?:[<>≤≥]\s*)?(?:\d+\s*[-–]\s*)?$", "ages and ranges"),
    Distractor("follow_up_left", "left", r"follow[- ]?up(?: time)?(?: for [\w -]{1,30}?)?(?: of| was| is|:)?\s*(?:about |approximately |of )?$", "follow-up durations ('the median follow-up for DOR was 14.8 months')"),
    Distractor("follow_up_list", "left", r"follow[- ]?up\b[^.;]{0,60}?\d+(?:[.·]\d+)?\s*(?:months?|mo|years?|weeks?)(?:\s*\([^()]{1,30}\))?\s*(?:,|and|or|,\s*and)\s*$",
               "'median follow-up ... 20.1 months (FL) and 14.5 months (DLBCL)': every item of a follow-up list is a follow-up time"),
    Distractor("time_frame", "left", r"\b[Tt]ime\s+[Ff]rame\s*:[^.;]{0,40}$",
               "a registry posting's 'Time frame: up to 66 months' is the window a measure was assessed over, not a result"),
    Distractor("follow_up_right", "right", r"^\s*(?:months?|mo|years?|weeks?)\s+(?:of\s+)?follow[- ]?up", "'16 months of follow-up' is a follow-up duration"),
    Distractor("duration_units", "right", r"^\s*(?:days?|hours?|h|weeks?|wk|min(?:utes)?)\b", "days, hours, weeks: schedules and process times"),
    Distractor("cycles", "right", r"^\s*(?!(?:received|were given|underwent)\s+(?:the|an?|at least one|a single)\s)(?!to\s)(?:\w+\s+){0,2}?(?:cycles?|courses?|doses?|infusions?|lines?|dose levels?|blocks?)\b", "numbers of cycles, doses and lines of therapy ('55 received the infusion' counts patients)"),
    Distractor("ci_level", "right", r"^\s*%\s*(?:CI|confidence|C\.I\.)", "the 95 of '95% CI'"),
    Distractor("grade_phase", "left", r"\b(?:grade|grades|phase|phases|stage|cycle|day|days|dose|level|exon|exons|week|weeks|figure|fig\.?|table|panel|arm|version|lines?)\s*$", "grade 3, phase 2, day 28, exon 2: labels, not results"),
    Distractor("threshold", "left", r"(?:[<>≤≥]|less than|more than|greater than|at least|above|below|over|under)\s*$", "thresholds such as '>10−3' or '≥ 5% blasts' unless a copula precedes them"),
    Distractor("power_of_ten", "right", r"^\s*[-−–]\s*\d|^\s*[×x]\s*10|^\s*(?:e|E)[-−]\d", "10−3 and 1 × 10^9 style numbers"),
    Distractor("p_value", "left", r"\b[pP]\s*(?:value\s*)?(?:[=<>≤≥]|of)\s*$|\bSE\s*=\s*$|\bSD\s*=\s*$", "p-values and standard errors are attached, not reported as values"),
    Distractor("screened_share", "right", r"^\s*%\s*\)?\s*(?:of (?:those |patients )?screened\b|(?:were|was) (?:enrolled|randomi[sz]ed|randomly assigned|included|eligible|screened|excluded)\b)", "'127 (83%) were enrolled' is the share of screened patients, not a result"),
    Distractor("difference", "left", r"\b(?:difference|absolute (?:difference|benefit)|risk difference|improvement|reduction|(?:survival\s+)?(?:advantage|benefit|gain))\b(?:\s+(?:of|was|in [\w\- ]{1,30}?))?\s*[,:=]?\s*(?:was\s+|of\s+)?(?:about\s+|roughly\s+|approximately\s+|nearly\s+|some\s+)?$", "a between-arm difference ('a survival advantage of roughly 10%') is not an arm's result"),
    Distractor("ratio", "right", r"^\s*:\s*\d", "allocation ratios (2:1)"),
    Distractor("baseline_pct", "right", r"^\s*%\s*(?:of (?:the )?(?:patients|subjects) )?(?:were|was|had)\s+(?:male|female|men|women|white|black|asian|hispanic|caucasian|older|younger|aged|previously|prior|pretreated|refractory to prior|primary refractory)\b", "baseline characteristics such as '76% were male'"),
    Distractor("baseline_words", "right", r"^\s*%?\s*(?:of (?:the )?(?:patients|subjects) )?(?:had|have) (?:a |an )?(?:history|prior|previous|baseline)\b|^[^.;]{0,40}\b(?:had|have) experienced\b[^.;]{0,30}\b(?:previous|prior)\b", "prior history is a baseline characteristic"),
    Distractor("expected", "left", r"\b(?:expected|historical|historically|projected)\b[^.;%]{0,40}$", "expectations and historical figures are not study results"),
    Distractor("sensitivity_level", "right", r"^\s*(?:%|per ?cent)\s+(?:level|threshold|cut-?off|sensitivity)\b",
               "'no measurable residual disease at the 0.01% level': the assay's threshold, not a rate"),
    Distractor("assay_threshold_left", "left", r"\(\s*(?:threshold|sensitivity|cut-?off|detection\s+limit|limit\s+of\s+detection)\s*[,:=]?\s*(?:[<>≤≥]\s*)?$"
               r"|\b(?:threshold|sensitivity|cut-?off|detection\s+limit|limit\s+of\s+detection)\s+(?:of|at)\s*(?:[<>≤≥]\s*)?$",
               "'MRD response by flow cytometry (threshold, 0.01%)', '(sensitivity, 0.1%)', 'a cut-off of 0.1%': an assay's "
               "threshold, not a rate ('at the 10^-6 threshold, 54.2% and 47.0%' gives rates)"),
    Distractor("threshold_or_more", "right", r"^\s*(?:%|per ?cent)\s+or\s+(?:more|higher|greater|above|less|lower|below)\b",
               "'MRD of 0.01% or more at the end of induction': a threshold on a measure, not a rate"),
    Distractor("share_of_events", "right", r"^\s*(?:%|per ?cent)\s+of\s+(?:(?:all|the)\s+)?(?:[\w-]+\s+){0,2}?(?:events|episodes|cases|infusions|doses)\b",
               "'93% of CRS events occurred after a step-up dose': a share of events, not of patients"),
    Distractor("blasts", "right", r"^\s*(?:%|per ?cent)?\s*(?:of\s+)?(?:bone marrow |marrow |peripheral |BM )?blasts?\b|^\s*%\s*(?:through|by) (?:flow|MFC)", "blast thresholds and MRD cut-offs"),
    Distractor("blasts_left", "left", r"\bblasts?\b[^.;,%\d)]{0,30}$", "'blast infiltration of >50%' is a threshold on blasts (not past a closing bracket: '(... <5% blasts) was seen in 88%', nor past a comma: '... marrow blasts, CR/CRi rates were 30.8%')"),
    Distractor("cd_marker", "right", r"^\s*%?\s*CD\d", "marker expression thresholds"),
    Distractor("n_in_ten", "right", r"^\s*(?:out\s+)?in\s+(?:every\s+)?(?:two|three|four|five|six|ten|twenty|hundred|\d+)\b", "'four in ten patients' is a proportion in words, not a count"),
    Distractor("n_in_ten_denominator", "left", r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:out\s+)?in\s+(?:every\s+)?$", "the 'ten' of 'four in ten' is no count either"),
    Distractor("relative_risk_reduction", "left", r"\b(?:lower(?:ed|s)?|reduc(?:ed|es|ing)|cut(?:s|ting)?|decreas(?:ed|es|ing)|halv(?:ed|es))\s+(?:the\s+)?(?:risk|hazard|odds|rate|chance)s?\s+(?:of\s+(?:[\w-]+\s+){0,4}?)?by\s+(?:about\s+|approximately\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?$", "'lowered the risk of death by about 30%' is a relative risk reduction, not a rate"),
    Distractor("risk_of_death", "left", r"\b(?:risk|hazard|odds)\s+of\s+(?:an?\s+)?(?:(?:disease\s+)?progression\s+or\s+|relapse\s+or\s+|(?:an\s+)?events?\s+or\s+)?death\b[^.;%()\[\]]{0,30}$",
               "'the risk of death was 12% at 2 years' is the complement of survival, not a survival rate (a ratio in brackets after it stays)"),
    Distractor("literature_range", "left", r"\brang(?:e|es|ed|ing)\s+(?:between|from)\s+(?:about\s+)?(?:\d+(?:[.·]\d+)?\s*%?\s*(?:and|to|[-–])\s*)?$",
               "'NRM ranges between 10% and 20% in most series': a span of published figures, not a result"),
    Distractor("supportive_care", "left", r"\b(?:tocilizumab|siltuximab|anakinra|corticosteroids?|steroids|dexamethasone|methylprednisolone|G-CSF|filgrastim|antibiotics|antifungals?|immunoglobulins?|IVIG|transfusions?)\b(?:\s+(?:was|were)\s+(?:given|administered|needed|required|used))?\s+(?:to|in|for|by)\s+$",
               "'tocilizumab was given to 41 patients and corticosteroids to 13': supportive care counts, not a sample or result"),
    Distractor("relative_risk_right", "right", r"^\s*(?:%|per ?cent)\s+(?:lower|higher|reduction|reduced|relative|greater|smaller|decrease|increase)\b", "'an 82% lower hazard of death' is a relative effect, not a rate"),
    Distractor("other_study_figure", "right", r"^\s*(?:%|per ?cent)?\s*(?:\w+\s+){0,1}(?:seen|reported|observed|described|achieved|obtained)\s+(?:in|with|by)\s+(?:the|an?|earlier|previous|prior|other|historical|our\s+(?:[\w-]+\s+)?(?:earlier|previous|prior|historical|pre-[\w-]+))\b", "'higher than the 39% seen in the phase 1/2 study', 'than the 24% seen in our pre-X cohort' are another study's or cohort's figure"),
    Distractor("open_threshold", "right", r"^\s*(?:%|per ?cent)?\s*or\s+(?:more|higher|greater|above|over|less|lower|below|fewer)\b", "'MRD of 0.1% or more', 'aged 60 years or older': an open-ended cut-off, not a result"),
    Distractor("usual_level", "left", r"\b(?:rarely|seldom|never|usually|typically|generally|historically)\s+(?:exceeds?|reach(?:es)?|surpass(?:es)?|tops?|above|below|over|under)\s+(?:about\s+)?$", "'survival rarely exceeds 20%' describes what other treatment usually achieves"),
    Distractor("assay_threshold", "left", r"\b(?:sensitivity|threshold|cut-?off|detection limit|limit of detection|level of detection)\s+(?:of|at|was|is|:)?\s*(?:[<>≤≥]\s*)?$", "'at a sensitivity of 0.01%': an MRD assay threshold, not a result"),
    Distractor("approximate_share", "left", r"\b(?:about|approximately|roughly|around|nearly|almost|some)\s*$",
               "'2-year PFS of about 60%', 'complete remission in roughly 40%': a rounded share is a background figure (none of "
               "54 such shares in the 27 read development sets is a result of the report)"),
    Distractor("death_count_share", "right", r"^\s*%?\s*\)(?:\s*,?\s*(?:and\s+)?\d+\s*\(\s*\d+(?:[.·]\d+)?\s*%?\s*\))*\s*deaths?\b",
               "'with 20 (6.9%), 27 (9.4%), and 30 (10.3%) deaths in the A, B and C arms': the share who died so far, not a "
               "survival rate"),
    Distractor("reference_level", "right", r"^\s*(?:[.·]0+)?\s*\(\s*(?:ref(?:erence)?\.?|referent)\s*\)|^\s*(?:[.·]0+)?\s*\[\s*ref(?:erence)?\.?\s*\]",
               "'1 (ref)', '1.00 (reference)': the reference group's ratio is 1 by definition, not a result"),
    Distractor("ci_bound", "left", r"\b(?:lower|upper)\s+(?:bound|limit)\s+of\s+(?:the\s+)?(?:(?:two-sided\s+)?\d+(?:[.·]\d+)?\s*%\s+)?(?:CI|confidence\s+interval)\s*(?:was|of|at|:|=)?\s*$",
               "'(lower bound of the 95% CI 46.1%)': a confidence bound, not a rate"),
    Distractor("planned_size", "left", r"\b(?:called for|planned|target(?:ed)?|aimed (?:at|to (?:enrol|enroll|include|recruit))|sample size of|powered (?:with|for)|powered\b[^;]{0,80}?\bwith)\s+(?:a total of\s+|about\s+|approximately\s+)?$", "planned sample sizes are design, not enrolment"),
    Distractor("null_rate", "right", r"^\s*(?:%|per ?cent)\s+null\b", "'well above the 45% null rate' restates the design's null "
               "hypothesis, not a result"),
    Distractor("future_trial_size", "left", r"\b(?:plans?|planning|intends?|will\s+(?:open|launch|start|begin))\s+(?:a|an|another)\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\b[^.;]{0,100}?\b(?:in|of|with)\s+(?:about\s+|approximately\s+|some\s+)?$",
               "'The group plans a follow-up trial testing X in 300 patients': the size of a trial still to come"),
    Distractor("ongoing_enrolment", "left", r"\b(?:is|are)\s+(?:now\s+|still\s+)?(?:enrolling|recruiting|accruing)\s+(?:a\s+further\s+|another\s+)?$"
               r"|\bwill\s+(?:enrol|enroll|recruit|treat|include)\s+(?:a\s+further\s+|another\s+)?$",
               "'The expansion cohort is enrolling 40 further patients': enrolment still to come, not the study's"),
    Distractor("ongoing_enrolment_after", "right", r"^\s*(?:(?:further|more|additional)\s+)?(?:patients|participants|children|adults)?\s*(?:is|are)\s+(?:now\s+|still\s+|currently\s+)?(?:enrolling|recruiting|accruing|being\s+(?:enrolled|recruited))\b",
               "'the expansion cohort of 40 patients is enrolling': a cohort still filling, not an enrolment"),
    Distractor("prior_therapy_share", "right", r"^\s*(?:%|per ?cent)\s*\)?\s*(?:of\s+(?:the\s+)?(?:patients|children|adults)\s+)?had\s+"
               r"(?:received|relapsed|undergone|been\s+treated|progressed)\b",
               "'12 patients (42.9%) had received blinatumomab': a baseline history share, not an outcome"),
    Distractor("dose_modification_count", "left", r"\b(?:dose[- ]reduced|dose\s+reductions?|interrupted|held|delayed|modified)\b[^.;]{0,40}?\bin\s+$",
               "'Ruxolitinib was dose-reduced for cytopenias in 13 patients' counts dose changes, not the sample"),
    Distractor("design_assumption", "right", r"^\s*(?:%|per ?cent)?\s*(?:\w+\s+){0,4}?(?:pre-?specified|null hypothesis|uninteresting|(?:had been|was|were) (?:specified|assumed|hypothesi[sz]ed))\b", "'the 30% rate that had been prespecified as uninteresting' is a design assumption"),
    Distractor("ongoing_status", "right", r"^\s*(?:%|per ?cent)\s*(?:of\s+(?:[\w-]+\s+){0,3}?)?(?:had|with|in)\s+(?:an?\s+)?ongoing\b", "'42% had an ongoing response' is a status at data cut-off, not the response rate"),
    Distractor("sex_share", "right", r"^\s*%\s*(?:of (?:the )?(?:patients|subjects|participants) (?:were )?)?(?:women|men|female|male|girls|boys)\b", "'47% women' in a cohort description is the share of one sex, a baseline figure"),
    Distractor("mutation_carriers", "left", r"\b[A-Z]\d{2,4}[A-Z](?:/[A-Z])?\s+(?:mutations?\s+)?in\s+$", "'T315I in 6 patients': carriers of a point mutation are a finding, not a sample size"),
    Distractor("screened_pool", "right", r"^[^.;]{0,80}?,\s*\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:met|fulfilled|satisfied)\s+(?:all\s+|the\s+)?(?:[\w-]+\s+)?criteria\b|^[^.;]{0,80}?,\s*\d[\d,]*\s+(?:[\w-]+\s+){0,2}?were\s+eligible\b",
               "'Of 1046 adults in the registry, 587 met all criteria': the pool screened, not the study's patients"),
    Distractor("studies", "right", r"^\s*(?:\w+\s+){0,2}(?:studies|trials|papers|articles|reports|centers|centres|countries|sites|groups|samples|cells|genes|years? old)\b", "counts of studies, centres, samples are not patient results"),
    Distractor("population_share", "left", r"\b(?:who|which|that)\s+(?:made|make|makes|accounted\s+for|account\s+for|comprised|represented|formed)\s+(?:up\s+)?(?:about\s+|roughly\s+|nearly\s+|almost\s+)?$",
               "'patients, who made up 78% of the trial': a subgroup's share of the population, not a result"),
)

# A copula right before a comparator makes '< 10%' a reported value, not an eligibility threshold.
THRESHOLD_COPULA = Cue(r"\b(?:was|were|is|are|remained|reached|only|with|:)\s*(?:very low |low |about |approximately )?\(?\s*(?:[<>≤≥]|less than|more than|greater than|over|under)\s*$",
                       "'incidence of VOD was < 10%' states a result")

# Population descriptors: an endpoint word here describes who was analysed, not what was measured.
POPULATION_ENDPOINT_LEFT = Cue(r"\b(?:(?<!%\) )(?<![0-9] )(?<!were )(?<!was )(?<!remained )(?<!are )(?<!is )(?<!were already )(?<!was already )(?<!were still )(?<!was still )(?<!remained still )in (?:their )?(?:first |second |later |second or later |first or later )?(?:ha?ematologic(?:al)? |morphologic(?:al)? |complete )?|who (?:achieved|were in|were|was|had|attained|obtained|reached) (?:a |an )?|achieving (?:a |an )?(?=CR\b)|patients in |among |(?:in|among) (?:the |all |these )?\d[\d,]* )$",
                               "'patients who achieved CR', 'who were MRD-negative', 'in first CR', 'among CR/CRi' or 'in the 309 "
                               "MRD-negative patients' define a population")

POPULATION_WITH_LEFT = Cue(r"\b(?:patients|participants|children|adults|those)\s+(?:(?:who|that)\s+(?:still\s+)?had|with)\s+(?:an?\s+)?(?:detectable\s+)?$",
                           "'For patients with MRD-negative remission after induction, the 3-year figures were ...', 'participants "
                           "who still had detectable MRD': a subgroup defined by a response, not the response measured")
SHARE_OF_LEFT = Cue(r"\b(?:proportion|percentage|share|number|rate|fraction)\s+of\s+(?:the\s+)?\w+\s+(?:(?:who|that)\s+(?:still\s+)?had|with)\s+(?:an?\s+)?(?:detectable\s+)?$",
                    "'the proportion of patients with MRD negativity was 80%': the share of patients with the response is the endpoint")

# Phrases that mark the statistic of the following value.
MEDIAN_CUE = Cue(r"\bmedian\b", "a median of a time-to-event endpoint")
MEAN_CUE = Cue(r"\bmean\b", "means are not in the statistic vocabulary")

# Words that mark a count of patients.
PATIENT_NOUNS = r"(?:patients?|subjects?|participants?|children|adults?|adolescents|infants|individuals|responders?|cases|recipients|persons|people|men|women)"

# Sample-size frames: a number of patients that is the size of the study or of an analysed cohort.
SAMPLE_SIZE_STRONG_LEFT = Cue(r"\b(?:among|including|included|(?:enrolled|enrolling|treated|infused)(?: and (?:treated|infused|enrolled))?|randomi[sz]ed(?: \([^)]*\))?|(?:randomly )?(?:assigned|allocated)|analy[sz]ed|cover(?:s|ed|ing)|involving|recruited|comprising|(?<!efficacy )(?<!evaluable )(?<!safety )(?<!analysis )(?:cohort|sample|series|study)\s+(?:comprised|included|consisted\s+of|numbered)|total of|(?:gave|given|administered)\b[^.;:]{1,150}?\bto)\s+(?:all\s+)?(?:the\s+)?$",
                              "'randomized 405 patients', 'including 79 children', 'among 23 patients', 'randomly assigned 268 adults', 'analysed 255 patients', 'the update covering 60 patients', 'gave the CAR to 53 adults', 'The cohort comprised 187 adults'")
SAMPLE_SIZE_OF_LEFT = Cue(r"(?:\b(?:study|trial|analysis|series|cohort|casuistry|review|group|population) of\s+|^\s*of (?:the |all )?|\bconducted (?:in|on)\s+)$",
                          "'a phase I study of 20 patients', 'Of the 63 enrolled patients'")
SAMPLE_SIZE_WEAK_LEFT = Cue(r"\b(?:in|on|with)\s+(?:a total of\s+)?$", "'in 30 patients', 'on 44 patients'")
POPULATION_LABEL_SIZE_LEFT = Cue(r"^\W*(?:study\s+)?(?:population|patients|participants|enrol?ment|sample)\s*:[^;:]*\(\s*[nN]\s*=\s*$"
                                 r"|\b[Ee]nrol(?:l)?ment\s*\(\s*[Aa]ctual\s*\)\s*:\s*$|\b(?i:overall\s+number\s+of\s+baseline\s+participants)\s*:?\s*$"
                                 r"|\b(?:population|enrol?ment|sample|cohort)\s+(?:numbered|totalled|totaled)\s+$"
                                 r"|(?:^|[•|;,]|\n)\s*(?i:enrolled|treated|dosed|infused|randomi[sz]ed)\s*[:=]?\s*$",
                                 "'Population: untreated MCL, age 65 or older (n = 598)': a card's population line sizes the study; so do a card's "
                                 "label first in its item ('• Treated: 88.', 'Enrolled 97 | evaluable 94', 'Apheresed 74 | infused 69'), a "
                                 "registry posting's 'Enrollment (Actual): 168 participants' (not its estimated one) and 'Overall number of baseline "
                                 "participants 186', and "
                                 "does 'the intention-to-treat population numbered 486'")
APPROXIMATE_COUNT_LEFT = Cue(r"\b(?:(?:fewer|less|more)\s+than|nearly|almost|approximately|roughly|up\s+to|at\s+least)\s+$"
                             r"|\b(?:after|before|once|until|when)\s+(?:the\s+)?first\s+$",
                             "'fewer than one hundred infused patients', 'nearly 300 adults': an approximate count is no sample size; "
                             "nor is a count that dates a change ('after the first 12 adults had been dosed')")
NOT_SAMPLE_SIZE_LEFT = Cue(r"\b(?:complete|partial|observed|seen|reported|occurred|achieved|noted|found|documented|detected|stopped|discontinued|discontinuations?|interruptions?|reductions?|interrupted|withdrawn|reduced|held|resumed|restarted|delayed|criteria|sampled|measured|tested|confirmed|recorded|diagnosed|mutations?|deletions?|disorders?|events?|infections?|toxicit(?:y|ies)|deaths?|relapses?|syndromes?)\s+in\s+$",
                           "'complete in 6 patients' counts responders, 'stopped in 55 patients' a treatment change; neither is the sample")
SAMPLE_SIZE_RIGHT = Cue(r"^\s*(?:enrolled|randomi[sz]ed|registered|recruited|accrued)\s+(?:at|in|across|from|between|over|since)\b|^\s*(?:started|began|commenced)\s+(?:the\s+)?(?:study\s+)?(?:treatment|therapy|induction|(?-i:[A-Z][\w-]+)|[a-z]{4,}(?:mab|cel|ib|in|ine|ide|ax))\b|^\s*(?:were|was)\s+(?:enrolled|randomi[sz]ed|randomly assigned|included|recruited|treated|infused|dosed|evaluable|analy[sz]ed|registered|accrued)|^\s*underwent\s+randomi[sz]ation|^\s*(?:[\w-]+\s+){0,2}?(?:met\s+the\s+(?:\w+\s+)?criteria|qualified)\b|^[^.;,:\d()]{1,60}?\s(?:were|was)\s+(?:enrolled|randomi[sz]ed|randomly assigned|recruited)\b"
                        r"|^\s*(?:(?:[\w-]+\s+){0,2}?" + PATIENT_NOUNS + r"\s+)?(?:[\w-]+\s+){0,3}?aged\s+(?:\d+\s*(?:to|[-–])\s*)?\d+(?:\s*years?)?(?:\s+or\s+(?:older|younger|more|less))?(?:\s+(?:in|with|after|who\s+had)\s+[^.;,:\d()]{1,40}?)?\s+(?:were|was)\s+(?:enrolled|randomi[sz]ed|randomly assigned|recruited)\b"
                        r"|^\s*(?:" + PATIENT_NOUNS + r"\s+)?aged\s+\d[^.;]{0,160}?\s(?:were|was)\s+(?:enrolled|randomi[sz]ed|randomly assigned|recruited)\b"
                        r"|^\s*(?:" + PATIENT_NOUNS + r"\s+)?in\s+total\b"
                        r"|^\s*(?:[\w-]+\s+){0,16}?took\s+part\b|^\s*(?:were|was)\s+in\s+the\s+(?:[\w-]+\s+){1,2}?(?:group|arm|cohort)\b"
                        r"|^\s*(?:randomi[sz]ed|enrolled|registered|accrued)(?=\s*[(;,]|\s*$)"
                        r"|^\s*(?:treated|infused|dosed)\s+(?:at|across|in)\s+\d+\s+(?:sites|centres|centers|hospitals|institutions|countries)\b",
                        "'453 people from 14 countries took part', '44 patients aged 5 to 17 years (median, 15 years) with ... were enrolled', "
                        "a posting's '183 participants in total', '206 people were in the brentuximab group' (a plain-language summary), a poster's '264 patients randomized (Arm A "
                        "132, ...)', a slide's '64 patients treated at 11 "
                        "sites', '968 participants aged 1 to 30 years were randomized', '198 children aged 1 to 21 years in first relapse were randomly assigned', '405 patients were randomized', '246 adults enrolled at 71 sites', '62 patients started Shoreline', '112 adults started induction', '245 patients underwent randomization', 'were randomly assigned', 'were infused', '224 adults in first remission were randomized', 'Seven hundred and four adults met the criteria'")
SAMPLE_SIZE_BARE_RIGHT = Cue(r"^\s*(?:\(\s*\d+(?:[.·]\d+)?\s*%\s*\)\s*)?(?:were|was)\s+(?:enrolled|randomi[sz]ed|randomly assigned|recruited|registered|accrued|infused(?=\s*[:;,.])|treated(?=\s*[:;,.]))\b|^\s*(?:infused|treated)(?=\s*[:;,.]|\s+[-–—]\s)"
                             r"|^\s*(?:patients\s+)?(?:randomi[sz]ed|enrolled|registered|accrued)\s*:"
                             r"|^\s*" + PATIENT_NOUNS + r"\s+(?:treated|infused|dosed)(?=\s*[:;,.]|\s+[-–—]\s)"
                             r"|^\s*(?:" + PATIENT_NOUNS + r"\s+)?(?:had|have)\s+been\s+(?:dosed|treated|infused|enrolled|randomi[sz]ed)\b"
                             r"|^\s*(?:patients\s+)?(?:randomi[sz]ed|enrolled)\s*\(\s*\d+\s+(?:per|in each|to each)\s+(?:arm|group)\s*\)"
                             r"|^\s*(?:started|began|commenced)\s+(?:the\s+)?(?:study\s+)?(?:treatment|therapy|induction|(?-i:[A-Z][\w-]+\s+(?:sequence|regimen|schedule|protocol)))\b",
                             "'127 (83%) were enrolled', '31 were infused:', '43 were treated;', '27 infused:', '58 patients treated: ...', '30 patients had "
                             "been dosed', a card's '71 treated - escalation ...', '58 started the IB sequence' and a poster's '162 randomised: A (n = 82) v B (n = 80)', a slide's '198 randomised (99 per arm)' give the "
                             "sample size without a patient noun")
SAMPLE_SIZE_TREATED_RIGHT = Cue(r"^\s*(?:[\w/+\-]+\s+){0,3}?" + PATIENT_NOUNS + r"\s+(?:received|were treated with|were given|were infused with|were enrolled to receive)\s+(?:a single infusion of\s+|an infusion of\s+)?$",
                                "'Fifty patients received tisagenlecleucel': the sample size when the study treatment follows")
NOT_SAMPLE_SIZE_RIGHT = Cue(r"^\s*(?:[\w/+\-]+\s+){0,3}?(?:patients?|subjects?|participants?|children|adults?)\s+(?:were\s+)?(?:screened|assessed for eligibility|excluded|ineligible|not eligible)\b"
                            r"|^\s*(?:screened|excluded|ineligible)\s+(?:patients?|subjects?|participants?|children|adults?)\b"
                            r"|^(?:(?!enrol|randomi|assigned|allocated|treated|infused|included|recruited)[^.;,:])*?\b(?:had\s+)?(?:died|relapsed|progressed)(?:\s+(?:without|from|of|before|after)\s+[\w\s-]{1,40}?)?\s*(?:[.;]|$)"
                            r"|^\s*(?:patients?|children|adults)\s+in\s+the\s+[\w-]+\s+(?:group|arm|cohort)\s*\(\s*\d+(?:[.·]\d+)?\s*%\s*\)"
                            r"|^\s*(?:[\w-]+\s+){0,2}?(?:could|did)\s+not\s+(?:be\s+)?(?:assessed|evaluated|infused|treated|receive)\b"
                            r"|^\s*(?:[\w-]+\s+){0,2}?(?:were|was)\s+not\s+(?:randomi[sz]ed|randomly\s+assigned|enrolled|infused|treated)\b"
                            r"|^\s*did\s+not\s*,?\s+(?:because|owing|due)\b"
                            r"|^\s*(?:patients?\s+)?(?:received|went\s+on\s+to\s+receive|crossed\s+over\s+to)\s+[^.;]{1,40}?\s+after\s+(?:an?\s+)?(?:event|progression|relapse|treatment\s+failure)\b"
                            r"|^\s*(?:[\w-]+\s+){0,2}?(?:died|progressed|withdrew)\s+before\b"
                            r"|^\s*(?:[\w/+\-]+\s+){0,3}?(?:patients?|subjects?|participants?|children|adults?)\s*,[^,;.]{1,40},\s+(?:stopped|discontinued|ceased)\b"
                            r"|^\s*(?:(?:[\w/+\-]+\s+){0,3}?(?:patients?|subjects?|participants?|children|adults?))?\s+had\s+(?:relapsed|progressed|stopped|discontinued)\b"
                            r"|^\s*(?:[\w/+\-]+\s+){0,3}?(?:had|received|underwent)\s+[^,;.]{1,50}?\s+(?:later|subsequently|at\s+(?:progression|relapse))\b"
                            r"|^\s*(?:[\w/+\-]+\s+){0,3}?crossed\s+over\b"
                            r"|^\s*(?:[\w/+\-]+\s+){0,3}?(?:patients?|subjects?|participants?|children|adults?)\s*\(\s*\d+(?:[.·]\d+)?\s*%\s*\)\s+(?:had|were|was|carried)\b"
                            r"|^[^.;]{0,120}?\b(?:is|are)\s+(?:now\s+|currently\s+)?(?:enrolling|recruiting|planned|being\s+planned|under\s+way|open(?:ing)?|in\s+preparation|being\s+prepared)\b"
                            r"|^[^.;]{0,120}?\bwill\s+(?:enrol+|recruit|include|randomi[sz]e|test|compare)\b"
                            r"|^\s*(?:[\w/+\-]+\s+){0,3}?(?:were|was)\s+planned\b|^\s*(?:[\w/+\-]+\s+){0,3}?(?:will|would)\s+be\s+(?:enrolled|randomi[sz]ed|recruited)\b",
                            "'Of 153 patients screened', 'Of 452 screened patients' count screening, 'a cohort of 40 further patients is enrolling' and 'a phase 3 "
                            "trial of 480 patients is planned' ('... is in preparation') a future sample, 'Three treated patients could not be assessed' and '3 "
                            "died before infusion' exclusions, '204 guided patients, two-thirds of the arm, stopped after nine "
                            "cycles' (a part of an arm), '8 had relapsed after transplant' (history) and '19 had an autologous transplant "
                            "later, at progression' (crossover), '45 patients in the A group and 53 in the B group died', '8 A recipients died without progression' (events), not "
                            "the study sample")
# Per-arm enrolment: a count assigned to a named arm ('718 were assigned to A and 722 to B', 'A (n = 54)').
GROUP_LABEL_AFTER = Cue(r"[^;()\d]{0,80}?\(\s*the\s+(?P<label>[^()]{1,30}?)\s+(?:group|arm|cohort)\s*\)",
                        "'given to 271 of them (the HCT-CR1 group)': a count the clause labels as a group is that arm's size")
ASSIGNED_TO_ARM_RIGHT = Cue(r"^\s*(?:" + PATIENT_NOUNS + r"\s+)?(?:(?:were|was|had been)\s+)?(?:(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+)?to\s+(?:receive\s+|continue\s+(?:(?:on|with)\s+)?|stay\s+on\s+|remain\s+on\s+)?(?:the\s+)?(?:(?:one|two|three|four|five|six|\d+)\s+(?:blocks?|cycles?|courses?)\s+of\s+)?(?:(?:continuous|continued|indefinite|fixed[- ]duration|time[- ]limited|standard|single[- ]agent|oral|intravenous|subcutaneous)\s+)?$",
                            "'718 (were) assigned to A', '... and 722 to (continuous) B' in a sentence about assignment: that arm's enrolment")
EVENTS_REPORTED_LEFT = Cue(r"\b(?:events?|reactions?|toxicit(?:y|ies)|infections?|complications?)\s+(?:were\s+|was\s+)?(?:reported|occurred|observed|seen|noted|recorded)\s+in\s+$"
                           r"|\b(?:were|was)\s+(?:\w+\s+)?(?:present|detected|found|identified)\s+in\s+$",
                           "'Arterial occlusive events were reported in 3 patients on A and 1 on B', 'abnormalities were present "
                           "in 11 patients who stopped': a count of patients with an event or a finding, never an arm's size")
SHARE_AFTER_ASSIGNED_ARM = Cue(r"^\s*(?:group|arm|cohort)?\s*\(\s*\d+(?:[.·]\d+)?\s*%",
                               "'performed in 21 patients assigned to A (13.8%)': a count whose arm is followed by its share is "
                               "an event's numerator, not the arm's size")
ASSIGNED_TO_ALTERNATIVES = Cue(r"^(?:[^.;\d(]|\([^()]{0,30}\))*?\b(?:or|versus|vs\.?|v)\b",
                               "'1440 were randomized to A plus B or B alone', 'to A (CA; n = 722) or to B': a count assigned to alternatives is the total")
DID_NOT_RECEIVE_AFTER = Cue(r"^\s*%?\s*\)?\s*(?:of\s+(?:those|patients|children|adults)\s+)?who\s+did\s+not\b(?!\s+(?:respond|achieve|reach))",
                            "'in 5 children (0.7%) who received blinatumomab and in 1 (0.1%) who did not': the share of the "
                            "comparator")
ARM_GROUP_PREDICATE = Cue(r"^\s*%?\s*\)?\s*(?:(?:who|that)\s+(?:received|were given|were treated with|were assigned to|were randomi[sz]ed to)|given|treated\s+with|assigned\s+to)\s+(?:the\s+)?",
                          "'in 7 patients (5.6%) who received A': a predicate naming a core arm says whose share it is, not another finding")
GROUP_TREATED_WITH_RIGHT = Cue(r"^\s*(?:of\s+(?:them|these|those|whom)\s+)?(?:" + PATIENT_NOUNS + r"\s+)?(?:(?:were|was|had been)\s+)?(?:(?:(?:[a-z]+ed\s+)?(?:with|on)|received|underwent|had|continued(?:\s+on)?|went(?:\s+on)?(?:\s+to)?|proceeded to)\s+(?:the\s+|an?\s+)?)?$"
                               r"|^\s*continued\s+(?:(?:on|with)\s+)?(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){1,2}?$"
                               r"|^\s*(?:" + PATIENT_NOUNS + r"\s+)?(?:received|had|underwent)\s+(?:an?\s+|their\s+)?(?:grafts?|transplants?|transplantation|cells)\s+from\s+(?:an?\s+|the\s+)?$"
                               r"|^\s*from\s+(?:an?\s+|the\s+)?$",
                               "'210 received a graft from a haploidentical relative and the other 330 from a matched unrelated donor': "
                               "donor types sized one by one; '127 treated with A and 191 with B', '301 received an allograft and 216 continued chemotherapy', '121 of them went on to "
                               "an allograft' in a sentence naming two arms: each count is its group's size")
_DID_NOT_TAIL = r"(?:" + PATIENT_NOUNS + r"\s+)?(?:did not\b(?!\s+(?:respond|achieve|reach|have))|" + _OTHERWISE_MANAGED + ")"
GROUP_TREATMENT_VERB = Cue(r"\b(?:treated|received|receiving|assigned|randomi[sz]ed|allocated|given|underwent|enrolled|infused)\b|\b[a-z]{3,}ed\s+(?:with|on)\b",
                           "'127 treated with A and 191 with B' sizes groups; 'deaths numbered 1 with A and 5 with B' counts events")
GROUP_DID_NOT_RIGHT = Cue(r"^\s*" + _DID_NOT_TAIL, "'41 went on to HCT and 47 did not': the count after the experimental group's is the comparator's")
GROUP_DID_NOT_LATER = Cue(r"(?:\band|;)\s+(?:the\s+(?:other|remaining)\s+)?\d+\s+" + _DID_NOT_TAIL,
                          "'41 went on to HCT and 47 did not', '... and the other 71 did not': the first count is the experimental group's")
PARTITION_TOTAL_LEFT = Cue(r"\b\d+\s+(?:" + PATIENT_NOUNS + r"\s+)?(?:(?:were|had\s+been|have\s+been)\s+)?(?:treated|enrolled|infused|dosed|"
                           r"randomi[sz]ed|included)\b[^.;:]{0,30}?[,:]\s*(?:\d+\s+in\s+[^.;]{1,40}?,?\s+and\s+)?$",
                           "'58 patients were treated, 37 in cohort A and 21 in cohort B': the parts of a total just given")
PARTITION_PART_RIGHT = Cue(r"^\s+(?:" + PATIENT_NOUNS + r"\s+)?in\s+(?:the\s+)?(?:(?:cohort|group|part|stratum)\s+(?:[A-Z]|\d)\b|"
                           r"(?:dose[- ])?(?:escalation|expansion)\b)",
                           "... each part named by its cohort ('37 in cohort A') or phase ('15 in dose escalation, 43 in expansion')")
SECOND_ALLOCATION_LEFT = Cue(r"\b\d+\s+(?:(?:were|was)\s+)?(?:(?:randomly\s+)?(?:assigned|randomi[sz]ed|allocated)\s+)?to\s+[^;.:]{1,80}?,?\s+and\s+$",
                             "'135 to obe-cel and 133 to standard care, which was ...': the second count of an allocation "
                             "sentence whose first went to the experimental arm")
SECOND_ALLOCATION_RIGHT = Cue(r"^\s+to\s+(?!(?:each|either|both|receive\s+(?:either|both))\b)", "... is followed by 'to' and its arm")
RESPECTIVE_SIZES = Cue(r"^\s*(?:(?:,|,?\s*and)\s*\d+\s*)*(?:patients?|participants?|children|adults)\s*,?\s*respectively\s*(?:[).;]|$)",
                      "'... assigned to A or B (118 and 121 patients, respectively)': the arms' sizes, in a sentence that "
                      "assigns patients ('114 and 102 patients, respectively, received the assigned therapy' count those "
                      "treated)")
ASSIGNMENT_SENTENCE = Cue(r"\b(?:assign|allocat|randomi[sz])", "only a sentence about assignment gives per-arm counts with a bare 'to A'")
ARM_ABBREVIATION_DEFINITION = Cue(r"\(\s*(?:the\s+(?=\S+\s+(?:sequence|regimen|schedule|combination|group|arm|cohort)\s*\)))?(?P<short>[A-Z][A-Za-z+]{0,5}\d?(?:-[A-Za-z]{1,4}\d{0,2}){0,2}|[a-z]{3,5}-[A-Za-z]{1,4})(?P<group>\s+(?:group|arm|cohort)|(?=\s*;\s*[nN]\s*=))?(?:\s+(?:sequence|regimen|schedule|combination))?(?:\s+for\s+short)?\s*[;,)]",
                                  "'... with venetoclax (AV)', 'Gemtuzumab ozogamicin (GO for short)', '(BC; n = 112)': a short form defined in brackets after the arms it abbreviates; "
                                  "'(Isa-R group)', '(RUX cohort; n = 46)', '(IC; n = 160)' label the arm just named, whatever their letters; "
                                  "'the third block of chemotherapy (HC3)': a protocol's code right after the comparator; 'pembrolizumab plus R-CHP (P-R-CHP)': two hyphens; '(the IB "
                                  "sequence)', '(the IMC group)' name the drugs before them; 'tafasitamab plus lenalidomide (tafa-len)': a short form of the drugs' "
                                  "first syllables")
ARM_ABBREVIATION_GAP = 45
"""At most this many characters between an abbreviated arm's drugs, and between the last drug and the bracket
('acalabrutinib 100 mg twice daily for 14 cycles with venetoclax from cycle 3 (AV)')."""
MEASURE_SHORT_FORM_LEFT = Cue(r"\b(?:score|scoring\s+system|scale|status|index|criteria|classification|stage)\s*$",
                              "'a revised International Prognostic Scoring System (IPSS-R) score', 'ECOG performance status (PS)': "
                              "the short form of a scale or status is no arm")
HISTORY_SHORT_FORM_LEFT = Cue(r"\b(?:following|after|post|prior|previous|history\s+of)[\s-]+(?:(?:an?|the|their)\s+)?(?:[\w-]+\s+){0,4}[\w-]+\s*$",
                              "'PTLD following solid organ transplant (SOT) or allogeneic HCT (HCT)': a procedure the patients had "
                              "before the study defines who they are, not an arm they were assigned to")
STEROID_PARTNER = Cue(r"^\s*(?:,\s*)?(?:and|plus|with|\+)\s+(dexamethasone|prednisone|prednisolone)\s*$",
                      "'X plus lenalidomide and dexamethasone (XRd)': the steroid, in no arm lexicon, spells the short form's last letter")

BRAND_INITIALS: dict[str, tuple[str, ...]] = {
    "lenalidomide": ("R",),  # Revlimid: 'VRd', 'DRd', 'BRd'
    "bortezomib": ("V",),  # Velcade: 'VRd', 'VMP'
    "carfilzomib": ("K",),  # Kyprolis: 'KRd', 'Isa-Kd'
    "obinutuzumab": ("G",),  # Gazyva: 'G-CHOP', 'VenG'
    "polatuzumab vedotin": ("Pola",),  # 'Pola-R-CHP'
    "brentuximab vedotin": ("BV",),  # 'BV-AVD'
}
"""Letters a drug contributes to regimen short forms by its brand name, where the generic initial does not spell it."""
LETTERED_GROUP_DEFINITIONS: tuple[Cue, ...] = (
    Cue(r"\b(?P<word>[Gg]roup|[Aa]rm|[Cc]ohort)\s+(?P<letter>IV|I{1,3}|[A-D1-4])(?![\w-])\s*\(\s*(?P<drugs>[^()]{3,160}?)\s*\)",
        "'group A (mosunetuzumab plus lenalidomide) or group B (bendamustine plus rituximab)', 'group II (...)': lettered "
        "(or roman-numbered) arms defined in brackets"),
    Cue(r"(?P<drugs>[^()\n.;]{3,100}?)\s*\(\s*(?P<word>[Gg]roup|[Aa]rm|[Cc]ohort)\s+(?P<letter>IV|I{1,3}|[A-D1-4])(?![\w-])\s*\)",
        "'mosunetuzumab plus lenalidomide (group A) or bendamustine plus rituximab (group B)': the label after the treatment"),
    Cue(r"\b(?P<word>[Gg]roup|[Aa]rm|[Cc]ohort)\s+(?P<letter>IV|I{1,3}|[A-D1-4])(?![\w-])\s+(?:received|was\s+given|were\s+given|got)\s+(?P<drugs>[^.;]{3,80})",
        "'Group A received mosunetuzumab; group B received bendamustine-rituximab': lettered arms defined by a verb"),
    Cue(r"\b(?P<word>[Gg]roup|[Aa]rm|[Cc]ohort)\s+(?P<letter>IV|I{1,3}|[A-D1-4])(?![\w-])\s*(?:\(\s*(?P<role>[\w -]{1,30}?)\s*\)\s*)?:\s*(?P<drugs>(?:(?!\s*[•▪]|\b(?:[Gg]roup|[Aa]rm|[Cc]ohort)\s+(?:IV|I{1,3}|[A-D1-4])\b)[^.;\n]){3,100})",
        "'Group A: pirtobrutinib 200 mg daily ...', 'Arm B (experimental): nivolumab ...', a header 'Arm B: venetoclax + "
        "obinutuzumab': lettered arms defined after a colon, with the role a bracket gives them"),
)
""" A trial's arms named by letter: a label that takes the treatment given with it; used as 'in group A' or 'Group A'."""
LETTERED_SCHEDULE_DEFINITION = Cue(r"^\s*(?:\d+|one|two|three|four|five|six|eight|twelve)\s+(?:cycles|courses|doses|blocks)\s+of\b",
                                   "'Arm B: 4 cycles of BrECADD every 21 days': a lettered group defined by a schedule of a regimen "
                                   "the lexicons may lack is an arm ('Cohort A: patients aged 18-59' is a population)")
ONE_REGIMEN_POLICIES: frozenset[str] = frozenset({"guided_vs_fixed_duration", "guided_stop_vs_continuous"})
"""Policy comparisons of one regimen given two ways: a title whose sides name different drugs ('MRD-guided A plus B versus
continuous B') compares the drugs instead, and its arms are named by them."""
POLICY_LABEL_COMPARISONS: frozenset[str] = frozenset({"guided_vs_fixed_duration", "guided_stop_vs_continuous",
                                                      "stop_vs_continue", "radiotherapy_vs_observation"})
"""Policy comparisons whose side may open a lettered group's definition ('Arm A (fixed duration: venetoclax to cycle
12)', 'Arm B (MRD-guided: ...)'): the group is that side, not the drug both sides receive."""
COLON_LABELLED_ARM = Cue(r"(?m)^[\W]*(?P<short>[A-Z][A-Za-z0-9]{0,5}(?:-[A-Za-z0-9]{1,4}){0,2})\s*"
                         r"(?:\(\s*(?:the\s+)?(?P<role>experimental|investigational|control|comparator|standard|reference)\s+(?:arm|group)\s*\))?"
                         r"\s*:\s*(?P<drugs>[^\n]{3,160})",
                         "'• PVR (the experimental arm): pirtobrutinib 200 mg daily plus venetoclax ...', '• VR: venetoclax ...': a "
                         "card's or poster's line defining an arm's short form by its treatment")
LABELLED_CLAUSE_MAX = 110
"""At most this many characters in the clause a labelled definition closes ('or imatinib plus reduced-intensity
chemotherapy followed by transplantation in eligible patients (the IC group)'): its arms are the group's treatment."""
ARM_ABBREVIATION_BREAK = Cue(r"[;:]|\b(?:or|versus|vs|v|compared)\b", "two arms set against each other are no one arm's abbreviation")
LABELLED_ARM = Cue(r"(?<![\w-])(?P<label>[A-Z][a-z]{2,}(?:[- ][A-Z][a-z]{2,})?)\s*\(\s*[nN]\s*=\s*\d+\s*\)",
                   "'Sprint (n = 71) and Marathon (n = 70)': arms named by a label and sized in a sentence about randomisation")
ASSIGNED_LABEL = Cue(r"\b\d+\s+(?:patients\s+)?to\s+(?:the\s+)?(?P<label>[A-Z][a-z]{2,}(?:[- ][A-Z][a-z]{2,})?)\b",
                     "'307 to Compass and 305 to Anchor': arms named by labels in a sentence about assignment")
NAMED_REGIMEN = Cue(r"(?<![\w-])(?P<label>[A-Z][a-z]{2,}(?:-[A-Z0-9][\w]*)?)(?:,\s+(?:an?|the)\s+(?:[^,.;()]{0,60}?(?:\([^()]{1,20}\))?[^,.;()]{0,30}?\s)?|\s+)"
                    r"(?i:regimen|schedule|combination|protocol|strategy|approach|programme|program)\s+(?i:of|combining|pairing|with)\s+(?P<drugs>[^.;:]{3,100})",
                    "'Ripple, an MRD-guided schedule of pirtobrutinib and venetoclax', 'Ripple Regimen of A and B': a regimen "
                    "named by a word, which then stands for its drugs")
NAMED_REGIMEN_APPOSITIVE = Cue(r"(?<![\w-])(?P<label>[A-Z][a-z]{2,})\s+(?i:regimen|combination|schedule)\s*,\s+(?:an?|the)\s+"
                               r"(?P<drugs>(?:[^.;:]|::){3,160})",
                               "'the Clearway regimen, the allosteric inhibitor asciminib given with blinatumomab', 'the Mosaic "
                               "regimen, a fixed-duration combination of epcoritamab with ...': the drugs in an appositive")
NAMED_REGIMEN_BRACKETED = Cue(r"(?<![\w-])(?P<label>[A-Z][a-z]{2,})\s+(?i:regimen|combination|schedule|arm|group)\s*\((?P<drugs>[^()]{3,120})\)",
                              "'the Hinge regimen (polatuzumab vedotin with R-mini-CHP)': a regimen named by a word, its drugs in brackets")
REGIMEN_GROUP_LABEL = Cue(r"(?<![\w/-])(?P<label>[A-Z][A-Za-z]{0,6}(?:-[A-Z][A-Za-z]{0,6}){1,3})\s+(?:group|arm|regimen)\b",
                          "'the FLA-Ida group', 'the long-standing MEC regimen': a hyphenated regimen acronym the lexicons lack, "
                          "named as a group of the study, is that group's arm, named as printed")
NAMED_ARM_DESCRIBED = Cue(r"\bthe\s+(?P<label>[A-Z][a-z]{2,})\s+(?:arm|group|cohort)\s*,\s+(?:in\s+which|where|whose\s+patients|which)\s+"
                          r"(?P<drugs>[^.;]{3,160})",
                          "'the Tiller arm, in which one block of chemotherapy was replaced by blinatumomab': an arm named by a "
                          "word and described in a relative clause stands for the drug the clause adds")
NOT_REGIMEN_LABELS = Cue(r"^(?i:standard|induction|consolidation|maintenance|salvage|conditioning|treatment|study|experimental|"
                         r"control|oral|intensive|the|this|that|each|our|a|an|same|new|novel|first|second|third|dosing|"
                         r"weekly|daily|fixed|continuous|combination|regimen)$",
                         "words that open a description of a regimen ('the standard regimen of ...', 'Induction regimen of ...')")
WITHOUT_ARM_LEFT = Cue(r"\b(?:without|no)\s+(?:the\s+)?(?:addition\s+of\s+)?$",
                       "'chemotherapy with or without ofatumumab', '64% without ofatumumab': the arm that did not get the "
                       "study drug is the control")
WITHOUT_IT = Cue(r"(?<=[\d%)\]] )without\s+it\b",
                 "'71% with ofatumumab and 64% without it': a bare 'without it' after a value is the control")
_SHORT_FORM = r"[a-z]?[A-Z][A-Za-z0-9]{0,5}(?:-[A-Za-z0-9]{1,4}){0,2}"
ASSIGNED_SHORT_FORM = Cue(r"\(\s*(?P<defined>" + _SHORT_FORM + r")(?:\s*[;,]\s*[nN]\s*=\s*\d+)?\s*\)"
                          r"|\(\s*the\s+(?P<grouped>" + _SHORT_FORM + r")\s+(?:group|arm|cohort)\s*\)"
                          r"|(?<![\w-])(?P<sized>" + _SHORT_FORM + r")\s*\(\s*[nN]\s*=\s*\d+\s*\)"
                          r"|\b\d+\s+to\s+(?P<to>" + _SHORT_FORM + r")(?![\w-])",
                          "'randomly assigned to hyperfractionated cyclophosphamide (HyperC) or to the standard schedule "
                          "(StdC)', 'MRDg (n = 82) v TFA (n = 80)', '707 to sDI and 705 to dDI': arms a sentence about "
                          "assignment names by short forms, whatever they abbreviate; '... in 271 (the HCT-CR1 group); the "
                          "other 433 ... (the CONT group)': labels of the groups a sentence splits its patients into")
ASSIGNED_SHORT_FORMS_SET_AGAINST = Cue(r"[^.;:]{0,80}?(?:\b(?:or|versus|vs|v|and)\b|,)",
                                      "two arms' short forms are set against each other ('X (A) or to Y (B)', 'A v B', "
                                      "'N to A and M to B')")
NON_ARM_TERM_CATEGORIES: frozenset[str] = frozenset({
    "disease", "gene_or_marker", "endpoint", "agency_or_body", "document_part", "journal"})
"""Categories of non_trial_terms.json whose short forms never label an arm: 'chronic lymphocytic leukemia (CLL)' or
'measurable residual disease (MRD)' in a sentence about assignment define terms (a procedure, 'HSCT', or a short
form that is also a unit, 'SC', may be an arm)."""
STRATIFICATION_CUE = Cue(r"(?i)\bstratif", "'stratified by ... (ECOG) ... (PS)': short forms after it name factors, not arms")
ASSIGNED_SHORT_FORM_CAPITALS = 2
"""A short form naming an arm has at least this many capitals ('sDI', 'NEL-K'); 'Ino' or 'Keel' are words."""
LABELLED_ARM_SENTENCE = Cue(r"\b(?:randomi[sz]|assign|allocat|strateg|arms?\b)", "only a sentence about assignment names arms by their labels")
NOT_ARM_LABELS: frozenset[str] = frozenset({
    "Total", "Overall", "All", "Patients", "Cohort", "Group", "Arm", "Level", "Dose", "Part", "Phase", "Stage", "Age",
    "Men", "Women", "Male", "Female", "Children", "Adults", "Younger", "Older", "Responders", "Evaluable", "Infused",
    "Treated", "Randomized", "Randomised", "Enrolled", "Outcome", "Characteristic", "Subgroup", "Safety", "Efficacy"})
"""Capitalised words sized by '(n = N)' that name a population or a table part, never an arm."""
DOSE_LEVEL_LABEL = Cue(r"^(?:DL|Dose\s+level|Level|L)\s*-?\d+[a-z]?$", "'DL1, n = 4; DL2, n = 9': dose levels of one therapy, not arms")
COUNT_OWN_ARM_BEFORE = Cue(r"^\s*(?:[\w/+\-]+\s+){0,2}?$",
                           "'420 CAR-T cell treated children': at most two words between a count and the therapy that pre-modifies its cohort")
COUNT_OWN_ARM_AFTER = Cue(r"^[- ]?(?:cells?[- ])?(?:treated|exposed)\b|^\s+recipients\b",
                          "a therapy pre-modifies the counted cohort only when 'treated', 'exposed' or 'recipients' follows it")
COUNT_ARM_COMBINATION_RIGHT = Cue(r"^\s*(?:,|and\b|plus\b|\+|with\b|or\b)",
                                  "'58 patients treated with mini-HCVD and inotuzumab': a combination's arm is not its first drug")
COUNT_TREATED_WITH_ARM = Cue(r"^\s*(?:[\w/+\-]+\s+){0,3}?" + PATIENT_NOUNS + r"\s+(?:(?:who|that)\s+(?:were|had been)\s+)?(?:treated with|receiving|given|infused with)\s+(?:the\s+)?$"
                             r"|^\s*(?:" + PATIENT_NOUNS + r"\s+)?(?:started|began|commenced)\s+(?:the\s+)?$",
                             "'48 patients treated with CAR-T cells', '58 started the IB sequence': the count's own phrase names its therapy")
MIN_SAMPLE_SIZE = 3
"""A cohort of fewer patients is a count of cases ('in 1 patient'), never a study's or arm's sample (unless '(n = 2)')."""
ARM_SIZE_LEFT = Cue(r"(?:\(|[;,])\s*n\s*=\s*$", "'blinatumomab (n = 54)', '(CB; n = 718)', '(standard group, n = 107)': the size of the arm named just before")
ARM_LABEL_LIST_LEFT = Cue(r"\b(?:randomi[sz]ed|enrolled|assigned|allocated|treated|infused)\b(?:[^.;:]{0,100}:[^.;:]*|\s*\([^()]*)$",
                          "'284 patients randomised: PVR 143, VR 141', '375 were infused (ide-cel, 214; cilta-cel, 161)': after an "
                          "enrolment line's colon or in its bracket, an arm's label followed by its count sizes that arm")
GROUP_SIZE_BRACKET_RIGHT = Cue(r"^\s*" + PATIENT_NOUNS + r"\s*\)",
                               "'the blinatumomab group (106 children) had ...': a group's size in brackets after its name")
ARM_SIZE_REACH = 90
"""How far before '(n = N)' its arm may be named ('blinatumomab, 15 μg/m2/d by continuous infusion (n = 54)')."""
AGE_LIMITED_RIGHT = Cue(r"^\s*(?:[\w-]+\s+){0,2}?" + PATIENT_NOUNS + r"\s+(?:older|younger)\s+than\b",
                        "'204 infants younger than one year': patients bounded by age, a sub-cohort unless an enrolment verb "
                        "stands before the count ('enrolled 204 infants younger than one year' states who was eligible)")
ENROLLING_VERB_LEFT = Cue(r"\b(?:enrolled|enrolling|recruited|recruiting|registered|accrued|randomi[sz]ed|included)\s+(?:a\s+total\s+of\s+)?$",
                          "'enrolled 204 infants younger than one year': an age bound after an enrolment verb is eligibility, "
                          "not a sub-cohort ('Among the 124 patients older than 45' stays one)")
SUBCOHORT_STATE_RIGHT = Cue(r"^\s*(?:[\w-]+\s+){0,2}?" + PATIENT_NOUNS + r"\s+(?:who|that)\s+(?:were|was|had\s+been)\s+(?:still\s+)?"
                            r"(?:MRD|minimal|measurable|positive|negative|in\s+(?:CR|complete|remission))"
                            r"|^\s*(?:[\w-]+\s+){0,2}?" + PATIENT_NOUNS + r"\s+(?:with|without|transplanted|harbou?ring|carrying|whose)\b"
                            r"|^\s*(?:[\w-]+\s+){0,2}?" + PATIENT_NOUNS + r"\s+(?:who|that)\s+(?:underwent|received|proceeded\s+to|went\s+on\s+to)\s+"
                            r"(?:an?\s+)?(?:allogeneic\s+|autologous\s+)?(?:HCT|HSCT|SCT|transplant|stem[- ]cell\s+transplant)",
                            "'Among the 92 patients who were MRD-positive at randomisation, 3-year OS ...', 'Among the 128 patients who "
                            "underwent HCT, ...', 'Among the 214 patients with NPM1-mutated disease': a subgroup by state, feature or a "
                            "later transplant "
                            "after 'among' ('Of the 94 adults who were MRD positive ..., 51 received ...' defines the cohort)")
AMONG_LEFT = Cue(r"\bamong\s+(?:the\s+|these\s+|those\s+)?$", "a count after 'among' introduces a subgroup")
SUBCOHORT_RIGHT = Cue(AGE_LIMITED_RIGHT.pattern + r"|^\s*(?:[\w-]+\s+){0,2}?" + PATIENT_NOUNS
                      + r"\s+(?:[^.;,]{0,40}?\s)?(?:who|whose\s+(?:disease|leuka?emia|lymphoma|myeloma))\s+(?:relapsed|progressed|died|later)\b|^\s*(?:[\w-]+\s+){0,2}?" + PATIENT_NOUNS + r"\s+(?:[^.;,]{0,30}?\s)?previously\s+(?:treated|exposed)\b|^\s*(?:[\w-]+\s+){0,3}?(?:evaluable|assessable)\b|^\s*(?:[\w-]+\s+){0,2}?(?:patients|children|adults)\s+(?:with|without)\s+(?:no\s+|a\s+)?(?:previous|prior)\b|^\s*(?:[\w-]+\s+){0,2}?(?:responders|remitters|non-?responders)\b|^\s*(?:[\w-]+\s+){0,3}?" + PATIENT_NOUNS + r"\s+(?:(?:who|that)\s+(?:achieved|reached|attained|had|responded)|(?:in|with)\s+(?:a\s+)?(?:CR|CRh|CRi|complete|remission|response|active disease|an? (?:evaluable|ongoing)))\b",
                      "'Of the 48 patients evaluable for response', 'in the 81 patients with CR', 'Among the 124 patients older than "
                      "45 years', 'Of the 138 patients in the X cohort who relapsed': a sub-cohort, not the enrolment")
SAMPLE_SIZE_ADJECTIVE_RIGHT = Cue(r"^\s*(?:treated|infused|enrolled|randomi[sz]ed|registered)\s+" + PATIENT_NOUNS + r"\b"
                                  r"|^\s*(?:" + PATIENT_NOUNS + r"\s+)?(?:(?:were|was)\s+)?(?:leuk)?aph[ae]resed\b|^\s*(?:" + PATIENT_NOUNS + r"\s+)?underwent\s+(?:leuk)?aph[ae]resis\b",
                                  "'the 101 treated patients'; '58 patients leukapheresed', '60 underwent apheresis': a cell-therapy study's enrolment")
GROUP_MEMBERSHIP_GAP = Cue(r"^\s*(?:" + PATIENT_NOUNS + r"\s+)?(?:were|was)\s+in\s+(?:the\s+)?$",
                           "'206 people were in the brentuximab group': a count of the people in a named group is its size")
PER_ARM_SIZE_RIGHT = Cue(r"^\s*(?:" + PATIENT_NOUNS + r"\s+)?(?:per|in each|each|to each|to either)\s+(?:group|arm|strategy|cohort)\b",
                         "'312 patients were randomly assigned (156 per group)', '904 patients, 452 to each arm': the enrolment of "
                         "each of the two arms")
SAMPLE_SIZE_AGE_RIGHT = Cue(r"^\s*(?:[\w-]+\s+){0,3}?" + PATIENT_NOUNS + r"\s*(?:\(\s*|,\s*|with an?\s+)(?:median|mean)\s+age\b",
                            "'63 adults (median age, 54 years)': a cohort described by its median age is the study sample, verb or not")
SAMPLE_SIZE_RECEIVED_RIGHT = Cue(r"^\s*" + PATIENT_NOUNS + r"\s+(?:received|were given|started)\s+(?:the\s+)?(?:study\s+)?(?:treatment|therapy|drug)\b"
                                 r"|^\s*(?:" + PATIENT_NOUNS + r"\s+)?(?:received|were given)\s+(?:the\s+|at least one\s+)(?:(?:CAR[- ]?T(?:[- ]cell)?|study)\s+)?infusions?\b"
                                 r"|^\s*" + PATIENT_NOUNS + r"\s+received\s+at\s+least\s+one\s+dose\b",
                                 "'44 patients received treatment', 'Of 71 enrolled, 55 received the infusion', '88 patients received at least one dose': the "
                                 "treated population")

EVENT_IN_CONTINUED_LEFT = Cue(r"\b(?:occurred|was observed|were observed|was reported|were reported|developed|was seen|was recorded|were recorded)\s+in\s+(?:[^.;]|\.(?=\d)){1,60}?\s+and\s+(?:in\s+)?$",
                              "'Febrile neutropenia was reported in 61 IB patients and in 104 PIC patients': the second group's "
                              "count is the same event's, not its size")
EVENT_IN_LEFT = Cue(r"(?:^|\s)([\w\-/ ]{1,60}?)(?:\s*\([^)]*\))*(?:\s*,[^,;.]{1,60},)?\s+(?:occurred|was observed|were observed|was achieved|was reported|were reported|developed|was seen|was performed|were performed|was done|was carried out|was recorded|were recorded|(?:had\s+)?died|(?:had\s+)?progressed|(?:had\s+)?relapsed)\s+(?:in|by)\s+(?:all\s+)?(?:the\s+)?(?:only\s+)?$",
                    "'CRS occurred in nine patients', 'Complete remission was achieved by all the 27 patients'")


# Cell-therapy products named in parentheses after a generic description ("CAR-T cells (UCART19)").
PRODUCT_PATTERNS: tuple[Cue, ...] = (
    Cue(r"(?:CAR[- ]?T|CAR[- ]?NK|CAR)[- ]?(?:cells?|cell therapy|construct|product)?[^()\n.;]{0,60}?\((?:[^()]*?;\s*)?([A-Z][A-Za-z]*[- ]?[A-Z0-9][A-Za-z0-9\-]*\d[A-Za-z0-9\-]*|[A-Z]{3,}[0-9]+)\)",
        "a coded cell product in parentheses after its CAR description is the arm (CARCIK-CD19, UCART19, AUTO1)"),
)


DRUG_COMPOUND = Cue(r"(?<![\w-])[A-Za-z][\w]*(?:(?:[-/]|\s*\+\s*)[A-Za-z][\w]*)+(?![\w-])",
                    "'azacitidine-placebo', 'placebo/ibrutinib', 'Pirtobrutinib + Placebo': a drug joined to a placebo is an "
                    "add-on trial's control arm, not its backbone drug")
FLOW_START_ROW = Cue(r"^\W*(?:STARTED|Started|Randomi[sz]ed|Enrolled|Assigned|Allocated)(?:\s*\(\s*n\s*\))?\W*$",
                     "a participant-flow table's 'STARTED | 98 | 95' row gives each arm's enrolment")
CELL_THERAPY_INN = Cue(r"(?i)(?<![\w-])[a-z]{3,}(?:cabtagene|lecleucel|leucel)(?:\s+[a-z]*leucel)?(?![\w-])",
                       "'varnimcabtagene autoleucel', 'zamtocabtagene autoleucel': a cell therapy's INN (the -cabtagene "
                       "-leucel stems) names its arm, whether or not the lexicon lists it")

# Endpoints whose percentages are survival-type landmarks: in a list ('5-year EFS was 37% and OS 46%', 'EFS of 44% and
# OS of 63% at 3 years', 'At 12 months, EFS was 52% and OS 77%') one printed landmark covers the whole list.
SURVIVAL_SHARE_ENDPOINTS: tuple[str, ...] = ("OS", "EFS", "PFS", "RFS", "DFS")
"""Survival endpoints whose share is always read at a time: printed without one, a report's share is at the one
landmark the report gives that endpoint (DOR is not: 'DOR of 6 months or more' is a threshold, not a landmark)."""
EVENT_SHARE = Cue(r"(?i)\bevents?\s+(?:(?:had|have)\s+)?(?:occurred|was\s+(?:reported|seen|recorded)|were\s+(?:reported|seen|recorded))\b|\bhad\s+an?\s+(?:[\w-]+\s+)?event\b",
                  "'An EFS event occurred in 17/54 (31%)': a share of patients with an event, not a survival estimate")
LANDMARK_LIST_ENDPOINTS: tuple[str, ...] = ("EFS", "OS", "DFS", "RFS", "PFS", "DOR", "NRM")

# Cumulative incidences: a percentage with a time ('NRM at 2 years 14.7%', 'VOD by day 100') is a rate over that
# period (GUIDE.md: rate with its window), not a survival landmark.
CUMULATIVE_INCIDENCE_ENDPOINTS: tuple[str, ...] = ("NRM", "GVHD", "VOD")
LANDMARK_LIST_BREAK = Cue(r"[;\d]|\b(?:while|whereas|but|versus|vs\.?|compared|than|median|respectively|rate of|in the|among|after)\b",
                          "a second number, a contrast, a median or a subgroup between two list items ends the shared landmark")

# A product code that the text defines by apposition ('KCL-19BB, an academic CAR T-cell product', 'a CAR T-cell product,
# KCL-19BB,'): the code is the study therapy of the report (and not the study's name).
_PRODUCT_CODE = r"(?P<code>[A-Z][A-Za-z]*-?[A-Z0-9]*\d[A-Za-z0-9]*(?:[-./_][A-Za-z0-9]+)*|[a-z]{1,3}\d+(?:[A-Z][A-Za-z0-9]*|(?:[-./][A-Za-z0-9]+)+))"
"""A product code: 'KCL-19BB', 'HX19.28', 'ALX-19/22', or led by lower case ('hu38BB', 'bi22-19.K4')."""
PRODUCT_DEFINITIONS: tuple[Cue, ...] = (
    Cue(r"(?<![\w-])" + _PRODUCT_CODE + r",\s+(?i:an?|the)\s+(?:[\w/-]+\s+){0,5}?(?:(?i:CAR|cell|cellular|gene)[\w -]{0,30}?(?i:products?|therapy|construct)|(?i:construct))\b",
        "'KCL-19BB, an academic CAR T-cell product', 'bi22-19.K4, a bicistronic construct', 'X, a bispecific CD19/CD22 CAR "
        "T-cell product': a code followed by an appositive naming a cell product or a construct"),
    Cue(r"(?:\b(?i:CAR[- ]?T(?:[- ]cell)?|CAR|cell(?:ular)?) (?i:products?|therapy|construct)|\b(?i:construct)"
        r"|\b(?i:academic|investigational|in-house|home-made|hospital-made)\s+(?i:product)),?\s+" + _PRODUCT_CODE + r"\b",
        "'a CAR T-cell product, KCL-19BB', 'the academic CD22 CAR-T product KMC22-bb', 'tested the academic construct "
        "HLy30-4K', 'the academic product USP-CD19bbz': a cell product or construct followed by its code"),
    Cue(r"\b(?i:CAR)[- ]?(?i:T)?[- ]?(?i:cells?|cell therapy|construct|product)\s*\(" + _PRODUCT_CODE + r"\)",
        "'Tandem CD19/CD22 CAR T cells (HMC-2219)': a code in brackets right after a CAR description names the product"),
    Cue(r"(?<![\w-])" + _PRODUCT_CODE + r"\s+(?:is|was)\s+(?i:an?|the)\s+(?:[\w/-]+\s+){0,5}?(?i:CAR\b(?:[\w -]{0,20}?(?:products?|therapy|construct|cells?)\b)?|chimeric antigen receptor\b|construct\b|(?:cell|cellular|gene)[- ](?:products?|therapy)\b)",
        "'HMC-2219 is a tandem CD19/CD22 construct', 'X is a tandem chimeric antigen receptor': a code defined by a copula "
        "and a cell product"),
    Cue(r"\b(?i:we|the team|investigators)\s+(?i:developed|designed|engineered|built|manufactured)\s+" + _PRODUCT_CODE + r",\s+(?i:an?)\s+(?:[\w/-]+\s+){0,5}?(?i:receptor|CAR|construct|product|cells?)\b",
        "'We developed CART-BM7, a second-generation anti-BCMA receptor': an academic construct the authors made is the study therapy"),
    Cue(r"(?<![\w-])" + _PRODUCT_CODE + r"(?:,\s+|\s+(?:is|was)\s+)(?i:an?)\s+(?:[\w/×+,-]+\s+){0,7}?(?i:inhibitor|antibody|engager|"
        r"conjugate|degrader|agonist|antagonist)s?\b",
        "'QX-318, an oral menin inhibitor', 'X is a potent, oral, once-daily menin inhibitor', 'X, a CD19 × CD20 × CD3 "
        "trispecific T-cell engager': a drug's development code defined by apposition or copula"),
)

# CAR constructs named by a code or by a target other than CD19 ('the 19-28z CAR', 'a CD22-directed CAR', 'CD22-CAR T
# cells'): the arm is '<code> CAR T cells', so every spelling of one construct names one arm.
CODED_CAR_PATTERNS: tuple[Cue, ...] = (
    Cue(r"(?<![\w-])(?P<code>CD(?!(?:19|28|3|137)(?!\d))\d+[a-z]?|\d+-?[0-9A-Za-z]*z)[- ](?:(?:directed|targeted|targeting|specific)[- ])?CAR(?![A-Za-z])(?:[- ]?T(?![A-Za-z])(?:[- ]cells?)?)?",
        "a CAR named by its construct code (19-28z) or a non-CD19 target (CD22; not the CD28, CD3, CD137 signalling domains) is its own product, not a generic CD19 CAR-T"),
)

TABLE_DECLARED_UNITS = Cue(r"\bUnits?\s*:\s*(?P<unit>percent(?:age)?s?|%|months?)\b",
                           "a registry posting's caption '(Units: percentage of participants; ...)' declares the unit of "
                           "every bare number in its cells")
HEAD_COUNT_ROW = Cue(r"^\W*(?:overall\s+)?(?:number|no\.?)\s+of\s+(?:participants|patients|subjects)\s+(?:analy[sz]ed|evaluable|assessed)\b"
                     r"|^\W*(?:participants|patients|subjects)\s+(?:analy[sz]ed|evaluable|assessed)\s*$"
                     r"|\b(?:number\s+of\s+events|events?\s*,\s*(?:n|no\.?)\b|(?:deaths|events)\s+(?:\(\s*)?n\s*(?:\(\s*%\s*\))?\s*$)",
                     "'Overall Number of Participants Analyzed | 85 | 83': the denominators of the columns, never a result; "
                     "'PFS per IRC: number of events, n (%) | 52 (17.9)': the events counted, not the endpoint's rate")
ROW_RESPONDERS = Cue(r"^\W*(?:number\s+of\s+)?(?:participants|patients|subjects)\s+(?:in|with|achieving|who\s+(?:achieved|reached|had))\s",
                     "'Participants in complete remission | 81 (95.3%)': a row counting the responders of the caption's "
                     "response measures that response")

# A results-table row label naming another measure (an adverse event, a partial response, early progression) is not
# the caption's endpoint measured in a subgroup: without an endpoint of its own, its cells take none from the caption.
ROW_OTHER_MEASURE = Cue(r"\b(?:responses?|remissions?|grade|neutropenia|thrombocytopenia|an(?:a)?emia|infections?|events?|"
                        r"syndromes?|toxicit(?:y|ies)|deaths?|died|progression|POD\d+|VGPR|discontinu\w+|reductions?)\b"
                        r"|^\W*(?:(?:cumulative\s+)?incidence\s+of\s+)?relapse(?![- ]free)\b",
                        "'Very good partial response', 'Grade 3-4 infection', 'POD24', 'Relapse at 2 years' rows measure something else "
                        "than the caption ('Average risk of relapse' is a stratum)")

# A table whose caption announces these describes the patients, not the results ('prior alloHSCT — no. (%)' is a baseline share).
BASELINE_STATUS = Cue(r"^[^;.]{0,60}?\bat\s+(?:the\s+time\s+of\s+)?(?:randomi[sz]ation|baseline|enrol(?:l)?ment|study\s+entry|entry|screening)\b",
                      "'431 patients (88.3%) had no detectable MRD at randomization': a status at entry is a baseline "
                      "characteristic, not a result")
BASELINE_TABLE_CAPTION = Cue(r"\b(?:baseline|demographic|patient characteristics|characteristics of (?:the )?(?:patients|participants|population))",
                             "baseline and demographic tables hold shares of patients at entry, never results")

# A table whose caption announces a regression model lists adjusted covariate effects ('Age over 60 years',
# 'Drug A v other drugs'), not arm results; the report's body states its own treatment contrast.
MODEL_TABLE_CAPTION = Cue(r"\b(?:multi-?variable|multi-?variate|Cox|(?:logistic|proportional[- ]hazards?) (?:regression|model)|regression model)\b",
                          "a regression table reports the effect of each covariate, and covariates are no trial results")
# The one row of a regression table that is a result: the report's treatment contrast ('HCT in CR1 v no HCT', 'A (vs B)')
# gives the adjusted hazard ratio of its first arm; every other row is a covariate.
MODEL_CONTRAST_ROW = Cue(r"\b(?:v|vs\.?|versus|compared with)\b",
                         "a model row setting two treatment arms against each other is the adjusted treatment effect")

# Response endpoints whose rate may state an assessment window ('CR within two cycles'); toxicity windows are
# observation periods of the safety analysis, not windows of the result.
WINDOW_ENDPOINTS: tuple[str, ...] = ("CR", "CR_CRI", "ORR", "MRD_NEG")

# A share printed only as a fraction ('the objective response rate was 23/31'): read as its percentage, one decimal.
FRACTION_ONLY_RIGHT = Cue(r"^\s*/\s*(?P<denominator>\d+)(?![\d/]|[.·]\d)(?!\s*(?:[\w-]+\s+){0,2}?[(\[]\s*\d+(?:[.·]\d+)?\s*%)",
                          "'23/31' with no percentage after it is a share to read as 74.2%; 'n/N (x%)' keeps its printed x")
FRACTION_NOT_SHARE_LEFT = Cue(r"(?:\b(?:grade|grades|phase|stage|stages|dose level|DL|ratio|day|days|cycle|cycles|version|score)\s*|[A-Za-z]|\^|(?:%|per ?cent)\s*[,;:]?\s*[(\[]?\s*(?:n\s*=\s*)?)$",
                              "'grade 3/4', 'phase 1/2', 'DL1/2', '10^9/L' and ratios are no shares; '56% (79/141)' restates its percentage")

OPEN_INTERVAL = Cue(r"\s*(?:%|per ?cent|months?|mos?)?\s*[(\[]\s*(?:95\s*%\s*CI[,:]?\s*)?(\d+(?:[.·]\d+)?)\s*%?\s*(?:months?\s*)?(?:[-–—−]|to|,)\s*(?:NE|NR|NA|not (?:reached|estimable|evaluable)|could not be (?:estimated|evaluated))\s*[)\]]",
                   "'18.6 (11.2, NE)', '(95% CI, 15.1-not reached)': an interval open at the top; its lower bound is no value")

# A table's footnote that says when an endpoint was assessed gives that endpoint's rows their window.
FOOTNOTE_REACH = 40.0
"""How far below a table (in points) the text that annotates it may start ('MRD was assessed at the end of cycle 2')."""
POSTING_MEASURE_TITLE = Cue(r"\bTitle:\s*(?P<title>[^\n]{3,200}?)(?=\s+(?:Description|Time Frame):|\s*$)"
                            r"(?:[\s\S]*?\bTime Frame:\s*(?P<frame>[^\n]{3,120}?)(?=\s*\(|\s*$))?",
                            "a registry posting's outcome measure block ('Title: Number of Participants With Complete Response at End "
                            "of Treatment ... Time Frame: End of treatment'): the measure of the uncaptioned table under it")
HEADING_REACH = 24.0
"""How far above a captionless table (in points) its heading line may end ('Day-28 response by dose level')."""
HEADING_MAX_CHARS = 90
"""A heading that titles a table is a short line; a longer block above it is body text."""
FOOTNOTE_MARKERS = "*†‡§"
"""Marks that tie a table row ('MRD-negative, n/N (%)*') to the footnote that starts with the same mark."""
FOOTNOTE_ASSESSMENT = Cue(r"\b(?:assessed|evaluated|measured|determined)\b|^\W*(?:(?:overall|best)\s+)?(?:responses?|remissions?)\s+(?:by|per|according\s+to)\s+(?:[\w-]+\s+){0,2}?(?:IRC|investigators?|Lugano|I?IWG|IMWG|RECIST|iwCLL|ELN|criteria|review|committee)\b",
                          "only a note saying when something was assessed gives a window ('Responses by IRC per Lugano 2014 at end "
                          "of treatment' is one); other times in it do not")
FOOTNOTE_MRD_SUBJECT = Cue(r"^\W*(?:MRD|minimal residual disease|measurable residual disease)\s+(?:was|were)\s+(?:assessed|evaluated|measured)\b",
                           "'MRD was assessed at ...' under a table dates its MRD-negativity rows, though bare 'MRD' names no endpoint")

FOOTNOTE_RESPONSE_SUBJECT = Cue(r"^\W*(?:(?:overall|best|tumou?r|clinical)\s+)?(?:responses?|remissions?)\s+(?:(?:was|were)\s+)?(?:assessed|evaluated|determined)\b|^\W*(?:(?:overall|best)\s+)?(?:responses?|remissions?)\s+(?:by|per|according\s+to)\s+(?:[\w-]+\s+){0,2}?(?:IRC|investigators?|Lugano|I?IWG|IMWG|RECIST|iwCLL|ELN|criteria|review|committee)\b",
                                "'Response assessed at the end of induction' under a table dates its response-rate rows, though "
                                "bare 'response' names no endpoint")
FOOTNOTE_RESTATED_WINDOW = Cue(r"^\s*\(\s*$", "'at the end of induction (week 24)': a window restated in brackets is the same window")

# In a one-study report, event counts are facts only for these endpoints (GUIDE.md: a count is an enrolment or
# '74 patients underwent HSCT'); responders and events are reported by their rates.
REPORT_COUNT_ENDPOINTS: tuple[str, ...] = ("ALLOHSCT", "ENROLLED")

# A transplant mention after these words describes a subgroup ('patients not proceeding to alloHSCT').
TRANSPLANT_POPULATION_LEFT = Cue(r"\b(?:not|who|those|without|did not)\s+(?:\w+\s+)?$",
                                 "'patients who underwent alloHSCT' defines a subgroup, not the transplant rate")

# Cues that a comparison is between subgroups of one arm, not between treatment arms.
SUBGROUP_DESCRIPTION_LEAD = Cue(r"^\W*(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?(?:patients|children|adults|those)\s+(?:whose|who|with)\b[^,;]{0,120},",
                                "'In patients whose lymphoma progressed within 24 months of first chemoimmunotherapy, ...': the "
                                "subgroup's description, whose therapies are history")
SUBGROUP_HISTORY_LEAD = Cue(r"^\W*(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?(?:[\w-]+\s+){0,2}?[a-z]+-(?:refractory|exposed|naive|naïve|resistant|pretreated|intolerant)\s+(?:patients|children|adults|disease)\b"
                            r"|^\W*(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?(?:patients|children|adults|those)\s+(?:whose\s+(?:disease|myeloma|leuka?emia|lymphoma)\s+"
                            r"(?:was|had\s+been|is)\s+|who\s+(?:were|had\s+been)\s+(?:previously\s+)?|previously\s+)?(?:refractory|exposed|resistant|intolerant)\s+to\b[^,;]{1,60}"
                            r"|^\W*(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?(?:patients|children|adults|those)\s+(?:who\s+(?:were|had\s+been)\s+|who\s+had\s+)?"
                            r"(?:previously|already|formerly)\s+(?:treated\s+with|received|exposed\s+to)\b[^,;]{1,60}"
                            r"|^\W*(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?(?:patients|children|adults|those)\s+(?:who\s+had\s+(?:previously\s+)?received|with\s+(?:prior|previous))\b[^,;]{1,60}",
                            "'In lenalidomide-refractory patients, ...', 'Among patients whose disease was refractory to "
                            "lenalidomide, ...': a drug the subgroup's patients had before is never the "
                            "sentence's arm, experimental or control")
SUBGROUP_COMPARISON = Cue(r"\b(?:compared (?:with|to)|versus|vs\.?|than)\s+(?:the\s+)?(?:[\w+\-]+\s+){0,4}?(?:patients|those|subjects|children|adults|responders|non-?responders|group with|cohort with)\b|\bthose who\b",
                          "'compared with the MRD positive patients' contrasts subgroups, so both values keep the study arm")

# Words that make a multi-arm sentence describe randomisation, so its sample size belongs to no single arm.
RANDOMISATION = Cue(r"\brandomi[sz]|\bversus\b|\bvs\.?|\beither\b|\brandomly", "'randomized 405 patients to either A or B'")

# A count allocated to an arm, printed before it ('147 to PTCy', '145 in the ATG group') or after it ('ATG (n=145)'):
# a sentence allocating counts to three or more arms gives the report's order of its arms.
ALLOCATION_COUNT_BEFORE = Cue(r"\b\d+\s+(?:patients\s+|participants\s+)?(?:(?:were\s+)?(?:assigned|randomi[sz]ed|allocated)\s+)?(?:to|in)\s+(?:the\s+|receive\s+)?$",
                              "'147 to PTCy, 145 to ATG, and 146 to abatacept': a count allocated to the arm after it")
ALLOCATION_COUNT_AFTER = Cue(r"^\s*(?:group|arm)?\s*[(\[]\s*(?:n\s*=\s*)?\d+\s*[)\]]",
                             "'PTCy (n=147), ATG (n=145) or abatacept (n=146)': a count allocated to the arm before it")

# An arm named after these words is an add-on to the main treatment ('with or without blinatumomab').
ADD_ON_LEFT = Cue(r"(?:with or without|plus|combined with|in combination with|in addition to|added to|\+)\s*$",
                  "add-on drugs do not name the arm; combinations go under the main immunotherapy")


# --- Document-level study frame (issue 11): is this a report about one study, and which study is it? ---

REVIEW_MIN_CITATION_MARKERS = 10
"""A document with this many '[n]' citation markers discusses many studies (a review), not one."""
REVIEW_MIN_NAMED_TRIALS = 5
"""A document naming this many distinct trials discusses many studies (a review), not one."""
LYMPHODEPLETION_CONTEXT = Cue(r"(?i)\blympho-?deplet\w*|\bconditioning\b",
                              "'Lymphodepletion with fludarabine and cyclophosphamide preceded the CAR T-cell infusion': a report "
                              "that prepares patients for a cell therapy or a transplant")
LYMPHODEPLETING_AGENTS: frozenset[str] = frozenset({"fludarabine", "cyclophosphamide", "bendamustine", "busulfan",
                                                    "treosulfan", "thiotepa", "melphalan"})
"""Drugs that in such a report prepare the patient (lymphodepletion, conditioning) and are never the study's therapy."""
FRAME_OPENING_CHARS = 1800
"""The title and first paragraphs, where a report names its study ('the phase 3 TOWER study')."""

# Title phrasings that name the report's study even when the name is not one the trial finder knows.
FRAME_TITLE_NAMES: tuple[Cue, ...] = (
    Cue(r"\((?P<name>[A-Z][A-Z0-9]{3,}(?:-[A-Z0-9]{2,})*)\)\s*$",
        "a study acronym in brackets closing the title ('... in relapsed ALL (KESTREL-ALL)'); terms and drugs are no names"),
    Cue(r"\((?:[^()]*?\s)?(?P<name>[A-Z][A-Za-z]{0,9}[0-9]*(?:[- ]?[A-Z0-9][A-Za-z0-9]*)*[0-9][A-Za-z0-9]*)\)\s*(?::|$|\.|,)",
        "a study code in parentheses closing the title or its first half ('... (MT103-211): a phase 2 study')"),
    Cue(r"\b(?:the|of the|from the)\s+(?P<name>[A-Z][A-Z0-9-]{3,})\s+(?:[\w-]+\s+){0,3}?(?:study|trial|cohort|program(?:me)?)\b",
        "an acronym before a study noun in the title ('final analysis of the X expanded-access study')"),
    Cue(r"^\s*(?P<name>(?=[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z0-9])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*:\s",
        "a poster or abstract title led by the study's acronym ('NAME: drug in adults with ...')"),
)
# A study named by an ordinary word in mixed case ('Fenland', 'Orchard'): its shapes in a title or opening. Such a word
# is a name only where a study cue says so and the document uses it again; WORD_NAME_STOPLIST lists the capitalised
# words these shapes meet that are not names.
_OPENING = (r"(?:^|[.;:]\s+|\n)(?:(?:Background|Methods|Patients\s+and\s+methods|Study\s+design|Design|Results|Findings|Introduction|"
            r"BACKGROUND|METHODS|PATIENTS\s+AND\s+METHODS|DESIGN|RESULTS|FINDINGS|INTRODUCTION)[:.]?\s+)?")
"""A sentence's start, after a run-in section heading if one leads it ('Methods Fenland was a ... trial')."""
_NAME_IS_A_STUDY = Cue(_OPENING + r"(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\s+(?:is|was)\s+an?\s+(?:[\w/-]+,?\s+){0,5}?(?:trial|study)\b",
                      "'Fenland was an open-label, randomised phase 3 trial', 'Methods: Fenland is a ... trial': a sentence "
                      "saying the word is a study")
_NAME_CALLED = Cue(r"\b(?:called|named|nicknamed|code-?named|known\s+as|dubbed|(?:full\s+)?(?:name|title)\s+of\s+(?:the|this)\s+(?:study|trial)\s+is)\s+[\"“‘']?(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\b",
                   "'a randomised trial, called Quarry, ...', 'the study known as Quarry', 'nicknamed Quarry', 'The full name of the study is \"Quarry: ...\"': the study's name given in so many words")
FRAME_WORD_NAMES: tuple[Cue, ...] = (
    Cue(r"^\s*(?:(?:[A-Z][a-z]+\s+){1,3}[A-Z][a-z]+\s+[-—–]\s+)?(?:[Tt]he\s+)?(?P<name>[A-Z][a-z]{3,}(?:[- ]\d{1,2}|-[A-Z]{2,5}\d{0,2})?)(?:\s+(?:[Tt]rial|[Ss]tudy))?\s*(?::|\s[—–-]|\.)\s",
        "a poster, abstract or news title led by the study's name ('Fenland: ponatinib and ...', 'Orchard — ...', "
        "'Hayloft - single-arm phase 2 of ...', 'Foxglove Trial: ...'), after a genre label ('Evidence Summary Card - Marram: ...')"),
    Cue(r"(?:\(|\b(?:in|of|from|for)\s+)Study\s+(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)(?=\s*[(),;:.])",
        "a drug label's 'in Study Tarn (NCT...)', '(Study Tarn)': the label convention of naming a study 'Study X'"),
    _NAME_IS_A_STUDY,
    Cue(r"(?:\b(?:the|of|in|from)\s+(?:(?:[Rr]andomi[sz]ed|[Oo]pen-label|[Mm]ulticent(?:re|er)|[Ii]nternational|[Pp]ivotal),?\s+){0,3}(?:[A-Z]{2,}[A-Z0-9]*\s+(?=[A-Z][a-z]{3,}\s+(?:[Tt]rial|[Ss]tudy)\b))?|(?<=\s)(?=[Pp]hase\s))(?:[Pp]hase\s+(?:[1-4]|I{1,3}|IV)[ab]?(?:/(?:[1-4]|I{1,3}))?\s+)?(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\s+(?:(?:[Rr]andomi[sz]ed|[Oo]pen-label|[Pp]hase\s+(?:[1-4]|I{1,3}|IV)[ab]?|[Mm]ulticent(?:re|er)|[Cc]linical|[Cc]ontrolled|[Pp]ragmatic|[Nn]on-?inferiority|[Ii]nternational),?\s+){0,3}(?:[Tt]rial|[Ss]tudy)\b",
        "'in the Fenland trial', 'the Orchard phase 3 study', a press release's '... in Phase 3 Orchard Trial', 'the "
        "randomised Fenland trial', 'the HOVON Fenland trial' (a group's acronym first): a capitalised word (mid-sentence) "
        "before a study noun"),
    Cue(r"\((?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\)\s*:\s*(?:an?|the)\s+[^.()]{0,80}?\b(?:[Tt]rial|[Ss]tudy)\b",
        "a Lancet-style title '... leukaemia (Pinfold): a randomised, open-label, phase 3 trial': the name in brackets "
        "before the colon that calls the work a trial"),
    Cue(_OPENING + r"(?:\w+\s+){0,2}?(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\s+(?:was|is)\s+(?:done|conducted|carried\s+out|run|"
        r"performed)\s+(?:at|in|across)\s+(?:\d+|[a-z]+)\s+(?:[\w-]+\s+){0,2}?(?:centres|centers|hospitals|sites|institutions|countries)\b",
        "'Pinfold was done at 41 hospitals in six countries': the methods sentence saying where the named study ran"),
    Cue(r"(?:[,:;]|\s[-—–])\s+(?:the\s+)?(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\s+(?:[Tt]rial|[Ss]tudy)\s+(?:finds|found|shows|showed|"
        r"suggests|reports|confirms|says)\b",
        "a news headline's '..., Quayside trial finds': the study that found it"),
    Cue(_OPENING + r"(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\s+(?:(?:randomly\s+)?(?:enrolled|randomi[sz]ed|recruited|assigned|accrued|"
        r"allocated|registered)\s+(?:a\s+total\s+of\s+)?\d|(?:compared|tested|evaluated)\s+(?:the\s+)?[a-z])",
        "'Cairn enrolled 412 adults', 'Furrow randomly assigned 300 ...', 'Weir compared ...': a word as the subject of a "
        "study's verb at a sentence's start is the study's name"),
    Cue(r"(?<![\w-])(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\s*,\s+(?:an?|the)\s+(?:[\w/-]+,?\s+){0,5}?(?:[Tt]rial|[Ss]tudy)\b(?!\s+(?:of|by|in|from)\s+(?:the\s+)?[A-Z])",
        "'results from Wherry, a randomised phase 3 trial', 'Cairn, an open-label phase 3 study (NCT...)': a word set in "
        "apposition to a study noun"),
    _NAME_CALLED,
    Cue(r"\b(?:[Tt]rial|[Ss]tudy)\s*\((?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)(?:\)|\s*[;,]\s*(?:ClinicalTrials\.gov[\s,:]*)?NCT\d{8})",
        "'In this open-label, phase 3 trial (Tollgate), we ...', 'phase 3 trial (Foxglove; NCT...)': the study's name in brackets after the study noun"),
    Cue(r"\bfor\s+the\s+(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2}|-[A-Z]{2,5}\d{0,2})?)\s+(?:[Ii]nvestigators|[Tt]rialists|[Cc]ollaborators|"
        r"(?:[Ss]tudy|[Tt]rial|[Ww]orking)\s+[Gg]roup)\b",
        "a byline's 'for the Tollgate Investigators' / 'for the Marsh Study Group': the journal convention naming the study"),
)
_WORD = r"(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2})?)"
WORD_OWN_STUDY_SHAPES: tuple[Cue, ...] = (
    Cue(_WORD + r"\s+(?i:clinical\s?trials\.gov)\s+(?i:number|identifier|registration)\b",
        "NEJM's funding line '(Funded by X; Quillon ClinicalTrials.gov number, NCT...)': the study's name before its registry"),
    Cue(r"\b(?:[Ff]or|[Oo]n\s+behalf\s+of)\s+the\s+" + _WORD + r"\s+(?:[Ii]nvestigators|[Tt]rialists|[Cc]ollaborators|"
        r"(?:[Ss]tudy|[Tt]rial|[Ww]orking)\s+[Gg]roup)\b",
        "a byline's 'on behalf of the Quillon investigators': the study's name"),
    Cue(r"\b[Tt]he\s+" + _WORD + r"\s+(?:steering\s+committee|protocol|data\s+(?:and\s+safety\s+)?monitoring\s+committee)\b",
        "'the Quillon steering committee designed the trial': the study the committee runs"),
    Cue(r"\b[Tt]he\s+" + _WORD + r"\s+(?:[Ss]tudy|[Tt]rial)\s+(?:was|is)\s+(?:(?:jointly|partly|solely)\s+)?(?:funded|supported|sponsored|financed)\b",
        "an acknowledgement's 'The Quillon study was funded by ...': the study the authors ran"),
)
"""Word names a report known in its opening only by its registry number may give anywhere: shapes that say the word is
the report's own study (the other word-name shapes count there only in a sentence telling the study's design)."""
FRAME_EXPLICIT_WORD_NAMES: tuple[Cue, ...] = (_NAME_IS_A_STUDY, _NAME_CALLED)
"""Word-name shapes that say outright that the word is the study's name: one use is enough, outside a sentence about
another study ('In a study called Larch, ...' names it once in a news story)."""
GROUP_PREFIXED_NAME = Cue(r"\s+[A-Z][a-z]{3,}\s+(?:[Tt]rial|[Ss]tudy)\b",
                          "'the HOVON Larch trial': a cooperative group's acronym before a word and a study noun is the group, "
                          "and the word the study")
OWN_DESIGN_SENTENCE = Cue(r"\b(?:were|was)\s+(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed|enrolled|recruited)\b|\brandomly\s+assigned\b"
                          r"|\bwe\s+(?:report|present|describe|conducted|did|ran|performed)\b|\b(?:enrolled|recruited|randomi[sz]ed)\s+\d"
                          r"|\b(?:was|is)\s+an?\s+(?:[\w-]+,?\s+){1,6}?(?:trial|study)\s+(?:done|conducted|carried\s+out|run|performed)\s+(?:at|in|across)\s+\d+\s",
                          "'In the Larch trial, adults were randomly assigned', 'We report the Larch trial', 'Larch was a randomised "
                          "phase 3 trial done at 68 hospitals': a sentence telling how the report's own study was run, which a "
                          "sentence citing another study does not")
UNNAMED_OWN_STUDY = Cue(r"\b(?:[Ii]n\s+)?(?:this|the\s+present|the\s+current|our)\s+(?:[\w-]+,?\s+){0,5}?(?:study|trial)\s*,"
                        r"|\b[Tt]his\s+(?:[\w-]+,?\s+){0,5}?(?:study|trial)\s*\((?:NCT|ISRCTN|EudraCT|EU\s?CT|ChiCTR|jRCT|CTRI|ACTRN|DRKS)"
                        r"|\b[Ww]e\s+(?:here\s+)?(?:report|describe|present)\s+(?:here\s+)?(?:the\s+(?:results|findings)\s+of\s+)?(?:a|an|our)\s+(?:[\w-]+,?\s+){0,5}?(?:study|trial)\b"
                        r"|\b[Ww]e\s+(?:therefore\s+)?(?:retrospectively|prospectively)\s+(?:studied|analy[sz]ed|reviewed|identified)\s+(?:all\s+)?(?:adults|patients|children|consecutive|records)\b"
                        r"|\b[Ww]e\s+(?:therefore\s+)?compared\s+[^.;]{3,60}?\bin\s+an?\s+(?:[\w-]+\s+){0,3}?(?:cohort|registry|series)\b",
                        "'In this single-centre, single-arm phase 2 study, adults ...', 'This open-label phase 2 study (NCT...)', 'We report a single-arm phase 2 study "
                        "(ISRCTN...)', 'We retrospectively studied adults ...', 'We therefore compared the 2 regimens in a multicenter real-world "
                        "cohort': the opening describes the report's own study without a name, so names cited before it belong to other studies")
REGISTRY_ACRONYM_FIELD = Cue(r"(?m)^[ \t]*(?:(?:[Ss]tudy|[Tt]rial)\s+)?[Aa]cronym\s*:\s*(?P<name>[A-Za-z][A-Za-z0-9-]{2,}(?:[ \t][A-Z0-9][A-Za-z0-9-]*)?)[ \t]*$",
                             "a registry posting's field line 'Acronym: AMARANTH' names the study the posting reports")
SUBTITLE_NAME = Cue(r"\W*(?P<name>[A-Z][A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\s*(?::|\s[-\u2013\u2014])\s",
                    "a poster's subtitle line led by an acronym and a colon or dash ('TAFFRAIL: primary analysis of a "
                    "randomised phase 2 trial') names the study")
SUBTITLE_WORD_NAME = Cue(r"\W*(?:[Tt]he\s+)?(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2})?)\s+(?:[Ss]tudy|[Tt]rial)\s*(?::|\s[-\u2013\u2014])\s",
                         "a subtitle line led by an ordinary word and a study noun ('The Oxbow Study: phase 1 dose "
                         "escalation ...') names the study")
SUBTITLE_REACH = 300
"""The subtitle line starts at most this many characters after the title (a line of authors may come between)."""
ORGANISATION_ACRONYM = Cue(r"\b(?i:group|consortium|network|alliance|cooperative|society|foundation|unit|institute|"
                           r"organi[sz]ation|collaborative|association|centre|center|registry|hospital)\s*",
                           "'the German CLL Study Group (GCLLSG)': an acronym defined after an organisation's name is the organisation")
TREATMENT_USE_BEFORE = Cue(r"(?i:\b(?:assigned|allocated|randomi[sz]ed)\s+to\s+(?:receive\s+)?|\b(?:received|receiving|given|treated\s+with|with|plus|versus|vs\.?)\s+)(?:the\s+)?",
                          "'assigned to CPX-351', 'treated with CPX-351', '75.0% with CPX-351': the name given as a treatment")
TREATMENT_USE_AFTER = Cue(r"(?![\w-])\s+(?i:group|arm|cohort|plus|monotherapy|recipients|dose|infusions?|was\s+(?:given|administered|infused))\b",
                         "'the CPX-351 group', 'CPX-351 was given': the name of a treatment")
STUDY_USE_AFTER = Cue(r"(?![\w-])\s+(?i:trial|study|investigators|protocol|enrolled|randomi[sz]ed|recruited)\b",
                      "'the X trial', 'X enrolled': the name of a study")
STUDY_USE_BEFORE = Cue(r"(?i:\b(?:trial|study)\s*[(,]\s*)",
                       "'a phase 3 trial (X)', 'the study, X': the name of a study")
# A title led by an ordinary word names the study without the word recurring when the rest of the title announces a
# study or a treatment ('Bramble: a phase 2 study of ...', 'Pennine: linvoseltamab plus carfilzomib in ...').
TITLE_STUDY_ANNOUNCEMENT = Cue(
    r"(?i)\b(?:phase\s+(?:[1-4]|I{1,3}|IV)|study|trial|cohort|versus|vs\.?|plus|dose[- ]escalation)\b",
    "what follows a title-leading word's colon says the word names a study of a treatment, not a topic (a title "
    "going on with a drug's name says so too)")
TITLE_TREATMENT_REACH = 40
"""Characters after a title-leading word's colon in which a treatment's name must start ('Pennine: linvoseltamab')."""

WORD_NAME_STOPLIST = Cue(
    r"^(?:Abstract|Background|Breaking|Case|Clinical|Comment|Commentary|Conclusions?|Correction|Correspondence|Current|"
    r"Design|Discussion|Editorial|Erratum|Extension|Feasibility|Findings|Global|Highlights?|Index|Interpretation|"
    r"Controlled|Multicent(?:er|re)|Prospective|Retrospective|Observational|Cohort|Crossover|Confirmatory|Exploratory|"
    r"Interventional|Blinded|Masked|International|Cooperative|Collaborative|Population|Landmark|Validation|Expansion|"
    r"Escalation|Companion|Biomarker|Correlative|Translational|Pooled|Matched|Nested|Control|Trial|Study|Group|"
    r"Sequencing|Screening|Dosing|Tapering|Switching|Stopping|Bridging|Staging|Timing|"
    r"Introduction|Letter|Main|Methods?|National|News|Objectives?|Original|Parent|Perspective|Phase|Pilot|Pivotal|"
    r"Poster|Present|Press|Purpose|Randomi[sz]ed|Registration|Registry|Research|Results?|Review|Summary|Update|"
    r"This|That|These|Those|Ours|Each|Every|Treatment|Therapy|Patients?|Children|Adults|Overall|Median|Safety|Efficacy|"
    r"Clinic|Hospital|Cent(?:er|re)|Institute|University|College|Group|Consortium|Network|Foundation|Society|Alliance|"
    r"Western|Eastern|Northern|Southern|Dutch|French|German|Swiss|Greek|Thai|Czech|Irish|Welsh|English|Scottish|Nordic|Baltic|Balkan|Celtic|Alpine|Atlantic|Pacific|Arctic|Latin|"
    r"[A-Z][a-z]+(?:ian|ean|ish|ese)|"
    r"Lymphomas?|Leuka?emias?|Myelomas?|Neoplasms?|Cancers?|Diseases?|Disorders?|Syndromes?|Malignanc(?:y|ies)|Tumou?rs?)$",
    "capitalised words before a study noun or a colon that are section, genre, design, place-adjective, institution or "
    "disease words ('Background:', 'the Pilot study', 'the Italian trial', 'the Mayo Clinic study', '... in Mantle Cell "
    "Lymphoma (NCT...)'), never a study's name")

# A study registered outside ClinicalTrials.gov is known by that registry's number when it has no name (GUIDE.md).
OTHER_REGISTRY_NUMBER = Cue(r"(?<![\w-])(?P<number>ACTRN\d{14}|ISRCTN\d{8}|ChiCTR-?[A-Z]{0,3}-?\d{8,12}|DRKS\d{8}|"
                            r"JPRN-[A-Za-z]+\d+|jRCT[a-z]?\d{9,10}|UMIN\d{9}|KCT\d{7}|NTR\d{3,5}|NL\d{4,5}|PACTR\d{15}|"
                            r"TCTR\d{11}|CTRI/\d{4}/\d{2,3}/\d{5,6}|EudraCT\s*(?:No\.?\s*|number\s*)?[:,]?\s*\d{4}-\d{6}-\d{2}|"
                            r"EU\s*CT\s*(?:No\.?\s*|number\s*)?\d{4}-5\d{5}-\d{2}-\d{2}|IRCT\d{10,14}N\d{1,3}|RBR-[0-9a-z]{6,8}|"
                            r"SLCTR/\d{4}/\d{3}|LBCTR\d{10}|RPCEC\d{8}|PER-\d{3}-\d{2})(?![\w-])",
                            "'ACTRN12624000318572', 'ISRCTN12345678', 'jRCT2031240155', 'UMIN000012345', 'IRCT20240415061372N1', "
                            "'RBR-7x4k2m9' (the WHO primary registries' number shapes), 'EudraCT "
                            "2019-001234-56': a registration outside ClinicalTrials.gov, the study's identifier when it has "
                            "no name")

FRAME_NAME_BEFORE_REGISTRY = Cue(
    r"(?<![\w-])(?P<name>[A-Z][a-z]{3,}(?:-\d{1,2})?)(?:\s+(?:[Tt]rial|[Ss]tudy))?\s*[(\[]\s*(?:(?:ClinicalTrials\.gov|"
    r"registration|registered|trial\s+registration)[\w\s.,:]{0,30}?)?(?P<number>NCT\d{8})",
    "'Cairn (NCT09123456) is ...', 'the Furrow study (ClinicalTrials.gov, NCT...)': a word glossed by the report's own "
    "registry number in brackets is the study's name")

GLOSSED_NAME_IS_TREATMENT = Cue(r"\b(?:study|studies|trial|trials|evaluation|analysis|test)\s+of\s+(?:the\s+)?$",
                                "'the dose-finding study of Tandem (NCT...)': the word a study is 'of' is its treatment, not its name")

# A registry study is named by the body that keeps the registry, which the trial finder's stoplist holds as an agency.
FRAME_REGISTRY_NAME = Cue(r"\b(?:the|of the|from the)\s+(?P<name>[A-Z][A-Z0-9-]{3,})\s+(?:[\w-]+\s+){0,3}?registry\b",
                          "'outcomes from the X cellular therapy registry' names a registry study after its keeper")

# In a report about one study, these openings move a sentence to another study (a historical or earlier one).
OTHER_STUDY_CUES: tuple[Cue, ...] = (
    Cue(r"^\W*(?:for|by|in)\s+comparison\s*,[^.;]*?\bin\s+an?\s+(?:[\w-]+\s+){0,3}?(?:cohort|series|registry|study|trial|population)\b",
        "'For comparison, 2-year RFS was 39% in a contemporaneous registry cohort of 54 adults': a figure set beside the "
        "study's from outside it"),
    Cue(r"(?<!eligible for )(?<!eligibility for )(?<!criteria of )\b(?:an?|the|in|from|on|of|with|our|their|its|his|her)\s+(?:[\w-]+\s+){0,2}?(?:earlier|previous|prior|preceding|predecessor|successor|follow-on|older|historical|historic|separate|different|another|other|parent|registration|pivotal|reference)\s+(?:[\w/-]+\s+){0,3}?(?:study|studies|trial|trials|cohort|series|experience|report|protocol|run-in|comparisons?|analys[ie]s)\b",
        "'in an earlier phase 2 study', 'the pivotal trial', 'historical cohort', 'the predecessor protocol', 'a successor trial, X': figures of another study "
        "('patients who would not have been eligible for the registration trials' are the report's own subgroup)"),
    Cue(r"\b(?:in|from)\s+a\s+(?:larger|smaller|bigger|recent|similar|comparable|published|reported)\s+(?:[\w/-]+\s+){0,3}?(?:study|trial|series|cohort|registry)\b",
        "'In a larger multicenter series that used MRD at week 16, ...', '... gave CR in 60% in a published phase 1 study': "
        "another study set beside the report's"),
    Cue(r"\b(?:an?|the|in|from|on|of|with)\s+(?:[\w-]+\s+){0,2}?exploratory\s+(?:[\w/-]+\s+){0,3}?(?:study|studies|trial|trials|cohort|series|protocol)\b",
        "'in an exploratory phase 1 study': another study ('in an exploratory analysis' is the report's own)"),
    Cue(r"\b(?:in\s+line\s+with|similar\s+to|consistent\s+with|comparable\s+to)\s+(?:those|that|the\s+(?:rates?|figures?|results?))\s+(?:previously\s+)?(?:reported|seen|observed)\b",
        "'Toxic effects were in line with those reported with liso-cel in the second-line setting, in which ... 1%': figures "
        "of earlier studies the report compares itself with"),
    Cue(r"^\W*(?:(?:Earlier|Previous|Prior|Published)\s+)?(?:phase\s+(?:1|2|I|II)[ab]?(?:/(?:2|II))?)\s+(?:data|results|experience)\b",
        "a slide's 'Phase 1b data for A plus B: ORR 91%, CR 77%': the earlier study that led to this one"),
    Cue(r"\b(?:in|from)\s+(?:several\s+|multiple\s+|many\s+|small\s+|other\s+)?(?:retrospective|published)\s+(?:series|studies|reports|analyses|cohorts)\b",
        "'has shown activity in retrospective series of CMML, with response rates around 60%': figures of other, unnamed "
        "studies ('in this retrospective series' is the report's own)"),
    Cue(r"\b(?:retrospective|published|previous|earlier|prior|historical)\s+(?:[\w-]+\s+){0,2}?(?:series|studies|reports|analyses|cohorts|data)\s+"
        r"(?:report(?:ed)?|show(?:ed)?|suggest(?:ed)?|describe[ds]?|found|gave)\b",
        "'Retrospective transplant series report 3-year overall survival between 10% and 30%', 'Retrospective reports "
        "suggest ...': figures of earlier studies, not the report's"),
    Cue(r"\b(?:two|three|four|several|other|previous|earlier)\s+(?:[\w-]+\s+){0,2}?(?:trials|studies|series|reports)\s+(?:that|which|in\s+which)\b",
        "'those of two trials that reduced anthracycline exposure, which reported ...': figures of other studies"),
    Cue(r"^\W*(?:earlier|previous|prior|older|historical|other)\s+(?:[\w/-]+\s+){0,3}?(?:studies|trials|series|reports|cohorts|comparisons|analyses|data)\b",
        "'Earlier adult and paediatric trials reported ...', 'Older randomised comparisons ...': a sentence opening with "
        "other studies in the plural"),
    Cue(r"^\W*(?:[\w-]+\s+){0,3}?(?:studies|trials|series|reports|cohorts)\s+(?:of|with|in|using|from)\s+[^.;]{1,80}?\s+(?:reported|found|showed|described|gave|achieved)\b",
        "'Single-group studies of X in older patients reported ...': other studies, in the plural, as a sentence's subject"),
    Cue(r"\b(?:and|&) (?:colleagues|coworkers|co-workers)\b|\bet al\b", "another group's publication"),
    Cue(r"\b(?:in|from)\s+our\s+(?:own\s+)?(?:centre'?s|center'?s|institution'?s|institutional|group'?s|previous|earlier|historical)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:series|experience|cohort|data)\b",
        "'in our own centre's series of 61 such patients, 2-year RFS was only 38%': the authors' earlier patients, not the report's"),
    Cue(r"\bour\s+(?:own\s+)?(?:earlier\s+|previous\s+|prior\s+|first\s+)?(?:pilot|feasibility|phase\s+(?:1|2|I|II))(?:\s+(?:study|trial|series|cohort))?\s+(?:of|in|with)\b",
        "'In our own pilot of 38 adults the 2-year RFS was 74%': the authors' earlier study, not this report's result"),
    Cue(r"\b(?:in|from|of)\s+the\s+(?:[\w-]+\s+){0,3}?(?:arm|group|cohort|subgroup|subset|population)\s+of\s+(?!(?:this|our|the\s+present|the\s+current)\b)"
        r"(?:the\s+)?(?-i:[A-Z][\w-]*(?:\s+(?:[IVX]+|\d+|[A-Z][\w-]*)){0,2})\b(?!\s+(?:cohort|group|arm)\b)",
        "'In the maintenance arm of Myeloma XI, median PFS was 57 months', 'in the FLT3-mutated subgroup of VIALE-A': another "
        "named study's arm or subgroup set beside the report's"),
    Cue(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,5}?(?:study|cohort|series|trial|registry)\s+(?:(?:of|with|in)\s+[^.;]{1,60}?,?\s+(?:which|that)\s+|(?:in|without|with|of|using)\s+[^.;,]{1,40}?\s+)?(?:had\s+|has\s+)?(?:reported|found|showed|described)\b",
        "'a single-arm ibrutinib study in relapsed MZL reported 48%', 'a North American cohort reported ...', 'a "
        "single-centre series of X with Y, which reported ...': another study's figures ('a post hoc analysis showed' is the "
        "report's own)"),
    Cue(r"\b(?:reported|seen|observed|achieved|described)\s+(?:for|in|with)\s+(?:the\s+)?(?:other|earlier|previous|prior|historical|older)\b",
        "'the roughly 70% remission rates reported for other CD22 products': a benchmark from other studies"),
    Cue(r"\bin the phase (?:1|I|one)b? (?:part|portion|stage)\b",
        "'In the phase 1 part, the ORR at the 200 mg level was 69%': the earlier phase's figures, not the report's result"),
    Cue(r"\b(?:a|the|one)\s+(?:recent\s+|large\s+|pooled\s+)?(?:meta-?analys[ie]s|systematic review|pooled analysis)\s+(?:of|found|showed|reported)\b",
        "'a meta-analysis of 1126 children found ...': figures pooled from other studies"),
    Cue(r"\bin\s+(?:[\w-]+\s+){0,2}?phase\s+(?:[1-3]|I{1,3})[ab]?(?:/(?:[1-3]|I{1,3}))?\s+(?:studies|trials)\b"
        r"|\bin\s+an?\s+(?:single-cent(?:re|er)|single-institution|small|pilot|single-arm|single-group)\s+(?:[\w/-]+\s+){0,2}?(?:study|series|trial)\s+of\s+\d+",
        "'CMR rates of 74% in phase 2 studies', 'gave 95% CMR in a single-centre study of 39 patients': figures of other, "
        "earlier studies ('in this single-centre study' is the report's own)"),
    Cue(r"^\W*(?![^.;]*\b(?:we|our)\b)(?![^.;]*\b(?:were|was)\s+(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed|enrolled|recruited)\b)"
        r"(?:[A-Z]\w+,\s*)?In\s+an?\s+(?:[\w-]+\s+){0,4}?(?:study|trial|series|cohort)\s+(?:of|with|in|using|from)\b",
        "'In a US multicentre study of DA-EPOCH-R, 4-year EFS was 84.5%': a study the sentence introduces with 'a', not "
        "telling how it was run, is another one ('In this study ...', 'In a phase 2 study, we enrolled ...' are the report's own)"),
    Cue(r"\b(?:a|an)\s+(?:retrospective|registry|pooled|published|earlier|previous)\s+(?:[\w-]+\s+){0,2}?analysis\s+(?:from|by|of)\s+(?:the\s+)?(?-i:[A-Z])",
        "'A retrospective analysis from the International Extranodal Lymphoma Study Group suggested ... 96%': another "
        "group's analysis"),
    Cue(r"\b(?:in|from|of)\s+(?:that|those)\s+(?:study|studies|trial|trials|cohort|series|experience)\b",
        "'in that study' refers back to another study just mentioned"),
    Cue(r"^(?:[A-Z]\w+,\s*)?In\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?phase\s+(?:[IV]+|\d)(?:/(?:[IV]+|\d))?\s+(?:[\w-]+\s+){0,2}?(?:study|trial)\b",
        "'In the pediatric phase 1/2 study ...' that the sentence does not name as the report's own is another study"),
    Cue(r"\b(?:historical|historic|external)\s+(?:controls?|comparators?|data|benchmarks?|rates?)\b",
        "historical comparators belong to other studies"),
    Cue(r"\b(?:was|were|has been|have been|had been) reported (?:with|for)\b|\bcompare[sd]? (?:well|favou?rably|unfavou?rably) with\b",
        "'an overall response of 57% was reported with drug X alone', 'compare well with the 60% reported for ...': a benchmark from other studies"),
    Cue(r"^(?:[A-Z]\w+,\s*)?In\s+the\s+(?:[\w-]+\s+){1,4}?(?:studies|trials|series)\b",
        "'In the Houston mini-hyper-CVD studies, ...': studies in the plural are other studies, not the report's one"),
    Cue(r"\b(?:studies|trials|series|cohorts)\b[^.;]{0,80}?,?\s+(?:where|in\s+which)\s+[^.;]{1,120}?\b(?:were|was|had\s+been|have\s+been)\s+reported\b",
        "'resembles that of the randomized trials in Europe, where 2-year EFS of 66% v 27% were reported': figures other "
        "studies reported, in a relative clause"),
)

# In a report comparing two named treatments, these phrases name its experimental side.
EXPERIMENTAL_REFERENCE = Cue(r"\bthe\s+(?:(?:triplet|doublet|quadruplet|new|study)\s+)?combination\b(?!\s+of\b)|\b(?:the\s+)?(?:experimental|investigational)\s+(?:arm|group|regimen|therapy)\b"
                             r"|^\W*(?:experimental|investigational|intervention|study\s+drug)(?:\s+(?:arm|group))?(?=\s*(?:\(\s*[nN]\s*=|[,:]|$))",
                             "'88.9 per cent of patients given the combination', 'the experimental arm', a table's 'Experimental "
                             "group (n = 311)', a column headed 'Intervention' or 'Study drug (n = 118)': the report's "
                             "experimental treatment")

# Even a sentence naming the report's own study is about another when it gives the study before it.
PRECEDING_STUDY = Cue(r"\b(?:run-in|part|phase|protocol|study|trial)\s+(?:that|which)\s+preceded\b",
                      "'in the phase 2 run-in that preceded X (48 patients), 52% ...': figures of the study before this one")

# A report's sentence that opens with another study's name ('In MajesTEC-1, ...', 'TRIANGLE reported ...') is about it.
OTHER_STUDY_OPENING = Cue(r"^\W*(?P<label_name>[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*)\s+\([^()]{3,80}\)\s*:\s|^\W*(?:[A-Z][a-z]+:\s+|[A-Z][^.;:]{0,60}:\s+|(?:For|By|In)\s+(?:comparison|context|contrast|reference),?\s+)?(?:[Ii]n\s+(?:the\s+)?(?P<in_name>[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?:-\d+)?)(?:\s+(?:trial|study))?(?:,|(?=\s+[a-z][\w-]*\s+(?:gave|reported|showed|achieved|produced|had|was|were)\b))|(?:[A-Z][a-z]+(?:\s+[a-z]+){0,2},\s+)?(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){0,2}?(?P<subject_name>[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?:-(?:\d+|[A-Z]{2,}))?)(?:\s+(?:trial|study|experience|group|consortium|protocol|program|programme|series|registry))?(?:,\s+(?:which|that)\s+[^.;,]{1,80},)?\s+(?:reported|showed|found|demonstrated|gave|established|placed)\b)",
                          "'In MajesTEC-1, ...', 'TRIANGLE reported ...', 'In children, the randomised X trial reported ...', "
                          "'Other data put these figures in context: in X, ...', 'For comparison, in X cilta-cel gave ...', "
                          "'The X program, which used intensive chemotherapy, reported ...', a context bullet 'MURANO (VR in "
                          "BTKi-naive patients): ...': a sentence opening with a study name other than the report's own")

NUMBERED_STUDY_NAME = Cue(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]+-\d+[A-Za-z]?$",
                          "'KarMMa-3', 'MajesTEC-1': a mixed-case name with two capitals and a number is a study, not a word")

# Sentences of a report that never hold its results: eligibility criteria and quoted remarks (news stories).
NON_RESULT_SENTENCES: tuple[Cue, ...] = (
    Cue(r"\b(?:was|were)\s+(?:(?:incorrectly|erroneously|mistakenly)\s+(?:given|printed|stated|shown)\s+as\b|(?:given|printed|stated|shown)\s+as\s+[\d.·]+\s*%?)",
        "an erratum's 'the rate was given as 64.3%' quotes the withdrawn figure; the corrected one stands in the text "
        "('shown as a forest plot' is no erratum)"),
    Cue(r"\bnon-?inferiority margin\b(?=\s+(?:of|was|is|at|set|for|equal|defined|\(|HR\b|hazard|[\d.·]))|\bmargin\s+of\s+[\d.·]+|\b\d+(?:[.·]\d+)?\s*%\s+power\b|\bpower to (?:detect|distinguish|show|exclude)\b|\b(?:we\s+)?assum(?:ed|ing)\s+(?:a|an|that|the)\b|\b(?:events|patients)\s+(?:were|was)\s+(?:needed|required)\b",
        "the statistical design ('80% power to distinguish 65% from 45%', 'assuming a hazard ratio of 0.70', 'a "
        "noninferiority margin of 10%') states hypotheses, not results ('which met the noninferiority margin' is a result)"),
    Cue(r"\beligible if\b|\beligibility (?:criteria|required|requirements?)\b|\b(?:inclusion|exclusion) criteria\b|\bwere (?:ineligible|excluded) if\b",
        "eligibility criteria hold thresholds (ages, blast counts, prior lines), never results"),
    Cue(r"^\s*[\"“]", "a quoted remark in a news story rounds figures as commentary ('about five months'); the report states them"),
    Cue(r"\b(?:occurred|began|started|developed|first appeared)\s+(?:after|following|with|during)\s+the\s+(?:first|second|third|initial|\d+(?:st|nd|rd|th))\s+(?:full\s+|step-up\s+|target\s+|priming\s+)?dose\b",
        "'CRS occurred after the first full dose in 49%' gives when an event began (its onset by dose), not how often"),
)

# A sentence that continues the previous one's figure with a pronoun or a bare 'rate': its values without an endpoint
# of their own take the endpoint (and timepoint) of the previous sentence's last result.
ARM_THEN_PRONOUN_VALUE = Cue(r"(?:[- ](?:treatment |treated )?(?:group|arm|cohort))?\s*,?\s*(?:it|this|the (?:median|rate|figure|estimate))\s+(?:was|reached|stood at)\s+(?:only\s+)?",
                             "'and in the PC group it was 47.1 months': the arm named before 'it was' is the value's")
ARM_THEN_IN_VALUE = Cue(r"(?:[- ](?:group|arm|cohort))?,?\s+in\s+",
                        "'..., and with the fixed course in 58.8%': an arm then 'in' and the value it reached")
ARM_VERB_VALUE = Cue(r"\s+(?:left|kept|gave|yielded)\s+(?:only\s+|just\s+)?",
                     "'intensive chemotherapy left 41.7% alive', 'blinatumomab gave 58%': the treatment right before the verb is the value's")
ANAPHORA_CUE = Cue(r"\b(?:it|this|that)\s+(?:was|were|reached|stood at)\b|\b(?:fared|did)\s+(?:(?:much|far|no|slightly)\s+)?(?:better|worse|similarly|as\s+well)\b,?\s+(?:at|with)\s+\d|\bthe\s+(?:corresponding\s+|respective\s+|equivalent\s+|comparable\s+)?(?:[\w-]*\d[\w-]*\s+)?(?:rates?|estimates?|figures?|values?|proportions?|percentages?)\b(?:\s+[\w-]+){0,5}?\s+(?:was|were|being)\b"
                   r"|^\s*(?:this|that|it)\s+(?:compared|contrasted)\s+(?:with|to)\b|^\s*(?:by|in)\s+(?:contrast|comparison),"
                   r"|^\W*(?:Among|In|For)\s+[^,;%]{3,80},(?:\s+(?:whose|who|which|where|in\s+whom)\s[^,;%]{3,60},)?\s+\d+(?:[.·]\d+)?\s*%\s*(?:vs\.?|v\.?|versus|against|compared with|and)\s+\d+(?:[.·]\d+)?\s*%?\s*[.;]?\s*$"
                   r"|\bthe\s+(?:benefit|advantage|effect|difference|gap)\s+(?:at\s+[\w-]+\s+[\w-]+\s+)?(?:was\s+(?:seen|consistent|maintained|preserved|similar)|held|persisted|remained)\b"
                   r"|\b(?:produced|achieved|reached|attained|obtained|gave|yielded)\s+(?:it|this|them)\b(?!\s+(?:to|that|was|is)\b)"
                   r"|\b(?:got|get|gets)\s+there\b|\bdid\s+so\b"
                   r"|\b(?:widened|narrowed|increased|reduced)\s+the\s+(?:gap|difference|advantage|benefit)\b",
                   "'With chemotherapy it was 27%', 'Standard care produced it in 73.7 per cent', 'the fixed arm got there in 78%', 'the respective figures in the X group were 65% and 71%', 'This compared "
                   "with 41% ...', 'By contrast, 30% ...', 'The advantage at 3 years held in T-ALL, 66% vs 52%', 'The MRD-positive minority fared worse, at 48% vs 51%' continue "
                   "the previous figure")
ANTECEDENT_SENTENCES = 2
"""Sentences before a continuing one in which a survival endpoint named without a figure is what it continues."""
ANTECEDENT_REACH = 1200
"""Characters back to the survival figure a continuing sentence opening its paragraph refers to."""
RESPONSE_WORD = Cue(r"\b(?:remissions?|respon(?:ses?|ded|ders?))\b",
                    "a sentence about remission or response is not the survival figure before it continued")
RESPONSE_ANAPHORA_CUE = Cue(r"^\s*(?:the\s+)?(?:remission|response)s?(?:\s+rates?)?\s+(?:by\s+(?:dose(?:\s+level)?|cohort|subgroup|age(?:\s+group)?)|at\s+(?:that|the\s+same)\s+(?:visit|time\s*point|assessment)"
                            r"|(?:rose|increased|climbed|improved|fell|varied|differed)\s+(?:with|by|across)\s+(?:the\s+)?(?:dose(?:\s+levels?)?|cohorts?))\b",
                            "'Remission by dose level was ...', 'Response at that visit ...', 'Remission rose with dose, from DL1 33.3% "
                            "...' split the previous response figure")
RESPONSE_ENDPOINTS: tuple[str, ...] = ("CR", "CR_CRI", "ORR")
"""The endpoints a bare 'remission' or 'response' can refer back to."""

# A share qualified only by a grade right after a share of an event is the same event at that grade.
GRADE_CONTINUATION = Cue(r"\s*%?\s*(?:of\s+(?:[\w-]+\s+){0,3}?(?:patients|participants|subjects)\s*)?(?:\([^()]{0,40}\)\s*)?[,;]\s*(?:and\s+)?(?:with\s+)?grade\s+(?:[1-5]|[IV]{1,3})(?:\s*(?:or|to|-|–)\s*(?:[1-5]|[IV]{1,3}|higher|greater|above)|\s*\+|\s+or\s+(?:higher|greater|above))?\s+(?:in\s+)?",
                         "'CRS occurred in 76.1% of patients, grade 3 or 4 in 1.1%' gives the same event's grade 3-4 share")

# 'and that of relapse 28.9% and 36.6%': a clause naming another quantity by 'that of' (no endpoint of ours) gives that
# quantity's values, not the endpoint before it.
OTHER_QUANTITY_OF = Cue(r"(?:[,;]\s*|\b(?:and|but|while|whereas)\s+)(?:that|those)\s+of\s+(?!the\s+same\b)[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s*,?\s*$",
                        "'the incidence of NRM was 11.3% and 19.1%, and that of relapse 28.9% and 36.6%': the values after "
                        "'that of relapse' belong to relapse")
OTHER_QUANTITY_JOIN = Cue(r"^\s*%?\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:and|or|vs\.?|versus|v)\s*$", "'... that of relapse 28.9% and 36.6%': the next value joined by 'and' is the same quantity's")

# 'event-free survival at that landmark was 71.6%': a time named by reference is the previous figure's time.
COLON_LIST_REACH = 110
"""At most this many characters between a landmark and the colon whose list it dates ('The benefit at 4 years was
confined to patients ... (n = 198): OS 61.0% vs 38.7%')."""
SAME_FIGURE_CUE = Cue(r"\bthe\s+(?:corresponding\s+|equivalent\s+|comparable\s+|matching\s+)?(?:figure|proportion|share|estimate|value)"
                     r"\s+(?:was|is|stood\s+at|reached|came\s+to|fell\s+to|rose\s+to)\s*$",
                     "'...; among those on chemotherapy alone the figure was 49.8%': the same measure, at the same time, "
                     "for another group")
SAME_TIME_CUE = Cue(r"\b(?:at|by|on)\s+(?:that|this|the\s+same)\s+(?:landmark|time\s*point|time|visit|assessment|point)\b",
                    "'at that landmark', 'at the same time point', 'at that point' refer back to the previous figure's time")

# 'the best overall remission (CR, CRh or CRi) was 85.7%' is the best response over the whole course: no window.
# A methods sentence declaring when response was assessed ('Response was assessed in marrow on day 28') dates every
# response rate of the report that prints no window, when the report declares only one such time.
DECLARED_RESPONSE_WINDOW = Cue(r"\b(?:response|responses|remission|remissions)\s+(?:(?:was|were)\s+)?(?:assessed|evaluated|"
                               r"determined|measured|scored)\b",
                               "'Response was assessed in marrow on day 28', 'responses were evaluated at the end of induction'")
DECLARED_WINDOW_ENDPOINTS: tuple[str, ...] = ("CR", "CR_CRI", "ORR")
"""The response endpoints a declared assessment time dates (MRD is often measured at other times)."""
BEST_RESPONSE_CUE = Cue(r"\bbest\s+(?:overall\s+)?(?:response|remission)", "a best response is taken over the whole course, so no assessment window applies")

# Abstract section names run into the first sentence ('RESULTS Of 235 patients, ...'); blanked before reading so that
# sentence-opening cues still see the sentence's own first word.
RUN_IN_HEADING = Cue(r"^(?:(?:PATIENTS AND METHODS|MATERIALS AND METHODS|MAIN OUTCOMES AND MEASURES|CONCLUSIONS AND RELEVANCE|"
                     r"DESIGN, SETTING,? AND PARTICIPANTS|BACKGROUND|METHODS|RESULTS|FINDINGS|CONCLUSIONS?|INTERPRETATION|"
                     r"PURPOSE|OBJECTIVES?|IMPORTANCE|EXPOSURES?|INTERVENTIONS?|SUMMARY|INTRODUCTION|DISCUSSION|"
                     r"Background|Methods|Results|Findings|Conclusions?|Interpretation)[:.]?\s+)(?=[A-Z0-9(])",
                     "'RESULTS Of 235 patients': a run-in abstract heading is no part of the sentence")

CITING_SECTION_HEADING = Cue(r"^(?:INTRODUCTION|BACKGROUND|DISCUSSION|Introduction|Background|Discussion)[:.]?\s+(?=[A-Z])",
                             "'Introduction In the X and Y trials, ...': a run-in heading of a section that cites other studies "
                             "hides the sentence's opening from the other-study cues")

# A sentence that gives only a new time and bare values restates the previous sentence's list of landmarks.
LIST_RESTATED_AT_TIME = Cue(r"^\W*(?:at|by|after)\s+(?:\d+|one|two|three|four|five|six|ten)[- ](?:years?|months?)"
                            r"(?:\s*[:,]\s*|,?\s+the\s+(?:(?:overall|corresponding|same|two|respective)\s+)?(?:figures|estimates|rates|values|numbers|proportions)\s+"
                            r"(?:had\s+|have\s+)?(?:(?:slipped|fallen|fell|dropped|declined|risen|rose|moved|changed|come)\s+)?(?:to|were|was|stood at|of)\s+)"
                            r"(?:[\d.·]+\s*%[^A-Za-z]*(?:and|,|v|vs\.?)?\s*)+[^A-Za-z]*$",
                            "'At 3 years: 54.7% and 44.9%.', 'By 18 months the overall figures had slipped to 49.1% and 63.6%.' restate "
                            "the previous sentence's endpoints at a new landmark")
LANDMARKS_RESTATED = Cue(r"\b(?:at\s+)?(?:the\s+)?same\s+(?:two\s+|three\s+)?(?:landmarks|time\s*points|timepoints|times)\b",
                         "'OS, same landmarks: 93.5% / 90.1%' after 'PFS at 18 mo 72.4%; at 24 mo, 64.0%': one value per landmark "
                         "just listed, in order")
LIST_RESTATED_REACH = 400
"""A restating sentence follows its list within this many characters (the next bullet or sentence)."""
SUBGROUP_SENTENCE_OPENING = Cue(r"^\W*(?:(?:In|Among|For)\s+(?:the\s+)?(?:\d+\s+)?(?:children|patients|adults|adolescents|those|participants|subgroup)\b|Subgroups?\b|(?:Restricting|Limiting|Confining)\s+(?:the\s+)?(?:comparison|analysis)\s+to\b|The\s+(?:gap|difference|advantage|benefit)\s+was\s+(?:widest|largest|greatest|smallest|narrowest|larger|smaller))",
                                "'In children with MRD of 0.1% or more, DFS was 83.5% and 74.2%.', 'Subgroups gave a consistent picture: ...', "
                                "'Restricting the comparison to patients under 45 ...': a subgroup's survival at the landmark just reported")
ENDPOINT_GLOSS = Cue(r"\s*\((?:[A-Za-z]{1,4}\s*(?:\+|/|,|or|and)\s*)+[A-Za-z]{1,4}\)|,\s+which\s+(?:also\s+)?(?:counted|included|comprised|covered|combined|pooled)\b[^,;()]{0,120},",
                     "'composite complete remission rate (CR + CRh + CRi)', 'the overall response rate, which also counted "
                     "partial remission, was 78.3%': a gloss defining the endpoint before it names no endpoint of its own")
RATIO_ESTIMATE_LEFT = Cue(r"\b(?:hazard\s+ratio|HR)\b[^.;]{0,60}?[,;]\s*[Ee]stimated\s+[Vv]alue\s*$",
                          "a registry posting's 'Method of estimation: Hazard Ratio (HR), stratified Cox model; Estimated value "
                          "0.54': the estimate is the ratio")
OUTCOME_MEASURE_TITLE = Cue(r"(?<![\w,])\s*(?:(?P<number>\d+)\.\s+)?(?:Primary|Secondary|Other(?:\s+Pre-?specified)?)?\s*Outcome\s+Measure"
                            r"(?:\s+(?P<ordinal>\d+))?\s*(?:\(\s*(?:Primary|Secondary|Other)\s*\)\s*)?(?::|\s*Title:)\s*(?P<title>[^.\n]{3,150})",
                            "a registry posting's 'Secondary Outcome Measure 3: Overall Survival (OS) at 2 Years' or 'Outcome Measure 1 (Primary) "
                            "Title: ...' names what its "
                            "statistical analysis lines estimate")
POSTING_MEASURE_HEADING = Cue(r"\s*(?:\d+\.\s+)?(?:Primary|Secondary|Other(?:\s+Pre-?specified)?)\s+Outcome(?:\s+Measures?)?(?:\s+\d+)?\s*(?::\s*|\s(?=[A-Z]))"
                              r"(?P<title>[^.\n]{3,150}?)(?=\s+(?:Time\s+[Ff]rame|Description)\s*:|[.\n]|$)",
                              "a registry posting's '2. Secondary Outcome: Overall Response Rate ... Time frame: ...' or a run-in "
                              "'Secondary Outcome Measures Overall response ...' opening a paragraph names what the paragraph's "
                              "figures measure ('Arm A: 133 participants (92.4%)')")
POSTING_MEASURES_SECTION = Cue(r"(?i)\boutcome\s+measures?\b",
                               "a registry posting's 'Secondary Outcome Measures' or 'Outcome Measure Data: ...' heading: each "
                               "paragraph under it opens with the sentence naming its measure")
ANALYSIS_COMPARISON = Cue(r"\bComparison(?:\s+of)?\s*:?\s+(?P<first>[^.;]{2,60}?)\s+(?:vs\.?|versus|v\.?)\s+[^.;]{2,60}?\s*(?:[.;]|$)",
                          "a registry posting's 'Statistical Analysis 1: Comparison Arm B vs Arm A.': the ratio on the next line "
                          "is the first side's against the second")
ANALYSIS_OF_MEASURE = Cue(r"Statistical\s+Analysis\b[^\n]{0,40}?Outcome\s+Measure\s+(?P<number>\d+)",
                          "'Statistical Analysis, Outcome Measure 4: ...' analyses the fourth outcome measure")
SUBGROUP_BENEFIT_SENTENCE = Cue(r"^\W*(?:The|This|A|Its)\s+(?:[\w-]+\s+){0,2}?(?:benefit|effect|advantage|improvement)\s+(?:was|were|is|appeared)\s+(?:[\w-]+\s+){0,2}?"
                                r"(?:observed|seen|consistent|maintained|evident|similar|present)\b"
                                r"|^\W*(?:Consistent|Similar|Comparable)\s+(?:benefit|effect|advantage)\s+(?:in|among|across)\b",
                                "'The benefit was observed in patients with a co-occurring NPM1 mutation (hazard ratio, 0.61) ...', a "
                                "slide's 'Consistent benefit in POD24 patients: HR 0.47': "
                                "subgroups' ratios of the survival endpoint just reported")
SUBGROUP_RATIO_SENTENCE = Cue(r"^\W*(?:The\s+)?(?:corresponding\s+)?(?:hazard\s+ratio|HR)\s+(?:was|were)\b(?:[^.;]|[.\u00b7](?=\d)){0,80}?\b(?:among|in|for)\s+"
                              r"(?:the\s+)?(?:\d+\s+)?(?:patients|children|adults|participants|those|subgroup)\b",
                              "'The hazard ratio was 0.53 (95% CI ...) among patients 50 years of age or older': a subgroup's "
                              "ratio of the endpoint just compared")
_STUDY_ACRONYM = r"(?P<name>[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)(?:\s+(?:trial|study))?"
OTHER_STUDY_CLAUSES: tuple[Cue, ...] = (
    Cue(r"\b(?:seen|reported|observed|found|described|achieved|shown|in|from)\s+(?:the\s+)?" + _STUDY_ACRONYM
        + r"\s*,?\s+(?:where|in\s+which)\b",
        "'close to that seen in CLL14, where 6-year PFS was 53.1%': the clause after another study's name gives its figures"),
    Cue(r"(?<![\w-])" + _STUDY_ACRONYM + r"\s+(?:reported|showed|found|observed|achieved|gave|yielded|described)\b",
        "'while ELEVATE-TN reported 5-year PFS of 84%': another study named in capitals as the subject of a reporting verb"),
    Cue(r"(?:[;:]\s*|\b(?:whereas|while|but)\s+)(?i:in|from)\s+(?:the\s+)?" + _STUDY_ACRONYM + r"\s*,",
        "'X is a standard option; in CLL14, 5-year PFS with X was 62.6%': a clause opened by another study's name gives its figures"),
    Cue(r"(?<![\w-])" + _STUDY_ACRONYM + r",\s+which\b",
        "'The result builds on POLARIX, which ... raised 2-year PFS to 76.7%': a relative clause about another study"),
    Cue(r"\b(?i:in|from)\s+(?:the\s+)?" + _STUDY_ACRONYM + r"\s*\((?=[^()]*\d)",
        "'improved PFS ... in DREAMM-7 (median 36.6 v 13.4 months)': figures in a bracket right after another study's name"),
)
"""In a report, figures after one of these cues in the same sentence belong to the other study (a distractor), unless
the report's own study is named again before them."""
OTHER_STUDY_AFTER_FIGURE = Cue(r"\b(?:in|from)\s+(?:the\s+)?" + _STUDY_ACRONYM + r"(?:\s+[A-Z]+-?\d+)?\s*(?=[.;)]|$)",
                               "'median PFS 14.0 months in BRUIN CLL-321', 'the 57% reported with imatinib in EsPhALL': a "
                               "figure whose clause closes on another study's name, with no other figure between, is that "
                               "study's")
BRACKETED_SOURCE_STUDY = Cue(r"[^()]{0,80}?\bin\s+(?:the\s+)?" + _STUDY_ACRONYM + r"\s*\)",
                             "'(2-year PFS 92% vs 83% in S1826)': figures in a bracket that closes on another study's name are "
                             "that study's")
SUBGROUP_LANDMARK_REACH = 600
"""A subgroup sentence inherits the landmark of its endpoint's figure at most this many characters before it."""

LANDMARK_NAMED_BEFORE = Cue(r"\bthe\s+(?P<which>later|latter|last|second|longer|earlier|former|first)\s+(?:figure|estimate|rate|value|time[- ]?point|landmark)s?\b[^.;%\d]{0,30}$",
                            "'in the DL3 cohort the later figure stood at 61.1%': the landmark a value names before it, the "
                            "sentence's last (or first)")
LANDMARK_ANAPHORA = Cue(r"\s*(?:%|per ?cent)?\s*(?:[(\[][^()\[\]]{0,60}[)\]]\s*)?(?:at|by)\s+(?:the\s+)?(?P<which>later|latter|last|second|longer|same|earlier|former|first)\s+(?:time[- ]?point|landmark|time|assessment)\b",
                        "'overall survival 86.7% at the later time point', 'EFS 49.0% at the same landmark': the landmark the "
                        "sentence gave last (or first)")
WINDOW_ANAPHORA = Cue(r"\b(?:at|by|on|in)\s+(?:that|this|the\s+same)\s+(?:visit|assessment|evaluation|time\s*point|timepoint|time|landmark|point|day)\b|\bby\s+then\b",
                     "'A marrow complete response at that visit ...', 'Fifteen had also recovered full counts by then': a "
                     "response read at the assessment the text just gave")
WINDOW_ANAPHORA_REACH = 600
"""A response rate referring back to 'that visit' takes the window of a rate at most this many characters before it."""

# A sentence with one of these talks about the report's own study again after a digression.
OWN_STUDY_CUE = Cue(r"(?<!before )(?<!similar to )(?<!comparable to )(?<!in keeping with )(?<!consistent with )(?<!compared with )(?<!than in )(?<!than )(?<!like )\b(?:this|the present|the current|our)\s+(?!(?:[\w-]+\s+)?(?:earlier|previous|prior|preceding|older|historical|historic|pre-[\w-]+)\s)(?:(?!(?:age|group|groups|population|setting)\b)[\w-]+\s+){0,2}?(?:study|trial|analysis|report|cohort|series|registry)\b",
                    "'in this study', 'in our trial', 'the present analysis' return to the report's own study ('our earlier series', 'our pre-X cohort', "
                    "a panel's 'Evidence before this study', 'series in this age group report ...', '..., similar to our MRD-guided "
                    "cohort' do not)")

# A report's own study was randomised when its patients were assigned at random (not when it mentions another trial).
OPENING_RANDOMISED = Cue(r"\b(?:an?|this|the|our)\s+(?:[\w-]+,?\s+){0,3}?randomi[sz]ed,?\s+(?:[\w-]+,?\s+){0,4}?(?:trial|study)\b(?![^.;]{0,60}\b(?:is|was|are)\s+(?:planned|under\s+way|ongoing|needed)\b)",
                         "'results from Rowan, a randomised phase 3 trial': the opening calls the report's study randomised "
                         "(not 'a randomised trial ... is planned')")
RANDOMISED_DESIGN = Cue(r"\b(?:were|was|been|being)\s+(?:\w+\s+){0,3}?(?:randomi[sz]ed|randomly assigned|randomly allocated)\b|\brandomly (?:assigned|allocated)\b|\b\d:\d\s+(?:ratio|randomi[sz]ation)\b|\bunderwent\s+randomi[sz]ation\b|\brandomi[sz]ed\s+(?:\d|[a-z]+ (?:patients|children|adults)|(?:patients|children|adults|participants)\s+(?:\d:\d\s+)?to\b)|\brandomi[sz]ed\s+(?:\d:\d\s+)?to\b|\b(?:assigned|allocated)\s+to\s+[^.;]{1,60}?\band\s+\d+\s+to\b|\bplacebo-controlled\b|\bdouble-blind(?:ed)?\b"
                        r"|\b(?:put|placed|divided|split|sorted|allocated)\s+(?:\w+\s+){0,3}?into\s+(?:one\s+of\s+)?(?:two|three|four|\d)\s+(?:treatment\s+)?groups\b[^.;]{0,30}?\b(?:by\s+chance|at\s+random|randomly)\b"
                        r"|\b(?:by\s+chance|at\s+random)\s+(?:\w+\s+){0,3}?into\s+(?:one\s+of\s+)?(?:two|three|four|\d)\s+(?:treatment\s+)?groups\b"
                        r"|\brandomi[sz]ed\s*\(\d:\d|\bdesign\s*:\s*(?:an?\s+)?(?:[\w-]+,?\s+){0,3}?randomi[sz]ed\b|\b\d+\s+(?:patients|children|adults|participants)\s+randomi[sz]ed\b",
                        "'randomised (1:1)', 'Design: randomised', '620 patients randomised: ...', 'were randomly assigned', 'underwent randomization', 'randomized 2:1 to', 'randomized children to', '103 were assigned to A and 101 to B', a plain-language "
                        "'A computer put each person into one of two groups by chance', "
                        "'double-blind, placebo-controlled': the report's patients were randomised")

# A title that sets two treatments against each other reports two arms, even from a registry or a non-randomised cohort.
# The opening's comparison names the control arm even when it is a drug regimen, not a word for standard care.
COMPARED_WITH = Cue(r"(?:\b(?:was|were|is|are)\s+|,\s*)compared\s+(?:with|to)\s|\b(?:versus|vs\.?)\s|\boutperform(?:ed|s)?\s|\b(?:beat|bettered)\s",
                    "'Mosaic was compared with lenalidomide and rituximab (R2)', 'A plus B outperformed C': the treatment "
                    "after the comparison is the control")
COMPARED_WITH_REACH = 60
"""Characters after the comparison in which the control's name must start."""
TITLE_COMPARISON = Cue(r"\b(?:versus|vs\.?|v\.|compared (?:with|to)|(?:over|beats?|outperform(?:ed|s)?|against|superior to)(?=\s+(?!\d)))\s",
                       "'A versus B for GVHD prophylaxis: a registry study', a press release's 'A Prolongs PFS Over B' compare "
                       "two arms; it is not a single-arm report")
REGIMEN_ACRONYM = Cue(r"(?<![\w-])(?:(?:dose-adjusted|DA|mini|hyper|R|BV|O|G)[- ])?[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]{1,4})*(?:/(?:R-)?[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]{1,4})*)*(?![\w-])",
                      "'dose-adjusted EPOCH-R', 'R-CODOX-M/R-IVAC', 'hyper-CVAD': a chemotherapy regimen's acronym, one side of a "
                      "title comparing two regimens")

# In a report comparing a named cell therapy with a comparator, 'the CAR T cells' is that therapy.
CELL_THERAPY_NAME = Cue(r"(?i)leucel\b|-cel\b|\bcar[- ]?t\b", "'obecabtagene autoleucel', 'obe-cel', '19-28z CAR T cells': a named cell therapy")
STRATEGY_TITLE_COMPARISON_OF = Cue(r"(?i:\bcomparison\s+of\s+)(?P<left>[^:;]+?)\s+(?i:with|to|and|versus|vs\.?)\s+(?P<right>[^:;]+)",
                                   "'a registry comparison of MRD-guided discontinuation with continued maintenance': the "
                                   "title's two strategies on either side of 'with'")
STRATEGY_TITLE_ALTERNATIVE = Cue(r"\bor\s", "'Allogeneic transplantation in first remission or continued chemotherapy': a title "
                                            "offering two strategies, one on each side of 'or', compares them")

# Study-design words that mark a report about one treatment arm.
ALLOCATED_TO_ALTERNATIVES = Cue(r"\b(?:allocated|assigned)\b[^.;]{0,120}?\bto\s[^.;]{3,160}?\bor\s+to\s",
                                "'were allocated, according to drug availability, to one cycle of A or to the third block of "
                                "chemotherapy': a non-randomised study that allocates its patients to alternatives has two arms")
COMPARISON_COHORT = Cue(r"\b(?:matched|contemporaneous|concurrent|propensity[- ](?:score[- ])?matched)\s+(?:[\w-]+\s+){0,2}?(?:cohort|group|controls?)\b"
                        r"|\b(?:formed|served as|made up)\s+the\s+(?:comparison|comparator|control)\s+(?:cohort|group|arm)\b",
                        "'a prospective study with a matched chemotherapy cohort', 'patients given FLAG-IDA formed the comparison "
                        "cohort': a study with its own comparison group has two arms, randomised or not")
SINGLE_ARM_CUE = Cue(r"\bsingle[- ](?:arm|group|cohort)\b(?!\s+(?:studies|trials|series|reports|cohorts)\b)|\bnon-?randomi[sz]ed\b|\bexpanded[- ]access\b"
                     r"|(?<!trials\s)(?<!trial\s)\bregistry\b(?!\s*(?::|number|no\b|identifier|ID\b|record|entry|\())|\breal[- ]world\b|\bprescribing information\b|\bone[- ]arm\b",
                     "single-arm, expanded-access and registry studies report one treatment; 'single-group studies' are "
                     "other studies, and 'Registry: EudraCT ...' or 'trial registry number' is where a trial is registered")
NAMED_STUDY_AFTER_CUE = Cue(r"[\s,]+(?:(?:phase\s+(?:[1-4]|I{1,3}|IV)(?:/(?:[1-4]|I{1,3}))?|open-label|multicent(?:re|er)|prospective|pivotal)[\s,]+)*(?P<name>[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*(?:\s+[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*)?)\s+(?:study|trial)\b",
                            "'the single-arm FELIX study': a design word naming a study describes that study, which is another "
                            "one when the name is not the report's own")
SUBGROUP_RATIO_ITEM = Cue(r":\s*(?:HR\s*[:=,]?\s*)?(?P<v>\d{1,2}[.·]\d+)\s*\(\s*(?:95\s*%\s*CI\s*[,:;]?\s*)?(?P<lo>\d{1,2}[.·]\d+)\s*"
                          r"(?:[-–—]|to|,)\s*(?P<hi>\d{1,2}[.·]\d+)\s*\)",
                          "'Age 65 years or older: HR 0.58 (0.37-0.91)': one line of a forest-plot list of subgroup hazard ratios")
SUBGROUP_RATIO_CUE = Cue(r"(?i)hazard\s+ratios?|\bHRs?\b|forest\s+plot",
                         "a subgroup list is of hazard ratios when its lines say HR or its introduction or heading does")
SUBGROUP_RATIO_LABEL_CHARS = 70
"""A subgroup label ('del(17p) and/or TP53 mutation') is at most this long; longer text before a colon is prose."""
