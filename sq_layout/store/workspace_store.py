"""The workspace: open (migrate, seed the baseline), list versions, load and save whole Datasets as versions."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import geopandas as gpd
import pandas as pd
from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.exc import IntegrityError

from sq_layout.errors import UnknownAreas, UnknownVersion
from sq_layout.geo.crs import STORAGE_CRS
from sq_layout.plan.dataset import Dataset
from sq_layout.store import tables as t
from sq_layout.store.engine import make_engine, resolve_url
from sq_layout.store.migrate import upgrade

# Stored as seeded (stable data); pages show the baseline's title and note in the reader's language instead.
BASELINE_TITLE = "十四五 baseline (bundled plan)"
BASELINE_NOTE = "read-only"
TABLE_NAMES = [n for n in t.RECORD_COLUMNS if n != "boundaries"]


@dataclass(frozen=True)
class VersionInfo:
    """One plan version as listed."""

    id: int
    title: str
    kind: str  # 'baseline' | 'published' ('draft' comes later, with editing)
    created: str
    parent_id: int | None
    note: str


def now() -> str:
    """The current UTC time, ISO-8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _cell(value: Any, kind: str) -> Any:
    if kind == "str":
        return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)
    if pd.isna(value):
        return None
    return float(value) if kind == "float" else int(value)


def _rows(frame: pd.DataFrame, name: str, version_id: int) -> list[dict[str, Any]]:
    spec = t.RECORD_COLUMNS[name]
    # optional columns a plan's files may leave out (e.g. a boundary file without adcode) are stored empty
    columns = {c: frame[c].tolist() if c in frame else [None] * len(frame) for c, _ in spec}
    if name == "boundaries":
        columns["geometry"] = list(frame.geometry)
    out = []
    for i in range(len(frame)):
        row: dict[str, Any] = {"version_id": version_id, "row_no": i, "rev": 1}
        row.update({c: _cell(columns[c][i], kind) for c, kind in spec})
        if name == "boundaries":
            row["geometry"] = columns["geometry"][i]
        out.append(row)
    return out


_DTYPES = {"str": "str", "float": "float64", "int": "int64", "Int64": "Int64"}


def _frame(conn: Connection, name: str, version_id: int) -> pd.DataFrame:
    table = t.records[name]
    spec = t.RECORD_COLUMNS[name]
    names = [c for c, _ in spec] + (["geometry"] if name == "boundaries" else [])
    stmt = select(*(table.c[c] for c in names)).where(table.c.version_id == version_id).order_by(table.c.row_no)
    rows = conn.execute(stmt).all()
    data = {c: pd.Series([r[i] for r in rows], dtype=_DTYPES[kind]) for i, (c, kind) in enumerate(spec)}
    if name != "boundaries":
        return pd.DataFrame(data)
    geoms = gpd.GeoSeries([r[-1] for r in rows], crs=STORAGE_CRS)
    frame: pd.DataFrame = gpd.GeoDataFrame({"geometry": geoms, **data}, geometry="geometry", crs=STORAGE_CRS)
    return frame


def with_provenance(boundaries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The boundaries frame with the geometry_source/date/file columns present (empty where not recorded)."""
    missing = [c for c in t.BOUNDARY_PROVENANCE if c not in boundaries.columns]
    if not missing:
        return boundaries
    out = boundaries.copy()
    for c in missing:
        out[c] = pd.Series([""] * len(out), index=out.index, dtype="str")
    return out


class Workspace:
    """Plan versions in one database; every write is one transaction that adds a version."""

    def __init__(self, url: str | None = None, engine: Engine | None = None):
        self.url = resolve_url(url)
        self.engine = engine or make_engine(self.url)
        upgrade(self.engine)
        if not self.versions():
            self._seed()

    def _seed(self) -> None:
        from sq_layout.plan.dataset import bundled

        with contextlib.suppress(IntegrityError):  # another process seeded it at the same moment
            self.save_dataset(bundled(), BASELINE_TITLE, kind="baseline", note=BASELINE_NOTE)

    def versions(self) -> list[VersionInfo]:
        """All versions, oldest first."""
        v = t.versions.c
        stmt = select(v.id, v.title, v.kind, v.created, v.parent_id, v.note).order_by(v.id)
        with self.engine.connect() as conn:
            return [VersionInfo(*row) for row in conn.execute(stmt).all()]

    def info(self, version_id: int) -> VersionInfo:
        """One version's listing, or UnknownVersion naming the ones there are."""
        listed = {v.id: v for v in self.versions()}
        if version_id not in listed:
            raise UnknownVersion(version_id, sorted(listed))
        return listed[version_id]

    def latest_id(self) -> int:
        """The latest published version, or the baseline when nothing is published."""
        listed = self.versions()
        published = [v.id for v in listed if v.kind == "published"]
        return max(published) if published else next(v.id for v in listed if v.kind == "baseline")

    def load(self, version_id: int | None = None) -> Dataset:
        """The whole version as a Dataset (None: the latest)."""
        vid = self.latest_id() if version_id is None else version_id
        with self.engine.connect() as conn:
            sha = conn.execute(select(t.versions.c.plan_text_sha).where(t.versions.c.id == vid)).scalar()
            if sha is None:
                raise UnknownVersion(vid, [v.id for v in self.versions()])
            text = conn.execute(select(t.plan_texts.c.text).where(t.plan_texts.c.sha256 == sha)).scalar_one()
            frames = {name: _frame(conn, name, vid) for name in t.RECORD_COLUMNS}
        return Dataset(**frames, plan_lines=tuple(text.split("\n")))

    def save_dataset(
        self,
        ds: Dataset,
        title: str,
        *,
        kind: str = "published",
        parent_id: int | None = None,
        note: str = "",
        user: str | None = None,
        record: dict[str, Any] | None = None,
    ) -> int:
        """Store a whole Dataset as a new version in one transaction (with an import record if given); its id."""
        with self.engine.begin() as conn:
            return self._insert_version(conn, ds, title, kind, parent_id, note, user, record)

    def _insert_version(
        self,
        conn: Connection,
        ds: Dataset,
        title: str,
        kind: str,
        parent_id: int | None,
        note: str,
        user: str | None,
        record: dict[str, Any] | None,
    ) -> int:
        text = "\n".join(ds.plan_lines)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if conn.execute(select(func.count()).where(t.plan_texts.c.sha256 == sha)).scalar_one() == 0:
            conn.execute(insert(t.plan_texts).values(sha256=sha, text=text))
        created = now()
        values = dict(title=title, kind=kind, created=created, parent_id=parent_id, note=note, created_by=user)
        vid = int(
            conn.execute(insert(t.versions).values(**values, plan_text_sha=sha).returning(t.versions.c.id)).scalar_one()
        )
        frames: dict[str, pd.DataFrame] = {name: getattr(ds, name) for name in TABLE_NAMES}
        frames["boundaries"] = with_provenance(ds.boundaries)
        for name, frame in frames.items():
            rows = _rows(frame, name, vid)
            if rows:
                conn.execute(insert(t.records[name]), rows)
        if record is not None:
            conn.execute(insert(t.import_records).values(version_id=vid, created=created, user_name=user, **record))
        return vid

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
    ) -> int:
        """A new published version from base_version_id with these areas' geometry replaced as 'official'.

        On a draft the draft's own geometry is replaced instead (editor role, recorded in its history); its id."""
        if self.info(base_version_id).kind == "draft":
            from sq_layout.store.drafts import replace_boundaries

            reason = title or f"boundary import: {file_name}"
            kw = dict(source=source, file_name=file_name, source_date=source_date or "", reason=reason)
            replace_boundaries(self, user, base_version_id, boundaries, **kw)
            return base_version_id
        base = self.load(base_version_id)
        known = list(base.areas["area_id"])
        unknown = sorted(set(boundaries["area_id"]) - set(known))
        if unknown:
            raise UnknownAreas(file_name, [f"unknown area_id {a!r}; expected one of {known}" for a in unknown])
        merged = _replace_geometry(base, boundaries, source, file_name, source_date or "")
        ids = ", ".join(boundaries["area_id"])
        record = dict(kind="boundaries", file_name=file_name, source=source, source_date=source_date, summary=ids)
        name = title or f"official boundaries: {ids}"
        return self.save_dataset(merged, name, parent_id=base_version_id, note=file_name, user=user, record=record)

    def checksum(self) -> str:
        """A digest of every row of every table: equal before and after means nothing was written."""
        digest = hashlib.sha256()
        with self.engine.connect() as conn:
            for table in t.metadata.sorted_tables:
                if table.info.get("sign_in_state"):  # sessions and failure counters are not workspace content
                    continue
                keys = list(table.primary_key.columns) or list(table.columns)
                for row in conn.execute(select(table).order_by(*keys)).all():
                    digest.update(repr(tuple(getattr(v, "wkb", v) for v in row)).encode("utf-8"))
        return digest.hexdigest()


def _replace_geometry(
    base: Dataset, boundaries: gpd.GeoDataFrame, source: str, file_name: str, source_date: str
) -> Dataset:
    old = with_provenance(base.boundaries)
    areas = base.areas.set_index("area_id")
    new = old[~old["area_id"].isin(boundaries["area_id"])]
    added = []
    for area_id, geom in zip(boundaries["area_id"], boundaries.to_crs(STORAGE_CRS).geometry, strict=True):
        note = f"official: {source}; {file_name}" + (f"; {source_date}" if source_date else "")
        row = {"area_id": area_id, "adcode": areas.at[area_id, "adcode"], "name": areas.at[area_id, "name"]}
        row |= {"geometry_quality": "official", "source": note, "geometry_source": source}
        added.append(row | {"geometry_date": source_date, "geometry_file": file_name, "geometry": geom})
    extra = gpd.GeoDataFrame(added, geometry="geometry", crs=STORAGE_CRS)
    frame = pd.concat([new, extra], ignore_index=True)
    order = {a: i for i, a in enumerate(base.areas["area_id"])}
    frame = frame.sort_values("area_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    for c, kind in t.RECORD_COLUMNS["boundaries"]:
        frame[c] = frame[c].astype(_DTYPES[kind])
    return replace(base, boundaries=gpd.GeoDataFrame(frame, geometry="geometry", crs=STORAGE_CRS))


def open_workspace(url: str | None = None) -> Workspace:
    """Open (create, migrate and seed if needed) the workspace at url, $SQ_LAYOUT_DB or the default SQLite file."""
    return Workspace(url)
