"""Point-in-polygon area assignment (the zone before its county), disagreement flags, and declared coordinates."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from shapely import Point
from shapely.geometry.base import BaseGeometry

from sq_layout.geo.crs import wgs84_to_bd09, wgs84_to_gcj02
from sq_layout.invest.locate import area_shapes, assign_areas, convert, disagrees
from sq_layout.plan.dataset import Dataset
from tests.geo.test_offsets import TIANANMEN_BD, TIANANMEN_GCJ


def test_zone_point_gets_the_zone_county_point_the_county_outside_nothing(ds: Dataset) -> None:
    shapes = area_shapes(ds).set_index("area_id")
    yanghe = shapes.at["yanghe", "place"]
    sihong = shapes.at["sihong", "place"]
    assert isinstance(yanghe, Point) and isinstance(sihong, Point)
    got = assign_areas(ds, np.array([yanghe.x, sihong.x, 119.5]), np.array([yanghe.y, sihong.y, 33.0]))
    assert list(got) == ["yanghe", "sihong", ""]
    # the zone point is inside its county too: the most specific area wins
    sucheng = shapes.at["sucheng", "geometry"]
    assert isinstance(sucheng, BaseGeometry)
    assert sucheng.contains(yanghe)


def test_every_area_placement_point_is_assigned_to_its_own_area(ds: Dataset) -> None:
    shapes = area_shapes(ds)
    got = assign_areas(ds, np.array([p.x for p in shapes["place"]]), np.array([p.y for p in shapes["place"]]))
    assert list(got) == list(shapes["area_id"])


def test_stated_area_disagreement(ds: Dataset) -> None:
    derived = pd.Series(["yanghe", "yanghe", "yanghe", "sihong"])
    stated = pd.Series(["yanghe", "sucheng", "sihong", ""])
    assert list(disagrees(ds, derived, stated)) == [False, False, True, False]  # its county is not a disagreement


def test_published_bd09_and_gcj02_pair_convert_to_the_same_wgs84() -> None:
    gcj = convert(np.array([TIANANMEN_GCJ[0]]), np.array([TIANANMEN_GCJ[1]]), "gcj02")
    bd = convert(np.array([TIANANMEN_BD[0]]), np.array([TIANANMEN_BD[1]]), "bd09")
    assert np.hypot(gcj[0] - bd[0], gcj[1] - bd[1])[0] < 1e-3  # the published BD pair is rounded to 3 decimals
    assert 0.004 < abs(gcj[0][0] - TIANANMEN_GCJ[0]) < 0.008  # the GCJ-02 offset (~600 m) was removed


@pytest.mark.parametrize(("system", "forward"), [("gcj02", wgs84_to_gcj02), ("bd09", wgs84_to_bd09)])
def test_declared_coordinates_in_suqian_convert_back_to_wgs84(
    system: str, forward: Callable[[np.ndarray], np.ndarray]
) -> None:
    wgs = np.array([[118.30, 33.45], [118.28, 33.96], [np.nan, np.nan]])
    shifted = forward(wgs[:2])
    lon, lat = convert(np.append(shifted[:, 0], np.nan), np.append(shifted[:, 1], np.nan), system)
    assert np.allclose(lon[:2], wgs[:2, 0], atol=1e-8) and np.allclose(lat[:2], wgs[:2, 1], atol=1e-8)
    assert np.isnan(lon[2]) and np.isnan(lat[2])
