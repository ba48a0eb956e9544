"""Two editors interleave add / change / remove / revert / publish on one draft, each acting on the list as they last
looked at it (hypothesis stateful). After every step: an applied change touched exactly the record it named, a refused
one touched nothing, and saved = logged = revisions (every record is as its newest log entry left it)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from sq_layout.errors import EditConflict, EditRejected
from sq_layout.store import drafts, edit_ops
from sq_layout.store.edits import records
from sq_layout.store.history import _same, history, revert
from tests.edits.conftest import Team

EDITORS = ("eve", "ada")
TABLES = ("assignments", "details", "chains")
Snapshot = dict[tuple[str, int], dict[str, Any]]


def _snapshot(team: Team, vid: int) -> Snapshot:
    return {(table, r["row_no"]): r for table in TABLES for r in records(team.ws, vid, table)}


def _changed(before: Snapshot, after: Snapshot) -> set[tuple[str, int]]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


class TwoEditors(RuleBasedStateMachine):
    """The machine; `team` is set by the test before it runs."""

    team: Team

    def __init__(self) -> None:
        super().__init__()
        self.ws = self.team.ws
        self.draft = drafts.start_draft(self.ws, "eve", self.ws.latest_id(), "并发")
        self.views: dict[str, tuple[int, Snapshot, list[int]]] = {}
        self.saved = 0  # changes this machine saw go through on the current draft
        self.n = 0
        for who in EDITORS:
            self._look(who)

    def _look(self, who: str) -> None:
        ids = [c.id for c in history(self.ws, self.draft) if c.action != "draft"]
        self.views[who] = (self.draft, _snapshot(self.team, self.draft), ids)

    def _pick(self, who: str, table: str, i: int) -> tuple[int, dict[str, Any]] | None:
        vid, seen, _ = self.views[who]
        # one area's few records (the newest last), so the editors often pick the same one
        rows = [r for (tab, _), r in sorted(seen.items()) if tab == table and r.get("area_id", "hubin") == "hubin"]
        return (vid, rows[-1 if i % 3 == 0 else i % len(rows)]) if rows else None

    def _step(
        self, vid: int, action: Any, named: set[tuple[str, int]] | None, saw: dict[str, Any] | None = None
    ) -> None:
        """Run one write; check what it touched (named: the records it names; None: one new record; saw: the record
        as the editor saw it, which an applied change must have found unchanged, not a newcomer under its number)."""
        before = _snapshot(self.team, self.draft)
        try:
            action()
        except (EditConflict, EditRejected):
            assert _changed(before, _snapshot(self.team, self.draft)) == set(), "a refused change wrote something"
            return
        assert vid == self.draft, "a change on a published version went through"
        changed = _changed(before, _snapshot(self.team, self.draft))
        if named is None:
            assert len(changed) == 1 and all(k not in before for k in changed), changed
        else:
            assert changed == named, f"touched {changed}, named {named}"
            if saw is not None:
                assert before[(saw["table"], saw["row_no"])] == saw["row"], "applied to another record than seen"
        self.saved += 1

    @rule(who=st.sampled_from(EDITORS))
    def look(self, who: str) -> None:
        self._look(who)

    @rule(who=st.sampled_from(EDITORS), area=st.sampled_from(["hubin", "hubin", "susu"]))
    def add(self, who: str, area: str) -> None:
        vid = self.views[who][0]
        self.n += 1
        ref = f"{who} 会议纪要 {self.n}"
        self._step(vid, lambda: edit_ops.add_assignment(self.ws, who, vid, area_id=area, industry_id="ict",
                                                        source="meeting", ref=ref, reason="新增"), None)  # fmt: skip

    @rule(who=st.sampled_from(EDITORS), table=st.sampled_from(["assignments", "details"]), i=st.integers(0, 400))
    def remove(self, who: str, table: str, i: int) -> None:
        picked = self._pick(who, table, i)
        if picked:
            vid, row = picked
            call = edit_ops.remove_record
            self._step(vid, lambda: call(self.ws, who, vid, table, row["row_no"], row["rev"], "删除"),
                       {(table, row["row_no"])}, {"table": table, "row_no": row["row_no"], "row": row})  # fmt: skip

    @rule(who=st.sampled_from(EDITORS), table=st.sampled_from(TABLES), i=st.integers(0, 400))
    def change(self, who: str, table: str, i: int) -> None:
        picked = self._pick(who, table, i)
        if picked:
            vid, row = picked
            self.n += 1
            values: dict[str, dict[str, Any]] = {
                "chains": {"target_2023_yi": self.n},
                "details": {"text": f"{who} 改 {self.n}"},
            }
            value = values.get(table, {"note": f"{who} 改 {self.n}"})
            call = edit_ops.update_record
            self._step(vid, lambda: call(self.ws, who, vid, table, row["row_no"], row["rev"], value, "修改"),
                       {(table, row["row_no"])}, {"table": table, "row_no": row["row_no"], "row": row})  # fmt: skip

    @rule(who=st.sampled_from(EDITORS), i=st.integers(0, 50))
    def undo(self, who: str, i: int) -> None:
        vid, _, ids = self.views[who]
        if not ids:
            return
        target = ids[i % len(ids)]
        logged = json.loads(json.dumps(next(c.rows for c in history(self.ws, vid) if c.id == target)))
        named = {(d["table"], d["row_no"]) for d in logged if d["table"] in TABLES}
        self._step(vid, lambda: revert(self.ws, who, target, "撤销"), named)

    @rule()
    def publish(self) -> None:
        """Publish the draft (admin) and go on with a new one; the editors' views still show the old one."""
        self.n += 1
        drafts.publish(self.ws, "ada", self.draft, f"第 {self.n} 版", "2026-03-01")
        self.draft = drafts.start_draft(self.ws, "eve", self.draft, "并发")
        self.saved = 0

    @invariant()
    def saved_logged_revisions(self) -> None:
        log = [c for c in history(self.ws, self.draft) if c.action != "draft"]
        assert len(log) == self.saved, f"{self.saved} saved, {len(log)} logged"
        now = _snapshot(self.team, self.draft)
        newest: dict[tuple[str, int], dict[str, Any] | None] = {}
        for c in reversed(log):  # oldest first: the last one written wins
            for d in c.rows:
                assert d["before"] is None or d["after"] is None or d["after"]["rev"] == d["before"]["rev"] + 1
                newest[(d["table"], d["row_no"])] = d["after"]
        for key, after in newest.items():
            if key[0] in TABLES:
                current = now.get(key)
                assert (current is None) == (after is None), key
                if current is not None:
                    assert after is not None and current["rev"] == after["rev"]
                    full = {**current, **{k: v for k, v in after.items() if k not in current}}
                    assert _same(full, after), key


def test_two_editors_interleaving(team: Team) -> None:
    TwoEditors.team = team
    runs = 3 if team.ws.engine.dialect.name == "sqlite" else 2
    steady = settings(max_examples=runs, stateful_step_count=10, deadline=None, derandomize=True)
    run_state_machine_as_test(TwoEditors, settings=settings(steady, suppress_health_check=list(HealthCheck)))
