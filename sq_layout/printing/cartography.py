"""Map furniture drawn in the projected CRS: north arrow (true north), graphic scale bar, non-overlapping labels."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import geopandas as gpd
from adjustText import adjust_text
from matplotlib.axes import Axes
from matplotlib.patches import FancyArrow, Rectangle
from matplotlib.text import Text
from pyproj import Transformer
from shapely import box
from shapely.geometry.base import BaseGeometry

from sq_layout.geo.crs import MEASURE_CRS, STORAGE_CRS

NICE_KM = (1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 100)


@dataclass
class ScaleBar:
    """The drawn scale bar: its segments (data units, metres) and the length it claims."""

    bars: list[Rectangle]
    km: int


_LOCAL = threading.local()


def _to_measure() -> Transformer:
    """STORAGE_CRS → MEASURE_CRS, made once per thread: making one costs ≈ 0.2 s (PROJ's database), once per atlas
    page before; a pyproj Transformer is not to be shared between threads (app sessions)."""
    tr: Transformer | None = getattr(_LOCAL, "to_measure", None)
    if tr is None:
        tr = _LOCAL.to_measure = Transformer.from_crs(STORAGE_CRS, MEASURE_CRS, always_xy=True)
    return tr


def true_north_angle(lon: float, lat: float) -> float:
    """Degrees from grid north (+y in MEASURE_CRS) to true north at a point; positive is clockwise."""
    tr = _to_measure()
    x0, y0 = tr.transform(lon, lat)
    x1, y1 = tr.transform(lon, lat + 0.01)
    return math.degrees(math.atan2(x1 - x0, y1 - y0))


def scale_bar_km(width_m: float, share: float = 0.25) -> int:
    """A round bar length in km close to `share` of the map width."""
    target = width_m * share / 1000
    return min(NICE_KM, key=lambda k: abs(k - target))


def draw_scale_bar(ax: Axes, km: int, x: float, y: float, height: float, fontsize: float) -> list[Rectangle]:
    """Four alternating segments totalling `km` kilometres in data units (metres), labels 0, km/2 and km."""
    seg = km * 1000 / 4
    bars = []
    for i in range(4):
        r = Rectangle(
            (x + i * seg, y), seg, height, facecolor="black" if i % 2 == 0 else "white", edgecolor="black", lw=0.6
        )
        ax.add_patch(r)
        bars.append(r)
    for frac, text in ((0, "0"), (0.5, f"{km / 2:g}"), (1, f"{km} km")):
        ax.text(x + frac * km * 1000, y + height * 1.6, text, ha="center", va="bottom", fontsize=fontsize)
    return bars


def scale_bar_spot(ax: Axes, land: BaseGeometry, km: int, height: float) -> tuple[float, float]:
    """Where the scale bar goes: the first spot from the lower-left corner (rightwards, then lower) whose bar and
    labels cover neither an area nor the legend; that corner if there is none."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    w, h = x1 - x0, y1 - y0
    taken = land
    legend = ax.get_legend()
    if legend is not None:
        fig = ax.get_figure(root=True)
        assert fig is not None
        ext = legend.get_window_extent(fig.canvas.get_renderer()).transformed(ax.transData.inverted())  # type: ignore[attr-defined]
        taken = taken.union(box(ext.x0, ext.y0, ext.x1, ext.y1))
    for fy in (0.04, 0.025, 0.012):
        for i in range(20):
            x, y = x0 + (0.03 + 0.03 * i) * w, y0 + fy * h
            # the bar, its labels above it (about four bar heights) and half of the "NN km" label past its end
            if x + km * 1000 + 0.04 * w < x1 and not taken.intersects(
                box(x - 0.01 * w, y, x + km * 1000 + 0.04 * w, y + 5 * height)
            ):
                return x, y
    return x0 + 0.03 * w, y0 + 0.04 * h


def draw_north_arrow(ax: Axes, x: float, y: float, size: float, angle_deg: float, label: str, fontsize: float) -> None:
    """An arrow pointing to true north, rotated by the grid convergence, at (x, y) in axes fractions."""
    dx = size * math.sin(math.radians(angle_deg))
    dy = size * math.cos(math.radians(angle_deg))
    ax.add_patch(
        FancyArrow(
            x - dx / 2,
            y - dy / 2,
            dx,
            dy,
            width=size * 0.18,
            head_width=size * 0.5,
            head_length=size * 0.45,
            length_includes_head=True,
            color="black",
            transform=ax.transAxes,
            zorder=10,
        )
    )
    ax.text(
        x + dx * 0.62,
        y + dy * 0.62,
        label,
        transform=ax.transAxes,
        ha="center",
        va="bottom",
        fontsize=fontsize,
        fontweight="bold",
        zorder=10,
    )


# Label layouts by (texts, anchors, font size, page geometry, extent): every page of an atlas reuses one layout.
_LAYOUTS: dict[tuple[object, ...], list[tuple[float, float]]] = {}


def _layout_key(ax: Axes, points: gpd.GeoSeries, texts: list[str], fontsize: float) -> tuple[object, ...]:
    anchors = tuple((round(p.x), round(p.y)) for p in points)
    fig = ax.get_figure(root=True)
    assert fig is not None
    page = (tuple(fig.get_size_inches()), tuple(ax.get_position().bounds), ax.get_xlim(), ax.get_ylim())
    return (tuple(texts), anchors, round(fontsize, 2), page)


def place_labels(ax: Axes, points: gpd.GeoSeries, texts: list[str], fontsize: float, italic: list[bool]) -> list[Text]:
    """One label per area, moved apart until none overlap (adjustText; layouts cached), leader lines where moved."""
    artists = [
        ax.text(
            p.x,
            p.y,
            t,
            ha="center",
            va="center",
            fontsize=fontsize * (0.85 if it else 1.0),
            style="italic" if it else "normal",
            fontweight="normal" if it else "bold",
            zorder=8,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.6},
        )
        for p, t, it in zip(points, texts, italic, strict=True)
    ]
    key = _layout_key(ax, points, texts, fontsize)
    if key not in _LAYOUTS:
        adjust_text(artists, ax=ax, expand=(1.15, 1.3), ensure_inside_axes=True)
        _LAYOUTS[key] = [a.get_position() for a in artists]
    span = ax.get_xlim()[1] - ax.get_xlim()[0]
    for artist, p, (x, y) in zip(artists, points, _LAYOUTS[key], strict=True):
        artist.set_position((x, y))
        if math.hypot(x - p.x, y - p.y) > 0.02 * span:
            ax.plot([p.x, x], [p.y, y], color="#555555", lw=0.5, zorder=7)
    return artists


def overlapping_labels(ax: Axes, labels: list[Text]) -> list[tuple[str, str]]:
    """Pairs of labels whose drawn boxes overlap (should be empty)."""
    fig = ax.get_figure(root=True)
    assert fig is not None
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg canvases have one
    boxes = [t.get_window_extent(renderer) for t in labels]
    return [
        (labels[i].get_text(), labels[j].get_text())
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if boxes[i].overlaps(boxes[j])
    ]
