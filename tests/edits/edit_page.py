"""The Edit page under Streamlit's AppTest: a fresh workspace with an editor (eve) and an admin (ada), and the page
opened on a version by a signed-in account."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sq_layout.i18n import Lang
from sq_layout.paths import ROOT
from sq_layout.store import Workspace, open_workspace
from sq_layout.store.sessions import redeem_handoff, start_handoff
from sq_layout.store.users import add_user_cli


def edit_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A new SQLite workspace the page will open (its URL in the environment), with eve (editor) and ada (admin)."""
    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    monkeypatch.setenv("SQ_LAYOUT_DB", url)
    monkeypatch.setenv("SQ_LAYOUT_SECRET", "page-test-secret")
    monkeypatch.chdir(ROOT)
    ws = open_workspace(url)
    add_user_cli(ws, "eve", "editor", None)
    add_user_cli(ws, "ada", "admin", None)
    return ws


def edit_page(ws: Workspace, user: str, version: int, lang: Lang | None = None) -> AppTest:
    """The Edit page on `version`, signed in as `user` (through a sign-in hand-off, as the browser's is), run once."""
    at = AppTest.from_file(str(ROOT / "ui" / "edit.py"), default_timeout=120)
    if lang is not None:
        at.query_params["lang"] = lang
    at.session_state["sq_sid"] = redeem_handoff(ws, start_handoff(ws, user, None), None)
    at.session_state["ws_version"] = str(version)
    return at.run()
