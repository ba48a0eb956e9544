"""Store tests run on both back ends."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from sq_layout.store import Workspace, open_workspace
from tests.store.backends import BACKENDS, new_db_url, pg_server, seeded_db_url

__all__ = ["new_db_url", "pg_server", "seeded_db_url"]


@pytest.fixture(scope="module", params=BACKENDS)
def ws(request: pytest.FixtureRequest, seeded_db_url: Callable[[str], str]) -> Iterator[Workspace]:
    """A freshly created workspace (baseline seeded) on each back end, shared by a module's tests."""
    workspace = open_workspace(seeded_db_url(request.param))
    yield workspace
    workspace.engine.dispose()
