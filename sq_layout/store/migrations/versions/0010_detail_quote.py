"""A plan detail keeps a verbatim quote, as an assignment does: `quote` on rec_details, filled for the stored versions
with the sentence of the detail's line that holds its text (empty when no sentence does); stored snapshots are
dropped, so that each published version's is made again, with the column, at its next load

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from sq_layout.plan.sources import sentence_with

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply."""
    with op.batch_alter_table("rec_details") as batch:
        batch.add_column(sa.Column("quote", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    details = sa.table(
        "rec_details",
        sa.column("version_id"),
        sa.column("row_no"),
        sa.column("text"),
        sa.column("line"),
        sa.column("quote"),
    )
    versions = sa.table("plan_version", sa.column("id"), sa.column("plan_text_sha"))
    texts = sa.table("plan_text", sa.column("sha256"), sa.column("text"))
    stmt = sa.select(versions.c.id, texts.c.text).join(texts, texts.c.sha256 == versions.c.plan_text_sha)
    for vid, text in conn.execute(stmt).all():  # one version's plan text in memory at a time
        lines = str(text).split("\n")
        rows = conn.execute(
            sa.select(details.c.row_no, details.c.text, details.c.line).where(details.c.version_id == vid)
        ).all()
        filled = [
            {"v": vid, "r": r.row_no, "q": sentence_with(str(r.text), lines[int(r.line) - 1])}
            for r in rows
            if 1 <= int(r.line) <= len(lines)
        ]
        key = sa.and_(details.c.version_id == sa.bindparam("v"), details.c.row_no == sa.bindparam("r"))
        if filled:
            conn.execute(sa.update(details).where(key).values(quote=sa.bindparam("q")), filled)
    op.execute("DELETE FROM version_snapshot")  # made again from the rows, with the new column, when next loaded


def downgrade() -> None:
    """Revert."""
    with op.batch_alter_table("rec_details") as batch:
        batch.drop_column("quote")
    op.execute("DELETE FROM version_snapshot")
