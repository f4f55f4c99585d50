"""Horizontal rules a page draws, read from PDFium's path objects without pdfminer: which pages can hold a table."""
from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.pdf.table_layout import horizontal_rules

LEVEL_TOLERANCE = 0.01
"""Two path points this close in height (pt) may be one level in pdfminer's doubles, though PDFium's floats differ;
edges are also lengthened by it, so float rounding never makes a rule shorter or a gap wider than pdfplumber's."""
RULE_GLYPHS = re.compile(r"[.·•_\-–—…=]")
"""Characters a typed rule is made of (table_layout.GLYPH_RULE's set): such a rule counts as a drawn one."""
TYPED_RULE_MIN_GLYPHS = 8
"""table_layout.GLYPH_RULE needs a word of this many rule glyphs; a page with fewer has no typed rule."""


def _matrix(obj) -> tuple[float, float, float, float, float, float]:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _painted(obj) -> bool:
    """Whether the path is stroked or filled (pdfplumber's visible_rule_edges keeps no other)."""
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return True
    return bool(stroke.value) or fill.value != pdfium_c.FPDF_FILLMODE_NONE


def _subpaths(obj) -> list[list[tuple[float, float]]]:
    """The path's subpaths as pdfminer sees them: segment end points (Bézier control points left out), a closed
    subpath ending at its start again; in the path's own coordinates."""
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(0), ctypes.c_float(0)
    bezier = 0
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
            bezier = 0
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3 == 0:  # the first two of each three are control points
                subpaths[-1].append(point)
        else:
            subpaths[-1].append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(subpaths[-1][0])
    return subpaths


def _horizontal_edges(obj, page_height: float) -> list[dict]:
    """Horizontal edges between consecutive points of a path object, in pdfplumber's edge form (top from the top)."""
    a, b, c, d, e, f = _matrix(obj)
    edges = []
    for points in _subpaths(obj):
        placed = [(a * px + c * py + e, b * px + d * py + f) for px, py in points]
        for (x0, y0), (x1, y1) in zip(placed, placed[1:]):
            if abs(y0 - y1) <= LEVEL_TOLERANCE and x0 != x1:
                edges.append({"orientation": "h", "x0": min(x0, x1) - LEVEL_TOLERANCE,
                              "x1": max(x0, x1) + LEVEL_TOLERANCE, "top": page_height - y0})
    return edges


def page_may_hold_table(page: pdfium.PdfPage, typed_rule_glyphs: int) -> bool:
    """Whether table extraction can find a table on the page: two drawn horizontal rules, or one and enough glyphs
    for a typed rule; pages that are rotated or hold form XObjects (which may draw rules) always pass."""
    raw = page.raw
    if pdfium_c.FPDFPage_GetRotation(raw) != 0:
        return True
    height = pdfium_c.FPDF_GetPageHeightF(raw)
    edges: list[dict] = []
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            return True
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH and _painted(obj):
            edges.extend(_horizontal_edges(obj, height))
    if not edges:
        return False
    rules = len(horizontal_rules(edges))
    return rules >= 2 or (rules >= 1 and typed_rule_glyphs >= TYPED_RULE_MIN_GLYPHS)


def rule_glyph_count(texts) -> int:
    """How many characters of the given texts could belong to a typed rule."""
    return sum(len(RULE_GLYPHS.findall(text)) for text in texts)
