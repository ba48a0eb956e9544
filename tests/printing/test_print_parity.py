"""The printed map shows what the web map shows for the same view: every area's fill equals the web map's style for
that area, and the printed legend rows equal the web legend's (labels, colours, box or line, dashed or not); the
atlas area pages and the overview's small maps follow the same rule."""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING

import numpy as np
import pytest
from matplotlib.colors import to_hex, to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from layers.base import BaseLayers, mount_config
from layers.legend import map_legend_html
from layers.selection import area_styles
from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.analysis.views import single_legend
from sq_layout.geo.simplify import browser_geometry
from sq_layout.i18n.lang import Lang
from sq_layout.legend import composite
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from sq_layout.printing.atlas import atlas_pages, render_pages
from sq_layout.printing.printmap import PrintSpec, render_page

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes

# a web legend item: its key, full label and swatch (a box for a fill, a line for an outline)
WEB_ITEM = re.compile(
    r'<span class="sq-lg-item" data-key="([^"]*)" title="([^"]*)"><span class="(sq-sw|sq-line)" style="([^"]*)"'
)
VIEWS = [Selection(), Selection(chains=(3,)), Selection(chains=(3, 9))]
# a legend row: label, "box" or "line", colour shown over white (a box's), outline colour, dashed
LegendRow = tuple[str, str, str | None, str, bool]


@pytest.fixture(scope="module")
def geo(ds: Dataset) -> gpd.GeoDataFrame:
    return browser_geometry(areas_frame(ds))


def _hex(rgb: tuple[float, float, float] | tuple[float, float, float, float]) -> str:
    return to_hex(rgb[:3]).upper()


def web_fills(ds: Dataset, geo: gpd.GeoDataFrame, sel: Selection, lang: Lang = "zh") -> dict[str, tuple[float, ...]]:
    """Each area's fill as the web map paints it (RGBA): its palette entry, or the base style the map starts from."""
    single = single_legend(ds, sel, lang)
    styles = area_styles(geo, host_summary(ds, sel), not sel.empty, single[1] if single else None)
    base = mount_config(BaseLayers("", styles.order_key, len(geo), (0, 0, 1, 1), "none", lang, 0))["areas"]["base"]
    out: dict[str, tuple[float, ...]] = {}
    for area_id, kind, c in zip(geo["area_id"], geo["kind"], styles.idx, strict=True):
        if c == ".":
            out[area_id] = to_rgba(base[kind]["fillColor"], base[kind]["fillOpacity"])
        else:
            paint = styles.palette[int(c, 36)]
            out[area_id] = to_rgba(paint.fill, paint.opacity)
    return out


def printed_fills(ax: Axes) -> dict[str, tuple[float, ...]]:
    """Each area's fill as drawn on a printed map (the artist the printer tags with the area's id)."""
    drawn = {}
    for c in ax.collections:
        gid = c.get_gid() or ""
        if gid[:5] == "fill-":
            drawn[gid[5:]] = tuple(np.asarray(c.get_facecolor())[0].tolist())
    return drawn


def web_legend(
    ds: Dataset, geo: gpd.GeoDataFrame, sel: Selection, area: str | None, lang: Lang
) -> tuple[str, list[LegendRow]]:
    """The web legend's heading and its rows as (label, box|line, colour shown over white, outline colour, dashed)."""
    single = single_legend(ds, sel, lang)
    html = map_legend_html(geo, host_summary(ds, sel), not sel.empty, single, area is not None, lang)
    rows: list[LegendRow] = []
    for _, label, kind, style in WEB_ITEM.findall(html):
        edge = re.search(r"(?:solid|dashed) (#[0-9A-Fa-f]{6})", style)
        assert edge, style
        if kind == "sq-sw":
            shown = re.search(r"background:(#[0-9A-F]{6})", style)
            assert shown, style
            rows.append((unescape(label), "box", shown[1], edge[1].upper(), "dashed" in style))
        else:
            rows.append((unescape(label), "line", None, edge[1].upper(), "dashed" in style))
    head = re.search(r'<span class="sq-lg-head">([^<]*)</span>', html)
    assert head, html
    return unescape(head[1]), rows


def printed_legend(ax: Axes) -> list[LegendRow]:
    """The printed legend's rows in the same form as web_legend's."""
    legend = ax.get_legend()
    assert legend is not None
    rows: list[LegendRow] = []
    for h in legend.legend_handles:
        if isinstance(h, Line2D):
            rows.append((str(h.get_label()), "line", None, _hex(to_rgba(h.get_color())), h.get_linestyle() == "--"))
        else:
            assert isinstance(h, Patch), h
            face = to_rgba(h.get_facecolor())
            shown = _hex(composite(to_hex(face[:3]), face[3]))
            rows.append((str(h.get_label()), "box", shown, _hex(to_rgba(h.get_edgecolor())), _dashed(h)))
    return rows


def _legend_title(ax: Axes) -> str:
    """The heading of a printed map's legend."""
    legend = ax.get_legend()
    assert legend is not None
    return legend.get_title().get_text()


def _dashed(patch: Patch) -> bool:
    """Whether a legend's patch is dashed: a legend's copy of a patch keeps the dash pattern, not the style's name."""
    offset_and_dashes: tuple[float, list[float] | None] = vars(patch)["_dash_pattern"]
    return offset_and_dashes[1] is not None


def _same_fills(printed: dict[str, tuple[float, ...]], web: dict[str, tuple[float, ...]]) -> None:
    assert set(printed) == set(web)
    for area_id, rgba in web.items():
        assert printed[area_id] == pytest.approx(rgba, abs=1e-6), area_id


@pytest.mark.parametrize("sel", VIEWS, ids=["no-filter", "one-chain", "two-chains"])
def test_every_printed_area_has_the_web_fill_and_the_legends_match(
    ds: Dataset, geo: gpd.GeoDataFrame, sel: Selection
) -> None:
    page = render_page(ds, sel, None, PrintSpec(dpi=72))
    _same_fills(printed_fills(page.ax), web_fills(ds, geo, sel))
    head, rows = web_legend(ds, geo, sel, None, "zh")
    assert printed_legend(page.ax) == rows
    assert _legend_title(page.ax) == head


def test_no_filter_map_is_thematic_and_a_filter_leaves_other_zones_white(ds: Dataset, geo: gpd.GeoDataFrame) -> None:
    """The opening view is not the flat base fill; with a filter a zone that hosts nothing is not a dimmed county."""
    base = mount_config(BaseLayers("", "", len(geo), (0, 0, 1, 1), "none", "zh", 0))["areas"]["base"]
    opening = printed_fills(render_page(ds, Selection(), None, PrintSpec(dpi=72)).ax)
    assert to_rgba(base["county"]["fillColor"], base["county"]["fillOpacity"]) not in opening.values()
    assert len(set(opening.values())) > 1
    sel = Selection(chains=(3,))
    hosts = set(host_summary(ds, sel)["area_id"])
    filtered = printed_fills(render_page(ds, sel, None, PrintSpec(dpi=72)).ax)
    kinds = dict(zip(geo["area_id"], geo["kind"], strict=True))
    holes = {filtered[a] for a, k in kinds.items() if k == "zone" and a not in hosts}
    dimmed = {filtered[a] for a, k in kinds.items() if k == "county" and a not in hosts}
    assert holes and dimmed and not holes & dimmed


def test_english_legend_matches_the_web_with_a_selected_area(ds: Dataset, geo: gpd.GeoDataFrame) -> None:
    page = render_page(ds, Selection(), "sihong", PrintSpec(dpi=72, lang="en"))
    head, rows = web_legend(ds, geo, Selection(), "sihong", "en")
    assert printed_legend(page.ax) == rows and _legend_title(page.ax) == head


def test_atlas_area_page_and_overview_follow_the_web_rule(ds: Dataset, geo: gpd.GeoDataFrame) -> None:
    pages = atlas_pages(ds, "zh")
    area_page = next(p for p in pages if p.area == "shuyang")
    ax = render_pages(ds, area_page, PrintSpec(dpi=72))[0].axes[0]
    _same_fills(printed_fills(ax), web_fills(ds, geo, Selection()))  # the area's industry stripes lie on top
    _, web = web_legend(ds, geo, Selection(), "shuyang", "zh")
    printed = printed_legend(ax)
    assert [r for r in printed if r[0] in {w[0] for w in web}] == web  # plus one row per industry it hosts
    overview = render_pages(ds, pages[0], PrintSpec(dpi=72, orientation="portrait"))[0]
    small = [a for a in overview.axes if a.get_title()]
    assert len(small) == len(ds.industries)
    for a, ind in zip(small, ds.industries["industry_id"], strict=True):
        _same_fills(printed_fills(a), web_fills(ds, geo, Selection(industries=(ind,))))
    legend_ax = next(a for a in overview.axes if a.get_legend() is not None)
    _, one_industry = web_legend(ds, geo, Selection(industries=(ds.industries["industry_id"].iloc[0],)), None, "zh")
    assert printed_legend(legend_ax)[1:] == one_industry[1:]  # the first row stands for "its industry's colour"
