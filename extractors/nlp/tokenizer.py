"""Tokenizer rules for scientific text, also registered for spaCy training configs."""
from __future__ import annotations

from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Tokens kept whole although the infix rules would split them.
SPECIAL_TOKENS: tuple[tuple[str, str], ...] = (
    ("4–1BB", "4-1BB costimulatory domain written with an en dash"),
    ("4-1BB", "4-1BB costimulatory domain"),
)
EXTRA_PREFIXES: tuple[tuple[str, str], ...] = (
    (r"[≥≤±~]", "comparison signs glued to numbers ('≥5%')"),
)
EXTRA_SUFFIXES: tuple[tuple[str, str], ...] = (
    (r"(?<=[A-Z])\.", "a sentence-final period after a mixed-case code ('ChT.', 'InO.') is split off"),
)
EXTRA_INFIXES: tuple[tuple[str, str], ...] = (
    (r"(?<=[0-9])[–—](?=[0-9])", "numeric ranges with an en/em dash ('29–54') split into bounds"),
    (r"(?<=[0-9])%(?=[A-Za-z])", "'95%CI' splits into '95', '%', 'CI'"),
    (r"(?<=[A-Za-z0-9])[<>=≤≥](?=[0-9.])", "'p<0.001' splits around the comparison sign"),
)
# spaCy's default infix that splits letter-hyphen-letter; hyphens and en dashes are dropped from it.
_LETTER_HYPHEN_INFIX = "(?:-|–|—|--|---|——|~)"
_KEPT_DASHES = "(?:—|--|---|——|~)"


def customize_tokenizer(nlp: Language) -> Tokenizer:
    """Keep hyphenated codes whole (CD19-positive, INO-VATE, KTE-X19); split %, ranges and signs."""
    tokenizer = nlp.tokenizer
    infixes = [p.replace(_LETTER_HYPHEN_INFIX, _KEPT_DASHES) for p in nlp.Defaults.infixes]
    infixes.extend(p for p, _ in EXTRA_INFIXES)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    prefixes = list(nlp.Defaults.prefixes) + [p for p, _ in EXTRA_PREFIXES]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    suffixes = list(nlp.Defaults.suffixes) + [p for p, _ in EXTRA_SUFFIXES]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    for text, _ in SPECIAL_TOKENS:
        tokenizer.add_special_case(text, [{"ORTH": text}])
    return tokenizer


@spacy.registry.tokenizers("trial_evidence.scientific_tokenizer.v1")
def create_scientific_tokenizer() -> Callable[[Language], Tokenizer]:
    """Return a tokenizer factory for spaCy configs that applies customize_tokenizer."""

    def make(nlp: Language) -> Tokenizer:
        nlp.tokenizer = Tokenizer(nlp.vocab, rules=nlp.Defaults.tokenizer_exceptions,
                                  prefix_search=compile_prefix_regex(nlp.Defaults.prefixes).search,
                                  suffix_search=compile_suffix_regex(nlp.Defaults.suffixes).search,
                                  infix_finditer=compile_infix_regex(nlp.Defaults.infixes).finditer,
                                  token_match=nlp.Defaults.token_match, url_match=nlp.Defaults.url_match)
        return customize_tokenizer(nlp)

    return make
