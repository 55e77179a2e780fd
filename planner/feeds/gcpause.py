"""Rendering a feed without the cyclic garbage collector running in the middle of it.

A rendering allocates some ten thousand container objects (rows, lists, tuples) and frees them
all when it ends; none of them form cycles, so the collector finds nothing, yet it runs tens of
times per rendering and its older generations walk every object the app holds (a tenth of the
CPU of an uncached feed). Paused while any thread renders, and resumed (if it was on) when the
last one is done; reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _active, _resume
    with _lock:
        if _active == 0:
            _resume = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _resume:
                gc.enable()
