"""Coordinate reference systems used by sq-layout and the GCJ-02 <-> WGS-84 conversion.

Storage CRS is WGS-84 (EPSG:4326); at map scale it coincides with CGCS2000 (EPSG:4490).
Areas and distances are measured in CGCS2000 / 3-degree Gauss-Kruger CM 117E (EPSG:4548);
see docs/developer-guide.md "Coordinates" for why this zone and not EPSG:4549.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

STORAGE_CRS = "EPSG:4326"
MEASURE_CRS = "EPSG:4548"

# Krasovsky ellipsoid constants of the published GCJ-02 obfuscation formula.
_A = 6378245.0
_EE = 0.00669342162296594323


def _offsets(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """GCJ-02 minus WGS-84 offsets in degrees at WGS-84 positions."""
    x, y = lon - 105.0, lat - 35.0
    pi = np.pi
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    dlat += (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlat += (20.0 * np.sin(y * pi) + 40.0 * np.sin(y / 3.0 * pi)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * pi) + 320.0 * np.sin(y * pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    dlon += (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlon += (20.0 * np.sin(x * pi) + 40.0 * np.sin(x / 3.0 * pi)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * pi) + 300.0 * np.sin(x / 30.0 * pi)) * 2.0 / 3.0
    rad = lat / 180.0 * pi
    magic = 1 - _EE * np.sin(rad) ** 2
    sq = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sq) * pi)
    dlon = (dlon * 180.0) / (_A / sq * np.cos(rad) * pi)
    return dlon, dlat


def wgs84_to_gcj02(coords: np.ndarray) -> np.ndarray:
    """Shift an (n, 2) array of WGS-84 lon/lat to GCJ-02 (the forward, published formula)."""
    coords = np.asarray(coords, dtype=float)
    dlon, dlat = _offsets(coords[:, 0], coords[:, 1])
    return np.column_stack([coords[:, 0] + dlon, coords[:, 1] + dlat])


def gcj02_to_wgs84(coords: np.ndarray, tol: float = 1e-10, max_iter: int = 30) -> np.ndarray:
    """Invert GCJ-02 to WGS-84 by fixed-point iteration until the forward formula reproduces the input."""
    target = np.asarray(coords, dtype=float)
    guess = target.copy()
    for _ in range(max_iter):
        err = wgs84_to_gcj02(guess) - target
        guess -= err
        if np.abs(err).max() < tol:
            break
    return guess


# Baidu's BD-09 is a further published rotation-and-scale of GCJ-02 (x_pi = pi * 3000 / 180).
_X_PI = np.pi * 3000.0 / 180.0


def gcj02_to_bd09(coords: np.ndarray) -> np.ndarray:
    """Shift an (n, 2) array of GCJ-02 lon/lat to BD-09 (the forward, published formula)."""
    c = np.asarray(coords, dtype=float)
    x, y = c[:, 0], c[:, 1]
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return np.column_stack([z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006])


def bd09_to_gcj02(coords: np.ndarray, tol: float = 1e-10, max_iter: int = 30) -> np.ndarray:
    """Invert BD-09 to GCJ-02 by fixed-point iteration until the forward formula reproduces the input."""
    target = np.asarray(coords, dtype=float)
    guess = target - [0.0065, 0.006]
    for _ in range(max_iter):
        err = gcj02_to_bd09(guess) - target
        guess -= err
        if np.abs(err).max() < tol:
            break
    return guess


def wgs84_to_bd09(coords: np.ndarray) -> np.ndarray:
    """WGS-84 lon/lat to BD-09 (via GCJ-02)."""
    return gcj02_to_bd09(wgs84_to_gcj02(coords))


def bd09_to_wgs84(coords: np.ndarray) -> np.ndarray:
    """BD-09 lon/lat to WGS-84 (via GCJ-02), both steps inverted exactly."""
    return gcj02_to_wgs84(bd09_to_gcj02(coords))


# Coordinates as users declare them -> a function to WGS-84 (None: already WGS-84 / CGCS2000).
TO_WGS84 = {"wgs84": None, "gcj02": gcj02_to_wgs84, "bd09": bd09_to_wgs84}


def to_wgs84(coords: np.ndarray, system: str) -> np.ndarray:
    """Convert an (n, 2) lon/lat array declared as 'wgs84', 'gcj02' or 'bd09' to WGS-84."""
    func = TO_WGS84[system]
    return np.asarray(coords, dtype=float) if func is None else func(coords)


def shift_geometry(geom: BaseGeometry, to: str) -> BaseGeometry:
    """Convert a geometry between 'gcj02' and 'wgs84' coordinates."""
    func = {"wgs84": gcj02_to_wgs84, "gcj02": wgs84_to_gcj02}[to]
    return shapely.transform(geom, func)
