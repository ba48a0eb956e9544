"""A boundary replace on a draft names the revisions it was made on: a stale one is refused (who, when, in the reader's
language) and writes nothing; two editors replacing one boundary at once: exactly one wins. Both back ends."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import box

from sq_layout.errors import EditConflict
from sq_layout.i18n.shown import when
from sq_layout.store import drafts
from sq_layout.store.history import conflict_text, history
from tests.edits.conftest import Team
from tests.edits.racing import race


def _square(x: float) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"area_id": ["susu"]}, geometry=[box(x, 33.90, x + 0.06, 33.95)], crs=4326)


def _replace(team: Team, who: str, x: float, seen: dict[str, tuple[int, int]]) -> int:
    frame = _square(x)
    return drafts.replace_boundaries(
        team.ws, who, team.draft, frame, seen=seen, source="规划局", file_name=f"{who}.geojson", reason=f"{who} 导入"
    )


def test_a_replace_on_a_stale_base_is_refused_and_names_who(team: Team) -> None:
    ws, d = team.ws, team.draft
    seen = drafts.boundary_revs(ws, d)
    _replace(team, "eve", 118.30, seen)
    before = ws.checksum()
    with pytest.raises(EditConflict) as caught:
        _replace(team, "ada", 118.40, seen)  # made on the draft before eve's replace
    assert ws.checksum() == before
    geom = ws.load(d).boundaries.set_index("area_id").at["susu", "geometry"]
    assert geom.bounds[0] == pytest.approx(118.30)
    saved_at = history(ws, d)[0].created
    zh, en = (conflict_text(ws, d, caught.value, lang) for lang in ("zh", "en"))
    assert "eve" in zh and "eve 导入" in zh and "未写入" in zh and when(saved_at, "zh") in zh
    assert "eve" in en and "Nothing was written" in en and when(saved_at, "en") in en
    for text in (zh, en):
        assert "boundaries" not in text and "Traceback" not in text
    _replace(team, "ada", 118.40, drafts.boundary_revs(ws, d))  # made on the draft as it is now: saved


def test_a_boundary_missing_from_what_was_seen_is_not_overwritten(team: Team) -> None:
    before = team.ws.checksum()
    with pytest.raises(EditConflict) as caught:
        _replace(team, "eve", 118.50, {})  # "the area had no boundary" — but it has one
    assert caught.value.current is not None and team.ws.checksum() == before


def test_two_editors_replacing_one_boundary_at_once(team: Team) -> None:
    ws, d = team.ws, team.draft
    seen = drafts.boundary_revs(ws, d)
    n_before = len(history(ws, d))
    winners, losers = race({"eve": lambda: _replace(team, "eve", 118.31, seen),
                            "ada": lambda: _replace(team, "ada", 118.32, seen)})  # fmt: skip
    assert len(winners) == 1 and len(losers) == 1
    geom = ws.load(d).boundaries.set_index("area_id").at["susu", "geometry"]
    assert geom.bounds[0] == pytest.approx(118.31 if winners == ["eve"] else 118.32)
    row_no, rev = seen["susu"]
    assert drafts.boundary_revs(ws, d)["susu"] == (row_no, rev + 1)
    logged = history(ws, d)
    assert len(logged) == n_before + 1 and logged[0].user == winners[0]
