"""dedupe_chars keeps the first of each overprinted glyph, across tolerance-cell borders too (round 26 rewrite)."""
from __future__ import annotations

import random

from extractors.pdf.table_layout import dedupe_chars


def _brute_force(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """The definition: a char goes when an earlier kept char has its text, font and size and lies within tolerance."""
    kept: list[dict] = []
    for char in chars:
        if not any(o["text"] == char["text"] and o.get("fontname") == char.get("fontname")
                   and round(o.get("size", 0), 1) == round(char.get("size", 0), 1)
                   and abs(o["x0"] - char["x0"]) <= tolerance and abs(o["top"] - char["top"]) <= tolerance
                   for o in kept):
            kept.append(char)
    return kept


def test_dedupe_chars_matches_its_definition_on_dense_random_glyphs():
    rng = random.Random(26)
    chars = [{"text": rng.choice("ab"), "fontname": rng.choice(["F1", "F2"]), "size": rng.choice([9.0, 9.04, 10.0]),
              "x0": rng.uniform(0, 6), "top": rng.uniform(0, 6)} for _ in range(2000)]
    assert dedupe_chars(chars) == _brute_force(chars)
    assert dedupe_chars(chars, tolerance=0.5) == _brute_force(chars, tolerance=0.5)


def test_dedupe_chars_drops_a_fake_bold_copy_across_a_cell_border():
    first = {"text": "A", "fontname": "F", "size": 10.0, "x0": 9.9, "top": 20.95}
    copy = {"text": "A", "fontname": "F", "size": 10.0, "x0": 10.3, "top": 21.2}
    other_font = {**copy, "fontname": "G"}
    assert dedupe_chars([first, copy, other_font]) == [first, other_font]
