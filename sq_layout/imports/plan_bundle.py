"""A whole plan version from a folder or zip in the bundled format: plan/*.csv, plan_text.txt, boundaries/*.geojson.

The same layout as geodata/ in the repository (and as `workspace export --format folder` writes), so a next plan or
another city's plan loads without code changes. Areas without a boundary are accepted and listed as not drawn.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from sq_layout import upload_limits as lim
from sq_layout.atomic import scratch
from sq_layout.errors import DataError, ImportRejected, UploadTooLarge
from sq_layout.geo.crs import STORAGE_CRS, gcj02_to_wgs84
from sq_layout.i18n import Lang, by_lang, t
from sq_layout.i18n.lang import join_list
from sq_layout.imports.geojson_fast import plain_collection
from sq_layout.plan.check import Checked, build
from sq_layout.plan.schemas import GEOMETRY_QUALITY, TABLES
from sq_layout.plan.tables import read_raw

SKIP = {"city.geojson"}  # the city outline is context, not an area


def _parse(text: str) -> Any:
    """The JSON document: orjson (~4x faster on a national boundary file), json where orjson refuses what json
    reads (NaN, very large integers) or to give json's own message for text that is not JSON."""
    import orjson

    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _plain_polygons(geometries: list[Any], text: str) -> list[Any] | None:
    """Every geometry at once when all are plain 2-D Polygons/MultiPolygons with closed rings of >= 4 numeric
    points (what GEOS's GeoJSON reader would make of them, exactly); None when any is not, so that each is read
    on its own with its own message. GEOS's reader took ~5 s for a national plan's 2,870 polygons."""
    if "true" in text or "false" in text:  # JSON booleans would pass as numbers below; GEOS refuses them
        return None
    coords: list[Any] = []
    ring_ends, polygon_ends, multi_ends, single = [0], [0], [0], []
    for geometry in geometries:
        if not isinstance(geometry, dict):
            return None
        kind, parts = geometry.get("type"), geometry.get("coordinates")
        polygons = [parts] if kind == "Polygon" else parts if kind == "MultiPolygon" else None
        if not isinstance(polygons, list) or not polygons:
            return None
        for polygon in polygons:
            if not isinstance(polygon, list) or not polygon:
                return None
            for ring in polygon:
                if not isinstance(ring, list) or len(ring) < 4:
                    return None
                coords.extend(ring)
                ring_ends.append(len(coords))
            polygon_ends.append(len(ring_ends) - 1)
        multi_ends.append(len(polygon_ends) - 1)
        single.append(kind == "Polygon")
    try:
        xy = np.array(coords)
    except (ValueError, TypeError):
        return None
    if xy.ndim != 2 or xy.shape[1] != 2 or xy.dtype.kind not in "fi":
        return None
    xy = xy.astype("float64")
    starts, ends = np.array(ring_ends[:-1]), np.array(ring_ends[1:]) - 1
    if not np.isfinite(xy).all() or not (xy[starts] == xy[ends]).all():
        return None
    offsets = (np.array(ring_ends), np.array(polygon_ends), np.array(multi_ends))
    multi = shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, xy, offsets)
    return list(np.where(np.array(single), shapely.get_geometry(multi, 0), multi))


# GEOS's reasons for an invalid polygon, in Chinese (the reason's position follows it in brackets)
_INVALID_ZH = {
    "Self-intersection": "自相交",
    "Ring Self-intersection": "环自相交",
    "Too few points": "点数过少",
    "Nested shells": "外环相互嵌套",
    "Hole lies outside shell": "内环在外环之外",
    "Nested holes": "内环相互嵌套",
    "Interior is disconnected": "内部不连通",
    "Duplicate Rings": "环重复",
}


def _invalid_reason(reason: str, lang: Lang) -> str:
    if by_lang(False, True, lang):
        return reason
    name, _, at = reason.partition("[")
    place = f"，位置 {at.rstrip(']')}" if at else ""
    return _INVALID_ZH.get(name.strip(), "形状不合法") + place


def _in(file: str, problem: str, lang: Lang) -> str:
    return t("pi_in", lang).format(file=file, problem=problem)


def _features(path: Path, problems: list[str], lang: Lang = "en") -> list[dict[str, object]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
        fast = plain_collection(text)  # plain polygons throughout: every geometry read at once
        doc = fast[0] if fast is not None else _parse(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(_in(path.name, t("pi_geojson_text", lang).format(reason=exc), lang))
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("features"), list):
        problems.append(_in(path.name, t("pi_geojson_collection", lang), lang))
        return []
    name = ((doc.get("crs") or {}).get("properties") or {}).get("name")
    crs = CRS.from_user_input(name) if name else CRS.from_epsg(4326)
    gcj = str(doc.get("coordinate_system", "")).upper().replace("-", "") == "GCJ02"
    rows = []
    features = doc["features"]
    plain = fast[1] if fast is not None else None
    if plain is None and all(isinstance(f, dict) for f in features):
        plain = _plain_polygons([f.get("geometry") for f in features], text)
    for i, feat in enumerate(features):
        props = dict(feat.get("properties") or {})
        label = _in(path.name, t("pi_feature", lang).format(i=i + 1, area=repr(props.get("area_id"))), lang)
        missing = [k for k in ("area_id", "geometry_quality", "source") if not props.get(k)]
        try:
            geom = plain[i] if plain is not None else shapely.from_geojson(json.dumps(feat["geometry"]))
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException) as exc:
            problems.append(_in(label, t("pi_geom_unreadable", lang).format(reason=exc), lang))
            continue
        if missing:
            shown = join_list(missing, lang)
            problems.append(_in(label, t("pi_props_missing", lang).format(missing=shown), lang))
        elif geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(_in(label, t("pi_geom_kind", lang).format(kind=geom.geom_type), lang))
        elif not geom.is_valid:
            reason = _invalid_reason(str(shapely.is_valid_reason(geom)), lang)
            problems.append(_in(label, t("pi_geom_invalid", lang).format(reason=reason), lang))
        elif props["geometry_quality"] not in GEOMETRY_QUALITY:
            choices = join_list(GEOMETRY_QUALITY, lang)
            found = t("pi_geom_quality", lang).format(value=repr(props["geometry_quality"]), choices=choices)
            problems.append(_in(label, found, lang))
        else:
            rows.append(props | {"geometry": geom})
    if not rows:
        return []
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=crs).to_crs(STORAGE_CRS)
    if gcj:
        frame["geometry"] = frame.geometry.transform(gcj02_to_wgs84)
    minx, miny, maxx, maxy = frame.total_bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        span = f"{minx:.1f},{miny:.1f} – {maxx:.1f},{maxy:.1f}"
        problems.append(_in(path.name, t("pi_not_lonlat", lang).format(range=span), lang))
        return []
    return list(frame.to_dict("records"))


def read_boundary_folder(folder: Path | None, problems: list[str], lang: Lang = "en") -> gpd.GeoDataFrame:
    """Every area boundary in folder/*.geojson (not city.geojson), then folder/official/*.geojson replacing them."""
    rows: dict[str, dict[str, object]] = {}
    if folder is not None and folder.is_dir():
        files = [p for p in sorted(folder.glob("*.geojson")) if p.name not in SKIP]
        files.sort(key=lambda p: {"counties.geojson": 0, "zones.geojson": 1}.get(p.name, 2))
        for path in [*files, *sorted((folder / "official").glob("*.geojson"))]:
            for row in _features(path, problems, lang):
                rows.pop(str(row["area_id"]), None)
                rows[str(row["area_id"])] = row
    columns = ["area_id", "geometry_quality", "source", "geometry"]
    frame = pd.DataFrame(list(rows.values())) if rows else pd.DataFrame(columns=columns)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=STORAGE_CRS)


def _plan_dir(root: Path, lang: Lang = "en") -> Path:
    for candidate in (root, root / "plan", *root.glob("*/"), *root.glob("*/plan/")):
        if (candidate / "areas.csv").exists():
            return candidate
    raise ImportRejected(root.name, [t("pi_no_areas", lang)])


def read_folder(root: Path, source: str | None = None, lang: Lang = "en") -> Checked:
    """Validate a bundle folder whole; ImportRejected lists every problem by file, row and column, in `lang`."""
    source = source or root.name
    plan = _plan_dir(root, lang)
    problems: list[str] = []
    raw: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        try:
            raw[name] = read_raw(plan / f"{name}.csv", kind="bundle", name=f"{source}: {name}.csv", lang=lang)
        except UploadTooLarge:
            raise
        except DataError as exc:
            problems += [_in(f"{name}.csv", p, lang) for p in exc.lines(lang)]
    text_path = plan / "plan_text.txt"
    if not text_path.exists():
        problems.append(_in("plan_text.txt", t("pi_text_missing", lang), lang))
    if problems:
        raise ImportRejected(source, problems)
    from sq_layout.imports.plan_template import read_lines

    lines = read_lines(text_path, f"{source}: plan_text.txt", "bundle", lang)
    bdir = next((d for d in (plan.parent / "boundaries", plan / "boundaries") if d.is_dir()), None)
    boundaries = read_boundary_folder(bdir, problems, lang)
    if problems:
        raise ImportRejected(source, problems)
    labels = {name: f"{name}.csv" for name in TABLES}
    return build(raw, labels, lines, boundaries, source, "boundaries/*.geojson", lang)


def read_zip(path: Path, source: str | None = None, lang: Lang = "en") -> Checked:
    """Validate a zipped bundle (size-checked, unpacked to a temporary folder, nothing outside it)."""
    source = source or path.name
    lim.check_upload(source, path, "bundle")
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            bad = [m.filename for m in members if m.filename.startswith("/") or ".." in Path(m.filename).parts]
            if bad:
                raise ImportRejected(source, [t("pi_unsafe_zip", lang).format(path=b) for b in bad])
            with scratch() as tmp:
                zf.extractall(tmp)
                return read_folder(tmp, source, lang)
    except zipfile.BadZipFile as exc:
        raise ImportRejected(source, [t("pi_not_zip", lang).format(reason=exc)]) from None


def read_bundle(path: Path, source: str | None = None, lang: Lang = "en") -> Checked:
    """A folder or a .zip in the bundled format."""
    return read_folder(path, source, lang) if path.is_dir() else read_zip(path, source, lang)
