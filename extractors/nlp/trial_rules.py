"""Rule tables for trial-name detection: name shapes, cue patterns and non-trial shapes."""
from __future__ import annotations

import re
from typing import NamedTuple

from extractors.nlp.gazetteers import load_groups


class TrialRule(NamedTuple):
    """A regex whose group 'name' (or 'nct') marks a trial mention."""

    id: str
    kind: str
    pattern: re.Pattern[str]
    why: str


class NonTrialShape(NamedTuple):
    """A name shape that is never a trial (markers, years, roman numerals...)."""

    id: str
    pattern: re.Pattern[str]
    why: str


# A candidate name: a capitalised code with optional hyphenated parts and one '/Alias' part.
NAME = r"(?<![\w/‐‑-])[A-Z][A-Za-z0-9]*(?:[-‐‑][A-Za-z0-9]+)*(?:/[A-Z][A-Za-z0-9-]+)?(?![\w‐‑-]|/\w)"
CODE_NAME = r"(?<![\w/‐‑-])[A-Z]{2,6}\s\d{3,4}(?![\w‐‑-])"
"""A study group's code with a space before its number ('NOHG 2306', 'HOVON 150'), whether or not the group is listed."""
NAMED = rf"(?:{CODE_NAME}|{NAME})"
CUE = r"(?:[Tt]rials?|[Ss]tud(?:y|ies)|[Pp]rotocols?)\b"
PHASE = r"(?:phase\s+(?:[IV]+|[1-4])[abAB]?(?:\s*(?:/|and|-)\s*(?:[IV]+|[1-4])[abAB]?)?\s+)"
# Design words between a trial's name and its trial word ('the GANNET Randomized Trial', 'X open-label phase 3 study').
DESIGN = (r"(?:(?:[Rr]andomi[sz]ed|[Cc]ontrolled|[Oo]pen-[Ll]abel|[Mm]ulti-?cent(?:er|re)|[Ii]nternational|[Cc]linical|"
          r"[Pp]ivotal|[Dd]ouble-[Bb]lind|[Pp]lacebo-[Cc]ontrolled|[Nn]on-?[Ii]nferiority|[Cc]onfirmatory|[Pp]rospective),?\s+){1,3}")
REGISTRY_PHRASE = r"(?i:clinical\s?trials\.gov)[^:\n]{0,30}:\s*"
NCT = r"\bNCT\s?(?P<digits>\d{8})\b"
# One capitalised word of a product or platform name (FasT, CAR-T, T-Charge™).
WORD = r"(?!(?:The|A|An|In|On|Of|This|These|That|Our|Its|Their|With|For|By)\b)[A-Z][A-Za-z0-9]*(?:[-‐‑][A-Za-z0-9]+)*[™®]?"


def _group_alternation() -> str:
    prefixes = sorted((g.prefix for g in load_groups()), key=len, reverse=True)
    return "|".join(re.escape(p) for p in prefixes)


GROUP = rf"(?<![\w-])(?:{_group_alternation()})"
GROUP_CODE = rf"{GROUP}(?:[-\s]?(?:[A-Z]{{1,6}}[-\s]?)?\d{{2,}}[A-Z0-9]*(?:[-/]\d+)?)(?![\w-])"

TRIAL_RULES: tuple[TrialRule, ...] = (
    TrialRule("nct_registry_phrase", "nct", re.compile(rf"{REGISTRY_PHRASE}(?P<nct>{NCT})"),
              "'ClinicalTrials.gov identifier: NCT...' names a registered trial"),
    TrialRule("nct_id", "nct", re.compile(rf"(?P<nct>{NCT})"),
              "an NCT number (8 digits, optional space after NCT) is a ClinicalTrials.gov registration"),
    TrialRule("group_code", "name", re.compile(rf"(?P<name>{GROUP_CODE})"),
              "a cooperative-group prefix followed by a numbered code (SWOG 1318, GIMEMA LAL2317, AALL1331) is a trial"),
    TrialRule("name_registered", "name",
              re.compile(rf"(?P<name>{NAMED})\s+(?:{CUE}\s+)?(?:\([^()]{{0,200}}\)\s+)?(?:is|was|has\s+been)\s+"
                         rf"(?:(?:prospectively|retrospectively)\s+)?registered\b"),
              "'The BRAMLEY study (...) is registered in the EU Clinical Trials Register': the study the authors registered"),
    TrialRule("name_met_primary_endpoint", "name",
              re.compile(rf"(?P<name>{NAMED})\s+(?:did\s+not\s+meet|failed\s+to\s+meet|met|missed|reached)\s+its\s+primary\s+"
                         rf"(?:end\s?-?point|objective|outcome)\b"),
              "'ELVER-2 did not meet its primary endpoint': a conclusion about the study the report ran"),
    TrialRule("name_then_cue", "name", re.compile(rf"(?P<name>{NAMED})\s+{PHASE}?{CUE}"),
              "'the X trial', 'X study', 'X phase I trial': an acronym directly before a trial word"),
    TrialRule("name_design_cue", "name", re.compile(rf"(?P<name>{NAMED})\s+{DESIGN}{PHASE}?{CUE}"),
              "'The GANNET Randomized Trial', 'X randomised phase 3 trial': an acronym before design words and a trial word"),
    TrialRule("name_was_a_trial", "name",
              re.compile(rf"(?P<name>{NAMED})\s+(?:is|was)\s+an?\s+(?:[\w-]+,?\s+){{0,4}}?{PHASE}?{CUE}"),
              "'GANNET was an open-label, randomized phase III trial', 'PMG 2004 was a ... trial': a name the sentence says is a trial"),
    TrialRule("cue_then_name", "name", re.compile(rf"{CUE}\s*\(?\s*(?P<name>{NAME})"),
              "'trial X', 'study X', 'trial (X)': an acronym directly after a trial word"),
    TrialRule("name_then_registry", "name",
              re.compile(rf"(?P<name>{NAMED})\s*[(;,:]\s*(?:(?:{REGISTRY_PHRASE})?NCT\s?\d{{8}}|(?i:clinical\s?trials\.gov)\b)"),
              "'(X; ClinicalTrials.gov identifier: NCT...)': an acronym directly before its registry number"),
    TrialRule("name_registry_number", "name",
              re.compile(rf"(?P<name>{NAME})\s+(?i:clinical\s?trials\.gov)\s+(?i:number|identifier|registration)\b"),
              "NEJM's funding line '(Funded by X; NAME ClinicalTrials.gov number, NCT...)': the study's name before its registry"),
    TrialRule("investigators_of", "name",
              re.compile(rf"\b(?:[Ff]or|[Oo]n\s+behalf\s+of)\s+(?:the\s+)?(?P<name>{NAMED})\s+(?:[Ii]nvestigators|[Tt]rialists|"
                         rf"[Cc]ollaborators|(?:[Ss]tudy|[Tt]rial|[Ww]orking)\s+[Gg]roup)\b"),
              "a byline's 'on behalf of the NAME investigators', 'for the NAME Trial Group': the study's name"),
    TrialRule("name_study_verb", "name",
              re.compile(rf"(?:^|(?<=[.;:]\s)|(?<=\n))(?P<name>{NAME})\s+(?:(?:randomly\s+)?(?:enrolled|randomi[sz]ed|recruited|"
                         rf"accrued|assigned|allocated)\s+(?:a\s+total\s+of\s+)?(?:\d|(?:[a-z]+\s+)?(?:patients|adults|children|participants))|"
                         rf"(?:compared|tested|evaluated)\s+(?:the\s+)?[a-z])"),
              "'TOWER enrolled 405 adults', 'NAME randomly assigned adults ...': an acronym as the subject of a study's verb"),
    TrialRule("name_committee", "name",
              re.compile(rf"\b[Tt]he\s+(?P<name>{NAMED})\s+(?:steering\s+committee|protocol|data\s+(?:and\s+safety\s+)?monitoring\s+"
                         rf"committee|investigators|trialists|(?:study|trial)\s+(?:group|team|population))\b"),
              "'the NAME steering committee designed the trial', 'the NAME protocol': the study the committee runs"),
    TrialRule("in_name_comma", "name",
              re.compile(rf"(?:^|(?<=[.;:]\s)|(?<=\n))In\s+(?P<name>{NAMED}),"),
              "'In TOWER, blinatumomab ...': a sentence opening on a study's name"),
    TrialRule("camel_name_number_then_cue", "name",
              re.compile(rf"(?<![\w-])(?P<name>[A-Z][a-z]+[A-Z][A-Za-z]*[-\s]\d{{1,3}}[A-Za-z]?)\s+{PHASE}?{CUE}"),
              "'the CheckMate 067 trial', 'KarMMa-3 study': a camel-case brand name with a number before a trial word"),
    TrialRule("group_then_cue", "name", re.compile(rf"(?P<name>{GROUP})\s+{CUE}"),
              "'the GIMEMA trial': a cooperative group named as the trial's sponsor"),
    TrialRule("named_platform", "name",
              re.compile(rf"(?<![\w-])(?P<name>(?:{WORD}\s+){{0,2}}(?!The\b)[A-Z][\w-]*[™®]\s+Platform)\b"),
              "'the T-Charge™ Platform': a trademarked, capitalised platform names the study that tests it"),
    TrialRule("abbreviated_platform", "name",
              re.compile(rf"(?<![\w-])(?P<name>{WORD}(?:\s+{WORD}){{0,2}})\s*\(\s*(?P<alias>{WORD})\s*\)\s+(?:[\w-]+\s+){{0,3}}platform\b"),
              "'FasT CAR-T (F-CAR-T) ... platform': a named, abbreviated platform names the study that tests it"),
    TrialRule("called_name", "name",
              re.compile(rf"\b(?:called|named|nicknamed|code-?named|known\s+as|dubbed)\s+(?P<name>{NAMED})(?![\w-])"),
              "'The trial, known as SHOG 2417, ...', 'a study called KESTREL': the study's name given in so many words"),
    TrialRule("caption_lead_name", "name",
              re.compile(rf"(?m)^[ \t]*Table[ \t]*\d*[.:][ \t]*(?P<name>[A-Z][A-Z0-9]{{2,}}(?:-[A-Z0-9]+)*)[ \t]*(?::|[ \t][-\u2013\u2014])[ \t]"),
              "'Table 1. ELVER-2: response by arm': a results table's caption led by an acronym and a colon names the study"),
    TrialRule("product_code_in_study", "name", re.compile(rf"\(\s*(?P<name>{NAME})\s*[);,]"),
              "an investigational product code in brackets (AUTO1, UCART19) names an early-phase study"
              " when the sentence is about a trial"),
)

OWN_STUDY_RULES = frozenset({"name_registered", "name_met_primary_endpoint", "name_registry_number", "investigators_of", "name_committee", "name_study_verb",
                             "name_was_a_trial", "name_then_registry", "called_name"})
"""Rules whose shape says the report is about the named study (its registry line, byline, committee, design verb, 'known
as'): a report known by its registry number in its opening takes such a name from anywhere in its text."""

# Rules whose names must carry a trial/study word somewhere in the same sentence.
NEEDS_SENTENCE_CUE = frozenset({"product_code_in_study", "called_name"})
# Rules for product/platform names, which need not look like acronyms; only the stoplist applies.
NAMES_NOT_ACRONYMS = frozenset({"named_platform", "abbreviated_platform", "camel_name_number_then_cue"})
# Rules whose shape alone says the name is a study's, so a code built of terms and a number is kept ('TG-MCL-204 (NCT...)').
CODE_OF_TERMS_OK = frozenset({"name_then_registry", "called_name", "cue_then_name"})
CODE_OF_TERMS = re.compile(r"^[A-Z]{2,}(?:-[A-Z]{2,})+-\d{2,}[A-Z]?$|^[A-Z]{2}-\d{3,5}$")
"""A code of two or more capitals parts and a number ('TG-MCL-204'), or of two capitals and a number after a study word
('Study QR-1102'): a protocol number, though each part is a term or too short to be a name."""
# Rules whose shape alone says the name is a study's, so a brand-cased name is kept ('DuoVEN (NCT...)', 'known as KarMMa').
BRAND_CASE_OK = frozenset({"name_then_registry", "called_name", "name_registry_number"})
# Rules whose names must contain a digit.
NEEDS_DIGIT = frozenset({"product_code_in_study"})
SENTENCE_CUE = re.compile(r"(?i)\b(?:trials?|stud(?:y|ies)|phase\s+(?:[IV]+|[1-4]))\b")

NON_TRIAL_SHAPES: tuple[NonTrialShape, ...] = (
    NonTrialShape("cd_marker", re.compile(r"^CD\d+[A-Za-z]?(?:[-/.].*)?$"),
                  "cluster-of-differentiation markers (CD19, CD22-positive)"),
    NonTrialShape("roman_numeral", re.compile(r"^[IVX]+[abAB]?(?:/[IVX]+[abAB]?)?$"),
                  "trial phases (phase III study) and grades"),
    NonTrialShape("nct", re.compile(r"^NCT\d*$"), "registry numbers are reported as NCT mentions"),
    NonTrialShape("plural_abbreviation", re.compile(r"^[A-Z]{2,}s$"),
                  "a plural abbreviation ('AOEs', 'TEAEs', 'DLTs') names events or things counted, never a study"),
    NonTrialShape("response_ordinal", re.compile(r"^(?:CR|CRi|PR|MR|CR/CRi)\d(?:\.\d)?$"),
                  "first/second remission (CR1, CR2), molecular response levels (MR4)"),
    NonTrialShape("other_registry", re.compile(r"^(?:ISRCTN|ACTRN|ChiCTR|DRKS|EUCTR|JPRN|CTRI|NTR|KCT|IRCT|UMIN|PACTR|TCTR)[-\d]|^jRCT[a-z]?\d"),
                  "non-NCT registry numbers are identifiers, not names"),
    NonTrialShape("grade", re.compile(r"^(?:G|Gr|Grade)\d$"), "toxicity grades"),
    NonTrialShape("table_or_figure", re.compile(r"^(?:S|T|F|Table|Figure|Fig)\d+[A-Za-z]?$"),
                  "supplementary table and figure labels"),
    NonTrialShape("drug_name_in_capitals", re.compile(r"^[A-Z]{3,}(?:MAB|CEL|LEUCEL|TAGENE|NIB|TINIB|CLAX|ZOMIB|MIDE|CYCLINE|RABINE|PLATIN|TIDE|CEPT|LISIB|PARIB|DEGIB)$"),
                  "a drug's INN in capitals (a label's 'ODRONEXTAMAB injection') is the product, not a trial"),
    NonTrialShape("interleukin_or_receptor", re.compile(r"^(?:IL|TNF|IFN|TLR|HLA|PD|CTLA|TIM|LAG|KIR)-?\d*[A-Za-z]?\d*$"),
                  "cytokines, receptors and HLA loci"),
    NonTrialShape("all_caps_word_too_short", re.compile(r"^[A-Za-z]{1,2}\d?$"),
                  "two-letter abbreviations are too ambiguous to be trial names"),
)

# Words dropped from the end of a name before comparing names (canonical keys).
TRAILING_WORDS = re.compile(
    r"(?:[\s,]+(?:(?i:trials?|stud(?:y|ies)|protocols?|programm?e?|cohort)|(?:19[5-9]|20[0-3])\d|ALL|AML|CLL|NHL))+\s*$"
)
LEADING_WORDS = re.compile(r"^(?i:the|a|an)\s+")
