"""What a click sends over the websocket: unchanged elements as references, the folded facts only once opened."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from sq_layout.geo.simplify import browser_geometry, label_points
from sq_layout.plan.dataset import bundled
from sq_layout.plan.join import areas_frame
from tests.browser.conftest import click_latlng, map_frame, open_facts, rerun, settle_map, wait_idle, wait_until

pytestmark = pytest.mark.browser


def decoded(frames: list[bytes]) -> list[ForwardMsg]:
    """The ForwardMsgs the page received."""
    out = []
    for data in frames:
        msg = ForwardMsg()
        msg.ParseFromString(data)
        out.append(msg)
    return out


def elements(msgs: list[ForwardMsg], kind: str) -> list[ForwardMsg]:
    """The new elements of one kind sent in full."""
    return [
        m
        for m in msgs
        if m.WhichOneof("type") == "delta"
        and m.delta.WhichOneof("type") == "new_element"
        and m.delta.new_element.WhichOneof("type") == kind
    ]


def finished(msgs: list[ForwardMsg]) -> bool:
    """Whether a run's last message (script_finished) is among these."""
    return any(m.WhichOneof("type") == "script_finished" for m in msgs)


def html_bodies(msgs: list[ForwardMsg]) -> str:
    """Every st.html body sent in full."""
    return "".join(m.delta.new_element.html.body for m in elements(msgs, "html"))


def test_a_click_resends_only_what_changed(page: Page, app_url: str) -> None:
    frames: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda p: frames.append(p if isinstance(p, bytes) else b"")))
    page.goto(app_url + "?chain=9")
    frame = map_frame(page)
    wait_until(page, lambda: frame.evaluate("() => sqMap.info().loaded"), what="areas drawn")
    settle_map(page, frame)
    geo = browser_geometry(areas_frame(bundled()))
    sihong = next(p for a, p in zip(geo["area_id"], label_points(geo), strict=True) if a == "sihong")

    frames.clear()
    with rerun(page):
        click_latlng(page, frame, sihong.y, sihong.x)
    wait_until(page, lambda: "泗洪县" in page.locator(".st-key-sq-answer").inner_text(), what="card")
    wait_idle(page)
    wait_until(page, lambda: finished(decoded(frames)), what="the click's run, all of it received")
    msgs = decoded(frames)
    refs = [m for m in msgs if m.WhichOneof("type") == "ref_hash"]
    # the filters did not change: the browser already holds them, so they come as references, not in full
    assert elements(msgs, "multiselect") == [] and len(refs) >= 4
    # the card came; the facts and plan passages did not (folded, not yet opened)
    assert 'class="sq-panel sq-card"' in html_bodies(msgs) and 'lang="zh"' not in html_bodies(msgs)

    frames.clear()
    open_facts(page)
    opened = html_bodies(decoded(frames))
    assert (
        'class="passage" lang="zh"' in opened and 'class="sq-panel sq-card"' not in opened
    )  # the card is unchanged: a reference
