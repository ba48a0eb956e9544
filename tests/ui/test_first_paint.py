"""The first paint (ui/first_paint.py): which addresses get it, what a page run records for it, the frame's page
packed with the map's files, the HTML changed safely, and nothing drawn for data that has changed since."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import MutableMapping
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from layers.assets import static_path
from sq_layout.auth.web import Receive, Scope, Send
from sq_layout.paths import ROOT
from ui import first_paint

PAGE = (
    b'<!doctype html><html lang="en"><head><title>Streamlit</title>'
    b'<script type="module" crossorigin src="./static/js/index.js"></script>'
    b'<link rel="modulepreload" crossorigin href="./static/js/a.js"></head><body><div id="root"></div></body></html>'
)


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/", b"", ("", "zh")),
        ("/", b"lang=en", ("", "en")),
        ("/investment", b"lang=zh", ("investment", "zh")),
        ("/", b"lang=fr", None),  # not a language of the app
        ("/", b"area=siyang", None),  # a link to an area opens another view
        ("/", b"lang=en&v=2", None),  # another version
        ("/investment", b"tab=gaps", None),
        ("/audit", b"", None),  # a page without a map on its opening view
    ],
)
def test_only_a_map_page_s_opening_view_is_drawn_ahead(
    path: str, query: bytes, expected: tuple[str, str] | None
) -> None:
    found = first_paint.opening(path, query)
    assert (found[:2] if found else None) == expected


def _explorer_run(lang: str) -> AppTest:
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    return at


def test_the_explorer_s_opening_run_records_what_its_map_was_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(first_paint, "_recorded", type(first_paint._recorded)())
    _explorer_run("en")
    args = first_paint.recorded_args("", "en")
    assert args is not None and first_paint.recorded_args("", "zh") is None  # recorded per language
    sent = json.loads(args)
    assert set(sent) == {"mount", "overlay", "height", "failed", "tk"} and sent["tk"] == ""
    assert sent["failed"].isascii()  # the English page's words

    # the frame's page packed with the map's files: no request of its own for them
    digest = first_paint.pack(args)
    assert digest is not None
    page = first_paint.packed_frame(digest)
    frame = page.decode()
    data = json.loads(re.search(r"window\.sqPacked=(.*?);</script>", frame, re.S).group(1))  # type: ignore[union-attr]
    mount = data["files"][sent["mount"]]
    assert len(data["files"][mount["areas"]["url"]]["features"]) == 9
    assert set(mount["js"]) | set(mount["css"]) == set(data["loaded"])
    for url in data["loaded"]:  # each script and style sheet in the page itself
        assert static_path(url).read_bytes()[:300] in page, url
    # a digest no longer kept: an empty page (nothing drawn ahead of the live map)
    assert first_paint.packed_frame("0" * 20) == first_paint.EMPTY


def test_a_view_recorded_for_other_data_is_not_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(first_paint, "_recorded", type(first_paint._recorded)())
    now = first_paint.current_key("")
    first_paint.remember("", "zh", (now[0], 12345), {"mount": "x"})  # a draft revision that is not the current one
    assert first_paint.recorded_args("", "zh") is None
    first_paint.remember("", "zh", now, {"mount": "x"})
    assert first_paint.recorded_args("", "zh") == b'{"mount":"x"}'


def test_a_file_gone_from_the_server_means_no_first_paint() -> None:
    args = json.dumps({"mount": "../../app/static/maps/not-there.json", "overlay": {}}).encode()
    assert first_paint.pack(args) is None


def test_text_in_the_arguments_cannot_end_the_script_it_is_put_in() -> None:
    hostile = json.dumps({"failed": "</script><img src=x onerror=alert(1)>", "overlay": {}}).encode()
    head = first_paint.snippet(hostile, "ab12", first_paint.PAGES["/"][1])
    assert head.count(b"</script>") == 2 and b"<img" not in head  # the runtime's and the start's, nothing more
    assert b'"frameUrl": "./_sq/first-paint/index.html?k=ab12"' in head


def _through(path: str, query: bytes, headers: list[tuple[bytes, bytes]]) -> tuple[list[Any], list[Any]]:
    """A GET through the middleware to a page that answers Streamlit's HTML; what reached it and what came back."""
    asked: list[Any] = []
    sent: list[MutableMapping[str, Any]] = []

    async def index_html(scope: Scope, receive: Receive, send: Send) -> None:
        asked.append(scope["headers"])
        head = [(b"content-type", b"text/html; charset=utf-8"), (b"etag", b'"abc"'), (b"content-length", b"1")]
        await send({"type": "http.response.start", "status": 200, "headers": head})
        await send({"type": "http.response.body", "body": PAGE})

    async def receive() -> MutableMapping[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query, "headers": headers}
    # on a thread of its own: a browser test earlier in this worker may have left Playwright's loop on this one
    worker = threading.Thread(target=lambda: asyncio.run(first_paint.FirstPaint(index_html)(scope, receive, send)))
    worker.start()
    worker.join(timeout=60)
    return asked, sent


def test_the_middleware_puts_the_first_paint_into_the_page_s_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(first_paint, "_recorded", type(first_paint._recorded)())
    monkeypatch.chdir(ROOT)
    _explorer_run("zh")
    asked, sent = _through("/", b"", [(b"accept-encoding", b"gzip, br"), (b"host", b"127.0.0.1")])
    assert asked == [[(b"host", b"127.0.0.1")]]  # asked for uncompressed, to be changed
    headers = dict(sent[0]["headers"])
    body = sent[1]["body"]
    assert b"etag" not in headers and int(headers[b"content-length"]) == len(body)
    assert body.index(b"window.sqFirstPaint.start(") < body.index(b"<title>")  # before any style sheet
    # Streamlit's scripts held until the picture is painted (static/firstpaint.js releases them, unchanged)
    assert b'<script type="text/sq-held" data-sq-held crossorigin src="./static/js/index.js">' in body
    assert (
        b'rel="modulepreload"' not in body
        and b'rel="sq-held-modulepreload" crossorigin href="./static/js/a.js"' in body
    )
    digest = re.search(rb"\?k=([0-9a-f]+)", body).group(1).decode()  # type: ignore[union-attr]
    _, frame = _through("/_sq/first-paint/index.html", f"k={digest}".encode(), [])
    assert b"window.sqPacked=" in frame[1]["body"]

    # another view, or a page run not recorded in this language: Streamlit's page as it is
    for path, query in (("/", b"area=siyang"), ("/", b"lang=en")):
        _, plain = _through(path, query, [])
        assert plain[1]["body"] == PAGE
