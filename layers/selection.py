"""What changes between reruns: host highlighting, dimming and the selected outline, as one FeatureGroup."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from sq_layout.style import DIM_FILL, SELECTED_LINE, count_color


def selection_group(
    areas: gpd.GeoDataFrame, summary: pd.DataFrame, filtering: bool, selected: str | None, single_color: str | None
) -> folium.FeatureGroup:
    """Hosts filled (industry colour, or a shade by count), the rest dimmed, the selected area outlined."""
    fg = folium.FeatureGroup(name="selection")
    if filtering:
        counts = summary.set_index("area_id")["n_selected"] if len(summary) else pd.Series(dtype=int)
        for a in areas.itertuples():
            n = int(counts.get(a.area_id, 0))
            if n:
                color = single_color or count_color(n)
                style = {"fillColor": color, "fillOpacity": 0.75, "color": color, "weight": 1}
                cls = f"sq-overlay sq-host sq-host-{a.area_id} sq-n{n}"
            else:
                style = {"fillColor": DIM_FILL, "fillOpacity": 0.55, "color": DIM_FILL, "weight": 0.5}
                cls = f"sq-overlay sq-dim sq-dim-{a.area_id}"
            if a.kind == "zone":
                style |= {"fillOpacity": style["fillOpacity"] * 0.8, "dashArray": "6 4", "weight": 2}
            _add(fg, a.geometry, style | {"className": cls})
    if selected is not None and selected in set(areas["area_id"]):
        geom = areas.loc[areas["area_id"] == selected, "geometry"].iloc[0]
        style = {"fill": False, "color": SELECTED_LINE, "weight": 4, "className": f"sq-overlay sq-selected-{selected}"}
        _add(fg, geom, style)
    return fg


def _add(fg: folium.FeatureGroup, geom, style: dict) -> None:
    folium.GeoJson(geom.__geo_interface__, style_function=lambda _f, s=style: s, interactive=False).add_to(fg)
