"""The chain investment map page (招商地图): filters, points map and card, gaps, targets, import (layout only)."""

from __future__ import annotations

import streamlit as st

from sq_layout.i18n import label, name_col, t
from sq_layout.invest.demo import demo_data
from sq_layout.invest.repository import MemoryRepository
from sq_layout.invest.schemas import ROLES, STAGES
from sq_layout.invest.seed import link_names
from sq_layout.invest.views import METRICS, InvestFilter
from ui import invest_repo, state
from ui.invest_cache import filtered, project_years
from ui.invest_views import Shown, gaps_tab, import_tab, map_tab, progress_tab
from ui.shared import language_switch, load, page_style, show_notes, version_notes, version_url

ds, geo = load()  # the plan version chosen on the Workspace page or by `v=` in the URL, as on the other pages
ss = st.session_state

# ---- Where the investment tables live: the one place the repository is created. ----
if "inv_repo" not in ss:
    ss.inv_cache = {}
ss.inv_repo = invest_repo.repository(ss.get("inv_repo"))  # the shown version's records in the workspace, or the demo
# ---- end of the repository's construction ----

if ss.get("inv_demo_n"):  # set by the demo button (and by the benchmark with its own sizes)
    n_f, n_p = ss.pop("inv_demo_n")
    ss.inv_repo = MemoryRepository(demo_data(ds, n_f, n_p))  # the fictional set stays in the session
    ss.inv_cache = {}
data = ss.inv_repo.load()


view = state.current(ds)  # the language is the one view state's, shared with the other pages and the URL
lang = view.lang
page_style()
language_switch(view)
# The chosen view is in the link (tab=), so a link, a reload and the sign-in's round trip come back to it.
VIEWS = ("map", "chain", "gaps", "targets", "prospects", "pipeline", "chainlead", "import")
if "inv_view" not in ss and st.query_params.get("tab") in VIEWS:
    ss.inv_view = st.query_params.get("tab")
state.sync_url(view, version_url() | ({"tab": ss.inv_view} if ss.get("inv_view", "map") != "map" else {}))
chain_names = ds.chains.set_index("chain_no")[name_col(lang)]

# A widget whose labels follow the language is a new widget after a switch: its key is written back before it is
# drawn, so it keeps its value (the rule of ui/state.py).
for k, default in (("inv_chain", []), ("inv_role", []), ("inv_stage", []), ("inv_shade", "none"), ("inv_view", "map")):
    ss[k] = ss.get(k, default)

with st.sidebar:
    st.subheader(t("filters", lang))
    st.multiselect(
        t("inv_chain", lang),
        list(chain_names.index),
        key="inv_chain",
        format_func=lambda c: f"{c}. {chain_names[c]}",
        placeholder=t("choose", lang),
    )
    chosen = tuple(int(c) for c in ss.inv_chain)
    link_opts = data.links[data.links["chain_no"].isin(chosen)] if chosen else data.links
    link_name = link_names(data.links, lang)  # a plan link's English name on an English page
    link_label = {
        lid: f"{label(stage, lang)} · {link_name[lid]}"
        for lid, stage in zip(link_opts["link_id"], link_opts["stage"], strict=True)
    }
    ss.inv_link = [x for x in ss.get("inv_link", []) if x in link_label]
    ph = t("choose", lang)
    st.multiselect(
        t("inv_link", lang), list(link_label), key="inv_link", format_func=lambda k: link_label[k], placeholder=ph
    )
    st.multiselect(
        t("inv_role", lang), list(ROLES), key="inv_role", placeholder=ph, format_func=lambda r: label(r, lang)
    )
    st.multiselect(
        t("inv_stage", lang), list(STAGES), key="inv_stage", placeholder=ph, format_func=lambda s: label(s, lang)
    )
    years = project_years(data)  # once per records revision for every session, not a scan on each rerun
    ss.inv_year = ss.get("inv_year") if ss.get("inv_year") in years else 0  # 0: every year (None would read as empty)
    st.selectbox(
        t("inv_year", lang),
        [0, *years],
        key="inv_year",
        format_func=lambda y: str(y) if y else t("inv_all_years", lang),
    )
    st.radio(t("inv_shade", lang), ["none", *METRICS], key="inv_shade", format_func=lambda m: t(f"inv_shade_{m}", lang))
    if st.button(t("inv_load_demo", lang), width="stretch", key="inv_demo_btn"):
        ss.inv_demo_n = (400, 120)
        st.rerun()
    if data.demo and st.button(t("inv_reset", lang), width="stretch", key="inv_reset_btn"):
        ss.inv_repo = invest_repo.repository(None)
        ss.inv_cache = {}
        st.rerun()

flt = InvestFilter(chosen, tuple(ss.inv_link), tuple(ss.inv_role), tuple(ss.inv_stage), ss.inv_year or None)
st.title(t("inv_title", lang))
banner = st.empty()  # always in the tree, so loading demo data does not shift (and re-mount) the maps below
if data.demo:
    banner.warning(t("inv_demo_banner", lang))
show_notes(lang)
version_notes(ds, lang)
st.caption(t("inv_caption", lang))


key = (data, ds, flt)  # the objects themselves (identity-hashed), so a recycled id can never hit a stale entry
firms, projects, carriers = filtered(data, flt)  # once per records revision and filter, for every session

# Only the chosen view runs on a rerun (tabs would run all four and draw both maps every time).
tab = st.radio(
    " ",
    VIEWS,
    key="inv_view",
    horizontal=True,
    label_visibility="collapsed",
    format_func=lambda v: t(f"inv_tab_{v}", lang),
)


if tab == "map":
    # the opening view (the stored records, no filter, no shading): recorded for the next browser's first paint,
    # with the records' stamp it was drawn from (ui/first_paint.py)
    seen = getattr(ss.inv_repo, "seen", None)
    plain = flt == InvestFilter() and ss.inv_shade == "none" and not data.demo
    opening = ("investment", (seen,)) if plain and seen is not None else None
    map_tab(ds, geo, data, Shown(firms, projects, carriers, chosen, chain_names, key), lang, opening)

if tab == "chain":  # the chain's 图谱 (ui/chain_diagram.py)
    from ui.chain_diagram import chain_view

    chain_view(ds, data, lang, chosen[0] if chosen else 3)

if tab == "prospects":  # 目标企业 (ui/invest_targets.py)
    from ui.invest_targets import targets_view

    targets_view(ds, data, ss.inv_repo, lang)

if tab == "pipeline":  # 项目推进 and the monthly 通报 (ui/invest_pipeline.py)
    from ui.invest_pipeline import pipeline_view

    pipeline_view(ds, data, ss.inv_repo, lang)

if tab == "chainlead":  # 链长制, 十个一 and the chain brief (ui/invest_chainlead.py)
    from ui.invest_chainlead import chainlead_view

    chainlead_view(ds, data, ss.inv_repo, lang, chosen[0] if chosen else 3)

if tab == "gaps":
    gaps_tab(ds, data, chosen, chain_names, lang)

if tab == "targets":
    progress_tab(ds, geo, data, lang)

if tab == "import":
    import_tab(ds, data, lang)
