"""Non-result prose for the synthetic corpus (background, methods, safety, discussion), never repeated in a document."""
from __future__ import annotations

import random

from bench.corpus_text import Study
from bench.corpus_vocab import SURNAMES

BACKGROUND = (
    "The outlook for {pop} remains poor, and most patients cannot proceed to curative transplantation.",
    "{Drug} is a {kind} that has changed the treatment of B-cell malignancies over the past decade.",
    "Conventional salvage chemotherapy produces remission in fewer than half of {pop}, and responses are rarely durable.",
    "Measurable residual disease after induction is the strongest single predictor of relapse in this population.",
    "Immunotherapies directed at CD19 and CD22 have been tested alone, in sequence and together with chemotherapy.",
    "Toxic effects such as cytokine release syndrome and neurologic events limit the use of some of these agents in older patients.",
    "Several questions remain open, including the best time to give {drug} and whether consolidation with transplantation is still needed.",
    "Real-world series have reported outcomes that are broadly similar to those of the registration trials.",
    "Access to these agents differs widely between countries, and cost remains a barrier in many health systems.",
    "Acute lymphoblastic leukemia accounts for about a quarter of childhood cancers but only a small share of adult leukemias.",
    "Survival falls steeply with age, largely because older patients tolerate intensive chemotherapy poorly.",
    "Philadelphia chromosome-positive disease was once the subgroup with the worst prognosis; tyrosine kinase inhibitors have changed that.",
    "Antigen loss, most often of CD19, is a recognized mechanism of escape after targeted immunotherapy.",
    "Allogeneic transplantation in second remission cures a minority of adults, at the price of substantial non-relapse mortality.",
    "Sequencing-based assays now detect residual leukemia at a sensitivity of one cell in a million.",
    "We therefore designed a study to test {drug} in {pop}.",
)
METHODS = (
    "Eligible patients were 18 years of age or older, had an ECOG performance status of 0 to 2 and adequate organ function.",
    "Randomization was stratified according to age, previous salvage therapy and previous transplantation.",
    "{Drug} was given as {dose}; supportive care followed institutional guidelines.",
    "Bone marrow aspirates were assessed centrally at the end of each cycle by flow cytometry.",
    "The primary end point was {primary}; secondary end points included {secondary}.",
    "Time-to-event end points were estimated with the Kaplan-Meier method and compared with a stratified log-rank test.",
    "Hazard ratios were estimated with a Cox proportional-hazards model stratified by the randomization factors.",
    "Efficacy analyses were performed in the intention-to-treat population; safety analyses included all treated patients.",
    "An independent data monitoring committee reviewed safety data every six months.",
    "The protocol was approved by the ethics committee of each center, and all patients gave written informed consent.",
    "Adverse events were graded according to the Common Terminology Criteria for Adverse Events, version 5.0.",
    "Minimal residual disease was measured by next-generation sequencing with a sensitivity of one cell in a million.",
    "Patients with active central nervous system disease or uncontrolled infection were excluded.",
    "Central nervous system prophylaxis consisted of intrathecal methotrexate at each cycle.",
    "The trial was designed to have 85% power to detect the prespecified difference at a two-sided alpha level of 0.05.",
    "Data were collected by the sponsor and analyzed by the authors, who vouch for their accuracy and completeness.",
    "Cytokine release syndrome was graded with the consensus criteria of the American Society for Transplantation and Cellular Therapy.",
    "Patients in remission could proceed to allogeneic transplantation at the discretion of the treating physician.",
)
SAFETY = (
    "The most common adverse events of grade 3 or higher were neutropenia, anemia and thrombocytopenia.",
    "Cytokine release syndrome occurred mainly during the first cycle and resolved with supportive care in most patients.",
    "Neurologic events were reported in a minority of patients and were reversible in all but two cases.",
    "Infections were the most frequent cause of death that was not related to disease progression.",
    "No new safety signals were identified during the extended follow-up.",
    "Treatment was discontinued because of adverse events in a small number of patients in each group.",
    "Tocilizumab was given to patients with cytokine release syndrome of grade 2 or higher.",
    "Hepatic events were more frequent in patients who proceeded to transplantation after treatment.",
)
DISCUSSION = (
    "These results extend earlier observations to {pop} and support the use of {drug} earlier in the course of disease.",
    "The benefit was consistent across prespecified subgroups, including patients with a high marrow blast count.",
    "Our study has limitations: the control group received several different regimens, and follow-up is still short.",
    "Whether patients in deep remission after {drug} still need an allogeneic transplant is an open question.",
    "The toxicity profile was manageable, although close monitoring during the first days of treatment remains essential.",
    "Longer follow-up will show whether the early differences in remission translate into a durable survival benefit.",
    "Cross-trial comparisons should be made with caution because populations, end point definitions and eras differ.",
    "Ongoing studies are testing {drug} in combination with low-intensity chemotherapy in older and frail patients.",
    "In summary, {drug} produced higher response rates than historical controls with an acceptable safety profile.",
    "Biomarkers that predict early relapse after immunotherapy are needed to select patients for consolidation.",
    "The cost of these therapies and the logistics of cell manufacturing will shape how widely they are used.",
    "Patient-reported outcomes favored the experimental group, although the questionnaires were completed by fewer patients over time.",
    "Moving immunotherapy into frontline treatment may spare some patients the late effects of intensive chemotherapy.",
    "Several of the earlier studies we discuss enrolled heavily pretreated patients, which may explain their lower response rates.",
)
OPENINGS = (
    "The {name} trial [{ref}] was a {design} study of {drug} in {pop}.",
    "{Author} and colleagues [{ref}] reported the {name} study, which tested {drug} in {pop}.",
    "In the {design} {name} trial [{ref}], {pop} received {drug}.",
    "{drug_cap} was also evaluated in {pop} in the {name} study [{ref}], a {design} trial.",
    "Further evidence comes from {name} [{ref}], a {design} trial of {drug}.",
)


class Prose:
    """Picks non-result sentences for one document without ever repeating a template."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def take(self, templates: tuple[str, ...], count: int, study: Study) -> list[str]:
        """Up to `count` templates not used before in this document, filled in for `study`."""
        fresh = [t for t in templates if t not in self.used]
        chosen = self.rng.sample(fresh, min(count, len(fresh)))
        self.used.update(chosen)
        return [t.format(**_slots(study)) for t in chosen]

    def opening(self, study: Study) -> str:
        """The sentence that introduces a study discussed in the text."""
        return self.rng.choice(OPENINGS).format(**_slots(study), Author=self.rng.choice(SURNAMES))


def _slots(study: Study) -> dict[str, str]:
    endpoints = [r.endpoint.long for r in study.rates] + [t.endpoint.long for t in study.times]
    drug = study.agent.short
    return {"pop": study.setting[0], "drug": drug, "Drug": drug[0].upper() + drug[1:], "drug_cap": drug[0].upper() + drug[1:],
            "kind": study.agent.kind, "dose": study.agent.dose, "primary": endpoints[0],
            "secondary": ", ".join(endpoints[1:]) or "safety", "name": study.name, "ref": study.reference,
            "design": study.design[0]}
