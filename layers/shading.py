"""Shade every area by a 0–1 value (similarity to one area, or source agreement) by restyling the drawn areas."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from layers.geostore import order_key
from layers.restyle import AreaStyles, Overlay, Paint, area_overlay, encode
from sq_layout.style import VALUE_OPACITY, VALUE_RAMP, value_bucket


def value_styles(areas: gpd.GeoDataFrame, values: pd.Series) -> AreaStyles:
    """One fill per VALUE_RAMP bucket and area kind; class names carry the bucket for tests."""
    palette: list[Paint] = []
    slots: dict[tuple[int, bool], int] = {}
    indices: list[int | None] = []
    for a in areas.itertuples():
        b = value_bucket(float(values.get(a.area_id, 0.0)))
        key = (b, a.kind == "county")
        if key not in slots:
            slots[key] = len(palette)
            palette.append(Paint(VALUE_RAMP[b], VALUE_OPACITY[not key[1]], f"sq-value sq-value-{{id}} sq-b{b}"))
        indices.append(slots[key])
    return AreaStyles(tuple(palette), encode(indices), order_key(list(areas["area_id"])))


def value_overlay(areas: gpd.GeoDataFrame, values: pd.Series, outlined: str | None = None) -> Overlay:
    """Fill each area by its value (VALUE_RAMP); outline one area."""
    return area_overlay(value_styles(areas, values), outlined)
