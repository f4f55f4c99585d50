"""Every third-party PDF in ../shared/corpus/external gets the right status and, where known, the right text."""
from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

import pytest

from extractors.pdf.ingest import parse_pdf
from extractors.pdf.worker import parse_pdf_isolated
from schemas.document import Document, DocumentStatus
from schemas.settings import IngestSettings
from tests.conftest import EXTERNAL

MANIFEST = EXTERNAL / "MANIFEST.json"
ENTRIES = json.loads(MANIFEST.read_text(encoding="utf-8"))["files"] if MANIFEST.exists() else []
pytestmark = pytest.mark.skipif(not ENTRIES, reason="../shared/corpus/external is not present")


def _id(entry: dict) -> str:
    return entry["path"]


def _expected_file(entry: dict) -> dict | None:
    pointer = (entry.get("expected") or {}).get("file")
    return json.loads((EXTERNAL / pointer).read_text(encoding="utf-8")) if pointer else None


def expected_status(entry: dict) -> DocumentStatus:
    """Translate the manifest's pdfplumber check (and expected page count) into our status vocabulary."""
    result = entry["pdfplumber_check"]["result"]
    if result.startswith("ok"):
        return DocumentStatus.parsed
    if result.startswith("encrypted"):
        return DocumentStatus.encrypted
    if result == "no text layer":
        return DocumentStatus.no_text_layer
    if result == "PDFSyntaxError":
        return DocumentStatus.empty if entry["size_bytes"] == 0 else DocumentStatus.corrupt
    if result == "zero pages":
        # A file that reports no pages although its own metadata promises some is damaged, not empty.
        promised = ((_expected_file(entry) or {}).get("expected") or {})
        return DocumentStatus.corrupt if isinstance(promised, dict) and promised.get("pages") else DocumentStatus.empty
    raise AssertionError(f"unmapped manifest result {result!r}")


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> IngestSettings:
    return IngestSettings(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def parsed(settings) -> dict[str, Document]:
    """Each manifest file parsed once in an isolated worker (text only), with the passwords the manifest knows."""
    passwords = {Path(e["path"]).name: e["password"] for e in ENTRIES if e.get("password")}
    with_passwords = settings.model_copy(update={"passwords": passwords})
    return {e["path"]: parse_pdf_isolated(EXTERNAL / e["path"], with_passwords, with_tables=False) for e in ENTRIES}


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_status_without_password_matches_manifest(entry, settings, parsed):
    if entry.get("password"):
        doc = parse_pdf_isolated(EXTERNAL / entry["path"], settings, with_tables=False)
    else:
        doc = parsed[entry["path"]]
    assert doc.status is expected_status(entry), doc.message
    assert doc.message and doc.sha256 == entry["sha256"]


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.get("password")], ids=_id)
def test_encrypted_file_opens_with_the_manifest_password(entry, parsed):
    doc = parsed[entry["path"]]
    assert doc.status is DocumentStatus.parsed, doc.message
    assert doc.pages == entry["pdfplumber_check"]["open_with_password"]["pages"] and doc.text


def test_wrong_password_says_so(settings):
    entry = next(e for e in ENTRIES if e.get("password"))
    name = Path(entry["path"]).name
    doc = parse_pdf(EXTERNAL / entry["path"], settings.model_copy(update={"passwords": {name: "not-it"}}))
    assert doc.status is DocumentStatus.encrypted and "wrong" in doc.message


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("<s>", "").replace("</s>", "")


def _quoted_expectations(entry: dict) -> list[str]:
    """Text the manifest or the source project's test says the page shows ("text 'x'", "Visible text: 'x'")."""
    found: list[str] = []
    checks = entry["pdfplumber_check"].get("expected_check", {}).get("assertions", [])
    for check in checks:
        found += re.findall(r"text(?: contains)? '([^']+)'", check["assertion"])
    expected = (_expected_file(entry) or {}).get("expected")
    if isinstance(expected, str):
        found += re.findall(r"Visible text: '([^']+)'", expected)
    return found


QUOTED = [(e, q) for e in ENTRIES for q in _quoted_expectations(e)]


@pytest.mark.parametrize(("entry", "quote"), QUOTED, ids=[f"{e['path']}:{q[:20]}" for e, q in QUOTED])
def test_quoted_page_text_is_reproduced(entry, quote, parsed):
    assert _squash(quote) in _squash(parsed[entry["path"]].text)


PDFMINER = [e for e in ENTRIES if (e.get("expected") or {}).get("kind", "").startswith("pdfminer_extract_text")]


@pytest.mark.parametrize("entry", PDFMINER, ids=_id)
def test_pdfminer_expected_lines_are_reproduced(entry, parsed):
    """Lines of pdfminer's expected output (4+ characters, no (cid:N) codes) appear in our text."""
    expected = _expected_file(entry)["expected"]
    lines = [line.strip() for line in expected.splitlines() if len(line.strip()) >= 4 and "(cid:" not in line]
    text = parsed[entry["path"]].text
    assert lines and [line for line in lines if line not in text] == []
    assert "(cid:" not in text


RIGHT_TO_LEFT = pytest.mark.xfail(strict=True, reason="right-to-left cells: camelot keeps visual word order, we keep logical")
CAMELOT = [pytest.param(e, marks=RIGHT_TO_LEFT if "RIGHT-TO-LEFT" in e["what_is_special"].upper()
                        or "right-to-left" in e["what_is_special"] else (), id=e["path"])
           for e in ENTRIES if (e.get("expected") or {}).get("kind") == "camelot_table_df"]


@pytest.mark.parametrize("entry", CAMELOT)
def test_camelot_table_cells_are_in_the_text(entry, parsed):
    """Expected cells occur in our text about as often as in pdfplumber's (superscript markers are kept out)."""
    cells = [_squash(c) for t in _expected_file(entry)["tables"] for row in t["rows"] for c in row if _squash(c)]
    text = _squash(parsed[entry["path"]].text)
    found = sum(1 for c in cells if c in text)
    baseline = entry["pdfplumber_check"]["expected_check"]["cell_recall"]["recall"]
    assert found / len(cells) >= baseline - 0.02


def _token_recall(expected: str, text: str) -> float:
    want = Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", expected).lower()))
    have = Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()))
    return sum((want & have).values()) / max(1, sum(want.values()))


def test_cermine_full_text_is_reproduced(parsed):
    expected = (EXTERNAL / "scientific_biomedical" / "test2-fulltext.txt").read_text(encoding="utf-8")
    assert _token_recall(expected, parsed["scientific_biomedical/test2.pdf"].text) >= 0.97


def test_cermine_title_and_abstract_are_reproduced(parsed):
    meta = ElementTree.parse(EXTERNAL / "scientific_biomedical" / "test1-metadata.xml")
    title = "".join(meta.find(".//article-title").itertext())
    abstract = " ".join("".join(p.itertext()) for p in meta.findall(".//abstract//p"))
    text = parsed["scientific_biomedical/test1.pdf"].text
    assert _squash(title) in _squash(text)
    assert _token_recall(abstract, text) >= 0.97


def test_parsed_documents_keep_block_spans_exact(parsed):
    for doc in parsed.values():
        for block in doc.blocks:
            assert doc.text[block.char_start:block.char_end] == block.text, doc.path
