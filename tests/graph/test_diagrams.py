"""System maps, feedback loops, the stakeholder network and graph exports, with real Graphviz."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from generator.cli import main
from generator.graph.diagrams import feedback_loops, systemmap_dot
from generator.graph.knowledge import build_graph
from generator.graph.network import stakeholder_network, summary
from generator.records.load import Record, parse_text
from generator.records.validate import validate_content
from tests.conftest import CONTENT

MAP = "kkp12-vulnerable-groups"


def system_map(links: list[tuple[str, str, str]], extra_nodes: tuple[str, ...] = ()) -> Record:
    names = sorted({n for a, b, _ in links for n in (a, b)} | set(extra_nodes))
    text = "id: m\ntitle: m\nnodes:\n"
    text += "".join(f"  - {{id: {n}, label: {n}, kind: factor}}\n" for n in names)
    text += "links:\n" + "".join(f'  - {{from: {a}, to: {b}, polarity: "{p}"}}\n' for a, b, p in links)
    record, problems = parse_text(text, "m.yaml", "systemmap")
    assert record is not None and not problems
    return record


def describe(record: Record) -> list[tuple[str, list[str]]]:
    return [(loop.name, loop.nodes) for loop in feedback_loops(record)]


def test_no_loops() -> None:
    assert describe(system_map([("a", "b", "+"), ("b", "c", "-")])) == []


def test_two_loops_sharing_nodes_are_classified_by_negative_parity() -> None:
    record = system_map([("a", "b", "+"), ("b", "a", "+"), ("b", "c", "-"), ("c", "a", "+")])
    assert describe(record) == [("R1", ["a", "b"]), ("B1", ["a", "b", "c"])]


def test_two_negative_links_reinforce() -> None:
    record = system_map([("a", "b", "-"), ("b", "a", "-")])
    assert describe(record) == [("R1", ["a", "b"])]


def test_self_loop() -> None:
    record = system_map([("a", "a", "-"), ("a", "b", "+")])
    assert describe(record) == [("B1", ["a"])]


def test_demo_map_loops() -> None:
    record = validate_content(CONTENT).by_id()[MAP]
    loops = feedback_loops(record)
    assert [loop.name for loop in loops] == ["R1", "R2"]
    assert all(loop.kind == "reinforcing" for loop in loops)


def test_dot_escapes_labels() -> None:
    text = ('id: m\ntitle: \'a "quoted" \\ title\'\nnodes:\n  - id: x\n    label: \'<b>"x"</b> \\N\'\n'
            '    kind: leverage\n')
    record, _ = parse_text(text, "m.yaml", "systemmap")
    assert record is not None
    dot = systemmap_dot(record)
    assert 'label="a \\"quoted\\" \\\\ title"' in dot
    assert 'label="★ <b>\\"x\\"</b> \\\\N"' in dot


@pytest.mark.parametrize(("suffix", "magic"), [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF"),
                                               (".dot", b"digraph")])
def test_kb_map_writes_real_graphviz_output(tmp_path: Path, suffix: str, magic: bytes) -> None:
    output = tmp_path / f"map{suffix}"
    assert main(["map", MAP, "-o", str(output), "--content", str(CONTENT)]) == 0
    data = output.read_bytes()
    assert data.startswith(magic)
    assert len(data) > 10_000


def test_kb_map_usage_errors(tmp_path: Path) -> None:
    assert main(["map", "no-such-map", "-o", str(tmp_path / "x.svg"), "--content", str(CONTENT)]) == 2
    assert main(["map", MAP, "-o", str(tmp_path / "x.jpg"), "--content", str(CONTENT)]) == 2


def test_svg_names_a_thai_font_stack_and_links_nodes(tmp_path: Path) -> None:
    from generator.site.build import build_site

    site = build_site(validate_content(CONTENT))
    svg = site.files[f"systemmaps/{MAP}/{MAP}.svg"].decode("utf-8")
    assert "font-family=\"Garuda, 'Noto Sans Thai'" in svg
    assert 'href="../../meetings/' in svg and 'href="./#node-' in svg


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_exports_round_trip(tmp_path: Path, suffix: str) -> None:
    output = tmp_path / f"graph{suffix}"
    assert main(["graph", "-o", str(output), "--content", str(CONTENT)]) == 0
    loaded = nx.read_graphml(output) if suffix == ".graphml" else nx.read_gexf(output)
    original = build_graph(validate_content(CONTENT).records)
    assert set(loaded.nodes) == set(original.nodes)
    assert loaded.number_of_edges() == original.number_of_edges()
    node = "2025-04-10-kkp12-vulnerable-groups"
    assert loaded.nodes[node]["kind"] == "meeting"
    assert loaded.nodes[node].get("title", loaded.nodes[node].get("label")) == original.nodes[node]["title"]


def test_graph_filters(tmp_path: Path) -> None:
    import json

    def nodes(*args: str) -> set[str]:
        output = tmp_path / "g.json"
        assert main(["graph", "-o", str(output), "--content", str(CONTENT), *args]) == 0
        return {n["id"] for n in json.loads(output.read_text("utf-8"))["nodes"]}

    region12 = nodes("--region", "12", "--kind", "meeting")
    assert region12 == {"2025-04-10-kkp12-vulnerable-groups", "2020-07-07-manang-vulnerable-groups",
                        "2020-01-06-region12-informal-workers"}
    assert nodes("--since", "2022-01-01", "--kind", "meeting") == {
        "2025-04-10-kkp12-vulnerable-groups", "2022-05-12-chumphon-coordination-centre"}
    people = nodes("--province", "สตูล", "--kind", "stakeholder")
    assert "chakrit-phocharuang" in people and "nhso-region-10" not in people


def test_graph_as_picture(tmp_path: Path) -> None:
    output = tmp_path / "g.png"
    assert main(["graph", "-o", str(output), "--content", str(CONTENT), "--topic", "covid-19"]) == 0
    assert output.read_bytes().startswith(b"\x89PNG")


def test_stakeholder_network_metrics() -> None:
    network, metrics = stakeholder_network(build_graph(validate_content(CONTENT).records))
    assert network.number_of_nodes() == len(metrics) > 50
    top = max(metrics, key=lambda n: metrics[n].betweenness)
    assert metrics[top].bridge
    assert top in summary(metrics)["bridges"]
    again = stakeholder_network(build_graph(validate_content(CONTENT).records))[1]
    assert {n: m.community for n, m in again.items()} == {n: m.community for n, m in metrics.items()}


def test_export_csv(tmp_path: Path) -> None:
    assert main(["export", "-o", str(tmp_path), "--content", str(CONTENT)]) == 0
    with (tmp_path / "proposals.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 22
    row = next(r for r in rows if r["id"] == "kkp12-central-information-system")
    assert "สปสช.เขต 12" in row["leads"]


def test_a_big_network_is_drawn_as_its_backbone() -> None:
    from generator.site.listings import DRAWN_TIES, drawn_network

    whole = nx.complete_graph([f"s{i}" for i in range(100)])
    for n, (a, b) in enumerate(sorted(whole.edges)):
        whole.edges[a, b]["weight"] = 1 + n % 7
    drawn = drawn_network(whole)
    assert drawn is not None and set(drawn.nodes) == set(whole.nodes)
    assert drawn.number_of_edges() <= DRAWN_TIES * 100
    for node in whole:  # each keeps a tie among its strongest
        strongest = max(d["weight"] for d in whole.adj[node].values())
        assert strongest in [d["weight"] for d in drawn.adj[node].values()]
    small = nx.path_graph(10)
    assert drawn_network(small) is small
