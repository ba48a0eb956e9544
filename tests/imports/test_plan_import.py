"""Plan versions from the Excel template, CSV and bundle zip: exact round trips, every problem listed, nothing saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook

from sq_layout.errors import ImportRejected, UploadTooLarge
from sq_layout.export.version_export import bundle_zip, write_bundle
from sq_layout.imports.plan_import import import_plan
from sq_layout.imports.plan_template import template_bytes
from sq_layout.plan.dataset import bundled
from sq_layout.store import Workspace
from tests.store.test_store import assert_same_dataset

if TYPE_CHECKING:
    import geopandas as gpd


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "plan.xlsx"
    path.write_bytes(template_bytes(bundled()))
    return path


def _baseline_id(ws: Workspace) -> int:
    return next(v.id for v in ws.versions() if v.kind == "baseline")


def test_template_has_guide_and_dropdowns(template: Path) -> None:
    wb = load_workbook(template)
    assert wb.sheetnames[0] == "说明"
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in wb["assignments"].data_validations.dataValidation}
    assert lists["A2"] == "=areas!$A$2:$A$5000"  # area_id chooses among the areas sheet
    assert lists["D2"] == '"table10,ch4,ch5"'
    assert wb["industries"].data_validations.dataValidation[0].formula1 == '"dominant,leading"'


def test_template_round_trip(ws: Workspace, template: Path) -> None:
    result = import_plan(
        ws, [template], base_version_id=_baseline_id(ws), title="十四五 again", confirm_stale_base=True
    )
    assert result.undrawn == ()
    assert ws.latest_id() == result.version_id
    assert_same_dataset(ws.load(result.version_id), bundled())


def test_bad_template_lists_every_problem_and_writes_nothing(ws: Workspace, template: Path, tmp_path: Path) -> None:
    wb = load_workbook(template)
    wb["assignments"]["A2"] = "nowhere"  # unknown area
    wb["industries"]["D3"] = "major"  # not a tier
    wb["chains"]["K4"] = 99999  # past the plan text
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before = ws.checksum()
    with pytest.raises(ImportRejected) as err:
        import_plan(ws, [bad], base_version_id=_baseline_id(ws), confirm_stale_base=True)
    problems = "\n".join(err.value.problems)
    assert "sheet assignments: row 1 (line 2), column 'area_id': unknown area 'nowhere'" in problems
    assert "sheet industries: row 2 (line 3), column 'tier'" in problems and "'major'" in problems
    assert "sheet chains: row 3 (line 4), column 'line': 99999 is past" in problems
    assert ws.checksum() == before


def test_new_area_is_listed_as_not_drawn(ws: Workspace, template: Path, tmp_path: Path) -> None:
    wb = load_workbook(template)
    wb["areas"].append(["newpark", "新园区", "新园", "New Park", "New Park", "zone", "", "", "sucheng", "", ""])
    wb["assignments"].append(["newpark", "pv", "", "ch4", "第四章", 722, 1, "新园区", "宿迁经开区、泗洪县", ""])
    path = tmp_path / "draft.xlsx"
    wb.save(path)
    result = import_plan(ws, [path], base_version_id=_baseline_id(ws), title="十五五 draft", confirm_stale_base=True)
    assert result.undrawn == ("newpark",)
    ds = ws.load(result.version_id)
    assert "newpark" in set(ds.areas["area_id"]) and "newpark" not in set(ds.boundaries["area_id"])


def test_csv_replaces_one_table(ws: Workspace, tmp_path: Path) -> None:
    base = bundled()
    path = tmp_path / "assignments.csv"
    base.assignments[base.assignments["industry_id"] != "pv"].to_csv(path, index=False)
    result = import_plan(ws, [path], base_version_id=_baseline_id(ws), confirm_stale_base=True)
    ds = ws.load(result.version_id)
    assert "pv" not in set(ds.assignments["industry_id"]) and len(ds.industries) == len(base.industries)
    bad = tmp_path / "assignment.csv"
    bad.write_text("x\n1\n", encoding="utf-8")
    before = ws.checksum()
    with pytest.raises(ImportRejected, match="not a plan table"):
        import_plan(ws, [bad])
    assert ws.checksum() == before


def test_bundle_export_import_round_trip(ws: Workspace, tmp_path: Path) -> None:
    vid = ws.save_boundaries(
        _baseline_id(ws),
        _square(),
        source="规划局",
        file_name="susu.zip",
        source_date="2026-01",
        confirm_stale_base=True,
    )
    version = ws.load(vid)
    zipped = tmp_path / "version.zip"
    zipped.write_bytes(bundle_zip(version))
    again = import_plan(ws, [zipped])
    assert_same_dataset(ws.load(again.version_id), version)
    assert ws.load(again.version_id).boundaries.set_index("area_id").at["susu", "geometry_file"] == "susu.zip"
    folder = write_bundle(version, tmp_path / "folder")
    assert_same_dataset(ws.load(import_plan(ws, [folder]).version_id), version)


def test_oversized_upload_refused_with_limit(ws: Workspace, tmp_path: Path) -> None:
    big = tmp_path / "big.zip"
    with big.open("wb") as f:
        f.truncate(51 * 1024 * 1024)  # sparse: no disk used
    before = ws.checksum()
    with pytest.raises(UploadTooLarge, match="the limit is 50 MB"):
        import_plan(ws, [big])
    assert ws.checksum() == before


def _square() -> gpd.GeoDataFrame:
    import geopandas as gpd
    import shapely

    return gpd.GeoDataFrame({"area_id": ["susu"]}, geometry=[shapely.box(118.2, 33.93, 118.23, 33.95)], crs=4326)
