"""Batch checks: a Table 1 mirror with missing rows or columns, or rows and documents failing their suites."""
from __future__ import annotations

import duckdb
import pytest

from schemas import ddl
from schemas.declarations import TABLE1_ROWS
from schemas.document import Cell, Document, DocumentStatus, Table
from schemas.evidence import Table1Row
from schemas.rows import table1_row
from schemas.validate.batch import check_batch

HEADER = ("Trial [Reference]", "Setting", "Design", "Total Patients", "Treatment", "Main Results")
STUDIES = (
    ("ALPHA-1 [3]", "R/R adults", "Phase III randomized", "300", "Drug A vs. control", "CR: 40% vs. 20%"),
    ("BETA [4,5]", "Frontline", "Phase II single arm", "60", "Drug B", "ORR: 70%"),
    ("Gamma et al. [6]", "MRD+", "Retrospective", "45", "Drug C", "RFS: 12 months"),
)
FIELDS = ("trial", "setting", "design", "total_patients", "treatment", "main_results")


def make_document(name: str, sha_digit: str, header=HEADER, studies=STUDIES, label="Table 1") -> Document:
    """A parsed document whose only table is a per-study summary with the given header and rows."""
    sha = sha_digit * 64
    rows = tuple(tuple(Cell(row=r, col=c, text=text, page=3) for c, text in enumerate(study))
                 for r, study in enumerate(studies))
    table = Table(table_id=f"{sha[:12]}:{label}", label=label, caption=f"{label}. Studies.", page=3, pages=(3,),
                  header=header, rows=rows)
    return Document(sha256=sha, path=f"/corpus/{name}", pages=5, status=DocumentStatus.parsed, parser_version="p1",
                    tables=(table,))


def make_rows(doc: Document, studies=STUDIES, overrides: dict[int, dict] | None = None) -> list[Table1Row]:
    """Table1Rows mirroring `studies` of the document's table (trial split from its [..] marker)."""
    rows = []
    for number, study in enumerate(studies, 1):
        trial, _, reference = study[0].partition(" [")
        fields = dict(zip(FIELDS, (trial,) + study[1:]))
        fields.update((overrides or {}).get(number, {}))
        rows.append(Table1Row(doc_sha256=doc.sha256, document=doc.file_name, table_id=doc.tables[0].table_id,
                              row_number=number, reference=fields.pop("reference", reference.rstrip("]") or None),
                              page=3, **fields))
    return rows


COMPLETE = make_document("complete.pdf", "1")
MISSING_ROW = make_document("missing_row.pdf", "2")
NO_RESULTS_COLUMN = make_document("no_results_column.pdf", "3", header=HEADER[:5],
                                  studies=tuple(s[:5] for s in STUDIES))
ROWS_WITHOUT_TABLE = make_document("no_table1.pdf", "4", label="Table 2")
BAD_REFERENCE = make_document("bad_reference.pdf", "7")
BAD_HASH = Document(sha256="not-a-hash", path="/corpus/bad_hash.pdf", pages=1, status=DocumentStatus.parsed,
                    parser_version="p1")


@pytest.fixture(scope="module")
def problems() -> list[str]:
    """check_batch over documents that each break the Table 1 mirror in one way."""
    rows = (make_rows(COMPLETE) + make_rows(MISSING_ROW)[:2]
            + make_rows(NO_RESULTS_COLUMN, studies=tuple(s[:5] + ("",) for s in STUDIES))
            + make_rows(ROWS_WITHOUT_TABLE)
            + make_rows(BAD_REFERENCE, overrides={2: {"reference": "see text"}}))
    docs = [COMPLETE, MISSING_ROW, NO_RESULTS_COLUMN, ROWS_WITHOUT_TABLE, BAD_REFERENCE, BAD_HASH]
    return check_batch(rows, docs)


def _about(problems: list[str], name: str) -> list[str]:
    return [p for p in problems if name in p]


def test_complete_table1_mirror_passes():
    assert check_batch(make_rows(COMPLETE), [COMPLETE]) == []


def test_complete_document_is_not_blamed(problems):
    assert _about(problems, "complete.pdf") == []


def test_missing_row_is_flagged(problems):
    assert _about(problems, "missing_row.pdf") == [
        "missing_row.pdf: Table 1 has 3 data row(s) but 2 were extracted"]


def test_missing_column_is_flagged_by_shape_and_per_row(problems):
    found = _about(problems, "no_results_column.pdf")
    shape = [p for p in found if p.startswith("no_results_column.pdf: ")]
    assert len(shape) == 1 and "main_results" in shape[0], found
    assert [p for p in found if p.startswith("table1_rows")] == []  # the shape problem says it once


def test_rows_without_a_table1_are_flagged(problems):
    assert _about(problems, "no_table1.pdf") == ["no_table1.pdf: 3 Table 1 row(s) but the document has no Table 1"]


def test_row_failing_its_column_check_is_flagged(problems):
    assert _about(problems, "bad_reference.pdf") == [
        "table1_rows bad_reference.pdf row 2: expect_column_values_to_match_regex(reference): "
        "'see text' does not match "
        "/^[0-9]+(\\s*[,;–—−-]\\s*[0-9]+)*$/"]


def test_document_failing_its_column_check_is_flagged(problems):
    assert _about(problems, "bad_hash.pdf") == [
        "documents /corpus/bad_hash.pdf: expect_column_values_to_match_regex(sha256): 'not-a-hash' does not match "
        "/^[0-9a-f]{64}$/"]


def test_duckdb_refuses_the_table1_rows_the_suite_flags():
    con = duckdb.connect()
    con.execute((ddl.TABLES_DIR / "table1_rows.sql").read_text(encoding="utf-8"))
    columns = [c.name for c in TABLE1_ROWS.columns]

    def insert(row: Table1Row) -> None:
        values = table1_row(row) | {"first_run_id": "r", "last_run_id": "r", "is_current": True}
        con.execute(f"INSERT INTO table1_rows ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                    [values[c] for c in columns])

    good, blank_trial, bad_reference = (
        make_rows(COMPLETE)[0], make_rows(COMPLETE, overrides={1: {"trial": " "}})[0],
        make_rows(COMPLETE, overrides={1: {"reference": "see text"}})[0])
    insert(good)
    for row in (blank_trial, bad_reference):
        with pytest.raises(duckdb.ConstraintException):
            insert(row)


def test_one_blank_cell_in_a_present_column_does_not_fail_the_batch():
    # regression: a blank Setting cell (merged or left empty in print) failed the whole run
    rows = make_rows(COMPLETE, overrides={1: {"setting": ""}})
    assert check_batch(rows, [COMPLETE]) == []


def test_table1_that_is_not_a_study_summary_is_not_a_batch_problem():
    # regression: a trial report's Table 1 (baseline characteristics) yields no rows and must not fail the run
    baseline = make_document("trial_report.pdf", "8", header=("Characteristic", "Arm A (N=100)", "Arm B (N=98)"),
                             studies=(("Median age, years", "47", "45"), ("Female sex", "40 (40%)", "52 (53%)")))
    assert check_batch([], [baseline]) == []
