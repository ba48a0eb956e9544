"""Migration 0010 on a workspace that already holds versions (both back ends): the details gain their quote, filled
from each version's plan text, and the published versions' snapshots are made again with it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import inspect, select

from sq_layout.plan.dataset import bundled
from sq_layout.store import open_workspace
from sq_layout.store.engine import make_engine
from sq_layout.store.snapshot import snapshots
from tests.store.backends import BACKENDS
from tests.store.test_invest_migration import migrate


@pytest.mark.parametrize("backend", BACKENDS)
def test_0010_quotes_the_details_of_stored_versions(backend: str, seeded_db_url: Callable[[str], str]) -> None:
    url = seeded_db_url(backend)
    engine = make_engine(url)
    try:
        migrate(engine, "0009", down=True)  # the workspace as it was before: no quote, a snapshot without one
        assert "quote" not in {c["name"] for c in inspect(engine).get_columns("rec_details")}
        migrate(engine, "0010")
        with engine.connect() as conn:
            assert conn.execute(select(snapshots.c.version_id)).all() == []  # made again at the next load
    finally:
        engine.dispose()
    ws = open_workspace(url)
    try:
        assert ws.load(1).details["quote"].tolist() == bundled().details["quote"].tolist()
        with ws.engine.connect() as conn:
            assert conn.execute(select(snapshots.c.version_id)).scalars().all() == [1]
        ws.forget_loaded()
        assert ws.load(1).details["quote"].tolist() == bundled().details["quote"].tolist()  # from the new snapshot
    finally:
        ws.engine.dispose()
