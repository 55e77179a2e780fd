"""Per-process caches for serving feeds: rendered bytes by schedule fingerprint, and a short-lived
answer per token so a burst of polls costs no database round trip at all.

The token answers live at most `ttl` seconds, and the web layer clears them in its own process as
soon as a commit touches events, feeds, bodies or organizations; other worker processes catch up
within `ttl`. Rendered bytes are keyed by the fingerprint and never go stale.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class LRU(Generic[V]):
    def __init__(self, size: int) -> None:
        self._items: OrderedDict[Any, V] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    @property
    def size(self) -> int:
        return self._size

    def get(self, key: Any) -> V | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: Any, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class FeedCache:
    def __init__(self, size: int = 256) -> None:
        self.rendered: LRU[Any] = LRU(size)
        self._answers: LRU[tuple[float, Any]] = LRU(size * 4)

    def answer(self, key: Any, ttl: float) -> Any | None:
        """What was served for this token (and settings) less than `ttl` seconds ago, if anything."""
        if ttl <= 0:
            return None
        hit = self._answers.get(key)
        if hit is None or hit[0] < time.monotonic():
            return None
        return hit[1]

    def remember(self, key: Any, value: Any, ttl: float) -> None:
        if ttl > 0:
            self._answers.put(key, (time.monotonic() + ttl, value))

    def forget_answers(self) -> None:
        self._answers.clear()
