"""The stakeholder network explorer's data: where Graphviz (sfdp) placed every stakeholder,
its group, size and ties, and the facets the page filters by (health region, province, topic,
kind). The browser fetches it as one JSON file and draws it on a canvas (kb-network.js).

One sfdp run gives both the static SVG (the page without JavaScript, the download) and the
positions, so the two drawings always agree; it is cached by the hash of its input.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..cache import Store
from ..records.load import Record
from ..thai import load_regions, province_by_name, thai_sorted
from .diagrams import DiagramError
from .network import Metrics

HUBS = ("meeting", "proposal", "area")  # records whose topics a stakeholder works on
POINTS = 72  # Graphviz's plain output is in inches, its SVG in points
_NODE = re.compile(r'^node ("(?:[^"\\]|\\.)*"|\S+) (\S+) (\S+) .* (\S+)$')


@dataclass
class Layout:
    """sfdp's drawing: the SVG, and each node's centre (points, y down as in the SVG) and fill."""

    svg: bytes
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)


def layout(dot: str) -> Layout:
    """sfdp once, SVG and plain text out of the same run. Graphviz's output is what the cache
    keeps (by the DOT text): reading it again is quick, and a change here needs no new key."""
    store = Store("sfdp-layout")  # raw Graphviz output (an older cache held parsed layouts)
    out: bytes = store.get_or_make(dot, lambda: run_sfdp(dot))
    store.save()
    end = out.rfind(b"</svg>") + len(b"</svg>\n")
    return parse_plain(out[:end], out[end:].decode("utf-8"))


def run_sfdp(dot: str) -> bytes:
    """Both formats from one process: Graphviz writes them to stdout one after the other."""
    program = shutil.which("sfdp")
    if program is None:
        raise DiagramError("ไม่พบโปรแกรม Graphviz (sfdp) / Graphviz 'sfdp' is not installed "
                           "(apt-get install graphviz)")
    result = subprocess.run([program, "-Tsvg", "-Tplain"], input=dot.encode("utf-8"),
                            capture_output=True, timeout=600, check=False)
    if result.returncode != 0 or b"</svg>" not in result.stdout:
        raise DiagramError(f"Graphviz ล้มเหลว / Graphviz failed: {result.stderr.decode(errors='replace')}")
    return result.stdout


def aspect(placed: Layout) -> tuple[int, int]:
    """Width and height of the drawing's box (within 3:4 and 5:2), for the page to give the
    explorer its shape before the data arrives."""
    if len(placed.positions) < 2:
        return 4, 3
    xs, ys = zip(*placed.positions.values(), strict=True)
    width, height = max(xs) - min(xs) + 100, max(ys) - min(ys) + 100
    return round(width), round(min(max(height, width / 2.5), width * 4 / 3))


def parse_plain(svg: bytes, plain: str) -> Layout:
    result = Layout(svg)
    for line in plain.replace("\\\n", "").splitlines():  # Graphviz breaks long lines with a backslash
        found = _NODE.match(line)
        if found:
            name, x, y, colour = found.groups()
            if name.startswith('"'):
                name = json.loads(name)
            result.positions[name] = (round(float(x) * POINTS, 1), round(-float(y) * POINTS, 1))
            result.colours[name] = colour
    return result


@dataclass
class Facets:
    """What the page can filter by, in display order: the values present in the network."""

    regions: list[int] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    topics: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    kinds: list[str] = field(default_factory=list)  # organization, person
    types: list[str] = field(default_factory=list)  # government, civil-society, ...


@dataclass
class Explorer:
    data: dict[str, Any]
    facets: Facets

    def json(self) -> bytes:
        return json.dumps(self.data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def explorer_data(records: dict[str, Record], graph: nx.MultiDiGraph, network: nx.Graph,
             metrics: dict[str, Metrics], placed: Layout, url_prefix: str) -> Explorer:
    """Every stakeholder of the network with its position, size, group, facets and ties.
    Node i's ties are the neighbours after it, as [gap to the previous one, weight] pairs:
    small numbers, so the file stays small at hundreds of thousands of ties."""
    ids = sorted(network.nodes)
    number = {n: i for i, n in enumerate(ids)}
    places = [place_of(records[n].data) if n in records else (None, None) for n in ids]
    facets = Facets(
        regions=sorted({r for r, _ in places if r is not None}),
        provinces=thai_sorted({p for _, p in places if p is not None}),
        kinds=sorted({str(records[n].data.get("kind", "")) for n in ids if n in records} - {""}),
        types=sorted({str(records[n].data.get("type", "")) for n in ids if n in records} - {""}))
    members = topic_members(graph, ids)
    facets.topics = thai_sorted(((t, title_of(records, t)) for t in members), key=lambda t: t[1])
    province_at = {p: i for i, p in enumerate(facets.provinces)}
    default = Metrics()
    data = {
        "version": 1, "url": url_prefix, "ids": ids,
        "titles": [title_of(records, n) for n in ids],
        "short": [short_of(records, n) for n in ids],
        "x": [placed.positions.get(n, (0.0, 0.0))[0] for n in ids],
        "y": [placed.positions.get(n, (0.0, 0.0))[1] for n in ids],
        "colour": [placed.colours.get(n, "#d9d9d9") for n in ids],
        "strength": [metrics.get(n, default).strength for n in ids],
        "degree": [metrics.get(n, default).degree for n in ids],
        "group": [metrics.get(n, default).community for n in ids],
        "bridge": [int(metrics.get(n, default).bridge) for n in ids],
        "region": [r or 0 for r, _ in places],
        "provinces": facets.provinces,
        "province": [province_at[p] if p is not None else -1 for _, p in places],
        "kinds": facets.kinds, "kind": [index_in(facets.kinds, records, n, "kind") for n in ids],
        "types": facets.types, "type": [index_in(facets.types, records, n, "type") for n in ids],
        "topics": [{"id": t, "nodes": sorted(number[n] for n in members[t])} for t, _ in facets.topics],
        "ties": ties_after(network, ids, number),
    }
    return Explorer(data, facets)


def place_of(data: dict[str, Any]) -> tuple[int | None, str | None]:
    """A stakeholder's health region and province (by its own record)."""
    info = province_by_name(data["province"]) if isinstance(data.get("province"), str) else None
    region = data.get("health_region")
    if not isinstance(region, int) or region not in load_regions():
        region = info["health_region"] if info else None
    return region, (info["name"] if info else None)


def topic_members(graph: nx.MultiDiGraph, ids: Iterable[str]) -> dict[str, set[str]]:
    """Topic → the stakeholders that took part in a meeting, proposal or area of it (or that
    carry it themselves)."""
    found: dict[str, set[str]] = {}
    topics_of: dict[str, list[str]] = {}

    def topics(node: str) -> list[str]:
        if node not in topics_of:
            topics_of[node] = [v for _, v, k in graph.out_edges(node, keys=True) if k == "topic"]
        return topics_of[node]

    for who in ids:
        if who not in graph:
            continue
        hubs = {n for n in (*graph.pred[who], *graph.succ[who]) if graph.nodes[n].get("kind") in HUBS}
        for topic in {t for hub in hubs for t in topics(hub)} | set(topics(who)):
            if graph.nodes[topic].get("kind") == "topic":
                found.setdefault(topic, set()).add(who)
    return found


def ties_after(network: nx.Graph, ids: list[str], number: dict[str, int]) -> list[list[int]]:
    rows = []
    for i, node in enumerate(ids):
        later = sorted((number[other], int(data.get("weight", 1)))
                       for other, data in network.adj[node].items() if number[other] > i)
        row, previous = [], i
        for j, weight in later:
            row += [j - previous, weight]
            previous = j
        rows.append(row)
    return rows


def title_of(records: dict[str, Record], record_id: str) -> str:
    record = records.get(record_id)
    return str(record.data.get("title", record_id)) if record else record_id


def short_of(records: dict[str, Record], record_id: str) -> str:
    value = records[record_id].data.get("short") if record_id in records else None
    return value if isinstance(value, str) else ""


def index_in(values: list[str], records: dict[str, Record], record_id: str, key: str) -> int:
    value = str(records[record_id].data.get(key, "")) if record_id in records else ""
    return values.index(value) if value in values else -1


@dataclass
class Group:
    """A group of stakeholders who work closely together, as the page lists it."""

    number: int
    colour: str
    size: int
    members: list[str]  # the most active first


def network_groups(metrics: dict[str, Metrics], colours: dict[str, str], shown: int = 8) -> list[Group]:
    """Groups, biggest first, each with its colour in the drawing and its most active members."""
    members: dict[int, list[str]] = {}
    for node, m in metrics.items():
        members.setdefault(m.community, []).append(node)
    found = []
    for number, nodes in members.items():
        nodes.sort(key=lambda n: (-metrics[n].strength, n))
        found.append(Group(number, colours.get(nodes[0], "#d9d9d9"), len(nodes), nodes[:shown]))
    return sorted(found, key=lambda g: (-g.size, g.number))
