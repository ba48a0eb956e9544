"""The sidebar's 帮助 / Help link on every page, in both languages: it names the right guide, opens it in a new tab
from the app itself (no network), at the section for the page, with its pictures."""

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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_links_its_guide_which_the_app_serves(page: Page, app_url: str, lang: Lang) -> None:
    for path, (guide, anchor, heading) in PAGES.items():
        page.goto(app_url + path + ("?lang=en" if lang == "en" else ""))
        name = f"{t('help_link', lang)} · {t(GUIDE_KEY[guide], lang)}"
        link = page.locator("[data-testid='stSidebar'] a").filter(has_text=name)
        wait_until(page, lambda link=link: link.count() == 1, 40, f"the help link on /{path} ({lang})")
        href = link.get_attribute("href") or ""
        assert href.endswith(f"app/static/help/{guide}" + (f"#{anchor}" if anchor else "")), href
        assert link.get_attribute("target") == "_blank"
        url = link.evaluate("a => a.href")  # resolved against the page, as the browser follows it
        assert url.startswith(app_url)
        # the guides are rendered in the background when the app first draws a page: wait until served
        wait_until(page, lambda url=url: page.request.get(url).status == 200, 30, f"{guide} served")
        response = page.request.get(url)
        assert response.headers["content-type"].startswith("text/html")
        body = response.text()
        assert re.search(rf"<h1>{heading}", body), body[:300]
        if anchor:
            assert f'id="{anchor}"' in body
        for picture in re.findall(r'src="([^"/:]+\.png)"', body):
            assert page.request.get(url.rsplit("/", 1)[0] + "/" + picture).status == 200, picture


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
