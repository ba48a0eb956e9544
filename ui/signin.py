"""Who is using the page: the trusted proxy header (when configured), else a signed session cookie; sign-in form."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from sq_layout.auth import tokens
from sq_layout.auth.proxy import HEADER_ENV, ProxyConfig, proxy_user
from sq_layout.auth.ratelimit import SignInLimiter
from sq_layout.errors import ConfigError
from sq_layout.i18n import t
from sq_layout.store import Workspace
from sq_layout.store.users import authenticate, role_of

COOKIE = "sq_session"


@st.cache_resource
def _secret() -> bytes:
    from platformdirs import user_data_dir

    return tokens.load_secret(Path(user_data_dir("sq-layout", appauthor=False)) / "session.key")


@st.cache_resource
def _limiter() -> SignInLimiter:
    return SignInLimiter()  # one per server: failures count across sessions and reloads


def _set_cookie(value: str, max_age: int) -> None:
    # A tiny same-origin script: the token survives a reload (read back through st.context.cookies).
    cookie = json.dumps(f"{COOKIE}={value}; path=/; max-age={max_age}; SameSite=Strict")
    st.html(f"<script>document.cookie = {cookie};</script>", unsafe_allow_javascript=True)


def proxy_config(lang: str) -> ProxyConfig:
    """The proxy sign-in settings; a malformed one is shown as a message and proxy sign-in stays off."""
    try:
        return ProxyConfig.from_env()
    except ConfigError as exc:
        key = "ed_proxy_bad_header" if exc.setting == HEADER_ENV else "ed_proxy_bad_addrs"
        st.error(t(key, lang).format(setting=exc.setting, value=exc.value))
        return ProxyConfig()


def current_user(ws: Workspace, lang: str = "zh") -> tuple[str | None, str | None, str]:
    """(user, stored role, how known: 'proxy' | 'session' | ''); the role always comes from the workspace."""
    ss = st.session_state
    name = proxy_user(dict(st.context.headers), st.context.ip_address, proxy_config(lang))
    if name:
        return name, role_of(ws, name), "proxy"
    token = ss.get("sq_token")
    if token is None and not ss.get("sq_signed_out"):
        token = st.context.cookies.get(COOKIE)
    session = tokens.verify(token, _secret())
    if session is None:
        return None, None, ""
    role = role_of(ws, session.user)
    return (session.user, role, "session") if role else (None, None, "")


def signin_box(ws: Workspace, lang: str) -> tuple[str | None, str | None]:
    """The sign-in form, or who is signed in with a sign-out button; (user, role)."""
    user, role, via = current_user(ws, lang)
    ss = st.session_state
    if ss.pop("sq_cookie", None) is not None:
        _set_cookie(ss.get("sq_token") or "", 0 if not ss.get("sq_token") else tokens.SESSION_HOURS * 3600)
    if user:
        st.success(
            t("ed_signed_in_as", lang).format(user=user, role=role)
            + (f" · {t('ed_via_proxy', lang)}" if via == "proxy" else "")
        )
        if via == "session" and st.button(t("ed_signout", lang), key="signout"):
            ss.sq_token, ss.sq_signed_out, ss.sq_cookie = None, True, True
            st.rerun()
        return user, role
    st.caption(t("ed_viewing_only", lang))
    with st.form("signin"):
        name = st.text_input(t("ed_user", lang), key="si_user")
        password = st.text_input(t("ed_password", lang), type="password", key="si_pw")
        go = st.form_submit_button(t("ed_signin", lang))
    if go and name:
        found, wait = authenticate(ws, name.strip(), password, st.context.ip_address, _limiter())
        if found:
            ss.sq_token, ss.sq_signed_out, ss.sq_cookie = tokens.sign(found, _secret()), False, True
            st.rerun()
        st.error(t("ed_locked", lang).format(s=int(wait) + 1) if wait > 0 else t("ed_bad_signin", lang))
    return None, None
