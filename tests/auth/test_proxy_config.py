"""A malformed proxy sign-in setting is a configuration error with a clear message, shown on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sq_layout.auth.proxy import ADDRS_ENV, HEADER_ENV, ProxyConfig
from sq_layout.errors import ConfigError, UserError
from sq_layout.store import open_workspace
from sq_layout.store.users import add_user_cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("env", "setting", "value"),
    [
        ({HEADER_ENV: "X-Remote-User", ADDRS_ENV: "10.1.0.5, 10.1.0.300"}, ADDRS_ENV, "10.1.0.300"),
        ({HEADER_ENV: "X-Remote-User", ADDRS_ENV: "proxy.intranet"}, ADDRS_ENV, "proxy.intranet"),
        ({HEADER_ENV: "X-Remote-User", ADDRS_ENV: "10.1.0.0/33"}, ADDRS_ENV, "10.1.0.0/33"),
        ({HEADER_ENV: "X Remote User", ADDRS_ENV: "10.1.0.5"}, HEADER_ENV, "X Remote User"),
    ],
)
def test_malformed_setting_is_a_config_error_naming_it(env: dict[str, str], setting: str, value: str) -> None:
    with pytest.raises(ConfigError) as err:
        ProxyConfig.from_env(env)
    assert isinstance(err.value, UserError) and (err.value.setting, err.value.value) == (setting, value)
    assert str(err.value).startswith(f"{setting}: {value!r} is not ")
    assert "\n" not in str(err.value)


def test_good_settings_still_read() -> None:
    cfg = ProxyConfig.from_env({HEADER_ENV: "X-Remote-User", ADDRS_ENV: " 10.1.0.0/24 ,, ::1 "})
    assert cfg.enabled and [str(n) for n in cfg.networks] == ["10.1.0.0/24", "::1/128"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_edit_page_shows_the_message_and_keeps_proxy_sign_in_off(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    monkeypatch.setenv("SQ_LAYOUT_DB", url)
    ws = open_workspace(url)
    add_user_cli(ws, "eve", "editor", "eve-password-1")
    ws.engine.dispose()
    monkeypatch.setenv(HEADER_ENV, "X-Remote-User")
    monkeypatch.setenv(ADDRS_ENV, "10.1.0.300")
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "ui" / "edit.py"), default_timeout=120)
    at.query_params["lang"] = lang  # the shared view state's language, as a link carries it
    at.run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert ADDRS_ENV in errors and "10.1.0.300" in errors
    assert ("代理登录已停用" if lang == "zh" else "Proxy sign-in is off") in errors
    assert at.text_input(key="si_user")  # the ordinary sign-in form is still offered


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_accounts_the_edit_page_says_how_to_create_the_first_admin(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SQ_LAYOUT_DB", f"sqlite:///{tmp_path / 'w.sqlite'}")
    monkeypatch.delenv(HEADER_ENV, raising=False)
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "ui" / "edit.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    assert ("还没有账号" if lang == "zh" else "no accounts yet") in " ".join(i.value for i in at.info)
    assert any("users add NAME --role admin --password-stdin" in c.value for c in at.code)
    assert not at.text_input  # no sign-in form that could only ever answer "wrong user name or password"
