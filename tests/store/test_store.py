"""The workspace store on SQLite and PostgreSQL/PostGIS: exact round trip, versions, one transaction per write."""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from sqlalchemy import inspect, text

from sq_layout.errors import UnknownAreas, UnknownVersion
from sq_layout.plan.boundaries import BOUNDARY_PROVENANCE
from sq_layout.plan.dataset import Dataset, bundled
from sq_layout.store import Workspace, open_workspace
from sq_layout.store.migrate import HEAD

TABLES = ["areas", "industries", "subindustries", "chains", "assignments", "details", "conflicts", "plan_figures"]


def assert_same_dataset(got: Dataset, want: Dataset) -> None:
    """Every table equal (values and dtypes), every geometry identical to the bit, and the same plan text."""
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name), check_exact=True, obj=name)
    cols = [c for c in want.boundaries.columns if c != "geometry"]
    pd.testing.assert_frame_equal(pd.DataFrame(got.boundaries[cols]), pd.DataFrame(want.boundaries[cols]))
    assert got.boundaries.crs == want.boundaries.crs
    for a, b in zip(got.boundaries.geometry, want.boundaries.geometry, strict=True):
        assert shapely.to_wkb(a) == shapely.to_wkb(b)
    assert got.plan_lines == want.plan_lines


def test_baseline_round_trips_exactly(ws: Workspace) -> None:
    [baseline] = [v for v in ws.versions() if v.kind == "baseline"]
    got = ws.load(baseline.id)
    assert_same_dataset(got, bundled())
    for col in BOUNDARY_PROVENANCE:
        assert (got.boundaries[col] == "").all()


def test_reopen_is_migrated_and_not_reseeded(ws: Workspace) -> None:
    again = open_workspace(ws.url)
    assert [v.kind for v in again.versions()].count("baseline") == 1
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    again.engine.dispose()


def test_geometry_column_type_and_index(ws: Workspace) -> None:
    insp = inspect(ws.engine)
    column = next(c for c in insp.get_columns("rec_boundaries") if c["name"] == "geometry")
    if ws.engine.dialect.name == "postgresql":
        assert "geometry" in str(column["type"]).lower()
        assert any("gist" in str(ix.get("dialect_options", {})) for ix in insp.get_indexes("rec_boundaries"))
        with ws.engine.connect() as conn:
            assert conn.execute(text("SELECT DISTINCT ST_SRID(geometry) FROM rec_boundaries")).scalar() == 4326
    else:
        assert "blob" in str(column["type"]).lower() or "binary" in str(column["type"]).lower()


def _susu_square() -> gpd.GeoDataFrame:
    square = shapely.box(118.20, 33.93, 118.23, 33.95)
    return gpd.GeoDataFrame({"area_id": ["susu"]}, geometry=[square], crs="EPSG:4326")


def test_save_boundaries_makes_a_new_version(ws: Workspace) -> None:
    base_id = ws.latest_id()
    before = ws.load(base_id)
    vid = ws.save_boundaries(base_id, _susu_square(), source="规划局", file_name="susu.zip", source_date="2026-05-01")
    assert vid != base_id and ws.latest_id() == vid
    info = ws.info(vid)
    assert info.kind == "published" and info.parent_id == base_id
    new = ws.load(vid)
    row = new.boundaries.set_index("area_id").loc["susu"]
    assert row["geometry_quality"] == "official"
    assert (row["geometry_source"], row["geometry_date"], row["geometry_file"]) == ("规划局", "2026-05-01", "susu.zip")
    assert row.geometry.equals(shapely.box(118.20, 33.93, 118.23, 33.95))
    assert list(new.boundaries["area_id"]) == list(before.boundaries["area_id"])
    assert_same_dataset(ws.load(base_id), before)  # the base version is untouched
    with ws.engine.connect() as conn:
        rec = conn.execute(text("SELECT kind, file_name, source FROM import_record WHERE version_id = :v"), {"v": vid})
        assert rec.one() == ("boundaries", "susu.zip", "规划局")


def test_unknown_area_writes_nothing(ws: Workspace) -> None:
    before = ws.checksum()
    bad = _susu_square().assign(area_id="nowhere")
    with pytest.raises(UnknownAreas) as err:
        ws.save_boundaries(ws.latest_id(), bad, source="x", file_name="bad.geojson")
    assert "sucheng" in str(err.value) and "nowhere" in str(err.value)
    assert ws.checksum() == before


def test_failed_write_rolls_back_whole(ws: Workspace) -> None:
    before = ws.checksum()
    base = ws.load(ws.latest_id())
    broken = base.boundaries.copy()
    broken.loc[len(broken) - 1, "geometry"] = None  # the last row fails NOT NULL after the others were inserted
    with pytest.raises(Exception, match=r"(?i)null"):
        ws.save_dataset(replace(base, boundaries=broken), "broken")
    assert ws.checksum() == before


def test_unknown_version(ws: Workspace) -> None:
    with pytest.raises(UnknownVersion, match="has \\["):
        ws.load(9999)
