"""The 补链 list and link × area matrix of one chain as an XLSX workbook (formula-looking text neutralised)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from sq_layout.cells import neutralise_cell, workbook_bytes
from sq_layout.i18n import Lang, label, name_col
from sq_layout.i18n import t as tr
from sq_layout.i18n.shown import source
from sq_layout.invest.gaps import gap_list, gap_matrix
from sq_layout.invest.repository import InvestData
from sq_layout.plan.dataset import Dataset


def gap_tables(
    ds: Dataset, data: InvestData, chain_no: int, firms: pd.DataFrame | None = None, lang: Lang = "zh"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The list and the matrix with readable names in `lang`, as shown and exported (the list's headers are codes)."""
    areas = dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)], strict=True))
    from sq_layout.invest.seed import link_names

    stages, names = data.links.set_index("link_id")["stage"], link_names(data.links, lang)
    m = gap_matrix(ds, data, chain_no, firms).rename(columns=areas)
    m.index = [f"{label(str(stages[i]), lang)} · {names[i]}" if i else tr("inv_no_link", lang) for i in m.index]
    g = gap_list(ds, data, chain_no, firms, lang)
    g["gap"] = g["gap"].map(lambda k: tr(f"inv_gap_{k}", lang))
    g["stage"] = g["stage"].map(lambda s: label(s, lang) if s else "")
    return g.drop(columns=["key"]), m


PRINT_COLUMNS = ["gap", "stage", "subject", "note", "line"]


def gap_print_table(ds: Dataset, data: InvestData, chain_no: int, lang: Lang = "zh") -> pd.DataFrame:
    """The gap list as printed in `lang`: type, link stage, subject, note and the plan line or source (short)."""
    import re

    heads = dict(zip(PRINT_COLUMNS, tr("gp_heads", lang).split("|"), strict=True))
    g, _ = gap_tables(ds, data, chain_no, lang=lang)
    if g.empty:
        return pd.DataFrame([["—", "", tr("inv_gap_none", lang), "", ""]], columns=list(heads.values()))
    cite = tr("inv_plan_line", lang).split("{quote}")[0].rstrip("：: ")  # 规划第{line}行 / Plan line {line}
    pattern = "^(" + re.escape(cite).replace(re.escape("{line}"), r"\d+") + ")"
    g["line"] = g["source"].str.extract(pattern)[0].fillna(g["source"].str.slice(0, 16))
    return g[PRINT_COLUMNS].rename(columns=heads)


def gap_xlsx(
    ds: Dataset, data: InvestData, chain_no: int, firms: pd.DataFrame | None = None, lang: Lang = "zh"
) -> bytes:
    """About, gap list and link × area sheets for one chain, in `lang`; demo data says so on every sheet's first
    line."""
    from openpyxl import Workbook

    name = str(ds.chains.set_index("chain_no").at[chain_no, name_col(lang)])
    g, m = gap_tables(ds, data, chain_no, firms, lang)
    wb = Workbook()
    about = wb.active
    about.title = tr("gx_about", lang)
    banner = tr("gx_demo" if data.demo else "gx_data", lang)
    for row in (
        [tr("gx_title", lang).format(name=name, no=chain_no)],
        [banner],
        [tr("gx_sources", lang)],
        [tr("gx_approx", lang)],
        [tr("gx_date", lang).format(d=date.today().isoformat())],
    ):
        about.append(row)
    ws = wb.create_sheet(tr("gx_list", lang))
    ws.append([banner])
    ws.append(tr("gx_heads", lang).split("|"))
    for r in g[["gap", "stage", "subject", "note", "source"]].itertuples(index=False):
        ws.append([neutralise_cell(v) for v in r])
    mx = wb.create_sheet(tr("gx_matrix", lang))
    mx.append([banner])
    mx.append([tr("gx_link", lang), *m.columns])
    for link, counts in m.iterrows():
        mx.append([neutralise_cell(link), *[int(v) for v in counts]])
    for sheet in (ws, mx):
        sheet.freeze_panes = "A3"
        sheet.column_dimensions["A"].width = 30
    return workbook_bytes(wb)


def _placement_words(ds: Dataset, data: InvestData, lang: Lang) -> tuple[dict[str, str], dict[str, str]]:
    """Area and link names as a workbook in `lang` writes them (both read back by the import)."""
    from sq_layout.invest.seed import link_names

    return dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)], strict=True)), link_names(data.links, lang)


def _names(ids: pd.Series, names: dict[str, str]) -> pd.Series:
    return ids.map(lambda v: ";".join(names.get(x, x) for x in str(v).split(";") if x))


def _choices(t: pd.DataFrame, kind: str, lang: Lang) -> dict[str, pd.Series]:
    """The columns of choices (role, stage, category, status) as their labels in `lang`."""
    from sq_layout.invest.columns import KINDS

    return {
        f.code: t[f.code].map(lambda v: label(str(v), lang) if pd.notna(v) and v else "")
        for f in KINDS[kind]
        if f.choices
    }


def _headed(t: pd.DataFrame, kind: str, cols: dict[str, object], lang: Lang) -> pd.DataFrame:
    """The template's columns of `kind` with its headers in `lang`: `cols` where given, else the record's own."""
    from sq_layout.invest.columns import KINDS, field_header

    return pd.DataFrame({field_header(f, lang): cols.get(f.code, t.get(f.code, "")) for f in KINDS[kind]})


def _record_sheet(ds: Dataset, data: InvestData, t: pd.DataFrame, kind: str, lang: Lang) -> pd.DataFrame:
    """Firms or projects as the import template's columns (chains by number, links and areas by name, WGS-84
    coordinates only where the record has its own), then the record's id, source and placement for reference."""
    areas, links = _placement_words(ds, data, lang)
    exact = ~t["approximate"].astype(bool)
    stated = t["area_stated"].map(areas).fillna("")
    placed = t["area_id"].map(areas).fillna("")
    # an approximate record was placed by its stated area or its park; without either the area it shows is written
    area = stated.where((stated != "") | exact | (t["carrier"] != ""), placed)
    cols: dict[str, object] = {
        "chains": t["chains"],
        "links": _names(t["links"], links),
        "area": area,
        "lon": t["lon"].where(exact),
        "lat": t["lat"].where(exact),
        **_choices(t, kind, lang),
    }
    out = _headed(t, kind, cols, lang)
    key = "firm_id" if kind == "firms" else "project_id"
    out[tr("rx_id", lang)] = t[key]
    out[tr("rx_placed", lang)] = placed
    out[tr("rx_approximate", lang)] = t["approximate"].map({True: tr("rx_yes", lang), False: tr("rx_no", lang)})
    out[tr("rx_source", lang)] = t["source"].map(lambda s: source(s, lang))  # for reference, not read back
    return out


def _prospect_sheet(ds: Dataset, data: InvestData, t: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Target firms as the template's 目标企业 columns (link and area names), then their id for reference."""
    areas, links = _placement_words(ds, data, lang)
    cols: dict[str, object] = {
        "links": _names(t["links"], links),
        "area": t["area_id"].map(areas).fillna(""),
        **_choices(t, "prospects", lang),
    }
    out = _headed(t, "prospects", cols, lang)
    out[tr("rx_id", lang)] = t["prospect_id"]
    return out


def records_xlsx(
    ds: Dataset, data: InvestData, firms: pd.DataFrame, projects: pd.DataFrame, lang: Lang = "zh"
) -> bytes:
    """The filtered firms and projects in the import template's layout in `lang`, so the file imports back as it was
    (in either language): a 说明 sheet declaring WGS-84 (the template's coordinate cell), then 企业 and 项目 (and
    目标企业) with the template's headers."""
    from openpyxl import Workbook

    from sq_layout.invest.columns import sheet_title
    from sq_layout.invest.template import CRS_CELL

    wb = Workbook()
    about = wb.active
    about.title = tr("tpl_about_sheet", lang)
    about.append([tr("rx_demo" if data.demo else "rx_records", lang)])
    about.append([tr("rx_how", lang)])
    about.append([tr("tpl_crs", lang), "WGS-84", tr("rx_crs_note", lang)])
    assert about[CRS_CELL].value == "WGS-84"  # where the template reader looks for the declared coordinate system
    sheets = [("firms", firms), ("projects", projects)]
    if len(data.prospects):
        sheets.append(("prospects", data.prospects))
    for kind, t in sheets:
        ws = wb.create_sheet(sheet_title(kind, lang))
        out = _prospect_sheet(ds, data, t, lang) if kind == "prospects" else _record_sheet(ds, data, t, kind, lang)
        ws.append(list(out.columns))
        for row in out.itertuples(index=False):
            ws.append(
                [
                    neutralise_cell(
                        v.date().isoformat()
                        if hasattr(v, "date") and pd.notna(v)
                        else (None if isinstance(v, float) and pd.isna(v) else v)
                    )
                    for v in row
                ]
            )
        ws.freeze_panes = "A2"
    return workbook_bytes(wb)
