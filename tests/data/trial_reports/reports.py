"""Hand-written synthetic trial reports in several journal styles, with the records each must yield and its distractors."""
from __future__ import annotations

from typing import NamedTuple, Optional


class Expect(NamedTuple):
    """One record a report must yield (p is the printed bound for 'P<0.001')."""

    endpoint: str
    value: float
    unit: Optional[str]
    statistic: str
    arm: Optional[str] = None
    timepoint: Optional[str] = None
    ci: Optional[tuple[float, float]] = None
    p: Optional[float] = None


class TableSpec(NamedTuple):
    """A results table: caption, header and rows of cell texts (first cell = row label)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class Report(NamedTuple):
    """A synthetic report: (kind, text) blocks, optional tables, expected records, distractor and optional phrases.

    `distractors` are phrases (body) or row labels (tables) whose numbers must yield no record; `optional` are
    phrases whose records are neither required nor counted as errors (readings the conventions leave open).
    """

    name: str
    style: str
    blocks: tuple[tuple[str, str], ...]
    expected: tuple[Expect, ...]
    distractors: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    tables: tuple[TableSpec, ...] = ()


PON, IMA = "ponatinib", "imatinib"
INO, CHT, BLI = "inotuzumab", "chemotherapy", "blinatumomab"
OBE, TIS = "obecabtagene autoleucel", "tisagenlecleucel"

REPORTS: tuple[Report, ...] = (
    Report(
        "nejm_abstract", "NEJM structured abstract",
        (("heading", "Background"),
         ("body", "Ponatinib, a third-generation BCR-ABL1 inhibitor, may improve on imatinib in Philadelphia "
                  "chromosome-positive acute lymphoblastic leukemia."),
         ("heading", "Methods"),
         ("body", "In this phase 3 trial, we randomly assigned adults 18 years of age or older, in a 2:1 ratio, to "
                  "receive ponatinib (45 mg daily) or imatinib (600 mg daily) with reduced-intensity chemotherapy. "
                  "The primary end point was MRD-negative complete remission at the end of cycle 3."),
         ("heading", "Results"),
         ("body", "A total of 245 patients underwent randomization. The median age was 54 years (range, 19 to 82), "
                  "and 52% were female. MRD-negative complete remission occurred in 34.4% of the patients in the "
                  "ponatinib group and in 16.7% of those in the imatinib group (P=0.002). At a median follow-up of "
                  "20.1 months, the median event-free survival was not reached with ponatinib and was 29.0 months "
                  "(95% CI, 20.1 to 37.8) with imatinib (hazard ratio for an event or death, 0.65; 95% CI, 0.39 to "
                  "1.10; P=0.11)."),
         ("heading", "Conclusions"),
         ("body", "Ponatinib led to a higher rate of MRD-negative remission than imatinib (Funded by Acme Pharma; "
                  "ClinicalTrials.gov number, NCT03589326.)")),
        (Expect("ENROLLED", 245, None, "count"),
         Expect("MRD_NEG", 34.4, "%", "rate", PON, p=0.002),
         Expect("MRD_NEG", 16.7, "%", "rate", IMA, p=0.002),
         Expect("EFS", 29.0, "months", "median", IMA, ci=(20.1, 37.8)),
         Expect("EFS", 0.65, None, "hazard_ratio", PON, ci=(0.39, 1.10), p=0.11)),
        distractors=("18 years of age", "2:1 ratio", "45 mg daily", "600 mg daily", "cycle 3", "54 years",
                     "19 to 82", "52% were female", "follow-up of 20.1 months", "NCT03589326"),
    ),
    Report(
        "lancet_findings", "Lancet Findings paragraph",
        (("body", "Findings Between March 3, 2016, and Jan 29, 2019, 312 patients were enrolled and randomly "
                  "assigned to inotuzumab ozogamicin (n=156) or standard chemotherapy (n=156). Median follow-up was "
                  "26·4 months (IQR 20·1–33·0). Complete remission or complete remission with incomplete "
                  "haematological recovery was achieved by 112 (71·8%) of 156 patients in the inotuzumab group "
                  "versus 65 (41·7%) of 156 patients in the chemotherapy group (p<0·0001). Median overall survival "
                  "was 8·1 months (95% CI 6·5–10·0) in the inotuzumab group versus 6·4 months (4·8–7·9) in the "
                  "chemotherapy group (hazard ratio 0·76 [95% CI 0·59–0·98]; p=0·034). Veno-occlusive disease "
                  "occurred in 21 (13%) patients in the inotuzumab group and in one (<1%) patient in the "
                  "chemotherapy group."),
         ("body", "Interpretation Inotuzumab ozogamicin improved remission rates (Funding Acme; see Figure 2 and "
                  "appendix p 4).")),
        (Expect("ENROLLED", 312, None, "count"),
         Expect("ENROLLED", 156, None, "count", INO),  # issue 11: enrolment per arm as well as in total
         Expect("ENROLLED", 156, None, "count", CHT),
         Expect("CR_CRI", 71.8, "%", "rate", INO, p=0.0001),
         Expect("CR_CRI", 41.7, "%", "rate", CHT, p=0.0001),
         Expect("OS", 8.1, "months", "median", INO, ci=(6.5, 10.0)),
         Expect("OS", 6.4, "months", "median", CHT, ci=(4.8, 7.9)),
         Expect("OS", 0.76, None, "hazard_ratio", INO, ci=(0.59, 0.98), p=0.034),
         Expect("VOD", 13, "%", "rate", INO)),
        distractors=("March 3, 2016", "Jan 29, 2019", "26·4 months", "IQR 20·1–33·0", "of 156 patients",
                     "Figure 2", "p 4"),
        optional=("one (<1%)",),
    ),
    Report(
        "jco_narrative", "JCO narrative results",
        (("heading", "Patients and Methods"),
         ("body", "Inotuzumab ozogamicin was given at 1.8 mg/m2 per cycle on day 1 of cycles 1 to 4, combined with "
                  "low-intensity mini-hyper-CVD, to adults with relapsed disease and at least 5% marrow blasts."),
         ("heading", "Results"),
         ("body", "Of the 88 patients enrolled, 81 were evaluable for response. The overall response rate was 61.7% "
                  "(50 of 81), including complete remission in 38 patients (46.9%). Responses were seen "
                  "irrespective of baseline marrow blasts (≥ 50% v < 50%). With a median follow-up of 14.5 months, "
                  "the median duration of response was 9.8 months (95% CI, 6.1 to 13.0 months) and the 1-year "
                  "overall survival rate was 58% (95% CI, 47% to 67%). Median OS was 12.9 months. Twenty-nine "
                  "patients (36%) proceeded to allogeneic stem-cell transplantation.")),
        (Expect("ENROLLED", 88, None, "count", INO),
         Expect("ORR", 61.7, "%", "rate", INO),
         Expect("CR", 46.9, "%", "rate", INO),
         Expect("DOR", 9.8, "months", "median", INO, ci=(6.1, 13.0)),
         Expect("OS", 58, "%", "landmark", INO, "1y", ci=(47, 67)),
         Expect("OS", 12.9, "months", "median", INO),
         Expect("ALLOHSCT", 36, "%", "rate", INO)),
        distractors=("1.8 mg/m2", "day 1", "cycles 1 to 4", "at least 5% marrow blasts", "(50 of 81)",
                     "≥ 50% v < 50%", "follow-up of 14.5 months", "38 patients"),
        optional=("81 were evaluable",),
    ),
    Report(
        "cart_phase2", "phase 2 single-arm CAR-T report",
        (("heading", "Methods"),
         ("body", "Adults with relapsed or refractory B-cell ALL received a single infusion of obecabtagene "
                  "autoleucel (target dose, 410 × 10^6 CAR T cells) after lymphodepletion with fludarabine and "
                  "cyclophosphamide. MRD was assessed by flow cytometry at a sensitivity of 10−4."),
         ("heading", "Results"),
         ("body", "Of 153 patients screened, 127 (83%) were enrolled and 94 received an infusion. Seventy-seven "
                  "percent of the infused patients (72 of 94) achieved overall remission, and 55% (52/94) achieved "
                  "complete remission. Among responders with evaluable samples, 97% were MRD negative. The median "
                  "duration of remission was 14.1 months. Cytokine release syndrome occurred in 71 patients "
                  "(75.5%), grade 3 or higher in 3%; ICANS of any grade occurred in 23.4% and grade 3 or higher in "
                  "7%.")),
        (Expect("ENROLLED", 127, None, "count", OBE),
         Expect("CR_CRI", 77, "%", "rate", OBE),
         Expect("CR", 55, "%", "rate", OBE),
         Expect("MRD_NEG", 97, "%", "rate", OBE),
         Expect("DOR", 14.1, "months", "median", OBE),
         Expect("CRS", 75.5, "%", "rate", OBE),
         Expect("CRS", 3, "%", "rate", OBE),
         Expect("ICANS", 23.4, "%", "rate", OBE),
         Expect("ICANS", 7, "%", "rate", OBE)),
        distractors=("410 × 10^6", "10−4", "153 patients screened", "127 (83%)", "(72 of 94)", "(52/94)",
                     "71 patients"),
        optional=("94 received",),
    ),
    Report(
        "rct_landmarks", "RCT with landmark rates and hazard ratios",
        (("heading", "Results"),
         ("body", "Children 1 to 10 years of age with a white-cell count below 50,000 per cubic millimetre were "
                  "eligible; 1440 patients were randomized to blinatumomab plus chemotherapy or chemotherapy alone. "
                  "The 3-year disease-free survival was 96.0% (SE 1.2) in the blinatumomab group and 87.9% (SE 2.1) "
                  "in the chemotherapy group (hazard ratio for relapse, 0.39; 95% CI, 0.24 to 0.64; P<0.001). "
                  "Three-year overall survival was 97.5% and 90.2%, respectively (HR 0.41 [0.22, 0.78]). The "
                  "5-year event-free survival estimates were 84% vs. 72% (P = .02) (Table 2 and Fig. 3).")),
        (Expect("ENROLLED", 1440, None, "count"),
         Expect("DFS", 96.0, "%", "landmark", BLI, "3y"),
         Expect("DFS", 87.9, "%", "landmark", CHT, "3y"),
         Expect("DFS", 0.39, None, "hazard_ratio", BLI, ci=(0.24, 0.64), p=0.001),
         Expect("OS", 97.5, "%", "landmark", BLI, "3y"),
         Expect("OS", 90.2, "%", "landmark", CHT, "3y"),
         Expect("OS", 0.41, None, "hazard_ratio", BLI, ci=(0.22, 0.78)),
         Expect("EFS", 84, "%", "landmark", BLI, "5y", p=0.02),
         Expect("EFS", 72, "%", "landmark", CHT, "5y", p=0.02)),
        distractors=("1 to 10 years", "50,000 per cubic", "SE 1.2", "SE 2.1", "Table 2", "Fig. 3"),
    ),
    Report(
        "nejm_table", "results table (rows = endpoints, columns = arms)",
        (("body", "Efficacy end points are shown in Table 2."),),
        (Expect("CR", 33.6, "%", "rate", BLI),
         Expect("CR", 15.7, "%", "rate", CHT),
         Expect("OS", 7.7, "months", "median", BLI, ci=(5.6, 9.6)),
         Expect("OS", 4.0, "months", "median", CHT, ci=(2.9, 5.3)),
         Expect("OS", 0.71, None, "hazard_ratio", BLI, ci=(0.55, 0.93)),
         Expect("EFS", 31, "%", "landmark", BLI, "6mo"),
         Expect("EFS", 12, "%", "landmark", CHT, "6mo"),
         Expect("EFS", 0.55, None, "hazard_ratio", BLI, ci=(0.43, 0.71)),
         Expect("MRD_NEG", 75.3, "%", "rate", BLI),
         Expect("MRD_NEG", 47.1, "%", "rate", CHT),
         Expect("CRS", 4.8, "%", "rate", BLI)),
        distractors=("Median age (range)", "Male sex"),
        tables=(TableSpec(
            "Table 2. Efficacy and safety end points.",
            ("End point", "Blinatumomab (N = 271)", "Chemotherapy (N = 134)", "Hazard ratio (95% CI)"),
            (("Median age (range) — yr", "41 (18–80)", "37 (18–78)", ""),
             ("Male sex — no. (%)", "162 (59.8)", "77 (57.5)", ""),
             ("Complete remission — no. (%)", "91 (33.6)", "21 (15.7)", ""),
             ("Median overall survival (95% CI) — mo", "7.7 (5.6–9.6)", "4.0 (2.9–5.3)", "0.71 (0.55–0.93)"),
             ("6-month event-free survival — %", "31", "12", "0.55 (0.43–0.71)"),
             ("MRD negativity among responders — no./total no. (%)", "64/85 (75.3)", "8/17 (47.1)", ""),
             ("Grade ≥3 cytokine release syndrome — no. (%)", "13 (4.8)", "0", ""))),),
    ),
    Report(
        "cart_table", "single-arm outcomes table",
        (("body", "Outcomes of the infused population are listed in Table 3."),),
        (Expect("CR_CRI", 77, "%", "rate", OBE, ci=(67, 85)),
         Expect("MRD_NEG", 97, "%", "rate", OBE),
         Expect("DOR", 14.1, "months", "median", OBE),
         Expect("EFS", 50, "%", "landmark", OBE, "12mo"),
         Expect("CRS", 3, "%", "rate", OBE)),
        distractors=("Median follow-up, months", "Median age"),
        tables=(TableSpec(
            "Table 3. Outcomes after infusion.",
            ("Outcome", "Obe-cel (N = 94)"),
            (("Median age, years (range)", "47 (20–81)"),
             ("Median follow-up, months", "21.5"),
             ("Overall remission rate, % (95% CI)", "77 (67–85)"),
             ("MRD-negative remission, n/N (%)", "70/72 (97)"),
             ("Median DOR, months (95% CI)", "14.1 (8.2–NR)"),
             ("12-month EFS, %", "50"),
             ("CRS grade ≥3, n (%)", "3 (3)"))),),
    ),
    Report(
        "ash_abstract", "conference abstract with word numbers",
        (("body", "Results: Seventy-five patients were infused with tisagenlecleucel. The overall remission rate "
                  "within 3 months was 81% (61 of 75; 95% CI, 71 to 89), compared with a historical response rate "
                  "of 20%. Rates of event-free survival and overall survival were 50% and 76%, respectively, at 12 "
                  "months. Forty-four percent of patients had grade 3 or 4 cytokine release syndrome. Neurologic "
                  "events occurred in 30 of 75 patients (40%). Among the 61 responders, 18/27 (66.7%) who were "
                  "tested had MRD-negative remission in the blood."),),
        (Expect("ENROLLED", 75, None, "count", TIS),
         Expect("CR_CRI", 81, "%", "rate", TIS, "3mo", ci=(71, 89)),  # issue 11: the window of the rate is kept; overall remission is CR_CRI (GUIDE.md)
         Expect("EFS", 50, "%", "landmark", TIS, "12mo"),
         Expect("OS", 76, "%", "landmark", TIS, "12mo"),
         Expect("CRS", 44, "%", "rate", TIS),
         Expect("ICANS", 40, "%", "rate", TIS),
         Expect("MRD_NEG", 66.7, "%", "rate", TIS)),
        distractors=("within 3 months", "(61 of 75", "historical response rate of 20%", "grade 3 or 4",
                     "30 of 75", "18/27"),
        optional=("61 responders",),
    ),
    Report(
        "methods_results_mixed", "mixed abstract with P < .001 and bracketed CI",
        (("heading", "Results"),
         ("body", "From June 2015 to May 2018, 376 patients underwent randomization (n = 250 blinatumomab; "
                  "n = 126 chemotherapy). The median age was 39 years (range 18–79); 61% were male and 38% had "
                  "received prior salvage therapy. Median overall survival was 8.3 months with blinatumomab versus "
                  "4.1 months with chemotherapy (HR 0.68 [0.52, 0.89]; P = 0.005). CR rates were 38 % and 19 %, "
                  "respectively (P < .001). Among patients in remission, MRD below 10−4 was reached by 71% in the "
                  "blinatumomab arm compared with 45% in the chemotherapy arm. These results are consistent with "
                  "earlier reports12 and with page 7 of the protocol.")),
        (Expect("ENROLLED", 376, None, "count"),
         Expect("ENROLLED", 250, None, "count", BLI),  # per-arm enrolment is a fact (CONTRACTS.md, GUIDE.md)
         Expect("ENROLLED", 126, None, "count", CHT),
         Expect("OS", 8.3, "months", "median", BLI),
         Expect("OS", 4.1, "months", "median", CHT),
         Expect("OS", 0.68, None, "hazard_ratio", BLI, ci=(0.52, 0.89), p=0.005),
         Expect("CR", 38, "%", "rate", BLI, p=0.001),
         Expect("CR", 19, "%", "rate", CHT, p=0.001),
         Expect("MRD_NEG", 71, "%", "rate", BLI),
         Expect("MRD_NEG", 45, "%", "rate", CHT)),
        distractors=("June 2015", "May 2018", "39 years", "18–79", "61% were male",
                     "38% had received prior", "10−4", "reports12", "page 7"),
    ),
    Report(
        "lancet_middot_hr", "Lancet style HR with 'to' interval and word percentages",
        (("heading", "Findings"),
         ("body", "405 patients were randomly assigned (271 to blinatumomab and 134 to chemotherapy). Event-free "
                  "survival at 6 months was 31·0% (95% CI 25·3 to 36·9) with blinatumomab and 12·5% (6·9 to 19·8) "
                  "with chemotherapy (HR, 0·55; 95% CI, 0·43 to 0·71). Forty-two percent of patients in the "
                  "blinatumomab group and 20% in the chemotherapy group had a complete remission with full, "
                  "partial, or incomplete hematologic recovery. Grade 3 or worse neurological events were reported "
                  "in 9% of the blinatumomab group.")),
        (Expect("ENROLLED", 405, None, "count"),
         Expect("EFS", 31.0, "%", "landmark", BLI, "6mo", ci=(25.3, 36.9)),
         Expect("EFS", 12.5, "%", "landmark", CHT, "6mo", ci=(6.9, 19.8)),
         Expect("EFS", 0.55, None, "hazard_ratio", BLI, ci=(0.43, 0.71)),
         Expect("CR_CRI", 42, "%", "rate", BLI),
         Expect("CR_CRI", 20, "%", "rate", CHT),
         Expect("ICANS", 9, "%", "rate", BLI)),
        distractors=("Grade 3",),
        optional=("271 to blinatumomab", "134 to chemotherapy"),
    ),
)
