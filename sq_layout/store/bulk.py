"""Many rows into one table inside the caller's transaction: COPY on PostgreSQL, the driver's executemany on SQLite.

A first save of 55,000 investment records writes 55,000 records and logs 55,000 changed records; row by row through
the driver's executemany that took most of 20 s on PostgreSQL (and PostGIS's bind turned each point into WKT).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from sqlalchemy import Connection, Table

from sq_layout.store.tables import SRID, Geometry


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows (dicts with every column named in the first) as part of the open transaction."""
    if not rows:
        return
    names = list(rows[0])
    columns = [[r[c] for r in rows] for c in names]
    postgres = conn.dialect.name == "postgresql"
    for i, name in enumerate(names):
        typ = table.c[name].type
        if isinstance(typ, Geometry):  # one vectorised call: hex EWKB (PostGIS reads it as text) or plain WKB
            geoms = np.array(columns[i], dtype=object)
            wkb = shapely.to_wkb(shapely.set_srid(geoms, SRID), hex=True, include_srid=True) if postgres else None
            columns[i] = list(shapely.to_wkb(geoms) if wkb is None else wkb)
        elif not postgres:  # SQLAlchemy's own conversion per column (dates as its text, booleans as 0/1)
            process = typ.dialect_impl(conn.dialect).bind_processor(conn.dialect)
            if process is not None:
                columns[i] = [process(v) for v in columns[i]]
    dbapi: Any = conn.connection.driver_connection  # this transaction's own connection
    if not postgres:  # the driver's executemany on plain tuples: SQLAlchemy's per-row parameter building was most of it
        quoted = ", ".join(f'"{n}"' for n in names)
        stmt = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
        cur = dbapi.cursor()
        try:
            cur.executemany(stmt, zip(*columns, strict=True))
        finally:
            cur.close()
        return
    from psycopg import sql

    copy_stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(n) for n in names)
    )
    with dbapi.cursor() as pg, pg.copy(copy_stmt) as copy:
        for values in zip(*columns, strict=True):
            copy.write_row(values)
