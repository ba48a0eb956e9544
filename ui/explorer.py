"""The explorer page: map, details panel, filters, overlap tab and exports (widgets and layout only)."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from layers.assets import ensure_leaflet
from layers.charts import hosts_bar, matrix_heatmap
from layers.clicks import interpret_click
from layers.legend import legend_html
from layers.panel import area_panel_html
from layers.selection import area_styles
from sq_layout.analysis.overlap import hosts_per_chain
from sq_layout.analysis.queries import Selection, host_summary, selection_chains, selection_color
from sq_layout.analysis.views import (
    area_panel,
    host_counts_view,
    hosts_table,
    matrix_long,
    nested_view,
    shared_pairs_view,
    single_legend,
)
from sq_layout.export.dataexport import export_bytes
from sq_layout.geo.simplify import browser_geometry
from sq_layout.i18n import label, name_col, t
from sq_layout.plan.dataset import Dataset, bundled
from sq_layout.plan.join import areas_frame
from sq_layout.printing.atlas import build_atlas, png_zip
from sq_layout.printing.printmap import FORMATS, PrintSpec, map_bytes, map_title
from sq_layout.viewstate import BASEMAPS, ViewState, encode_view, parse_view
from ui.map_widget import draw_map


@st.cache_resource
def load() -> tuple[Dataset, object]:
    ensure_leaflet()
    ds = bundled()
    return ds, browser_geometry(areas_frame(ds))


MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "zip": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
    "gpkg": "application/geopackage+sqlite3",
}
ATLAS_ROOT = Path(__file__).resolve().parents[1] / "out"


def download(label: str, data, file_name: str, key: str) -> None:
    """A full-width download button whose file is generated only when clicked."""
    mime = MIME[file_name.rsplit(".", 1)[1]]
    st.download_button(label, data=data, file_name=file_name, mime=mime, on_click="ignore", width="stretch", key=key)


def export_panel(ds: Dataset, sel: Selection, area: str | None, lang: str) -> None:
    """Downloads for the current view: a print map, its data, and the whole atlas."""
    st.markdown(f"**{t('export_map', lang)}**")
    title = st.text_input(t("map_title", lang), value=map_title(ds, sel, area, lang), key=f"title-{lang}-{sel}-{area}")
    c1, c2 = st.columns(2)
    fmt = c1.selectbox(t("format", lang), FORMATS, key="fmt", format_func=str.upper)
    paper = c2.selectbox(t("paper", lang), ["a4", "a3"], key="paper", format_func=str.upper)
    orient = c1.selectbox(
        t("orientation", lang), ["landscape", "portrait"], key="orient", format_func=lambda o: t(o, lang)
    )
    dpi = c2.number_input(t("dpi", lang), 72, 600, 300, step=50, key="dpi")
    spec = PrintSpec(paper, orient, int(dpi), lang, title or None)
    download(t("download_map", lang), lambda: map_bytes(ds, sel, area, spec, fmt), f"sq-layout-map.{fmt}", "dl-map")
    st.markdown(f"**{t('export_data', lang)}**")
    d1, d2 = st.columns(2)
    dfmt = d1.selectbox(t("format", lang), ["xlsx", "csv", "geojson", "gpkg"], key="dfmt", format_func=str.upper)
    whole = d2.radio(
        t("scope", lang), [False, True], key="scope", format_func=lambda w: t("scope_all" if w else "scope_view", lang)
    )
    suffix = "zip" if dfmt == "csv" else dfmt
    download(
        t("download_data", lang),
        lambda: export_bytes(dfmt, ds, sel, area, lang, whole),
        f"sq-layout-{'all' if whole else 'view'}.{suffix}",
        "dl-data",
    )
    st.markdown(f"**{t('atlas', lang)}**")
    out = ATLAS_ROOT / f"atlas-{lang}"
    if st.button(t("build_atlas", lang), width="stretch", key="atlas"):
        bar = st.progress(0.0)
        build_atlas(
            ds,
            out,
            PrintSpec(orientation="portrait", dpi=150, lang=lang),
            progress=lambda i, n, title: bar.progress(i / n, text=f"{i}/{n} {title}"),
        )
        st.success(t("atlas_done", lang))
    if (out / "atlas.pdf").exists():
        download(t("download_pdf", lang), lambda: (out / "atlas.pdf").read_bytes(), "sq-layout-atlas.pdf", "dl-atlas")
        download(t("download_pngs", lang), lambda: png_zip(out), "sq-layout-atlas-png.zip", "dl-atlas-png")


ds, geo = load()


ss = st.session_state
if "view" not in ss:  # first run of a session: restore the view from the URL
    ss.view, dropped = parse_view(dict(st.query_params), ds)
    ss.dropped = dropped
    ss.handled_click = None
    v: ViewState = ss.view
    ss.lang, ss.tier, ss.ind = v.lang, list(v.selection.tiers), list(v.selection.industries)
    ss.sub, ss.chain, ss.area, ss.base = list(v.selection.subindustries), list(v.selection.chains), v.area, v.basemap

# A click on the map arrives through the component's on_change before this rerun.
click = interpret_click(ss.get("sqmap"), ss.area, ss.handled_click)
ss.area, ss.handled_click = click.selected, click.handled_click

lang = ss.lang
ind_names = ds.industries.set_index("industry_id")[name_col(lang)]
sub_names = ds.subindustries.set_index("subindustry_id")[name_col(lang)]
chain_names = ds.chains.set_index("chain_no")[name_col(lang)]

with st.sidebar:
    st.radio(
        t("lang", lang), ["zh", "en"], key="lang", format_func={"zh": "中文", "en": "English"}.get, horizontal=True
    )
    st.subheader(t("filters", lang))
    st.multiselect(t("tier", lang), ["dominant", "leading"], key="tier", format_func=lambda v: label(v, lang))
    st.multiselect(t("industry", lang), list(ind_names.index), key="ind", format_func=ind_names.get)
    st.multiselect(t("subindustry", lang), list(sub_names.index), key="sub", format_func=sub_names.get)
    st.multiselect(
        t("chain", lang), list(chain_names.index), key="chain", format_func=lambda c: f"{c}. {chain_names[c]}"
    )
    st.selectbox(t("basemap", lang), BASEMAPS, key="base", format_func=lambda b: t(f"basemap_{b}", lang))
    clear = st.button(t("clear", lang), width="stretch")
    if clear:
        for k in ("tier", "ind", "sub", "chain"):
            ss[k] = []
        ss.area = None
        st.rerun()

sel = Selection(tuple(ss.tier), tuple(ss.ind), tuple(ss.sub), tuple(int(c) for c in ss.chain))
view = ViewState(lang=lang, selection=sel, area=ss.area, basemap=ss.base)
with st.sidebar, st.expander(t("export", lang)):
    export_panel(ds, sel, view.area, lang)
st.query_params.from_dict(encode_view(view))


def secret(name: str) -> str:
    """An environment variable, else a Streamlit secret, else ''."""
    try:
        return os.environ.get(name) or st.secrets.get(name, "")
    except StreamlitSecretNotFoundError:
        return ""


tianditu_key = secret("TIANDITU_KEY")
basemap = view.basemap if (view.basemap != "tianditu" or tianditu_key) else "none"
summary = host_summary(ds, sel)
color = selection_color(ds, sel)

st.title(t("title", lang))
st.caption(t("subtitle", lang) + " · " + t("source_note", lang))
if ss.dropped:  # values from the URL are shown as plain text, never as markup
    st.warning(t("url_dropped", lang))
    st.text(", ".join(ss.dropped))
if view.basemap == "tianditu" and not tianditu_key:
    st.info(t("tianditu_missing", lang))
if basemap == "amap":
    st.info(t("amap_note", lang))

map_col, side_col = st.columns([3, 2], gap="medium")
with map_col:
    st.caption(t("click_hint", lang))
    draw_map(
        geo,
        area_styles(geo, summary, not sel.empty, color, lang),
        view.area,
        lang,
        basemap,
        key="sqmap",
        height=620,
        tianditu_key=tianditu_key,
    )
    max_n = int(summary["n_selected"].max()) if len(summary) else 0
    st.markdown(
        legend_html(lang, not sel.empty, single_legend(ds, sel, lang), max_n, view.area is not None),
        unsafe_allow_html=True,
    )

with side_col:
    tab_area, tab_hosts, tab_overlap = st.tabs([t("details", lang), t("hosts_table", lang), t("overlap", lang)])
    with tab_area:
        if view.area is None:
            st.info(t("click_hint", lang))
        else:
            colors = dict(zip(ds.industries[name_col(lang)], ds.industries["color"], strict=True))
            st.html(area_panel_html(area_panel(ds, view.area, lang), lang, colors))
    with tab_hosts:
        if sel.empty:
            st.info(t("no_selection", lang))
        else:
            st.dataframe(host_counts_view(ds, sel, lang), hide_index=True, width="stretch")
            st.dataframe(hosts_table(ds, sel, lang), hide_index=True, width="stretch")
    with tab_overlap:
        chains = selection_chains(ds, sel)
        st.altair_chart(hosts_bar(hosts_per_chain(ds, chains), name_col(lang), t("hosts_per_chain", lang)))
        st.altair_chart(matrix_heatmap(matrix_long(ds, chains, lang), t("matrix", lang)))
        st.markdown(f"**{t('shared_pairs', lang)}**")
        st.dataframe(shared_pairs_view(ds, chains, lang), hide_index=True, width="stretch")
        st.markdown(f"**{t('nested_repeats', lang)}**")
        st.dataframe(nested_view(ds, chains, lang), hide_index=True, width="stretch")
