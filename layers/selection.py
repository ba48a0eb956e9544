"""What changes between reruns: the thematic opening view, host fills and dimming, the selected outline."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from layers.geostore import order_key
from layers.restyle import AreaStyles, Paint, encode, restyle_group
from sq_layout.legend import theme_bins, theme_class, theme_colors
from sq_layout.style import (
    DIM_FILL,
    DIM_OPACITY,
    HOST_OPACITY,
    NOT_HOST_ZONE,
    NOT_HOST_ZONE_OPACITY,
    THEME_OPACITY,
    count_color,
)


def thematic_styles(areas: gpd.GeoDataFrame, lang: str = "zh") -> AreaStyles:
    """The opening view: every area shaded by how many industries the plan assigns it (classes: sq_layout.legend)."""
    counts = areas["n_industries"].astype(int).tolist() if "n_industries" in areas else [0] * len(areas)
    bins = theme_bins(max(counts, default=0))
    colors = theme_colors(len(bins))
    palette = tuple(Paint(colors[i], THEME_OPACITY, f"sq-theme sq-t{i}") for i in range(len(bins)))
    indices = [theme_class(n, bins) for n in counts]
    return AreaStyles(palette, encode(indices), order_key(list(areas["area_id"])))


def host_styles(
    areas: gpd.GeoDataFrame, summary: pd.DataFrame, single_color: str | None, lang: str = "zh"
) -> AreaStyles:
    """Hosts filled (the single item's colour, or a shade by count), non-hosts dimmed; non-host zones left white."""
    counts = dict(zip(summary["area_id"].tolist(), summary["n_selected"].tolist(), strict=True)) if len(summary) else {}
    palette: list[Paint] = []
    slots: dict[tuple, int] = {}

    def slot(key: tuple, paint: Paint) -> int:
        if key not in slots:
            slots[key] = len(palette)
            palette.append(paint)
        return slots[key]

    indices: list[int | None] = []
    for area_id, kind in zip(areas["area_id"].tolist(), areas["kind"].tolist(), strict=True):
        n = int(counts.get(area_id, 0))
        zone = kind == "zone"
        if n:
            color = single_color or count_color(n)
            cls = f"sq-host sq-host-{{id}} sq-n{n}"
            indices.append(slot(("host", color, zone, n), Paint(color, HOST_OPACITY[zone], cls, emphasis=True)))
        elif zone:
            paint = Paint(NOT_HOST_ZONE, NOT_HOST_ZONE_OPACITY, "sq-dim sq-dim-{id} sq-dim-zone")
            indices.append(slot(("dim", True), paint))
        else:
            indices.append(slot(("dim", False), Paint(DIM_FILL, DIM_OPACITY[0], "sq-dim sq-dim-{id}")))
    return AreaStyles(tuple(palette), encode(indices), order_key(list(areas["area_id"])))


def area_styles(
    areas: gpd.GeoDataFrame, summary: pd.DataFrame, filtering: bool, single_color: str | None, lang: str
) -> AreaStyles:
    """Host styles while filtering, else the thematic opening view."""
    return host_styles(areas, summary, single_color, lang) if filtering else thematic_styles(areas, lang)


def selection_group(
    areas: gpd.GeoDataFrame,
    summary: pd.DataFrame,
    filtering: bool,
    selected: str | None,
    single_color: str | None,
    lang: str = "zh",
) -> folium.FeatureGroup:
    """Hosts filled (industry colour, or a shade by count), the rest dimmed, the selected area outlined."""
    return restyle_group(area_styles(areas, summary, filtering, single_color, lang), selected)
