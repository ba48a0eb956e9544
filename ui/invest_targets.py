"""The 目标企业 view of the investment page: firms outside the city to attract, listed by region with a bar by
province, added and followed up (status, owner, next step) by editors, and turned into a pipeline 线索."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from layers.charts import prospects_bar
from sq_layout.errors import UserError, said
from sq_layout.i18n import Lang, label, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.invest.repository import InvestData, Repository
from sq_layout.invest.schemas import PROSPECT_CATEGORIES, PROSPECT_STATUSES
from sq_layout.invest.workbench import CATEGORY_LINES, add_prospect, by_region, to_project, update_prospects
from sq_layout.plan.dataset import Dataset
from ui import invest_repo, state
from ui.tables import MISSING


def _listing(ds: Dataset, data: InvestData, lang: Lang) -> pd.DataFrame:
    chains = ds.chains.set_index("chain_no")[name_col(lang)]
    areas = ds.areas.set_index("area_id")[name_col(lang)]
    p = data.prospects.sort_values(["province", "city", "name"], kind="stable")
    return pd.DataFrame(
        {
            "prospect_id": p["prospect_id"],
            "name": p["name"],
            "region": (p["province"] + " " + p["city"]).str.strip(),
            "chain": p["chains"].map(
                lambda v: join_list((chains.get(int(c), c) for c in str(v).split(";") if c), lang)
            ),
            "category": p["category"].map(lambda s: label(s, lang)),
            "status": p["status"].map(lambda s: label(s, lang)),  # edited as words, saved as codes
            "area": p["area_id"].map(areas).fillna(""),
            "owner": p["owner"],
            "next_step": p["next_step"],
            "date_added": p["date_added"],
            "source": p["source"],
        }
    )


def targets_view(ds: Dataset, data: InvestData, repo: Repository, lang: Lang) -> None:
    """The list by region (editable follow-up for editors), a bar by province, the add form and 转为项目."""
    if data.demo:
        st.warning(t("inv_demo_banner", lang))
    st.caption(t("pt_caption", lang))
    may = repo.can_write()
    listing = _listing(ds, data, lang)
    if listing.empty:
        st.info(t("pt_none", lang))
    else:
        counts = by_region(data.prospects)
        st.vega_lite_chart(
            prospects_bar(counts.assign(category=counts["category"].map(lambda c: label(c, lang))), lang)
        )
        heads = {c: t(f"pt_h_{c}", lang) for c in listing.columns if c != "prospect_id"}
        config: dict[str, Any] = {
            c: st.column_config.Column(h, disabled=c not in ("status", "owner", "next_step")) for c, h in heads.items()
        }
        config["status"] = st.column_config.SelectboxColumn(
            heads["status"], options=[label(s, lang) for s in PROSPECT_STATUSES], required=True, disabled=not may
        )
        config["date_added"] = st.column_config.DateColumn(heads["date_added"], disabled=True)
        config["prospect_id"] = None  # kept for matching the edits, not shown
        edited = st.data_editor(
            listing,
            hide_index=True,
            width="stretch",
            placeholder=MISSING,
            key="pt_editor",
            column_config=config,
            disabled=not may,
        )
        if may and st.button(t("pt_save", lang), key="pt_save"):
            try:
                codes = {label(s, lang): s for s in PROSPECT_STATUSES}
                rows = edited[["prospect_id", "status", "owner", "next_step"]]
                changed = update_prospects(data, rows.assign(status=rows["status"].map(codes)))
            except (UserError, ValueError) as exc:
                st.error(said(exc, lang))
            else:
                if changed.prospects.equals(data.prospects):  # a save of nothing must not read as saved
                    st.info(t("ed_nothing_changed", lang))
                else:
                    invest_repo.save_and_say(repo, changed, "目标企业跟进", lang, t("pt_saved", lang), "follow")
        invest_repo.said_here("follow")
    if not may:
        invest_repo.signin_hint(repo, lang)
        return
    _add_form(ds, data, repo, lang)
    invest_repo.said_here("add")
    if not listing.empty:
        _to_project_form(ds, data, repo, lang)
    invest_repo.said_here("convert")  # also when no target is left to convert


def _category(code: str, lang: Lang) -> str:
    """A category with the plan lines it comes from."""
    lines = join_list((f"L{n}" for n in CATEGORY_LINES[code]), lang)
    return label(code, lang) + (f"（{lines}）" if lines else "")


def _add_form(ds: Dataset, data: InvestData, repo: Repository, lang: Lang) -> None:
    chains = ds.chains.set_index("chain_no")[name_col(lang)]
    areas = ds.areas.set_index("area_id")[name_col(lang)]
    with st.form("pt_add", clear_on_submit=True):
        st.markdown(f"**{t('pt_add', lang)}**")
        c1, c2, c3 = st.columns(3)
        name = c1.text_input(t("pt_h_name", lang), key="pt_name")
        province = c2.text_input(t("pt_province", lang), key="pt_province")
        city = c3.text_input(t("pt_city", lang), key="pt_city")
        c1, c2, c3 = st.columns(3)
        chosen = c1.multiselect(
            t("pt_h_chain", lang), list(chains.index), key="pt_chains", format_func=lambda c: f"{c}. {chains[c]}",
            placeholder=t("choose", lang),
        )  # fmt: skip
        category = c2.selectbox(
            t("pt_h_category", lang),
            list(PROSPECT_CATEGORIES),
            key="pt_category",
            format_func=lambda c: _category(c, lang),
        )
        area = c3.selectbox(
            t("pt_h_area", lang),
            ["", *areas.index],
            key="pt_area",
            format_func=lambda a: areas.get(a, "—") if a else "—",
        )
        c1, c2, c3 = st.columns(3)
        owner = c1.text_input(t("pt_h_owner", lang), key="pt_owner")
        step = c2.text_input(t("pt_h_next_step", lang), key="pt_step")
        source = c3.text_input(t("pt_h_source", lang), key="pt_source")
        if st.form_submit_button(t("pt_add_btn", lang)):
            record = {
                "name": name, "province": province, "city": city, "chains": ";".join(str(c) for c in sorted(chosen)),
                "category": category, "area_id": area or "", "owner": owner, "next_step": step, "source": source,
            }  # fmt: skip
            try:
                added = add_prospect(data, record, lang)
            except UserError as exc:
                st.error(exc.text(lang))
            else:
                msg = t("pt_added", lang).format(name=name.strip())
                invest_repo.save_and_say(repo, added, f"目标企业 {name.strip()}", lang, msg, "add")


def _to_project_form(ds: Dataset, data: InvestData, repo: Repository, lang: Lang) -> None:
    open_ = data.prospects[data.prospects["status"] != "已转项目"]
    if open_.empty:
        return
    areas = ds.areas.set_index("area_id")[name_col(lang)]
    with st.form("pt_convert"):
        st.markdown(f"**{t('pt_convert', lang)}**")
        names = dict(zip(open_["prospect_id"], open_["name"], strict=True))
        c1, c2, c3, c4 = st.columns([2.5, 1.5, 1, 1])
        pid = c1.selectbox(t("pt_h_name", lang), list(names), key="pt_conv_id", format_func=lambda i: names[i])
        area = c2.selectbox(
            t("pt_h_area", lang), list(areas.index), key=state.resend("pt_conv_area"), format_func=lambda a: areas[a]
        )
        inv = c3.number_input(t("bl_h_investment", lang), min_value=0.0, value=1.0, step=0.5, key="pt_conv_inv")
        day = c4.date_input(t("pv_date", lang), value=date.today(), key="pt_conv_day")
        if st.form_submit_button(t("pt_convert_btn", lang)):
            try:
                moved = to_project(
                    ds, data, str(pid), str(area), float(inv), day if isinstance(day, date) else date.today(), lang
                )
            except UserError as exc:
                st.error(exc.text(lang))
            else:
                invest_repo.save_and_say(
                    repo,
                    moved,
                    f"目标企业 {names[pid]} 转为项目线索",
                    lang,
                    t("pt_converted", lang).format(name=names[pid]),
                    "convert",
                )
