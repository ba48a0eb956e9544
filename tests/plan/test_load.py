"""Loading the bundled data, and a clear DataError for each kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

import pandas as pd
import pytest

from sq_layout.errors import DataError
from sq_layout.plan.boundaries import read_boundary_file
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.schemas import ASSIGNMENTS
from sq_layout.plan.tables import read_raw, read_table
from tests.conftest import load_copy


def test_bundled_dataset_counts(ds: Dataset) -> None:
    assert len(ds.areas) == 9
    assert ds.areas["kind"].value_counts().to_dict() == {"county": 5, "zone": 4}
    assert ds.industries["tier"].value_counts().to_dict() == {"dominant": 6, "leading": 3}
    assert len(ds.chains) == 20
    assert set(ds.boundaries["area_id"]) == set(ds.areas["area_id"])


def edit_csv(path: Path, row: int, column: str, value: str) -> None:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df.loc[row, column] = value
    df.to_csv(path, index=False)


def test_unknown_area_name_names_file_row_and_column(data_copy: Path) -> None:
    edit_csv(data_copy / "plan/assignments.csv", 4, "area_id", "suqian_nowhere")
    with pytest.raises(DataError) as err:
        load_copy(data_copy)
    msg = str(err.value)
    assert "assignments.csv" in msg and "row 5" in msg and "'area_id'" in msg and "unknown area 'suqian_nowhere'" in msg


def test_unknown_chain_number(data_copy: Path) -> None:
    edit_csv(data_copy / "plan/subindustries.csv", 0, "chain_no", "21")
    with pytest.raises(DataError, match=r"subindustries.csv.*\n.*row 1.*'chain_no'"):
        load_copy(data_copy)


def test_bad_enum_value_says_what_was_expected(data_copy: Path) -> None:
    edit_csv(data_copy / "plan/assignments.csv", 2, "source", "ch9")
    with pytest.raises(DataError) as err:
        load_copy(data_copy)
    said = str(err.value)
    assert "row 3" in said and "'source'" in said and "one of: table10, ch4, ch5, meeting, document" in said


def test_non_numeric_figure(data_copy: Path) -> None:
    edit_csv(data_copy / "plan/chains.csv", 3, "output_2020_yi", "约153")
    with pytest.raises(DataError, match="output_2020_yi"):
        load_copy(data_copy)


def test_line_reference_past_end_of_plan(data_copy: Path) -> None:
    edit_csv(data_copy / "plan/details.csv", 0, "line", "99999")
    with pytest.raises(DataError, match="past the plan text's last line"):
        load_copy(data_copy)


def test_malformed_csv(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text('a,b\n1,"unterminated\n2,3,4,5\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.csv"):
        read_raw(bad)


def test_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "gbk.csv"
    bad.write_bytes("area_id,name\nsucheng,宿城区\n".encode("gbk"))
    with pytest.raises(DataError, match="not UTF-8"):
        read_raw(bad)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="empty"):
        read_raw(tmp_path / "empty.csv")
    with pytest.raises(DataError, match="not found"):
        read_raw(tmp_path / "nope.csv")


def test_oversized_file(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("a\n" + "1\n" * 5000, encoding="utf-8")
    with pytest.raises(DataError, match="limit"):
        read_raw(big, max_bytes=1000)


def test_excel_roundtrip_and_broken_excel(tmp_path: Path, ds: Dataset) -> None:
    xlsx = tmp_path / "a.xlsx"
    ds.assignments.to_excel(xlsx, index=False)
    assert len(read_table(xlsx, ASSIGNMENTS)) == len(ds.assignments)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DataError, match=r"broken\.xlsx"):
        read_raw(broken)


def test_missing_column_is_reported(tmp_path: Path, ds: Dataset) -> None:
    path = tmp_path / "a.csv"
    ds.assignments.drop(columns=["quote"]).to_csv(path, index=False)
    with pytest.raises(DataError, match="quote"):
        read_table(path, ASSIGNMENTS)


# --- GeoJSON -------------------------------------------------------------------------------------------


class Feature(TypedDict):
    type: str
    properties: dict[str, object]
    geometry: dict[str, object]


def feature(coords: list[list[float]], area_id: str | list[str] = "sucheng", quality: str = "official") -> Feature:
    return {
        "type": "Feature",
        "properties": {"area_id": area_id, "geometry_quality": quality, "source": "test"},
        "geometry": {"type": "Polygon", "coordinates": [coords]},
    }


SQUARE = [[118.2, 33.9], [118.3, 33.9], [118.3, 34.0], [118.2, 34.0], [118.2, 33.9]]


def write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_geojson_not_json(tmp_path: Path) -> None:
    p = tmp_path / "x.geojson"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="not valid GeoJSON"):
        read_boundary_file(p)


def test_geojson_not_a_feature_collection(tmp_path: Path) -> None:
    p = write(tmp_path / "x.geojson", {"type": "Polygon", "coordinates": [SQUARE]})
    with pytest.raises(DataError, match="FeatureCollection"):
        read_boundary_file(p)


def test_invalid_geometry_names_the_feature(tmp_path: Path) -> None:
    bowtie = [[118.2, 33.9], [118.3, 34.0], [118.3, 33.9], [118.2, 34.0], [118.2, 33.9]]
    p = write(
        tmp_path / "x.geojson", {"type": "FeatureCollection", "features": [feature(SQUARE), feature(bowtie, "susu")]}
    )
    with pytest.raises(DataError) as err:
        read_boundary_file(p)
    assert "feature 2 (area_id='susu')" in str(err.value) and "Self-intersection" in str(err.value)


def test_projected_coordinates_without_crs_are_rejected(tmp_path: Path) -> None:
    metres = [[x * 1e5 + 500000, y * 1e5 + 3.7e6] for x, y in [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
    p = write(tmp_path / "x.geojson", {"type": "FeatureCollection", "features": [feature(metres)]})
    with pytest.raises(DataError, match=r"outside China.*CRS"):
        read_boundary_file(p)


def test_declared_projected_crs_is_reprojected(tmp_path: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import Polygon

    proj = gpd.GeoSeries([Polygon(SQUARE)], crs=4326).to_crs(4548)[0]
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "EPSG:4548"}},
        "features": [feature([list(c) for c in proj.exterior.coords])],
    }
    gdf = read_boundary_file(write(tmp_path / "x.geojson", doc))
    assert gdf.crs.to_epsg() == 4326
    assert gdf.total_bounds == pytest.approx([118.2, 33.9, 118.3, 34.0], abs=1e-6)


def test_gcj02_declared_file_is_converted(tmp_path: Path) -> None:
    doc = {"type": "FeatureCollection", "coordinate_system": "GCJ-02", "features": [feature(SQUARE)]}
    gdf = read_boundary_file(write(tmp_path / "x.geojson", doc))
    minx, miny = gdf.total_bounds[:2]
    # GCJ-02 is shifted east and south of WGS-84 here, so WGS-84 lies west and north
    assert 118.2 - minx == pytest.approx(0.0055, abs=0.001)
    assert miny - 33.9 == pytest.approx(0.0014, abs=0.001)


def test_missing_properties(tmp_path: Path) -> None:
    f = feature(SQUARE)
    del f["properties"]["geometry_quality"]
    p = write(tmp_path / "x.geojson", {"type": "FeatureCollection", "features": [f]})
    with pytest.raises(DataError, match="geometry_quality"):
        read_boundary_file(p)


def test_oversized_geojson(tmp_path: Path) -> None:
    p = write(tmp_path / "x.geojson", {"type": "FeatureCollection", "features": [feature(SQUARE)] * 50})
    with pytest.raises(DataError, match="limit"):
        read_boundary_file(p, max_bytes=500)


def test_boundary_for_unknown_area(data_copy: Path) -> None:
    official = data_copy / "boundaries/official"
    official.mkdir()
    write(official / "x.geojson", {"type": "FeatureCollection", "features": [feature(SQUARE, "atlantis")]})
    with pytest.raises(DataError, match="unknown area 'atlantis'"):
        load_copy(data_copy)


def test_official_file_replaces_schematic_zone_without_code_changes(data_copy: Path) -> None:
    official = data_copy / "boundaries/official"
    official.mkdir()
    write(official / "susu.geojson", {"type": "FeatureCollection", "features": [feature(SQUARE, "susu", "official")]})
    loaded = load_copy(data_copy)
    susu = loaded.boundaries.set_index("area_id").loc["susu"]
    assert susu.geometry_quality == "official"
    assert susu.geometry.bounds == pytest.approx((118.2, 33.9, 118.3, 34.0))
    assert len(loaded.boundaries) == 9


# --- more bad boundary files: each a DataError naming the file, never a traceback ----------------------


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"type": "FeatureCollection", "features": [{**feature(SQUARE, "susu"), "geometry": 0}]}, r"susu\.geojson"),
        ({"type": "FeatureCollection", "features": [feature(SQUARE, ["susu"])]}, "area_id must be one text id"),
    ],
)
def test_malformed_official_features_are_named(data_copy: Path, doc: dict[str, object], message: str) -> None:
    official = data_copy / "boundaries/official"
    official.mkdir()
    write(official / "susu.geojson", doc)
    with pytest.raises(DataError, match=message):
        load_copy(data_copy)


def test_deeply_nested_json_is_named(data_copy: Path) -> None:
    official = data_copy / "boundaries/official"
    official.mkdir()
    (official / "deep.geojson").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(DataError, match=r"deep\.geojson"):
        load_copy(data_copy)


def test_two_official_files_for_one_area_are_refused(data_copy: Path) -> None:
    official = data_copy / "boundaries/official"
    official.mkdir()
    for name in ("a.geojson", "b.geojson"):
        write(official / name, {"type": "FeatureCollection", "features": [feature(SQUARE, "susu")]})
    with pytest.raises(DataError, match=r"'susu' is in both a\.geojson and b\.geojson"):
        load_copy(data_copy)


def test_a_shapefile_in_official_is_not_silently_ignored(data_copy: Path) -> None:
    official = data_copy / "boundaries/official"
    official.mkdir()
    (official / "sihong.shp").write_bytes(b"\x00\x00\x27\x0a")
    with pytest.raises(DataError, match=r"sihong\.shp: only GeoJSON .*\.prj"):
        load_copy(data_copy)


def test_a_county_replaced_by_a_box_over_the_city_is_refused(data_copy: Path) -> None:
    official = data_copy / "boundaries/official"
    official.mkdir()
    box = [[118.0, 33.3], [119.1, 33.3], [119.1, 34.4], [118.0, 34.4], [118.0, 33.3]]
    write(official / "sihong.geojson", {"type": "FeatureCollection", "features": [feature(box, "sihong")]})
    with pytest.raises(DataError, match=r"sihong\.geojson(.|\n)*'sihong': overlaps the bundled outline by IoU"):
        load_copy(data_copy)


def test_english_names_are_unique(data_copy: Path) -> None:
    chains = data_copy / "plan" / "chains.csv"
    text = chains.read_text(encoding="utf-8-sig").replace("Textiles and apparel", "Chemical fibre")
    chains.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"chains\.csv(.|\n)*name_en"):
        load_copy(data_copy)
