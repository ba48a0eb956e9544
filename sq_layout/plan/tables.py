"""Read and validate tabular files (CSV, XLSX) into DataFrames, with errors that say where and what."""

from __future__ import annotations

import csv
import re
import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

if TYPE_CHECKING:
    import pandera.pandas as pa

from sq_layout.errors import DataError
from sq_layout.i18n import Lang, by_lang, t
from sq_layout.i18n.lang import LANGS, Listed, Said, join_list

MAX_BYTES = 20 * 1024 * 1024


def row_at(row: int) -> Said:
    """A 0-based frame row as the reader finds it: its row number and its line in the file (the header is line 1)."""
    return Said("pi_row", row=row + 1, line=row + 2)


def where(row: int, lang: Lang) -> str:
    """`row_at` in `lang`."""
    return row_at(row).text(lang)


def column_at(column: str) -> Said:
    """A column as the file has it, with its header in the reader's language (English keeps the quoted name)."""
    from sq_layout.i18n import HEADERS

    if column in HEADERS:
        return Said("pi_column", column=column, header=HEADERS[column])
    return Said("pi_column_bare", column=column)


def column_named(column: str, lang: Lang) -> str:
    """`column_at` in `lang`."""
    return column_at(column).text(lang)


def names(columns: list[str], lang: Lang) -> str:
    """A list of column names: English as the list it is, Chinese each with its header, run together."""
    if by_lang(False, True, lang):
        return str(columns)
    from sq_layout.i18n import HEADERS

    shown = [f"{c}（{HEADERS[c][lang]}）" if c in HEADERS else c for c in columns]
    return join_list(shown, lang) or t("pi_none", lang)


def listed(values: Any, lang: Lang) -> str:
    """Valid choices: English as the list it is, Chinese run together."""
    return by_lang(join_list(values, "zh"), str(values), lang)


def _check_size(path: Path, max_bytes: int, lang: Lang = "en") -> None:
    size = path.stat().st_size
    if size > max_bytes:
        raise DataError(str(path), [t("pi_too_big", lang).format(size=size / 1e6, limit=max_bytes / 1e6)])


def read_raw(
    path: str | Path, max_bytes: int | None = None, kind: str = "table", name: str = "", lang: Lang = "en"
) -> pd.DataFrame:
    """Read a CSV (UTF-8, BOM allowed) or XLSX file as strings, or raise DataError saying why it cannot be read.

    The file is bounded first (sq_layout.upload_limits: bytes, unpacked size, then rows and cell length of `kind`);
    `name` is how messages call the file (default: its path); problems are worded in `lang`."""
    from sq_layout import upload_limits as lim

    path = Path(path)
    label = name or str(path)
    if not path.exists():
        raise DataError(label, [t("pi_file_not_found", lang)])
    if max_bytes is not None:
        _check_size(path, max_bytes, lang)
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
                _check_extra_fields(path, len(df.columns), lang, label)
    except UnicodeDecodeError as exc:
        raise DataError(label, [t("pi_not_utf8", lang).format(byte=exc.start)]) from exc
    except (pd.errors.ParserError, csv.Error) as exc:
        line = re.search(r"line (\d+)", str(exc))
        at = t("pi_at_line", lang).format(line=line.group(1)) if line else ""
        raise DataError(label, [t("pi_malformed_csv", lang).format(reason=exc, at=at)]) from exc
    except pd.errors.EmptyDataError as exc:
        raise DataError(label, [t("pi_empty", lang)]) from exc
    except DataError:  # rows longer than the header, each named: not "cannot read" (DataError is a ValueError)
        raise
    except (ValueError, OSError, KeyError, zipfile.BadZipFile) as exc:  # openpyxl raises these for non-workbooks
        raise DataError(label, [t("pi_not_spreadsheet", lang).format(reason=exc)]) from exc
    lim.check_rows(label, len(df), kind)
    lim.check_columns(label, len(df.columns), kind)
    lim.check_frame_cells(label, df, kind)
    from sq_layout.cells import restore_text

    return restore_text(df)  # an exported bundle's '=… cells are the =… text they were


def _check_extra_fields(path: Path, n: int, lang: Lang = "en", label: str = "") -> None:
    """Rows longer than the header may only carry empty trailing fields (a trailing comma); others lose data."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        problems = [
            t("pi_extra_fields", lang).format(where=where(i - 1, lang), n=len(row), header=n, extra=row[n:])
            for i, row in enumerate(csv.reader(f))
            if i and any(v.strip() for v in row[n:])
        ]
    if problems:
        raise DataError(label or str(path), problems)


def _blank_to_na(df: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    out = df.copy()
    for name, col in schema.columns.items():
        if name in out and col.nullable:
            out[name] = out[name].replace("", None)
    return out


_BOUNDS = {"greater_than_or_equal_to": "ge", "greater_than": "gt", "less_than_or_equal_to": "le", "less_than": "lt"}
# The plan tables' text patterns (sq_layout.tables.plan) in words; an unknown pattern is shown as it is.
_PATTERNS = {
    "^[a-z][a-z0-9_]*$": "pi_chk_id",
    r"^(\d{6})?$": "pi_chk_adcode",
    r"^(\d{6}|\d{9})?$": "pi_chk_stat_code",
    "^#[0-9A-Fa-f]{6}$": "pi_chk_color",
    r"^C\d{2,}$": "pi_chk_conflict_id",
    r"^\d+(;\d+)*$": "pi_chk_lines",
    "^[A-Za-z0-9_]+$": "pi_chk_code",
}


def check_words(check: pa.Check, lang: Lang) -> str:
    """What a column's pandera check asks for, in words in `lang` (its pandera name only for a check it does not
    know)."""
    stats = check.statistics or {}
    if check.name == "isin":
        values = [v for v in stats["allowed_values"] if v != ""]
        key = "pi_chk_isin_blank" if len(values) < len(stats["allowed_values"]) else "pi_chk_isin"
        return t(key, lang).format(values=join_list(values, lang))
    if check.name == "str_length":
        low, high = stats.get("min_value"), stats.get("max_value")
        if low == 1 and high is None:
            return t("pi_chk_nonempty", lang)
        key = "pi_chk_len" if low is not None and high is not None else "pi_chk_len_min" if high is None else ""
        return t(key or "pi_chk_len_max", lang).format(min=low, max=high)
    if check.name in _BOUNDS:
        return t(f"pi_chk_{_BOUNDS[check.name]}", lang).format(v=next(iter(stats.values())))
    if check.name == "in_range":
        return t("pi_chk_range", lang).format(min=stats.get("min_value"), max=stats.get("max_value"))
    if check.name == "str_matches":
        pattern = stats.get("pattern")
        return (
            t(_PATTERNS[pattern], lang) if pattern in _PATTERNS else t("pi_chk_pattern", lang).format(pattern=pattern)
        )
    if check.error == "a finite number (not inf or nan)":
        return t("pi_chk_finite", lang)
    return t("pi_chk_other", lang).format(check=check.error or check.name)


def _expected(case: pd.Series, schema: pa.DataFrameSchema, lang: Lang) -> str:
    """What a failed pandera check asks for, in words in `lang`."""
    text = str(case["check"])
    column = schema.columns.get(case["column"]) if pd.notna(case["column"]) else None
    number = case.get("check_number")
    if text == "not_nullable":
        return t("pi_chk_not_null", lang)
    if text == "field_uniqueness":
        return t("pi_chk_unique", lang)
    if text.startswith("coerce_dtype("):
        return t("pi_chk_int" if "int" in text.lower() else "pi_chk_number", lang)
    if column is None or number is None or pd.isna(number) or int(number) >= len(column.checks):
        return t("pi_chk_other", lang).format(check=text)
    return check_words(column.checks[int(number)], lang)


def _describe(case: pd.Series, schema: pa.DataFrameSchema) -> Said:
    row = case["index"]
    at = row_at(int(row)) if pd.notna(row) else Said("pi_all_rows")
    column = column_at(case["column"]) if pd.notna(case["column"]) else Said("pi_whole_table")
    expected = {lang: _expected(case, schema, lang) for lang in LANGS}
    return Said("pi_got", where=at, column=column, value=repr(case["failure_case"]), expected=expected)


def _artifact(case: pd.Series) -> bool:
    """A row pandera adds when a check could not run on a column whose values failed coercion (already listed)."""
    return pd.isna(case["index"]) and str(case["failure_case"]).startswith("TypeError(")


def validate(df: pd.DataFrame, schema: pa.DataFrameSchema, path: str) -> pd.DataFrame:
    """Validate a raw table against its schema; raise DataError listing every failing row and column (in words in
    either language)."""
    from pandera.errors import SchemaErrors

    try:
        return schema.validate(_blank_to_na(df, schema), lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
        problems = [
            _describe(c, schema)
            for _, c in cases.iterrows()
            if not str(c["check"]).startswith("dtype(") and not _artifact(c)
        ]
        raise DataError(path, problems or [str(exc)]) from None


def read_table(path: str | Path, schema: pa.DataFrameSchema, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Read and validate one table file."""
    return validate(read_raw(path, max_bytes), schema, str(path))


def check_keys(child: pd.DataFrame, column: str, parent_keys: pd.Series, allow_empty: bool, what: str) -> list[Said]:
    """Problems for values of child[column] that are not among parent_keys (unknown names); `what` is the English
    word for them (Chinese names them by the column's header)."""
    from sq_layout.i18n import HEADERS

    known = set(parent_keys.astype(str))
    values = child[column].astype("string").fillna("")
    bad = values[~values.isin(known) & ~((values == "") & allow_empty)]
    sample = Listed(sorted(known)[:12])
    word = {"zh": HEADERS.get(column, {}).get("zh", column), "en": what}
    at = column_at(column)
    return [
        Said("pi_unknown_key", where=row_at(cast(int, i)), column=at, what=word, value=repr(v), sample=sample)
        for i, v in bad.items()
    ]


def unknown_chains(subindustries: pd.DataFrame, chains: pd.DataFrame) -> list[Said]:
    """Sub-industries whose chain_no is not a chain's."""
    known = set(chains["chain_no"])
    return [
        Said("pi_unknown_chain", where=row_at(i), column=column_at("chain_no"), value=int(v), known=_choices(known))
        for i, v in enumerate(subindustries["chain_no"])
        if not pd.isna(v) and int(v) not in known
    ]


def past_end(table: pd.DataFrame, n_lines: int) -> list[Said]:
    """Rows whose `line` is past the plan text's last line."""
    over = table["line"][table["line"] > n_lines]
    return [
        Said("pi_past_end", where=row_at(i), column=column_at("line"), value=v, n=n_lines)
        for i, v in zip(over.index.astype(int), over, strict=True)
    ]


def _choices(values: Any) -> dict[Lang, str]:
    """Valid choices as `listed` words them in each language."""
    return {lang: listed(sorted(values), lang) for lang in LANGS}
