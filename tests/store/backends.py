"""The two back ends for the store tests: a SQLite file and a fresh PostgreSQL+PostGIS database.

PostgreSQL comes from $SQ_LAYOUT_TEST_PG (set by .ci/run) or, when unset, from a throwaway cluster started here with
/usr/lib/postgresql/15/bin. If neither works the PostgreSQL tests fail loudly; they are never skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

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
