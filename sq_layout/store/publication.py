"""Publishing: the order versions were published in, the lock that serialises it, a version's published base, and
the check that a new version does not silently hide a newer one."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from sq_layout.errors import EditRejected, UnknownVersion
from sq_layout.store import tables as t
from sq_layout.store.changes import change_sets as changes
from sq_layout.store.changes import log_event


def publication_order(conn: Connection) -> tuple[list[int], dict[int, str]]:
    """The baseline and the published versions in the order they were published, and who published each (if logged).

    Versions published before publishing was logged come first, by id; then the logged ones, in log order."""
    v = t.versions.c
    kinds = conn.execute(select(v.id, v.kind).where(v.kind.in_(("baseline", "published"))).order_by(v.id)).all()
    published = {r.id for r in kinds if r.kind == "published"}
    stmt = select(changes.c.version_id, changes.c.user_name).where(changes.c.action == "publish")
    logged: dict[int, str] = {}
    for vid, who in conn.execute(stmt.order_by(changes.c.id)).all():
        if vid in published:
            logged.setdefault(vid, who)
    first = [r.id for r in kinds if r.kind == "baseline"] + [r.id for r in kinds if r.id in published - set(logged)]
    return first + list(logged), logged


def lock_publication(conn: Connection) -> None:
    """Serialise publishing: a no-op write on the baseline row (SQLite's write lock, PostgreSQL's row lock)."""
    v = t.versions
    conn.execute(update(v).where(v.c.kind == "baseline").values(note=v.c.note))


def published_base(conn: Connection, version_id: int) -> int:
    """The version's nearest ancestor that is not a draft (itself when it is published or the baseline)."""
    v = t.versions.c
    current: int | None = version_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        row = conn.execute(select(v.kind, v.parent_id).where(v.id == current)).first()
        if row is None:
            raise UnknownVersion(current, [])
        if row.kind != "draft":
            return current
        current = row.parent_id
    return version_id


def stale_base(conn: Connection, base_version_id: int) -> tuple[int, int] | None:
    """(base's published version, latest published) when they differ, else None."""
    latest = publication_order(conn)[0][-1]
    base = published_base(conn, base_version_id)
    return None if base == latest else (base, latest)


def check_base(conn: Connection, base_version_id: int, confirm_stale_base: bool) -> int:
    """The latest published version, which a version made from base will supersede; refused when base is older and
    the user has not confirmed (a newer version would be hidden)."""
    stale = stale_base(conn, base_version_id)
    if stale is not None and not confirm_stale_base:
        raise EditRejected([("ev_stale_base", {"base": stale[0], "latest": stale[1]})])
    return publication_order(conn)[0][-1]


def log_version(conn: Connection, version_id: int, user: str, action: str, summary: str, reason: str) -> int:
    """Record a version's creation or publication in its history (who, when, what, why); the change id."""
    return log_event(conn, version_id, user, action, summary, reason)
