"""Workspace users: roles and Argon2 password hashes; the store checks the acting user's role on every write."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from sq_layout.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from sq_layout.auth.roles import ROLES, allowed
from sq_layout.cache import PER_PROCESS, cached
from sq_layout.errors import EditRejected, PermissionDenied
from sq_layout.store.edit_tables import users
from sq_layout.store.sessions import (
    CLI_ADDRESS,
    NO_SUCH_ACCOUNT,
    clear_failures,
    end_user_sessions,
    log_event,
    record_failure,
    retry_after,
)
from sq_layout.store.workspace_store import Workspace, now

_NAME = re.compile(r"^\S{1,64}$")


@cached(1, key=PER_PROCESS, invalidated="a hash of a fixed text never needs making again")
def _dummy_hash() -> str:
    """A well-formed hash of a random password: unknown users cost the same verification time as known ones. Made at
    the first sign-in, not at import (an Argon2 hash is ≈ 0.2 s of CPU on the way to every page's first run)."""
    return hash_password("no such user, no such password")


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
        raise PermissionDenied(user, role, action)
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


def _insert(conn: Connection, name: str, role: str, hashed: str | None, actor: str) -> None:
    if conn.execute(select(users.c.name).where(users.c.name == name)).first():
        raise EditRejected([("ev_user_exists", {"value": name})])
    conn.execute(insert(users).values(name=name, role=role, password_hash=hashed, created=now()))
    log_event(conn, "user_added", name, actor=actor, detail=role)


def add_user(ws: Workspace, name: str, role: str, password: str | None, *, actor: str | None) -> None:
    """Create an account (password None: proxy sign-in only). Needs an admin, except for the very first user."""
    _check(name, role, password)
    hashed = None if password is None else hash_password(password)
    with ws.engine.begin() as conn:
        first = conn.execute(select(users.c.name).limit(1)).first() is None
        if not first or actor is not None:
            require(conn, actor, "manage_users")
        _insert(conn, name, role, hashed, actor or "")


def add_user_cli(ws: Workspace, name: str, role: str, password: str | None, *, actor: str = CLI_ADDRESS) -> None:
    """Create an account from the server's command line (the caller has established who `actor` is)."""
    _check(name, role, password)
    hashed = None if password is None else hash_password(password)
    with ws.engine.begin() as conn:
        _insert(conn, name, role, hashed, actor)


def set_password(
    ws: Workspace, name: str, password: str, *, actor: str | None, cli: bool = False, address: str | None = ""
) -> None:
    """Replace a password (the user themself, an admin, or the command line); every session of the user ends."""
    _check(name, "viewer", password)
    with ws.engine.begin() as conn:
        if not cli and actor != name:
            require(conn, actor, "manage_users")
        done = conn.execute(update(users).where(users.c.name == name).values(password_hash=hash_password(password)))
        if done.rowcount != 1:
            raise EditRejected([("ev_no_account", {"value": name})])
        ended = end_user_sessions(conn, name)
        log_event(conn, "password_changed", name, actor=actor or CLI_ADDRESS, address=address, detail=f"{ended}")


def set_role(ws: Workspace, name: str, role: str, *, actor: str | None, cli: bool = False) -> None:
    """Change a user's role (an admin, or the command line); the user's sessions end, so it holds from the next
    sign-in."""
    _check(name, role, None)
    with ws.engine.begin() as conn:
        if not cli:
            require(conn, actor, "manage_users")
        old = role_in(conn, name)
        if old is None:
            raise EditRejected([("ev_no_account", {"value": name})])
        conn.execute(update(users).where(users.c.name == name).values(role=role))
        if old != role:
            end_user_sessions(conn, name)
            log_event(conn, "role_changed", name, actor=actor or "", detail=f"{old} -> {role}")


def remove_user(ws: Workspace, name: str, *, actor: str | None, cli: bool = False) -> None:
    """Delete an account (an admin, or the command line) and end its sessions; its changes keep its name."""
    with ws.engine.begin() as conn:
        if not cli:
            require(conn, actor, "manage_users")
        if not conn.execute(delete(users).where(users.c.name == name)).rowcount:
            raise EditRejected([("ev_no_account", {"value": name})])
        end_user_sessions(conn, name)
        log_event(conn, "user_removed", name, actor=actor or "")


def list_users(ws: Workspace) -> list[User]:
    """Every account, by name."""
    with ws.engine.connect() as conn:
        rows = conn.execute(select(users).order_by(users.c.name)).all()
    return [User(r.name, r.role, r.password_hash is not None, r.created) for r in rows]


def authenticate(
    ws: Workspace, name: str, password: str, address: str | None, *, clock: float | None = None
) -> tuple[str | None, float]:
    """(user name, 0) on success; (None, seconds to wait, 0 when none) when refused: wrong, unknown or slowed down.

    Failures count per account-and-address and per address, in the database (every server process, restarts): a
    wrong password from one address slows that address down, never the account's owner signing in elsewhere."""
    t = time.time() if clock is None else clock
    with ws.engine.connect() as conn:
        wait = retry_after(conn, name, address, t)
        stored = conn.execute(select(users.c.password_hash).where(users.c.name == name)).scalar()
    if wait > 0:
        return None, wait
    if not verify_password(stored or _dummy_hash(), password) or stored is None:
        for attempt in range(2):
            try:
                with ws.engine.begin() as conn:
                    wait = record_failure(conn, name, address, t)
                    # a name that is no account may be a password typed in the wrong field: it is not logged
                    who = name if stored is not None else NO_SUCH_ACCOUNT
                    log_event(conn, "signin_failed", who, address=address)
                    if wait > 0:
                        log_event(conn, "slowed_down", who, address=address, detail=f"{wait:.0f} s")
                break
            except IntegrityError:  # another process counted the first failure of this key at the same moment
                if attempt:
                    raise
        return None, wait
    with ws.engine.begin() as conn:
        clear_failures(conn, name, address)
        if needs_rehash(stored):
            conn.execute(update(users).where(users.c.name == name).values(password_hash=hash_password(password)))
    return name, 0.0
