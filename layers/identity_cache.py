"""Cache what is computed from frames that stay the same objects across reruns (cached geometry, cached summaries)."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd

from sq_layout.cache import identity

R = TypeVar("R")


def by_identity(maxsize: int) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Cache a function of frames by the frames' identities (other arguments by value), least recently used first
    out. A frame handed out by `sq_layout.cache.cached` shares its kept frame's identity until it is changed. Each
    entry keeps its frames alive, so an id is never reused while cached; the frames must not change."""

    def wrap(fn: Callable[..., R]) -> Callable[..., R]:
        entries: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], R]] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def cached(*args: Any) -> R:
            key = tuple(identity(a) if isinstance(a, pd.DataFrame | pd.Series) else a for a in args)
            with lock:
                hit = entries.get(key)
                if hit is not None:
                    entries.move_to_end(key)
                    return hit[1]
            value = fn(*args)
            with lock:
                entries[key] = (args, value)
                while len(entries) > maxsize:
                    entries.popitem(last=False)
            return value

        return cached

    return wrap
