"""The two back ends for the store tests: a SQLite file and a fresh PostgreSQL+PostGIS database.

PostgreSQL comes from $SQ_LAYOUT_TEST_PG (set by .ci/run) or, when unset, from a throwaway cluster started here with
/usr/lib/postgresql/15/bin. If neither works the PostgreSQL tests fail loudly; they are never skipped.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing

import pytest
from sqlalchemy.engine import make_url

from tests.store.pgcluster import create_database, drop_databases, throwaway_cluster

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A SQLAlchemy URL to the `postgres` database of a server we may create databases in."""
    if os.environ.get("SQ_LAYOUT_TEST_PG"):
        yield os.environ["SQ_LAYOUT_TEST_PG"]
        return
    try:
        cluster = throwaway_cluster()
        url = cluster.__enter__()
    except Exception as exc:
        pytest.fail(f"PostgreSQL tests need $SQ_LAYOUT_TEST_PG or a local PostgreSQL 15 + PostGIS: {exc}")
    try:
        yield url
    finally:
        cluster.__exit__(None, None, None)


@pytest.fixture(scope="session")
def new_db_url(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """Make a fresh empty database of a back end; PostgreSQL ones get PostGIS and are dropped at the end."""
    made: list[str] = []

    def make(backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp('ws') / f'{uuid.uuid4().hex[:12]}.sqlite'}"
        url = create_database(pg_server)
        made.append(str(make_url(url).database))
        return url

    yield make
    drop_databases(pg_server, made)


@pytest.fixture(scope="session")
def seeded_db_url(
    new_db_url: Callable[[str], str], pg_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], str]]:
    """Make a fresh database of a back end that already holds a created workspace (schema and baseline).

    The workspace is created once per back end and copied (SQLite's backup API; CREATE DATABASE … TEMPLATE): seeding the
    baseline takes seconds, copying it a fraction of one. Tests of creation itself use `new_db_url`."""
    from sq_layout.store import open_workspace

    templates: dict[str, str] = {}
    made: list[str] = []

    def make(backend: str) -> str:
        if backend not in templates:
            templates[backend] = new_db_url(backend)
            open_workspace(templates[backend]).engine.dispose()
        source = make_url(templates[backend])
        if backend == "sqlite":
            copy = tmp_path_factory.mktemp("ws") / f"{uuid.uuid4().hex[:12]}.sqlite"
            with closing(sqlite3.connect(str(source.database))) as src, closing(sqlite3.connect(copy)) as dst:
                src.backup(dst)  # the backup API copies what the write-ahead log holds too
            return f"sqlite:///{copy}"
        url = create_database(pg_server, template=source.database)
        made.append(str(make_url(url).database))
        return url

    yield make
    drop_databases(pg_server, made)
