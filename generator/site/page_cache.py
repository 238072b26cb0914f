"""Record pages kept between builds: a page is rendered again only when its own record, its
related list, or something it read from another record (a title, a date, a link, a tag...)
changed, or when the code or templates did. See tracking.py for how reads are noted.

Stored in shards under the cache folder: per page, the key of its own inputs, what it read
(as numbers: a short hash of each thing) and its HTML (compressed); beside them one table of
everything the kept pages read, with a hash of its value at the last build. A build hashes
each of those values once, and a page is kept while none of the things it read changed: a
set test per page, not a hash of all it read (1.4 s at 10,000 meetings).
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..cache import cache_dir, read_checked, write_checked
from . import model
from .model import Page

if TYPE_CHECKING:  # kb build's up-to-date check reads code_fingerprint: it imports no more than it needs
    from ..records.load import Record
    from .related import Related
    from .tracking import Dep, Digests

PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Entry:
    own: str
    deps: bytes  # dep_id of each thing it read, as an array("Q"): one object to pickle, not 60
    title: str
    description: str
    kind: str
    html: bytes  # zlib-compressed


NOT_BUILT_FROM = ("importer", "bench")  # packages no build imports: their edits change no page


def code_fingerprint() -> str:
    """The generator's code, data files and page templates: any edit renders every page anew.
    Read at every build (a few milliseconds), as `kb serve` rebuilds after template edits."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    templates = Path(model.TEMPLATES)
    code = [f for f in [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.yaml")]
            if f.relative_to(PACKAGE).parts[0] not in NOT_BUILT_FROM]
    files = sorted([*code, *templates.rglob("*.html")])
    for file in files:
        h.update(file.name.encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


def own_key(record: Record, related: list[Related]) -> str:
    return repr((record.kind, record.id, [(r.id, r.reason) for r in related]))  # scores are not shown


SHARDS = 32  # files the cache is kept in: an edit rewrites the few holding its pages


def shard_of(src_uri: str) -> int:
    return zlib.crc32(src_uri.encode()) % SHARDS


def numbers_of(entry: Entry) -> array[int]:
    return array("Q", entry.deps)


def dep_id(dep: Dep) -> int:
    """A thing read, as a number (64 bits of its hash: no two of a site's things share one)."""
    return int.from_bytes(hashlib.blake2b(repr(dep).encode(), digest_size=8).digest(), "little")


LINKS_ONLY = ("links", "edge")  # kinds of things read whose value is the graph's edges only
Table = dict[int, tuple["Dep", bytes]]  # dep_id → (the thing read, a hash of its value)


class PageCache:
    def __init__(self, digests: Digests, fingerprint: str) -> None:
        self.digests = digests
        base = cache_dir()
        self.folder = base / "pages" if base else None
        self.fingerprint = fingerprint
        self.links = digests.index.links  # the key of every record's links (graph/kept.py)
        self.same_links = False  # as the last build's (read with its table)
        self.table: Table = self._load_table()
        self.entries: dict[str, Entry] = self._load()
        self.changed_deps = self._changed_deps()
        self.fresh: dict[str, Entry] = {}
        self.read: Table = {}  # what the pages rendered now read, and its hash now
        self.numbers: dict[Dep, int] = {}
        self.changed: set[int] = set()

    def _load_table(self) -> Table:
        stored = read_checked(self.folder / "deps.pickle") if self.folder else None
        if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == self.fingerprint:
            self.same_links = bool(self.links) and stored[2] == self.links
            return dict(stored[1])
        return {}

    def _changed_deps(self) -> set[int]:
        """The things read whose value changed. Links read and network ties are made of the
        graph's edges alone: with every record's links the same, they are (0.6 s at 10k)."""
        skip = LINKS_ONLY if self.same_links else ()
        digest_of = self.digests.digest_of
        return {number for number, (dep, digest) in self.table.items()
                if dep[0] not in skip and digest_of(dep) != digest}

    def _load(self) -> dict[str, Entry]:
        entries: dict[str, Entry] = {}
        if self.folder is None or not self.table:
            return entries
        for number in range(SHARDS):
            stored = read_checked(self.folder / f"{number}.pickle")
            if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.fingerprint:
                entries.update(stored[1])
        known = self.table.keys()  # (a build stopped between the shards and the table)
        return {src: entry for src, entry in entries.items() if all(map(known.__contains__, numbers_of(entry)))}

    def get(self, src_uri: str, own: str) -> Page | None:
        entry = self.entries.get(src_uri)
        if entry is None or entry.own != own or not self.changed_deps.isdisjoint(numbers_of(entry)):
            return None
        self.fresh[src_uri] = entry
        return Page(src_uri, entry.title, entry.description, entry.kind, entry.html)

    def put(self, page: Page, own: str, deps: tuple[Dep, ...], digests: bytes) -> None:
        """`deps`, and the hashes of their values joined (as the page's worker found them)."""
        known = self.numbers  # pages read the same things: each hashed once
        numbers = [known.get(dep) or known.setdefault(dep, dep_id(dep)) for dep in deps]
        size = len(digests) // len(deps) if deps else 0
        for n, (number, dep) in enumerate(zip(numbers, deps, strict=True)):
            self.read[number] = (dep, digests[n * size:(n + 1) * size])
        self.fresh[page.src_uri] = Entry(own, array("Q", sorted(set(numbers))).tobytes(), page.title,
                                         page.description, page.kind, page.packed)
        self.changed.add(shard_of(page.src_uri))

    def save(self) -> None:
        """Keep this build's pages only (so the cache does not grow), written atomically; only
        the shards holding a page rendered or gone (all of them when there were none)."""
        if self.folder is None:
            return
        self.changed |= {shard_of(src) for src in self.entries.keys() - self.fresh.keys()}
        if not self.entries:
            self.changed = set(range(SHARDS))
        shards: dict[int, dict[str, Entry]] = {number: {} for number in self.changed}
        for src, entry in self.fresh.items():
            if (number := shard_of(src)) in shards:
                shards[number][src] = entry
        for number, entries in shards.items():
            write_checked(self.folder / f"{number}.pickle", (self.fingerprint, entries))
        if self.changed or self.read:
            write_checked(self.folder / "deps.pickle", (self.fingerprint, self._table_now(), self.links))
        self.changed.clear()

    def _table_now(self) -> Table:
        """What the kept pages read: as the last build hashed it (unchanged, or they would not
        be kept) or as this build's workers did. Things no page reads any more are dropped
        when many pages were rendered or some are gone (a few edits leave them: harmless)."""
        if len(self.read) < len(self.table) // 10 and self.fresh.keys() >= self.entries.keys():
            return self.table | self.read
        numbers: set[int] = set().union(*map(numbers_of, self.fresh.values()))
        return {number: self.read.get(number) or self.table[number] for number in numbers}
        (self.folder.parent / "pages.pickle").unlink(missing_ok=True)  # (kept whole, before)
