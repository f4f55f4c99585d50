"""Compose one synthetic clinical-trial article or short review, deterministic for its seed, within 2-12 pages."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.corpus_layout import Flow, Style
from bench.corpus_tables import (
    baseline_table, efficacy_table, labels_wrap, review_safety_table, safety_table, summary_table,
)
from tests.fixtures.make_pdfs import TableSpec
from bench.corpus_prose import BACKGROUND, DISCUSSION, METHODS, SAFETY, Prose
from bench.corpus_text import Numbers, Study, make_study, paragraphs, results_sentences
from bench.corpus_vocab import BODY_FONT_WEIGHTS, BODY_FONTS, CENTERS, INITIALS, JOURNALS, SURNAMES

MIN_PAGES, MAX_PAGES = 2, 12
LAYOUTS = ("one-column", "two-column")
TABLE_STYLES = ("ruled", "booktabs")
KINDS = ("trial", "review")
BUDGET_SCALES = (1.0, 0.75, 0.5, 0.3)
"""Shrinking content budgets tried in turn when a document overshoots MAX_PAGES."""


@dataclass
class Built:
    """A composed PDF and what the manifest records about it."""

    pdf: object
    kind: str
    layout: str
    table_style: str
    body_font: str
    body_size: float
    tables: list[dict] = field(default_factory=list)


def _style(rng: random.Random, layout: str) -> tuple[Style, Numbers, str]:
    abbrev, _ = rng.choice(JOURNALS)
    year, volume = rng.randint(2018, 2025), rng.randint(3, 48)
    first_page = rng.randint(1, 2400)
    font = rng.choices(BODY_FONTS, BODY_FONT_WEIGHTS)[0]
    two = layout == "two-column"
    size = rng.choice((8.5, 9.0, 9.5, 10.0) if two else (9.5, 10.0, 10.5, 11.0))
    if font == "Courier":
        size -= 1.0
    author = rng.choice(SURNAMES)
    footer = rng.choice(("{folio}", "Page {page} of {{nb}}", f"{abbrev} {year}; {volume}: " + "{folio}"))
    style = Style(columns=2 if two else 1, margin=rng.choice((48.0, 54.0, 60.0)), body_font=font, body_size=size,
                  leading=round(size * rng.uniform(1.18, 1.32), 2),
                  heading_font=rng.choice((font, "Helvetica")), head_left=f"{abbrev} {year}; {volume}: {first_page}",
                  first_page=first_page,
                  head_right=f"{author} et al.", footer=footer, header_rule=rng.random() < 0.5,
                  indent=rng.random() < 0.5)
    return style, Numbers(rng), author


def _front_matter(flow: Flow, rng: random.Random, title: str, author: str, abstract: list[tuple[str, str]]) -> None:
    style = flow.style
    flow.banner(title, style.heading_font, "B", style.body_size + 6, style.body_size + 9)
    flow.y += 4
    names = [author] + rng.sample(SURNAMES, rng.randint(3, 7))
    authors = ", ".join(f"{rng.choice(INITIALS)}. {name}" for name in names[:-1]) + f" and {rng.choice(INITIALS)}. {names[-1]}"
    flow.banner(authors, style.body_font, "", style.body_size + 1, style.body_size + 4)
    flow.banner("; ".join(rng.sample(CENTERS, 2)), style.body_font, "I", 8, 10)
    flow.y += 8
    flow.banner("Abstract", style.heading_font, "B", style.body_size + 1, style.body_size + 4)
    for label, text in abstract:
        flow.banner(f"{label}: {text}" if label else text, style.body_font, "", style.body_size - 0.5,
                    style.leading * 0.95)
    flow.banner("Keywords: acute lymphoblastic leukemia; immunotherapy; clinical trial; survival",
                style.body_font, "I", style.body_size - 1, style.leading)
    flow.y += 10
    flow.column_top = flow.y


class Headings:
    """Section numbering in the journal's style: '2.1. Patients', 'PATIENTS' or 'Patients'."""

    def __init__(self, rng: random.Random):
        self.form = rng.choice(("numbered", "upper", "plain"))
        self.section = self.sub = 0

    def __call__(self, flow: Flow, text: str, level: int = 1) -> None:
        if level == 1:
            self.section, self.sub = self.section + 1, 0
            number = f"{self.section}. "
        else:
            self.sub += 1
            number = f"{self.section}.{self.sub}. "
        if self.form == "numbered":
            text = number + text
        elif self.form == "upper" and level == 1:
            text = text.upper()
        flow.heading(text, level)


def _write(flow: Flow, rng: random.Random, sentences: list[str]) -> None:
    for text in paragraphs(sentences, rng):
        flow.paragraph(text)


def _discuss(flow: Flow, rng: random.Random, fmt: Numbers, prose: Prose, study: Study, lead: Study) -> None:
    """A paragraph or two on a study: its opening, every result, and a remark."""
    _write(flow, rng, [prose.opening(study), *results_sentences(study, fmt, rng, True),
                       *prose.take(DISCUSSION, rng.randint(0, 1), lead)])


def _other_study(rng: random.Random, used: set[str], references: list[Study]) -> Study:
    study = make_study(rng, used, str(len(references) + 1))
    references.append(study)
    return study


def _top_up(flow: Flow, rng: random.Random, fmt: Numbers, prose: Prose, target: int, used: set[str], lead: Study,
            references: list[Study]) -> None:
    """Discuss further (earlier) studies until the target page is reached."""
    while flow.page < target:
        _discuss(flow, rng, fmt, prose, _other_study(rng, used, references), lead)


def _references(flow: Flow, rng: random.Random, studies: list[Study]) -> None:
    style = flow.style
    flow.heading("References")
    size = style.body_size - 1.5
    for number, study in enumerate(studies, 1):
        authors = ", ".join(f"{rng.choice(SURNAMES)} {rng.choice(INITIALS)}" for _ in range(3))
        text = (f"{number}. {authors}, et al. {_title_of(study, rng)}. "
                f"{rng.choice(JOURNALS)[1]}. {rng.randint(2009, 2024)};{rng.randint(2, 140)}:"
                f"{rng.randint(100, 999)}-{rng.randint(1000, 1999)}.")
        lines = flow.widths.wrap(text, flow.column_width, style.body_font, "", size)
        if flow.page >= MAX_PAGES and not flow.fits(len(lines) * size * 1.2):
            break
        flow.lines(lines, style.body_font, "", size, size * 1.2)


def _title_of(study: Study, rng: random.Random) -> str:
    drug = study.agent.short[0].upper() + study.agent.short[1:]
    if study.control:
        return rng.choice((f"{drug} versus {study.control} in {study.setting[0]}: the {study.name} randomized trial",
                           f"{drug} or {study.control} for {study.setting[0]} ({study.name})"))
    return rng.choice((f"{drug} in {study.setting[0]}: results of the phase 2 {study.name} study",
                       f"Efficacy and safety of {study.agent.short} in {study.setting[0]}: the {study.name} trial"))


def _trial(flow: Flow, rng: random.Random, fmt: Numbers, built: Built, target: int, scale: float, author: str) -> None:
    used: set[str] = set()
    prose = Prose(rng)
    study = make_study(rng, used, "1")
    references = [study]
    ruled = built.table_style == "ruled"
    results = results_sentences(study, fmt, rng, True)
    abstract = [("Background", " ".join(prose.take(BACKGROUND, 2, study))),
                ("Methods", " ".join(prose.take(METHODS, 2, study))),
                ("Results", " ".join(results[:4])),
                ("Conclusions", " ".join(prose.take(DISCUSSION, 1, study)))]
    _front_matter(flow, rng, _title_of(study, rng), author, abstract)
    heading = Headings(rng)
    heading(flow, "Introduction")
    _write(flow, rng, prose.take(BACKGROUND, round((3 + target / 2) * scale), study))
    for _ in range(int(target / 4 * scale)):
        _discuss(flow, rng, fmt, prose, _other_study(rng, used, references), study)
    heading(flow, "Methods")
    methods = prose.take(METHODS, round((4 + target) * scale), study)
    heading(flow, "Patients and Treatment", 2)
    _write(flow, rng, methods[:len(methods) // 2 + 1])
    heading(flow, "End Points and Statistical Analysis", 2)
    _write(flow, rng, methods[len(methods) // 2 + 1:] or prose.take(METHODS, 1, study))
    heading(flow, "Results")
    heading(flow, "Patients", 2)
    flow.paragraph(results[0] + " Baseline characteristics are shown in Table 1.")
    narrow = flow.column_width
    wide = flow.full_width if study.control else narrow
    _table(flow, built, _fitted(lambda w: baseline_table(study, flow.widths, w, rng), narrow, flow, ruled), ruled, "Table 1.",
           "Baseline characteristics of the patients.", "Percentages may not total 100 because of rounding.")
    heading(flow, "Efficacy", 2)
    _table(flow, built, _fitted(lambda w: efficacy_table(study, fmt, flow.widths, w), wide, flow, ruled), ruled, "Table 2.",
           "Efficacy end points in the intention-to-treat population.",
           "CI denotes confidence interval, CR complete remission, CRi incomplete hematologic recovery, "
           "EFS event-free survival, OS overall survival, and RFS relapse-free survival.")
    _write(flow, rng, results[1:] + ["Efficacy end points are summarized in Table 2."])
    heading(flow, "Safety", 2)
    _write(flow, rng, prose.take(SAFETY, rng.randint(2, 5), study))
    if rng.random() < 0.6:
        _table(flow, built, _fitted(lambda w: safety_table(study, flow.widths, w, rng), wide, flow, ruled), ruled,
               "Table 3.",
               "Adverse events in the safety population, no. (%).", "")
    heading(flow, "Discussion")
    _write(flow, rng, prose.take(DISCUSSION, round((3 + target / 3) * scale), study))
    _top_up(flow, rng, fmt, prose, target, used, study, references)
    _references(flow, rng, references)


def _review(flow: Flow, rng: random.Random, fmt: Numbers, built: Built, target: int, scale: float, author: str) -> None:
    used: set[str] = set()
    prose = Prose(rng)
    studies = [make_study(rng, used, str(k + 1)) for k in range(rng.randint(3, 7))]
    references = list(studies)
    lead = studies[0]
    agents = sorted({s.agent.short for s in studies})
    title = rng.choice((f"Novel immunotherapies in acute lymphoblastic leukemia: a review of {len(studies)} trials",
                        f"The evolving role of {agents[0]} and other targeted agents in B-cell ALL",
                        "Optimal use of targeted agents in B-cell precursor ALL: where do we stand?"))
    summary = [f"We review {len(studies)} clinical trials of {', '.join(agents)} in acute lymphoblastic leukemia.",
               *results_sentences(lead, fmt, rng, True)[1:3]]
    _front_matter(flow, rng, title, author, [("", " ".join(summary))])
    heading = Headings(rng)
    heading(flow, "Introduction")
    _write(flow, rng, prose.take(BACKGROUND, round((4 + target / 2) * scale), lead))
    heading(flow, "Clinical Trials of Targeted Agents")
    ruled = built.table_style == "ruled"
    _table(flow, built, summary_table(studies, fmt, flow.widths, flow.full_width), ruled, "Table 1.",
           "Summary of the main clinical studies of the reviewed agents.",
           "ChT, chemotherapy; CR, complete remission; CRi, CR with incomplete hematologic recovery; "
           "EFS, event-free survival; OS, overall survival; RFS, relapse-free survival.")
    for study in studies:
        heading(flow, f"The {study.name} Trial", 2)
        _discuss(flow, rng, fmt, prose, study, lead)
    if rng.random() < 0.5:
        _table(flow, built, review_safety_table(studies, flow.widths, flow.full_width, rng), ruled, "Table 2.",
               "Immune-related toxicities reported in the reviewed studies.", "CRS, cytokine release syndrome.")
    heading(flow, "Discussion and Future Directions")
    _write(flow, rng, prose.take(DISCUSSION, round((3 + target / 3) * scale), lead))
    _top_up(flow, rng, fmt, prose, target, used, lead, references)
    _references(flow, rng, references)


def _fitted(build, width: float, flow: Flow, ruled: bool) -> TableSpec:
    """The table at `width`, or full width when a booktabs table's row labels would wrap in a column."""
    table = build(width)
    if not ruled and labels_wrap(table) and width < flow.full_width:
        table = build(flow.full_width)
    return table


def _table(flow: Flow, built: Built, table_spec, ruled: bool, label: str, caption: str, footnote: str) -> None:
    placed: dict = {}
    built.tables.append({"label": label.rstrip("."), "style": "ruled" if ruled else "booktabs",
                         "rows": len(table_spec.rows), "columns": len(table_spec.widths), "placed": placed})
    flow.table(table_spec, ruled, (label, caption), footnote, placed)


def _compose(seed: int, scale: float) -> Built:
    rng = random.Random(seed)
    kind = rng.choices(KINDS, (0.65, 0.35))[0]
    layout = rng.choice(LAYOUTS)
    table_style = rng.choice(TABLE_STYLES)
    target = rng.randint(MIN_PAGES, MAX_PAGES)
    style, fmt, author = _style(rng, layout)
    flow = Flow(style)
    built = Built(None, kind, layout, table_style, style.body_font, style.body_size)
    (_trial if kind == "trial" else _review)(flow, rng, fmt, built, target, scale, author)
    built.pdf = flow.finish()
    for table in built.tables:
        table["page"] = table.pop("placed").get("page")
    return built


def build_document(seed: int) -> Built:
    """Compose the document for `seed`, shrinking its content until it fits MAX_PAGES."""
    for scale in BUDGET_SCALES:
        built = _compose(seed, scale)
        if MIN_PAGES <= built.pdf.pages_count <= MAX_PAGES:
            return built
    raise RuntimeError(f"seed {seed}: {built.pdf.pages_count} pages even at the smallest budget; "
                       f"the page budget in bench/corpus_docs.py needs adjusting")
