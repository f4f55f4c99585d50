"""Random but realistic studies and the prose that reports them: results sentences, methods, background, discussion."""
from __future__ import annotations

import random
from dataclasses import dataclass

from bench.corpus_vocab import (
    AGENTS, CONTROLS, DESIGNS, GROUP_CODES, RATE_ENDPOINTS, SETTINGS, TIME_ENDPOINTS, TRIAL_WORDS, Agent, Endpoint,
)


@dataclass(frozen=True)
class RateResult:
    """A response rate per arm (control None in a single-arm study) with the p-value of the comparison."""

    endpoint: Endpoint
    experimental: float
    control: float | None
    responders: int
    p: str


@dataclass(frozen=True)
class TimeResult:
    """A time-to-event endpoint: medians with 95% CIs, a landmark rate and a hazard ratio."""

    endpoint: Endpoint
    median: float
    median_ci: tuple[float, str]
    control_median: float | None
    hr: tuple[float, float, float] | None
    p: str
    landmark_months: int
    landmark: float
    landmark_ci: tuple[float, float]
    control_landmark: float | None


@dataclass(frozen=True)
class Study:
    """One fictional trial and everything its report or a review says about it."""

    name: str
    agent: Agent
    control: str | None
    setting: tuple[str, str]
    design: tuple[str, str, bool]
    enrolled: int
    arm_sizes: tuple[int, int | None]
    follow_up: float
    rates: tuple[RateResult, ...]
    times: tuple[TimeResult, ...]
    reference: str = ""


class Numbers:
    """Formats numbers the way one journal does (decimal point or Lancet mid-dot)."""

    def __init__(self, rng: random.Random):
        self.point = "·" if rng.random() < 0.15 else "."
        self.ci_dash = rng.choice((" to ", "–", "-"))

    def dec(self, value: float, places: int = 1) -> str:
        """A decimal with the journal's separator."""
        return f"{value:.{places}f}".replace(".", self.point)

    def pct(self, value: float, rng: random.Random) -> str:
        """A percentage printed with 0 or 1 decimal places."""
        return (self.dec(value) if rng.random() < 0.5 else f"{round(value):d}") + "%"

    def ci(self, low: float, high: float | str, places: int = 1) -> str:
        """The inside of a 95% CI: '5.1 to 9.8', '5.1–9.8' or '5.1-NR'."""
        high_text = high if isinstance(high, str) else self.dec(high, places)
        return f"{self.dec(low, places)}{self.ci_dash}{high_text}"

    def p(self, text: str) -> str:
        """A p-value such as 'P<0.001' or 'P = 0.03'."""
        return text.replace(".", self.point)


def trial_name(rng: random.Random, used: set[str]) -> str:
    """A fictional trial acronym, sometimes numbered or a cooperative-group code, never repeated in one document."""
    while True:
        roll = rng.random()
        if roll < 0.15:
            name = f"{rng.choice(GROUP_CODES)}{rng.randint(10, 29)}{rng.randint(10, 99)}"
        elif roll < 0.55:
            name = f"{rng.choice(TRIAL_WORDS)}-{rng.randint(1, 4)}"
        else:
            name = rng.choice(TRIAL_WORDS)
        if name not in used:
            used.add(name)
            return name


def _p_value(rng: random.Random, effect: float) -> str:
    if effect > 0.25:
        return rng.choice(("P<0.001", "P<0.001", "P=0.002"))
    if effect > 0.1:
        return rng.choice(("P=0.01", "P=0.03", "P=0.004", "P=0.02"))
    return rng.choice(("P=0.21", "P=0.08", "P=0.47", "P=0.12"))


def make_study(rng: random.Random, used: set[str], reference: str = "") -> Study:
    """A study with consistent arm sizes, rates, medians, CIs and hazard ratios."""
    design = rng.choice(DESIGNS)
    randomized = design[2]
    agent = rng.choice(AGENTS)
    control = rng.choice(CONTROLS) if randomized else None
    enrolled = rng.randint(120, 720) if randomized else rng.randint(24, 260)
    first = round(enrolled * rng.choice((0.5, 0.5, 2 / 3))) if randomized else enrolled
    arm_sizes = (first, enrolled - first if randomized else None)
    rates = []
    for endpoint in rng.sample(RATE_ENDPOINTS, rng.randint(2, 3)):
        exp = rng.uniform(28, 92)
        ctl = max(3.0, exp - rng.uniform(5, 35)) if randomized else None
        rates.append(RateResult(endpoint, exp, ctl, round(first * exp / 100),
                                _p_value(rng, (exp - ctl) / 100) if ctl is not None else ""))
    times = []
    for endpoint in rng.sample(TIME_ENDPOINTS, rng.randint(1, 3)):
        median = rng.uniform(4, 30)
        low = median * rng.uniform(0.55, 0.85)
        high: float | str = median * rng.uniform(1.2, 1.8) if rng.random() < 0.75 else "NR"
        ctl_median = median * rng.uniform(0.45, 0.9) if randomized else None
        hr = None
        if randomized:
            value = rng.uniform(0.35, 0.95)
            hr = (value, value * rng.uniform(0.6, 0.8), min(1.4, value * rng.uniform(1.15, 1.5)))
        months = rng.choice((6, 12, 12, 24, 36))
        landmark = rng.uniform(30, 85)
        times.append(TimeResult(
            endpoint, median, (low, high), ctl_median, hr, _p_value(rng, 1 - hr[0]) if hr else "", months,
            landmark, (landmark - rng.uniform(5, 12), min(97.0, landmark + rng.uniform(5, 12))),
            landmark * rng.uniform(0.5, 0.9) if randomized else None))
    return Study(trial_name(rng, used), agent, control, rng.choice(SETTINGS), design, enrolled, arm_sizes,
                 rng.uniform(8, 48), tuple(rates), tuple(times), reference)


def _timepoint(months: int, rng: random.Random) -> str:
    if months >= 24 and rng.random() < 0.6:
        return f"{months // 12}-year"
    return f"{months}-month"


def rate_sentence(study: Study, result: RateResult, fmt: Numbers, rng: random.Random, named: bool) -> str:
    """One sentence reporting a response rate, in one of several phrasings."""
    ep, drug = result.endpoint, study.agent.short
    where = f"In the {study.name} trial, " if named else rng.choice(("", "Overall, ", "In the efficacy population, "))
    exp = fmt.pct(result.experimental, rng)
    if result.control is None:
        n = study.arm_sizes[0]
        forms = (
            f"{where}{ep.long} ({ep.short}) was achieved in {exp} of patients treated with {drug}.",
            f"{where}{result.responders} of {n} patients ({exp}) had {ep.short} after {drug}.",
            f"{where}the {ep.short} rate was {exp} (95% CI, "
            f"{fmt.ci(max(1, result.experimental - 9), min(99, result.experimental + 9))}).",
            f"The rate of {ep.long} with {drug} was {exp}{' in ' + study.name if named else ''}.",
        )
        return rng.choice(forms)
    ctl = fmt.pct(result.control, rng)
    forms = (
        f"{where}the {ep.short} rate was {exp} with {drug} versus {ctl} with {study.control} ({fmt.p(result.p)}).",
        f"{where}{ep.long} occurred in {exp} of patients in the {drug} group and in {ctl} of those in the "
        f"{study.control} group ({fmt.p(result.p)}).",
        f"{ep.short}: {drug} {exp} vs. {study.control} {ctl}{' in ' + study.name if named else ''}.",
        f"{where}significantly more patients reached {ep.long} with {drug} than with {study.control} "
        f"({exp} vs. {ctl}; {fmt.p(result.p)}).",
    )
    return rng.choice(forms)


def time_sentences(study: Study, result: TimeResult, fmt: Numbers, rng: random.Random, named: bool) -> list[str]:
    """One to three sentences reporting a time-to-event endpoint: median, landmark, hazard ratio."""
    ep, drug = result.endpoint, study.agent.short
    where = f"In {study.name}, " if named else rng.choice(("", "At the data cutoff, ", "After a median follow-up of "
                                                                                      f"{fmt.dec(study.follow_up)} months, "))
    median = fmt.dec(result.median)
    ci = fmt.ci(result.median_ci[0], result.median_ci[1])
    out = []
    if result.control_median is None:
        out.append(rng.choice((
            f"{where}the median {ep.long} was {median} months (95% CI, {ci}).",
            f"{where}median {ep.short} reached {median} months (95% CI {ci}) with {drug}.",
            f"The median {ep.short} was {median} months [95% CI, {ci}]{' in ' + study.name if named else ''}.",
        )))
    else:
        hr, low, high = result.hr
        hr_text = f"hazard ratio, {fmt.dec(hr, 2)}; 95% CI, {fmt.ci(low, high, 2)}; {fmt.p(result.p)}"
        ctl = fmt.dec(result.control_median)
        out.append(rng.choice((
            f"{where}the median {ep.long} was {median} months with {drug} and {ctl} months with {study.control} "
            f"({hr_text}).",
            f"{where}median {ep.short} was {median} vs. {ctl} months ({hr_text}).",
            f"{ep.long[0].upper()}{ep.long[1:]} was longer with {drug} than with {study.control} (median, {median} vs. "
            f"{ctl} months; HR {fmt.dec(hr, 2)}, 95% CI {fmt.ci(low, high, 2)}; {fmt.p(result.p)}).",
        )))
    if rng.random() < 0.7:
        when = _timepoint(result.landmark_months, rng)
        land = fmt.pct(result.landmark, rng)
        land_ci = fmt.ci(*result.landmark_ci)
        if result.control_landmark is None:
            out.append(rng.choice((
                f"The {when} {ep.short} rate was {land} (95% CI, {land_ci}).",
                f"At {result.landmark_months} months, {ep.long} was estimated at {land} (95% CI {land_ci}).",
            )))
        else:
            ctl_land = fmt.pct(result.control_landmark, rng)
            out.append(rng.choice((
                f"The estimated {when} {ep.short} was {land} with {drug} and {ctl_land} with {study.control}.",
                f"At {result.landmark_months} months, {ep.long} was {land} (95% CI, {land_ci}) in the {drug} group "
                f"versus {ctl_land} in the {study.control} group.",
            )))
    return out


def enrollment_sentence(study: Study, fmt: Numbers, rng: random.Random, named: bool) -> str:
    """How many patients were enrolled, and per arm when randomized."""
    name = f"the {study.name} trial" if named else "the trial"
    first, second = study.arm_sizes
    if second is None:
        return rng.choice((
            f"A total of {study.enrolled} patients were enrolled in {name} and received {study.agent.short}.",
            f"{name[0].upper()}{name[1:]} enrolled {study.enrolled} {study.setting[0]}.",
            f"Of the patients screened, {study.enrolled} were enrolled and {first} were evaluable for efficacy.",
        ))
    return rng.choice((
        f"A total of {study.enrolled} patients underwent randomization in {name}: {first} were assigned to "
        f"{study.agent.short} and {second} to {study.control}.",
        f"Overall, {study.enrolled} patients were randomly assigned ({first} to {study.agent.short} and {second} "
        f"to {study.control}).",
        f"{name[0].upper()}{name[1:]} randomized {study.enrolled} {study.setting[0]} in a "
        f"{'2:1' if first > 1.5 * second else '1:1'} ratio.",
    ))


def results_sentences(study: Study, fmt: Numbers, rng: random.Random, named: bool) -> list[str]:
    """Every result of the study as sentences, in a shuffled but readable order (enrollment first)."""
    sentences = [enrollment_sentence(study, fmt, rng, named)]
    for result in study.rates:
        sentences.append(rate_sentence(study, result, fmt, rng, named and rng.random() < 0.4))
    for result in study.times:
        sentences += time_sentences(study, result, fmt, rng, named and rng.random() < 0.4)
    if study.control is None and rng.random() < 0.5:
        mrd = rng.uniform(60, 95)
        sentences.append(rng.choice((
            f"Among patients with a response, {fmt.pct(mrd, rng)} had no detectable MRD.",
            f"MRD negativity was reached by {fmt.pct(mrd, rng)} of responders.",
        )))
    return [s[0].upper() + s[1:] for s in sentences]


def paragraphs(sentences: list[str], rng: random.Random, low: int = 3, high: int = 6) -> list[str]:
    """Group sentences into paragraphs of `low` to `high` sentences."""
    out, i = [], 0
    while i < len(sentences):
        step = rng.randint(low, high)
        out.append(" ".join(sentences[i:i + step]))
        i += step
    return out
