"""The 招商 workbench's records in the workspace on SQLite and PostgreSQL: target firms imported and edited, a project
moved along the pipeline, 链长制 and 十个一 saved — each with history in the one change log, read back equal — and
the month's 通报 built from that log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import pytest

from sq_layout.invest.pipeline import advance, bulletin, moves
from sq_layout.invest.repository import import_upload
from sq_layout.invest.seed import read_targets
from sq_layout.invest.store_repository import StoreRepository, clear_cache
from sq_layout.invest.workbench import checklist, lead, set_checklist, set_lead, to_project, update_prospects
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace
from tests.frames import number
from tests.invest.test_import import csv
from tests.store.test_invest_store import fresh_version

PROSPECTS = csv(
    "企业名称,省份,城市,产业链,环节,类别,状态,拟落户区域,责任人,下一步,登记日期",
    "示例目标甲,上海市,,晶硅光伏,电池片,长三角,,泗洪县,驻沪招商局,上门拜访,2025-11-03",
    "示例目标乙,江苏省,苏州市,3；4,,苏州对口,已接触,,招商局一处,寄送资料,2025-10-20",
)


@pytest.fixture(scope="module")
def plan(ws: Workspace) -> Dataset:
    return ws.load(ws.latest_id())


def tables_equal(a: pd.DataFrame, b: pd.DataFrame) -> None:
    a, b = a.reset_index(drop=True).copy(), b.reset_index(drop=True).copy()
    for f in (a, b):
        for c in f.columns:
            if pd.api.types.is_string_dtype(f[c]) and not pd.api.types.is_datetime64_any_dtype(f[c]):
                f[c] = f[c].astype("str")
    pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_targets_pipeline_and_chain_lead_round_trip_with_history(ws: Workspace, plan: Dataset) -> None:
    vid = fresh_version(ws, plan)
    repo = StoreRepository(ws, vid, ds=plan)
    (res,) = import_upload(repo, plan, "目标企业.csv", PROSPECTS)
    assert res.ok, res.problems
    data = repo.load()
    t = data.prospects.set_index("prospect_id")
    assert list(t.index) == ["T00001", "T00002"] and t.loc["T00001", "status"] == "待接触"  # blank status: 待接触
    assert t.loc["T00002", "chains"] == "3;4" and t.loc["T00001", "area_id"] == "sihong"
    assert t.loc["T00001", "links"] == "c3-cell" and t.loc["T00001", "date_added"] == pd.Timestamp("2025-11-03")

    repo.save(update_prospects(data, pd.DataFrame({"prospect_id": ["T00002"], "status": ["洽谈中"]})), "跟进")
    data = repo.load()
    repo.save(to_project(plan, data, "T00001", "sihong", 12.5, date(2025, 11, 5)), "目标企业转为项目线索")
    data = repo.load()
    pid = data.projects["project_id"].iloc[-1]
    for stage, day in (("在谈", date(2025, 11, 12)), ("签约", date(2025, 11, 28))):
        repo.save(advance(data, pid, stage, day), f"推进到{stage}")
        data = repo.load()
    repo.save(set_lead(data, 3, "示例市领导甲", "示例市领导乙", "市发展改革委", ""), "链长制")
    data = repo.load()
    items = checklist(data, 3).assign(status=["已完成", "推进中", *["未开始"] * 8])
    items.loc[0, "date"] = pd.Timestamp("2025-06-01")
    items.loc[0, "document"] = "宿政办〔2025〕1号"
    items.loc[0, "owner"] = "市发改委"
    repo.save(set_checklist(data, 3, items), "十个一")
    saved = repo.load()

    clear_cache()  # read back from the database
    got = StoreRepository(ws, vid, ds=plan).load()
    for name in ("prospects", "projects", "chain_leads", "chain_tasks"):
        tables_equal(getattr(got, name), getattr(saved, name))
    assert lead(got, 3)["department"] == "市发展改革委"
    assert checklist(got, 3)["status"].tolist()[:3] == ["已完成", "推进中", "未开始"]
    project = got.projects.set_index("project_id").loc[pid]
    assert project["stage"] == "签约" and project["date_talks"] == pd.Timestamp("2025-11-12")
    assert got.prospects.set_index("prospect_id").loc["T00001", "status"] == "已转项目"

    history = repo.history()
    reasons = [c.reason for c in history]
    assert reasons[:3] == ["十个一", "链长制", "推进到签约"] and reasons[-1] == "import 目标企业.csv"
    tables = {d["table"] for c in history for d in c.rows}
    assert {"prospects", "projects", "chain_leads", "chain_tasks"} <= tables
    moved = moves(got, history, "2025-11")
    assert moved.loc[moved["project_id"] == pid, "to"].tolist() == ["线索", "在谈", "签约"]
    assert set(moved.loc[moved["project_id"] == pid, "who"]) == {"local"}  # who recorded it, from the log
    b = bulletin(plan, got, history, "2025-11", read_targets())
    assert b.targets["name"].tolist() == ["示例目标甲"]  # added in November; 乙 in October
    assert int(number(b.areas.set_index("area_id").loc["sihong", "signed_ytd"])) == 1


def test_a_step_backwards_or_before_an_earlier_date_is_refused(ws: Workspace, plan: Dataset) -> None:
    from sq_layout.invest.pipeline import PipelineError

    vid = fresh_version(ws, plan)
    repo = StoreRepository(ws, vid, ds=plan)
    import_upload(repo, plan, "t.csv", PROSPECTS)
    data = to_project(plan, repo.load(), "T00001", "sihong", 1.0, date(2025, 11, 5))
    pid = data.projects["project_id"].iloc[-1]
    with pytest.raises(PipelineError, match="只能向后推进"):
        advance(data, pid, "线索", date(2025, 11, 6))
    with pytest.raises(PipelineError, match="2025-11-05"):
        advance(data, pid, "在谈", date(2025, 11, 1), "en")


def test_migration_0007_down_and_up_keeps_the_older_records(
    new_db_url: Callable[[str], str], plan_src: Dataset
) -> None:
    """Down to 0006 the new tables go and early-stage projects (no 签约 yet) with them; signed ones stay."""
    from sqlalchemy import inspect, text

    from sq_layout.store import open_workspace
    from tests.store.test_invest_migration import migrate

    for backend in ("sqlite", "postgresql"):
        ws = open_workspace(new_db_url(backend))
        vid = ws.save_dataset(plan_src, "v", parent_id=None)
        repo = StoreRepository(ws, vid, ds=plan_src)
        import_upload(repo, plan_src, "t.csv", PROSPECTS)
        repo.save(to_project(plan_src, repo.load(), "T00001", "sihong", 1.0, date(2025, 11, 5)), "线索")
        signed = repo.load().projects["stage"].eq("签约").sum()
        migrate(ws.engine, "0006", down=True)
        names = set(inspect(ws.engine).get_table_names())
        assert not names & {"inv_prospects", "inv_chain_leads", "inv_chain_tasks"}
        with ws.engine.connect() as conn:
            stages = [
                r[0] for r in conn.execute(text("SELECT stage FROM inv_projects WHERE version_id = :v"), {"v": vid})
            ]
        assert "线索" not in stages and stages.count("签约") == signed
        migrate(ws.engine, "head")
        clear_cache()
        again = StoreRepository(ws, vid, ds=plan_src).load()
        assert again.prospects.empty and len(again.projects) == len(stages)
        ws.engine.dispose()


@pytest.fixture(scope="module")
def plan_src() -> Dataset:
    from sq_layout.plan.dataset import bundled

    return bundled()


@pytest.mark.parametrize("who", [None, "vic"])
def test_a_viewer_or_visitor_records_nothing(
    new_db_url: Callable[[str], str], plan_src: Dataset, who: str | None
) -> None:
    """Once the workspace has accounts, target firms, moves, leaders and the checklist need an editor."""
    from sq_layout.errors import PermissionDenied
    from sq_layout.invest.workbench import add_prospect
    from sq_layout.store import open_workspace
    from sq_layout.store.users import add_user_cli

    ws = open_workspace(new_db_url("sqlite"))
    add_user_cli(ws, "vic", "viewer", "vic-password")
    add_user_cli(ws, "eve", "editor", "eve-password")
    repo = StoreRepository(ws, ws.latest_id(), user=who, ds=plan_src)
    data = repo.load()
    before = ws.checksum()
    record: dict[str, object] = {"name": "示例目标", "province": "上海市", "chains": "3", "category": "长三角"}
    edits = [
        add_prospect(data, record),
        set_lead(data, 3, "甲", "", "", ""),
        set_checklist(data, 3, checklist(data, 3)),
    ]
    for edited in edits:
        with pytest.raises(PermissionDenied):
            repo.save(edited, "not allowed")
    assert ws.checksum() == before and not repo.can_write()
    editor = StoreRepository(ws, ws.latest_id(), user="eve", ds=plan_src)
    editor.save(add_prospect(editor.load(), record), "目标企业")
    assert editor.history()[0].user == "eve"
    ws.engine.dispose()
