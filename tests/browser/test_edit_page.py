"""The Edit page in headless Chromium: sign in, start a draft, make 苏宿工业园区 a host of a chain with a reason,
see the map and hosts table change, revert it, and see both in the history."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page

from sq_layout.store import open_workspace
from sq_layout.store.users import add_user_cli
from tests.browser.conftest import map_frame, pick, rerun, serve_app, wait_idle, wait_until

pytestmark = pytest.mark.browser
EDIT_DB: list[str] = []  # the edit app's workspace URL, to read what the pages wrote
AREA = "县区 / 功能区（示意范围）"  # the label of each form's area picker
SAVED = re.compile(r"已保存（修改 #\d+）")


@pytest.fixture(scope="module")
def edit_app() -> Iterator[str]:
    """The app on a fresh workspace holding two editor accounts."""
    url = f"sqlite:///{tempfile.mkdtemp(prefix='sq_ed_')}/workspace.sqlite"
    ws = open_workspace(url)
    add_user_cli(ws, "planner", "editor", "planner-pass-1")
    add_user_cli(ws, "second", "editor", "second-pass-1")
    ws.engine.dispose()
    EDIT_DB.append(url)
    env = {"SQ_LAYOUT_DB": url}
    with serve_app(env, "streamlit-edit.log") as base:
        yield base


def _hosts(page: Page, app: str, vid: str) -> tuple[bool, str]:
    """Whether the map shows 苏宿工业园区 as a host of chain 1 in the version, and the hosts table's text."""
    page.goto(f"{app}?v={vid}&chain=1")
    frame = map_frame(page)
    wait_idle(page)
    table = page.locator('[data-testid="stDataFrame"]').first
    wait_until(page, lambda: table.is_visible(), what="hosts table")
    wait_until(page, lambda: table.locator('[role="gridcell"]').count() > 0, what="hosts table cells")
    return frame.locator("path.sq-host-susu").count() > 0, " ".join(
        table.locator('[role="gridcell"]').all_text_contents()
    )


def test_sign_in_edit_map_revert_history(page: Page, edit_app: str) -> None:
    page.goto(edit_app + "edit")
    wait_until(page, lambda: "编辑" in page.locator("h1").first.inner_text(), what="edit page")
    page.get_by_label("用户名").fill("planner")
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录").click()
    wait_until(page, lambda: page.get_by_text("用户名或密码不正确").count() > 0, what="refused sign-in")
    page.get_by_label("密码").fill("planner-pass-1")
    page.get_by_role("button", name="登录").click()
    wait_until(page, lambda: page.get_by_text("已登录：planner").count() > 0, what="signed in")
    cookies = page.context.cookies
    wait_until(page, lambda: any(c["name"] == "sq_session" and c["httpOnly"] for c in cookies()), what="session cookie")
    page.reload()  # the session cookie keeps the sign-in
    wait_until(page, lambda: page.get_by_text("已登录：planner").count() > 0, what="still signed in after reload")

    page.get_by_role("button", name="以此版本新建草案").click()
    wait_until(page, lambda: "v=" in page.url and page.get_by_text("草案 · 未发布").count() > 0, what="draft")
    vid = page.url.split("v=")[1].split("&")[0]
    wait_idle(page)
    on_map, text = _hosts(page, edit_app, vid)
    assert not on_map and "苏宿工业园区" not in text and "宿城区" in text  # not a host of chain 1 (化学纤维) yet

    page.goto(f"{edit_app}edit?v={vid}")
    wait_until(page, lambda: page.get_by_text("已登录：planner").count() > 0, what="edit page again")
    _area(page, "苏宿工业园区")
    with rerun(page):
        page.get_by_text("会议", exact=True).first.click()
    form = page.locator('[data-testid="stForm"]').first
    form.get_by_label("会议名称与日期").fill("市发改委会议纪要〔2026〕3号")
    form.get_by_label("修改理由（必填）").fill("园区引进化纤项目")
    form.get_by_role("button", name="保存").click()
    wait_until(page, lambda: page.get_by_text("已保存").count() > 0, what="saved")

    on_map, text = _hosts(page, edit_app, vid)
    assert on_map and "苏宿工业园区" in text

    page.goto(f"{edit_app}edit?v={vid}")
    page.get_by_role("tab", name="修改记录").click()
    history = page.locator('[data-testid="stForm"]').filter(has=page.get_by_text("撤销此修改"))
    wait_until(page, lambda: history.count() > 0, what="history tab")
    history.get_by_label("修改理由（必填）").fill("会议决定暂缓")
    history.get_by_role("button", name="保存").click()
    wait_until(page, lambda: page.get_by_text("已保存").count() > 0, what="reverted")
    page.get_by_role("tab", name="修改记录").click()
    cells = page.locator('[data-testid="stDataFrame"]').first.locator('[role="gridcell"]')
    wait_until(page, lambda: cells.count() > 0, what="history table")
    body = " ".join(cells.all_text_contents())
    assert "撤销" in body and "园区引进化纤项目" in body and "会议决定暂缓" in body and "planner" in body
    assert "revert #" not in body and "布局 删除 1" in body  # the change said in words, not its stored summary

    on_map, text = _hosts(page, edit_app, vid)
    assert not on_map and "苏宿工业园区" not in text


def _sign_in(page: Page, app: str, name: str, password: str) -> None:
    """Sign in on the edit page and wait for the page to say so."""
    page.goto(app + "edit")
    wait_until(page, lambda: page.get_by_label("用户名").count() > 0, what="sign-in form")
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    wait_until(page, lambda: page.get_by_text(f"已登录：{name}").count() > 0, what=f"{name} signed in")


def _new_draft(page: Page) -> str:
    """Start a draft from the version shown; its id."""
    page.get_by_role("button", name="以此版本新建草案").click()
    wait_until(page, lambda: "v=" in page.url and page.get_by_text("草案 · 未发布").count() > 0, what="draft")
    wait_idle(page)
    return page.url.split("v=")[1].split("&")[0]


def _saved_ids(page: Page) -> list[str]:
    """The 已保存（修改 #N） notes on the page."""
    return page.get_by_text(SAVED).all_inner_texts()


def _save(page: Page, form: Locator, button: str = "保存") -> None:
    """Click a form's button and wait for a new 已保存（修改 #N）."""
    before = _saved_ids(page)
    form.get_by_role("button", name=button).click()
    wait_until(page, lambda: _saved_ids(page) and _saved_ids(page) != before, what=f"saved by {button}")


def _kind(page: Page, label: str) -> None:
    """Pick a kind of change (or of source) other than the one shown: the page reruns with its form."""
    with rerun(page):
        page.get_by_text(label, exact=True).first.click()


def _area(page: Page, name: str) -> None:
    """Pick an area in the first area picker (the page reruns unless it was picked already)."""
    pick(page, page.get_by_label(AREA).first, name)


def _records(vid: str, table: str) -> list[dict[str, Any]]:
    """A table's records in the draft, read from the workspace."""
    from sq_layout.store.edits import records

    ws = open_workspace(EDIT_DB[0])
    try:
        return records(ws, int(vid), table)
    finally:
        ws.engine.dispose()


def test_every_form_saves_one_change(page: Page, edit_app: str, tmp_path: Path) -> None:
    import geopandas as gpd

    from sq_layout.plan.dataset import bundled

    _sign_in(page, edit_app, "planner", "planner-pass-1")
    vid = _new_draft(page)
    _area(page, "市湖滨新区")
    _kind(page, "会议")  # 增删承载 › 添加, a meeting as its source
    form = page.locator('[data-testid="stForm"]').filter(visible=True).first
    form.get_by_label("会议名称与日期").fill("市政府常务会议 2026-03-02")
    form.get_by_label("修改理由（必填）").fill("会议决定")
    _save(page, form)
    added = [r for r in _records(vid, "assignments") if r["ref"] == "市政府常务会议 2026-03-02"]
    assert [(r["source"], r["line"], r["quote"]) for r in added] == [("meeting", 0, "")]

    page.get_by_role("tab", name="删除").click()  # 增删承载 › 删除
    form = (
        page.locator('[data-testid="stForm"]').filter(visible=True).filter(has=page.get_by_role("button", name="删除"))
    )
    form.get_by_label("修改理由（必填）").fill("重复")
    n = len(_records(vid, "assignments"))
    _save(page, form, "删除")
    assert len(_records(vid, "assignments")) == n - 1

    _kind(page, "特色产品、载体与龙头企业")
    form = page.locator('[data-testid="stForm"]').filter(visible=True).first
    form.get_by_label("内容").fill("示例龙头企业")
    form.get_by_label("规划原文行号").fill("846")
    form.get_by_label("修改理由（必填）").fill("招商")
    _save(page, form)
    assert any(r["text"] == "示例龙头企业" and r["line"] == 846 for r in _records(vid, "details"))

    _kind(page, "产业链数字与目标")
    form = page.locator('[data-testid="stForm"]').filter(visible=True).first
    form.get_by_label("2025年目标（亿元）").fill("1234")
    form.get_by_label("修改理由（必填）").fill("新目标")
    _save(page, form)
    assert next(r for r in _records(vid, "chains") if r["chain_no"] == 1)["target_2025_yi"] == 1234

    _kind(page, "区域或产业链更名")
    form = page.locator('[data-testid="stForm"]').filter(visible=True).first
    form.get_by_label("英文简称").fill("Hubin Lake")
    form.get_by_label("修改理由（必填）").fill("英文译名")
    _save(page, form)
    assert any(r["short_name_en"] == "Hubin Lake" for r in _records(vid, "areas"))

    _kind(page, "区域边界")
    ds = bundled()
    far = tmp_path / "beijing.geojson"  # a square in Beijing: refused, nothing saved
    square = {
        "type": "Polygon",
        "coordinates": [[[116.3, 39.9], [116.4, 39.9], [116.4, 40.0], [116.3, 40.0], [116.3, 39.9]]],
    }
    far.write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                                                                          "geometry": square}]}))  # fmt: skip
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(far))
    wait_until(page, lambda: page.get_by_text("边界未通过检查").count() > 0, timeout=40, what="boundary refused")
    form = page.locator('[data-testid="stForm"]').filter(visible=True).first
    assert form.get_by_role("button", name="保存").is_disabled()
    first = ds.boundaries.set_index("area_id").loc[["sucheng"]].geometry.iloc[0]
    ok = tmp_path / "sucheng.geojson"  # the area's own outline, redrawn: passes the checks
    gpd.GeoDataFrame({"name": ["宿城区"]}, geometry=[first.simplify(0.0005)], crs=4326).to_file(ok, driver="GeoJSON")
    _area(page, "宿城区")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(ok))

    def passes() -> bool:
        return page.get_by_text("边界未通过检查").count() == 0 and form.get_by_role("button", name="保存").is_enabled()

    wait_until(page, passes, timeout=40, what="boundary passes")
    form.get_by_label("边界来源").fill("市自然资源局 2026")
    form.get_by_label("修改理由（必填）").fill("官方边界")
    _save(page, form)
    row = next(r for r in _records(vid, "boundaries") if r["area_id"] == "sucheng")
    assert row["geometry_quality"] == "official" and row["geometry_file"] == "sucheng.geojson"


def test_two_editors_remove_the_same_item(browser: Browser, edit_app: str) -> None:
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN") for _ in range(2)]
    first, second = (c.new_page() for c in contexts)
    try:
        _sign_in(first, edit_app, "planner", "planner-pass-1")
        vid = _new_draft(first)
        _sign_in(second, edit_app, "second", "second-pass-1")
        before = [r for r in _records(vid, "assignments") if r["area_id"] == "hubin"]
        forms = []
        for page in (first, second):
            page.goto(f"{edit_app}edit?v={vid}")
            wait_until(page, lambda p=page: p.get_by_text("草案 · 未发布").count() > 0, what="the draft")
            _area(page, "市湖滨新区")
            page.get_by_role("tab", name="删除").click()
            form = page.locator('[data-testid="stForm"]').filter(visible=True).filter(
                has=page.get_by_role("button", name="删除")
            )  # fmt: skip
            form.get_by_label("修改理由（必填）").fill(f"{page is first} 删除")
            forms.append(form)  # both show the first item of 市湖滨新区 selected
        _save(first, forms[0], "删除")
        forms[1].get_by_role("button", name="删除").click()
        wait_until(second, lambda: second.get_by_text("删除了该记录").count() > 0, what="conflict message")
        text = second.get_by_text("删除了该记录").first.inner_text()
        assert "planner" in text and "True 删除" in text and "未写入" in text
        after = [r for r in _records(vid, "assignments") if r["area_id"] == "hubin"]
        assert after == before[1:]  # the first item removed once; every other record as it was
    finally:
        for c in contexts:
            c.close()
