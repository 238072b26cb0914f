"""The stakeholder network's metrics (python-igraph): networkx's betweenness, Leiden groups that
are connected and the same in every build."""

from __future__ import annotations

import networkx as nx
import pytest

from generator.bench.synthetic import write_corpus
from generator.graph.knowledge import build_graph, stakeholder_graph
from generator.graph.network import BETWEENNESS_SAMPLE, network_metrics
from generator.records.validate import validate_content

from ..conftest import CONTENT


@pytest.fixture(scope="module")
def demo() -> nx.Graph:
    return stakeholder_graph(build_graph(validate_content(CONTENT).records))


def test_betweenness_is_networkx_normalised_on_the_demo_network(demo: nx.Graph) -> None:
    assert 3 <= demo.number_of_nodes() <= BETWEENNESS_SAMPLE, "small enough to be exact"
    expected = nx.betweenness_centrality(demo)
    metrics = network_metrics(demo)
    assert {n: m.betweenness for n, m in metrics.items()} == {n: round(v, 4) for n, v in expected.items()}
    assert max(m.betweenness for m in metrics.values()) > 0


def test_groups_are_connected_and_repeatable(demo: nx.Graph) -> None:
    first, again = network_metrics(demo), network_metrics(demo)
    assert {n: m.community for n, m in first.items()} == {n: m.community for n, m in again.items()}
    groups: dict[int, set[str]] = {}
    for node, m in first.items():
        groups.setdefault(m.community, set()).add(node)
    assert len(groups) > 1
    for members in groups.values():
        assert nx.is_connected(demo.subgraph(members)), "a Leiden group is never split in two"
    sizes = [len(groups[i]) for i in sorted(groups)]
    assert sizes == sorted(sizes, reverse=True), "group 0 is the largest"


def test_sampled_betweenness_ranks_like_the_exact_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    write_corpus(CONTENT, tmp_path / "content", 600)
    network = stakeholder_graph(build_graph(validate_content(tmp_path / "content").records))
    assert network.number_of_nodes() > BETWEENNESS_SAMPLE, "big enough to be sampled"
    sampled = {n: m.betweenness for n, m in network_metrics(network).items()}
    exact = nx.betweenness_centrality(network)
    top = sorted(exact, key=exact.__getitem__, reverse=True)[:10]
    assert len(set(top) & set(sorted(sampled, key=sampled.__getitem__, reverse=True)[:20])) >= 8
    assert all(abs(sampled[n] - exact[n]) < 0.5 * exact[n] + 0.01 for n in top)
