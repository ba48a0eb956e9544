"""Spatial relations between areas, measured in the projected CRS."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from sq_layout.cache import cached
from sq_layout.geo.crs import MEASURE_CRS
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame

# Overlaps below this share of the smaller area are rounding slivers along a shared border, not nesting.
NESTED_SHARE = 0.01


@cached(8)
def nesting(ds: Dataset) -> pd.DataFrame:
    """For each zone, the county holding most of it, the share inside, and whether that matches its stated parent."""
    frame = areas_frame(ds)
    zones = frame[frame["kind"] == "zone"]
    counties = frame[frame["kind"] == "county"]
    if len(zones):  # a plan without zones has nothing to measure (nor to project, at any number of counties)
        zones, counties = zones.to_crs(MEASURE_CRS), counties.to_crs(MEASURE_CRS)
    rows = []
    for z in zones.itertuples():
        shares = counties.geometry.intersection(z.geometry).area / z.geometry.area
        best = shares.idxmax()
        rows.append(
            {
                "zone_id": z.area_id,
                "county_id": counties.loc[best, "area_id"],
                "share_inside": round(float(shares.max()), 4),
                "stated_parent_id": z.parent_area_id,
                "matches_stated_parent": counties.loc[best, "area_id"] == z.parent_area_id,
                "zone_area_km2": round(z.geometry.area / 1e6, 2),
                "geometry_quality": z.geometry_quality,
            }
        )
    columns = ["zone_id", "county_id", "share_inside", "stated_parent_id", "matches_stated_parent"]
    return pd.DataFrame(rows, columns=[*columns, "zone_area_km2", "geometry_quality"])


@cached(8)
def neighbours(ds: Dataset) -> pd.DataFrame:
    """Pairs of areas whose boundaries touch or overlap (a shared border or a nested park)."""
    frame = areas_frame(ds).to_crs(MEASURE_CRS)[["area_id", "kind", "geometry"]]
    pairs = gpd.sjoin(frame, frame, predicate="intersects", lsuffix="a", rsuffix="b")
    pairs = pairs[pairs["area_id_a"] < pairs["area_id_b"]]
    geoms = frame.geometry
    overlap = [
        geoms.iloc[i].intersection(geoms.iloc[j]).area > NESTED_SHARE * min(geoms.iloc[i].area, geoms.iloc[j].area)
        for i, j in zip(pairs.index, pairs["index_b"], strict=True)
    ]
    pairs = pairs.assign(relation=["nested" if o else "border" for o in overlap])
    return pd.DataFrame(pairs[["area_id_a", "area_id_b", "relation"]].reset_index(drop=True))


def areas_km2(ds: Dataset) -> pd.Series:
    """Area of each planning unit in km², measured in the projected CRS."""
    frame = areas_frame(ds)
    return pd.Series(frame.to_crs(MEASURE_CRS).area.values / 1e6, index=frame["area_id"])
