"""The deployment tests drive Chromium like the browser tests and use PostgreSQL like the store tests."""

from tests.browser.conftest import browser, pytest_collection_modifyitems
from tests.store.backends import pg_server

__all__ = ["browser", "pg_server", "pytest_collection_modifyitems"]
