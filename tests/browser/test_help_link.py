"""The sidebar's 帮助 / Help link: opened, it shows the guide in a new tab from the app itself (no network). Its link on
every page in both languages, and the guides it points at (sections, pictures), are checked by the page scan
(tests/browser/test_page_scan.py) with the functions here."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from sq_layout.i18n import Lang, t
from tests.browser.conftest import wait_until

pytestmark = pytest.mark.browser

# page path -> (guide file served, section anchor or "", the heading the guide starts with)
PAGES = {
    "": ("planner.html", "map", "规划人员使用手册"),
    "audit": ("planner.html", "audit", "规划人员使用手册"),
    "workspace": ("planner.html", "versions", "规划人员使用手册"),
    "boundaries": ("planner.html", "boundaries", "规划人员使用手册"),
    "edit": ("planner.html", "edit", "规划人员使用手册"),
    "investment": ("invest.html", "", "招商人员使用手册"),
}
GUIDE_KEY = {"planner.html": "help_planner", "invest.html": "help_invest"}


def help_link_problems(page: Page, app_url: str, path: str, lang: Lang) -> list[str]:
    """What is wrong with the help link of the page on screen (path as in PAGES): it names the page's guide, opens
    in a new tab, points into the app at the page's section. The page scan calls it on every page in both
    languages."""
    guide, anchor, _ = PAGES[path]
    name = f"{t('help_link', lang)} · {t(GUIDE_KEY[guide], lang)}"
    link = page.locator("[data-testid='stSidebar'] a").filter(has_text=name)
    wait_until(page, lambda: link.count() == 1, 40, f"the help link on /{path} ({lang})")
    href = link.get_attribute("href") or ""
    wrong = [] if href.endswith(f"app/static/help/{guide}" + (f"#{anchor}" if anchor else "")) else [f"href {href}"]
    wrong += [] if link.get_attribute("target") == "_blank" else ["not a new tab"]
    url = link.evaluate("a => a.href")  # resolved against the page, as the browser follows it
    return wrong + ([] if url.startswith(app_url) else [f"off the app: {url}"])


def guide_problems(page: Page, app_url: str) -> list[str]:
    """What is wrong with the guides the app serves: each is HTML, starts with its heading, has every page's section
    and every picture it shows. Waits while the app renders them in the background after its first page."""
    wrong = []
    for guide, heading in {(g, h) for g, _, h in PAGES.values()}:
        url = f"{app_url}app/static/help/{guide}"
        wait_until(page, lambda url=url: page.request.get(url).status == 200, 30, f"{guide} served")
        response = page.request.get(url)
        body = response.text()
        if not response.headers["content-type"].startswith("text/html") or not re.search(rf"<h1>{heading}", body):
            wrong.append(f"{guide}: not the guide {heading}")
        anchors = [a for g, a, _ in PAGES.values() if g == guide and a]
        wrong += [f"{guide}: no section #{a}" for a in anchors if f'id="{a}"' not in body]
        for picture in re.findall(r'src="([^"/:]+\.png)"', body):
            if page.request.get(url.rsplit("/", 1)[0] + "/" + picture).status != 200:
                wrong.append(f"{guide}: picture {picture} not served")
    return wrong


def test_the_help_link_opens_the_guide_in_a_new_tab(page: Page, app_url: str) -> None:
    page.goto(app_url + "investment?lang=en")
    link = page.locator("[data-testid='stSidebar'] a").filter(has_text=t("help_invest", "en"))
    wait_until(page, lambda: link.count() == 1, 40, "the help link")
    wait_until(page, lambda: page.request.get(link.evaluate("a => a.href")).status == 200, 30, "the guide served")
    with page.context.expect_page() as opened:
        link.click()
    guide = opened.value
    guide.wait_for_load_state()
    assert guide.locator("h1").first.inner_text().startswith("招商人员使用手册")
    assert guide.locator("h2").count() >= 8
    assert page.url.startswith(app_url + "investment")  # the app stays where it was
