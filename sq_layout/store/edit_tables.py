"""Tables editing adds (migration 0002): users and one lock/revision row per open draft (the change log: changes.py)."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text

from sq_layout.store.tables import metadata

users = Table(
    "app_user",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(16), nullable=False),  # viewer | editor | admin
    Column("password_hash", Text, nullable=True),  # None: signs in only through the trusted proxy
    Column("created", String(32), nullable=False),
)

# One row per open draft: every edit bumps `rev` first, so edits of one draft are serialised on both back ends and
# the page can tell that its cached copy of the draft is stale.
drafts = Table(
    "draft_state",
    metadata,
    Column("version_id", Integer, ForeignKey("plan_version.id"), primary_key=True),
    Column("rev", Integer, nullable=False, default=0),
)
