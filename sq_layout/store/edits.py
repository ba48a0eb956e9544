"""Record-level edits of a draft, each one transaction: role check, draft lock, validation, `rev`-checked write, log.

A change is a list of RowChange: insert (row_no None), update (values: the fields that change) or remove
(values None). Updates and removals name the revision the editor saw; `UPDATE … WHERE rev = :seen` touching no row
means someone saved that record in between, and the whole change is refused with EditConflict (nothing written).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shapely
from sqlalchemy import Connection, and_, delete, func, insert, select, update

from sq_layout.errors import EditConflict, EditRejected
from sq_layout.i18n.lang import Listed
from sq_layout.store import changes
from sq_layout.store import tables as t
from sq_layout.store.edit_check import check_reason, check_row, check_scope
from sq_layout.store.edit_tables import drafts
from sq_layout.store.users import require
from sq_layout.store.workspace_store import Workspace


@dataclass(frozen=True)
class RowChange:
    """One record to insert (row_no None), update (values: changed fields) or remove (values None)."""

    table: str
    row_no: int | None
    seen_rev: int | None
    values: dict[str, Any] | None
    at: int | None = None  # an insert's row number (putting a removed record back where it was)
    rev: int = 1  # an insert's revision (a record put back continues its count)


def _encode(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (shapely.to_wkb(v, hex=True) if k == "geometry" and v is not None else v) for k, v in row.items()}


def decode(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """A logged row back to database values (geometry from hex WKB)."""
    if row is None:
        return None
    return {k: (shapely.from_wkb(v) if k == "geometry" and v is not None else v) for k, v in row.items()}


def fetch_row(conn: Connection, table: str, version_id: int, row_no: int) -> dict[str, Any] | None:
    """One record with its rev, as a dict (None when there is no such row)."""
    tab = t.records[table]
    row = conn.execute(select(tab).where(tab.c.version_id == version_id, tab.c.row_no == row_no)).mappings().first()
    return None if row is None else {k: v for k, v in row.items() if k != "version_id"}


def next_row_no(conn: Connection, vid: int, table: str) -> int:
    """A record number never used in this version's table, not even by a removed record.

    A form that still shows a removed record names its number; were the number given to a new record, that stale
    change would land on the newcomer."""
    tab = t.records[table]
    top = conn.execute(select(func.max(tab.c.row_no)).where(tab.c.version_id == vid)).scalar()
    used = -1 if top is None else int(top)
    return max([used, *(int(k) for k in changes.removed_keys(conn, vid, changes.PLAN, table))]) + 1


def lock_draft(conn: Connection, version_id: int) -> int:
    """Take the draft's write lock (its first statement is a write, so SQLite and PostgreSQL both serialise here)."""
    done = conn.execute(update(drafts).where(drafts.c.version_id == version_id).values(rev=drafts.c.rev + 1))
    if done.rowcount != 1:
        raise EditRejected([("ev_not_draft", {"id": version_id})])
    return int(conn.execute(select(drafts.c.rev).where(drafts.c.version_id == version_id)).scalar_one())


def detail_quote(conn: Connection, vid: int, text: str, line: object) -> str:
    """The sentence of the version's plan line that names a detail's text ('' when none does, or no such line)."""
    from sq_layout.plan.sources import sentence_with

    if not isinstance(line, int) or line < 1:
        return ""
    sha = select(t.versions.c.plan_text_sha).where(t.versions.c.id == vid).scalar_subquery()
    plan = conn.execute(select(t.plan_texts.c.text).where(t.plan_texts.c.sha256 == sha)).scalar()
    lines = str(plan or "").split("\n")
    return sentence_with(text, lines[line - 1]) if line <= len(lines) else ""


def _with_quote(
    conn: Connection, vid: int, table: str, values: dict[str, Any] | None, before: dict[str, Any] | None
) -> dict[str, Any] | None:
    """A detail's quote follows its text and line (the sentence naming it, as the seed's details quote): a change
    to either quotes again, so a quote never stands beside a line it is not on."""
    if table != "details" or values is None or not {"text", "line"} & set(values):
        return values
    merged = {**(before or {}), **values}
    return {**values, "quote": detail_quote(conn, vid, str(merged.get("text") or ""), merged.get("line"))}


def write_row(conn: Connection, vid: int, ch: RowChange) -> dict[str, Any]:
    """Write one record change inside a transaction holding the draft lock; what it did, for the log."""
    if ch.table not in t.records or set(ch.values or ()) & {"row_no", "rev", "version_id"}:
        bad = sorted(set(ch.values or ()) & {"row_no", "rev", "version_id"}) or [ch.table]
        raise EditRejected([("ev_unknown", {"what": "column", "value": bad[0], "choices": Listed(t.records)})])
    given = ch.values
    if ch.table == "details" and given is not None:  # a detail's quote is made here, never taken (a revert hands
        given = {k: v for k, v in given.items() if k != "quote"}  # back the logged one)
    check_scope(ch.table, ch.row_no, given)
    tab = t.records[ch.table]
    if ch.row_no is None:
        values = _with_quote(conn, vid, ch.table, given, None)
        assert values is not None
        row_no = ch.at if ch.at is not None else next_row_no(conn, vid, ch.table)
        row = check_row(conn, vid, ch.table, {**values, "row_no": row_no, "rev": ch.rev}, None)
        conn.execute(insert(tab).values(version_id=vid, **row))
        return {"table": ch.table, "row_no": row_no, "before": None, "after": _encode(row)}
    before = fetch_row(conn, ch.table, vid, ch.row_no)
    seen = ch.seen_rev if ch.seen_rev is not None else (before or {}).get("rev", -1)
    if before is None or before["rev"] != seen:
        raise EditConflict(ch.table, ch.row_no, int(seen), before)
    key = and_(tab.c.version_id == vid, tab.c.row_no == ch.row_no, tab.c.rev == seen)
    values = _with_quote(conn, vid, ch.table, given, before)
    if values is None:
        done = conn.execute(delete(tab).where(key))
        after = None
    else:
        after = check_row(conn, vid, ch.table, {**before, **values, "rev": before["rev"] + 1}, ch.row_no)
        changed = {k: after[k] for k in values if k in after}
        done = conn.execute(update(tab).where(key).values(**changed, rev=tab.c.rev + 1))
    if done.rowcount != 1:  # cannot happen under the draft lock; kept so a lost update can never pass silently
        raise EditConflict(ch.table, ch.row_no, int(seen), fetch_row(conn, ch.table, vid, ch.row_no))
    return {"table": ch.table, "row_no": ch.row_no, "before": _encode(before), "after": after and _encode(after)}


def _keys(conn: Connection, vid: int, done: list[dict[str, Any]]) -> tuple[set[str], set[int]]:
    from sq_layout.store.edit_check import chain_of

    areas: set[str] = set()
    chains: set[int] = set()
    for d in done:
        for row in (d["before"], d["after"]):
            if not row:
                continue
            if row.get("area_id"):
                areas.add(str(row["area_id"]))
            if d["table"] == "chains":
                chains.add(int(row["chain_no"]))
            elif d["table"] == "assignments":
                chains.update(chain_of(conn, vid, str(row["industry_id"]), str(row["subindustry_id"])))
    return areas, chains


def write_changes(
    conn: Connection, vid: int, user: str, rows: list[RowChange], *, action: str, summary: str, reason: str
) -> int:
    """Inside an open transaction holding the draft lock: write the rows and log them; the change id."""
    return log_change(conn, vid, user, [write_row(conn, vid, ch) for ch in rows], action, summary, reason)


def log_change(
    conn: Connection,
    vid: int,
    user: str,
    done: list[dict[str, Any]],
    action: str,
    summary: str,
    reason: str,
    reverts: int | None = None,
) -> int:
    """Record what was written (who, when, one row per record before -> after, why); the change id."""
    areas, chains = _keys(conn, vid, done)
    return changes.log(
        conn, vid, changes.PLAN, user, action, summary, reason, done, areas=areas, chains=chains, reverts=reverts
    )


def apply(
    ws: Workspace, user: str | None, version_id: int, rows: list[RowChange], reason: str, *, summary: str = ""
) -> int:
    """Apply one change to a draft in one transaction (editor role checked here); the change-log id."""
    check_reason(reason)
    with ws.engine.begin() as conn:
        lock_draft(conn, version_id)
        require(conn, user, "edit")
        assert user is not None
        action = (
            "add"
            if all(r.row_no is None for r in rows)
            else "remove"
            if all(r.values is None for r in rows)
            else "update"
        )
        return write_changes(conn, version_id, user, rows, action=action, summary=summary, reason=reason.strip())


def records(ws: Workspace, version_id: int, table: str) -> list[dict[str, Any]]:
    """Every record of a table in a version, with row_no and rev (what an edit form starts from)."""
    tab = t.records[table]
    cols = [c for c in tab.c if c.name not in ("version_id", "geometry")]
    with ws.engine.connect() as conn:
        stmt = select(*cols).where(tab.c.version_id == version_id).order_by(tab.c.row_no)
        return [dict(r) for r in conn.execute(stmt).mappings().all()]
