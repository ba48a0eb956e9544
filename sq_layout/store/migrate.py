"""Alembic migrations shipped inside the package, run through the Alembic API when a workspace is opened."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

HEAD = "0007"
SCRIPTS = Path(__file__).parent / "migrations"


def current_revision(conn: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op, without importing Alembic, when it is there already)."""
    with engine.connect() as conn:
        if current_revision(conn) == HEAD:
            return
    import geoalchemy2  # noqa: F401  (its table events must be registered before any CREATE TABLE)
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
