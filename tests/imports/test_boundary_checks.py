"""Matching and checks on real files: variants, codes, offsets, repair, city, siblings, whole-city box, duplicates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapely
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from sq_layout.errors import BoundaryImportError
from sq_layout.geo.crs import wgs84_to_bd09, wgs84_to_gcj02
from sq_layout.imports.boundaries import BoundaryImport, preview_upload
from sq_layout.imports.boundary_match import SKIP, area_index, resolve
from sq_layout.plan.dataset import Dataset
from tests.frames import number
from tests.imports.boundary_fixtures import SUSU, SUSU_NAME, distance_m, frame, written


def _preview(ds: Dataset, tmp_path: Path, geoms: list[BaseGeometry], names: list[str], **kw: Any) -> BoundaryImport:
    data = written(tmp_path, frame(geoms, names), "f.geojson", "GeoJSON")
    return preview_upload("f.geojson", data, ds, **kw)


def _keys(p: BoundaryImport, number: int) -> list[str]:
    return [f.key for f in p.features[number - 1].findings]


@pytest.mark.parametrize(
    ("written_as", "area_id"),
    [
        ("宿迁经济技术开发区", "jingkai"),
        ("宿迁经开区", "jingkai"),
        ("经济技术开发区", "jingkai"),
        ("宿迁市湖滨新区", "hubin"),
        ("湖滨新区管委会", "hubin"),
        ("苏州宿迁工业园区", "susu"),
        ("Suzhou-Suqian Industrial Park", "susu"),
        ("Sucheng District", "sucheng"),
        ("宿城", "sucheng"),
        ("321324", "sihong"),
        ("321302150000", "yanghe"),
        ("321302450", "susu"),
        ("sihong", "sihong"),
        ("某某工业园", None),
    ],
)
def test_names_variants_and_codes_resolve(ds: Dataset, written_as: str, area_id: str | None) -> None:
    assert resolve(written_as, area_index(ds.areas)) == area_id


@pytest.mark.parametrize(("system", "forward"), [("gcj02", wgs84_to_gcj02), ("bd09", wgs84_to_bd09)])
def test_offset_systems_are_converted_to_within_metres(
    ds: Dataset, tmp_path: Path, system: str, forward: Callable[[np.ndarray], np.ndarray]
) -> None:
    shifted = shapely.transform(SUSU, forward)
    assert distance_m(shifted, SUSU) > 300  # the offset is real
    f = _preview(ds, tmp_path, [shifted], [SUSU_NAME], crs=system).features[0]
    assert f.area_id == "susu" and distance_m(f.geometry, SUSU) < 0.5


def test_bow_tie_is_repaired_and_the_repair_is_shown(ds: Dataset, tmp_path: Path) -> None:
    (x0, y0, x1, y1) = SUSU.bounds
    bow = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])
    p = _preview(ds, tmp_path, [bow], [SUSU_NAME])
    f = p.features[0]
    assert (
        f.status in ("repaired", "warning") and f.geometry is not None and f.geometry.is_valid and f.geometry.area > 0
    )
    rep = next(x for x in f.findings if x.key == "bnd_repaired")
    assert "Self-intersection" in rep.message("en") and "km²" in rep.message("zh")
    assert rep.params["before"] != rep.params["after"] and p.ok


def test_outside_the_city_is_an_error(ds: Dataset, tmp_path: Path) -> None:
    far = affinity.translate(SUSU, xoff=1.5)
    p = _preview(ds, tmp_path, [far], [SUSU_NAME])
    assert "bnd_outside_city_all" in _keys(p, 1) and not p.ok
    assert "宿迁" in p.features[0].findings[-1].message("zh")
    with pytest.raises(BoundaryImportError, match="feature 1"):
        p.frame()


def test_zone_outside_its_county_and_overlapping_a_sibling_zone(ds: Dataset, tmp_path: Path) -> None:
    in_suyu = affinity.translate(SUSU, xoff=0.12, yoff=0.12)  # north-east, into 宿豫区
    p = _preview(ds, tmp_path, [in_suyu], [SUSU_NAME])
    assert "bnd_outside_parent" in _keys(p, 1) and p.features[0].status == "error"
    other = affinity.translate(SUSU, xoff=0.005)
    p = _preview(ds, tmp_path, [SUSU, other], [SUSU_NAME, "宿迁经济技术开发区"])
    over = next(x for x in p.features[0].findings if x.key == "bnd_overlap")
    assert over.level == "error" and over.params["other_area"] == "宿迁经开区"


def test_county_overlapping_another_county_is_refused(ds: Dataset, tmp_path: Path) -> None:
    sucheng = ds.boundaries.set_index("area_id").geometry["sucheng"]
    grown = gpd_buffer_m(sucheng, 3000)
    p = _preview(ds, tmp_path, [grown], ["宿城区"])
    errors = [x for x in p.features[0].findings if x.key == "bnd_overlap" and x.level == "error"]
    assert errors and {e.params["other_area"] for e in errors} >= {"宿豫区"}


def test_whole_city_box_for_a_county_is_refused(ds: Dataset, tmp_path: Path) -> None:
    p = _preview(ds, tmp_path, [box(*ds.boundaries.total_bounds)], ["泗洪县"])
    assert _keys(p, 1)[-1] == "bnd_whole_city" and not p.ok
    assert "泗洪县" in p.features[0].findings[-1].message("zh")


def test_two_features_for_one_area_are_refused(ds: Dataset, tmp_path: Path) -> None:
    p = _preview(ds, tmp_path, [SUSU, affinity.scale(SUSU, 0.5, 0.5)], [SUSU_NAME, "苏宿园区"])
    for n in (1, 2):
        assert "bnd_duplicate" in _keys(p, n)
    assert "1, 2" in p.problems()[0] and not p.ok


def test_unknown_name_lists_the_choices_then_skip_or_correct(ds: Dataset, tmp_path: Path) -> None:
    p = _preview(ds, tmp_path, [SUSU, SUSU], [SUSU_NAME, "某某工业园"])
    msg = next(x for x in p.features[1].findings if x.key == "bnd_unknown_name").message("en")
    assert "某某工业园" in msg and "名称" in msg and "sihong" in msg and "苏宿工业园区" in msg
    skipped = _preview(ds, tmp_path, [SUSU, SUSU], [SUSU_NAME, "某某工业园"], matches={"某某工业园": SKIP})
    assert skipped.ok and list(skipped.frame()["area_id"]) == ["susu"]
    corrected = _preview(ds, tmp_path, [SUSU], ["某某工业园"], matches={"1": "苏宿工业园区"})
    assert corrected.features[0].matched_by == "user" and corrected.ok
    with pytest.raises(BoundaryImportError, match=r"valid: .*sihong"):
        _preview(ds, tmp_path, [SUSU], ["某某工业园"], matches={"1": "nowhere"})


def test_stated_area_is_compared(ds: Dataset, tmp_path: Path) -> None:
    big = affinity.scale(SUSU, 1.6, 1.6)
    f = _preview(ds, tmp_path, [big], [SUSU_NAME]).features[0]
    stated = next(x for x in f.findings if x.key == "bnd_stated_area")
    assert stated.level == "warning" and stated.params["stated"] == 13.6 and number(stated.params["pct"]) > 25
    ok = next(x for x in _preview(ds, tmp_path, [SUSU], [SUSU_NAME]).features[0].findings if x.key == "bnd_stated_area")
    assert ok.level == "ok" and abs(number(ok.params["pct"])) < 25


def gpd_buffer_m(geom: BaseGeometry, metres: float) -> BaseGeometry:
    """Buffer a WGS-84 geometry by metres (in EPSG:4548)."""
    import geopandas as gpd

    s = gpd.GeoSeries([geom], crs="EPSG:4326").to_crs("EPSG:4548").buffer(metres)
    buffered: BaseGeometry = s.to_crs("EPSG:4326").iloc[0]
    return buffered


def test_every_finding_renders_in_both_languages(ds: Dataset, tmp_path: Path) -> None:
    p = _preview(ds, tmp_path, [SUSU, box(*ds.boundaries.total_bounds), SUSU], [SUSU_NAME, "泗洪县", "x"])
    for f in p.features:
        for x in f.findings:
            assert x.message("zh") and x.message("en") and "{" not in x.message("en") + x.message("zh")
    assert np.isfinite([number(x.params.get("km2", 0)) for f in p.features for x in f.findings]).all()


def test_dry_run_report_lists_matches_and_findings(ds: Dataset, tmp_path: Path) -> None:
    from sq_layout.cli.import_boundaries import format_preview

    p = _preview(ds, tmp_path, [SUSU, SUSU], [SUSU_NAME, "某某工业园"], matches={"某某工业园": SKIP})
    names = dict(zip(ds.areas["area_id"], ds.areas["name"], strict=True))
    text = format_preview(p, names, "zh")
    assert "#1 苏宿工业园区 → 苏宿工业园区 (susu)  [通过]" in text and "#2 某某工业园 → — 不导入" in text
    assert "通过：面积 11.742 km²" in text and "f.geojson" in text.splitlines()[0]  # a finding's level in words


def test_an_area_new_in_a_draft_plan_gets_its_first_boundary(ds: Dataset, tmp_path: Path) -> None:
    import dataclasses

    import pandas as pd

    row = {c: "" for c in ds.areas.columns} | {"area_id": "newpark", "name": "宿迁新园区", "short_name": "新园区"}
    row |= {"name_en": "New Park", "short_name_en": "New Park", "kind": "zone", "parent_area_id": "sucheng"}
    draft = dataclasses.replace(ds, areas=pd.concat([ds.areas, pd.DataFrame([row])], ignore_index=True))
    p = _preview(draft, tmp_path, [affinity.translate(SUSU, yoff=-0.06)], ["新园区"])
    f = p.features[0]
    assert (f.area_id, f.status) == ("newpark", "ok") and f.findings[0].params["current"] == "—" and p.ok
