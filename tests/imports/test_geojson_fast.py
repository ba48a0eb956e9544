"""The boundary files' fast read (sq_layout.imports.geojson_fast): the same geometries and properties as reading each
feature on its own, and no fast read at all for anything but plain 2-D polygons (those are read feature by feature,
with each one's own message, as before)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import shapely

from sq_layout.imports.geojson_fast import plain_collection

GEODATA = Path(__file__).resolve().parents[2] / "geodata" / "boundaries"
SQUARE = [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]


def collection(*geometries: Any, props: dict[str, Any] | None = None, indent: int | None = None) -> str:
    """A FeatureCollection of these geometries, each with the given properties and its number."""
    features = [
        {"type": "Feature", "properties": (props or {}) | {"n": i}, "geometry": g} for i, g in enumerate(geometries)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, indent=indent)


@pytest.mark.parametrize("name", ["counties.geojson", "zones.geojson"])
def test_the_bundled_boundaries_read_as_feature_by_feature(name: str) -> None:
    text = (GEODATA / name).read_text(encoding="utf-8-sig")
    found = plain_collection(text)
    assert found is not None
    doc, geometries = found
    whole = json.loads(text)
    assert len(geometries) == len(whole["features"]) > 0
    for feature, read, geometry in zip(whole["features"], doc["features"], geometries, strict=True):
        assert read["properties"] == feature["properties"]
        assert geometry.wkb == shapely.from_geojson(json.dumps(feature["geometry"])).wkb


def test_polygons_and_multipolygons_mixed_keep_their_kind_and_order() -> None:
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE, [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}
    found = plain_collection(collection({"type": "Polygon", "coordinates": SQUARE}, multi, indent=1))
    assert found is not None
    assert [g.geom_type for g in found[1]] == ["Polygon", "MultiPolygon"]
    assert [f["properties"]["n"] for f in found[0]["features"]] == [0, 1]
    assert found[1][1].wkb == shapely.from_geojson(json.dumps(multi)).wkb


@pytest.mark.parametrize(
    "text",
    [
        collection({"type": "Polygon", "coordinates": SQUARE}, props={"coordinates": [1, 2]}),  # a property so named
        collection({"type": "Polygon", "coordinates": [[[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 0, 1]]]}),  # 3-D
        collection({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}),  # ring not closed
        collection({"type": "Polygon", "coordinates": []}),  # empty
        collection({"type": "Point", "coordinates": [1, 2]}),
        collection({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, True], [0, 0]]]}),  # not a number
        collection(None),
        collection({"type": "Polygon", "coordinates": SQUARE}).replace("1.0, 1.0", "1.0 1.0"),  # not JSON
        collection({"type": "Polygon", "coordinates": SQUARE}).replace("1.0, 0.0", "1e999, 0.0"),  # not finite
        json.dumps({"type": "Polygon", "coordinates": SQUARE}),  # not a collection
    ],
)
def test_anything_else_is_left_to_the_feature_by_feature_read(text: str) -> None:
    assert plain_collection(text) is None


def test_a_polygon_geos_reads_but_that_is_invalid_is_read_as_feature_by_feature() -> None:
    geometry = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}  # too few points: checked later
    found = plain_collection(collection(geometry))
    alone = shapely.from_geojson(json.dumps(geometry))
    assert found is not None and found[1][0].wkb == alone.wkb and not alone.is_valid
