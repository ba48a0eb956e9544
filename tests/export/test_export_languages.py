"""Every file a reader downloads is in the language they chose: sheet names, headers and values.

Each export format of the app, the CLI and the audit is written in Chinese and in English and opened as a reader
opens it (openpyxl, Python's csv). A Chinese file fails on a raw field name (area_id), a raw code (county, official)
or an English label; an English file on Chinese in a sheet name or header, or a Chinese label as a value (outside
a column that quotes the plan as printed).

Files made to be imported again keep their codes and are not checked here: the plan template and bundle
(`version_bytes` xlsx/zip, whose sheets and columns are the import format) and the investment records workbook
(the investment template's layout). GeoJSON and GeoPackage keep ASCII attribute names for GIS tools.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date

import pytest
from openpyxl import load_workbook

from sq_layout.analysis.compare import compare, readable_tables
from sq_layout.analysis.queries import Selection
from sq_layout.export.audit_report import workbook_tables
from sq_layout.export.dataexport import export_bytes, xlsx
from sq_layout.export.history import history_xlsx, invest_history_xlsx
from sq_layout.i18n import LABELS, Lang
from sq_layout.invest.demo import demo_data
from sq_layout.invest.gapexport import gap_xlsx
from sq_layout.invest.reports import progress_xlsx
from sq_layout.invest.repository import plan_baseline
from sq_layout.plan.dataset import bundled
from sq_layout.store.changes import Change

DS = bundled()
# a column that quotes the plan as printed (its words, its tier as it prints it) is the plan's text in either language
VERBATIM = re.compile(r"as (printed|written)$|（原文）$")
CJK = re.compile(r"[\u4e00-\u9fff]")
FIELD = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)+")  # area_id, geometry_quality: a column's code name
CODES = {k for k in LABELS if k.isascii() and k.islower()}  # county, official, schematic, dominant, …
# the obvious words of the other language: a label whose two languages differ
EN_LABELS = {v["en"] for v in LABELS.values() if v["en"] != v["zh"] and not CJK.search(v["en"]) and len(v["en"]) > 3}
ZH_LABELS = {v["zh"] for v in LABELS.values() if v["en"] != v["zh"] and CJK.search(v["zh"]) and not v["en"].isascii()}
ZH_LABELS |= {v["zh"] for v in LABELS.values() if v["en"] != v["zh"] and CJK.search(v["zh"])}
ZH_LABELS -= {v["en"] for v in LABELS.values()}


def _changes() -> list[Change]:
    """A plan edit and an investment save as the store records them (the single-user install's 'local', UTC)."""
    row = {"table": "chains", "row_no": 9, "before": {"name": "酿酒", "rev": 1}, "after": {"name": "白酒", "rev": 2}}
    return [
        Change(1, 2, "2026-12-07T03:56:41+00:00", "local", "update", "rename", "typo", (), (9,), (row,), None, None)
    ]


def _sheets(book: bytes) -> dict[str, list[list[object]]]:
    wb = load_workbook(io.BytesIO(book), read_only=True)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def _csvs(book: bytes) -> dict[str, list[list[object]]]:
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return {
            n.removesuffix(".csv"): [list(r) for r in csv.reader(io.StringIO(z.read(n).decode("utf-8-sig")))]
            for n in z.namelist()
            if n.endswith(".csv")
        }


def _csv(book: bytes) -> dict[str, list[list[object]]]:
    return {"": [list(r) for r in csv.reader(io.StringIO(book.decode("utf-8-sig")))]}


SEL = Selection(chains=(9,))
EXPORTS: dict[str, Callable[[Lang], dict[str, list[list[object]]]]] = {
    "view xlsx": lambda lang: _sheets(export_bytes("xlsx", DS, SEL, "sihong", lang, whole=False)),
    "view csv zip": lambda lang: _csvs(export_bytes("zip", DS, SEL, "sihong", lang, whole=False)),
    "view csv": lambda lang: _csv(export_bytes("csv", DS, Selection(), None, lang, whole=False)),
    "whole xlsx": lambda lang: _sheets(export_bytes("xlsx", DS, Selection(), None, lang, whole=True)),
    "whole csv zip": lambda lang: _csvs(export_bytes("zip", DS, Selection(), None, lang, whole=True)),
    "compare xlsx": lambda lang: _sheets(xlsx(readable_tables(compare(DS, DS), DS, DS, lang), lang)),
    "audit xlsx": lambda lang: _sheets(xlsx(workbook_tables(DS, lang), lang)),
    "plan history xlsx": lambda lang: _sheets(history_xlsx(_changes(), lang)),
    "investment history xlsx": lambda lang: _sheets(invest_history_xlsx(_changes(), lang)),
    "gap xlsx": lambda lang: _sheets(gap_xlsx(DS, plan_baseline(DS), 3, lang=lang)),
    "progress xlsx": lambda lang: _sheets(progress_xlsx(DS, demo_data(DS), date.today().year, lang)),
}


def problems(sheets: dict[str, list[list[object]]], lang: str) -> list[str]:
    """What a reader of `lang` should not find in the file: per sheet name, header row and cell."""
    out = []
    for name, rows in sheets.items():
        if lang == "en" and CJK.search(name):
            out.append(f"sheet name {name!r}")
        if lang == "zh" and re.search(r"[A-Za-z]{3,}", name):
            out.append(f"sheet name {name!r}")
        quoted = {j for j, h in enumerate(rows[0] if rows else []) if isinstance(h, str) and VERBATIM.search(h)}
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if not isinstance(v, str) or not v.strip() or (i > 0 and j in quoted):
                    continue
                s = v.strip()
                if FIELD.fullmatch(s) or s in CODES:
                    out.append(f"{name}: row {i + 1}: raw code {s!r}")
                elif lang == "zh" and s in EN_LABELS:
                    out.append(f"{name}: row {i + 1}: English {s!r}")
                elif lang == "en" and s in ZH_LABELS:
                    out.append(f"{name}: row {i + 1}: Chinese {s!r}")
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("export", list(EXPORTS))
def test_every_export_is_in_the_readers_language(export: str, lang: Lang) -> None:
    sheets = EXPORTS[export](lang)
    assert sum(len(rows) for rows in sheets.values()) > 1, "the file holds a table"
    found = problems(sheets, lang)
    assert not found, f"{export} ({lang}): {len(found)} problems: {found[:12]}"


def test_the_check_finds_a_raw_code_and_the_other_language() -> None:
    assert problems({"areas": [["area_id", "kind"], ["sihong", "county"]]}, "zh") == [
        "sheet name 'areas'",
        "areas: row 1: raw code 'area_id'",
        "areas: row 2: raw code 'county'",
    ]
    assert problems({"地区": [["县区"]]}, "en") == ["sheet name '地区'", "地区: row 1: Chinese '县区'"]
