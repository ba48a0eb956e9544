"""The 补链 list and link × area matrix of one chain as an XLSX workbook (formula-looking text neutralised)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from sq_layout.export.cells import neutralise_cell, workbook_bytes
from sq_layout.i18n import label, name_col
from sq_layout.i18n import t as tr
from sq_layout.invest.gaps import gap_list, gap_matrix
from sq_layout.invest.repository import InvestData
from sq_layout.plan.dataset import Dataset


def gap_tables(
    ds: Dataset, data: InvestData, chain_no: int, firms: pd.DataFrame | None = None, lang: str = "zh"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The list and the matrix with readable names in `lang`, as shown and exported (the list's headers are codes)."""
    areas = dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)], strict=True))
    links = data.links.set_index("link_id")
    m = gap_matrix(ds, data, chain_no, firms).rename(columns=areas)
    m.index = [
        f"{label(str(links.at[i, 'stage']), lang)} · {links.at[i, 'name']!s}" if i else tr("inv_no_link", lang)
        for i in m.index
    ]
    g = gap_list(ds, data, chain_no, firms, lang)
    g["gap"] = g["gap"].map(lambda k: tr(f"inv_gap_{k}", lang))
    g["stage"] = g["stage"].map(lambda s: label(s, lang) if s else "")
    return g.drop(columns=["key"]), m


def gap_xlsx(ds: Dataset, data: InvestData, chain_no: int, firms: pd.DataFrame | None = None) -> bytes:
    """说明, 补链清单 and 环节×区域 sheets for one chain; demo data says so on every sheet's first line."""
    from openpyxl import Workbook

    name = str(ds.chains.set_index("chain_no").at[chain_no, "name"])
    g, m = gap_tables(ds, data, chain_no, firms)
    wb = Workbook()
    about = wb.active
    about.title = "说明"
    banner = "示例数据（虚构），不代表真实企业" if data.demo else "企业与项目数据：规划点名的企业与载体及用户导入的记录"
    for row in (
        [f"产业链招商地图 · 补链清单：{name}（表十一 第{chain_no}条）"],
        [banner],
        ["环节来源：规划原文（行号+原文）或用户补充；承载区域来源：表十、第四章、第五章。"],
        ["无坐标的记录按载体或区域定位，为近似位置。功能区范围为示意。"],
        [f"导出日期 {date.today().isoformat()}"],
    ):
        about.append(row)
    ws = wb.create_sheet("补链清单")
    ws.append([banner])
    ws.append(["类型", "环节", "对象", "说明", "来源"])
    for r in g[["gap", "stage", "subject", "note", "source"]].itertuples(index=False):
        ws.append([neutralise_cell(v) for v in r])
    mx = wb.create_sheet("环节×区域")
    mx.append([banner])
    mx.append(["环节", *m.columns])
    for link, counts in m.iterrows():
        mx.append([neutralise_cell(link), *[int(v) for v in counts]])
    for sheet in (ws, mx):
        sheet.freeze_panes = "A3"
        sheet.column_dimensions["A"].width = 30
    return workbook_bytes(wb)


def records_xlsx(ds: Dataset, data: InvestData, firms: pd.DataFrame, projects: pd.DataFrame) -> bytes:
    """The filtered firms and projects with area names and an explicit 近似位置 column."""
    from openpyxl import Workbook

    areas = dict(zip(ds.areas["area_id"], ds.areas["name"], strict=True))
    wb = Workbook()
    about = wb.active
    about.title = "说明"
    about.append(["示例数据（虚构），不代表真实企业" if data.demo else "规划点名的企业与载体及用户导入的记录"])
    about.append(["坐标为 WGS-84；“近似位置”为是的记录无坐标，按载体或区域定位。"])
    for title, t in (("企业", firms), ("项目", projects)):
        ws = wb.create_sheet(title)
        out = t.assign(area=t["area_id"].map(areas), approximate=t["approximate"].map({True: "是", False: "否"}))
        out = out.drop(columns=["area_id"])
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
