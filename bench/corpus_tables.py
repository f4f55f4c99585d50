"""Results, baseline, safety and study-summary tables for the synthetic corpus, as the fixtures' TableSpec."""
from __future__ import annotations

import random

from bench.corpus_layout import CELL_PAD, TABLE_FONT, TABLE_SIZE, Widths
from bench.corpus_text import Numbers, Study
from bench.corpus_vocab import BASELINE_ROWS, SAFETY_ROWS
from tests.fixtures.make_pdfs import TableSpec

SUMMARY_HEADER = ("Trial/Study [Reference]", "Setting", "Study Design", "Total Patients", "Treatment", "Main Results")
"""The review's per-study Table 1 header, the shape the pipeline mirrors into v_table1."""
SUMMARY_WEIGHTS = (0.16, 0.15, 0.13, 0.15, 0.19, 0.22)


FIRST_COLUMN_MAX = 0.55
"""Largest share of a table's width the label column may take to keep its labels on one line."""


def spec(widths: Widths, total: float, weights: tuple[float, ...], header: list[str], rows: list[list[str]]) -> TableSpec:
    """A TableSpec whose cells are wrapped to columns sharing `total` points by `weights`.

    The label column is widened, up to FIRST_COLUMN_MAX of the width, so that its labels fit on one line.
    """
    longest = max(widths.width(row[0], TABLE_FONT, "", TABLE_SIZE) for row in rows) + 2 * CELL_PAD + 2
    first = min(max(weights[0] / sum(weights) * total, longest), FIRST_COLUMN_MAX * total)
    rest = (total - first) / sum(weights[1:])
    column_widths = (round(first, 1), *(round(w * rest, 1) for w in weights[1:]))

    def cells(texts: list[str], emphasis: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(widths.wrap(text, w - 2 * CELL_PAD - 1, TABLE_FONT, emphasis, TABLE_SIZE) or ("",))
                     for text, w in zip(texts, column_widths))

    return TableSpec(column_widths, cells(header, "B"), tuple(cells(row, "") for row in rows))


def labels_wrap(table: TableSpec) -> bool:
    """Whether a row label needs a second line (booktabs rows then lose their only separator: the label)."""
    return any(len(row[0]) > 1 for row in table.rows)


def _arm_headers(study: Study) -> list[str]:
    first, second = study.arm_sizes
    drug = study.agent.short[0].upper() + study.agent.short[1:]
    if second is None:
        return [f"{drug} (N={first})"]
    return [f"{drug} (N={first})", f"{study.control[0].upper()}{study.control[1:]} (N={second})"]


def baseline_table(study: Study, widths: Widths, total: float, rng: random.Random) -> TableSpec:
    """Table 1 of a trial report: baseline characteristics per arm."""
    arms = _arm_headers(study)
    rows = []
    for label, kind in rng.sample(BASELINE_ROWS, rng.randint(4, len(BASELINE_ROWS))):
        row = [label]
        for size in (n for n in study.arm_sizes if n):
            if kind == "age":
                row.append(f"{rng.randint(8, 62)} ({rng.randint(1, 18)}–{rng.randint(70, 84)})")
            else:
                count = rng.randint(1, size)
                row.append(f"{count} ({100 * count / size:.1f})")
        rows.append(row)
    return spec(widths, total, (0.5,) + (0.25,) * len(arms), ["Characteristic", *arms], rows)


def efficacy_table(study: Study, fmt: Numbers, widths: Widths, total: float) -> TableSpec:
    """Efficacy end points per arm with CIs, hazard ratios and P values."""
    randomized = study.arm_sizes[1] is not None
    rows = []
    for result in study.rates:
        ep = result.endpoint
        row = [f"{ep.short}, no. (%)", f"{result.responders} ({fmt.dec(result.experimental)})"]
        if randomized:
            responders = round(study.arm_sizes[1] * result.control / 100)
            row += [f"{responders} ({fmt.dec(result.control)})", "—", fmt.p(result.p.removeprefix("P=").removeprefix("P"))]
        else:
            row.append(fmt.ci(max(1.0, result.experimental - 9), min(99.0, result.experimental + 9)))
        rows.append(row)
    for result in study.times:
        ep = result.endpoint
        median = f"{fmt.dec(result.median)} ({fmt.ci(*result.median_ci)})"
        landmark = f"{fmt.dec(result.landmark)}"
        if randomized:
            hr, low, high = result.hr
            rows.append([f"Median {ep.short} (95% CI), mo", median, fmt.dec(result.control_median),
                         f"{fmt.dec(hr, 2)} ({fmt.ci(low, high, 2)})", fmt.p(result.p.removeprefix("P=").removeprefix("P"))])
            rows.append([f"{result.landmark_months}-mo {ep.short}, %", landmark, fmt.dec(result.control_landmark), "", ""])
        else:
            rows.append([f"Median {ep.short} (95% CI), mo", median, "—"])
            rows.append([f"{result.landmark_months}-mo {ep.short}, % (95% CI)", landmark, fmt.ci(*result.landmark_ci)])
    header = ["End point", *_arm_headers(study)]
    if randomized:
        return spec(widths, total, (0.3, 0.19, 0.19, 0.2, 0.12), header + ["Hazard ratio (95% CI)", "P value"], rows)
    return spec(widths, total, (0.44, 0.28, 0.28), header + ["95% CI"], rows)


def safety_table(study: Study, widths: Widths, total: float, rng: random.Random) -> TableSpec:
    """Adverse events of any grade and of grade 3 or higher, per arm."""
    rows = []
    for event in rng.sample(SAFETY_ROWS, rng.randint(3, 6)):
        row = [event]
        for size in (n for n in study.arm_sizes if n):
            any_grade = rng.randint(1, max(2, size // 2))
            severe = rng.randint(0, any_grade)
            row += [f"{any_grade} ({100 * any_grade / size:.1f})", f"{severe} ({100 * severe / size:.1f})"]
        rows.append(row)
    arms = _arm_headers(study)
    header = ["Event"] + [f"{arm}: {grade}" for arm in arms for grade in ("any grade", "grade 3 or higher")]
    return spec(widths, total, (0.36,) + (0.32 / len(arms),) * (2 * len(arms)), header, rows)


def main_results(study: Study, fmt: Numbers) -> str:
    """A summary table's Main Results cell: 'CR: 44% vs. 25%. Median OS: 7.7 vs. 4.0 months.'"""
    parts = []
    for result in study.rates:
        value = f"{result.endpoint.short}: {round(result.experimental)}%"
        parts.append(value + (f" vs. {round(result.control)}%." if result.control is not None else "."))
    for result in study.times:
        control = f" vs. {fmt.dec(result.control_median)}" if result.control_median is not None else ""
        parts.append(f"Median {result.endpoint.short}: {fmt.dec(result.median)}{control} months.")
    return " ".join(parts)


def summary_table(studies: list[Study], fmt: Numbers, widths: Widths, total: float) -> TableSpec:
    """A review's Table 1: one row per study with setting, design, patients, treatment and main results."""
    rows = []
    for study in studies:
        first, second = study.arm_sizes
        patients = str(study.enrolled) if second is None else (
            f"{study.enrolled} ({first} {study.agent.short} vs. {second} {study.control})")
        treatment = f"{study.agent.name[0].upper()}{study.agent.name[1:]} {study.agent.dose}"
        rows.append([f"{study.name} [{study.reference}]", study.setting[1], study.design[1], patients, treatment,
                     main_results(study, fmt)])
    return spec(widths, total, SUMMARY_WEIGHTS, list(SUMMARY_HEADER), rows)


def review_safety_table(studies: list[Study], widths: Widths, total: float, rng: random.Random) -> TableSpec:
    """A review's Table 2: immune toxicities by study."""
    rows = [[study.name, study.agent.short, f"{rng.uniform(10, 90):.0f}%", f"{rng.uniform(0, 25):.0f}%",
             f"{rng.uniform(0, 20):.0f}%"] for study in studies]
    return spec(widths, total, (0.2, 0.26, 0.18, 0.18, 0.18),
                ["Study", "Agent", "CRS, any grade", "CRS, grade 3 or higher", "Neurotoxicity, grade 3 or higher"],
                rows)
