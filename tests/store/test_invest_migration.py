"""Migration 0003 on a workspace that already holds data, and who may write investment records (both back ends)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, inspect, select, text

from sq_layout.auth.passwords import hash_password
from sq_layout.errors import PermissionDenied
from sq_layout.invest.repository import import_upload, plan_baseline
from sq_layout.invest.store_repository import StoreRepository
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace, open_workspace
from sq_layout.store import tables as t
from sq_layout.store.drafts import start_draft
from sq_layout.store.edit_tables import users
from sq_layout.store.engine import make_engine
from sq_layout.store.invest_store import auth_configured
from sq_layout.store.migrate import HEAD, SCRIPTS
from sq_layout.store.users import add_user_cli
from sq_layout.store.workspace_store import BASELINE_TITLE
from tests.store.backends import BACKENDS
from tests.store.test_invest_store import good_firms, same

INVEST_TABLES = {"inv_firms", "inv_projects", "inv_carriers", "inv_links", "inv_actuals", "inv_state"}
LOG_TABLES = {"change_set", "change_record"}  # since 0006 the one change log (inv_change_log before)


def migrate(engine: Engine, revision: str, down: bool = False) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def stored(engine: Engine, names: set[str]) -> dict[str, list[str]]:
    """The columns the named tables have in the database now (a later migration may add some)."""
    found = inspect(engine)
    return {name: [c["name"] for c in found.get_columns(name)] for name in names}


def digest(engine: Engine, names: set[str], columns: dict[str, list[str]] | None = None) -> str:
    """Every row of the named tables (those that exist at 0002; only the given columns), in key order."""
    h = hashlib.sha256()
    with engine.connect() as conn:
        for table in t.metadata.sorted_tables:
            if table.name in names:
                keys = list(table.primary_key.columns) or list(table.columns)
                cols = [table.c[c] for c in columns[table.name]] if columns else list(table.columns)
                for row in conn.execute(select(*cols).order_by(*keys)).all():
                    h.update(repr(tuple(getattr(v, "wkb", v) for v in row)).encode("utf-8"))
    return h.hexdigest()


def log_0002(conn: Connection, vid: int, user: str, action: str, summary: str, reason: str) -> int:
    """A history entry written into 0002's change log (one JSON list per change)."""
    values = dict(v=vid, u=user, a=action, s=summary, r=reason)
    conn.execute(text("INSERT INTO change_log (version_id, created, user_name, action, summary, reason, area_ids, "
                      "chain_nos, changes) VALUES (:v, '2026-01-01T00:00:00+00:00', :u, :a, :s, :r, '', '', '[]')"),
                 values)  # fmt: skip
    return 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_from_0002_with_data_present(
    backend: str, new_db_url: Callable[[str], str], ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The code of 0002's time made no snapshots (migration 0005 brought them): today's writer leaves them out here.
    monkeypatch.setattr("sq_layout.store.workspace_store.write_snapshot", lambda *a, **k: None)
    monkeypatch.setattr("sq_layout.store.workspace_store.snapshot_digest", lambda *a, **k: None)
    url = new_db_url(backend)
    engine = make_engine(url)
    migrate(engine, "0002")
    old = Workspace.__new__(Workspace)  # the workspace as 0002 left it, without upgrading it on open
    old.url, old.engine = url, engine
    with monkeypatch.context() as m:  # 0002's details had no quote (0010 added it): today's writer leaves it out
        m.setitem(t.RECORD_COLUMNS, "details", [c for c in t.RECORD_COLUMNS["details"] if c[0] != "quote"])
        base = old.save_dataset(ds, BASELINE_TITLE, kind="baseline", note="read-only")
        with engine.begin() as conn:  # an account as 0002 stored it (the audit log came with 0004)
            conn.execute(users.insert().values(name="eve", role="editor", password_hash=hash_password("eve-password"),
                                               created="2026-01-01T00:00:00+00:00"))  # fmt: skip
        m.setattr("sq_layout.store.drafts.log_event", log_0002)  # its history as 0002 stored it (0006 moved it)
        draft = start_draft(old, "eve", base, "草案")
    tables_0002 = set(inspect(engine).get_table_names()) - {"alembic_version"}
    assert not tables_0002 & INVEST_TABLES
    columns_0002 = stored(engine, tables_0002)
    before = digest(engine, tables_0002, columns_0002)

    ws = open_workspace(url)  # upgrades to the head
    with ws.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    assert set(inspect(ws.engine).get_table_names()) >= INVEST_TABLES | LOG_TABLES
    assert digest(ws.engine, tables_0002 - {"change_log"}, columns_0002) == before  # nothing that was there changed
    repo = StoreRepository(ws, draft, user="eve")
    baseline = plan_baseline(ws.load(draft))
    same(repo.load(), baseline)
    assert all(r.ok for r in import_upload(repo, ws.load(draft), "f.csv", good_firms(), "gcj02"))
    assert len(repo.load().firms) == len(baseline.firms) + 3 and repo.history()[0].user == "eve"

    migrate(ws.engine, "0002", down=True)  # the downgrade removes only what 0003 added
    assert not set(inspect(ws.engine).get_table_names()) & INVEST_TABLES
    assert digest(ws.engine, tables_0002, columns_0002) == before  # investment saves never touch the plan's tables
    migrate(ws.engine, "head")
    same(StoreRepository(ws, draft, user="eve").load(), baseline)  # back to the baseline
    ws.engine.dispose()
    engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def team(request: pytest.FixtureRequest, new_db_url: Callable[[str], str]) -> Iterator[Workspace]:
    """A workspace with an editor 'eve' and a viewer 'vic'."""
    ws = open_workspace(new_db_url(request.param))
    for name, role in (("eve", "editor"), ("vic", "viewer")):
        add_user_cli(ws, name, role, f"{name}-password")
    yield ws
    ws.engine.dispose()


@pytest.mark.parametrize("who", [None, "vic", "nobody"])
def test_writing_needs_an_editor_once_accounts_exist(team: Workspace, ds: Dataset, who: str | None) -> None:
    repo = StoreRepository(team, team.latest_id(), user=who, ds=ds)
    before = team.checksum()
    assert not repo.can_write()
    with pytest.raises(PermissionDenied):
        import_upload(repo, ds, "f.csv", good_firms(), "gcj02")
    assert team.checksum() == before


def test_an_editor_writes_and_is_named_in_the_history(team: Workspace, ds: Dataset) -> None:
    repo = StoreRepository(team, team.latest_id(), user="eve", ds=ds)
    assert repo.can_write()
    assert all(r.ok for r in import_upload(repo, ds, "f.csv", good_firms(), "gcj02"))
    (change,) = repo.history()
    assert change.user == "eve" and change.reason == "import f.csv"


def test_a_sign_on_proxy_alone_makes_writing_need_an_account(
    ws: Workspace, ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ws.engine.connect() as conn:
        assert not auth_configured(conn)  # no account yet: a single-user install writes as 'local'
        monkeypatch.setenv("SQ_LAYOUT_PROXY_HEADER", "X-Remote-User")
        monkeypatch.setenv("SQ_LAYOUT_PROXY_ADDRS", "127.0.0.1")
        assert auth_configured(conn)
    assert not StoreRepository(ws, ws.latest_id(), user=None, ds=ds).can_write()
