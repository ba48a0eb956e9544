"""Static maps, atlas and data exports: open, size, DPI, glyph coverage, scale bar, round trips."""

from __future__ import annotations

import io
import json
import os
import warnings
import zipfile
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest
import shapely
from fontTools.ttLib import TTCollection, TTFont
from matplotlib import font_manager
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from PIL import Image
from pypdf import PdfReader
from pyproj import Geod, Transformer

from sq_layout.analysis.queries import Selection
from sq_layout.errors import UnknownValue
from sq_layout.export.dataexport import export_bytes, selection_areas, selection_tables, write_gpkg
from sq_layout.geo.crs import MEASURE_CRS
from sq_layout.i18n import Lang
from sq_layout.plan.dataset import Dataset
from sq_layout.printing.atlas import atlas_pages, build_atlas, page_count
from sq_layout.printing.cartography import overlapping_labels, true_north_angle
from sq_layout.printing.printmap import MapPage, PrintSpec, render_map, render_page, save_figure
from tests.frames import text

PV = Selection(chains=(3,))


@lru_cache(maxsize=8)
def cmap_of(path: str) -> frozenset[int]:
    """Code points a font file maps (faces of a Noto CJK collection share one cmap)."""
    if path.lower().endswith((".ttc", ".otc")):
        return frozenset(TTCollection(path, lazy=True).fonts[0].getBestCmap())
    return frozenset(TTFont(path, lazy=True).getBestCmap())


def texts(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_text().strip()]


@pytest.fixture(scope="module")
def pv_page(ds: Dataset) -> MapPage:
    return render_page(ds, PV, "sihong", PrintSpec(dpi=100))


@pytest.fixture(scope="module")
def pv_fig(pv_page: MapPage) -> Figure:
    return pv_page.fig


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_label_uses_a_font_that_has_all_its_glyphs(ds: Dataset, lang: Lang) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = render_map(ds, Selection(chains=(9, 10)), "sucheng", PrintSpec(dpi=72, lang=lang))
        fig.canvas.draw()
    assert not [w for w in caught if "Glyph" in str(w.message)]
    all_text = texts(fig)
    assert any("图例" in t.get_text() or "Legend" in t.get_text() for t in all_text)
    for t in all_text:
        path = font_manager.findfont(t.get_fontproperties(), fallback_to_default=False)
        cmap = cmap_of(path)
        missing = [ch for ch in t.get_text() if not ch.isspace() and ord(ch) not in cmap]
        assert not missing, (t.get_text(), path, missing)


def test_png_has_dpi_metadata_and_a4_size(ds: Dataset, tmp_path: Path) -> None:
    fig = render_map(ds, PV, None, PrintSpec(dpi=150))
    path = save_figure(fig, tmp_path / "pv.png")
    with Image.open(path) as im:
        assert im.info["dpi"][0] == pytest.approx(150, abs=0.5)
        assert im.size[0] == pytest.approx(297 / 25.4 * 150, abs=1) and im.size[1] == pytest.approx(
            210 / 25.4 * 150, abs=1
        )


def test_pdf_and_svg_open_with_one_a4_page(pv_fig: Figure, tmp_path: Path) -> None:
    pdf = PdfReader(save_figure(pv_fig, tmp_path / "pv.pdf"))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((297 / 25.4 * 72, 210 / 25.4 * 72), abs=0.5)
    svg = ElementTree.parse(save_figure(pv_fig, tmp_path / "pv.svg")).getroot()
    assert svg.tag.endswith("svg") and svg.attrib["width"].startswith("841.")


def test_a3_portrait_size(ds: Dataset, tmp_path: Path) -> None:
    fig = render_map(ds, PV, None, PrintSpec(paper="a3", orientation="portrait", dpi=50))
    with Image.open(save_figure(fig, tmp_path / "a3.png")) as im:
        assert im.size[0] == pytest.approx(297 / 25.4 * 50, abs=1) and im.size[1] == pytest.approx(
            420 / 25.4 * 50, abs=1
        )


def test_unsupported_format(pv_fig: Figure, tmp_path: Path) -> None:
    with pytest.raises(UnknownValue, match=r"unknown map format '\.tif'"):
        save_figure(pv_fig, tmp_path / "x.tif")


def test_scale_bar_claims_its_true_ground_length(pv_page: MapPage) -> None:
    ax, bars, km = pv_page.ax, pv_page.scale.bars, pv_page.scale.km
    x0 = bars[0].get_x()
    x1 = bars[-1].get_x() + bars[-1].get_width()
    assert x1 - x0 == pytest.approx(km * 1000)
    y = bars[0].get_y()
    lon, lat = Transformer.from_crs(MEASURE_CRS, "EPSG:4326", always_xy=True).transform([x0, x1], [y, y])
    ground = Geod(ellps="GRS80").inv(lon[0], lat[0], lon[1], lat[1])[2]
    assert ground == pytest.approx(km * 1000, rel=0.002)
    assert any(t.get_text() == f"{km} km" for t in ax.texts)


def test_north_arrow_points_to_true_north() -> None:
    assert abs(true_north_angle(117.0, 34.0)) < 0.01  # on the central meridian grid north is true north
    east = true_north_angle(118.8, 34.0)
    assert 0.8 < abs(east) < 1.2  # ~Δλ·sinφ = 1.8° · 0.56


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("sel", [Selection(), PV, Selection(tiers=("leading",))])
def test_area_labels_do_not_overlap(ds: Dataset, lang: Lang, sel: Selection) -> None:
    page = render_page(ds, sel, None, PrintSpec(dpi=72, lang=lang))
    page.fig.canvas.draw()
    assert len(page.drawn.labels) == 9
    assert overlapping_labels(page.ax, page.drawn.labels) == []


def test_title_generated_editable_and_legend_complete(ds: Dataset) -> None:
    fig = render_map(ds, PV, "sihong", PrintSpec(dpi=72))
    strings = [t.get_text() for t in texts(fig)]
    assert "宿迁市晶硅光伏产业链布局示意图" in strings
    box = fig.axes[0].get_legend()
    assert box is not None
    legend = [t.get_text() for t in box.get_texts()]
    assert {"晶硅光伏", "不承载所选产业", "功能区（示意范围）", "当前选中区域"} <= set(legend)
    assert any(s.startswith("资料来源") for s in strings) and any("示意图" in s for s in strings)
    assert any("制图日期" in s for s in strings) and "北" in strings
    custom = render_map(ds, PV, None, PrintSpec(dpi=72, title="我的标题"))
    assert "我的标题" in [t.get_text() for t in texts(custom)]


def test_colours_match_the_interactive_map(ds: Dataset) -> None:
    from sq_layout.analysis.queries import selection_color

    fig = render_map(ds, PV, None, PrintSpec(dpi=72))
    legend = fig.axes[0].get_legend()
    assert legend is not None
    handle = next(h for h in legend.legend_handles if isinstance(h, Patch) and h.get_label() == "晶硅光伏")
    r, g, b, _ = to_rgba(handle.get_facecolor())
    assert "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (r, g, b))) == selection_color(ds, PV)


# --- atlas ---------------------------------------------------------------------------------------


def test_atlas_pages_cover_overview_industries_chains_areas(ds: Dataset) -> None:
    pages = atlas_pages(ds, "zh")
    kinds = pd.Series([p.stem[0] for p in pages]).value_counts().to_dict()
    assert kinds == {"0": 1, "1": 9, "2": 20, "3": 9}
    chain3 = next(p for p in pages if p.stem == "203-晶硅光伏")
    assert chain3.table is not None
    assert list(chain3.table.iloc[:, 0]) and "2020年产值（亿元）" in chain3.table.columns
    assert "00-overview" in [p.stem for p in atlas_pages(ds, "en")]

    # 表十一 figures are city-wide: printed once, on the 全市 row, never on a host row
    figures = chain3.table["2020年产值（亿元）"]
    assert list(figures[figures != ""]) == ["117.61"] and text(chain3.table.iloc[0, 0]).startswith("全市")


def test_whole_atlas_builds_pdf_and_pngs(ds: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    seen = []
    spec = PrintSpec(dpi=30, orientation="portrait")
    build_atlas(ds, out, spec, progress=lambda i, n, t: seen.append((i, n, t)))
    pdf_pages = len(PdfReader(out / "atlas.pdf").pages)
    pngs = sorted(p.name for p in (out / "png").glob("*.png"))
    # one report per printed page, counted from the code before any page is drawn: the count the app states
    assert [(i, n) for i, n, _ in seen] == [(i, pdf_pages) for i in range(1, pdf_pages + 1)]
    assert pdf_pages == len(pngs) == page_count(ds, spec) > len(atlas_pages(ds, "zh"))
    assert all(title for _, _, title in seen) and seen[0][2].startswith("宿迁市")
    assert "303-沭阳县.png" in pngs and "203-晶硅光伏.png" in pngs
    assert set(os.listdir(out)) == {"atlas.pdf", "png"}


# --- data ----------------------------------------------------------------------------------------


def test_csv_zip_has_bom_and_source_note(ds: Dataset) -> None:
    z = zipfile.ZipFile(io.BytesIO(export_bytes("zip", ds, PV, "sihong", "zh", whole=False)))
    assert {"地区.csv", "承载区域.csv", "所选区域产业.csv", "SOURCE.txt"} <= set(z.namelist())
    raw = z.read("承载区域.csv")
    assert raw.startswith(b"\xef\xbb\xbf") and "晶硅光伏" in raw.decode("utf-8-sig")
    assert "资料来源" in z.read("SOURCE.txt").decode("utf-8-sig")
    whole = zipfile.ZipFile(io.BytesIO(export_bytes("zip", ds, PV, None, "zh", whole=True)))
    assigned = pd.read_csv(io.BytesIO(whole.read("布局.csv")), encoding="utf-8-sig")
    assert len(assigned) == len(ds.assignments)


def test_xlsx_one_sheet_per_table_with_readable_headers(ds: Dataset) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(export_bytes("xlsx", ds, PV, "sihong", "zh", whole=False)))
    assert wb.sheetnames[0] == "说明" and {"地区", "承载区域", "所选区域产业"} <= set(wb.sheetnames)
    header = [c.value for c in wb["承载区域"][1]]
    assert "产业链" in header and "2020年产值（亿元）" not in header  # city-wide figures are not per-host
    figures = [[c.value for c in row] for row in wb["表十一数字"].iter_rows()]
    assert "2020年产值（亿元）" in figures[0] and figures[1][:3] == ["晶硅光伏", "全市", 117.61]
    assert "资料来源" in wb["说明"]["A2"].value


def test_geojson_has_crs_note_and_selection_counts(ds: Dataset) -> None:
    doc = json.loads(export_bytes("geojson", ds, PV, None, "zh", whole=False))
    assert len(doc["features"]) == 9 and "资料来源" in doc["source"]
    counts = {f["properties"]["area_id"]: f["properties"]["n_selected"] for f in doc["features"]}
    assert {a for a, n in counts.items() if n} == {"jingkai", "sihong", "susu"}


def test_geopackage_round_trip(ds: Dataset, tmp_path: Path) -> None:
    areas = selection_areas(ds, PV)
    tables = selection_tables(ds, PV, "sihong", "zh")
    path = write_gpkg(tmp_path / "x.gpkg", areas, tables, "zh")
    back = gpd.read_file(path, layer="areas")
    assert back.crs.to_epsg() == 4326
    assert list(back["area_id"]) == list(areas["area_id"])
    # GPKG stores one geometry type per layer: single polygons come back as one-part multipolygons
    assert back.geometry.geom_equals(areas.geometry.reset_index(drop=True)).all()
    # coordinate identity (not a measurement): the largest vertex shift in degrees
    assert shapely.hausdorff_distance(back.geometry.values, areas.geometry.values).max() < 1e-9
    assert list(back["n_selected"]) == list(areas["n_selected"])
    hosts = pyogrio.read_dataframe(path, layer="hosts")
    assert list(hosts.columns) == list(tables["hosts"].columns)
    figures = pyogrio.read_dataframe(path, layer="chain_figures")
    original = tables["chain_figures"]
    assert list(figures.columns) == list(original.columns)
    assert np.allclose(figures.iloc[:, 2].astype(float), original.iloc[:, 2].astype(float))
    assert "资料来源" in pyogrio.read_dataframe(path, layer="about")["note"][0]
