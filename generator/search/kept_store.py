"""Where the search index kept between builds lives (the cache folder's search-index/), split so
that a build after an edit reads and writes little beside the files it must hand over:

- `table.pickle`: per page its record's digest, number, the digest of what was indexed and its
  head (kind, date, title: where it stands in the site's order, what pages linking it show); the
  vocabulary's word counts; the shard totals. 3 MB at 10,000 meetings, read in 0.04 s.
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
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..cache import cache_dir, read_checked, write_checked

FOLDER = "search-index"
FILE_PACKS = 256  # about 360 KB each at 10,000 meetings: a body edit writes about 15 of them
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


class Store:
    """The kept index in the cache folder (nothing kept without one). The packs it read are
    kept in memory: an update writes back those holding what changed."""

    def __init__(self) -> None:
        base = cache_dir()
        self.base = base
        self.folder = base / FOLDER if base else None
        self.file_packs: dict[int, dict[str, bytes]] = {}
        self.text_packs: dict[int, dict[str, tuple[bytes, Fields]]] = {}

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
            self.file_packs[number] = pack
            files.update(pack)
        return files

    def texts(self, table: Table, ids: list[str]) -> dict[str, Fields] | None:
        """The indexed text of these pages, as the table's build indexed it (a pack the table
        names holds every page of the table it is the pack of: they were written together)."""
        for number in {pack_of(i, TEXT_PACKS) for i in ids} - self.text_packs.keys():
            pack = self._pack(table, f"texts-{number}")
            if not isinstance(pack, bytes):
                return None
            self.text_packs[number] = pickle.loads(zlib.decompress(pack))  # noqa: S301 - our own cache
        texts: dict[str, Fields] = {}
        for i in ids:
            if i in table.pages:
                digest, fields = self.text_packs[pack_of(i, TEXT_PACKS)].get(i, (b"", {}))
                if digest != table.pages[i][2]:
                    return None
                texts[i] = fields
        return texts

    def save_all(self, table: Table, files: dict[str, bytes], texts: dict[str, Fields]) -> None:
        """The table and every pack, from nothing."""
        self.file_packs = {n: {} for n in range(FILE_PACKS)}
        for path, data in files.items():
            self.file_packs[pack_of(path, FILE_PACKS)][path] = data
        self.text_packs = {n: {} for n in range(TEXT_PACKS)}
        for i, fields in texts.items():
            self.text_packs[pack_of(i, TEXT_PACKS)][i] = (table.pages[i][2], fields)
        self._save(table, set(self.file_packs), set(self.text_packs))

    def save_changes(self, table: Table, files: dict[str, bytes], changed: list[str],
                     texts: dict[str, Fields], gone: list[str]) -> None:
        """The table, and the packs (read before) holding the `changed` files and the pages
        whose text is new (`texts`) or `gone`."""
        for path in changed:
            pack = self.file_packs[pack_of(path, FILE_PACKS)]
            if path in files:
                pack[path] = files[path]
            else:
                pack.pop(path, None)
        for i in gone:
            self.text_packs[pack_of(i, TEXT_PACKS)].pop(i, None)
        for i, fields in texts.items():
            self.text_packs[pack_of(i, TEXT_PACKS)][i] = (table.pages[i][2], fields)
        self._save(table, {pack_of(p, FILE_PACKS) for p in changed},
                   {pack_of(i, TEXT_PACKS) for i in [*gone, *texts]})

    def _save(self, table: Table, file_packs: set[int], text_packs: set[int]) -> None:
        if self.folder is None:
            return
        for number in sorted(file_packs):
            self._write(table, f"files-{number}", self.file_packs[number])
        for number in sorted(text_packs):
            packed = pickle.dumps(self.text_packs[number], pickle.HIGHEST_PROTOCOL)
            self._write(table, f"texts-{number}", zlib.compress(packed, 1))
        write_checked(self.folder / "table.pickle", table)
        for name in LEGACY:  # what the build kept before, in one pickle: no longer read
            assert self.base is not None
            (self.base / name).unlink(missing_ok=True)

    def _write(self, table: Table, name: str, value: Any) -> None:
        assert self.folder is not None
        table.tokens[name] = secrets.token_hex(8)
        write_checked(self.folder / f"{name}.pickle", (table.tokens[name], value))
