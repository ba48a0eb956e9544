"""The tables made from the specs (sq_layout.tables) are the tables the migrations create, on both back ends.

Alembic's autogenerate compares the store's metadata with a freshly migrated database: no difference means a column
added to a spec shows up as exactly that column in `alembic revision --autogenerate`, and nothing else does.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import create_engine

from tests.store.backends import BACKENDS, new_db_url, pg_server

__all__ = ["new_db_url", "pg_server"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_metadata_matches_the_migrated_database(backend: str, new_db_url: Callable[[str], str]) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from sq_layout.store import migrate
    from sq_layout.store.migrate import compare_options
    from sq_layout.store.tables import metadata

    engine = create_engine(new_db_url(backend))
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts=compare_options()), metadata)
    finally:
        engine.dispose()
    assert diff == []
