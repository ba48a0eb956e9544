"""Each snapshot stored with its SHA-256 (what a process's decoded copy of a version is keyed on), and boundary
geometry stored uncompressed on PostgreSQL (STORAGE EXTERNAL): pglz tried to shrink every polygon's WKB of a
national plan on each save and kept nothing of it; SQLite has no such setting

Revision ID: 0009
Revises: 0008
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    with op.batch_alter_table("version_snapshot") as batch:
        batch.add_column(sa.Column("digest", sa.String(length=64), nullable=True))
    conn = op.get_bind()
    snapshots = sa.table("version_snapshot", sa.column("version_id"), sa.column("data"), sa.column("digest"))
    for vid in conn.execute(sa.select(snapshots.c.version_id)).scalars().all():  # one blob in memory at a time
        data = conn.execute(sa.select(snapshots.c.data).where(snapshots.c.version_id == vid)).scalar_one()
        digest = hashlib.sha256(bytes(data)).hexdigest()
        conn.execute(sa.update(snapshots).where(snapshots.c.version_id == vid).values(digest=digest))
    if conn.dialect.name == "postgresql":
        op.execute("ALTER TABLE rec_boundaries ALTER COLUMN geometry SET STORAGE EXTERNAL")


def downgrade() -> None:
    """Revert."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE rec_boundaries ALTER COLUMN geometry SET STORAGE MAIN")
    with op.batch_alter_table("version_snapshot") as batch:
        batch.drop_column("digest")
