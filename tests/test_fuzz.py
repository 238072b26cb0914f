"""Whatever validates, builds: the property of tests/fuzz.py over a bounded number of generated
corpora (about a minute), and one test for each failure it found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium
from tests.corpora import Corpus
from tests.fuzz import Tally, build_corpus, check_links, quiet_builds, run_property

EXAMPLES = 16  # each corpus is a full MkDocs build, two graph exports and a search in Chromium
SEED = 19  # the same corpora in every run of the suite; `./run fuzz` draws new ones


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium")) as browser:
        yield browser


def test_whatever_validates_builds(driver: Any, tmp_path: Path) -> None:
    tally = run_property(driver, tmp_path, EXAMPLES, seed=SEED, shrink=False)
    assert tally.passed == tally.built == tally.generated == EXAMPLES
    assert tally.links > 1000 and tally.searched > EXAMPLES


def corpus(*records: tuple[str, dict[str, Any]]) -> Corpus:
    made = Corpus()
    for kind, data in records:
        made.add(kind, data)
    return made


TOPIC = ("topic", {"id": "t", "title": "ประเด็น"})


def test_found_a_renamed_stakeholder_without_ties_builds(tmp_path: Path) -> None:
    """The network metrics were cached by the ties alone: a second corpus whose only
    stakeholder has no ties either got the first one's metrics, and the build failed on a
    stakeholder that no longer exists (KeyError)."""
    with quiet_builds(tmp_path):
        for name in ("first", "second"):
            alone = corpus(TOPIC, ("stakeholder", {"id": name, "title": name, "kind": "person", "name": name}))
            (tmp_path / name).mkdir()
            built = build_corpus(alone, tmp_path / name, Tally())
            assert (built.site / "stakeholders" / name / "index.html").is_file()


def test_found_links_that_led_nowhere(tmp_path: Path) -> None:
    """A relative link written in Markdown ([ต่อ](../nowhere/), [#](#top)) was kept as is and
    led nowhere; a tag whose address ends in 'index' (#zindex) got links one folder short."""
    body = "[ต่อ](../nowhere/) [#](#top) [เว็บ](https://example.org/ก) [x](javascript:alert(1))"
    made = corpus(TOPIC, ("meeting", {"id": "m", "title": "ประชุม", "date": "2025-04-10", "body": body,
                                      "hashtags": ["#zindex", "#reindex"]}))
    with quiet_builds(tmp_path):
        built = build_corpus(made, tmp_path, Tally())
    assert check_links(built.site) > 100
    page = (built.site / "meetings" / "m" / "index.html").read_text("utf-8")
    assert '<a rel="noopener nofollow">ต่อ</a>' in page and 'href="https://example.org/%E0%B8%81"' in page
    assert 'href="../nowhere/"' not in page and 'href="#top"' not in page and 'href="javascript:' not in page
