"""The base map: a small deterministic script that fetches the areas once from a static file (never re-sent)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import folium
import geopandas as gpd
import xyzservices
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from layers.assets import make_offline, versioned_url
from layers.geostore import publish
from sq_layout.geo.simplify import to_gcj02
from sq_layout.i18n import LANGS, t
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
    lang: str
    geojson_bytes: int
    detail: tuple[dict, ...] = ()  # finer outlines by region, fetched by the map when zoomed in (layers.geostore)


def base_layers(areas: gpd.GeoDataFrame, lang: str, basemap: str = "none") -> BaseLayers:
    """Publish the areas (shifted to GCJ-02 under Amap tiles) as a static file; say where the map finds them."""
    if basemap == "amap":
        areas = to_gcj02(areas)
    pub = publish(areas)
    minx, miny, maxx, maxy = (float(v) for v in areas.total_bounds)
    bounds = (minx, miny, maxx, maxy)
    return BaseLayers(pub.url, pub.order_key, pub.n_areas, bounds, basemap, lang, pub.bytes, pub.detail)


class SqAreas(JSCSSMixin, MacroElement):
    """The areas layer: created empty, filled from the static file; the same script on every rerun."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.sqMap.init({{ this._parent.get_name() }}, {{ this.config }});
        {% endmacro %}
        """
    )

    def __init__(self, config: dict):
        super().__init__()
        self._name = "SqAreas"
        self.config = json.dumps(config, ensure_ascii=False, sort_keys=True)
        self.default_js = [("sqlabels", versioned_url("sqlabels.js")), ("sqmap", versioned_url("sqmap.js"))]


class TileNotice(MacroElement):
    """Say on the map when an optional online basemap cannot load (instead of silently showing nothing)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.sqMap.watchTiles({{ this._parent.get_name() }}, {{ this.text }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str):
        super().__init__()
        self._name = "TileNotice"
        self.text = json.dumps(text, ensure_ascii=False)


def _config(layers: BaseLayers) -> dict:
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


class _Text(Element):
    """A header piece already rendered (no template to re-read)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: object) -> str:
        """The text as it is."""
        return self.text


class CompactMap(folium.Map):
    """A folium map whose page header travels without its template indentation (sent again on every rerun)."""

    def render(self, **kwargs: object) -> None:
        """Render as folium does, then collapse the whitespace of the header's inline styles and settings."""
        super().render(**kwargs)
        header = self.get_root().header
        for name, child in list(header._children.items()):
            text = child.render()
            if "<link" not in text and " src=" not in text:  # links are picked out of the header by st_folium
                header._children[name] = _Text(re.sub(r"\s+", " ", text).strip())


def base_map(layers: BaseLayers, tianditu_key: str = "") -> folium.Map:
    """A small, deterministic script: counties below, dashed zones above, labels placed in the browser."""
    minx, miny, maxx, maxy = layers.bounds
    m = CompactMap(tiles=None, control_scale=True, prefer_canvas=layers.n_areas > CANVAS_ABOVE, zoom_snap=0.25)
    make_offline(m)
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    _add_tiles(m, layers.basemap, tianditu_key)
    SqAreas(_config(layers)).add_to(m)
    if layers.basemap != "none":
        TileNotice(t("basemap_failed", layers.lang)).add_to(m)
    return m
