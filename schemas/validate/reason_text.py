"""How a value is shown in a rejection reason; shared by the model checks and the suite runner, imports neither."""
from __future__ import annotations

import math
import sys
from typing import Any


def _is_pandas_na(value: Any) -> bool:
    """True for pandas' NA (only possible once pandas is imported, so this never imports it)."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NA


def display(value: Any) -> str:
    """A value as a reason string shows it: strings quoted, whole floats without '.0', missing as null."""
    if hasattr(value, "item") and not isinstance(value, (list, tuple, str)):
        value = value.item()  # numpy scalar from a frame
    if value is None or _is_pandas_na(value) or (isinstance(value, float) and math.isnan(value)):
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(display(v) for v in value) + "]"
    return str(value)
