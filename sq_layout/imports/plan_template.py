"""The Excel template for a plan version: a 说明 sheet, one sheet per plan table with drop-down lists, the plan text.

The template comes filled with a version (e.g. the 十四五 baseline), so a next plan is drafted by editing it.
Each table sheet has the same columns as the bundled CSV, so a sheet saved as CSV imports the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from sq_layout import upload_limits as lim
from sq_layout.errors import ImportRejected
from sq_layout.i18n import Lang, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.check import Checked, build, raw_tables
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.schemas import TABLES
from sq_layout.tables.plan import SPECS as PLAN_SPECS

GUIDE = "说明"
TEXT_SHEET = "plan_text"
SHEET_TITLES = {
    "areas": "地区（县区、功能区）",
    "industries": "产业（主导/先导）",
    "subindustries": "细分产业",
    "chains": "重点产业链",
    "assignments": "布局：地区 × 产业 × 细分产业，每行一处出处",
    "details": "地区产业细节（产品、载体、乡镇、企业）",
    "conflicts": "规划内部矛盾（保留并标注）",
    "plan_figures": "规划中的数字（产值、目标、增速）",
    TEXT_SHEET: "规划全文，每行一段；各表 line 列引用此处行号",
}
# (sheet, column) -> a fixed list, or (sheet, column) of another sheet whose values are the choices: as the specs say
LISTS: dict[tuple[str, str], tuple[str, ...] | tuple[str, str]] = {
    (name, c.name): c.dropdown_values() or tuple(str(c.dropdown).split("."))
    for name, t in PLAN_SPECS.items()
    for c in t.columns
    if c.dropdown
}
MAX_ROWS = 5000  # rows the drop-down lists cover

_GUIDE_ROWS = [
    ("用途", "填写一个规划版本（如“十五五”草案或其他城市的规划），在“工作空间”页面或命令行导入。"),
    ("Use", "Fill in one plan version and import it on the Workspace page or with `workspace import-plan`."),
    ("规则", "每张表的列与 geodata/plan/*.csv 相同；带下拉列表的列只能取列表中的值；编号用小写字母、数字和下划线。"),
    ("Rules", "Columns match geodata/plan/*.csv; drop-down columns take listed values; ids are lower-case a-z0-9_."),
    ("检查", "导入前逐表、逐行、逐列检查，列出全部问题；有任何问题则不保存。"),
    ("Checks", "Every problem is listed by sheet, row and column; nothing is saved until all pass."),
    ("边界", "新增地区需导入边界后才能上图；在此之前列出为“未绘制”。本表不含边界，导入时沿用基础版本的边界。"),
    (
        "Boundaries",
        "New areas are listed as not drawn until their boundary is imported; others keep the base version's.",
    ),
    ("行号", "各表 line 列引用 plan_text 表的行号（第1行为表头下第一行）。"),
    ("Lines", "Each 'line' column cites a row of the plan_text sheet (row 1 = first row under the header)."),
]


def _set(cell: Any, value: Any) -> None:
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text that starts with = + - @ stays text, never a formula


def template_bytes(ds: Dataset) -> bytes:
    """The template workbook, filled with the given version's tables and plan text."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE
    for row in _GUIDE_ROWS:
        guide.append(list(row))
    guide.append([])
    guide.append(["表 Sheet", "内容 Content", "列 Columns"])
    for name, title in SHEET_TITLES.items():
        cols = ", ".join(TABLES[name].columns) if name in TABLES else "text"
        guide.append([name, title, cols])
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 16, 90
    for name, frame in {**raw_tables(ds), TEXT_SHEET: pd.DataFrame({"text": list(ds.plan_lines)})}.items():
        sheet = wb.create_sheet(name)
        sheet.append(list(frame.columns))
        numeric = {c for c in frame.columns if c in _numeric(name)}
        for values in frame.itertuples(index=False):
            sheet.append([None] * len(values))
            for j, (col, v) in enumerate(zip(frame.columns, values, strict=True)):
                _set(sheet.cell(sheet.max_row, j + 1), _number(v) if col in numeric and v != "" else v)
        sheet.freeze_panes = "A2"
    for (name, col), choices in LISTS.items():
        sheet = wb[name]
        j = list(TABLES[name].columns).index(col)
        letter = sheet.cell(1, j + 1).column_letter
        if len(choices) == 2 and choices[0] in TABLES:
            src = wb[choices[0]]
            src_letter = src.cell(1, list(TABLES[choices[0]].columns).index(choices[1]) + 1).column_letter
            formula = f"={choices[0]}!${src_letter}$2:${src_letter}${MAX_ROWS}"
        else:
            formula = '"' + ",".join(choices) + '"'
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True)
        dv.error = f"{col}: choose from the list"
        sheet.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{MAX_ROWS}")
    from sq_layout.cells import workbook_bytes

    return workbook_bytes(wb)


def _numeric(name: str) -> set[str]:
    if name not in TABLES:
        return set()
    return {c for c, col in TABLES[name].columns.items() if str(col.dtype) in ("int64", "float64", "Int64")}


def _number(v: str) -> int | float:
    f = float(v)
    return int(f) if f.is_integer() and "." not in v else f


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def read_workbook(path: Path, base: Dataset, source: str | None = None, lang: Lang = "en") -> Checked:
    """Validate a filled template whole (sheets missing are taken from the base version; boundaries from it too);
    problems are worded in `lang`."""
    from openpyxl import load_workbook

    source = source or path.name
    lim.check_upload(source, path, "table")  # before openpyxl unpacks anything (shared strings are read whole)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for files that are not workbooks
        raise ImportRejected(source, [t("pi_not_xlsx", lang).format(reason=lim.clip(exc))]) from None
    raw = raw_tables(base)
    labels = _base_labels(lang)
    lines = base.plan_lines
    for sheet in wb.worksheets:
        if sheet.title not in TABLES and sheet.title != TEXT_SHEET:
            continue
        every = [[_cell_text(v) for v in r] for r in lim.sheet_rows(source, sheet, "table")]
        rows = [r for r in every if any(r)]
        header = [h.strip() for h in rows[0]] if rows else []
        while header and header[-1] == "":
            header.pop()
        body = [r[: len(header)] + [""] * (len(header) - len(r)) for r in rows[1:]]
        if sheet.title == TEXT_SHEET:
            lines = tuple(r[0] if r else "" for r in every[1:])  # blank lines keep the numbering
            continue
        raw[sheet.title] = pd.DataFrame(body, columns=header, dtype="str")
        labels[sheet.title] = t("pi_sheet", lang).format(name=sheet.title)
    wb.close()
    return build(raw, labels, lines, _base_boundaries(base), source, t("pi_base_boundaries", lang), lang)


def _base_labels(lang: Lang) -> dict[str, str]:
    return {name: t("pi_base_table", lang).format(name=name) for name in TABLES}


def read_lines(path: Path, name: str, kind: str, lang: Lang = "en") -> tuple[str, ...]:
    """The plan text, one paragraph a line, within the row and cell limits of `kind`; unreadable text is refused."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(name, [t("pi_not_utf8_text", lang).format(byte=exc.start)]) from None
    lines = tuple(text.split("\n"))
    lim.check_rows(name, len(lines), kind)
    for i, line in enumerate(lines, start=1):
        lim.check_cell(name, line, i, "text", kind)
    return lines


def _base_boundaries(base: Dataset) -> gpd.GeoDataFrame:
    from sq_layout.plan.boundaries import with_provenance

    return with_provenance(base.boundaries)


def read_csvs(paths: list[Path], base: Dataset, names: list[str] | None = None, lang: Lang = "en") -> Checked:
    """Validate one or more table CSVs (named like areas.csv) over the base version; plan_text.txt replaces the text.
    Problems are worded in `lang`."""
    from sq_layout.plan.tables import listed, read_raw

    names = names or [p.name for p in paths]
    raw, lines = raw_tables(base), base.plan_lines
    labels = _base_labels(lang)
    problems: list[str] = []
    for path, name in zip(paths, names, strict=True):
        lim.check_upload(name, path, "table")
        stem = Path(name).stem
        if Path(name).name == "plan_text.txt":
            lines = read_lines(path, name, "table", lang)
        elif stem in TABLES:
            raw[stem] = read_raw(path, kind="table", name=name, lang=lang)
            labels[stem] = name
        else:
            found = t("pi_not_plan_table", lang).format(names=listed([f"{n}.csv" for n in TABLES], lang))
            problems.append(t("pi_in", lang).format(file=name, problem=found))
    if problems:
        raise ImportRejected(join_list(names, lang), problems)
    bounds = t("pi_base_boundaries", lang)
    return build(raw, labels, lines, _base_boundaries(base), ", ".join(names), bounds, lang)
