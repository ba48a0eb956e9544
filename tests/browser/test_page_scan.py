"""The page scan: every page × both languages × every tab, radio view, expander and popover, seen as a reader sees it.

It fails on an exception box, Streamlit's help text or an object's repr, a raw field name or id in a table header or
value, text in the other language (outside proper names, units and quotations of the plan), a cut label, and (at
1366×768) the map, its controls or the view's primary button below the fold, and a help link that does not open
the page's guide at its section (the guides served with their sections and pictures). Every view it visits is saved as
test-artifacts/page-scan/<viewport>/<lang>/<page>-<view>.png, a folder a person can page through; the findings are
written to test-artifacts/page-scan/findings.txt.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import (
    ARTIFACTS,
    COUNT_RERUN_ASKS,
    MAP_FRAME,
    fresh_workspace,
    maybe_rerun,
    rerun,
    serve_app,
    wait_idle,
    wait_until,
)
from tests.browser.page_scan_rules import (
    AREA_IDS,
    FIELD_NAME,
    FORMATS,
    KIND_CUT,
    KIND_EXCEPTION,
    KIND_FOLD,
    KIND_HEADER,
    KIND_HELP,
    KIND_LANG,
    KIND_REPR,
    KIND_URL,
    KIND_VALUE,
    PLAN_TEXT,
    RAW_VALUES,
    REPR,
    SEPARATORS,
    SNAKE,
    URL,
    WIDGET_TEXT,
    Finding,
    Scan,
)
from tests.browser.test_help_link import guide_problems, help_link_problems
from tests.browser.test_text_and_charts import bare_chinese, english_words

pytestmark = pytest.mark.browser

OUT = ARTIFACTS / "page-scan"
STILL_READS = 6  # the same text read this many times in a row (≈ 0.3 s) counts as drawn
WIDE, SMALL = (1440, 900), (1366, 768)
# (name in the screenshots, path and query): every page of app.py; the map twice, bare and with an area, a chain and
# a comparison, so the card, its folds, the hosts table and the compare table are looked at too
PAGES = [
    ("map", ""),
    ("map-area", "?chain=9&area=sihong&cmp=susu"),
    ("audit", "audit"),
    ("workspace", "workspace"),
    ("boundaries", "boundaries"),
    ("investment", "investment"),
    ("edit", "edit"),
]
MAP_PAGES = {"map", "map-area", "audit", "investment"}


CUT_JS = """() => {
  const out = [];
  for (const root of document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebar"]'))
    for (const el of root.querySelectorAll('*')) {
      if (!el.offsetParent || !el.textContent.trim() || el.children.length > 2) continue;
      const cs = getComputedStyle(el);
      if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) out.push(el.textContent.trim());
    }
  // a select's chosen option or a field's text clipped by its box (no ellipsis to say so)
  for (const el of document.querySelectorAll('[data-testid="stMain"] [data-baseweb="select"] input')) {
    if (!el.offsetParent || !(el.value || el.placeholder) || el.closest('[role="listbox"]')) continue;
    if (el.scrollWidth > el.clientWidth + 1) out.push(el.value || el.placeholder);
  }
  for (const el of document.querySelectorAll('[data-testid="stMain"] [data-baseweb="select"] div')) {
    if (!el.offsetParent || el.children.length || !el.textContent.trim()) continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
      out.push(el.textContent.trim());
  }
  return out;
}"""


def ready(page: Page, name: str) -> None:
    """After a page load: wait for its title (the script has run), then for its map if it has one, then settle."""
    wait_until(page, lambda: page.locator('[data-testid="stMain"] h1').count() > 0, 60, "the page's title")
    if name in MAP_PAGES:
        wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), 60, "the map frame")
    settle(page)


def settle(page: Page) -> None:
    """Wait until the rerun is over and any map frame has drawn its areas (a first export import is slow on 2 cores)."""
    wait_idle(page, 90)
    wait_until(page, lambda: page.locator('[data-testid="stSkeleton"]').count() == 0, 30, "skeletons to go")
    for frame in [f for f in page.frames if MAP_FRAME in f.url]:
        # a frame of a view just left is detached: nothing to wait for there
        wait_until(page, lambda f=frame: f.is_detached() or f.locator("path.sq-area").count() > 0, 30, "map areas")
    # the frontend redraws some elements (charts, a select's shown option) after the run has ended: look once the
    # page's text has stopped changing, so a view is judged as a reader sees it, not mid-redraw
    seen: list[str] = []

    def still() -> bool:
        seen.append(page.locator("[data-testid='stMain']").inner_text())
        return len(seen) >= STILL_READS and len(set(seen[-STILL_READS:])) == 1

    wait_until(page, still, 30, "the page's text to stop changing")


TABLES_JS = """() => {
  const heads = [], cells = [];
  const shown = e => e.getClientRects().length > 0;
  const text = e => {  // an icon (a ligature such as keyboard_arrow_down, drawn as a glyph) is not text
    const c = e.cloneNode(true);
    c.querySelectorAll('[data-testid="stIconMaterial"], .material-symbols-rounded').forEach(i => i.remove());
    return c.textContent.trim();
  };
  for (const t of document.querySelectorAll('[data-testid="stMain"] :is([data-testid="stDataFrame"], table)')) {
    if (!shown(t) || (t.tagName === 'TABLE' && t.closest('[data-testid="stDataFrame"]'))) continue;
    for (const e of t.querySelectorAll('th, [role="columnheader"]')) heads.push(text(e));
    for (const e of t.querySelectorAll('td, [role="gridcell"]')) cells.push(text(e));
  }
  return [heads.filter(Boolean), cells.filter(Boolean)];
}"""


def tables(page: Page) -> tuple[list[str], list[str]]:
    """Column headers and cell texts of the shown tables: dataframes (their grid's accessible table) and HTML."""
    heads, cells = page.evaluate(TABLES_JS)
    return list(heads), list(cells)


# what a field shows that inner_text leaves out: a select's chosen option and a text field's value, or its placeholder
INPUTS_JS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] :is(input, textarea), [data-testid="stSidebar"] :is(input, textarea), '
    + '[data-testid="stPopoverBody"] :is(input, textarea)')]
  .filter(e => e.getClientRects().length > 0 && !['radio', 'checkbox', 'file', 'hidden', 'range'].includes(e.type))
  .map(e => e.value || e.placeholder || '').filter(Boolean)"""


def visible_text(page: Page) -> str:
    """The page's text outside the map frames, with an open popover and what its fields show; without icons (a
    ligature such as expand_more is drawn as an icon) and links (a shared link is a link)."""
    parts = [page.locator(f"[data-testid='{tid}']").first.inner_text() for tid in ("stMain", "stSidebar")]
    pop = page.locator("[data-testid='stPopoverBody']:visible")
    if pop.count():
        parts.append(pop.first.inner_text())
    parts += page.evaluate(INPUTS_JS)
    text = URL.sub("", "\n".join(parts))
    for code in sorted(set(page.locator("code:visible").all_inner_texts()), key=len, reverse=True):
        text = text.replace(code, "")  # a command, a file name or an address, quoted as it is typed
    icons = set(page.locator('[data-testid="stIconMaterial"]').all_inner_texts())
    return re.sub(r"\b(" + "|".join(map(re.escape, icons)) + r")\b", "", text) if icons else text


def quoted(text: str) -> bool:
    """Chinese that quotes the plan word for word (a cell holding the plan's own wording, or several: 'a / b')."""
    parts = [p for p in re.split(r"\s*/\s*|、", text.strip()) if p]
    return bool(parts) and all(len(p) >= 2 and p in PLAN_TEXT for p in parts)


# In English, the plan's own words (and a source's note) are quoted in Chinese between “ ”, as a proper name is kept:
# 'Plan line 1096 (note: “产业链：表三第166–167行…”)'. The line number and the words around the quote are English.
QUOTATION = re.compile(r"“[^”]*”")
# In Chinese, a quoted character's reading in pinyin right after it is 注音, not English: “型”(xing)
PINYIN = re.compile(r"(?<=”)[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\d?[)）]")


def other_language(text: str, lang: str) -> set[str]:
    """Words or lines in the other language: English words in the Chinese interface, bare Chinese in the English
    (outside quotations “…” of the plan's words)."""
    text = FORMATS.sub("", WIDGET_TEXT.sub("", text))
    if lang == "zh":
        return english_words(PINYIN.sub("", text))
    return {ln for ln in bare_chinese(QUOTATION.sub("", text)) if not quoted(ln)}


def look(page: Page, scan: Scan, view: str) -> None:
    """Check what the page shows now, and save its picture."""
    scan.views += 1
    shot = OUT / scan.viewport / scan.lang / f"{scan.page}-{view}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    for box in page.locator('[data-testid="stException"]').all():
        scan.add(view, KIND_EXCEPTION, box.inner_text().strip().splitlines()[0])
    text = visible_text(page)
    if page.locator('[data-testid="stHelp"]').count():
        scan.add(view, KIND_REPR, "Streamlit help box")
    for m in REPR.finditer(text):
        scan.add(view, KIND_REPR, text[max(0, m.start() - 20) : m.end() + 40].replace("\n", " "))
    heads, cells = tables(page)
    for h in heads:
        if FIELD_NAME.fullmatch(h) or h in RAW_VALUES:
            scan.add(view, KIND_HEADER, h)
    for c in cells:
        tokens = [x for x in SEPARATORS.split(c) if x]
        if c in RAW_VALUES or SNAKE.fullmatch(c) or (len(tokens) > 1 and all(x in AREA_IDS for x in tokens)):
            scan.add(view, KIND_VALUE, c)
    for m in SNAKE.finditer(text):
        scan.add(view, KIND_VALUE, m.group(0))
    for line in text.splitlines():
        tokens = [x for x in SEPARATORS.split(line.strip()) if x]
        if tokens and all(x in AREA_IDS for x in tokens):
            scan.add(view, KIND_VALUE, line.strip())
    for words in (other_language(text, scan.lang), *(other_language(x, scan.lang) for x in heads + cells)):
        for w in sorted(words):
            scan.add(view, KIND_LANG, w)
    for cut in page.evaluate(CUT_JS):
        scan.add(view, KIND_CUT, cut)


def open_folds(page: Page, scan: Scan, view: str) -> None:
    """Open every closed expander of the main area, then every popover, looking at each."""
    closed = page.locator('[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary:visible')
    if closed.count():
        for _ in range(20):
            if closed.count() == 0:
                break
            with maybe_rerun(page, 90):
                closed.first.click()
            settle(page)
        look(page, scan, f"{view}-open")
    buttons = page.locator('[data-testid="stMain"] [data-testid="stPopover"] button:visible')
    for i in range(buttons.count()):
        with maybe_rerun(page, 90):
            buttons.nth(i).click()
        body = page.locator("[data-testid='stPopoverBody']:visible")
        wait_until(page, lambda b=body: b.count() > 0, 10, "the popover")
        settle(page)
        look(page, scan, f"{view}-pop{i}")
        page.keyboard.press("Escape")
        wait_until(page, lambda b=body: b.count() == 0, 10, "the popover to close")


def walk_radios(page: Page, scan: Scan, prefix: str) -> None:
    """Each option of each radio group of the main area (the view switches), with its folds."""
    groups = page.locator('[data-testid="stMain"] [data-testid="stRadio"]:visible')
    for g in range(groups.count()):
        options = groups.nth(g).locator("[role=radiogroup] label")
        for j in range(options.count()):
            if options.nth(j).locator("input").is_checked():
                continue
            with rerun(page, 90):
                options.nth(j).click()
            settle(page)
            look(page, scan, f"{prefix}r{g}o{j}")
            open_folds(page, scan, f"{prefix}r{g}o{j}")


def walk(page: Page, scan: Scan) -> None:
    """The view as it is, then every tab (each with its radio views), every fold and popover."""
    settle(page)
    look(page, scan, "first")
    open_folds(page, scan, "first")
    tabs = page.locator('[data-testid="stMain"] [role="tab"]:visible')
    n_tabs = tabs.count()
    if n_tabs == 0:
        walk_radios(page, scan, "")
    for i in range(n_tabs):
        with maybe_rerun(page, 90):
            tabs.nth(i).click()
        settle(page)
        look(page, scan, f"tab{i}")
        open_folds(page, scan, f"tab{i}")
        walk_radios(page, scan, f"tab{i}")


def switch_language(page: Page, lang: str) -> None:
    """Switch with the sidebar's language radio, as a reader would."""
    with maybe_rerun(page, 90):
        page.locator('[data-testid="stSidebar"] [data-testid="stRadio"] label').filter(
            has_text="中文" if lang == "zh" else "English"
        ).first.click()
    settle(page)


def fold_check(page: Page, scan: Scan) -> None:
    """At the first screen: the map's top and its controls, the sidebar's controls and the primary button in view."""
    height = page.viewport_size["height"] if page.viewport_size else 768
    if scan.page in MAP_PAGES:
        iframe = page.locator(f'iframe[src*="{MAP_FRAME}"]').first
        box = iframe.bounding_box()
        frame = next(f for f in page.frames if MAP_FRAME in f.url)
        if box is None or box["y"] > height - 200:
            scan.add("first", KIND_FOLD, "the map")
        elif box is not None:
            for control in (".leaflet-control-zoom", ".leaflet-control-scale"):
                r = frame.evaluate(f"() => document.querySelector('{control}')?.getBoundingClientRect().bottom")
                if r is None or box["y"] + r > height:
                    scan.add("first", KIND_FOLD, f"the map's {control}")
    side = page.locator('[data-testid="stSidebar"] :is(.st-key-w_base, .st-key-w_clear):visible')  # the map's own
    for i in range(side.count()):
        b = side.nth(i).bounding_box()
        if b is not None and b["y"] + b["height"] > height:
            scan.add("first", KIND_FOLD, "sidebar: " + side.nth(i).inner_text().strip().replace("\n", " ")[:40])
    primary = page.locator('[data-testid="stMain"] [data-testid="stBaseButton-primary"]:visible')
    for i in range(primary.count()):
        b = primary.nth(i).bounding_box()
        if b is not None and b["y"] + b["height"] > height:
            scan.add("first", KIND_FOLD, "primary button: " + primary.nth(i).inner_text().strip())


@pytest.fixture(scope="module")
def scan_url() -> Iterator[str]:
    """The app on a fresh workspace, not watching its files (an edit beside a run would prompt "File change")."""
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    env = {"SQ_LAYOUT_DB": fresh_workspace(), "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"}
    with serve_app(env, "page-scan.log") as url:
        yield url


def report(scans: list[Scan]) -> list[Finding]:
    """Write every finding to findings.txt and return them."""
    found = [f for s in scans for f in s.findings]
    lines = [*map(str, found), f"views looked at: {sum(s.views for s in scans)}"]
    (OUT / "findings.txt").write_text("\n".join(lines) + "\n", "utf-8")
    return found


def test_page_scan(browser: Browser, scan_url: str) -> None:
    wide, small = Scan(f"{WIDE[0]}x{WIDE[1]}"), Scan(f"{SMALL[0]}x{SMALL[1]}")
    ctx = browser.new_context(viewport={"width": WIDE[0], "height": WIDE[1]}, locale="zh-CN")
    ctx.add_init_script(COUNT_RERUN_ASKS)
    page = ctx.new_page()
    for name, path in PAGES:  # English from the link first, then 中文 by the switch: both, and the switch between
        wide.page, wide.lang = name, "en"
        page.goto(scan_url + path + ("&" if "?" in path else "?") + "lang=en")
        ready(page, name)
        if "lang=en" not in page.url:
            wide.add("first", KIND_URL, page.url.replace(scan_url, "/"))
        walk(page, wide)
        wide.lang = "zh"
        switch_language(page, "zh")
        walk(page, wide)
    ctx.close()
    ctx = browser.new_context(viewport={"width": SMALL[0], "height": SMALL[1]}, locale="zh-CN")
    ctx.add_init_script(COUNT_RERUN_ASKS)
    page = ctx.new_page()
    for lang in ("zh", "en"):
        small.lang = lang
        for name, path in PAGES:
            small.page = name
            page.goto(scan_url + path + ("" if lang == "zh" else ("&" if "?" in path else "?") + "lang=en"))
            ready(page, name)
            look(page, small, "first")
            fold_check(page, small)
            for problem in help_link_problems(page, scan_url, path.split("?")[0], lang):
                small.add("first", KIND_HELP, problem)
    for problem in guide_problems(page, scan_url):  # the guides the help links open, with their sections and pictures
        small.add("guides", KIND_HELP, problem)
    ctx.close()
    new = report([wide, small])
    assert not new, f"{len(new)} findings (all in test-artifacts/page-scan/findings.txt):\n" + "\n".join(
        map(str, new[:80])
    )
