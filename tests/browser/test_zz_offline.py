"""Runs last among the browser tests: no page of the app, in any test above, requested anything from another host."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_no_request_left_this_machine(page, app_url, external_requests):
    # one more plain load of each page, then the record of the whole session must be empty
    for path in ("", "audit", "investment"):
        page.goto(app_url + path)
        page.wait_for_timeout(4000)
    assert external_requests == []
