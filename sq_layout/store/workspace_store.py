"""The workspace: open (migrate, seed the baseline), list versions, load and save whole Datasets as versions.

Who may add a version: while the workspace has no accounts (a single-user install) anyone, recorded as `local`;
once it has accounts an import makes a draft (editor) and only an admin publishes. Publishing is logged in the
change log (action 'publish'), and the order of those entries is the order of publication: the latest published
version is the one published last, and each published version supersedes the one published just before it.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.exc import IntegrityError

from sq_layout.cache import SingleFlight, register
from sq_layout.errors import UnknownAreas, UnknownVersion
from sq_layout.geo.crs import STORAGE_CRS
from sq_layout.plan.boundaries import with_provenance
from sq_layout.plan.dataset import Dataset
from sq_layout.store import snapshot
from sq_layout.store import tables as t
from sq_layout.store.bulk import insert_columns
from sq_layout.store.edit_tables import drafts
from sq_layout.store.engine import make_engine, resolve_url
from sq_layout.store.migrate import upgrade
from sq_layout.store.publication import check_base, lock_publication, log_version, publication_order, stale_base
from sq_layout.store.version_rows import (
    DTYPES,
    read_frame,
    snapshot_blob,
    snapshot_digest,
    stored_columns,
    write_snapshot,
)

# Stored as seeded (stable data); pages show the baseline's title and note in the reader's language instead.
BASELINE_TITLE = "十四五 baseline (bundled plan)"
BASELINE_NOTE = "read-only"
TABLE_NAMES = [n for n in t.RECORD_COLUMNS if n != "boundaries"]
LOADED_VERSIONS = 4  # versions a process keeps decoded (a national one is ~100 MB in memory)
register(
    "sq_layout.store.workspace_store.Workspace.load",
    key="a version id and its snapshot's SHA-256 (migration 0009), per Workspace; a draft is never kept",
    invalidated="never by time: a changed snapshot is a new key; the last LOADED_VERSIONS kept, least recently used "
    "out; forget_loaded()",
)


@dataclass(frozen=True)
class VersionInfo:
    """One plan version as listed."""

    id: int
    title: str
    kind: str  # 'baseline' | 'published' | 'draft'
    created: str
    parent_id: int | None  # the version it was made from (its base)
    note: str
    created_by: str | None = None  # who imported or drafted it (None: the seeded baseline and older versions)
    supersedes: int | None = None  # a published version: the latest published when it was published
    published_by: str | None = None  # a published version: who published it (when logged)


@dataclass(frozen=True)
class SavedVersion:
    """A version an import added: its id, 'draft' or 'published', and the version it superseded if published."""

    id: int
    kind: str
    supersedes: int | None


def now() -> str:
    """The current UTC time, ISO-8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Workspace:
    """Plan versions in one database; every write is one transaction that adds a version."""

    def __init__(self, url: str | None = None, engine: Engine | None = None):
        self.url = resolve_url(url)
        self.engine = engine or make_engine(self.url)
        self._loaded = SingleFlight[tuple[int, str], Dataset](LOADED_VERSIONS)
        upgrade(self.engine)
        if not self.versions():
            self._seed()

    def _seed(self) -> None:
        from sq_layout.plan.dataset import bundled

        with contextlib.suppress(IntegrityError):  # another process seeded it at the same moment
            self.save_dataset(bundled(), BASELINE_TITLE, kind="baseline", note=BASELINE_NOTE)

    def versions(self) -> list[VersionInfo]:
        """All versions, oldest first, with author, publisher and the version each published one superseded."""
        v = t.versions.c
        stmt = select(v.id, v.title, v.kind, v.created, v.parent_id, v.note, v.created_by).order_by(v.id)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
            order, publishers = publication_order(conn)
        before = {vid: order[i - 1] for i, vid in enumerate(order) if i > 0}
        return [VersionInfo(*row, supersedes=before.get(row.id), published_by=publishers.get(row.id)) for row in rows]

    def info(self, version_id: int) -> VersionInfo:
        """One version's listing, or UnknownVersion naming the ones there are."""
        listed = {v.id: v for v in self.versions()}
        if version_id not in listed:
            raise UnknownVersion(version_id, sorted(listed))
        return listed[version_id]

    def latest_id(self) -> int:
        """The latest published version (the one published last), or the baseline when nothing is published."""
        with self.engine.connect() as conn:
            return publication_order(conn)[0][-1]

    def accounts_exist(self) -> bool:
        """Whether writing needs a signed-in user: the workspace has an account, or a sign-on proxy is configured."""
        from sq_layout.store.invest_store import auth_configured

        with self.engine.connect() as conn:
            return auth_configured(conn)

    def check_import(
        self, user: str | None, base_version_id: int, *, publish: bool = False, confirm_stale_base: bool = False
    ) -> str:
        """Before an upload is read: who acts ('local' while there are no accounts; PermissionDenied unless the stored
        role allows importing, or publishing with publish=True) and, when the import will be published, that its base
        is the latest published or the user confirmed. The write checks both again in its own transaction."""
        self.info(base_version_id)
        with self.engine.connect() as conn:
            direct = publish or not auth_configured_in(conn)
            who = acting_user(conn, user, "publish" if publish else "import")
            if direct:
                check_base(conn, base_version_id, confirm_stale_base)
        return who

    def stale_base(self, base_version_id: int) -> tuple[int, int] | None:
        """(base's published version, latest published) when a version made from base would hide a newer one."""
        with self.engine.connect() as conn:
            return stale_base(conn, base_version_id)

    def load(self, version_id: int | None = None) -> Dataset:
        """The whole version as a Dataset (None: the latest); a version with a snapshot is read once per process."""
        vid = self.latest_id() if version_id is None else version_id
        with self.engine.connect() as conn:
            v = t.versions.c
            found = conn.execute(select(v.kind, v.plan_text_sha).where(v.id == vid)).first()
            digest = None if found is None else snapshot_digest(conn, vid)
        if found is None:
            raise UnknownVersion(vid, [x.id for x in self.versions()])
        if digest is None:  # a draft (read from its rows every time), or a version made before snapshots
            return self._load_rows(vid, found.kind, found.plan_text_sha)
        # a snapshot never changes under its digest: concurrent loads of one version wait for a single read of it
        key = (vid, digest)
        ds = self._loaded.get(key, lambda: self._load_snapshot(key, found.plan_text_sha))
        return _own(ds) if ds is not None else self._load_rows(vid, found.kind, found.plan_text_sha)

    def forget_loaded(self) -> None:
        """Drop this process's decoded versions: the next load reads from the database (a bench's cold load)."""
        self._loaded.clear()

    def _plan_lines(self, conn: Connection, sha: str) -> tuple[str, ...]:
        text = conn.execute(select(t.plan_texts.c.text).where(t.plan_texts.c.sha256 == sha)).scalar_one()
        return tuple(text.split("\n"))

    def _load_snapshot(self, key: tuple[int, str], sha: str) -> Dataset | None:
        with self.engine.connect() as conn:
            digest, blob = snapshot_blob(conn, key[0])
            lines = self._plan_lines(conn, sha)
        if digest != key[1] or blob is None:  # replaced since it was looked up (a restore): read the rows instead
            return None
        return Dataset(**snapshot.decode(blob), plan_lines=lines)

    def _load_rows(self, vid: int, kind: str, sha: str) -> Dataset:
        with self.engine.connect() as conn:
            frames = {name: read_frame(conn, name, vid) for name in t.RECORD_COLUMNS}
            lines = self._plan_lines(conn, sha)
        if kind != "draft":  # the first load of a version made before snapshots
            with contextlib.suppress(IntegrityError), self.engine.begin() as conn:  # another process made it
                write_snapshot(conn, vid, frames)
        return Dataset(**frames, plan_lines=lines)

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
        stored = {name: stored_columns(frame, name) for name, frame in frames.items()}
        wkb = list(shapely.to_wkb(np.asarray(stored["boundaries"]["geometry"], dtype=object)))  # once, for both
        stored["boundaries"]["geometry"] = wkb
        for name, columns in stored.items():
            n = len(frames[name])
            keys = {"version_id": [vid] * n, "row_no": list(range(n)), "rev": [1] * n}
            insert_columns(conn, t.records[name], keys | columns, exact_types=True, wkb=True)  # stored_columns' values
        if record is not None:
            conn.execute(insert(t.import_records).values(version_id=vid, created=created, user_name=user, **record))
        if kind != "draft":  # made from the values just written, as a read of the rows would give them back
            write_snapshot(conn, vid, blob=snapshot.encode_columns(stored, wkb))
        return vid

    def add_version(
        self,
        ds: Dataset,
        title: str,
        *,
        base_version_id: int,
        user: str | None,
        note: str = "",
        record: dict[str, Any] | None = None,
        publish: bool = False,
        confirm_stale_base: bool = False,
    ) -> SavedVersion:
        """Store an imported Dataset in one transaction: with accounts a draft (editor; publish=True: published, admin),
        without accounts published as `local`. Publishing on a base older than the latest published is refused
        unless confirm_stale_base; the new version names the one it supersedes."""
        with self.engine.begin() as conn:
            lock_publication(conn)  # the first statement writes: the role check and the latest are read under it
            if auth_configured_in(conn) and not publish:
                from sq_layout.store.users import require

                require(conn, user, "import")
                assert user is not None
                vid = self._insert_version(conn, ds, title, "draft", base_version_id, note, user, record)
                conn.execute(insert(drafts).values(version_id=vid, rev=0))
                log_version(conn, vid, user, "draft", f"{title} (draft of version {base_version_id})", note)
                return SavedVersion(vid, "draft", None)
            who = acting_user(conn, user, "publish")
            latest = check_base(conn, base_version_id, confirm_stale_base)
            vid = self._insert_version(conn, ds, title, "published", base_version_id, note, who, record)
            log_version(conn, vid, who, "publish", f"{title} (supersedes version {latest})", note)
            return SavedVersion(vid, "published", latest)

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
    ) -> int:
        """A new version from base_version_id with these areas' geometry replaced as 'official': a draft once the
        workspace has accounts (editor; publish=True: published, admin), else published as `local`; its id.

        On a draft the draft's own geometry is replaced instead (editor role, recorded in its history), checked
        against `seen`, the draft's boundary revisions the import was made on (`drafts.boundary_revs`; None: as
        they are when this call starts)."""
        if self.info(base_version_id).kind == "draft":
            from sq_layout.store.drafts import boundary_revs, replace_boundaries

            reason = title or f"boundary import: {file_name}"
            made_on = boundary_revs(self, base_version_id) if seen is None else seen
            kw = dict(source=source, file_name=file_name, source_date=source_date or "", reason=reason)
            replace_boundaries(self, user, base_version_id, boundaries, seen=made_on, **kw)
            return base_version_id
        self.check_import(user, base_version_id, publish=publish, confirm_stale_base=confirm_stale_base)
        base = self.load(base_version_id)
        known = list(base.areas["area_id"])
        unknown = sorted(set(boundaries["area_id"]) - set(known))
        if unknown:
            raise UnknownAreas(file_name, [f"unknown area_id {a!r}; expected one of {known}" for a in unknown])
        merged = _replace_geometry(base, boundaries, source, file_name, source_date or "")
        ids = ", ".join(boundaries["area_id"])
        record = dict(kind="boundaries", file_name=file_name, source=source, source_date=source_date, summary=ids)
        name = title or f"official boundaries: {ids}"
        saved = self.add_version(
            merged,
            name,
            base_version_id=base_version_id,
            user=user,
            note=file_name,
            record=record,
            publish=publish,
            confirm_stale_base=confirm_stale_base,
        )
        return saved.id

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


def _own(ds: Dataset) -> Dataset:
    """A caller's own Dataset over a shared one: each frame a shallow copy (copy-on-write keeps the shared data intact
    whatever the caller changes in its frames)."""
    frames = {name: getattr(ds, name).copy(deep=False) for name in t.RECORD_COLUMNS}
    return replace(ds, **frames)


def auth_configured_in(conn: Connection) -> bool:
    """Whether writing needs a signed-in user (an account exists or a sign-on proxy is configured)."""
    from sq_layout.store.invest_store import auth_configured

    return auth_configured(conn)


def acting_user(conn: Connection, user: str | None, action: str) -> str:
    """Who writes, inside a transaction: once accounts exist the user whose *stored* role allows `action` (else
    PermissionDenied); before that `user` as given, or `local`."""
    from sq_layout.store.invest_store import LOCAL_USER
    from sq_layout.store.users import require

    if auth_configured_in(conn):
        require(conn, user, action)
        assert user is not None
        return user
    return user or LOCAL_USER


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
        frame[c] = frame[c].astype(DTYPES[kind])
    return replace(base, boundaries=gpd.GeoDataFrame(frame, geometry="geometry", crs=STORAGE_CRS))


def open_workspace(url: str | None = None) -> Workspace:
    """Open (create, migrate and seed if needed) the workspace at url, $SQ_LAYOUT_DB or the default SQLite file."""
    return Workspace(url)
