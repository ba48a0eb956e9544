"""Each page of the app, loaded plainly, requests nothing from another host (every browser test checks the same for
its own pages through the `page` fixture)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import map_frame, wait_idle, wait_until

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["", "audit", "investment"])
def test_no_request_leaves_this_machine(page: Page, app_url: str, external_requests: list[str], path: str) -> None:
    page.goto(app_url + path)
    if path in ("", "investment"):
        map_frame(page)  # the map, its scripts and its data have been fetched
    wait_until(page, lambda: page.locator("h1").count() > 0, timeout=60, what="the page")
    wait_idle(page)
    assert external_requests == []
