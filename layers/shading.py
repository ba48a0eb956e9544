"""A layer shading every area by a 0–1 value (similarity to one area, or source agreement)."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from sq_layout.style import SELECTED_LINE, VALUE_RAMP, value_bucket


def value_group(areas: gpd.GeoDataFrame, values: pd.Series, outlined: str | None = None) -> folium.FeatureGroup:
    """Fill each area by its value (VALUE_RAMP); outline one area; class names carry the bucket for tests."""
    fg = folium.FeatureGroup(name="values")
    for a in areas.itertuples():
        v = float(values.get(a.area_id, 0.0))
        b = value_bucket(v)
        style = {
            "fillColor": VALUE_RAMP[b],
            "fillOpacity": 0.85 if a.kind == "county" else 0.7,
            "color": "#555555",
            "weight": 1 if a.kind == "county" else 2,
            "dashArray": "6 4" if a.kind == "zone" else None,
            "className": f"sq-overlay sq-value sq-value-{a.area_id} sq-b{b}",
        }
        folium.GeoJson(a.geometry.__geo_interface__, style_function=lambda _f, s=style: s, interactive=False).add_to(fg)
    if outlined is not None and outlined in set(areas["area_id"]):
        geom = areas.loc[areas["area_id"] == outlined, "geometry"].iloc[0]
        style = {"fill": False, "color": SELECTED_LINE, "weight": 4, "className": f"sq-overlay sq-selected-{outlined}"}
        folium.GeoJson(geom.__geo_interface__, style_function=lambda _f, s=style: s, interactive=False).add_to(fg)
    return fg
