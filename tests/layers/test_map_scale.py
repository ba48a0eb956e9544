"""The map at any scale: geometry stays valid after simplification, travels once, and reruns send only styles."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import shapely
from streamlit.testing.v1 import AppTest

from layers.base import MAPS_DIR, base_layers, mount_config
from layers.geostore import GEO_DIR, publish_detail
from layers.selection import host_styles, thematic_styles
from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.geo.simplify import browser_geometry, browser_scale, cached_browser_geometry, geometry_key
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from tests.analysis.test_queries import expected_chain_hosts
from tests.browser.conftest import MAP_FRAME, ROOT
from tests.national import county_frame, invalid_count

COORDS = re.compile(r"\[\s*1\d\d\.\d{3,}\s*,\s*\d\d\.\d{3,}\s*\]")  # a lon/lat pair near Suqian


def test_full_national_set_stays_valid_after_simplification() -> None:
    counties = county_frame()
    assert len(counties) > 2800
    geo = browser_geometry(counties.assign(kind="county", area_id=counties["adcode"]))
    assert invalid_count(geo.geometry) == 0
    assert invalid_count(geo["detail"]) == 0  # the finer level loaded when zooming in, too
    assert not geo["detail"].is_empty.any()
    assert not geo.geometry.is_empty.any()
    assert set(geo.geom_type) <= {"Polygon", "MultiPolygon"}
    scale = geo.attrs["scale"]
    assert 0.005 < scale.tolerance < 0.1  # kilometres at national scale ...
    coords = shapely.get_coordinates(geo.geometry.to_numpy())
    assert abs(coords / scale.grid - (coords / scale.grid).round()).max() < 1e-6  # ... on the snapping grid
    assert (
        shapely.get_num_coordinates(geo.geometry.to_numpy()).sum()
        < 0.05 * shapely.get_num_coordinates(counties.geometry.to_numpy()).sum()
    )


def test_tolerance_follows_extent_and_view(ds: Dataset) -> None:
    suqian = browser_scale(tuple(areas_frame(ds).total_bounds))
    china = browser_scale((73.5, 3.8, 135.1, 53.6))
    assert 0.0003 < suqian.tolerance < 0.002 and suqian.decimals == 4
    assert china.tolerance > 20 * suqian.tolerance
    assert (
        browser_scale((118.0, 33.0, 118.5, 33.5), (1800, 1240)).tolerance
        < browser_scale((118.0, 33.0, 118.5, 33.5)).tolerance
    )


def _map_args(at: AppTest) -> dict[str, Any]:
    comps = [c for c in at.get("component_instance") if c.proto.component_name.endswith(MAP_FRAME)]
    assert len(comps) == 1
    args: dict[str, Any] = json.loads(comps[0].proto.json_args)
    return args


def _restyle(args: dict[str, Any]) -> dict[str, Any]:
    return dict(args["overlay"]["restyle"])


@pytest.fixture(scope="module")
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    assert not at.exception
    return at


def test_restyle_path_changes_colours_without_resending_geometry(ds: Dataset, app: AppTest) -> None:
    geo = areas_frame(ds)
    first = _map_args(app)
    app.multiselect(key="w_chain").set_value([9]).run()
    second = _map_args(app)
    # the base map is the same mount file (the frame builds it once) and neither message carries any coordinates
    assert first["mount"] == second["mount"] and set(first) - {"key", "default"} == {
        "mount",
        "overlay",
        "height",
        "failed",
        "tk",
    }
    assert first["tk"] == ""  # a Tianditu key is passed only with the Tianditu basemap
    for args in (first, second):
        text = json.dumps(args, ensure_ascii=False)
        assert not COORDS.search(text), COORDS.search(text)
        assert len(text.encode()) < 1_500
    mount = json.loads((MAPS_DIR / first["mount"].rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    assert re.fullmatch(r"\.\./\.\./app/static/geo/[0-9a-f]{20}\.json", mount["areas"]["url"])
    before, after = _restyle(first), _restyle(second)
    assert before["idx"] != after["idx"] and before["palette"] != after["palette"]
    hosts = expected_chain_hosts("酿造（酒）")
    for i, area in enumerate(geo["area_id"]):
        entry = after["palette"][int(after["idx"][i], 36)]
        assert ("sq-host" in entry["k"]) == (area in hosts), area
    # a click restyles too: only the selected id changes
    app.session_state["sqmap"] = {
        "last_clicked": {"lat": 33.3, "lng": 118.4},
        "last_object_clicked": {"lat": 33.3, "lng": 118.4},
        "last_active_drawing": {"properties": {"area_id": "sihong"}},
    }
    app.run()
    third = _map_args(app)
    assert third["mount"] == first["mount"]
    assert _restyle(third)["sel"] == "sihong" and _restyle(third)["idx"] == after["idx"]


def test_published_file_holds_geometry_and_escaped_tips_once(ds: Dataset) -> None:
    geo = browser_geometry(areas_frame(ds))
    layers = base_layers(geo, "zh")
    path = GEO_DIR / layers.url.rsplit("/", 1)[1]
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert [f["properties"]["area_id"] for f in doc["features"]] == list(geo["area_id"])
    assert all(shapely.geometry.shape(f["geometry"]).is_valid for f in doc["features"])
    assert base_layers(geo, "en").url == layers.url  # one file for both languages
    names = {f["properties"]["area_id"]: f["properties"]["name"] for f in doc["features"]}
    assert names["susu"][0].endswith("（示意）") and names["sihong"] == ["泗洪县", "Sihong County"]
    assert not COORDS.search(json.dumps(mount_config(layers)))


def test_no_zones_and_many_chains_still_draw(ds: Dataset) -> None:
    geo = browser_geometry(areas_frame(ds))
    counties = geo[geo["kind"] == "county"].reset_index(drop=True)
    styles = thematic_styles(counties)
    assert len(styles.idx) == 5 and styles.palette and "legend" not in styles.spec(None)  # legend beside the map
    summary = host_summary(ds, Selection(chains=(9,)))
    hosts = host_styles(geo, summary, None)
    hosting = set(summary["area_id"])
    fills = [
        (hosts.palette[int(c, 36)].fill, k, a) for c, k, a in zip(hosts.idx, geo["kind"], geo["area_id"], strict=True)
    ]
    non_host_zone = {f for f, k, a in fills if k == "zone" and a not in hosting}
    county = {f for f, k, _ in fills if k == "county"}
    # a zone that does not host the selection never looks like a county, hosting or not
    assert non_host_zone and not (non_host_zone & county)


def test_simplified_geometry_is_cached_on_disk_by_content(ds: Dataset, tmp_path: Path) -> None:
    frame = areas_frame(ds)
    first = cached_browser_geometry(frame, tmp_path)
    (cached,) = tmp_path.glob("*.npz")
    again = cached_browser_geometry(frame, tmp_path)  # read back (as another process would)
    fresh = browser_geometry(frame)
    assert again.geometry.geom_equals_exact(fresh.geometry, 0).all()
    assert again["label"].geom_equals_exact(fresh["label"], 0).all()
    assert again.attrs["scale"] == fresh.attrs["scale"] == first.attrs["scale"]
    assert list(again.columns) == list(fresh.columns)
    moved = frame.copy()  # an edited outline (another version) has its own file, never the stale one
    moved.loc[0, "geometry"] = shapely.affinity.translate(moved.geometry.iloc[0], 0.01)
    assert geometry_key(moved) != geometry_key(frame)
    cached.write_bytes(b"not a cache file")  # an unreadable file is rebuilt, not trusted
    rebuilt = cached_browser_geometry(frame, tmp_path)
    assert rebuilt.geometry.geom_equals_exact(fresh.geometry, 0).all()
    assert cached.read_bytes() != b"not a cache file"


def test_finer_level_is_published_by_region_for_large_sets(ds: Dataset) -> None:
    assert "detail" not in browser_geometry(areas_frame(ds))  # nine areas: the opening level is fine enough
    counties = county_frame(300)
    geo = browser_geometry(counties.assign(kind="county", area_id=counties["adcode"], geometry_quality="official"))
    assert geo.attrs["detail_scale"].tolerance * 8 == pytest.approx(geo.attrs["scale"].tolerance)
    regions = publish_detail(geo)
    assert 1 < len(regions) <= 36
    seen = []
    for r in regions:
        doc = json.loads((GEO_DIR / r["url"].rsplit("/", 1)[1]).read_text(encoding="utf-8"))
        assert len(doc["idx"]) == len(doc["geometries"]) == r["n"]
        shapes = [shapely.geometry.shape(g) for g in doc["geometries"]]
        assert all(s.is_valid and not s.is_empty for s in shapes)
        w, s_, e, n = r["bbox"]
        assert all(w <= s.bounds[0] and s.bounds[2] <= e and s_ <= s.bounds[1] and s.bounds[3] <= n for s in shapes)
        seen += doc["idx"]
    assert sorted(seen) == list(range(len(geo)))  # every area in exactly one region
    assert (
        shapely.get_num_coordinates(geo["detail"].to_numpy()).sum()
        > 2 * shapely.get_num_coordinates(geo.geometry.to_numpy()).sum()
    )
