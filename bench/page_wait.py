"""Waiting on a page in the browser benches: check a condition often, letting Playwright handle its events between."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

# the page's own picture of its opening map (ui/first_paint.py) painted: static/firstpaint.js notes when, two
# animation frames after its frame has drawn the areas (and points)
FIRST_PAINTED = "() => !!(window.sqFirstPaint && window.sqFirstPaint.paintedAt)"


def poll(page: Any, check: Callable[[], object], timeout: float, what: str, detail: Callable[[], object] = str) -> None:
    """Check every ~10 ms until true or timeout; on timeout the error names `what` and what `detail()` tells."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if check():
                return
        except Exception:  # a frame may go or come mid-check
            pass
        page.wait_for_timeout(10)
    raise AssertionError(f"timed out waiting for {what}{detail()}")


def goto_when_up(page: Any, url: str, attempt_ms: float = 3000) -> None:
    """Open url once the server answers (a server just spawned refuses connections for a while)."""
    while True:
        try:
            page.goto(url, timeout=attempt_ms)
            return
        except Exception:  # not up yet: connection refused or the page not served in time
            page.wait_for_timeout(100)
