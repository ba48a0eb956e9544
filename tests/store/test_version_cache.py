"""A process keeps a published version decoded, keyed by (version id, snapshot digest), made once for concurrent
loads; a draft is read from its rows every time; every caller gets frames of its own."""

from __future__ import annotations

import threading
from dataclasses import replace

import pandas as pd
import pytest
from sqlalchemy import select, update

from sq_layout.cache import SingleFlight
from sq_layout.store import Workspace
from sq_layout.store.drafts import start_draft
from sq_layout.store.edit_ops import update_record
from sq_layout.store.edits import records
from sq_layout.store.snapshot import snapshots
from sq_layout.store.users import add_user_cli


def test_concurrent_requests_wait_for_one_computation() -> None:
    """Followers asking while the first request computes get its value and compute nothing themselves."""
    cache: SingleFlight[str, object] = SingleFlight(2)
    started, release = threading.Event(), threading.Event()
    value, calls, got = object(), [], []

    def first() -> object:
        started.set()
        assert release.wait(60)
        return value

    def other() -> object:
        calls.append(1)
        return object()

    leader = threading.Thread(target=lambda: got.append(cache.get("v", first)))
    leader.start()
    assert started.wait(60)
    followers = [threading.Thread(target=lambda: got.append(cache.get("v", other))) for _ in range(5)]
    for f in followers:
        f.start()
    release.set()
    for th in [leader, *followers]:
        th.join(60)
    assert calls == [] and len(got) == 6 and all(g is value for g in got)


def test_a_failed_computation_is_not_kept() -> None:
    """An error reaches the caller and the next request computes again."""
    cache: SingleFlight[str, int] = SingleFlight(2)

    def fail() -> int:
        raise OSError("database gone")

    with pytest.raises(OSError, match="database gone"):
        cache.get("v", fail)
    assert cache.get("v", lambda: 3) == 3
    assert cache.get("v", lambda: 4) == 3


def test_published_version_is_shared_but_each_caller_owns_its_frames(ws: Workspace) -> None:
    """Two loads share the decoded data; changing one caller's frame leaves the next load as stored."""
    base = ws.latest_id()
    first, second = ws.load(base), ws.load(base)
    assert first.areas is not second.areas
    before = second.areas["name"].iloc[0]
    first.areas.loc[first.areas.index[0], "name"] = "changed by a caller"
    first.boundaries.loc[first.boundaries.index[0], "area_id"] = "changed by a caller"
    third = ws.load(base)
    assert third.areas["name"].iloc[0] == before
    assert third.boundaries["area_id"].iloc[0] != "changed by a caller"


def test_a_replaced_snapshot_is_read_again(ws: Workspace) -> None:
    """A version whose snapshot changed under the same id (a restore over it) is not served from the old copy."""
    base = ws.latest_id()
    ds = ws.load(base)
    areas = ds.areas.copy()
    areas.loc[0, "name_en"] = "Stored again"
    other = ws.save_dataset(replace(ds, areas=areas), "other", parent_id=base)
    assert ws.load(base).areas["name_en"].iloc[0] != "Stored again"
    with ws.engine.begin() as conn:  # the base's snapshot becomes the other version's (as a restore would bring)
        row = conn.execute(select(snapshots.c.data, snapshots.c.digest).where(snapshots.c.version_id == other)).one()
        conn.execute(update(snapshots).where(snapshots.c.version_id == base).values(data=row.data, digest=row.digest))
    assert ws.load(base).areas["name_en"].iloc[0] == "Stored again"


def test_a_draft_is_never_served_stale(ws: Workspace) -> None:
    """Every edit of a draft is in the next load, in this process and in another one (another Workspace)."""
    add_user_cli(ws, "cache_admin", "admin", "cache-password-1")
    draft = start_draft(ws, "cache_admin", ws.latest_id(), "cache draft")
    other = Workspace(ws.url)
    try:
        for n in range(3):
            chain = records(ws, draft, "chains")[0]
            name = f"Edit {n}"
            update_record(ws, "cache_admin", draft, "chains", chain["row_no"], chain["rev"], {"name_en": name}, "t")
            assert ws.load(draft).chains["name_en"].iloc[0] == name
            assert other.load(draft).chains["name_en"].iloc[0] == name
    finally:
        other.engine.dispose()


def test_loads_from_many_threads_agree(ws: Workspace) -> None:
    """Twelve threads loading the same version at once all get equal frames."""
    base = ws.latest_id()
    ws._loaded.clear()
    got: list[pd.DataFrame] = []
    barrier = threading.Barrier(12)

    def load() -> None:
        barrier.wait(60)
        got.append(ws.load(base).assignments)

    threads = [threading.Thread(target=load) for _ in range(12)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert len(got) == 12
    for frame in got[1:]:
        pd.testing.assert_frame_equal(frame, got[0])
