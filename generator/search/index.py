"""Thai search index: character trigrams of normalised text, split into small shards.

Matching does not depend on where any segmenter cuts: text and query are normalised the same
way (Thai digits → Arabic, case folded, spaces, dots and punctuation dropped) and a query
matches where all its trigrams occur, then the browser checks the phrase in the page text.
So a word is found wherever it stands, typed with or without spaces, and a query found in no
page returns nothing. Words that mean the same (the glossary's abbreviations and full names,
the synonym table's COVID / โควิด) are one term: a page holding any form of a group carries the
group's token (equivalents.py), so a query for any form looks up one gram.

Fields are weighted by the browser: the title (and a stakeholder's other names), the summary
(summary, statement, hashtags), what the page links (meta) and the body.

The browser side is site_templates/docs/assets/kb-search.js; both follow `normalize` below.
"""

from __future__ import annotations

import json
import math
import operator
import zlib
from collections import Counter, defaultdict, deque
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from ..graph.index import SiteIndex
from ..parallel import WORKERS, parallel_map
from ..records.kinds import kinds
from ..thai import format_thai_date
from .equivalents import Finder, equivalents, token_of
from .text import normalize, trigrams
from .typos import build_vocabulary_files

__all__ = ["build_search_index", "normalize", "shard_of", "trigrams"]

FIELDS = {"title": 1, "summary": 2, "meta": 4, "body": 8}
POSTINGS_PER_SHARD = 6000
MAX_TEXT = 20000  # indexed characters of a page's body
STORED_CHARS = 6000  # characters per field the browser downloads to confirm and cut snippets


def shard_of(gram: str, shards: int) -> int:
    """FNV-1a over the UTF-16 code units, like the JavaScript side."""
    value = 0x811C9DC5
    for ch in gram:
        value = ((value ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return value % shards


@dataclass
class SearchDoc:
    url: str
    title: str
    label: str
    date: str
    kind: str
    fields: dict[str, str]


def record_fields(index: SiteIndex, record_id: str) -> dict[str, str]:
    data = index.records[record_id].data

    def texts(*keys: str) -> list[str]:
        return [str(data[k]) for k in keys if isinstance(data.get(k), str)]

    names = [str(data.get("title", record_id)), *texts("short", "name")]
    names += [str(a) for a in data.get("aliases") or []]
    summary = texts("summary", "statement") + [str(t) for t in data.get("hashtags") or []]
    meta = texts("venue", "province", "district", "subdistrict", "position")
    meta += [str(p) for p in data.get("provinces") or []]
    meta += linked_titles(index, record_id)
    body = texts("body")
    for key in ("practices", "data_systems", "targets"):
        body += [str(v) for v in data.get(key) or []]
    body += [str(n.get("label", "")) for n in data.get("nodes") or [] if isinstance(n, dict)]
    return {"title": "\n".join(names), "summary": "\n".join(summary), "meta": "\n".join(meta),
            "body": "\n".join(body)[:MAX_TEXT]}


def linked_titles(index: SiteIndex, record_id: str) -> list[str]:
    """Titles of the records this page links to (its attendees, areas, proposals...): readers
    see them on the page, so a search for them should find it."""
    graph = index.graph
    linked = {v for _, v in graph.out_edges(record_id) if v in index.records}
    return [index.title_of(i) for i in sorted(linked)]


def site_order(index: SiteIndex) -> list[str]:
    """Every record with a page, in the site's order: kind by kind, each kind's own order."""
    return [record_id for kind in kinds() for record_id in index.of_kind(kind)]


def search_doc(index: SiteIndex, record_id: str) -> SearchDoc:
    """What the index holds of one page: its own record and the titles of those it links."""
    kind = kinds()[index.kind_of(record_id)]
    date = index.date_of(record_id)
    return SearchDoc(index.url_of(record_id), index.title_of(record_id), kind.label_th,
                     format_thai_date(date) if date else "", kind.name, record_fields(index, record_id))


def search_docs(index: SiteIndex, ids: list[str] | None = None) -> list[SearchDoc]:
    """The docs of these records (all, in the site's order, by default)."""
    return [search_doc(index, record_id) for record_id in (site_order(index) if ids is None else ids)]


def build_search_index(index: SiteIndex) -> dict[str, bytes]:
    """Every file of the search index, by path under the site root."""
    docs = search_docs(index)
    return index_files(docs, page_numbers(docs))[0] | build_vocabulary_files(docs)


def index_files(docs: list[SearchDoc], numbers: Numbers) -> tuple[dict[str, bytes], tuple[int, int]]:
    """The files, and the trigram and bigram postings in all (kept.py updates them from those)."""
    placed = sorted(zip(numbers.of, docs, strict=True), key=operator.itemgetter(0))
    runs = encoded_runs([doc for _, doc in placed], [number for number, _ in placed])
    files: dict[str, bytes] = {}
    totals = tuple(sum(pairs for run in runs for _, _, pairs, _ in run[side].values()) for side in (0, 1))
    write_shards(files, "search/g", [tri for tri, _ in runs], shard_count(totals[0]))
    write_shards(files, "search/b", [bi for _, bi in runs], shard_count(totals[1]))
    for number, doc in placed:
        files[f"search/t/{number}.json"] = page_file(doc)
    files["search/meta.json"] = meta_file(files, numbers, totals)
    return files, (totals[0], totals[1])


def page_file(doc: SearchDoc) -> bytes:
    """One small file per page: what a result shows, and the text it is confirmed in."""
    page = {"url": doc.url, "name": doc.title, "label": doc.label, "date": doc.date, "kind": doc.kind}
    return dump(page | stored_text(doc.fields))


def meta_file(files: dict[str, bytes], numbers: Numbers, totals: tuple[int, ...]) -> bytes:
    """The index's description; `order`, the page numbers in the site's order, breaks ties."""
    meta = {"version": stamp(files), "docs": len(numbers.of), "tri": shard_count(totals[0]),
            "bi": shard_count(totals[1]), "fields": FIELDS, "kinds": numbers.ranges,
            "equivalents": equivalents().table()}
    return dump(meta)


def shard_count(postings: int) -> int:
    """Shards for this many postings, in bands half an octave wide (4,250 to 6,000 postings a
    shard): the count, and so every gram's shard, stays put while a site grows by an edit."""
    wanted = postings / POSTINGS_PER_SHARD
    return 1 if wanted <= 1 else round(2 ** (math.ceil(2 * math.log2(wanted)) / 2))


@dataclass
class Numbers:
    """Page numbers, kind by kind: `ranges` holds [kind, first number, numbers it spans] (the
    browser knows a candidate's kind before it downloads the page, to look at every kind's best
    first), `of` each page's number, in the order of the pages."""

    of: list[int]
    ranges: list[list[Any]]


def page_numbers(docs: list[SearchDoc]) -> Numbers:
    """A page's number is its place in the site's order (kind by kind, newest first), so numbers
    are dense (postings stay short) and the browser breaks ties by the number itself. An edit of
    a page's text keeps every number; a page that comes or goes, or a new date, moves those after
    it, and then the index is built again (kept.py)."""
    numbers, ranges, first = list(range(len(docs))), [], 0
    for kind, count in Counter(doc.kind for doc in docs).items():  # docs come kind by kind
        ranges.append([kind, first, count])
        first += count
    return Numbers(numbers, ranges)


def stored_text(fields: dict[str, str]) -> dict[str, Any]:
    """The text the browser confirms matches in and cuts snippets from, kept short: a page
    whose match lies beyond it is kept on the index's word (`cut`)."""
    stored: dict[str, Any] = {k: v[:STORED_CHARS] for k, v in fields.items()}
    if any(len(v) > STORED_CHARS for v in fields.values()):
        stored["cut"] = True
    return stored


PARALLEL_FROM = 400  # pages; below this, forking workers costs more than it saves
RUNS_PER_WORKER = 4  # runs of pages per worker, so that none waits long for the last
_docs: list[tuple[int, SearchDoc]] | None = None  # read by forked workers
_finder: Finder | None = None
# a run of pages' postings of one gram: (first page, last page, pairs, "mask,delta,mask,...")
Run = dict[str, tuple[int, int, int, str]]
LIST = json.JSONEncoder(separators=(",", ":"))


def encoded_runs(docs: list[SearchDoc], numbers: list[int]) -> list[tuple[Run, Run]]:
    """Trigram and bigram postings of every page (docs in the order of their numbers), a run
    of pages at a time, already in the JSON they are written in; on every core for big sites.
    Only the joins between runs are left: a gram's first delta in a run counts from its last
    page in the run before."""
    global _docs, _finder
    serial = len(docs) < PARALLEL_FROM or WORKERS < 2
    step = max(1, len(docs) if serial else -(-len(docs) // (RUNS_PER_WORKER * WORKERS)))
    _docs, _finder = list(zip(numbers, docs, strict=True)), Finder(equivalents())
    try:
        return parallel_map(_shared_run, [(start, step) for start in range(0, len(docs) or 1, step)],
                            serial=serial)
    finally:
        _docs = _finder = None


def _shared_run(run: tuple[int, int]) -> tuple[Run, Run]:
    assert _docs is not None
    start, size = run
    return _encoded_run(_docs[start:start + size])


def _encoded_run(docs: list[tuple[int, SearchDoc]]) -> tuple[Run, Run]:
    assert _finder is not None
    tri: dict[str, list[int]] = defaultdict(list)  # gram → [page, mask, page, mask, ...]
    bi: dict[str, list[int]] = defaultdict(list)
    for number, doc in docs:
        add_postings(tri, bi, number, doc.fields, _finder)
    return _encoded(tri), _encoded(bi)


def _encoded(grams: dict[str, list[int]]) -> Run:
    run = {}
    for gram, postings in grams.items():
        pages = postings[0::2]
        postings[2::2] = map(operator.sub, pages[1:], pages[:-1])  # in C, not one by one
        run[gram] = (pages[0], pages[-1], len(pages), LIST.encode(postings[1:])[1:-1])
    return run


def add_postings(tri: dict[str, list[int]], bi: dict[str, list[int]], number: int,
                 fields: dict[str, str], finder: Finder) -> None:
    trigram_sets, bigram_sets = {}, {}
    for name, text in fields.items():
        norm = normalize(text)
        grams = trigrams(norm)
        # a text's bigrams are its trigrams' first two letters (the end mark closes the last one)
        pairs = {gram[:2] for gram in grams}
        # and the tokens of the words it holds that have equivalents
        tokens = {token_of(group) for group in finder.groups_in(text, norm, grams, pairs)}
        trigram_sets[FIELDS[name]], bigram_sets[FIELDS[name]] = grams | tokens, pairs
    for table, sets in ((tri, trigram_sets), (bi, bigram_sets)):
        for mask, group in by_mask(sets).items():
            # the loop runs in C: every gram's list gets (page, mask) appended
            deque(map(list.extend, map(table.__getitem__, group), repeat((number, mask))), maxlen=0)


def by_mask(grams: dict[int, set[str]]) -> dict[int, set[str]]:
    """Grams of one page grouped by the fields they occur in. Most occur only in the body:
    set arithmetic in C finds those; the few in short fields are split field by field."""
    body = grams.get(FIELDS["body"], set())
    short = set().union(*(found for bit, found in grams.items() if bit != FIELDS["body"]))
    groups = {0: short}
    for bit, found in grams.items():
        split = {}
        for mask, group in groups.items():
            inside, outside = group & found, group - found
            if inside:
                split[mask | bit] = inside
            if outside:
                split[mask] = outside
        groups = split
    groups[FIELDS["body"]] = body - short
    return groups


def write_shards(files: dict[str, bytes], prefix: str, runs: list[Run], shards: int) -> None:
    """Postings as {gram: [page delta, field mask, ...]}, each gram in its shard."""
    split: list[list[tuple[str, str]]] = [[] for _ in range(shards)]
    for gram in set().union(*runs):
        pieces, previous = [], 0
        for run in runs:
            if gram in run:
                first, last, _, rest = run[gram]
                pieces.append(f"{first - previous},{rest}")
                previous = last
        split[shard_of(gram, shards)].append((gram, f"[{','.join(pieces)}]"))
    for number, shard in enumerate(split):
        files[f"{prefix}/{number}.json"] = shard_file(shard)


def shard_file(grams: list[tuple[str, str]]) -> bytes:
    """What dump() would write, from the grams' postings already in JSON."""
    body = ",".join(f"{json.dumps(gram, ensure_ascii=False)}:{postings}" for gram, postings in sorted(grams))
    return f"{{{body}}}".encode()


def dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def stamp(files: dict[str, bytes]) -> str:
    crc = 0
    for path in sorted(files):
        crc = zlib.crc32(files[path], zlib.crc32(path.encode(), crc))
    return f"{crc:08x}"
