"""招商 workbench: the pipeline's early stages (线索, 在谈, 储备 dates on projects), target firms to attract
(inv_prospects), 链长制 per chain (inv_chain_leads) and the 十个一 checklist (inv_chain_tasks); their history is the
one change log's

Revision ID: 0007
Revises: 0006
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

EARLY = ("date_lead", "date_talks", "date_reserve")


def _table(name: str, keys: list[str], *columns: sa.Column[Any]) -> None:
    op.create_table(
        name,
        sa.Column("version_id", sa.Integer(), nullable=False),
        *columns,
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("version_id", *keys),
    )


def upgrade() -> None:
    """Apply."""
    with op.batch_alter_table("inv_projects") as batch:
        for c in EARLY:
            batch.add_column(sa.Column(c, sa.DateTime(), nullable=True))
    text = [
        sa.Column(c, sa.Text(), nullable=False)
        for c in ("name", "province", "city", "chains", "links", "category", "status", "area_id", "owner", "next_step")
    ]
    _table(
        "inv_prospects",
        ["prospect_id"],
        sa.Column("prospect_id", sa.Text(), nullable=False),
        *text,
        sa.Column("date_added", sa.DateTime(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
    )
    _table(
        "inv_chain_leads",
        ["chain_no"],
        sa.Column("chain_no", sa.Integer(), nullable=False),
        *(sa.Column(c, sa.Text(), nullable=False) for c in ("leader_1", "leader_2", "department", "note")),
    )
    _table(
        "inv_chain_tasks",
        ["chain_no", "item_no"],
        sa.Column("chain_no", sa.Integer(), nullable=False),
        sa.Column("item_no", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("date", sa.DateTime(), nullable=True),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    """Revert: the new tables dropped; projects at an early stage (no 签约 yet) cannot be kept by the older schema
    and are removed."""
    for name in ("inv_chain_tasks", "inv_chain_leads", "inv_prospects"):
        op.drop_table(name)
    op.execute(sa.text("DELETE FROM inv_projects WHERE stage IN ('线索', '在谈', '储备')"))
    with op.batch_alter_table("inv_projects") as batch:
        for c in EARLY:
            batch.drop_column(c)
