"""Print-quality static maps (PNG/SVG/PDF): title, legend, north arrow, scale bar, source note, date.

Same colours and styles as the interactive map (sq_layout.style), drawn in the projected CRS (EPSG:4548).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.analysis.views import selection_names, single_legend
from sq_layout.geo.crs import MEASURE_CRS
from sq_layout.geo.simplify import label_points
from sq_layout.i18n import name_col, t
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from sq_layout.printing.cartography import (
    draw_north_arrow,
    draw_scale_bar,
    place_labels,
    scale_bar_km,
    true_north_angle,
)
from sq_layout.printing.fonts import use_cjk_font
from sq_layout.style import COUNT_RAMP, COUNTY_FILL, COUNTY_LINE, DIM_FILL, SELECTED_LINE, ZONE_LINE, count_color

PAPER_MM = {"a4": (210, 297), "a3": (297, 420)}
FORMATS = ("png", "svg", "pdf")
LAYOUT_DPI = 72


@dataclass(frozen=True)
class PrintSpec:
    """Paper, orientation, resolution, language and (optional) title of an exported map."""

    paper: str = "a4"
    orientation: str = "landscape"
    dpi: int = 300
    lang: str = "zh"
    title: str | None = None

    def size_inches(self) -> tuple[float, float]:
        """Figure size in inches for the paper and orientation."""
        w, h = PAPER_MM[self.paper]
        w, h = (h, w) if self.orientation == "landscape" else (w, h)
        return w / 25.4, h / 25.4


def map_title(ds: Dataset, sel: Selection, area: str | None, lang: str) -> str:
    """A title generated from the selection, e.g. 宿迁市酿造（酒）产业链布局示意图; a draft's starts with 【草案】."""
    title = _map_title(ds, sel, area, lang)
    return f"【草案】{title}" if ds.draft else title


def _map_title(ds: Dataset, sel: Selection, area: str | None, lang: str) -> str:
    col = name_col(lang)
    tiers = {"dominant": ("主导产业", "dominant industries"), "leading": ("先导产业", "leading industries")}
    zh = lang == "zh"
    if area and sel.empty:
        a = ds.areas.set_index("area_id").loc[area, col]
        return f"{a}产业布局示意图" if zh else f"Industrial layout of {a} (schematic)"
    parts = [tiers[t][0 if zh else 1] for t in sel.tiers] + selection_names(ds, sel, lang, "产业链" if zh else " chain")
    if not parts:
        return "宿迁市“十四五”产业布局示意图" if zh else "Suqian 14th Five-Year industrial layout (schematic)"
    return f"宿迁市{'、'.join(parts)}布局示意图" if zh else f"Suqian: layout of {', '.join(parts)} (schematic)"


@lru_cache(maxsize=4)
def print_geometry(ds: Dataset) -> tuple[gpd.GeoDataFrame, gpd.GeoSeries]:
    """Areas and their label points in the projected CRS."""
    frame = areas_frame(ds)
    return frame.to_crs(MEASURE_CRS), label_points(frame).to_crs(MEASURE_CRS)


def _plot(frame: gpd.GeoDataFrame | gpd.GeoSeries, ax: Axes, **style) -> None:
    if len(frame):
        frame.plot(ax=ax, **style)


def draw_layout(
    ax: Axes, ds: Dataset, sel: Selection, area: str | None, lang: str, fontsize: float, labels: bool = True
) -> list[Patch]:
    """Draw counties, zones, highlighting and labels on ax; return the legend handles for what was drawn."""
    geo, points = print_geometry(ds)
    summary = host_summary(ds, sel).set_index("area_id")["n_selected"]
    legend = single_legend(ds, sel, lang)
    single = legend[1] if legend else None
    filtering = not sel.empty
    counties, zones = geo[geo["kind"] == "county"], geo[geo["kind"] == "zone"]
    _plot(counties, ax, facecolor=COUNTY_FILL, edgecolor=COUNTY_LINE, linewidth=0.8, zorder=1)
    handles = [Patch(facecolor=COUNTY_FILL, edgecolor=COUNTY_LINE, label=t("county", lang))]
    if filtering:
        n = geo["area_id"].map(summary).fillna(0).astype(int)
        hosts = geo[n > 0]
        colors = [single or count_color(k) for k in n[n > 0]]
        _plot(
            geo[(n == 0) & (geo["kind"] == "county")], ax, facecolor=DIM_FILL, edgecolor=COUNTY_LINE, lw=0.8, zorder=2
        )
        _plot(
            hosts[hosts["kind"] == "county"],
            ax,
            facecolor=[c for c, k in zip(colors, hosts["kind"], strict=True) if k == "county"],
            edgecolor=COUNTY_LINE,
            linewidth=0.8,
            alpha=0.85,
            zorder=2,
        )
        z = geo["kind"] == "zone"
        for (_, row), k in zip(geo[z].iterrows(), n[z], strict=True):
            fill = (single or count_color(k)) if k else DIM_FILL
            _plot(gpd.GeoSeries([row.geometry]), ax, facecolor=fill, alpha=0.7, edgecolor="none", zorder=3)
        if single:
            handles.append(Patch(facecolor=single, alpha=0.85, label=legend[0]))
        else:
            top = int(n.max()) if len(n) else 1
            for k in range(1, max(top, 1) + 1):
                handles.append(
                    Patch(
                        facecolor=COUNT_RAMP[min(k, len(COUNT_RAMP)) - 1],
                        alpha=0.85,
                        label=f"{t('hosts_n', lang)} = {k}",
                    )
                )
        handles.append(Patch(facecolor=DIM_FILL, edgecolor=COUNTY_LINE, label=t("dimmed", lang)))
    _plot(zones, ax, facecolor="none", edgecolor=ZONE_LINE, linewidth=1.0, linestyle=(0, (4, 2.5)), zorder=4)
    handles.append(Patch(facecolor="white", edgecolor=ZONE_LINE, linestyle="--", label=t("zone", lang)))
    if area:
        _plot(geo[geo["area_id"] == area], ax, facecolor="none", edgecolor=SELECTED_LINE, linewidth=2.2, zorder=5)
        handles.append(Patch(facecolor="none", edgecolor=SELECTED_LINE, linewidth=2, label=t("selected", lang)))
    ax.set_aspect("equal")
    ax.set_axis_off()
    frame_map(ax, ds)  # labels are placed within the final extent
    if labels:
        # English names are long: label every area by its short name there (the legend and tables carry full names)
        texts = [
            r["short_name"] + t("schematic_suffix", lang)
            if lang == "zh" and r["kind"] == "zone"
            else r[name_col(lang)]
            if lang == "zh"
            else r["short_name_en"] + ("*" if r["kind"] == "zone" else "")
            for _, r in geo.iterrows()
        ]
        ax._sq_labels = place_labels(ax, points, texts, fontsize, list(geo["kind"] == "zone"))  # for tests
    return handles


def new_page(spec: PrintSpec) -> tuple[Figure, float]:
    """An empty page of the spec's size and its base font size (scaled with the paper)."""
    use_cjk_font()
    # Lay out at 72 dpi (label de-overlapping is dpi-independent and much faster); save_figure rasterises at spec.dpi.
    fig = Figure(figsize=spec.size_inches(), dpi=LAYOUT_DPI)
    FigureCanvasAgg(fig)  # a real renderer for text extents (label placement, tests); no pyplot state involved
    fig._sq_dpi = spec.dpi
    w, h = spec.size_inches()
    return fig, min(w, h) / 8.27 * 9


def frame_map(ax: Axes, ds: Dataset) -> None:
    """Frame the axes on Suqian with a small margin."""
    geo, _ = print_geometry(ds)
    minx, miny, maxx, maxy = geo.total_bounds
    pad = 0.04 * (maxx - minx)
    ax.set_xlim(minx - pad, maxx + pad)
    ax.set_ylim(miny - pad, maxy + pad)


def draw_furniture(ax: Axes, ds: Dataset, lang: str, base: float) -> None:
    """North arrow (true north at the map centre) and a graphic scale bar in kilometres."""
    lon, lat = areas_frame(ds).geometry.union_all().centroid.coords[0]
    draw_north_arrow(ax, 0.95, 0.88, 0.07, true_north_angle(lon, lat), t("north", lang), base)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    km = scale_bar_km(x1 - x0)
    ax._sq_scale = draw_scale_bar(ax, km, x0 + 0.03 * (x1 - x0), y0 + 0.04 * (y1 - y0), 0.008 * (y1 - y0), base * 0.8)
    ax._sq_scale_km = km


def draw_title(fig: Figure, title: str, base: float) -> None:
    """The map title (图名) centred at the top of the page."""
    fig.text(0.5, 0.965, title, ha="center", va="center", fontsize=base * 1.9, fontweight="bold")


def draw_footer(fig: Figure, lang: str, base: float, today: dt.date | None = None) -> None:
    """Source note, schematic note, CRS and date at the foot of the page."""
    day = (today or dt.date.today()).isoformat()
    foot = [t("print_source", lang), t("print_schematic", lang), f"{t('crs', lang)}    {t('date', lang)}{day}"]
    for i, line in enumerate(foot):
        fig.text(0.04, 0.055 - i * 0.018, line, fontsize=base * 0.68, color="#333333", va="center")


def draw_legend(ax: Axes, handles: list[Patch], lang: str, base: float) -> None:
    """The legend (图例) for every symbol drawn."""
    leg = ax.legend(
        handles=handles,
        loc="lower right",
        title=t("legend", lang),
        fontsize=base * 0.8,
        title_fontsize=base * 0.9,
        frameon=True,
        framealpha=0.9,
    )
    leg.set_zorder(20)


def render_map(
    ds: Dataset,
    sel: Selection,
    area: str | None,
    spec: PrintSpec,
    table: pd.DataFrame | None = None,
    today: dt.date | None = None,
) -> Figure:
    """A complete map page: title, map with labels, legend, north arrow, scale bar, notes; optional facts table."""
    fig, base = new_page(spec)
    map_h = 0.58 if table is not None else 0.78
    ax = fig.add_axes((0.04, 0.94 - map_h, 0.92, map_h))
    draw_title(fig, spec.title or map_title(ds, sel, area, spec.lang), base)
    handles = draw_layout(ax, ds, sel, area, spec.lang, base * 0.85)
    draw_legend(ax, handles, spec.lang, base)
    draw_furniture(ax, ds, spec.lang, base)
    if table is not None:
        draw_table(fig, table, base * 0.75)
    draw_footer(fig, spec.lang, base, today)
    return fig


def draw_table(fig: Figure, table: pd.DataFrame, fontsize: float) -> None:
    """A small facts table under the map (first 12 rows; the rest counted)."""
    tab_ax = fig.add_axes((0.04, 0.1, 0.92, 0.24))
    tab_ax.set_axis_off()
    shown = table.head(12).map(lambda v: f"{v:g}" if isinstance(v, float) else str(v))
    t = tab_ax.table(
        cellText=shown.values.tolist(), colLabels=list(shown.columns), loc="upper center", cellLoc="left", colLoc="left"
    )
    t.auto_set_font_size(False)
    t.set_fontsize(fontsize)
    t.auto_set_column_width(list(range(len(shown.columns))))
    t.scale(1, 1.25)
    if len(table) > len(shown):
        tab_ax.text(0, -0.02, f"… +{len(table) - len(shown)}", fontsize=fontsize, transform=tab_ax.transAxes)


def save_figure(fig: Figure, path: str | Path, dpi: int | None = None) -> Path:
    """Write a figure as PNG/SVG/PDF by the file's suffix (PNG carries its DPI in the metadata)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unsupported format {fmt!r}; expected one of {FORMATS}")
    fig.savefig(path, format=fmt, dpi=dpi or getattr(fig, "_sq_dpi", fig.dpi))
    return path


def map_bytes(ds: Dataset, sel: Selection, area: str | None, spec: PrintSpec, fmt: str) -> bytes:
    """The rendered map as PNG/SVG/PDF bytes (for a download button)."""
    if fmt not in FORMATS:
        raise ValueError(f"unsupported format {fmt!r}; expected one of {FORMATS}")
    buf = io.BytesIO()
    render_map(ds, sel, area, spec).savefig(buf, format=fmt, dpi=spec.dpi)
    return buf.getvalue()
