"""Stage functions keep one bad document from stopping a run."""
from __future__ import annotations

from extractors import stages
from extractors.evidence import extract as extract_module
from extractors.pdf import cache
from schemas.document import Document, DocumentStatus
from schemas.settings import ExtractSettings, IngestSettings


def test_extraction_error_on_one_document_becomes_a_note_not_a_crash(monkeypatch):
    def explode(doc, rows, settings):
        raise ValueError("odd span")

    monkeypatch.setattr(extract_module, "extract_evidence", explode)
    doc = Document(sha256="d" * 64, path="/c/odd.pdf", pages=1, status=DocumentStatus.parsed, parser_version="p",
                   text="Nothing here.")
    result = stages.extract_document(doc, ExtractSettings())
    assert result.records == ()
    assert result.notes and "evidence extraction failed" in result.notes[0] and "odd span" in result.notes[0]


def test_unreadable_files_get_distinct_ids_and_a_message(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.mkdir()
    second.mkdir()  # a folder named like a PDF cannot be read as a file
    docs = [cache.ingest_file(p, IngestSettings(cache_dir=tmp_path / "cache")) for p in (first, second)]
    assert {d.status for d in docs} == {DocumentStatus.corrupt}
    assert docs[0].sha256 != docs[1].sha256
    assert all(d.message.startswith("cannot read file") for d in docs)


def test_unmappable_table1_sets_aside_only_that_documents_table1(monkeypatch):
    from schemas.evidence import EvidenceRecord, Table1Row

    good, bad = (Document(sha256=d * 64, path=f"/c/{n}.pdf", pages=3, status=DocumentStatus.parsed,
                          message="parsed: 3 page(s).", parser_version="p") for d, n in (("1", "good"), ("2", "bad")))

    def row(doc):
        return Table1Row(doc_sha256=doc.sha256, document=doc.file_name, table_id=f"{doc.sha256[:12]}:Table 1",
                         row_number=1, trial="ALPHA", setting="", design="", total_patients="", treatment="",
                         main_results="CR 80%", page=2)

    def record(doc, source):
        extra = dict(table_id=f"{doc.sha256[:12]}:Table 1", table_row=1, table_col=5) if source == "table" else {}
        return EvidenceRecord(doc=doc.file_name, trial="ALPHA", endpoint="CR", value=80, unit="%", statistic="rate",
                              page=2, quote="CR 80%", source=source, doc_sha256=doc.sha256, value_text="80",
                              char_start=3, char_end=5, quote_start=0, extractor="rule:t", extractor_version="1", **extra)

    records = [record(good, "table"), record(bad, "table"), record(bad, "body")]
    outcome = stages.settle_table1([good, bad], [row(good), row(bad)], records,
                                   {bad.sha256: ["no column for 'setting'"]})
    by_name = {d.file_name: d for d in outcome.documents}
    assert by_name["good.pdf"].table1_status == "mirrored"
    assert by_name["bad.pdf"].table1_status == "unmapped" and "no column for 'setting'" in by_name["bad.pdf"].message
    assert [r.doc_sha256 for r in outcome.table1_rows] == [good.sha256]
    assert [(r.doc, r.source) for r in outcome.records] == [("good.pdf", "table"), ("bad.pdf", "body")]
    assert outcome.notes == ["bad.pdf: Table 1 not loaded, its columns could not be mapped: no column for 'setting'"]
