"""`python -m sq_layout doctor` finds what a deployment gets wrong and says how to fix it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sq_layout.cli import main
from sq_layout.deployment import Check, run_checks
from sq_layout.i18n.lang import display_width
from tests.store.backends import new_db_url, pg_server, seeded_db_url

__all__ = ["new_db_url", "pg_server", "seeded_db_url"]


def _by_name(checks: list[Check]) -> dict[str, list[Check]]:
    out: dict[str, list[Check]] = {}
    for c in checks:
        out.setdefault(c.name, []).append(c)
    return out


def test_a_sound_single_process_sqlite_deployment(seeded_db_url: Callable[[str], str]) -> None:
    url = seeded_db_url("sqlite")
    path = Path(make_url(url).database or "")
    os.chmod(path, 0o600)
    os.chmod(path.parent, 0o700)
    checks = run_checks({"SQ_LAYOUT_DB": url})
    assert [c for c in checks if not c.ok] == []
    assert {"database", "schema", "file permissions", "cookie secret", "proxy", "address", "static files"} <= {
        c.name for c in checks
    }


def test_what_a_multi_process_deployment_gets_wrong(seeded_db_url: Callable[[str], str]) -> None:
    url = seeded_db_url("sqlite")
    path = Path(make_url(url).database or "")
    os.chmod(path, 0o644)
    env = {"SQ_LAYOUT_DB": url, "SQ_LAYOUT_PROXY_HEADER": "X-Remote-User", "SQ_LAYOUT_PROXY_ADDRS": "0.0.0.0/0"}
    found = _by_name(run_checks(env, processes=2))
    assert not found["cookie secret"][0].ok and "STREAMLIT_SERVER_COOKIE_SECRET" in str(found["cookie secret"][0].fix)
    assert not found["proxy"][0].ok
    assert any(not c.ok and str(c.fix) == f"chmod 600 {path}" for c in found["file permissions"])
    good = env | {"STREAMLIT_SERVER_COOKIE_SECRET": "x" * 40, "SQ_LAYOUT_PROXY_ADDRS": "127.0.0.1"}
    os.chmod(path, 0o600)
    found = _by_name(run_checks(good, processes=2))
    assert found["cookie secret"][0].ok and found["proxy"][0].ok
    assert not _by_name(run_checks(env | {"SQ_LAYOUT_PROXY_ADDRS": "not-an-address"}))["proxy"][0].ok


def test_postgresql_without_schema_or_postgis(pg_server: str, new_db_url: Callable[[str], str]) -> None:
    bare = make_url(pg_server).set(database="sq_doctor_bare")
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('DROP DATABASE IF EXISTS "sq_doctor_bare"'))
        conn.execute(text('CREATE DATABASE "sq_doctor_bare"'))
    try:
        found = _by_name(run_checks({"SQ_LAYOUT_DB": bare.render_as_string(hide_password=False)}))
        assert found["database"][0].ok
        assert not found["schema"][0].ok and "workspace init" in str(found["schema"][0].fix)
        assert not found["postgis"][0].ok and "CREATE EXTENSION postgis" in str(found["postgis"][0].fix)
        ready = new_db_url("postgresql")
        found = _by_name(run_checks({"SQ_LAYOUT_DB": ready}))
        assert found["postgis"][0].ok and not found["schema"][0].ok  # PostGIS there, schema not yet made
    finally:
        with admin.connect() as conn:
            conn.execute(text('DROP DATABASE IF EXISTS "sq_doctor_bare" WITH (FORCE)'))
        admin.dispose()


def test_unreachable_database_is_one_line_with_the_password_hidden(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SQ_LAYOUT_DB", "postgresql+psycopg://sq:hunter2secret@127.0.0.1:9/sq")
    for argv, head, fix, total in (
        (["doctor"], "需修复  数据库 ", "-> 检查 SQ_LAYOUT_DB、数据库服务器和账号", "项需修复"),
        (["doctor", "--lang", "en"], "FIX  database ", "-> check SQ_LAYOUT_DB, the server and the account", "to fix"),
    ):
        with pytest.raises(SystemExit) as ended:
            main(argv)
        assert ended.value.code == 2
        out = capsys.readouterr()
        assert "hunter2secret" not in out.out + out.err and "***" in out.out
        assert "Traceback" not in out.out + out.err
        lines = out.out.splitlines()
        assert lines[0].startswith(head) and lines[1].strip() == fix and out.err.strip().endswith(total)
        # what was found and what to do start in one column, however wide the names (a Chinese character two)
        found = lines[0].index("postgresql")
        assert display_width(lines[0][:found]) == display_width(lines[1][: lines[1].index("->")])
