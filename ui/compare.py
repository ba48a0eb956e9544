"""Compare two areas side by side: shared and unique industries, sub-industries and chains, with their sources."""

from __future__ import annotations

import streamlit as st

from sq_layout.analysis.area_summary import compare_areas
from sq_layout.analysis.views import area_names
from sq_layout.i18n import headers, label, t
from sq_layout.plan.dataset import Dataset
from sq_layout.viewstate import ViewState
from ui import state
from ui.tables import show_table


def compare_tab(ds: Dataset, view: ViewState) -> None:
    """Area A is the selected area, B is picked here; then the comparison table."""
    lang = view.lang
    names = area_names(ds, lang)
    options = ["", *names]

    def fmt(a: str) -> str:
        return names[a] if a else t("pick_area", lang)

    c1, c2 = st.columns(2)
    # A is the area selected on the map or the picker above it: one picker for it, not two (each sends every name)
    c1.markdown(f"**{t('area_a', lang)}**  \n{fmt(view.area) if view.area else '—'}")
    c1.caption(t("area_a_is_selected", lang))
    c2.selectbox(
        t("area_b", lang),
        options,
        key=state.bind("w_cmp_b", view.compare or ""),
        format_func=fmt,
        on_change=state.on_compare("w_cmp_b"),
    )
    if not (view.area and view.compare):
        st.caption(t("compare_hint", lang))  # a caption: the panel above already carries the page's one hint box
        return
    if view.area == view.compare:
        st.info(t("compare_same", lang))
        return
    table = compare_areas(ds, view.area, view.compare, lang)
    counts = table["status"].value_counts()
    a, b = names[view.area], names[view.compare]
    st.markdown(
        f"**{a}** ↔ **{b}** · {label('shared', lang)} {counts.get(label('shared', lang), 0)} · "
        f"{t('only_in', lang).format(a)} {counts.get(label('only_a', lang), 0)} · "
        f"{t('only_in', lang).format(b)} {counts.get(label('only_b', lang), 0)}"
    )
    cols = headers(list(table.columns), lang)
    colon = t("punct_colon", lang)
    cols["in_a"] = f"{a}{colon}{t('sources_word', lang)}"
    cols["in_b"] = f"{b}{colon}{t('sources_word', lang)}"
    show_table(table.rename(columns=cols), height=420)
