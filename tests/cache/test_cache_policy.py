"""The cache policy (sq_layout/cache.py): a caller's change to a returned frame, GeoDataFrame, series or array never
reaches the next caller; unchanged copies keep one identity for identity caches; every cache says what it is keyed
on; a draft's caches follow an edit made by another process, on SQLite and on PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from sq_layout import cache
from sq_layout.analysis.overlap import hosts_per_chain
from sq_layout.analysis.queries import Selection, area_rows, host_summary
from sq_layout.analysis.views import area_names, area_panel
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame, chain_table
from sq_layout.printing.mapdraw import print_geometry
from tests.frames import text
from tests.store.backends import BACKENDS, new_db_url, pg_server, seeded_db_url

__all__ = ["new_db_url", "pg_server", "seeded_db_url"]
ROOT = Path(__file__).resolve().parents[2]


def test_a_caller_changing_a_frame_changes_nothing_for_the_next(ds: Dataset) -> None:
    before = chain_table(ds).copy(deep=True)
    mine = chain_table(ds)
    mine.loc[mine.index[0], "area_id"] = "changed"
    mine["added"] = 1
    del mine["chain_no"]
    mine.index = mine.index[::-1]
    pd.testing.assert_frame_equal(chain_table(ds), before)


def test_a_caller_changing_a_geodataframe_or_series_changes_nothing(ds: Dataset) -> None:
    before = areas_frame(ds).copy(deep=True)
    frame, points = print_geometry(ds)
    points_before = points.copy(deep=True)
    mine = areas_frame(ds)
    mine.loc[mine.index[0], "geometry"] = Point(0, 0)
    mine.geometry.values.crs = None  # the array's own CRS, set in place
    points.iloc[0] = Point(1, 1)
    frame["area_id"] = "x"
    pd.testing.assert_frame_equal(areas_frame(ds), before)
    assert areas_frame(ds).crs == before.crs
    pd.testing.assert_series_equal(print_geometry(ds)[1], points_before)
    assert set(print_geometry(ds)[0]["area_id"]) == set(before["area_id"])


def test_frames_inside_records_and_dicts_are_handed_out_too(ds: Dataset) -> None:
    area = str(ds.areas["area_id"].iloc[0])
    panel = area_panel(ds, area, "zh")
    industries = panel.industries.copy(deep=True)
    panel.industries.loc[panel.industries.index[0], panel.industries.columns[0]] = "changed"
    pd.testing.assert_frame_equal(area_panel(ds, area, "zh").industries, industries)
    names = area_names(ds, "zh")
    names[area] = "changed"
    assert area_names(ds, "zh")[area] != "changed"


def test_arrays_are_kept_read_only(ds: Dataset) -> None:
    rows = area_rows(ds)
    positions = next(iter(rows.assignment_rows.values()))
    assert isinstance(positions, np.ndarray) and len(positions)
    with pytest.raises(ValueError, match="read-only"):
        positions[0] = -1
    rows.assignment_rows.clear()
    assert area_rows(ds).assignment_rows


def test_unchanged_copies_share_an_identity_and_a_changed_one_does_not(ds: Dataset) -> None:
    sel = Selection(chains=(int(ds.chains["chain_no"].iloc[0]),))
    a, b = host_summary(ds, sel), host_summary(ds, sel)
    assert a is not b
    assert cache.identity(a) == cache.identity(b)
    b.loc[b.index[0], b.columns[0]] = text(b.iloc[0, 0])  # same value, but written: the copy is its own now
    assert cache.identity(a) != cache.identity(b)
    assert cache.identity(pd.DataFrame({"x": [1]})) != cache.identity(pd.DataFrame({"x": [1]}))


def test_every_cache_goes_through_the_policy() -> None:
    lines = subprocess.run(
        ["grep", "-rn", "--include=*.py", "-E", r"lru_cache|functools\.cache\b", "sq_layout", "layers", "ui", "app.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    assert [line for line in lines if not line.startswith("sq_layout/cache.py:")] == []
    # one module owns caching: no other single-flight or size-bounded cache class
    assert [p for p in (ROOT / "sq_layout").rglob("*.py") if "class SingleFlight" in p.read_text(encoding="utf-8")] == [
        ROOT / "sq_layout" / "cache.py"
    ]
    policies = cache.policies()
    assert "sq_layout.plan.join.areas_frame" in policies
    assert all(key for key, _ in policies.values())


def test_the_stores_version_cache_is_one_of_the_policies() -> None:
    from sq_layout.store import workspace_store

    key, invalidated = cache.policies()["sq_layout.store.workspace_store.Workspace.load"]
    assert "version id" in key and "SHA-256" in key and "draft is never kept" in key
    assert "forget_loaded()" in invalidated and "least recently used" in invalidated
    assert workspace_store.LOADED_VERSIONS > 0


EDIT_ELSEWHERE = """
import sys
from sq_layout.store import open_workspace
from sq_layout.store.edits import RowChange, apply, records
url, draft = sys.argv[1], int(sys.argv[2])
ws = open_workspace(url)
row = next(r for r in records(ws, draft, "chains") if r["chain_no"] == 7)
apply(ws, "eve", draft, [RowChange("chains", row["row_no"], row["rev"], {"name": "另一进程改的名字"})], "cache test")
ws.engine.dispose()
"""


@pytest.fixture(params=BACKENDS)
def draft_url(request: pytest.FixtureRequest, seeded_db_url: Callable[[str], str]) -> Iterator[tuple[str, int]]:
    """A seeded workspace on each back end with editor 'eve' and a draft of the baseline."""
    from sq_layout.store import open_workspace
    from sq_layout.store.drafts import start_draft
    from sq_layout.store.users import add_user_cli

    url = seeded_db_url(request.param)
    ws = open_workspace(url)
    add_user_cli(ws, "eve", "editor", "eve-password")
    draft = start_draft(ws, "eve", ws.latest_id(), "cache test")
    ws.engine.dispose()
    yield url, draft


def test_a_drafts_caches_follow_an_edit_made_by_another_process(draft_url: tuple[str, int]) -> None:
    from sq_layout import workspace

    url, draft = draft_url
    old = workspace.dataset(draft, url)
    assert workspace.dataset(draft, url) is old  # nothing changed: the same Dataset, so every cache keyed on it hits
    before = hosts_per_chain(old).set_index("chain_no")["name"]
    subprocess.run([sys.executable, "-c", EDIT_ELSEWHERE, url, str(draft)], cwd=ROOT, check=True, timeout=120)
    new = workspace.dataset(draft, url)
    assert new is not old
    after = hosts_per_chain(new).set_index("chain_no")["name"]
    assert after[7] == "另一进程改的名字" != before[7]
    assert (after.drop(7) == before.drop(7)).all()
    pd.testing.assert_series_equal(hosts_per_chain(old).set_index("chain_no")["name"], before)
