"""The Edit page's conflict path (Streamlit AppTest, no browser): a colleague saves the same chain figures after the
form opened; the save is refused with who, when and why, then re-applied on top."""

from __future__ import annotations

from pathlib import Path

import pytest

from sq_layout.i18n import Lang
from sq_layout.store import drafts, edit_ops
from sq_layout.store.edits import records
from tests.edits.edit_page import edit_page, edit_workspace


def test_conflict_is_explained_and_can_be_reapplied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = edit_workspace(tmp_path, monkeypatch)
    vid = drafts.start_draft(ws, "eve", 1, "草案")
    at = edit_page(ws, "eve", vid)
    at.radio(key="ed_kind").set_value("figures").run()  # the form opens on chain 1 at revision 1
    chain = next(r for r in records(ws, vid, "chains") if r["chain_no"] == 1)
    edit_ops.set_chain_figures(ws, "ada", vid, 1, chain["rev"], {"target_2025_yi": 1111}, "领导批示")

    at.text_input(key="f_target_2025_yi_1").set_value("1234")
    at.text_input(key="reason-figures").set_value("我的修改")
    next(b for b in at.button if b.label == "保存").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "ada" in errors and "领导批示" in errors and "未写入" in errors
    assert next(r for r in records(ws, vid, "chains") if r["chain_no"] == 1)["target_2025_yi"] == 1111
    next(b for b in at.button if b.key == "reapply").click().run()
    assert next(r for r in records(ws, vid, "chains") if r["chain_no"] == 1)["target_2025_yi"] == 1234
    ws.engine.dispose()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_form_renders_translated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang) -> None:
    from sq_layout.i18n import t
    from sq_layout.i18n.editing import FIELDS

    ws = edit_workspace(tmp_path, monkeypatch)
    vid = drafts.start_draft(ws, "eve", 1, "草案")
    at = edit_page(ws, "eve", vid, lang)
    for kind in ("host", "detail", "figures", "rename", "boundary"):
        at.radio(key="ed_kind").set_value(kind).run()
        assert not at.exception, (kind, [e.value for e in at.exception])
        assert at.radio(key="ed_kind").label == t("ed_kind", lang)
        labels = {w.label for w in [*at.text_input, *at.selectbox, *at.radio, *at.number_input]}
        assert t("ed_reason", lang) in labels or kind == "boundary", kind
        assert not labels & set(FIELDS), (kind, labels & set(FIELDS))  # no raw field name as a label
        if kind == "figures":
            assert FIELDS["target_2025_yi"][lang] in labels
    ws.engine.dispose()
