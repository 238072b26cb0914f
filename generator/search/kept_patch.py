"""An index's shards patched for the pages that changed: only the grams whose postings differ
(a page's text edited keeps most of its grams, with the same fields) are decoded, and each
shard holding one is written again with the others' postings copied as they were written."""

from __future__ import annotations

import bisect
import json
import operator
import re
from collections import defaultdict
from itertools import accumulate

from .equivalents import Finder
from .index import LIST, add_postings, shard_file, shard_of

Postings = dict[str, dict[int, int]]  # gram → page number → field mask
Changes = dict[str, dict[int, int | None]]  # gram → page number → its new mask, or None: gone
# a shard as shard_file writes it: {"gram":[page delta,mask,...],...} (no brackets inside a list)
PAIR = re.compile(r'("(?:[^"\\]|\\.)*"):(\[[^\]]*\])')


def postings_of(pages: list[tuple[int, dict[str, str]]], finder: Finder) -> tuple[Postings, Postings]:
    """Trigram and bigram postings of these pages (number, fields)."""
    tri: dict[str, list[int]] = defaultdict(list)
    bi: dict[str, list[int]] = defaultdict(list)
    for number, fields in pages:
        add_postings(tri, bi, number, fields, finder)
    return as_table(tri), as_table(bi)


def as_table(grams: dict[str, list[int]]) -> Postings:
    return {gram: dict(zip(found[0::2], found[1::2], strict=True)) for gram, found in grams.items()}


def net_changes(before: Postings, after: Postings) -> Changes:
    """Only what differs: a gram a page keeps, in the same fields, is no change."""
    changes: Changes = {}
    for gram in before.keys() | after.keys():
        old, new = before.get(gram, {}), after.get(gram, {})
        diff = {number: new.get(number) for number in old.keys() | new.keys() if old.get(number) != new.get(number)}
        if diff:
            changes[gram] = diff
    return changes


def patched(files: dict[str, bytes], prefix: str, changes: Changes, shards: int, total: int) -> tuple[int, list[str]]:
    """The shards holding changed grams written anew; the postings in all after the change,
    and the shards' paths."""
    by_shard: dict[int, list[str]] = defaultdict(list)
    for gram in changes:
        by_shard[shard_of(gram, shards)].append(gram)
    paths = []
    for shard, grams in by_shard.items():
        path = f"{prefix}/{shard}.json"
        postings = {gram_of(key): value for key, value in PAIR.findall(files[path].decode())}
        for gram in grams:
            found = json.loads(postings.pop(gram, "[]"))
            total -= len(found) // 2
            found = applied(found, changes[gram])
            total += len(found) // 2
            if found:
                postings[gram] = LIST.encode(found)
        files[path] = shard_file(list(postings.items()))
        paths.append(path)
    return total, paths


def gram_of(key: str) -> str:
    """A gram from its JSON string (escapes are rare: normalised text has no punctuation)."""
    return str(json.loads(key)) if "\\" in key else key[1:-1]


def applied(postings: list[int], changes: dict[int, int | None]) -> list[int]:
    """[page delta, mask, ...] with these pages' masks set (None: the page removed)."""
    pages = list(accumulate(postings[0::2]))
    masks = postings[1::2]
    for number, mask in sorted(changes.items()):
        at = bisect.bisect_left(pages, number)
        there = at < len(pages) and pages[at] == number
        if mask is None:
            if there:
                del pages[at], masks[at]
        elif there:
            masks[at] = mask
        else:
            pages.insert(at, number)
            masks.insert(at, mask)
    deltas = pages[:1] + list(map(operator.sub, pages[1:], pages[:-1]))
    found = [0] * (2 * len(pages))
    found[0::2], found[1::2] = deltas, masks
    return found
