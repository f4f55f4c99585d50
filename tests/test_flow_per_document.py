"""One document whose Table 1 cannot be mapped fails only itself; the rest of the run loads."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from flows.cli import main
from tests.conftest import REVIEW_PDF, SHARED
from tests.fixtures.summary_table_pdfs import SUMMARY_HEADER, SUMMARY_ROWS, summary_table_pdf

pytestmark = pytest.mark.slow

CART_REVIEW = SHARED / "corpus" / "reviews" / "review_cart_all.pdf"
"""Its Table 1 merges setting, design and patient count into one column: it failed the batch, now it maps."""
NO_DESIGN = SUMMARY_HEADER.index("Study Design")


def test_unmappable_table1_in_one_review_no_longer_fails_the_run_for_every_document(tmp_path, capsys):
    if not CART_REVIEW.exists():
        pytest.skip("../shared/corpus/reviews is not present")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for pdf in (CART_REVIEW, REVIEW_PDF):
        shutil.copyfile(pdf, corpus / pdf.name)
    summary_table_pdf(corpus / "review_no_design.pdf",  # a Table 1 with no design column cannot be mirrored
                      header=[h for i, h in enumerate(SUMMARY_HEADER) if i != NO_DESIGN],
                      rows=[[c for i, c in enumerate(r) if i != NO_DESIGN] for r in SUMMARY_ROWS])
    warehouse = tmp_path / "w.duckdb"
    code = main(["run", "--corpus", str(corpus), "--warehouse", str(warehouse)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "review_no_design.pdf: Table 1 not loaded, its columns could not be mapped" in err
    assert "Table 1 not loaded, columns not mapped: review_no_design.pdf" in out
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        docs = dict((n, (s, t, m)) for n, s, t, m in con.execute(
            "select file_name, status, table1_status, message from documents").fetchall())
        assert docs["review_no_design.pdf"][:2] == ("parsed", "unmapped")
        assert "no column for 'design'" in docs["review_no_design.pdf"][2]
        assert docs["lussana2023_cancers.pdf"][:2] == ("parsed", "mirrored")
        assert docs["review_cart_all.pdf"][:2] == ("parsed", "mirrored")
        table1 = dict(con.execute("select document, count(*) from v_table1 group by document").fetchall())
        assert table1 == {"lussana2023_cancers.pdf": 10, "review_cart_all.pdf": 6}
        evidence = dict(con.execute("select doc, count(*) from v_evidence group by doc").fetchall())
        assert evidence.get("lussana2023_cancers.pdf", 0) > 0
        by_status = dict(con.execute("select status, count(*) from v_table1_sync group by status").fetchall())
        assert (f"Table 1 results:  {by_status.get('confirmed', 0)} confirmed, {by_status.get('rounding', 0)} rounding, "
                f"{by_status.get('contradicted', 0)} contradicted, {by_status.get('unsupported', 0)} unsupported") in out
        assert con.execute("select count(*) from v_evidence where doc = 'review_no_design.pdf' and source = 'table' "
                           "and table_id like '%Table 1'").fetchone()[0] == 0
    finally:
        con.close()
