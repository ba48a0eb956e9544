"""The explorer page: map with picker, export and link beside it; the answer panel; compare and overlap tabs."""

from __future__ import annotations

import os
import re

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from layers.legend import map_legend_html
from layers.panel import area_card_html, area_facts_html, overview_chips_html
from layers.selection import selection_overlay
from sq_layout.analysis.queries import host_summary
from sq_layout.analysis.views import area_names, chain_figures, hosts_table, single_legend
from sq_layout.i18n import Lang, headers, label, name_col, t
from sq_layout.viewstate import BASEMAPS, ViewState
from ui import state
from ui.shared import draw_map, language_switch, load, page_style, show_notes, version_notes, version_url
from ui.tables import html_table, show_table

ds, geo = load()
AREA_IDS = tuple(ds.areas["area_id"])
WIDE_CSS = """<style>
.block-container, [data-testid="stMainBlockContainer"] { padding-left: 1.5rem !important;
  padding-right: 1.5rem !important; max-width: none !important; }
.sq-t11 table { font-size: 0.85rem; width: 100%; }
.sq-t11 th, .sq-t11 td { padding: 0.25rem 0.4rem !important; }
.sq-t11 td:not(:first-child) { white-space: nowrap; }
</style>"""
UNIT = re.compile(r"\s*[（(][^（()）]*[)）]$")  # a header's trailing unit: （亿元）, (100m yuan)
PICKER_SHOWS_SELECTION_UP_TO = 300  # areas; above, the picker jumps to an area (see area_picker)
HOSTS_SHOWN = 100  # rows of the hosts table on the page; the export has them all


def secret(name: str) -> str:
    """An environment variable, else a Streamlit secret, else ''."""
    try:
        return os.environ.get(name) or str(st.secrets.get(name, ""))
    except StreamlitSecretNotFoundError:
        return ""


def sidebar(view: ViewState) -> None:
    """Language, basemap, 清除选择 and the filters (by id), all drawn from the state."""
    lang, sel = view.lang, view.selection
    language_switch(view)
    ind_names = ds.industries.set_index("industry_id")[name_col(lang)]
    sub_names = ds.subindustries.set_index("subindustry_id")[name_col(lang)]
    chain_names = ds.chains.set_index("chain_no")[name_col(lang)]
    ph = t("choose", lang)
    with st.sidebar:
        # the map's own controls first: on a 1366×768 screen they stay in sight beside the map
        st.selectbox(
            t("basemap", lang),
            BASEMAPS,
            key=state.bind("w_base", view.basemap),
            format_func=lambda b: t(f"basemap_{b}", lang),
            on_change=state.on_basemap("w_base"),
        )
        st.subheader(t("filters", lang))
        st.button(t("clear", lang), width="stretch", on_click=state.clear, key="w_clear")
        for field, key, text, options, fmt, value in (
            ("tiers", "w_tier", "tier", ["dominant", "leading"], lambda v: label(v, lang), sel.tiers),
            ("industries", "w_ind", "industry", list(ind_names.index), lambda v: str(ind_names[v]), sel.industries),
            (
                "subindustries",
                "w_sub",
                "subindustry",
                list(sub_names.index),
                lambda v: str(sub_names[v]),
                sel.subindustries,
            ),
            ("chains", "w_chain", "chain", list(chain_names.index), lambda c: f"{c}. {chain_names[c]}", sel.chains),
        ):
            st.multiselect(
                t(text, lang),
                options,
                key=state.bind(key, list(value)),
                format_func=fmt,
                placeholder=ph,
                on_change=state.on_filter(field, key),
            )


def area_picker(view: ViewState) -> None:
    """Select an area by name (with search): the same as clicking it on the map.

    With many areas the picker only jumps to an area and then shows its prompt again: its list (every name) then never
    changes, so the browser keeps it instead of receiving it again with each click.
    """
    names = area_names(ds, view.lang)
    jump = len(AREA_IDS) > PICKER_SHOWS_SELECTION_UP_TO
    empty = t("pick_area_jump" if jump else "whole_city", view.lang)
    st.selectbox(
        t("pick_area", view.lang),
        ["", *AREA_IDS],
        key=state.bind("w_area", "" if jump else (view.area or "")),
        format_func=lambda a: names[a] if a else empty,
        on_change=state.on_area("w_area", keep_on_empty=jump),
        label_visibility="collapsed",
    )


def city_overview(lang: Lang) -> None:
    """What the first screen's right panel says before anything is chosen: the plan in one card."""
    st.markdown(f"**{t('overview_title', lang)}**")
    st.caption(t("subtitle", lang))
    chips: list[tuple[object, object, object]] = []
    areas_of = ds.assignments.drop_duplicates(["area_id", "industry_id"])["industry_id"].value_counts()
    for r in ds.industries.itertuples():
        n = int(areas_of.get(r.industry_id, 0))
        chips.append(
            (r.color, getattr(r, name_col(lang)), f"{label(str(r.tier), lang)} · {t('n_areas', lang).format(n)}")
        )
    st.html(overview_chips_html(chips))  # the one chip builder: names escaped
    st.info(t("overview_hint", lang))


def hosts_view(view: ViewState) -> None:
    """Which areas host the selection; 表十一 figures once per chain, labelled city-wide, in 亿元."""
    lang, sel = view.lang, view.selection
    figs = chain_figures(ds, sel, lang).drop(columns="chain_no")
    for col in ("output_2020", "target_2023", "target_2025"):  # as printed in 表十一: 117.61, 850, 1000
        figs[col] = figs[col].map(lambda v: f"{v:g}")
    st.markdown(f"**{t('chain_figures', lang)}**")
    # the title names the unit (亿元), so the headers leave it out and stay within two lines in the panel
    heads = {k: UNIT.sub("", v) for k, v in headers(list(figs.columns), lang).items()}
    # a plain table (escaped): a few hundred bytes where a table widget sends a kilobyte or two of schema
    st.markdown(f'<div class="sq-t11">{html_table(figs.rename(columns=heads))}</div>', unsafe_allow_html=True)
    st.caption(t("citywide_note", lang))
    hosts = hosts_table(ds, sel, lang).drop(columns=["area_id", "chain_no"])
    st.markdown(f"**{t('hosts_table', lang)}** · {hosts['area'].nunique()}")
    if len(hosts) > HOSTS_SHOWN:
        st.caption(t("hosts_shown", lang).format(shown=HOSTS_SHOWN, total=len(hosts)))
    shown = hosts.head(HOSTS_SHOWN)
    show_table(shown, lang)


def answer(view: ViewState) -> None:
    """The first thing the right panel shows: the clicked area's card, else the hosts view, else the city."""
    lang = view.lang
    if view.area is not None:
        st.html(area_card_html(ds, view.area, lang))
        # the citations are one click away and only sent once opened: a click moves the card, not ~25 KB of passages
        folded = st.expander(t("facts_sources", lang), key="sq_facts", on_change="rerun")
        if folded.open:
            with folded:
                st.html(area_facts_html(ds, view.area, lang))
        if not view.selection.empty:
            with st.expander(t("hosts_table", lang)):
                hosts_view(view)
    elif not view.selection.empty:
        hosts_view(view)
    else:
        city_overview(lang)


state.current(ds)
state.apply_click("sqmap", AREA_IDS)  # a click arrives through the map's value before this rerun
view: ViewState = state.current(ds)
lang, sel = view.lang, view.selection
page_style()
sidebar(view)
state.sync_url(view, version_url())

tianditu_key = secret("TIANDITU_KEY")
basemap = view.basemap if (view.basemap != "tianditu" or tianditu_key) else "none"
st.title(t("title", lang))
show_notes(lang)
version_notes(ds, lang)
if view.basemap == "tianditu" and not tianditu_key:
    st.info(t("tianditu_missing", lang))
if basemap == "amap":
    st.info(t("amap_note", lang))

# the map takes most of the width (≈ 750 px of a 1440 px screen) beside an answer panel of ≈ 320 px
st.html(WIDE_CSS)
map_col, side_col = st.columns([7, 3], gap="medium")
with map_col:
    picker_col, tools_col = st.columns([1, 1])
    with picker_col:
        area_picker(view)
    summary = host_summary(ds, sel)
    single = single_legend(ds, sel, lang)
    st.html(map_legend_html(geo, summary, not sel.empty, single, view.area is not None, lang))
    overlay = selection_overlay(geo, summary, not sel.empty, view.area, single[1] if single else None)
    opening = ("", ()) if view == ViewState(lang=lang) else None  # recorded for the next browser's first paint
    draw_map(lang, basemap, tianditu_key, overlay, "sqmap", 680, opening=opening)  # as tall as the screen allows

with side_col, st.container(key="sq-answer"):
    answer(view)

with tools_col:  # drawn after the map: the export writers load only once the map is on its way
    from ui.export_control import toolbar_exports

    toolbar_exports(ds, view)

with side_col:
    from ui.overlap_tab import secondary_tabs

    secondary_tabs(ds, view)
