"""The legend, drawn as HTML beside the map (a branca colormap would pull d3 from a CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import geopandas as gpd

from layers.popups import boundary_quality
from sq_layout.i18n import name_col, t
from sq_layout.style import COUNT_RAMP, COUNTY_FILL, COUNTY_LINE, DIM_FILL, SELECTED_LINE, VALUE_RAMP, ZONE_LINE


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
    rows = [_swatch(COUNTY_FILL, COUNTY_LINE) + escape(t("county", lang))]
    if schematic:
        rows.append(_swatch("#FFFFFF", ZONE_LINE, dashed=True) + escape(t("zone", lang)))
    if official:
        notes = "".join(f'<div style="font-size:0.8em;margin-left:30px">{escape(o)}</div>' for o in official)
        rows.append(_swatch("#FFFFFF", ZONE_LINE) + escape(t("zone_official", lang)) + notes)
    if selected:
        rows.append(_swatch("transparent", SELECTED_LINE) + escape(t("selected", lang)))
    if filtering:
        if single:
            name, color = single
            rows.append(_swatch(color, color, opacity=0.75) + escape(name))
        else:
            for n in range(1, max(max_count, 1) + 1):
                shade = COUNT_RAMP[min(n, len(COUNT_RAMP)) - 1]
                suffix = "+" if n == len(COUNT_RAMP) and max_count > n else ""
                rows.append(_swatch(shade, shade, opacity=0.75) + f"{escape(t('hosts_n', lang))} = {n}{suffix}")
        rows.append(_swatch(DIM_FILL, DIM_FILL, opacity=0.55) + escape(t("dimmed", lang)))
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
