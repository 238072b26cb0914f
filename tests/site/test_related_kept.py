"""Related lists kept between builds: after each kind of edit, the kept lists equal a ranking
from nothing (scores included), and an edit of one page ranks only some pages again. The
related model kept with them is updated, not built from every record, after an edit that
keeps the set of records: the updated model equals one built from nothing."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.bench.synthetic import write_corpus
from generator.cache import read_checked
from generator.graph.index import SiteIndex, build_index
from generator.graph.knowledge import build_graph
from generator.records.validate import validate_content
from generator.site import related_kept
from generator.site.related import RelatedFinder, related_pages
from generator.site.related_kept import FILE, Kept, kept_related
from generator.site.related_model import Model, floats_of, ints, model_of
from generator.site.similarity import banded
from tests.conftest import CONTENT
from tests.search.test_kept import MEETING, added, body, edit, random_edit, removed, title

CODE = "code"
BAND = ("stakeholder", "kkp-region-10")  # on 5 pages: a sixth moves it to the next band


def band_crossed(root: Path) -> None:
    path = root / "meetings/2025-04-10-kkp12-vulnerable-groups.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("attendees:\n", f"attendees:\n  - who: {BAND[1]}\n", 1), "utf-8")


def linked(root: Path) -> None:
    """A stakeholder link: a meeting gains an attendee (both pages' features, and the weights
    of both features, move)."""
    edit(root, MEETING, "attendees:\n", "attendees:\n  - who: ccr-teams\n    role: ผู้เข้าร่วม\n")


TERM = "ตำบล"  # on 31 pages of the demo: a 32nd moves its weight to the next band (22.6 → 32)


def term_band_crossed(root: Path) -> None:
    """A text edit that moves a common term's weight: every page holding it is weighed again."""
    path = next(p for p in sorted(root.glob("[ps]*/*.yaml")) if TERM not in p.read_text("utf-8"))
    edit(root, str(path.relative_to(root)), "title: ", f"title: {TERM} ")


EDITS: dict[str, Callable[[Path], None]] = {"body": body, "title": title, "added": added, "removed": removed,
                                            "band": band_crossed, "linked": linked, "term band": term_band_crossed}
UPDATED = {"body", "title", "band", "linked", "term band"}  # the others add or remove a record: built anew


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
    rebuilt: list[bool] = []
    monkeypatch.setattr(related_kept, "rebuilt", lambda *args: rebuilt.append(True) or rebuild(*args))
    warm = kept_related(after, "after", CODE, log.append)
    assert warm == related_pages(after)
    assert rebuilt == ([] if name in UPDATED else [True])
    assert_same_model(kept_of(tmp_path).model, model_of(RelatedFinder(after), []))
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
        assert_same_model(kept_of(tmp_path).model, model_of(RelatedFinder(index), []))


rebuild = related_kept.rebuilt


def kept_of(folder: Path) -> Kept:
    kept = read_checked(folder / "cache" / FILE)
    assert isinstance(kept, Kept)
    return kept


def assert_same_model(updated: Model, fresh: Model) -> None:
    """The same model by what each number names (new terms are numbered last when updated)."""
    for column in ("ids", "kinds", "names", "own", "features", "postings", "days", "linked", "series", "texts"):
        assert getattr(updated, column) == getattr(fresh, column), column
    for model in (updated, fresh):
        model.records = []
    assert by_name(updated) == by_name(fresh)


def by_name(model: Model) -> dict[str, object]:
    def named(numbers: bytes) -> list[str]:
        return [model.terms[t] for t in ints(numbers)]
    pages = range(len(model.ids))
    return {"words": [list(zip(named(model.words[p]), ints(model.counts[p]), strict=True)) for p in pages],
            "top": [list(zip(named(model.top[p]), floats_of(model.weights[p]), strict=True)) for p in pages],
            "df": {t: d for t, d in zip(model.terms, model.df, strict=True) if d},
            "top postings": {model.terms[t]: list(ints(p)) for t, p in enumerate(model.top_postings) if p}}


def test_a_term_band_crossed_changes_its_weight(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    counts = []
    for _ in range(2):
        counts.append(RelatedFinder(index_of(root)).df[TERM])
        term_band_crossed(root)
    assert counts == [31, 32] and banded(31) != banded(32)
