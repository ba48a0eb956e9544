"""Who may import, in headless Chromium on a workspace with admin, editor and viewer accounts (made with the CLI
before the app starts): a visitor is offered no upload on 工作空间, 边界导入 or 招商地图 › 导入 and creates nothing;
an editor's plan import becomes a draft with its author, and the default version stays the published one."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from sq_layout.imports.plan_template import template_bytes
from sq_layout.plan.dataset import bundled
from sq_layout.store import open_workspace
from tests.browser.conftest import ROOT, serve_app, wait_idle, wait_until

pytestmark = pytest.mark.browser

UPLOAD = '[data-testid="stFileUploaderDropzoneInput"]'


@pytest.fixture(scope="module")
def roles_app() -> Iterator[tuple[str, str]]:
    """The app on a fresh workspace holding admin 'ada', editor 'eve' and viewer 'vic' (added with the CLI)."""
    url = f"sqlite:///{tempfile.mkdtemp(prefix='sq_roles_')}/workspace.sqlite"
    env = {**os.environ, "SQ_LAYOUT_DB": url}
    for name, role in (("ada", "admin"), ("eve", "editor"), ("vic", "viewer")):
        cmd = [sys.executable, "-m", "sq_layout", "users", "add", name, "--role", role, "--password-stdin"]
        subprocess.run(cmd, input=f"{name}-password-1\n", text=True, cwd=ROOT, env=env, check=True, timeout=120)
    with serve_app({"SQ_LAYOUT_DB": url}, "streamlit-import-roles.log") as base:
        yield base, url


def _checksum(url: str) -> str:
    ws = open_workspace(url)
    try:
        return ws.checksum()
    finally:
        ws.engine.dispose()


def test_a_visitor_is_offered_no_upload_anywhere(page: Page, roles_app: tuple[str, str]) -> None:
    base, url = roles_app
    before = _checksum(url)

    page.goto(base + "workspace")
    wait_until(page, lambda: page.get_by_text("导入需先登录").count() > 0, timeout=60, what="workspace sign-in note")
    # the page is drawn down to its last section (the import section is above it)
    wait_until(page, lambda: page.get_by_text("导出版本").count() > 0, timeout=90, what="the whole workspace page")
    assert page.locator(UPLOAD).count() == 0 and page.get_by_role("button", name="检查并导入").count() == 0
    assert page.get_by_text("只有管理员可以发布草案").count() > 0

    page.goto(base + "boundaries")
    wait_until(page, lambda: page.get_by_text("导入边界需先以编辑者或管理员登录").count() > 0, what="boundary note")
    wait_idle(page, timeout=90)
    assert page.locator(UPLOAD).count() == 0

    page.goto(base + "investment")
    wait_until(page, lambda: page.get_by_text("导入", exact=True).count() > 0, timeout=60, what="investment views")
    page.get_by_text("导入", exact=True).first.click()
    wait_until(page, lambda: page.get_by_text("导入需先以编辑者或管理员登录").count() > 0, what="investment note")
    wait_idle(page, timeout=90)
    assert page.locator(UPLOAD).count() == 0

    assert _checksum(url) == before


def test_an_editors_import_is_a_draft(page: Page, roles_app: tuple[str, str], tmp_path: Path) -> None:
    base, url = roles_app
    ws = open_workspace(url)
    latest = ws.latest_id()
    template = tmp_path / "plan.xlsx"
    template.write_bytes(template_bytes(bundled()))

    page.goto(base + "workspace")
    wait_until(page, lambda: page.get_by_label("用户名").count() > 0, timeout=60, what="sign-in form")
    page.get_by_label("用户名").fill("eve")
    page.get_by_label("密码").fill("eve-password-1")
    page.get_by_role("button", name="登录").click()
    wait_until(page, lambda: page.get_by_text("已登录：eve").count() > 0, what="signed in as eve")
    wait_until(page, lambda: page.locator(UPLOAD).count() == 1, what="the upload offered to an editor")
    assert page.get_by_text("导入的版本是草案").count() > 0
    page.locator(UPLOAD).set_input_files(str(template))
    wait_until(page, lambda: page.get_by_text("plan.xlsx").count() > 0, what="the uploaded file listed")
    page.get_by_label("版本名称").fill("十五五 编辑导入")
    page.get_by_role("button", name="检查并导入").click()
    wait_until(page, lambda: page.get_by_text("已导入为草案").count() > 0, timeout=60, what="imported as a draft")

    draft = max(v.id for v in ws.versions())
    info = ws.info(draft)
    assert (info.kind, info.created_by, info.title, info.parent_id) == ("draft", "eve", "十五五 编辑导入", latest)
    assert ws.latest_id() == latest  # everyone still sees the published version by default
    ws.engine.dispose()
