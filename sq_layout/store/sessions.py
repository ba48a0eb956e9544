"""Server-side sign-in state: browser sessions, the slow-down after failed sign-ins, and the audit log.

A session id is random and lives only in the browser's HttpOnly cookie; the table keeps its SHA-256, so a copy of the
database signs no one in. Ending a user's sessions is one DELETE, seen by every server process at its next request.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update

from sq_layout.store.auth_tables import audit, failures, sessions
from sq_layout.store.edit_tables import users
from sq_layout.store.workspace_store import Workspace, now

IDLE_S = 2 * 3600  # a session unused this long ends
ABSOLUTE_S = 12 * 3600  # and every session ends this long after sign-in
HANDOFF_S = 60  # the sign-in form's one-time token must be redeemed within this
TOUCH_S = 60  # `seen_at` is rewritten at most this often (a page rerun is not a write)
FREE_PER_ACCOUNT = 3  # failures of one account from one address before each next one doubles the wait
FREE_PER_ADDRESS = 20  # failures from one address, whatever the account
MAX_WAIT_S = 900.0
FORGET_S = 3600  # failures older than this are forgotten
UNKNOWN_ADDRESS = "unknown"
NO_SUCH_ACCOUNT = "(no such account)"  # the account a failed sign-in under an unknown name is logged as
CLI_ADDRESS = "command line"  # where (and, for the file's owner, who) a command-line change comes from


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _addr(address: str | None) -> str:
    return (address or UNKNOWN_ADDRESS)[:64]


def log_event(
    conn: Connection, event: str, user: str, *, actor: str = "", address: str | None = "", detail: str = ""
) -> None:
    """Add one audit entry inside the caller's transaction."""
    values = dict(created=now(), event=event, user_name=user[:64], actor=actor[:64], address=_addr(address))
    conn.execute(insert(audit).values(**values, detail=detail))


def end_user_sessions(conn: Connection, user: str) -> int:
    """End every session of a user (all browsers, all server processes) inside the caller's transaction."""
    return conn.execute(delete(sessions).where(sessions.c.user_name == user)).rowcount or 0


def start_handoff(ws: Workspace, user: str, address: str | None, *, clock: float | None = None) -> str:
    """A one-time token, valid HANDOFF_S seconds, that the sign-in route exchanges for a session cookie."""
    token, t = secrets.token_urlsafe(32), time.time() if clock is None else clock
    row = dict(id_hash=_hash(token), user_name=user, state="pending", created_at=t, seen_at=t, ends_at=t + HANDOFF_S)
    with ws.engine.begin() as conn:
        conn.execute(delete(sessions).where(sessions.c.ends_at < t))  # sweep what has expired anywhere
        conn.execute(insert(sessions).values(**row, address=_addr(address)))
    return token


def redeem_handoff(ws: Workspace, token: str, address: str | None, *, clock: float | None = None) -> str | None:
    """The new session id for a valid, unused hand-off token (which is spent), else None."""
    t = time.time() if clock is None else clock
    with ws.engine.begin() as conn:
        pending = sessions.c.state == "pending"
        live = (sessions.c.id_hash == _hash(token), pending, sessions.c.ends_at > t)
        row = conn.execute(select(sessions.c.user_name).where(*live)).first()
        if row is None:
            return None
        spent = conn.execute(delete(sessions).where(sessions.c.id_hash == _hash(token), pending)).rowcount
        still = conn.execute(select(users.c.name).where(users.c.name == row.user_name)).first()
        if spent != 1 or still is None:
            return None
        sid = secrets.token_urlsafe(32)
        values = dict(id_hash=_hash(sid), user_name=row.user_name, state="active", created_at=t, seen_at=t)
        conn.execute(insert(sessions).values(**values, ends_at=t + ABSOLUTE_S, address=_addr(address)))
        log_event(conn, "signin", row.user_name, address=address)
    return sid


def session_user(ws: Workspace, sid: str | None, *, clock: float | None = None) -> str | None:
    """The account a session id belongs to, or None when unknown, ended, idle too long, expired or its user removed."""
    if not sid:
        return None
    t = time.time() if clock is None else clock
    key = _hash(sid)
    with ws.engine.connect() as conn:
        row = conn.execute(
            select(sessions.c.user_name, sessions.c.seen_at, sessions.c.ends_at)
            .join(users, users.c.name == sessions.c.user_name)
            .where(sessions.c.id_hash == key, sessions.c.state == "active")
        ).first()
    if row is None or row.ends_at <= t or row.seen_at + IDLE_S <= t:
        return None
    if t - row.seen_at >= TOUCH_S:
        with ws.engine.begin() as conn:
            conn.execute(update(sessions).where(sessions.c.id_hash == key).values(seen_at=t))
    return str(row.user_name)


def end_session(ws: Workspace, sid: str | None, address: str | None) -> str | None:
    """Sign a browser out: its session ends for every server process; the user it belonged to, if any."""
    if not sid:
        return None
    with ws.engine.begin() as conn:
        key = sessions.c.id_hash == _hash(sid)
        user = conn.execute(select(sessions.c.user_name).where(key, sessions.c.state == "active")).scalar()
        if user is None:
            return None
        conn.execute(delete(sessions).where(key))
        log_event(conn, "signout", user, address=address)
    return str(user)


def _keys(user: str, address: str | None) -> tuple[tuple[str, int], tuple[str, int]]:
    account = _hash(user.casefold())[:32]  # a password typed into the name field is not kept readable
    return (f"acct:{account}|{_addr(address)}", FREE_PER_ACCOUNT), (f"addr:{_addr(address)}", FREE_PER_ADDRESS)


def wait_after(count: int, free: int) -> float:
    """Seconds to wait after `count` recent failures of which `free` cost nothing: 1, 2, 4 … up to MAX_WAIT_S."""
    return 0.0 if count < free else min(MAX_WAIT_S, 2.0 ** (count - free))


def retry_after(conn: Connection, user: str, address: str | None, t: float) -> float:
    """Seconds until a sign-in of this account from this address is checked again (0: now)."""
    keys = [k for k, _ in _keys(user, address)]
    rows = conn.execute(select(failures.c.wait_until).where(failures.c.key.in_(keys))).scalars().all()
    return max([0.0] + [float(w) - t for w in rows])


def record_failure(conn: Connection, user: str, address: str | None, t: float) -> float:
    """Count a failed sign-in against the account-and-address and the address; the wait it causes (0: none)."""
    wait = 0.0
    for key, free in _keys(user, address):
        row = conn.execute(select(failures).where(failures.c.key == key).with_for_update()).first()
        count = 1 if row is None or row.last_at < t - FORGET_S else row.failures + 1
        values = dict(failures=count, last_at=t, wait_until=t + wait_after(count, free))
        if row is None:
            conn.execute(insert(failures).values(key=key, **values))
        else:
            conn.execute(update(failures).where(failures.c.key == key).values(**values))
        wait = max(wait, wait_after(count, free))
    return wait


def clear_failures(conn: Connection, user: str, address: str | None) -> None:
    """Forget this account's failures from this address after it signed in there (the address keeps its count)."""
    conn.execute(delete(failures).where(failures.c.key == _keys(user, address)[0][0]))


@dataclass(frozen=True)
class AuditEntry:
    """One audit log line."""

    id: int
    created: str
    event: str
    user: str
    actor: str
    address: str
    detail: str


def audit_log(ws: Workspace, *, limit: int = 200, user: str | None = None) -> list[AuditEntry]:
    """The newest audit entries first (optionally of one account)."""
    q = select(audit).order_by(audit.c.id.desc()).limit(limit)
    if user:
        q = q.where(audit.c.user_name == user)
    with ws.engine.connect() as conn:
        rows = conn.execute(q).all()
    return [AuditEntry(r.id, r.created, r.event, r.user_name, r.actor, r.address, r.detail) for r in rows]
