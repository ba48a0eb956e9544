"""The change log of a version: list it (whole, per area, per chain), revert a change, return a draft to a point."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from sq_layout.errors import EditConflict, EditRejected
from sq_layout.i18n.lang import Lang
from sq_layout.store import changes
from sq_layout.store.changes import PLAN
from sq_layout.store.changes import Change as Change  # the one change record, re-exported for the history's readers
from sq_layout.store.edit_check import check_reason
from sq_layout.store.edits import RowChange, _encode, decode, fetch_row, lock_draft, log_change, write_row
from sq_layout.store.users import require
from sq_layout.store.workspace_store import Workspace

UNDOABLE = ("add", "update", "remove", "revert", "return")


def history(
    ws: Workspace, version_id: int, *, area: str | None = None, chain: int | None = None, table: str | None = None
) -> list[Change]:
    """A version's changes, newest first; only those touching an area, a chain or a table when asked."""
    with ws.engine.connect() as conn:
        return changes.history(conn, version_id, PLAN, area=area, chain=chain, table=table)


def _same(current: dict[str, Any] | None, logged: dict[str, Any] | None) -> bool:
    if current is None or logged is None:
        return current is None and logged is None
    skip = ("rev", "row_no")
    mine = {k: v for k, v in _encode(current).items() if k not in skip}
    return mine == {k: v for k, v in logged.items() if k not in skip}


def _equal(a: Any, b: Any) -> bool:
    return bool(a.equals_exact(b, 0)) if hasattr(a, "equals_exact") and hasattr(b, "equals_exact") else bool(a == b)


def _undo(conn: Connection, vid: int, rows: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    done = []
    for d in reversed(list(rows)):
        table, row_no, before, after = d["table"], d["row_no"], decode(d["before"]), d["after"]
        current = fetch_row(conn, table, vid, row_no)
        if not _same(current, after):  # someone changed the record since: refuse rather than overwrite
            raise EditConflict(table, row_no, int((after or {}).get("rev", 0)), current)
        fields = None if before is None else {k: v for k, v in before.items() if k not in ("rev", "row_no")}
        if current is None:
            assert fields is not None
            ch = RowChange(table, None, None, fields, at=row_no, rev=int(d["before"]["rev"]) + 1)
        else:
            changed = None if fields is None else {k: v for k, v in fields.items() if not _equal(current[k], v)}
            ch = RowChange(table, row_no, int(current["rev"]), changed)
        done.append(write_row(conn, vid, ch))
    return done


def last_touch(ws: Workspace, version_id: int, table: str, row_no: int) -> Change | None:
    """The newest change of a version that wrote one record (who removed or changed it, when, why)."""
    with ws.engine.connect() as conn:
        return changes.last_touch(conn, version_id, PLAN, table, row_no)


def conflict_text(ws: Workspace, version_id: int, exc: EditConflict, lang: Lang) -> str:
    """A change refused as stale, in the reader's language: who changed or removed the record since, when and why."""
    from sq_layout.i18n import t
    from sq_layout.i18n.shown import when, who

    last = last_touch(ws, version_id, exc.table, exc.row_no)
    said = dict(who="?", when="?", why="?")
    if last:
        said = dict(who=who(last.user, lang), when=when(last.created, lang), why=last.reason)
    return t("ed_conflict_removed" if exc.current is None else "ed_conflict", lang).format(**said)


def _load(conn: Connection, change_id: int) -> Change:
    found = changes.change(conn, change_id, PLAN)
    if found is None:
        raise EditRejected([("ev_no_change", {"id": change_id})])
    return found


def revert(ws: Workspace, user: str | None, change_id: int, reason: str) -> int:
    """Undo one change on its draft (itself recorded); refused if a later change touched the same records."""
    check_reason(reason)
    with ws.engine.begin() as conn:
        target = _load(conn, change_id)
        lock_draft(conn, target.version_id)
        require(conn, user, "edit")
        assert user is not None
        if target.reverted_by is not None or target.action not in UNDOABLE:
            raise EditRejected([("ev_already_reverted", {"id": change_id})])
        done = _undo(conn, target.version_id, target.rows)
        summary = f"revert #{change_id}: {target.summary}"
        new = log_change(conn, target.version_id, user, done, "revert", summary, reason.strip(), reverts=change_id)
        changes.mark_reverted(conn, [change_id], new)
        if target.reverts is not None:  # reverting a revert puts the original change back in force
            changes.mark_reverted(conn, [target.reverts], None)
        return new


def return_to(
    ws: Workspace, user: str | None, version_id: int, change_id: int, reason: str, *, seen_last: int | None = None
) -> int:
    """Return a draft to its state just after change `change_id` (0: as created), as one recorded change.

    seen_last: the newest change the editor saw; a change saved since is refused (EditRejected naming who, when and
    why) rather than undone unseen."""
    check_reason(reason)
    with ws.engine.begin() as conn:
        lock_draft(conn, version_id)
        require(conn, user, "edit")
        assert user is not None
        later = changes.since(conn, version_id, PLAN, change_id)
        unseen = [c for c in later if seen_last is not None and c.id > seen_last]
        if unseen:
            c = unseen[0]
            raise EditRejected([("ev_history_moved", {"id": c.id, "who": c.user, "when": c.created, "why": c.reason})])
        done: list[dict[str, Any]] = []
        for c in later:
            if c.action in UNDOABLE:
                done += _undo(conn, version_id, c.rows)
        summary = f"return to #{change_id}" if change_id else "return to the draft as created"
        new = log_change(conn, version_id, user, done, "return", summary, reason.strip(), reverts=change_id or None)
        changes.mark_reverted(conn, [c.id for c in later if c.action in UNDOABLE], new, only_live=True)
        return new
