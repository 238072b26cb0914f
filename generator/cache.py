"""A content-addressed cache for pure, costly steps (Thai tokenising, Graphviz rendering).

Keys are hashes of the exact input (and the code version), so a hit can never be stale:
a changed record or map simply has a new key. Stored with the content being built, in
<project>/.cache/kb/ (the folder with mkdocs.yml and content/), or in $KB_CACHE_DIR; never
beside the installed code, so two content projects never share a cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__

# A cache written by other code (a class since moved or renamed) is read as empty, not an error.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError)
_project: Path | None = None  # set by the build (forked workers inherit it)


def use_project(folder: Path) -> None:
    """The project being built: the folder that holds mkdocs.yml and content/."""
    global _project
    _project = folder.resolve()


def cache_dir() -> Path | None:
    if os.environ.get("KB_NO_CACHE"):
        return None
    return Path(os.environ.get("KB_CACHE_DIR") or (_project or Path.cwd()) / ".cache" / "kb")


def key_of(namespace: str, payload: str | bytes) -> str:
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    return hashlib.sha256(namespace.encode() + b"\0" + __version__.encode() + b"\0" + data).hexdigest()


class Store:
    """One pickle file per namespace, loaded once and written back atomically."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        self.path = (cache_dir() or Path()) / f"{namespace}.pickle"
        self.enabled = cache_dir() is not None
        self.items: dict[str, Any] = self._load()
        self.used: set[str] = set()
        self.changed = False

    def _load(self) -> dict[str, Any]:
        if not self.enabled or not self.path.exists():
            return {}
        try:
            with self.path.open("rb") as handle:
                data = pickle.load(handle)  # noqa: S301 - our own cache file, never downloaded
            return data if isinstance(data, dict) else {}
        except UNREADABLE:
            return {}

    def has(self, payload: str | bytes) -> bool:
        return key_of(self.namespace, payload) in self.items

    def get_or_make(self, payload: str | bytes, make: Callable[[], Any]) -> Any:
        key = key_of(self.namespace, payload)
        self.used.add(key)
        if key not in self.items:
            self.items[key] = make()
            self.changed = True
        return self.items[key]

    def save(self) -> None:
        """Keep what this run used (so the cache does not grow without end), atomically."""
        if not self.enabled or not (self.changed or set(self.items) - self.used):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        kept = {k: v for k, v in self.items.items() if k in self.used}
        with tempfile.NamedTemporaryFile("wb", dir=self.path.parent, delete=False) as handle:
            pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, self.path)
