"""The Edit page: sign in, start a draft, edit it with reasons, history (revert, return), publish, users."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from sq_layout import workspace
from sq_layout.auth.roles import ROLES, allowed
from sq_layout.errors import EditConflict, EditRejected, PermissionDenied, WorkspaceBusy
from sq_layout.export.accounts import accounts_frame, role_word
from sq_layout.export.history import history_frame, history_xlsx, summary_text
from sq_layout.i18n import label, name_col, t
from sq_layout.i18n.editing import field
from sq_layout.i18n.shown import when, who
from sq_layout.store import drafts, users
from sq_layout.store.edits import RowChange, apply
from sq_layout.store.history import conflict_text, history, return_to, revert
from sq_layout.workspace import shown_title
from ui import state
from ui.edit_forms import FORMS, KINDS, OUTCOME, run
from ui.shared import page_language
from ui.signin import signin_box
from ui.tables import MISSING, show_table
from ui.versionpick import chosen_version, draft_badge, version_dataset

ss = st.session_state
lang = page_language()  # the one view state's language, shared with every page
ws = workspace.workspace()
with st.sidebar:
    user, role = signin_box(ws, lang)

chosen = chosen_version()
if chosen is None:
    st.stop()
vid: int = chosen
info = ws.info(vid)
ds = version_dataset(vid)
st.title(t("ed_page", lang))
draft_badge(ds, lang)
st.caption(f"v{vid} · {label(info.kind, lang)} · {shown_title(info, lang)}")


def _problems(exc: Exception) -> None:
    if isinstance(exc, EditRejected):
        for key, values in exc.problems:
            # field and column names in the reader's language, never the stored name
            shown = {k: (field(str(v), lang) if k in ("field", "what") else v) for k, v in values.items()}
            st.error(t(key, lang).format(**shown))
    elif isinstance(exc, PermissionDenied):
        st.error(t("ed_not_editor", lang))
    elif isinstance(exc, WorkspaceBusy):
        st.error(t("workspace_busy", lang))


def conflict_panel(exc: EditConflict) -> None:
    """What changed in between (who, when, why, field by field) and a way to re-apply the change."""
    st.error(conflict_text(ws, vid, exc, lang))
    if exc.current is None:
        return
    pending = ss.get("ed_pending") or {}
    if pending.get("table") != exc.table or pending.get("row_no") != exc.row_no:
        return
    rows = [{t("ed_field", lang): field(f, lang), t("ed_seen", lang): str(pending["base"].get(f)),
             t("ed_theirs", lang): str(exc.current.get(f)), t("ed_yours", lang): str(pending["values"][f])}
            for f in pending["values"]]  # fmt: skip
    st.table(pd.DataFrame(rows))
    ss.ed_conflict = dict(pending, rev=exc.current_rev)  # the edit tab offers to re-apply it on the record now


def show_outcome() -> None:
    """The outcome a form's callback left: saved, refused as a conflict (who, when, why) or rejected with reasons."""
    outcome = ss.pop(OUTCOME, None)
    if outcome is None:
        return
    what, value = outcome
    if what == "saved":
        st.success(t("ed_saved", lang).format(id=value if value and value > 0 else "—"))
    elif what == "conflict":
        conflict_panel(value)
    else:
        _problems(value)


def _reapply() -> None:
    c = ss.pop("ed_conflict", None)
    if c is not None:
        ss.ed_pending = c
        change = RowChange(c["table"], c["row_no"], c["rev"], c["values"])
        run(lambda: apply(ws, user, vid, [change], c["reason"], summary=f"{c['table']} #{c['row_no']}"))


def _undo(seen_last: int) -> None:
    pick, reason = ss.get("undo_pick"), str(ss.get("undo_reason") or "")
    if pick is None:
        return
    if ss.get("undo_mode") == "revert":
        run(lambda: revert(ws, user, int(pick), reason))
    else:
        run(lambda: return_to(ws, user, vid, int(pick), reason, seen_last=seen_last))


def publish_tab(user: str | None) -> None:
    """Publish the draft: what was published since its base (a stale base needs a yes), then title and date."""
    since = drafts.published_since(ws, vid)  # a stale base: what was published since, and a yes before publishing
    if since:
        base = drafts.publish_check(ws, vid)[0]
        st.warning(t("ed_published_since", lang).format(base=base, latest=since[-1].id))
        shown_since = {
            t("ed_col_version", lang): [f"v{v.id} · {shown_title(v, lang)}" for v in since],
            t("ed_col_published_by", lang): [who(v.published_by or v.created_by or "", lang) for v in since],
            t("ed_col_published_at", lang): [when(v.created, lang) for v in since],
        }
        st.dataframe(pd.DataFrame(shown_since), hide_index=True, width="stretch", placeholder=MISSING, key="pub_since")
    with st.form("publish"):
        title = st.text_input(
            t("ed_publish_title", lang), value=info.title.replace("草案", "").strip(), key="pub_title"
        )
        date = st.date_input(t("ed_publish_date", lang), value=dt.date.today(), key="pub_date")
        confirm = bool(since) and st.checkbox(
            t("ws_confirm_stale", lang).format(latest=since[-1].id) if since else "", key="pub_confirm"
        )
        if st.form_submit_button(t("ed_publish", lang)):
            try:
                drafts.publish(ws, user, vid, title, date.isoformat(), confirm_stale_base=confirm)
                ss.ed_flash = t("ed_published", lang).format(id=vid)
                st.rerun()
            except (EditRejected, PermissionDenied, WorkspaceBusy) as exc:
                _problems(exc)


def users_tab(user: str | None) -> None:
    """The accounts in the reader's words, and a form to add one or change its role."""
    show_table(accounts_frame(users.list_users(ws), lang))
    with st.form("add_user"):
        name = st.text_input(t("ed_user", lang), key="nu_name")
        new_role = st.selectbox(t("ed_role", lang), ROLES, key="nu_role", format_func=lambda r: role_word(r, lang))
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


show_outcome()
if "ed_flash" in ss:
    st.success(ss.pop("ed_flash"))

if info.kind != "draft":
    st.info(t("ed_published_readonly", lang))
    if allowed(role, "edit"):
        title = st.text_input(t("ed_draft_title", lang), key="draft_title")
        if st.button(t("ed_start_draft", lang), key="start_draft"):
            new = drafts.start_draft(ws, user, vid, workspace.draft_title(title, info, lang))
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

if names[0] in tabs:
    with tabs[names[0]]:
        if "ed_conflict" in ss:
            st.button(t("ed_reapply", lang), key="reapply", on_click=_reapply)
        kind = str(
            st.radio(
                t("ed_kind", lang), KINDS, key="ed_kind", horizontal=True, format_func=lambda k: t(f"ed_k_{k}", lang)
            )
        )
        FORMS[kind](ws, ds, user, vid, lang)

with tabs[names[1]]:
    scope = st.radio(t("ed_history_scope", lang), ["version", "area", "chain"], horizontal=True, key="h_scope",
                     format_func=lambda s: {"version": t("ed_whole_version", lang), "area": t("county", lang),
                                            "chain": t("chain", lang)}[s])  # fmt: skip
    area = chain = None
    if scope == "area":
        areas = dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)], strict=True))
        area = st.selectbox(
            t("county", lang), list(areas), format_func=lambda k: areas[k], key=state.resend("h_area_pick")
        )
    elif scope == "chain":
        chains = dict(zip(ds.chains["chain_no"], ds.chains[name_col(lang)], strict=True))
        chain = st.selectbox(
            t("chain", lang), list(chains), key=state.resend("h_chain_pick"), format_func=lambda c: f"{c}. {chains[c]}"
        )
    found = history(ws, vid, area=area, chain=None if chain is None else int(chain))
    if not found:
        st.info(t("ed_no_changes", lang))
    else:
        st.dataframe(
            history_frame(found, lang), hide_index=True, width="stretch", placeholder=MISSING, key="history_table"
        )
        st.download_button(t("ed_history_xlsx", lang), lambda: history_xlsx(found, lang), on_click="ignore",
                           file_name=f"history-v{vid}{'-草案' if info.kind == 'draft' else ''}.xlsx")  # fmt: skip
    if found and info.kind == "draft" and allowed(role, "edit"):
        undoable = {
            c.id: f"#{c.id} · {who(c.user, lang)} · {when(c.created, lang)} · {summary_text(c, lang)}"
            for c in found
            if c.action != "draft"
        }
        picks = undoable | {0: t("ed_as_created", lang)}
        with st.form("undo"):
            st.selectbox(
                t("ed_pick_change", lang), list(picks), key=state.resend("undo_pick"), format_func=lambda k: picks[k]
            )
            st.radio(t("ed_kind", lang), ["revert", "return"], key="undo_mode", horizontal=True,
                     format_func=lambda m: t(f"ed_{m}", lang))  # fmt: skip
            st.text_input(t("ed_reason", lang), key="undo_reason", max_chars=500)
            # the newest change of the draft now: a return refuses to undo changes saved after this page was shown
            newest = history(ws, vid)[0].id
            st.form_submit_button(t("ed_save", lang), on_click=_undo, args=(newest,))

if names[2] in tabs:
    with tabs[names[2]]:
        publish_tab(user)

if names[3] in tabs:
    with tabs[names[3]]:
        users_tab(user)
