"""Geometry quality figures: coverage gaps/overlaps, agreement with a reference outline."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from sq_layout.geo.crs import MEASURE_CRS


def coverage_report(counties: gpd.GeoDataFrame, city: gpd.GeoDataFrame) -> dict[str, float]:
    """Overlap between counties and the difference between their union and the city outline, in km²."""
    proj = counties.to_crs(MEASURE_CRS).geometry
    pairwise = sum(
        proj.iloc[i].intersection(proj.iloc[j]).area for i in range(len(proj)) for j in range(i + 1, len(proj))
    )
    union = shapely.union_all(proj.values)
    outline = city.to_crs(MEASURE_CRS).geometry.union_all()
    return {
        "overlap_km2": pairwise / 1e6,
        "union_minus_city_km2": union.difference(outline).area / 1e6,
        "city_minus_union_km2": outline.difference(union).area / 1e6,
        "city_km2": outline.area / 1e6,
    }


def iou(a: shapely.Geometry, b: shapely.Geometry) -> float:
    """Intersection over union of two polygons (any CRS, same for both)."""
    return float(shapely.area(shapely.intersection(a, b)) / shapely.area(shapely.union(a, b)))


def median_vertex_distance_m(test: shapely.Geometry, reference: shapely.Geometry) -> float:
    """Median distance in metres from the reference's vertices to the test outline (both in MEASURE_CRS)."""
    pts = shapely.points(shapely.get_coordinates(shapely.boundary(reference)))
    return float(np.median(shapely.distance(pts, shapely.boundary(test))))
