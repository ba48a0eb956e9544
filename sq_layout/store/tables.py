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
    Float,
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

SRID = 4326

# Column kinds as the Dataset holds them: "str" (never null, '' for empty), "float", "int", "Int64" (nullable int).
RECORD_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "areas": [
        ("area_id", "str"),
        ("name", "str"),
        ("short_name", "str"),
        ("name_en", "str"),
        ("short_name_en", "str"),
        ("kind", "str"),
        ("adcode", "str"),
        ("stat_code", "str"),
        ("parent_area_id", "str"),
        ("parent_basis", "str"),
        ("name_variants", "str"),
    ],
    "industries": [
        ("industry_id", "str"),
        ("name", "str"),
        ("name_en", "str"),
        ("tier", "str"),
        ("color", "str"),
        ("target_2025_yi", "float"),
        ("target_source", "str"),
        ("target_line", "int"),
    ],
    "subindustries": [
        ("subindustry_id", "str"),
        ("industry_id", "str"),
        ("name", "str"),
        ("name_en", "str"),
        ("chain_no", "Int64"),
        ("chain_relation", "str"),
        ("target_2025_yi", "float"),
        ("target_line", "Int64"),
    ],
    "chains": [
        ("chain_no", "int"),
        ("name", "str"),
        ("name_en", "str"),
        ("tier_as_printed", "str"),
        ("industry_as_printed", "str"),
        ("subindustry_as_printed", "str"),
        ("industry_id", "str"),
        ("output_2020_yi", "float"),
        ("target_2023_yi", "float"),
        ("target_2025_yi", "float"),
        ("line", "int"),
    ],
    "assignments": [
        ("area_id", "str"),
        ("industry_id", "str"),
        ("subindustry_id", "str"),
        ("source", "str"),
        ("ref", "str"),
        ("line", "int"),
        ("position", "int"),
        ("area_as_written", "str"),
        ("quote", "str"),
        ("note", "str"),
    ],
    "details": [
        ("area_id", "str"),
        ("industry_id", "str"),
        ("subindustry_id", "str"),
        ("kind", "str"),
        ("text", "str"),
        ("source", "str"),
        ("line", "int"),
    ],
    "conflicts": [
        ("conflict_id", "str"),
        ("kind", "str"),
        ("area_id", "str"),
        ("industry_id", "str"),
        ("subindustry_id", "str"),
        ("chain_no", "Int64"),
        ("lines", "str"),
        ("description", "str"),
        ("description_en", "str"),
    ],
    "plan_figures": [
        ("figure_id", "str"),
        ("source", "str"),
        ("ref", "str"),
        ("subject", "str"),
        ("measure", "str"),
        ("value", "float"),
        ("unit", "str"),
        ("line", "int"),
        ("as_printed", "str"),
    ],
    "boundaries": [
        ("area_id", "str"),
        ("adcode", "str"),
        ("name", "str"),
        ("geometry_quality", "str"),
        ("source", "str"),
        ("geometry_source", "str"),
        ("geometry_date", "str"),
        ("geometry_file", "str"),
    ],
}


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


_SQL_TYPES: dict[str, Any] = {"str": Text, "float": Float(precision=53), "int": Integer, "Int64": Integer}

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
    cols += [Column(c, _SQL_TYPES[kind], nullable=kind != "str" and kind != "int") for c, kind in RECORD_COLUMNS[name]]
    if name == "boundaries":
        cols.append(Column("geometry", Geometry(), nullable=False))
    return Table(f"rec_{name}", metadata, *cols)


records: dict[str, Table] = {name: _record_table(name) for name in RECORD_COLUMNS}
