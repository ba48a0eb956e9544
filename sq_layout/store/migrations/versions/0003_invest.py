"""Investment records per version: firms, projects, carrier parks, chain links, yearly actuals; their change log

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from sq_layout.store.tables import Geometry

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

POINT_TABLES = ("inv_firms", "inv_projects", "inv_carriers")


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "inv_firms",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("firm_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("credit_code", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("chains", sa.Text(), nullable=False),
        sa.Column("links", sa.Text(), nullable=False),
        sa.Column("area_id", sa.Text(), nullable=False),
        sa.Column("area_stated", sa.Text(), nullable=False),
        sa.Column("area_flag", sa.Boolean(), nullable=False),
        sa.Column("carrier", sa.Text(), nullable=False),
        sa.Column("geometry", Geometry(), nullable=False),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("version_id", "firm_id"),
    )
    op.create_table(
        "inv_projects",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("firm", sa.Text(), nullable=False),
        sa.Column("investment_yi", sa.Float(precision=53), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("date_signed", sa.DateTime(), nullable=True),
        sa.Column("date_started", sa.DateTime(), nullable=True),
        sa.Column("date_completed", sa.DateTime(), nullable=True),
        sa.Column("date_operating", sa.DateTime(), nullable=True),
        sa.Column("chains", sa.Text(), nullable=False),
        sa.Column("links", sa.Text(), nullable=False),
        sa.Column("area_id", sa.Text(), nullable=False),
        sa.Column("area_stated", sa.Text(), nullable=False),
        sa.Column("area_flag", sa.Boolean(), nullable=False),
        sa.Column("carrier", sa.Text(), nullable=False),
        sa.Column("geometry", Geometry(), nullable=False),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("version_id", "project_id"),
    )
    op.create_table(
        "inv_carriers",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("carrier_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("chains", sa.Text(), nullable=False),
        sa.Column("area_id", sa.Text(), nullable=False),
        sa.Column("geometry", Geometry(), nullable=False),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("version_id", "carrier_id"),
    )
    op.create_table(
        "inv_links",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Text(), nullable=False),
        sa.Column("chain_no", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("version_id", "link_id"),
    )
    op.create_table(
        "inv_actuals",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("chain_no", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Text(), nullable=False),
        sa.Column("output_yi", sa.Float(precision=53), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("version_id", "chain_no", "year", "area_id"),
    )
    op.create_table(
        "inv_state",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("based_on", sa.Integer(), nullable=True),
        sa.Column("saved", sa.String(length=32), nullable=False),
        sa.Column("saved_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.ForeignKeyConstraint(["based_on"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("version_id"),
    )
    op.create_table(
        "inv_change_log",
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
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_inv_change_log_version", "inv_change_log", ["version_id", "id"])
    if op.get_bind().dialect.name == "postgresql":
        for name in POINT_TABLES:
            op.create_index(f"ix_{name}_geometry", name, ["geometry"], postgresql_using="gist")


def downgrade() -> None:
    """Revert."""
    op.drop_index("ix_inv_change_log_version", table_name="inv_change_log")
    op.drop_table("inv_change_log")
    op.drop_table("inv_state")
    for name in ("inv_actuals", "inv_links", "inv_carriers", "inv_projects", "inv_firms"):
        op.drop_table(name)
