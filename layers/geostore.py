"""Publish the browser geometry once per dataset as a static file the map fetches, so reruns never carry it.

The file is named by the hash of its content (static/geo/<hash>.json), written atomically, and never changes;
browsers may cache it for good. Feature order in the file is the order of the frame, which is the order the
compact per-rerun style data (layers/restyle.py) refers to.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from layers.assets import STATIC_DIR, STATIC_URL
from layers.popups import area_tooltips
from sq_layout.geo.simplify import Scale, browser_scale
from sq_layout.i18n import LANGS
from sq_layout.legend import area_label

GEO_DIR = STATIC_DIR / "geo"
KEEP_FILES = 24  # older files beyond this many are removed when a new one is written


@dataclass(frozen=True)
class Published:
    """Where the map finds the areas, and the key that ties per-rerun style data to this feature order."""

    url: str
    order_key: str
    n_areas: int
    bytes: int


def order_key(area_ids: list[str]) -> str:
    """Short hash of the area order: style data for another order is ignored by the map."""
    return hashlib.sha1("\n".join(area_ids).encode()).hexdigest()[:10]


def label_texts(areas: gpd.GeoDataFrame, lang: str) -> list[str]:
    """The text shown on the map for each area: the same rule as the print map (sq_layout.legend.area_label)."""
    return [area_label(row, lang) for row in areas.drop(columns="geometry").to_dict("records")]


def _geometry(geom: shapely.Geometry, decimals: int) -> dict:
    rounded = shapely.transform(geom, lambda c: np.round(c, decimals))
    return shapely.geometry.mapping(rounded)


def feature_collection(areas: gpd.GeoDataFrame) -> dict:
    """GeoJSON of the areas with what the browser needs: id, kind, tooltips and labels in both languages."""
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


def _write_once(name: str, data: bytes) -> None:
    path = GEO_DIR / name
    if path.exists() and path.stat().st_size == len(data):
        return
    GEO_DIR.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=GEO_DIR, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    old = sorted(GEO_DIR.glob("*.json"), key=lambda p: p.stat().st_mtime)[:-KEEP_FILES]
    for p in old:
        p.unlink(missing_ok=True)


def publish(areas: gpd.GeoDataFrame) -> Published:
    """Write the areas to static/geo/<content hash>.json (once) and say where the map fetches them."""
    data = json.dumps(feature_collection(areas), ensure_ascii=False, separators=(",", ":")).encode()
    name = hashlib.sha256(data).hexdigest()[:20] + ".json"
    _write_once(name, data)
    return Published(STATIC_URL + "geo/" + name, order_key(list(areas["area_id"])), len(areas), len(data))
