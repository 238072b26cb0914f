"""The graph kept between builds (graph/kept.py): after each kind of edit, the graph, its links'
key and the stakeholder network (with its key) equal what a build from nothing gives, order
and all; an edit that moves no link reads one record's links and keeps the network."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from generator.graph.kept import kept_graph, kept_network
from generator.graph.knowledge import MAPNODE, PROVINCE, REF, SOFT, TAG, build_graph, record_links, stakeholder_graph
from generator.records.load import Record
from generator.records.validate import validate_content

from ..conftest import CONTENT, demo_copy

MEETING = "meetings/2025-04-10-kkp12-vulnerable-groups.yaml"


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def new_meeting(root: Path) -> None:
    text = (root / MEETING).read_text("utf-8").replace("id: 2025-04-10-kkp12-vulnerable-groups", "id: 2025-05-01-kkp12")
    (root / "meetings/2025-05-01-kkp12.yaml").write_text(text.replace('date: "2025-04-10"', 'date: "2025-05-01"'),
                                                         "utf-8")


# name → (edit, does it move a link, does it change the stakeholder network)
EDITS: dict[str, tuple[Callable[[Path], None], bool, bool]] = {
    "body": (lambda root: edit(root, MEETING, "summary: ", "summary: แก้ไข "), False, False),
    "title": (lambda root: edit(root, MEETING, "title: ", "title: ทบทวน "), False, False),
    "stakeholder-title": (lambda root: edit(root, "stakeholders/pdmo-trang.yaml", "title: ", "title: สำนักงาน "),
                          False, False),
    "attendee-added": (lambda root: edit(root, MEETING, "attendees:\n", "attendees:\n  - who: kkp-region-10\n"),
                       True, True),
    "attendee-removed": (lambda root: edit(root, MEETING, "  - who: pdmo-trang\n", ""), True, True),
    "hashtag-removed": (lambda root: edit(root, MEETING, '  - "#กขป.เขต 12"\n', ""), True, False),
    "map-label": (lambda root: edit(root, "systemmaps/kkp12-vulnerable-groups.yaml", "label: ระบบข้อมูลกลาง",
                                    "label: ระบบข้อมูลร่วม"), True, False),
    "new-record": (new_meeting, True, True),
    "deleted-record": (lambda root: (root / "meetings/2022-05-12-chumphon-coordination-centre.yaml").unlink(),
                       True, True),
}


def digest(record: Record) -> bytes:
    return hashlib.blake2b(f"{record.kind}\0{record.text}".encode(), digest_size=16).digest()


def kept_build(root: Path, log: list[str] | None = None) -> tuple[nx.MultiDiGraph, str, nx.Graph, str]:
    records = validate_content(root).published().records
    graph, links = kept_graph(records, digest, (log if log is not None else []).append)
    return (graph, links, *kept_network(graph, links))


def order(graph: nx.MultiDiGraph) -> list[Any]:
    """Everything a consumer could read in an order: nodes with their data, each node's
    successors and predecessors with their keys and data."""
    return [(n, d, list(graph._succ[n].items()), list(graph._pred[n].items())) for n, d in graph.nodes(data=True)]


def network_order(network: nx.Graph) -> list[Any]:
    return [(n, d, list(network._adj[n].items())) for n, d in network.nodes(data=True)]


@pytest.mark.parametrize("name", list(EDITS))
def test_kept_graph_after_an_edit_equals_one_built_from_nothing(name: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = demo_copy(tmp_path, monkeypatch, "warm")
    _, links_before, network_before, key_before = kept_build(root)
    change, moves_links, moves_network = EDITS[name]
    change(root)
    log: list[str] = []
    graph, links, network, key = kept_build(root, log)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cold"))
    cold_graph, cold_links, cold_network, cold_key = kept_build(root)
    records = validate_content(root).published().records
    plain = build_graph(records)
    assert order(graph) == order(cold_graph) == order(plain)
    assert (links, key) == (cold_links, cold_key)
    assert network_order(network) == network_order(cold_network) == network_order(stakeholder_graph(plain))
    assert (links != links_before) is moves_links
    assert (key != key_before) is moves_network
    # a stakeholder's title is in the network's node data, read afresh from the graph
    assert (network_order(network) != network_order(network_before)) is (moves_network or name == "stakeholder-title")
    if name in ("body", "title", "attendee-added", "attendee-removed"):
        assert log == [f"graph: links of 1 records read, {len(records) - 1} kept"]


def test_nothing_changed_reads_no_record_and_keeps_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    first: list[str] = []
    again: list[str] = []
    built = kept_build(CONTENT, first)
    kept = kept_build(CONTENT, again)
    count = len(validate_content(CONTENT).published().records)
    assert (first, again) == ([f"graph: links of {count} records read, 0 kept"],
                              [f"graph: links of 0 records read, {count} kept"])
    assert order(kept[0]) == order(built[0]) and kept[1] == built[1] and kept[3] == built[3]
    assert network_order(kept[2]) == network_order(built[2])


def test_a_damaged_cache_is_read_as_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    built = kept_build(CONTENT)
    for file in (tmp_path / "cache" / "graph").iterdir():
        data = bytearray(file.read_bytes())
        data[-5] ^= 0xFF
        file.write_bytes(bytes(data))
    log: list[str] = []
    again = kept_build(CONTENT, log)
    assert log == [f"graph: links of {len(validate_content(CONTENT).published().records)} records read, 0 kept"]
    assert order(again[0]) == order(built[0]) and network_order(again[2]) == network_order(built[2])


def reference_graph(records: list[Record]) -> nx.MultiDiGraph:
    """The graph made with networkx's own add_node and add_edge calls, from the same links."""
    graph = nx.MultiDiGraph()
    for record in records:
        graph.add_node(record.id, kind=record.kind, title=record.title)

    def add_edge(source: str, target: str, relation: str, kind: str = "mapnode", label: str = "") -> None:
        if target not in graph:
            graph.add_node(target, kind=kind, title=label or target)
        if not graph.has_edge(source, target, key=relation):
            graph.add_edge(source, target, key=relation, relation=relation)

    for record in records:
        for link in record_links(record):
            what, target = link[0], link[1]
            if what == REF and target.partition("#")[0] in graph:
                add_edge(record.id, target, link[2])
            elif what == SOFT and target in graph and graph.nodes[target].get("kind") == link[2]:
                add_edge(record.id, target, "reported")
            elif what in (TAG, PROVINCE):
                add_edge(record.id, target, "tagged" if what == TAG else "in_province", what, link[2])
            elif what == MAPNODE:
                graph.add_node(target, kind="mapnode", title=link[2], node_kind=link[3], systemmap=record.id)
                add_edge(record.id, target, "has_node")
    return graph


def test_the_assembled_graph_is_the_one_networkx_calls_make() -> None:
    """The adjacency is written directly for speed: it must hold what networkx's own calls
    would, in their order (the drafts too: references to records left out draw nothing)."""
    content = validate_content(CONTENT)
    for records in (content.records, content.published().records):
        assert order(build_graph(records)) == order(reference_graph(records))
    links = [link for record in content.records for link in record_links(record)]
    assert {link[0] for link in links} == {REF, SOFT, TAG, PROVINCE, MAPNODE}, "the demo has every kind of link"


def test_the_network_is_made_again_when_its_code_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The network (and the metrics kept by its key) are not taken from a cache another version
    of the graph code wrote, though the links are the same."""
    import generator.graph.kept as kept

    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    graph, links, _, key = kept_build(CONTENT)
    monkeypatch.setattr(kept, "links_code", lambda: "another version")
    _, again = kept_network(graph, links)
    assert again != key
    assert kept_network(graph, links)[1] == again
