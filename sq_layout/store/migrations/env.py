"""Alembic environment: given a live connection by sq_layout.store.migrate when a workspace is opened.

From the `alembic` command line (`alembic -c pyproject.toml revision --autogenerate --rev-id NNNN -m "…"`, see
docs/developer-guide.md) it compares the tables made from the specs with the database of `-x db=URL`, by default a
scratch SQLite file brought to the newest revision first, and writes what differs as the new revision.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import context
from sqlalchemy import Connection, create_engine

import sq_layout.store  # noqa: F401  (every table of the store joins the metadata)
from sq_layout.store.migrate import compare_options
from sq_layout.store.tables import metadata

_UPGRADE = "import sys, sqlalchemy, sq_layout.store.migrate as m; m.upgrade(sqlalchemy.create_engine(sys.argv[1]))"


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, **compare_options())
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("db")
    with tempfile.TemporaryDirectory() as scratch:
        if url is None:
            url = f"sqlite:///{Path(scratch) / 'scratch.sqlite'}"
            # in a process of its own: Alembic's context is one per process, and this one is in use
            subprocess.run([sys.executable, "-c", _UPGRADE, url], check=True)
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                _run(conn)
        finally:
            engine.dispose()
