"""PostgreSQL writes never wait forever: a second real connection holds a row lock, the save gives up after
lock_timeout with WorkspaceBusy and writes nothing; a write statement past statement_timeout likewise, reads not."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text

from sq_layout.errors import ConfigError, WorkspaceBusy
from sq_layout.i18n import t
from sq_layout.store import Workspace, drafts, open_workspace
from sq_layout.store.edits import RowChange, apply, records
from sq_layout.store.engine import LOCK_TIMEOUT_ENV, WRITE_TIMEOUT_ENV, make_engine
from sq_layout.store.users import add_user_cli


@pytest.fixture
def pg_ws(seeded_db_url: Callable[[str], str], monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Workspace, str]]:
    """A PostgreSQL workspace whose writes wait at most 0.5 s for a lock and run at most 1 s a statement."""
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.5")
    monkeypatch.setenv(WRITE_TIMEOUT_ENV, "1")
    url = seeded_db_url("postgresql")
    ws = open_workspace(url)
    add_user_cli(ws, "eve", "editor", None)
    yield ws, url
    ws.engine.dispose()


def test_a_write_behind_a_stuck_session_gives_up_and_writes_nothing(pg_ws: tuple[Workspace, str]) -> None:
    ws, url = pg_ws
    d = drafts.start_draft(ws, "eve", 1, "草案")
    chain = next(r for r in records(ws, d, "chains") if r["chain_no"] == 1)
    change = [RowChange("chains", int(chain["row_no"]), int(chain["rev"]), {"name": "新名称"})]
    stuck = create_engine(url)  # another session, without the app's timeouts
    try:
        with stuck.connect() as other:
            other.execute(text("SELECT rev FROM draft_state WHERE version_id = :d FOR UPDATE"), {"d": d})
            before = ws.checksum()  # reads do not wait for a row lock
            start = time.monotonic()
            with pytest.raises(WorkspaceBusy):
                apply(ws, "eve", d, change, "改名")
            assert time.monotonic() - start < 30  # it gave up instead of waiting for the stuck session
            other.rollback()
        assert ws.checksum() == before
        apply(ws, "eve", d, change, "改名")  # the lock released: the same change goes through on a pooled connection
        assert next(r for r in records(ws, d, "chains") if r["chain_no"] == 1)["name"] == "新名称"
    finally:
        stuck.dispose()
    assert "稍后重试" in t("workspace_busy", "zh") and "Try again" in t("workspace_busy", "en")


def test_a_long_write_statement_is_cut_short_but_not_a_read(pg_ws: tuple[Workspace, str]) -> None:
    ws, _url = pg_ws
    before = ws.checksum()
    with pytest.raises(WorkspaceBusy), ws.engine.begin() as conn:
        conn.execute(text("UPDATE plan_version SET note = 'x' WHERE pg_sleep(5) IS NOT NULL"))
    assert ws.checksum() == before
    with ws.engine.connect() as conn:
        assert conn.execute(text("SELECT pg_sleep(1.5) IS NULL")).scalar() is False  # a read past 1 s is not cut


@pytest.mark.parametrize("value", ["soon", "0", "-3", "nan"])
def test_an_unusable_timeout_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    from sq_layout.cli import main

    monkeypatch.setenv(LOCK_TIMEOUT_ENV, value)
    with pytest.raises(ConfigError) as caught:
        make_engine("postgresql+psycopg://app@127.0.0.1:1/none")
    assert LOCK_TIMEOUT_ENV in str(caught.value) and value in str(caught.value)
    for lang in ("zh", "en"):  # the command line says it in the reader's language
        assert main(["workspace", "list", "--lang", lang, "--db", "postgresql+psycopg://app@127.0.0.1:1/none"]) == 2
        said = caught.value.text(lang)
        assert capsys.readouterr().err == t("err_line", lang).format(msg=said) + "\n" and value in said
    assert "大于 0 的秒数" in caught.value.text("zh") and "seconds greater than 0" in caught.value.text("en")
