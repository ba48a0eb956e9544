"""Waiting for a condition in tests (never for a fixed time): poll until it holds or a deadline passes."""

from __future__ import annotations

import ssl
import time
import urllib.request
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
POLL_S = 0.05  # how often a condition is looked at again; never a delay the test's outcome depends on


def wait_for(condition: Callable[[], T], timeout: float, what: str) -> T:
    """The condition's first true value, polled until `timeout` seconds pass; AssertionError naming `what` if never."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(POLL_S)


def answers(url: str, context: ssl.SSLContext | None = None) -> bool:
    """Whether a URL answers 200 now (a server's health check); False while it cannot be reached."""
    try:
        with urllib.request.urlopen(url, timeout=2, context=context) as r:
            return bool(r.status == 200)
    except OSError:
        return False
