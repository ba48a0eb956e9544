"""A bundle's boundary file is read in bulk when it can be; every geometry must be what GEOS's GeoJSON reader makes
of it, and whatever GEOS refuses is refused with the feature named."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import shapely
from shapely.geometry.base import BaseGeometry

from sq_layout.imports.plan_bundle import _features

SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
HOLE = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]]
FAR = [[[5.5, 5], [6, 5], [6, 6.25], [5.5, 5]]]
PRECISE = [[118.123456789012, 33.9], [118.2, 33.9], [118.2, 34.0], [118.123456789012, 33.9]]
GOOD: list[dict[str, Any]] = [
    {"type": "Polygon", "coordinates": [SQUARE]},
    {"type": "Polygon", "coordinates": [SQUARE, HOLE]},
    {"type": "MultiPolygon", "coordinates": [[SQUARE], FAR]},
    {"type": "Polygon", "coordinates": [PRECISE]},
]
BAD: dict[str, dict[str, Any] | None] = {
    "unclosed ring": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},
    "three points": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]},
    "text coordinate": {"type": "Polygon", "coordinates": [[["0", 0], [1, 0], [1, 1], ["0", 0]]]},
    "boolean coordinate": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, True], [0, 0]]]},
    "null coordinate": {"type": "Polygon", "coordinates": [[[0, 0], [1, None], [1, 1], [0, 0]]]},
    "no geometry": None,
}


def _write(tmp_path: Path, geometries: Sequence[dict[str, Any] | None]) -> Path:
    features = [
        {"type": "Feature", "properties": {"area_id": f"a{i}", "geometry_quality": "official", "source": "test"}}
        | ({"geometry": g} if g is not None else {})
        for i, g in enumerate(geometries)
    ]
    path = tmp_path / "areas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def _geometry(row: dict[str, object]) -> BaseGeometry:
    geometry = row["geometry"]
    assert isinstance(geometry, BaseGeometry)
    return geometry


def test_plain_polygons_read_in_bulk_are_what_geos_reads(tmp_path: Path) -> None:
    problems: list[str] = []
    rows = _features(_write(tmp_path, GOOD), problems)
    assert problems == []
    expected = [shapely.from_geojson(json.dumps(g)) for g in GOOD]
    assert [_geometry(r).wkb for r in rows] == [g.wkb for g in expected]
    assert [_geometry(r).geom_type for r in rows] == ["Polygon", "Polygon", "MultiPolygon", "Polygon"]


@pytest.mark.parametrize("case", list(BAD))
def test_a_geometry_geos_refuses_is_refused_among_good_ones(tmp_path: Path, case: str) -> None:
    problems: list[str] = []
    rows = _features(_write(tmp_path, [*GOOD, BAD[case]]), problems)
    n = len(GOOD) + 1
    if case in ("unclosed ring", "text coordinate", "boolean coordinate", "null coordinate"):  # GEOS refuses these
        with pytest.raises((shapely.errors.GEOSException, ValueError, TypeError)):
            shapely.from_geojson(json.dumps(BAD[case]))
    assert len(problems) == 1 and problems[0].startswith(f"areas.geojson: feature {n} (area_id='a{n - 1}')")
    assert [_geometry(r).wkb for r in rows] == [shapely.from_geojson(json.dumps(g)).wkb for g in GOOD]
