"""The one change log (change sets, one row per changed record) on SQLite and PostgreSQL: migration 0006 moves both
old logs in (and back out on downgrade); investment saves write and log only the records that changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import Connection, Engine, func, inspect, select, text

from sq_layout.invest.repository import import_upload
from sq_layout.invest.store_repository import StoreRepository, clear_cache
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace, changes, open_workspace
from sq_layout.store.changes import INVEST, PLAN, change_records, change_sets
from sq_layout.store.drafts import start_draft
from sq_layout.store.edit_ops import update_record
from sq_layout.store.edits import records
from sq_layout.store.engine import make_engine
from sq_layout.store.history import history, revert
from sq_layout.store.invest_tables import invest_records
from sq_layout.store.migrate import HEAD
from sq_layout.store.snapshot import FORMAT, snapshots
from sq_layout.store.tables import RECORD_COLUMNS
from sq_layout.store.users import add_user_cli
from sq_layout.store.workspace_store import BASELINE_TITLE
from tests.store.backends import BACKENDS
from tests.store.test_invest_migration import migrate
from tests.store.test_invest_store import good_firms

OLD_COLUMNS = "id, version_id, created, user_name, action, summary, reason, area_ids, chain_nos, changes"


def _old_rows(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as conn:
        return {
            name: [tuple(r) for r in conn.execute(text(f"SELECT {cols} FROM {name} ORDER BY id"))]
            for name, cols in (
                ("change_log", OLD_COLUMNS + ", reverts, reverted_by"),
                ("inv_change_log", OLD_COLUMNS),
            )
        }


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_moves_both_old_logs_in_and_back(
    backend: str, new_db_url: Callable[[str], str], ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = new_db_url(backend)
    engine = make_engine(url)
    migrate(engine, "0005")
    old = Workspace.__new__(Workspace)  # the workspace as 0005 left it, written as the code of then wrote it
    old.url, old.engine = url, engine

    def snapshot_0005(conn: Connection, vid: int, frames: object = None, blob: bytes | None = None) -> None:
        assert blob is not None  # 0005's snapshot had no digest (0009 adds it to those already stored)
        conn.execute(snapshots.insert().values(version_id=vid, format=FORMAT, data=blob))

    with monkeypatch.context() as m:
        m.setattr("sq_layout.store.workspace_store.write_snapshot", snapshot_0005)
        # 0005's details had no quote (0010 added it): today's writer leaves it out
        m.setitem(RECORD_COLUMNS, "details", [c for c in RECORD_COLUMNS["details"] if c[0] != "quote"])
        base = old.save_dataset(ds, BASELINE_TITLE, kind="baseline", note="read-only")
    plan_rows = [
        {"table": "chains", "row_no": 2, "before": {"chain_no": 3, "name": "旧", "rev": 1},
         "after": {"chain_no": 3, "name": "=新", "rev": 2}},
        {"table": "assignments", "row_no": 40, "before": None, "after": {"area_id": "sihong", "rev": 1}},
    ]  # fmt: skip
    undo = [{"table": "chains", "row_no": 2, "before": plan_rows[0]["after"], "after": plan_rows[0]["before"]}]
    invest_rows = [
        {"table": "firms", "row_no": f"F{i:05d}", "before": None, "after": {"firm_id": f"F{i:05d}", "name": "甲"}}
        for i in range(1, 8)
    ] + [{"table": "actuals", "row_no": "3/2024/*", "before": {"output_yi": 1.5}, "after": None}]
    with engine.begin() as conn:
        insert = (
            "INSERT INTO {t} (id, version_id, created, user_name, action, summary, reason, area_ids, chain_nos, "
            "changes{x}) VALUES (:id, :v, '2026-01-02T03:04:05+00:00', :u, :a, 's', :why, :areas, :chains, :c{y})"
        )
        plan = insert.format(t="change_log", x=", reverts, reverted_by", y=", :r1, :r2")
        conn.execute(text(plan), [
            dict(id=1, v=base, u="eve", a="update", why="更正", areas="sihong", chains="3",
                 c=json.dumps(plan_rows, ensure_ascii=False), r1=None, r2=None),
            dict(id=2, v=base, u="ada", a="revert", why="撤销", areas="", chains="3",
                 c=json.dumps(undo, ensure_ascii=False), r1=1, r2=None),
            dict(id=3, v=base, u="ada", a="publish", why="发布", areas="", chains="", c="[]", r1=None, r2=None),
        ])  # fmt: skip
        conn.execute(text("UPDATE change_log SET reverted_by = 2 WHERE id = 1"))
        conn.execute(text(insert.format(t="inv_change_log", x="", y="")), [
            dict(id=1, v=base, u="local", a="update", why="import f.csv", areas="sihong;suyu", chains="3;12",
                 c=json.dumps(invest_rows, ensure_ascii=False)),
        ])  # fmt: skip
    before = _old_rows(engine)
    migrate(engine, "0009")  # 0009 fills in the digest of the snapshots stored (0010 drops them, to be made again)
    with engine.connect() as conn:
        stored = conn.execute(select(snapshots.c.data, snapshots.c.digest).where(snapshots.c.version_id == base)).one()
    assert stored.digest == hashlib.sha256(bytes(stored.data)).hexdigest()

    ws = open_workspace(url)  # upgrades to the head
    tables = set(inspect(ws.engine).get_table_names())
    assert {"change_set", "change_record"} <= tables and not {"change_log", "inv_change_log"} & tables
    with ws.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        plan_log = changes.history(conn, base, PLAN)
        invest_log = changes.history(conn, base, INVEST)
        per_record = conn.execute(select(func.count()).select_from(change_records)).scalar_one()
    assert [(c.id, c.user, c.action, c.reverts, c.reverted_by) for c in plan_log] == [
        (3, "ada", "publish", None, None),
        (2, "ada", "revert", 1, None),
        (1, "eve", "update", None, 2),
    ]
    assert list(plan_log[2].rows) == plan_rows and list(plan_log[1].rows) == undo
    assert plan_log[2].area_ids == ("sihong",) and plan_log[2].chain_nos == (3,)
    (saved,) = invest_log
    assert saved.id == 4 and saved.reason == "import f.csv" and list(saved.rows) == invest_rows
    assert saved.area_ids == ("sihong", "suyu") and saved.chain_nos == (3, 12)
    assert per_record == len(plan_rows) + len(undo) + len(invest_rows)  # one row per changed record
    with ws.engine.connect() as conn:
        revs = conn.execute(
            select(change_records.c.rev_before, change_records.c.rev_after).where(change_records.c.change_id == 1)
        ).all()
    assert [tuple(r) for r in revs] == [(1, 2), (None, 1)]
    add_user_cli(ws, "eve", "editor", "eve-password")
    draft = start_draft(ws, "eve", base, "草案")  # new ids continue after the moved ones (PostgreSQL's serial too)
    assert history(ws, draft)[0].id == 5

    migrate(ws.engine, "0005", down=True)  # the downgrade puts the old logs back as they were
    with ws.engine.begin() as conn:
        conn.execute(text("DELETE FROM change_log WHERE id = 5"))
    after = _old_rows(ws.engine)
    assert after["change_log"] == before["change_log"]
    assert [r[1:] for r in after["inv_change_log"]] == [r[1:] for r in before["inv_change_log"]]  # its id moved
    ws.engine.dispose()
    engine.dispose()


def _logged(ws: Workspace, change_id: int) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(change_records.c.change_id == change_id)).scalar_one())


def _revisions(ws: Workspace, vid: int) -> dict[str, int]:
    tab = invest_records["firms"]
    with ws.engine.connect() as conn:
        return {
            str(k): int(r) for k, r in conn.execute(select(tab.c.firm_id, tab.c.rev).where(tab.c.version_id == vid))
        }


@pytest.mark.parametrize("backend", BACKENDS)
def test_investment_saves_write_and_log_only_what_changed(backend: str, seeded_db_url: Callable[[str], str]) -> None:
    ws = open_workspace(seeded_db_url(backend))
    vid = ws.save_dataset(ws.load(ws.latest_id()), "records")
    plan = ws.load(vid)
    repo = StoreRepository(ws, vid, ds=plan)
    shown = len(repo.load().firms)
    import_upload(repo, plan, "f.csv", good_firms(), "gcj02")
    first = repo.history()[0]
    assert _logged(ws, first.id) == len(first.rows) == 3  # the three imported firms; the baseline's are copied
    revs = _revisions(ws, vid)
    assert len(revs) == shown + 3 and set(revs.values()) == {1}

    data = repo.load()
    renamed = data.firms.assign(name=data.firms["name"].where(data.firms["firm_id"] != "F00002", "乙（改）"))
    removed = renamed[renamed["firm_id"] != "F00003"]
    repo.save(replace(data, firms=removed), "改名并删除")
    latest = repo.history()[0]
    assert _logged(ws, latest.id) == 2 and latest.action == "update"
    with ws.engine.connect() as conn:
        logged = conn.execute(
            select(change_records.c.record_key, change_records.c.rev_before, change_records.c.rev_after)
            .where(change_records.c.change_id == latest.id)
            .order_by(change_records.c.seq)
        ).all()
    assert [tuple(r) for r in logged] == [("F00002", 1, 2), ("F00003", 1, None)]
    now = _revisions(ws, vid)
    assert now.pop("F00002") == 2 and "F00003" not in now
    assert now == {k: v for k, v in revs.items() if k not in ("F00002", "F00003")}  # the others untouched

    with ws.engine.connect() as conn:  # the history filters by table, area and chain in the database
        assert [c.id for c in changes.history(conn, vid, INVEST, table="firms")] == [latest.id, first.id]
        assert changes.history(conn, vid, INVEST, table="actuals") == []
        everything = changes.history(conn, vid, INVEST)
        at_sihong = [c.id for c in changes.history(conn, vid, INVEST, area="sihong")]
        assert first.id in at_sihong and at_sihong == [c.id for c in everything if "sihong" in c.area_ids]
        assert changes.history(conn, vid, PLAN) == []  # the plan's history of the same version is apart
        sets = conn.execute(select(func.count()).where(change_sets.c.version_id == vid)).scalar_one()
    assert sets == 2
    clear_cache()
    ws.engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_plan_edit_logs_one_row_per_record_with_its_revisions(
    backend: str, seeded_db_url: Callable[[str], str]
) -> None:
    ws = open_workspace(seeded_db_url(backend))
    add_user_cli(ws, "eve", "editor", "eve-password")
    draft = start_draft(ws, "eve", ws.latest_id(), "草案")
    chain = records(ws, draft, "chains")[2]
    cid = update_record(ws, "eve", draft, "chains", chain["row_no"], chain["rev"], {"name_en": "PV"}, "会议纪要")
    with ws.engine.connect() as conn:
        (row,) = conn.execute(select(change_records).where(change_records.c.change_id == cid)).mappings().all()
    assert (row["table_name"], row["record_key"]) == ("chains", str(chain["row_no"]))
    assert (row["rev_before"], row["rev_after"]) == (chain["rev"], chain["rev"] + 1)
    assert json.loads(row["row_after"])["name_en"] == "PV" and json.loads(row["row_before"])["rev"] == chain["rev"]
    undo = revert(ws, "eve", cid, "撤回")
    with ws.engine.connect() as conn:
        touched = changes.last_touch(conn, draft, PLAN, "chains", chain["row_no"])
    assert touched is not None and touched.id == undo and touched.reason == "撤回"
    ws.engine.dispose()


def test_logged_records_read_back_as_json_wrote_them() -> None:
    """The log's JSON (orjson where it writes what json would) reads back the same, NaN and infinities included."""
    import math

    from sq_layout.store.changes import _encode

    records: list[dict[str, object]] = [
        {"firm_id": "F1", "name": "甲企业", "lon": 118.25, "flag": False, "note": None},
        {"a": float("nan"), "b": None, "c": float("-inf")},
        {"text": "null", "none": None},
        {"big": 2**70, "nested": {"x": float("nan")}},
    ]
    for record in records:
        back, expected = json.loads(_encode(record)), json.loads(json.dumps(record, ensure_ascii=False))
        assert back.keys() == expected.keys()
        for key, value in expected.items():
            got = back[key]
            if isinstance(value, float) and math.isnan(value):
                assert math.isnan(got)
            elif isinstance(value, dict):
                assert math.isnan(got["x"])
            else:
                assert got == value and type(got) is type(value)
