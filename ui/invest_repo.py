"""Where the investment page keeps its records: the shown version's in the workspace (saved with history; saving needs
an editor once the workspace has accounts), the fictional demo set in the session, or the session alone when the
workspace cannot be opened."""

from __future__ import annotations

import streamlit as st

from sq_layout import workspace
from sq_layout.errors import DemoNotStored, InvestConflict, PermissionDenied, WorkspaceUnavailable
from sq_layout.export.history import history_frame, invest_history_xlsx
from sq_layout.i18n import Lang, t
from sq_layout.i18n.shown import when, who
from sq_layout.invest.repository import InvestData, MemoryRepository, Repository, plan_baseline
from sq_layout.invest.store_repository import StoreRepository
from sq_layout.plan.dataset import bundled
from sq_layout.store.invest_store import auth_configured
from ui.signin import current_user, signin_box
from ui.tables import MISSING
from ui.versionpick import chosen_version, version_dataset, version_stamp

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def repository(current: Repository | None) -> Repository:
    """The repository for this run: the session's demo set while it is shown, else the shown version's records for
    the signed-in user (the same object across reruns while neither changes)."""
    if isinstance(current, MemoryRepository) and current.data.demo:
        return current
    vid = chosen_version()
    if vid is None:  # no workspace (chosen_version said why): records live in this session only
        return current if isinstance(current, MemoryRepository) else MemoryRepository(plan_baseline(bundled()))
    try:
        ws = workspace.workspace()
    except WorkspaceUnavailable:
        return MemoryRepository(plan_baseline(bundled()))
    user = current_user(ws)[0]
    key = (ws.url, vid, user, version_stamp(vid))  # a draft's plan edits change its baseline: a new repository
    if isinstance(current, StoreRepository) and st.session_state.get("inv_repo_key") == key:
        return current
    st.session_state.inv_repo_key = key
    return StoreRepository(ws, vid, user=user, ds=lambda: version_dataset(vid))


def save(repo: Repository, data: InvestData, note: str, lang: Lang) -> bool:
    """Save through the repository; a refusal (sign-in, role, a colleague's save in between) is shown, not raised."""
    try:
        repo.save(data, note)
        return True
    except PermissionDenied:
        st.error(t("inv_store_denied", lang))
    except InvestConflict as exc:
        st.error(
            t("inv_store_conflict", lang).format(who=who(exc.who, lang), when=when(exc.when, lang), why=exc.why or "—")
        )
    except DemoNotStored:
        st.error(t("inv_store_demo", lang))
    return False


def save_and_say(repo: Repository, data: InvestData, note: str, lang: Lang, msg: str, where: str) -> None:
    """Save (see save) and, once saved, say `msg` under the form or button named `where` after the rerun."""
    if save(repo, data, note, lang):
        st.session_state.inv_cache = {}
        st.session_state.inv_saved_msg = (where, msg)  # said under what saved, where the reader is looking
        st.rerun()


def said_here(where: str) -> None:
    """The saved message, under the form or button it belongs to (the page keeps its scroll after the rerun)."""
    said_where, msg = st.session_state.get("inv_saved_msg") or ("", "")
    if said_where == where:
        st.session_state.pop("inv_saved_msg")
        st.success(msg)


def store_panel(repo: Repository, lang: Lang) -> None:
    """Where the records are saved, who may save them (with a sign-in when needed), and their history."""
    if isinstance(repo, MemoryRepository):
        st.info(t("inv_store_demo" if repo.data.demo else "inv_store_session_only", lang))
        return
    assert isinstance(repo, StoreRepository)
    src = repo.stamp()[0]
    st.caption(t("inv_store_where", lang).format(v=repo.version_id))
    if src != repo.version_id:
        shown = t("inv_store_src_plan", lang) if src is None else t("inv_store_src_version", lang).format(v=src)
        st.caption(t("inv_store_inherited", lang).format(src=shown))
    with repo.ws.engine.connect() as conn:
        needs_account = auth_configured(conn)
    st.caption(t("inv_store_needs_editor" if needs_account else "inv_store_open", lang))
    if needs_account and not repo.can_write():
        with st.expander(t("inv_store_signin", lang)):
            signin_box(repo.ws, lang)
    changes = repo.history()
    with st.expander(t("inv_store_history", lang).format(n=len(changes))):
        if not changes:
            st.info(t("inv_store_no_history", lang))
            return
        st.dataframe(history_frame(changes, lang, invest=True), hide_index=True, width="stretch", placeholder=MISSING)
        st.download_button(
            t("inv_store_history_xlsx", lang),
            lambda: invest_history_xlsx(changes, lang),
            f"sq-invest-history-v{src}.xlsx",
            XLSX,
            on_click="ignore",
            key="inv_dl_history",
        )


def signin_hint(repo: Repository, lang: Lang) -> None:
    """For a view whose edits this user may not save: say so, with the sign-in box where an account would allow it."""
    st.info(t("wb_signin_to_edit", lang))
    if isinstance(repo, StoreRepository):
        with st.expander(t("inv_store_signin", lang)):
            signin_box(repo.ws, lang)
