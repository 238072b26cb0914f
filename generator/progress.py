"""Progress lines for long work (builds, big validations): stage, count, time so far, on stderr."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

Progress = Callable[[str], None]


def reporter(prefix: str = "kb") -> Progress:
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"{prefix}: [{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    return say


def silent(message: str) -> None:
    pass


class ProgressHandler(logging.Handler):
    """Shows a logger's INFO messages (the MkDocs plugin's stages) through a reporter."""

    def __init__(self, say: Progress) -> None:
        super().__init__(logging.INFO)
        self.say = say

    def emit(self, record: logging.LogRecord) -> None:
        self.say(record.getMessage())
