"""Booktabs tables of real open-access articles (../shared/corpus/external/scientific_biomedical)."""
from __future__ import annotations

import pdfplumber

from extractors.pdf.tables import extract_tables

FOLDER = "scientific_biomedical"


def _tables(external_dir, name, pages):
    with pdfplumber.open(external_dir / FOLDER / name, pages=pages) as pdf:
        return extract_tables(pdf, "0" * 64)


def test_dotted_mid_rule_typed_as_period_glyphs_separates_header(external_dir):
    (table,) = _tables(external_dir, "example1.pdf", [3])
    assert table.label == "Table 1"
    assert table.caption == ("Table 1. Baseline characteristics of participants who remained or did not "
                             "remain dementia-free at follow-up")
    assert len(table.header) == 4 and table.header[3].replace(" ", "") == "p-VALUE"
    assert [c.text for c in table.rows[0]] == ["Age: mean, SD", "67.7, SD = 9.6", "72.8, SD = 7.4", "<0.001"]
    assert [c.text for c in table.rows[-1]] == ["Presence of APOE-\u03b54 (%)a", "25.8", "47.5", "<0.001"]
    assert len(table.rows) == 11
    assert not any("Missing values" in c.text for row in table.rows for c in row)


def test_header_between_caption_banner_and_first_rule_is_kept(external_dir):
    (table,) = _tables(external_dir, "test6.pdf", [3])
    assert table.header == ("Phase", "Purpose", "Supported input type", "Supported file formats")
    assert [row[0].text for row in table.rows] == ["1", "2", "3", "4", "5"]
    assert table.rows[3][3].text == "Trees: Newick, NEXUS; Alignments: See above"


def test_partial_row_separator_rules_keep_table_with_narrower_bottom_rule(external_dir):
    tables = _tables(external_dir, "example2.pdf", [5])
    assert [(t.label, len(t.header)) for t in tables] == [("Table 2", 4)]
    assert tables[0].header[0] == "Respondent group"
    assert tables[0].rows[0][0].text == "1. Affiliate respondents (n = 5)"
