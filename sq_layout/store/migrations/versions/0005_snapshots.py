"""Per-version snapshots: a published version's tables as one Arrow blob, read whole instead of row by row

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "version_snapshot",
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("plan_version.id"), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("version_id"),
    )


def downgrade() -> None:
    """Revert."""
    op.drop_table("version_snapshot")
