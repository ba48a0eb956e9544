"""The 链长制 view of the investment page: per chain its two 挂钩市领导 and 牵头部门 (L1091) and the 十个一 checklist
(L1092) with status, date, document and owner, edited by editors with history; and the chain's one-page brief (PDF)."""

from __future__ import annotations

import streamlit as st

from sq_layout.errors import UserError, said
from sq_layout.i18n import Lang, label, name_col, t
from sq_layout.invest.repository import InvestData, Repository
from sq_layout.invest.schemas import TASK_STATUSES
from sq_layout.invest.workbench import LEAD_LINE, LEAD_QUOTE, TEN_LINE, checklist, lead, set_checklist, set_lead
from sq_layout.plan.dataset import Dataset
from ui import invest_repo, state
from ui.tables import MISSING


def chainlead_view(ds: Dataset, data: InvestData, repo: Repository, lang: Lang, default_chain: int) -> None:
    """One chain's leaders and checklist, editable by editors, and its brief as a PDF download."""
    ss = st.session_state
    saved = t("cl_saved", lang)
    chains = ds.chains.set_index("chain_no")[name_col(lang)]
    if ss.get("cl_chain") not in set(chains.index):
        ss.cl_chain = default_chain if default_chain in set(chains.index) else int(chains.index[0])
    chain_no = int(
        st.selectbox(
            t("dg_chain", lang),
            list(chains.index),
            key=state.resend("cl_chain"),
            format_func=lambda c: f"{c}. {chains[c]}",
        )
    )
    if data.demo:
        st.warning(t("inv_demo_banner", lang))
    may = repo.can_write()
    st.markdown(f"**{t('cl_lead', lang)}**")
    st.caption(t("inv_plan_line", lang).format(line=LEAD_LINE, quote=LEAD_QUOTE))
    now = lead(data, chain_no)
    with st.form(f"cl_lead_{chain_no}"):
        c1, c2, c3 = st.columns(3)
        l1 = c1.text_input(t("cl_leader_1", lang), value=now["leader_1"], disabled=not may)
        l2 = c2.text_input(t("cl_leader_2", lang), value=now["leader_2"], disabled=not may)
        dept = c3.text_input(t("cl_department", lang), value=now["department"], disabled=not may)
        note = st.text_input(t("cl_note", lang), value=now["note"], disabled=not may)
        if st.form_submit_button(t("cl_save_lead", lang), disabled=not may):
            invest_repo.save_and_say(
                repo, set_lead(data, chain_no, l1, l2, dept, note), f"链长制 第{chain_no}条链", lang, saved, "lead"
            )
    invest_repo.said_here("lead")

    st.markdown(f"**{t('cl_ten', lang)}**")
    st.caption(t("cl_ten_note", lang).format(line=TEN_LINE))
    items = checklist(data, chain_no, lang)
    words = {s: label(s, lang) for s in TASK_STATUSES}
    shown = items.assign(status=items["status"].map(words))
    heads = {c: t(f"cl_h_{c}", lang) for c in ("item_no", "item", "status", "date", "document", "owner")}
    edited = st.data_editor(
        shown,
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
        key=f"cl_items_{chain_no}",
        disabled=not may,
        column_config={
            "item_no": st.column_config.NumberColumn(heads["item_no"], disabled=True),
            "item": st.column_config.TextColumn(heads["item"], disabled=True),
            "status": st.column_config.SelectboxColumn(heads["status"], options=list(words.values()), required=True),
            "date": st.column_config.DateColumn(heads["date"]),
            "document": st.column_config.TextColumn(heads["document"]),
            "owner": st.column_config.TextColumn(heads["owner"]),
        },
    )
    done = int((items["status"] == "已完成").sum())
    st.caption(t("cl_done", lang).format(n=done))
    if may and st.button(t("cl_save_ten", lang), key=f"cl_save_ten_{chain_no}"):
        back = {w: s for s, w in words.items()}
        try:
            changed = set_checklist(data, chain_no, edited.assign(status=edited["status"].map(back)))
        except (UserError, ValueError) as exc:
            st.error(said(exc, lang))
        else:
            if changed.chain_tasks.equals(data.chain_tasks):  # a save of nothing must not read as saved
                st.info(t("ed_nothing_changed", lang))
            else:
                invest_repo.save_and_say(repo, changed, f"十个一 第{chain_no}条链", lang, saved, "ten")
    invest_repo.said_here("ten")
    if not may:
        invest_repo.signin_hint(repo, lang)

    st.markdown(f"**{t('cl_brief', lang)}**")
    from sq_layout.invest.workbench import chain_brief
    from sq_layout.printing.chain_brief import brief_pdf

    st.download_button(
        t("cl_brief_pdf", lang),
        lambda: brief_pdf(ds, chain_brief(ds, data, chain_no, lang), lang),
        f"sq-chain-brief-{chain_no}.pdf",
        "application/pdf",
        on_click="ignore",
        key="cl_dl_brief",
    )
