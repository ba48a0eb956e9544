"""Failed sign-ins are rate-limited per account and per client address."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class SignInLimiter:
    """Refuse sign-in for `lockout_s` once `max_failures` failures fall within `window_s` for one key."""

    max_failures: int = 5
    window_s: float = 300.0
    lockout_s: float = 300.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict, repr=False)
    _locked_until: dict[str, float] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @staticmethod
    def keys(user: str, address: str | None) -> tuple[str, ...]:
        """The keys a sign-in attempt counts against: the account, and the client address when known."""
        return (f"user:{user.casefold()}",) + ((f"addr:{address}",) if address else ())

    def retry_after(self, user: str, address: str | None) -> float:
        """Seconds until this user/address may try again (0 when allowed now)."""
        now = self.clock()
        with self._lock:
            return max([0.0] + [self._locked_until.get(k, 0.0) - now for k in self.keys(user, address)])

    def failed(self, user: str, address: str | None) -> None:
        """Record a failed attempt; lock the keys that reach the limit."""
        now = self.clock()
        with self._lock:
            for k in self.keys(user, address):
                q = self._failures.setdefault(k, deque())
                q.append(now)
                while q and q[0] <= now - self.window_s:
                    q.popleft()
                if len(q) >= self.max_failures:
                    self._locked_until[k] = now + self.lockout_s
                    q.clear()

    def succeeded(self, user: str, address: str | None) -> None:
        """Forget the account's failures after a successful sign-in (the address keeps its count)."""
        with self._lock:
            self._failures.pop(self.keys(user, None)[0], None)
