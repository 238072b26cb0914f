"""`kb build` when nothing changed since the last build into the same folder: nothing to do.

A successful build leaves a stamp in the cache folder: a digest of everything a site is made
from (every content file, media files by size, time and inode as the photo cache knows them,
the code and its data, site_templates, the MkDocs configuration, the options, the build date
the sitemap shows) and the identity of the site folder it put in place. While both are the
same, the site on disk is the one a build would write again, byte for byte, and the build
stops before it starts.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from mkdocs.utils import get_build_date

from .. import bundled_dir
from ..cache import cache_dir, read_checked, write_checked
from ..mkdocs.kept_output import folder_id
from ..records.load import read_bytes
from ..site.page_cache import code_fingerprint

STAMP = "last-build.pickle"
SETTINGS = ("KB_SHELL", "SOURCE_DATE_EPOCH")  # environment variables a build reads besides the cache's


class Stamp:
    def __init__(self, root: Path, output: Path, config: Path, options: Any) -> None:
        self.output = output.resolve()
        base = cache_dir()
        self.path = base / STAMP if base else None
        self.read: dict[str, bytes] = {}  # content files' digests by path: validation reads none again
        self.inputs = inputs_digest(root, config, options, self.read) if self.path else ""

    def current(self) -> bool:
        return self.path is not None and read_checked(self.path) == self.value()

    def save(self) -> None:
        if self.path is not None:
            write_checked(self.path, self.value())

    def value(self) -> tuple[str, str, tuple[int, ...] | None]:
        return self.inputs, str(self.output), folder_id(self.output)


def inputs_digest(root: Path, config: Path, options: Any, read: dict[str, bytes]) -> str:
    """The digest of all a site is made from; `read` gets each content file's (by path)."""
    h = hashlib.blake2b(digest_size=16)
    # the build date too: the sitemap dates every page by it (SOURCE_DATE_EPOCH, else today)
    settings = [os.environ.get(name) for name in SETTINGS]
    h.update(repr((code_fingerprint(), options, settings, get_build_date())).encode())
    for base in (root, bundled_dir("site_templates")):
        for name in files_under(str(base)):
            h.update(name.encode() + b"\0")
            path = os.path.join(base, name)
            value = file_value(path, name.startswith("media" + os.sep))
            h.update(value)
            if base is root and value != UNREADABLE:
                read[path] = value
    h.update(config.read_bytes() if config.exists() else b"")
    return h.hexdigest()


UNREADABLE = b"unreadable"


def file_value(path: str, by_stat: bool) -> bytes:
    """A digest of its bytes; photos and video (large) by their stat; a broken link as such."""
    try:
        if by_stat:
            stat = os.stat(path)
            return repr((stat.st_size, stat.st_mtime_ns, stat.st_ino)).encode()
        return hashlib.blake2b(read_bytes(path), digest_size=16).digest()
    except OSError:
        return UNREADABLE


def files_under(base: str) -> list[str]:
    """Every file below base (through linked folders too), by path relative to it, sorted:
    plain strings from os.walk (at 10,000 meetings, Path objects cost seconds)."""
    found: list[str] = []
    for folder, _, files in os.walk(base, followlinks=True):
        prefix = os.path.relpath(folder, base)
        prefix = "" if prefix == "." else prefix + os.sep
        found.extend(prefix + name for name in files)
    return sorted(found)
