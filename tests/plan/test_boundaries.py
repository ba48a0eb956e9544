"""Boundary geometry: valid, gap-free coverage of the city, honest CRS, zones inside their counties."""

from __future__ import annotations

import json

import numpy as np
import pytest

from scripts.check_boundaries import reference_outlines
from sq_layout import paths
from sq_layout.analysis.spatial import nesting
from sq_layout.geo.crs import MEASURE_CRS, gcj02_to_wgs84, wgs84_to_gcj02
from sq_layout.geo.geometry_checks import coverage_report, iou
from sq_layout.plan.dataset import Dataset

TOLERANCE_KM2 = 1.0  # union of counties vs city outline, each way (0.01 % of the city)


def test_files_declare_wgs84_and_a_source() -> None:
    for name in ("counties.geojson", "zones.geojson", "city.geojson"):
        doc = json.loads((paths.BOUNDARY_DIR / name).read_text(encoding="utf-8"))
        assert doc["crs"]["properties"]["name"].endswith("CRS84"), name
        assert doc["source"] and doc["licence"], name


def test_counties_valid_non_overlapping_and_cover_the_city(ds: Dataset) -> None:
    import geopandas as gpd

    counties = ds.boundaries[ds.boundaries["area_id"].isin(["sucheng", "suyu", "shuyang", "siyang", "sihong"])]
    assert counties.geometry.is_valid.all()
    city = gpd.read_file(paths.BOUNDARY_DIR / "city.geojson")
    report = coverage_report(counties, city)
    assert report["overlap_km2"] < 0.01
    assert report["union_minus_city_km2"] < TOLERANCE_KM2
    assert report["city_minus_union_km2"] < TOLERANCE_KM2
    assert report["city_km2"] == pytest.approx(8530, rel=0.01)


def test_conversion_moves_counties_closer_to_an_independent_cgcs2000_source(ds: Dataset) -> None:
    ref = reference_outlines()
    ours = ds.boundaries.set_index("area_id").to_crs(MEASURE_CRS).geometry
    import geopandas as gpd
    import shapely

    raw = gpd.GeoSeries(ours.loc[ref.index].values, crs=MEASURE_CRS).to_crs(4326)
    raw = raw.apply(lambda g: shapely.transform(g, wgs84_to_gcj02))  # back to the Amap original
    raw = gpd.GeoSeries(raw.values, index=ref.index, crs=4326).to_crs(MEASURE_CRS)
    for area in ref.index:
        assert iou(ours[area], ref[area]) > iou(raw[area], ref[area]), area
        assert iou(ours[area], ref[area]) > 0.9, area


def test_gcj02_inversion_is_exact_and_offset_is_hundreds_of_metres() -> None:
    rng = np.random.default_rng(1)
    wgs = np.column_stack([rng.uniform(117.9, 119.2, 500), rng.uniform(33.1, 34.5, 500)])
    back = gcj02_to_wgs84(wgs84_to_gcj02(wgs))
    assert np.abs(back - wgs).max() < 1e-9
    d = (wgs84_to_gcj02(wgs) - wgs) * [92_400, 111_000]  # metres per degree here
    offset = np.hypot(d[:, 0], d[:, 1])
    assert offset.min() > 300 and offset.max() < 800


def test_each_zone_lies_in_its_stated_parent_and_is_schematic(ds: Dataset) -> None:
    nest = nesting(ds)
    assert len(nest) == 4
    assert nest["matches_stated_parent"].all()
    assert (nest["share_inside"] > 0.99).all()
    assert set(nest["geometry_quality"]) == {"schematic"}
    zones = ds.boundaries[ds.boundaries["geometry_quality"] == "schematic"]
    assert zones["source"].str.contains("示意").all()
