"""The store's tables: one row per record per version, columns mirroring the plan tables exactly.

Every record table carries `version_id` and `row_no` (plan order) as its key, and `rev` (per-record revision
counter, 1 for imported rows) so that editing with history can be added without reworking the schema.
"""

from __future__ import annotations

from typing import Any

import shapely
from sqlalchemy import (
    Column,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeDecorator, TypeEngine

from sq_layout.tables.plan import SPECS

SRID = 4326

# (column, kind) of each plan record table, as its spec declares (sq_layout.tables.plan).
RECORD_COLUMNS: dict[str, list[tuple[str, str]]] = {name: t.kinds() for name, t in SPECS.items()}


class Geometry(TypeDecorator[Any]):
    """A shapely geometry: PostGIS geometry(SRID 4326) on PostgreSQL, WKB bytes elsewhere."""

    impl = LargeBinary
    cache_ok = True
    spatial_index = False  # GeoAlchemy2's table events read these; the migration creates the GiST index itself
    use_N_D_index = False

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        """PostGIS type on PostgreSQL, a binary column elsewhere."""
        if dialect is None:  # GeoAlchemy2's table events ask without one
            return LargeBinary()
        if dialect.name == "postgresql":
            from geoalchemy2 import Geometry as PostGISGeometry

            return dialect.type_descriptor(PostGISGeometry(srid=SRID, spatial_index=False))
        return dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        """Shapely -> hex EWKB (PostGIS parses it) or plain WKB bytes."""
        if value is None:
            return None
        if dialect.name == "postgresql":
            from geoalchemy2.elements import WKBElement

            return WKBElement(shapely.to_wkb(value, include_srid=False), srid=SRID)
        return shapely.to_wkb(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        """Whatever the driver gives back -> shapely."""
        if value is None:
            return None
        data = getattr(value, "data", value)
        if isinstance(data, memoryview):
            data = bytes(data)
        return shapely.from_wkb(data)


metadata = MetaData()

versions = Table(
    "plan_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # baseline | published | draft (drafts come with editing)
    Column("created", String(32), nullable=False),  # ISO-8601 UTC
    Column("parent_id", Integer, ForeignKey("plan_version.id"), nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("created_by", Text, nullable=True),  # user name once users exist
    Column("plan_text_sha", String(64), ForeignKey("plan_text.sha256"), nullable=False),
    Index(
        "uq_one_baseline",
        "kind",
        unique=True,
        sqlite_where=Column("kind") == "baseline",
        postgresql_where=Column("kind") == "baseline",
    ),
)

plan_texts = Table(
    "plan_text",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("text", Text, nullable=False),
)

import_records = Table(
    "import_record",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("plan_version.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # plan | boundaries
    Column("file_name", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("source_date", Text, nullable=True),
    Column("user_name", Text, nullable=True),
    Column("created", String(32), nullable=False),
    Column("summary", Text, nullable=False, default=""),
)


def _record_table(name: str) -> Table:
    cols: list[Any] = [
        Column("version_id", Integer, ForeignKey("plan_version.id"), primary_key=True),
        Column("row_no", Integer, primary_key=True),
        Column("rev", Integer, nullable=False, default=1),
    ]
    cols += SPECS[name].sql_columns(Geometry())
    if name == "boundaries":
        cols.append(Column("geometry", Geometry(), nullable=False))
    return Table(f"rec_{name}", metadata, *cols)


records: dict[str, Table] = {name: _record_table(name) for name in RECORD_COLUMNS}
