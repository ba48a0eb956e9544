"""The deployment tests drive Chromium like the browser tests (the `browser` fixture of tests/conftest.py) and use
PostgreSQL like the store tests."""

from tests.browser.conftest import pytest_collection_modifyitems
from tests.store.backends import pg_server

__all__ = ["pg_server", "pytest_collection_modifyitems"]
