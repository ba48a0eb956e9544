"""The one place spreadsheet text passes on its way out: nothing a user typed becomes a live formula.

CSV (opened by Excel or LibreOffice): text starting with = + - @, a tab or a carriage return (OWASP CSV injection)
gets a leading apostrophe, which the plan importers take off again (`restore_text`), so an exported bundle
imports as the same version. XLSX: every writer saves through `workbook_bytes`, which stores any cell openpyxl
took for a formula as the text it is.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection: what a spreadsheet may run as a formula


def neutralise_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe so it stays text; anything else as is."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def restore_cell(value: object) -> object:
    """A neutralised cell back to the text it was (the apostrophe off); anything else as is."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """Every text cell and header of a table through neutralise_cell (numbers and dates stay as they are)."""
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    return out.rename(columns=lambda c: neutralise_cell(str(c)))


def restore_text(df: pd.DataFrame) -> pd.DataFrame:
    """A table read from a CSV with every neutralised text cell restored (the inverse of `neutralise`)."""
    import pandas as pd

    out = df.rename(columns=lambda c: restore_cell(str(c)))
    for col in out.columns:
        cells = out[col]
        if isinstance(cells.dtype, pd.StringDtype):  # a text column: asked of all its cells at once
            marked = bool(cells.str.startswith("'", na=False).any())
        else:
            marked = bool(cells.map(lambda v: isinstance(v, str) and v.startswith("'")).any())
        if marked:
            out[col] = cells.map(restore_cell)
    return out


def csv_bytes(df: pd.DataFrame, encoding: str = "utf-8-sig") -> bytes:
    """A table as CSV with no live formula; CRLF line ends, so a field holding a lone CR is quoted and reads back."""
    return str(neutralise(df).to_csv(index=False, lineterminator="\r\n")).encode(encoding)


def text_only(wb: Any) -> int:
    """Store every formula cell of an openpyxl workbook as text (nothing here writes formulas); how many changed."""
    changed = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                    changed += 1
    return changed


def workbook_bytes(wb: Any) -> bytes:
    """An openpyxl workbook as .xlsx bytes, every cell that would be a formula stored as text."""
    text_only(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
