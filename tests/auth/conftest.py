"""Sign-in store tests run on both back ends."""

from __future__ import annotations

from tests.store.backends import new_db_url, pg_server, seeded_db_url

__all__ = ["new_db_url", "pg_server", "seeded_db_url"]
