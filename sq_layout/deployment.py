"""Checks of a deployment (`python -m sq_layout doctor`): each says what it found and, when wrong, what to fix."""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sq_layout.paths import ROOT

STATIC_FOLDERS = ("static/maps", "static/geo", "static/points", "static/vendor")


@dataclass(frozen=True)
class Check:
    """One finding: its name, whether it is fine, what was found, and what to do about it."""

    name: str
    ok: bool
    found: str
    fix: str = ""


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


_RESTORE = "restore the latest backup: python -m sq_layout workspace restore FILE --replace"


def check_database(url: str) -> list[Check]:
    """The database answers, its schema is current, and PostgreSQL has PostGIS."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from sq_layout.store.engine import make_engine, redact
    from sq_layout.store.migrate import HEAD, current_revision

    shown = redact(url)
    if url.startswith("sqlite") and not Path(url.split("///", 1)[-1]).exists():
        fix = "run `python -m sq_layout workspace init` (or start the app once) to create it"
        return [Check("database", False, f"no workspace file at {shown}", fix)]
    engine = make_engine(url)
    out: list[Check] = []
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            out.append(Check("database", True, f"{shown} answers"))
            rev = current_revision(conn)
            fix = "run `python -m sq_layout workspace init` once (it migrates and seeds), then restart the app"
            out.append(Check("schema", rev == HEAD, f"at {rev or 'none'}, this sq-layout needs {HEAD}", fix))
            if engine.dialect.name == "sqlite":
                found = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
                fix = "" if found == ["ok"] else _RESTORE
                out.append(Check("integrity", found == ["ok"], "; ".join(found)[:300], fix))
            if engine.dialect.name == "postgresql":
                try:
                    version = conn.execute(text("SELECT postgis_lib_version()")).scalar()
                    out.append(Check("postgis", True, f"PostGIS {version}"))
                except SQLAlchemyError:
                    fix = "as a superuser: CREATE EXTENSION postgis; (Debian: postgresql-15-postgis-3)"
                    out.append(Check("postgis", False, "PostGIS is not installed in this database", fix))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
        out.append(Check("database", False, f"{shown}: {reason}", "check SQ_LAYOUT_DB, the server and the account"))
        if engine.dialect.name == "sqlite" and "malformed" in reason:  # damaged where even the schema is read
            out.append(Check("integrity", False, reason, _RESTORE))
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
        fix = f"chmod {'700' if item.is_dir() else '600'} {item}"
        out.append(Check("file permissions", not loose, f"{item.name or item} is {mode:o}", fix if loose else ""))
    return out


def check_secrets(env: Mapping[str, str], cfg: Mapping[str, Mapping[str, object]], processes: int) -> list[Check]:
    """With several processes, Streamlit's cookie secret must be one value shared by all of them."""
    cookie = _setting(cfg, env, "server", "cookieSecret")
    fix = "set STREAMLIT_SERVER_COOKIE_SECRET to the same long random value for every process (deploy/sq-layout.env)"
    if processes > 1:
        return [Check("cookie secret", bool(cookie), "set" if cookie else "not set: each process makes its own", fix)]
    return [Check("cookie secret", True, "set" if cookie else "one process: its own random secret is enough")]


def check_proxy(env: Mapping[str, str]) -> list[Check]:
    """Proxy sign-in settings parse, and trusted proxy addresses are not everyone."""
    from sq_layout.auth.proxy import ProxyConfig
    from sq_layout.errors import ConfigError

    try:
        cfg = ProxyConfig.from_env(env)
    except ConfigError as exc:
        return [Check("proxy", False, f"{exc.setting}={exc.value!r}", f"expected {exc.expected}")]
    if not cfg.enabled:
        return [Check("proxy", True, "single sign-on off (accounts of the workspace sign in)")]
    wide = [str(n) for n in cfg.networks if n.prefixlen == 0]
    fix = "list only the reverse proxy's own addresses in SQ_LAYOUT_PROXY_ADDRS"
    nets = ", ".join(map(str, cfg.networks))
    return [Check("proxy", not wide, f"{cfg.header} trusted from {nets}", fix if wide else "")]


def check_server(env: Mapping[str, str], cfg: Mapping[str, Mapping[str, object]]) -> list[Check]:
    """The server listens where intended and asks nothing of the internet."""
    if "_error" in cfg:
        return [Check("config", False, f".streamlit/config.toml: {cfg['_error']['text']}", "fix the file's syntax")]
    address = str(_setting(cfg, env, "server", "address") or "")
    stats = str(_setting(cfg, env, "browser", "gatherUsageStats")).lower()
    out = [
        Check(
            "address",
            bool(address),
            f"listens on {address}" if address else "no server.address: Streamlit looks up its external IP at start",
            "set server.address (127.0.0.1 behind a proxy on this host)",
        ),
        Check("telemetry", stats == "false", f"browser.gatherUsageStats = {stats}", "set it to false"),
    ]
    return out


def check_static(root: Path, writable: Callable[[Path], bool]) -> list[Check]:
    """Each process publishes map files under static/: the folders must be writable by the app's account."""
    bad = [f for f in STATIC_FOLDERS if (root / f).exists() and not writable(root / f)]
    parent_ok = writable(root / "static")
    fix = f"give the app's account write access to {root / 'static'} and the folders below it"
    found = "writable" if not bad and parent_ok else "not writable: " + ", ".join(bad or ["static"])
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
