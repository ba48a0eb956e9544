"""The explorer's secondary tabs (built only when opened) and its overlap tab, capped at province or national scale.

With nine areas the overlap tab shows every chain and area. With thousands, a chain × area heat map and every area
pair would be far too large to compute, send or read, so the heat map and the pairs are limited to the areas hosting
the most of the chosen chains (the selected area always included) and the bar chart to the most widely hosted
chains; a note says so. Counts in the bar chart stay counted over all areas.
"""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import streamlit as st

from sq_layout.analysis.overlap import area_chain_matrix, hosts_per_chain
from sq_layout.analysis.queries import selection_chains
from sq_layout.analysis.views import matrix_long, nested_view, shared_pairs_view
from sq_layout.cache import cached
from sq_layout.i18n import Lang, name_col, t
from sq_layout.plan.dataset import Dataset
from sq_layout.viewstate import ViewState
from ui.compare import compare_tab
from ui.tables import show_table

CAP_AREAS = 40  # areas in the heat map and the pairs table at scale
CAP_CHAINS = 40  # chains in the charts at scale

TABS_KEY = "sq_tabs"
OPEN_TAB = "sq_open_tab"  # 0 compare, 1 overlap


def secondary_tabs(ds: Dataset, view: ViewState) -> None:
    """Compare and overlap tabs; only the open one is built (switching tabs reruns the page, the map stays)."""
    lang = view.lang
    names = [t("compare", lang), t("overlap", lang)]

    def remember() -> None:  # by position: a language switch relabels the tabs, and the open one must stay open
        shown = st.session_state.get(TABS_KEY)
        st.session_state[OPEN_TAB] = names.index(shown) if shown in names else 0

    opened = names[st.session_state.get(OPEN_TAB, 0)]
    compare, overlap = st.tabs(names, default=opened, key=TABS_KEY, on_change=remember)
    with compare:
        if compare.open is not False:
            compare_tab(ds, view)
    with overlap:
        if overlap.open:
            overlap_tab(ds, view)


def top_chains(ds: Dataset, chains: tuple[int, ...], n: int = CAP_CHAINS) -> tuple[int, ...]:
    """The n chains hosted by the most areas (plan order among equals); all of them when there are at most n."""
    if len(chains) <= n:
        return chains
    per = hosts_per_chain(ds, chains)
    return tuple(int(c) for c in per.sort_values("n_hosts", ascending=False, kind="stable")["chain_no"].head(n))


def top_areas(ds: Dataset, chains: tuple[int, ...], keep: str | None, n: int = CAP_AREAS) -> tuple[str, ...]:
    """The n areas hosting the most of `chains` (plan order among equals), `keep` always among them."""
    hosted = (area_chain_matrix(ds, chains) > 0).sum(axis=1)
    hosted = hosted[hosted > 0]
    ids = list(hosted.sort_values(ascending=False, kind="stable").index[:n])
    if keep is not None and keep not in ids and keep in set(ds.areas["area_id"]):
        ids = [*ids[: n - 1], keep]
    order = {a: i for i, a in enumerate(ds.areas["area_id"])}
    return tuple(sorted(ids, key=order.__getitem__))


@cached(32)
def _subset(ds: Dataset, area_ids: tuple[str, ...]) -> Dataset:
    """The plan restricted to some areas (for the heat map and pairs only: counts over all areas use `ds`)."""
    keep = set(area_ids)
    return dataclasses.replace(
        ds,
        areas=ds.areas[ds.areas["area_id"].isin(keep)].reset_index(drop=True),
        assignments=ds.assignments[ds.assignments["area_id"].isin(keep)].reset_index(drop=True),
        boundaries=ds.boundaries[ds.boundaries["area_id"].isin(keep)].reset_index(drop=True),
    )


@cached(128)
def overlap_content(
    ds: Dataset, chains: tuple[int, ...], lang: Lang, area: str | None
) -> tuple[str, str, pd.DataFrame, bool]:
    """Bar chart and heat map (Vega-Lite JSON), the pairs table and whether anything was capped."""
    from layers.charts import hosts_bar, matrix_heatmap, overlap_specs

    shown = top_chains(ds, chains)
    capped = len(shown) < len(chains) or len(ds.areas) > CAP_AREAS
    if not capped:  # every chain and area: the explorer's charts as the panel cache has them (ui.shared warms it)
        bar_json, matrix_json = overlap_specs(ds, chains, lang, area)
        return bar_json, matrix_json, shared_pairs_view(ds, chains, lang), False
    sub = _subset(ds, top_areas(ds, chains, area))
    bar = hosts_bar(hosts_per_chain(ds, shown), name_col(lang), t("hosts_per_chain", lang), lang)
    matrix = matrix_heatmap(matrix_long(sub, shown, lang, short=True), t("matrix", lang), area, lang)
    pairs = shared_pairs_view(sub, chains, lang).sort_values("n_shared", ascending=False, kind="stable")
    return json.dumps(bar, ensure_ascii=False), json.dumps(matrix, ensure_ascii=False), pairs, True


def overlap_tab(ds: Dataset, view: ViewState) -> None:
    """Hosts per chain, the chain × area matrix, area pairs sharing chains, zones repeating their county."""
    lang = view.lang
    chains = selection_chains(ds, view.selection)
    bar, matrix, pairs, capped = overlap_content(ds, chains, lang, view.area)
    if capped:
        st.caption(t("overlap_capped", lang).format(areas=CAP_AREAS, chains=CAP_CHAINS, n=len(ds.areas)))
    st.vega_lite_chart(json.loads(bar))
    st.vega_lite_chart(json.loads(matrix))
    tables = [("shared_pairs", pairs)]
    if (ds.areas["kind"] == "zone").any():  # zones repeating their county: only when the plan has zones
        tables.append(("nested_repeats", nested_view(ds, chains, lang)))
    for title, frame in tables:
        st.markdown(f"**{t(title, lang)}**")
        show_table(frame, lang)
