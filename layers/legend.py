"""The legend, drawn as HTML beside the map (a branca colormap would pull d3 from a CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import geopandas as gpd

from layers.popups import boundary_quality
from sq_layout.i18n import name_col, t
from sq_layout.legend import legend_entries
from sq_layout.style import SELECTED_LINE, VALUE_RAMP, ZONE_LINE


def _swatch(fill: str, line: str, dashed: bool = False, opacity: float = 1.0) -> str:
    border = f"2px {'dashed' if dashed else 'solid'} {line}"
    return (
        f'<span style="display:inline-block;width:22px;height:14px;background:{fill};opacity:{opacity};'
        f'border:{border};vertical-align:middle;margin-right:6px"></span>'
    )


def official_zones(areas: gpd.GeoDataFrame, lang: str) -> tuple[str, ...]:
    """'name：official · source · date' for every zone drawn from an official boundary."""
    zones = areas[(areas["kind"] == "zone") & (areas["geometry_quality"] == "official")]
    return tuple(
        f"{z[name_col(lang)]}：{boundary_quality('official', z.get('geometry_source'), z.get('geometry_date'), lang)}"
        for _, z in zones.iterrows()
    )


def legend_html(
    lang: str,
    filtering: bool,
    single: tuple[str, str] | None,
    max_count: int,
    selected: bool,
    official: Sequence[str] = (),
    schematic: bool = True,
) -> str:
    """Every style on screen: counties, schematic and official zones, selected outline, host colours, dimmed areas."""
    entries = legend_entries(lang, filtering, single, max_count, selected, schematic=schematic, official=bool(official))
    notes = "".join(f'<div style="font-size:0.8em;margin-left:30px">{escape(o)}</div>' for o in official)
    rows = [
        _swatch(e.fill or "transparent", e.edge, e.dashed, e.opacity)
        + escape(e.label)
        + (notes if e.key == "zone-official" else "")
        for e in entries
    ]
    items = "".join(f'<div style="margin:2px 0">{r}</div>' for r in rows)
    note_text = t("schematic_note", lang) if schematic else ""
    note = f'<div style="font-size:0.8em;color:#555;margin-top:4px">{escape(note_text)}</div>'
    return f'<div class="sq-legend"><b>{escape(t("legend", lang))}</b>{items}{note}</div>'


def ramp_legend_html(title: str, low: str, high: str, lang: str) -> str:
    """Legend for a 0–1 value ramp (five equal steps), plus the zone and selected-area styles."""
    steps = "".join(
        f'<span style="display:inline-block;width:28px;height:14px;background:{c};border:1px solid #999"></span>'
        for c in VALUE_RAMP
    )
    rows = [
        f"<div><b>{escape(title)}</b></div>",
        f"<div>{escape(low)} {steps} {escape(high)}</div>",
        f'<div style="margin:2px 0">{_swatch("#FFFFFF", ZONE_LINE, dashed=True)}{escape(t("zone", lang))}</div>',
        f'<div style="margin:2px 0">{_swatch("transparent", SELECTED_LINE)}{escape(t("selected", lang))}</div>',
    ]
    return f'<div class="sq-legend">{"".join(rows)}</div>'
