"""Span bookkeeping in n log n: which character ranges are already taken, which mention came last before an offset.

The extractors used to compare every new span with every span taken so far (quadratic in a document's
mentions); these structures answer the same questions by bisecting sorted offsets.
"""

from __future__ import annotations

import bisect
from typing import Generic, Iterable, TypeVar

T = TypeVar("T")


class Intervals:
    """A set of [start, end) spans; ``overlaps`` answers exactly whether any span overlaps a query span.

    Spans are kept sorted by start; a span overlapping [a, b) starts before b and at most ``longest`` characters
    before a, so only that window is looked at (mentions are short: a few spans whatever the document's length).
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Every kept span overlapping [start, end), in start order."""
        hi = bisect.bisect_left(self.spans, (end,))
        lo = bisect.bisect_left(self.spans, (start - self.longest,))
        return [(s, e) for s, e in self.spans[lo:hi] if s < end and start < e]

    def overlaps(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))


class LastBefore(Generic[T]):
    """Per key, the item with the greatest start among those ending at or before an offset (the most recent
    earlier mention of an entity or head), by bisecting per-key lists sorted by start."""

    def __init__(self) -> None:
        self._items: dict[str, list[tuple[int, int, int, T]]] = {}  # (start, -order added, end, item)
        self._seq = 0

    def add(self, key: str, start: int, end: int, item: T) -> None:
        self._seq += 1
        # among equal starts the earliest added sorts last, so the backward scan meets it first (as ``max`` would)
        bisect.insort(self._items.setdefault(key, []), (start, -self._seq, end, item), key=lambda x: x[:2])

    def get(self, key: str, offset: int) -> tuple[int, T] | None:
        """(start, item) of the latest-starting item of ``key`` that ends at or before ``offset``."""
        items = self._items.get(key)
        if not items:
            return None
        k = bisect.bisect_right(items, (offset,), key=lambda x: x[:1]) - 1
        # items starting before offset are sorted by start; the latest one that also ends in time wins
        while k >= 0:
            start, _, end, item = items[k]
            if end <= offset:
                return start, item
            k -= 1
        return None
