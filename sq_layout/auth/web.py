"""The HTTP side of sign-in (Starlette, beside the Streamlit app): whom to trust, and the session cookie.

- `keep_tcp_peer()` stops uvicorn from replacing the connection's address with X-Forwarded-For (by default it does so
  for any local client, so a request from the server host could claim to come from the proxy).
- `TrustedClient` decides from the TCP peer alone whether the request came through a configured proxy: only then are
  the proxy's user header and X-Forwarded-For/-Proto kept; the page reads the peer from `PEER_HEADER`.
- `/_sq/session` exchanges the sign-in form's one-time token for the session cookie (HttpOnly, SameSite=Strict,
  Secure over HTTPS: no script on the page can read it); `/_sq/signout` ends the session and clears the cookie.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sq_layout.auth.proxy import ProxyConfig, client_address
from sq_layout.errors import ConfigError, UserError

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "sq_session"
PEER_HEADER = "x-sq-layout-peer"  # set here from the TCP peer; any copy a client sends is dropped
PEER_KEY = "sq_layout.tcp_peer"  # in the ASGI scope: the connection's own address, before any header
SECURE_KEY = "sq_layout.secure"
SESSION_PATH = "/_sq/session"
SIGNOUT_PATH = "/_sq/signout"
_FORWARDED = (b"x-forwarded-for", b"x-forwarded-proto", b"x-forwarded-host", b"forwarded")
_log = logging.getLogger(__name__)


class _PeerOnly:
    """Stands in for uvicorn's proxy-header middleware: the scope keeps the TCP peer, marked as such."""

    def __init__(self, app: ASGIApp, trusted_hosts: object = None) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            client = scope.get("client")
            scope[PEER_KEY] = client[0] if client else None
        await self.app(scope, receive, send)


def keep_tcp_peer() -> None:
    """Make uvicorn hand the app the connection's real address (call while uvicorn imports the app, before it wraps)."""
    import uvicorn.config

    setattr(uvicorn.config, "ProxyHeadersMiddleware", _PeerOnly)  # noqa: B010  (not exported, so mypy needs setattr)


def proxy_config() -> ProxyConfig:
    """The proxy settings from the environment; a malformed one trusts no proxy (the page says what is wrong)."""
    try:
        return ProxyConfig.from_env()
    except ConfigError:
        return ProxyConfig()


class TrustedClient:
    """ASGI middleware: proxy headers count only when the TCP peer is a configured proxy; the client address follows."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket" and not same_origin(scope.get("headers", [])):
            # Refused here, before Streamlit's own check: for a foreign Origin that one looks up this machine's
            # internal and external addresses (a DNS query and a request off the machine per attempt).
            await receive()
            await send({"type": "websocket.close", "code": 1008})
            return
        config = proxy_config()
        peer: str | None = scope.get(PEER_KEY)  # None: not served through keep_tcp_peer, so no proxy is trusted
        trusted = config.trusts(peer)
        user_header = (config.header or "").lower().encode()
        kept: list[tuple[bytes, bytes]] = []
        forwarded_for: list[str] = []
        proto = ""
        for name, value in scope.get("headers", []):
            if name == PEER_HEADER.encode():
                continue
            if name in _FORWARDED or (user_header and name == user_header):
                if not trusted:
                    continue
                if name == b"x-forwarded-for":
                    forwarded_for.append(value.decode("latin-1"))
                elif name == b"x-forwarded-proto":
                    proto = value.decode("latin-1").strip().lower()
            kept.append((name, value))
        if peer is not None:
            kept.append((PEER_HEADER.encode(), peer.encode()))
        scope = dict(scope, headers=kept)
        client = scope.get("client")
        if peer is not None:
            address = client_address(peer, ", ".join(forwarded_for) or None, config)
            scope["client"] = (address, client[1] if client else 0)
        scope[SECURE_KEY] = scope.get("scheme") in ("https", "wss") or proto in ("https", "wss")
        await self.app(scope, receive, send)


def same_origin(headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether a request's Origin (when it sends one) names the host and port it was sent to."""
    found = {name: value.decode("latin-1").strip().lower() for name, value in headers if name in (b"origin", b"host")}
    origin = found.get(b"origin")
    if origin is None:
        return True  # not a browser: Streamlit's own rules apply
    from urllib.parse import urlsplit

    parts = urlsplit(origin)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    try:
        port = parts.port or default
    except ValueError:
        return False
    host = found.get(b"host", "")
    if ":" in host.rsplit("]", 1)[-1]:
        host_name, _, host_port = host.rpartition(":")
    else:
        host_name, host_port = host, ""
    wanted = int(host_port) if host_port.isdigit() else None
    return bool(parts.hostname) and parts.hostname == host_name.strip("[]") and (wanted is None or port == wanted)


def safe_next(target: str | None) -> str:
    """A same-site path to return to (anything else, e.g. another host, becomes the first page)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) or any(ord(c) < 32 for c in target):
        return "/"
    return target


def session_url(token: str, next_path: str) -> str:
    """Where the page sends the browser after a successful sign-in."""
    return f"{SESSION_PATH}?t={quote(token)}&next={quote(safe_next(next_path))}"


def signout_url(next_path: str) -> str:
    """Where the page sends the browser to clear the cookie after signing out."""
    return f"{SIGNOUT_PATH}?next={quote(safe_next(next_path))}"


def _client(request: Request) -> str | None:
    return request.client.host if request.client else None


def _redirect(request: Request) -> Response:
    from starlette.responses import RedirectResponse

    resp = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    resp.headers["Cache-Control"] = "no-store"
    resp.headers["Referrer-Policy"] = "no-referrer"  # the one-time token is in this URL
    return resp


def _session(request: Request) -> Response:
    from sqlalchemy.exc import SQLAlchemyError

    from sq_layout.store.sessions import ABSOLUTE_S, redeem_handoff
    from sq_layout.workspace import workspace

    resp = _redirect(request)
    # Only the page itself starts this; a link from another site (sign-in forgery) is refused.
    if request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
        return resp
    token = request.query_params.get("t", "")
    try:
        sid = redeem_handoff(workspace(), token, _client(request)) if token else None
    except (SQLAlchemyError, UserError):  # the workspace is unreachable: no cookie; the page says why
        _log.warning("sign-in hand-off failed: the workspace is unreachable")
        sid = None
    if sid:
        secure = bool(request.scope.get(SECURE_KEY))
        resp.set_cookie(COOKIE, sid, max_age=ABSOLUTE_S, path="/", secure=secure, httponly=True, samesite="strict")
    return resp


def _signout(request: Request) -> Response:
    from sqlalchemy.exc import SQLAlchemyError

    from sq_layout.store.sessions import end_session
    from sq_layout.workspace import workspace

    resp = _redirect(request)
    try:
        end_session(workspace(), request.cookies.get(COOKIE), _client(request))
    except (SQLAlchemyError, UserError):  # the cookie is cleared all the same
        _log.warning("sign-out could not reach the workspace")
    secure = bool(request.scope.get(SECURE_KEY))
    resp.delete_cookie(COOKIE, path="/", secure=secure, httponly=True, samesite="strict")
    return resp


def routes() -> list[BaseRoute]:
    """The sign-in routes to mount beside the Streamlit app."""
    from starlette.routing import Route

    return [Route(SESSION_PATH, _session, methods=["GET"]), Route(SIGNOUT_PATH, _signout, methods=["GET"])]
