"""Who is using the page: the trusted proxy header (when configured), else a server-side session; sign-in form.

The session cookie is set and cleared only by the server's routes (sq_layout.auth.web), HttpOnly: after a correct
password the page sends the browser to the route with a one-time token, which sets the cookie and comes back here.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode, urlsplit

import streamlit as st
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from sq_layout.auth.proxy import HEADER_ENV, ProxyConfig, proxy_user
from sq_layout.auth.web import COOKIE, PEER_HEADER, session_url, signout_url
from sq_layout.errors import ConfigError
from sq_layout.export.accounts import role_word
from sq_layout.i18n import Lang, t
from sq_layout.store import Workspace
from sq_layout.store.edit_tables import users
from sq_layout.store.sessions import end_session, session_user, start_handoff
from sq_layout.store.users import authenticate, role_of

SID = "sq_sid"  # a session id held by this Streamlit session (tests in-process; the browser's is in the cookie)
FIRST_ADMIN = "python -m sq_layout users add NAME --role admin --password-stdin"


def proxy_config(lang: Lang) -> ProxyConfig:
    """The proxy sign-in settings; a malformed one is shown as a message and proxy sign-in stays off."""
    try:
        return ProxyConfig.from_env()
    except ConfigError as exc:
        key = "ed_proxy_bad_header" if exc.setting == HEADER_ENV else "ed_proxy_bad_addrs"
        st.error(t(key, lang).format(setting=exc.setting, value=exc.value))
        return ProxyConfig()


def _session_id() -> str | None:
    ss = st.session_state
    if ss.get(SID):
        return str(ss[SID])
    cookie = None if ss.get("sq_signed_out") else st.context.cookies.get(COOKIE)
    return cookie if isinstance(cookie, str) else None


def current_user(ws: Workspace, lang: Lang = "zh") -> tuple[str | None, str | None, str]:
    """(user, stored role, how known: 'proxy' | 'session' | ''); the role always comes from the workspace."""
    # The peer header is written by the server's middleware from the TCP connection (a client's copy is dropped).
    peer = st.context.headers.get(PEER_HEADER)
    name = proxy_user(dict(st.context.headers), peer if isinstance(peer, str) else None, proxy_config(lang))
    if name:
        return name, role_of(ws, name), "proxy"
    user = session_user(ws, _session_id())
    role = role_of(ws, user)
    return (user, role, "session") if user and role else (None, None, "")


def _here() -> str:
    """This page's path and query: st.context.url has no query, and the language and version live there."""
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return urlsplit(st.context.url or "/").path + (f"?{query}" if query else "")


def _go(target: str, lang: Lang) -> None:
    """Send the browser to one of the sign-in routes (a link too, should scripts be off)."""
    st.html(f"<script>window.location.assign({json.dumps(target)});</script>", unsafe_allow_javascript=True)
    st.markdown(f"[{t('si_continue', lang)}]({target})")


def _no_accounts(ws: Workspace) -> bool:
    with ws.engine.connect() as conn:
        return conn.execute(select(users.c.name).limit(1)).first() is None


def signin_box(ws: Workspace, lang: Lang) -> tuple[str | None, str | None]:
    """The sign-in form, or who is signed in with a sign-out button; (user, role)."""
    ss = st.session_state
    goto = ss.pop("sq_goto", None)
    if goto:
        _go(goto, lang)
        st.stop()
    user, role, via = current_user(ws, lang)
    if user:
        st.success(
            t("ed_signed_in_as", lang).format(user=user, role=role_word(role, lang))
            + (f" · {t('ed_via_proxy', lang)}" if via == "proxy" else "")
        )
        if via == "session" and st.button(t("ed_signout", lang), key="signout"):
            end_session(ws, _session_id(), st.context.ip_address)  # ended for every browser and server process
            ss[SID], ss.sq_signed_out, ss.sq_goto = None, True, signout_url(_here())
            st.rerun()
        return user, role
    if _no_accounts(ws):
        st.info(t("si_no_accounts", lang))
        st.code(FIRST_ADMIN, language="bash")
        return None, None
    st.caption(t("ed_viewing_only", lang))
    with st.form("signin"):
        name = st.text_input(t("ed_user", lang), key="si_user")
        password = st.text_input(t("ed_password", lang), type="password", key="si_pw")
        go = st.form_submit_button(t("ed_signin", lang))
    if go and name:
        address = st.context.ip_address
        try:
            found, wait = authenticate(ws, name.strip(), password, address)
            token = start_handoff(ws, found, address) if found else None
        except OperationalError:
            st.error(t("si_workspace_busy", lang))
            return None, None
        if token:
            ss.sq_signed_out, ss.sq_goto = False, session_url(token, _here())
            st.rerun()
        st.error(t("ed_locked", lang).format(s=int(wait) + 1) if wait > 0 else t("ed_bad_signin", lang))
    return None, None
