"""The Suqian map as a first-time user meets it: thematic opening view, labels that never overlap and stay readable,
a tooltip that gets out of the way, and a basemap that says when it cannot load."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Frame, Page

from sq_layout.i18n import Lang
from tests.browser.conftest import (
    MAP_FRAME,
    PAINTED,
    click_latlng,
    map_frame,
    map_still,
    rerun,
    unfold_answer,
    wait_idle,
    wait_until,
)

pytestmark = pytest.mark.browser

OVERLAPS = """() => {
  const r = [...document.querySelectorAll('.sq-label')].map(e => e.getBoundingClientRect());
  let n = 0;
  for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++)
    if (r[i].left < r[j].right && r[i].right > r[j].left && r[i].top < r[j].bottom && r[i].bottom > r[j].top) n++;
  return [r.length, n];
}"""


def _open(page: Page, url: str) -> Frame:
    """Open the app and wait for the map (the first visit also pays for the server's cold start)."""
    page.goto(url)
    wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), timeout=120, what="map iframe")
    return map_frame(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_opening_view_is_thematic_and_labels_never_overlap(page: Page, app_url: str, lang: Lang) -> None:
    frame = _open(page, app_url + f"?lang={lang}")
    wait_until(page, lambda: frame.evaluate("() => sqMap.info().restyles") >= 1, what="thematic view")
    assert frame.locator("path.sq-theme").count() == 9
    legend = page.locator(".sq-legend").inner_text()  # one legend, above the map
    assert ("各区域承载产业数" if lang == "zh" else "Industries per area") in legend
    assert frame.locator(".sq-map-legend:visible").count() == 0
    wait_until(page, lambda: frame.evaluate(OVERLAPS)[0] == 9, what="nine labels")
    assert frame.evaluate(OVERLAPS) == [9, 0]


def test_labels_turn_light_on_dark_fills(page: Page, app_url: str) -> None:
    # 机电装备's blue is a dark fill at host opacity: its hosts' labels turn light, the rest stay dark
    frame = _open(page, app_url + "?ind=electromech")
    wait_until(page, lambda: frame.locator("path.sq-host").count() > 0, what="hosts")
    wait_idle(page)
    map_still(frame)  # the labels are placed on the animation frame after the restyle
    js = """() => [...document.querySelectorAll('.sq-label')]
        .map(e => [e.dataset.area, e.classList.contains('sq-on-dark')])"""
    labels = frame.evaluate(js)
    assert labels
    dark = {a: frame.evaluate(f"() => sqMap.style('{a}').dark") for a, _ in labels}
    assert any(dark.values())
    for area, on_dark in labels:
        assert on_dark == dark[area], area


def test_tooltip_closes_on_click_and_small_zone_is_zoomed_to(page: Page, app_url: str) -> None:
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


def test_basemap_that_cannot_load_says_so(browser: Browser, app_url: str) -> None:
    ctx = browser.new_context(viewport={"width": 1500, "height": 1100})
    try:
        pg = ctx.new_page()
        pg.route("**/*", lambda r: r.abort() if "127.0.0.1" not in r.request.url else r.continue_())
        frame = _open(pg, app_url + "?base=osm")
        wait_until(pg, lambda: frame.evaluate("() => sqMap.info().tileError"), what="tile error noticed")
        assert "底图无法加载" in frame.locator(".sq-notice-warn").inner_text()
    finally:
        ctx.close()


# A tooltip Leaflet closed stays in the page, transparent, until its fade-out ends (then it is removed).
NO_TIP_FADING = "() => ![...document.querySelectorAll('.leaflet-tooltip')].some(e => e.style.opacity === '0')"


def _selected(frame: Frame) -> str | None:
    """The area the map shows selected."""
    area = frame.evaluate("() => sqMap.info().selected")
    return None if area is None else str(area)


def _click_area(page: Page, frame: Frame, area: str) -> None:
    click_latlng(page, frame, *frame.evaluate(f"() => sqMap.center('{area}')"))


def test_a_click_on_the_selected_area_clears_it_wherever_it_lands(page: Page, app_url: str) -> None:
    frame = _open(page, app_url)
    lat, lng = frame.evaluate("() => sqMap.center('shuyang')")
    click_latlng(page, frame, lat, lng)
    wait_until(page, lambda: _selected(frame) == "shuyang", what="shuyang selected")
    wait_idle(page)
    click_latlng(page, frame, lat, lng)  # the same spot again: clears
    wait_until(page, lambda: _selected(frame) is None, what="cleared by a second click at the same spot")
    wait_until(page, lambda: "area=" not in page.url, what="area gone from the URL")
    wait_idle(page)
    click_latlng(page, frame, lat, lng)  # the spot of the area just cleared: selects it again
    wait_until(page, lambda: _selected(frame) == "shuyang", what="selected again at the same spot")
    wait_idle(page)
    # a double-click on another area zooms in and picks it once (its second click does not clear it again)
    lat, lng = frame.evaluate("() => sqMap.center('siyang')")
    pt = frame.evaluate(f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
    zoom = frame.evaluate("() => map_div.getZoom()")
    frame.locator("#map_div").dblclick(position={"x": pt[0], "y": pt[1]})
    wait_until(page, lambda: _selected(frame) == "siyang", what="siyang picked by a double-click")
    wait_until(page, lambda: frame.evaluate("() => map_div.getZoom()") > zoom, what="zoomed in")
    wait_idle(page)
    assert _selected(frame) == "siyang"


def _history(page: Page) -> int:
    return int(page.evaluate("() => history.length"))


def test_back_and_forward_restore_each_view_and_reruns_add_no_entry(page: Page, app_url: str) -> None:
    frame = _open(page, app_url)
    wait_idle(page)
    start = _history(page)
    _click_area(page, frame, "shuyang")
    wait_until(page, lambda: "area=shuyang" in page.url, what="first area in the URL")
    wait_idle(page)
    _click_area(page, frame, "siyang")
    wait_until(page, lambda: "area=siyang" in page.url, what="second area in the URL")
    wait_idle(page)
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="重点产业链")
    box.locator("input").click()
    box.locator("input").fill("酿造")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_until(page, lambda: "chain=9" in page.url, what="filter in the URL")
    wait_idle(page)
    assert _history(page) == start + 3  # one entry per view: two areas and a filter
    # reruns that change no view add no entry: opening the sources, switching the language
    with rerun(page):
        page.get_by_text("依据：产业、特色产品与规划原文").click()
    page.locator('[data-testid="stRadio"]').filter(has_text="English").get_by_text("English").click()
    wait_until(page, lambda: "lang=en" in page.url, what="English in the URL")
    wait_idle(page)
    assert _history(page) == start + 3

    def shows(area: str | None, chain: bool) -> bool:
        url_ok = (f"area={area}" in page.url if area else "area=" not in page.url) and ("chain=9" in page.url) == chain
        return url_ok and _selected(frame) == area and (frame.locator("path.sq-host").count() > 0) == chain

    page.go_back()
    wait_until(page, lambda: shows("siyang", False), what="Back: the second area, no filter")
    wait_idle(page)
    assert shows("siyang", False) and "lang=en" in page.url  # not rewritten by the rerun; the language stays
    page.go_back()
    wait_until(page, lambda: shows("shuyang", False), what="Back: the first area")
    page.go_back()
    wait_until(page, lambda: shows(None, False), what="Back: the opening view")
    wait_idle(page)
    page.go_forward()
    wait_until(page, lambda: shows("shuyang", False), what="Forward: the first area")
    page.go_forward()
    page.go_forward()
    wait_until(page, lambda: shows("siyang", True), what="Forward: the second area with the filter")
    wait_idle(page)
    assert shows("siyang", True) and _history(page) == start + 3


def test_tooltip_stays_off_the_selection_and_inside_the_map(page: Page, app_url: str) -> None:
    frame = _open(page, app_url + "?area=siyang")
    wait_until(page, lambda: _selected(frame) == "siyang", what="siyang selected")
    wait_idle(page)
    map_still(frame)  # zoomed to the selection: the positions below are final
    box = frame.evaluate("() => document.querySelector('path.sq-selected-siyang').getBoundingClientRect().toJSON()")
    size = frame.evaluate("() => { const s = map_div.getSize(); return [s.x, s.y]; }")
    # hovering the selected area shows no tooltip (the panel answers); hovering its neighbours, one beside it
    lat, lng = frame.evaluate("() => sqMap.center('siyang')")
    pt = frame.evaluate(f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
    frame.locator("#map_div").hover(position={"x": pt[0], "y": pt[1]})
    frame.evaluate(PAINTED)  # the hover's events handled and drawn
    frame.wait_for_function(NO_TIP_FADING)
    assert frame.locator(".leaflet-tooltip:visible").count() == 0
    tip = frame.locator(".leaflet-tooltip")
    for area in ("sucheng", "shuyang", "sihong"):
        lat, lng = frame.evaluate(f"() => sqMap.center('{area}')")
        pt = frame.evaluate(f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
        frame.locator("#map_div").hover(position={"x": pt[0] + 3, "y": pt[1] + 3})
        wait_until(page, lambda: tip.count() == 1 and tip.is_visible(), what=f"tooltip over {area}")
        r = tip.evaluate("e => e.getBoundingClientRect().toJSON()")
        assert r["left"] >= 0 and r["top"] >= 0 and r["right"] <= size[0] and r["bottom"] <= size[1], (area, r)
        covers = r["left"] < box["right"] and r["right"] > box["left"] and r["top"] < box["bottom"]
        assert not (covers and r["bottom"] > box["top"]), (area, r, box)


SYMBOLS_JS = """() => {
  const map = document.getElementById('map_div').getBoundingClientRect();
  const cv = document.querySelector('canvas.sq-points'), cr = cv.getBoundingClientRect();
  const ratio = cv.width / cr.width, ctx = cv.getContext('2d');
  const names = [...document.querySelectorAll('.sq-label')].map(e => e.getBoundingClientRect()).map(r =>
    ({l: r.left - map.left, t: r.top - map.top, r: r.right - map.left, b: r.bottom - map.top}));
  const symbols = sqPts.symbols().map(s => {
    const px = ctx.getImageData(Math.round((s.x + map.left - cr.left) * ratio),
      Math.round((s.y + map.top - cr.top) * ratio), 1, 1).data;
    return {...s, alpha: px[3]};
  });
  const z = name => +getComputedStyle(document.querySelector('.leaflet-' + name + '-pane')).zIndex;
  return {symbols, names, namesAbove: z('sqLabels') > z('sqpoints')};
}"""


def test_plan_firms_and_parks_are_visible_symbols_clear_of_the_area_names(page: Page, app_url: str) -> None:
    from sq_layout.invest.repository import plan_baseline
    from sq_layout.plan.dataset import bundled

    page.goto(app_url + "investment")
    wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), timeout=120, what="map iframe")
    frame = map_frame(page)
    wait_until(page, lambda: frame.evaluate("() => !!(window.sqPts && sqPts.info().ready)"), what="points drawn")
    wait_idle(page)
    base = plan_baseline(bundled())
    wait_until(page, lambda: len(frame.evaluate(SYMBOLS_JS)["symbols"]) > 0, what="symbols")
    seen = frame.evaluate(SYMBOLS_JS)
    symbols, names = seen["symbols"], seen["names"]
    assert len(symbols) == len(base.firms) + len(base.projects) + len(base.carriers)
    assert seen["namesAbove"]  # a cluster or a symbol never hides an area's name
    firms_parks = [s for s in symbols if s["kind"] in (0, 2)]
    assert {s["kind"] for s in firms_parks} == {0, 2}  # firm circles and park squares
    for s in firms_parks:
        assert s["r"] >= 5 and s["alpha"] > 200, s  # big enough and opaque where it is drawn, not a faint dot
        box = (s["x"] - s["r"], s["y"] - s["r"], s["x"] + s["r"], s["y"] + s["r"])
        for n in names:
            assert not (box[0] < n["r"] and box[2] > n["l"] and box[1] < n["b"] and box[3] > n["t"]), (s, n)
    for i, a in enumerate(firms_parks):  # fanned out: none drawn on top of another
        for b in firms_parks[i + 1 :]:
            assert abs(a["x"] - b["x"]) >= a["r"] + b["r"] - 1 or abs(a["y"] - b["y"]) >= a["r"] + b["r"] - 1, (a, b)
    legend = page.locator(".sq-legend").last.inner_text()
    assert all(k in legend for k in ("企业", "项目", "载体园区", "近似位置"))


def test_map_frame_keeps_its_place_metric_scale_and_reference_outlines(page: Page, app_url: str) -> None:
    frame = _open(page, app_url + "?area=sihong")
    wait_until(page, lambda: _selected(frame) == "sihong", what="sihong selected")
    # the scale bar: one line, in metres or kilometres (no miles or feet)
    scale = frame.locator(".leaflet-control-scale-line")
    assert scale.count() == 1 and re.fullmatch(r"\d+ k?m", scale.inner_text().strip()), scale.all_inner_texts()
    # a link in the attribution opens a new tab and the map frame stays where it is (offline it would be an error page)
    here = frame.url
    target = app_url + "?from=attribution"
    frame.evaluate(
        f"""() => {{ const a = document.createElement('a'); a.href = {target!r}; a.textContent = 'source';
        a.id = 'sq-test-link'; map_div.attributionControl.getContainer().appendChild(a); }}"""
    )
    with page.context.expect_page() as opened:
        frame.locator("#sq-test-link").click()
    assert opened.value.url.startswith(target) or opened.value.url == "about:blank"
    opened.value.close()
    assert frame.url == here and not frame.is_detached() and frame.locator("path.sq-area").count() == 9
    # a county outline converted from Amap data says so, in the card and the tooltip: not 官方边界
    unfold_answer(page)
    card = page.locator(".st-key-sq-answer").inner_text()
    assert "参考边界" in card and "官方边界" not in card
    lat, lng = frame.evaluate("() => sqMap.center('shuyang')")
    pt = frame.evaluate(f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
    frame.locator("#map_div").hover(position={"x": pt[0], "y": pt[1]})
    tip = frame.locator(".leaflet-tooltip")
    wait_until(page, lambda: tip.count() == 1 and tip.is_visible(), what="tooltip over shuyang")
    assert "官方边界" not in tip.inner_text() and "官方边界" not in page.locator(".sq-legend").inner_text()


@pytest.mark.parametrize(("path", "title"), [("workspace", "Workspace"), ("boundaries", "Import boundaries"),
                                             ("edit", "Edit")])  # fmt: skip
def test_english_stays_in_the_url_on_every_page_and_after_a_reload(
    page: Page, app_url: str, path: str, title: str
) -> None:
    _open(page, app_url + "?lang=en")
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
    heading = page.locator('[data-testid="stMain"] h1')
    wait_until(page, lambda: f"/{path}" in page.url and heading.count() > 0, 60, f"the {path} page")
    wait_until(page, lambda: "lang=en" in page.url, what="lang=en in the URL")
    assert heading.first.inner_text().strip().startswith(title)
    page.reload()  # F5: still English
    wait_until(page, lambda: heading.count() > 0, 60, f"the {path} page again")
    assert "lang=en" in page.url and heading.first.inner_text().strip().startswith(title)
