"""bench/make_corpus.py: deterministic, varied synthetic PDFs that the project's own ingest reads, with tables where drawn."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bench.make_corpus import MANIFEST, main
from extractors.pdf.ingest import parse_pdf
from schemas.document import DocumentStatus
from schemas.settings import IngestSettings

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "make_corpus.py"


def _manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Twenty generated documents, shared by the tests that only read them."""
    folder = tmp_path_factory.mktemp("corpus") / "out"
    assert main(["20", str(folder), "--seed", "3"]) == 0
    return folder


def test_same_seed_gives_the_same_bytes_in_any_process_and_another_seed_does_not(tmp_path):
    runs = {}
    for name, hash_seed, seed in (("a", "1", "9"), ("b", "2", "9"), ("c", "1", "10")):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, str(SCRIPT), "3", str(tmp_path / name), "--seed", seed], check=True,
                       env=env, capture_output=True)
        runs[name] = _files(tmp_path / name)
    assert runs["a"] == runs["b"]
    assert len(runs["a"]) == 4
    assert not set(runs["a"].values()) & set(runs["c"].values())


def test_a_larger_corpus_starts_with_the_same_documents(tmp_path, corpus):
    assert main(["2", str(tmp_path / "small"), "--seed", "3"]) == 0
    small = _manifest(tmp_path / "small")["documents"]
    assert small == _manifest(corpus)["documents"][:2]


def test_manifest_lists_every_file_with_its_real_page_count_between_2_and_12(corpus):
    manifest = _manifest(corpus)
    assert manifest["complete"] is True and manifest["seed"] == 3 and manifest["count"] == 20
    pdfs = sorted(p.name for p in corpus.glob("*.pdf"))
    assert pdfs == sorted(d["file"] for d in manifest["documents"])
    for entry in manifest["documents"]:
        pdf = pdfium.PdfDocument(str(corpus / entry["file"]))
        assert len(pdf) == entry["pages"]
        pdf.close()
        assert 2 <= entry["pages"] <= 12
    assert manifest["pages"] == sum(d["pages"] for d in manifest["documents"])


def test_twenty_documents_cover_both_layouts_table_styles_kinds_and_several_fonts(corpus):
    documents = _manifest(corpus)["documents"]
    assert {d["layout"] for d in documents} == {"one-column", "two-column"}
    assert {t["style"] for d in documents for t in d["tables"]} == {"ruled", "booktabs"}
    assert {d["kind"] for d in documents} == {"trial", "review"}
    assert len({d["body_font"] for d in documents}) >= 2
    assert len({d["body_size"] for d in documents}) >= 3
    assert len({d["pages"] for d in documents}) >= 5


def test_prose_is_varied_not_one_sentence_repeated(corpus):
    documents = _manifest(corpus)["documents"]
    longest = max(documents, key=lambda d: d["pages"])
    pdf = pdfium.PdfDocument(str(corpus / longest["file"]))
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    body = text.rsplit("References", 1)[0]
    sentences = [s.strip() for s in body.replace("\r\n", " ").replace("\n", " ").split(". ") if len(s.strip()) > 40]
    most_common = Counter(sentences).most_common(1)[0][1]
    assert len(sentences) > 50 * longest["pages"] / 12
    assert most_common <= 2, Counter(sentences).most_common(3)
    for term in ("95% CI", "median", "months"):
        assert term in text


def _sample(documents: list[dict]) -> list[dict]:
    """The shortest document of each (layout, table style, kind) present: every combination, few pages."""
    best: dict[tuple, dict] = {}
    for d in documents:
        key = (d["layout"], d["table_style"], d["kind"])
        if key not in best or d["pages"] < best[key]["pages"]:
            best[key] = d
    return list(best.values())


def test_project_ingest_parses_every_sampled_document_and_finds_each_drawn_table(corpus, tmp_path):
    sample = _sample(_manifest(corpus)["documents"])
    assert {(d["layout"], d["table_style"]) for d in sample} == {
        (layout, style) for layout in ("one-column", "two-column") for style in ("ruled", "booktabs")}
    settings = IngestSettings(cache_dir=tmp_path / "cache")
    for entry in sample:
        doc = parse_pdf(corpus / entry["file"], settings)
        assert doc.status is DocumentStatus.parsed, (entry["file"], doc.message)
        assert doc.pages == entry["pages"]
        found = {t.label: (t.page, len(t.header), len(t.rows)) for t in doc.tables}
        drawn = {t["label"]: (t["page"], t["columns"], t["rows"]) for t in entry["tables"]}
        assert found == drawn, entry["file"]


@pytest.mark.parametrize("argv, message", [
    (["0", "DIR"], "N must be a positive integer"),
    (["-3", "DIR"], "N must be a positive integer"),
    (["ten", "DIR"], "N must be a positive integer"),
    (["5"], "the following arguments are required: DIR"),
    (["5", "DIR", "--seed", "x"], "invalid int value"),
])
def test_bad_arguments_exit_2_with_a_message(argv, message, tmp_path, capsys):
    argv = [str(tmp_path / "out") if a == "DIR" else a for a in argv]
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_non_empty_folder_not_made_by_the_tool_is_refused_unless_forced(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    assert main(["1", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "not made by bench/make_corpus.py" in err and "--force" in err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert main(["1", str(folder), "--force"]) == 0
    assert (folder / "notes.txt").read_text() == "keep me"
    assert len(list(folder.glob("*.pdf"))) == 1


def test_a_file_given_as_dir_exits_2(tmp_path, capsys):
    target = tmp_path / "file.pdf"
    target.write_bytes(b"%PDF")
    assert main(["1", str(target)]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_missing_folders_are_created_and_a_corpus_folder_is_regenerated_in_place(tmp_path):
    folder = tmp_path / "a" / "b" / "corpus"
    assert main(["3", str(folder), "--seed", "1"]) == 0
    assert len(list(folder.glob("*.pdf"))) == 3
    assert main(["2", str(folder), "--seed", "2"]) == 0
    manifest = _manifest(folder)
    assert sorted(p.name for p in folder.glob("*.pdf")) == sorted(d["file"] for d in manifest["documents"])
    assert manifest["seed"] == 2 and manifest["count"] == 2
