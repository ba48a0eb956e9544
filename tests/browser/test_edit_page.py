"""The Edit page in headless Chromium: sign in, start a draft, make 苏宿工业园区 a host of a chain with a reason,
see the map and hosts table change, revert it, and see both in the history."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator

import pytest

from sq_layout.store import open_workspace
from sq_layout.store.users import add_user_cli
from tests.browser.conftest import choose, map_frame, serve_app, wait_idle, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def edit_app() -> Iterator[str]:
    """The app on a fresh workspace holding one editor account."""
    url = f"sqlite:///{tempfile.mkdtemp(prefix='sq_ed_')}/workspace.sqlite"
    ws = open_workspace(url)
    add_user_cli(ws, "planner", "editor", "planner-pass-1")
    ws.engine.dispose()
    env = {"SQ_LAYOUT_DB": url}
    with serve_app(env, "streamlit-edit.log") as base:
        yield base


def _hosts(page, app: str, vid: str) -> tuple[bool, str]:
    page.goto(f"{app}?v={vid}&chain=1")
    frame = map_frame(page)
    wait_idle(page)
    table = page.locator('[data-testid="stDataFrame"]').first
    wait_until(page, lambda: table.is_visible(), what="hosts table")
    wait_until(page, lambda: table.locator('[role="gridcell"]').count() > 0, what="hosts table cells")
    return frame.locator("path.sq-host-susu").count() > 0, " ".join(
        table.locator('[role="gridcell"]').all_text_contents()
    )


def test_sign_in_edit_map_revert_history(page, edit_app):
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
    choose(page, page.get_by_label("县区 / 功能区（示意范围）").first, "苏宿工业园区")
    wait_idle(page)
    form = page.locator('[data-testid="stForm"]').first
    form.get_by_label("出处（规划段落、会议、文号）").fill("市发改委会议纪要〔2026〕3号")
    form.get_by_label("修改理由（必填）").fill("园区引进化纤项目")
    form.get_by_role("button", name="保存").click()
    wait_until(page, lambda: page.get_by_text("已保存").count() > 0, what="saved")

    on_map, text = _hosts(page, edit_app, vid)
    assert on_map and "苏宿工业园区" in text

    page.goto(f"{edit_app}edit?v={vid}")
    page.get_by_role("tab", name="修改记录").click()
    wait_until(page, lambda: page.get_by_role("button", name="撤销此修改").count() > 0, what="history tab")
    history = page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="撤销此修改"))
    history.get_by_label("修改理由（必填）").fill("会议决定暂缓")
    history.get_by_role("button", name="撤销此修改").click()
    wait_until(page, lambda: page.get_by_text("已保存").count() > 0, what="reverted")
    page.get_by_role("tab", name="修改记录").click()
    cells = page.locator('[data-testid="stDataFrame"]').first.locator('[role="gridcell"]')
    wait_until(page, lambda: cells.count() > 0, what="history table")
    body = " ".join(cells.all_text_contents())
    assert "revert" in body and "园区引进化纤项目" in body and "会议决定暂缓" in body and "planner" in body

    on_map, text = _hosts(page, edit_app, vid)
    assert not on_map and "苏宿工业园区" not in text
