"""The base map as data: the areas' static file, extent, styles, tiles and texts, published once for the map frame.

The frame (static/mapframe/index.html) fetches this mount file once and then only receives overlays on reruns."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import xyzservices

from layers.assets import LEAFLET_CSS, LEAFLET_JS, STATIC_DIR, STATIC_URL, publish_once, versioned_url
from layers.geostore import publish
from sq_layout.geo.simplify import to_gcj02
from sq_layout.i18n import LANGS, Lang, t
from sq_layout.style import COUNTY_FILL, COUNTY_LINE, COUNTY_OPACITY, ZONE_DASH, ZONE_LINE, ZONE_OPACITY

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


DETAIL_ZOOM_IN = 3  # zoom levels in from the opening view at which the map fetches the finer outlines in view
CANVAS_ABOVE = 300  # areas; SVG below (one DOM path per area, class names for styling and tests), Canvas above


@dataclass(frozen=True)
class BaseLayers:
    """What the base map draws, as plain data: the static URL of the areas, their extent and the map's texts."""

    url: str
    order_key: str
    n_areas: int
    bounds: tuple[float, float, float, float]
    basemap: str
    lang: Lang
    geojson_bytes: int
    detail: tuple[
        dict[str, Any], ...
    ] = ()  # finer outlines by region, fetched by the map when zoomed in (layers.geostore)


def base_layers(areas: gpd.GeoDataFrame, lang: Lang, basemap: str = "none") -> BaseLayers:
    """Publish the areas (shifted to GCJ-02 under Amap tiles) as a static file; say where the map finds them."""
    if basemap == "amap":
        areas = to_gcj02(areas)
    pub = publish(areas)
    minx, miny, maxx, maxy = (float(v) for v in areas.total_bounds)
    bounds = (minx, miny, maxx, maxy)
    return BaseLayers(pub.url, pub.order_key, pub.n_areas, bounds, basemap, lang, pub.bytes, pub.detail)


def _config(layers: BaseLayers) -> dict[str, Any]:
    thin = layers.n_areas > CANVAS_ABOVE
    zone = {
        "fillColor": "#FFFFFF",
        "fillOpacity": ZONE_OPACITY,
        "color": ZONE_LINE,
        "weight": 2,
        "opacity": 1,
        "dashArray": ZONE_DASH,
    }
    return {
        "url": layers.url,
        "key": layers.order_key,
        "lang": LANGS.index(layers.lang),
        "canvas": thin,
        "base": {
            "county": {
                "fillColor": COUNTY_FILL,
                "fillOpacity": COUNTY_OPACITY,
                "color": COUNTY_LINE,
                "weight": 0.5 if thin else 1.5,
                "opacity": 1,
                "dashArray": None,
            },
            "zone": zone,
        },
        "texts": {"loading": t("map_loading", layers.lang), "failed": t("map_load_failed", layers.lang)},
        **({"detail": {"regions": list(layers.detail), "zoomIn": DETAIL_ZOOM_IN}} if layers.detail else {}),
    }


MAPS_DIR = STATIC_DIR / "maps"
KEEP_MOUNTS = 200  # mount files kept on disk (a few hundred bytes each); one per geometry, language and basemap
TK = "{tk}"  # where the frame puts the Tianditu key: the key reaches the browser, never a file on disk


def _tiles(basemap: str) -> list[dict[str, Any]]:
    """The basemap's tile layers (online, optional) as Leaflet settings."""
    providers = {
        "osm": [_OSM],
        "amap": [_AMAP],
        "tianditu": [_tianditu(TK, "vec"), _tianditu(TK, "cva")],
    }.get(basemap, [])
    return [
        {
            "url": p.build_url(fill_subdomain=False),
            "attribution": p.get("attribution", p.name),
            "maxZoom": p.get("max_zoom", 18),
            "subdomains": p.get("subdomains", "abc"),
        }
        for p in providers
    ]


def mount_config(layers: BaseLayers) -> dict[str, Any]:
    """Everything the map frame needs to draw the base map: scripts, extent, tiles, the areas' file and styles."""
    minx, miny, maxx, maxy = layers.bounds
    return {
        "css": [url for _, url in LEAFLET_CSS],
        "js": [url for _, url in LEAFLET_JS] + [versioned_url("sqlabels.js"), versioned_url("sqmap.js")],
        "bounds": [[miny, minx], [maxy, maxx]],
        "canvas": layers.n_areas > CANVAS_ABOVE,
        "tiles": _tiles(layers.basemap),
        "tileText": t("basemap_failed", layers.lang),
        "areas": _config(layers),
    }


def mount_files(layers: BaseLayers, mount_url: str) -> tuple[str, ...]:
    """Every static file a mounted map uses: the mount file, the areas' file and the finer regions' files."""
    return (mount_url, layers.url, *(str(r["url"]) for r in layers.detail))


def publish_mount(layers: BaseLayers) -> str:
    """Write the mount config once as a static file named by its content; the page sends only this URL."""
    data = json.dumps(mount_config(layers), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    name = hashlib.sha256(data).hexdigest()[:20] + ".json"
    publish_once(MAPS_DIR, name, data, KEEP_MOUNTS)
    return STATIC_URL + "maps/" + name
