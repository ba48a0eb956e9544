"""Plan-import tests run on both store back ends."""

from tests.store.backends import new_db_url, pg_server, seeded_db_url
from tests.store.conftest import ws

__all__ = ["new_db_url", "pg_server", "seeded_db_url", "ws"]
