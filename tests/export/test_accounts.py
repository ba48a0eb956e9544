"""The accounts table as the Edit page shows it: the reader's words for headers, roles and sign-in, Beijing time."""

from __future__ import annotations

import pytest

from sq_layout.export.accounts import accounts_frame, role_word
from sq_layout.i18n import Lang
from sq_layout.store.users import User

USERS = [
    User("wang", "admin", True, "2026-12-07T01:30:00+00:00"),
    User("li", "viewer", False, "2026-12-06T16:05:00+00:00"),
]


@pytest.mark.parametrize(
    ("lang", "heads", "first", "second"),
    [
        ("zh", ["用户名", "角色", "登录方式", "创建时间（北京时间）"], ["wang", "管理员", "密码", "2026-12-07 09:30"],
         ["li", "查看者", "仅单点登录", "2026-12-07 00:05"]),
        ("en", ["User name", "Role", "Signs in with", "Created (Beijing time)"],
         ["wang", "Administrator", "Password", "2026-12-07 09:30"],
         ["li", "Viewer", "Single sign-on only", "2026-12-07 00:05"]),
    ],
)  # fmt: skip
def test_accounts_read_in_the_readers_words(lang: Lang, heads: list[str], first: list[str], second: list[str]) -> None:
    frame = accounts_frame(USERS, lang)
    assert list(frame.columns) == heads
    assert frame.astype(str).values.tolist() == [first, second]


def test_every_role_has_its_words_and_an_unknown_one_stays_as_stored() -> None:
    from sq_layout.auth.roles import ROLES

    for lang in ("zh", "en"):
        words = [role_word(r, lang) for r in ROLES]
        assert len(set(words)) == len(ROLES) and not set(words) & set(ROLES)
    assert role_word("auditor", "zh") == "auditor"
