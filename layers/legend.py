"""The one legend of a map, drawn as HTML right above it from the shared model (sq_layout/legend.py).

Fills first (what the colours mean, under their heading), then outlines (counties, zones, the selected area),
then notes. A branca colormap would pull d3 from a CDN, and a legend inside the map would cover the areas.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import geopandas as gpd
import pandas as pd

from layers.identity_cache import by_identity
from layers.popups import boundary_quality
from sq_layout.fills import MapFacts, map_facts, map_legend
from sq_layout.i18n import Lang, name_col, t
from sq_layout.legend import LegendEntry, composite, fills_title, legend_entries, value_entries
from sq_layout.style import SELECTED_LINE

LEGEND_CSS = """<style>  /* drawn once per page by ui.shared.page_style: unchanged, it is not sent again */
.sq-legend { font-size: 0.85rem; line-height: 1.35; margin: 0 0 4px 0; }
.sq-legend .sq-lg-row { display: flex; flex-wrap: wrap; align-items: center; column-gap: 12px; row-gap: 1px; }
.sq-legend .sq-lg-item { white-space: nowrap; }
.sq-legend .sq-lg-head { font-weight: 600; }
.sq-legend .sq-lg-note { font-size: 0.78rem; color: #555; }
.sq-legend .sq-sw { display: inline-block; width: 20px; height: 12px; vertical-align: -1px; margin-right: 4px;
  box-sizing: border-box; }
.sq-legend .sq-line { display: inline-block; width: 20px; height: 0; vertical-align: 3px; margin-right: 4px; }
</style>"""


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in rgb))


def _swatch(e: LegendEntry) -> str:
    """A filled box as the fill looks over white (outlined in its edge colour), or a line for an outline row."""
    style = "dashed" if e.dashed else "solid"
    if not e.is_fill:
        width = 3 if e.edge == SELECTED_LINE else 2
        return f'<span class="sq-line" style="border-top:{width}px {style} {e.edge}"></span>'
    return (
        f'<span class="sq-sw" style="background:{_hex(composite(e.fill, e.opacity))};'
        f'border:1.5px {style} {e.edge}"></span>'
    )


def _item(e: LegendEntry) -> str:
    text = escape(e.short or e.label)
    return f'<span class="sq-lg-item" data-key="{escape(e.key)}" title="{escape(e.label)}">{_swatch(e)}{text}</span>'


def render(
    lang: Lang,
    title: str,
    entries: Sequence[LegendEntry],
    notes: Sequence[str] = (),
    low_high: tuple[str, str] | tuple[()] = (),
) -> str:
    """The legend box: 图例, the fill rows under their title (a ramp between its low and high labels), the outline
    rows, and small notes. Every text is escaped."""
    fills = [e for e in entries if e.is_fill]
    lines = [e for e in entries if not e.is_fill]
    head = f'<span class="sq-lg-head">{escape(t("legend", lang))} · {escape(title)}</span>'
    if low_high:
        ramp = "".join(_swatch(e) for e in fills)
        fill_html = f'<span class="sq-lg-item">{escape(low_high[0])} {ramp}{escape(low_high[1])}</span>'
    else:
        fill_html = "".join(_item(e) for e in fills)
    rows = [f'<div class="sq-lg-row">{head}{fill_html}</div>']
    if lines:
        rows.append(f'<div class="sq-lg-row">{"".join(_item(e) for e in lines)}</div>')
    rows += [f'<div class="sq-lg-note">{escape(n)}</div>' for n in notes if n]
    return f'<div class="sq-legend">{"".join(rows)}</div>'


def official_zones(areas: gpd.GeoDataFrame, lang: Lang) -> tuple[str, ...]:
    """'name：official · source · date' for every zone drawn from an official boundary."""
    zones = areas[(areas["kind"] == "zone") & (areas["geometry_quality"] == "official")]
    return tuple(
        f"{z[name_col(lang)]}：{boundary_quality('official', z.get('geometry_source'), z.get('geometry_date'), lang)}"
        for _, z in zones.iterrows()
    )


def legend_html(
    lang: Lang,
    filtering: bool,
    single: tuple[str, str] | None,
    max_count: int,
    selected: bool,
    official: Sequence[str] = (),
    schematic: bool = True,
    *,
    theme_counts: Sequence[int] | None = None,
    zone_holes: bool = False,
) -> str:
    """Every style on screen: the opening view's classes or host colours, dimmed areas, counties, schematic and
    official zones, the selected outline; notes on official sources and schematic extents."""
    entries = legend_entries(
        lang,
        filtering,
        single,
        max_count,
        selected,
        schematic=schematic,
        official=bool(official),
        theme_counts=theme_counts,
        zone_holes=zone_holes,
    )
    return render(lang, fills_title(lang, filtering, single is not None), entries, _notes(official, schematic, lang))


def _notes(official: Sequence[str], schematic: bool, lang: Lang) -> list[str]:
    """The legend's notes: each official zone's source, then that zone extents are schematic (when any is)."""
    return [*official, t("schematic_note", lang) if schematic else ""]


@by_identity(16)
def _map_facts(areas: gpd.GeoDataFrame, lang: Lang) -> tuple[tuple[str, ...], MapFacts]:
    """Official-zone notes and the legend facts (sq_layout.fills.map_facts), once per frame and language."""
    return official_zones(areas, lang), map_facts(areas)


def prepare(areas: gpd.GeoDataFrame, lang: Lang) -> None:
    """Work out a frame's legend facts before its first legend is drawn (the server's warm-up)."""
    _map_facts(areas, lang)


def _max_count(summary: pd.DataFrame) -> int:
    """The most selected items any area hosts (0 with no hosts)."""
    return int(summary["n_selected"].max()) if len(summary) else 0


def map_legend_html(
    areas: gpd.GeoDataFrame,
    summary: pd.DataFrame,
    filtering: bool,
    single: tuple[str, str] | None,
    selected: bool,
    lang: Lang,
) -> str:
    """The legend of a map drawn by layers.selection.selection_overlay, derived from the same areas and hosts."""
    official, facts = _map_facts(areas, lang)
    entries = map_legend(facts, lang, filtering, single, _max_count(summary), selected)
    return render(
        lang, fills_title(lang, filtering, single is not None), entries, _notes(official, facts.schematic, lang)
    )


def ramp_legend_html(title: str, low: str, high: str, lang: Lang, selected: bool = True) -> str:
    """Legend for a 0–1 value ramp (five equal steps between low and high), plus the zone and selected styles."""
    entries = [*value_entries(), *legend_entries(lang, False, None, 0, selected, theme_counts=())]
    return render(lang, title, entries, low_high=(low, high))
