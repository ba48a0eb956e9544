"""Workspace users: roles and Argon2 password hashes; the store checks the acting user's role on every write."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update

from sq_layout.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from sq_layout.auth.ratelimit import SignInLimiter
from sq_layout.auth.roles import ROLES, allowed
from sq_layout.errors import EditRejected, PermissionDenied
from sq_layout.store.edit_tables import users
from sq_layout.store.workspace_store import Workspace, now

_NAME = re.compile(r"^\S{1,64}$")
# A well-formed hash of a random password: unknown users cost the same verification time as known ones.
_DUMMY_HASH = hash_password("no such user, no such password")


@dataclass(frozen=True)
class User:
    """One account as listed (never with its hash)."""

    name: str
    role: str
    has_password: bool
    created: str


def role_in(conn: Connection, user: str | None) -> str | None:
    """The stored role of a user inside a transaction (None: unknown or anonymous)."""
    if not user:
        return None
    return conn.execute(select(users.c.role).where(users.c.name == user)).scalar()


def require(conn: Connection, user: str | None, action: str) -> str:
    """The user's stored role if it allows `action`, else PermissionDenied; the caller's claim is never trusted."""
    role = role_in(conn, user)
    if role is None or not allowed(role, action):
        raise PermissionDenied(f"{user or 'anonymous'} ({role or 'no account'}) may not {action}")
    return role


def role_of(ws: Workspace, user: str | None) -> str | None:
    """The role of a user (None: no such account)."""
    with ws.engine.connect() as conn:
        return role_in(conn, user)


def _check(name: str, role: str, password: str | None) -> None:
    problems: list[tuple[str, dict[str, object]]] = []
    if not _NAME.match(name):
        problems.append(("ev_user", {}))
    if role not in ROLES:
        problems.append(("ev_role", {}))
    if password is not None and password_problem(password):
        problems.append(("ev_password", {}))
    if problems:
        raise EditRejected(problems)


def add_user(ws: Workspace, name: str, role: str, password: str | None, *, actor: str | None) -> None:
    """Create an account (password None: proxy sign-in only). Needs an admin, except for the very first user."""
    _check(name, role, password)
    hashed = None if password is None else hash_password(password)
    with ws.engine.begin() as conn:
        first = conn.execute(select(users.c.name).limit(1)).first() is None
        if not first or actor is not None:
            require(conn, actor, "manage_users")
        if conn.execute(select(users.c.name).where(users.c.name == name)).first():
            raise EditRejected([("ev_user_exists", {"value": name})])
        conn.execute(insert(users).values(name=name, role=role, password_hash=hashed, created=now()))


def add_user_cli(ws: Workspace, name: str, role: str, password: str | None) -> None:
    """Create an account from the server's command line (whoever runs it holds the database already)."""
    _check(name, role, password)
    hashed = None if password is None else hash_password(password)
    with ws.engine.begin() as conn:
        if conn.execute(select(users.c.name).where(users.c.name == name)).first():
            raise EditRejected([("ev_user_exists", {"value": name})])
        conn.execute(insert(users).values(name=name, role=role, password_hash=hashed, created=now()))


def set_password(ws: Workspace, name: str, password: str, *, actor: str | None, cli: bool = False) -> None:
    """Replace a password: the user themself, an admin, or the command line."""
    _check(name, "viewer", password)
    with ws.engine.begin() as conn:
        if not cli and actor != name:
            require(conn, actor, "manage_users")
        done = conn.execute(update(users).where(users.c.name == name).values(password_hash=hash_password(password)))
        if done.rowcount != 1:
            raise EditRejected([("ev_unknown", {"what": "user", "value": name, "choices": "app_user"})])


def set_role(ws: Workspace, name: str, role: str, *, actor: str | None) -> None:
    """Change a user's role (admin only)."""
    _check(name, role, None)
    with ws.engine.begin() as conn:
        require(conn, actor, "manage_users")
        conn.execute(update(users).where(users.c.name == name).values(role=role))


def remove_user(ws: Workspace, name: str, *, actor: str | None) -> None:
    """Delete an account (admin only); its changes keep its name in the history."""
    with ws.engine.begin() as conn:
        require(conn, actor, "manage_users")
        conn.execute(delete(users).where(users.c.name == name))


def list_users(ws: Workspace) -> list[User]:
    """Every account, by name."""
    with ws.engine.connect() as conn:
        rows = conn.execute(select(users).order_by(users.c.name)).all()
    return [User(r.name, r.role, r.password_hash is not None, r.created) for r in rows]


def authenticate(
    ws: Workspace, name: str, password: str, address: str | None, limiter: SignInLimiter
) -> tuple[str | None, float]:
    """(user name, 0) on success; (None, seconds to wait) when refused — wrong, unknown, or rate-limited."""
    wait = limiter.retry_after(name, address)
    if wait > 0:
        return None, wait
    with ws.engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash).where(users.c.name == name)).scalar()
    if not verify_password(stored or _DUMMY_HASH, password) or stored is None:
        limiter.failed(name, address)
        return None, limiter.retry_after(name, address)
    limiter.succeeded(name, address)
    if needs_rehash(stored):
        with ws.engine.begin() as conn:
            conn.execute(update(users).where(users.c.name == name).values(password_hash=hash_password(password)))
    return name, 0.0
