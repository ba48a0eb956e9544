"""The one call pages make to draw the map: a frame that builds the base map once and then receives only overlays."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import streamlit as st
import streamlit.components.v1 as components

from layers.assets import STATIC_DIR, keep_in_use
from layers.base import base_layers, mount_files, publish_mount
from layers.restyle import AreaStyles, Overlay, area_overlay
from sq_layout.i18n import Lang, t

# Served by Streamlit from static/mapframe (index.html); its URL names it "ui.map_widget.sqmap".
_frame = components.declare_component("sqmap", path=str(STATIC_DIR / "mapframe"))


@st.cache_resource(show_spinner=False, max_entries=16)
def _mount(_geo: gpd.GeoDataFrame, geo_id: int, lang: Lang, basemap: str) -> tuple[str, tuple[str, ...]]:
    """Publish the areas and the mount file once per (geometry frame, language, basemap) per server: its URL and
    every file it uses."""
    layers = base_layers(_geo, lang, basemap)
    url = publish_mount(layers)
    return url, mount_files(layers, url)


def mount_url(geo: gpd.GeoDataFrame, lang: Lang, basemap: str) -> str:
    """The mount file's URL, its files marked in use; published again if a long-lived server pruned them meanwhile."""
    url, files = _mount(geo, id(geo), lang, basemap)
    if not keep_in_use(files):
        _mount.clear()
        url, files = _mount(geo, id(geo), lang, basemap)
    return url


def draw_map(
    geo: gpd.GeoDataFrame,
    styles: AreaStyles,
    selected_area: str | None,
    lang: Lang,
    basemap: str,
    *,
    key: str,
    height: int = 620,
    tianditu_key: str = "",
) -> dict[str, Any] | None:
    """Draw the map styled by `styles` with one area outlined (see draw_overlay_map)."""
    return draw_overlay_map(
        geo, area_overlay(styles, selected_area), lang, basemap, key=key, height=height, tianditu_key=tianditu_key
    )


def draw_overlay_map(
    geo: gpd.GeoDataFrame,
    overlay: Overlay,
    lang: Lang,
    basemap: str,
    *,
    key: str,
    height: int = 620,
    tianditu_key: str = "",
) -> dict[str, Any] | None:
    """Draw the map with an overlay (layers.selection.selection_overlay, layers.shading.value_overlay, …).

    `geo` must be the same object across reruns (cache it). A rerun sends the mount file's URL and the overlay; the
    frame rebuilds the base map only when that URL changes. The clicked area's id comes back in the returned value
    (`last_active_drawing.properties.area_id`, see layers/clicks.py) and in st.session_state[key].
    """
    return draw_args(frame_args(geo, overlay, lang, basemap, height=height, tianditu_key=tianditu_key), key)


def draw_args(args: dict[str, Any], key: str) -> dict[str, Any] | None:
    """Send the frame its arguments (frame_args); the value it reports back (a click)."""
    value: dict[str, Any] | None = _frame(**args, key=key, default=None)
    return value


def frame_args(
    geo: gpd.GeoDataFrame, overlay: Overlay, lang: Lang, basemap: str, *, height: int, tianditu_key: str
) -> dict[str, Any]:
    """What the frame is sent: the mount file's URL, the overlay, the height asked for, the failure text, a key."""
    return {
        "mount": mount_url(geo, lang, basemap),
        "overlay": overlay.args(),
        "height": height,
        "failed": t("map_load_failed", lang),
        "tk": tianditu_key if basemap == "tianditu" else "",
    }
