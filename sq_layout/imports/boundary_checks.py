"""Checks on imported boundaries: repair, inside the city, no sibling overlap, zone in county, stated area."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from sq_layout import paths
from sq_layout.geo.crs import MEASURE_CRS, STORAGE_CRS
from sq_layout.i18n import Lang, t
from sq_layout.i18n.lang import fill

LEVELS = ("ok", "repaired", "warning", "error")
CITY_TOLERANCE_M = 500.0  # the city outline is Amap-derived; official lines may stray this far
PARENT_TOLERANCE_M = 200.0
OUTSIDE_ERROR_SHARE = 0.005
ZONE_OUTSIDE_ERROR_SHARE = 0.02
OVERLAP_ERROR_SHARE = 0.02  # of the smaller of the two areas
OVERLAP_WARN_KM2 = 0.05
WHOLE_CITY_SHARE = 0.9
AREA_WARN_RATIO = 0.25


@dataclass(frozen=True)
class Finding:
    """One check result: a level and an i18n message key with its parameters."""

    level: str  # ok | repaired | warning | error
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: Lang) -> str:
        """The finding in zh or en."""
        return fill(t(self.key, lang), self.params, lang)


def worst(findings: Sequence[Finding]) -> str:
    """The most severe level among findings ('ok' when none)."""
    return max((f.level for f in findings), key=LEVELS.index, default="ok")


def _km2(geom: BaseGeometry) -> float:
    return round(float(geom.area) / 1e6, 3)


def _polygonal(geom: BaseGeometry) -> BaseGeometry | None:
    parts = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon | MultiPolygon) and not g.is_empty]
    polys = [p for g in parts for p in getattr(g, "geoms", [g])]
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def repair(geom: BaseGeometry | None) -> tuple[BaseGeometry | None, list[Finding]]:
    """A valid (Multi)Polygon, with a 'repaired' finding saying what was wrong and the area before/after."""
    if geom is None or geom.is_empty:
        return None, [Finding("error", "bnd_empty")]
    kind = geom.geom_type
    polys = _polygonal(geom)
    if polys is None:
        return None, [Finding("error", "bnd_not_polygon", {"kind": kind})]
    if polys.is_valid and kind in ("Polygon", "MultiPolygon"):
        return polys, []
    reason = shapely.is_valid_reason(polys) if not polys.is_valid else f"{kind} → polygons"
    fixed = _polygonal(shapely.make_valid(polys, method="structure")) if not polys.is_valid else polys
    if fixed is None:
        return None, [Finding("error", "bnd_unrepairable", {"reason": reason})]
    before, after = _measure(polys), _measure(fixed)
    return fixed, [Finding("repaired", "bnd_repaired", {"reason": reason, "before": before, "after": after})]


def _measure(geom: BaseGeometry) -> float:
    return _km2(gpd.GeoSeries([geom], crs=STORAGE_CRS).to_crs(MEASURE_CRS).iloc[0])


def stated_areas(path: Path = paths.BOUNDARY_DIR / "zone_anchors.csv") -> dict[str, tuple[float, str]]:
    """Published areas (km²) with their basis; nominal figures (no published area) are left out."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {
        r["area_id"]: (float(r["area_km2"]), r["area_basis"])
        for r in rows
        if r.get("area_km2") and not r["area_basis"].lower().startswith("nominal")
    }


@dataclass(frozen=True)
class CheckContext:
    """What imported geometry is checked against, all in MEASURE_CRS."""

    areas: pd.DataFrame  # area_id, name, name_en, kind, parent_area_id
    current: Mapping[str, BaseGeometry]
    quality: Mapping[str, str]
    city: BaseGeometry
    stated: Mapping[str, tuple[float, str]]


def context_from(
    areas: pd.DataFrame, boundaries: gpd.GeoDataFrame, stated: Mapping[str, tuple[float, str]]
) -> CheckContext:
    """A CheckContext from a Dataset's areas and boundaries; the city is the union of the current counties."""
    proj = boundaries.to_crs(MEASURE_CRS)
    current = dict(zip(proj["area_id"], proj.geometry, strict=True))
    quality = dict(zip(boundaries["area_id"], boundaries["geometry_quality"], strict=True))
    counties = [current[a] for a in areas.loc[areas["kind"] == "county", "area_id"] if a in current]
    city = shapely.union_all(counties or list(current.values()))
    return CheckContext(areas.set_index("area_id", drop=False), current, quality, city, stated)


def _names(ctx: CheckContext, area_id: str, prefix: str = "") -> dict[str, object]:
    row = ctx.areas.loc[area_id]
    return {f"{prefix}area": row["name"], f"{prefix}area_en": row["name_en"]}


def _overlap(
    ctx: CheckContext, geom: BaseGeometry, other_id: str, other: BaseGeometry, imported: bool
) -> list[Finding]:
    ov = float(geom.intersection(other).area)
    if ov / 1e6 < OVERLAP_WARN_KM2:
        return []
    params = {**_names(ctx, other_id, "other_"), "km2": round(ov / 1e6, 2)}
    schematic = not imported and ctx.quality.get(other_id) == "schematic"
    if schematic:
        return [Finding("warning", "bnd_overlap_schematic", params)]
    share = ov / min(geom.area, other.area)
    level = "error" if share > OVERLAP_ERROR_SHARE else "warning"
    return [Finding(level, "bnd_overlap", {**params, "pct": round(100 * share, 1)})]


def _check_one(
    ctx: CheckContext, area_id: str, geom: BaseGeometry, new: Mapping[str, BaseGeometry], imported: set[str]
) -> list[Finding]:
    kind = str(ctx.areas.at[area_id, "kind"])
    km2 = _km2(geom)
    current = f"{_km2(ctx.current[area_id])} km²" if area_id in ctx.current else "—"
    found = [Finding("ok", "bnd_area", {"km2": km2, "current": current})]
    if kind == "county" and geom.intersection(ctx.city).area >= WHOLE_CITY_SHARE * ctx.city.area:
        return [
            *found,
            Finding("error", "bnd_whole_city", {**_names(ctx, area_id), "pct": round(100 * geom.area / ctx.city.area)}),
        ]
    outside = float(geom.difference(ctx.city.buffer(CITY_TOLERANCE_M)).area)
    if outside >= geom.area * 0.999:
        return [*found, Finding("error", "bnd_outside_city_all", {})]
    if outside > OUTSIDE_ERROR_SHARE * geom.area:
        found.append(
            Finding(
                "error",
                "bnd_outside_city",
                {"km2": round(outside / 1e6, 2), "pct": round(100 * outside / geom.area, 1)},
            )
        )
    siblings = [a for a in new if a != area_id and str(ctx.areas.at[a, "kind"]) == kind]
    for other in siblings:
        found += _overlap(ctx, geom, other, new[other], other in imported)
    parent = str(ctx.areas.loc[area_id, "parent_area_id"] or "")
    if kind == "zone" and parent in new:
        out = float(geom.difference(new[parent].buffer(PARENT_TOLERANCE_M)).area)
        if out / 1e6 >= OVERLAP_WARN_KM2:
            level = "error" if out > ZONE_OUTSIDE_ERROR_SHARE * geom.area else "warning"
            params = {
                **_names(ctx, parent, "parent_"),
                "km2": round(out / 1e6, 2),
                "pct": round(100 * out / geom.area, 1),
            }
            found.append(Finding(level, "bnd_outside_parent", params))
    if area_id in ctx.stated:
        stated, basis = ctx.stated[area_id]
        diff = km2 / stated - 1
        level = "warning" if abs(diff) > AREA_WARN_RATIO else "ok"
        found.append(
            Finding(level, "bnd_stated_area", {"km2": km2, "stated": stated, "pct": round(100 * diff), "basis": basis})
        )
    return found


def check_features(
    geoms: Sequence[BaseGeometry | None], area_ids: Sequence[str | None], ctx: CheckContext
) -> list[list[Finding]]:
    """Findings per feature (geometry in MEASURE_CRS, already repaired; None where unusable; area_id None = skip)."""
    imported = {a: g for a, g in zip(area_ids, geoms, strict=True) if a is not None and g is not None}
    new = {**ctx.current, **imported}
    out: list[list[Finding]] = []
    for area_id, geom in zip(area_ids, geoms, strict=True):
        out.append([] if area_id is None or geom is None else _check_one(ctx, area_id, geom, new, set(imported)))
    return out
