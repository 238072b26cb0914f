"""The importer on the dev set of real posts (tests/fixtures/posts): the floors of issue 16,
for a reporter whose content/ is the demo content and for a new one whose content/ is empty."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
import yaml

from generator.bench.importer import DEV_SET, Tally, load_dev_set, report, score
from generator.records.validate import validate_content
from tests.conftest import CONTENT

FLOORS = {"date": 0.95, "title": 0.95, "hashtags": 0.95, "provinces": 0.95,
          "organizations_found": 0.85, "organizations_real": 0.85, "people_found": 0.90}


@pytest.fixture(scope="module", params=["demo content", "empty content"])
def tally(request: pytest.FixtureRequest) -> Tally:
    records = validate_content(CONTENT).records if request.param == "demo content" else []
    return score(DEV_SET, records)


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_floor(tally: Tally, figure: str) -> None:
    rate = tally.rates()[figure]
    assert rate >= FLOORS[figure], f"{figure} {rate:.0%} < {FLOORS[figure]:.0%}\n{report(tally)}\n" + "\n".join(
        tally.misses)


def test_the_dev_set_is_real_posts_from_many_sites() -> None:
    posts = load_dev_set(DEV_SET)
    annotations = yaml.safe_load((DEV_SET / "annotations.yaml").read_text("utf-8"))
    assert len(posts) >= 25 and len(annotations) == len({a["file"] for a in annotations})
    sites = {urlparse(post["url"]).hostname.removeprefix("www.") for post, _ in posts}  # type: ignore[union-attr]
    assert len(sites) >= 20
    for post, text in posts:
        assert {"url", "date", "title", "hashtags", "provinces", "organizations", "people"} <= set(post)
        assert len(text) > 300, post["file"]


def test_the_scorer_prints_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    from generator.bench.importer import main

    assert main(["--content", str(CONTENT)]) == 0
    out = capsys.readouterr().out
    for field in ("date", "title", "hashtags", "provinces", "organizations", "people"):
        assert field in out
