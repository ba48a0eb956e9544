"""The 招商 workbench as an officer drives it in Chromium: record a target firm, make it a project lead, move it
along the pipeline and see the month's 通报; set a chain's leaders and 十个一; the 示例 mark on the demo map itself.
Each save lands in the workspace with its history (read back from the database)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page

from sq_layout.invest.repository import InvestData
from sq_layout.invest.store_repository import StoreRepository
from sq_layout.store import open_workspace
from sq_layout.store.changes import Change
from tests.browser.conftest import choose, download, fresh_workspace, pick, rerun, serve_app, wait_until
from tests.browser.test_investment import open_demo, points_frame

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def workbench_app() -> Iterator[tuple[str, str]]:
    """The app on its own fresh workspace (no accounts: a single-user install saves as 'local')."""
    url = fresh_workspace()
    with serve_app({"SQ_LAYOUT_DB": url}, "streamlit-workbench.log") as base:
        yield base, url


def records(url: str) -> tuple[InvestData, list[Change]]:
    """The workspace's investment records and their history, as the page saved them."""
    ws = open_workspace(url)
    try:
        repo = StoreRepository(ws, ws.latest_id())
        return repo.load(), repo.history()
    finally:
        ws.engine.dispose()


def said_under(page: Page, message: str, form: Locator) -> bool:
    """Whether a saved message is shown below the form that saved (the page keeps its scroll after a save)."""
    said, above = page.get_by_text(message).first.bounding_box(), form.bounding_box()
    return said is not None and above is not None and said["y"] >= above["y"] + above["height"]


def view(page: Page, name: str) -> None:
    """Switch the investment page to another of its views (the page reruns with it)."""
    with rerun(page):
        page.get_by_test_id("stRadioGroup").get_by_text(name, exact=True).first.click()


def test_record_a_target_and_move_it_along_the_pipeline(
    page: Page, workbench_app: tuple[str, str], tmp_path: Path
) -> None:
    base, url = workbench_app
    page.goto(base + "investment")
    wait_until(page, lambda: page.get_by_text("目标企业", exact=True).count() > 0, timeout=60, what="views")
    view(page, "目标企业")
    wait_until(page, lambda: page.get_by_text("登记目标企业").count() > 0, what="add form")
    form = page.get_by_test_id("stForm").filter(has_text="登记目标企业")
    form.get_by_label("企业名称").fill("示例目标光伏材料公司")
    form.get_by_label("省份（或国家/地区）").fill("江苏省")
    form.get_by_label("城市").fill("苏州市")
    chains = form.get_by_test_id("stMultiSelect")
    chains.locator("input").click()
    chains.locator("input").fill("晶硅光伏")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    choose(page, form.get_by_test_id("stSelectbox").nth(0), "苏州等对口市（L1208）")
    form.get_by_label("下一步").fill("上门拜访")
    form.get_by_role("button", name="登记").click()
    wait_until(page, lambda: page.get_by_text("已登记目标企业：示例目标光伏材料公司").count() > 0, what="target saved")
    assert said_under(page, "已登记目标企业：示例目标光伏材料公司", form)  # where the reader is, not the page's top
    data, history = records(url)
    assert data.prospects["name"].tolist() == ["示例目标光伏材料公司"]
    assert data.prospects.iloc[0][["province", "city", "chains", "category"]].tolist() == [
        "江苏省",
        "苏州市",
        "3",
        "苏州对口",
    ]
    assert history[0].user == "local" and history[0].rows[0]["table"] == "prospects"

    convert = page.get_by_test_id("stForm").filter(has_text="转为项目线索（进入项目推进）")
    choose(page, convert.get_by_test_id("stSelectbox").nth(1), "泗洪县")
    convert.get_by_role("button", name="转为项目线索").click()
    wait_until(page, lambda: page.get_by_text("已转为项目线索：示例目标光伏材料公司").count() > 0, what="lead made")

    view(page, "项目推进")
    wait_until(page, lambda: page.get_by_text("推进项目", exact=True).count() > 0, what="pipeline view")
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text("项目", exact=True))
    pick(page, box.first, "线索 · 示例目标光伏材料公司项目")
    choose(page, page.get_by_test_id("stSelectbox").filter(has=page.get_by_text("推进到", exact=True)).first, "在谈")
    page.get_by_role("button", name="保存推进").click()
    # the message names the project moved (it once named the stage it left)
    moved = "已保存：示例目标光伏材料公司项目 推进到“在谈”。"
    wait_until(page, lambda: page.get_by_text(moved, exact=True).count() > 0, what="move saved")
    data, history = records(url)
    project = data.projects[data.projects["firm"] == "示例目标光伏材料公司"].iloc[0]
    assert project["stage"] == "在谈" and project["date_talks"].date() == date.today()
    assert data.prospects.iloc[0]["status"] == "已转项目"
    assert history[0].reason.endswith("→ 在谈")
    # the month's bulletin lists the move (its month is offered first)
    wait_until(page, lambda: page.get_by_text("本月推进项目").count() > 0, what="bulletin")
    tables = page.get_by_test_id("stDataFrame")
    wait_until(page, lambda: tables.count() >= 3, what="bulletin tables")
    printed = download(page, page.get_by_role("button", name="下载通报打印版（PDF）"), tmp_path / "bulletin.pdf")
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
    assert "招商项目月度通报" in text and "示例目标光伏材料公司" in text  # the print lists the move just saved


def test_chain_leads_and_ten_ones_in_english(page: Page, workbench_app: tuple[str, str]) -> None:
    base, url = workbench_app
    page.goto(base + "investment?lang=en")
    wait_until(page, lambda: page.get_by_text("Chain leads", exact=True).count() > 0, timeout=60, what="views")
    view(page, "Chain leads")
    wait_until(page, lambda: page.get_by_text("The ten ones (十个一)").count() > 0, what="chain lead view")
    form = page.get_by_test_id("stForm").first
    form.get_by_label("City leader 1").fill("示例领导甲")
    form.get_by_label("Lead department").fill("示例牵头部门")
    form.get_by_role("button", name="Save the leadership").click()
    wait_until(page, lambda: page.get_by_text("Saved (history on the Import view).").count() > 0, what="lead saved")
    assert said_under(page, "Saved (history on the Import view).", page.get_by_test_id("stForm").first)
    data, history = records(url)
    row = data.chain_leads.set_index("chain_no").loc[3]
    assert (row["leader_1"], row["department"]) == ("示例领导甲", "示例牵头部门")
    assert history[0].rows[0]["table"] == "chain_leads"
    assert page.get_by_text("0 of 10 done.").count() > 0
    with rerun(page):  # saving the checklist untouched says so, and records nothing
        page.get_by_role("button", name="Save the checklist").click()
    wait_until(page, lambda: page.get_by_text("No field was changed.").count() > 0, what="nothing to save")
    assert len(records(url)[1]) == len(history)
    assert page.get_by_role("button", name="Download the one-page brief (PDF)").count() == 1


def test_the_demo_map_carries_its_mark_on_the_map(page: Page, workbench_app: tuple[str, str]) -> None:
    base, _ = workbench_app
    frame = open_demo(page, base)
    frame = points_frame(page)
    wait_until(page, lambda: frame.locator("#sq_notice .sq-notice-badge").count() == 1, what="demo mark")
    assert "示例数据（虚构）" in frame.locator("#sq_notice").inner_text()
    assert "svg" in frame.evaluate("() => getComputedStyle(document.getElementById('sq_notice')).backgroundImage")
