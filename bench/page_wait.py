"""Waiting on a page in the browser benches: check a condition often, letting Playwright handle its events between."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

# the page's own picture of its opening map (ui/first_paint.py) painted: static/firstpaint.js notes when, two
# animation frames after its frame has drawn the areas (and points)
FIRST_PAINTED = "() => !!(window.sqFirstPaint && window.sqFirstPaint.paintedAt)"

# Each side's paint timed by its own page's clock from the navigation's start (not when a poll from this process got
# an answer: the explorer's page is busy running Streamlit's scripts, which would delay the answer, not the paint).
# A mark two animation frames after what the side draws is on the page; in the live map's frame (same origin), read
# against the page's clock. The first paint notes its own (static/firstpaint.js: window.sqFirstPaint.paintedAt).
PAINT_MARK = """(rule) => {
  if (window !== window.top) { return; }
  const seen = (win) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => {
    if (window.__sqPaint === undefined) { window.__sqPaint = performance.now(); }
  }));
  const watch = (doc, win, test) => {
    const obs = new win.MutationObserver(() => { if (test(doc)) { obs.disconnect(); seen(win); } });
    obs.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-sq-ready'] });
    if (test(doc)) { obs.disconnect(); seen(win); }
  };
  const nine = (d) => d.querySelectorAll('path.leaflet-interactive').length >= 9;
  if (rule === 'explore') { watch(document, window, nine); }
  if (rule === 'bare') { watch(document, window, (d) => !!d.querySelector('[data-testid="stMultiSelect"]')); }
  if (rule === 'live') { // the map frame's own document, once it is there (same origin)
    const find = setInterval(() => {
      const f = document.querySelector('iframe[src*="map_widget.sqmap"]');
      const d = f && f.contentDocument;
      if (d && d.body && d.URL.includes('map_widget.sqmap')) {
        clearInterval(find);
        watch(d, f.contentWindow, (x) => x.body.getAttribute('data-sq-ready') === '1');
      }
    }, 5);
  }
}"""


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


def paint_mark(page: Any, timeout: float, what: str) -> float:
    """Seconds from the navigation's start to the mark PAINT_MARK left (waiting for it), by the page's clock."""
    poll(page, lambda: page.evaluate("() => window.__sqPaint !== undefined"), timeout, what)
    return float(page.evaluate("() => window.__sqPaint")) / 1000


def first_paint_at(page: Any) -> float | None:
    """Seconds from the navigation's start to the first paint, by the page's clock; None if it had none."""
    at = page.evaluate(f"() => ({FIRST_PAINTED})() ? window.sqFirstPaint.paintedAt : null")
    return None if at is None else float(at) / 1000
