"""Which fill each area gets on a map: the one rule the web map (layers/selection.py) and the print map
(sq_layout/printing) both draw, each fill tied to the legend row that explains it (sq_layout/legend.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from sq_layout.i18n import Lang
from sq_layout.legend import LegendEntry, legend_entries, theme_bins, theme_class, theme_colors
from sq_layout.style import (
    COUNT_RAMP,
    COUNTY_FILL,
    COUNTY_OPACITY,
    DIM_FILL,
    DIM_OPACITY,
    HOST_OPACITY,
    NOT_HOST_ZONE,
    NOT_HOST_ZONE_OPACITY,
    THEME_OPACITY,
    ZONE_OPACITY,
    count_color,
)

ZONE_BASE_FILL = "#FFFFFF"  # an unfilled zone: a faint white veil over its county


@dataclass(frozen=True)
class AreaFill:
    """One area's fill: its role (base, theme, host, dim, hole), colour, opacity, level (theme class or number of
    selected items hosted) and the key of the legend row that explains it."""

    role: str
    fill: str
    opacity: float
    level: int = 0
    legend_key: str = ""


def base_fill(kind: str) -> AreaFill:
    """The style an area has before any theme or selection: counties beige, zones a faint white veil."""
    if kind == "zone":
        return AreaFill("base", ZONE_BASE_FILL, ZONE_OPACITY)
    return AreaFill("base", COUNTY_FILL, COUNTY_OPACITY, legend_key="theme-none")


def theme_fills(kinds: Sequence[str], n_industries: Sequence[int]) -> list[AreaFill]:
    """The opening view: every area shaded by how many industries the plan assigns it (0: its base style)."""
    bins = theme_bins(max(n_industries, default=0))
    colors = theme_colors(len(bins))
    out = []
    for kind, n in zip(kinds, n_industries, strict=True):
        i = theme_class(n, bins)
        out.append(base_fill(kind) if i is None else AreaFill("theme", colors[i], THEME_OPACITY, i, f"theme-{i}"))
    return out


def host_fills(kinds: Sequence[str], n_selected: Sequence[int], single_color: str | None) -> list[AreaFill]:
    """While filtering: hosts in the single item's colour (or a shade by how many they host), other counties dimmed,
    other zones left white so that they read as holes in a hosting county."""
    out = []
    for kind, n in zip(kinds, n_selected, strict=True):
        zone = kind == "zone"
        if n:
            key = "host" if single_color else f"count-{min(n, len(COUNT_RAMP))}"
            out.append(AreaFill("host", single_color or count_color(n), HOST_OPACITY[zone], n, key))
        elif zone:
            out.append(AreaFill("hole", NOT_HOST_ZONE, NOT_HOST_ZONE_OPACITY, 0, "zone-hole"))
        else:
            out.append(AreaFill("dim", DIM_FILL, DIM_OPACITY[0], 0, "dimmed"))
    return out


def industry_counts(areas: pd.DataFrame) -> list[int]:
    """Industries the plan assigns each area, in the frame's order (0 where the frame does not say)."""
    return areas["n_industries"].astype(int).tolist() if "n_industries" in areas else [0] * len(areas)


def selected_counts(areas: pd.DataFrame, summary: pd.DataFrame) -> list[int]:
    """How many of the selected items each area hosts, in the frame's order (summary: area_id, n_selected)."""
    counts = dict(zip(summary["area_id"].tolist(), summary["n_selected"].tolist(), strict=True)) if len(summary) else {}
    return [int(counts.get(a, 0)) for a in areas["area_id"].tolist()]


def map_fills(areas: pd.DataFrame, summary: pd.DataFrame, filtering: bool, single_color: str | None) -> list[AreaFill]:
    """Every area's fill in the frame's order: host fills while filtering, else the thematic opening view."""
    kinds = [str(k) for k in areas["kind"].tolist()]
    if filtering:
        return host_fills(kinds, selected_counts(areas, summary), single_color)
    return theme_fills(kinds, industry_counts(areas))


@dataclass(frozen=True)
class MapFacts:
    """What a map's legend needs from its areas: schematic and official zones, industries per area, any zones."""

    schematic: bool
    official: bool
    theme_counts: tuple[int, ...]
    has_zones: bool


def map_facts(areas: pd.DataFrame) -> MapFacts:
    """The legend facts of an areas frame (zones drawn dashed unless their boundary is official)."""
    quality = areas.loc[areas["kind"] == "zone", "geometry_quality"]
    return MapFacts(
        bool((quality == "schematic").any()),
        bool((quality == "official").any()),
        tuple(industry_counts(areas)),
        len(quality) > 0,
    )


def map_legend(
    facts: MapFacts,
    lang: Lang,
    filtering: bool,
    single: tuple[str, str] | None,
    max_count: int,
    selected: bool,
) -> list[LegendEntry]:
    """The legend rows of a map drawn with map_fills (web and print alike)."""
    return legend_entries(
        lang,
        filtering,
        single,
        max_count,
        selected,
        schematic=facts.schematic,
        official=facts.official,
        theme_counts=facts.theme_counts,
        zone_holes=facts.has_zones,
    )
