"""Every limit on a file a user brings, in one registry, checked before anything is parsed.

A file is refused (sq_layout.errors.UploadTooLarge, with its message in zh/en) when it is over LIMITS[kind] in
bytes; for a zip-based file (.xlsx, .zip, .kmz) when its members unpack to more than allowed in total, any one
member (e.g. ``xl/sharedStrings.xml``) is too big, or the packing ratio is that of a zip bomb — read from the zip's
central directory, never by unpacking (Python's zipfile stops at the declared size, so the check holds while
reading); then, while reading, when a table has more rows or a cell more characters than allowed. Values echoed
in a message are clipped (``clip``), so a refusal never repeats a huge text.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sq_layout.errors import DataError, UploadTooLarge
from sq_layout.i18n import Lang

if TYPE_CHECKING:
    import pandas as pd

MB = 1_000_000
ECHO_CHARS = 80  # how much of a user's value a message repeats
ZIP_SUFFIXES = (".xlsx", ".xlsm", ".zip", ".kmz")
RATIO_FLOOR = 10 * MB  # below this many unpacked bytes a high packing ratio harms no one


@dataclass(frozen=True)
class Limit:
    """The limits of one kind of upload (bytes are as stored; characters are Unicode code points)."""

    bytes: int  # the file as uploaded
    unpacked: int  # a zip-based file: all members unpacked
    member: int  # a zip-based file: any one member unpacked (an XLSX's shared strings or a sheet)
    ratio: int  # a zip-based file: unpacked / packed, above RATIO_FLOOR
    rows: int  # a table (CSV file, sheet): data rows
    columns: int  # a table: columns
    cell_chars: int  # one cell's text (Excel's own limit is 32,767)


LIMITS: dict[str, Limit] = {
    # a CSV or XLSX table: plan template and plan tables (工作空间, `workspace import-plan`), investment records
    "table": Limit(
        bytes=20 * MB, unpacked=64 * MB, member=32 * MB, ratio=100, rows=200_000, columns=200, cell_chars=32_767
    ),
    # a plan version as a zipped folder of CSVs, plan text and GeoJSON boundaries
    "bundle": Limit(
        bytes=50 * MB, unpacked=200 * MB, member=100 * MB, ratio=100, rows=200_000, columns=200, cell_chars=32_767
    ),
    # a boundary file: GeoJSON, zipped Shapefile, GeoPackage, KML/KMZ (边界导入, `workspace import-boundaries`)
    "boundary": Limit(
        bytes=50 * MB, unpacked=200 * MB, member=200 * MB, ratio=100, rows=10_000, columns=200, cell_chars=32_767
    ),
}


def clip(value: object, limit: int = ECHO_CHARS) -> str:
    """The value as text, cut to `limit` characters with an ellipsis and the full length when longer."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}…（{len(text):,} chars）"


def _mb(n: int) -> str:
    return f"{n / MB:,.1f} MB" if n < 10 * MB else f"{n / MB:,.0f} MB"


def refuse(file: str, key: str, en: str, **params: object) -> UploadTooLarge:
    """The refusal for `file`: English text for the terminal, `key`/params for the page (sq_layout.i18n)."""
    return UploadTooLarge(file, [en], key, {"file": clip(file), **params})


def check_bytes(file: str, size: int, kind: str = "table") -> None:
    """Refuse a file over its kind's byte limit, stating both sizes."""
    limit = LIMITS[kind].bytes
    if size > limit:
        raise refuse(
            file, "lim_bytes", f"the file is {_mb(size)}; the limit is {_mb(limit)}", size=_mb(size), limit=_mb(limit)
        )


def check_zip(file: str, zf: zipfile.ZipFile, packed: int, kind: str = "table") -> None:
    """Refuse a zip whose central directory declares too much unpacked data (in total, one member, or by ratio)."""
    lim = LIMITS[kind]
    infos = [i for i in zf.infolist() if not i.is_dir()]
    total = sum(i.file_size for i in infos)
    if total > lim.unpacked:
        raise refuse(
            file,
            "lim_unpacked",
            f"unpacked it is {_mb(total)}; the limit is {_mb(lim.unpacked)}",
            size=_mb(total),
            limit=_mb(lim.unpacked),
        )
    big = max(infos, key=lambda i: i.file_size, default=None)
    if big is not None and big.file_size > lim.member:
        raise refuse(
            file,
            "lim_member",
            f"{clip(big.filename)} unpacks to {_mb(big.file_size)}; the limit for one part is {_mb(lim.member)}",
            member=clip(big.filename),
            size=_mb(big.file_size),
            limit=_mb(lim.member),
        )
    ratio = total / max(packed, 1)
    if total > RATIO_FLOOR and ratio > lim.ratio:
        raise refuse(
            file,
            "lim_ratio",
            f"it unpacks {ratio:,.0f} times its size; the limit is {lim.ratio} times",
            ratio=f"{ratio:,.0f}",
            limit=lim.ratio,
        )


def check_upload(file: str, source: bytes | Path, kind: str = "table") -> None:
    """Check a whole upload before it is parsed: its bytes and, when zip-based, its unpacked sizes."""
    size = len(source) if isinstance(source, bytes) else Path(source).stat().st_size
    check_bytes(file, size, kind)
    if isinstance(source, bytes):
        is_zip = source[:4] == b"PK\x03\x04"
    else:
        with Path(source).open("rb") as f:
            is_zip = f.read(4) == b"PK\x03\x04"
    if not is_zip and PurePosixPath(file).suffix.lower() not in ZIP_SUFFIXES:
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        if is_zip:
            raise refuse(file, "lim_bad_zip", "it is not a readable zip archive (.xlsx files are zips)") from None
        return  # not a zip at all: the reader for its suffix says what is wrong with it
    with zf:
        check_zip(file, zf, size, kind)


def _where(sheet: str) -> str:
    return f" ({clip(sheet, 40)})" if sheet else ""


def check_rows(file: str, n: int, kind: str = "table", sheet: str = "") -> None:
    """Refuse a table with more data rows than its kind allows."""
    limit = LIMITS[kind].rows
    if n > limit:
        raise refuse(
            file,
            "lim_rows",
            f"{'sheet ' + clip(sheet, 40) if sheet else 'the table'} has more than {limit:,} rows",
            sheet=_where(sheet),
            limit=f"{limit:,}",
        )


def check_cell(file: str, text: str, row: int, column: object, kind: str = "table", sheet: str = "") -> None:
    """Refuse a cell whose text is longer than its kind allows, naming where it is and showing its start only."""
    limit = LIMITS[kind].cell_chars
    if len(text) > limit:
        raise refuse(
            file,
            "lim_cell",
            f"row {row}, column {clip(column, 40)!r}{_where(sheet)}: {len(text):,} characters; the limit is "
            f"{limit:,} — {clip(text)}",
            sheet=_where(sheet),
            row=row,
            column=clip(column, 40),
            n=f"{len(text):,}",
            limit=f"{limit:,}",
            value=clip(text),
        )


def check_columns(file: str, n: int, kind: str = "table", sheet: str = "") -> None:
    """Refuse a table with more columns than its kind allows."""
    limit = LIMITS[kind].columns
    if n > limit:
        raise refuse(
            file,
            "lim_columns",
            f"{'sheet ' + clip(sheet, 40) if sheet else 'the table'} has more than {limit:,} columns",
            sheet=_where(sheet),
            limit=f"{limit:,}",
        )


def sheet_rows(file: str, sheet: Any, kind: str = "table") -> Iterator[Sequence[object]]:
    """The values of an openpyxl sheet row by row (header first), refusing more rows or columns than the limit
    or an over-long text cell; never reads past the limits, whatever size the sheet claims."""
    lim = LIMITS[kind]
    title = str(sheet.title)
    rows = sheet.iter_rows(values_only=True, max_row=lim.rows + 2, max_col=lim.columns + 1)
    for n, row in enumerate(rows, start=1):
        if n > lim.rows + 1:
            check_rows(file, n - 1, kind, title)
        if len(row) > lim.columns and any(v not in (None, "") for v in row[lim.columns :]):
            check_columns(file, len(row), kind, title)
        for j, v in enumerate(row):
            if isinstance(v, str):
                check_cell(file, v, n, _column(j), kind, title)
        yield row[: lim.columns]


def _column(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(j + 1))


def check_frame_cells(file: str, frame: pd.DataFrame, kind: str = "table", first_row: int = 2, sheet: str = "") -> None:
    """Refuse a text table (as read from a CSV) with a cell over the character limit."""
    import pandas as pd

    limit = LIMITS[kind].cell_chars
    for column in frame.columns:
        col = frame[column]
        if not (pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)):
            continue
        if isinstance(col.dtype, pd.StringDtype):  # a text column: lengths of all its cells at once
            lengths = col.str.len().fillna(0)
        else:
            lengths = col.map(lambda v: len(v) if isinstance(v, str) else 0)
        if len(lengths) and int(lengths.max()) > limit:
            i = int(lengths.to_numpy().argmax())
            check_cell(file, str(col.iloc[i]), i + first_row, column, kind, sheet)
    for column in frame.columns:
        check_cell(file, str(column), 1, clip(column, 40), kind, sheet)


def describe(exc: DataError, lang: Lang) -> str:
    """A refused file for a page: a limit in the reader's language, else the file and its problems in `lang`."""
    if isinstance(exc, UploadTooLarge) and exc.key:
        return exc.text(lang)
    return "\n".join([exc.path, *(f"  - {p}" for p in exc.lines(lang))])
