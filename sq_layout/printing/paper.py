"""Paper sizes, the page margin and how a value is printed: shared by the map pages (matplotlib) and the table
documents (fpdf2), and light to import (neither library)."""

from __future__ import annotations

import math

PAPER_MM = {"a4": (210, 297), "a3": (297, 420)}  # width × height, portrait
MARGIN_MM = 10  # printable area: the page less this margin on each side


def cell_text(v: object) -> str:
    """How a value is printed: floats without trailing zeros, missing values blank."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return f"{v:g}" if isinstance(v, float) else str(v)
