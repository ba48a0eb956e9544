"""The Excel import template (说明 sheet, one sheet per table, drop-downs) and reading a filled-in workbook."""

from __future__ import annotations

import io
from typing import Any, SupportsInt, cast

import pandas as pd

from sq_layout.i18n import Lang, label, name_col, t
from sq_layout.i18n.lang import display_width
from sq_layout.invest.columns import COORD_LABELS, KINDS, SHEET_KINDS, field_header, field_help, sheet_title
from sq_layout.plan.dataset import Dataset

ABOUTS = ("说明", "About")  # the 说明 sheet's title in either language
CRS_CELL = "B3"  # where the 说明 sheet declares the file's coordinate system
ROWS = 2000  # how far down the drop-downs reach


def _about(ws: Any, ds: Dataset, lang: Lang) -> None:
    ws.append([t("tpl_title", lang)])
    ws.append([t("tpl_how", lang)])
    ws.append([t("tpl_crs", lang), "GCJ-02", t("tpl_crs_note", lang)])
    ws.append([])
    for kind, fields in KINDS.items():
        ws.append([t("tpl_sheet", lang).format(sheet=sheet_title(kind, lang))])
        for f in fields:
            ws.append([field_header(f, lang), _needed(f.required, lang), field_help(f, lang)])
        ws.append([])
    ws.append([t("tpl_chains", lang)])
    for c in ds.chains.itertuples():
        ws.append(
            [
                int(cast(SupportsInt, c.chain_no)),
                getattr(c, name_col(lang)),
                t("tpl_plan_line", lang).format(line=c.line),
            ]
        )
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["C"].width = 80


def _needed(required: bool, lang: Lang) -> str:
    return t("tpl_required" if required else "tpl_optional", lang)


def template_bytes(ds: Dataset, links: pd.DataFrame, lang: Lang = "zh") -> bytes:
    """The import workbook in a language: 说明 first, then 企业 / 项目 / 实际产值 / 目标企业 with headers, notes and
    drop-downs (read back in either language)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from sq_layout.invest.seed import link_names

    wb = Workbook()
    about = wb.active
    about.title = t("tpl_about_sheet", lang)
    _about(about, ds, lang)
    crs = DataValidation(type="list", formula1='"' + ",".join(COORD_LABELS.values()) + '"', allow_blank=False)
    about.add_data_validation(crs)
    crs.add(CRS_CELL)
    lists_title = t("tpl_lists_sheet", lang)
    lists = wb.create_sheet(lists_title)
    names = link_names(links, lang)
    columns = {  # the plan's lists first, then each column's own choices (role, stage, …) as the specs give them
        "chains": [f"{n}" for n in ds.chains["chain_no"]] + list(ds.chains[name_col(lang)]),
        "area": list(ds.areas[name_col(lang)]),
        "links": [names[k] for k in links["link_id"]],
    }
    for f in (f for fields in KINDS.values() for f in fields if f.dropdown == "choices"):  # their own choices
        columns.setdefault(f.code, [label(c, lang) for c in f.choices])
    ranges = {}
    for j, (code, values) in enumerate(columns.items(), start=1):
        letter = get_column_letter(j)
        lists.cell(1, j, code)
        for i, v in enumerate(values, start=2):
            lists.cell(i, j, v)
        ranges[code] = f"'{lists_title}'!${letter}$2:${letter}${max(2, len(values) + 1)}"
    lists.sheet_state = "hidden"
    for kind, fields in KINDS.items():
        ws = wb.create_sheet(sheet_title(kind, lang))
        for j, f in enumerate(fields, start=1):
            head = field_header(f, lang)
            cell = ws.cell(1, j, head)
            note = t("tpl_comment", lang).format(needed=_needed(f.required, lang), help=field_help(f, lang))
            cell.comment = Comment(note, "sq-layout")
            ws.column_dimensions[get_column_letter(j)].width = max(12, display_width(head) + 4)
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
    about = next((a for a in ABOUTS if a in wb.sheetnames), None)
    if about is not None:
        value = str(wb[about][CRS_CELL].value or "").strip().upper()
        declared = {v.upper(): k for k, v in COORD_LABELS.items()}.get(value)
    found: dict[str, list[tuple[str, pd.DataFrame]]] = {}  # kind -> its sheets (either language's title)
    for title in wb.sheetnames:
        kind = SHEET_KINDS.get(title)
        if kind is None:
            continue
        rows = list(lim.sheet_rows(name, wb[title], "table"))
        if not rows:
            continue
        header = [str(h or "").strip() for h in rows[0]]
        body = [["" if v is None else str(restore_cell(_text(v))) for v in r] for r in rows[1:]]
        found.setdefault(kind, []).append((title, pd.DataFrame(body, columns=header, dtype=str)))
    wb.close()
    sheets: dict[str, pd.DataFrame] = {}
    twice = []
    for kind, copies in found.items():
        filled = [(title, frame) for title, frame in copies if (frame != "").to_numpy().any()]
        if len(filled) > 1:  # the same table in both languages: which rows are meant is the user's to say
            from sq_layout.i18n.lang import Listed

            twice.append(Said("pi_same_table_twice", sheets=Listed([title for title, _ in filled])))
        sheets[kind] = (filled or copies)[0][1]
    if twice:
        raise DataError(name, twice)
    if not sheets:  # no sheet of the template with any row: say which sheets are read
        from sq_layout.i18n.lang import Listed

        raise DataError(name, [Said("pi_no_template_sheet", sheets=Listed(list(SHEET_KINDS)))])
    return sheets, declared


def _text(v: object) -> str:
    if hasattr(v, "strftime"):
        return str(v.strftime("%Y-%m-%d"))
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
