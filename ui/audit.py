"""sq-layout — 规划审视 Plan audit: overlap, similarity, targets and the plan's internal inconsistencies.

Shares the one view state with the map page: language, and the selected area as the reference area.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import streamlit as st

from layers.charts import audit_matrix_spec, similarity_heatmap, targets_bar
from layers.legend import map_legend_html, ramp_legend_html
from layers.selection import selection_overlay
from layers.shading import value_overlay
from sq_layout.analysis.audit import LEVELS, agreement, consistency_audit, filter_audit, similarity
from sq_layout.analysis.audit_views import (
    discrepancies_view,
    pairs_view,
    similarity_long,
    spread_view,
    targets_view,
    text_checks_view,
    with_labels,
)
from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.analysis.views import single_legend
from sq_layout.i18n import Lang, headers, lang_column, name_col, t
from sq_layout.plan.dataset import Dataset
from sq_layout.viewstate import ViewState
from ui import state
from ui.shared import draw_map, language_switch, load, page_style, show_notes, version_notes, version_url
from ui.tables import show_table

ds, geo = load()
AREA_IDS = tuple(ds.areas["area_id"])
DEFAULT_REF = "sucheng"


def table(df: pd.DataFrame, lang: Lang, **kw: object) -> None:
    """A table with readable headers in the reader's language."""
    show_table(df, lang, **kw)


def picked_chain(event: object) -> int | None:
    """The chain id picked in the diagram (None when nothing, or a value naming no chain)."""
    points = getattr(getattr(event, "selection", None), "get", lambda _k: None)("pick") or []
    try:
        no = int(points[0]["chain_no"]) if points else None
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return no if no in set(ds.chains["chain_no"]) else None


def targets_tab(ds: Dataset, lang: Lang) -> None:
    """The targets of 表十一 by chain, sortable and charted, and where the plan's figures disagree."""
    st.markdown(f"**{t('targets_table', lang)}**")
    tv = targets_view(ds, lang)
    metrics = ["output_2020", "target_2023", "target_2025", "cagr_2020_2023_pct", "cagr_2020_2025_pct"]
    # the measure is kept as its code and the widget primed from it each run (the rule of ui/state.py): a widget whose
    # labels follow the language must never hand back a label of the other language as its value
    st.session_state["sort_code"] = st.session_state.get("sort_code", metrics[4])
    by = st.selectbox(
        t("sort_by", lang),
        metrics,
        key=state.bind("w_sort", st.session_state["sort_code"]),
        format_func=lambda m: headers([m], lang).get(m, m),
        on_change=lambda: st.session_state.update(sort_code=st.session_state["w_sort"]),
    )
    by = by if by in metrics else metrics[4]
    st.vega_lite_chart(targets_bar(tv, by, headers([by], lang).get(by, by), lang))
    shown_tv = tv.sort_values(by, ascending=False)
    shown_tv = shown_tv.assign(below_2020=shown_tv["below_2020"].map({True: t("yes", lang), False: ""}))
    table(shown_tv, lang)
    st.markdown(f"**{t('discrepancies', lang)}**")
    table(discrepancies_view(ds, lang), lang)


state.current(ds)
state.apply_click("amap", AREA_IDS, keep_selected=True)
view: ViewState = state.current(ds)
lang = view.lang
ref = view.area or DEFAULT_REF
page_style()
language_switch(view)
state.sync_url(view, version_url())
short = ds.areas.set_index("area_id")[lang_column("short_name", lang)]

st.title(t("audit_title", lang))
show_notes(lang)
version_notes(ds, lang)
tab_overlap, tab_targets, tab_consistency = st.tabs(
    [t("tab_overlap", lang), t("tab_targets", lang), t("tab_consistency", lang)]
)

with tab_overlap:
    mode_col, level_col = st.columns([3, 2])  # side by side: the map below starts high enough for a 1366×768 screen
    mode = mode_col.radio(
        t("map_mode", lang),
        ["similarity", "agreement", "chain"],
        key="mode",
        horizontal=True,
        format_func=lambda m: t(f"mode_{m}", lang),
    )
    level = level_col.radio(
        t("level", lang), LEVELS, key="level", horizontal=True, format_func=lambda v: t(f"level_{v}", lang)
    )
    map_col, diagram_col = st.columns([3, 2], gap="medium")
    with diagram_col:
        st.caption(t("diagram", lang))
        spec = json.loads(audit_matrix_spec(ds, lang, ref))
        event = st.vega_lite_chart(spec, on_select="rerun", key="bip", selection_mode=["pick"])
        chain_no = picked_chain(event)
    with map_col:
        st.selectbox(
            t("reference_area", lang),
            list(AREA_IDS),
            key=state.bind("w_ref", ref),
            format_func=lambda k: str(short[k]),
            on_change=state.on_area("w_ref"),
        )
        if mode == "similarity":
            fg = value_overlay(geo, similarity(ds, level)[ref], ref)
            legend = ramp_legend_html(
                t("mode_similarity", lang), t("similarity_low", lang), t("similarity_high", lang), lang
            )
        elif mode == "agreement":
            fg = value_overlay(geo, agreement(ds).set_index("area_id")["share"], ref)
            legend = ramp_legend_html(
                t("mode_agreement", lang), t("agreement_low", lang), t("agreement_high", lang), lang
            )
        else:
            sel = Selection(chains=(int(chain_no),)) if chain_no else Selection()
            summary, single = host_summary(ds, sel), single_legend(ds, sel, lang)
            fg = selection_overlay(geo, summary, not sel.empty, ref, single[1] if single else None)
            legend = map_legend_html(geo, summary, not sel.empty, single, True, lang)
            if chain_no:
                shown_chain = (int(chain_no),)
                st.button(
                    t("show_on_map", lang),
                    key="w_show_chain",
                    on_click=lambda: state.put(replace(state.current(ds), selection=Selection(chains=shown_chain))),
                )
        st.html(legend)  # above the map, as on the layout map: in view with it
        draw_map(lang, "none", "", fg, "amap", 480)
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown(f"**{t('spread', lang)}**")
        table(spread_view(ds, lang), lang, height=420)
    with right:
        st.vega_lite_chart(similarity_heatmap(similarity_long(ds, level, lang), list(short), t("alike", lang), lang))
        table(pairs_view(ds, level, lang), lang)

with tab_targets:
    targets_tab(ds, lang)

with tab_consistency:
    audit = consistency_audit(ds, lang)
    f1, f2 = st.columns(2)
    ph = t("choose", lang)
    areas = f1.multiselect(
        t("audit_filter_area", lang), list(short.index), key="fa", format_func=lambda k: str(short[k]), placeholder=ph
    )
    inds = ds.industries.set_index("industry_id")[name_col(lang)]
    industries = f2.multiselect(
        t("audit_filter_industry", lang), list(inds.index), key="fi", format_func=lambda k: str(inds[k]), placeholder=ph
    )
    shown = filter_audit(audit, areas, industries)
    st.caption(f"{len(shown)} / {len(audit)} {t('findings', lang)}")
    table(with_labels(shown.drop(columns=["area_id", "industry_id"]), lang), lang)
    st.markdown(f"**{t('text_checks', lang)}**")
    st.caption(t("text_checks_note", lang))
    table(text_checks_view(ds, lang), lang)

    def audit_xlsx() -> bytes:
        from sq_layout.export.audit_report import workbook_tables
        from sq_layout.export.dataexport import xlsx

        return xlsx(workbook_tables(ds, lang), lang)

    st.download_button(
        t("download_audit", lang),
        data=audit_xlsx,
        file_name=t("audit_file", lang),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key="dl-audit",
    )
