"""Point-in-intervals tests in O(log n): "is this offset inside any quote / role / mention?"
asked once per match would otherwise scan every interval of the article, quadratic in its
length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Intervals:
    """A fixed set of half-open [a, b) intervals, possibly overlapping."""

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(pairs)
        self.starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))  # max end so far

    def contains(self, pos: int, *, open_start: bool = False) -> bool:
        """Whether a <= pos < b for some interval (a < pos < b with `open_start`)."""
        i = (bisect_left if open_start else bisect_right)(self.starts, pos)
        return i > 0 and self._reach[i - 1] > pos
