"""A fair queue: waiting items served in weighted-fair order between clients.

Each item gets a virtual finish tag when it arrives: it starts at the later of
the queue's virtual clock and its client's previous finish, and finishes its
``cost`` later. Items are taken in finish-tag order, and the clock moves to
the start tag of each item taken. A client with many or costly items waiting
has tags far ahead, so a light client's item that arrives later is still taken
first; and nobody starves, because the clock catches up with every tag.

>>> q = FairQueue()
>>> for i in range(3):
...     q.push(f"hog-{i}", client="hog", cost=100)
>>> q.push("light", client="light", cost=10)
>>> q.take(lambda chosen, item: True, limit=4)
['light', 'hog-0', 'hog-1', 'hog-2']
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

#: Clients whose last finish tag the clock has passed are forgotten beyond this many.
MAX_CLIENTS = 4096


class FairQueue(Generic[T]):
    """Items waiting per client, taken in virtual finish-tag order. Not thread-safe."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, float, T]] = []  # (finish, arrival, start, item)
        self._arrivals = itertools.count()
        self._clock = 0.0
        self._finish: dict[Hashable | None, float] = {}

    def __len__(self) -> int:
        return len(self._heap)

    def push(self, item: T, *, client: Hashable | None, cost: float) -> None:
        """Queue ``item`` for ``client``; ``cost`` is what serving it takes (e.g. characters)."""
        start = max(self._clock, self._finish.get(client, 0.0))
        finish = start + cost
        self._finish[client] = finish
        heapq.heappush(self._heap, (finish, next(self._arrivals), start, item))
        if len(self._finish) > MAX_CLIENTS:
            self._finish = {c: f for c, f in self._finish.items() if f > self._clock}

    def take(self, fits: Callable[[Sequence[T], T], bool], limit: int) -> list[T]:
        """Remove and return up to ``limit`` items in tag order, each one for which
        ``fits(chosen_so_far, item)`` holds (the others stay, in their place)."""
        chosen: list[T] = []
        kept: list[tuple[float, int, float, T]] = []
        for entry in sorted(self._heap):
            if len(chosen) < limit and fits(chosen, entry[3]):
                chosen.append(entry[3])
                self._clock = max(self._clock, entry[2])
            else:
                kept.append(entry)
        if chosen:
            self._heap = kept  # sorted, so still a heap
        return chosen
