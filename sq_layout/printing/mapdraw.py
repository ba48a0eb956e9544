"""The map itself on a print page's axes: the areas in the projected CRS (EPSG:4548) with the web map's fills
(sq_layout.fills), zone and selection outlines, area labels, framed on Suqian."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.text import Text
from shapely.geometry.base import BaseGeometry

from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.analysis.views import single_legend
from sq_layout.cache import cached
from sq_layout.fills import map_facts, map_fills, map_legend
from sq_layout.geo.crs import MEASURE_CRS
from sq_layout.geo.simplify import label_points
from sq_layout.i18n import Lang, name_col
from sq_layout.legend import LegendEntry, area_label, fills_title, industry_entries
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame, assignment_facts
from sq_layout.printing.areafill import add_shapes, draw_fills, stripes
from sq_layout.printing.cartography import place_labels
from sq_layout.style import HOST_OPACITY, SELECTED_LINE, ZONE_LINE

DASH = (0, (4, 2.5))


@cached(4)
def print_geometry(ds: Dataset) -> tuple[gpd.GeoDataFrame, gpd.GeoSeries]:
    """Areas and their label points in the projected CRS."""
    frame = areas_frame(ds)
    return frame.to_crs(MEASURE_CRS), label_points(frame).to_crs(MEASURE_CRS)


@cached(4)
def print_land(ds: Dataset) -> BaseGeometry:
    """All areas as one shape in the projected CRS: where map furniture must not go (once per dataset)."""
    land: BaseGeometry = print_geometry(ds)[0].union_all()
    return land


def _plot(frame: gpd.GeoDataFrame | gpd.GeoSeries, ax: Axes, **style: Any) -> None:
    add_shapes(ax, frame.geometry, **style)


@dataclass
class DrawnMap:
    """What draw_layout put on the axes: the legend rows and their heading, the area labels and each area's fill (by
    area id)."""

    entries: list[LegendEntry]
    labels: list[Text]
    fills: dict[str, Collection] = field(default_factory=dict)
    heading: str = ""


def _industry_colors(ds: Dataset, area: str, lang: Lang) -> list[tuple[str, str]]:
    """(name, colour) of each industry an area hosts, in plan order."""
    ids = set(assignment_facts(ds).query("area_id == @area")["industry_id"])
    ind = ds.industries[ds.industries["industry_id"].isin(ids)]
    return [(str(r[name_col(lang)]), str(r["color"])) for _, r in ind.iterrows()]


def draw_layout(
    ax: Axes,
    ds: Dataset,
    sel: Selection,
    area: str | None,
    lang: Lang,
    fontsize: float,
    labels: bool = True,
    industries: bool = False,
) -> DrawnMap:
    """Draw the areas with the web map's fills (sq_layout.fills), zone outlines, the selected outline and labels on
    ax; return the legend rows for what was drawn. `industries` stripes the selected area in its industries' colours
    (an atlas area page)."""
    geo, points = print_geometry(ds)
    summary = host_summary(ds, sel)
    single = single_legend(ds, sel, lang)
    filtering = not sel.empty
    fills = draw_fills(ax, geo, map_fills(geo, summary, filtering, single[1] if single else None))
    max_count = int(summary["n_selected"].max()) if len(summary) else 0
    entries = map_legend(map_facts(geo), lang, filtering, single, max_count, bool(area))
    heading = fills_title(lang, filtering, single is not None)
    if area and industries and not filtering:
        heading = ""  # the striped industries are not classes of the heading
        hosted = _industry_colors(ds, area, lang)
        shape = geo[geo["area_id"] == area].geometry.iloc[0]
        for color, part in stripes(shape, [c for _, c in hosted]):
            _plot(gpd.GeoSeries([part]), ax, facecolor=color, alpha=HOST_OPACITY[0], edgecolor="none", zorder=3)
        at = next((i for i, e in enumerate(entries) if not e.is_fill), len(entries))  # fills first, then outlines
        entries[at:at] = industry_entries(hosted)
    zones = geo[geo["kind"] == "zone"]
    official = zones["geometry_quality"] == "official"
    _plot(zones[~official], ax, facecolor="none", edgecolor=ZONE_LINE, linewidth=1.0, linestyle=DASH, zorder=4)
    # imported official boundaries are a surveyed line: drawn solid
    _plot(zones[official], ax, facecolor="none", edgecolor=ZONE_LINE, linewidth=1.0, zorder=4)
    if area:
        _plot(geo[geo["area_id"] == area], ax, facecolor="none", edgecolor=SELECTED_LINE, linewidth=2.2, zorder=5)
    ax.set_axis_off()
    frame_map(ax, ds)  # labels are placed within the final extent
    placed: list[Text] = []
    if labels:
        texts = [area_label(r.to_dict(), lang) for _, r in geo.iterrows()]
        placed = place_labels(ax, points, texts, fontsize, list(geo["kind"] == "zone"))
    return DrawnMap(entries, placed, fills, heading)


def frame_map(ax: Axes, ds: Dataset) -> None:
    """Frame the axes on Suqian with a small margin, widening the short side so the map fills the whole frame."""
    geo, _ = print_geometry(ds)
    minx, miny, maxx, maxy = geo.total_bounds
    pad = 0.04 * (maxx - minx)
    minx, miny, maxx, maxy = minx - pad, miny - pad, maxx + pad, maxy + pad
    fig = ax.get_figure(root=True)
    assert fig is not None
    fw, fh = fig.get_size_inches()
    box_pos = ax.get_position(original=True)  # the active one may already be shrunk to the plotted data's aspect
    _, _, bw, bh = box_pos.bounds
    box = (bw * fw) / (bh * fh)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    w, h = maxx - minx, maxy - miny
    w, h = (h * box, h) if w / h < box else (w, w / box)
    ax.set_xlim(cx - w / 2, cx + w / 2)
    ax.set_ylim(cy - h / 2, cy + h / 2)
    ax.set_aspect("equal", adjustable="box")
    ax.set_position(box_pos, which="active")
