"""Sign-in in headless Chromium: the session cookie is HttpOnly and SameSite=Strict, a copied cookie stops working
after sign-out in another browser and after `users passwd`; the proxy header counts only from a configured proxy
decided by the TCP peer (a spoofed X-Forwarded-For is refused, a proxy on this host works)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, BrowserContext, Cookie, Page

from tests.browser.conftest import ROOT, rerun, serve_app, wait_until

if TYPE_CHECKING:
    from playwright._impl._api_structures import SetCookieParam  # add_cookies' item type; sync_api does not export it

pytestmark = pytest.mark.browser

SIGNED_IN = "已登录："


def _workspace_with_accounts() -> str:
    """A fresh workspace with an admin and an editor, made through the CLI (passwords on standard input)."""
    url = f"sqlite:///{tempfile.mkdtemp(prefix='sq_si_')}/workspace.sqlite"
    env = {**os.environ, "SQ_LAYOUT_DB": url}
    for name, role in (("ada", "admin"), ("eve", "editor")):
        cmd = [sys.executable, "-m", "sq_layout", "users", "add", name, "--role", role, "--password-stdin"]
        subprocess.run(cmd, input=f"{name}-password-1\n", text=True, cwd=ROOT, env=env, check=True, timeout=120)
    return url


@pytest.fixture(scope="module")
def signin_app() -> Iterator[tuple[str, str]]:
    """The app on a workspace with an admin and an editor; its URL and the workspace's."""
    url = _workspace_with_accounts()
    with serve_app({"SQ_LAYOUT_DB": url}, "streamlit-signin.log") as base:
        yield base, url


def _context(browser: Browser, headers: dict[str, str] | None = None) -> BrowserContext:
    """A fresh browser (its own cookies), sending the given extra headers with every request."""
    return browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN", extra_http_headers=headers)


def _open_edit(page: Page, base: str) -> None:
    page.goto(base + "edit")
    wait_until(page, lambda: page.get_by_text("浏览无需登录").count() + page.get_by_text(SIGNED_IN).count() > 0,
               timeout=60, what="edit page sidebar")  # fmt: skip


def _signed_in_as(page: Page, base: str) -> str | None:
    _open_edit(page, base)
    box = page.get_by_text(SIGNED_IN)
    return box.first.inner_text().split("：", 1)[1].split("（")[0] if box.count() else None


def _sign_in(page: Page, base: str, name: str, password: str) -> None:
    _open_edit(page, base)
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    wait_until(page, lambda: page.get_by_text(f"{SIGNED_IN}{name}").count() > 0, timeout=30, what="signed in")


def _session_cookie(ctx: BrowserContext) -> Cookie:
    """The browser's sq_session cookie."""
    return next(c for c in ctx.cookies() if c["name"] == "sq_session")


def _copy(cookie: Cookie) -> SetCookieParam:
    """The cookie as another browser would be given a copy of it: name, value, domain and path."""
    return {"name": cookie["name"], "value": cookie["value"], "domain": cookie["domain"], "path": cookie["path"]}


def test_cookie_is_httponly_and_a_copy_ends_with_sign_out_and_passwd(
    browser: Browser, signin_app: tuple[str, str]
) -> None:
    base, db = signin_app
    a = _context(browser)
    pa = a.new_page()
    _sign_in(pa, base, "eve", "eve-password-1")
    cookie = _session_cookie(a)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and not cookie["secure"]  # served over plain HTTP
    assert "sq_session" not in pa.evaluate("document.cookie")  # no script on the page can read it
    assert "eve-password" not in cookie["value"] and len(cookie["value"]) >= 40

    b = _context(browser)  # another browser holding a copy of the cookie
    b.add_cookies([_copy(cookie)])
    pb = b.new_page()
    assert _signed_in_as(pb, base) == "eve"

    pa.get_by_role("button", name="退出登录").click()
    wait_until(pa, lambda: pa.get_by_text("浏览无需登录").count() > 0, timeout=30, what="signed out")
    wait_until(pa, lambda: not any(c["name"] == "sq_session" for c in a.cookies()), what="cookie cleared")
    assert _signed_in_as(pb, base) is None  # the copy ended with the sign-out elsewhere

    _sign_in(pa, base, "eve", "eve-password-1")
    c = _context(browser)
    c.add_cookies([_copy(_session_cookie(a))])
    pc = c.new_page()
    assert _signed_in_as(pc, base) == "eve"
    env = {**os.environ, "SQ_LAYOUT_DB": db}
    cmd = [sys.executable, "-m", "sq_layout", "users", "passwd", "eve", "--password-stdin"]
    subprocess.run(cmd, input="eve-password-2\n", text=True, cwd=ROOT, env=env, check=True, timeout=60)
    assert _signed_in_as(pc, base) is None  # a password change ends every session of the account
    assert _signed_in_as(pa, base) is None
    for ctx in (a, b, c):
        ctx.close()


def test_signing_in_comes_back_to_the_same_page_language_and_view(
    browser: Browser, signin_app: tuple[str, str]
) -> None:
    """An English reader signing in from the investment page's Target firms view is sent back to it, in English (the
    return path once dropped the query: the Chinese map view came back)."""
    base, db = signin_app
    # an account of its own: the cookie test changes eve's password
    cmd = [sys.executable, "-m", "sq_layout", "users", "add", "ivy", "--role", "editor", "--password-stdin"]
    env = {**os.environ, "SQ_LAYOUT_DB": db}
    subprocess.run(cmd, input="ivy-password-1\n", text=True, cwd=ROOT, env=env, check=True, timeout=120)
    ctx = _context(browser)
    page = ctx.new_page()
    page.goto(base + "investment?lang=en&tab=prospects")
    signin = page.locator("summary").filter(has_text="Sign in to save")
    wait_until(page, lambda: signin.count() > 0, timeout=60, what="the target firms view's sign-in")
    signin.first.click()
    page.get_by_label("User name").fill("ivy")
    page.get_by_label("Password", exact=True).fill("ivy-password-1")
    page.get_by_role("button", name="Sign in").click()
    wait_until(page, lambda: page.get_by_text("Add a target firm").count() > 0, timeout=60, what="back, signed in")
    assert "lang=en" in page.url and "tab=prospects" in page.url
    ctx.close()


def test_wrong_passwords_slow_down_that_address(browser: Browser, signin_app: tuple[str, str]) -> None:
    # the last test on this server to sign in: from here on its address (127.0.0.1) is slowed down
    base, _ = signin_app
    ctx = _context(browser)
    page = ctx.new_page()
    _open_edit(page, base)
    slowed = page.get_by_text("秒后再试")
    for _ in range(6):  # three failures are free; the third already makes the next attempt wait
        page.get_by_label("用户名").fill("ada")
        page.get_by_label("密码").fill("not-her-password")
        with rerun(page):
            page.get_by_role("button", name="登录").click()
        if slowed.count():
            break
    assert slowed.count() > 0  # slowed down, told how long to wait
    ctx.close()


@pytest.fixture(scope="module")
def proxied_apps() -> Iterator[tuple[str, str]]:
    """The app trusting a proxy at 10.9.9.9 (not this host), and one trusting a proxy on this host."""
    url = _workspace_with_accounts()
    env = {"SQ_LAYOUT_DB": url, "SQ_LAYOUT_PROXY_HEADER": "X-Remote-User"}
    with (
        serve_app({**env, "SQ_LAYOUT_PROXY_ADDRS": "10.9.9.9"}, "streamlit-proxy-far.log") as far,
        serve_app({**env, "SQ_LAYOUT_PROXY_ADDRS": "127.0.0.1"}, "streamlit-proxy-local.log") as local,
    ):
        yield far, local


def test_proxy_header_trusted_only_from_the_tcp_peer(browser: Browser, proxied_apps: tuple[str, str]) -> None:
    far, local = proxied_apps
    spoof = _context(browser, {"X-Forwarded-For": "10.9.9.9", "X-Remote-User": "ada"})
    assert _signed_in_as(spoof.new_page(), far) is None  # a local client claiming to be the proxy
    spoof.close()
    proxy = _context(browser, {"X-Forwarded-For": "10.1.2.3", "X-Remote-User": "ada"})
    page = proxy.new_page()
    assert _signed_in_as(page, local) == "ada"  # the proxy on this host names the user
    assert page.get_by_text("由单点登录代理识别").count() > 0
    proxy.close()
