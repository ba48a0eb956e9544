"""Checks of a deployment (`python -m sq_layout doctor`): each says what it found and, when wrong, what to fix, in
either language (string-table sentences, sq_layout.i18n.terminal `dr_*`, worded when read)."""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sq_layout.i18n import Lang, t
from sq_layout.i18n.lang import Listed, Said
from sq_layout.paths import ROOT

STATIC_FOLDERS = ("static/maps", "static/geo", "static/points", "static/vendor")


@dataclass(frozen=True)
class Check:
    """One finding: its name (a code), whether it is fine, what was found, and what to do about it."""

    name: str
    ok: bool
    found: Said
    fix: Said | None = None

    def title(self, lang: Lang) -> str:
        """The check's name in `lang`."""
        return t("dr_" + self.name.replace(" ", "_"), lang)


def _as_is(text: object) -> Said:
    """What a check found as the system said it (a version, a setting's value), in any language."""
    return Said("dr_as_is", text=text)


def _config(root: Path) -> dict[str, dict[str, object]]:
    path = root / ".streamlit" / "config.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except tomllib.TOMLDecodeError as exc:
        return {"_error": {"text": str(exc)}}


def _setting(cfg: Mapping[str, Mapping[str, object]], env: Mapping[str, str], section: str, key: str) -> object:
    """A Streamlit option as the server will see it: its environment variable wins over config.toml."""
    snake = "".join(("_" + c if c.isupper() else c) for c in key).upper()
    var = f"STREAMLIT_{section.upper()}_{snake}"
    return env[var] if var in env else cfg.get(section, {}).get(key)


_RESTORE = Said("dr_fix_restore")


def check_database(url: str) -> list[Check]:
    """The database answers, its schema is current, and PostgreSQL has PostGIS."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from sq_layout.store.engine import driver_reason, driver_text, make_engine, redact
    from sq_layout.store.migrate import HEAD, current_revision

    shown = redact(url)
    if url.startswith("sqlite") and not Path(url.split("///", 1)[-1]).exists():
        return [Check("database", False, Said("dr_no_file", url=shown), Said("dr_fix_create"))]
    engine = make_engine(url)
    out: list[Check] = []
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            out.append(Check("database", True, Said("dr_answers", url=shown)))
            rev = current_revision(conn)
            at = Said("dr_schema_at", rev=rev or Said("pi_none"), head=HEAD)
            out.append(Check("schema", rev == HEAD, at, Said("dr_fix_migrate")))
            if engine.dialect.name == "sqlite":
                found = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
                fix = None if found == ["ok"] else _RESTORE
                out.append(Check("integrity", found == ["ok"], _as_is("; ".join(found)[:300]), fix))
            if engine.dialect.name == "postgresql":
                try:
                    version = conn.execute(text("SELECT postgis_lib_version()")).scalar()
                    out.append(Check("postgis", True, _as_is(f"PostGIS {version}")))
                except SQLAlchemyError:
                    out.append(Check("postgis", False, Said("dr_no_postgis"), Said("dr_fix_postgis")))
    except SQLAlchemyError as exc:
        reason = driver_reason(exc, url)
        out.append(Check("database", False, Said("dr_at", url=shown, reason=reason), Said("dr_fix_database")))
        raw = driver_text(exc, url)
        if engine.dialect.name == "sqlite" and "malformed" in raw:  # damaged where even the schema is read
            out.append(Check("integrity", False, _as_is(raw[:200]), _RESTORE))
    finally:
        engine.dispose()
    return out


def check_sqlite_file(url: str) -> list[Check]:
    """A SQLite workspace (it holds password hashes) and its folder are readable by their owner only."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return []
    path = Path(parsed.database)
    out = []
    for item in (path, path.parent):
        if not item.exists():
            continue
        mode = stat.S_IMODE(item.stat().st_mode)
        loose = mode & 0o077
        fix = _as_is(f"chmod {'700' if item.is_dir() else '600'} {item}") if loose else None
        out.append(Check("file permissions", not loose, Said("dr_mode", name=item.name or item, mode=f"{mode:o}"), fix))
    return out


def check_secrets(env: Mapping[str, str], cfg: Mapping[str, Mapping[str, object]], processes: int) -> list[Check]:
    """With several processes, Streamlit's cookie secret must be one value shared by all of them."""
    cookie = _setting(cfg, env, "server", "cookieSecret")
    if processes > 1:
        found = Said("dr_set" if cookie else "dr_not_set_each")
        return [Check("cookie secret", bool(cookie), found, Said("dr_fix_cookie"))]
    return [Check("cookie secret", True, Said("dr_set" if cookie else "dr_one_process"))]


def check_proxy(env: Mapping[str, str]) -> list[Check]:
    """Proxy sign-in settings parse, and trusted proxy addresses are not everyone."""
    from sq_layout.auth.proxy import ProxyConfig
    from sq_layout.errors import ConfigError

    try:
        cfg = ProxyConfig.from_env(env)
    except ConfigError as exc:
        found = _as_is(f"{exc.setting}={exc.value!r}")
        return [Check("proxy", False, found, Said("dr_fix_expected", what=Said(exc.expected_key)))]
    if not cfg.enabled:
        return [Check("proxy", True, Said("dr_sso_off"))]
    wide = [str(n) for n in cfg.networks if n.prefixlen == 0]
    found = Said("dr_trusted", header=cfg.header, nets=Listed(map(str, cfg.networks)))
    return [Check("proxy", not wide, found, Said("dr_fix_proxy") if wide else None)]


def check_server(env: Mapping[str, str], cfg: Mapping[str, Mapping[str, object]]) -> list[Check]:
    """The server listens where intended and asks nothing of the internet."""
    if "_error" in cfg:
        found = _as_is(f".streamlit/config.toml: {cfg['_error']['text']}")
        return [Check("config", False, found, Said("dr_fix_syntax"))]
    address = str(_setting(cfg, env, "server", "address") or "")
    stats = str(_setting(cfg, env, "browser", "gatherUsageStats")).lower()
    out = [
        Check(
            "address",
            bool(address),
            Said("dr_listens", address=address) if address else Said("dr_no_address"),
            Said("dr_fix_address"),
        ),
        Check("telemetry", stats == "false", _as_is(f"browser.gatherUsageStats = {stats}"), Said("dr_fix_false")),
    ]
    return out


def check_static(root: Path, writable: Callable[[Path], bool]) -> list[Check]:
    """Each process publishes map files under static/: the folders must be writable by the app's account."""
    bad = [f for f in STATIC_FOLDERS if (root / f).exists() and not writable(root / f)]
    parent_ok = writable(root / "static")
    fix = Said("dr_fix_static", path=root / "static")
    found = Said("dr_writable") if not bad and parent_ok else Said("dr_not_writable", folders=Listed(bad or ["static"]))
    return [Check("static files", not bad and parent_ok, found, fix)]


def run_checks(env: Mapping[str, str] | None = None, processes: int = 1, root: Path = ROOT) -> list[Check]:
    """Every check of a deployment, in the order an administrator fixes them."""
    from sq_layout.store.engine import ENV_VAR, resolve_url

    env = os.environ if env is None else env
    url = resolve_url(env.get(ENV_VAR))
    cfg = _config(root)
    checks = check_database(url) + check_sqlite_file(url)
    checks += check_secrets(env, cfg, processes) + check_proxy(env) + check_server(env, cfg)
    return checks + check_static(root, lambda p: os.access(p, os.W_OK | os.X_OK))
