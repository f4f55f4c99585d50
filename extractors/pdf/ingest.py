"""PDF -> Document: status checks, PDFium text with layout, pdfplumber tables on the pages that need them."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.pdf import tables as table_extractor
from extractors.pdf.assemble import assemble
from extractors.pdf.discover import discover_pdfs  # noqa: F401 - part of this module's interface
from extractors.pdf.chars import read_page
from extractors.pdf.identity import PARSER_VERSION, sha256_file
from extractors.pdf.layout import LayoutBlock, Line, assign_columns, group_blocks, page_lines, rejoined
from extractors.pdf.margins import drop_running_lines
from extractors.pdf.page_rules import page_may_hold_table, rule_glyph_count
from extractors.pdf.plumber_page import FastCharPage
from extractors.pdf.textclean import build_vocabulary
from schemas.document import Document, DocumentStatus, Table
from schemas.settings import IngestSettings

HEADER_PROBE_BYTES = 1024
"""`%PDF` must start within this many bytes (readers tolerate junk before the header)."""
TABLE_CAPTION = re.compile(r"^(?:Supplementary\s+)?Table\s*[:.]?\s*[A-Z]?\d+|^Table[.:]\s+[A-Z]", re.IGNORECASE)
"""A line opening like this marks a page whose table geometry pdfplumber should read."""
TABLE_ROW_MIN_FRAGMENTS = 3
"""A baseline holding this many separate fragments looks like a table row ..."""
SIZED_COLUMN_HEADER = re.compile(r"\(\s*[nN]\s*=\s*\d+\s*\)")
"""A line with two or more '(n = N)' is a table's header row of sized columns ('DL1 (n = 3) DL2 (n = 6)'), even when
the text layer runs its cells into one fragment (monospaced fonts)."""
TABLE_ROWS_FOR_PAGE = 4
"""... and a page with this many such rows gets table extraction even without a caption (a card's four-row table under a
plain heading); it still needs drawn rules (`ruled_pages`)."""


def _document(path: Path, sha: str, status: DocumentStatus, message: str, pages: int = 0, **extra) -> Document:
    return Document(sha256=sha, path=str(path), pages=pages, status=status, message=message,
                    parser_version=PARSER_VERSION, **extra)


def parse_pdf(path: Path, settings: IngestSettings, *, with_tables: bool = True) -> Document:
    """Parse one PDF in this process and return its Document with a status and a readable message.

    with_tables=False skips pdfplumber table extraction (a text-only ingest at PDFium speed).
    """
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        return _document(path, hashlib.sha256(b"").hexdigest(), DocumentStatus.empty,
                         "empty: the file has 0 bytes; re-download or re-export it.")
    sha = sha256_file(path)
    if size > settings.max_file_mb * 1024 * 1024:
        return _document(path, sha, DocumentStatus.too_large,
                         f"too_large: {size / 1048576:.1f} MB exceeds max_file_mb={settings.max_file_mb:g}; "
                         "raise [ingest] max_file_mb to parse it.")
    with open(path, "rb") as handle:
        head = handle.read(HEADER_PROBE_BYTES)
    if b"%PDF" not in head:
        return _document(path, sha, DocumentStatus.corrupt,
                         "corrupt: not a PDF (no %PDF header in the first 1 KB); check the file's real format.")
    password = settings.passwords.get(path.name)
    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            hint = (f"the password given in config [ingest.passwords] for {path.name} is wrong" if password
                    else f"give a password in config [ingest.passwords] (\"{path.name}\" = \"...\")")
            return _document(path, sha, DocumentStatus.encrypted, f"encrypted: {hint}.")
        return _document(path, sha, DocumentStatus.corrupt,
                         f"corrupt: PDFium cannot open the file ({exc}); try repairing it (e.g. qpdf or Ghostscript).")
    try:
        return _parse_open(path, sha, pdf, password, settings, with_tables)
    finally:
        pdf.close()


def _open_plumber(path: Path, password: str | None, keep: bool) -> tuple[pdfplumber.PDF | None, int | None, str]:
    """Count pages with pdfplumber; return (the PDF still open if `keep`, else None; page count or None; error)."""
    plumber = None
    try:
        plumber = pdfplumber.open(path, password=password or "")
        count = len(plumber.pages)
        if not keep:
            plumber, opened = None, plumber
            opened.close()
        return plumber, count, ""
    except Exception as exc:  # pdfminer raises many unrelated types on bad files
        if plumber is not None:
            plumber.close()
        return None, None, f"{type(exc).__name__}: {exc}"


def _parse_open(path: Path, sha: str, pdf: pdfium.PdfDocument, password: str | None,
                settings: IngestSettings, with_tables: bool) -> Document:
    n_pages = len(pdf)
    if n_pages > settings.max_pages:
        return _document(path, sha, DocumentStatus.too_large,
                         f"too_large: {n_pages} pages exceed max_pages={settings.max_pages}; raise [ingest] max_pages.",
                         pages=n_pages)
    plumber, plumber_pages, plumber_error = _open_plumber(path, password, keep=with_tables)
    try:
        return _parse_pages(path, sha, pdf, plumber, plumber_pages, plumber_error, settings)
    finally:
        if plumber is not None:
            plumber.close()


def _parse_pages(path: Path, sha: str, pdf: pdfium.PdfDocument, plumber: pdfplumber.PDF | None,
                 plumber_pages: int | None, plumber_error: str, settings: IngestSettings) -> Document:
    """Read every page with PDFium, tables with the open pdfplumber document when given, and lay out the text."""
    n_pages = len(pdf)
    if n_pages == 0:
        return _document(path, sha, DocumentStatus.empty, "empty: the PDF has no pages.")
    if plumber_pages == 0 and _object_count(pdf) == 0:
        return _document(path, sha, DocumentStatus.empty,
                         f"empty: PDFium finds {n_pages} page(s) with no content and pdfminer finds none; "
                         "nothing to extract.", pages=n_pages)
    if plumber_pages == 0:
        return _document(path, sha, DocumentStatus.corrupt,
                         f"corrupt: pdfminer finds 0 pages but PDFium finds {n_pages}; the page tree is malformed, "
                         "repair the file (e.g. qpdf or Ghostscript) and ingest it again.", pages=n_pages)
    notes: list[str] = []
    if plumber_pages is None:
        notes.append(f"pdfminer cannot open the file ({plumber_error}), so no tables were extracted")
    elif plumber_pages != n_pages:
        notes.append(f"pdfminer finds {plumber_pages} pages but PDFium {n_pages}")

    pages: list[tuple[list[Line], float]] = []
    n_chars = n_unmapped = n_rotated = 0
    for index in range(n_pages):
        page = pdf[index]
        try:
            glyphs = read_page(page)
        finally:
            page.close()
        n_chars += glyphs.n_chars
        n_unmapped += glyphs.n_unmapped
        n_rotated += glyphs.n_rotated
        pages.append((page_lines(index + 1, glyphs), glyphs.height))
    if n_chars == 0 and n_unmapped == 0 and _object_count(pdf) == 0:
        return _document(path, sha, DocumentStatus.empty,
                         f"empty: {n_pages} page(s) with no content at all; nothing to extract.", pages=n_pages)
    if n_chars == 0:
        reason = (f"its {n_unmapped} glyphs have no Unicode mapping" if n_unmapped
                  else "there is no text layer (scanned or image-only)")
        return _document(path, sha, DocumentStatus.no_text_layer,
                         f"no_text_layer: {n_pages} page(s) but {reason}; run OCR on it first.", pages=n_pages)
    empty_pages = [i + 1 for i, (lines, _) in enumerate(pages) if not lines]
    if empty_pages:
        notes.append(f"no text on page(s) {_page_list(empty_pages)} (OCR needed for those)")
    if n_unmapped:
        notes.append(f"{n_unmapped} glyph(s) without a Unicode mapping were dropped")
    if n_rotated:
        notes.append(f"{n_rotated} character(s) running across the text direction (sidebars, axis labels) were skipped")
    n_cid = sum(line.n_cid for lines, _ in pages for line in lines)
    if n_cid:
        notes.append(f"{n_cid} (cid:N) glyph code(s) were removed")

    drop_running_lines(pages)
    tables = _extract_tables(pdf, plumber, sha, pages, notes) if plumber is not None else []
    _mark_table_lines(pages, tables)
    all_lines = [line for lines, _ in pages for line in lines if not line.dropped]
    prose = [line for line in all_lines if line.kind != "table"] or all_lines  # table print is smaller than body
    body_size, body_font = _body_style([line for line in prose if line.page <= max(1, (n_pages + 1) // 2)])
    blocks: list[LayoutBlock] = []
    for lines, _ in pages:
        assign_columns(lines)
        blocks.extend(group_blocks(lines, body_size, body_font))
    vocabulary = build_vocabulary([line.text for line in all_lines])
    text, records = assemble(blocks, vocabulary, body_size)
    summary = f"parsed: {n_pages} page(s), {len(records)} block(s), {len(tables)} table(s)"
    message = summary + ("; " + "; ".join(notes) if notes else "") + "."
    return _document(path, sha, DocumentStatus.parsed, message, pages=n_pages, text=text,
                     blocks=tuple(records), tables=tuple(tables))


def _object_count(pdf: pdfium.PdfDocument) -> int:
    """Count drawn objects (text, paths, images) over all pages."""
    total = 0
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            total += pdfium_c.FPDFPage_CountObjects(page.raw)
        finally:
            page.close()
    return total


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


def _body_style(lines: list[Line]) -> tuple[float, str]:
    """Return the font size and font name that carry most characters (callers pass the first half, before references)."""
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
        fonts[line.font] += len(line.text)
    return (sizes.most_common(1)[0][0] if sizes else 10.0), (fonts.most_common(1)[0][0] if fonts else "")


def table_pages(pages: list[tuple[list[Line], float]]) -> list[int]:
    """Pick 1-based pages that need table geometry: a `Table N` caption, the page after it, or many row-like baselines."""
    picked: set[int] = set()
    for index, (lines, _) in enumerate(pages):
        live = [l for l in lines if not l.dropped]
        if any(TABLE_CAPTION.match(l.text) for l in live):
            picked.update({index + 1, index + 2})
        if _row_like_baselines(rejoined(live)) >= TABLE_ROWS_FOR_PAGE \
                or any(len(SIZED_COLUMN_HEADER.findall(l.text)) >= 2 for l in live):
            picked.add(index + 1)
    return sorted(p for p in picked if p <= len(pages))


def _row_like_baselines(lines: list[Line]) -> int:
    """Count baselines shared by at least TABLE_ROW_MIN_FRAGMENTS separate fragments."""
    rows = 0
    run: list[Line] = []
    for line in sorted(lines, key=lambda l: l.bottom):
        if run and line.bottom - run[0].bottom > 0.3 * line.size:
            rows += len(run) >= TABLE_ROW_MIN_FRAGMENTS
            run = []
        run.append(line)
    return rows + (len(run) >= TABLE_ROW_MIN_FRAGMENTS)


def draws(page: pdfium.PdfPage) -> bool:
    """Whether the page holds a path or form object (form XObjects may draw paths); a page without one has no rule."""
    raw = page.raw
    return any(pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, i)) in _DRAWING_OBJECTS
               for i in range(pdfium_c.FPDFPage_CountObjects(raw)))


_DRAWING_OBJECTS = frozenset({pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM})


def ruled_pages(pdf: pdfium.PdfDocument, numbers: list[int], pages: list[tuple[list[Line], float]]) -> list[int]:
    """Keep the 1-based pages whose drawn rules (read by PDFium) are enough for the table extractor to find a table;
    each page is loaded once for both questions."""
    kept = []
    for number in numbers:
        page = pdf[number - 1]
        try:
            if draws(page) and page_may_hold_table(page, rule_glyph_count(line.text for line in pages[number - 1][0])):
                kept.append(number)
        finally:
            page.close()
    return kept


def _extract_tables(pdf: pdfium.PdfDocument, plumber: pdfplumber.PDF, sha: str, pages,
                    notes: list[str]) -> list[Table]:
    """Run the table extractor on the picked pages that draw enough rules (it finds no table without them): pdfminer's
    page interpretation, most of the parse time, is spent only on those."""
    wanted = table_pages(pages)
    if not wanted:
        return []
    picked = [number for number in ruled_pages(pdf, wanted, pages) if number <= len(plumber.pages)]
    subset: list[FastCharPage] = []
    try:
        # The same pages, page numbers and document offsets as pdfplumber.open(..., pages=picked) would give.
        doctop = 0
        for number in picked:
            page = FastCharPage(plumber, plumber.pages[number - 1].page_obj, page_number=number, initial_doctop=doctop)
            subset.append(page)
            doctop += page.height
        return list(table_extractor.extract_tables(SimpleNamespace(pages=subset), sha)) if subset else []
    except MemoryError:
        raise
    except Exception as exc:  # a table failure must not lose the text
        notes.append(f"table extraction failed on page(s) {_page_list(wanted)} ({type(exc).__name__}: {exc})")
        return []
    finally:
        for page in subset:
            page.close()


def _mark_table_lines(pages: list[tuple[list[Line], float]], tables: list[Table]) -> None:
    """Set kind "table" on lines whose centre lies inside a part of a table (its box on each page, or a cell box)."""
    regions: dict[int, list[tuple[float, float, float, float]]] = {}
    for table in tables:
        if table.bbox is not None:
            regions.setdefault(table.page, []).append(table.bbox)
        for page, box in table.regions:
            regions.setdefault(page, []).append(box)
        for row in table.rows:
            for cell in row:
                if cell.bbox is not None:
                    regions.setdefault(cell.page, []).append(cell.bbox)
    for page_number, boxes in regions.items():
        if not 1 <= page_number <= len(pages):
            continue
        for line in pages[page_number - 1][0]:
            cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
            if not line.dropped and any(x0 - 1 <= cx <= x1 + 1 and t - 1 <= cy <= b + 1 for x0, t, x1, b in boxes):
                line.kind = "table"
