"""A draft begun and a version published say, in the reader's words, which version they were drafted from or
superseded: worded from the versions themselves, not the stored English summary."""

from __future__ import annotations

import pytest

from sq_layout.export.history import history_rows
from sq_layout.i18n import Lang
from sq_layout.store import drafts
from sq_layout.store.history import history
from tests.edits.conftest import Team
from ui.versionpick import shown_note


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_version_events_name_the_versions_in_words(team: Team, lang: Lang) -> None:
    ws, base = team.ws, team.ws.info(team.draft).parent_id
    assert base is not None
    if ws.info(team.draft).kind == "draft":
        drafts.publish(ws, "ada", team.draft, "十五五 一稿", "2026-03-01")
    second = drafts.start_draft(ws, "eve", team.draft)
    published = {c.action: history_rows([c], lang=lang)[0]["summary"] for c in history(ws, team.draft)}
    begun = history_rows(history(ws, second), lang=lang)[0]["summary"]
    if lang == "zh":
        assert published == {"draft": f"以版本 {base} 为底的草案", "publish": f"发布，取代版本 {base}"}
        assert begun == f"以版本 {team.draft} 为底的草案"
    else:
        assert published == {"draft": f"Draft of version {base}", "publish": f"Published, superseding version {base}"}
        assert begun == f"Draft of version {team.draft}"
    note = shown_note(ws.info(team.draft), lang)  # the Workspace page's versions table
    assert note == {"zh": "2026-03-01 发布", "en": "published 2026-03-01"}[lang]


def test_a_draft_that_fails_the_publish_check_is_told_in_the_readers_words(team: Team) -> None:
    from sqlalchemy import update

    from sq_layout.errors import EditRejected
    from sq_layout.i18n.shown import sheet_name
    from sq_layout.store import tables as t

    ws = team.ws
    broken = drafts.start_draft(ws, "eve", ws.latest_id(), "坏草案")
    rec = t.records["chains"]
    with ws.engine.begin() as conn:  # what no edit can do: a record below the first revision
        conn.execute(update(rec).where(rec.c.version_id == broken).values(rev=0))
    with pytest.raises(EditRejected) as refused:
        drafts.publish(ws, "ada", broken, "坏草案", "2026-03-01")
    n = len(ws.load(broken).chains)
    zh, en = sheet_name("chains", "zh"), sheet_name("chains", "en")
    assert refused.value.messages("zh") == [f"草案未通过检查：{zh}：{n} 条记录的修订号小于 1"]
    assert refused.value.messages("en") == [f"The draft fails a check: {en}: {n} record(s) with a revision below 1"]
    assert ws.info(broken).kind == "draft"  # nothing published
