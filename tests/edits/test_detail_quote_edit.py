"""A detail added on the Edit page quotes the sentence of its line that names it, as the seed's details do; a text the
line does not hold gets no quote (both back ends)."""

from __future__ import annotations

from sq_layout.plan.sources import quote_on_line
from sq_layout.store import edit_ops
from sq_layout.store.edits import records
from tests.edits.conftest import Team


def test_an_added_detail_quotes_its_line(team: Team) -> None:
    ws, d = team.ws, team.draft
    lines = ws.load(d).plan_lines
    for kind, text in (("product", "精密压铸机"), ("note", "规划里没有的说法")):
        edit_ops.add_detail(ws, "eve", d, area_id="shuyang", industry_id="electromech", subindustry_id="equipment",
                            kind=kind, text=text, line=799, reason="补充")  # fmt: skip
    added = {r["text"]: r for r in records(ws, d, "details") if r["text"] in ("精密压铸机", "规划里没有的说法")}
    quote = added["精密压铸机"]["quote"]
    assert "精密压铸机" in quote and quote_on_line(quote, 799, lines) and quote.startswith("其中：装备制造产业")
    assert added["规划里没有的说法"]["quote"] == ""


def test_a_details_quote_follows_a_change_of_its_line_or_text_and_a_revert_puts_it_back(team: Team) -> None:
    from sq_layout.store.history import revert

    ws, d = team.ws, team.draft
    lines = ws.load(d).plan_lines
    row = next(r for r in records(ws, d, "details") if r["text"] == "车辆装备制造")
    was = row["quote"]
    assert quote_on_line(was, 799, lines)

    def now() -> dict[str, object]:
        return next(r for r in records(ws, d, "details") if r["row_no"] == row["row_no"])

    moved = edit_ops.update_record(ws, "eve", d, "details", row["row_no"], row["rev"], {"line": 5}, "挪错行")
    assert now()["quote"] == ""  # line 5 does not name it: no quote stands beside the wrong line
    renamed = now()
    fixed = edit_ops.update_record(ws, "eve", d, "details", row["row_no"], int(str(renamed["rev"])), {"line": 799,
                                   "text": "半固态成型制造装备"}, "改名")  # fmt: skip
    quote = str(now()["quote"])
    assert "半固态成型制造装备" in quote and quote_on_line(quote, 799, lines)
    revert(ws, "eve", fixed, "撤回改名")
    assert (now()["line"], now()["text"], now()["quote"]) == (5, "车辆装备制造", "")
    revert(ws, "eve", moved, "撤回挪行")
    assert (now()["line"], now()["text"], now()["quote"]) == (799, "车辆装备制造", was)
