"""Editing: users with role and password hash, the change log (who, when, before -> after, why), open drafts

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "app_user",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=True),
        sa.Column("created", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "draft_state",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("version_id"),
    )
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("created", sa.String(length=32), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("area_ids", sa.Text(), nullable=False),
        sa.Column("chain_nos", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("reverts", sa.Integer(), nullable=True),
        sa.Column("reverted_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.ForeignKeyConstraint(["reverts"], ["change_log.id"]),
        sa.ForeignKeyConstraint(["reverted_by"], ["change_log.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_change_log_version", "change_log", ["version_id", "id"])


def downgrade() -> None:
    """Revert."""
    op.drop_index("ix_change_log_version", table_name="change_log")
    op.drop_table("change_log")
    op.drop_table("draft_state")
    op.drop_table("app_user")
