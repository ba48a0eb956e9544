"""The Suqian map as a first-time user meets it: thematic opening view, labels that never overlap and stay readable,
a tooltip that gets out of the way, and a basemap that says when it cannot load."""

from __future__ import annotations

import pytest

from tests.browser.conftest import MAP_FRAME, click_latlng, map_frame, wait_until

pytestmark = pytest.mark.browser

OVERLAPS = """() => {
  const r = [...document.querySelectorAll('.sq-label')].map(e => e.getBoundingClientRect());
  let n = 0;
  for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++)
    if (r[i].left < r[j].right && r[i].right > r[j].left && r[i].top < r[j].bottom && r[i].bottom > r[j].top) n++;
  return [r.length, n];
}"""


def _open(page, url: str):
    """Open the app and wait for the map (the first visit also pays for the server's cold start)."""
    page.goto(url)
    wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), timeout=120, what="map iframe")
    return map_frame(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_opening_view_is_thematic_and_labels_never_overlap(page, app_url, lang):
    frame = _open(page, app_url + f"?lang={lang}")
    wait_until(page, lambda: frame.evaluate("() => sqMap.info().restyles") >= 1, what="thematic view")
    assert frame.locator("path.sq-theme").count() == 9
    legend = page.locator(".sq-legend").inner_text()  # one legend, above the map
    assert ("各区域承载产业数" if lang == "zh" else "Industries per area") in legend
    assert frame.locator(".sq-map-legend:visible").count() == 0
    wait_until(page, lambda: frame.evaluate(OVERLAPS)[0] == 9, what="nine labels")
    assert frame.evaluate(OVERLAPS) == [9, 0]


def test_labels_turn_light_on_dark_fills(page, app_url):
    # 机电装备's blue is a dark fill at host opacity: its hosts' labels turn light, the rest stay dark
    frame = _open(page, app_url + "?ind=electromech")
    wait_until(page, lambda: frame.locator("path.sq-host").count() > 0, what="hosts")
    page.wait_for_timeout(500)
    js = """() => [...document.querySelectorAll('.sq-label')]
        .map(e => [e.dataset.area, e.classList.contains('sq-on-dark')])"""
    labels = frame.evaluate(js)
    assert labels
    dark = {a: frame.evaluate(f"() => sqMap.style('{a}').dark") for a, _ in labels}
    assert any(dark.values())
    for area, on_dark in labels:
        assert on_dark == dark[area], area


def test_tooltip_closes_on_click_and_small_zone_is_zoomed_to(page, app_url):
    frame = _open(page, app_url)
    lat, lng = frame.evaluate("() => sqMap.center('susu')")
    pt = frame.evaluate(f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
    frame.locator("#map_div").hover(position={"x": pt[0], "y": pt[1]})
    wait_until(page, lambda: frame.locator(".leaflet-tooltip").count() == 1, what="tooltip on hover")
    zoom0 = frame.evaluate("() => map_div.getZoom()")
    click_latlng(page, frame, lat, lng)
    wait_until(page, lambda: frame.locator("path.sq-selected-susu").count() == 1, what="zone selected")
    assert frame.locator(".leaflet-tooltip").count() == 0
    wait_until(page, lambda: frame.evaluate("() => map_div.getZoom()") > zoom0, what="zoomed to the small zone")


def test_basemap_that_cannot_load_says_so(browser, app_url):
    ctx = browser.new_context(viewport={"width": 1500, "height": 1100})
    try:
        pg = ctx.new_page()
        pg.route("**/*", lambda r: r.abort() if "127.0.0.1" not in r.request.url else r.continue_())
        frame = _open(pg, app_url + "?base=osm")
        wait_until(pg, lambda: frame.evaluate("() => sqMap.info().tileError"), what="tile error noticed")
        assert "底图无法加载" in frame.locator(".sq-notice-warn").inner_text()
    finally:
        ctx.close()
