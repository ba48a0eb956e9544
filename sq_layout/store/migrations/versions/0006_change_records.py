"""One change log for every versioned record: change sets and one row per changed record (plan edits and investment
saves alike); the two old logs (change_log, inv_change_log: one JSON list per change) are moved in and dropped

Revision ID: 0006
Revises: 0005
"""

import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 5_000
OLD = {"plan": "change_log", "invest": "inv_change_log"}
_SETS = sa.table(
    "change_set",
    *(sa.column(c) for c in ("id", "version_id", "domain", "created", "user_name", "action", "summary", "reason")),
    sa.column("area_ids"),
    sa.column("chain_nos"),
    sa.column("reverts"),
    sa.column("reverted_by"),
)
_RECORDS = sa.table(
    "change_record",
    *(sa.column(c) for c in ("change_id", "seq", "version_id", "table_name", "record_key", "rev_before")),
    sa.column("rev_after"),
    sa.column("row_before"),
    sa.column("row_after"),
)


def _old(name: str, reverts: bool) -> sa.TableClause:
    cols = ["id", "version_id", "created", "user_name", "action", "summary", "reason", "area_ids", "chain_nos"]
    return sa.table(name, *(sa.column(c) for c in [*cols, "changes", *(["reverts", "reverted_by"] * reverts)]))


def _wrapped(text: str) -> str:
    items = [s for s in (text or "").split(";") if s]
    return f";{';'.join(items)};" if items else ""


def _rev(row: Any) -> int | None:
    return int(row["rev"]) if isinstance(row, dict) and row.get("rev") is not None else None


def _records(change_id: int, version_id: int, logged: str) -> Iterator[dict[str, Any]]:
    for seq, d in enumerate(json.loads(logged or "[]")):
        before, after = d.get("before"), d.get("after")
        yield {
            "change_id": change_id,
            "seq": seq,
            "version_id": version_id,
            "table_name": str(d["table"]),
            "record_key": str(d["row_no"]),
            "rev_before": _rev(before),  # an investment record's revision was not logged before: None
            "rev_after": _rev(after),
            "row_before": None if before is None else json.dumps(before, ensure_ascii=False),
            "row_after": None if after is None else json.dumps(after, ensure_ascii=False),
        }


def _move_in(conn: sa.Connection, domain: str, offset: int) -> None:
    """Copy one old log into the new tables (ids + offset), one change at a time (a change may hold 20 MB)."""
    old = _old(OLD[domain], reverts=domain == "plan")
    ids = [int(i) for i in conn.execute(sa.select(old.c.id).order_by(old.c.id)).scalars()]
    links: list[dict[str, Any]] = []
    for change_id in ids:
        r = conn.execute(sa.select(old).where(old.c.id == change_id)).mappings().one()
        new_id = change_id + offset
        values = {k: r[k] for k in ("version_id", "created", "user_name", "action", "summary", "reason")}
        values |= {"id": new_id, "domain": domain, "area_ids": _wrapped(r["area_ids"])}
        conn.execute(sa.insert(_SETS).values(**values, chain_nos=_wrapped(r["chain_nos"])))
        if domain == "plan" and (r["reverts"] is not None or r["reverted_by"] is not None):
            links.append({"k": new_id, "r1": r["reverts"], "r2": r["reverted_by"]})
        batch: list[dict[str, Any]] = []
        for row in _records(new_id, int(r["version_id"]), r["changes"]):
            batch.append(row)
            if len(batch) == BATCH:
                conn.execute(sa.insert(_RECORDS), batch)
                batch = []
        if batch:
            conn.execute(sa.insert(_RECORDS), batch)
    if links:  # after every set exists: a change may name a later one (reverted_by)
        stmt = sa.update(_SETS).where(_SETS.c.id == sa.bindparam("k"))
        conn.execute(stmt.values(reverts=sa.bindparam("r1"), reverted_by=sa.bindparam("r2")), links)


def _top(conn: sa.Connection, name: str) -> int:
    return int(conn.execute(sa.text(f"SELECT COALESCE(MAX(id), 0) FROM {name}")).scalar_one())


def _reset_sequence(conn: sa.Connection, name: str) -> None:
    if conn.dialect.name == "postgresql":  # ids were inserted as they were: move the serial past them
        top = _top(conn, name)
        if top:
            conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), {top})"))


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "change_set",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(length=16), nullable=False),
        sa.Column("created", sa.String(length=32), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("area_ids", sa.Text(), nullable=False),
        sa.Column("chain_nos", sa.Text(), nullable=False),
        sa.Column("reverts", sa.Integer(), nullable=True),
        sa.Column("reverted_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]),
        sa.ForeignKeyConstraint(["reverts"], ["change_set.id"]),
        sa.ForeignKeyConstraint(["reverted_by"], ["change_set.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_change_set_version", "change_set", ["version_id", "domain", "id"])
    op.create_table(
        "change_record",
        sa.Column("change_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=32), nullable=False),
        sa.Column("record_key", sa.Text(), nullable=False),
        sa.Column("rev_before", sa.Integer(), nullable=True),
        sa.Column("rev_after", sa.Integer(), nullable=True),
        sa.Column("row_before", sa.Text(), nullable=True),
        sa.Column("row_after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["change_id"], ["change_set.id"]),
        sa.PrimaryKeyConstraint("change_id", "seq"),
    )
    op.create_index("ix_change_record_key", "change_record", ["version_id", "table_name", "record_key"])
    conn = op.get_bind()
    offset = _top(conn, "change_log")  # plan changes keep their ids (reverts name them); investment saves follow
    _move_in(conn, "plan", 0)
    _move_in(conn, "invest", offset)
    _reset_sequence(conn, "change_set")
    op.drop_index("ix_inv_change_log_version", table_name="inv_change_log")
    op.drop_table("inv_change_log")
    op.drop_index("ix_change_log_version", table_name="change_log")
    op.drop_table("change_log")


def _old_table(name: str, reverts: bool) -> None:
    cols: list[Any] = [
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
    ]
    keys: list[Any] = [sa.ForeignKeyConstraint(["version_id"], ["plan_version.id"]), sa.PrimaryKeyConstraint("id")]
    if reverts:
        cols += [
            sa.Column("reverts", sa.Integer(), nullable=True),
            sa.Column("reverted_by", sa.Integer(), nullable=True),
        ]
        keys += [sa.ForeignKeyConstraint([c], [f"{name}.id"]) for c in ("reverts", "reverted_by")]
    op.create_table(name, *cols, *keys)
    op.create_index(f"ix_{name}_version", name, ["version_id", "id"])


def _move_out(conn: sa.Connection, domain: str) -> None:
    old = _old(OLD[domain], reverts=domain == "plan")
    ids = conn.execute(sa.select(_SETS.c.id).where(_SETS.c.domain == domain).order_by(_SETS.c.id)).scalars().all()
    for change_id in ids:
        s = conn.execute(sa.select(_SETS).where(_SETS.c.id == change_id)).mappings().one()
        recs = conn.execute(
            sa.select(_RECORDS).where(_RECORDS.c.change_id == change_id).order_by(_RECORDS.c.seq)
        ).mappings()
        rows = [
            {"table": r["table_name"], "row_no": int(r["record_key"]) if domain == "plan" else r["record_key"],
             "before": r["row_before"] and json.loads(r["row_before"]),
             "after": r["row_after"] and json.loads(r["row_after"])}
            for r in recs
        ]  # fmt: skip
        values = {k: s[k] for k in ("id", "version_id", "created", "user_name", "action", "summary", "reason")}
        values |= {"area_ids": s["area_ids"].strip(";"), "chain_nos": s["chain_nos"].strip(";")}
        conn.execute(sa.insert(old).values(**values, changes=json.dumps(rows, ensure_ascii=False)))
    if domain == "plan":
        linked = sa.select(_SETS.c.id, _SETS.c.reverts, _SETS.c.reverted_by).where(
            _SETS.c.domain == "plan", sa.or_(_SETS.c.reverts.is_not(None), _SETS.c.reverted_by.is_not(None))
        )
        links = [{"k": i, "r1": a, "r2": b} for i, a, b in conn.execute(linked)]
        if links:
            stmt = sa.update(old).where(old.c.id == sa.bindparam("k"))
            conn.execute(stmt.values(reverts=sa.bindparam("r1"), reverted_by=sa.bindparam("r2")), links)


def downgrade() -> None:
    """Revert: the two old logs again, each change's records as one JSON list."""
    _old_table("change_log", reverts=True)
    _old_table("inv_change_log", reverts=False)
    conn = op.get_bind()
    for domain in OLD:
        _move_out(conn, domain)
        _reset_sequence(conn, OLD[domain])
    op.drop_index("ix_change_record_key", table_name="change_record")
    op.drop_table("change_record")
    op.drop_index("ix_change_set_version", table_name="change_set")
    op.drop_table("change_set")
