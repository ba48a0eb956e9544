"""Paper sizes, the page margin and how a value is printed: shared by the map pages (matplotlib) and the table
documents (fpdf2), and light to import (neither library)."""

from __future__ import annotations

import numpy as np
import pandas as pd

PAPER_MM = {"a4": (210, 297), "a3": (297, 420)}  # width × height, portrait
MARGIN_MM = 10  # printable area: the page less this margin on each side


def cell_text(v: object) -> str:
    """How a value is printed, on paper and on a terminal: floats without trailing zeros, missing values (None, NaN,
    pandas' NA and NaT) blank."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float | np.floating) and np.isnan(v)):
        return ""
    return f"{float(v):.12g}" if isinstance(v, float | np.floating) else str(v)  # no float noise, no 1e+06
