"""A version's records in the database: a frame's columns as stored (the values a read of the rows gives back), a
version's frames read from its rows, and its snapshot (the whole version as one blob) read and written."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd
from sqlalchemy import Connection, delete, insert, select

from sq_layout.geo.crs import STORAGE_CRS
from sq_layout.store import snapshot
from sq_layout.store import tables as t


def _cell(value: Any, kind: str) -> Any:
    if kind == "str":
        return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)
    if pd.isna(value):
        return None
    return float(value) if kind == "float" else int(value)


def _values(column: pd.Series, kind: str) -> list[Any]:
    """One column's values as _cell makes them, a whole column at a time where its dtype already says what they are."""
    dtype = column.dtype
    if kind == "str" and isinstance(dtype, pd.StringDtype):  # text already: only missing -> ''
        return column.to_numpy(dtype=object, na_value="").tolist()
    if kind in ("int", "Int64") and dtype == "int64":  # numpy integers, never missing: Python ints
        return column.tolist()
    if kind == "float" and dtype == "float64":
        return [None if v != v else v for v in column.tolist()]  # NaN -> None
    return [_cell(v, kind) for v in column.tolist()]


def stored_columns(frame: pd.DataFrame, name: str) -> dict[str, list[Any]]:
    """A table's columns as stored (column -> values, the form _cell gives), one list per column."""
    spec = t.RECORD_COLUMNS[name]
    out: dict[str, list[Any]] = {}
    for c, kind in spec:
        if c not in frame:  # optional columns a plan's files may leave out (e.g. a boundary file without adcode)
            out[c] = [_cell(None, kind)] * len(frame)
        else:
            out[c] = _values(frame[c], kind)
    if name == "boundaries":
        out["geometry"] = list(frame.geometry)
    return out


DTYPES = {"str": "str", "float": "float64", "int": "int64", "Int64": "Int64"}


def read_frame(conn: Connection, name: str, version_id: int) -> pd.DataFrame:
    """One table of a version read from its rows, in row order, with the stored dtypes."""
    table = t.records[name]
    spec = t.RECORD_COLUMNS[name]
    names = [c for c, _ in spec] + (["geometry"] if name == "boundaries" else [])
    stmt = select(*(table.c[c] for c in names)).where(table.c.version_id == version_id).order_by(table.c.row_no)
    rows = conn.execute(stmt).all()
    data = {c: pd.Series([r[i] for r in rows], dtype=DTYPES[kind]) for i, (c, kind) in enumerate(spec)}
    if name != "boundaries":
        return pd.DataFrame(data)
    geoms = gpd.GeoSeries([r[-1] for r in rows], crs=STORAGE_CRS)
    frame: pd.DataFrame = gpd.GeoDataFrame({"geometry": geoms, **data}, geometry="geometry", crs=STORAGE_CRS)
    return frame


def snapshot_digest(conn: Connection, vid: int) -> str | None:
    """The digest of a version's snapshot in the current format (None: it has none)."""
    s = snapshot.snapshots.c
    digest: str | None = conn.execute(select(s.digest).where(s.version_id == vid, s.format == snapshot.FORMAT)).scalar()
    return digest


def snapshot_blob(conn: Connection, vid: int) -> tuple[str | None, bytes | None]:
    """(digest, blob) of a version's snapshot in the current format, (None, None) when it has none.

    PostgreSQL sends the bytea in binary (the driver's default text form is hex: twice the bytes, and decoding 34 MB of
    it took most of a national version's cold load)."""
    s = snapshot.snapshots.c
    if conn.dialect.name != "postgresql":
        found = conn.execute(select(s.digest, s.data).where(s.version_id == vid, s.format == snapshot.FORMAT)).first()
        return (found.digest, bytes(found.data)) if found is not None else (None, None)
    dbapi: Any = conn.connection.driver_connection  # this connection's own psycopg connection
    with dbapi.cursor(binary=True) as cur:
        sql = "SELECT digest, data FROM version_snapshot WHERE version_id = %s AND format = %s"
        cur.execute(sql, (vid, snapshot.FORMAT))
        row = cur.fetchone()
    return (row[0], bytes(row[1])) if row is not None else (None, None)


def write_snapshot(conn: Connection, vid: int, frames: dict[str, Any] | None = None, blob: bytes | None = None) -> None:
    """Store the snapshot of a version that no longer changes (the baseline, a published version): the blob given, or
    made from frames, or from its rows as read in this transaction; one of an older format is replaced."""
    if blob is None:
        blob = snapshot.encode(frames or {name: read_frame(conn, name, vid) for name in t.RECORD_COLUMNS})
    values = dict(version_id=vid, format=snapshot.FORMAT, data=blob, digest=snapshot.digest(blob))
    conn.execute(delete(snapshot.snapshots).where(snapshot.snapshots.c.version_id == vid))
    conn.execute(insert(snapshot.snapshots).values(**values))
