"""A throwaway PostgreSQL + PostGIS cluster on 127.0.0.1 (for tests and the benchmark), and fresh databases in it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _as_postgres(cmd: str) -> None:
    prefix = ["su", "postgres", "-c"] if os.geteuid() == 0 else ["bash", "-c"]
    subprocess.run([*prefix, cmd], check=True, capture_output=True, timeout=120)


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a private cluster on a free port (trust auth, localhost only); yield its `postgres` URL; stop it."""
    if not (PG_BIN / "initdb").exists():
        raise RuntimeError(f"no PostgreSQL at {PG_BIN}; install postgresql-15 postgresql-15-postgis-3 (see .ci/run)")
    folder = Path(tempfile.mkdtemp(prefix="sq_pg_"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = folder / "data"
    try:
        _as_postgres(f"{PG_BIN}/initdb -D {data} -A trust -U postgres -E UTF8 --locale=C.UTF-8")
        opts = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
        _as_postgres(f"{PG_BIN}/pg_ctl -D {data} -o '{opts}' -l {folder}/log -w start")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            _as_postgres(f"{PG_BIN}/pg_ctl -D {data} -m fast stop")
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server_url: str, prefix: str = "sq_test", template: str | None = None) -> str:
    """A new empty database with PostGIS on the server (or a copy of the `template` database); its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    admin.dispose()
    url = make_url(server_url).set(database=name)
    if template:
        return url.render_as_string(hide_password=False)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION postgis"))
    engine.dispose()
    return url.render_as_string(hide_password=False)


def drop_databases(server_url: str, names: list[str]) -> None:
    """Drop the databases (ending any session still connected)."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
