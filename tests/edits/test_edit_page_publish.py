"""The Edit page's publish tab when the draft's base is no longer the latest published version (Streamlit AppTest):
it lists what was published since (version, who, when) and publishes only after a yes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sq_layout.i18n import Lang, t
from sq_layout.i18n.shown import when
from sq_layout.store import drafts
from tests.edits.edit_page import edit_page, edit_workspace


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_publishing_on_a_stale_base_shows_what_changed_and_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    ws = edit_workspace(tmp_path, monkeypatch)
    mine = drafts.start_draft(ws, "eve", 1, "我的草案")
    theirs = drafts.start_draft(ws, "eve", 1, "另一草案")
    drafts.publish(ws, "ada", theirs, "十五五 中期调整", "2026-03-01")
    published = ws.info(theirs)

    at = edit_page(ws, "ada", mine, lang)
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert t("ed_published_since", lang).format(base=1, latest=theirs) in warning
    headers = [t(k, lang) for k in ("ed_col_version", "ed_col_published_by", "ed_col_published_at")]
    since = next(d.value for d in at.dataframe if list(d.value.columns) == headers)
    row = since.iloc[0].tolist()
    assert row == [f"v{theirs} · 十五五 中期调整", "ada", when(published.created, lang)]

    publish = next(b for b in at.button if b.label == t("ed_publish", lang))
    publish.click().run()  # no yes given: refused, the draft stays a draft
    assert ws.info(mine).kind == "draft"
    assert any(f"v{theirs}" in e.value for e in at.error)
    at.checkbox(key="pub_confirm").check()
    next(b for b in at.button if b.label == t("ed_publish", lang)).click().run()
    assert ws.info(mine).kind == "published" and ws.info(mine).supersedes == theirs
    assert not at.exception
    ws.engine.dispose()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_draft_started_without_a_title_is_named_in_the_readers_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    ws = edit_workspace(tmp_path, monkeypatch)
    at = edit_page(ws, "eve", 1, lang)
    next(b for b in at.button if b.label == t("ed_start_draft", lang)).click().run()
    assert not at.exception
    new = max(v.id for v in ws.versions())
    base_title = t("ws_baseline_title", lang)  # the bundled baseline's title in the reader's words
    assert ws.info(new).title == t("ed_draft_default", lang).format(title=base_title)
