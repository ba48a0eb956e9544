"""A version's tables as one blob (Arrow IPC streams in an uncompressed zip), made once for a version that no longer
changes and read whole: many processes and sessions load a version without rebuilding it row by row.

Each blob is stored with its SHA-256 (`digest`): a process keeps a loaded version keyed by (version id, digest), so
a snapshot made again or a workspace restored over the same ids is never served from an old copy."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any

import geopandas as gpd
import pandas as pd
from sqlalchemy import Column, ForeignKey, Integer, LargeBinary, String, Table

from sq_layout.geo.crs import STORAGE_CRS
from sq_layout.store import tables as t

FORMAT = "arrow-ipc-zip/1"  # a format change gets a new name; snapshots of an older one are made again

snapshots = Table(
    "version_snapshot",
    t.metadata,
    Column("version_id", Integer, ForeignKey("plan_version.id"), primary_key=True),
    Column("format", String(32), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("digest", String(64), nullable=True),  # SHA-256 of data (migration 0009); what a process's copy is keyed on
)

_DTYPES = {"str": "str", "float": "float64", "int": "int64", "Int64": "Int64"}


def _columns(name: str) -> list[str]:
    return [c for c, _ in t.RECORD_COLUMNS[name]]


def digest(blob: bytes) -> str:
    """The SHA-256 of a blob, as stored beside it."""
    return hashlib.sha256(blob).hexdigest()


def _zipped(tables: dict[str, Any]) -> bytes:
    import pyarrow as pa

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as z:
        for name in t.RECORD_COLUMNS:
            table = tables[name]
            sink = io.BytesIO()
            with pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table)
            z.writestr(f"{name}.arrow", sink.getvalue())
    return out.getvalue()


def encode(frames: dict[str, pd.DataFrame]) -> bytes:
    """The record tables (boundaries with WKB geometry) as one blob."""
    import pyarrow as pa

    tables = {}
    for name in t.RECORD_COLUMNS:
        frame = pd.DataFrame(frames[name][_columns(name)])
        if name == "boundaries":
            frame["geometry"] = gpd.GeoSeries(frames[name].geometry).to_wkb()
        tables[name] = pa.Table.from_pandas(frame, preserve_index=False)
    return _zipped(tables)


def encode_columns(columns: Mapping[str, Mapping[str, Sequence[Any]]], wkb: Sequence[bytes]) -> bytes:
    """The same blob as encode, made from the columns as stored (text '' never None, numbers or None) and the
    boundaries' WKB, straight into Arrow: no DataFrame built and no geometry written to WKB a second time."""
    import pyarrow as pa

    arrow = {"str": pa.large_string(), "float": pa.float64(), "int": pa.int64(), "Int64": pa.int64()}
    tables = {}
    for name, spec in t.RECORD_COLUMNS.items():
        arrays = {c: pa.array(columns[name][c], type=arrow[kind]) for c, kind in spec}
        if name == "boundaries":
            arrays["geometry"] = pa.array(wkb, type=pa.binary())
        tables[name] = pa.table(arrays)
    return _zipped(tables)


def _column(column: Any, kind: str) -> pd.Series:
    """One column as the Dataset holds it, converted by Arrow in bulk (not through a Python list of its values)."""
    if kind == "Int64":  # Arrow gives float64 for an integer column with nulls; Int64 takes it back exactly
        return pd.Series(column.to_pandas(), dtype="float64").astype("Int64")
    return pd.Series(column.to_pandas(), dtype=_DTYPES[kind]).rename(None)


def decode(blob: bytes) -> dict[str, Any]:
    """The record tables of a blob, with the same columns and dtypes as when read row by row."""
    import pyarrow as pa

    frames: dict[str, Any] = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        for name, spec in t.RECORD_COLUMNS.items():
            table = pa.ipc.open_stream(z.read(f"{name}.arrow")).read_all()
            data = {c: _column(table.column(c), kind) for c, kind in spec}
            if name == "boundaries":
                wkb = table.column("geometry").to_numpy(zero_copy_only=False)
                geoms = gpd.GeoSeries.from_wkb(wkb, crs=STORAGE_CRS)
                frames[name] = gpd.GeoDataFrame({"geometry": geoms, **data}, geometry="geometry", crs=STORAGE_CRS)
            else:
                frames[name] = pd.DataFrame(data)
    return frames
