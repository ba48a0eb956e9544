"""The accounts as a page or terminal shows them: names, roles in words, how each signs in, when it was made; and
the audit log in words."""

from __future__ import annotations

import pandas as pd

from sq_layout.auth.roles import ROLES
from sq_layout.i18n import TEXT, Lang, t
from sq_layout.i18n.shown import when, who, with_zone
from sq_layout.store.sessions import CLI_ADDRESS, NO_SUCH_ACCOUNT, UNKNOWN_ADDRESS, AuditEntry
from sq_layout.store.users import User

AUDIT_HEADS = ("alog_event", "ed_user", "alog_by", "alog_from", "alog_detail")


def role_word(role: str | None, lang: Lang) -> str:
    """A stored role (viewer, editor, admin) in the reader's words; an unknown one as stored."""
    return t(f"role_{role}", lang) if role in ROLES else str(role or "")


def accounts_frame(users: list[User], lang: Lang) -> pd.DataFrame:
    """One row per account under headers in `lang` (never a password hash: the store does not hand it out)."""
    heads = (t("ed_user", lang), t("ed_role", lang), t("acc_signin", lang), with_zone(t("acc_created", lang), lang))
    rows = [
        (
            u.name,
            role_word(u.role, lang),
            t("acc_password" if u.has_password else "acc_proxy_only", lang),
            when(u.created, lang),
        )
        for u in users
    ]
    return pd.DataFrame(rows, columns=list(heads))


def _event(event: str, lang: Lang) -> str:
    key = f"alog_{event}"
    return t(key, lang) if key in TEXT else event


def _named(value: str, lang: Lang) -> str:
    """An account, actor or address as shown: the command line, an unknown address or account name and the
    single-user `local` in words."""
    words = {
        CLI_ADDRESS: "alog_command_line",
        UNKNOWN_ADDRESS: "alog_unknown_address",
        NO_SUCH_ACCOUNT: "alog_no_account",
    }
    return t(words[value], lang) if value in words else who(value, lang)


def _detail(e: AuditEntry, lang: Lang) -> str:
    """An entry's detail in words: a role, a role change, sessions ended, a wait; anything else as stored."""
    if e.event == "user_added":
        return role_word(e.detail, lang)
    if e.event == "role_changed" and " -> " in e.detail:
        old, new = e.detail.split(" -> ", 1)
        return f"{role_word(old, lang)} → {role_word(new, lang)}"
    if e.event == "password_changed" and e.detail.isdigit():
        return t("alog_sessions_ended", lang).format(n=e.detail)
    if e.event == "slowed_down" and e.detail:
        return t("alog_waited", lang).format(s=e.detail)
    return e.detail


def audit_frame(entries: list[AuditEntry], lang: Lang) -> pd.DataFrame:
    """One row per audit entry under headers in `lang`: Beijing time, the event, account, actor, address in words."""
    heads = [with_zone(t("cli_when", lang), lang), *(t(k, lang) for k in AUDIT_HEADS)]
    rows = [
        (
            when(e.created, lang),
            _event(e.event, lang),
            _named(e.user, lang),
            _named(e.actor, lang),
            _named(e.address, lang),
            _detail(e, lang),
        )
        for e in entries
    ]
    return pd.DataFrame(rows, columns=heads)
