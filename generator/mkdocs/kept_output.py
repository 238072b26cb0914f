"""The site updated in place: after an edit, only the files whose bytes changed are written.

`kb build` builds beside the site, so that a build killed mid-way leaves the site as it was.
A cold build (or one whose last record does not fit) writes a whole site there and swaps it
in. Otherwise the last build's record says, for each file it wrote, a digest of what made its
bytes: a page filled into its folder's shell (the shell's parts and the page's title,
description and HTML: the fill is exact, see shell.py) or a file's own bytes. A file whose
digest is the same is not written at all: the build beside the site holds only the changed
files and MkDocs' own (77 at 10,000 meetings), and `update_in_place` moves them into the site
and removes the files this build no longer makes. At 10,000 meetings that is a few dozen
renames instead of a new tree of 33,000 files and 15,000 folders (2.5 s of the kernel's time
to link, 1 s to delete the old one).

The record is trusted only for the site folder the last build put in place (its path, device,
inode and time, as the up-to-date stamp checks them). The folder's time is moved before the
first file is: a build killed while moving leaves a site whose record no longer fits, and the
next build writes it whole again. Builds into one folder take turns (commands/build.py's lock).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator
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
    """What the last build wrote (`last`: ours by digest, `others` MkDocs' own, in the site at
    `previous`) and what this one writes (`now`)."""

    def __init__(self, previous: str | None, last: dict[str, Digest], others: frozenset[str] = frozenset()) -> None:
        self.previous = previous
        self.last = last
        self.others = others
        self.now: dict[str, Digest] = {}
        self.others_now: frozenset[str] = frozenset()

    @property
    def in_place(self) -> bool:
        """The site there is updated in place: unchanged files are not written."""
        return self.previous is not None

    def same(self, path: str, digest: Digest | None) -> bool:
        """Whether the site holds the same at `path` already: nothing to write (read by forked workers too)."""
        return digest is not None and self.previous is not None and self.last.get(path) == digest

    def note(self, written: Iterable[tuple[str, Digest | None]]) -> None:
        """What this build made (path, digest), written or left in place, for the next build."""
        self.now.update((path, digest) for path, digest in written if digest is not None)


def held_files(files: dict[str, bytes]) -> tuple[dict[str, bytes], dict[str, Digest]]:
    """The files to write, and those the site holds already by their digest (site.model.Settle).
    Run where the search index is made, with the build's record inherited by the fork."""
    kept = _current
    if kept is None or not kept.in_place:
        return files, {}
    to_write, held = {}, {}
    for name, data in files.items():
        digest = file_digest(data)
        if kept.same(name, digest):
            held[name] = digest
        else:
            to_write[name] = data
    return to_write, held


def file_digest(data: bytes) -> Digest:
    """SHA-1 (its first 16 bytes): twice BLAKE2b's speed on this machine's 17,700 files of
    100 MB at 10,000 meetings (0.08 s against 0.15), with the same room against collisions."""
    return hashlib.sha1(data, usedforsecurity=False).digest()[:16]


def shell_digest(shell: list[str]) -> Digest:
    """A folder's shell, once (its parts are tens of kilobytes: not hashed again per page)."""
    h = hashlib.blake2b(digest_size=16)
    for part in shell:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.digest()


def page_digest(shell: Digest, values: list[str], html: Digest) -> Digest:
    """A filled page: its folder's shell, its values and its HTML, each by its digest."""
    h = hashlib.blake2b(shell, digest_size=16)
    for value in values:
        h.update(value.encode("utf-8", "surrogatepass") + b"\0")
    h.update(html)
    return h.digest()


_current: KeptOutput | None = None  # the build under way (kb build only; kb serve has none)


def start(output: Path) -> KeptOutput:
    """Before a build into `output`: the last build's record, if the site there is its site."""
    global _current
    base = cache_dir()
    stored: Any = read_checked(base / RECORD) if base else None
    fits = isinstance(stored, tuple) and len(stored) == 4 and stored[:2] == (str(output), folder_id(output))
    _current = KeptOutput(str(output), stored[2], stored[3]) if fits else KeptOutput(None, {})
    return _current


def current() -> KeptOutput | None:
    return _current


def update_in_place(staging: Path, output: Path) -> None:
    """The changed files built beside the site (`staging`) moved into it, each by one rename
    (a reader sees the old file or the new, never half of one); then the files this build no
    longer makes removed, with folders left empty; then the staging folder."""
    kept = _current
    assert kept is not None and kept.in_place
    os.utime(output)  # first: from here on the last record no longer fits (see the docstring)
    moved = list(files_under(staging))
    for name in moved:
        target = os.path.join(output, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(os.path.join(staging, name), target)
    kept.others_now = frozenset(moved) - kept.now.keys()
    made = kept.now.keys() | kept.others_now
    for name in sorted((kept.last.keys() | kept.others) - made):
        remove_file(output, name)
    shutil.rmtree(staging, ignore_errors=True)


def remove_file(output: Path, name: str) -> None:
    """A file the last build made and this one does not, and its folders when left empty."""
    path = os.path.join(output, name)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    folder = os.path.dirname(path)
    while folder != str(output):
        try:
            os.rmdir(folder)
        except OSError:
            return  # not empty (or gone)
        folder = os.path.dirname(folder)


def files_under(folder: Path) -> Iterator[str]:
    """Every file below `folder`, by its path relative to it."""
    for parent, _, names in os.walk(folder):
        prefix = os.path.relpath(parent, folder)
        for name in names:
            yield name if prefix == "." else os.path.join(prefix, name)


def finish(output: Path | None) -> None:
    """After the swap or the update: this build's record, for the site now at `output` (None:
    the build failed). After a swap, MkDocs' own files are those the build did not note."""
    global _current
    base = cache_dir()
    kept = _current
    if output is not None and base is not None and kept is not None:
        others = kept.others_now if kept.in_place else frozenset(files_under(output)) - kept.now.keys()
        write_checked(base / RECORD, (str(output), folder_id(output), kept.now, others))
    _current = None
