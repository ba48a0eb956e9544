"""Snapshots stored uncompressed on PostgreSQL (STORAGE EXTERNAL): the blob is Arrow and WKB, which pglz cannot
shrink, yet it tried over every byte — ~1.4 s of a national version's save; SQLite has no such setting

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE version_snapshot ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    """Revert."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE version_snapshot ALTER COLUMN data SET STORAGE EXTENDED")
