"""A generated 1,000-county plan in the real app: filter, click an area, zoom — no errors, geometry fetched once
(finer outlines once per region when zoomed in)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from playwright.sync_api import Page

from sq_layout.plan.dataset import Dataset, load_dataset
from tests.browser.conftest import MAP_FRAME, PAINTED, fresh_workspace, map_still, serve_app, wait_until
from tests.national import write_dataset

pytestmark = pytest.mark.browser
N_AREAS = 1000


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated plan of 1,000 areas and 200 chains."""
    return write_dataset(tmp_path_factory.mktemp("national"), N_AREAS, n_chains=200)


@pytest.fixture(scope="module")
def big_app(data_dir: Path) -> Iterator[str]:
    """The app on a workspace seeded from the generated plan."""
    geodata = {"SQ_LAYOUT_GEODATA": str(data_dir)}  # the app reads the plan through a workspace seeded from it
    with serve_app({**geodata, "SQ_LAYOUT_DB": fresh_workspace(geodata)}, "streamlit-scale.log") as url:
        yield url


def _dataset(data_dir: Path) -> Dataset:
    return load_dataset(
        data_dir / "plan", data_dir / "boundaries", data_dir / "boundaries/official", data_dir / "plan/plan_text.txt"
    )


def _hosts(data_dir: Path, chain: int) -> list[str]:
    """Hosts of a chain, largest first (a big one is easy to click at the national opening zoom)."""
    ds = _dataset(data_dir)
    subs = set(ds.subindustries.loc[ds.subindustries["chain_no"] == chain, "subindustry_id"])
    hosts = set(ds.assignments.loc[ds.assignments["subindustry_id"].isin(subs), "area_id"])
    b = ds.boundaries[ds.boundaries["area_id"].isin(hosts)]
    return list(b.assign(size=b.to_crs(3857).area).sort_values("size", ascending=False)["area_id"])


def _names(data_dir: Path) -> dict[str, str]:
    """Area id → Chinese name of the generated plan."""
    areas = _dataset(data_dir).areas
    return dict(zip(areas["area_id"], areas["name"], strict=True))


def test_thousand_areas_filter_click_zoom_without_errors(page: Page, big_app: str, data_dir: Path) -> None:
    errors: list[str] = []
    geo_requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    geo_done: list[str] = []
    page.on("request", lambda r: geo_requests.append(r.url) if "/static/geo/" in r.url else None)
    page.on("requestfinished", lambda r: geo_done.append(r.url) if "/static/geo/" in r.url else None)
    page.goto(big_app)
    wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), timeout=150, what="map iframe")
    frame = next(f for f in page.frames if MAP_FRAME in f.url)

    def info() -> dict[str, Any]:
        """What the map frame has drawn (nothing, None, before its script has run)."""
        return cast(dict[str, Any], frame.evaluate("() => window.sqMap && window.sqMap.info()"))

    wait_until(
        page,
        lambda: info() and info()["loaded"],
        timeout=120,
        what="1,000 areas loaded",
    )
    assert info()["areas"] == N_AREAS and info()["canvas"] is True
    assert frame.locator("path.sq-area").count() == 0  # drawn on one canvas, not a DOM node per area
    assert 0 < frame.locator(".sq-label").count() < 200  # only labels that fit
    frame.evaluate("() => { map_div.__probe = 7; }")

    # filter by a chain: exactly its hosts take the host colour
    hosts = _hosts(data_dir, 7)
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="重点产业链")
    box.locator("input").click()
    box.locator("input").fill("产业链7")
    page.get_by_role("option", name="7. 产业链7", exact=True).click()
    page.keyboard.press("Escape")
    colour = "#B07AA1"  # a single chain is drawn in its industry's colour (产业6)

    def hosts_drawn() -> int:
        return sum(n for k, n in info()["fills"].items() if k == f"{colour}|0.75")

    wait_until(page, lambda: hosts_drawn() == len(hosts), timeout=90, what="hosts restyled")
    sample = hosts[0]
    assert frame.evaluate(f"() => sqMap.style('{sample}').fillColor") == colour

    # click that area: it is selected, outlined, and the map zooms to it
    zoom0 = frame.evaluate("() => map_div.getZoom()")
    lat, lng = frame.evaluate(f"() => sqMap.center('{sample}')")
    pt = frame.evaluate(f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
    frame.locator("#map_div").click(position={"x": pt[0], "y": pt[1]})
    wait_until(page, lambda: f"area={sample}" in page.url, timeout=90, what="area in URL")
    wait_until(page, lambda: info()["selected"] == sample, timeout=60, what="selected outline")
    wait_until(page, lambda: frame.evaluate("() => map_div.getZoom()") > zoom0, what="zoomed to the area")
    assert frame.evaluate(f"() => sqMap.style('{sample}').color") == "#D62728"
    # zoomed in: the finer outlines of the regions in view are fetched and drawn
    wait_until(page, lambda: info()["detailRegions"] > 0 and info()["fineLevel"] > 0, what="finer outlines")
    # one more zoom step by the user; labels are placed again and nothing re-mounted or re-fetched
    zoom1 = frame.evaluate("() => map_div.getZoom()")
    frame.evaluate("() => { map_div.zoomIn(); }")
    wait_until(page, lambda: frame.evaluate("() => map_div.getZoom()") > zoom1, what="one step closer")
    map_still(frame)  # the zoom ended: labels placed, finer outlines of newly seen regions asked for
    wait_until(page, lambda: len(geo_done) == len(geo_requests), what="the outlines asked for, received")
    frame.evaluate(PAINTED)  # and drawn
    assert frame.locator(".sq-label").count() > 0
    assert frame.evaluate("() => map_div.__probe") == 7
    # the areas once, and each region's finer outlines once
    assert len(geo_requests) == len(set(geo_requests)) == 1 + info()["detailRegions"], geo_requests

    # with this many areas the picker jumps to the area picked and shows its prompt again (its list never changes)
    other = hosts[1]
    name = _names(data_dir)[other]
    picker = page.locator(".st-key-w_area [data-testid='stSelectbox']")
    picker.locator("input").click()
    page.keyboard.type(name)
    page.get_by_role("option", name=name, exact=True).click()
    wait_until(page, lambda: f"area={other}" in page.url, timeout=90, what="picked area in URL")
    wait_until(page, lambda: info()["selected"] == other, timeout=60, what="picked area outlined")
    wait_until(page, lambda: name in page.locator(".st-key-sq-answer").inner_text(), what="picked area's card")
    assert "搜索并选择区域" in picker.locator("input").input_value()
    assert errors == [], errors
