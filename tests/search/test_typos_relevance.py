"""The judged typo queries (tests/fixtures/judged/typos.yaml) in Chromium, on the demo site and
on the demo with the real posts imported: recall@10 of at least 0.9 (0.06 before issue 29), and
no nonsense query finds anything."""

from __future__ import annotations

import pytest

from generator.bench.relevance import measure_typos

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_typo_queries_find_their_pages_and_nonsense_nothing() -> None:
    figures = measure_typos()
    queries, recall, _, _ = figures.search["all"]
    assert queries >= 40 and recall >= 0.9
    assert figures.search["typos-imported"][0] >= 10 and figures.search["typos-imported"][1] >= 0.9
    assert figures.nonsense >= 10 and figures.nonsense_found == []
