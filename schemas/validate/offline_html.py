"""Make a built Data Docs site load nothing from the network: CDN and web-asset URLs become relative vendored copies."""
from __future__ import annotations

import logging
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Mapping

from schemas.validate.offline_assets import CDN_ASSETS, SITE_IMAGES, SITE_VENDOR_DIR, VENDOR_DIR

log = logging.getLogger(__name__)

_LOADING_TAG = re.compile(r"<(?:script|link|img)\b[^>]*>", re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(r"""\b(src|href)(\s*=\s*)(["'])(.*?)\3""", re.IGNORECASE | re.DOTALL)
# a local file:// page cannot pass the CORS check these ask for, so a rewritten tag drops them
_CORS_ATTRIBUTES = re.compile(r"""\s+(?:integrity|crossorigin)(?:\s*=\s*(["']).*?\1|\s*=\s*[^\s>]+)?""",
                              re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(["'])([^"']+)\1""", re.IGNORECASE)
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_LOADED_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch",
                     "manifest", "import"}
_SRC_TAGS = {"script", "img", "iframe", "embed", "source", "audio", "video", "track", "input"}


def replacements(site_dir: Path) -> dict[str, Path]:
    """Each known remote URL (without query) and the file inside the site that replaces it."""
    vendor = site_dir / SITE_VENDOR_DIR
    targets = {asset.url: vendor / asset.vendored for asset in CDN_ASSETS}
    targets.update({url: site_dir / path for url, path in SITE_IMAGES.items()})
    return targets


def _relative(target: Path, page_dir: Path) -> str:
    return Path(os.path.relpath(target, page_dir)).as_posix()


def _misdirected_static(url: str, page_dir: Path, site_dir: Path) -> Path | None:
    """The site's static file a relative URL meant when it climbs the wrong number of folders (GX's favicon does)."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    if _REMOTE.match(path) or ":" in path or "static/" not in path or (page_dir / path).exists():
        return None
    target = site_dir / ("static/" + path.split("static/", 1)[1])
    return target if target.is_file() else None


def rewrite(text: str, page_dir: Path, targets: Mapping[str, Path], site_dir: Path | None = None) -> str:
    """`text` (HTML or CSS in page_dir) with every known remote URL in a loading tag or CSS url() made relative.

    Given site_dir, a relative link into the site's static/ folder that misses its file is re-aimed at it too.
    """

    def local(url: str) -> str | None:
        url = url.strip()
        target = targets.get(url.split("?", 1)[0])
        if target is None and site_dir is not None:
            target = _misdirected_static(url, page_dir, site_dir)
        return None if target is None else _relative(target, page_dir)

    def tag(match: re.Match) -> str:
        changed = False

        def attribute(attr: re.Match) -> str:
            nonlocal changed
            path = local(attr.group(4))
            if path is None:
                return attr.group(0)
            changed = True
            return f"{attr.group(1)}{attr.group(2)}{attr.group(3)}{path}{attr.group(3)}"

        rewritten = _URL_ATTRIBUTE.sub(attribute, match.group(0))
        return _CORS_ATTRIBUTES.sub("", rewritten) if changed else rewritten

    def css_url(match: re.Match) -> str:
        path = local(match.group(2))
        return match.group(0) if path is None else f"url('{path}')"

    return _CSS_URL.sub(css_url, _LOADING_TAG.sub(tag, text))


class _ResourceFinder(HTMLParser):
    """Collects the URLs an HTML page loads by itself (scripts, stylesheets, images, frames), not the links it shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and _LOADED_LINK_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        if tag in _SRC_TAGS and "src" in values:
            self.urls.append(values["src"])
        if "srcset" in values:
            self.urls += [part.split()[0] for part in values["srcset"].split(",") if part.strip()]
        if tag == "object" and "data" in values:
            self.urls.append(values["data"])
        if "style" in values:
            self.urls += css_resources(values["style"])

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.urls += css_resources(data)


def css_resources(css: str) -> list[str]:
    """URLs a stylesheet loads: url(...) values (not data: URIs) and @import targets."""
    return [m.group(2) for m in _CSS_URL.finditer(css) if not m.group(2).lower().startswith("data:")] + \
        [m.group(2) for m in _CSS_IMPORT.finditer(css)]


def remote_urls(text: str, css: bool = False) -> list[str]:
    """Network URLs an HTML page (or a stylesheet) would load by itself; links a reader may follow are not counted."""
    if css:
        urls = css_resources(text)
    else:
        finder = _ResourceFinder()
        finder.feed(text)
        urls = finder.urls
    return [url for url in urls if _REMOTE.match(url)]


def remote_resources(path: Path) -> list[str]:
    """Network URLs the HTML or CSS file would load by itself."""
    return remote_urls(path.read_text(encoding="utf-8", errors="replace"), css=path.suffix.lower() == ".css")


def site_pages(site_dir: Path) -> list[Path]:
    """The site's own HTML and CSS files, not the vendored copies."""
    vendor = (site_dir / SITE_VENDOR_DIR).resolve()
    return sorted(p for p in site_dir.rglob("*") if p.suffix.lower() in {".html", ".css"} and p.is_file()
                  and vendor not in p.resolve().parents)


def make_offline(site_dir: Path) -> dict[Path, list[str]]:
    """Copy the vendored assets into the site and point every page at them; returns what still loads from the network."""
    site_dir = Path(site_dir).resolve()
    shutil.copytree(VENDOR_DIR, site_dir / SITE_VENDOR_DIR, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("README.md", "MANIFEST.json"))
    targets = replacements(site_dir)
    remaining: dict[Path, list[str]] = {}
    for page in site_pages(site_dir):
        text = page.read_text(encoding="utf-8")
        if SITE_VENDOR_DIR in text:  # made offline by an earlier build; GX rewrites only the pages of this process
            continue
        offline = rewrite(text, page.parent, targets, site_dir)
        if offline != text:
            page.write_text(offline, encoding="utf-8")
        if urls := remote_urls(offline, css=page.suffix.lower() == ".css"):
            remaining[page] = urls
    if remaining:
        log.warning("Data Docs still load %d remote URL(s), e.g. %s; add them to schemas/validate/offline_assets.py",
                    sum(map(len, remaining.values())), next(iter(remaining.values()))[0])
    return remaining
