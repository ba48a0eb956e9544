"""Server-side sessions, the slow-down after failed sign-ins and the audit log, on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from sq_layout.store import Workspace, open_workspace, sessions, users
from sq_layout.store.auth_tables import failures
from sq_layout.store.auth_tables import sessions as session_table
from tests.store.backends import BACKENDS


@pytest.fixture(params=BACKENDS)
def ws(request: pytest.FixtureRequest, seeded_db_url: Callable[[str], str]) -> Iterator[Workspace]:
    workspace = open_workspace(seeded_db_url(request.param))
    users.add_user_cli(workspace, "ada", "admin", "ada-password-1")
    users.add_user_cli(workspace, "eve", "editor", "eve-password-1")
    yield workspace
    workspace.engine.dispose()


def _signed_in(ws: Workspace, user: str, address: str = "10.0.0.1") -> str:
    sid = sessions.redeem_handoff(ws, sessions.start_handoff(ws, user, address), address)
    assert sid is not None
    return sid


def test_cookie_holds_a_random_id_the_table_only_its_hash(ws: Workspace) -> None:
    sid = _signed_in(ws, "eve")
    assert sessions.session_user(ws, sid) == "eve"
    with ws.engine.connect() as conn:
        stored = conn.execute(select(session_table.c.id_hash)).scalars().all()
    assert sid not in stored and len(stored) == 1 and len(stored[0]) == 64
    assert sessions.session_user(ws, stored[0]) is None  # the stored hash is no key
    assert sessions.session_user(ws, sid[:-1] + ("A" if sid[-1] != "A" else "B")) is None


def test_handoff_token_is_one_time_and_short_lived(ws: Workspace) -> None:
    token = sessions.start_handoff(ws, "eve", "10.0.0.1")
    assert sessions.session_user(ws, token) is None  # a hand-off token is not a session
    assert sessions.redeem_handoff(ws, token, "10.0.0.1") is not None
    assert sessions.redeem_handoff(ws, token, "10.0.0.1") is None  # spent
    late = sessions.start_handoff(ws, "eve", "10.0.0.1", clock=time.time() - sessions.HANDOFF_S - 1)
    assert sessions.redeem_handoff(ws, late, "10.0.0.1") is None


def test_sign_out_password_role_and_removal_end_sessions_everywhere(ws: Workspace) -> None:
    one, two, other = _signed_in(ws, "eve"), _signed_in(ws, "eve", "10.0.0.2"), _signed_in(ws, "ada")
    assert sessions.end_session(ws, one, "10.0.0.1") == "eve"
    assert sessions.session_user(ws, one) is None and sessions.session_user(ws, two) == "eve"
    users.set_password(ws, "eve", "eve-password-2", actor=None, cli=True)
    assert sessions.session_user(ws, two) is None and sessions.session_user(ws, other) == "ada"
    three = _signed_in(ws, "eve")
    users.set_role(ws, "eve", "viewer", actor="ada")
    assert sessions.session_user(ws, three) is None
    four = _signed_in(ws, "eve")
    users.remove_user(ws, "eve", actor="ada")
    assert sessions.session_user(ws, four) is None and sessions.session_user(ws, other) == "ada"
    events = [(e.event, e.user, e.actor) for e in sessions.audit_log(ws)]
    for expected in [
        ("signout", "eve", ""),
        ("password_changed", "eve", "command line"),
        ("role_changed", "eve", "ada"),
        ("user_removed", "eve", "ada"),
        ("signin", "ada", ""),
        ("user_added", "eve", "command line"),
    ]:
        assert expected in events
    assert next(e for e in sessions.audit_log(ws) if e.event == "role_changed").detail == "editor -> viewer"


def test_idle_and_absolute_expiry(ws: Workspace) -> None:
    now = time.time()
    sid = sessions.redeem_handoff(ws, sessions.start_handoff(ws, "eve", None, clock=now), None, clock=now)
    assert sessions.session_user(ws, sid, clock=now + sessions.IDLE_S - 5) == "eve"  # used: seen again
    assert sessions.session_user(ws, sid, clock=now + sessions.IDLE_S + 10) == "eve"  # idle counted from last use
    assert sessions.session_user(ws, sid, clock=now + 2 * sessions.IDLE_S + 10) is None  # idle too long
    sid = sessions.redeem_handoff(ws, sessions.start_handoff(ws, "eve", None, clock=now), None, clock=now)
    t = now
    while t < now + sessions.ABSOLUTE_S - sessions.IDLE_S / 2:
        t += sessions.IDLE_S / 2
        assert sessions.session_user(ws, sid, clock=t) == "eve"  # kept busy
    assert sessions.session_user(ws, sid, clock=now + sessions.ABSOLUTE_S + 1) is None  # and still ends


def test_failures_slow_down_that_address_not_the_account_elsewhere(ws: Workspace) -> None:
    t = time.time()
    for _ in range(sessions.FREE_PER_ACCOUNT - 1):
        assert users.authenticate(ws, "ada", "guess", "10.6.6.6", clock=t) == (None, 0.0)
    name, wait = users.authenticate(ws, "ada", "guess", "10.6.6.6", clock=t)
    assert name is None and wait == 1.0  # the third failure makes the next attempt wait
    name, wait = users.authenticate(ws, "ada", "ada-password-1", "10.6.6.6", clock=t + 0.5)
    assert name is None and wait == pytest.approx(0.5)  # not even checked while waiting
    assert users.authenticate(ws, "ada", "ada-password-1", "10.0.0.5", clock=t + 0.5) == ("ada", 0.0)  # her desk
    name, wait = users.authenticate(ws, "ada", "guess", "10.6.6.6", clock=t + 1.5)
    assert name is None and wait == 2.0  # the wait doubles
    assert users.authenticate(ws, "ada", "ada-password-1", "10.6.6.6", clock=t + 3.6) == ("ada", 0.0)
    with ws.engine.connect() as conn:
        assert sessions.retry_after(conn, "ada", "10.6.6.6", t + 3.6) == 0.0  # her success there clears it
    with ws.engine.connect() as conn:
        keys = conn.execute(select(failures.c.key)).scalars().all()
    assert all("ada" not in k for k in keys)  # names are kept hashed (a password typed as a name stays unreadable)
    events = [(e.event, e.user, e.address) for e in sessions.audit_log(ws)]
    assert ("signin_failed", "ada", "10.6.6.6") in events and ("slowed_down", "ada", "10.6.6.6") in events
    users.authenticate(ws, "ada-password-1", "x", "10.7.7.7")
    assert sessions.audit_log(ws, limit=1)[0].user == "(no such account)"


def test_waits_double_and_are_capped() -> None:
    free = sessions.FREE_PER_ACCOUNT
    assert [sessions.wait_after(n, free) for n in range(free + 4)] == [0.0] * free + [1.0, 2.0, 4.0, 8.0]
    assert sessions.wait_after(free + 40, free) == sessions.MAX_WAIT_S


def test_address_wide_limit_counts_every_account(ws: Workspace) -> None:
    with ws.engine.begin() as conn:
        t = time.time()
        for i in range(sessions.FREE_PER_ADDRESS):
            wait = sessions.record_failure(conn, f"user{i}", "10.8.8.8", t)
        assert wait == 1.0
        assert sessions.retry_after(conn, "someone-else", "10.8.8.8", t) == pytest.approx(1.0)
        assert sessions.retry_after(conn, "someone-else", "10.8.8.9", t) == 0.0
