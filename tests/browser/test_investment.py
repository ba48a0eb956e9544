"""The investment map as a user drives it: demo data, filter to a chain and link, click a point, export gaps."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Frame, Page

from sq_layout.invest.demo import demo_data
from sq_layout.invest.repository import InvestData, plan_baseline
from sq_layout.invest.views import InvestFilter, apply_filter
from sq_layout.plan.dataset import bundled
from tests.browser.conftest import (
    MAP_FRAME,
    download,
    map_frame,
    map_still,
    readme_screenshot,
    settle_map,
    wait_idle,
    wait_until,
)

if TYPE_CHECKING:
    import pandas as pd

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo() -> InvestData:
    """The demo set."""
    return demo_data(bundled())  # the same fixed-seed set the page's demo button loads


def alone(records: pd.DataFrame, *others: pd.DataFrame) -> pd.DataFrame:
    """The records drawn at a spot of their own (a shared spot fans its records out around it)."""
    import pandas as pd

    spots = pd.concat([o[["lat", "lon"]] for o in (records, *others)]).round(6).value_counts()
    key = records[["lat", "lon"]].round(6).apply(tuple, axis=1)
    return records[key.map(lambda k: spots.get(k, 0) == 1).to_numpy()]


def a_link_with_firms(demo: InvestData, chain: int) -> tuple[str, str]:
    """(link id, its name) of the chain's first link on which the demo set has a firm drawn alone."""
    for lk in demo.links[demo.links["chain_no"] == chain].sort_values("position").itertuples():
        firms, projects, _ = apply_filter(demo, InvestFilter(chains=(chain,), links=(str(lk.link_id),)))
        if len(alone(firms.dropna(subset=["lat"]), projects.dropna(subset=["lat"]))):
            return str(lk.link_id), str(lk.name)
    raise AssertionError(f"the demo set has no firm on a link of chain {chain}")


def select_option(page: Page, label: str, typed: str) -> None:
    """Type into a multiselect and take the first match."""
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=label)
    box.locator("input").click()
    box.locator("input").fill(typed)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def points_frame(page: Page) -> Frame:
    """The iframe of the points map (the targets tab has a second map, without points)."""
    map_frame(page)

    def has_points(f: Frame) -> bool:
        try:
            return MAP_FRAME in f.url and bool(f.evaluate("() => !!(window.sqPts && window.sqPts.info().ready)"))
        except Exception:  # a frame being replaced
            return False

    wait_until(page, lambda: any(has_points(f) for f in page.frames), what="points map")
    return next(f for f in page.frames if has_points(f))


def open_demo(page: Page, app_url: str) -> Frame:
    """The investment page with the demo set loaded; its points map."""
    page.goto(app_url + "investment")
    # the first page of a session may wait for the server's first run on a busy machine
    wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), timeout=60, what="map iframe")
    map_frame(page)
    page.get_by_role("button", name="载入示例数据（虚构）").click()
    wait_until(page, lambda: page.get_by_text("示例数据：以下企业").count() > 0, what="demo banner")
    return points_frame(page)


def drawn(frame: Frame) -> int:
    """How many points the map holds once their file is fetched and drawn (-1 while loading)."""
    return int(frame.evaluate("() => { const i = window.sqPts.info(); return i.ready ? i.n : -1; }"))


def info(frame: Frame) -> dict[str, Any]:
    """What the points runtime has drawn and fetched."""
    return cast(dict[str, Any], frame.evaluate("() => window.sqPts.info()"))


def test_filter_chain_and_link_then_click_a_point(
    page: Page, app_url: str, demo: InvestData, external_requests: list[str]
) -> None:
    frame = open_demo(page, app_url)
    everything = sum(len(t) for t in apply_filter(demo, InvestFilter()))
    wait_until(page, lambda: drawn(frame) == everything, timeout=30, what="all demo points drawn")
    assert info(frame)["clustered"] is True and info(frame)["drawnClusters"] > 0  # dense: clustered in the browser
    select_option(page, "产业链", "晶硅光伏")
    chain = apply_filter(demo, InvestFilter(chains=(3,)))
    wait_until(page, lambda: drawn(frame) == sum(len(t) for t in chain), what="chain 3 points")
    link_id, link_name = a_link_with_firms(demo, 3)
    select_option(page, "环节", link_name)
    firms, projects, _ = apply_filter(demo, InvestFilter(chains=(3,), links=(link_id,)))
    wait_until(page, lambda: drawn(frame) == len(firms) + len(projects), what=f"chain 3 / {link_name} points")
    target = alone(firms.dropna(subset=["lat"]), projects.dropna(subset=["lat"])).iloc[0]
    click_point(page, frame, target.lat, target.lon)
    card = page.locator(".sq-card")
    wait_until(page, lambda: card.count() > 0 and target["name"] in card.first.inner_text(), what="point card")
    assert "晶硅光伏" in card.first.inner_text() and link_name in card.first.inner_text()
    assert external_requests == []  # the points runtime, its data and Leaflet came from this machine


def test_gap_list_export_for_pv(page: Page, app_url: str, demo: InvestData, tmp_path: Path) -> None:
    open_demo(page, app_url)
    page.get_by_text("补链", exact=True).click()
    wait_until(page, lambda: page.get_by_text("招商目标与问题清单").count() > 0, what="gap tab")
    path = download(page, page.get_by_role("button", name="下载补链清单（XLSX）"), tmp_path / "gaps.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["说明", "补链清单", "环节×区域"]
    assert "晶硅光伏" in wb["说明"]["A1"].value and "示例数据" in wb["说明"]["A2"].value
    rows = [[c.value for c in r] for r in wb["补链清单"].iter_rows(min_row=3)]
    from sq_layout.invest.gapexport import gap_tables

    shown, _ = gap_tables(bundled(), demo, 3, demo.firms, "zh")  # what the fixed-seed demo leaves open, in order
    assert rows[0][:3] == shown.iloc[0, :3].tolist() and rows[0][0] == "全市无企业的环节（招商目标）"
    matrix = [c.value for c in wb["环节×区域"][2]]
    assert matrix[0] == "环节" and "泗洪县" in matrix


def click_point(page: Page, frame: Frame, lat: float, lon: float) -> None:
    """Click where a point is drawn (its exact position on screen)."""
    wait_idle(page)
    map_still(frame)
    pt = frame.evaluate(
        f"() => {{ const p = map_div.latLngToContainerPoint([{round(lat, 5)}, {round(lon, 5)}]); return [p.x, p.y]; }}"
    )
    frame.locator("#map_div").click(position={"x": pt[0], "y": pt[1]})


def test_screenshot_for_readme(page: Page, app_url: str, demo: InvestData) -> None:
    frame = open_demo(page, app_url)
    select_option(page, "产业链", "晶硅光伏")
    page.get_by_test_id("stRadioGroup").get_by_text("企业数", exact=True).click()
    wait_until(page, lambda: frame.locator("path.sq-value").count() == 9, what="areas shaded")
    wait_until(page, lambda: "企业数" in page.locator(".sq-lg-head").first.inner_text(), what="shading legend")
    firms, projects, _ = apply_filter(demo, InvestFilter(chains=(3,)))
    wait_until(page, lambda: drawn(frame) == len(firms) + len(projects), what="chain 3 points")
    target = alone(firms.dropna(subset=["lat"]), projects.dropna(subset=["lat"])).iloc[0]  # a firm on its own spot
    click_point(page, frame, target.lat, target.lon)
    card = page.locator(".sq-card")
    wait_until(page, lambda: card.count() > 0 and target["name"] in card.first.inner_text(), what="point card")
    settle_map(page, frame)
    readme_screenshot(page, "investment.png")


def test_clusters_open_on_click_and_restyling_sends_no_points(page: Page, app_url: str, demo: InvestData) -> None:
    frame = open_demo(page, app_url)
    everything = sum(len(t) for t in apply_filter(demo, InvestFilter()))
    wait_until(page, lambda: drawn(frame) == everything, timeout=30, what="all demo points drawn")
    before = info(frame)
    # shading the areas is a restyle of the drawn map: the same point file, not fetched again
    page.get_by_test_id("stRadioGroup").get_by_text("项目数", exact=True).click()
    wait_until(page, lambda: frame.locator("path.sq-value").count() == 9, what="areas shaded")
    wait_idle(page)
    after = info(frame)
    assert after["url"] == before["url"] and after["fetches"] == before["fetches"]
    # hovering a cluster says how many points it holds; clicking it zooms in and picks nothing
    top = frame.evaluate("() => window.sqPts.clusters()[0]")
    frame.locator("#map_div").hover(position={"x": top["x"], "y": top["y"]})
    tip = frame.locator(".sq-point-tip")
    wait_until(page, lambda: tip.is_visible() and f"{top['n']} 个点" in tip.inner_text(), what="cluster tooltip")
    reported = frame.evaluate("() => sqMap.info().reported")
    frame.locator("#map_div").click(position={"x": top["x"], "y": top["y"]})
    wait_until(page, lambda: info(frame)["zoom"] > before["zoom"], what="zoomed into the cluster")
    wait_idle(page)
    assert page.locator(".sq-card").count() == 0
    assert frame.evaluate("() => sqMap.info().reported") == reported  # the page was not told of a click


def test_version_from_the_link(page: Page, app_url: str) -> None:
    page.goto(app_url + "investment?v=999")
    points_frame(page)
    wait_until(page, lambda: page.get_by_text("v=999").count() > 0, what="unknown version named")
    base = plan_baseline(bundled())  # the firms, projects and carrier parks the plan places in an area
    assert info(points_frame(page))["n"] == len(base.firms) + len(base.projects) + len(base.carriers)
    # the targets view draws the same areas, shaded by how many of each area's chains are behind
    page.get_by_text("目标跟踪", exact=True).click()
    shaded = "() => document.querySelectorAll('path.sq-value').length"
    wait_until(
        page, lambda: any(MAP_FRAME in f.url and f.evaluate(shaded) == 9 for f in page.frames), what="status map"
    )


def test_language_switch_rebuilds_the_points_map_in_place(page: Page, app_url: str, demo: InvestData) -> None:
    frame = open_demo(page, app_url)
    everything = sum(len(t) for t in apply_filter(demo, InvestFilter()))
    wait_until(page, lambda: drawn(frame) == everything, timeout=30, what="all demo points drawn")
    labels = frame.locator(".sq-labels")
    page.locator('[data-testid="stRadio"]').filter(has_text="English").get_by_text("English").click()
    # the same frame builds the map anew from the English mount file and shows the same point set on it
    wait_until(page, lambda: "Sihong" in labels.inner_text() and "泗洪" not in labels.inner_text(), what="English map")
    wait_until(page, lambda: drawn(frame) == everything, timeout=30, what="points drawn on the new map")
    assert frame.locator(".leaflet-container").count() == 1 and frame.locator("canvas.sq-points").count() == 1
    assert frame.locator(".sq-point-tip").count() == 1  # the old map's tooltip element went with it
