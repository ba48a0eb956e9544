"""Alembic migrations shipped inside the package, run through the Alembic API when a workspace is opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text

SCRIPTS = Path(__file__).parent / "migrations"
# The newest revision: revisions are numbered, each file named after its id (`--rev-id 0008` makes 0008_….py).
HEAD = max(p.name[:4] for p in (SCRIPTS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
# PostGIS's own table, and the GiST indexes the migrations add on PostgreSQL only (SQLite has no spatial index):
# not part of the tables made from the specs, so autogenerate leaves them be.
_NOT_OURS = {"spatial_ref_sys"}
# Tables whose key to their version (or change) PostgreSQL checks per statement by triggers (migration 0011), not by a
# foreign key: the tables still declare it, and SQLite keeps it as one.
_KEYED_BY_STATEMENT = {
    *(f"rec_{n}" for n in ("areas", "industries", "subindustries", "chains", "assignments", "details", "conflicts")),
    *(f"rec_{n}" for n in ("plan_figures", "boundaries")),
    *(f"inv_{n}" for n in ("firms", "projects", "carriers", "links", "actuals", "prospects", "chain_leads")),
    *("inv_chain_tasks", "change_record"),
}


def _ours(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Whether autogenerate compares this object (include_object hook)."""
    if type_ == "table":
        return name not in _NOT_OURS
    if type_ == "index" and reflected and compare_to is None:
        return not (name or "").endswith("_geometry")
    if type_ == "foreign_key_constraint" and not reflected and compare_to is None:
        return getattr(getattr(obj, "table", None), "name", None) not in _KEYED_BY_STATEMENT
    return True


def compare_options() -> dict[str, Any]:
    """How the database is compared with the tables made from the specs (by `alembic revision --autogenerate`
    and by tests/tables): batch mode, as SQLite alters tables; PostGIS's own objects left out."""
    return {"include_object": _ours, "render_as_batch": True}


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
