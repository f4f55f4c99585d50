"""Which CDN assets the great-expectations Data Docs load, and the vendored npm file that replaces each one."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent / "data_docs_assets"
SITE_VENDOR_DIR = "static/vendor"  # where a Data Docs site gets its copy of VENDOR_DIR


@dataclass(frozen=True)
class NpmPackage:
    """One npm package at an exact version, and the files of it the Data Docs need."""

    name: str
    version: str
    files: tuple[str, ...]  # paths inside the package, kept under the same relative paths
    licence_files: tuple[str, ...]  # shipped beside the files; empty when the tarball has none
    why: str

    @property
    def folder(self) -> str:
        """Folder under VENDOR_DIR, named as `npm pack` names the tarball: @scope/name -> scope-name-version."""
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}"

    @property
    def spec(self) -> str:
        """The `npm pack` argument that fetches exactly this version."""
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class CdnAsset:
    """A URL a Data Docs page loads, and the vendored file (package + path inside it) that serves it offline."""

    url: str
    package: NpmPackage
    file: str
    why: str

    @property
    def vendored(self) -> str:
        """Path of the replacement relative to VENDOR_DIR (and to a site's SITE_VENDOR_DIR)."""
        return f"{self.package.folder}/{self.file}"


BOOTSTRAP = NpmPackage("bootstrap", "4.3.1", ("dist/css/bootstrap.min.css", "dist/js/bootstrap.min.js"), ("LICENSE",),
                       "page layout and components of every Data Docs page")
JQUERY = NpmPackage("jquery", "3.7.1", ("dist/jquery.min.js",), ("LICENSE.txt",),
                    "required by Bootstrap 4's JS and by bootstrap-table")
POPPER = NpmPackage("popper.js", "1.12.9", ("dist/umd/popper.min.js",), (),
                    "Bootstrap 4 tooltips and dropdowns; MIT, the notice is the file's own header (no licence file)")
BOOTSTRAP_TABLE = NpmPackage("bootstrap-table", "1.19.1",
                             ("dist/bootstrap-table.min.css", "dist/bootstrap-table.min.js",
                              "dist/extensions/filter-control/bootstrap-table-filter-control.min.js"), ("LICENSE",),
                             "fills the index and result tables from inline JSON; without it the index is empty")
BOOTSTRAP_TABLE_1190 = NpmPackage("bootstrap-table", "1.19.0",
                                  ("dist/extensions/filter-control/bootstrap-table-filter-control.min.css",),
                                  ("LICENSE",), "the templates pin the filter-control CSS to 1.19.0")
DATEPICKER = NpmPackage("bootstrap-datepicker", "1.9.0",
                        ("dist/css/bootstrap-datepicker.min.css", "dist/js/bootstrap-datepicker.min.js"), ("LICENSE",),
                        "the run-time filter of the index table")
BOOTSTRAP_DARK = NpmPackage("@forevolve/bootstrap-dark", "1.1.0", ("dist/css/bootstrap-prefers-dark.min.css",),
                            ("LICENSE",), "dark theme when the reader's system prefers it")
FONT_AWESOME = NpmPackage("@fortawesome/fontawesome-free", "6.6.0",
                          ("css/all.min.css",
                           *(f"webfonts/fa-{face}.{ext}" for face in ("brands-400", "regular-400", "solid-900",
                                                                       "v4compatibility") for ext in ("woff2", "ttf"))),
                          ("LICENSE.txt",), "status icons; all.min.css loads the webfonts by relative path")
VEGA = NpmPackage("vega", "5.33.1", ("build/vega.min.js",), (),
                  "charts; `vega@5` resolved to its newest 5.x when vendored; BSD-3-Clause, no licence file in the tarball")
VEGA_LITE = NpmPackage("vega-lite", "5.23.0", ("build/vega-lite.min.js",), ("LICENSE",),
                       "charts; `vega-lite@5` resolved to its newest 5.x when vendored")
VEGA_EMBED = NpmPackage("vega-embed", "6.29.0", ("build/vega-embed.min.js",), ("LICENSE",),
                        "charts; `vega-embed@6` resolved to its newest 6.x when vendored")

PACKAGES: tuple[NpmPackage, ...] = (BOOTSTRAP, JQUERY, POPPER, BOOTSTRAP_TABLE, BOOTSTRAP_TABLE_1190, DATEPICKER,
                                    BOOTSTRAP_DARK, FONT_AWESOME, VEGA, VEGA_LITE, VEGA_EMBED)

CDN_ASSETS: tuple[CdnAsset, ...] = (
    CdnAsset("https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css", BOOTSTRAP,
             "dist/css/bootstrap.min.css", "Bootstrap's stylesheet"),
    CdnAsset("https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js", BOOTSTRAP,
             "dist/js/bootstrap.min.js", "Bootstrap's plugins; the npm file matches the template's SRI hash"),
    CdnAsset("https://code.jquery.com/jquery-3.7.1.min.js", JQUERY, "dist/jquery.min.js", "jQuery"),
    CdnAsset("https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js", POPPER,
             "dist/umd/popper.min.js", "Popper; the npm file matches the template's SRI hash"),
    CdnAsset("https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css", BOOTSTRAP_TABLE,
             "dist/bootstrap-table.min.css", "table styles"),
    CdnAsset("https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js", BOOTSTRAP_TABLE,
             "dist/bootstrap-table.min.js", "table rendering"),
    CdnAsset("https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
             BOOTSTRAP_TABLE, "dist/extensions/filter-control/bootstrap-table-filter-control.min.js", "table filters"),
    CdnAsset("https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
             BOOTSTRAP_TABLE_1190, "dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
             "filter styles, as the index page loads them"),
    CdnAsset("https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css",
             BOOTSTRAP_TABLE_1190, "dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
             "filter styles as the other pages load them; the minified build of the same file"),
    CdnAsset("https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css",
             DATEPICKER, "dist/css/bootstrap-datepicker.min.css", "date filter styles"),
    CdnAsset("https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js",
             DATEPICKER, "dist/js/bootstrap-datepicker.min.js", "date filter"),
    CdnAsset("https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css",
             BOOTSTRAP_DARK, "dist/css/bootstrap-prefers-dark.min.css",
             "dark theme; the minified build of the same file (153 kB instead of 883 kB with its inline source map)"),
    CdnAsset("https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css", FONT_AWESOME,
             "css/all.min.css", "icons; cdnjs serves the fontawesome-free build"),
    CdnAsset("https://cdn.jsdelivr.net/npm/vega@5", VEGA, "build/vega.min.js", "jsDelivr serves the package's "
             "`jsdelivr` entry, build/vega.min.js"),
    CdnAsset("https://cdn.jsdelivr.net/npm/vega-lite@5", VEGA_LITE, "build/vega-lite.min.js",
             "the package's `jsdelivr` entry"),
    CdnAsset("https://cdn.jsdelivr.net/npm/vega-embed@6", VEGA_EMBED, "build/vega-embed.min.js",
             "the package's `jsdelivr` entry"),
)

# Images the templates load from the GX web-assets bucket, served instead from the copy GX writes into every site.
SITE_IMAGES: dict[str, str] = {
    "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png": "static/images/logo-long.png",
    # the dark-theme logo has no local copy; the light one keeps the navbar from going blank
    "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/full_logo_dark.png": "static/images/logo-long.png",
}
