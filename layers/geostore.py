"""Publish the browser geometry once per dataset as a static file the map fetches, so reruns never carry it.

The file is named by the hash of its content (static/geo/<hash>.json), written atomically, and never changes;
browsers may cache it for good. Feature order in the file is the order of the frame, which is the order the
compact per-rerun style data (layers/restyle.py) refers to.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from layers.assets import GEO, STATIC_DIR, geo_url, publish_once
from layers.identity_cache import by_identity
from layers.popups import area_tooltips
from sq_layout.geo.simplify import Scale, browser_scale
from sq_layout.i18n import LANGS, Lang
from sq_layout.legend import area_label

GEO_DIR = STATIC_DIR / GEO
KEEP_FILES = 400  # older files beyond this many are removed when a new one is written (a set's regions count too)
DETAIL_CELLS = 6  # the finer level is split into up to 6 × 6 regions of the set's extent, fetched when in view


@dataclass(frozen=True)
class Published:
    """Where the map finds the areas, and the key that ties per-rerun style data to this feature order."""

    url: str
    order_key: str
    n_areas: int
    bytes: int
    detail: tuple[dict[str, Any], ...] = ()  # finer outlines by region: {"url", "bbox": [w, s, e, n], "n"}


def order_key(area_ids: list[str]) -> str:
    """Short hash of the area order: style data for another order is ignored by the map."""
    return hashlib.sha1("\n".join(area_ids).encode()).hexdigest()[:10]


def label_texts(areas: gpd.GeoDataFrame, lang: Lang) -> list[str]:
    """The text shown on the map for each area: the same rule as the print map (sq_layout.legend.area_label)."""
    return [area_label(row, lang) for row in areas.drop(columns="geometry").to_dict("records")]


def _geometry(geom: shapely.Geometry, decimals: int) -> dict[str, Any]:
    rounded = shapely.transform(geom, lambda c: np.round(c, decimals))
    out: dict[str, Any] = shapely.geometry.mapping(rounded)  # type: ignore[arg-type]  # types-shapely: Geometry has __geo_interface__ but is not declared SupportsGeoInterface
    return out


@by_identity(4)
def feature_collection(areas: gpd.GeoDataFrame) -> dict[str, Any]:
    """GeoJSON of the areas with what the browser needs: id, kind, tooltips and labels in both languages (once per
    frame: each language's and basemap's mount publishes the same areas; the document must not be changed)."""
    scale: Scale = areas.attrs.get("scale") or browser_scale(tuple(areas.total_bounds))
    tips = {lang: area_tooltips(areas, lang) for lang in LANGS}
    labels = {lang: label_texts(areas, lang) for lang in LANGS}
    sizes = shapely.area(shapely.envelope(areas.geometry.to_numpy()))
    rank = np.argsort(np.argsort(-sizes))  # 0 = largest, labelled first
    features = []
    for i, a in enumerate(areas.itertuples()):
        lp = a.label if "label" in areas else a.geometry.representative_point()
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "area_id": a.area_id,
                    "kind": a.kind,
                    # an imported official zone boundary is a surveyed line: drawn solid (schematic ones dashed)
                    "solid": a.kind == "zone" and a.geometry_quality == "official",
                    "tip": [tips[lang][i] for lang in LANGS],
                    "name": [labels[lang][i] for lang in LANGS],
                    "lp": [round(lp.y, scale.decimals), round(lp.x, scale.decimals)],
                    "rank": int(rank[i]),
                },
                "geometry": _geometry(a.geometry, scale.decimals),
            }
        )
    return {"type": "FeatureCollection", "langs": list(LANGS), "features": features}


def _publish_json(doc: dict[str, Any]) -> tuple[str, int]:
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    name = hashlib.sha256(data).hexdigest()[:20] + ".json"
    publish_once(GEO_DIR, name, data, KEEP_FILES)
    return geo_url(name), len(data)


def detail_regions(areas: gpd.GeoDataFrame) -> list[np.ndarray]:
    """Area positions (in frame order) grouped by the grid cell of their label point; empty when there is no detail."""
    if "detail" not in areas:
        return []
    has = ~gpd.GeoSeries(areas["detail"]).isna().to_numpy()
    pts = areas["label"] if "label" in areas else areas.geometry.representative_point()
    x, y = shapely.get_x(pts.to_numpy()), shapely.get_y(pts.to_numpy())
    minx, miny, maxx, maxy = areas.total_bounds
    cx = np.minimum(((x - minx) / max(maxx - minx, 1e-9) * DETAIL_CELLS).astype(int), DETAIL_CELLS - 1)
    cy = np.minimum(((y - miny) / max(maxy - miny, 1e-9) * DETAIL_CELLS).astype(int), DETAIL_CELLS - 1)
    cell = cx * DETAIL_CELLS + cy
    return [np.flatnonzero((cell == c) & has) for c in np.unique(cell[has])]


def publish_detail(areas: gpd.GeoDataFrame) -> tuple[dict[str, Any], ...]:
    """Write the finer level (the `detail` column) as one static file per region; say where and what each covers."""
    fine: Scale | None = areas.attrs.get("detail_scale")
    if fine is None:
        return ()
    geoms = gpd.GeoSeries(areas["detail"]).to_numpy()
    out = []
    for idx in detail_regions(areas):
        doc = {"idx": [int(i) for i in idx], "geometries": [_geometry(geoms[i], fine.decimals) for i in idx]}
        url, _ = _publish_json(doc)
        w, s_, e, n = (float(v) for v in shapely.total_bounds(geoms[idx]))
        out.append({"url": url, "bbox": [w, s_, e, n], "n": len(idx)})
    return tuple(out)


def publish(areas: gpd.GeoDataFrame) -> Published:
    """Write the areas to static/geo/<content hash>.json (once), and any finer level by region; say where they are."""
    url, size = _publish_json(feature_collection(areas))
    return Published(url, order_key(list(areas["area_id"])), len(areas), size, publish_detail(areas))
