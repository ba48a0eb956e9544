"""What changes between reruns: host fills, dimming and the selected outline — restyling the drawn polygons."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from layers.restyle import Restyle
from sq_layout.style import DIM_FILL, DIM_OPACITY, HOST_OPACITY, SELECTED_LINE, count_color


def selection_group(
    areas: gpd.GeoDataFrame, summary: pd.DataFrame, filtering: bool, selected: str | None, single_color: str | None
) -> folium.FeatureGroup:
    """Hosts filled (industry colour, or a shade by count), the rest dimmed, the selected area outlined."""
    styles: dict[str, dict] = {}
    counts = summary.set_index("area_id")["n_selected"] if len(summary) else pd.Series(dtype=int)
    for a in areas.itertuples():
        style: dict = {}
        classes: list[str] = []
        if filtering:
            n = int(counts.get(a.area_id, 0))
            if n:
                color = single_color or count_color(n)
                style = {"fillColor": color, "fillOpacity": HOST_OPACITY[a.kind != "county"]}
                classes = ["sq-host", f"sq-host-{a.area_id}", f"sq-n{n}"]
            else:
                style = {"fillColor": DIM_FILL, "fillOpacity": DIM_OPACITY[a.kind != "county"]}
                classes = ["sq-dim", f"sq-dim-{a.area_id}"]
        if a.area_id == selected:
            style |= {"color": SELECTED_LINE, "weight": 4}
            classes.append(f"sq-selected-{a.area_id}")
        if style:
            styles[a.area_id] = {"style": style, "classes": classes}
    fg = folium.FeatureGroup(name="selection")
    Restyle(styles).add_to(fg)
    return fg
