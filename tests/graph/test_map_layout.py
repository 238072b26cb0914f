"""System maps drawn for the page (issue 25): Thai labels wrapped between words, ranks with a
width budget, and a drawing Graphviz fits into the map column at full size, with real Graphviz."""

from __future__ import annotations

import networkx as nx
import pytest

from generator.graph.diagrams import render, systemmap_diagram, systemmap_dot
from generator.graph.map_layout import COLUMN, FIT_MOST, acyclic, cells, page_drawing, ranks, unscaled, wrap_label
from generator.records.load import Record
from generator.records.validate import validate_content
from tests.conftest import CONTENT

MAPS = ("kkp12-vulnerable-groups", "kkp12-long-term-care")


def test_thai_labels_wrap_between_words_and_keep_every_letter() -> None:
    label = "กลไกสนับสนุนการทำงานแบบเชื่อมโยง บูรณาการหลายระดับ"
    lines = wrap_label(label)
    assert len(lines) > 2 and all(cells(line) <= 15 for line in lines)
    assert "".join(lines) == label.replace(" ", "")  # words joined as Thai is written, nothing lost
    assert wrap_label("ศูนย์บริการ one stop service") == ["ศูนย์บริการ one", "stop service"]
    assert cells("ผู้สูงอายุ") == 6  # vowel and tone marks take no room of their own


def test_loops_are_cut_once_and_ranks_respect_the_budget() -> None:
    graph = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("s", "b"), ("s2", "b"), ("s3", "b")])
    dag = acyclic(graph)
    assert nx.is_directed_acyclic_graph(dag) and dag.number_of_edges() == graph.number_of_edges() - 1
    rank = ranks(dag, dict.fromkeys(graph, 100.0), budget=250)
    assert all(rank[u] > rank[v] for u, v in dag.edges)
    per_rank = [sum(1 for r in rank.values() if r == level) for level in set(rank.values())]
    assert max(per_rank) <= 2  # a third node of 100 would overflow 250: it goes a rank up


@pytest.mark.parametrize("map_id", MAPS)
def test_the_page_drawing_fits_the_column_at_full_size(map_id: str) -> None:
    record = validate_content(CONTENT).by_id()[map_id]
    diagram = systemmap_diagram(record)
    assert "rankdir=TB" in diagram.dot and diagram.width <= COLUMN
    assert unscaled(render(diagram.dot, "svg"))  # Graphviz did not shrink its 12-pt labels
    assert diagram.loops and [loop.name for loop in diagram.loops][0] == "R1"
    # print keeps the left-to-right A4 drawing
    assert "rankdir=LR" in systemmap_dot(record, print_a4=True)


def test_a_big_map_is_drawn_once_as_for_print() -> None:
    """dot takes seconds on hundreds of nodes: no search for a budget that cannot fit."""
    nodes = [{"id": f"n{i}", "label": f"ปัจจัย {i}", "kind": "factor"} for i in range(FIT_MOST + 1)]
    links = [{"from": f"n{i}", "to": f"n{i + 1}", "polarity": "+"} for i in range(FIT_MOST)]
    record = Record("systemmap", "big.yaml", {"id": "big", "title": "big", "nodes": nodes, "links": links})
    calls: list[str] = []

    def drawing(dot: str, fmt: str) -> bytes:
        calls.append(dot)
        return b'<svg viewBox="0 0 9000 300"></svg>'

    dot, _ = page_drawing(record, {}, drawing)
    assert len(calls) == 1 and "rankdir=LR" in dot
