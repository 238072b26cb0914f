"""The graph's makings kept between builds (`kb build`), so that an edit which moves no link
costs no walk over every record's fields and no stakeholder network built again.

- Each record's links (knowledge.record_links: a pure function of its kind and data) are kept
  by the digest of its text. The graph is assembled from them every build (a third of a
  second at 10,000 meetings, the same code a cold build runs, so the same order everywhere);
  only the titles come from the records, always.
- A key of every record's links, in order: equal keys, equal edges. The network page reads it
  instead of hashing 164,000 edges.
- The stakeholder network is kept with that key and with the key of what it is made of
  (knowledge.network_input): unchanged links give the network and its key without a look at
  the graph; changed links that leave every meeting's stakeholders alone give it after one.

Stored in the cache folder with a digest of the code and schemas they are read with.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from .. import PACKAGE_DIR
from ..cache import cache_dir, read_checked, write_checked
from ..records.kept import checks_digest
from ..records.load import Record
from .knowledge import Link, NetworkInput, build_graph, network_input, record_links, stakeholder_graph

Entry = tuple[bytes, tuple[Link, ...], bytes]  # the record's digest, its links, the digest of those
REWRITE_FROM = 64  # records read again with the same links: fewer are read again next time, not written


def links_code() -> str:
    """What the links are read with: the records' checks and schemas, and the graph's code."""
    h = hashlib.blake2b(checks_digest().encode(), digest_size=16)
    h.update((PACKAGE_DIR / "graph" / "knowledge.py").read_bytes())
    return h.hexdigest()


def network_code() -> str:
    """What the network and its metrics are made with: the links' code and the metrics' (the
    network's key holds it, and so do the metrics kept by that key)."""
    metrics = (PACKAGE_DIR / "graph" / "network.py").read_bytes()
    return links_code() + hashlib.blake2b(metrics, digest_size=8).hexdigest()


def links_digest(links: tuple[Link, ...]) -> bytes:
    return hashlib.blake2b(repr(links).encode(), digest_size=16).digest()


def kept_graph(records: list[Record], digest_of: Callable[[Record], bytes],
               say: Callable[[str], None] = lambda message: None) -> tuple[nx.MultiDiGraph, str]:
    """The knowledge graph and the key of its links; records unchanged since the last build
    give their links from the cache folder."""
    folder = cache_dir()
    path = folder / "graph" / "links.pickle" if folder else None
    code = links_code()
    stored = load(path) if path else None
    entries: dict[str, Entry] = stored[1] if stored is not None and stored[0] == code else {}
    ids = [record.id for record in records]
    links, moved, read = [], len(entries) != len(records), 0
    for record_id, record in zip(ids, records, strict=True):
        digest = digest_of(record)
        entry = entries.get(record_id)
        if entry is None or entry[0] != digest:
            found = record_links(record)
            read += 1
            fresh = (digest, found, links_digest(found))
            # a new digest with the same links is not worth a write: the next build reads it again
            moved = moved or entry is None or entry[2] != fresh[2]
            entries[record_id] = entry = fresh
        links.append(entry[1])
    if len(entries) != len(records):
        entries = {i: entries[i] for i in ids}
    if path and (moved or read > REWRITE_FROM):
        write_checked(path, (code, entries))
    say(f"graph: links of {read:,} records read, {len(records) - read:,} kept")
    return build_graph(records, links), links_key(ids, records, entries)


def links_key(ids: list[str], records: list[Record], entries: dict[str, Entry]) -> str:
    """Every record (id, kind) and the digest of its links, in the records' order."""
    h = hashlib.blake2b(digest_size=16)
    for record_id, record in zip(ids, records, strict=True):
        h.update(f"{record_id}\0{record.kind}\0".encode() + entries[record_id][2])
    return h.hexdigest()


def input_key(members: NetworkInput, code: str) -> str:
    """What the network is made of, and the code that makes it."""
    return hashlib.blake2b(f"{code}\0{members!r}".encode(), digest_size=16).hexdigest()


def known_network_key(links: str, code: str) -> str | None:
    """The network's key when every record's links are the last build's: it is read from the
    cache (network_from) only if a page reads it."""
    place = graph_folder()
    known = load(place / "network-key.pickle") if place else None  # (links key, network key)
    return known[1] if known is not None and known[0] == links + code else None


def network_from(graph: nx.MultiDiGraph, key: str) -> nx.Graph | None:
    """The kept network of that key (its nodes' kind and title the graph's), or None."""
    place = graph_folder()
    stored = load(place / "network.pickle") if place else None  # (network key, network)
    if stored is None or stored[0] != key or not isinstance(stored[1], nx.Graph):
        return None
    return titled(stored[1], graph)


def network_of_key(graph: nx.MultiDiGraph, key: str) -> nx.Graph:
    """The kept network of that key or, when a later build has replaced it (kb serve previews
    with an earlier build's index), the network made again, with nothing written."""
    return network_from(graph, key) or titled(stakeholder_graph(graph, network_input(graph)), graph)


def kept_network(graph: nx.MultiDiGraph, links: str) -> tuple[nx.Graph, str]:
    """The stakeholder network and the key of what it is made of (the metrics are kept by it).
    Its nodes' attributes (kind, title) are always the graph's, read afresh."""
    place, code = graph_folder(), network_code()  # the links' key is the same for the same links, whatever the code
    known = known_network_key(links, code)
    network = network_from(graph, known) if known is not None else None
    if network is not None and known is not None:
        return network, known
    members = network_input(graph)
    key = input_key(members, code)
    network = network_from(graph, key) if key != known else None  # (the file was read for that key just now)
    if network is None:
        network = stakeholder_graph(graph, members)
        if place:
            write_checked(place / "network.pickle", (key, network))
    if place:
        write_checked(place / "network-key.pickle", (links + code, key))
    return titled(network, graph), key


def titled(network: nx.Graph, graph: nx.MultiDiGraph) -> nx.Graph:
    nodes = graph._node
    for person, attrs in network._node.items():
        if attrs != nodes[person]:
            network._node[person] = dict(nodes[person])
    return network


def graph_folder() -> Path | None:
    base = cache_dir()
    return base / "graph" if base else None


def load(path: Path) -> Any:
    """A pair from the cache folder, or None."""
    stored = read_checked(path)  # (with the collector paused, as every cache file is read)
    return stored if isinstance(stored, tuple) and len(stored) == 2 else None
