"""Bench page: the explorer's map alone (chain filter, map, click handling), to measure the map at any scale.

bench_scale runs it from a directory beside a link to ../static, as Streamlit serves static files next to the script.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.environ.get("SQ_LAYOUT_ROOT", os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import geopandas as gpd
import streamlit as st

from layers.assets import ensure_leaflet
from layers.clicks import interpret_click
from layers.selection import area_styles
from sq_layout.analysis.queries import Selection, host_summary, selection_color
from sq_layout.geo.simplify import cached_browser_geometry
from sq_layout.i18n import t
from sq_layout.plan.dataset import Dataset, bundled
from sq_layout.plan.join import areas_frame
from ui.map_widget import draw_map


@st.cache_resource
def load() -> tuple[Dataset, gpd.GeoDataFrame]:
    """Dataset and browser geometry, once per server."""
    ensure_leaflet()
    ds = bundled()
    return ds, cached_browser_geometry(areas_frame(ds))


ds, geo = load()
ss = st.session_state
ss.setdefault("area", None)
ss.setdefault("handled", None)
click = interpret_click(ss.get("sqmap"), ss.area, ss.handled)
ss.area, ss.handled = click.selected, click.handled_click
names = ds.chains.set_index("chain_no")["name"]
chains = st.multiselect(t("chain", "zh"), list(names.index), key="chain", format_func=lambda c: f"{c}. {names[c]}")
sel = Selection(chains=tuple(int(c) for c in chains))
summary = host_summary(ds, sel)
styles = area_styles(geo, summary, not sel.empty, selection_color(ds, sel))
draw_map(geo, styles, ss.area, "zh", "none", key="sqmap", height=620)
