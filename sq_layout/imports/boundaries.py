"""Import official boundaries: read -> CRS -> match -> repair and check -> a preview; saving is one store call."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from sq_layout.errors import BoundaryCRSRequired, BoundaryImportError
from sq_layout.geo.crs import MEASURE_CRS, STORAGE_CRS
from sq_layout.i18n import Lang, t
from sq_layout.i18n.lang import Listed
from sq_layout.imports.boundary_checks import Finding, check_features, context_from, repair, stated_areas, worst
from sq_layout.imports.boundary_crs import (
    CRS_CHOICES,
    file_crs_name,
    looks_lonlat,
    normalise_choice,
    suggest_crs,
    to_storage,
)
from sq_layout.imports.boundary_files import MAX_BYTES, RawBoundaries, read_upload
from sq_layout.imports.boundary_match import SKIP, area_choices, area_index, match_features, resolve

if TYPE_CHECKING:
    from sq_layout.plan.dataset import Dataset


@dataclass(frozen=True)
class FeatureResult:
    """One feature of the file: its number (1-based), name as written, matched area, WGS-84 geometry, findings."""

    number: int
    name: str
    area_id: str | None  # None: unmatched; SKIP: left out by the user
    matched_by: str  # 'name' | 'code' | 'user' | ''
    geometry: BaseGeometry | None
    findings: tuple[Finding, ...]

    @property
    def status(self) -> str:
        """ok | repaired | warning | error (the worst finding)."""
        return "ok" if self.area_id == SKIP else worst(self.findings)


@dataclass(frozen=True)
class BoundaryImport:
    """The preview of an import: nothing is saved until `frame()` is handed to the store."""

    file_name: str
    kind: str
    crs: str  # the CRS_CHOICES key or the file's declared CRS
    crs_source: str  # 'file' | 'user'
    encoding: str | None
    encoding_source: str
    name_field: str | None
    features: tuple[FeatureResult, ...]

    @property
    def ok(self) -> bool:
        """True when at least one feature will be saved and none has an error."""
        used = [f for f in self.features if f.area_id != SKIP]
        return bool(used) and all(f.status != "error" for f in used)

    def problems(self, lang: Lang = "en") -> list[str]:
        """Every error as 'feature N (name): message'."""
        word = t("bnd_feature_word", lang)
        return [
            f"{word} {f.number} ({f.name or '—'}): {x.message(lang)}"
            for f in self.features
            if f.area_id != SKIP
            for x in f.findings
            if x.level == "error"
        ]

    def frame(self) -> gpd.GeoDataFrame:
        """area_id + EPSG:4326 geometry of the features to save; raises BoundaryImportError unless ok."""
        if not self.ok:
            problems = self.problems() or ["no feature is matched to an area"]
            raise BoundaryImportError(self.file_name, problems, "bnd_not_ready", {"n": len(problems)})
        rows = [(f.area_id, f.geometry) for f in self.features if f.area_id != SKIP]
        return gpd.GeoDataFrame({"area_id": [a for a, _ in rows]}, geometry=[g for _, g in rows], crs=STORAGE_CRS)


def _crs(raw: RawBoundaries, crs: str | None, city_wgs84: BaseGeometry) -> tuple[str | None, str, str]:
    """(choice passed to to_storage, label, source) or BoundaryCRSRequired with a suggestion."""
    if crs:
        choice = normalise_choice(crs)
        if choice is None:
            raise BoundaryImportError(
                raw.file_name,
                [f"unknown CRS {crs!r}; choose one of {list(CRS_CHOICES)}"],
                "bnd_bad_crs",
                {"crs": crs, "choices": Listed(CRS_CHOICES)},
            )
        return choice, choice, "user"
    declared = raw.frame.crs
    # GeoJSON always reads as WGS-84; projected numbers in it mean the CRS was left out
    if declared is not None and not (declared.is_geographic and not looks_lonlat(raw.frame)):
        return None, file_crs_name(declared), "file"
    suggestion = suggest_crs(raw.frame, city_wgs84)
    raise BoundaryCRSRequired(
        raw.file_name,
        [f"the file declares no coordinate system; choose one of {list(CRS_CHOICES)} (suggested: {suggestion or '—'})"],
        suggestion,
        CRS_CHOICES,
    )


def _overrides(
    matches: Mapping[str, str], raw: RawBoundaries, areas: pd.DataFrame, values: tuple[str, ...]
) -> dict[int, str]:
    """Feature index -> area_id or SKIP, from 'name or feature number' -> 'area id, name or -'."""
    index: dict[str, str] = area_index(areas)
    out: dict[int, str] = {}
    for key, target in matches.items():
        area = SKIP if target.strip() == SKIP else resolve(target, index)
        if area is None:
            raise BoundaryImportError(
                raw.file_name,
                [f"--match {key}={target}: unknown area; valid: {area_choices(areas)} or '-' to skip"],
                "bnd_bad_match",
                {"key": key, "target": target, "choices": "; ".join(area_choices(areas))},
            )
        hits = [i for i, v in enumerate(values) if v == key.strip() or str(i + 1) == key.strip()]
        if not hits:
            raise BoundaryImportError(
                raw.file_name,
                [f"--match {key}=…: no feature is named {key!r} or numbered so; names: {sorted(set(values))}"],
                "bnd_match_no_feature",
                {"key": key, "names": Listed(sorted(set(values)))},
            )
        out.update(dict.fromkeys(hits, area))
    return out


def preview_boundaries(
    raw: RawBoundaries, ds: Dataset, *, crs: str | None = None, matches: Mapping[str, str] | None = None
) -> BoundaryImport:
    """Convert, match, repair and check every feature against the dataset's current geometry."""
    ctx = context_from(ds.areas, ds.boundaries, stated_areas())
    city_wgs84 = gpd.GeoSeries([ctx.city], crs=MEASURE_CRS).to_crs(STORAGE_CRS).iloc[0]
    choice, crs_label, crs_source = _crs(raw, crs, city_wgs84)
    geoms = to_storage(raw.frame, choice)
    found = match_features(raw.frame.drop(columns="geometry"), ds.areas)
    ids: list[str | None] = list(found.area_ids)
    by = ["name" if a else "" for a in ids]
    for i, chosen in _overrides(matches or {}, raw, ds.areas, found.values).items():
        ids[i], by[i] = chosen, "user"
    repaired = [repair(g) for g in geoms]
    use = [None if a in (None, SKIP) else a for a in ids]
    measured = [
        None if g is None else gpd.GeoSeries([g], crs=STORAGE_CRS).to_crs(MEASURE_CRS).iloc[0] for g, _ in repaired
    ]
    checks = check_features(measured, use, ctx)
    features = []
    for i, ((geom, fixes), more) in enumerate(zip(repaired, checks, strict=True)):
        findings = list(fixes) + more
        area = ids[i]
        if area is None:
            findings.append(
                Finding(
                    "error",
                    "bnd_unknown_name",
                    {
                        "name": found.values[i] or "—",
                        "field": found.field or "—",
                        "choices": "; ".join(area_choices(ds.areas)),
                    },
                )
            )
        elif area != SKIP:
            twins = [j + 1 for j, a in enumerate(ids) if a == area]
            if len(twins) > 1:
                row = ds.areas.set_index("area_id").loc[area]
                findings.append(
                    Finding(
                        "error",
                        "bnd_duplicate",
                        {"numbers": Listed(map(str, twins)), "area": row["name"], "area_en": row["name_en"]},
                    )
                )
        features.append(FeatureResult(i + 1, found.values[i], area, by[i], geom, tuple(findings)))
    return BoundaryImport(
        raw.file_name, raw.kind, crs_label, crs_source, raw.encoding, raw.encoding_source, found.field, tuple(features)
    )


def preview_upload(
    file_name: str,
    data: bytes,
    ds: Dataset,
    *,
    crs: str | None = None,
    encoding: str | None = None,
    matches: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> BoundaryImport:
    """Read an uploaded file and preview its import (raises BoundaryImportError for unreadable files or no CRS)."""
    return preview_boundaries(
        read_upload(file_name, data, encoding=encoding, max_bytes=max_bytes), ds, crs=crs, matches=matches
    )


class BoundaryStore(Protocol):
    """The part of sq_layout.store.Workspace an import needs."""

    def save_boundaries(
        self,
        base_version_id: int,
        boundaries: gpd.GeoDataFrame,
        *,
        source: str,
        file_name: str,
        source_date: str | None = None,
        user: str | None = None,
        title: str | None = None,
        publish: bool = False,
        confirm_stale_base: bool = False,
        seen: Mapping[str, tuple[int, int]] | None = None,
    ) -> int: ...


def save_import(
    preview: BoundaryImport,
    store: BoundaryStore,
    base_version_id: int,
    *,
    source: str,
    source_date: str | None = None,
    user: str | None = None,
    publish: bool = False,
    confirm_stale_base: bool = False,
    seen: Mapping[str, tuple[int, int]] | None = None,
) -> int:
    """Hand a clean preview to the store as one transaction (which checks the user's role: a draft for an editor, a
    published version for an admin with publish=True or anyone while there are no accounts); the new version id.
    Into a draft: `seen` names the draft's boundary revisions the preview was made on (a stale one is refused)."""
    frame = preview.frame()
    if not source.strip():
        raise BoundaryImportError(preview.file_name, ["state the source of the boundaries"], "bnd_no_source", {})
    title = f"官方边界 Official boundaries: {', '.join(frame['area_id'])} ({preview.file_name})"
    return store.save_boundaries(
        base_version_id,
        frame,
        source=source.strip(),
        file_name=preview.file_name,
        source_date=source_date,
        user=user,
        title=title,
        publish=publish,
        confirm_stale_base=confirm_stale_base,
        seen=seen,
    )
