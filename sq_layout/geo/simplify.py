"""Lighter geometry for the browser: a tolerance from the map's opening scale, coverage-aware simplification and
coordinates snapped to a grid with a precision model that keeps every polygon valid."""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from sq_layout.atomic import write_bytes
from sq_layout.geo.crs import wgs84_to_gcj02
from sq_layout.paths import ROOT

# The map's opening size in CSS pixels (the explorer draws it about this large); the tolerance is a share of a pixel.
VIEW_PX = (900, 620)
PIXEL_SHARE = 0.35  # simplified outlines stay within a third of a pixel at the opening zoom
MIN_TOLERANCE_DEG = 0.0001  # ~11 m: finer than the sources themselves
# Simplified geometry kept on disk by content, so a server restart or a second process does not simplify again.
CACHE_DIR = ROOT / "out" / "cache" / "browser-geometry"
DETAIL_FACTOR = 8  # the finer level's tolerance is this many times smaller (about three zoom levels)
CACHE_FORMAT = 2  # bump when the simplification changes: older files are then never read
CACHE_KEEP = 16  # files kept; older ones are removed when a new one is written


@dataclass(frozen=True)
class Scale:
    """Simplification tolerance and snapping grid (degrees), chosen once per area set."""

    tolerance: float
    grid: float

    @property
    def decimals(self) -> int:
        """Decimal places that represent every grid coordinate exactly enough for JSON."""
        return max(0, -math.floor(math.log10(self.grid)))


def _merc_y(lat_deg: float) -> float:
    lat = math.radians(max(min(lat_deg, 85.0), -85.0))
    return math.log(math.tan(math.pi / 4 + lat / 2))


def browser_scale(bounds: tuple[float, float, float, float], view_px: tuple[int, int] = VIEW_PX) -> Scale:
    """Tolerance from the extent and the opening view: what one pixel spans when the map fits the whole set."""
    minx, miny, maxx, maxy = bounds
    rad_per_px = max(math.radians(maxx - minx) / view_px[0], (_merc_y(maxy) - _merc_y(miny)) / view_px[1], 1e-9)
    deg_per_px = math.degrees(rad_per_px) * math.cos(math.radians((miny + maxy) / 2))
    tolerance = max(deg_per_px * PIXEL_SHARE, MIN_TOLERANCE_DEG)
    grid = 10.0 ** math.floor(math.log10(tolerance / 5))
    return Scale(tolerance, grid)


_POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    if shapely.get_type_id(geom) in _POLYGONAL or shapely.is_empty(geom):
        return geom
    parts = [g for g in shapely.get_parts(geom) if shapely.get_type_id(g) in _POLYGONAL]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def snap(geoms: np.ndarray, original: np.ndarray, grid: float) -> np.ndarray:
    """Snap to the grid with GEOS's precision model (valid output); an area that collapses keeps a grid-sized mark."""
    out = shapely.set_precision(geoms, grid, mode="valid_output")
    for i, geom in enumerate(out):
        geom = _polygonal(geom)
        if shapely.is_empty(geom):  # smaller than the grid after simplification: snap the unsimplified outline instead
            geom = _polygonal(shapely.set_precision(original[i], grid, mode="valid_output"))
        if shapely.is_empty(geom):
            p = shapely.set_precision(original[i].representative_point(), grid)
            geom = shapely.box(p.x, p.y, p.x + grid, p.y + grid)
        out[i] = geom
    return out


def _simplified(areas: gpd.GeoDataFrame, scale: Scale) -> np.ndarray:
    """Counties as one coverage (no gaps or slivers), zones each on their own, snapped to the scale's grid."""
    geoms = areas.geometry.copy()
    counties = (areas["kind"] == "county").to_numpy()
    if counties.any():
        geoms.loc[counties] = geoms.loc[counties].simplify_coverage(scale.tolerance)
    if (~counties).any():
        geoms.loc[~counties] = geoms.loc[~counties].simplify(scale.tolerance / 2)
    return snap(geoms.to_numpy(), areas.geometry.to_numpy(), scale.grid)


def detail_scale(scale: Scale) -> Scale | None:
    """The finer level the map loads when zoomed in, or None when the opening level is already fine enough."""
    tolerance = scale.tolerance / DETAIL_FACTOR
    if tolerance < MIN_TOLERANCE_DEG:
        return None
    return Scale(tolerance, 10.0 ** math.floor(math.log10(tolerance / 5)))


def browser_geometry(
    areas: gpd.GeoDataFrame, scale: Scale | None = None, view_px: tuple[int, int] = VIEW_PX
) -> gpd.GeoDataFrame:
    """Simplify counties as one coverage (no gaps or slivers) and zones each on their own, then snap to the grid.

    The tolerance follows the set's extent and the opening view (see `browser_scale`), so nine areas keep ~100 m
    detail and all of China's counties a few kilometres. Adds a `label` point column and records the scale in
    `attrs["scale"]`. When that level is coarse (province or national sets), a `detail` column holds a level
    DETAIL_FACTOR times finer (scale in `attrs["detail_scale"]`), which the map loads by region when zoomed in.
    """
    scale = scale or browser_scale(tuple(areas.total_bounds), view_px)
    out = areas.copy()
    out["geometry"] = _simplified(areas, scale)
    out["label"] = gpd.GeoSeries(shapely.set_precision(label_points(out).to_numpy(), scale.grid), crs=out.crs)
    out.attrs["scale"] = scale
    fine = detail_scale(scale)
    if fine is not None:
        out["detail"] = gpd.GeoSeries(_simplified(areas, fine), index=out.index, crs=out.crs)
        out.attrs["detail_scale"] = fine
    return out


def to_gcj02(areas: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Shift WGS-84 geometry to GCJ-02 for display over Amap tiles (the CRS label stays honest: not WGS-84)."""
    out = areas.copy()
    scale: Scale = areas.attrs.get("scale") or browser_scale(tuple(areas.total_bounds))
    shifted = out.geometry.transform(wgs84_to_gcj02).to_numpy()
    out["geometry"] = snap(shifted, shifted, scale.grid)
    if "label" in out:
        out["label"] = gpd.GeoSeries(
            shapely.set_precision(out["label"].transform(wgs84_to_gcj02).to_numpy(), scale.grid), crs=out.crs
        )
    fine: Scale | None = areas.attrs.get("detail_scale")
    if "detail" in out and fine is not None:
        shifted = gpd.GeoSeries(out["detail"], crs=out.crs).transform(wgs84_to_gcj02).to_numpy()
        out["detail"] = gpd.GeoSeries(snap(shifted, shifted, fine.grid), index=out.index, crs=out.crs)
        out.attrs["detail_scale"] = fine
    out.attrs["scale"] = scale
    return out


def label_points(areas: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """A point inside each area for its label; for counties, away from the zones drawn on top of them."""
    zone_geoms = areas.loc[areas["kind"] == "zone", "geometry"].values
    zones = shapely.union_all(zone_geoms) if len(zone_geoms) else None
    points = []
    for geom, kind in zip(areas.geometry, areas["kind"], strict=True):
        if zones is not None and kind == "county" and geom.intersects(zones):
            rest = geom.difference(zones)
            geom = rest if not rest.is_empty else geom
        points.append(geom.point_on_surface())
    return gpd.GeoSeries(points, index=areas.index, crs=areas.crs)


def geometry_key(areas: gpd.GeoDataFrame, view_px: tuple[int, int] = VIEW_PX) -> str:
    """Content hash of what the simplification depends on: ids, kinds, outlines, the opening view, the method."""
    h = hashlib.sha256(f"{CACHE_FORMAT}|{view_px}|{PIXEL_SHARE}|{MIN_TOLERANCE_DEG}".encode())
    h.update("\n".join(f"{a}|{k}" for a, k in zip(areas["area_id"], areas["kind"], strict=True)).encode())
    for wkb in shapely.to_wkb(areas.geometry.to_numpy()):
        h.update(wkb)
    return h.hexdigest()[:24]


def _pack(geo: gpd.GeoDataFrame) -> bytes:
    columns = ["geometry", "label", *(["detail"] if "detail" in geo else [])]
    blobs = [b for c in columns for b in shapely.to_wkb(gpd.GeoSeries(geo[c]).to_numpy())]
    scales = [geo.attrs["scale"], *([geo.attrs["detail_scale"]] if "detail" in geo else [])]
    buf = io.BytesIO()
    np.savez(
        buf,
        sizes=np.array([len(b) for b in blobs], dtype=np.int64),
        data=np.frombuffer(b"".join(blobs), dtype=np.uint8),
        scales=np.array([[s.tolerance, s.grid] for s in scales]),
    )
    return buf.getvalue()


def _unpack(raw: bytes, areas: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    with np.load(io.BytesIO(raw), allow_pickle=False) as f:
        sizes, data, scales = f["sizes"], f["data"].tobytes(), f["scales"]
    ends = np.cumsum(sizes)
    blobs = [data[e - n : e] for n, e in zip(sizes, ends, strict=True)]
    n = len(areas)
    if len(blobs) != n * (1 + len(scales)):
        raise ValueError("cached geometry is for another area set")
    out = areas.copy()
    for k, column in enumerate(["geometry", "label", "detail"][: len(blobs) // n]):
        out[column] = gpd.GeoSeries(shapely.from_wkb(blobs[k * n : (k + 1) * n]), index=out.index, crs=areas.crs)
    out.attrs["scale"] = Scale(float(scales[0][0]), float(scales[0][1]))
    if len(scales) > 1:
        out.attrs["detail_scale"] = Scale(float(scales[1][0]), float(scales[1][1]))
    return out


def cached_browser_geometry(
    areas: gpd.GeoDataFrame, cache_dir: Path | None = CACHE_DIR, view_px: tuple[int, int] = VIEW_PX
) -> gpd.GeoDataFrame:
    """`browser_geometry`, read from disk when the same outlines were simplified before (by any process).

    The file is named by a content hash (`geometry_key`), so each workspace version or draft revision has its own
    and a changed outline never reads a stale one; a missing, unreadable or foreign file is simply rebuilt.
    """
    if cache_dir is None:
        return browser_geometry(areas, view_px=view_px)
    path = cache_dir / f"{geometry_key(areas, view_px)}.npz"
    try:
        return _unpack(path.read_bytes(), areas)
    except (OSError, ValueError, KeyError, shapely.errors.GEOSException):
        pass
    out = browser_geometry(areas, view_px=view_px)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, _pack(out))
        for old in sorted(path.parent.glob("*.npz"), key=lambda q: q.stat().st_mtime)[:-CACHE_KEEP]:
            old.unlink(missing_ok=True)
    except OSError:  # a read-only install still draws the map, it only simplifies again next time
        pass
    return out
