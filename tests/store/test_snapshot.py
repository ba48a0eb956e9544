"""A published version is read whole from its snapshot, exactly as from its rows; drafts never have one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pandas as pd
from sqlalchemy import delete, func, select

from sq_layout.store import Workspace
from sq_layout.store import tables as t
from sq_layout.store.drafts import publish, start_draft
from sq_layout.store.edit_ops import update_record
from sq_layout.store.edits import records
from sq_layout.store.snapshot import snapshots
from sq_layout.store.users import add_user_cli


def _snapshotted(ws: Workspace) -> set[int]:
    with ws.engine.connect() as conn:
        return set(conn.execute(select(snapshots.c.version_id)).scalars())


def _from_rows(ws: Workspace, vid: int) -> dict[str, pd.DataFrame]:
    with ws.engine.begin() as conn:
        conn.execute(delete(snapshots).where(snapshots.c.version_id == vid))
    ds = ws.load(vid)  # no snapshot: read row by row (and the snapshot made again)
    return {name: getattr(ds, name) for name in t.RECORD_COLUMNS}


def test_snapshot_equals_rows_and_follows_publication(ws: Workspace) -> None:
    add_user_cli(ws, "snap_admin", "admin", "snap-password-1")
    base = ws.latest_id()
    assert base in _snapshotted(ws)  # made when the version was saved
    from_snapshot = ws.load(base)
    rows = _from_rows(ws, base)
    assert base in _snapshotted(ws)  # made again on the first load
    for name, frame in rows.items():
        got = getattr(from_snapshot, name)
        pd.testing.assert_frame_equal(got, frame, check_exact=True, obj=name)
    assert list(from_snapshot.boundaries.geometry.to_wkb()) == list(rows["boundaries"].geometry.to_wkb())

    draft = start_draft(ws, "snap_admin", base, "snapshot draft")
    assert draft not in _snapshotted(ws)
    chain = records(ws, draft, "chains")[0]
    update_record(ws, "snap_admin", draft, "chains", chain["row_no"], chain["rev"], {"name_en": "Snap"}, "test")
    assert ws.load(draft).chains["name_en"].iloc[0] == "Snap" and draft not in _snapshotted(ws)
    publish(ws, "snap_admin", draft, "snapshot published", "2026-12-01")
    assert draft in _snapshotted(ws)
    assert ws.load(draft).chains["name_en"].iloc[0] == "Snap"
    with ws.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(snapshots)).scalar_one()
    assert n == len([v for v in ws.versions() if v.kind != "draft"])


def test_snapshot_made_in_memory_equals_rows_for_untidy_frames(ws: Workspace) -> None:
    """A saved version's snapshot is made from the frames it was given; it must equal what its rows read back as,
    whatever the given dtypes: object text with None and NaN, numbers in a text column, a missing optional column."""
    import numpy as np

    from sq_layout.plan.dataset import bundled

    ds = bundled()
    areas = ds.areas.astype(object)
    areas.loc[0, "name_variants"] = None
    areas.loc[1, "name_variants"] = np.nan
    areas.loc[2, "short_name_en"] = 7  # a number where text is kept: stored as its text
    chains = ds.chains.copy()
    chains.loc[0, "target_2023_yi"] = np.nan
    subs = ds.subindustries.copy()
    subs.loc[0, "chain_no"] = pd.NA
    boundaries = ds.boundaries.drop(columns=["adcode"])  # an optional column a boundary file may leave out
    untidy = replace(ds, areas=areas, chains=chains, subindustries=subs, boundaries=boundaries)
    vid = ws.save_dataset(untidy, "untidy frames", parent_id=ws.latest_id())
    from_snapshot = ws.load(vid)
    rows = _from_rows(ws, vid)
    for name, frame in rows.items():
        pd.testing.assert_frame_equal(getattr(from_snapshot, name), frame, check_exact=True, obj=name)
    assert list(from_snapshot.boundaries.geometry.to_wkb()) == list(rows["boundaries"].geometry.to_wkb())
    assert from_snapshot.areas["short_name_en"].iloc[2] == "7" and from_snapshot.areas["name_variants"].iloc[1] == ""


def test_snapshots_are_stored_uncompressed_on_postgresql(new_db_url: Callable[[str], str]) -> None:
    """Migration 0008: PostgreSQL keeps the blob as it is (pglz cannot shrink Arrow and WKB, and trying was slow)."""
    from sqlalchemy import text

    from sq_layout.store import open_workspace
    from tests.store.test_invest_migration import migrate

    ws = open_workspace(new_db_url("postgresql"))
    query = text(
        "SELECT attstorage FROM pg_attribute WHERE attrelid = 'version_snapshot'::regclass AND attname = 'data'"
    )

    def storage() -> str:
        with ws.engine.connect() as conn:
            return str(conn.execute(query).scalar_one())

    assert storage() == "e"
    migrate(ws.engine, "0007", down=True)
    assert storage() == "x"
    migrate(ws.engine, "head")
    assert storage() == "e"
    base = ws.latest_id()
    vid = ws.save_dataset(ws.load(base), "after 0008", parent_id=base)
    pd.testing.assert_frame_equal(ws.load(vid).areas, ws.load(base).areas)
    ws.engine.dispose()
