"""A site built with the graph and the stakeholder network kept from the last build equals one
built from nothing; the network page and the metrics move when a meeting's stakeholders do,
and stay put when only its text does."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.records.validate import validate_content
from generator.site.build import build_site
from generator.site.model import Site
from tests.conftest import demo_copy

MEETING = "meetings/2025-04-10-kkp12-vulnerable-groups.yaml"
EDITS = {  # name → (text in the meeting, what it becomes); one added: test_page_cache.py's rarity-band
    "attendee-removed": ("  - who: pdmo-trang\n", ""),
    "body": ("summary: ", "summary: แก้ไข "),
}


def build(root: Path, log: list[str] | None = None) -> Site:
    return build_site(validate_content(root), progress=(log.append if log is not None else None))


def pages(site: Site) -> dict[str, str]:
    return {page.src_uri: page.html for page in site.pages}


@pytest.mark.parametrize("name", list(EDITS))
def test_warm_build_equals_cold_and_the_network_moves_with_its_links(name: str, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = demo_copy(tmp_path, monkeypatch, "warm")
    before = build(root)
    old, new = EDITS[name]
    text = (root / MEETING).read_text("utf-8")
    assert old in text
    (root / MEETING).write_text(text.replace(old, new, 1), "utf-8")
    log: list[str] = []
    warm = build(root, log)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cold"))
    cold = build(root)
    assert pages(warm) == pages(cold)
    assert warm.files == cold.files  # the network's drawing and explorer data, the search index...
    assert f"graph: links of 1 records read, {len(warm.index.records) - 1} kept" in log
    moved = name != "body"
    assert (warm.index.metrics != before.index.metrics) is moved
    assert (warm.files["network/explorer.json"] != before.files["network/explorer.json"]) is moved
    assert (pages(warm)["network/index.md"] != pages(before)["network/index.md"]) is moved


def test_a_network_left_unread_is_read_later_as_its_build_had_it(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """With every link as the last build's, the network and its metrics are read from the cache
    only when a page reads them. kb serve previews with a build's index after later builds: a
    cache the stakeholders' links have moved on from gives that build's network anyway, made
    again, and is left as it is."""
    root = demo_copy(tmp_path, monkeypatch, "warm")
    build(root)
    text = (root / MEETING).read_text("utf-8")
    (root / MEETING).write_text(text.replace("body: |\n  ", "body: |\n  บันทึกเพิ่ม ", 1), "utf-8")
    unread = build(root)  # links and heads unchanged: no page that reads the network is rendered
    assert unread.index._network_later is not None and unread.index._metrics_later is not None
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cold"))
    cold = build(root)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "warm"))
    old, new = EDITS["attendee-removed"]
    (root / MEETING).write_text((root / MEETING).read_text("utf-8").replace(old, new, 1), "utf-8")
    moved = build(root)
    kept = sorted((tmp_path / "warm").rglob("*network*.pickle"))
    stamps = [(path.stat().st_mtime_ns, path.read_bytes()) for path in kept]
    assert unread.index.metrics == cold.index.metrics != moved.index.metrics
    assert sorted(unread.index.network.edges(data=True)) == sorted(cold.index.network.edges(data=True))
    assert [(path.stat().st_mtime_ns, path.read_bytes()) for path in kept] == stamps


def test_a_title_edit_draws_its_stakeholders_ties_again_without_reading_the_network(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The meeting's stakeholders' pages show its title: they are drawn again, their small
    network diagrams too, from the metrics alone (the network itself took 0.2 s to load at 10k)."""
    root = demo_copy(tmp_path, monkeypatch, "warm")
    build(root)
    text = (root / MEETING).read_text("utf-8")
    (root / MEETING).write_text(text.replace("\ntitle: ", "\ntitle: แก้ไข ", 1), "utf-8")
    warm = build(root)
    assert warm.index._network_later is not None and warm.index._metrics_later is None
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cold"))
    cold = build(root)
    assert pages(warm) == pages(cold)
    redrawn = [html for src, html in pages(warm).items() if src.startswith("stakeholders/") and "แก้ไข " in html]
    assert redrawn and any('stroke="#d0d7de"' in html for html in redrawn)  # ties between its neighbours
