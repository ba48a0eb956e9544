"""Tables editing adds (migration 0002): users, the change log, and one lock/revision row per open draft."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text

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

# One row per change: `changes` is JSON, a list of {table, row_no, before, after} (rows as dicts; None = absent).
changes = Table(
    "change_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("plan_version.id"), nullable=False),
    Column("created", String(32), nullable=False),
    Column("user_name", String(64), nullable=False),
    Column("action", String(32), nullable=False),  # add | update | remove | revert | return | publish | draft
    Column("summary", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("area_ids", Text, nullable=False, default=""),  # ';'-separated, for the per-area history
    Column("chain_nos", Text, nullable=False, default=""),  # ';'-separated, for the per-chain history
    Column("changes", Text, nullable=False),
    Column("reverts", Integer, ForeignKey("change_log.id"), nullable=True),
    Column("reverted_by", Integer, ForeignKey("change_log.id"), nullable=True),
    Index("ix_change_log_version", "version_id", "id"),
)
