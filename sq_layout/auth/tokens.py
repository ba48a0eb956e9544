"""Signed, expiring session tokens (HMAC-SHA256), kept in a browser cookie so a sign-in survives a reload."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

SECRET_ENV = "SQ_LAYOUT_SECRET"
SESSION_HOURS = 12


@dataclass(frozen=True)
class Session:
    """Who a valid token says the user is, and until when."""

    user: str
    expires: float


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load_secret(path: Path) -> bytes:
    """The signing key: $SQ_LAYOUT_SECRET, else a random key kept in `path` (created once, owner-only)."""
    env = os.environ.get(SECRET_ENV)
    if env:
        return env.encode()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # never replaces a key another process wrote first
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip().encode()


def sign(user: str, key: bytes, *, hours: float = SESSION_HOURS, now: float | None = None) -> str:
    """A token naming `user`, valid for `hours`."""
    payload = _b64(json.dumps({"u": user, "e": (time.time() if now is None else now) + hours * 3600}).encode())
    mac = hmac.new(key, payload.encode(), hashlib.sha256).digest()
    return f"{payload}.{_b64(mac)}"


def verify(token: str | None, key: bytes, *, now: float | None = None) -> Session | None:
    """The session a token carries, or None when it is missing, forged, malformed or expired."""
    if not token or token.count(".") != 1:
        return None
    payload, mac = token.split(".")
    try:
        good = hmac.compare_digest(_unb64(mac), hmac.new(key, payload.encode(), hashlib.sha256).digest())
        data = json.loads(_unb64(payload)) if good else None
    except (ValueError, json.JSONDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), str) or not isinstance(data.get("e"), int | float):
        return None
    if data["e"] < (time.time() if now is None else now):
        return None
    return Session(data["u"], float(data["e"]))
