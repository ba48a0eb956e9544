"""The difference map between two plan versions: gained / lost / both / unchanged colours, with a legend."""

from __future__ import annotations

from html import escape
from typing import Any

import folium
import geopandas as gpd
import pandas as pd

from layers.offline import make_offline
from sq_layout.i18n import Lang, name_col, t

COLORS = {
    "gained": "#1A9850",
    "lost": "#D73027",
    "both": "#F46D43",
    "unchanged": "#BDBDBD",
    "new": "#66BD63",
    "dropped": "#A50026",
    "none": "#F4F1EA",
}


def _tip(row: pd.Series, status: str, detail: str, lang: Lang) -> str:
    name = escape(str(row[name_col(lang)]))
    return f'<div class="sq-tip"><b>{name}</b><br>{escape(t("cmp_" + status, lang))}{detail}</div>'


def compare_geojson(areas: gpd.GeoDataFrame, status: pd.Series, details: pd.Series, lang: Lang) -> dict[str, Any]:
    """Areas as GeoJSON with a status, colour and escaped tooltip each (areas without a status are 'none')."""
    frame = areas[["area_id", name_col(lang), "geometry"]].copy()
    frame["status"] = frame["area_id"].map(status).fillna("none")
    frame["color"] = frame["status"].map(COLORS)
    frame["tip"] = [
        _tip(r, s, details.get(r["area_id"], ""), lang)
        for (_, r), s in zip(frame.iterrows(), frame["status"], strict=True)
    ]
    doc: dict[str, Any] = frame[["area_id", "status", "color", "tip", "geometry"]].__geo_interface__
    return doc


def _style(feature: dict[str, Any]) -> dict[str, Any]:
    p = feature["properties"]
    return {"fillColor": p["color"], "fillOpacity": 0.75, "color": "#444444", "weight": 1.2}


def compare_map(areas: gpd.GeoDataFrame, status: pd.Series, details: pd.Series, lang: Lang) -> folium.Map:
    """A Folium map (local Leaflet, no tiles) colouring each area by how it changed."""
    minx, miny, maxx, maxy = areas.total_bounds
    m = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25)
    make_offline(m)
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    folium.GeoJson(
        compare_geojson(areas, status, details, lang),
        name="difference",
        style_function=_style,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(m)
    return m


def compare_legend_html(statuses: list[str], lang: Lang) -> str:
    """The legend for the statuses on the map (HTML, beside the map)."""
    rows = "".join(
        f'<div style="margin:2px 0"><span style="display:inline-block;width:22px;height:14px;background:{COLORS[s]};'
        f'border:1px solid #444;vertical-align:middle;margin-right:6px"></span>{escape(t("cmp_" + s, lang))}</div>'
        for s in statuses
    )
    return f'<div class="sq-legend"><b>{escape(t("cmp_legend", lang))}</b>{rows}</div>'
