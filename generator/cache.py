"""A content-addressed cache for pure, costly steps (Thai tokenising, Graphviz rendering).

Keys are hashes of the exact input (and the code version), so a hit can never be stale:
a changed record or map simply has a new key. Stored with the content being built, in
<project>/.cache/kb/ (the folder with mkdocs.yml and content/), or in $KB_CACHE_DIR; never
beside the installed code, so two content projects never share a cache.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
        data = read_checked(self.path) if self.enabled else None
        return data if isinstance(data, dict) else {}

    def has(self, payload: str | bytes) -> bool:
        return key_of(self.namespace, payload) in self.items

    def get(self, payload: str | bytes) -> Any:
        """What is kept for this payload (None if nothing), without noting it as used."""
        return self.items.get(key_of(self.namespace, payload))

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
        write_checked(self.path, {k: v for k, v in self.items.items() if k in self.used})


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while loading: tens of thousands of new containers make
    the collector sweep the growing heap over and over (a third of the time), and records
    and cached results make no cycles worth collecting early."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


CHECK = 4  # bytes of CRC-32 over the pickle, at the start of every cache file


def checksum(data: bytes | memoryview, start: int = 0) -> int:
    """CRC-32: it finds a file cut short or a flipped byte, which is all the check is for (a
    hand that can write the cache can write any digest), at 3 GB/s where BLAKE2b ran at 0.55:
    an edit's build at 10,000 meetings reads 190 MB of cache."""
    return zlib.crc32(data, start)


def read_checked(path: Path) -> Any:
    """What write_checked() stored; None when the file is missing, cut short or damaged: a
    flipped byte inside a cached SVG would unpickle fine and break every page showing it."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    data = memoryview(raw)[CHECK:]
    if len(raw) <= CHECK or checksum(data).to_bytes(CHECK, "big") != raw[:CHECK]:
        return None
    try:
        with gc_paused():  # a page cache shard is 100,000 objects: swept again and again as read
            return pickle.loads(data)  # noqa: S301 - our own cache file, never downloaded
    except UNREADABLE:
        return None


class _Checked:
    """A file that sums what is written to it (the pickle streams, never held whole)."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.sum = 0

    def write(self, data: bytes) -> int:
        self.sum = checksum(data, self.sum)
        return int(self.handle.write(data))


def write_checked(path: Path, value: Any) -> None:
    """The value pickled after its checksum, written atomically (a killed build leaves the old file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
        handle.write(bytes(CHECK))
        writer = _Checked(handle)
        pickle.dump(value, writer, protocol=pickle.HIGHEST_PROTOCOL)
        handle.seek(0)
        handle.write(writer.sum.to_bytes(CHECK, "big"))
    os.replace(handle.name, path)
