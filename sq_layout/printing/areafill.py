"""Area fills on a print map: each area as the web map fills it, and one area striped in the colours of the
industries it hosts (an atlas area page)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import Collection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.path import Path
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from sq_layout.fills import AreaFill
from sq_layout.style import COUNTY_LINE


def stripes(geom: BaseGeometry, colors: list[str], n_stripes: int = 36) -> list[tuple[str, BaseGeometry]]:
    """The geometry cut into 45° bands cycling through colors, one (colour, shape) per colour."""
    if not colors:
        return []
    minx, miny, maxx, maxy = geom.bounds
    h = maxy - miny
    width = (maxx - minx + h) / n_stripes
    bands: dict[str, list[Polygon]] = {c: [] for c in colors}
    x = minx - h
    i = 0
    while x < maxx:
        band = Polygon([(x, miny), (x + width, miny), (x + width + h, maxy), (x + h, maxy)])
        bands[colors[i % len(colors)]].append(band)
        x += width
        i += 1
    return [(c, unary_union(b).intersection(geom)) for c, b in bands.items() if b]


def polygon_paths(geoms: Iterable[BaseGeometry]) -> list[Path]:
    """One path per polygon of the (multi)polygons, exterior then holes, as GeoPandas draws them; other parts (the
    lines or points an intersection may leave) are not areas and are left out."""
    paths = []
    for geom in geoms:
        for poly in getattr(geom, "geoms", [geom]):
            if isinstance(poly, Polygon) and not poly.is_empty:
                rings = [poly.exterior, *poly.interiors]
                paths.append(Path.make_compound_path(*(Path(np.asarray(r.coords)[:, :2]) for r in rings)))
    return paths


def add_shapes(ax: Axes, geoms: Iterable[BaseGeometry], **style: Any) -> PathCollection | None:
    """The polygons as one collection on ax, styled as GeoSeries.plot would (facecolor, edgecolor, linewidth,
    linestyle, alpha, zorder); None when there is nothing to draw.

    GeoSeries.plot costs ≈ 50 ms of CPU a call (it defines a patch class each time and rescales the axes), and a
    print map makes a dozen calls per page; the frame's limits are set afterwards (mapdraw.frame_map)."""
    paths = polygon_paths(geoms)
    if not paths:
        return None
    coll = PathCollection(paths, **style)
    ax.add_collection(coll, autolim=True)
    return coll


def draw_fills(ax: Axes, geo: gpd.GeoDataFrame, fills: list[AreaFill]) -> dict[str, Collection]:
    """Each area as the web map draws it: counties first (outlined), zones over them; one artist per area."""
    drawn: dict[str, Collection] = {}
    for rank, kind in enumerate(("county", "zone")):
        for area_id, geom, k, f in zip(geo["area_id"], geo.geometry, geo["kind"], fills, strict=True):
            if k != kind:
                continue
            edge = {"edgecolor": COUNTY_LINE, "linewidth": 0.8} if kind == "county" else {"edgecolor": "none"}
            artist = add_shapes(ax, [geom], facecolor=to_rgba(f.fill, f.opacity), zorder=1 + rank, **edge)
            if artist is not None:
                artist.set_gid(f"fill-{area_id}")
                drawn[str(area_id)] = artist
    return drawn
