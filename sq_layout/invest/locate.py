"""Where a record is: coordinates to WGS-84, the most specific area containing a point, and fallback placement."""

from __future__ import annotations

from typing import cast

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from sq_layout.cache import cached
from sq_layout.geo.crs import to_wgs84
from sq_layout.geo.simplify import label_points
from sq_layout.plan.dataset import Dataset


@cached(4)
def area_shapes(ds: Dataset) -> pd.DataFrame:
    """Areas with geometry, kind and a placement point inside each (zones listed first: most specific wins)."""
    geo = ds.boundaries[["area_id", "geometry"]].merge(ds.areas[["area_id", "kind", "name"]], on="area_id")
    geo = geo.sort_values("kind", key=lambda s: s.map({"zone": 0, "county": 1}), kind="stable")
    # a county's point lies outside the zones drawn on it, so a county-level record never looks like a zone's
    geo["place"] = list(label_points(gpd.GeoDataFrame(geo, geometry="geometry", crs=ds.boundaries.crs)))
    for g in geo["geometry"]:
        shapely.prepare(g)
    return cast(pd.DataFrame, geo.reset_index(drop=True))  # a GeoDataFrame


@cached(4)
def area_names(ds: Dataset) -> dict[str, str]:
    """Every way an area may be written (id, name, short name, English, variants) -> area_id."""
    out: dict[str, str] = {}
    for a in ds.areas.itertuples():
        for n in (a.area_id, a.name, a.short_name, a.name_en, a.short_name_en, *str(a.name_variants).split("|")):
            if n:
                out[str(n).strip().lower()] = str(a.area_id)
    return out


@cached(4)
def carrier_areas(ds: Dataset) -> dict[str, str]:
    """Carrier parks the plan names (第四章/第五章) and the functional zones -> the area they lie in."""
    d = ds.details[ds.details["kind"] == "carrier"]
    out = {str(t).strip().lower(): str(a) for t, a in zip(d["text"], d["area_id"], strict=True)}
    zones = ds.areas[ds.areas["kind"] == "zone"]
    return out | {k: v for k, v in area_names(ds).items() if v in set(zones["area_id"])}


def assign_areas(ds: Dataset, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """The most specific area (a zone before its county) containing each WGS-84 point; '' outside the city."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    out = np.full(len(lon), "", dtype=object)
    for a in area_shapes(ds).itertuples():  # zones first, so a point in a zone keeps the zone
        free = out == ""
        if not free.any():
            break
        inside = shapely.contains_xy(cast(shapely.Geometry, a.geometry), lon[free], lat[free])
        idx = np.flatnonzero(free)[inside]
        out[idx] = a.area_id
    return out


def parent_of(ds: Dataset) -> dict[str, str]:
    """Zone -> its county (counties map to themselves)."""
    p = ds.areas.set_index("area_id")["parent_area_id"]
    return {str(a): (str(v) if v else str(a)) for a, v in p.items()}


def disagrees(ds: Dataset, derived: pd.Series, stated: pd.Series) -> pd.Series:
    """A stated area disagrees with the point's unless equal, or the county that contains the point's zone."""
    parent = parent_of(ds)
    same = derived == stated
    county = derived.map(parent) == stated
    return (stated != "") & ~(same | county)


def placement(ds: Dataset, area_ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A point inside each area (for records without coordinates)."""
    places = area_shapes(ds).set_index("area_id")["place"]
    pts = area_ids.map(places)
    return np.array([p.x for p in pts]), np.array([p.y for p in pts])


def convert(lon: np.ndarray, lat: np.ndarray, system: str) -> tuple[np.ndarray, np.ndarray]:
    """Declared-system lon/lat to WGS-84 (NaN stays NaN)."""
    ok = np.isfinite(lon) & np.isfinite(lat)
    out_lon, out_lat = lon.astype(float).copy(), lat.astype(float).copy()
    if ok.any():
        w = to_wgs84(np.column_stack([lon[ok], lat[ok]]), system)
        out_lon[ok], out_lat[ok] = w[:, 0], w[:, 1]
    return out_lon, out_lat
