"""A GeoJSON FeatureCollection of plain polygons read at once: GEOS reads every geometry in one pass over the text,
orjson reads the rest with the coordinates cut out.

Parsing the whole document into Python lists and floats took most of a national plan's boundary read (1.7 million
numbers); the collection is read this way only when every feature's geometry is a 2-D Polygon or MultiPolygon of
finite numbers that GEOS accepts, and otherwise as before, feature by feature with each one's own message.
"""

from __future__ import annotations

import re
from typing import Any

# A geometry's coordinates: nothing but JSON numbers, brackets, commas and JSON whitespace (so never text)
_COORDINATES = re.compile(r'"coordinates"[ \t\n\r]*:[ \t\n\r]*\[[-+0-9.eE,\[\] \t\n\r]*\]')


def plain_collection(text: str) -> tuple[dict[str, Any], list[Any]] | None:
    """(the document without its coordinates, each feature's geometry) when every feature is a plain polygon; None
    when any is not (or the text is not such a collection), to be read feature by feature."""
    import orjson
    import shapely

    cut = 0

    def placeholder(_: re.Match[str]) -> str:
        nonlocal cut
        cut += 1
        return f'"coordinates": {cut - 1}'

    skeleton = _COORDINATES.sub(placeholder, text)
    try:
        doc = orjson.loads(skeleton)
    except orjson.JSONDecodeError:
        return None
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list) or not features or len(features) != cut:
        return None
    kinds = []
    for i, feature in enumerate(features):  # the i-th coordinates cut must be the i-th feature's geometry's own
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or type(geometry.get("coordinates")) is not int:
            return None
        if geometry["coordinates"] != i or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            return None
        kinds.append(geometry["type"])
    try:
        parts = shapely.get_parts(shapely.from_geojson(text))
    except (shapely.errors.GEOSException, ValueError, TypeError):
        return None
    if len(parts) != len(kinds) or list(shapely.get_type_id(parts)) != [3 if k == "Polygon" else 6 for k in kinds]:
        return None
    if shapely.is_empty(parts).any() or shapely.has_z(parts).any():
        return None
    import numpy as np

    if not np.isfinite(shapely.get_coordinates(parts)).all():
        return None
    return doc, list(parts)
