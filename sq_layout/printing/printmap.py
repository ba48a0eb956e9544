"""Print-quality static maps (PNG/SVG/PDF): title, legend, north arrow, scale bar, source note, date.

The same fills and legend rows as the interactive map for the same view (sq_layout.fills, sq_layout.legend,
sq_layout.style), drawn in the projected CRS (EPSG:4548); the map itself is drawn by sq_layout.printing.mapdraw.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from weakref import WeakKeyDictionary

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.table import Table

from sq_layout.analysis.queries import Selection
from sq_layout.analysis.views import selection_names
from sq_layout.atomic import atomic_path
from sq_layout.errors import BadInput, UnknownValue
from sq_layout.i18n import Lang, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.legend import LegendEntry
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from sq_layout.printing.cartography import (
    ScaleBar,
    draw_north_arrow,
    draw_scale_bar,
    scale_bar_km,
    scale_bar_spot,
    true_north_angle,
)
from sq_layout.printing.facts import chunks, draw_table, rows_that_fit
from sq_layout.printing.fonts import pdf_fonts, use_cjk_font
from sq_layout.printing.mapdraw import DrawnMap, draw_layout, print_land
from sq_layout.printing.paper import MARGIN_MM, PAPER_MM

FORMATS = ("png", "svg", "pdf")
LAYOUT_DPI = 72
TABLE_BOTTOM = 0.085  # the footer's three lines sit below this
DPI_RANGE = (30, 1200)
_PAGE_DPI: WeakKeyDictionary[Figure, int] = WeakKeyDictionary()  # the output resolution each page was made for


@dataclass(frozen=True)
class PrintSpec:
    """Paper, orientation, resolution, language and (optional) title of an exported map."""

    paper: str = "a4"
    orientation: str = "landscape"
    dpi: int = 300
    lang: Lang = "zh"
    title: str | None = None

    def size_inches(self) -> tuple[float, float]:
        """Figure size in inches for the paper and orientation."""
        w, h = PAPER_MM[self.paper]
        w, h = (h, w) if self.orientation == "landscape" else (w, h)
        return w / 25.4, h / 25.4


def map_title(ds: Dataset, sel: Selection, area: str | None, lang: Lang) -> str:
    """A title generated from the selection, e.g. 宿迁市酿造（酒）产业链布局示意图; a draft's starts with 【草案】."""
    title = _map_title(ds, sel, area, lang)
    return f"【草案】{title}" if ds.draft else title


def _map_title(ds: Dataset, sel: Selection, area: str | None, lang: Lang) -> str:
    col = name_col(lang)
    if area and sel.empty:
        return t("map_title_area", lang).format(area=ds.areas.set_index("area_id").loc[area, col])
    parts = [t(f"map_title_{tier}", lang) for tier in sel.tiers]
    parts += selection_names(ds, sel, lang, t("map_title_chain", lang))
    if not parts:
        return t("map_title_plan", lang)
    return t("map_title_parts", lang).format(parts=join_list(parts, lang))


@dataclass
class MapPage:
    """A rendered page and the parts checks look at: map axes, legend rows, labels, scale bar, table."""

    fig: Figure
    ax: Axes
    drawn: DrawnMap
    scale: ScaleBar
    table: Table | None = None


class PageCanvas(FigureCanvasAgg):
    """An Agg canvas that draws only when asked (saving, or an explicit draw).

    GeoPandas calls `draw_idle` after every plot, and on a bare Agg canvas that is a full redraw of the page so far:
    a page of many small maps (the atlas overview) drew itself about a hundred times."""

    def draw_idle(self, *args: Any, **kwargs: Any) -> None:
        """Nothing to refresh on screen: the page is drawn once, when it is saved or drawn explicitly."""


def new_page(spec: PrintSpec) -> tuple[Figure, float]:
    """An empty page of the spec's size and its base font size (scaled with the paper)."""
    use_cjk_font()
    # Lay out at 72 dpi (label de-overlapping is dpi-independent and much faster); save_figure rasterises at spec.dpi.
    fig = Figure(figsize=spec.size_inches(), dpi=LAYOUT_DPI)
    PageCanvas(fig)  # a real renderer for text extents (label placement, tests); no pyplot state involved
    _PAGE_DPI[fig] = spec.dpi
    w, h = spec.size_inches()
    return fig, min(w, h) / 8.27 * 9


def printable(fig: Figure) -> tuple[float, float]:
    """The left margin and printable width as fractions of the page width."""
    mx = MARGIN_MM / 25.4 / fig.get_size_inches()[0]
    return mx, 1 - 2 * mx


def draw_furniture(ax: Axes, ds: Dataset, lang: Lang, base: float, arrow: bool = True) -> ScaleBar:
    """North arrow (true north at the map centre) and a graphic scale bar in kilometres; returns the bar."""
    lon, lat = areas_frame(ds).geometry.union_all().centroid.coords[0]
    if arrow:
        draw_north_arrow(ax, 0.95, 0.88, 0.07, true_north_angle(lon, lat), t("north", lang), base)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    km = scale_bar_km(min(x1 - x0, (y1 - y0) * 1.5))
    height = 0.008 * (y1 - y0)
    x, y = scale_bar_spot(ax, print_land(ds), km, height)
    bars = draw_scale_bar(ax, km, x, y, height, base * 0.8)
    return ScaleBar(bars, km)


def draw_title(fig: Figure, title: str, base: float) -> None:
    """The map title (图名) centred at the top of the page."""
    fig.text(0.5, 0.965, title, ha="center", va="center", fontsize=base * 1.9, fontweight="bold")


def draw_footer(fig: Figure, lang: Lang, base: float, today: dt.date | None = None) -> None:
    """Source note, schematic note, CRS and date at the foot of the page."""
    day = (today or dt.date.today()).isoformat()
    foot = [t("print_source", lang), t("print_schematic", lang), f"{t('crs', lang)}    {t('date', lang)}{day}"]
    left, _ = printable(fig)
    for i, line in enumerate(foot):
        fig.text(left, 0.055 - i * 0.018, line, fontsize=base * 0.68, color="#333333", va="center")


def _handle(e: LegendEntry) -> Artist:
    """A filled box for a fill row, a line for an outline row (as the web legend draws them)."""
    style: Literal["--", "-"] = "--" if e.dashed else "-"
    if not e.is_fill:
        width = 2.0 if e.key == "selected" else 1.2
        return Line2D([], [], color=e.edge, linestyle=style, linewidth=width, label=e.label)
    face = to_rgba(e.fill, e.opacity) if e.fill else "none"
    return Patch(facecolor=face, edgecolor=e.edge, linestyle=style, linewidth=0.9, label=e.label)


def draw_legend(
    ax: Axes, entries: list[LegendEntry], lang: Lang, base: float, loc: str = "lower right", heading: str = ""
) -> None:
    """The legend (图例 · its fills' heading, as on the web) for every symbol drawn, from the shared legend model."""
    handles = [_handle(e) for e in entries]
    leg = ax.legend(  # type: ignore[call-overload]  # the stub's overloads do not take keyword handles
        handles=handles,
        loc=loc,
        title=f"{t('legend', lang)} · {heading}" if heading else t("legend", lang),
        fontsize=base * 0.8,
        title_fontsize=base * 0.9,
        frameon=True,
        framealpha=0.9,
    )
    leg.set_zorder(20)


def render_page(
    ds: Dataset,
    sel: Selection,
    area: str | None,
    spec: PrintSpec,
    table: pd.DataFrame | None = None,
    today: dt.date | None = None,
    industries: bool = False,
) -> MapPage:
    """A complete map page: title, map with labels, legend, north arrow, scale bar, notes; optional facts table;
    `industries` stripes the selected area in its industries' colours (an atlas area page)."""
    fig, base = new_page(spec)
    left, width = printable(fig)
    map_h = 0.58 if table is not None else 0.8
    ax = fig.add_axes((left, 0.935 - map_h, width, map_h))
    draw_title(fig, spec.title or map_title(ds, sel, area, spec.lang), base)
    drawn = draw_layout(ax, ds, sel, area, spec.lang, base * 0.85, industries=industries)
    draw_legend(ax, drawn.entries, spec.lang, base, heading=drawn.heading)
    scale = draw_furniture(ax, ds, spec.lang, base)
    tab = None
    if table is not None:
        tab = draw_table(fig, table, (left, TABLE_BOTTOM, width, 0.935 - map_h - 0.01 - TABLE_BOTTOM), base * 0.75)
    draw_footer(fig, spec.lang, base, today)
    return MapPage(fig, ax, drawn, scale, tab)


def render_map(
    ds: Dataset,
    sel: Selection,
    area: str | None,
    spec: PrintSpec,
    table: pd.DataFrame | None = None,
    today: dt.date | None = None,
    industries: bool = False,
) -> Figure:
    """The figure of render_page (title, map, legend, furniture, notes, optional table, industry stripes)."""
    return render_page(ds, sel, area, spec, table, today, industries).fig


def table_rows_on_map_page(spec: PrintSpec) -> int:
    """How many facts-table rows fit under the map on a map page of this spec."""
    _, h = spec.size_inches()
    base = min(spec.size_inches()) / 8.27 * 9
    return rows_that_fit(h * (0.935 - 0.58 - 0.01 - TABLE_BOTTOM), base * 0.75)


def continuation_page(spec: PrintSpec, title: str, table: pd.DataFrame, today: dt.date | None = None) -> Figure:
    """A page carrying on a facts table that did not fit under its map."""
    fig, base = new_page(spec)
    left, width = printable(fig)
    draw_title(fig, title + t("continued", spec.lang), base)
    draw_table(fig, table, (left, TABLE_BOTTOM, width, 0.92 - TABLE_BOTTOM), base * 0.75)
    draw_footer(fig, spec.lang, base, today)
    return fig


def table_rows_on_continuation(spec: PrintSpec) -> int:
    """How many facts-table rows fit on a continuation page."""
    _, h = spec.size_inches()
    base = min(spec.size_inches()) / 8.27 * 9
    return rows_that_fit(h * (0.92 - TABLE_BOTTOM), base * 0.75)


def save_figure(fig: Figure, path: str | Path, dpi: int | None = None) -> Path:
    """Write a figure atomically as PNG/SVG/PDF by the file's suffix (PNG carries its DPI in the metadata)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UnknownValue("map format", path.suffix or str(path), [f".{f}" for f in FORMATS])
    with atomic_path(path) as tmp, pdf_fonts() if fmt == "pdf" else contextlib.nullcontext():
        fig.savefig(tmp, format=fmt, dpi=dpi or _PAGE_DPI.get(fig, fig.dpi))
    return path


def map_pages(ds: Dataset, sel: Selection, area: str | None, spec: PrintSpec, one_page: bool = False) -> list[Figure]:
    """The pages of an exported map. With an area, its page is a report: the area striped in its industries' colours
    and, under the map, what the plan assigns it (sq_layout.printing.areapage) — continued on further pages, or in
    smaller type on the one page of a PNG/SVG (`one_page`)."""
    if not area:
        return [render_map(ds, sel, area, spec)]
    from sq_layout.printing.areapage import area_report_table

    table = area_report_table(ds, area, spec.lang)
    if one_page:
        return [render_map(ds, sel, area, spec, table, industries=True)]
    title = spec.title or map_title(ds, sel, area, spec.lang)
    parts = chunks(table, table_rows_on_map_page(spec), table_rows_on_continuation(spec))
    figs = [render_map(ds, sel, area, spec, parts[0], industries=True)]
    return figs + [continuation_page(spec, title, part) for part in parts[1:]]


def map_bytes(ds: Dataset, sel: Selection, area: str | None, spec: PrintSpec, fmt: str) -> bytes:
    """The rendered map as PNG/SVG/PDF bytes (for a download button); an area's PDF may run to several pages."""
    if fmt not in FORMATS:
        raise UnknownValue("map format", fmt, FORMATS)
    check_dpi(spec.dpi)
    figs = map_pages(ds, sel, area, spec, one_page=fmt != "pdf")
    buf = io.BytesIO()
    if fmt != "pdf":
        figs[0].savefig(buf, format=fmt, dpi=spec.dpi)
        return buf.getvalue()
    from matplotlib.backends.backend_pdf import PdfPages

    title = spec.title or map_title(ds, sel, area, spec.lang)
    with pdf_fonts(), PdfPages(buf, metadata={"Title": title, "Creator": "sq-layout"}) as pdf:
        for fig in figs:
            pdf.savefig(fig)
    return buf.getvalue()


def check_dpi(dpi: int) -> None:
    """Refuse resolutions a page cannot be rendered at (an A3 page at 20000 DPI would need ≈ 100 GB)."""
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise BadInput("bad_dpi", dpi=dpi, low=DPI_RANGE[0], high=DPI_RANGE[1])
