"""The diff report as one self-contained HTML page: inline CSS, no script, page crops as PNG data URIs, text escaped."""
from __future__ import annotations

import difflib
from html import escape
from pathlib import Path
from typing import Callable, Optional

from flows.diff_report import RunDiff, _summary, _text
from flows.page_images import PageCrop, file_sha256, render_region

MAX_IMAGES = 200

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1d2329;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}
p.meta{color:#57606a;margin:0 0 12px}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #d0d7de;padding:5px 7px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
td.num{text-align:right;white-space:nowrap}
.change-added{color:#116329}.change-removed{color:#a40e26}.change-changed{color:#7d4e00}
del{background:#ffebe9;text-decoration:line-through}ins{background:#dafbe1;text-decoration:none}
.quote{font-family:Georgia,serif;color:#32383f}
figure{margin:6px 0}figure img{max-width:480px;border:1px solid #d0d7de}
figcaption,.note{color:#57606a;font-size:12px}
"""


def _word_diff(before: Optional[str], after: Optional[str]) -> tuple[str, str]:
    """Both texts escaped, with the words that differ wrapped in <del> and <ins>."""
    a, b = (before or "").split(" "), (after or "").split(" ")
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = escape(" ".join(a[i1:i2])), escape(" ".join(b[j1:j2]))
        left.append(old if op == "equal" else f"<del>{old}</del>" if old else "")
        right.append(new if op == "equal" else f"<ins>{new}</ins>" if new else "")
    show = lambda text, parts: escape("–") if text is None else " ".join(p for p in parts if p)  # noqa: E731
    return show(before, left), show(after, right)


def changed_words(before: Optional[str], after: Optional[str]) -> Optional[str]:
    """The first run of words in `after` that `before` lacks (what to highlight on the page)."""
    a, b = (before or "").split(" "), (after or "").split(" ")
    for op, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "insert"):
            return " ".join(b[j1:j2])
    return None


class _Crops:
    """Renders page crops from the PDF at each document's path, when that file still holds the version shown."""

    def __init__(self, render: Callable[..., PageCrop] = render_region):
        self.render = render
        self.hashes: dict[str, Optional[str]] = {}
        self.count = 0

    def crop(self, path: Optional[str], sha: Optional[str], page: int, bbox, highlight: Optional[str]) -> str:
        if not path:
            return '<p class="note">no file path recorded</p>'
        if path not in self.hashes:
            self.hashes[path] = file_sha256(Path(path)) if Path(path).is_file() else None
        on_disk = self.hashes[path]
        if on_disk is None:
            return f'<p class="note">the PDF is gone from {escape(path)}: no page image</p>'
        if on_disk != sha:
            return (f'<p class="note">the PDF at {escape(path)} is now another version '
                    f'({escape(on_disk[:12])}, not {escape((sha or "")[:12])}): no page image</p>')
        if self.count >= MAX_IMAGES:
            return f'<p class="note">image limit ({MAX_IMAGES}) reached</p>'
        result = self.render(Path(path), page, bbox, highlight)
        if result.data_uri is None:
            return f'<p class="note">{escape(result.note)}</p>'
        self.count += 1
        return (f'<figure><img alt="page {page} of {escape(Path(path).name)}" src="{result.data_uri}">'
                f"<figcaption>{escape(result.note)}</figcaption></figure>")


def _cell_rows(diff: RunDiff, crops: _Crops) -> list[str]:
    rows = []
    for c in diff.cells:
        before, after = _word_diff(c["before"], c["after"])
        image = crops.crop(c["path"], c["doc_sha256"], c["page"], c["bbox"], changed_words(c["before"], c["after"]))
        rows.append(f"<tr><td>{escape(c['doc'])}</td><td class=num>{c['row_number']}</td><td>{escape(c['column'])}</td>"
                    f"<td>{before}</td><td>{after}</td><td class=num>{c['page']}</td><td>{image}</td></tr>")
    return rows


def _fact_rows(diff: RunDiff, crops: _Crops) -> list[str]:
    rows = []
    for f in diff.facts:
        highlight = f["after_text"] if f["change"] != "removed" else f["before_text"]
        image = crops.crop(f["path"], f["doc_sha256"], f["page"], f["bbox"], highlight)
        cells = [f"<td class=change-{f['change']}>{f['change']}</td>"]
        cells += [f"<td>{escape(_text(f[k]))}</td>" for k in ("doc", "trial", "endpoint", "arm", "statistic",
                                                                 "timepoint")]
        cells += [f"<td class=num>{escape(_text(f[k]))}</td>" for k in ("before", "after", "page")]
        cells += [f"<td class=quote>{escape(f['quote'] or '')}</td><td>{image}</td>"]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return rows


def format_html(diff: RunDiff, render: Callable[..., PageCrop] = render_region) -> str:
    """One HTML page with no external resource: summary, Table 1 cell changes, fact changes, page crops."""
    crops = _Crops(render)
    title = f"Changes from {diff.from_run} to {diff.to_run}"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
             "style-src 'unsafe-inline'\">",
             f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
             f"<h1>{escape(title)}</h1>", f'<p class="meta">{escape(_summary(diff))}.</p>']
    if not diff.has_differences:
        parts.append("<p>No Table 1 cell and no fact differs between these runs.</p>")
    if diff.cells:
        parts += ["<h2>Table 1 cells</h2>", "<table><thead><tr><th>doc</th><th>row</th><th>column</th><th>before</th>"
                  "<th>after</th><th>page</th><th>where</th></tr></thead><tbody>", *_cell_rows(diff, crops),
                  "</tbody></table>"]
    if diff.facts:
        parts += ["<h2>Facts</h2>", "<table><thead><tr><th>change</th><th>doc</th><th>trial</th><th>endpoint</th>"
                  "<th>arm</th><th>statistic</th><th>timepoint</th><th>before</th><th>after</th><th>page</th>"
                  "<th>quote</th><th>where</th></tr></thead><tbody>", *_fact_rows(diff, crops), "</tbody></table>"]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
