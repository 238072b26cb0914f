"""The network explorer's data (generator/graph/explorer.py) with real Graphviz: every
stakeholder where sfdp drew it, its size, group, facets and ties; the network page fetches it
and keeps the static drawing; system-map pages link a PDF for print."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.graph.diagrams import DiagramError, feedback_loops
from generator.graph.explorer import Layout, explorer_data, layout, network_groups
from generator.graph.knowledge import build_graph
from generator.graph.network import network_dot, stakeholder_network
from generator.records.validate import validate_content
from generator.site.build import build_site
from tests.conftest import CONTENT

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    content = validate_content(CONTENT)
    records = {r.id: r for r in content.records}
    graph = build_graph(content.records)
    network, metrics = stakeholder_network(graph)
    dot = network_dot(network, {n: records[n].data["title"] for n in network}, {}, metrics)
    placed = layout(dot)
    data = explorer_data(records, graph, network, metrics, placed, "../stakeholders/").data
    return {"records": records, "graph": graph, "network": network, "metrics": metrics,
            "placed": placed, "data": data, "dot": dot}


def svg_nodes(svg: bytes) -> dict[str, tuple[float, float, str]]:
    """Each node of sfdp's SVG: its ellipse's centre and fill."""
    found = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if group.get("class") == "node":
            ellipse = group.find(f".//{SVG}ellipse")
            assert ellipse is not None
            found[group.findtext(f"{SVG}title", "")] = (
                float(ellipse.get("cx", "0")), float(ellipse.get("cy", "0")), ellipse.get("fill", ""))
    return found


def test_every_stakeholder_is_placed_where_sfdp_drew_it(demo: dict[str, Any]) -> None:
    data, drawn = demo["data"], svg_nodes(demo["placed"].svg)
    assert data["ids"] == sorted(demo["network"].nodes) and len(data["ids"]) == 81
    for i, node in enumerate(data["ids"]):
        x, y, fill = drawn[node]
        assert abs(data["x"][i] - x) < 0.5 and abs(data["y"][i] - y) < 0.5, node
        assert data["colour"][i] == fill, node
    assert len({(x, y) for x, y in zip(data["x"], data["y"], strict=True)}) == len(data["ids"])


def test_size_group_and_bridges_come_from_the_network_metrics(demo: dict[str, Any]) -> None:
    data, metrics = demo["data"], demo["metrics"]
    for i, node in enumerate(data["ids"]):
        assert data["strength"][i] == metrics[node].strength
        assert data["degree"][i] == metrics[node].degree
        assert data["group"][i] == metrics[node].community
        assert data["bridge"][i] == int(metrics[node].bridge)
    colours: dict[int, set[str]] = {}
    for group, colour in zip(data["group"], data["colour"], strict=True):
        colours.setdefault(group, set()).add(colour)
    assert all(len(c) == 1 for c in colours.values())  # one colour per group
    groups = network_groups(metrics, demo["placed"].colours)
    assert [g.size for g in groups] == sorted((g.size for g in groups), reverse=True)
    assert sum(g.size for g in groups) == len(metrics)
    assert all(colours[g.number] == {g.colour} for g in groups)


def test_ties_decode_to_the_weighted_network(demo: dict[str, Any]) -> None:
    data = demo["data"]
    decoded = set()
    for i, row in enumerate(data["ties"]):
        j = i
        for gap, weight in zip(row[::2], row[1::2], strict=True):
            assert gap > 0
            j += gap
            decoded.add((data["ids"][i], data["ids"][j], weight))
    expected = {(*sorted((a, b)), w) for a, b, w in demo["network"].edges(data="weight")}
    assert decoded == expected and len(decoded) == 318


def test_facets_come_from_each_stakeholders_record_and_work(demo: dict[str, Any]) -> None:
    data = demo["data"]
    i = data["ids"].index("ppho-trang")
    assert data["region"][i] == 12 and data["provinces"][data["province"][i]] == "ตรัง"
    assert data["kinds"][data["kind"][i]] == "organization" and data["types"][data["type"][i]] == "government"
    assert data["short"][i] == "สสจ.ตรัง" and data["url"] == "../stakeholders/"
    # a stakeholder belongs to the topics of the meetings, proposals and areas it took part in
    graph = demo["graph"]
    meetings = [u for u, _, k in graph.in_edges("ppho-trang", keys=True) if k in ("organized", "attended")]
    topics = {v for m in meetings for _, v, k in graph.out_edges(m, keys=True) if k == "topic"}
    assert topics
    member_of = {t["id"] for t in data["topics"] if i in t["nodes"]}
    assert topics <= member_of
    people = [n for n, k in zip(data["ids"], data["kind"], strict=True) if data["kinds"][k] == "person"]
    assert len(people) == 11


def test_layout_is_cached_by_its_input(demo: dict[str, Any], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    first = layout(demo["dot"])
    monkeypatch.setenv("PATH", str(tmp_path))  # Graphviz is out of reach from here on
    again = layout(demo["dot"])
    assert isinstance(again, Layout) and again.positions == first.positions and again.svg == first.svg
    with pytest.raises(DiagramError, match="sfdp"):
        layout(demo["dot"].replace("graph stakeholders {", "graph other {"))


@pytest.fixture(scope="module")
def site() -> Any:
    return build_site(validate_content(CONTENT))


def test_network_page_fetches_its_data_and_keeps_the_static_drawing(site: Any) -> None:
    html = site.page("network/index.md").html
    page = BeautifulSoup(html, "html.parser")
    explorer = page.select_one("[data-kb-network]")
    assert explorer["data-kb-network"] == "../network/explorer.json"
    data = json.loads(site.files["network/explorer.json"])
    assert '"ids"' not in html and len(data["ids"]) == 81  # fetched, never inlined
    filters = {s["data-kb-filter"]: s for s in page.select("select[data-kb-filter]")}
    assert set(filters) == {"region", "province", "topic", "kind"}
    assert "12" in [o["value"] for o in filters["region"].select("option")]
    assert "ตรัง" in [o["value"] for o in filters["province"].select("option")]
    assert {o["value"] for o in filters["kind"].select("option")} >= {"kind:person", "kind:organization"}
    for control in page.select(".kb-explorer select, .kb-explorer input, .kb-explorer button"):
        assert control.find_parent("label") or control.get("aria-label") or control.get_text(strip=True)
    static = page.select_one("noscript object")
    assert static["data"] == "../network/stakeholders.svg"
    svg = site.files["network/stakeholders.svg"]
    assert svg.startswith(b"<?xml") and b"Noto Sans Thai" in svg and svg.count(b'class="node"') == 81
    groups = page.select(".kb-groups__list li")  # the text alternative: every group, its members
    assert len(groups) == len(set(data["group"])) and groups[0].select("a")
    assert page.select_one("script[src='../assets/kb-network.js']")


def test_system_map_page_links_a_print_pdf_and_its_loops(site: Any) -> None:
    page = BeautifulSoup(site.page("systemmaps/kkp12-vulnerable-groups.md").html, "html.parser")
    pdf = site.files["systemmaps/kkp12-vulnerable-groups/kkp12-vulnerable-groups.pdf"]
    assert pdf.startswith(b"%PDF")
    assert page.select_one(".kb-loops a[href$='/kkp12-vulnerable-groups/kkp12-vulnerable-groups.pdf']")
    record = validate_content(CONTENT).by_id()["kkp12-vulnerable-groups"]
    loops = [b["data-kb-loop"].split() for b in page.select("button[data-kb-loop]")]
    assert loops == [loop.nodes for loop in feedback_loops(record)]
    assert page.select_one("[data-kb-present]").get_text(strip=True) == "โหมดนำเสนอ"
    assert {b["data-kb-zoom"] for b in page.select(".kb-zoom__bar [data-kb-zoom]")} == {"in", "out", "reset", "full"}


def test_no_stakeholders_no_explorer(tmp_path: Path) -> None:
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "t.yaml").write_text("id: t\ntitle: ประเด็น\n", "utf-8")
    site = build_site(validate_content(tmp_path))
    page = BeautifulSoup(site.page("network/index.md").html, "html.parser")
    assert page.select_one("[data-kb-network]") is None
    assert "network/explorer.json" not in site.files
