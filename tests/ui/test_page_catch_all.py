"""The pages' catch-all (app.py): an unexpected failure inside a page — here a workspace table gone from under a
running app on PostgreSQL, reached through a URL with a password — is one message in the reader's language, with no
traceback, server path, SQL, table name or password on the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from sq_layout.i18n import Lang, t
from tests.store.backends import new_db_url, pg_server, seeded_db_url

__all__ = ["new_db_url", "pg_server", "seeded_db_url"]
ROOT = Path(__file__).resolve().parents[2]
SECRET = "s3cret-pw-19"


def _page_text(at: AppTest) -> str:
    kinds = (at.error, at.warning, at.info, at.success, at.markdown, at.caption, at.code, at.text, at.title)
    return "\n".join(str(e.value) for kind in kinds for e in kind)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_failure_inside_a_page_is_one_message_in_the_readers_language(
    lang: Lang, seeded_db_url: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = make_url(seeded_db_url("postgresql")).set(password=SECRET).render_as_string(hide_password=False)
    monkeypatch.setenv("SQ_LAYOUT_DB", url)
    monkeypatch.chdir(ROOT)
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception and not at.error  # the map page as it should be
    admin = create_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(text("ALTER TABLE change_set RENAME TO change_set_gone"))
        at.run()  # the page's next run meets a query the database refuses
    finally:
        admin.dispose()
        st.cache_resource.clear()
    assert not at.exception  # no traceback element
    assert [e.value for e in at.error] == [t("page_failed", lang)]
    shown = _page_text(at)
    for leak in ("Traceback", "SELECT", "change_set", "psycopg", SECRET, str(ROOT), "/usr/", ".py"):
        assert leak not in shown, leak


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_link_to_an_unknown_version_is_said_in_the_readers_language(
    lang: Lang, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sq_layout.errors import UnknownVersion

    monkeypatch.setenv("SQ_LAYOUT_DB", f"sqlite:///{tmp_path / 'w.sqlite'}")
    monkeypatch.chdir(ROOT)
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"lang": lang, "v": "999"})
    at.run()
    assert not at.exception
    said = [str(w.value) for w in at.warning if "v=999" in str(w.value)]
    expected = UnknownVersion("999", [1]).text(lang).split("999")[0]  # the sentence up to the version asked for
    assert said and expected in said[0], said
