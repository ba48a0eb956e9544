"""Read boundary GeoJSON files: CRS, validity, size and location checks; official files override schematic ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import CRS
from shapely.geometry.base import BaseGeometry

from sq_layout.errors import DataError
from sq_layout.geo.crs import STORAGE_CRS, gcj02_to_wgs84
from sq_layout.i18n.lang import Listed, Said
from sq_layout.tables.plan import GEOMETRY_QUALITY

MAX_BYTES = 50 * 1024 * 1024
# China with a margin: county outlines outside it are in the wrong CRS or the wrong place. Zones and official
# overrides are then checked against the extent of the dataset's own counties.
CHINA_BBOX = (73.0, 3.0, 136.0, 54.0)
EXTENT_MARGIN_DEG = 0.1
REQUIRED = ("area_id", "geometry_quality", "source")
# Where an imported official outline came from; stored with the boundaries (empty for bundled geometry).
BOUNDARY_PROVENANCE = ("geometry_source", "geometry_date", "geometry_file")


def with_provenance(boundaries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The boundaries frame with the geometry_source/date/file columns present (empty where not recorded)."""
    missing = [c for c in BOUNDARY_PROVENANCE if c not in boundaries.columns]
    if not missing:
        return boundaries
    out = boundaries.copy()
    for c in missing:
        out[c] = pd.Series([""] * len(out), index=out.index, dtype="str")
    return out


def _declared_crs(doc: dict[str, Any]) -> CRS:
    name = ((doc.get("crs") or {}).get("properties") or {}).get("name")
    return CRS.from_user_input(name) if name else CRS.from_epsg(4326)


def read_boundary_file(
    path: str | Path,
    max_bytes: int = MAX_BYTES,
    within: tuple[float, float, float, float] = CHINA_BBOX,
    where: str = "pi_where_china",
) -> gpd.GeoDataFrame:
    """Read one boundary GeoJSON into WGS-84 (inside `within`, which the string-table key `where` names), or raise
    DataError naming the feature and problem."""
    path = Path(path)
    if not path.exists():
        raise DataError(str(path), [Said("pi_file_not_found")])
    size = path.stat().st_size
    if size > max_bytes:
        raise DataError(str(path), [Said("pi_too_big", size=size / 1e6, limit=max_bytes / 1e6)])
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(str(path), [Said("pi_geojson_text", reason=exc)]) from None
    except RecursionError:
        raise DataError(str(path), [Said("pi_json_too_deep")]) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise DataError(str(path), [Said("pi_geojson_collection")])
    try:
        crs = _declared_crs(doc)
        gdf = gpd.GeoDataFrame.from_features(doc["features"], crs=crs)
    except Exception as exc:  # pyproj / shapely raise many types for broken members
        raise DataError(str(path), [Said("pi_features_unreadable", reason=exc)]) from None
    return _check_frame(gdf, doc, str(path), within, where)


def _check_frame(
    gdf: gpd.GeoDataFrame, doc: dict[str, Any], path: str, within: tuple[float, float, float, float], where: str
) -> gpd.GeoDataFrame:
    problems: list[Said] = []
    missing = [c for c in REQUIRED if c not in gdf.columns]
    if missing:
        raise DataError(path, [Said("pi_props_missing", missing=Listed(missing))])
    for i, row in gdf.iterrows():
        label = Said("pi_feature", i=cast(int, i) + 1, area=repr(row["area_id"]))
        if not isinstance(row["area_id"], str):
            problems.append(Said("pi_in", file=label, problem=Said("pi_area_id_text")))
            continue
        geom = row.geometry
        found = None
        if not isinstance(geom, BaseGeometry) or geom.is_empty:
            found = Said("pi_geom_empty")
        elif geom.geom_type not in ("Polygon", "MultiPolygon"):
            found = Said("pi_geom_kind", kind=geom.geom_type)
        elif not geom.is_valid:
            found = Said("pi_geom_invalid", reason=shapely.is_valid_reason(geom))
        problems += [Said("pi_in", file=label, problem=found)] if found else []
        if row["geometry_quality"] not in GEOMETRY_QUALITY:
            found = Said("pi_geom_quality", value=repr(row["geometry_quality"]), choices=Listed(GEOMETRY_QUALITY))
            problems.append(Said("pi_in", file=label, problem=found))
    if problems:
        raise DataError(path, problems)
    if gdf.crs is not None and not gdf.crs.is_geographic:
        gdf = gdf.to_crs(STORAGE_CRS)
    if str(doc.get("coordinate_system", "")).upper().replace("-", "") == "GCJ02":
        gdf["geometry"] = gdf.geometry.transform(gcj02_to_wgs84)
    gdf = gdf.set_crs(STORAGE_CRS, allow_override=True)
    minx, miny, maxx, maxy = gdf.total_bounds
    if minx < within[0] or miny < within[1] or maxx > within[2] or maxy > within[3]:
        span = f"{minx:.3f},{miny:.3f} – {maxx:.3f},{maxy:.3f}"
        box = tuple(round(v, 3) for v in within)
        raise DataError(path, [Said("pi_outside", span=span, where=Said(where), box=box)])
    return gdf


GIS_SUFFIXES = (".shp", ".gpkg", ".kml", ".kmz", ".json", ".zip", ".tab", ".gml", ".dxf")
MIN_IOU = 0.5  # an official county outline overlaps the bundled one at least this much


def _refuse_unread_files(official_dir: Path) -> None:
    """Boundary files in another format would be silently ignored: name them and say what is read."""
    other = sorted(p.name for p in official_dir.iterdir() if p.suffix.lower() in GIS_SUFFIXES)
    if other:
        raise DataError(str(official_dir), [Said("pi_only_geojson", name=name) for name in other])


def _check_plausible(override: gpd.GeoDataFrame, counties: gpd.GeoDataFrame, path: Path) -> None:
    """An official county outline must resemble the bundled one (a box over the whole city is a mistake)."""
    from sq_layout.geo.geometry_checks import iou

    old = counties.set_index("area_id").geometry
    problems: list[Said] = []
    for _, row in override.iterrows():
        a = row["area_id"]
        if a in old.index:
            score = iou(row.geometry, old.loc[a])
            if score < MIN_IOU:
                problems.append(Said("pi_area_iou", area=repr(a), score=score, least=MIN_IOU))
    if problems:
        raise DataError(str(path), problems)


def read_boundaries(boundary_dir: Path, official_dir: Path) -> gpd.GeoDataFrame:
    """Counties and (optional) zones in one frame; any file in official_dir replaces the geometry of its areas."""
    counties = read_boundary_file(boundary_dir / "counties.geojson")
    minx, miny, maxx, maxy = (float(v) for v in counties.total_bounds)
    m = EXTENT_MARGIN_DEG
    extent = (minx - m, miny - m, maxx + m, maxy + m)
    where = "pi_where_counties"
    parts = [counties]
    if (boundary_dir / "zones.geojson").exists():
        parts.append(read_boundary_file(boundary_dir / "zones.geojson", within=extent, where=where))
    frame = pd.concat(parts, ignore_index=True)
    if official_dir.exists():
        _refuse_unread_files(official_dir)
        seen: dict[str, Path] = {}
        for path in sorted(official_dir.glob("*.geojson")):
            override = read_boundary_file(path, within=extent, where=where)
            twice = [
                Said("pi_area_twice", area=repr(a), one=seen[a].name, other=path.name)
                for a in override["area_id"]
                if a in seen
            ]
            if twice:
                raise DataError(str(official_dir), twice)
            seen.update(dict.fromkeys(override["area_id"], path))
            _check_plausible(override, parts[0], path)
            frame = frame[~frame["area_id"].isin(override["area_id"])]
            frame = pd.concat([frame, override], ignore_index=True)
    dup = frame["area_id"][frame["area_id"].duplicated()]
    if len(dup):
        raise DataError(str(boundary_dir), [Said("pi_area_dup", area=repr(a)) for a in dup])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=STORAGE_CRS)
