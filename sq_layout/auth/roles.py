"""Roles and what each may do: viewing needs no account; editing needs an editor; publishing and users an admin."""

from __future__ import annotations

ROLES = ("viewer", "editor", "admin")
_RANK = {r: i for i, r in enumerate(ROLES)}
ACTIONS = {"view": "viewer", "edit": "editor", "import": "editor", "publish": "admin", "manage_users": "admin"}


def allowed(role: str | None, action: str) -> bool:
    """Whether a signed-in role (None: anonymous viewer) may perform an action."""
    need = ACTIONS[action]
    have = _RANK.get(role or "viewer", -1)
    return have >= _RANK[need]
