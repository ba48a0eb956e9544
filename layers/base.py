"""The base map: counties, schematic zones and labels. Deterministic, so reruns never re-mount it."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import folium
import geopandas as gpd
import xyzservices

from layers.assets import make_offline
from layers.labels import Label
from layers.popups import area_tooltips
from sq_layout.geo.simplify import to_gcj02
from sq_layout.i18n import name_col
from sq_layout.style import COUNTY_FILL, COUNTY_LINE, COUNTY_OPACITY, ZONE_DASH, ZONE_LINE, ZONE_OPACITY

BASEMAPS = ("none", "osm", "tianditu", "amap")
_OSM = xyzservices.providers.OpenStreetMap.Mapnik
_AMAP = xyzservices.providers.Gaode.Normal


def _tianditu(key: str, layer: str) -> xyzservices.TileProvider:
    return xyzservices.TileProvider(
        name=f"Tianditu.{layer}",
        url=(
            "https://t{s}.tianditu.gov.cn/" + layer + "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
            "&LAYER=" + layer + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"
            "&tk={key}"
        ),
        subdomains="01234567",
        key=key,
        attribution="&copy; 天地图 Tianditu",
        max_zoom=18,
    )


def _add_tiles(m: folium.Map, basemap: str, tianditu_key: str) -> None:
    providers = {
        "osm": [_OSM],
        "amap": [_AMAP],
        "tianditu": [_tianditu(tianditu_key, "vec"), _tianditu(tianditu_key, "cva")] if tianditu_key else [],
    }.get(basemap, [])
    for p in providers:
        folium.TileLayer(
            tiles=p.build_url(),
            attr=p.get("attribution", p.name),
            name=p.name,
            max_zoom=p.get("max_zoom", 18),
            subdomains=p.get("subdomains", "abc"),
        ).add_to(m)


def _area_class(feature: dict) -> str:
    return f"sq-area sq-area-{feature['properties']['area_id']}"


def _county_style(feature: dict) -> dict:
    return {
        "fillColor": COUNTY_FILL,
        "fillOpacity": COUNTY_OPACITY,
        "color": COUNTY_LINE,
        "weight": 1.5,
        "className": _area_class(feature),
    }


def _zone_style(feature: dict) -> dict:
    return {
        "fillColor": "#FFFFFF",
        "fillOpacity": ZONE_OPACITY,
        "color": ZONE_LINE,
        "weight": 2,
        # an imported official boundary is a surveyed line: drawn solid, schematic extents dashed
        "dashArray": None if feature["properties"].get("geometry_quality") == "official" else ZONE_DASH,
        "className": _area_class(feature) + " sq-zone",
    }


def _geojson(areas: gpd.GeoDataFrame, lang: str) -> dict:
    props = areas[["area_id", "kind", "geometry_quality", "geometry"]].assign(tip=area_tooltips(areas, lang))
    return props.__geo_interface__


@dataclass(frozen=True)
class BaseLayers:
    """What the base map draws, as plain data: cache it per (language, basemap), it never changes otherwise."""

    counties: dict
    zones: dict
    labels: tuple[tuple[float, float, str], ...]  # lat, lng, label HTML
    bounds: tuple[float, float, float, float]
    basemap: str


def base_layers(areas: gpd.GeoDataFrame, lang: str, basemap: str = "none") -> BaseLayers:
    """GeoJSON with escaped tooltips and label HTML for the areas; shifted to GCJ-02 under Amap tiles."""
    if basemap == "amap":
        areas = to_gcj02(areas)
    short = "short_name" if lang == "zh" else "short_name_en"
    labels = []
    for _, a in areas.iterrows():
        # zones are small and crowd the city seat: label them by short name
        text = escape(str(a[short] if a["kind"] == "zone" else a[name_col(lang)]))
        if a["geometry_quality"] == "schematic":
            text += "（示意）" if lang == "zh" else " (schematic)"
        css = "sq-label sq-zone-label" if a["kind"] == "zone" else "sq-label"
        labels.append((a["label"].y, a["label"].x, f'<div class="{css}">{text}</div>'))
    return BaseLayers(
        counties=_geojson(areas[areas["kind"] == "county"], lang),
        zones=_geojson(areas[areas["kind"] == "zone"], lang),
        labels=tuple(labels),
        bounds=tuple(areas.total_bounds),
        basemap=basemap,
    )


def base_map(layers: BaseLayers, tianditu_key: str = "") -> folium.Map:
    """Counties below, zones above in a dashed outline, a label per area; optional online tiles underneath."""
    minx, miny, maxx, maxy = layers.bounds
    m = folium.Map(tiles=None, control_scale=True, prefer_canvas=False, zoom_snap=0.25)
    make_offline(m)
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    _add_tiles(m, layers.basemap, tianditu_key)
    tooltip = folium.GeoJsonTooltip(fields=["tip"], labels=False)
    folium.GeoJson(layers.counties, name="counties", style_function=_county_style, tooltip=tooltip).add_to(m)
    folium.GeoJson(
        layers.zones,
        name="zones",
        style_function=_zone_style,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(m)
    for lat, lng, html in layers.labels:
        Label(lat, lng, html).add_to(m)
    return m
