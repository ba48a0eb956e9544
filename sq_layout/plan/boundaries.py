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
    where: str = "China",
) -> gpd.GeoDataFrame:
    """Read one boundary GeoJSON into WGS-84 (inside `within`), or raise DataError naming the feature and problem."""
    path = Path(path)
    if not path.exists():
        raise DataError(str(path), ["file not found"])
    size = path.stat().st_size
    if size > max_bytes:
        raise DataError(str(path), [f"file is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB"])
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(str(path), [f"not valid GeoJSON text: {exc}"]) from None
    except RecursionError:
        raise DataError(str(path), ["JSON nested too deeply to be GeoJSON"]) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise DataError(str(path), ["expected a GeoJSON FeatureCollection with a 'features' list"])
    try:
        crs = _declared_crs(doc)
        gdf = gpd.GeoDataFrame.from_features(doc["features"], crs=crs)
    except Exception as exc:  # pyproj / shapely raise many types for broken members
        raise DataError(str(path), [f"cannot read features or CRS: {exc}"]) from None
    return _check_frame(gdf, doc, str(path), within, where)


def _check_frame(
    gdf: gpd.GeoDataFrame, doc: dict[str, Any], path: str, within: tuple[float, float, float, float], where: str
) -> gpd.GeoDataFrame:
    problems: list[str] = []
    missing = [c for c in REQUIRED if c not in gdf.columns]
    if missing:
        raise DataError(path, [f"features lack properties {missing}; each feature needs {list(REQUIRED)}"])
    for i, row in gdf.iterrows():
        label = f"feature {cast(int, i) + 1} (area_id={row['area_id']!r})"
        if not isinstance(row["area_id"], str):
            problems.append(f"{label}: area_id must be one text id such as 'susu'")
            continue
        geom = row.geometry
        if not isinstance(geom, BaseGeometry) or geom.is_empty:
            problems.append(f"{label}: empty geometry")
        elif geom.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(f"{label}: geometry is {geom.geom_type}, expected Polygon or MultiPolygon")
        elif not geom.is_valid:
            problems.append(f"{label}: invalid geometry ({shapely.is_valid_reason(geom)})")
        if row["geometry_quality"] not in GEOMETRY_QUALITY:
            problems.append(
                f"{label}: geometry_quality {row['geometry_quality']!r}, expected one of {GEOMETRY_QUALITY}"
            )
    if problems:
        raise DataError(path, problems)
    if gdf.crs is not None and not gdf.crs.is_geographic:
        gdf = gdf.to_crs(STORAGE_CRS)
    if str(doc.get("coordinate_system", "")).upper().replace("-", "") == "GCJ02":
        gdf["geometry"] = gdf.geometry.transform(gcj02_to_wgs84)
    gdf = gdf.set_crs(STORAGE_CRS, allow_override=True)
    minx, miny, maxx, maxy = gdf.total_bounds
    if minx < within[0] or miny < within[1] or maxx > within[2] or maxy > within[3]:
        raise DataError(
            path,
            [
                f"coordinates span {minx:.3f},{miny:.3f} – {maxx:.3f},{maxy:.3f}, outside {where} "
                f"{tuple(round(v, 3) for v in within)}; is the CRS declared correctly (lon/lat WGS-84, or a 'crs' "
                "member)?"
            ],
        )
    return gdf


GIS_SUFFIXES = (".shp", ".gpkg", ".kml", ".kmz", ".json", ".zip", ".tab", ".gml", ".dxf")
MIN_IOU = 0.5  # an official county outline overlaps the bundled one at least this much


def _refuse_unread_files(official_dir: Path) -> None:
    """Boundary files in another format would be silently ignored: name them and say what is read."""
    other = sorted(p.name for p in official_dir.iterdir() if p.suffix.lower() in GIS_SUFFIXES)
    if other:
        raise DataError(
            str(official_dir),
            [
                f"{name}: only GeoJSON (.geojson, with its CRS) is read here; convert it, e.g. "
                f"`ogr2ogr -t_srs EPSG:4326 out.geojson {name}` (a Shapefile needs its .prj to know its CRS)"
                for name in other
            ],
        )


def _check_plausible(override: gpd.GeoDataFrame, counties: gpd.GeoDataFrame, path: Path) -> None:
    """An official county outline must resemble the bundled one (a box over the whole city is a mistake)."""
    from sq_layout.geo.geometry_checks import iou

    old = counties.set_index("area_id").geometry
    problems = []
    for _, row in override.iterrows():
        a = row["area_id"]
        if a in old.index:
            score = iou(row.geometry, old.loc[a])
            if score < MIN_IOU:
                problems.append(
                    f"area_id {a!r}: overlaps the bundled outline by IoU {score:.2f} (< {MIN_IOU}); "
                    "is it the right area and CRS?"
                )
    if problems:
        raise DataError(str(path), problems)


def read_boundaries(boundary_dir: Path, official_dir: Path) -> gpd.GeoDataFrame:
    """Counties and (optional) zones in one frame; any file in official_dir replaces the geometry of its areas."""
    counties = read_boundary_file(boundary_dir / "counties.geojson")
    minx, miny, maxx, maxy = (float(v) for v in counties.total_bounds)
    m = EXTENT_MARGIN_DEG
    extent = (minx - m, miny - m, maxx + m, maxy + m)
    where = "the counties' extent"
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
                f"area_id {a!r} is in both {seen[a].name} and {path.name}" for a in override["area_id"] if a in seen
            ]
            if twice:
                raise DataError(str(official_dir), twice)
            seen.update(dict.fromkeys(override["area_id"], path))
            _check_plausible(override, parts[0], path)
            frame = frame[~frame["area_id"].isin(override["area_id"])]
            frame = pd.concat([frame, override], ignore_index=True)
    dup = frame["area_id"][frame["area_id"].duplicated()]
    if len(dup):
        raise DataError(str(boundary_dir), [f"area_id {a!r} has more than one boundary" for a in dup])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=STORAGE_CRS)
