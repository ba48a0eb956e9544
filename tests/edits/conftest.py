"""Editing tests run on both back ends (the store tests' SQLite file and fresh PostGIS database)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from sq_layout.store import Workspace, open_workspace
from sq_layout.store.users import add_user_cli
from tests.store.backends import BACKENDS, new_db_url, pg_server, seeded_db_url

__all__ = ["new_db_url", "pg_server", "seeded_db_url"]


@dataclass(frozen=True)
class Team:
    """A workspace with one account per role and an open draft of the baseline."""

    ws: Workspace
    draft: int


@pytest.fixture(scope="module", params=BACKENDS)
def team(request: pytest.FixtureRequest, seeded_db_url: Callable[[str], str]) -> Iterator[Team]:
    """A fresh workspace with admin 'ada', editor 'eve', viewer 'vic' and a draft started by eve."""
    from sq_layout.store.drafts import start_draft

    ws = open_workspace(seeded_db_url(request.param))
    for name, role in (("ada", "admin"), ("eve", "editor"), ("vic", "viewer")):
        add_user_cli(ws, name, role, f"{name}-password")
    yield Team(ws, start_draft(ws, "eve", ws.latest_id(), "十五五 草案"))
    ws.engine.dispose()
