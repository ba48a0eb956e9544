"""GCJ-02 and BD-09 conversions against published coordinate pairs and their own inverses."""

from __future__ import annotations

import numpy as np
import pytest

from sq_layout.geo.crs import bd09_to_gcj02, bd09_to_wgs84, gcj02_to_bd09, to_wgs84, wgs84_to_bd09, wgs84_to_gcj02

# Tian'anmen as Amap (GCJ-02) and Baidu's map API demo centre (BD-09) publish it.
TIANANMEN_GCJ = (116.397428, 39.90923)
TIANANMEN_BD = (116.404, 39.915)


def test_gcj_to_bd_matches_published_pair() -> None:
    got = gcj02_to_bd09(np.array([TIANANMEN_GCJ]))[0]
    assert got == pytest.approx(TIANANMEN_BD, abs=1e-3)  # the published BD pair is rounded to 3 decimals


@pytest.mark.parametrize("lonlat", [(118.28, 33.96), (117.95, 34.35), (119.17, 33.6)])
def test_bd09_round_trips_to_wgs84_exactly(lonlat: tuple[float, float]) -> None:
    pt = np.array([lonlat])
    assert np.abs(bd09_to_wgs84(wgs84_to_bd09(pt)) - pt).max() < 1e-9
    assert np.abs(bd09_to_gcj02(gcj02_to_bd09(pt)) - pt).max() < 1e-9


def test_to_wgs84_by_declared_system() -> None:
    wgs = np.array([[118.28, 33.96]])
    assert np.allclose(to_wgs84(wgs84_to_gcj02(wgs), "gcj02"), wgs, atol=1e-9)
    assert np.allclose(to_wgs84(wgs84_to_bd09(wgs), "bd09"), wgs, atol=1e-9)
    assert np.array_equal(to_wgs84(wgs, "wgs84"), wgs)
    shift_m = np.abs(wgs84_to_bd09(wgs) - wgs).max() * 111_000
    assert 500 < shift_m < 2000  # BD-09 sits roughly a kilometre off WGS-84 here
