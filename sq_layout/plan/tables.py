"""Read and validate tabular files (CSV, XLSX) into DataFrames, with errors that say where and what."""

from __future__ import annotations

import csv
import warnings
import zipfile
from pathlib import Path
from typing import cast

import pandas as pd
import pandera.pandas as pa

from sq_layout.errors import DataError

MAX_BYTES = 20 * 1024 * 1024


def _check_size(path: Path, max_bytes: int) -> None:
    size = path.stat().st_size
    if size > max_bytes:
        raise DataError(str(path), [f"file is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB"])


def read_raw(path: str | Path, max_bytes: int | None = None, kind: str = "table", name: str = "") -> pd.DataFrame:
    """Read a CSV (UTF-8, BOM allowed) or XLSX file as strings, or raise DataError saying why it cannot be read.

    The file is bounded first (sq_layout.upload_limits: bytes, unpacked size, then rows and cell length of `kind`);
    `name` is how messages call the file (default: its path)."""
    from sq_layout import upload_limits as lim

    path = Path(path)
    label = name or str(path)
    if not path.exists():
        raise DataError(label, ["file not found"])
    if max_bytes is not None:
        _check_size(path, max_bytes)
    lim.check_upload(label, path, kind)
    rows = lim.LIMITS[kind].rows
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            df = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl", nrows=rows + 1)
        else:
            # index_col=False: a trailing comma on every row must not turn the first column into the index
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", pd.errors.ParserWarning)
                df = pd.read_csv(
                    path, dtype=str, keep_default_na=False, encoding="utf-8-sig", index_col=False, nrows=rows + 1
                )
            if caught:
                _check_extra_fields(path, len(df.columns))
    except UnicodeDecodeError as exc:
        raise DataError(label, [f"not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV"]) from exc
    except (pd.errors.ParserError, csv.Error) as exc:
        raise DataError(label, [f"malformed CSV: {exc}"]) from exc
    except pd.errors.EmptyDataError as exc:
        raise DataError(label, ["file is empty"]) from exc
    except (ValueError, OSError, KeyError, zipfile.BadZipFile) as exc:  # openpyxl raises these for non-workbooks
        raise DataError(label, [f"cannot read as a spreadsheet: {exc}"]) from exc
    lim.check_rows(label, len(df), kind)
    lim.check_columns(label, len(df.columns), kind)
    lim.check_frame_cells(label, df, kind)
    from sq_layout.cells import restore_text

    return restore_text(df)  # an exported bundle's '=… cells are the =… text they were


def _check_extra_fields(path: Path, n: int) -> None:
    """Rows longer than the header may only carry empty trailing fields (a trailing comma); others lose data."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        problems = [
            f"row {i} (line {i + 1}): {len(row)} fields but the header has {n}; extra values {row[n:]}"
            for i, row in enumerate(csv.reader(f))
            if i and any(v.strip() for v in row[n:])
        ]
    if problems:
        raise DataError(str(path), problems)


def _blank_to_na(df: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    out = df.copy()
    for name, col in schema.columns.items():
        if name in out and col.nullable:
            out[name] = out[name].replace("", None)
    return out


def _describe(case: pd.Series) -> str:
    row = case["index"]
    where = f"row {int(row) + 1} (line {int(row) + 2})" if pd.notna(row) else "all rows"
    column = case["column"] if pd.notna(case["column"]) else "(table)"
    return f"{where}, column '{column}': got {case['failure_case']!r}, expected {case['check']}"


def validate(df: pd.DataFrame, schema: pa.DataFrameSchema, path: str) -> pd.DataFrame:
    """Validate a raw table against its schema; raise DataError listing every failing row and column."""
    try:
        return schema.validate(_blank_to_na(df, schema), lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        problems = [_describe(c) for _, c in cases.iterrows() if not str(c["check"]).startswith("dtype(")]
        raise DataError(path, problems or [str(exc)]) from None


def read_table(path: str | Path, schema: pa.DataFrameSchema, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Read and validate one table file."""
    return validate(read_raw(path, max_bytes), schema, str(path))


def check_keys(
    child: pd.DataFrame, column: str, parent_keys: pd.Series, path: str, allow_empty: bool, what: str
) -> list[str]:
    """Problems for values of child[column] that are not among parent_keys (unknown names)."""
    known = set(parent_keys.astype(str))
    values = child[column].astype("string").fillna("")
    bad = values[~values.isin(known) & ~((values == "") & allow_empty)]
    sample = ", ".join(sorted(known)[:12])
    return [
        f"row {cast(int, i) + 1} (line {cast(int, i) + 2}), column '{column}': "
        f"unknown {what} {v!r}; expected one of {sample}"
        for i, v in bad.items()
    ]
