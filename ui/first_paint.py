"""The first paint: a page's opening map drawn by its own HTML while Streamlit's frontend loads.

A fresh browser spends ≈ 1–1.5 s loading Streamlit's frontend (≈ 2.9 MB of scripts) before a page's script has even
run, and a warm one ≈ 1 s: the floor of any Streamlit page. For the two map pages, when the address opens the page's
opening view (no area, filter or version in it), the server puts a small script into the page's HTML
(static/firstpaint.js) that draws the map in a map frame of its own, where the page will put its map, with what the
last run of that view sent (its mount and overlay). The picture takes no clicks and is removed once the live map under
it has drawn the same areas (and points); nothing is drawn when no run of the current version's opening view has been
recorded in this process, or when its data has changed since (a new version, a draft edit, saved records).
Streamlit's own scripts wait until the picture's areas are painted (at most 0.5 s), so that it does not compete
with them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

if TYPE_CHECKING:
    from sq_layout.auth.web import ASGIApp, Receive, Scope, Send
    from sq_layout.i18n import Lang

# Under the app's address (and any --server.baseUrlPath): the frame's page, at the depth of a component's (its files
# are named relative to /component/<name>/index.html).
FRAME_PATH = "/_sq/first-paint/index.html"
LIVE_FRAME = 'iframe[src*="ui.map_widget.sqmap"]'  # the live map's frame (ui/map_widget.py declares "sqmap")
CONTENT = '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'  # a page element drawn
KEPT = 16  # recorded opening views kept per process (two pages × two languages × a few versions)


@dataclass(frozen=True)
class Layout:
    """Where a page's map frame is at a window width w ≥ min_width (measured in Chromium; a browser test compares it
    with the live map): left and top in px, width = width_k·w + width_b, the height the page asks for."""

    left: float
    top: float
    width_k: float
    width_b: float
    height: int
    min_width: int = 1024


# url path (without the base path) → (page key, layout). The key is what app.py names the page (its url_path).
PAGES: dict[str, tuple[str, Layout]] = {
    "/": ("", Layout(left=324, top=229.3, width_k=0.7, width_b=-259.6, height=680)),
    "/investment": ("investment", Layout(left=380, top=232.6, width_k=0.6978, width_b=-337.0, height=600)),
}

_lock = threading.Lock()
_recorded: OrderedDict[tuple[str, str, tuple[Any, ...]], bytes] = OrderedDict()
_packed: OrderedDict[str, bytes] = OrderedDict()  # digest of recorded arguments → the frame's page packed for them
_script: bytes | None = None
ENTRY = b'<script type="module" crossorigin src='
HELD = b'<script type="text/sq-held" data-sq-held crossorigin src='
EMPTY = b'<!doctype html><meta charset="utf-8"><title></title>'
PACKED_AREAS = 1_500_000  # bytes: the areas' file of a city or province is packed, a national one fetched


def remember(page: str, lang: Lang, key: tuple[Any, ...], args: dict[str, Any]) -> None:
    """Record what a run of a page's opening view sent its map, for the data it was drawn from (`key`)."""
    body = json.dumps(args, ensure_ascii=False, separators=(",", ":")).encode()
    with _lock:
        _recorded[(page, lang, key)] = body
        _recorded.move_to_end((page, lang, key))
        while len(_recorded) > KEPT:
            _recorded.popitem(last=False)


def current_key(page: str) -> tuple[Any, ...]:
    """The data a new session's opening view of `page` shows now: the latest version, its draft stamp and, for the
    investment page, its records' stamp (as the pages key what they remember)."""
    from ui.warmup import opening_version

    vid, stamp = opening_version()
    if page != "investment" or vid is None:
        return (vid, stamp)
    from sq_layout import workspace
    from sq_layout.invest.store_repository import StoreRepository

    return (vid, stamp, StoreRepository(workspace.workspace(), vid).stamp())


def recorded_args(page: str, lang: str) -> bytes | None:
    """The recorded arguments of the page's opening view if they show the current data, else None."""
    with _lock:
        if not any(k[:2] == (page, lang) for k in _recorded):  # nothing to draw: no query (a cold start's first page)
            return None
    try:
        key = current_key(page)
    except Exception:  # no workspace: the page says why; nothing is drawn ahead of it
        logging.getLogger("sq_layout").debug("first paint: no current version", exc_info=True)
        return None
    with _lock:
        return _recorded.get((page, lang, key))


def opening(path: str, query: bytes) -> tuple[str, Lang, Layout] | None:
    """The page, language and layout when an address opens a page's opening view (no parameter but `lang`)."""
    from sq_layout.i18n import DEFAULT_LANG, LANGS

    page = PAGES.get(path)
    params = parse_qs(query.decode("latin-1"), keep_blank_values=True)
    if page is None or set(params) - {"lang"}:
        return None
    lang = params.get("lang", [DEFAULT_LANG])[-1]
    if lang not in LANGS:
        return None
    return page[0], lang, page[1]


def snippet(args: bytes, digest: str, layout: Layout) -> bytes:
    """What goes first into the page's <head> (after Streamlit's style sheet a script would wait for it): the
    first-paint runtime and its start with this page's figures, its frame's address and the recorded arguments."""
    global _script
    if _script is None:
        from layers.assets import STATIC_DIR

        _script = (STATIC_DIR / "firstpaint.js").read_bytes()
    cfg = {
        "layout": {
            "left": layout.left,
            "top": layout.top,
            "widthK": layout.width_k,
            "widthB": layout.width_b,
            "height": layout.height,
            "minWidth": layout.min_width,
        },
        "frameUrl": f".{FRAME_PATH}?k={digest}",
        "live": LIVE_FRAME,
        "content": CONTENT,
        "args": json.loads(args),
    }
    return b"<script>" + _script + b"</script><script>window.sqFirstPaint.start(" + _in_script(cfg) + b");</script>"


def _in_script(value: object) -> bytes:
    """JSON to put inside a <script> element: "<" escaped, so no text in it can end the element."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").encode()


def pack(args: bytes) -> str | None:
    """Pack the map frame's page for these arguments (once; kept by digest): the map's style sheets and scripts, the
    mount file and the areas' file (≤ PACKED_AREAS bytes; a larger one is fetched). Fetched by the frame, they would
    queue behind Streamlit's ≈ 90 scripts on the browser's six connections, and run after them. None when a file
    is gone (a long-lived server prunes unused ones): nothing is drawn ahead of the page then."""
    from layers.assets import STATIC_DIR

    digest = hashlib.sha256(args).hexdigest()[:20]
    with _lock:
        if digest in _packed:
            return digest
    try:
        inner = _pack(json.loads(args))
    except (OSError, ValueError, KeyError, TypeError):
        logging.getLogger("sq_layout").debug("first paint: frame not packed", exc_info=True)
        return None
    page = (STATIC_DIR / "mapframe" / "index.html").read_bytes().replace(b"</head>", inner + b"</head>", 1)
    with _lock:
        _packed[digest] = page
        while len(_packed) > KEPT:
            _packed.popitem(last=False)
    return digest


def packed_frame(digest: str) -> bytes:
    """The frame's page packed under `digest`; if it is no longer kept, an empty page: nothing is drawn ahead of the
    live map then."""
    with _lock:
        found = _packed.get(digest)
    return found if found is not None else EMPTY


def _pack(args: dict[str, Any]) -> bytes:
    from layers.assets import static_path

    mount = str(args["mount"])
    cfg = json.loads(static_path(mount).read_bytes())
    files = {mount: cfg}
    areas = static_path(cfg["areas"]["url"])
    if areas.stat().st_size <= PACKED_AREAS:
        files[str(cfg["areas"]["url"])] = json.loads(areas.read_bytes())
    points = (args.get("overlay") or {}).get("points") or {}
    scripts = [*cfg["js"], *([points["script"]] if points.get("script") else [])]
    loaded: list[str] = []
    parts: list[bytes] = []
    for url in [*cfg["css"], *scripts]:
        text = static_path(url).read_bytes()
        tag = b"style" if url in cfg["css"] else b"script"
        if b"</" + tag in text.lower():  # it would end its element early: left for the frame to fetch
            continue
        parts.append(b"<" + tag + b">" + text + b"</" + tag + b">")
        loaded.append(url)
    # the arguments too: the frame draws at once instead of waiting for the page (busy loading Streamlit) to answer
    data = _in_script({"files": files, "loaded": loaded, "args": args})
    return b"".join(parts) + b"<script>window.sqPacked=" + data + b";</script>"


def _base_path() -> str:
    """The server's --server.baseUrlPath as a path prefix ("" or "/name")."""
    from streamlit import config

    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


async def _send(send: Send, body: bytes) -> None:
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-cache"),
        (b"x-content-type-options", b"nosniff"),
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class FirstPaint:
    """ASGI middleware: puts the first paint into the HTML of a map page's opening view, and serves its frame."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        base = _base_path()
        path = str(scope.get("path", ""))
        rest = path[len(base) :] if path.startswith(base) else ""
        query = bytes(scope.get("query_string", b""))
        if rest == FRAME_PATH:
            await _send(send, packed_frame(parse_qs(query.decode("latin-1")).get("k", [""])[-1]))
            return
        found = opening(rest or "/", query)
        if found is None:
            await self.app(scope, receive, send)
            return
        await self._inject(scope, receive, send, found)

    async def _inject(self, scope: Scope, receive: Receive, send: Send, found: tuple[str, Lang, Layout]) -> None:
        from anyio import to_thread

        page, lang, layout = found
        args = await to_thread.run_sync(recorded_args, page, lang)
        digest = None if args is None else await to_thread.run_sync(pack, args)
        if args is None or digest is None:  # no run of this view recorded for the current data, or its files gone
            await self.app(scope, receive, send)
            return
        head = snippet(args, digest, layout)
        # asked for uncompressed (Streamlit compresses inside this middleware): the page is ≈ 8 KB
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def held(message: Any) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(bytes(message.get("body", b"")))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            kinds = [v for k, v in start.get("headers", []) if k.lower() == b"content-type"]
            if start.get("status") == 200 and kinds and kinds[0].startswith(b"text/html") and b"<head>" in body:
                # Streamlit's scripts wait for the picture's areas (≤ 0.5 s; static/firstpaint.js releases them)
                body = body.replace(b"<head>", b"<head>" + head, 1).replace(ENTRY, HELD, 1)
                body = body.replace(b'rel="modulepreload"', b'rel="sq-held-modulepreload"')
            drop = {b"content-length", b"etag", b"last-modified"}  # this page's HTML is not the file's
            out = [(k, v) for k, v in start.get("headers", []) if k.lower() not in drop]
            out.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": out})
            await send({"type": "http.response.body", "body": body})

        await self.app({**scope, "headers": headers}, receive, held)
