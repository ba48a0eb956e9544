"""The Edit page: sign in, start a draft, edit it with reasons, history (revert, return), publish, users."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from sq_layout import workspace
from sq_layout.auth.roles import ROLES, allowed
from sq_layout.errors import EditConflict, EditRejected, PermissionDenied
from sq_layout.i18n import label, name_col, t
from sq_layout.store import drafts, users
from sq_layout.store.edits import RowChange, apply
from sq_layout.store.history import history, return_to, revert
from sq_layout.store.history_export import history_rows, history_xlsx
from ui.edit_forms import FORMS, KINDS, saved
from ui.shared import page_language
from ui.signin import signin_box
from ui.versionpick import chosen_version, draft_badge, shown_title, version_dataset

ss = st.session_state
lang = page_language()  # the one view state's language, shared with every page
ws = workspace.workspace()
with st.sidebar:
    user, role = signin_box(ws, lang)

vid = chosen_version()
if vid is None:
    st.stop()
info = ws.info(vid)
ds = version_dataset(vid)
st.title(t("ed_page", lang))
draft_badge(ds, lang)
st.caption(f"v{vid} · {label(info.kind, lang)} · {shown_title(info, lang)}")
if "ed_flash" in ss:
    st.success(ss.pop("ed_flash"))


def _problems(exc: Exception) -> None:
    if isinstance(exc, EditRejected):
        for m in exc.messages(lang):
            st.error(m)
    elif isinstance(exc, PermissionDenied):
        st.error(f"{t('ed_not_editor', lang)} ({exc})")


def conflict_panel(exc: EditConflict) -> None:
    """What changed in between (who, when, why, field by field) and a way to re-apply the change."""
    touching = [
        c for c in history(ws, vid) if any(r["table"] == exc.table and r["row_no"] == exc.row_no for r in c.rows)
    ]
    last = touching[0] if touching else None
    if exc.current is None:
        st.error(t("ed_conflict_removed", lang))
        return
    who = dict(who=last.user, when=last.created, why=last.reason) if last else dict(who="?", when="?", why="?")
    st.error(t("ed_conflict", lang).format(**who))
    pending = ss.get("ed_pending") or {}
    if pending.get("table") != exc.table or pending.get("row_no") != exc.row_no:
        return
    fields = list(pending["values"])
    rows = [{t("ed_field", lang): f, t("ed_seen", lang): str(pending["base"].get(f)),
             t("ed_theirs", lang): str(exc.current.get(f)), t("ed_yours", lang): str(pending["values"][f])}
            for f in fields]  # fmt: skip
    st.table(pd.DataFrame(rows))
    ss.ed_conflict = dict(pending, rev=exc.current_rev)
    if not reapply_shown:  # the click is handled at the top of the edit tab on the next run
        st.button(t("ed_reapply", lang), key="reapply")


def run_edit(kind: str) -> None:
    """One edit form; errors and conflicts shown, nothing written unless it passes."""
    try:
        done = FORMS[kind](ws, ds, user, vid, lang)
    except EditConflict as exc:
        conflict_panel(exc)
        return
    except (EditRejected, PermissionDenied) as exc:
        _problems(exc)
        return
    if done is not None:
        ss.ed_flash = t("ed_saved", lang).format(id=done if done > 0 else "—")
        st.rerun()


if info.kind != "draft":
    st.info(t("ed_published_readonly", lang))
    if allowed(role, "edit"):
        title = st.text_input(t("ed_draft_title", lang), key="draft_title")
        if st.button(t("ed_start_draft", lang), key="start_draft"):
            new = drafts.start_draft(ws, user, vid, title)
            ss.ws_version = str(new)
            st.query_params["v"] = str(new)
            st.rerun()

names = [t("ed_page", lang), t("ed_history", lang), t("ed_publish", lang), t("ed_users", lang)]
shown = [info.kind == "draft" and allowed(role, "edit"), True, info.kind == "draft" and allowed(role, "publish"),
         allowed(role, "manage_users")]  # fmt: skip
tabs = dict(
    zip(
        [n for n, s in zip(names, shown, strict=True) if s],
        st.tabs([n for n, s in zip(names, shown, strict=True) if s]),
        strict=True,
    )
)

reapply_shown = False
if names[0] in tabs:
    with tabs[names[0]]:
        reapply_shown = "ed_conflict" in ss
        if reapply_shown and st.button(t("ed_reapply", lang), key="reapply"):
            c = ss.pop("ed_conflict")
            try:
                done = apply(ws, user, vid, [RowChange(c["table"], c["row_no"], c["rev"], c["values"])], c["reason"])
                saved(vid, c["table"], c["row_no"])
                ss.ed_flash = t("ed_saved", lang).format(id=done)
                st.rerun()
            except EditConflict as exc:
                conflict_panel(exc)
            except (EditRejected, PermissionDenied) as exc:
                _problems(exc)
        kind = st.radio(
            t("ed_kind", lang), KINDS, key="ed_kind", horizontal=True, format_func=lambda k: t(f"ed_k_{k}", lang)
        )
        run_edit(kind)

with tabs[names[1]]:
    scope = st.radio(t("ed_history_scope", lang), ["version", "area", "chain"], horizontal=True, key="h_scope",
                     format_func=lambda s: {"version": t("ed_whole_version", lang), "area": t("county", lang),
                                            "chain": t("chain", lang)}[s])  # fmt: skip
    area = chain = None
    if scope == "area":
        areas = dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)], strict=True))
        area = st.selectbox(t("county", lang), list(areas), format_func=areas.get, key="h_area_pick")
    elif scope == "chain":
        chains = dict(zip(ds.chains["chain_no"], ds.chains[name_col(lang)], strict=True))
        chain = st.selectbox(
            t("chain", lang), list(chains), key="h_chain_pick", format_func=lambda c: f"{c}. {chains[c]}"
        )
    found = history(ws, vid, area=area, chain=None if chain is None else int(chain))
    if not found:
        st.info(t("ed_no_changes", lang))
    else:
        st.dataframe(pd.DataFrame(history_rows(found)), hide_index=True, width="stretch", key="history_table")
        st.download_button(t("ed_history_xlsx", lang), lambda: history_xlsx(found, lang), on_click="ignore",
                           file_name=f"history-v{vid}{'-草案' if info.kind == 'draft' else ''}.xlsx")  # fmt: skip
    if found and info.kind == "draft" and allowed(role, "edit"):
        with st.form("undo"):
            pick = st.selectbox("#", [c.id for c in found if c.action != "draft"] + [0], key="undo_pick")
            reason = st.text_input(t("ed_reason", lang), key="undo_reason", max_chars=500)
            c1, c2 = st.columns(2)
            do_revert = c1.form_submit_button(t("ed_revert", lang))
            do_return = c2.form_submit_button(t("ed_return", lang))
        if do_revert or do_return:
            try:
                done = revert(ws, user, int(pick), reason) if do_revert else return_to(ws, user, vid, int(pick), reason)
                ss.ed_flash = t("ed_saved", lang).format(id=done)
                st.rerun()
            except EditConflict as exc:
                conflict_panel(exc)
            except (EditRejected, PermissionDenied) as exc:
                _problems(exc)

if names[2] in tabs:
    with tabs[names[2]], st.form("publish"):
        title = st.text_input(
            t("ed_publish_title", lang), value=info.title.replace("草案", "").strip(), key="pub_title"
        )
        date = st.date_input(t("ed_publish_date", lang), value=dt.date.today(), key="pub_date")
        if st.form_submit_button(t("ed_publish", lang)):
            try:
                drafts.publish(ws, user, vid, title, date.isoformat())
                ss.ed_flash = t("ed_published", lang).format(id=vid)
                st.rerun()
            except (EditRejected, PermissionDenied) as exc:
                _problems(exc)

if names[3] in tabs:
    with tabs[names[3]]:
        st.dataframe(pd.DataFrame([u.__dict__ for u in users.list_users(ws)]), hide_index=True, width="stretch")
        with st.form("add_user"):
            name = st.text_input(t("ed_user", lang), key="nu_name")
            new_role = st.selectbox(t("ed_role", lang), ROLES, key="nu_role")
            password = st.text_input(t("ed_password", lang), type="password", key="nu_pw")
            if st.form_submit_button(t("ed_add", lang)):
                try:
                    if any(u.name == name for u in users.list_users(ws)):
                        users.set_role(ws, name, new_role, actor=user)
                    else:
                        users.add_user(ws, name, new_role, password or None, actor=user)
                    ss.ed_flash = t("ed_saved", lang).format(id=name)
                    st.rerun()
                except (EditRejected, PermissionDenied) as exc:
                    _problems(exc)
