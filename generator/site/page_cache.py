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
import os
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__, build_data_files
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
    digest: bytes  # of html (Page.packed_digest)


NOT_BUILT_FROM = ("importer", "bench")  # packages no build imports: their edits change no page


def code_fingerprint() -> str:
    """The generator's code, data files and page templates: any edit renders every page anew.
    Read at every build (a few milliseconds), as `kb serve` rebuilds after template edits."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    templates = Path(model.TEMPLATES)
    code = [f for f in [*PACKAGE.rglob("*.py"), *build_data_files()]
            if f.relative_to(PACKAGE).parts[0] not in NOT_BUILT_FROM]
    files = sorted([*code, *templates.rglob("*.html")])
    for file in files:
        h.update(file.name.encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


def own_key(record: Record, related: list[Related]) -> str:
    return repr((record.kind, record.id, [(r.id, r.reason) for r in related]))  # scores are not shown


SHARDS = 128  # files the pages are kept in: an edit rewrites the few holding its pages (0.8 MB each at 10k)
TABLE_SHARDS = 16  # files the table is kept in: an edit rewrites those holding what changed


def shard_of(src_uri: str) -> int:
    return zlib.crc32(src_uri.encode()) % SHARDS


def numbers_of(entry: Entry) -> array[int]:
    return array("Q", entry.deps)


def dep_id(dep: Dep) -> int:
    """A thing read, as a number (64 bits of its hash: no two of a site's things share one)."""
    return int.from_bytes(hashlib.blake2b(repr(dep).encode(), digest_size=8).digest(), "little")


_numbers: dict[Dep, int] = {}  # dep_id's, once per process: pages read the same things


def dep_ids(deps: tuple[Dep, ...]) -> bytes:
    """The things a page read as numbers, an array("Q")'s bytes (worked out where it was rendered)."""
    known = _numbers
    return array("Q", [known.get(dep) or known.setdefault(dep, dep_id(dep)) for dep in deps]).tobytes()


# kinds of things read whose value is made of the graph's edges alone: with every record's
# links the same, so are they (the network and its metrics are made of those links too)
LINKS_ONLY = ("links", "edge", "metric")
PARTS = ("head", "fields")  # parts of a record: the same where the record is the same
Table = dict[int, tuple["Dep", bytes]]  # dep_id → (the thing read, a hash of its value)
Tokens = dict[str, bytes]  # file → the token it was written with


class PageCache:
    """Files: the pages in SHARDS shards, the table in TABLE_SHARDS, each written with a new
    token, and state.pickle, written last, with every file's token. A file whose token is not
    the state's (a build stopped while saving) makes the whole cache read as empty: the table
    and the pages' reads must come from one save."""

    def __init__(self, digests: Digests, fingerprint: str) -> None:
        self.digests = digests
        base = cache_dir()
        self.folder = base / "pages" if base else None
        self.fingerprint = fingerprint
        self.links = digests.index.links  # the key of every record's links (graph/kept.py)
        self.same_links = False  # as the last build's (read with the state)
        self.tokens: Tokens = {}
        self.table: Table = {}
        self.entries: dict[str, Entry] = {}
        self._load()
        self.changed_deps = self._changed_deps()
        self.fresh: dict[str, Entry] = {}
        self.read: Table = {}  # what the pages rendered now read, and its hash now
        self.changed: set[int] = set()

    def _load(self) -> None:
        folder = self.folder
        state = read_checked(folder / "state.pickle") if folder else None
        if folder is None or not (isinstance(state, tuple) and len(state) == 3 and state[0] == self.fingerprint):
            return
        tokens: Tokens = state[2]
        table: Table = {}
        entries: dict[str, Entry] = {}
        for name, token in tokens.items():
            stored = read_checked(folder / name)
            if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == token):
                return  # written by another save than the state's: nothing is kept
            (table if name.startswith("deps-") else entries).update(stored[1])
        self.tokens, self.table, self.entries = tokens, table, entries
        self.same_links = bool(self.links) and state[1] == self.links

    def _changed_deps(self) -> set[int]:
        """The things read whose value changed. Links read, network ties and metrics are made
        of the graph's edges alone: with every record's links the same, they are (0.6 s at 10k)."""
        skip = LINKS_ONLY if self.same_links else ()
        digest_of = self.digests.digest_of
        # a record's head (kind, title, date, summary) and fields are made of the record alone:
        # where the record's own hash is the one noted, so are theirs (15,000 heads not hashed at 10k)
        same = {dep[1] for dep, digest in self.table.values() if dep[0] == "record" and digest_of(dep) == digest}
        return {number for number, (dep, digest) in self.table.items()
                if dep[0] not in skip and not (dep[0] in PARTS and dep[1] in same) and digest_of(dep) != digest}

    def get(self, src_uri: str, own: str) -> Page | None:
        entry = self.entries.get(src_uri)
        if entry is None or entry.own != own or not self.changed_deps.isdisjoint(numbers_of(entry)):
            return None
        self.fresh[src_uri] = entry
        return Page(src_uri, entry.title, entry.description, entry.kind, entry.html, digest=entry.digest)

    def put(self, page: Page, own: str, deps: tuple[Dep, ...], digests: bytes, numbers: bytes) -> None:
        """`deps`, the hashes of their values joined and their numbers (dep_ids), as the page's
        worker found them. Each thing read is noted once (every page reads the same value of it)."""
        found = array("Q", numbers)
        read = self.read
        size = len(digests) // len(deps) if deps else 0
        for n in [n for n, number in enumerate(found) if number not in read]:
            read[found[n]] = (deps[n], digests[n * size:(n + 1) * size])
        self.fresh[page.src_uri] = Entry(own, array("Q", sorted(set(found))).tobytes(), page.title,
                                         page.description, page.kind, page.packed, page.packed_digest())
        self.changed.add(shard_of(page.src_uri))

    def save(self) -> None:
        """Keep this build's pages only (so the cache does not grow): the shards holding a page
        rendered or gone and the table's shards holding a changed hash (all of them when the
        cache was empty), each written atomically, then the state naming them."""
        folder = self.folder
        if folder is None:
            return
        self.changed |= {shard_of(src) for src in self.entries.keys() - self.fresh.keys()}
        whole = not self.tokens
        shards: dict[int, dict[str, Entry]] = {n: {} for n in (range(SHARDS) if whole else self.changed)}
        for src, entry in self.fresh.items():
            if (number := shard_of(src)) in shards:
                shards[number][src] = entry
        for number, entries in shards.items():
            self._write(folder / f"{number}.pickle", entries)
        table = self._table_now()
        parts = set(range(TABLE_SHARDS)) if whole else self._changed_parts(table)
        split: dict[int, Table] = {part: {} for part in parts}
        for number, value in table.items():  # one pass, not one per part
            if (part := split.get(number % TABLE_SHARDS)) is not None:
                part[number] = value
        for number, part in split.items():
            self._write(folder / f"deps-{number}.pickle", part)
        if shards or parts or whole:
            write_checked(folder / "state.pickle", (self.fingerprint, self.links, self.tokens))
        self.changed.clear()

    def _write(self, path: Path, value: object) -> None:
        token = os.urandom(8)
        write_checked(path, (token, value))
        self.tokens[path.name] = token

    def _table_now(self) -> Table:
        """What the kept pages read, as the last build hashed it (unchanged, or they would not
        be kept) or as this build's workers did. Things no page reads any more are dropped
        when many pages were rendered or some are gone (a few edits leave them: harmless)."""
        if len(self.read) < len(self.table) // 10 and self.fresh.keys() >= self.entries.keys():
            return self.table | self.read
        numbers: set[int] = set().union(*map(numbers_of, self.fresh.values()))
        return {n: self.read.get(n) or self.table[n] for n in numbers}

    def _changed_parts(self, table: Table) -> set[int]:
        """The table's shards holding a thing added, dropped or hashed anew since the last save."""
        last = self.table
        moved = table.keys() ^ last.keys()
        moved.update(n for n, value in self.read.items() if last.get(n) != value)
        return {n % TABLE_SHARDS for n in moved}
