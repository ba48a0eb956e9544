"""Import firms, projects and yearly actuals from CSV or the Excel template: all rows pass, or nothing is taken.

Every problem is reported with its spreadsheet row, column header, the value and what was expected.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from sq_layout.errors import DataError
from sq_layout.i18n import Lang, label
from sq_layout.i18n import t as tr
from sq_layout.i18n.lang import Said, join_list
from sq_layout.invest import fields as fx
from sq_layout.invest.columns import COORD_LABELS, KINDS, SHEETS, field_header, guess_kind, header_map, sheet_title
from sq_layout.invest.creditcode import credit_code_problem, normalise
from sq_layout.invest.locate import area_names, assign_areas, carrier_areas, convert, disagrees, placement
from sq_layout.invest.schemas import (
    ACTUALS,
    FIRMS,
    PROJECTS,
    PROSPECT_CATEGORIES,
    PROSPECT_STATUSES,
    PROSPECTS,
    ROLES,
    STAGE_DATES,
    STAGES,
    empty_table,
)
from sq_layout.plan.dataset import Dataset
from sq_layout.tables.invest import IMPORTED
from sq_layout.tables.spec import Col
from sq_layout.upload_limits import clip

PROBLEM_COLUMNS = ["sheet", "row", "column", "value", "expected"]


@dataclass(frozen=True)
class ImportResult:
    """One sheet's outcome: the validated table when there are no problems, else the problems."""

    kind: str
    table: pd.DataFrame | None
    problems: pd.DataFrame

    @property
    def ok(self) -> bool:
        """True when every row passed."""
        return self.table is not None


class _Collector:
    def __init__(self, kind: str, first_row: int, lang: Lang):
        self.kind, self.first_row, self.lang = kind, first_row, lang
        self.sheet = sheet_title(kind, lang)
        self.rows: list[tuple[str, int, str, str, str]] = []
        # a column is named as the file writes it (either language), else as the reader's template would
        self.headers = {f.code: field_header(f, lang) for f in KINDS[kind]}

    def add(self, code: str, found: fx.Problems) -> None:
        for i, v, expected in found:
            row = (self.sheet, i + self.first_row, self.headers.get(code, code), clip(v), expected)
            self.rows.append(row)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=PROBLEM_COLUMNS).sort_values(["row", "column"], kind="stable")


def _normalise(raw: pd.DataFrame, kind: str, out: _Collector) -> pd.DataFrame:
    hm = header_map(kind)
    written: dict[str, str] = {}
    for c in raw.columns:  # the first of two headers for one field is the column read (duplicates are dropped below)
        if (k := str(c).strip().lower()) in hm and hm[k] not in written:
            written[hm[k]] = str(c).strip()
    out.headers.update(written)
    raw = raw.rename(columns=lambda c: hm.get(str(c).strip().lower(), str(c)))
    raw = raw.loc[:, ~raw.columns.duplicated()]
    missing = [f for f in KINDS[kind] if f.required and f.code not in raw.columns]
    out.rows += [(out.sheet, 1, field_header(f, out.lang), "", tr("ix_column", out.lang)) for f in missing]
    cols = {f.code: raw.get(f.code, "") for f in KINDS[kind]}
    frame: pd.DataFrame = pd.DataFrame(cols, index=raw.index).fillna("").astype(str).apply(lambda s: s.str.strip())
    return frame[(frame != "").any(axis=1)]  # blank rows are not records


def _day(value: object) -> str:
    """A date cell of a parsed stage-date column as YYYY-MM-DD."""
    return str(cast(pd.Timestamp, value).date())


def _locate(ds: Dataset, f: pd.DataFrame, links: pd.DataFrame, crs: str, out: _Collector) -> pd.DataFrame:
    """Chains, links, area and WGS-84 position for firm and project rows."""
    loc = pd.DataFrame(index=f.index)
    lang = out.lang
    loc["chains"], p = fx.parse_chains(ds, f["chains"], required=True, lang=lang)
    out.add("chains", p)
    loc["links"], p = fx.parse_links(f["links"], loc["chains"], links, lang)
    out.add("links", p)
    loc["area_stated"], p = fx.parse_area(f["area"], area_names(ds), ds, lang)
    out.add("area", p)
    lon, p_lon = fx.parse_number(f["lon"], required=False, lang=lang, minimum=None)
    lat, p_lat = fx.parse_number(f["lat"], required=False, lang=lang, minimum=None)
    out.add("lon", p_lon)
    out.add("lat", p_lat)
    half = (f["lon"] == "") != (f["lat"] == "")
    out.add("lon", [(int(i), fx.cell(f, i, "lon"), tr("ix_coords_pair", lang)) for i in f.index[half]])
    wlon, wlat = convert(lon.to_numpy(), lat.to_numpy(), crs)
    has = np.isfinite(wlon) & np.isfinite(wlat)
    derived = pd.Series(assign_areas(ds, np.where(has, wlon, 0.0), np.where(has, wlat, 0.0)), index=f.index)
    outside = has & (derived == "")
    out.add(
        "lon",
        [
            (
                int(i),
                f"{fx.cell(f, i, 'lon')}, {fx.cell(f, i, 'lat')}",
                tr("ix_inside", lang).format(crs=COORD_LABELS[crs]),
            )
            for i in f.index[outside]
        ],
    )
    carrier = f["carrier"].str.lower().map(carrier_areas(ds)).fillna("")
    fallback = loc["area_stated"].where(loc["area_stated"] != "", carrier)
    unplaced = ~has & (fallback == "") & ~half
    out.add("area", [(int(i), "", tr("ix_placed", lang)) for i in f.index[unplaced]])
    loc["area_id"] = derived.where(has, fallback)
    loc["area_flag"] = has & disagrees(ds, derived, loc["area_stated"])
    loc["approximate"] = ~has
    plon, plat = placement(ds, loc["area_id"].where(loc["area_id"] != "", ds.areas["area_id"].iloc[0]))
    loc["lon"], loc["lat"] = np.where(has, wlon, plon), np.where(has, wlat, plat)
    loc["carrier"] = f["carrier"]
    return loc


def _firms(ds: Dataset, f: pd.DataFrame, links: pd.DataFrame, crs: str, out: _Collector) -> pd.DataFrame:
    lang = out.lang
    t = _locate(ds, f, links, crs, out)
    t["name"] = f["name"]
    out.add("name", [(int(i), "", tr("ix_name", lang)) for i in f.index[f["name"] == ""]])
    code = f["credit_code"].map(normalise)  # full-width digits and letters (a Chinese input method's) as ASCII
    wrong = {i: credit_code_problem(c, lang) for i, c in code.items() if c}
    out.add(
        "credit_code",
        [(fx.row(i), fx.cell(f, i, "credit_code"), tr("uscc_expected", lang).format(p)) for i, p in wrong.items() if p],
    )
    dup = code[(code != "") & code.duplicated(keep="first")]
    out.add("credit_code", [(fx.row(i), c, tr("ix_code_once", lang)) for i, c in dup.items()])
    t["credit_code"] = code
    t["role"], p = fx.parse_choice(f["role"], ROLES, False, out.lang)
    out.add("role", p)
    return t


def _projects(ds: Dataset, f: pd.DataFrame, links: pd.DataFrame, crs: str, out: _Collector) -> pd.DataFrame:
    lang = out.lang
    t = _locate(ds, f, links, crs, out)
    t["name"], t["firm"] = f["name"], f["firm"]
    out.add("name", [(int(i), "", tr("ix_name", lang)) for i in f.index[f["name"] == ""]])
    t["investment_yi"], p = fx.parse_number(f["investment_yi"], required=True, lang=lang)
    out.add("investment_yi", p)
    t["stage"], p = fx.parse_choice(f["stage"], STAGES, True, out.lang)
    out.add("stage", p)
    for c in STAGE_DATES:
        t[c], p = fx.parse_date(f[c], lang)
        out.add(c, p)
    dates = t[list(STAGE_DATES)]
    before = dates.cummax(axis=1, skipna=True).shift(1, axis=1)
    for c in STAGE_DATES[1:]:
        bad = dates[c].notna() & before[c].notna() & (dates[c] < before[c])
        out.add(
            c,
            [(int(i), _day(dates.at[i, c]), tr("ix_date_order", lang)) for i in f.index[bad]],
        )
    level = t["stage"].map({s: n for n, s in enumerate(STAGES)})
    for n, c in enumerate(STAGE_DATES):  # the current stage's date may be unknown (表三's projects have none)
        ahead = (level < n) & dates[c].notna()
        out.add(
            c,
            [
                (
                    int(i),
                    _day(dates.at[i, c]),
                    tr("ix_date_ahead", lang).format(stage=label(fx.cell(t, i, "stage"), lang)),
                )
                for i in f.index[ahead]
            ],
        )
    return t


def _prospects(ds: Dataset, f: pd.DataFrame, links: pd.DataFrame, source: str, out: _Collector) -> pd.DataFrame:
    """Target firms outside the city: where they are (as written), chains and links, category, status, owner."""
    lang = out.lang
    t = pd.DataFrame(index=f.index)
    for c in ("name", "province"):
        t[c] = f[c]
        out.add(c, [(int(i), "", tr(f"ix_{c}", lang)) for i in f.index[f[c] == ""]])
    t["city"] = f["city"]
    t["chains"], p = fx.parse_chains(ds, f["chains"], required=True, lang=lang)
    out.add("chains", p)
    t["links"], p = fx.parse_links(f["links"], t["chains"], links, lang)
    out.add("links", p)
    t["category"], p = fx.parse_choice(f["category"], PROSPECT_CATEGORIES, True, out.lang)
    out.add("category", p)
    t["status"], p = fx.parse_choice(f["status"].where(f["status"] != "", "待接触"), PROSPECT_STATUSES, True, out.lang)
    out.add("status", p)
    t["area_id"], p = fx.parse_area(f["area"], area_names(ds), ds, lang)
    out.add("area", p)
    t["owner"], t["next_step"] = f["owner"], f["next_step"]
    added, p = fx.parse_date(f["date_added"], lang)
    out.add("date_added", p)
    t["date_added"] = added.fillna(pd.Timestamp.now().normalize())
    t["origin"] = "import"
    t["source"] = [
        s or f"{source} {SHEETS['prospects']} 第{i + out.first_row}行"
        for i, s in zip(f.index, f["source"], strict=True)
    ]
    return t


def _actuals(ds: Dataset, f: pd.DataFrame, source: str, out: _Collector) -> pd.DataFrame:
    lang = out.lang
    t = pd.DataFrame(index=f.index)
    chains, p = fx.parse_chains(ds, f["chain"], required=True, lang=lang)
    out.add("chain", p)
    multi = chains.str.contains(";")
    out.add("chain", [(int(i), fx.cell(f, i, "chain"), tr("ix_one_chain", lang)) for i in f.index[multi]])
    t["chain_no"] = pd.to_numeric(chains.where(~multi & (chains != ""), "0")).astype(int)
    year, p = fx.parse_number(f["year"], required=True, lang=lang, minimum=2020)
    out.add("year", p)
    bad_year = year.notna() & ((year % 1 != 0) | (year > 2030))
    out.add("year", [(int(i), fx.cell(f, i, "year"), tr("ix_year", lang)) for i in f.index[bad_year]])
    t["year"] = year.fillna(0).astype(int)
    t["area_id"], p = fx.parse_area(f["area"], area_names(ds), ds, lang)
    out.add("area", p)
    t["output_yi"], p = fx.parse_number(f["output_yi"], required=True, lang=lang)
    out.add("output_yi", p)
    t["source"] = f["source"].where(f["source"] != "", source)
    dup = t.duplicated(["chain_no", "year", "area_id"], keep="first")
    out.add("year", [(int(i), fx.cell(f, i, "year"), tr("ix_once_per_year", lang)) for i in f.index[dup]])
    return t


def _parsed(c: Col, text: pd.Series, lang: Lang) -> tuple[pd.Series, fx.Problems]:
    """A column no reader above builds, parsed by what its spec says: choices, number, date or text."""
    assert c.imp is not None
    required = c.imp.required
    if c.choices:
        return fx.parse_choice(text, c.choices, required, lang)
    if c.kind in ("float", "int", "Int64"):
        num, p = fx.parse_number(text, required, lang, minimum=None)
        if c.kind == "float":
            return num.fillna(c.filler()), p
        whole = num.notna() & (num % 1 != 0)
        p += [(fx.row(i), str(text[i]), tr("ix_whole", lang)) for i in text.index[whole]]
        return (num.astype("Int64") if c.kind == "Int64" else num.fillna(c.filler()).astype(int)), p
    if c.kind == "date":
        return fx.parse_date(text, lang)
    missing = text.index[(text == "") & required]
    return text.where(text != "", c.filler()), [(fx.row(i), "", tr("ix_value", lang)) for i in missing]


def _declared_only(f: pd.DataFrame, t: pd.DataFrame, kind: str, out: _Collector) -> pd.DataFrame:
    """The table's columns that only the spec declares (no reader above builds them): parsed from the sheet when it
    is an import column, else the column's default."""
    extra: dict[str, pd.Series] = {}
    for c in IMPORTED[kind].columns:
        if c.name in t.columns:
            continue
        if c.imp is None:
            extra[c.name] = pd.Series([c.filler()] * len(t), index=t.index)
            continue
        extra[c.name], p = _parsed(c, f[c.imp.code or c.name], out.lang)
        out.add(c.imp.code or c.name, p)
    return t.assign(**extra) if extra else t


def validate_sheet(
    ds: Dataset,
    raw: pd.DataFrame,
    kind: str,
    links: pd.DataFrame,
    crs: str = "wgs84",
    source: str = "导入",
    first_row: int = 2,
    lang: Lang = "en",
) -> ImportResult:
    """Validate one sheet of text cells; rows are numbered as in the spreadsheet (header on row 1).

    A sheet over the row limit (sq_layout.upload_limits) is refused before any row is looked at."""
    from sq_layout import upload_limits as lim

    lim.check_rows(source, len(raw), sheet=sheet_title(kind, lang) if kind in SHEETS else kind)
    out = _Collector(kind, first_row, lang)
    f = _normalise(raw.reset_index(drop=True), kind, out)
    if out.rows:
        return ImportResult(kind, None, out.frame())
    schema = {"firms": FIRMS, "projects": PROJECTS, "actuals": ACTUALS, "prospects": PROSPECTS}[kind]
    if f.empty:  # a sheet left blank adds nothing
        return ImportResult(kind, empty_table(schema), out.frame())
    if kind == "actuals":
        table = _actuals(ds, f, source, out)
    elif kind == "prospects":
        table = _prospects(ds, f, links, source, out)
        table.insert(0, "prospect_id", [f"new-T{i + first_row}" for i in f.index])
    else:
        table = _firms(ds, f, links, crs, out) if kind == "firms" else _projects(ds, f, links, crs, out)
        prefix = "F" if kind == "firms" else "P"
        table.insert(0, f"{kind[:-1]}_id", [f"new-{prefix}{i + first_row}" for i in f.index])
        table["origin"] = "import"
        table["source"] = [f"{source} {SHEETS[kind]} 第{i + first_row}行" for i in f.index]
    table = _declared_only(f, table, kind, out)
    if out.rows:
        return ImportResult(kind, None, out.frame())
    table = table[list(schema.columns)].reset_index(drop=True)
    return ImportResult(kind, schema.validate(table), out.frame())


def decode_text(name: str, data: bytes, lang: Lang = "en") -> str:
    """A text file's bytes as text: UTF-8 (with or without BOM), UTF-16 with its BOM, else GB18030 (a superset of
    GBK, what Excel on Chinese Windows saves as “CSV”); bytes none of them reads are refused (DataError)."""
    import codecs

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    first: UnicodeDecodeError | None = None
    for enc in encodings:
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            first = first or exc
    assert first is not None
    raise DataError(name, [tr("csv_encoding", lang).format(pos=first.start)]) from None


def _read_csv(name: str, data: bytes, lang: Lang = "en") -> pd.DataFrame:
    """The CSV's cells as text, reading at most one row past the limit; unreadable text is refused."""
    from sq_layout import upload_limits as lim

    rows = lim.LIMITS["table"].rows
    text = decode_text(name, data, lang)
    try:
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, nrows=rows + 1, index_col=False)
    except pd.errors.EmptyDataError:
        raise DataError(name, [Said("pi_empty")]) from None
    except (pd.errors.ParserError, ValueError) as exc:
        line = re.search(r"line (\d+)", str(exc))  # the parser's line, as the plan import names it
        at = Said("pi_at_line", line=line.group(1)) if line else ""
        raise DataError(name, [Said("pi_malformed_csv", reason=lim.clip(exc, 200), at=at)]) from None
    lim.check_rows(name, len(raw))
    lim.check_columns(name, len(raw.columns))
    lim.check_frame_cells(name, raw)
    return raw


def read_upload(
    ds: Dataset,
    name: str,
    data: bytes,
    links: pd.DataFrame,
    crs: str = "wgs84",
    kind: str | None = None,
    lang: Lang = "en",
) -> list[ImportResult]:
    """Validate an uploaded .csv (one table; kind guessed from headers) or .xlsx (the template's sheets).

    The file is bounded before it is parsed (sq_layout.upload_limits: bytes, unpacked size, rows, columns, cell
    length): over a limit, or not readable as CSV/XLSX, it is refused with DataError and nothing is read."""
    from sq_layout import upload_limits as lim

    lim.check_upload(name, data, "table")
    if name.lower().endswith(".xlsx"):
        from sq_layout.invest.template import read_workbook

        sheets, declared = read_workbook(data, name)
        return [validate_sheet(ds, raw, k, links, declared or crs, name, lang=lang) for k, raw in sheets.items()]
    raw = _read_csv(name, data, lang)
    kind = kind or guess_kind(list(raw.columns))
    if kind is None:
        empty = pd.DataFrame(
            [("CSV", 1, "", clip(join_list(raw.columns, lang)), tr("ix_headers", lang))],
            columns=PROBLEM_COLUMNS,
        )
        return [ImportResult("unknown", None, empty)]
    return [validate_sheet(ds, raw, kind, links, crs, name, lang=lang)]
