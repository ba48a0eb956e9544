"""Reading real boundary files: zipped Shapefiles in GK zones with GBK/UTF-8 attributes, GeoJSON, GPKG, KML/KMZ."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from sq_layout.errors import BoundaryCRSRequired, BoundaryFileTooLarge, BoundaryFormatError, BoundaryImportError
from sq_layout.imports.boundaries import BoundaryImport, FeatureResult, preview_upload
from sq_layout.imports.boundary_files import dbf_encoding, read_upload
from sq_layout.imports.boundary_kml import read_kml_xml
from sq_layout.plan.dataset import Dataset
from tests.imports.boundary_fixtures import SUSU, SUSU_NAME, distance_m, frame, kmz, shapefile_zip, written


def _only(preview: BoundaryImport) -> FeatureResult:
    assert len(preview.features) == 1
    return preview.features[0]


@pytest.mark.parametrize("crs", ["EPSG:4549", "EPSG:4528"])
def test_gk_shapefile_with_prj_and_gbk_cpg(ds: Dataset, tmp_path: Path, crs: str) -> None:
    data = shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], crs))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        dbf = zf.read("boundary.dbf")
    assert SUSU_NAME.encode("gbk") in dbf and dbf_encoding(dbf) == "gb18030"
    p = preview_upload("susu.zip", data, ds)
    f = _only(p)
    assert (p.crs, p.crs_source, p.encoding, p.encoding_source) == (crs, "file", "gb18030", "cpg")
    assert (f.name, f.area_id, f.status, p.name_field) == (SUSU_NAME, "susu", "ok", "名称")
    assert distance_m(f.geometry, SUSU) < 0.01
    assert p.ok and list(p.frame()["area_id"]) == ["susu"] and p.frame().crs == "EPSG:4326"


@pytest.mark.parametrize(("crs", "suggested"), [("EPSG:4549", "EPSG:4549"), ("EPSG:4528", "EPSG:4528")])
def test_shapefile_without_prj_requires_a_crs_and_suggests_one(
    ds: Dataset, tmp_path: Path, crs: str, suggested: str
) -> None:
    data = shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], crs), prj=False, cpg=False)
    with pytest.raises(BoundaryCRSRequired) as err:
        preview_upload("no-prj.zip", data, ds)
    assert err.value.suggestion == suggested and "no-prj.zip" in str(err.value)
    p = preview_upload("no-prj.zip", data, ds, crs=suggested)
    f = _only(p)
    assert (p.crs_source, p.encoding, p.encoding_source, f.name, f.area_id) == (
        "user",
        "gb18030",
        "detected",
        SUSU_NAME,
        "susu",
    )
    assert distance_m(f.geometry, SUSU) < 0.01


def test_plain_gk_in_the_other_zone_is_suggested_by_where_it_lands(ds: Dataset, tmp_path: Path) -> None:
    data = shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4548"), prj=False)
    with pytest.raises(BoundaryCRSRequired) as err:
        preview_upload("cm117.zip", data, ds)
    assert err.value.suggestion == "EPSG:4548"


def test_utf8_shapefile_without_cpg_is_detected(ds: Dataset, tmp_path: Path) -> None:
    data = shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4549"), encoding="UTF-8", cpg=False)
    p = preview_upload("utf8.zip", data, ds)
    assert (p.encoding, p.encoding_source, _only(p).name) == ("utf-8", "detected", SUSU_NAME)


def test_user_encoding_wins(ds: Dataset, tmp_path: Path) -> None:
    data = shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4549"), cpg=False)
    p = preview_upload("gbk.zip", data, ds, encoding="gb18030")
    assert (p.encoding_source, _only(p).area_id) == ("user", "susu")
    with pytest.raises(BoundaryImportError, match="unknown encoding"):
        preview_upload("gbk.zip", data, ds, encoding="latin-9")


def test_geojson_and_geopackage(ds: Dataset, tmp_path: Path) -> None:
    gj = written(tmp_path, frame([SUSU], ["苏州宿迁工业园"]), "susu.geojson", "GeoJSON")
    f = _only(preview_upload("susu.geojson", gj, ds))
    assert (f.area_id, f.status) == ("susu", "ok") and distance_m(f.geometry, SUSU) < 0.01
    gpkg = written(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4549"), "susu.gpkg", "GPKG")
    p = preview_upload("susu.gpkg", gpkg, ds)
    assert (p.crs, _only(p).area_id) == ("EPSG:4549", "susu") and distance_m(_only(p).geometry, SUSU) < 0.01


def test_geojson_with_projected_numbers_and_no_crs_member_asks_for_one(ds: Dataset, tmp_path: Path) -> None:
    doc = json.loads(frame([SUSU], [SUSU_NAME], "EPSG:4549").to_json(drop_id=True))
    del doc["crs"]
    text = json.dumps(doc).encode()
    with pytest.raises(BoundaryCRSRequired) as err:
        preview_upload("gk.geojson", text, ds)
    assert err.value.suggestion == "EPSG:4549"


def test_kml_and_kmz_and_the_xml_fallback(ds: Dataset, tmp_path: Path) -> None:
    kml = written(tmp_path, frame([SUSU], [SUSU_NAME]).rename(columns={"名称": "Name"}), "susu.kml", "KML")
    for name, data in (("susu.kml", kml), ("susu.kmz", kmz(kml))):
        p = preview_upload(name, data, ds)
        assert (p.kind, _only(p).area_id, _only(p).name) == ("kml", "susu", SUSU_NAME)
        assert distance_m(_only(p).geometry, SUSU) < 0.01
    xml = read_kml_xml(kml, "susu.kml")
    assert list(xml["Name"]) == [SUSU_NAME] and distance_m(xml.geometry.iloc[0], SUSU) < 0.01


def test_corrupt_zip_oversized_and_unknown_types_are_refused(ds: Dataset, tmp_path: Path) -> None:
    good = shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4549"))
    with pytest.raises(BoundaryFormatError) as err:
        read_upload("broken.zip", good[: len(good) // 2])
    assert err.value.key == "bnd_bad_zip" and "broken.zip" in str(err.value)
    with pytest.raises(BoundaryFileTooLarge) as big:
        read_upload("big.geojson", b"x" * 2_000_001, max_bytes=1_000_000)
    assert "limit is 1 MB" in str(big.value) and big.value.params["limit_mb"] == 1
    with pytest.raises(BoundaryImportError, match=r"unsupported file type '\.dwg'"):
        read_upload("plan.dwg", b"AC1027")


def test_shapefile_missing_parts_is_named(tmp_path: Path) -> None:
    data = shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4549"))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for n in src.namelist():
            if not n.endswith(".dbf"):
                dst.writestr(n, src.read(n))
    with pytest.raises(BoundaryFormatError, match=r"lacks \['boundary.dbf'\]"):
        read_upload("parts.zip", buf.getvalue())
