"""Password checks for `cocom serve --auth`, throttled: Gradio calls `ThrottledAuth(user,
password)` for every login, and each wrong password for a user name (all unknown names count as
one) makes the next attempt at that name wait longer (0.5 s, 1 s, 2 s, … up to 30 s) before it is even checked. Attempts at
one name are checked one at a time, so parallel guessing gains nothing. A right password
clears the count. Passwords are compared in constant time."""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable

FIRST_DELAY_S = 0.5
MAX_DELAY_S = 30.0
FREE_FAILURES = 2  # a typo or two costs nothing


class ThrottledAuth:
    def __init__(
        self,
        pairs: list[tuple[str, str]],
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._passwords = {u: p for u, p in pairs}
        self._clock, self._sleep = clock, sleep
        self._failures: dict[str, int] = {}
        self._not_before: dict[str, float] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def delay_after(self, failures: int) -> float:
        if failures <= FREE_FAILURES:
            return 0.0
        return min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - FREE_FAILURES - 1))

    def __call__(self, username: str, password: str) -> bool:
        # unknown names share one count, so neither guessing names nor spraying them helps
        user = username if username in self._passwords else "\x00unknown"
        with self._guard:
            lock = self._locks.setdefault(user, threading.Lock())
        with lock:  # one attempt at a time per user name
            wait = self._not_before.get(user, 0.0) - self._clock()
            if wait > 0:
                self._sleep(wait)
            want = self._passwords.get(user)
            ok = want is not None and hmac.compare_digest(str(password).encode(), want.encode())
            if ok:
                self._failures.pop(user, None)
                self._not_before.pop(user, None)
            else:
                n = self._failures[user] = self._failures.get(user, 0) + 1
                self._not_before[user] = self._clock() + self.delay_after(n)
            return ok
