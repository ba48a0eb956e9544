"""Two app processes behind nginx on one PostgreSQL: headers, TLS, stickiness, and what one process does is what
the other shows (publish, sign-out), also when the process a browser was on dies."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import launch_app, map_frame, wait_idle, wait_until
from tests.deploy.cluster import Deployment, deployment, insecure

pytestmark = pytest.mark.browser
ADA = "ada-password-1\n"


@pytest.fixture(scope="module")
def dep(pg_server: str) -> Iterator[Deployment]:
    with deployment(pg_server, {"SQ_LAYOUT_PROXY_HEADER": "X-Remote-User", "SQ_LAYOUT_PROXY_ADDRS": "127.0.0.1"}) as d:
        made = d.cli("users", "add", "ada", "--role", "admin", "--password-stdin", stdin=ADA)  # the first account
        assert made.returncode == 0, made.stderr
        made = d.cli("users", "add", "eve", "--role", "editor", "--user", "ada", "--password-stdin",
                     stdin=ADA + "eve-password-1\n")  # fmt: skip
        assert made.returncode == 0, made.stderr
        yield d


def _shown_text(page: Page) -> str:
    """The page's text including what its pickers show (a selectbox shows its value in an input)."""
    values = page.evaluate("() => [...document.querySelectorAll('input')].map(i => i.value).join(' ')")
    return page.inner_text("body") + " " + str(values)


def test_headers_tls_and_redirect(dep: Deployment) -> None:
    with urllib.request.urlopen(dep.url, timeout=10, context=insecure()) as r:
        headers = r.headers
        assert r.status == 200
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert headers["X-Frame-Options"] == "SAMEORIGIN" and headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age" in headers["Strict-Transport-Security"]
    route = [c for c in headers.get_all("Set-Cookie") if c.startswith("sq_route=")]
    assert route and "HttpOnly" in route[0] and "Secure" in route[0] and "SameSite=Strict" in route[0]
    http_port = int((dep.folder / "site.conf").read_text().split("listen 127.0.0.1:")[1].split(";")[0])
    plain = f"http://127.0.0.1:{http_port}/"

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    with pytest.raises(urllib.error.HTTPError) as moved:
        urllib.request.build_opener(NoRedirect).open(plain, timeout=10)
    assert moved.value.code == 301 and moved.value.headers["Location"].startswith("https://")


def test_the_map_works_through_the_proxy_and_its_policy(dep: Deployment, browser: Browser) -> None:
    ctx = browser.new_context(ignore_https_errors=True, viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(dep.url)
    frame = map_frame(page)  # the WebSocket, the map frame and its scripts all came through nginx
    assert frame.locator("path.sq-area").count() == 9
    assert violations == []
    assert dep.served_by(), "the page went through nginx"
    ctx.close()


def test_a_forged_sign_on_header_is_replaced_by_the_proxy(dep: Deployment, browser: Browser) -> None:
    ctx = browser.new_context(ignore_https_errors=True, extra_http_headers={"X-Remote-User": "ada"})
    page = ctx.new_page()
    page.goto(dep.url + "edit")
    wait_idle(page)
    wait_until(page, lambda: page.locator("h1").count() > 0, what="the edit page")
    assert "ada" not in page.locator("[data-testid='stSidebar']").inner_text()
    ctx.close()


def test_published_on_one_process_is_shown_by_the_other(dep: Deployment, browser: Browser) -> None:
    pages = []
    for url in dep.app_urls():  # each browser on its own process, both having loaded the version list
        ctx = browser.new_context(viewport={"width": 1440, "height": 900})
        page = ctx.new_page()
        page.goto(url + "workspace")
        wait_idle(page)
        wait_until(page, lambda page=page: page.locator("h1").count() > 0, what="the workspace page")
        pages.append(page)
    title = "十五五 跨进程发布"
    drafted = dep.cli("workspace", "draft", "--title", title, "--user", "ada", "--password-stdin", stdin=ADA)
    assert drafted.returncode == 0, drafted.stderr
    draft = drafted.stdout.split()[-1] if drafted.stdout.strip() else ""
    published = dep.cli("workspace", "publish", draft, "--title", title, "--date", "2026-12-01", "--user", "ada",
                        "--password-stdin", stdin=ADA)  # fmt: skip
    assert published.returncode == 0, published.stderr
    for page, url in zip(pages, dep.app_urls(), strict=True):
        page.goto(url + "workspace")  # the same process: its caches must not hide the new version
        wait_until(page, lambda page=page: title in _shown_text(page), timeout=30, what="the new version")
        page.context.close()


def test_a_process_dies_mid_session_and_the_browser_carries_on_with_the_other(
    dep: Deployment, browser: Browser
) -> None:
    ctx = browser.new_context(ignore_https_errors=True, viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    page.goto(dep.url + "?chain=9")
    map_frame(page)
    wait_idle(page)
    first = dep.served_by()[-1]
    victim = next(url for url in dep.apps if f"{first}/" in url)
    dep.apps[victim].kill()  # as a crash would: no goodbye to the browser
    dep.apps[victim].wait(timeout=20)
    # Streamlit's frontend reconnects through nginx, which now sends the browser to the living process.
    wait_until(page, lambda: dep.served_by()[-1] != first, timeout=60, what="a request served by the other process")
    frame = map_frame(page)
    assert frame.locator("path.sq-area").count() == 9
    assert "chain=9" in page.url  # the view the user had is kept
    page.goto(dep.url + "workspace")
    wait_until(page, lambda: page.locator("h1").count() > 0, timeout=30, what="another page on the living process")
    assert first not in dep.served_by()[-1]
    ctx.close()
    port = int(victim.rstrip("/").rsplit(":", 1)[1])  # started again, as systemd's Restart=on-failure would
    dep.apps[victim] = launch_app(dep.env, "deploy-app-restarted.log", port=port)[0]


def test_signed_in_through_the_proxy_the_cookie_is_secure_and_sign_out_ends_it_on_every_process(
    dep: Deployment, browser: Browser
) -> None:
    from tests.browser.test_signin import SIGNED_IN, _session_cookie, _sign_in, _signed_in_as

    ctx = browser.new_context(ignore_https_errors=True, viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = ctx.new_page()
    _sign_in(page, dep.url, "eve", "eve-password-1")
    cookie = _session_cookie(ctx)
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"  # served over HTTPS
    # The same session seen by each process directly: signed in on both.
    copies = []
    for url in dep.app_urls():
        other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        host = url.split("//")[1].split(":")[0]
        other.add_cookies([{"name": "sq_session", "value": cookie["value"], "domain": host, "path": "/"}])
        copies.append((other, other.new_page(), url))
    for _, p, url in copies:
        assert _signed_in_as(p, url) == "eve"
    page.get_by_role("button", name="退出登录").click()
    wait_until(page, lambda: page.get_by_text(SIGNED_IN).count() == 0, timeout=30, what="signed out")
    for other, p, url in copies:
        assert _signed_in_as(p, url) is None  # the session ended in the database, so on every process
        other.close()
    ctx.close()
