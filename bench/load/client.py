"""A Streamlit session at the protocol level: the WebSocket messages a browser tab sends and receives, so a load
test can drive a hundred sessions from one process instead of a hundred browsers.

A session connects to `/_stcore/stream`, asks for a script run with the page, query string and widget states a
browser would send, and reads ForwardMsgs until the run finishes. Widgets are found by their key in the elements the
run sent; changing one is sending its new value with a rerun, as the browser does after a click. Message hashes are
reported back like a browser's cache, so unchanged elements come as references, as they do for a real tab.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState


class RunFailed(Exception):
    """The script run ended with an exception on the page, or did not finish in time."""


@dataclass
class Widget:
    """A widget as the last run drew it: its id, its kind and (for choices) its formatted options."""

    id: str
    kind: str
    options: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    """What one script run sent: bytes received, seconds from request to finish, and page text seen."""

    seconds: float
    nbytes: int
    texts: list[str]
    exceptions: list[str]


class Session:
    """One browser tab's session with a Streamlit app."""

    def __init__(self, base_url: str, *, timeout: float = 60.0, headers: dict[str, str] | None = None) -> None:
        parsed = urllib.parse.urlsplit(base_url)
        self.origin = f"{parsed.scheme}://{parsed.netloc}"
        scheme = "wss" if parsed.scheme == "https" else "ws"
        self.ws_url = f"{scheme}://{parsed.netloc}{parsed.path.rstrip('/')}/_stcore/stream"
        self.timeout = timeout
        self.headers = headers or {}
        self.widgets: dict[str, Widget] = {}
        self.states: dict[str, WidgetState] = {}
        self.cached: set[str] = set()
        self.page_hash = ""
        self.page_name = ""
        self.query = ""
        self.session_id = ""
        self._ws: Any = None

    async def connect(self) -> None:
        """Open the WebSocket as a browser does (subprotocol, Origin)."""
        tls = ssl._create_unverified_context() if self.ws_url.startswith("wss") else None
        self._ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            origin=self.origin,  # type: ignore[arg-type]
            additional_headers=self.headers,
            ssl=tls,
            max_size=None,
            proxy=None,
            open_timeout=self.timeout,
        )

    async def close(self) -> None:
        """Close the tab."""
        if self._ws is not None:
            await self._ws.close()

    async def open(self, page: str = "", query: str = "") -> RunResult:
        """The first run of a page (`page` is its url_path, '' for the main page)."""
        self.page_name, self.query = page, query
        self.widgets, self.states, self.page_hash = {}, {}, ""
        return await self.rerun()

    async def rerun(self, changed: WidgetState | None = None) -> RunResult:
        """Ask for a run with the current widget states (and one changed); wait for it to finish."""
        if changed is not None:
            self.states[changed.id] = changed
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_script_hash = self.page_hash
        cs.page_name = self.page_name
        cs.widget_states.widgets.extend(self.states.values())
        cs.cached_message_hashes.extend(sorted(self.cached))
        started = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        result = await asyncio.wait_for(self._read_run(), self.timeout)
        # triggers (buttons) fire once, as in the browser
        for wid in [w for w, s in self.states.items() if s.WhichOneof("value") == "trigger_value"]:
            del self.states[wid]
        return RunResult(time.perf_counter() - started, *result)

    async def _read_run(self) -> tuple[int, list[str], list[str]]:
        nbytes, texts, errors = 0, list[str](), list[str]()
        while True:
            raw = await self._ws.recv()
            nbytes += len(raw)
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            if fm.metadata.cacheable and fm.hash:
                self.cached.add(fm.hash)
            if kind == "new_session":
                self.page_hash = fm.new_session.page_script_hash or self.page_hash
                self.session_id = fm.new_session.initialize.session_id or self.session_id
            elif kind == "page_info_changed":
                self.query = fm.page_info_changed.query_string
            elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                self._element(fm.delta.new_element, texts, errors)
            elif kind == "script_finished":
                return nbytes, texts, errors

    def _element(self, el: Any, texts: list[str], errors: list[str]) -> None:
        kind = el.WhichOneof("type")
        if kind == "exception":
            errors.append(f"{el.exception.type}: {el.exception.message}"[:300])
            return
        if kind in ("markdown", "text", "html", "alert"):
            body = getattr(el, kind)
            texts.append(getattr(body, "body", ""))
            return
        inner = getattr(el, kind, None)
        wid = getattr(inner, "id", "") if inner is not None else ""
        if wid:
            options = list(getattr(inner, "options", []) or [])
            self.widgets[wid] = Widget(wid, kind, [str(o) for o in options])

    def widget(self, key: str) -> Widget:
        """The widget drawn with this key in the last run."""
        found = [w for wid, w in self.widgets.items() if wid.endswith(f"-{key}")]
        if not found:
            raise RunFailed(f"no widget with key {key!r} on the page")
        return found[0]

    async def choose(self, key: str, values: list[str]) -> RunResult:
        """Set a multiselect to these formatted options."""
        state = WidgetState(id=self.widget(key).id)
        state.string_array_value.data.extend(values)
        return await self.rerun(state)

    async def select(self, key: str, value: str) -> RunResult:
        """Set a selectbox to this formatted option."""
        state = WidgetState(id=self.widget(key).id)
        state.string_value = value
        return await self.rerun(state)

    async def component(self, key: str, value: dict[str, Any]) -> RunResult:
        """Send a component's value (e.g. the map frame reporting a click)."""
        state = WidgetState(id=self.widget(key).id)
        state.json_value = json.dumps(value)
        return await self.rerun(state)

    async def click(self, key: str) -> RunResult:
        """Press a button."""
        state = WidgetState(id=self.widget(key).id, trigger_value=True)
        return await self.rerun(state)
