"""Record pages kept between builds: a page is rendered again only when its own record, its
related list, or something it read from another record (a title, a date, a link, a tag...)
changed, or when the code or templates did. See tracking.py for how reads are noted.

Stored as one pickle under the cache folder: per page, the key of its own inputs, what it
read and a hash of those values then, and its HTML (compressed).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..cache import cache_dir, read_checked, write_checked
from ..records.load import Record
from . import render
from .model import Page
from .related import Related
from .tracking import Dep, Digests

PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Entry:
    own: str
    deps: tuple[Dep, ...]
    digest: str
    title: str
    description: str
    kind: str
    html: bytes  # zlib-compressed


def code_fingerprint() -> str:
    """The generator's code, data files and page templates: any edit renders every page anew.
    Read at every build (a few milliseconds), as `kb serve` rebuilds after template edits."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    templates = render.TEMPLATES
    files = sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.yaml"), *templates.rglob("*.html")])
    for file in files:
        h.update(file.name.encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


def own_key(record: Record, related: list[Related]) -> str:
    return repr((record.kind, record.id, [(r.id, r.reason) for r in related]))  # scores are not shown


class PageCache:
    def __init__(self, digests: Digests, fingerprint: str) -> None:
        self.digests = digests
        base = cache_dir()
        self.path = base / "pages.pickle" if base else None
        self.fingerprint = fingerprint
        self.entries: dict[str, Entry] = self._load()
        self.fresh: dict[str, Entry] = {}

    def _load(self) -> dict[str, Entry]:
        stored = read_checked(self.path) if self.path is not None else None
        if not isinstance(stored, tuple) or len(stored) != 2:
            return {}
        fingerprint, entries = stored
        return entries if fingerprint == self.fingerprint and isinstance(entries, dict) else {}

    def get(self, src_uri: str, own: str) -> Page | None:
        entry = self.entries.get(src_uri)
        if entry is None or entry.own != own or self.digests.of(entry.deps) != entry.digest:
            return None
        self.fresh[src_uri] = entry
        return Page(src_uri, entry.title, entry.description, entry.kind, entry.html)

    def put(self, page: Page, own: str, deps: tuple[Dep, ...], digest: str) -> None:
        """`deps` in a fixed order, and `digests.of(deps)`, as the page's worker found them."""
        self.fresh[page.src_uri] = Entry(own, deps, digest, page.title, page.description,
                                         page.kind, page.packed)

    def save(self) -> None:
        """Keep this build's pages only (so the cache does not grow), written atomically."""
        if self.path is None or self.fresh == self.entries:
            return
        write_checked(self.path, (self.fingerprint, self.fresh))
