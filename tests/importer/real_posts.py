"""The annotated real posts (tests/fixtures/posts: the dev set and the held-out sets), read by
tests that hold a rule to a real post's own line."""

from __future__ import annotations

from tests.conftest import ROOT

POSTS = ROOT / "tests" / "fixtures" / "posts"


def line_of(post: str, holding: str) -> str:
    """The first line of that post (a path under POSTS) holding these words."""
    return next(line for line in (POSTS / post).read_text("utf-8").splitlines() if holding in line)
