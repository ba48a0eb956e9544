"""What changes between reruns: the thematic opening view, host fills and dimming, the selected outline.

Which fill each area gets is decided once for the web and print maps (sq_layout/fills.py); this module turns those
fills into the map's compact palette and the SVG class names tests and the label script look for.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from layers.geostore import order_key
from layers.identity_cache import by_identity
from layers.restyle import AreaStyles, Overlay, Paint, area_overlay, encode
from sq_layout.fills import AreaFill, map_fills

# SVG classes per role ({id} is filled in by the map script); the base style keeps the area's own classes.
CLASSES = {
    "theme": "sq-theme sq-t{level}",
    "host": "sq-host sq-host-{{id}} sq-n{level}",
    "hole": "sq-dim sq-dim-{{id}} sq-dim-zone",
    "dim": "sq-dim sq-dim-{{id}}",
}


def styles_of(areas: gpd.GeoDataFrame, fills: list[AreaFill]) -> AreaStyles:
    """The palette (one entry per distinct fill) and per-area indices of the given fills; base fills keep DEFAULT."""
    palette: list[Paint] = []
    slots: dict[AreaFill, int] = {}
    indices: list[int | None] = []
    for f in fills:
        if f.role == "base":
            indices.append(None)
            continue
        if f not in slots:
            slots[f] = len(palette)
            palette.append(Paint(f.fill, f.opacity, CLASSES[f.role].format(level=f.level), emphasis=f.role == "host"))
        indices.append(slots[f])
    return AreaStyles(tuple(palette), encode(indices), order_key(list(areas["area_id"])))


@by_identity(32)  # every rerun draws the map: at national scale the fills of 2,870 areas cost tens of ms
def area_styles(
    areas: gpd.GeoDataFrame, summary: pd.DataFrame, filtering: bool, single_color: str | None
) -> AreaStyles:
    """Host styles while filtering, else the thematic opening view."""
    return styles_of(areas, map_fills(areas, summary, filtering, single_color))


def thematic_styles(areas: gpd.GeoDataFrame) -> AreaStyles:
    """The opening view: every area shaded by how many industries the plan assigns it (sq_layout.fills)."""
    return area_styles(areas, pd.DataFrame(), False, None)


def host_styles(areas: gpd.GeoDataFrame, summary: pd.DataFrame, single_color: str | None) -> AreaStyles:
    """Hosts filled (the single item's colour, or a shade by count), non-hosts dimmed; non-host zones left white."""
    return area_styles(areas, summary, True, single_color)


def selection_overlay(
    areas: gpd.GeoDataFrame,
    summary: pd.DataFrame,
    filtering: bool,
    selected: str | None,
    single_color: str | None,
) -> Overlay:
    """Hosts filled (industry colour, or a shade by count), the rest dimmed, the selected area outlined."""
    return area_overlay(area_styles(areas, summary, filtering, single_color), selected)
