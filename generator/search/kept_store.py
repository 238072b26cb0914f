"""Where the search index kept between builds lives (the cache folder's search-index/), split so
that a build after an edit reads and writes little beside the files it must hand over:

- `table.pickle`: per page its record's digest, number, the digest of what was indexed and its
  title; the vocabulary's word counts; the shard totals. A few megabytes at 10,000 meetings.
- `files-N.pickle`: the index's files, in packs by their path's hash. All are read (the build
  writes every file of the site), only packs holding a changed file are written again.
- `texts-N.pickle`: each page's indexed text (compressed), in packs by its record's id: its
  old postings are worked out from it when it changes. Only the changed pages' packs are read.

Packs are written before the table, each with a token the table names: a build killed between
the writes leaves a pack the table does not name, and the index is then built from nothing.
"""

from __future__ import annotations

import pickle
import secrets
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..cache import cache_dir, read_checked, write_checked

FOLDER = "search-index"
FILE_PACKS = 256  # about 360 KB each at 10,000 meetings: a body edit writes about 20 of them
TEXT_PACKS = 64  # about 150 KB each (compressed) at 10,000 meetings
LEGACY = ("search-index.pickle", "search-vocabulary.pickle")  # one pickle each, before: 110 MB at 10k
Head = tuple[str, str, str]  # a record's kind, date and title: where it stands in the site's order
Page = tuple[bytes, int, bytes, Head]  # its record's digest, its number, the digest of its doc, its head
Fields = dict[str, str]


@dataclass
class Table:
    key: str  # the whole content's key: equal, and the files are the answer
    layout: tuple[Any, ...]  # code, kind spans, shard counts: any change renumbers pages or grams
    totals: tuple[int, int]  # trigram and bigram postings in all
    pages: dict[str, Page]  # record id → its page
    counts: Counter[str]  # the vocabulary: word → pages holding it
    tokens: dict[str, str] = field(default_factory=dict)  # pack name → the write it holds


def pack_of(name: str, packs: int) -> int:
    return zlib.crc32(name.encode()) % packs


def by_pack(names: Iterable[str], packs: int) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for name in names:
        found[pack_of(name, packs)].append(name)
    return found


class Store:
    """The kept index in the cache folder (nothing kept without one)."""

    def __init__(self) -> None:
        base = cache_dir()
        self.base = base
        self.folder = base / FOLDER if base else None

    def table(self) -> Table | None:
        found = read_checked(self.folder / "table.pickle") if self.folder else None
        return found if isinstance(found, Table) else None

    def _pack(self, table: Table, name: str) -> Any:
        """A pack's contents; None when missing, damaged or not the one the table names."""
        assert self.folder is not None
        found = read_checked(self.folder / f"{name}.pickle")
        if not (isinstance(found, tuple) and len(found) == 2 and table.tokens.get(name) == found[0]):  # noqa: PLR2004
            return None
        return found[1]

    def files(self, table: Table) -> dict[str, bytes] | None:
        """Every file of the index the table describes."""
        files: dict[str, bytes] = {}
        for number in range(FILE_PACKS):
            pack = self._pack(table, f"files-{number}")
            if not isinstance(pack, dict):
                return None
            files.update(pack)
        return files

    def texts(self, table: Table, ids: list[str]) -> dict[str, Fields] | None:
        """The indexed text of every page in the packs holding these ids (a pack is written
        back whole), as the table's build indexed it."""
        texts: dict[str, Fields] = {}
        numbers = {pack_of(i, TEXT_PACKS) for i in ids}
        for number in sorted(numbers):
            pack = self._pack(table, f"texts-{number}")
            if not isinstance(pack, bytes):
                return None
            for name, (digest, fields) in pickle.loads(zlib.decompress(pack)).items():  # noqa: S301 - our cache
                if name not in table.pages or digest != table.pages[name][2]:
                    return None
                texts[name] = fields
        if any(pack_of(i, TEXT_PACKS) in numbers and i not in texts for i in table.pages):
            return None  # a page of the table missing from its pack
        return texts

    def save(self, table: Table, files: dict[str, bytes], changed: Iterable[str] | None,
             texts: dict[str, Fields], moved: Iterable[str] | None) -> None:
        """The table, and the packs holding `changed` files and `moved` pages' texts (None: all).
        `texts` holds the text of every page in those packs."""
        if self.folder is None:
            return
        file_packs = by_pack(files, FILE_PACKS)
        wanted = range(FILE_PACKS) if changed is None else {pack_of(p, FILE_PACKS) for p in changed}
        for number in wanted:
            self._write(table, f"files-{number}", {path: files[path] for path in file_packs.get(number, [])})
        text_packs = by_pack(table.pages, TEXT_PACKS)
        wanted = range(TEXT_PACKS) if moved is None else {pack_of(i, TEXT_PACKS) for i in moved}
        for number in wanted:
            pages = {i: (table.pages[i][2], texts[i]) for i in text_packs.get(number, [])}
            self._write(table, f"texts-{number}", zlib.compress(pickle.dumps(pages, pickle.HIGHEST_PROTOCOL), 1))
        write_checked(self.folder / "table.pickle", table)
        for name in LEGACY:  # what the build kept before, in one pickle: no longer read
            assert self.base is not None
            (self.base / name).unlink(missing_ok=True)

    def _write(self, table: Table, name: str, value: Any) -> None:
        assert self.folder is not None
        table.tokens[name] = secrets.token_hex(8)
        write_checked(self.folder / f"{name}.pickle", (table.tokens[name], value))
