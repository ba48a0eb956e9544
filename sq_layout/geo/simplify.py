"""Lighter geometry for the browser: coverage-aware simplification and rounded coordinates."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from sq_layout.geo.crs import wgs84_to_gcj02

BROWSER_TOLERANCE_DEG = 0.001  # ~100 m; counties are simplified together so shared borders stay identical
BROWSER_DECIMALS = 4  # ~10 m, well under the simplification tolerance


def _round(coords: np.ndarray) -> np.ndarray:
    return np.round(coords, BROWSER_DECIMALS)


def browser_geometry(areas: gpd.GeoDataFrame, tolerance: float = BROWSER_TOLERANCE_DEG) -> gpd.GeoDataFrame:
    """Simplify counties as one coverage (no gaps or slivers) and zones each on their own; round coordinates.

    Adds a `label` point column (computed once here rather than on every map build).
    """
    out = areas.copy()
    counties = out["kind"] == "county"
    out.loc[counties, "geometry"] = out.loc[counties, "geometry"].simplify_coverage(tolerance)
    out.loc[~counties, "geometry"] = out.loc[~counties, "geometry"].simplify(tolerance / 2)
    out["geometry"] = out.geometry.transform(_round)
    out["label"] = label_points(out).transform(_round)
    return out


def to_gcj02(areas: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Shift WGS-84 geometry to GCJ-02 for display over Amap tiles (the CRS label stays honest: not WGS-84)."""
    out = areas.copy()
    for col in ("geometry", "label"):
        if col in out:
            out[col] = out[col].transform(lambda c: _round(wgs84_to_gcj02(c)))
    return out


def label_points(areas: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """A point inside each area for its label; for counties, away from the zones drawn on top of them."""
    zones = shapely.union_all(areas.loc[areas["kind"] == "zone", "geometry"].values)
    points = [
        (
            geom.difference(zones) if kind == "county" and not geom.difference(zones).is_empty else geom
        ).point_on_surface()
        for geom, kind in zip(areas.geometry, areas["kind"], strict=True)
    ]
    return gpd.GeoSeries(points, index=areas.index, crs=areas.crs)
