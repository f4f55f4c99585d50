"""Data Docs load nothing from the network: CDN URLs point at vendored npm copies, and the index renders offline."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import tarfile
from pathlib import Path

import great_expectations
import pytest
from PIL import Image

from schemas.document import Document, DocumentStatus
from schemas.evidence import EvidenceRecord
from schemas.validate.offline_assets import CDN_ASSETS, PACKAGES, SITE_IMAGES, SITE_VENDOR_DIR, VENDOR_DIR, NpmPackage
from schemas.validate.offline_html import css_resources, make_offline, remote_resources, replacements, rewrite, site_pages
from schemas.settings import ValidateSettings
from schemas.validate.records import validate_records
from schemas.validate.vendor_data_docs_assets import MANIFEST, differences, unpack, write
from tests.browser import artifact_path, render

GX_VIEW = Path(great_expectations.__file__).parent / "render" / "view"
SHA = "7" * 64
DOCUMENT = Document(sha256=SHA, path="/corpus/offline.pdf", pages=3, status=DocumentStatus.parsed, parser_version="p1")
KNOWN_URLS = {asset.url for asset in CDN_ASSETS} | set(SITE_IMAGES)
LOADED_LOCAL = re.compile(r"""<(?:script|link|img)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"'#?]+)""", re.IGNORECASE)


def _record(start: int, **overrides) -> EvidenceRecord:
    fields = dict(doc="offline.pdf", trial="TOWER", nct="NCT02013167", endpoint="CR", arm=None, value=34.0, unit="%",
                  statistic="rate", page=2, quote="CR was achieved in 34% of patients", source="body", doc_sha256=SHA,
                  value_text="34", char_start=start, char_end=start + 2, quote_start=start - 20,
                  extractor="rule:test", extractor_version="t1")
    return EvidenceRecord(**{**fields, **overrides})


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A Data Docs site built by the validate stage from two valid records and one it rejects."""
    reports = tmp_path_factory.mktemp("offline-reports")
    records = [_record(100), _record(200, endpoint="OS", value=7.7, unit="months", statistic="median",
                                     value_text="7.7", quote="median OS of 7.7 months"),
               _record(300, value=136.0, value_text="136", quote="CR in 136% of patients")]
    outcome = validate_records(records, [DOCUMENT], "run-offline", ValidateSettings(reports_dir=reports))
    assert len(outcome.rejected) == 1
    return Path(outcome.data_docs_path).parent


# ---- the rewrite itself


def test_rewrite_points_loading_tags_at_relative_copies_and_leaves_links(tmp_path):
    page_dir = tmp_path / "validations" / "suite" / "run"
    targets = replacements(tmp_path)
    html = ('<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>\n'
            '<script src="https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js" '
            'integrity="sha384-abc" crossorigin="anonymous"></script>\n'
            '<img\n  class="NO-CACHE"\n  src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/'
            'logo-long.png?d=20261206T000000Z&dataContextId=x"\n/>\n'
            "<style>a { background: url('https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/"
            "full_logo_dark.png') }</style>\n"
            '<a href="https://greatexpectations.io">Great Expectations</a>')
    out = rewrite(html, page_dir, targets)
    assert '<script src="../../../static/vendor/jquery-3.7.1/dist/jquery.min.js"></script>' in out
    assert ('<script src="../../../static/vendor/bootstrap-4.3.1/dist/js/bootstrap.min.js"></script>' in out)
    assert 'src="../../../static/images/logo-long.png"' in out
    assert "url('../../../static/images/logo-long.png')" in out
    assert '<a href="https://greatexpectations.io">' in out  # a link the reader may follow is not a load


def test_rewrite_leaves_unknown_remote_urls_for_the_scan_to_report(tmp_path):
    html = '<script src="https://example.org/new.js" integrity="sha384-x" crossorigin="anonymous"></script>'
    assert rewrite(html, tmp_path, replacements(tmp_path)) == html


def test_gx_favicon_link_one_folder_short_is_reaimed_at_the_site_static_folder(tmp_path):
    (tmp_path / "static" / "images").mkdir(parents=True)
    (tmp_path / "static" / "images" / "favicon.ico").write_bytes(b"ico")
    page_dir = tmp_path / "validations" / "suite" / "run" / "time"
    page_dir.mkdir(parents=True)
    html = '<link rel="shortcut icon" href="../../../static/images/favicon.ico" type="image/x-icon"/>'
    out = rewrite(html, page_dir, replacements(tmp_path), tmp_path)
    assert out == '<link rel="shortcut icon" href="../../../../static/images/favicon.ico" type="image/x-icon"/>'
    assert rewrite(out, page_dir, replacements(tmp_path), tmp_path) == out


def test_remote_resources_counts_what_a_page_loads_not_what_it_links(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<link rel="stylesheet" href="https://a.example/x.css">'
                    '<link rel="canonical" href="https://a.example/page">'
                    '<script src="//b.example/y.js"></script><script src="local.js"></script>'
                    '<img srcset="https://c.example/1x.png 1x, small.png 2x">'
                    '<div style="background: url(https://d.example/bg.png)"></div>'
                    '<style>@import "https://e.example/more.css"; i { background: url("data:image/png;base64,AA") }'
                    '</style><a href="https://f.example">docs</a>', encoding="utf-8")
    assert remote_resources(page) == ["https://a.example/x.css", "//b.example/y.js", "https://c.example/1x.png",
                                      "https://d.example/bg.png", "https://e.example/more.css"]


# ---- the vendored copies


def test_every_cdn_url_of_the_gx_templates_has_a_vendored_copy():
    """Guards a GX upgrade: a template that loads a new remote URL fails here, not silently in a lab."""
    found = {url for template in sorted((GX_VIEW / "templates").glob("*.j2")) + sorted(
        (GX_VIEW / "static" / "styles").glob("*.css")) for url in remote_resources(template)}
    assert found, "no remote URL found in the GX templates: has the template folder moved?"
    assert found <= KNOWN_URLS, sorted(found - KNOWN_URLS)


def test_every_replacement_file_is_vendored_and_matches_the_manifest():
    manifest = json.loads((VENDOR_DIR / MANIFEST).read_text(encoding="utf-8"))
    for asset in CDN_ASSETS:
        assert (VENDOR_DIR / asset.vendored).is_file(), asset.url
    for package in PACKAGES:
        assert package.spec in manifest["packages"]
        for path in package.files + (package.licence_files or ("NOTICE.txt",)):
            entry = manifest["files"][f"{package.folder}/{path}"]
            data = (VENDOR_DIR / package.folder / path).read_bytes()
            assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["bytes"], entry["sha256"]), path


def test_vendored_bootstrap_and_popper_match_the_templates_sri_hashes():
    template = (GX_VIEW / "templates" / "js_script_imports.j2").read_text(encoding="utf-8")
    pinned = dict(re.findall(r'src="([^"]+)" integrity="([^"]+)"', template))
    assert len(pinned) == 2
    by_url = {asset.url: asset for asset in CDN_ASSETS}
    for url, integrity in pinned.items():
        digest = hashlib.sha384((VENDOR_DIR / by_url[url].vendored).read_bytes()).digest()
        assert f"sha384-{base64.b64encode(digest).decode()}" == integrity, url


def test_vendored_stylesheets_load_only_vendored_files():
    """Font Awesome's webfonts and any other url() of a vendored stylesheet are vendored beside it."""
    for css in VENDOR_DIR.rglob("*.css"):
        for url in css_resources(css.read_text(encoding="utf-8")):
            assert not re.match(r"(https?:)?//", url), (css, url)
            assert (css.parent / url.split("?")[0].split("#")[0]).is_file(), (css, url)


def test_vendor_unpack_keeps_listed_files_and_notes_a_missing_licence(tmp_path):
    tarball = tmp_path / "demo-1.0.0.tgz"
    with tarfile.open(tarball, "w:gz") as tar:
        for name, data in {"package/package.json": b'{"license": "MIT", "author": "A. Person"}',
                           "package/dist/demo.min.js": b"var demo;", "package/src/demo.js": b"var demo = 1;"}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    files = unpack(NpmPackage("demo", "1.0.0", ("dist/demo.min.js",), (), "test"), tarball)
    assert sorted(files) == ["demo-1.0.0/NOTICE.txt", "demo-1.0.0/dist/demo.min.js"]
    assert b"license: MIT" in files["demo-1.0.0/NOTICE.txt"]
    write(files, tmp_path / "vendor")
    assert differences(files, tmp_path / "vendor") == []
    (tmp_path / "vendor" / "demo-1.0.0" / "dist" / "demo.min.js").write_bytes(b"tampered")
    assert differences(files, tmp_path / "vendor") == ["differs: demo-1.0.0/dist/demo.min.js"]


# ---- a built site


def test_built_data_docs_load_no_remote_resource(site):
    pages = site_pages(site)
    assert any(p.name == "index.html" for p in pages) and any("validations" in p.parts for p in pages)
    assert {str(p.relative_to(site)): remote_resources(p) for p in pages if remote_resources(p)} == {}


def test_built_data_docs_local_resources_all_exist(site):
    for page in (p for p in site_pages(site) if p.suffix == ".html"):
        for url in LOADED_LOCAL.findall(page.read_text(encoding="utf-8")):
            assert (page.parent / url).is_file(), (page.relative_to(site), url)


def test_make_offline_reports_a_remote_url_it_cannot_replace(tmp_path, caplog):
    page = tmp_path / "index.html"
    page.write_text('<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>'
                    '<script src="https://example.org/new-in-gx.js"></script>', encoding="utf-8")
    assert make_offline(tmp_path) == {page: ["https://example.org/new-in-gx.js"]}
    assert "add them to schemas/validate/offline_assets.py" in caplog.text
    assert 'src="static/vendor/jquery-3.7.1/dist/jquery.min.js"' in page.read_text(encoding="utf-8")


def test_make_offline_twice_changes_nothing(site):
    before = {p: p.read_bytes() for p in site_pages(site)}
    assert make_offline(site) == {}
    assert {p: p.read_bytes() for p in site_pages(site)} == before
    assert (site / SITE_VENDOR_DIR / "jquery-3.7.1" / "dist" / "jquery.min.js").is_file()


# ---- headless Chromium with the network off

INDEX_PROBE = """() => ({
  rows: [...document.querySelectorAll('table.ge-index-page-validation-results-table tbody tr')]
        .map(row => row.innerText),
  bodyFont: getComputedStyle(document.body).fontFamily,
  iconFonts: [...document.fonts].filter(f => f.family.includes('Font Awesome') && f.status === 'loaded').length,
  icons: [...document.querySelectorAll('.fas, .fa')].filter(i => i.getBoundingClientRect().width > 0).length,
})"""


def _not_blank(screenshot: Path) -> int:
    with Image.open(screenshot) as image:
        return len(image.convert("RGB").resize((160, 120)).getcolors(maxcolors=1 << 16) or ())


def test_data_docs_index_renders_offline_in_headless_chromium(site):
    shot = artifact_path("data_docs_index.png")
    result = render(site / "index.html", shot, evaluate=INDEX_PROBE)
    print(f"screenshot: {shot}")
    assert result.console_errors == [] and result.failed_requests == [], result
    probe = result.evaluated
    assert len(probe["rows"]) >= 1 and any("fact_evidence" in row for row in probe["rows"]), probe["rows"]
    assert "Times" not in probe["bodyFont"] and "Segoe UI" in probe["bodyFont"], probe  # Bootstrap's font stack
    assert probe["iconFonts"] >= 1 and probe["icons"] >= 1, probe  # the vendored webfonts loaded
    assert _not_blank(shot) > 20


def test_data_docs_validation_page_renders_offline_in_headless_chromium(site):
    page = next(p for p in site_pages(site) if "validations" in p.parts and "fact_evidence" in p.parts)
    shot = artifact_path("data_docs_fact_evidence_validation.png")
    result = render(page, shot, evaluate="() => document.querySelectorAll('table.table').length")
    print(f"screenshot: {shot}")
    assert result.console_errors == [] and result.failed_requests == [], result
    assert result.evaluated >= 1


def test_render_reports_a_cdn_page_as_broken_because_the_network_is_off(tmp_path):
    """The control: what the Data Docs were before, a page that needs a CDN, fails to load and to run."""
    page = tmp_path / "cdn.html"
    page.write_text('<html><body><script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>'
                    '<script>$("body").text("loaded")</script></body></html>', encoding="utf-8")
    result = render(page, tmp_path / "cdn.png")
    assert result.failed_requests == ["blocked (network is off): https://code.jquery.com/jquery-3.7.1.min.js"]
    assert any("$ is not defined" in error for error in result.console_errors), result.console_errors
    assert not result.clean
