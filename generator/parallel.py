"""Work spread over every core by forked workers, and a way to give up on a build that a newer
edit has already made pointless (kb serve).

Workers are forked, so they read the caller's data (set in a module global before the call)
without pickling it. The heap is frozen out of the cyclic garbage collector meanwhile: the
workers' collections then skip what they inherit, and leave its memory pages shared.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WORKERS = min(os.cpu_count() or 1, 8)
POLL = 0.05  # seconds between looks at the stop check while workers work


class Superseded(Exception):  # noqa: N818 - a state, not a failure
    """A newer edit is waiting: the build under way would only be thrown away."""


_stop: Callable[[], bool] | None = None


@contextmanager
def stop_when(check: Callable[[], bool]) -> Iterator[None]:
    """Within this block, `checkpoint()` and `parallel_map` raise Superseded once check() is true."""
    global _stop
    previous, _stop = _stop, check
    try:
        yield
    finally:
        _stop = previous


def checkpoint() -> None:
    if _stop is not None and _stop():
        raise Superseded


@contextmanager
def fork_pool(workers: int = WORKERS, **options: Any) -> Iterator[Pool]:
    """A pool of forked workers over a frozen heap (unfrozen after, unless the caller froze it)."""
    outer = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers, **options) as pool:
            yield pool
    finally:
        if not outer:
            gc.unfreeze()


def parallel_map(function: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> list[R]:
    """[function(item) for item in items] on every core, in order. Leaving the pool early
    (Superseded) terminates the workers."""
    with fork_pool() as pool:
        pending = pool.map_async(function, items, chunksize)
        while not pending.ready():
            pending.wait(POLL)
            checkpoint()
        return pending.get()
