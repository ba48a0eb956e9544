"""Sources of an assignment (a plan passage needs a line and a quote standing on it; a meeting or document a
reference and no line), on edit and on import; record numbers are never reused; a return refuses unseen changes."""

from __future__ import annotations

from typing import TypedDict

import pytest

from sq_layout.errors import EditConflict, EditRejected, ImportRejected
from sq_layout.i18n import Lang
from sq_layout.plan.check import build, raw_tables
from sq_layout.plan.dataset import bundled
from sq_layout.plan.join import assignment_facts
from sq_layout.store import Workspace, drafts, edit_ops
from sq_layout.store.edits import records
from sq_layout.store.history import history, return_to
from tests.edits.conftest import Team


def _line_with(ws: Workspace, vid: int, text: str) -> tuple[int, str]:
    lines = ws.load(vid).plan_lines
    n = next(i for i, s in enumerate(lines) if text in s) + 1
    return n, text


class Source(TypedDict):
    source: str
    ref: str
    line: int | None
    quote: str


@pytest.mark.parametrize(
    ("kw", "key"),
    [
        (dict(source="ch5", ref="第五章", line=None, quote="泗洪县"), "ev_line"),
        (dict(source="ch5", ref="第五章", line=710, quote=""), "ev_quote_required"),
        (dict(source="ch5", ref="第五章", line=846, quote="这句话不在规划里"), "ev_quote_not_on_line"),
        (dict(source="meeting", ref="常务会议", line=846, quote=""), "ev_line_not_plan"),
        (dict(source="document", ref=" ", line=None, quote=""), "ev_empty"),
        (dict(source="rumour", ref="x", line=None, quote=""), "ev_unknown"),
    ],
)
def test_a_source_is_checked_and_nothing_written(team: Team, kw: Source, key: str) -> None:
    before = team.ws.checksum()
    with pytest.raises(EditRejected) as err:
        edit_ops.add_assignment(team.ws, "eve", team.draft, area_id="hubin", industry_id="ict", reason="r", **kw)
    assert key in [k for k, _ in err.value.problems]
    assert team.ws.checksum() == before


def test_plan_and_meeting_sources_are_stored_and_shown_honestly(team: Team) -> None:
    from sq_layout.analysis.views import area_panel

    ws = team.ws
    d = drafts.start_draft(ws, "eve", 1, "出处")
    line, quote = _line_with(ws, d, "泗洪县")
    edit_ops.add_assignment(ws, "eve", d, area_id="hubin", industry_id="pv", source="ch4", ref="第四章", line=line,
                            quote=f"  {quote} ", reason="规划原文")  # fmt: skip
    edit_ops.add_assignment(ws, "eve", d, area_id="hubin", industry_id="ict", source="meeting",
                            ref="市政府常务会议 2026-03-02", reason="会议决定")  # fmt: skip
    rows = {r["industry_id"]: r for r in records(ws, d, "assignments") if r["area_id"] == "hubin"}
    assert (rows["pv"]["line"], rows["pv"]["quote"]) == (line, quote)
    assert (rows["ict"]["source"], rows["ict"]["line"], rows["ict"]["quote"]) == ("meeting", 0, "")
    ds = ws.load(d)
    facts = assignment_facts(ds)
    mine = facts[(facts["area_id"] == "hubin") & (facts["industry_id"] == "ict") & (facts["subindustry_id"] == "")]
    assert list(mine["refs_meeting"]) == ["市政府常务会议 2026-03-02"]
    words: tuple[tuple[Lang, str], ...] = (("zh", "会议"), ("en", "Meeting"))
    for lang, word in words:
        panel = area_panel(ds, "hubin", lang)
        shown = " ".join(panel.industries["sources"])
        assert f"{word}：市政府常务会议 2026-03-02" in shown and f"{word} L0" not in shown
        assert 0 not in set(panel.passages["line"]) and line in set(panel.passages["line"])


def test_import_names_a_quote_not_on_its_line() -> None:
    ds = bundled()
    raw = raw_tables(ds)
    labels = {name: f"plan.xlsx › {name}" for name in raw}
    raw["assignments"].loc[3, "quote"] = "不在此行的引文"
    raw["assignments"].loc[5, ["source", "line", "quote"]] = ["meeting", "0", ""]  # a meeting: no line, fine
    raw["assignments"].loc[7, ["source", "line"]] = ["document", "12"]  # a document with a plan line: refused
    with pytest.raises(ImportRejected) as err:
        build(raw, labels, ds.plan_lines, ds.boundaries, "plan.xlsx")
    problems = err.value.problems
    where = "plan.xlsx › assignments: row 4 (line 5), column 'quote'"
    assert any(where in p and "不在此行的引文" in p for p in problems)
    assert any("row 8 (line 9), column 'line'" in p for p in problems)
    assert not any("row 6 " in p for p in problems) and len(problems) == 2


def test_a_removed_records_number_is_never_given_to_a_new_one(team: Team) -> None:
    ws = team.ws
    d = drafts.start_draft(ws, "eve", 1, "编号")
    edit_ops.add_assignment(ws, "eve", d, area_id="hubin", industry_id="pv", source="meeting", ref="会1", reason="r")
    last = max(records(ws, d, "assignments"), key=lambda r: r["row_no"])
    edit_ops.remove_record(ws, "eve", d, "assignments", last["row_no"], last["rev"], "删")
    edit_ops.add_assignment(ws, "eve", d, area_id="hubin", industry_id="ict", source="meeting", ref="会2", reason="r")
    newest = max(records(ws, d, "assignments"), key=lambda r: r["row_no"])
    assert newest["row_no"] > last["row_no"]
    before = ws.checksum()
    with pytest.raises(EditConflict) as err:  # a form still showing the removed record
        edit_ops.remove_record(ws, "ada", d, "assignments", last["row_no"], last["rev"], "旧页面")
    assert err.value.current is None and ws.checksum() == before


def test_return_refuses_a_change_saved_after_the_history_was_shown(team: Team) -> None:
    ws = team.ws
    d = drafts.start_draft(ws, "eve", 1, "回退")
    mark = history(ws, d)[0].id
    edit_ops.add_assignment(ws, "eve", d, area_id="hubin", industry_id="pv", source="meeting", ref="会", reason="r")
    seen = history(ws, d)[0].id
    edit_ops.add_assignment(
        ws, "ada", d, area_id="hubin", industry_id="ict", source="document", ref="文", reason="后来"
    )
    before = ws.checksum()
    with pytest.raises(EditRejected) as err:
        return_to(ws, "eve", d, mark, "回去", seen_last=seen)
    (key, values), *_ = err.value.problems
    assert key == "ev_history_moved" and values["who"] == "ada" and values["why"] == "后来"
    assert ws.checksum() == before
    return_to(ws, "eve", d, mark, "回去", seen_last=history(ws, d)[0].id)
    assert not [r for r in records(ws, d, "assignments") if r["area_id"] == "hubin" and r["note"] == "edit"]
