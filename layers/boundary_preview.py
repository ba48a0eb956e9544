"""The import preview map: current geometry dashed grey, imported geometry solid; offline Leaflet, escaped tooltips."""

from __future__ import annotations

from html import escape

import folium
import geopandas as gpd

from layers.offline import make_offline
from sq_layout.style import COUNTY_LINE, CURRENT_LINE, IMPORT_ERROR_LINE, IMPORT_LINE, ZONE_DASH


def _current_style(feature: dict[str, dict[str, str]]) -> dict[str, object]:
    return {"color": CURRENT_LINE, "weight": 2, "dashArray": ZONE_DASH, "fillOpacity": 0.05, "fillColor": CURRENT_LINE}


def _imported_style(feature: dict[str, dict[str, str]]) -> dict[str, object]:
    line = IMPORT_ERROR_LINE if feature["properties"]["status"] == "error" else IMPORT_LINE
    return {"color": line, "weight": 2.5, "fillOpacity": 0.15, "fillColor": line, "className": "sq-imported"}


def _context_style(feature: dict[str, dict[str, str]]) -> dict[str, object]:
    return {"color": COUNTY_LINE, "weight": 0.6, "fillOpacity": 0, "opacity": 0.5, "interactive": False}


def _layer(frame: gpd.GeoDataFrame, tips: list[str], status: list[str]) -> dict[str, object]:
    out: dict[str, object] = frame[["geometry"]].assign(tip=tips, status=status).__geo_interface__
    return out


def preview_map(
    counties: gpd.GeoDataFrame, current: gpd.GeoDataFrame, imported: gpd.GeoDataFrame, labels: dict[str, str]
) -> folium.Map:
    """Counties for context, the matched areas' current geometry and the imported features, framed on both.

    current: area_id, name, geometry; imported: number, name, area_id, status, geometry (all EPSG:4326);
    labels: 'current', 'imported' and status texts, already in the page's language.
    """
    m = folium.Map(tiles=None, control_scale=True, zoom_snap=0.25)
    make_offline(m)
    both = gpd.GeoSeries([*current.geometry, *imported.geometry], crs="EPSG:4326")
    minx, miny, maxx, maxy = both.total_bounds if len(both) else counties.total_bounds
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    folium.GeoJson(counties[["geometry"]].__geo_interface__, name="context", style_function=_context_style).add_to(m)
    cur_tips = [f"<b>{escape(str(n))}</b><br>{escape(labels['current'])}" for n in current["name"]]
    folium.GeoJson(
        _layer(current, cur_tips, ["current"] * len(current)),
        name="current",
        style_function=_current_style,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(m)
    imp_tips = [
        f"<b>#{int(r.number)} {escape(str(r.name))}</b><br>{escape(labels['imported'])} · {escape(labels[r.status])}"
        for r in imported.itertuples()
    ]
    folium.GeoJson(
        _layer(imported, imp_tips, list(imported["status"])),
        name="imported",
        style_function=_imported_style,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(m)
    return m


def preview_legend_html(labels: dict[str, str]) -> str:
    """Legend for the preview map: current dashed grey, imported solid, failed checks red."""
    rows = [
        (f"2px dashed {CURRENT_LINE}", labels["current"]),
        (f"2px solid {IMPORT_LINE}", labels["imported"]),
        (f"2px solid {IMPORT_ERROR_LINE}", f"{labels['imported']} · {labels['error']}"),
    ]
    items = "".join(
        f'<span style="display:inline-block;width:22px;height:14px;border:{b};vertical-align:middle;'
        f'margin:0 6px 0 12px"></span>{escape(text)}'
        for b, text in rows
    )
    return f'<div class="sq-legend">{items}</div>'
