"""The first paint in Chromium: a fresh browser opening a map page sees its opening map drawn where the live map
will be, before Streamlit's frontend has loaded; the picture takes no clicks, lies exactly over the live map, and is
gone once the live map has drawn the same areas (and points)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import MAP_FRAME, wait_until

PREVIEW = "_sq/first-paint"
PAINTED = "() => !!(window.sqFirstPaint && window.sqFirstPaint.paintedAt)"
HANDED = "() => !!(window.sqFirstPaint && window.sqFirstPaint.handover)"
BOX = """() => { const b = document.getElementById('sq-first-paint'); if (!b) return null;
  const r = b.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }"""
LIVE_RECT = """() => { const f = document.querySelector('iframe[src*="ui.map_widget.sqmap"]');
  const r = f.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }"""
# what is under the middle of the live map once the picture is gone: the live map's own frame
UNDER = """(r) => { const e = document.elementFromPoint(r[0] + r[2] / 2, r[1] + r[3] / 2);
  return e && e.tagName === 'IFRAME' && e.src.includes('ui.map_widget.sqmap'); }"""


def _live_done(page: Page, points: bool) -> bool:
    frame = next((f for f in page.frames if MAP_FRAME in f.url), None)
    if frame is None:
        return False
    attrs: dict[str, Any] = frame.evaluate(
        "() => ({ready: document.body.getAttribute('data-sq-ready'),"
        " pts: document.body.getAttribute('data-sq-points')})"
    )
    return attrs["ready"] == "1" and (not points or bool(attrs["pts"]))


def _visit(browser: Browser, url: str, size: tuple[int, int], points: bool = False) -> Page:
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="zh-CN")
    page = ctx.new_page()
    page.goto(url)
    wait_until(page, lambda: _live_done(page, points), timeout=90, what="the live map drawn")
    return page


@pytest.mark.parametrize("size", [(1440, 900), (1366, 768), (1500, 1100)])
def test_a_fresh_browser_sees_the_opening_map_first_exactly_where_the_live_map_comes(
    browser: Browser, app_url: str, size: tuple[int, int]
) -> None:
    _visit(browser, app_url, size).context.close()  # a run of the opening view, recorded by the server
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="zh-CN")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    try:
        page.goto(app_url, wait_until="commit")
        page.wait_for_function(PAINTED, timeout=90_000, polling=20)
        preview = next(f for f in page.frames if PREVIEW in f.url)
        box = page.evaluate(BOX)
        assert box is not None, "the picture was gone before it could be seen"
        assert preview.locator("path.sq-area").count() == 9  # the nine areas, drawn before Streamlit's page is there
        assert page.evaluate("() => getComputedStyle(document.getElementById('sq-first-paint')).pointerEvents") == (
            "none"
        )
        page.wait_for_function(HANDED, timeout=90_000)
        assert page.evaluate("() => window.sqFirstPaint.handover") == "live"
        live = page.evaluate(LIVE_RECT)
        guess = page.evaluate(
            "() => { const r = window.sqFirstPaint.estimated; return [r.left, r.top, r.width, r.height]; }"
        )
        for got, want in zip(guess, live, strict=True):  # where it was drawn first is where the live map came
            assert abs(got - want) <= 2, (guess, live)
        assert page.evaluate(BOX) is None and not any(PREVIEW in f.url for f in page.frames)
        assert page.evaluate(UNDER, live)  # clicks reach the live map
        assert not [e for e in errors if "component" in e.lower() or "sq-layout" in e], errors
    finally:
        ctx.close()


def test_a_link_to_another_view_gets_no_picture_of_the_opening_one(browser: Browser, app_url: str) -> None:
    _visit(browser, app_url, (1440, 900)).context.close()
    page = _visit(browser, app_url + "?area=siyang", (1440, 900))
    try:
        assert page.evaluate("() => typeof window.sqFirstPaint") == "undefined"
    finally:
        page.context.close()


def test_the_investment_page_s_first_paint_draws_its_points(browser: Browser, app_url: str) -> None:
    url = app_url + "investment?lang=en"
    _visit(browser, url, (1440, 900), points=True).context.close()
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    try:
        page.goto(url, wait_until="commit")
        page.wait_for_function(PAINTED, timeout=90_000, polling=20)
        preview = next(f for f in page.frames if PREVIEW in f.url)
        assert preview.evaluate("() => document.body.getAttribute('data-sq-points')")  # its point set drawn
        page.wait_for_function(HANDED, timeout=90_000)
        assert page.evaluate("() => window.sqFirstPaint.handover") == "live"
        assert _live_done(page, points=True)  # handed over only once the live map has its points too
        live = page.evaluate(LIVE_RECT)
        guess = page.evaluate(
            "() => { const r = window.sqFirstPaint.estimated; return [r.left, r.top, r.width, r.height]; }"
        )
        assert all(abs(a - b) <= 2 for a, b in zip(guess, live, strict=True)), (guess, live)
    finally:
        ctx.close()
