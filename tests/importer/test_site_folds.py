"""The honest yardstick (generator/bench/site_folds.py): what it leaves out of a fold."""

from __future__ import annotations

from generator.bench.site_folds import Entries, firing, site_of
from generator.bench.train_tagger import READ_SETS
from tests.conftest import ROOT

POSTS = ROOT / "tests" / "fixtures" / "posts"
UNREAD = {"heldout24", "heldout25", "heldout26", "heldout27", "heldout28", "heldout29"}


def test_the_folds_are_the_read_sets_only() -> None:
    from generator.bench import site_folds

    assert not UNREAD & set(READ_SETS)
    source = (ROOT / "generator" / "bench" / "site_folds.py").read_text("utf-8")
    assert not [name for name in UNREAD if name in source]
    assert site_folds.READ_SETS == READ_SETS


def test_a_post_is_of_its_sites_host_with_or_without_www() -> None:
    assert site_of({"file": "053.txt", "url": "https://www.scbfoundation.com/discussion/842/x"}) == "scbfoundation.com"
    assert site_of({"file": "001.txt", "url": "https://mgronline.com/local/detail/9680000084028"}) == "mgronline.com"
    assert site_of({"file": "x.txt"}) == "?x.txt"  # no URL: a site of its own


def test_an_entry_is_left_out_only_where_it_fires_on_the_left_out_sites_alone() -> None:
    entries = Entries(glossary={"สอบ.": {"a.org"}, "สสจ.": {"a.org", "b.org"}, "ทม.": set()},
                      patterns={"SLOGAN": {"a.org"}}, words={"HEADS:ชมรม": {"a.org", "b.org"}})
    glossary, stakeholders, patterns, words = entries.only_on({"a.org"})
    assert glossary == {"สอบ."}  # สสจ. fires on another site too; ทม. fires nowhere
    assert patterns == {"SLOGAN"} and stakeholders == set() and words == set()


def test_a_word_left_out_is_gone_from_every_module_that_imported_its_list() -> None:
    from generator.bench.site_folds import left_out_entries, swapped
    from generator.importer import name_ends, name_extent, organizations, tagger

    with swapped(left_out_entries(set(), set(), {"HEADS:ประชาคม"})):
        assert "ประชาคม" not in organizations.HEADS and "ประชาคม" not in name_extent.HEADS
        assert tagger.HEADS is name_ends.HEADS and "ชมรม" in name_ends.HEADS
    assert "ประชาคม" in organizations.HEADS


def test_entries_fire_where_a_real_post_writes_them() -> None:
    # https://online-news.biz/?p=58819 (039) names the consumers' council สอบ.;
    # https://www.scbfoundation.com/discussion/842/ (053) does not
    raws = {("dev", name): (POSTS / name).read_text("utf-8") for name in ("039.txt", "053.txt")}
    sites = {("dev", "039.txt"): "a.org", ("dev", "053.txt"): "b.org"}
    entries = firing(raws, sites, [])
    assert entries.glossary["สอบ."] == {"a.org"}
    assert "b.org" not in entries.glossary["สอบ."]
