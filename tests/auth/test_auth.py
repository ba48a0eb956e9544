"""Password hashing, the trusted proxy header, the client address behind it, and roles."""

from __future__ import annotations

from sq_layout.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from sq_layout.auth.proxy import ProxyConfig, client_address, proxy_user
from sq_layout.auth.roles import ACTIONS, allowed


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


def test_client_address_from_forwarded_for_only_behind_a_configured_proxy() -> None:
    env = {"SQ_LAYOUT_PROXY_HEADER": "X-Remote-User", "SQ_LAYOUT_PROXY_ADDRS": "10.9.9.9, 127.0.0.1"}
    cfg = ProxyConfig.from_env(env)
    assert client_address("192.168.1.5", "10.9.9.9", cfg) == "192.168.1.5"  # not a proxy: the header is ignored
    assert client_address("10.9.9.9", "192.168.1.5", cfg) == "192.168.1.5"
    # a client's own X-Forwarded-For is left of what the proxy appends: the right-most untrusted hop counts
    assert client_address("127.0.0.1", "6.6.6.6, 192.168.1.5", cfg) == "192.168.1.5"
    assert client_address("127.0.0.1", "192.168.1.5, 10.9.9.9", cfg) == "192.168.1.5"
    assert client_address("127.0.0.1", "junk", cfg) == "127.0.0.1"
    assert client_address("127.0.0.1", None, cfg) == "127.0.0.1"
