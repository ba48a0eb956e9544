"""The accounts as a page or terminal shows them: names, roles in words, how each signs in, when it was made."""

from __future__ import annotations

import pandas as pd

from sq_layout.auth.roles import ROLES
from sq_layout.i18n import Lang, t
from sq_layout.i18n.shown import when, with_zone
from sq_layout.store.users import User


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
