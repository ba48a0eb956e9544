"""Shade every area by a 0–1 value (similarity to one area, or source agreement) by restyling the drawn polygons."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from layers.restyle import Restyle
from sq_layout.style import SELECTED_LINE, VALUE_OPACITY, VALUE_RAMP, value_bucket


def value_group(areas: gpd.GeoDataFrame, values: pd.Series, outlined: str | None = None) -> folium.FeatureGroup:
    """Fill each area by its value (VALUE_RAMP); outline one area; class names carry the bucket for tests."""
    styles = {}
    for a in areas.itertuples():
        b = value_bucket(float(values.get(a.area_id, 0.0)))
        style = {"fillColor": VALUE_RAMP[b], "fillOpacity": VALUE_OPACITY[a.kind != "county"]}
        classes = ["sq-value", f"sq-value-{a.area_id}", f"sq-b{b}"]
        if a.area_id == outlined:
            style |= {"color": SELECTED_LINE, "weight": 4}
            classes.append(f"sq-selected-{a.area_id}")
        styles[a.area_id] = {"style": style, "classes": classes}
    fg = folium.FeatureGroup(name="values")
    Restyle(styles).add_to(fg)
    return fg
