"""Folium layer builders: offline assets, deterministic base map, click handling, escaping of data text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from layers.assets import remote_assets
from layers.base import base_layers, base_map
from layers.clicks import interpret_click
from layers.legend import legend_html
from layers.panel import area_panel_html
from layers.popups import area_tooltips
from layers.selection import selection_group
from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.analysis.views import area_panel
from sq_layout.geo.simplify import browser_geometry
from sq_layout.plan.join import areas_frame
from tests.browser.conftest import ROOT

EVIL = '<script>alert("x")</script>&'


@pytest.fixture(scope="module")
def geo(ds):
    return browser_geometry(areas_frame(ds))


def test_base_map_needs_no_remote_assets(geo):
    m = base_map(base_layers(geo, "zh"))
    assert remote_assets(m) == []
    html = m.get_root().render()
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html


def test_selection_layer_needs_no_remote_assets(ds, geo):
    fg = selection_group(geo, host_summary(ds, Selection(chains=(9,))), True, "sihong", None)
    m = base_map(base_layers(geo, "zh"))
    fg.add_to(m)
    assert remote_assets(m) == []


def test_online_basemaps_are_optional_layers(geo):
    assert "openstreetmap" in base_map(base_layers(geo, "zh", "osm")).get_root().render()
    assert "tianditu" not in base_map(base_layers(geo, "zh", "tianditu"), "").get_root().render()
    assert "tk=KEY" in base_map(base_layers(geo, "zh", "tianditu"), "KEY").get_root().render()


def test_amap_basemap_shifts_vectors_to_gcj02(geo):
    import json

    from shapely.geometry import shape

    from layers.geostore import GEO_DIR

    def first_lng(layers) -> float:
        doc = json.loads((GEO_DIR / layers.url.rsplit("/", 1)[1]).read_text(encoding="utf-8"))
        return shape(doc["features"][0]["geometry"]).centroid.x

    wgs = first_lng(base_layers(geo, "zh", "none"))
    gcj = first_lng(base_layers(geo, "zh", "amap"))
    assert 0.003 < gcj - wgs < 0.008  # ~500 m east at Suqian


def test_base_map_script_is_deterministic(geo):
    from streamlit_folium import _get_map_string

    assert _get_map_string(base_map(base_layers(geo, "zh"))) == _get_map_string(base_map(base_layers(geo, "zh")))


def test_map_header_is_sent_compact_with_its_links_intact(geo):
    from streamlit_folium import _get_header

    m = base_map(base_layers(geo, "zh"))
    m.get_root().render()
    m.render()  # twice, as st_folium does
    header = _get_header(m)
    styles = header[header.index("<style>") : header.rindex(">") + 1]
    assert "#map_div { position: relative;" in styles and "L_NO_TOUCH = false;" in styles
    assert "\n" not in styles and "  " not in styles
    page = m.get_root().render()
    assert "leaflet.css" in page and "leaflet.js" in page  # the links st_folium picks out are still there


def test_data_text_is_escaped_in_tooltips_labels_legend_and_panel(ds, geo):
    evil = geo.copy()
    evil.loc[evil["area_id"] == "susu", ["name", "short_name"]] = EVIL
    tips = area_tooltips(evil, "zh")
    assert all("<script>" not in tip for tip in tips) and any("&lt;script&gt;" in tip for tip in tips)
    html = base_map(base_layers(evil, "zh")).get_root().render()
    assert "<script>alert" not in html
    # labels reach the page as text nodes (textContent in static/sqlabels.js), tooltips as escaped HTML
    assert "div.textContent = o.c.text;" in (ROOT / "static" / "sqlabels.js").read_text(encoding="utf-8")
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
            (1.0, 2.0),
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
            (3.0, 4.0),
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
            (1.0, 2.0),
            "sihong",
        ),
    ],
)
def test_interpret_click(state, selected, handled, expected):
    assert interpret_click(state, selected, handled).selected == expected
