"""Files the last `kb build` wrote, linked into the new site instead of written again.

`kb build` builds beside the site and swaps it in (a build killed mid-way leaves the old one),
so every build writes a whole site: 685 MB at 10,000 meetings, though an edit changes a few
pages. The last build's record says, for each file it wrote, a digest of what made its bytes:
a page filled into its folder's shell (the shell's parts and the page's title, description
and HTML: the fill is exact, see shell.py) or a file's own bytes. A file whose digest is the
same is hard-linked from the site in place (the old site is never written to: every file in
the new one is a new link or a new file), so the new site equals a written one byte for byte.

The record is trusted only for the site folder the last build put in place (its path, device,
inode and time, as the up-to-date stamp checks them); a link that fails (another build swapped
the folder away meanwhile) falls back to writing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..cache import cache_dir, read_checked, write_checked

RECORD = "site-output.pickle"
Digest = bytes


def folder_id(folder: Path) -> tuple[int, ...] | None:
    try:
        found = folder.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino, found.st_mtime_ns


class KeptOutput:
    """What the last build wrote (`last`, in the site at `previous`) and what this one writes."""

    def __init__(self, previous: str | None, last: dict[str, Digest]) -> None:
        self.previous = previous
        self.last = last
        self.now: dict[str, Digest] = {}

    def same(self, path: str, digest: Digest | None) -> bool:
        """Whether the last build wrote the same at `path` (read by forked workers too)."""
        return digest is not None and self.previous is not None and self.last.get(path) == digest

    def note(self, written: Iterable[tuple[str, Digest | None]]) -> None:
        """What this build wrote (path, digest), for the next build to link."""
        self.now.update((path, digest) for path, digest in written if digest is not None)

    def link(self, path: str, dest: str) -> bool:
        """The last site's file at `path` linked at `dest` (its folder exists); False if it could not be."""
        assert self.previous is not None
        try:
            os.link(os.path.join(self.previous, path), dest)
        except OSError:
            return False
        return True


def file_digest(data: bytes) -> Digest:
    return hashlib.blake2b(data, digest_size=16).digest()


def shell_digest(shell: list[str]) -> Digest:
    """A folder's shell, once (its parts are tens of kilobytes: not hashed again per page)."""
    h = hashlib.blake2b(digest_size=16)
    for part in shell:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.digest()


def page_digest(shell: Digest, values: list[str], packed: bytes) -> Digest:
    h = hashlib.blake2b(shell, digest_size=16)
    for value in values:
        h.update(value.encode("utf-8", "surrogatepass") + b"\0")
    h.update(packed)
    return h.digest()


_current: KeptOutput | None = None  # the build under way (kb build only; kb serve has none)


def start(output: Path) -> None:
    """Before a build into `output`: the last build's record, if the site there is its site."""
    global _current
    base = cache_dir()
    stored: Any = read_checked(base / RECORD) if base else None
    fits = isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (str(output), folder_id(output))
    _current = KeptOutput(str(output) if fits else None, stored[2] if fits else {})


def current() -> KeptOutput | None:
    return _current


def finish(output: Path | None) -> None:
    """After the swap: this build's record, for the site now at `output` (None: the build failed)."""
    global _current
    base = cache_dir()
    if output is not None and base is not None and _current is not None:
        write_checked(base / RECORD, (str(output), folder_id(output), _current.now))
    _current = None
