"""The one call pages make to draw the map: base map (fetched once by the browser) plus compact per-rerun styles."""

from __future__ import annotations

from typing import Any

import folium
import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

from layers.base import BaseLayers, base_layers, base_map
from layers.restyle import AreaStyles, restyle_group

RETURNED = ["last_clicked", "last_object_clicked", "last_active_drawing"]


@st.cache_resource(show_spinner=False, max_entries=16)
def _layers(_geo: gpd.GeoDataFrame, geo_id: int, lang: str, basemap: str) -> BaseLayers:
    """Publish the areas once per (geometry frame, language, basemap) per server."""
    return base_layers(_geo, lang, basemap)


def draw_map(
    geo: gpd.GeoDataFrame,
    styles: AreaStyles,
    selected_area: str | None,
    lang: str,
    basemap: str,
    *,
    key: str,
    height: int = 620,
    tianditu_key: str = "",
) -> dict[str, Any] | None:
    """Draw the map; a rerun sends the same small base script (no re-mount) and only the restyle data.

    `geo` must be the same object across reruns (cache it); the clicked area's id comes back in the returned
    value (`last_active_drawing.properties.area_id`, see layers/clicks.py) and in st.session_state[key].
    """
    overlay = restyle_group(styles, selected_area)
    return draw_overlay_map(geo, overlay, lang, basemap, key=key, height=height, tianditu_key=tianditu_key)


def draw_overlay_map(
    geo: gpd.GeoDataFrame,
    overlay: folium.FeatureGroup,
    lang: str,
    basemap: str,
    *,
    key: str,
    height: int = 620,
    tianditu_key: str = "",
) -> dict[str, Any] | None:
    """Draw the map with a ready restyle layer (e.g. layers.selection.selection_group or layers.shading.value_group)."""
    layers = _layers(geo, id(geo), lang, basemap)
    return st_folium(
        base_map(layers, tianditu_key),
        feature_group_to_add=overlay,
        returned_objects=RETURNED,
        key=key,
        height=height,
        use_container_width=True,
    )
