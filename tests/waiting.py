"""Waiting for a condition in tests (never for a fixed time): poll until it holds or a deadline passes."""

from __future__ import annotations

import time
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
