"""Every write path checks the acting user's stored role; two editors racing on one record: exactly one wins, the
other gets the conflict, nothing is lost. (Sign-in, slow-down and proxy trust are tested with the sessions.)"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import pytest
from shapely.geometry import box

from sq_layout.errors import PermissionDenied
from sq_layout.store import Workspace, drafts, edit_ops, users
from sq_layout.store.edits import RowChange, apply, records
from sq_layout.store.history import history, return_to, revert
from tests.edits.conftest import Team
from tests.edits.racing import race

FRAME = gpd.GeoDataFrame({"area_id": ["susu"]}, geometry=[box(118.30, 33.90, 118.36, 33.95)], crs=4326)
WRITES: dict[str, Callable[[Workspace, int, str | None], object]] = {
    "start_draft": lambda ws, d, who: drafts.start_draft(ws, who, 1),
    "host_chain": lambda ws, d, who: edit_ops.host_chain(
        ws, who, d, area_id="susu", chain_no=9, source="meeting", ref="x", reason="r"
    ),
    "apply": lambda ws, d, who: apply(ws, who, d, [RowChange("chains", 0, 1, {"name": "x"})], "r"),
    "revert": lambda ws, d, who: revert(ws, who, history(ws, d)[-1].id, "r"),
    "return_to": lambda ws, d, who: return_to(ws, who, d, 0, "r"),
    "boundaries": lambda ws, d, who: ws.save_boundaries(d, FRAME, source="s", file_name="f", user=who),
    "publish": lambda ws, d, who: drafts.publish(ws, who, d, "t", "2026-01-01"),
    "add_user": lambda ws, d, who: users.add_user(ws, "mallory", "admin", "password-123", actor=who),
    "set_role": lambda ws, d, who: users.set_role(ws, who or "vic", "admin", actor=who),
    "remove_user": lambda ws, d, who: users.remove_user(ws, "ada", actor=who),
    "set_password": lambda ws, d, who: users.set_password(ws, "ada", "password-123", actor=who),
}
EDITOR_MAY = {"start_draft", "host_chain", "apply", "revert", "return_to", "boundaries"}


@pytest.mark.parametrize("who", ["vic", None, "ghost", "eve"])
def test_every_write_path_checks_the_stored_role(team: Team, who: str | None) -> None:
    for name, write in WRITES.items():
        if who == "eve" and name in EDITOR_MAY:
            continue
        before = team.ws.checksum()
        with pytest.raises(PermissionDenied):
            write(team.ws, team.draft, who)
        assert team.ws.checksum() == before, name


def test_two_editors_racing_on_one_record(team: Team) -> None:
    ws = team.ws
    vid = drafts.start_draft(ws, "eve", 1, "race")
    row = next(r for r in records(ws, vid, "chains") if r["chain_no"] == 7)
    n_before = len(history(ws, vid))

    def save(name: str, value: float) -> Callable[[], object]:
        return lambda: edit_ops.set_chain_figures(
            ws, name, vid, 7, row["rev"], {"target_2025_yi": value}, f"{name} says {value}"
        )

    winners, losers = race({"eve": save("eve", 301.0), "ada": save("ada", 302.0)})
    assert len(winners) == 1 and len(losers) == 1
    now = next(r for r in records(ws, vid, "chains") if r["chain_no"] == 7)
    assert now["target_2025_yi"] == (301.0 if winners == ["eve"] else 302.0) and now["rev"] == row["rev"] + 1
    assert losers[0].current is not None and losers[0].current["target_2025_yi"] == now["target_2025_yi"]
    logged = history(ws, vid)
    assert len(logged) == n_before + 1 and logged[0].user == winners[0]
