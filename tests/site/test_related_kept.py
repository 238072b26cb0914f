"""Related lists kept between builds: after each kind of edit, the kept lists equal a ranking
from nothing (scores included), and an edit of one page ranks only some pages again."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.bench.synthetic import write_corpus
from generator.graph.index import SiteIndex, build_index
from generator.graph.knowledge import build_graph
from generator.records.validate import validate_content
from generator.site.related import RelatedFinder, related_pages
from generator.site.related_kept import kept_related
from tests.conftest import CONTENT
from tests.search.test_kept import added, body, random_edit, removed, title

CODE = "code"
BAND = ("stakeholder", "kkp-region-10")  # on 5 pages: a sixth moves it to the next band


def band_crossed(root: Path) -> None:
    path = root / "meetings/2025-04-10-kkp12-vulnerable-groups.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("attendees:\n", f"attendees:\n  - who: {BAND[1]}\n", 1), "utf-8")


EDITS: dict[str, Callable[[Path], None]] = {"body": body, "title": title, "added": added, "removed": removed,
                                            "band": band_crossed}


def index_of(root: Path) -> SiteIndex:
    content = validate_content(root)
    assert content.ok, content.diagnostics[:3]
    return build_index(content.records, build_graph(content.records))


@pytest.mark.parametrize("name", list(EDITS))
def test_kept_lists_equal_a_ranking_from_nothing(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    if name == "removed":
        added(root)
    before = index_of(root)
    kept_related(before, "before", CODE)
    EDITS[name](root)
    after = index_of(root)
    log: list[str] = []
    warm = kept_related(after, "after", CODE, log.append)
    assert warm == related_pages(after)
    ranked = int(log[0].split(", ")[1].split()[0])
    assert ranked > 0, log
    if name in ("body", "title"):  # (on 128 records a copied meeting moves the weights of most)
        assert ranked < len(after.records) // 2, log


def test_a_band_crossed_changes_the_feature_s_weight(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    weights = []
    for _ in range(2):
        finder = RelatedFinder(index_of(root))
        weights.append(finder.rarity[finder.names.index(BAND)])
        band_crossed(root)
    assert weights[0] != weights[1]


def test_the_same_content_ranks_nothing_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    index = index_of(CONTENT)
    first = kept_related(index, "key", CODE)
    log: list[str] = []
    assert kept_related(index, "other key, same records", CODE, log.append) == first == related_pages(index)
    assert log == [f"related lists: {len(index.records)} unchanged (kept), 0 to rank"]


def test_kept_lists_stay_equal_through_many_random_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A synthetic corpus edited 12 times at random: after each, the kept lists equal a ranking
    from nothing."""
    root = tmp_path / "content"
    write_corpus(CONTENT, root, 120, seed=3)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    rng = random.Random(5)
    kept_related(index_of(root), "0", CODE)
    for step in range(1, 13):
        change = random_edit(root, rng, step)
        index = index_of(root)
        assert kept_related(index, str(step), CODE) == related_pages(index), (step, change)
