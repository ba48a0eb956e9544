"""Which database: a URL from the caller, `SQ_LAYOUT_DB`, or a SQLite file in the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

ENV_VAR = "SQ_LAYOUT_DB"


def default_url() -> str:
    """The SQLite file in the user's data folder (created with its folder on first use)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("sq-layout", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'workspace.sqlite'}"


def resolve_url(url: str | None = None) -> str:
    """The URL to use: the argument, else $SQ_LAYOUT_DB, else the default SQLite file."""
    return url or os.environ.get(ENV_VAR) or default_url()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the app) never block the one writer (an import)
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite gets foreign keys, WAL and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=20)


def redact(url: str) -> str:
    """The URL with any password hidden, for messages and the page."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
