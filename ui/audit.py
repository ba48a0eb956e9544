"""sq-layout — 规划审视 Plan audit: overlap, similarity, targets and the plan's internal inconsistencies."""

from __future__ import annotations

import altair as alt
import streamlit as st
from streamlit_folium import st_folium

from layers.assets import ensure_leaflet
from layers.base import base_layers, base_map
from layers.charts import matrix_heatmap
from layers.clicks import interpret_click
from layers.legend import legend_html, ramp_legend_html
from layers.selection import selection_group
from layers.shading import value_group
from sq_layout.analysis.audit import LEVELS, agreement, consistency_audit, filter_audit, similarity
from sq_layout.analysis.audit_views import discrepancies_view, pairs_view, similarity_long, spread_view, targets_view
from sq_layout.analysis.queries import Selection, host_summary, selection_color
from sq_layout.analysis.views import matrix_long, single_legend
from sq_layout.export.audit_report import workbook_tables
from sq_layout.export.dataexport import xlsx
from sq_layout.geo.simplify import browser_geometry
from sq_layout.i18n import headers, name_col, t
from sq_layout.plan.join import areas_frame
from ui.versionpick import chosen_version, draft_badge, version_dataset, version_stamp


@st.cache_resource
def load(vid: int | None, stamp: int | None = None):
    ensure_leaflet()
    ds = version_dataset(vid)
    return ds, browser_geometry(areas_frame(ds))


def table(df, lang: str, **kw) -> None:
    st.dataframe(df.rename(columns=headers(list(df.columns), lang)), hide_index=True, width="stretch", **kw)


vid = chosen_version()
stamp = version_stamp(vid)  # a draft's revision: an edit makes the cached copies stale
ds, geo = load(vid, stamp)


@st.cache_resource
def map_layers(vid: int | None, lang: str, stamp: int | None = None):
    """Base-map data per language, built once per server."""
    return base_layers(geo, lang)


ss = st.session_state
ss.setdefault("a_area", "sucheng")
ss.setdefault("ref", ss.a_area)
ss.setdefault("a_handled", None)
lang = st.sidebar.radio(
    "语言 Language", ["zh", "en"], key="alang", horizontal=True, format_func={"zh": "中文", "en": "English"}.get
)
short = ds.areas.set_index("area_id")["short_name" if lang == "zh" else "short_name_en"]
chain_by_name = dict(zip(ds.chains[name_col(lang)], ds.chains["chain_no"], strict=True))

clicked = interpret_click(ss.get("amap"), ss.a_area, ss.a_handled)
ss.a_handled = clicked.handled_click
if clicked.selected:  # a map click picks the reference area (clicking it again keeps it)
    ss.a_area = ss.ref = clicked.selected

st.title(t("audit_title", lang))
draft_badge(ds, lang)
tab_overlap, tab_targets, tab_consistency = st.tabs(
    [t("tab_overlap", lang), t("tab_targets", lang), t("tab_consistency", lang)]
)

with tab_overlap:
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown(f"**{t('spread', lang)}**")
        table(spread_view(ds, lang), lang, height=420)
    with right:
        level = st.radio(
            t("level", lang), LEVELS, key="level", horizontal=True, format_func=lambda v: t(f"level_{v}", lang)
        )
        st.altair_chart(
            alt.Chart(similarity_long(ds, level, lang), title=t("alike", lang))
            .mark_rect()
            .encode(
                x=alt.X("b:N", sort=list(short), title=None),
                y=alt.Y("a:N", sort=list(short), title=None),
                color=alt.Color("similarity:Q", scale=alt.Scale(domain=[0, 1], scheme="blues"), title=""),
                tooltip=["a", "b", alt.Tooltip("similarity:Q", format=".2f")],
            )
            .properties(height=300)
        )
        table(pairs_view(ds, level, lang), lang)

    mode = st.radio(
        t("map_mode", lang),
        ["similarity", "agreement", "chain"],
        key="mode",
        horizontal=True,
        format_func=lambda m: t(f"mode_{m}", lang),
    )
    map_col, diagram_col = st.columns([3, 2], gap="medium")
    with diagram_col:
        st.caption(t("diagram", lang))
        long = matrix_long(ds, tuple(ds.chains["chain_no"]), lang, short=True)
        chosen = short[ss.a_area]
        pick = alt.selection_point(name="pick", fields=["chain"])
        chart = (
            matrix_heatmap(long[long["n_sources"] > 0], "")
            .encode(opacity=alt.condition(alt.datum.area == chosen, alt.value(1.0), alt.value(0.45)))
            .add_params(pick)
        )
        event = st.altair_chart(chart, on_select="rerun", key="bip", selection_mode=["pick"])
        picked = [p.get("chain") for p in (event.selection.get("pick") or [])] if event else []
        chain_no = chain_by_name.get(picked[0]) if picked else None
    with map_col:
        if mode == "similarity":
            st.selectbox(
                t("reference_area", lang),
                list(short.index),
                key="ref",
                format_func=short.get,
                on_change=lambda: ss.update(a_area=ss.ref),
            )
            fg = value_group(geo, similarity(ds, level)[ss.a_area], ss.a_area)
            legend = ramp_legend_html(
                t("mode_similarity", lang), t("similarity_low", lang), t("similarity_high", lang), lang
            )
        elif mode == "agreement":
            fg = value_group(geo, agreement(ds).set_index("area_id")["share"], ss.a_area)
            legend = ramp_legend_html(
                t("mode_agreement", lang), t("agreement_low", lang), t("agreement_high", lang), lang
            )
        else:
            sel = Selection(chains=(chain_no,)) if chain_no else Selection()
            fg = selection_group(geo, host_summary(ds, sel), not sel.empty, ss.a_area, selection_color(ds, sel))
            legend = legend_html(lang, not sel.empty, single_legend(ds, sel, lang), 1, True)
        st_folium(
            base_map(map_layers(vid, lang, stamp)),
            feature_group_to_add=fg,
            returned_objects=["last_clicked", "last_object_clicked", "last_active_drawing"],
            key="amap",
            height=520,
            use_container_width=True,
        )
        st.markdown(legend, unsafe_allow_html=True)

with tab_targets:
    st.markdown(f"**{t('targets_table', lang)}**")
    tv = targets_view(ds, lang)
    metrics = ["output_2020", "target_2023", "target_2025", "cagr_2020_2023_pct", "cagr_2020_2025_pct"]
    by = st.selectbox(
        t("sort_by", lang), metrics, key="sort", index=4, format_func=lambda m: headers([m], lang).get(m, m)
    )
    st.altair_chart(
        alt.Chart(tv)
        .mark_bar(color="#3182BD")
        .encode(
            x=alt.X(f"{by}:Q", title=headers([by], lang).get(by, by)),
            y=alt.Y("chain:N", sort="-x", title=None),
            tooltip=["chain", by],
        )
        .properties(height=22 * len(tv) + 30)
    )
    table(tv.sort_values(by, ascending=False), lang)
    st.markdown(f"**{t('discrepancies', lang)}**")
    table(discrepancies_view(ds), lang)

with tab_consistency:
    audit = consistency_audit(ds, lang)
    f1, f2 = st.columns(2)
    areas = f1.multiselect(t("audit_filter_area", lang), list(short.index), key="fa", format_func=short.get)
    inds = ds.industries.set_index("industry_id")[name_col(lang)]
    industries = f2.multiselect(t("audit_filter_industry", lang), list(inds.index), key="fi", format_func=inds.get)
    shown = filter_audit(audit, areas, industries)
    st.caption(f"{len(shown)} / {len(audit)} {t('findings', lang)}")
    table(shown.drop(columns=["area_id", "industry_id"]), lang)
    st.download_button(
        t("download_audit", lang),
        data=lambda: xlsx(workbook_tables(ds, lang), lang),
        file_name="sq-layout-audit.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key="dl-audit",
    )
