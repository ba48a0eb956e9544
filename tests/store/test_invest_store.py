"""Investment records in the workspace on SQLite and PostgreSQL: imports all-or-nothing, exact round trip, history,
rollback, demo refused, stale saves refused, versions inheriting their parent's records until they save."""

from __future__ import annotations

import io
import threading
from dataclasses import replace

import pandas as pd
import pytest
from openpyxl import load_workbook
from pandera.errors import SchemaError
from sqlalchemy import text

from sq_layout.errors import DemoNotStored, InvestConflict
from sq_layout.export.history import invest_history_rows, invest_history_xlsx, record_rows
from sq_layout.invest import store_repository as store
from sq_layout.invest.demo import demo_data
from sq_layout.invest.repository import InvestData, add_records, import_upload, plan_baseline, replace_links
from sq_layout.invest.store_repository import StoreRepository, clear_cache
from sq_layout.invest.template import template_bytes
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace
from sq_layout.store.invest_store import stored_versions
from tests.frames import row
from tests.invest.test_import import PROJECT_HEAD, SIHONG, csv, firms_csv, gcj

TABLES = ("firms", "projects", "carriers", "links", "actuals")
FIRMS = firms_csv(
    "甲光伏,91350100M000100Y43,链主,晶硅光伏,电池片;组件,泗洪县,,{lon},{lat}",
    "=HYPERLINK(1),,配套,3；9,酿造,宿城区,,{lon},{lat}",  # formula-looking name; stated area disagrees
    "<b>丙</b>,,,半固态成形制造,半固态压铸,,沭阳半固态成形产业园,,",  # no coordinates: at its park
)
PROJECTS = csv(
    PROJECT_HEAD, "一期,甲光伏,60.5,开工,2024-01-05,2024-03-01,,,3,泗洪县", "二期,甲光伏,12,签约,2025-02-01,,,,3,宿城区"
)
ACTUALS = csv("产业链,年份,区域,产值（亿元）,来源", "晶硅光伏,2024,,610.5,统计快报", "3,2024,泗洪县,200,县统计局")

# Every bad-row class of the importer, one file each: (file, crs, a cell that must be reported)
BAD_FILES = {
    "unknown chain": (firms_csv("甲,,,光伏发电,,泗洪县,,,"), (2, "产业链")),
    "unknown link": (firms_csv("乙,,,3,不存在的环节,泗洪县,,,"), (2, "环节")),
    "invalid credit code": (firms_csv("甲,91350100M000100Y44,,3,,泗洪县,,,"), (2, "统一社会信用代码")),
    "coordinates outside the city": (firms_csv(f"甲,,,3,,,,{SIHONG[1]},{SIHONG[0]}"), (2, "经度")),
    "non-finite amount": (csv(PROJECT_HEAD, "A,甲,inf,签约,2024-01-02,,,,3,泗洪县"), (2, "总投资（亿元）")),
    "dates out of order": (
        csv(PROJECT_HEAD, "D,甲,10,竣工,2024-05-01,2024-03-01,2024-06-01,,3,泗洪县"),
        (2, "开工日期"),
    ),
    "actuals out of range": (csv("产业链,年份,区域,产值（亿元）", "3,2019,火星,-1"), (2, "年份")),
}


def good_firms() -> bytes:
    lon, lat = gcj(SIHONG)
    return FIRMS.decode().format(lon=lon, lat=lat).encode()


def same(got: InvestData, want: InvestData) -> None:
    """Every table equal to the bit (text columns compared as text, whatever string dtype they carry)."""
    for name in TABLES:
        a, b = getattr(got, name).reset_index(drop=True), getattr(want, name).reset_index(drop=True)
        for frame in (a, b):
            for c in frame.columns:
                if pd.api.types.is_string_dtype(frame[c]) and not pd.api.types.is_datetime64_any_dtype(frame[c]):
                    frame[c] = frame[c].astype("str")
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)


@pytest.fixture(scope="module")
def plan(ws: Workspace) -> Dataset:
    return ws.load(ws.latest_id())


def fresh_version(ws: Workspace, plan: Dataset, parent: int | None = None) -> int:
    """A new published version of the plan (its own investment records start as its parent's, or the baseline)."""
    return ws.save_dataset(plan, "test version", parent_id=parent)


def test_a_version_without_records_shows_the_plan_baseline(ws: Workspace, plan: Dataset) -> None:
    vid = fresh_version(ws, plan)
    repo = StoreRepository(ws, vid, ds=plan)
    same(repo.load(), plan_baseline(plan))
    assert repo.seen == (None, 0) and repo.history() == [] and vid not in stored_versions(ws)


def test_good_files_import_and_round_trip_exactly(ws: Workspace, plan: Dataset) -> None:
    vid = fresh_version(ws, plan)
    repo = StoreRepository(ws, vid, ds=plan)
    for name, content, crs in (("f.csv", good_firms(), "gcj02"), ("p.csv", PROJECTS, "wgs84"), ("a.csv", ACTUALS, "")):
        results = import_upload(repo, plan, name, content, crs or "wgs84")
        assert all(r.ok for r in results), [r.problems for r in results]
    saved, base = repo.load(), plan_baseline(plan)
    assert len(saved.firms) == len(base.firms) + 3 and len(saved.projects) == len(base.projects) + 2
    assert len(saved.actuals) == len(base.actuals) + 2
    clear_cache()  # read back from the database, not from memory
    got = StoreRepository(ws, vid, ds=plan).load()
    same(got, saved)
    firms, projects = got.firms.set_index("firm_id"), got.projects.set_index("project_id")
    assert row(firms, "F00001")[["lon", "lat"]].tolist() == pytest.approx(SIHONG, abs=1e-8)  # GCJ-02 -> WGS-84
    assert firms.loc["F00002", "area_flag"] and firms.loc["F00003", "approximate"]
    assert projects.loc["P00001", "date_started"] == pd.Timestamp("2024-03-01") and pd.isna(
        row(projects, "P00002").date_started
    )
    assert projects.loc[["P00001", "P00002"], "investment_yi"].tolist() == [60.5, 12.0]
    assert projects.loc[["P00001", "P00002"], "name"].tolist() == ["一期", "二期"]
    same(replace(got, firms=got.firms.iloc[: len(base.firms)], projects=got.projects.iloc[: len(base.projects)],
                 actuals=base.actuals), base)  # fmt: skip


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_saves_nothing(ws: Workspace, plan: Dataset, case: str) -> None:
    content, cell = BAD_FILES[case]
    vid = ws.latest_id()
    before = ws.checksum()
    results = import_upload(StoreRepository(ws, vid, ds=plan), plan, "bad.csv", content)
    found = {(r.row, r.column) for res in results for r in res.problems.itertuples()}
    assert cell in found and not any(r.ok for r in results)
    assert ws.checksum() == before


def test_history_lists_each_record_and_exports_neutralised(ws: Workspace, plan: Dataset) -> None:
    vid = fresh_version(ws, plan)
    repo = StoreRepository(ws, vid, ds=plan)
    import_upload(repo, plan, "f.csv", good_firms(), "gcj02")
    data = repo.load()
    links = data.links[data.links["chain_no"] == 3].iloc[:2].assign(name=["硅料", "电池片（改）"])
    repo.save(replace_links(data, 3, links), "=cmd|'/c calc'!A1")
    data = repo.load()
    repo.save(replace(data, firms=data.firms[data.firms["firm_id"] != "F00003"]), "去重")
    newest, links_change, first = repo.history()
    assert (first.action, first.user, first.reason) == ("add", "local", "import f.csv")
    assert "from the plan baseline" in first.summary and "firms +3" in first.summary
    assert {d["row_no"] for d in first.rows} == {"F00001", "F00002", "F00003"}
    assert links_change.action == "update" and "links" in links_change.summary
    renamed = next(d for d in links_change.rows if d["before"] and d["after"])
    assert renamed["before"]["name"] != renamed["after"]["name"]
    assert newest.action == "remove" and newest.rows[0]["before"]["name"] == "<b>丙</b>"
    assert newest.rows[0]["after"] is None and newest.reason == "去重"
    assert [c.id for c in repo.history(chain=3)] == [links_change.id, first.id]  # 丙 is on chain 5
    assert [c.id for c in repo.history(area="sihong")] == [first.id]
    rows = invest_history_rows(repo.history())
    assert rows[2]["what"].count("\n") == 2 and [r["record"] for r in record_rows(repo.history())][-3:] == [
        "F00001",
        "F00002",
        "F00003",
    ]
    wb = load_workbook(io.BytesIO(invest_history_xlsx(repo.history(), "zh")))
    assert wb.sheetnames == ["招商数据修改记录", "逐条记录"]
    cells = [c.value for r in wb["逐条记录"].iter_rows() for c in r if isinstance(c.value, str)]
    assert any("企业名称==HYPERLINK" in v for v in cells)  # the field in the reader's words; inside the text: harmless
    reasons = [r[6].value for r in wb["招商数据修改记录"].iter_rows(min_row=2)]
    assert reasons == ["去重", "'=cmd|'/c calc'!A1", "import f.csv"]  # a formula-looking note is neutralised


def test_failed_validation_or_database_error_leaves_everything(
    ws: Workspace, plan: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    vid = fresh_version(ws, plan)
    repo = StoreRepository(ws, vid, ds=plan)
    repo.save(add_records(repo.load(), {}), "first")
    data = repo.load()
    before = ws.checksum()
    broken = replace(data, firms=data.firms.assign(lon=200.0))
    with pytest.raises(SchemaError):
        repo.save(broken, "bad longitude")
    assert ws.checksum() == before

    def fail(*_args: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "log_change", fail)  # after the records are written, before the log
    more = replace(data, firms=data.firms.assign(name=data.firms["name"] + "（新）"))
    with pytest.raises(RuntimeError):
        repo.save(more, "rename all")
    assert ws.checksum() == before
    clear_cache()
    same(StoreRepository(ws, vid, ds=plan).load(), data)


def test_demo_data_is_never_stored(ws: Workspace, plan: Dataset) -> None:
    before = ws.checksum()
    demo = demo_data(plan, 20, 5)
    with pytest.raises(DemoNotStored):
        StoreRepository(ws, ws.latest_id(), ds=plan).save(demo, "demo")
    with pytest.raises(DemoNotStored):  # also when demo records are mixed into other data
        StoreRepository(ws, ws.latest_id(), ds=plan).save(add_records(demo, {}), "demo plus nothing")
    assert ws.checksum() == before


def test_a_save_from_a_stale_load_is_refused(ws: Workspace, plan: Dataset) -> None:
    vid = fresh_version(ws, plan)
    mine, theirs = StoreRepository(ws, vid, ds=plan), StoreRepository(ws, vid, ds=plan)
    a, b = mine.load(), theirs.load()
    mine.save(replace(a, actuals=pd.concat([a.actuals, one_actual(2023)], ignore_index=True)), "2023")
    before = ws.checksum()
    with pytest.raises(InvestConflict, match="local"):
        theirs.save(replace(b, actuals=pd.concat([b.actuals, one_actual(2024)], ignore_index=True)), "2024")
    assert ws.checksum() == before
    b = theirs.load()  # reload, then it goes through on top
    theirs.save(replace(b, actuals=pd.concat([b.actuals, one_actual(2024)], ignore_index=True)), "2024")
    assert StoreRepository(ws, vid, ds=plan).load().actuals["year"].tolist() == [2023, 2024]


def one_actual(year: int) -> pd.DataFrame:
    return pd.DataFrame({"chain_no": [3], "year": [year], "area_id": [""], "output_yi": [500.0], "source": ["快报"]})


def test_a_derived_version_inherits_until_it_saves(ws: Workspace, plan: Dataset) -> None:
    parent = fresh_version(ws, plan)
    up = StoreRepository(ws, parent, ds=plan)
    import_upload(up, plan, "f.csv", good_firms(), "gcj02")
    child = fresh_version(ws, plan, parent=parent)
    down = StoreRepository(ws, child, ds=plan)
    same(down.load(), up.load())
    assert down.seen == (parent, 1) and [c.id for c in down.history()] == [c.id for c in up.history()]
    data = down.load()
    down.save(replace(data, firms=data.firms.assign(role="配套")), "roles")
    clear_cache()  # what the database holds: changed firms written, the other tables copied from the parent
    assert (up.load().firms["role"] != "配套").any() and (down.load().firms["role"] == "配套").all()
    same(replace(down.load(), firms=up.load().firms), up.load())
    (first,) = down.history()
    assert f"from version {parent}'s records" in first.summary and first.action == "update"
    up.save(replace(up.load(), actuals=one_actual(2024)), "parent moves on")
    assert len(down.load().actuals) == 0  # saved once: no longer follows its parent


def test_points_are_wgs84_points_in_the_database(ws: Workspace, plan: Dataset) -> None:
    vid = fresh_version(ws, plan)
    repo = StoreRepository(ws, vid, ds=plan)
    import_upload(repo, plan, "f.csv", good_firms(), "gcj02")
    if ws.engine.dialect.name != "postgresql":
        return
    with ws.engine.connect() as conn:
        q = "SELECT ST_SRID(geometry), ST_X(geometry), ST_Y(geometry) FROM inv_firms WHERE version_id=:v AND firm_id=:f"
        srid, lon, lat = conn.execute(text(q), {"v": vid, "f": "F00001"}).one()
        assert srid == 4326 and (lon, lat) == pytest.approx(SIHONG, abs=1e-8)
        indexes = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE tablename = 'inv_projects'")).scalars()
        assert any("gist" in i for i in indexes)


def test_two_first_saves_at_once_one_wins_the_other_is_refused(ws: Workspace, plan: Dataset) -> None:
    vid = fresh_version(ws, plan)
    repos = [StoreRepository(ws, vid, ds=plan) for _ in range(2)]
    loaded = [r.load() for r in repos]
    start = threading.Barrier(2)
    outcome: dict[int, str] = {}

    def save(i: int) -> None:
        start.wait()
        data = replace(loaded[i], actuals=one_actual(2021 + i))
        try:
            repos[i].save(data, f"racer {i}")
            outcome[i] = "saved"
        except InvestConflict:
            outcome[i] = "refused"

    threads = [threading.Thread(target=save, args=(i,)) for i in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert sorted(outcome.values()) == ["refused", "saved"]
    winner = next(i for i, o in outcome.items() if o == "saved")
    clear_cache()
    assert StoreRepository(ws, vid, ds=plan).load().actuals["year"].tolist() == [2021 + winner]
    assert [c.reason for c in repos[winner].history()] == [f"racer {winner}"]


def template_workbook(plan: Dataset, project_stage: str) -> bytes:
    """The downloadable template filled with one firm, one project and one actual figure (GCJ-02 declared)."""
    wb = load_workbook(io.BytesIO(template_bytes(plan, plan_baseline(plan).links)))
    lon, lat = gcj(SIHONG)
    wb["企业"].append(["甲光伏", "", "龙头", "晶硅光伏", "电池片", "", "", lon, lat])
    dates = [None, None, None, "2024-01-05", "2024-03-01", None, None]  # 线索 / 在谈 / 储备 empty
    wb["项目"].append(["一期", "甲光伏", 60, project_stage, *dates, "3", "", "", "", lon, lat])
    wb["实际产值"].append(["晶硅光伏", 2024, "", 610.5, "统计快报"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_template_workbook_is_one_save_or_nothing(ws: Workspace, plan: Dataset) -> None:
    vid = fresh_version(ws, plan)
    repo = StoreRepository(ws, vid, ds=plan)
    before = ws.checksum()
    bad = import_upload(repo, plan, "t.xlsx", template_workbook(plan, "签约"), "wgs84")  # 开工 date on a 签约 project
    assert [r.kind for r in bad if not r.ok] == ["projects"] and ws.checksum() == before  # good sheets not saved
    results = import_upload(repo, plan, "t.xlsx", template_workbook(plan, "开工"), "wgs84")
    assert all(r.ok for r in results)
    (change,) = repo.history()
    assert "firms +1" in change.summary and "projects +1" in change.summary and "actuals +1" in change.summary
    clear_cache()
    got = StoreRepository(ws, vid, ds=plan).load()
    (project,) = got.projects[~got.projects["project_id"].isin(plan_baseline(plan).projects["project_id"])].itertuples()
    assert (project.name, project.investment_yi) == ("一期", 60)
    assert [project.lon, project.lat] == pytest.approx(SIHONG, abs=1e-8)  # the workbook's GCJ-02
    assert got.actuals.loc[0, "output_yi"] == 610.5
