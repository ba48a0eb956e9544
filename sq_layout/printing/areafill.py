"""Fill one area with diagonal stripes in the colours of the industries it hosts (an atlas area page)."""

from __future__ import annotations

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union


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
