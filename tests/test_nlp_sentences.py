"""Sentence splitting over scientific text."""
from __future__ import annotations

import pytest

from extractors.nlp.pipeline import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text", [
    "CR was 34% vs. 16% in the control arm.",
    "As reported by Kantarjian et al. in the phase III trial, OS improved.",
    "Several agents, e.g. blinatumomab, were given.",
    "The second agent, i.e. InO, was given later.",
    "Responses are shown in Fig. 2 and in Figs. 3 and 4.",
    "The median OS was approx. 7.7 months.",
    "Patients were enrolled in cohort no. 3 of the study.",
    "The hazard ratio was 0.81 (95% CI 0.57 to 1.14).",
    "Toxicity was low (grade I. Most events resolved) in both arms.",
    "The median EFS was 4.5 months in A. Smith's cohort.",
])
def test_no_split_inside_sentence(text):
    assert _sentences(text) == [text]


def test_splits_at_sentence_ends_and_keeps_citations():
    text = "The CR rate was 81% [13]. The OS was 7.7 months versus 6.7 months. Is it durable? Yes!"
    assert _sentences(text) == [
        "The CR rate was 81% [13].",
        "The OS was 7.7 months versus 6.7 months.",
        "Is it durable?",
        "Yes!",
    ]


def test_citation_after_period_stays_with_its_sentence():
    text = "KTE-X19 was approved for adult ALL patients. [29]. Overall, responses were durable."
    assert _sentences(text) == ["KTE-X19 was approved for adult ALL patients. [29].", "Overall, responses were durable."]


def test_blank_line_ends_a_heading_without_period():
    text = "2.1. Blinatumomab\n\nBlinatumomab is a BiTE. It binds CD19."
    assert _sentences(text) == ["2.1. Blinatumomab", "Blinatumomab is a BiTE.", "It binds CD19."]


def test_hard_newlines_split_table_like_lines():
    text = "ALCANTARA [8]\nBlast [10]"
    assert _sentences(text) == ["ALCANTARA [8]\nBlast [10]"]
    assert [text[s:e] for s, e in split_sentences(text, hard_newlines=True)] == ["ALCANTARA [8]", "Blast [10]"]


def test_caption_label_stays_with_caption():
    text = "Figure 3. Detection of CAR-T cells in the blood. Panel A shows PB."
    assert _sentences(text) == ["Figure 3. Detection of CAR-T cells in the blood.", "Panel A shows PB."]


def test_spans_are_offsets_into_the_original_text():
    text = "  First one.   Second one.  "
    spans = split_sentences(text)
    assert spans == [(2, 12), (15, 26)]


def test_empty_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []
