"""The store's own consistency check for one version: what an import would demand, plus the editing invariants."""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from sq_layout.errors import ImportRejected
from sq_layout.plan.check import build, raw_tables
from sq_layout.plan.dataset import Dataset
from sq_layout.store import tables as t
from sq_layout.store.changes import change_sets as changes
from sq_layout.store.edit_tables import drafts
from sq_layout.store.version_rows import read_frame
from sq_layout.store.workspace_store import Workspace


def _dataset(conn: Connection, vid: int) -> Dataset:
    sha = select(t.versions.c.plan_text_sha).where(t.versions.c.id == vid).scalar_subquery()
    text = conn.execute(select(t.plan_texts.c.text).where(t.plan_texts.c.sha256 == sha)).scalar_one()
    frames = {name: read_frame(conn, name, vid) for name in t.RECORD_COLUMNS}
    return Dataset(**frames, plan_lines=tuple(text.split("\n")))


def _import_checks(ds: Dataset) -> list[str]:
    labels = {name: name for name in t.RECORD_COLUMNS}
    try:
        build(raw_tables(ds), labels, ds.plan_lines, ds.boundaries, "version")
    except ImportRejected as exc:
        return list(exc.problems)
    return []


def _editing_checks(conn: Connection, vid: int, ds: Dataset) -> list[str]:
    out: list[str] = []
    for name in ("assignments", "details"):
        dupes = getattr(ds, name).duplicated(keep=False)
        out += [f"{name}: row {i} duplicates another row exactly" for i in dupes[dupes].index]
    dup_areas = ds.boundaries["area_id"][ds.boundaries["area_id"].duplicated()]
    out += [f"boundaries: area {a!r} drawn twice" for a in dup_areas]
    for name, tab in t.records.items():
        bad = conn.execute(select(func.count()).where(tab.c.version_id == vid, tab.c.rev < 1)).scalar_one()
        if bad:
            out.append(f"{name}: {bad} record(s) with a revision below 1")
    kind = conn.execute(select(t.versions.c.kind).where(t.versions.c.id == vid)).scalar_one()
    open_draft = conn.execute(select(drafts.c.rev).where(drafts.c.version_id == vid)).scalar() is not None
    if open_draft != (kind == "draft"):
        out.append(f"version {vid} is {kind!r} but {'has' if open_draft else 'lacks'} an open-draft row")
    own = select(changes.c.id).where(changes.c.version_id == vid)
    for col in (changes.c.reverts, changes.c.reverted_by):
        stray = select(func.count()).where(changes.c.version_id == vid, col.is_not(None), col.not_in(own))
        if conn.execute(stray).scalar_one():
            out.append(f"change log: {col.name} points outside version {vid}")
    return out


def problems(ws: Workspace, version_id: int, conn: Connection | None = None) -> list[str]:
    """Every inconsistency found in a version (empty: consistent). Runs inside `conn` when given."""
    if conn is None:
        with ws.engine.connect() as own:
            return problems(ws, version_id, own)
    ds = _dataset(conn, version_id)
    return _import_checks(ds) + _editing_checks(conn, version_id, ds)
