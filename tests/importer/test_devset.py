"""The importer on the dev set of real posts (tests/fixtures/posts): the floors of issue 16,
for a reporter whose content/ is the demo content and for a new one whose content/ is empty;
the held-out sets beside it are real posts from other sites, scored by the same bench."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from generator.bench.importer import DEV_SET, SETS, Tally, load_dev_set, report, score
from generator.records.validate import validate_content
from tests.conftest import CONTENT

FLOORS = {"date": 0.95, "title": 0.95, "hashtags": 0.95, "provinces": 0.95,
          "organizations_found": 0.93, "organizations_real": 0.95, "people_found": 0.95, "people_real": 0.95}
FIELDS = {"url", "date", "title", "hashtags", "provinces", "organizations", "people"}


@pytest.fixture(scope="module", params=["demo content", "empty content"])
def tally(request: pytest.FixtureRequest) -> Tally:
    records = validate_content(CONTENT).records if request.param == "demo content" else []
    return score(DEV_SET, records)


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_floor(tally: Tally, figure: str) -> None:
    rate = tally.rates()[figure]
    assert rate >= FLOORS[figure], f"{figure} {rate:.0%} < {FLOORS[figure]:.0%}\n{report(tally)}\n" + "\n".join(
        tally.misses)


def sites_of(folder: Path) -> set[str]:
    return {urlparse(post["url"]).hostname.removeprefix("www.") for post, _ in load_dev_set(folder)}  # type: ignore[union-attr]


def assert_annotated(folder: Path) -> None:
    annotations = yaml.safe_load((folder / "annotations.yaml").read_text("utf-8"))
    assert len(annotations) == len({a["file"] for a in annotations})
    assert {a["file"] for a in annotations} == {p.name for p in folder.glob("*.txt")}, "a post without annotation"
    for post, text in load_dev_set(folder):
        assert set(post) >= FIELDS, post["file"]
        assert len(text) > 300, post["file"]


def test_the_dev_set_is_real_posts_from_many_sites() -> None:
    assert_annotated(DEV_SET)
    assert len(load_dev_set(DEV_SET)) >= 60
    assert len(sites_of(DEV_SET)) >= 45


def test_the_second_held_out_set_is_from_sites_the_dev_set_has_not() -> None:
    assert_annotated(SETS["heldout2"])
    assert len(load_dev_set(SETS["heldout2"])) >= 20
    assert not sites_of(SETS["heldout2"]) & (sites_of(DEV_SET) | sites_of(SETS["heldout"]))


def test_the_scorer_prints_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    from generator.bench.importer import main

    assert main(["--content", str(CONTENT)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dev set, one post at a time: ")
    for field in ("date", "title", "hashtags", "provinces", "organizations", "people"):
        assert field in out


def test_the_scorer_reads_a_held_out_set_as_one_batch(capsys: pytest.CaptureFixture[str]) -> None:
    from generator.bench.importer import main

    assert main(["--set", "heldout2", "--batch", "--content", str(CONTENT)]) == 0
    posts = len(load_dev_set(SETS["heldout2"]))
    assert capsys.readouterr().out.startswith(f"heldout2 set, one batch: {posts} posts\n")
