"""The coordinate systems a boundary file may be in, conversion to WGS-84, and a guess from the coordinates."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry.base import BaseGeometry

from sq_layout.geo.crs import STORAGE_CRS, to_wgs84

# The short list users choose from (labels in sq_layout.i18n, key "crs_choice.<code>").
CRS_CHOICES = (
    "EPSG:4326",  # WGS-84 lon/lat
    "EPSG:4490",  # CGCS2000 lon/lat
    "EPSG:4548",  # CGCS2000 3-degree GK, CM 117E, no zone prefix
    "EPSG:4549",  # CGCS2000 3-degree GK, CM 120E, no zone prefix
    "EPSG:4527",  # CGCS2000 3-degree GK zone 39 (CM 117E), eastings 39 xxx xxx
    "EPSG:4528",  # CGCS2000 3-degree GK zone 40 (CM 120E), eastings 40 xxx xxx
    "EPSG:3857",  # Web Mercator
    "gcj02",  # Amap / Tencent offset lon/lat (no EPSG code)
    "bd09",  # Baidu offset lon/lat (no EPSG code)
)
OFFSET_SYSTEMS = ("gcj02", "bd09")
_ALIASES = {"gcj-02": "gcj02", "bd-09": "bd09", "wgs84": "EPSG:4326", "cgcs2000": "EPSG:4490"}


def normalise_choice(value: str) -> str | None:
    """'epsg:4549', '4549', 'GCJ-02' -> the CRS_CHOICES key, or None if it is not on the list."""
    v = value.strip()
    v = _ALIASES.get(v.lower(), v)
    if v.isdigit():
        v = f"EPSG:{v}"
    v = v.upper() if v.lower().startswith("epsg:") else v.lower()
    return v if v in CRS_CHOICES else None


def file_crs_name(crs: CRS) -> str:
    """A declared CRS as 'EPSG:nnnn' when it has a code, else its name."""
    code = crs.to_epsg(min_confidence=70)
    return f"EPSG:{code}" if code else crs.name


def looks_lonlat(frame: gpd.GeoDataFrame) -> bool:
    """True when every coordinate is a plausible longitude/latitude."""
    minx, miny, maxx, maxy = frame.total_bounds
    return bool(minx >= -180 and maxx <= 180 and miny >= -90 and maxy <= 90)


def _force_2d(frame: gpd.GeoDataFrame) -> gpd.GeoSeries:
    return gpd.GeoSeries(shapely.force_2d(frame.geometry.values), index=frame.index)


def to_storage(frame: gpd.GeoDataFrame, choice: str | None) -> gpd.GeoSeries:
    """Geometry in WGS-84 lon/lat: from the chosen system (an offset one is converted) or the file's declared CRS."""
    geoms = _force_2d(frame)
    if choice in OFFSET_SYSTEMS:
        converted = [None if g is None else shapely.transform(g, lambda c: to_wgs84(c, choice)) for g in geoms]
        return gpd.GeoSeries(converted, index=frame.index, crs=STORAGE_CRS)
    crs = CRS.from_user_input(choice) if choice else frame.crs
    return gpd.GeoSeries(geoms.values, index=frame.index, crs=crs).to_crs(STORAGE_CRS)


def suggest_crs(frame: gpd.GeoDataFrame, city: BaseGeometry) -> str | None:
    """The likely CRS from the coordinates: prefixed GK eastings -> zone; plain GK -> the zone landing in the city."""
    minx, miny, maxx, maxy = frame.total_bounds
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    if looks_lonlat(frame):
        return "EPSG:4326"
    if minx >= 39e6 and maxx < 40e6:
        return "EPSG:4527"
    if minx >= 40e6 and maxx < 41e6:
        return "EPSG:4528"
    if minx >= 1e7 and maxx <= 1.5e7:
        return "EPSG:3857"
    if minx > 0 and maxx < 1e6 and miny > 2e6 and maxy < 6e6:
        best: tuple[float, str] | None = None
        for code in ("EPSG:4548", "EPSG:4549"):
            lon, lat = Transformer.from_crs(code, STORAGE_CRS, always_xy=True).transform(cx, cy)
            dist = float(city.distance(shapely.Point(lon, lat)))
            if not np.isfinite(dist):
                continue
            if best is None or dist < best[0]:
                best = (dist, code)
        return best[1] if best else None
    return None
