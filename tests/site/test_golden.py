"""Golden files for what we own: generated page HTML, the system-map DOT, the graph JSON.

Regenerate after an intended change with: KB_UPDATE_GOLDEN=1 ./run test tests/test_golden.py
"""

from __future__ import annotations

import json
import os

import pytest

from generator.graph.diagrams import systemmap_dot
from generator.graph.knowledge import build_graph, graph_json
from generator.records.validate import validate_content
from generator.site.build import build_site
from tests.conftest import CONTENT, ROOT

GOLDEN = ROOT / "tests" / "golden"
PAGES = [
    "meetings/2025-04-10-kkp12-vulnerable-groups.md",
    "meetings/2021-08-03-region10-covid-charter.md",
    "stakeholders/ppho-trang.md",
    "proposals/kkp12-central-information-system.md",
    "areas/tamnan-phatthalung.md",
    "topics/vulnerable-groups.md",
    "tags/กขป-เขต12.md",
    "index.md",
    "proposals/index.md",  # cards with each proposal's status badge (generator/site/cards.py)
]


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return validate_content(CONTENT)


@pytest.fixture(scope="module")
def site(content):  # type: ignore[no-untyped-def]
    return build_site(content)


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KB_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert path.is_file(), f"missing golden file {path}; run with KB_UPDATE_GOLDEN=1"
    assert text == path.read_text("utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("src_uri", PAGES)
def test_page_html(site, src_uri: str) -> None:  # type: ignore[no-untyped-def]
    page = site.page(src_uri)
    header = f"<!-- title: {page.title}\n     description: {page.description} -->\n"
    check("pages/" + src_uri.replace("/", "__").removesuffix(".md") + ".html", header + page.html)


def test_systemmap_dot(content) -> None:  # type: ignore[no-untyped-def]
    record = content.by_id()["kkp12-vulnerable-groups"]
    check("kkp12-vulnerable-groups.dot", systemmap_dot(record))


def test_graph_json(content) -> None:  # type: ignore[no-untyped-def]
    data = graph_json(build_graph(content.records))
    check("graph.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def test_same_content_renders_the_same(site, content) -> None:  # type: ignore[no-untyped-def]
    again = build_site(content)
    assert [(p.src_uri, p.html) for p in again.pages] == [(p.src_uri, p.html) for p in site.pages]
