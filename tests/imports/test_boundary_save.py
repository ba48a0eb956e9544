"""Import -> save -> load through the workspace store (a temporary SQLite file): official geometry with its source.

These need sq_layout.store (the workspace store); they run once it is in the tree.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from layers.popups import area_tooltips
from sq_layout.cli.import_boundaries import add_import_boundaries_parser
from sq_layout.imports.boundaries import preview_upload, save_import
from sq_layout.plan.join import areas_frame
from tests.imports.boundary_fixtures import SUSU, SUSU_NAME, distance_m, frame, shapefile_zip

if TYPE_CHECKING:
    from sq_layout.store import Workspace

SOURCE = "宿迁市自然资源和规划局"


def open_workspace(url: str) -> Workspace:
    """The workspace store at url (imported here: the store is its own wing)."""
    from sq_layout.store import open_workspace as open_ws

    return open_ws(url)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_import_boundaries_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["import-boundaries", *argv])
    return int(args.handler(args))


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "workspace.sqlite"
    open_workspace(f"sqlite:///{path}")
    return f"sqlite:///{path}", path


def test_gk_shapefile_saved_and_loaded_as_official(db: tuple[str, Path], tmp_path: Path) -> None:
    url, _ = db
    ws = open_workspace(url)
    base = ws.latest_id()
    data = shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4549"))
    preview = preview_upload("susu-official.zip", data, ws.load(base))
    new = save_import(preview, ws, base, source=SOURCE, source_date="2025-06")
    assert new != base and new == open_workspace(url).latest_id()
    areas = areas_frame(open_workspace(url).load(new)).set_index("area_id")
    susu = areas.loc["susu"]
    assert (susu["geometry_quality"], susu["geometry_source"], susu["geometry_date"], susu["geometry_file"]) == (
        "official",
        SOURCE,
        "2025-06",
        "susu-official.zip",
    )
    assert distance_m(susu.geometry, SUSU) < 0.01
    assert areas.loc["jingkai", "geometry_quality"] == "schematic"
    assert (
        areas_frame(open_workspace(url).load(base)).set_index("area_id").loc["susu", "geometry_quality"] == "schematic"
    )
    tip = area_tooltips(areas_frame(open_workspace(url).load(new)), "en")[list(areas.index).index("susu")]
    assert "official · " + SOURCE + " · 2025-06" in tip


def test_refused_imports_leave_the_store_untouched(db: tuple[str, Path], tmp_path: Path) -> None:
    url, path = db
    ws = open_workspace(url)
    data = shapefile_zip(tmp_path, frame([SUSU, SUSU], [SUSU_NAME, "苏宿园区"], "EPSG:4549"))
    preview = preview_upload("twice.zip", data, ws.load())
    before = _digest(path)
    with pytest.raises(Exception, match="feature 1"):
        save_import(preview, ws, ws.latest_id(), source=SOURCE)
    assert _digest(path) == before


def test_cli_dry_run_then_yes(db: tuple[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, path = db
    shp = tmp_path / "susu.zip"
    shp.write_bytes(shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4528"), prj=False))
    before = _digest(path)
    assert _cli(str(shp), "--db", url) == 2  # no .prj: a CRS is required
    assert "EPSG:4528" in capsys.readouterr().err
    assert _cli(str(shp), "--db", url, "--crs", "EPSG:4528", "--lang", "en") == 0
    out = capsys.readouterr().out
    assert "#1 苏宿工业园区 → Suzhou-Suqian Industrial Park (susu)" in out and "dry run" in out
    assert _cli(str(shp), "--db", url, "--crs", "EPSG:4528") == 0
    out = capsys.readouterr().out
    assert "#1 苏宿工业园区 → 苏宿工业园区 (susu)" in out and "试运行：未保存" in out and "dry run" not in out
    assert _digest(path) == before
    assert _cli(str(shp), "--db", url, "--crs", "EPSG:4528", "--yes") == 2  # no --source
    assert _digest(path) == before
    assert _cli(str(shp), "--db", url, "--crs", "EPSG:4528", "--yes", "--source", SOURCE) == 0
    assert "新版本" in capsys.readouterr().out
    areas = areas_frame(open_workspace(url).load()).set_index("area_id")
    assert areas.loc["susu", "geometry_quality"] == "official" and areas.loc["susu", "geometry_file"] == "susu.zip"
