"""Map layer builders: offline assets, deterministic base map, click handling, escaping of data text."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pytest

from layers.assets import STATIC_DIR, STATIC_URL, keep_in_use, static_path
from layers.base import MAPS_DIR, BaseLayers, base_layers, mount_config, mount_files, publish_mount
from layers.clicks import Click, interpret_click
from layers.geostore import GEO_DIR
from layers.legend import legend_html
from layers.panel import area_panel_html
from layers.popups import area_tooltips
from layers.selection import selection_overlay
from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.analysis.views import area_panel
from sq_layout.geo.simplify import browser_geometry
from sq_layout.i18n import Lang
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from tests.browser.conftest import ROOT

EVIL = '<script>alert("x")</script>&'


@pytest.fixture(scope="module")
def geo(ds: Dataset) -> gpd.GeoDataFrame:
    return browser_geometry(areas_frame(ds))


def _local(url: str) -> bool:
    return url.startswith(STATIC_URL) and "//" not in url


def test_base_map_needs_no_remote_assets(geo: gpd.GeoDataFrame) -> None:
    mount = mount_config(base_layers(geo, "zh"))
    assert all(_local(u) for u in mount["css"] + mount["js"] + [mount["areas"]["url"]])
    assert mount["tiles"] == [] and "http" not in json.dumps(mount)
    frame = (STATIC_DIR / "mapframe" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"(src|href)=\S*(http|//)", frame) and "streamlit:componentReady" in frame


def test_selection_overlay_needs_no_remote_assets(ds: Dataset, geo: gpd.GeoDataFrame) -> None:
    overlay = selection_overlay(geo, host_summary(ds, Selection(chains=(9,))), True, "sihong", None)
    text = json.dumps(overlay.args(), ensure_ascii=False)
    restyle = overlay.args()["restyle"]
    assert isinstance(restyle, dict)
    assert "http" not in text and "//" not in text and restyle["sel"] == "sihong"


def test_online_basemaps_are_optional_layers(geo: gpd.GeoDataFrame) -> None:
    def tiles(basemap: str) -> str:
        return json.dumps(mount_config(base_layers(geo, "zh", basemap))["tiles"])

    assert "openstreetmap" in tiles("osm") and "autonavi" in tiles("amap")
    # the Tianditu key is filled in by the frame from the page's argument; it is never written into the mount file
    assert "tianditu" in tiles("tianditu") and tiles("tianditu").count("tk={tk}") == 2


def test_amap_basemap_shifts_vectors_to_gcj02(geo: gpd.GeoDataFrame) -> None:
    import json

    from shapely.geometry import shape

    def first_lng(layers: BaseLayers) -> float:
        doc = json.loads((GEO_DIR / layers.url.rsplit("/", 1)[1]).read_text(encoding="utf-8"))
        return shape(doc["features"][0]["geometry"]).centroid.x

    wgs = first_lng(base_layers(geo, "zh", "none"))
    gcj = first_lng(base_layers(geo, "zh", "amap"))
    assert 0.003 < gcj - wgs < 0.008  # ~500 m east at Suqian


def test_mount_file_is_deterministic_and_named_by_content(geo: gpd.GeoDataFrame) -> None:
    first = publish_mount(base_layers(geo, "zh"))
    assert first == publish_mount(base_layers(geo, "zh")) != publish_mount(base_layers(geo, "en"))
    assert re.fullmatch(re.escape(STATIC_URL) + r"maps/[0-9a-f]{20}\.json", first)
    assert (MAPS_DIR / first.rsplit("/", 1)[1]).exists()


def test_data_text_is_escaped_in_tooltips_labels_legend_and_panel(ds: Dataset, geo: gpd.GeoDataFrame) -> None:
    evil = geo.copy()
    evil.loc[evil["area_id"] == "susu", ["name", "short_name"]] = EVIL
    tips = area_tooltips(evil, "zh")
    assert all("<script>" not in tip for tip in tips) and any("&lt;script&gt;" in tip for tip in tips)
    layers = base_layers(evil, "zh")
    assert "<script>" not in json.dumps(mount_config(layers), ensure_ascii=False)
    doc = json.loads((GEO_DIR / layers.url.rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    published = [tip for f in doc["features"] for tip in f["properties"]["tip"]]
    assert all("<script>" not in tip for tip in published) and any("&lt;script&gt;" in tip for tip in published)
    # labels reach the page as text nodes (textContent in static/sqlabels.js), tooltips as escaped HTML
    assert "div.textContent = text;" in (ROOT / "static" / "sqlabels.js").read_text(encoding="utf-8")
    legend = legend_html("zh", True, (EVIL, "#123456"), 1, True)
    assert "<script>" not in legend and "&lt;script&gt;" in legend
    panel = area_panel(ds, "sihong", "zh")
    evil_panel = replace(panel, name=EVIL, details=panel.details.assign(text=EVIL))
    out = area_panel_html(evil_panel, "zh", {})
    assert "<script>alert" not in out and out.count("&lt;script&gt;") >= 2


@pytest.mark.parametrize(
    ("state", "selected", "handled", "expected"),
    [
        (None, None, None, None),
        # new click on a feature selects it
        (
            {
                "last_clicked": {"lat": 1, "lng": 2},
                "last_object_clicked": {"lat": 1, "lng": 2},
                "last_active_drawing": {"properties": {"area_id": "sihong"}},
            },
            None,
            None,
            "sihong",
        ),
        # clicking the selected feature again clears
        (
            {
                "last_clicked": {"lat": 3, "lng": 4},
                "last_object_clicked": {"lat": 3, "lng": 4},
                "last_active_drawing": {"properties": {"area_id": "sihong"}},
            },
            "sihong",
            (1.0, 2.0, ""),
            None,
        ),
        # click on empty map: last_object_clicked is stale -> clear
        (
            {
                "last_clicked": {"lat": 5, "lng": 6},
                "last_object_clicked": {"lat": 3, "lng": 4},
                "last_active_drawing": {"properties": {"area_id": "sihong"}},
            },
            "sihong",
            (3.0, 4.0, ""),
            None,
        ),
        # the same click seen again (a rerun for another widget) changes nothing
        (
            {
                "last_clicked": {"lat": 1, "lng": 2},
                "last_object_clicked": {"lat": 1, "lng": 2},
                "last_active_drawing": {"properties": {"area_id": "sihong"}},
            },
            "sihong",
            (1.0, 2.0, ""),
            "sihong",
        ),
        # a second click at the same spot (a new click id from the frame) clears the selected area
        (
            {
                "last_clicked": {"lat": 1, "lng": 2},
                "last_object_clicked": {"lat": 1, "lng": 2},
                "last_active_drawing": {"properties": {"area_id": "sihong"}},
                "click_id": "k:2",
            },
            "sihong",
            (1.0, 2.0, "k:1"),
            None,
        ),
        # a click at the spot of an area just cleared selects it again
        (
            {
                "last_clicked": {"lat": 1, "lng": 2},
                "last_object_clicked": {"lat": 1, "lng": 2},
                "last_active_drawing": {"properties": {"area_id": "sihong"}},
                "click_id": "k:3",
            },
            None,
            (1.0, 2.0, "k:2"),
            "sihong",
        ),
    ],
)
def test_interpret_click(
    state: dict[str, object] | None, selected: str | None, handled: Click | None, expected: str | None
) -> None:
    assert interpret_click(state, selected, handled).selected == expected


def test_files_of_a_mounted_map_are_kept_in_use_and_a_pruned_one_is_noticed(
    geo: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    layers = base_layers(geo, "zh")
    url = publish_mount(layers)
    files = mount_files(layers, url)
    assert files[:2] == (url, layers.url) and all(static_path(u).is_file() for u in files)
    assert keep_in_use(files)
    static_path(url).unlink()  # as pruning by a long-lived server's newer files would
    assert not keep_in_use(files)
    assert publish_mount(base_layers(geo, "zh")) == url and keep_in_use(files)  # published again, same name


@pytest.mark.parametrize(
    ("lang", "count", "legend"), [("zh", "目标企业数（家）", "类别"), ("en", "Target firms", "Category")]
)
def test_the_target_firms_bar_counts_whole_firms_and_names_its_colours(lang: Lang, count: str, legend: str) -> None:
    """The 目标企业 view's bar: an axis of whole firms (not 0.1, 0.2 …) titled with what it counts, and a legend for
    the categories its colours stand for (Streamlit's own bar chart had neither for a single category)."""
    import pandas as pd

    from layers.charts import prospects_bar

    counts = pd.DataFrame(
        {"province": ["江苏省", "江苏省", "广东省"], "category": ["央企国企", "苏州对口", "珠三角"], "n": [2, 1, 1]}
    )
    spec = prospects_bar(counts, lang)
    enc = spec["encoding"]
    assert enc["x"]["title"] == count and enc["x"]["axis"] == {"tickMinStep": 1, "format": "d"}
    assert enc["color"]["field"] == "category" and enc["color"]["title"] == legend
    assert [v["n"] for v in spec["data"]["values"]] == [2, 1, 1]
