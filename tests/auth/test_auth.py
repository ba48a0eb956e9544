"""Password hashing, sign-in rate limits, signed session tokens, the trusted proxy header and roles."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from sq_layout.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from sq_layout.auth.proxy import ProxyConfig, proxy_user
from sq_layout.auth.ratelimit import SignInLimiter
from sq_layout.auth.roles import ACTIONS, allowed
from sq_layout.auth.tokens import load_secret, sign, verify


def test_argon2_hash_verifies_only_the_right_password() -> None:
    h = hash_password("correct horse battery")
    assert h.startswith("$argon2id$") and "correct" not in h
    assert verify_password(h, "correct horse battery")
    assert not verify_password(h, "correct horse batterY")
    assert not verify_password("not-a-hash", "anything")
    assert hash_password("same") != hash_password("same")  # salted
    assert not needs_rehash(h)


def test_password_rules() -> None:
    assert password_problem("short") == "password_too_short"
    assert password_problem(" padded-password ") == "password_whitespace"
    assert password_problem("long enough") is None


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limiter_locks_after_repeated_failures_and_releases_later() -> None:
    clock = Clock()
    lim = SignInLimiter(max_failures=3, window_s=60, lockout_s=120, clock=clock)
    for _ in range(2):
        lim.failed("Editor", "10.0.0.5")
    assert lim.retry_after("editor", "10.0.0.5") == 0
    lim.failed("editor", "10.0.0.5")
    assert lim.retry_after("editor", "10.0.0.9") == pytest.approx(120)  # the account is locked from anywhere
    assert lim.retry_after("other", "10.0.0.5") == pytest.approx(120)  # and the address for any account
    assert lim.retry_after("other", "10.0.0.9") == 0
    clock.now += 121
    assert lim.retry_after("editor", "10.0.0.5") == 0


def test_failures_outside_the_window_do_not_add_up() -> None:
    clock = Clock()
    lim = SignInLimiter(max_failures=3, window_s=60, lockout_s=120, clock=clock)
    for _ in range(5):
        lim.failed("editor", None)
        clock.now += 31  # never three within 60 s
    assert lim.retry_after("editor", None) == 0
    lim.failed("editor", None)
    lim.succeeded("editor", None)
    lim.failed("editor", None)
    assert lim.retry_after("editor", None) == 0


def test_tokens_are_signed_and_expire(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SQ_LAYOUT_SECRET", raising=False)
    key_file = tmp_path / "secret.key"
    key = load_secret(key_file)
    assert load_secret(key_file) == key and len(key) == 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    token = sign("张三", key, hours=1, now=0)
    session = verify(token, key, now=100)
    assert session is not None and session.user == "张三"
    assert verify(token, key, now=3601) is None  # expired
    assert verify(token, b"another key", now=100) is None
    _payload, mac = token.split(".")
    forged = sign("admin", b"guessed", hours=1, now=0).split(".")[0] + "." + mac
    assert verify(forged, key, now=100) is None
    for junk in (None, "", "abc", "a.b.c", "!!.??"):
        assert verify(junk, key) is None


def test_secret_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SQ_LAYOUT_SECRET", "from-env")
    assert load_secret(tmp_path / "unused.key") == b"from-env"
    assert not (tmp_path / "unused.key").exists()


def test_proxy_header_ignored_unless_configured_and_from_the_proxy() -> None:
    headers = {"X-Remote-User": "lisi"}
    assert proxy_user(headers, "127.0.0.1", ProxyConfig()) is None  # not configured
    assert proxy_user(headers, "127.0.0.1", ProxyConfig.from_env({"SQ_LAYOUT_PROXY_HEADER": "X-Remote-User"})) is None
    cfg = ProxyConfig.from_env({"SQ_LAYOUT_PROXY_HEADER": "X-Remote-User", "SQ_LAYOUT_PROXY_ADDRS": "10.1.0.0/24, ::1"})
    assert proxy_user(headers, "10.1.0.7", cfg) == "lisi"
    assert proxy_user({"x-remote-user": " lisi "}, "::1", cfg) == "lisi"
    assert proxy_user(headers, "10.2.0.7", cfg) is None  # not the proxy: a forged header
    assert proxy_user(headers, "not-an-ip", cfg) is None
    assert proxy_user({}, "10.1.0.7", cfg) is None


def test_roles() -> None:
    assert allowed(None, "view") and not allowed(None, "edit")
    assert allowed("editor", "edit") and not allowed("editor", "publish")
    assert all(allowed("admin", a) for a in ACTIONS)
    assert not allowed("unknown-role", "view")
