"""Random valid and invalid edits (hypothesis): only the project's own refusals ever surface, and the draft always
passes the store's consistency check afterwards."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sq_layout.errors import EditConflict, EditRejected
from sq_layout.store import consistency, edit_ops
from sq_layout.store.edits import RowChange, apply
from sq_layout.store.history import history, return_to, revert
from tests.edits.conftest import Team

AREAS = ["susu", "sihong", "hubin", "nowhere", "", "SUSU"]
INDUSTRIES = ["pv", "ict", "textile", "bogus", ""]
SUBS = ["", "fiber", "ic", "apparel", "zzz"]
TABLES = ["assignments", "details", "chains", "areas", "industries", "subindustries", "boundaries", "nope"]
COLUMNS = ["name", "text", "ref", "line", "target_2025_yi", "output_2020_yi", "area_id", "kind", "source", "rev"]
text = st.text(max_size=30)
value: st.SearchStrategy[Any] = st.one_of(
    st.none(), text, st.integers(-10, 3000), st.floats(allow_nan=True, allow_infinity=True), st.booleans()
)
reason = st.one_of(st.just("理由"), text)

ops = st.one_of(
    st.tuples(st.just("host"), st.sampled_from(AREAS), st.integers(-1, 22), text, reason),
    st.tuples(
        st.just("assign"),
        st.sampled_from(AREAS),
        st.sampled_from(INDUSTRIES),
        st.sampled_from(SUBS),
        st.integers(-3, 2000),
        reason,
    ),
    st.tuples(
        st.just("figures"),
        st.integers(0, 21),
        st.integers(0, 4),
        st.dictionaries(st.sampled_from([*edit_ops.FIGURES, "bogus"]), value, max_size=3),
        reason,
    ),
    st.tuples(
        st.just("update"),
        st.sampled_from(TABLES),
        st.integers(-1, 250),
        st.integers(0, 4),
        st.dictionaries(st.sampled_from(COLUMNS), value, max_size=3),
        reason,
    ),
    st.tuples(st.just("remove"), st.sampled_from(TABLES), st.integers(0, 250), st.integers(0, 4), reason),
    st.tuples(st.just("rename"), st.sampled_from(AREAS), st.integers(0, 4), text, reason),
    st.tuples(st.just("undo"), st.integers(0, 3), reason),
)


def _run(team: Team, op: tuple[Any, ...]) -> None:
    ws, d = team.ws, team.draft
    kind, *args = op
    if kind == "host":
        edit_ops.host_chain(
            ws, "eve", d, area_id=args[0], chain_no=args[1], source="meeting", ref=args[2], reason=args[3]
        )
    elif kind == "assign":
        area, ind, sub, line, why = args
        source = "ch5" if line > 0 else "meeting"
        edit_ops.add_assignment(ws, "eve", d, area_id=area, industry_id=ind, subindustry_id=sub, source=source,
                                ref="x", line=line or None, quote="x", reason=why)  # fmt: skip
    elif kind == "figures":
        edit_ops.set_chain_figures(ws, "eve", d, args[0], args[1], args[2], args[3])
    elif kind == "update":
        apply(ws, "eve", d, [RowChange(args[0], args[1], args[2], args[3])], args[4])
    elif kind == "remove":
        apply(ws, "eve", d, [RowChange(args[0], args[1], args[2], None)], args[3])
    elif kind == "rename":
        edit_ops.rename_area(ws, "eve", d, args[0], args[1], {"name": args[2]}, args[3])
    else:
        done = [c for c in history(ws, d) if c.action != "draft"]
        if args[0] == 0 and done:
            return_to(ws, "eve", d, done[-1].id, args[1])
        elif done:
            revert(ws, "eve", done[min(args[0], len(done) - 1)].id, args[1])


@pytest.mark.filterwarnings("ignore")
def test_random_edits_keep_the_draft_consistent(team: Team) -> None:
    examples = 10 if team.ws.engine.dialect.name == "sqlite" else 4

    @settings(max_examples=examples, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.lists(ops, min_size=1, max_size=4))
    def run(batch: list[tuple[Any, ...]]) -> None:
        for op in batch:
            with contextlib.suppress(EditRejected, EditConflict):  # the project's refusals; anything else fails
                _run(team, op)
        assert consistency.problems(team.ws, team.draft) == []

    run()
