"""The views of the investment page (ui/investment.py) that live on it alone: the points map and card, the 补链 list,
the targets and the import; each a function of what the page has read and chosen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st
from pandera.errors import SchemaError, SchemaErrors

from layers.invest import (
    card_html,
    invest_overlay,
    legend_html,
    point_blob,
    points_frame,
    shade_legend,
    shade_styles,
    shared_points,
)
from layers.points import publish
from layers.shading import value_overlay
from sq_layout.errors import DataError
from sq_layout.i18n import Lang, headers, label, name_col, t
from sq_layout.i18n.shown import source
from sq_layout.invest.gapexport import gap_print_table, gap_tables, gap_xlsx, records_xlsx
from sq_layout.invest.importer import read_upload
from sq_layout.invest.repository import InvestData, add_records, replace_links
from sq_layout.invest.schemas import COORD_SYSTEMS, LINK_STAGES
from sq_layout.invest.seed import read_targets
from sq_layout.invest.targets import (
    area_actuals_view,
    area_status,
    chain_progress,
    chain_progress_view,
    progress_view,
    project_progress,
    stage_counts,
    year_choices,
)
from sq_layout.invest.template import template_bytes
from sq_layout.invest.views import area_metric, card_rows, records_at
from sq_layout.plan.dataset import Dataset
from sq_layout.printing.gap_page import gap_page_bytes
from sq_layout.printing.printmap import PrintSpec
from sq_layout.upload_limits import describe
from ui import invest_repo
from ui.shared import draw_map, upload_widget
from ui.tables import MISSING, show_table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAP_KEY = "invmap"


def cached(key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """A per-session cache of what one (data, filter) needs, so a rerun that changes neither recomputes nothing."""
    ss = st.session_state
    if key not in ss.inv_cache:
        # newest first: the twelve most recent entries stay beside the new one
        ss.inv_cache = {key: build()} | dict(list(ss.inv_cache.items())[:12])
    return ss.inv_cache[key]


@dataclass(frozen=True)
class Shown:
    """The records the filter keeps, the chains chosen, their names, and the cache key of (records, plan, filter)."""

    firms: pd.DataFrame
    projects: pd.DataFrame
    carriers: pd.DataFrame
    chosen: tuple[int, ...]
    chain_names: pd.Series
    key: tuple[Any, ...]


def map_tab(
    ds: Dataset,
    geo: gpd.GeoDataFrame,
    data: InvestData,
    records: Shown,
    lang: Lang,
    opening: tuple[str, tuple[Any, ...]] | None = None,
) -> None:
    """The points map with its legend and shading, and the card of the records at the clicked spot; `opening` when
    this is the page's opening view (ui.shared.draw_map records it for the first paint)."""
    ss = st.session_state
    firms, projects, carriers = records.firms, records.projects, records.carriers
    chosen, chain_names, key = records.chosen, records.chain_names, records.key
    st.caption(t("inv_counts", lang).format(f=len(firms), p=len(projects), c=len(carriers)))
    map_col, side_col = st.columns([3, 1.3], gap="medium")
    with map_col:

        def point_set() -> tuple[int, bytes, list[int]]:
            pts = points_frame(firms, projects, carriers)
            return len(pts), point_blob(pts), sorted({int(c) for c in pts["chain_no"]} - {0})

        # built once per (records, plan, filter) for every session: a new visitor's first view does not rebuild it
        points: tuple[int, bytes, list[int]] = cached(("points", *key), lambda: shared_points(key, point_set))
        n_points, blob, present = points
        pset = publish(blob, n_points)  # one file per distinct set, written once; a rerun only names it
        shade = ss.inv_shade
        metric = None
        if shade != "none":
            metric = cached(("metric", *key, shade), lambda: area_metric(ds, firms, projects, shade))
        styles = cached(("shade", *key, shade), lambda: shade_styles(geo, metric))
        legend_slot = st.empty()  # always in the tree, so turning shading on or off does not re-mount the map below
        if metric is not None:  # the shading's steps, in the legend box the other maps use
            legend_slot.html(shade_legend(metric, t(f"inv_shade_{shade}", lang), lang, whole=shade != "investment"))
        names = {int(n): f"{n}. {name}" for n, name in zip(chain_names.index, chain_names, strict=True)}
        overlay = invest_overlay(styles, pset, names, lang, data.demo)
        draw_map(lang, "none", "", overlay, MAP_KEY, 600, opening=opening)
        shown = sorted(set(chosen) or {int(c) for c in present})
        labels = {k: t(f"inv_kind_{k}", lang) for k in ("firm", "project", "carrier")} | {
            "approximate": t("inv_approx", lang)
        }
        st.markdown(legend_html([(n, chain_names[n]) for n in shown], labels), unsafe_allow_html=True)
        st.caption(t("inv_map_hint", lang))
    with side_col:
        st.markdown(f"**{t('inv_card', lang)}**")
        clicked = (ss.get(MAP_KEY) or {}).get("last_clicked")
        hits = records_at((firms, projects, carriers), clicked["lat"], clicked["lng"]) if clicked else pd.DataFrame()
        if len(hits):
            st.html(card_html(card_rows(ds, data, hits, lang), lang))
        else:
            st.info(t("inv_click_hint", lang))
        st.download_button(
            t("inv_export_records", lang),
            lambda: records_xlsx(ds, data, firms, projects, lang),
            "sq-invest-records.xlsx",
            XLSX,
            on_click="ignore",
            key="inv_dl_records",
        )


def gaps_tab(ds: Dataset, data: InvestData, chosen: tuple[int, ...], chain_names: pd.Series, lang: Lang) -> None:
    """A chain's 补链 list and link × area matrix (XLSX, PDF), and its links edited."""
    ss = st.session_state
    ss.inv_gap_chain = ss.get("inv_gap_chain") or (chosen[0] if chosen else 3)  # 3. 晶硅光伏 first
    gap_chain = st.selectbox(
        t("inv_gap_chain", lang),
        list(chain_names.index),
        key="inv_gap_chain",
        format_func=lambda c: f"{c}. {chain_names[c]}",
    )
    g, mtx = gap_tables(ds, data, gap_chain, data.firms, lang)
    if data.demo:
        st.warning(t("inv_demo_banner", lang))
    st.markdown(f"**{t('inv_gap_list', lang)}**")
    st.caption(t("inv_gap_by_firms", lang))
    if not data.links["chain_no"].eq(gap_chain).any():
        st.info(t("inv_no_links", lang))
        show_table(g, lang)
    elif len(g):
        show_table(g, lang)
    else:
        st.success(t("inv_gap_none", lang))
    st.markdown(f"**{t('inv_gap_matrix', lang)}**")
    st.dataframe(mtx, width="stretch", placeholder=MISSING)
    st.download_button(
        t("inv_gap_xlsx", lang),
        lambda: gap_xlsx(ds, data, gap_chain, lang=lang),
        f"sq-gaps-{gap_chain}.xlsx",
        XLSX,
        on_click="ignore",
        key="inv_dl_gaps",
    )
    st.download_button(
        t("inv_gap_pdf", lang),
        lambda: gap_page_bytes(
            ds,
            gap_print_table(ds, data, gap_chain, lang),
            gap_chain,
            data.demo,
            PrintSpec(orientation="portrait", dpi=150, lang=lang),
        ),
        f"sq-gaps-{gap_chain}.pdf",
        "application/pdf",
        on_click="ignore",
        key="inv_dl_gap_pdf",
    )
    st.markdown(f"**{t('inv_links_edit', lang)}**")
    mine = data.links[data.links["chain_no"] == gap_chain].sort_values("position")
    link_cols = ["link_id", "stage", "name", "source", "line", "quote"]
    heads = headers(link_cols, lang)
    stage_word = {s: label(s, lang) for s in LINK_STAGES}  # edited as words of the reader's language, saved as codes
    source_word = {w: source(w, lang) for w in ("规划", "用户")}  # the stored words for the plan and a user, likewise
    edited = st.data_editor(
        mine[link_cols].assign(
            stage=mine["stage"].map(stage_word), source=mine["source"].map(lambda x: source(x, lang))
        ),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
        key=f"inv_links_{gap_chain}",
        disabled=["link_id"],
        column_config={c: st.column_config.Column(heads[c]) for c in link_cols if c not in ("stage", "link_id")}
        | {"stage": st.column_config.SelectboxColumn(heads["stage"], options=list(stage_word.values()), required=True)}
        | {"link_id": None},  # kept in the data (a row's identity when saved), not shown: an id is no reader's text
    )
    if st.button(t("inv_links_save", lang), key="inv_links_save"):
        try:
            if invest_repo.save(
                ss.inv_repo,
                replace_links(
                    data,
                    gap_chain,
                    edited.assign(
                        stage=edited["stage"].map({w: c for c, w in stage_word.items()}),
                        source=edited["source"].map(lambda w: {v: k for k, v in source_word.items()}.get(w, w)),
                    ),
                ),
                f"links of chain {gap_chain}",
                lang,
            ):
                ss.inv_cache = {}
                st.rerun()
        except (SchemaError, SchemaErrors, ValueError) as exc:
            st.error(str(exc).splitlines()[0])


def progress_tab(ds: Dataset, geo: gpd.GeoDataFrame, data: InvestData, lang: Lang) -> None:
    """个十百千 and the chains' 表十一 targets against the records of a year, areas behind on a map."""
    years_all, year_default = cached((data, "year_choices"), lambda: year_choices(data.projects, data.actuals))
    year = st.selectbox(t("inv_targets_year", lang), years_all, index=years_all.index(year_default), key="inv_t_year")
    st.markdown(f"**{t('inv_gsbq', lang)}**")
    prog = project_progress(data.projects, read_targets(), int(year))
    heads = headers(["progress", "required_cagr"], lang)
    show_table(
        progress_view(prog, lang),
        lang,
        column_config={heads["progress"]: st.column_config.ProgressColumn(heads["progress"], min_value=0, max_value=1)},
    )
    st.markdown(f"**{t('inv_stage_counts', lang)}**")
    show_table(
        stage_counts(data.projects, int(year)).assign(stage=lambda d: d["stage"].map(lambda s: label(s, lang))), lang
    )
    st.markdown(f"**{t('inv_chain_targets', lang)}**")
    cp = chain_progress(ds, data.actuals)
    show_table(
        chain_progress_view(cp, lang),
        lang,
        column_config={
            heads["progress"]: st.column_config.ProgressColumn(heads["progress"], min_value=0, max_value=1),
            heads["required_cagr"]: st.column_config.NumberColumn(heads["required_cagr"], format="percent"),
        },
    )
    st.markdown(f"**{t('inv_status_map', lang)}**")
    status = area_status(ds, cp).set_index("area_id")
    behind = status["behind"] / max(1, int(status[["behind", "on_track", "no_data"]].sum(axis=1).max()))
    draw_map(lang, "none", "", value_overlay(geo, behind), "invstatus", 380)
    area_names = ds.areas.set_index("area_id")[name_col(lang)]
    show_table(
        status.reset_index().assign(area_id=lambda d: d["area_id"].map(area_names)).rename(columns={"area_id": "area"}),
        lang,
    )
    by_area = data.actuals[data.actuals["area_id"] != ""]
    if len(by_area):
        st.markdown(f"**{t('inv_area_actuals', lang)}**")
        show_table(area_actuals_view(ds, by_area, lang), lang)


def import_tab(ds: Dataset, data: InvestData, lang: Lang) -> None:
    """The template, the upload of firms, projects and actuals, and where the records are kept."""
    ss = st.session_state
    st.download_button(
        t("inv_template", lang),
        lambda: template_bytes(ds, data.links, lang),
        "sq-invest-template.xlsx",
        XLSX,
        on_click="ignore",
        key="inv_dl_template",
    )
    may_import = ss.inv_repo.can_write()  # checked before any upload is offered, so a visitor's file is never read
    if not may_import:
        st.info(t("inv_signin_to_import", lang))
    up = (
        upload_widget(t("inv_upload", lang), "table", lang, key="inv_upload", type=["xlsx", "csv"])
        if may_import
        else None
    )
    crs = st.selectbox(
        t("inv_crs", lang),
        list(COORD_SYSTEMS),
        index=1,
        key="inv_crs",
        format_func=lambda c: {"wgs84": "WGS-84", "gcj02": "GCJ-02", "bd09": "BD-09"}[c],
    )
    if up is not None and st.button(t("inv_import", lang), key="inv_import_btn"):
        try:
            results = read_upload(ds, up.name, up.getvalue(), data.links, crs, lang=lang)
        except DataError as exc:  # over a limit or not a table: refused before anything is read
            st.error(describe(exc, lang))
            results = []
        problems = pd.concat([r.problems for r in results], ignore_index=True) if results else pd.DataFrame()
        if results and (len(problems) or not all(r.ok for r in results)):
            st.error(t("inv_import_bad", lang).format(n=len(problems)))
            show_table(problems, lang)
        elif results:
            new = {r.kind: r.table for r in results if r.table is not None}
            if invest_repo.save(ss.inv_repo, add_records(data, new), f"import {up.name}", lang):
                ss.inv_cache = {}
                n = {k: len(new.get(k, [])) for k in ("firms", "projects", "actuals")}
                ss.inv_msg = t("inv_import_ok", lang).format(f=n["firms"], p=n["projects"], a=n["actuals"])
                if len(new.get("prospects", [])):
                    ss.inv_msg += " " + t("inv_import_ok_targets", lang).format(n=len(new["prospects"]))
                flagged = sum(int(new[k]["area_flag"].sum()) for k in ("firms", "projects") if k in new)
                if flagged:
                    ss.inv_msg += " " + t("inv_flagged", lang).format(n=flagged)
                st.rerun()
    if ss.get("inv_msg"):
        st.success(ss.inv_msg)
    invest_repo.store_panel(ss.inv_repo, lang)
