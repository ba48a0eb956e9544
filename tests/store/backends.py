"""The two back ends for the store tests: a SQLite file and a fresh PostgreSQL+PostGIS database.

PostgreSQL comes from $SQ_LAYOUT_TEST_PG (set by .ci/run) or, when unset, from a throwaway cluster started here with
/usr/lib/postgresql/15/bin. If neither works the PostgreSQL tests fail loudly; they are never skipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_BIN = Path("/usr/lib/postgresql/15/bin")
BACKENDS = ["sqlite", "postgresql"]


def _as_postgres(cmd: str) -> None:
    prefix = ["su", "postgres", "-c"] if os.geteuid() == 0 else ["bash", "-c"]
    subprocess.run([*prefix, cmd], check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A SQLAlchemy URL to the `postgres` database of a server we may create databases in."""
    if os.environ.get("SQ_LAYOUT_TEST_PG"):
        yield os.environ["SQ_LAYOUT_TEST_PG"]
        return
    if not (PG_BIN / "initdb").exists():
        pytest.fail("PostgreSQL tests need $SQ_LAYOUT_TEST_PG or /usr/lib/postgresql/15/bin (see .ci/run)")
    folder = Path(tempfile.mkdtemp(prefix="sq_pg_"))
    shutil.chown(folder, "postgres") if os.geteuid() == 0 else None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = folder / "data"
    _as_postgres(f"{PG_BIN}/initdb -D {data} -A trust -U postgres -E UTF8 --locale=C.UTF-8")
    opts = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    _as_postgres(f"{PG_BIN}/pg_ctl -D {data} -o '{opts}' -l {folder}/log -w start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        _as_postgres(f"{PG_BIN}/pg_ctl -D {data} -m fast stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def new_db_url(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """Make a fresh empty database of a back end; PostgreSQL ones get PostGIS and are dropped at the end."""
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make(backend: str) -> str:
        name = f"sq_test_{uuid.uuid4().hex[:12]}"
        if backend == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp('ws') / (name + '.sqlite')}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(pg_server).set(database=name)
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION postgis"))
        engine.dispose()
        made.append(name)
        return url.render_as_string(hide_password=False)

    yield make
    with admin.connect() as conn:
        for name in made:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
