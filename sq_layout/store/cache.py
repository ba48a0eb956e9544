"""A small per-process cache of values that never change under their key, with single flight: concurrent requests
for a key not yet held wait for the one computation of it instead of each doing the same work."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SingleFlight(Generic[K, V]):
    """The last `size` values made, by key; a value being made is made once, whoever else asks for it meanwhile."""

    def __init__(self, size: int):
        self.size = size
        self._lock = threading.Lock()
        self._held: OrderedDict[K, V] = OrderedDict()
        self._pending: dict[K, Future[V | None]] = {}

    def get(self, key: K, make: Callable[[], V | None]) -> V | None:
        """The value held for key, else make() once for everyone asking now (None from make: not kept)."""
        with self._lock:
            if key in self._held:
                self._held.move_to_end(key)
                return self._held[key]
            waiting = self._pending.get(key)
            if waiting is None:
                mine: Future[V | None] = Future()
                self._pending[key] = mine
        if waiting is not None:
            return waiting.result()  # the maker's error, if it failed, is raised here too
        try:
            value = make()
        except BaseException as exc:
            with self._lock:
                del self._pending[key]
            mine.set_exception(exc)
            raise
        with self._lock:
            del self._pending[key]
            if value is not None:
                self._held[key] = value
                while len(self._held) > self.size:
                    self._held.popitem(last=False)
        mine.set_result(value)
        return value

    def clear(self) -> None:
        """Forget every value held (values being made are still handed to whoever waits for them)."""
        with self._lock:
            self._held.clear()
