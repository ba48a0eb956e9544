"""What changes between reruns: the thematic opening view, host fills and dimming, the selected outline."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from layers.geostore import order_key
from layers.restyle import AreaStyles, Paint, encode, restyle_group
from sq_layout.i18n import t
from sq_layout.style import COUNT_RAMP, DIM_FILL, DIM_OPACITY, HOST_OPACITY, count_color

# Opening view: industries per area, light to dark (distinct from the purple host shades).
THEME_RAMP = ("#E5F5E0", "#A1D99B", "#74C476", "#31A354", "#006D2C")
NOT_HOST_ZONE = "#FFFFFF"  # a zone that does not host reads as a hole in its (possibly hosting) county


def _bins(max_n: int) -> list[tuple[int, int]]:
    """Up to five classes of industry counts: one per value when few, equal steps otherwise."""
    if max_n <= len(THEME_RAMP):
        return [(n, n) for n in range(1, max_n + 1)]
    step = -(-max_n // len(THEME_RAMP))
    return [(lo, min(lo + step - 1, max_n)) for lo in range(1, max_n + 1, step)]


def thematic_styles(areas: gpd.GeoDataFrame, lang: str) -> AreaStyles:
    """The opening view: every area shaded by how many industries the plan assigns it."""
    counts = areas["n_industries"].astype(int).tolist() if "n_industries" in areas else [0] * len(areas)
    bins = _bins(max(counts, default=0))
    ramp = THEME_RAMP[-len(bins) :] if len(bins) < 3 else THEME_RAMP[: len(bins)]
    palette = tuple(Paint(ramp[i], 0.8, f"sq-theme sq-t{i}") for i in range(len(bins)))
    indices: list[int | None] = []
    for n in counts:
        indices.append(next((i for i, (lo, hi) in enumerate(bins) if lo <= n <= hi), None))
    unit = t("theme_industries_n", lang)
    legend = tuple(
        (ramp[i], f"{lo} {unit}" if lo == hi else f"{lo}–{hi} {unit}", False) for i, (lo, hi) in enumerate(bins)
    )
    return AreaStyles(palette, encode(indices), order_key(list(areas["area_id"])), t("theme_industries", lang), legend)


def host_styles(areas: gpd.GeoDataFrame, summary: pd.DataFrame, single_color: str | None, lang: str) -> AreaStyles:
    """Hosts filled (the single item's colour, or a shade by count), non-hosts dimmed; non-host zones left white."""
    counts = summary.set_index("area_id")["n_selected"] if len(summary) else pd.Series(dtype=int)
    palette: list[Paint] = []
    slots: dict[tuple, int] = {}

    def slot(key: tuple, paint: Paint) -> int:
        if key not in slots:
            slots[key] = len(palette)
            palette.append(paint)
        return slots[key]

    indices: list[int | None] = []
    for a in areas.itertuples():
        n = int(counts.get(a.area_id, 0))
        zone = a.kind == "zone"
        if n:
            color = single_color or count_color(n)
            cls = f"sq-host sq-host-{{id}} sq-n{n}"
            indices.append(slot(("host", color, zone, n), Paint(color, HOST_OPACITY[zone], cls, emphasis=True)))
        elif zone:
            indices.append(slot(("dim", True), Paint(NOT_HOST_ZONE, 0.92, "sq-dim sq-dim-{id} sq-dim-zone")))
        else:
            indices.append(slot(("dim", False), Paint(DIM_FILL, DIM_OPACITY[0], "sq-dim sq-dim-{id}")))
    shown = sorted({int(n) for n in counts if n})
    if single_color:
        legend = [(single_color, t("hosting", lang), False)]
    else:
        legend = [
            (count_color(n), f"{n}{'+' if n >= len(COUNT_RAMP) and max(shown) > n else ''}", False)
            for n in shown
            if n <= len(COUNT_RAMP)
        ]
    legend += [(DIM_FILL, t("not_hosting", lang), False), (NOT_HOST_ZONE, t("host_zone_not", lang), True)]
    title = t("host_n", lang) if not single_color else t("legend", lang)
    return AreaStyles(tuple(palette), encode(indices), order_key(list(areas["area_id"])), title, tuple(legend))


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
