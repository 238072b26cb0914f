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
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WORKERS = min(os.cpu_count() or 1, 8)
POLL = 0.05  # seconds between looks at the stop check while workers work


class Superseded(Exception):  # noqa: N818 - a state, not a failure
    """A newer edit is waiting: the build under way would only be thrown away."""


_stop: Callable[[], bool] | None = None
_alone = False  # in a Background process: work on one core, beside the caller's workers


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


def parallel_map(function: Callable[[T], R], items: Iterable[T], chunksize: int = 1,
                 serial: bool = False) -> list[R]:
    """[function(item) for item in items] on every core, in order; in this process when told
    (too little work to pay for forking) or when there is one core. Leaving the pool early
    (Superseded) terminates the workers."""
    if serial or _alone or WORKERS < 2:
        return list(map(function, items))
    with fork_pool() as pool:
        pending = pool.map_async(function, items, chunksize)
        while not pending.ready():
            pending.wait(POLL)
            checkpoint()
        return pending.get()


class Background(Generic[R]):
    """function() computed by a forked process while the caller goes on with other stages,
    so that a core the caller leaves idle (serial steps, Graphviz) does this work meanwhile."""

    def __init__(self, function: Callable[[], R]) -> None:
        context = multiprocessing.get_context("fork")  # the child reads the caller's data as is
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_result, args=(function, sender, self._receiver))
        self._process.start()
        sender.close()

    def result(self) -> R:
        """Waits for the value (giving up, like parallel_map, when told to stop)."""
        while not self._receiver.poll(POLL):
            checkpoint()
            if not self._process.is_alive() and not self._receiver.poll():
                raise RuntimeError("background work ended without a result")
        done, value = self._receiver.recv()
        self._process.join()
        if not done:
            raise RuntimeError(f"background work failed:\n{value}")
        return value

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _send_result(function: Callable[[], Any], sender: Any, receiver: Any) -> None:
    """In the child. It closes its copy of the pipe's reading end: should the caller die (kb
    serve stopped mid-build), sending then fails instead of waiting for a reader forever."""
    global _alone
    _alone = True
    receiver.close()
    try:
        sender.send((True, function()))
    except BrokenPipeError:
        pass  # the caller is gone
    except BaseException:  # noqa: BLE001 - reported by the parent, with its traceback
        sender.send((False, traceback.format_exc()))


class Ready(Generic[R]):
    """A value already at hand, used where a Background would be."""

    def __init__(self, value: R) -> None:
        self.value = value

    def result(self) -> R:
        return self.value

    def cancel(self) -> None:
        pass


@contextmanager
def meanwhile(function: Callable[[], R], background: bool = True) -> Iterator[Background[R] | Ready[R]]:
    """function() in a forked process for the block's length (stopped if the block fails),
    or computed at once when background is false."""
    job: Background[R] | Ready[R] = Background(function) if background else Ready(function())
    try:
        yield job
    finally:
        job.cancel()
