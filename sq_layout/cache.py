"""The package's one cache policy: `cached` keeps a function's results in memory per process, and every caller gets
its own copy-on-write view of a kept frame, so no caller's change reaches the next caller.

What is cached: derived tables and lookups computed from immutable inputs. Keyed on: the arguments by value, where a
`Dataset` hashes by identity (`PER_DATASET`); a `Dataset` is one version, or one revision of a draft, and never changes
once loaded (`sq_layout.workspace.dataset` keys it on the version id and the draft's revision read from the database,
so another process's edit gives a new `Dataset` and with it new keys). Invalidated: never by time; an entry is dropped
least recently used first (`maxsize` per function) or by `clear()` when its inputs are replaced in place (a restored
database, a rewritten bundled file).

Read-only results: pandas 3 always copies on write, so each caller is handed `frame.copy(deep=False)` — a new object
sharing the kept columns until the caller writes, when pandas copies what is written. NumPy arrays are kept
read-only (a write raises). Tuples, lists, dicts and frozen dataclasses are walked to hand out the frames they hold
(lists and dicts as new ones); an object hashed by identity (a `Dataset`) is handed out as itself, being the key
of other caches.

Single flight: `SingleFlight` keeps the last values made by key and makes a value being asked for once, whoever else
asks meanwhile (the store's decoded versions). Every cache, `cached` or not, is listed by `policies()` with what it is
keyed on and when it is invalidated (`register` names one that is not a `cached` function).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Generic, ParamSpec, TypeVar

if TYPE_CHECKING:
    import pandas as pd

P = ParamSpec("P")
R = TypeVar("R")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

PER_DATASET: Final = "a Dataset (by identity: one version or draft revision) and the other arguments by value"
PER_FILE: Final = "a file path (the bundled files are read-only while the app runs)"
PER_PROCESS: Final = "nothing: computed once per process"

_TOKENS = itertools.count(1)
_TOKEN = "_sq_cache_token"  # on a kept frame: its entry's number (never reused, unlike an id)
_ORIGIN = "_sq_cache_origin"  # on a handed-out copy: (token, its internals as handed out)
_POLICIES: dict[str, tuple[str, str]] = {}  # qualified name -> (key, invalidated)


def _internals(frame: pd.DataFrame | pd.Series) -> tuple[Any, ...]:
    """What any change to a frame replaces: its block manager, its blocks and its axes (pandas internals)."""
    mgr = frame._mgr
    return (mgr, mgr.blocks, *mgr.axes)


def _freeze(value: Any, builds: dict[int, bool]) -> bool:
    """Mark a result being kept (arrays read-only, frames numbered) and note in `builds` the id of each part whose
    handing out builds something new (a frame, a list, a dict, or a part holding one), with whether any part inside
    it does too (else a list or dict is copied whole, not item by item); whether `value` is such a part."""
    import numpy as np
    import pandas as pd

    inner = False
    if isinstance(value, pd.DataFrame | pd.Series):
        object.__setattr__(value, _TOKEN, next(_TOKENS))
        found = True
    elif isinstance(value, np.ndarray):
        value.flags.writeable = False
        found = False
    elif isinstance(value, tuple | list):
        inner = any([_freeze(v, builds) for v in value])  # a list: every item visited, not only up to the first
        found = inner or isinstance(value, list)
    elif isinstance(value, dict):
        inner = any([_freeze(v, builds) for v in value.values()])
        found = True
    elif _is_record(value):
        inner = found = any([_freeze(getattr(value, f.name), builds) for f in dataclasses.fields(value)])
    else:
        found = False
    if found:
        builds[id(value)] = inner
    return found


def _hand_out(value: Any, builds: Mapping[int, bool]) -> Any:
    """What one caller gets of a kept result: frames as copy-on-write copies, containers rebuilt around them."""
    import pandas as pd

    inner = builds.get(id(value))
    if inner is None:
        return value
    if isinstance(value, pd.DataFrame | pd.Series):
        copy = value.copy(deep=False)
        object.__setattr__(copy, _ORIGIN, (getattr(value, _TOKEN), _internals(copy)))
        return copy
    if isinstance(value, list):
        return [_hand_out(v, builds) for v in value] if inner else list(value)
    if isinstance(value, dict):
        return {k: _hand_out(v, builds) for k, v in value.items()} if inner else dict(value)
    if isinstance(value, tuple):
        return tuple(_hand_out(v, builds) for v in value)
    fields = dataclasses.fields(value)
    return dataclasses.replace(value, **{f.name: _hand_out(getattr(value, f.name), builds) for f in fields if f.init})


def _is_record(value: Any) -> bool:
    """A dataclass instance hashed by value; one hashed by identity (a `Dataset`) is a key, handed out as itself."""
    return (
        dataclasses.is_dataclass(value) and not isinstance(value, type) and type(value).__hash__ is not object.__hash__
    )


def identity(frame: pd.DataFrame | pd.Series) -> Hashable:
    """A key for caching by a frame's identity that a handed-out copy shares with its kept frame while unchanged."""
    origin = frame.__dict__.get(_ORIGIN)
    if origin is not None:
        token, internals = origin
        now = _internals(frame)
        if len(now) == len(internals) and all(a is b for a, b in zip(now, internals, strict=True)):
            return ("cached", token)
    return ("object", id(frame))


def cached(maxsize: int, key: str = PER_DATASET, invalidated: str = "") -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Keep a function's results (least recently used out after `maxsize`), keyed as `key` says and dropped when
    `invalidated` says (besides `clear()`); each call hands out read-only or copy-on-write results."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.lru_cache(maxsize=maxsize)
        def keep(*args: Hashable, **kwargs: Hashable) -> tuple[Mapping[int, bool], R]:
            value = fn(*args, **kwargs)  # type: ignore[arg-type]
            builds: dict[int, bool] = {}
            _freeze(value, builds)  # the kept value holds every part, so their ids stay theirs
            return MappingProxyType(builds), value

        @functools.wraps(fn)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            builds, value = keep(*args, **kwargs)  # type: ignore[arg-type]  # lru_cache: hashable arguments
            return _hand_out(value, builds) if builds else value

        _POLICIES[f"{fn.__module__}.{fn.__qualname__}"] = (key, invalidated)
        call.cache_clear = keep.cache_clear  # type: ignore[attr-defined]
        call.cache_info = keep.cache_info  # type: ignore[attr-defined]
        _CLEARS.append(keep.cache_clear)
        return call

    return wrap


_CLEARS: list[Callable[[], None]] = []


def clear() -> None:
    """Drop every kept result of every `cached` function (their inputs were replaced in place)."""
    for c in _CLEARS:
        c()


def register(name: str, key: str, invalidated: str) -> str:
    """List a cache that is not a `cached` function (a `SingleFlight`) among the policies; its name."""
    _POLICIES[name] = (key, invalidated)
    return name


def policies() -> dict[str, tuple[str, str]]:
    """Every cache imported so far (`cached` functions and registered ones), with what it is keyed on and when it is
    invalidated."""
    return dict(_POLICIES)


class SingleFlight(Generic[K, V]):
    """The last `size` values made, by key, for values that never change under their key; a value being made is
    made once, whoever else asks for it meanwhile (they wait for that one computation)."""

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
