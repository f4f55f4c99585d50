"""A pdfplumber page that turns pdfminer's characters into dicts faster, giving the same dicts as pdfplumber."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from pdfminer.layout import LTChar
from pdfplumber.page import ALL_ATTRS, Page
from pdfplumber.utils import resolve_all, resolve_and_decode

PLAIN_VALUES = frozenset({float, int, str, bool, type(None)})
"""Attribute types that pdfplumber's resolve_all returns unchanged, so they need no resolving."""


@lru_cache(maxsize=256)
def _colour_space_name(name: Any) -> Any:
    """pdfplumber's decoding of a colour space name, done once per name instead of once per character."""
    return resolve_and_decode(name)


class FastCharPage(Page):
    """pdfplumber's Page, whose characters skip the per-attribute resolving that plain values do not need.

    pdfplumber's process_object runs resolve_all on every attribute of every character (most of the time it spends
    on a text-heavy page); the dicts built here are equal to pdfplumber's (tests/test_plumber_page_r14.py).
    """

    def process_object(self, obj) -> dict:
        """The dict pdfplumber makes of `obj`; characters built directly, other objects by pdfplumber."""
        if type(obj) is not LTChar:
            return super().process_object(obj)
        attr = {k: (v if type(v) in PLAIN_VALUES else _resolved(v)) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                name = getattr(obj, cs).name
                attr[cs] = _colour_space_name(name) if isinstance(name, (str, bytes)) else resolve_and_decode(name)
        text = obj.get_text()
        attr["text"] = text if self.pdf.unicode_norm is None else _normalized(self.pdf.unicode_norm, text)
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            return super().process_object(obj)  # pdfplumber repairs byte-encoded font names: rare, leave it to it
        mb_x0, mb_top = self.mediabox[:2]
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + mb_top
            attr["bottom"] = (self.height - attr["y0"]) + mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr


def _resolved(value: Any) -> Any:
    """resolve_all(value) for a value not of a plain type; a tuple of plain values (a char's matrix) as it is."""
    if type(value) is tuple and PLAIN_VALUES.issuperset(map(type, value)):
        return value
    return resolve_all(value)


def _normalized(form: str, text: str) -> str:
    from unicodedata import normalize

    return normalize(form, text)
