"""The Excel import template (说明 sheet, one sheet per table, drop-downs) and reading a filled-in workbook."""

from __future__ import annotations

import io
from typing import Any, SupportsInt, cast

import pandas as pd

from sq_layout.invest.columns import COORD_LABELS, KINDS, SHEETS
from sq_layout.plan.dataset import Dataset

ABOUT = "说明"
CRS_CELL = "B3"  # where the 说明 sheet declares the file's coordinate system
ROWS = 2000  # how far down the drop-downs reach


def _about(ws: Any, ds: Dataset) -> None:
    ws.append(["宿迁市产业链招商地图 · 导入模板"])
    ws.append(["填写后在“招商地图”页面导入；任何一行有误则整份文件不导入，并逐行列出问题。"])
    ws.append(
        ["坐标系", "GCJ-02", "← 本文件坐标的坐标系（WGS-84 / GCJ-02 / BD-09）；高德、腾讯导出为 GCJ-02，百度为 BD-09"]
    )
    ws.append([])
    for kind, fields in KINDS.items():
        ws.append([f"工作表“{SHEETS[kind]}”"])
        for f in fields:
            ws.append([f.header, "必填" if f.required else "选填", f.help])
        ws.append([])
    ws.append(["产业链（表十一）"])
    for c in ds.chains.itertuples():
        ws.append([int(cast(SupportsInt, c.chain_no)), c.name, f"规划第{c.line}行"])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["C"].width = 80


def template_bytes(ds: Dataset, links: pd.DataFrame) -> bytes:
    """The import workbook: 说明 first, then 企业 / 项目 / 实际产值 with headers, notes and drop-downs."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    about = wb.active
    about.title = ABOUT
    _about(about, ds)
    crs = DataValidation(type="list", formula1='"' + ",".join(COORD_LABELS.values()) + '"', allow_blank=False)
    about.add_data_validation(crs)
    crs.add(CRS_CELL)
    lists = wb.create_sheet("选项")
    columns = {  # the plan's lists first, then each column's own choices (role, stage, …) as the specs give them
        "chains": [f"{n}" for n in ds.chains["chain_no"]] + list(ds.chains["name"]),
        "area": list(ds.areas["name"]),
        "links": list(links["name"]),
    }
    for f in (f for fields in KINDS.values() for f in fields if f.dropdown == "choices"):  # their own choices
        columns.setdefault(f.code, list(f.choices))
    ranges = {}
    for j, (code, values) in enumerate(columns.items(), start=1):
        letter = get_column_letter(j)
        lists.cell(1, j, code)
        for i, v in enumerate(values, start=2):
            lists.cell(i, j, v)
        ranges[code] = f"选项!${letter}$2:${letter}${max(2, len(values) + 1)}"
    lists.sheet_state = "hidden"
    for kind, fields in KINDS.items():
        ws = wb.create_sheet(SHEETS[kind])
        for j, f in enumerate(fields, start=1):
            cell = ws.cell(1, j, f.header)
            cell.comment = Comment(f"{'必填' if f.required else '选填'}：{f.help}", "sq-layout")
            ws.column_dimensions[get_column_letter(j)].width = max(12, len(f.header) * 2 + 4)
            if f.dropdown:
                # a single chain/area/role/stage from the list; several chains can still be typed with ';'
                source = f.code if f.dropdown == "choices" else str(f.dropdown)
                dv = DataValidation(type="list", formula1=ranges[source], allow_blank=True, showErrorMessage=False)
                ws.add_data_validation(dv)
                dv.add(f"{get_column_letter(j)}2:{get_column_letter(j)}{ROWS}")
        ws.freeze_panes = "A2"
    from sq_layout.cells import workbook_bytes

    return workbook_bytes(wb)


def read_workbook(data: bytes, name: str = "upload.xlsx") -> tuple[dict[str, pd.DataFrame], str | None]:
    """The template's data sheets as text frames (by kind) and the declared coordinate system, if any.

    The workbook is bounded first (sq_layout.upload_limits); one that is not a workbook is refused (DataError)."""
    from openpyxl import load_workbook

    from sq_layout import upload_limits as lim
    from sq_layout.cells import restore_cell
    from sq_layout.errors import DataError
    from sq_layout.i18n.lang import Said

    lim.check_upload(name, data, "table")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for files that are not workbooks
        raise DataError(name, [Said("pi_not_xlsx", reason=lim.clip(exc))]) from None
    declared = None
    if ABOUT in wb.sheetnames:
        value = str(wb[ABOUT][CRS_CELL].value or "").strip().upper()
        declared = {v.upper(): k for k, v in COORD_LABELS.items()}.get(value)
    sheets = {}
    for kind, title in SHEETS.items():
        if title not in wb.sheetnames:
            continue
        rows = list(lim.sheet_rows(name, wb[title], "table"))
        if not rows:
            continue
        header = [str(h or "").strip() for h in rows[0]]
        body = [["" if v is None else str(restore_cell(_text(v))) for v in r] for r in rows[1:]]
        sheets[kind] = pd.DataFrame(body, columns=header, dtype=str)
    wb.close()
    if not sheets:  # no sheet of the template with any row: say which sheets are read
        from sq_layout.i18n.lang import Listed

        raise DataError(name, [Said("pi_no_template_sheet", sheets=Listed(list(SHEETS.values())))])
    return sheets, declared


def _text(v: object) -> str:
    if hasattr(v, "strftime"):
        return str(v.strftime("%Y-%m-%d"))
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
