"""Table 1 records point at the Main Results cell wherever that column is printed."""
from __future__ import annotations

from extractors.evidence.extract import extract_evidence
from extractors.table1.mapping import table1_rows
from schemas.document import Block, Cell, Document, DocumentStatus, Table

SHA = "e" * 64
HEADER = ("Trial [Reference]", "Main Results", "Setting", "Design", "Total Patients", "Treatment")
ROW = ("ALPHA-1 [3]", "CR: blinatumomab 44% vs. ChT 21%.", "R/R adults", "Phase III randomized trial",
       "120 blinatumomab vs. 60 ChT", "Blinatumomab")


def test_main_results_column_printed_second_gives_that_cells_column_page_and_box():
    """Regression: the Main Results column index was assumed to be 5 (the review's order)."""
    cells = tuple(Cell(row=0, col=c, text=t, page=4, bbox=(10.0 + 50 * c, 100.0, 55.0 + 50 * c, 130.0))
                  for c, t in enumerate(ROW))
    table = Table(table_id=f"{SHA[:12]}:Table 1", label="Table 1", caption="Table 1. Studies.", page=4,
                  header=HEADER, rows=(cells,))
    text = "A short review of one trial."
    doc = Document(sha256=SHA, path="/c/r.pdf", pages=4, status=DocumentStatus.parsed, parser_version="t", text=text,
                   blocks=(Block(page=1, bbox=(0, 0, 100, 10), text=text, char_start=0, char_end=len(text)),),
                   tables=(table,))
    rows = table1_rows(doc)
    records = [r for r in extract_evidence(doc, rows) if r.source == "table"]
    assert {(r.arm, r.value) for r in records} == {("blinatumomab", 44.0), ("chemotherapy", 21.0)}
    assert all((r.table_row, r.table_col, r.page, r.bbox) == (1, 1, 4, cells[1].bbox) for r in records)
    assert all(rows[0].main_results[r.char_start:r.char_end] == r.value_text for r in records)
