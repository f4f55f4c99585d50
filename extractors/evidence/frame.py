"""The document's study frame: a report about one study (its name, registry number and therapy) or a review."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from extractors.evidence.arm_abbreviations import defined_arm_count
from extractors.evidence.arm_order import study_arm_order, table_column_arms
from extractors.evidence.arms import find_arms
from extractors.evidence.attribution import CITATION, SentenceFacts, StudyRef, TrialIndex
from extractors.evidence.endpoints import find_endpoints
from extractors.evidence.rules import (
    CITING_SECTION_HEADING, UNNAMED_OWN_STUDY,
    COMPARED_WITH, COMPARED_WITH_REACH, EXPERIMENTAL_REFERENCE, FRAME_OPENING_CHARS, FRAME_NAME_BEFORE_REGISTRY, FRAME_REGISTRY_NAME, GLOSSED_NAME_IS_TREATMENT, FRAME_TITLE_NAMES, FRAME_WORD_NAMES, FRAME_EXPLICIT_WORD_NAMES, GROUP_PREFIXED_NAME, OWN_DESIGN_SENTENCE,
    LYMPHODEPLETING_AGENTS, LYMPHODEPLETION_CONTEXT, ORGANISATION_ACRONYM, WORD_OWN_STUDY_SHAPES, SUBTITLE_NAME, SUBTITLE_WORD_NAME, SUBTITLE_REACH, REGISTRY_ACRONYM_FIELD, STUDY_USE_AFTER, STUDY_USE_BEFORE, TREATMENT_USE_AFTER, TREATMENT_USE_BEFORE,
    GENERIC_ARMS, NAMED_STUDY_AFTER_CUE, NON_RESULT_SENTENCES, NUMBERED_STUDY_NAME, OTHER_REGISTRY_NUMBER,
    OTHER_STUDY_CUES, OTHER_STUDY_OPENING, OWN_STUDY_CUE, PRECEDING_STUDY, PRODUCT_DEFINITIONS, RANDOMISED_DESIGN, OPENING_RANDOMISED,
    REGIMEN_ACRONYM, REVIEW_MIN_CITATION_MARKERS, REVIEW_MIN_NAMED_TRIALS, SINGLE_ARM_CUE, ALLOCATED_TO_ALTERNATIVES, COMPARISON_COHORT, TITLE_COMPARISON,
    TITLE_STUDY_ANNOUNCEMENT, TITLE_TREATMENT_REACH, TRANSPLANT_COMPARATOR, TRANSPLANT_COMPARATOR_TERMS,
    RADIOTHERAPY_ALTERNATIVE, RADIOTHERAPY_ARM, RADIOTHERAPY_TERMS, ROUTE_COMPARISON, ROUTE_TERMS,
    WORD_NAME_STOPLIST,
)
from extractors.evidence.strategy_arms import document_strategies, set_document_strategies, transplant_arm_name
from extractors.nlp.gazetteers import load_drugs, load_non_trial_terms
from extractors.nlp.ner_mentions import DATELINE, NER_RULE
from extractors.nlp.trial_rules import NEEDS_SENTENCE_CUE, NON_TRIAL_SHAPES, OWN_STUDY_RULES
from extractors.nlp.trials import TrialMention, core_name, find_trial_mentions, rejection_reason
from schemas.document import Document

_TITLE_NAMES = tuple((re.compile(c.pattern), False) for c in FRAME_TITLE_NAMES) \
    + ((re.compile(FRAME_REGISTRY_NAME.pattern), True),)
_WORD_NAMES = tuple(re.compile(c.pattern) for c in FRAME_WORD_NAMES)
_EXPLICIT_WORD_NAMES = frozenset(c.pattern for c in FRAME_EXPLICIT_WORD_NAMES)
_WORD_OWN_STUDY = tuple(re.compile(c.pattern) for c in WORD_OWN_STUDY_SHAPES)
_LYMPHODEPLETION = re.compile(LYMPHODEPLETION_CONTEXT.pattern)
_GROUP_PREFIXED_NAME = re.compile(GROUP_PREFIXED_NAME.pattern)
_SUBTITLE_NAME = re.compile(SUBTITLE_NAME.pattern)
_SUBTITLE_WORD_NAME = re.compile(SUBTITLE_WORD_NAME.pattern)
_ACRONYM_FIELD = re.compile(REGISTRY_ACRONYM_FIELD.pattern)
_OWN_DESIGN = re.compile(OWN_DESIGN_SENTENCE.pattern, re.IGNORECASE)
_UNNAMED_OWN_STUDY = re.compile(UNNAMED_OWN_STUDY.pattern)
_WORD_NAME_STOPLIST = re.compile(WORD_NAME_STOPLIST.pattern)
_TITLE_STUDY_ANNOUNCEMENT = re.compile(TITLE_STUDY_ANNOUNCEMENT.pattern)
_OTHER_STUDY = tuple(re.compile(c.pattern, re.IGNORECASE) for c in OTHER_STUDY_CUES)
_NON_RESULT = tuple(re.compile(c.pattern, re.IGNORECASE) for c in NON_RESULT_SENTENCES)
_OWN_STUDY = re.compile(OWN_STUDY_CUE.pattern, re.IGNORECASE)
_CITING_HEADING = re.compile(CITING_SECTION_HEADING.pattern)
_OTHER_STUDY_OPENING = re.compile(OTHER_STUDY_OPENING.pattern)
_PRECEDING_STUDY = re.compile(PRECEDING_STUDY.pattern, re.IGNORECASE)
_EXPERIMENTAL_REFERENCE = re.compile(EXPERIMENTAL_REFERENCE.pattern, re.IGNORECASE)
_SINGLE_ARM = re.compile(SINGLE_ARM_CUE.pattern, re.IGNORECASE)
_ALLOCATED_TO_ALTERNATIVES = re.compile(ALLOCATED_TO_ALTERNATIVES.pattern, re.IGNORECASE)
_COMPARISON_COHORT = re.compile(COMPARISON_COHORT.pattern, re.IGNORECASE)
_NAMED_STUDY_AFTER = re.compile(NAMED_STUDY_AFTER_CUE.pattern)
_REGIMEN_ACRONYM = re.compile(REGIMEN_ACRONYM.pattern)
_OTHER_REGISTRY = re.compile(OTHER_REGISTRY_NUMBER.pattern)
_REGISTRY_LABEL = re.compile(r"^(EudraCT|EU\s*CT)\s*(?:No\.?\s*|number\s*)?[:,]?\s*")  # 'EudraCT number: X' is 'EudraCT X'
_NAME_BEFORE_REGISTRY = re.compile(FRAME_NAME_BEFORE_REGISTRY.pattern)
_GLOSSED_TREATMENT = re.compile(GLOSSED_NAME_IS_TREATMENT.pattern, re.IGNORECASE)
_DRUG_GAVE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:gave|produced|yielded|induced|achieved)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:rate|response|remission|survival)")
_TITLE_CASE_WORD_BEFORE = re.compile(r"(?<![\w-])(?!(?:In|The|A|An|Of|For|With|And|Or|On|At|By|From|To|As)\s)[A-Z][a-z][\w-]*[ \t]+$")
_DOSE_ADJUSTED = re.compile(r"(?i)^(?:dose-adjusted\s+|DA-)")
_SIDE_CODE = re.compile(r"^(?:NCT\d+|[A-Z]+-?\d+)$")  # registry numbers and study codes are no regimens
_GENERIC_CHEMOTHERAPY = re.compile(r"(?i)^(?:(?:standard|conventional|intensive|salvage|multi-?agent)\s+)*chemotherapy$")
_TITLE_COMPARISON = re.compile(TITLE_COMPARISON.pattern, re.IGNORECASE)
_COMPARED_WITH = re.compile(COMPARED_WITH.pattern, re.IGNORECASE)
_TRANSPLANT_COMPARATOR = re.compile(TRANSPLANT_COMPARATOR.pattern, re.IGNORECASE)
_NUMBERED_STUDY = re.compile(NUMBERED_STUDY_NAME.pattern)
_MIXED_CASE_NUMBERED = re.compile(r"(?<![\w-])(?=[A-Za-z-]*[a-z])[A-Z][A-Za-z]+-\d+[A-Za-z]?(?![\w-])")  # 'KarMMa-3', not 'KTE-19'
_TRANSPLANT_TERMS = tuple(re.compile(p, re.IGNORECASE) for p in TRANSPLANT_COMPARATOR_TERMS)
_RADIOTHERAPY_ALTERNATIVE = re.compile(RADIOTHERAPY_ALTERNATIVE.pattern, re.IGNORECASE)
_RADIOTHERAPY_TERMS = tuple(re.compile(p, re.IGNORECASE) for p in RADIOTHERAPY_TERMS)
_ROUTE_COMPARISON = re.compile(ROUTE_COMPARISON.pattern)
_ROUTE_TERMS = {route: re.compile(pattern) for route, pattern in ROUTE_TERMS}
_TITLE_ALTERNATIVE = re.compile(r"\s+or\s+")  # two named treatments joined by 'or' in a title are compared
_PRODUCT_DEFINITIONS = tuple(re.compile(c.pattern) for c in PRODUCT_DEFINITIONS)
_RANDOMISED_TITLE = re.compile(r"(?<!non-)(?<!non)\brandomi[sz]ed\b", re.IGNORECASE)
_RANDOMISED = re.compile(RANDOMISED_DESIGN.pattern, re.IGNORECASE)
_OPENING_RANDOMISED = re.compile(OPENING_RANDOMISED.pattern, re.IGNORECASE)
_ADD_ON_OR_FREE = re.compile(r"^[-\s]*(?:free|naive|naïve|ineligible|unfit|refractory|intolerant)\b", re.IGNORECASE)


@dataclass(frozen=True)
class StudyFrame:
    """What the document is about: a one-study report (its study and therapy) or a review of many studies."""

    kind: str = "review"  # "report" | "review"
    ref: StudyRef = StudyRef()
    therapy: Optional[str] = None
    single_arm: bool = False
    compared: tuple[str, ...] = ()  # the experimental and control treatments a title sets against each other
    strategies: bool = False  # the compared sides are procedures or policies chosen during follow-up, not assigned drugs
    not_studies: frozenset[str] = frozenset()  # mentions that name a drug's code or a group, not a study (names_no_study)
    arm_order: tuple[str, ...] = ()  # a report of three or more arms: its arms in the order it lists them

    @property
    def is_report(self) -> bool:
        """True for a report about one study."""
        return self.kind == "report"


def _title_text(doc: Document) -> tuple[int, int]:
    """Span of the title blocks (else the first block)."""
    titles = [b for b in doc.blocks if b.kind == "title"]
    if titles:
        return titles[0].char_start, max(b.char_end for b in titles if b.page == titles[0].page)
    return (doc.blocks[0].char_start, doc.blocks[0].char_end) if doc.blocks else (0, 0)


def is_review(doc: Document, mentions: Sequence, index: TrialIndex, has_table1: bool) -> bool:
    """A review discusses many studies: it has a Table 1 of studies, many citation markers, or many named trials."""
    if has_table1:
        return True
    if len(CITATION.findall(doc.text)) >= REVIEW_MIN_CITATION_MARKERS:
        return True
    # NER proposals do not count: a press release's 'FOR IMMEDIATE RELEASE', 'LONDON and BOSTON' are no trials
    named = {index.name(m.text) for m in mentions if m.kind != "nct" and getattr(m, "rule", None) != NER_RULE}
    return len(named) >= REVIEW_MIN_NAMED_TRIALS


def _frame_ref(doc: Document, mentions: Sequence, index: TrialIndex, not_studies: frozenset[str] = frozenset()) -> StudyRef:
    """The report's study: named in the title, else in the opening, else its registry number."""
    t0, t1 = _title_text(doc)
    opening_end = t1 + FRAME_OPENING_CHARS
    named = [m for m in mentions if m.kind != "nct"]
    ncts = [m for m in mentions if m.kind == "nct" and m.start < opening_end]
    code = defined_product(doc)
    product = name_key(code or "") or None  # a defined product code names the therapy, not the study
    capitals_only = {n for n in {index.name(m.text) for m in named} if _only_in_capitals_lines(doc.text, n)}
    named = [m for m in named if name_key(m.text) != product and m.text not in not_studies
             and index.name(m.text) not in capitals_only]
    name = next((index.name(m.text) for m in named if t0 <= m.start < t1
                 and not (m.text.isupper() and _GROUP_PREFIXED_NAME.match(doc.text, m.end))), None)
    if name is None:
        title = doc.text[t0:t1]
        for rx, registry in _TITLE_NAMES:
            found = [m.group("name") for m in rx.finditer(title)
                     if _title_name_ok(m.group("name"), registry) and name_key(m.group("name")) != product
                     and not _only_in_capitals_lines(doc.text, m.group("name"))
                     and not names_no_study(doc.text, m.group("name"))
                     and not _GROUP_PREFIXED_NAME.match(title, m.end("name"))]
            if found:
                name = index.name(found[0])
                index.canonical.setdefault(found[0], name)
                break
    if name is None:  # a registry posting's 'Acronym: X' field
        field = _ACRONYM_FIELD.search(doc.text)
        if field and _title_name_ok(field.group("name"), False) and name_key(field.group("name")) != product:
            name = index.name(field.group("name"))
            index.canonical.setdefault(field.group("name"), name)
    if name is None:  # a poster's subtitle line led by the study's acronym: 'TAFFRAIL: primary analysis'
        sub = _block_after_title(doc)
        if sub is not None and DATELINE.match(sub.text) and sub.text.rstrip().endswith("."):
            sub = None  # 'BOSTON - Older adults ... reported.': a news story's dateline lead, not a subtitle
        lead = _SUBTITLE_NAME.match(doc.text, sub.char_start, sub.char_end) if sub is not None else None
        if lead and _title_name_ok(lead.group("name"), False) and not names_no_study(doc.text, lead.group("name")) \
                and rejection_reason(lead.group("name")) is None:
            name = index.name(lead.group("name"))
            index.canonical.setdefault(lead.group("name"), name)
        word = _SUBTITLE_WORD_NAME.match(doc.text, sub.char_start, sub.char_end) if sub is not None and name is None else None
        if word and _may_name_study(word.group("name")):
            name = word.group("name")
            index.canonical.setdefault(name, name)
    if name is None:  # a title calling an ordinary word a study outranks other studies the opening names
        name = _word_name(doc.text, t0, t1, t1)
        if name is not None:
            index.canonical.setdefault(name, name)
    if name is None:
        with_nct = [m for m in named if m.start < opening_end and m.nct]
        name = index.name(with_nct[0].text) if with_nct else _opening_name(doc.text, named, index, opening_end)
        if name is not None and not with_nct:
            word = _word_name(doc.text, t0, t1, opening_end)
            printed = [m.text for m in named if index.name(m.text) == name]
            if word is not None and _designed_in(doc.text, [word], opening_end) \
                    and not _designed_in(doc.text, printed, opening_end):
                name = word  # 'After VIALE-A and QUAZAR, ... In the Larch trial, adults were randomly assigned ...'
                index.canonical.setdefault(name, name)
            elif _unnamed_own_study(doc.text, printed, opening_end) and not _designed_in(doc.text, printed, opening_end):
                name = None  # '(... in the BLAST study) ... In this single-arm phase 2 study, adults ...': BLAST is cited
    if name is None:
        name = _word_name(doc.text, t0, t1, opening_end)
        if name is not None:
            index.canonical.setdefault(name, name)
    nct = index.nct_by_trial.get(name) if name else None
    if nct is None:
        own = [m for m in ncts if not m.canonical or m.canonical.startswith("NCT") or m.canonical == name]
        nct = (own or ncts)[0].nct if (own or ncts) else None
    if name is None and nct is None:
        nct = _registration_anywhere(doc.text, mentions)  # the registry number is often given only in Methods
    if name is None and nct:
        name = _name_glossed_by(doc.text, nct)  # 'Cairn (NCT09123456) enrolled ...'
        if name is not None:
            index.canonical.setdefault(name, name)
    registration = _other_registration(doc.text) if name is None and nct is None else None
    if name is None and (nct or registration):  # 'ACTRN12624000318572': registered outside ClinicalTrials.gov too
        name = _registered_study_name(doc.text, named, index)
    if name is None and nct is None:  # 'Table 1. Main efficacy results of the pivotal study PORTCULLIS'
        name = _captioned_name(doc.text, named, index) or registration
    if name is None and nct is None:
        if not product:
            return StudyRef()
        name = code  # an unnamed, unregistered study goes by its product ('the KCL-19BB study')
    if name is None and nct and product and _leads_title(doc, code) and nct not in _title_paragraph(doc):
        # 'QX-318, an oral menin inhibitor, in ...: a first-in-human study' ('... Cohorts of NCT...' names it by number)
        name = code
        index.canonical.setdefault(name, name)
    name = name or nct
    if nct:
        index.nct_by_trial.setdefault(name, nct)
    return StudyRef(name, nct, index.row_for_trial(name))


def _registered_study_name(text: str, named: Sequence, index: TrialIndex) -> Optional[str]:
    """The name a registered study goes by when its opening gives only the registry number, else None."""
    # '(Funded by ...; NCT...)' in the opening, 'The ASTRAGAL steering committee ...', 'The study, known as KLG-2305' later
    name = next((index.name(m.text) for m in named if m.rule in OWN_STUDY_RULES
                 and not about_other_study(_sentence_around(text, m.start, m.end))), None)
    if name is None:  # ... or 'The PMG 2004 trial randomly assigned 438 patients': a named study run as the report's
        name = next((index.name(m.text) for m in named if m.rule != NER_RULE and m.rule not in NEEDS_SENTENCE_CUE
                     and _OWN_DESIGN.search(sentence := _sentence_around(text, m.start, m.end))
                     and not about_other_study(sentence)), None)
    if name is None:  # ... or 'The Quillon steering committee ...', 'Quillon enrolled 618 adults' later
        name = _own_word_name_anywhere(text)
        if name is not None:
            index.canonical.setdefault(name, name)
    return name or _captioned_name(text, named, index)


def _captioned_name(text: str, named: Sequence, index: TrialIndex) -> Optional[str]:
    """The one study name the document's table captions give ('Table 2. Efficacy, Study QR-1102'), else None."""
    captioned = {index.name(m.text) for m in named if _TABLE_CAPTION_LINE.match(_line_around(text, m.start))}
    return captioned.pop() if len(captioned) == 1 else None


def _in_capitals(text: str, min_letters: int = 0) -> bool:
    """True when the text has min_letters letters or more, 80% of them capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= min_letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _caps_line(text: str, pos: int) -> bool:
    """True when the line holding pos is set in capitals (a title or heading line)."""
    return _in_capitals(_line_around(text, pos), 12)


def _only_in_capitals_lines(text: str, name: str) -> bool:
    """True for a digitless word printed only in lines set in capitals ('RESULTS FROM THE DOSE-ESCALATION PHASE OF A
    FIRST-IN-HUMAN STUDY' names no 'DOSE-ESCALATION' study); a study's acronym is printed in capitals elsewhere too."""
    if any(c.isdigit() for c in name):
        return False
    uses = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text)]
    return bool(uses) and all(_caps_line(text, u) for u in uses)


def names_no_study(text: str, name: str) -> bool:
    """True when the text defines the name as an organisation ('German CLL Study Group (GCLLSG)'; a numbered code it
    also calls a study is the group's study), or gives it as a treatment ('assigned to CPX-351', 'the CPX-351 group')
    at least twice and never as a study ('the CPX-351 trial'): a group's or a drug's code, not the study's name."""
    pattern = re.escape(name)
    studied = re.search(r"(?<![\w-])" + pattern + STUDY_USE_AFTER.pattern, text) \
        or re.search(STUDY_USE_BEFORE.pattern + pattern + r"(?![\w-])", text)
    if re.search(ORGANISATION_ACRONYM.pattern + r"\(\s*" + pattern + r"\s*\)", text):
        # '... Myeloma Group (PMG 2004)' then 'The PMG 2004 trial enrolled ...': the group's numbered study
        return not (studied and any(c.isdigit() for c in name))
    treated = len(re.findall(TREATMENT_USE_BEFORE.pattern + pattern + r"(?![\w-])", text)) \
        + len(re.findall(r"(?<![\w-])" + pattern + TREATMENT_USE_AFTER.pattern, text))
    return treated >= 2 and not studied


def _may_name_study(word: str) -> bool:
    """True unless the word is a listed non-name, a marker, drug or non-trial term, a treatment or an endpoint."""
    return not _WORD_NAME_STOPLIST.match(word) and _title_name_ok(word, False) and not find_arms(word) \
        and not find_endpoints(word)


def _designed_in(text: str, names: Sequence[str], opening_end: int) -> bool:
    """True when a sentence of the opening that uses one of the names tells how the report's study was run."""
    return any(_OWN_DESIGN.search(_sentence_around(text, m.start(), m.end()))
               for name in names for m in _word_uses(text, name) if m.start() < opening_end)


def _unnamed_own_study(text: str, names: Sequence[str], opening_end: int) -> bool:
    """True when the opening describes the report's own study in a sentence naming none of the names ('In this
    single-centre phase 2 study, ...')."""
    for m in _UNNAMED_OWN_STUDY.finditer(text, 0, opening_end):
        sentence = _sentence_around(text, m.start(), m.end())
        if not any(name_key(n) in name_key(sentence) for n in names):
            return True
    return False


def _name_glossed_by(text: str, nct: str) -> Optional[str]:
    """A word the text glosses with the report's own registry number ('Cairn (NCT09123456)') and uses again, else None."""
    for m in _NAME_BEFORE_REGISTRY.finditer(text):
        name = m.group("name")
        if m.group("number") != nct or not _may_name_study(name) \
                or _GLOSSED_TREATMENT.search(text, max(0, m.start() - 40), m.start()) \
                or _TITLE_CASE_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # '... in Older Adults With Mantle Cell Lymphoma (NCT...)' ends a title-case phrase, names no study
        if len(_word_uses(text, name)) >= 2:
            return name
    return None


def _word_uses(text: str, name: str) -> list[re.Match[str]]:
    """Every use of name in text as a whole word ('Cairn', not 'Cairns' or 'Cairn-2')."""
    return list(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def _other_registration(text: str) -> Optional[str]:
    """The one non-ClinicalTrials.gov registry number the document gives outside sentences about other studies."""
    found = {_REGISTRY_LABEL.sub(r"\1 ", re.sub(r"\s+", " ", m.group("number"))) for m in _OTHER_REGISTRY.finditer(text)
             if not about_other_study(_sentence_around(text, m.start(), m.end()))}
    return found.pop() if len(found) == 1 else None


def _registration_anywhere(text: str, mentions: Sequence) -> Optional[str]:
    """The one registry number the document gives outside sentences about other studies, else None."""
    found = set()
    for m in mentions:
        if m.kind != "nct" or not m.nct:
            continue
        if not about_other_study(_sentence_around(text, m.start, m.end)):
            found.add(m.nct)
    return found.pop() if len(found) == 1 else None


def _opening_name(text: str, named: Sequence, index: TrialIndex, opening_end: int) -> Optional[str]:
    """The study the opening names about itself: of the names there, the one the document repeats most."""
    counts: dict[str, int] = {}
    for m in named:
        counts[index.name(m.text)] = counts.get(index.name(m.text), 0) + 1
    candidates = []
    for m in named:
        if m.start >= opening_end:
            break
        sentence = _sentence_around(text, m.start, m.end)
        if not about_other_study(sentence) and not _opens_with_study(sentence, m.text):
            candidates.append(index.name(m.text))
    printed: dict[str, list[str]] = {}
    for m in named:
        printed.setdefault(index.name(m.text), []).append(m.text)
    owned = {index.name(m.text) for m in named if m.rule in OWN_STUDY_RULES}
    # a name given as the report's own ('known as X') or in a sentence telling how the report's study was run outranks
    # names its introduction cites more often
    return max(candidates, key=lambda n: (n in owned, _designed_in(text, printed[n], opening_end), counts[n])) \
        if candidates else None


def _word_name(text: str, t0: int, t1: int, opening_end: int) -> Optional[str]:
    """A study named by an ordinary word in mixed case ('Fenland'): leading a title that announces a study, called a
    study in the title, or led by the title or called a study in the opening and used again elsewhere; None when no
    such word is found."""
    for start, end, shapes in ((t0, t1, _WORD_NAMES[:1]), (t0, opening_end, _WORD_NAMES[1:])):
        for rx in shapes:
            for m in rx.finditer(text[start:end]):
                name = m.group("name")
                if not _may_name_study(name):
                    continue
                at = start + m.start("name")
                rest = text[start + m.end():end]
                if start == t0 and (_TITLE_STUDY_ANNOUNCEMENT.search(rest) or _opens_with_treatment(rest)
                                    or _TITLE_STUDY_ANNOUNCEMENT.search(m.group(0))):  # 'Foxglove Trial: ...'
                    return name
                if rx is not _WORD_NAMES[0] and at < t1:  # the title calls it a study: '...: the Quarry phase 1 study'
                    return name
                others = [o for o in _word_uses(text, name) if o.start() != at]
                if others or (rx.pattern in _EXPLICIT_WORD_NAMES
                              and not about_other_study(_sentence_around(text, at, at + len(name)))):
                    return name
    return None


def _own_word_name_anywhere(text: str) -> Optional[str]:
    """A word the text names as its own study anywhere: in a shape that says so (funding line, byline, steering
    committee), or in a study-name shape within a sentence telling the study's design; None when there is none."""
    for rx, own in [(rx, True) for rx in _WORD_OWN_STUDY] + [(rx, rx.pattern in _EXPLICIT_WORD_NAMES) for rx in _WORD_NAMES[1:]]:
        for m in rx.finditer(text):
            name = m.group("name")
            if not _may_name_study(name):
                continue
            sentence = _sentence_around(text, m.start("name"), m.end("name"))
            if not about_other_study(sentence) and (own or _OWN_DESIGN.search(sentence)):
                return name
    return None


def _opens_with_treatment(text: str) -> bool:
    """True when the text's first words name a treatment ('linvoseltamab and carfilzomib in ...')."""
    head = re.sub(r"(?i)^\s*(?:an?|the)\s+", "", text)[:TITLE_TREATMENT_REACH]
    return any(a.start == 0 for a in find_arms(head))


_TABLE_CAPTION_LINE = re.compile(r"\s*Table(?:\s+\d+)?[.:]\s")


def _line_around(text: str, pos: int) -> str:
    """The line of text holding pos."""
    return text[text.rfind("\n", 0, pos) + 1:(text.find("\n", pos) + 1 or len(text) + 1) - 1]


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or paragraph line) of text holding the span start:end."""
    lo = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[lo:min(stops) if stops else len(text)]


def _opens_with_study(sentence: str, name: str) -> bool:
    """True when the sentence opens by citing the named study ('In BLAST, ...', 'The randomised X trial reported ...')."""
    m = _OTHER_STUDY_OPENING.match(sentence)
    return bool(m) and name_key(m.group("in_name") or m.group("subject_name") or m.group("label_name")) == name_key(name)


def _title_name_ok(name: str, registry: bool) -> bool:
    """A title code names the study unless it is a marker shape, a drug, or a listed non-trial term.

    Drug codes inside a study code (MT103 in MT103-211) do not reject it; a registry keeper does not reject a registry.
    """
    upper = name.upper()
    if any(shape.pattern.match(name) for shape in NON_TRIAL_SHAPES):
        return False
    if any(upper == n.upper() for d in load_drugs() for n in d.names):
        return False
    terms = {t.term.upper(): t.category for t in load_non_trial_terms()}
    return upper not in terms or (registry and terms[upper] == "agency_or_body")


def frame_repeats(text: str, ref: StudyRef, mentions: Sequence, index: TrialIndex) -> list:
    """Mentions of the frame's name written in any case ('Tower' once the report defined 'TOWER')."""
    if not ref.trial or ref.trial.startswith("NCT"):
        return list(mentions)
    core = core_name(ref.trial)
    if len(re.sub(r"\W", "", core)) < 3:
        return list(mentions)
    pieces = [re.escape(p) for p in re.split(r"[\s\-‐‑]+", core) if p]
    rx = re.compile(r"(?<![\w-])" + r"[\s\-‐‑]?".join(pieces) + r"(?![\w-])", re.IGNORECASE)
    out = list(mentions)
    for m in rx.finditer(text):
        if any(k.start < m.end() and m.start() < k.end for k in mentions if k.kind != "nct"):
            continue
        index.canonical.setdefault(m.group(0), ref.trial)
        out.append(_mention(m.start(), m.end(), m.group(0), ref.trial))
    return sorted(out, key=lambda k: (k.start, k.end))


def _mention(start: int, end: int, text: str, canonical: str):
    return TrialMention(start, end, text, canonical, None, "alias", "frame_repeat")


def _single_arm(doc: Document, gazetteer_dir=None, own: StudyRef = StudyRef()) -> bool:
    """A single-arm, expanded-access or registry study, or one whose title and text never randomise its patients."""
    t0, t1 = _title_text(doc)
    if title_comparison(doc) or table_column_arms(doc, gazetteer_dir) or defined_arm_count() >= 2 \
            or any(not about_other_study(_sentence_around(doc.text, m.start(), m.end()))
                   for rx in (_ALLOCATED_TO_ALTERNATIVES, _COMPARISON_COHORT) for m in rx.finditer(doc.text)):
        return False  # two arms set against each other: title, table, defined labels, allocation or a comparison cohort
    if _RANDOMISED_TITLE.search(doc.text[t0:t1]):
        return False  # 'a randomised, open-label, phase 3 trial' in the title outranks a design word in the body
    if any(not about_other_study(_sentence_around(doc.text, m.start(), m.end())) and not _names_other_study(doc.text, m.end(), own)
           for m in _SINGLE_ARM.finditer(doc.text)):
        return True  # 'a previous single-arm study of the combination reported ...' describes another study
    opening = doc.text[t0:t1 + FRAME_OPENING_CHARS]
    return not (_RANDOMISED_TITLE.search(doc.text[t0:t1]) or _RANDOMISED.search(doc.text)
                or any(not about_other_study(_sentence_around(opening, m.start(), m.end()))
                       for m in _OPENING_RANDOMISED.finditer(opening)))


def _names_other_study(text: str, cue_end: int, own: StudyRef) -> bool:
    """True when the design word ending at cue_end names a study that is not the report's own ('the single-arm FELIX
    study' in a report of SORREL)."""
    m = _NAMED_STUDY_AFTER.match(text, cue_end)
    if not m or own.trial is None:
        return False
    name, mine = name_key(m.group("name")), name_key(own.trial)
    return not (name == mine or (len(name) >= 4 and (name in mine or mine in name)))


def _title_versus(doc: Document) -> tuple[str, Optional[re.Match[str]]]:
    """The document's title and the 'versus' that sets its two sides against each other (None when it has none)."""
    t0, t1 = _title_text(doc)
    title = doc.text[t0:t1]
    return title, _TITLE_COMPARISON.search(title)


def title_comparison(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """The two treatments a title sets against each other ('A versus B'), experimental first; else ()."""
    title, versus = _title_versus(doc)
    arms = [a for a in find_arms(title, gazetteer_dir) if a.arm not in GENERIC_ARMS
            and not _ADD_ON_OR_FREE.match(title[a.end:])]  # 'Chemotherapy-free X beats Y' sets X against Y
    found = versus or next(  # 'Elranatamab or Lenalidomide Maintenance after ...'
        (m for m in _TITLE_ALTERNATIVE.finditer(title) if any(a.end == m.start() for a in arms)
         and any(a.start == m.end() for a in arms)), None)
    if not found:
        return ()
    before = [a.arm for a in arms if a.end <= found.start()]
    after = [a.arm for a in arms if a.start >= found.end() and a.arm not in before]
    if before and not after:  # 'Isatuximab Plus Lenalidomide and Dexamethasone Versus Lenalidomide and Dexamethasone'
        backbone = [a.arm for a in arms if a.start >= found.end()]
        added = [arm for arm in before if arm not in backbone]
        return (added[0], backbone[0]) if added and backbone else ()  # the drug added, set against the backbone alone
    return (before[0], after[0]) if before and after else ()


def regimen_comparison(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """The two chemotherapy regimens a title sets against each other, as printed ('dose-adjusted EPOCH-R',
    'R-CODOX-M/R-IVAC'); () unless each side names a regimen (a regimen acronym, or a regimen the lexicon calls
    chemotherapy) and no other treatment."""
    title, found = _title_versus(doc)
    if not found:
        return ()
    sides = []
    for lo, hi in ((0, found.start()), (found.end(), len(title))):
        part = title[lo:hi]
        arms = find_arms(part, gazetteer_dir)
        if any(a.arm != "chemotherapy" for a in arms):
            return ()  # a drug on either side makes it a drug comparison
        regimens = [(m.start(), m.end()) for m in _REGIMEN_ACRONYM.finditer(part)
                    if rejection_reason(m.group(0)) != "non_trial_term" and not _SIDE_CODE.match(m.group(0))]
        regimens += [(a.start, a.end) for a in arms if not _GENERIC_CHEMOTHERAPY.match(part[a.start:a.end])]
        if not regimens:
            return ()
        start, end = (max if lo == 0 else min)(regimens)
        sides.append(part[start:end])
    return tuple(sides) if sides[0].lower() != sides[1].lower() else ()


def acronym_comparator(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """A title setting a named treatment against a regimen acronym the lexicons lack ('CPX-351 versus ADE'): the
    treatment's arm and the acronym as printed; () otherwise."""
    title, found = _title_versus(doc)
    if not found or _in_capitals(title):
        return ()  # a title set in capitals prints every word as an acronym would be
    left = [a for a in find_arms(title[:found.start()], gazetteer_dir) if a.arm not in GENERIC_ARMS and not a.control]
    right = title[found.end():]
    acronym = _REGIMEN_ACRONYM.match(right.lstrip())
    if not left or acronym is None or find_arms(right, gazetteer_dir) or _SIDE_CODE.match(acronym.group(0)) \
            or rejection_reason(acronym.group(0)) == "non_trial_term" or find_endpoints(acronym.group(0)):
        return ()
    return left[0].arm, acronym.group(0)


def _transplant_side(title: str, found: re.Match[str]) -> Optional[tuple[int, int]]:
    """The span of the title's side that is not the transplant procedure, when the other side of `found` is one."""
    if _TRANSPLANT_COMPARATOR.match(title[found.end():]):
        return 0, found.start()
    left = _TRANSPLANT_COMPARATOR.match(title)
    if left and not title[left.end():found.start()].strip():
        return found.end(), len(title)  # 'Autologous transplantation or axicabtagene ciloleucel for ...'
    return None


def transplant_comparison(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """A title's treatment and the transplant procedure it is compared with, in the title's order ('A Versus Autologous
    Stem-Cell Transplantation', 'Autologous transplantation or A'), the procedure named as the report abbreviates it; a
    title naming only the treatment's class ('CAR-T consolidation beats autologous transplant') takes the opening's;
    else ()."""
    title, versus = _title_versus(doc)
    cues = [versus] if versus else list(_TITLE_ALTERNATIVE.finditer(title))
    side = next((span for span in (_transplant_side(title, cue) for cue in cues) if span), None)
    if side is None:
        return ()
    t0, t1 = _title_text(doc)
    for text, ranks in ((title[side[0]:side[1]], (0, 1, 2)), (doc.text[t1:t1 + FRAME_OPENING_CHARS], (0,)),
                        (doc.text[t1:t1 + FRAME_OPENING_CHARS], (0, 1))):
        treatments = [a.arm for a in find_arms(text, gazetteer_dir) if a.arm not in GENERIC_ARMS and not a.control
                      and a.rank in ranks and a.arm not in LYMPHODEPLETING_AGENTS]
        if treatments:
            procedure = transplant_arm_name(title, doc.text)
            return (treatments[0], procedure) if side[0] == 0 else (procedure, treatments[0])
    return ()


def route_comparison(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """The drug by each of two routes a title sets against each other ('subcutaneous blinatumomab', 'intravenous
    blinatumomab'), or () when the title sets no routes of one drug against each other."""
    title, _ = _title_versus(doc)
    m = _ROUTE_COMPARISON.search(title)
    if m is None or m.group("first").lower() == m.group("second").lower():
        return ()
    drugs = [a.arm for a in find_arms(title[m.end():], gazetteer_dir) if a.arm not in GENERIC_ARMS and not a.control]
    return (f"{m.group('first').lower()} {drugs[0]}", f"{m.group('second').lower()} {drugs[0]}") if drugs else ()


def radiotherapy_comparison(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """A title's treatment and the radiotherapy it would replace or is set against ('Can chemotherapy with A replace
    radiotherapy ...?'), or () when the title sets no treatment against radiotherapy."""
    title, _ = _title_versus(doc)
    cue = _RADIOTHERAPY_ALTERNATIVE.search(title)
    if cue is None:
        return ()
    treatments = [a.arm for a in find_arms(title[:cue.start()], gazetteer_dir)
                  if a.arm not in GENERIC_ARMS and not a.control and a.arm not in LYMPHODEPLETING_AGENTS]
    return (treatments[0], RADIOTHERAPY_ARM) if treatments else ()


def defined_product(doc: Document) -> Optional[str]:
    """A product code the title or opening defines by apposition ('KCL-19BB, an academic CAR T-cell product')."""
    t0, t1 = _title_text(doc)
    opening = doc.text[t0:t1 + FRAME_OPENING_CHARS]
    for rx in _PRODUCT_DEFINITIONS:
        m = rx.search(opening)
        if m:
            return m.group("code")
    return None


def _block_after_title(doc: Document):
    """The block typeset right after the title (a subtitle, or the rest of a long title), None when none is near it."""
    t1 = _title_text(doc)[1]
    after = next((b for b in doc.blocks if b.char_start >= t1 and b.kind != "title"), None)
    return after if after is not None and after.char_start - t1 <= SUBTITLE_REACH else None


def _title_paragraph(doc: Document) -> str:
    """The title with the block typeset right after it (a long title wraps into a block of its own, or a subtitle)."""
    t0, t1 = _title_text(doc)
    after = _block_after_title(doc)
    return doc.text[t0:after.char_end if after is not None else t1]


def _leads_title(doc: Document, code: Optional[str]) -> bool:
    """True when the title opens with the code ('QX-318, an oral menin inhibitor, in ...')."""
    t0, t1 = _title_text(doc)
    return bool(code) and doc.text[t0:t1].lstrip().startswith(code)


def name_key(name: str) -> str:
    """A name compared without case or punctuation ('KCL-19BB' and 'kcl 19bb' are 'KCL19BB')."""
    return re.sub(r"\W", "", name).upper()


def _opening_arms(doc: Document, gazetteer_dir=None) -> tuple[str, ...]:
    """A randomised report's experimental and control arms: the first core treatment and the first control arm that
    its title and opening name ('blinatumomab ... chemotherapy'); () when either is missing."""
    t0, t1 = _title_text(doc)
    opening = doc.text[t0:t1 + FRAME_OPENING_CHARS]
    arms = [a for a in find_arms(opening, gazetteer_dir) if a.arm not in GENERIC_ARMS
            and not _ADD_ON_OR_FREE.match(opening[a.end:])]
    experimental = next((a.arm for rank in (0, 1) for a in arms if a.rank == rank and not a.control), None)
    control = _compared_with(opening, arms, experimental) \
        or next((a.arm for a in arms if a.control and a.arm != "control"), None)
    return (experimental, control) if experimental and control else ()


def _compared_with(text: str, arms: Sequence, experimental: Optional[str]) -> Optional[str]:
    """The treatment the opening compares the study's with ('X was compared with lenalidomide and rituximab (R2)'):
    of the treatments named right after the first comparison, the one combining the most drugs; else None."""
    for cue in _COMPARED_WITH.finditer(text):
        after = [a for a in arms if cue.end() <= a.start <= cue.end() + COMPARED_WITH_REACH and a.arm != experimental
                 and a.arm != "control" and a.rank <= 2]
        if after:
            return max(after, key=lambda a: (a.arm.count("-"), -a.start)).arm
    return None


def study_therapy(doc: Document, gazetteer_dir=None, own: StudyRef = StudyRef()) -> Optional[str]:
    """The study treatment: a product the opening defines, else the first non-control treatment of the title or opening
    that is not the study's own name ('Study TQM-301' has a product code's shape)."""
    product = defined_product(doc)
    if product:
        return product.lower()
    own_key = name_key(own.trial or "")
    t0, t1 = _title_text(doc)
    # a core product (lexicon or coded construct) outranks gazetteer drugs such as conditioning chemotherapy
    for ranks in ((0,), (0, 1)):
        for start, end in ((t0, t1), (t1, t1 + FRAME_OPENING_CHARS)):
            text = doc.text[start:end]
            for arm in find_arms(text, gazetteer_dir):
                if arm.control or arm.arm in GENERIC_ARMS or arm.rank not in ranks or _ADD_ON_OR_FREE.match(text[arm.end:]) \
                        or (own_key and name_key(arm.arm) == own_key) \
                        or _cites_another_study(_sentence_around(doc.text, start + arm.start, start + arm.end), own) \
                        or (arm.arm in LYMPHODEPLETING_AGENTS and _LYMPHODEPLETION.search(doc.text)):
                    continue  # 'In the earlier TOWER trial, blinatumomab gave ...' names another study's treatment
                return arm.arm
    return None


def _cites_another_study(sentence: str, own: StudyRef) -> bool:
    """True when the sentence is about another study, or names one other than the report's own once that is known
    ('... 91% in the ZUMA-2 study')."""
    if about_other_study(sentence):
        return True
    own_keys = {name_key(x) for x in (own.trial, own.nct) if x}
    return bool(own_keys) and any(m.kind != "nct" and name_key(m.canonical or m.text) not in own_keys
                                  for m in find_trial_mentions(sentence))


def document_scope(doc: Document) -> str:
    """The document's text with its tables' captions, headers and cells, which are not all in the text."""
    return "\n".join([doc.text, *(t.caption or "" for t in doc.tables), *(h or "" for t in doc.tables for h in t.header),
                      *(c.text for t in doc.tables for row in t.rows for c in row)])


def study_frame(doc: Document, mentions: Sequence, index: TrialIndex, has_table1: bool,
                gazetteer_dir=None) -> StudyFrame:
    """Decide from the document itself whether it reports one study, and which study and therapy.

    Also holds the document's strategy arms for `find_arms` (`strategy_arms.set_document_strategies`).
    """
    set_document_strategies(document_strategies("", ""))
    if not doc.text or is_review(doc, mentions, index, has_table1):
        return StudyFrame()
    t0, t1 = _title_text(doc)
    strategies = set_document_strategies(document_strategies(doc.text[t0:t1], doc.text,
                                                             [h or "" for t in doc.tables for h in t.header],
                                                             document_scope(doc)))
    not_studies = frozenset(m.text for m in mentions if m.kind != "nct" and names_no_study(doc.text, m.text))
    ref = _frame_ref(doc, mentions, index, not_studies)
    compared = strategies.compared
    if compared:  # a comparison of procedures or policies (transplant vs none) is a two-arm frame
        return StudyFrame("report", ref, None, False, compared, True, not_studies)
    regimens = regimen_comparison(doc, gazetteer_dir)
    if regimens:  # 'DA-EPOCH-R versus R-CODOX-M/R-IVAC': two chemotherapy regimens, each named as printed
        left, right = (_DOSE_ADJUSTED.sub("", r) for r in regimens)  # 'dose-adjusted EPOCH-R' is also 'DA-EPOCH-R'
        experimental, control = (("da-" if _DOSE_ADJUSTED.match(printed) else "") + bare.lower()
                                 for printed, bare in zip(regimens, (left, right)))
        return _procedure_frame(ref, strategies, (experimental, control), (
            (_regimen_pattern(left), experimental, False), (_regimen_pattern(right), control, True)), not_studies)
    acronym = acronym_comparator(doc, gazetteer_dir)
    if acronym:  # 'CPX-351 versus ADE': the comparator regimen named as printed wherever the text names it
        control = acronym[1].lower()
        return _procedure_frame(ref, strategies, (acronym[0], control),
                                ((_regimen_pattern(acronym[1]), control, True),), not_studies)
    transplant = transplant_comparison(doc, gazetteer_dir)
    if transplant:  # 'cilta-cel versus ASCT': every mention of the procedure names its arm, the control when second
        procedure_first = transplant[0] == transplant_arm_name(doc.text[t0:t1], doc.text)
        return _procedure_frame(ref, strategies, transplant, tuple(
            (rx, transplant[0 if procedure_first else 1], not procedure_first) for rx in _TRANSPLANT_TERMS), not_studies)
    routes = route_comparison(doc, gazetteer_dir)
    if routes:  # 'Subcutaneous versus Continuous Intravenous Blinatumomab': 'SC', 'the IV arm' name the sides
        return _procedure_frame(ref, strategies, routes, tuple(
            (_ROUTE_TERMS[side.split(" ")[0]], side, i == 1) for i, side in enumerate(routes)), not_studies)
    radiotherapy = radiotherapy_comparison(doc, gazetteer_dir)
    if radiotherapy:  # 'Can A replace radiotherapy?': every mention of radiotherapy names the control side
        return _procedure_frame(ref, strategies, radiotherapy,
                                tuple((rx, RADIOTHERAPY_ARM, True) for rx in _RADIOTHERAPY_TERMS), not_studies)
    single = _single_arm(doc, gazetteer_dir, ref)
    compared = title_comparison(doc, gazetteer_dir) or (
        () if single else _opening_arms(doc, gazetteer_dir) or table_column_arms(doc, gazetteer_dir)[:2])
    if len(compared) == 2 and compared[0]:  # 'with the combination', 'the experimental arm' name its first side
        set_document_strategies(replace(strategies, terms=strategies.terms + ((_EXPERIMENTAL_REFERENCE, compared[0], False),)))
    return StudyFrame("report", ref, study_therapy(doc, gazetteer_dir, ref) if single else None, single, compared,
                      not_studies=not_studies, arm_order=() if single else study_arm_order(doc, gazetteer_dir))


def _procedure_frame(ref: StudyRef, strategies, compared: tuple[str, ...], terms: tuple, not_studies) -> StudyFrame:
    """A two-arm frame whose sides the lexicons do not name (a procedure, a regimen as printed): the sides' terms, and
    'the experimental arm' naming the first side, join the document's strategy arms."""
    set_document_strategies(replace(strategies, terms=strategies.terms + terms
                                    + ((_EXPERIMENTAL_REFERENCE, compared[0], False),)))
    return StudyFrame("report", ref, None, False, compared, not_studies=not_studies)


def _regimen_pattern(regimen: str) -> re.Pattern[str]:
    """A regimen as printed, with or without its dose-adjusted prefix ('dose-adjusted EPOCH-R', 'DA-EPOCH-R')."""
    return re.compile(r"(?<![\w-])(?:dose-adjusted\s+|DA-)?" + re.escape(regimen) + r"(?![\w-])", re.IGNORECASE)


def about_other_study(sentence: str) -> bool:
    """True when a report's sentence is about another study (an earlier or historical one), not its own."""
    sentence = _CITING_HEADING.sub("", sentence, count=1)
    if _OWN_STUDY.search(sentence):
        return False
    return any(rx.search(sentence) for rx in _OTHER_STUDY) or bool(CITATION.search(sentence))


def _opens_with_other_study(sentence: str, frame: StudyFrame) -> bool:
    """True when the sentence opens with a study name that is not the report's own ('In MajesTEC-1, ...')."""
    m = _OTHER_STUDY_OPENING.match(sentence)
    if not m:
        return False
    printed = m.group("in_name") or m.group("subject_name") or m.group("label_name")
    reason = rejection_reason(printed)
    if (reason is not None and not (reason == "not_an_acronym" and _NUMBERED_STUDY.match(printed))) \
            or find_endpoints(printed):  # 'In CR1, ...', 'CRS occurred'; 'In KarMMa-3, ...' is a numbered study
        return False
    name = name_key(printed)
    own = {name_key(x) for x in (frame.ref.trial, frame.ref.nct) if x}
    return not any(name == o or (len(name) >= 4 and (name in o or o in name)) for o in own)


def _names_numbered_other_study(sentence: str, frame: StudyFrame) -> bool:
    """True when the sentence names a mixed-case numbered study that is not the report's ('63% in MajesTEC-1')."""
    own = {name_key(x) for x in (frame.ref.trial, frame.ref.nct) if x}
    for m in _MIXED_CASE_NUMBERED.finditer(sentence):
        name = m.group(0)
        if _NUMBERED_STUDY.match(name) and name_key(name) not in own and not find_endpoints(name) and not find_arms(name):
            return True
    return False


def report_refs(facts: Sequence[SentenceFacts], frame: StudyFrame) -> list[Optional[StudyRef]]:
    """Each sentence's study in a one-study report: the frame, or None for a sentence about another study.

    Figures of another study, named or not, are not results of the report (GUIDE.md: they are distractors).
    """
    out: list[Optional[StudyRef]] = []
    for f in facts:
        own = [n for n in f.names if n[1] == frame.ref.trial or (n[2] and n[2] == frame.ref.nct)]
        if f.names and not own or _opens_with_other_study(f.text, frame) or _PRECEDING_STUDY.search(f.text) \
                or _names_numbered_other_study(f.text, frame):
            out.append(None)
        elif not own and about_other_study(f.text) or any(rx.search(f.text) for rx in _NON_RESULT) \
                or (not own and _other_drug_gave(f.text, frame)):
            out.append(None)
        else:
            out.append(frame.ref)
    return out


def _other_drug_gave(sentence: str, frame: StudyFrame) -> bool:
    """True in a single-arm report when a drug other than the study's therapy is the subject of the sentence's result
    ('As a single agent, zanubrutinib gave an overall response rate of 68%')."""
    if not frame.single_arm or not frame.therapy:
        return False
    therapy = frame.therapy.lower()
    for arm in find_arms(sentence):
        if arm.arm not in GENERIC_ARMS and not arm.control \
                and not any(part in therapy for part in arm.arm.lower().split("-")) \
                and _DRUG_GAVE.match(sentence, arm.end):
            return True
    return False
