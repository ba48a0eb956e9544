"""Who may import and publish: visitors and viewers write nothing (refused before the file is read), an editor's
import is a draft with its author, only an admin publishes, publishing names the version it supersedes and asks
when the draft's base is older than the latest published; without accounts an import is published as `local`."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

from sq_layout.cli import main
from sq_layout.errors import DataError, EditRejected, PermissionDenied
from sq_layout.imports.plan_import import import_plan
from sq_layout.imports.plan_template import template_bytes
from sq_layout.plan.dataset import bundled
from sq_layout.store import Workspace, open_workspace
from sq_layout.store.drafts import is_draft, publish, publish_check
from sq_layout.store.history import history
from sq_layout.store.users import add_user_cli
from tests.store.backends import BACKENDS

SUSU = gpd.GeoDataFrame({"area_id": ["susu"]}, geometry=[box(118.30, 33.90, 118.36, 33.95)], crs=4326)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "plan.xlsx"
    path.write_bytes(template_bytes(bundled()))
    return path


@pytest.fixture(params=BACKENDS)
def bare(request: pytest.FixtureRequest, seeded_db_url: Callable[[str], str]) -> Iterator[Workspace]:
    """A fresh workspace without accounts (a single-user install)."""
    ws = open_workspace(seeded_db_url(request.param))
    yield ws
    ws.engine.dispose()


@pytest.fixture
def team(bare: Workspace) -> Workspace:
    """The same with admin 'ada', editor 'eve' and viewer 'vic'."""
    for name, role in (("ada", "admin"), ("eve", "editor"), ("vic", "viewer")):
        add_user_cli(bare, name, role, f"{name}-password")
    return bare


def _as(monkeypatch: pytest.MonkeyPatch, who: str | None) -> list[str]:
    """CLI options acting as `who` with its password on standard input (None: the workspace file's owner)."""
    if who is None:
        return []
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{who}-password\n"))
    return ["--user", who, "--password-stdin"]


@pytest.mark.parametrize("who", [None, "vic", "ghost"])
def test_visitors_and_viewers_import_nothing_and_no_file_is_read(
    team: Workspace, tmp_path: Path, who: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "never-read.xlsx"  # were the file read first, this would fail as a missing file instead
    before = team.checksum()
    with pytest.raises(PermissionDenied):
        import_plan(team, [missing], user=who)
    with pytest.raises(PermissionDenied):
        team.save_boundaries(team.latest_id(), SUSU, source="规划局", file_name="susu.geojson", user=who)
    assert team.checksum() == before
    db = ["--db", team.url]
    assert main(["workspace", "import-plan", str(missing), "--lang", "en", *db, *_as(monkeypatch, who)]) == 2
    args = ["workspace", "import-boundaries", str(missing), "--source", "规划局", "--yes", "--lang", "en"]
    with pytest.raises(SystemExit) as ended:
        main([*args, *db, *_as(monkeypatch, who)])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    # the viewer and the SQLite file's owner (no account here) are refused by role, and nobody is named on
    # PostgreSQL (no file to own); an unknown name does not sign in
    expected = {"ghost": "wrong user name or password", None: "may not import", "vic": "may not import"}[who]
    if who is None and team.engine.dialect.name == "postgresql":
        expected = "say who acts"
    assert err.count(expected) == 2
    assert "never-read" not in err
    if who != "ghost":  # a failed sign-in is itself recorded (audit log, slow-down): nothing else is
        assert team.checksum() == before
    assert [v.kind for v in team.versions()] == ["baseline"]


def test_an_editor_may_not_publish_an_import(team: Workspace, template: Path) -> None:
    before = team.checksum()
    with pytest.raises(PermissionDenied):
        import_plan(team, [template], user="eve", publish=True)
    with pytest.raises(PermissionDenied):
        team.save_boundaries(team.latest_id(), SUSU, source="s", file_name="f", user="eve", publish=True)
    assert team.checksum() == before


def test_an_editors_import_is_a_draft_with_its_author(team: Workspace, template: Path) -> None:
    latest = team.latest_id()
    result = import_plan(team, [template], user="eve", title="十五五 征求意见稿")
    assert result.kind == "draft" and result.supersedes is None and is_draft(team, result.version_id)
    info = team.info(result.version_id)
    assert (info.kind, info.created_by, info.parent_id, info.supersedes) == ("draft", "eve", latest, None)
    assert team.latest_id() == latest  # nobody sees it by default until an admin publishes it
    logged = history(team, result.version_id)
    assert [(c.user, c.action) for c in logged] == [("eve", "draft")]
    assert f"draft of version {latest}" in logged[0].summary
    vid = team.save_boundaries(latest, SUSU, source="规划局", file_name="susu.geojson", user="eve")
    assert team.info(vid).kind == "draft" and team.info(vid).created_by == "eve" and team.latest_id() == latest
    assert team.load(vid).boundaries.set_index("area_id").at["susu", "geometry_quality"] == "official"


def test_admin_publish_names_the_superseded_version(team: Workspace, template: Path) -> None:
    first = import_plan(team, [template], user="eve").version_id
    latest = team.latest_id()
    with pytest.raises(PermissionDenied):
        publish(team, "eve", first, "十五五", "2026-03-01")
    assert publish_check(team, first) == (latest, latest)
    assert publish(team, "ada", first, "十五五", "2026-03-01") == first
    info = team.info(first)
    assert (info.kind, info.created_by, info.published_by, info.supersedes) == ("published", "eve", "ada", latest)
    assert team.latest_id() == first
    assert f"supersedes version {latest}" in history(team, first)[0].summary


def test_publishing_on_a_stale_base_asks_for_confirmation(team: Workspace, template: Path) -> None:
    base = team.latest_id()
    older = import_plan(team, [template], user="eve", title="A").version_id
    newer = import_plan(team, [template], user="eve", title="B").version_id
    publish(team, "ada", newer, "B", "2026-03-01")
    assert publish_check(team, older) == (base, newer)
    before = team.checksum()
    with pytest.raises(EditRejected) as err:
        publish(team, "ada", older, "A", "2026-04-01")
    assert err.value.problems == [("ev_stale_base", {"base": base, "latest": newer})]
    assert "v" + str(newer) in err.value.messages("zh")[0]
    assert team.checksum() == before and is_draft(team, older)
    publish(team, "ada", older, "A", "2026-04-01", confirm_stale_base=True)
    assert team.latest_id() == older  # published last, so it is the latest, though its id is smaller
    assert team.info(older).supersedes == newer and team.info(newer).supersedes == base


def test_admin_publish_flag_and_its_stale_base(team: Workspace, template: Path) -> None:
    base = team.latest_id()
    done = import_plan(team, [template], user="ada", publish=True)
    assert (done.kind, done.supersedes, team.latest_id()) == ("published", base, done.version_id)
    assert team.info(done.version_id).created_by == "ada"
    before = team.checksum()
    with pytest.raises(EditRejected):
        import_plan(team, [template], user="ada", publish=True, base_version_id=base)
    with pytest.raises(EditRejected):
        team.save_boundaries(base, SUSU, source="s", file_name="f", user="ada", publish=True)
    assert team.checksum() == before
    again = import_plan(team, [template], user="ada", publish=True, base_version_id=base, confirm_stale_base=True)
    assert team.info(again.version_id).supersedes == done.version_id and team.latest_id() == again.version_id


def test_without_accounts_an_import_is_published_as_local(bare: Workspace, template: Path) -> None:
    base = bare.latest_id()
    done = import_plan(bare, [template])
    info = bare.info(done.version_id)
    assert (done.kind, info.created_by, info.published_by, info.supersedes) == ("published", "local", "local", base)
    vid = bare.save_boundaries(done.version_id, SUSU, source="规划局", file_name="susu.geojson")
    assert bare.latest_id() == vid and bare.info(vid).created_by == "local" and bare.info(vid).supersedes == vid - 1
    before = bare.checksum()
    with pytest.raises(EditRejected):  # an older base would hide the newer versions: asked, not silent
        import_plan(bare, [template], base_version_id=base)
    assert bare.checksum() == before


def test_cli_imports_drafts_and_publishes_with_flags(
    team: Workspace, template: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ["--db", team.url]
    base = team.latest_id()
    imp = ["workspace", "import-plan", str(template), *db]
    assert main([*imp, "--title", "A", *_as(monkeypatch, "eve")]) == 0
    older = max(v.id for v in team.versions())
    assert capsys.readouterr().out.startswith(f"已导入为草案 {older}：A（由管理员发布）")
    assert main([*imp, "--publish", *_as(monkeypatch, "eve")]) == 2  # an editor may not publish
    assert main([*imp, "--publish", "--lang", "en", *_as(monkeypatch, "ada")]) == 0
    newer = team.latest_id()
    out = capsys.readouterr().out
    assert f"imported as version {newer}: " in out and f"(supersedes {base})" in out and newer != base
    pub = ["workspace", "publish", str(older), "--title", "A", "--date", "2026-03-01", *db]
    assert main([*pub, *_as(monkeypatch, "ada")]) == 2
    assert f"v{newer}" in capsys.readouterr().err and is_draft(team, older)
    assert main([*pub, "--confirm-stale-base", *_as(monkeypatch, "ada")]) == 0
    assert team.latest_id() == older
    assert main(["workspace", "list", *db]) == 0
    listed = capsys.readouterr().out
    assert f"取代 v{newer}" in listed and "作者 eve" in listed and "发布人 ada" in listed


@pytest.mark.parametrize("who", [None, "vic"])
def test_investment_import_is_refused_before_the_file_is_read(team: Workspace, who: str | None) -> None:
    from sq_layout.invest.repository import import_upload
    from sq_layout.invest.store_repository import StoreRepository

    ds = team.load(team.latest_id())
    broken = b"PK\x03\x04 not a workbook"  # parsing this would fail with a file error, not a permission one
    before = team.checksum()
    with pytest.raises(PermissionDenied):
        import_upload(StoreRepository(team, team.latest_id(), user=who, ds=ds), ds, "firms.xlsx", broken)
    assert team.checksum() == before
    with pytest.raises(DataError):  # an editor gets as far as reading it, and it is refused as a file
        import_upload(StoreRepository(team, team.latest_id(), user="eve", ds=ds), ds, "firms.xlsx", broken)
    assert team.checksum() == before
