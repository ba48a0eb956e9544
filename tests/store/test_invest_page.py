"""The investment page on the workspace (Streamlit AppTest, no browser): an import survives a restart, the demo set
never reaches the store, and saving needs an editor once the workspace has accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sq_layout.invest.repository import plan_baseline
from sq_layout.invest.store_repository import StoreRepository, clear_cache
from sq_layout.store import open_workspace
from sq_layout.store.sessions import redeem_handoff, start_handoff
from sq_layout.store.users import add_user_cli
from tests.store.test_invest_store import good_firms

ROOT = Path(__file__).resolve().parents[2]


def page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "ui" / "investment.py"), default_timeout=240)
    at.run()
    assert not at.exception, at.exception
    return at


def counts(at: AppTest) -> str:
    """The map view's count line."""
    if at.radio(key="inv_view").value != "map":
        at.radio(key="inv_view").set_value("map").run()
    return next(c.value for c in at.caption if c.value.startswith("当前筛选"))


def count_line(firms: int, projects: int) -> str:
    """What the count line says of so many firms and projects."""
    return f"企业 {firms} 家 · 项目 {projects} 个"


def baseline_counts(url: str) -> tuple[int, int]:
    """Firms and projects of the plan baseline of the workspace's default version."""
    ws = open_workspace(url)
    base = plan_baseline(ws.load(ws.latest_id()))
    ws.engine.dispose()
    return len(base.firms), len(base.projects)


def upload_firms(at: AppTest) -> None:
    at.radio(key="inv_view").set_value("import").run()
    at.selectbox(key="inv_crs").set_value("gcj02")
    at.file_uploader(key="inv_upload").upload("firms.csv", good_firms(), "text/csv")
    at.run()
    at.button(key="inv_import_btn").click().run()
    assert not at.exception, at.exception


@pytest.fixture
def workspace_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    monkeypatch.setenv("SQ_LAYOUT_DB", url)
    monkeypatch.setenv("SQ_LAYOUT_SECRET", "page-test-secret")
    monkeypatch.chdir(ROOT)
    return url


def test_an_import_survives_a_restart_and_the_demo_stays_out(workspace_url: str) -> None:
    firms, projects = baseline_counts(workspace_url)
    at = page()
    assert count_line(firms, projects) in counts(at)  # the plan baseline
    upload_firms(at)
    assert any("已导入：企业 3" in s.value for s in at.success)
    assert count_line(firms + 3, projects) in counts(at)

    clear_cache()  # as after a restart: read back from the database
    at = page()  # a new session
    assert count_line(firms + 3, projects) in counts(at)
    at.radio(key="inv_view").set_value("import").run()
    shown = " ".join(c.value for c in at.caption)
    assert "版本 v1" in shown and "本机用户" in shown  # the single-user install's author, in words
    assert any(e.label == "招商记录修改记录（1）" for e in at.expander)

    ws = open_workspace(workspace_url)
    before = ws.checksum()
    at.button(key="inv_demo_btn").click().run()
    assert any("示例数据" in w.value for w in at.warning)
    assert f"企业 {firms + 3} 家" not in counts(at)
    at.radio(key="inv_view").set_value("import").run()
    assert any("不会写入工作区" in i.value for i in at.info)
    at.button(key="inv_reset_btn").click().run()
    assert count_line(firms + 3, projects) in counts(at)
    assert ws.checksum() == before  # the demo set never reached the store
    ws.engine.dispose()


def test_saving_needs_an_editor_once_accounts_exist(workspace_url: str) -> None:
    ws = open_workspace(workspace_url)
    add_user_cli(ws, "eve", "editor", None)
    before = ws.checksum()
    firms, projects = baseline_counts(workspace_url)
    at = page()
    at.radio(key="inv_view").set_value("import").run()
    assert not at.exception, at.exception
    # a visitor is offered no upload (so no file of theirs is ever read), is told why and where to sign in
    assert not [u for u in at.get("file_uploader") if u.key == "inv_upload"]
    assert not [b for b in at.button if b.key == "inv_import_btn"]
    assert any("导入需先以编辑者或管理员登录" in i.value for i in at.info)
    assert any("需以“编辑”（editor）或管理员身份登录" in c.value for c in at.caption)
    assert any(e.label == "登录以保存" for e in at.expander)
    assert ws.checksum() == before and count_line(firms, projects) in counts(at)

    at.session_state["sq_sid"] = redeem_handoff(ws, start_handoff(ws, "eve", None), None)
    upload_firms(at)
    assert any("已导入：企业 3" in s.value for s in at.success)
    assert any(e.label == "招商记录修改记录（1）" for e in at.expander)
    assert count_line(firms + 3, projects) in counts(at)
    clear_cache()
    assert [c.user for c in StoreRepository(ws, ws.latest_id()).history()] == ["eve"]  # saved, naming its author
    ws.engine.dispose()
