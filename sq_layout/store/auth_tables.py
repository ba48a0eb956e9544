"""Tables sign-in adds (migration 0004): server-side sessions, sign-in failures, the audit log."""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, String, Table, Text

from sq_layout.store.tables import metadata

# A browser session: the cookie holds a random id, the table only its SHA-256. 'pending' rows are one-time hand-offs
# from the sign-in form to the route that sets the HttpOnly cookie; 'active' rows are signed-in browsers.
sessions = Table(
    "auth_session",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_name", String(64), nullable=False),
    Column("state", String(8), nullable=False),  # pending | active
    Column("created_at", Float, nullable=False),  # seconds since the epoch
    Column("seen_at", Float, nullable=False),
    Column("ends_at", Float, nullable=False),  # absolute expiry
    Column("address", String(64), nullable=False),
    Index("ix_auth_session_user", "user_name"),
    info={"sign_in_state": True},
)

# Failed sign-ins per key ('acct:<name>|<address>' or 'addr:<address>'): each failure past the free ones doubles the
# wait before the next attempt with that key is even checked.
failures = Table(
    "signin_failure",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_at", Float, nullable=False),
    Column("wait_until", Float, nullable=False),
    info={"sign_in_state": True},
)

audit = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created", String(32), nullable=False),
    Column("event", String(32), nullable=False),
    Column("user_name", String(64), nullable=False),  # the account concerned
    Column("actor", String(64), nullable=False),  # who did it ('' for the account itself or unknown)
    Column("address", String(64), nullable=False),
    Column("detail", Text, nullable=False),
)
