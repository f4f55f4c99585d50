"""PNG crops of a PDF page region with a value highlighted, for reports that show where a figure was printed."""
from __future__ import annotations

import base64
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

MARGIN_PT = 18.0
RESOLUTION_DPI = 110
MAX_REGION_HEIGHT_PT = 260.0  # a tall block (a whole paragraph) is cut to this much around the value
MAX_REGION_WIDTH_PT = 320.0  # a full-width table row likewise
HIGHLIGHT_FILL = (255, 214, 0, 45)
HIGHLIGHT_STROKE = (214, 0, 0, 230)


@dataclass(frozen=True)
class PageCrop:
    """A rendered region as a data URI, or why there is none."""

    data_uri: Optional[str]
    note: str


def file_sha256(path: Path) -> Optional[str]:
    """sha256 of the file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _value_pattern(text: str) -> str:
    return r"(?<![0-9.·])" + re.escape(text) + r"(?![0-9])"


def _clamp(box: Sequence[float], width: float, height: float) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = box
    return (max(0.0, x0 - MARGIN_PT), max(0.0, top - MARGIN_PT), min(width, x1 + MARGIN_PT),
            min(height, bottom + MARGIN_PT))


def _focus(region: tuple[float, float, float, float], mark: Sequence[float]) -> tuple[float, float, float, float]:
    """The region cut to at most MAX_REGION_WIDTH_PT x MAX_REGION_HEIGHT_PT around the first mark."""
    x0, top, x1, bottom = region
    if x1 - x0 > MAX_REGION_WIDTH_PT:
        x0 = min(max(x0, (mark[0] + mark[2]) / 2 - MAX_REGION_WIDTH_PT / 2), x1 - MAX_REGION_WIDTH_PT)
        x1 = x0 + MAX_REGION_WIDTH_PT
    if bottom - top > MAX_REGION_HEIGHT_PT:
        top = min(max(top, (mark[1] + mark[3]) / 2 - MAX_REGION_HEIGHT_PT / 2), bottom - MAX_REGION_HEIGHT_PT)
        bottom = top + MAX_REGION_HEIGHT_PT
    return (x0, top, x1, bottom)


def render_region(pdf_path: Path, page_number: int, bbox: Optional[Sequence[float]],
                  highlight: Optional[str]) -> PageCrop:
    """The page region `bbox` (PDF points, top-based) with `highlight` boxed where printed inside it (else the region)."""
    import pdfplumber

    if not bbox:
        return PageCrop(None, "no box was recorded for this value")
    try:
        with pdfplumber.open(str(pdf_path)) as pdf:
            if not 1 <= page_number <= len(pdf.pages):
                return PageCrop(None, f"page {page_number} is not in {pdf_path}")
            page = pdf.pages[page_number - 1]
            region = _clamp(bbox, float(page.width), float(page.height))
            crop = page.crop(region)
            hits = [h for h in (crop.search(_value_pattern(highlight), regex=True) if highlight and highlight.strip()
                                else []) if bbox[1] <= (h["top"] + h["bottom"]) / 2 <= bbox[3]]  # not the margin's
            marks = [(h["x0"], h["top"], h["x1"], h["bottom"]) for h in hits] or [tuple(bbox)]
            focus = _focus(region, marks[0])
            if focus != region:
                crop = page.crop(focus)
            image = crop.to_image(resolution=RESOLUTION_DPI)
            image.draw_rects([m for m in marks], fill=HIGHLIGHT_FILL, stroke=HIGHLIGHT_STROKE, stroke_width=2)
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
    except Exception as exc:  # noqa: BLE001 - a page that cannot be drawn costs its picture, not the report
        return PageCrop(None, f"could not render page {page_number} of {pdf_path}: {type(exc).__name__}: {exc}")
    found = "highlighted" if hits else "not found in the region; the region is boxed"
    return PageCrop("data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii"),
                    f"page {page_number}, value {found}")
