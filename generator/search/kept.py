"""The search index kept between builds: after an edit, only the changed pages are read again
and only the shards holding grams they gained or lost are written anew.

What the last build made is kept in the cache folder: every file of the index, and per page
its number, a digest of what was indexed and that text (compressed). A changed page's old
postings are found again from its old text, its new ones from its new text; each gram whose
postings differ is updated in its shard. Page numbers (places in the site's order) and shard
counts are chosen so that an edit of a page's text moves neither (index.py): when they do move
(a page comes or goes, the postings outgrow their band, many pages change places) or the code
changed, the whole index is built again. Either way the
files equal a build from nothing, byte for byte (tests/search/test_kept.py).
"""

from __future__ import annotations

import hashlib
import json
import pickle
import zlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..cache import cache_dir, read_checked, write_checked
from ..graph.index import SiteIndex
from .equivalents import Finder, equivalents
from .index import (
    LIST,
    Numbers,
    SearchDoc,
    add_postings,
    index_files,
    meta_file,
    page_file,
    page_numbers,
    search_docs,
    shard_count,
    shard_file,
    shard_of,
)
from .typos import kept_vocabulary_files


@dataclass
class Kept:
    key: str  # the whole content's key: equal, and the files are the answer
    layout: tuple[Any, ...]  # code, kind spans, shard counts: any change renumbers pages or grams
    pages: dict[str, tuple[str, int, bytes]]  # url → (digest of what was indexed, number, its text)
    files: dict[str, bytes]
    totals: tuple[int, int]  # trigram and bigram postings in all


def kept_search_index(index: SiteIndex, key: str, code: str) -> dict[str, bytes]:
    """The search index's files, from the last build's where the content is the same."""
    path = cache_dir()
    stored = read_checked(path / "search-index.pickle") if path else None
    last = stored if isinstance(stored, Kept) else None
    if last is not None and last.key == key:
        return last.files | kept_vocabulary_files(key, lambda: search_docs(index))
    docs = search_docs(index)
    numbers = page_numbers(docs)
    pages = {doc.url: (digest_of(doc), number, doc) for doc, number in zip(docs, numbers.of, strict=True)}
    kept = updated(last, pages, numbers, code) if last is not None else None
    if kept is None:
        files, totals = index_files(docs, numbers)
        kept = Kept("", layout(code, numbers.ranges, totals), packed(pages), files, totals)
    kept.key = key
    if path:
        write_checked(path / "search-index.pickle", kept)
    return kept.files | kept_vocabulary_files(key, lambda: docs)  # typos.py: the words, for typos


def layout(code: str, ranges: list[list[Any]], totals: tuple[int, int]) -> tuple[Any, ...]:
    return code, repr(ranges), shard_count(totals[0]), shard_count(totals[1])


def digest_of(doc: SearchDoc) -> str:
    data = repr((doc.url, doc.title, doc.label, doc.date, doc.kind, sorted(doc.fields.items())))
    return hashlib.blake2b(data.encode(), digest_size=16).hexdigest()


def packed(pages: dict[str, tuple[str, int, SearchDoc]]) -> dict[str, tuple[str, int, bytes]]:
    return {url: (digest, number, zlib.compress(pickle.dumps(doc.fields), 1))
            for url, (digest, number, doc) in pages.items()}


MOVED_AT_MOST = 0.1  # of the pages: changed or moved beyond this, the index is built again
Changes = dict[str, dict[int, int | None]]  # gram → page number → its new mask, or None: gone


def updated(last: Kept, pages: dict[str, tuple[str, int, SearchDoc]], numbers: Numbers,
            code: str) -> Kept | None:
    """The last build's index with the changed pages read again; None when pages or grams
    would move (then the whole index is built again)."""
    if layout(code, numbers.ranges, last.totals)[:2] != last.layout[:2]:
        return None  # other code, or a kind outgrew its span: pages are numbered anew
    gone = [url for url in last.pages if last.pages[url][:2] != pages.get(url, ("", -1))[:2]]
    new = [url for url in pages if last.pages.get(url, ("", -1))[:2] != pages[url][:2]]
    if len(new) > len(pages) * MOVED_AT_MOST:
        return None  # a new date or title moved many pages: reading them all again costs less
    finder = Finder(equivalents())
    tri: Changes = defaultdict(dict)
    bi: Changes = defaultdict(dict)
    for url in gone:
        _, number, text = last.pages[url]
        changes(tri, bi, number, pickle.loads(zlib.decompress(text)), finder, removed=True)  # noqa: S301 - our cache
    for url in new:
        _, number, doc = pages[url]
        changes(tri, bi, number, doc.fields, finder, removed=False)
    files = dict(last.files)
    totals = (patched(files, "search/g", tri, shard_count(last.totals[0]), last.totals[0]),
              patched(files, "search/b", bi, shard_count(last.totals[1]), last.totals[1]))
    if layout(code, numbers.ranges, totals) != last.layout:
        return None
    for url in gone:
        files.pop(f"search/t/{last.pages[url][1]}.json")
    for url in new:
        files[f"search/t/{pages[url][1]}.json"] = page_file(pages[url][2])
    files.pop("search/meta.json")
    files["search/meta.json"] = meta_file(files, numbers, totals)
    kept_pages = {url: page for url, page in last.pages.items() if url not in gone}
    kept_pages |= packed({url: pages[url] for url in new})
    return Kept("", last.layout, kept_pages, files, totals)


def changes(tri: Changes, bi: Changes, number: int, fields: dict[str, str], finder: Finder,
            removed: bool) -> None:
    """A page's postings as changes: each gram it holds, gone (None) or with its mask."""
    grams: dict[str, list[int]] = defaultdict(list)
    pairs: dict[str, list[int]] = defaultdict(list)
    add_postings(grams, pairs, number, fields, finder)
    for table, found in ((tri, grams), (bi, pairs)):
        for gram, (_, mask) in found.items():
            table[gram][number] = None if removed else mask  # the removals are noted first


def patched(files: dict[str, bytes], prefix: str, changed: Changes, shards: int, total: int) -> int:
    """The shards holding changed grams, written anew; the postings in all after the change."""
    by_shard: dict[int, list[str]] = defaultdict(list)
    for gram in changed:
        by_shard[shard_of(gram, shards)].append(gram)
    for shard, grams in by_shard.items():
        path = f"{prefix}/{shard}.json"
        postings = json.loads(files[path])
        for gram in grams:
            pages = decoded(postings.pop(gram, []))
            total -= len(pages)
            for number, mask in changed[gram].items():
                if mask is None:
                    pages.pop(number, None)
                else:
                    pages[number] = mask
            total += len(pages)
            if pages:
                postings[gram] = encoded(pages)
        files[path] = shard_file([(g, LIST.encode(p)) for g, p in postings.items()])
    return total


def decoded(postings: list[int]) -> dict[int, int]:
    """[page delta, mask, ...] → page → mask."""
    pages, number = {}, 0
    for at in range(0, len(postings), 2):
        number += postings[at]
        pages[number] = postings[at + 1]
    return pages


def encoded(pages: dict[int, int]) -> list[int]:
    found, previous = [], 0
    for number in sorted(pages):
        found += [number - previous, pages[number]]
        previous = number
    return found
