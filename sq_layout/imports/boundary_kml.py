"""KML polygons with the standard library's XML parser, for a GDAL built without a KML driver."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import geopandas as gpd
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from sq_layout.errors import BoundaryFormatError


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(elem: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in elem.iter() if _local(e.tag) == name]


def _ring(elem: ET.Element | None) -> list[tuple[float, float]]:
    coords = next((e for e in _children(elem, "coordinates")), None) if elem is not None else None
    if coords is None or not coords.text:
        return []
    return [(float(p.split(",")[0]), float(p.split(",")[1])) for p in coords.text.split()]


def _polygon(elem: ET.Element) -> Polygon:
    outer = next((e for e in elem if _local(e.tag) == "outerBoundaryIs"), None)
    holes = [_ring(e) for e in elem if _local(e.tag) == "innerBoundaryIs"]
    return Polygon(_ring(outer), [h for h in holes if h])


def _geometry(placemark: ET.Element) -> BaseGeometry | None:
    polys = [_polygon(p) for p in _children(placemark, "Polygon")]
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def _attributes(placemark: ET.Element) -> dict[str, str]:
    attrs = {}
    for e in placemark:
        if _local(e.tag) in ("name", "description"):
            attrs[_local(e.tag).capitalize()] = (e.text or "").strip()
    for e in _children(placemark, "SimpleData") + _children(placemark, "Data"):
        value = e.text if _local(e.tag) == "SimpleData" else next((v.text for v in e if _local(v.tag) == "value"), "")
        if e.get("name"):
            attrs[str(e.get("name"))] = (value or "").strip()
    return attrs


def read_kml_xml(data: bytes, file_name: str) -> gpd.GeoDataFrame:
    """Every Placemark's name, description, extended data and polygons (KML is WGS-84 lon/lat)."""
    try:
        root = ET.fromstring(data)
        rows = [(_attributes(p), _geometry(p)) for p in _children(root, "Placemark")]
    except (ET.ParseError, ValueError, IndexError) as exc:
        raise BoundaryFormatError(
            file_name, [f"cannot read the KML: {exc}"], "bnd_unreadable", {"file": file_name, "kind": "KML"}
        ) from None
    if not rows:
        raise BoundaryFormatError(
            file_name, ["the file holds no features with geometry"], "bnd_no_features", {"file": file_name}
        )
    return gpd.GeoDataFrame([a for a, _ in rows], geometry=[g for _, g in rows], crs="EPSG:4326")
