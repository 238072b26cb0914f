"""The search index kept between builds: after an edit, only the changed pages are read again
and only the shards holding grams whose postings changed are written anew.

What a page's search doc is made of: its own record, and the titles of the records it links
(linked_titles). So after an edit only these docs are made again: the records whose digest
changed, the pages linking a record whose title changed, and the pages whose number moved;
any other page's doc is the last build's (its digest and number are in the table, its text
in a pack: kept_store.py). A changed page's old postings are found again from its old text,
its new ones from its new text, and only the grams whose postings differ are patched in their
shards (kept_patch.py); the vocabulary's counts likewise.

Page numbers (places in the site's order) and shard counts are chosen so that an edit of a
page's text moves neither (index.py): when they do move (a page comes or goes, the postings
outgrow their band, many pages change places) or the code changed, the whole index is built
again. Either way the files equal a build from nothing, byte for byte (tests/search/test_kept.py).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..cache import Store as WordStore
from ..graph.index import SiteIndex
from .equivalents import Finder, equivalents
from .index import Numbers, SearchDoc, index_files, meta_file, page_file, search_docs, shard_count, site_order
from .kept_patch import net_changes, patched, postings_of
from .kept_store import Fields, Head, Page, Store, Table
from .typos import NAMESPACE, page_text, vocabulary, vocabulary_files, words_of_texts

RecordDigest = Callable[[str], bytes]  # a record's id → a digest of its kind and data
MOVED_AT_MOST = 0.1  # of the pages: changed or moved beyond this, the index is built again


def kept_search_index(index: SiteIndex, key: str, code: str,
                      record_digest: RecordDigest | None = None) -> dict[str, bytes]:
    """The search index's files, from the last build's where the content is the same.
    `record_digest`: the build's digests of the records (site/tracking.py), else made here."""
    store = Store()
    last = store.table()
    if last is not None and last.key == key:
        files = store.files(last)
        if files is not None:
            return files | vocabulary_files(last.counts)
    digest = record_digest or data_digest(index)
    ids = ordered_ids(last, index, digest)
    done = updated(store, last, index, ids, digest, (key, code)) if last is not None else None
    table, files = done if done is not None else built(store, index, ids, digest, (key, code))
    return files | vocabulary_files(table.counts)


def data_digest(index: SiteIndex) -> RecordDigest:
    def digest(record_id: str) -> bytes:
        record = index.records[record_id]
        return hashlib.blake2b(repr((record.kind, record.data)).encode(), digest_size=16).digest()

    return digest


def head(index: SiteIndex, record_id: str) -> Head:
    return index.kind_of(record_id), index.date_of(record_id), index.title_of(record_id)


def same_records(last: Table, index: SiteIndex) -> bool:
    return len(last.pages) == len(index.records) and all(i in last.pages for i in index.records)


def moves(old: Head, new: Head) -> bool:
    """Whether a record's new head moves it in the site's order: a new kind or date, or a
    new title of an undated record (dated ones are ordered by date and id)."""
    return old[:2] != new[:2] or (not new[1] and old[2] != new[2])


def ordered_ids(last: Table | None, index: SiteIndex, digest: RecordDigest) -> list[str]:
    """The pages in the site's order: the last build's when the same records are there and
    none that changed moved (a new kind, date or title); else sorted again."""
    if last is not None and same_records(last, index):
        pages = last.pages
        if not any(moves(pages[i][3], head(index, i)) for i in index.records if pages[i][0] != digest(i)):
            return sorted(pages, key=lambda i: pages[i][1])
    return site_order(index)


def layout(code: str, ranges: list[list[Any]], totals: tuple[int, int]) -> tuple[Any, ...]:
    return code, repr(ranges), shard_count(totals[0]), shard_count(totals[1])


def digest_of(doc: SearchDoc) -> bytes:
    data = repr((doc.url, doc.title, doc.label, doc.date, doc.kind, sorted(doc.fields.items())))
    return hashlib.blake2b(data.encode(), digest_size=16).digest()


def numbered(ids: list[str], index: SiteIndex) -> Numbers:
    """page_numbers' numbers and kind spans, from the ids in the site's order."""
    ranges: list[list[Any]] = []
    for number, record_id in enumerate(ids):
        kind = index.kind_of(record_id)
        if not ranges or ranges[-1][0] != kind:
            ranges.append([kind, number, 0])
        ranges[-1][2] += 1
    return Numbers(list(range(len(ids))), ranges)


def built(store: Store, index: SiteIndex, ids: list[str], digest: RecordDigest,
          keys: tuple[str, str]) -> tuple[Table, dict[str, bytes]]:
    """The whole index from nothing (each page's words from the cache when its text is).
    `keys`: the content's and the code's."""
    key, code = keys
    docs = search_docs(index, ids)
    numbers = numbered(ids, index)
    files, totals = index_files(docs, numbers)
    words = WordStore(NAMESPACE)
    counts = vocabulary([page_text(doc.fields) for doc in docs], words)
    words.save()
    pages = {i: (digest(i), n, digest_of(doc), head(index, i))
             for n, (i, doc) in enumerate(zip(ids, docs, strict=True))}
    table = Table(key, layout(code, numbers.ranges, totals), totals, pages, counts)
    store.save_all(table, files, {i: doc.fields for i, doc in zip(ids, docs, strict=True)})
    return table, files


def candidates(last: Table, index: SiteIndex, ids: list[str], digest: RecordDigest) -> list[str]:
    """The pages whose doc may differ from the last build's: every page when records came,
    went or changed kind (a page links a record of the kind its field names: its links would
    change unseen), else the changed records, the pages linking a retitled one (its title is
    in their text) and the pages that moved."""
    pages = last.pages
    if not same_records(last, index):
        return ids
    changed = {i for i in index.records if pages[i][0] != digest(i)}
    if any(pages[i][3][0] != index.kind_of(i) for i in changed):
        return ids
    found = changed | {i for n, i in enumerate(ids) if pages[i][1] != n}
    graph, records = index.graph, index.records
    for record_id in [i for i in changed if pages[i][3][2] != index.title_of(i)]:
        found.update(u for u in graph._pred.get(record_id, ()) if u in records)
    return sorted(found)


def updated(store: Store, last: Table, index: SiteIndex, ids: list[str], digest: RecordDigest,
            keys: tuple[str, str]) -> tuple[Table, dict[str, bytes]] | None:
    """The last build's index with the changed pages read again; None when pages or grams
    would move, or the kept files are not the table's (then the whole index is built again)."""
    key, code = keys
    numbers = numbered(ids, index)
    if layout(code, numbers.ranges, last.totals)[:2] != last.layout[:2]:
        return None  # other code, or a kind outgrew its span: pages are numbered anew
    number_of = {i: n for n, i in enumerate(ids)}
    read = candidates(last, index, ids, digest)
    made = dict(zip(read, search_docs(index, read), strict=True))
    places = {i: (number_of[i], digest_of(doc)) for i, doc in made.items()}
    new = {i: place[1] for i, place in places.items() if i not in last.pages or last.pages[i][1:3] != place}
    gone = [i for i in last.pages if i not in number_of or i in new]
    if len(new) > len(ids) * MOVED_AT_MOST:
        return None  # a new date or title moved many pages: reading them all again costs less
    texts = store.texts(last, [*gone, *new])
    files = store.files(last) if texts is not None else None
    if texts is None or files is None:
        return None
    docs = {i: made[i] for i in new}
    totals, shards = patched_shards(files, last, [(last.pages[i][1], texts[i]) for i in gone],
                                    [(number_of[i], doc.fields) for i, doc in docs.items()])
    if layout(code, numbers.ranges, totals) != last.layout:
        return None  # the shard counts moved: every gram's shard too
    table = renewed(last, index, new, number_of, digest)
    table.key, table.totals = key, totals
    table.counts = counted(last.counts, [texts[i] for i in gone], [doc.fields for doc in docs.values()])
    changed = page_files(files, last, table, gone, docs, numbers)
    store.save_changes(table, files, [*shards, *changed], {i: doc.fields for i, doc in docs.items()}, gone)
    return table, files


def patched_shards(files: dict[str, bytes], last: Table, old: list[tuple[int, Fields]],
                   new: list[tuple[int, Fields]]) -> tuple[tuple[int, int], list[str]]:
    """The shards patched for the pages that changed (number, text: before and after): the
    postings in all, and the shards written anew."""
    finder = Finder(equivalents())
    old_tri, old_bi = postings_of(old, finder)
    new_tri, new_bi = postings_of(new, finder)
    tri, tri_paths = patched(files, "search/g", net_changes(old_tri, new_tri), shard_count(last.totals[0]),
                             last.totals[0])
    bi, bi_paths = patched(files, "search/b", net_changes(old_bi, new_bi), shard_count(last.totals[1]),
                           last.totals[1])
    return (tri, bi), [*tri_paths, *bi_paths]


def renewed(last: Table, index: SiteIndex, new: dict[str, bytes], number_of: dict[str, int],
            digest: RecordDigest) -> Table:
    """The table with the pages read again (their docs' digests), the pages gone left out, and
    records whose digest alone changed (an edit the index does not hold) noted."""
    pages: dict[str, Page] = {}
    for i, number in number_of.items():
        page = last.pages.get(i)
        if i in new:
            pages[i] = (digest(i), number, new[i], head(index, i))
        elif page is not None:  # (every page the last build had not is new)
            pages[i] = page if page[0] == digest(i) else (digest(i), number, page[2], head(index, i))
    return Table("", last.layout, last.totals, pages, last.counts, dict(last.tokens))


def counted(counts: Counter[str], old: list[Fields], new: list[Fields]) -> Counter[str]:
    """The vocabulary's counts with the changed pages' words taken out and put in again."""
    counts = Counter(counts)
    for words in words_of_texts([page_text(fields) for fields in old]):
        counts.subtract(words)
    for words in words_of_texts([page_text(fields) for fields in new]):
        counts.update(words)
    return Counter({word: count for word, count in counts.items() if count > 0})


def page_files(files: dict[str, bytes], last: Table, table: Table, gone: list[str], new: dict[str, SearchDoc],
               numbers: Numbers) -> list[str]:
    """Each changed page's file, and the index's description; the paths that changed."""
    changed = [f"search/t/{last.pages[i][1]}.json" for i in gone]
    for path in changed:
        files.pop(path)
    for i, doc in new.items():
        files[f"search/t/{table.pages[i][1]}.json"] = page_file(doc)
    changed += [f"search/t/{table.pages[i][1]}.json" for i in new]
    files.pop("search/meta.json")
    files["search/meta.json"] = meta_file(files, numbers, table.totals)
    return [*changed, "search/meta.json"]
