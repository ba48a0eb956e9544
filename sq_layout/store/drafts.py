"""Drafts: start one from any version (a copy), publish it (admin), replace its boundaries; the draft's revision."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import geopandas as gpd
from sqlalchemy import delete, insert, select, update

from sq_layout.errors import EditConflict, EditRejected
from sq_layout.geo.crs import STORAGE_CRS
from sq_layout.store import tables as t
from sq_layout.store.changes import log_event
from sq_layout.store.edit_check import check_reason
from sq_layout.store.edit_tables import drafts
from sq_layout.store.edits import RowChange, fetch_row, lock_draft, write_changes
from sq_layout.store.publication import check_base, lock_publication, log_version, publication_order, published_base
from sq_layout.store.users import require
from sq_layout.store.version_rows import write_snapshot
from sq_layout.store.workspace_store import VersionInfo, Workspace, now


def is_draft(ws: Workspace, version_id: int) -> bool:
    """Whether a version is an open draft (editable)."""
    return draft_rev(ws, version_id) is not None


def draft_rev(ws: Workspace, version_id: int) -> int | None:
    """The draft's revision, bumped by every edit (None: not a draft). Cached copies of a draft key on it."""
    with ws.engine.connect() as conn:
        return conn.execute(select(drafts.c.rev).where(drafts.c.version_id == version_id)).scalar()


PUBLISHED_NOTE = "published {date}"  # a published version's note, as the log reads it


def start_draft(ws: Workspace, user: str | None, base_version_id: int, title: str | None = None) -> int:
    """A new draft copying a version (editor role), recorded in its history; the draft's id."""
    base = ws.load(base_version_id)
    name = (title or "").strip() or f"草案 draft of {ws.info(base_version_id).title}"
    with ws.engine.begin() as conn:
        require(conn, user, "edit")
        assert user is not None
        vid = ws._insert_version(conn, base, name, "draft", base_version_id, "", user, None)
        conn.execute(insert(drafts).values(version_id=vid, rev=0))
        log_event(conn, vid, user, "draft", f"draft of version {base_version_id}", name)
    return vid


def publish(
    ws: Workspace,
    user: str | None,
    draft_id: int,
    title: str,
    date: str,
    reason: str = "",
    *,
    confirm_stale_base: bool = False,
) -> int:
    """Publish a draft (admin) as a version with a title and date; it is read-only from then on. Its id.

    It supersedes the latest published version (named in its history); when the draft was made from an older one
    the newer content would be hidden, so that is refused unless confirm_stale_base."""
    from sq_layout.store.consistency import problems as consistency_problems

    if not title.strip():
        raise EditRejected([("ev_empty", {"field": "title"})])
    with ws.engine.begin() as conn:
        lock_draft(conn, draft_id)
        lock_publication(conn)
        require(conn, user, "publish")
        assert user is not None
        latest = check_base(conn, draft_id, confirm_stale_base)
        found = consistency_problems(ws, draft_id, conn)
        if found:
            raise EditRejected([("ev_inconsistent", {"problem": p}) for p in found[:10]])
        note = PUBLISHED_NOTE.format(date=date).strip()
        values = dict(kind="published", title=title.strip(), note=note, created=now())
        conn.execute(update(t.versions).where(t.versions.c.id == draft_id).values(**values))
        conn.execute(delete(drafts).where(drafts.c.version_id == draft_id))
        write_snapshot(conn, draft_id)  # published: it no longer changes, so it is read whole from now on
        summary = f"{title.strip()} ({date}) · supersedes version {latest}"
        log_version(conn, draft_id, user, "publish", summary, reason)
    return draft_id


def published_on(note: str) -> str | None:
    """The date a published version's note gives (the note publishing writes), else None: pages word it."""
    head, _, date = note.partition(" ")
    return date if head == PUBLISHED_NOTE.split(" ")[0] and date and " " not in date else None


def publish_check(ws: Workspace, draft_id: int) -> tuple[int, int]:
    """(the draft's published base, the latest published version it would supersede) as they are now."""
    with ws.engine.connect() as conn:
        latest = publication_order(conn)[0][-1]
        return published_base(conn, draft_id), latest


def published_since(ws: Workspace, draft_id: int) -> list[VersionInfo]:
    """The versions published after the draft's published base, oldest first: what publishing it would supersede."""
    with ws.engine.connect() as conn:
        order = publication_order(conn)[0]
        base = published_base(conn, draft_id)
    listed = {v.id: v for v in ws.versions()}
    return [listed[v] for v in order[order.index(base) + 1 :]] if base in order else []


def open_drafts(ws: Workspace) -> list[int]:
    """The ids of the open drafts, oldest first."""
    with ws.engine.connect() as conn:
        return [int(v) for v in conn.execute(select(drafts.c.version_id).order_by(drafts.c.version_id)).scalars()]


def boundary_revs(ws: Workspace, version_id: int) -> dict[str, tuple[int, int]]:
    """Each area's boundary record in a version as (row_no, rev): what a boundary replace is made on."""
    tab = t.records["boundaries"]
    with ws.engine.connect() as conn:
        rows = conn.execute(select(tab.c.area_id, tab.c.row_no, tab.c.rev).where(tab.c.version_id == version_id))
        return {str(r.area_id): (int(r.row_no), int(r.rev)) for r in rows}


def replace_boundaries(
    ws: Workspace,
    user: str | None,
    draft_id: int,
    boundaries: gpd.GeoDataFrame,
    *,
    seen: Mapping[str, tuple[int, int]],
    source: str,
    file_name: str,
    source_date: str = "",
    reason: str,
) -> int:
    """Attach or replace areas' geometry on a draft as 'official' (one recorded change); the change id.

    `seen` is `boundary_revs` as the editor saw the draft (an area missing from it had no boundary then): a boundary
    changed, added or removed since is refused with EditConflict and nothing is written, as for any record.
    `Workspace.save_boundaries` lands here when its base version is a draft."""
    check_reason(reason)
    frame = boundaries.to_crs(STORAGE_CRS) if boundaries.crs is not None else boundaries
    tab = t.records["boundaries"]
    with ws.engine.begin() as conn:
        lock_draft(conn, draft_id)
        require(conn, user, "edit")
        assert user is not None
        rows = conn.execute(select(tab.c.area_id, tab.c.row_no, tab.c.rev).where(tab.c.version_id == draft_id)).all()
        current = {r.area_id: r for r in rows}
        areas = t.records["areas"]
        names = dict(conn.execute(select(areas.c.area_id, areas.c.name).where(areas.c.version_id == draft_id)).all())
        codes = dict(conn.execute(select(areas.c.area_id, areas.c.adcode).where(areas.c.version_id == draft_id)).all())
        note = f"official: {source}; {file_name}" + (f"; {source_date}" if source_date else "")
        todo: list[RowChange] = []
        for area_id, geom in zip(frame["area_id"], frame.geometry, strict=True):
            values: dict[str, Any] = dict(geometry=geom, geometry_quality="official", source=note)
            values |= dict(geometry_source=source, geometry_date=source_date, geometry_file=file_name)
            saw = None if (was := seen.get(area_id)) is None else (int(was[0]), int(was[1]))
            now_row = current.get(area_id)
            here = None if now_row is None else (int(now_row.row_no), int(now_row.rev))
            if saw != here:  # changed, added or removed since the editor saw the draft
                row_no = (saw or here or (0, 0))[0]
                raise EditConflict(
                    "boundaries", row_no, saw[1] if saw else 0, fetch_row(conn, "boundaries", draft_id, row_no)
                )
            if saw is not None:
                todo.append(RowChange("boundaries", saw[0], saw[1], values))
            else:
                extra = dict(area_id=area_id, name=names.get(area_id, ""), adcode=codes.get(area_id, ""))
                todo.append(RowChange("boundaries", None, None, values | extra))
        summary = f"boundaries: {', '.join(map(str, frame['area_id']))} ({file_name})"
        return write_changes(conn, draft_id, user, todo, action="update", summary=summary, reason=reason.strip())
