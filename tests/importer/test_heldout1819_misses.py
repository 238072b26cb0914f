"""Held-out 18 and 19's misses, by kind (issue 27, 27at), and what reading them moved: each kind seen
on at least two sites, each rule checked on every read set's posts to fire on no right reading. The
real posts' own lines (tests/fixtures/posts; each post's URL is in its set's annotations.yaml and
below), and a post of an earlier set the rule was not drawn from beside the one it was."""

from __future__ import annotations

from generator.importer.organizations import find_organizations
from tests.conftest import ROOT

POSTS = ROOT / "tests" / "fixtures" / "posts"


def line_of(post: str, holding: str) -> str:
    return next(x for x in (POSTS / post).read_text("utf-8").splitlines() if holding in x)


def test_a_disabled_peoples_body_keeps_the_way_they_are_disabled() -> None:
    # https://owatmaid.com/… (h9-27): 'ชมรมผู้ปกครองคนพิการทางสติปัญญาฯและ…', the parents' club of people
    # with intellectual disabilities; the rules stopped at ทาง ('ชมรมผู้ปกครองคนพิการ', no body's name), which
    # the keeper trained with held-out 18 and 19 read weighs 0.554, over its 0.55
    found = find_organizations(line_of("heldout9/h9-27.txt", "ชมรมผู้ปกครองคนพิการทาง"), {})[0]
    assert "ชมรมผู้ปกครองคนพิการทางสติปัญญาฯ" in found and "ชมรมผู้ปกครองคนพิการ" not in found
    # https://th.postupnews.com/2022/09/Volunteer-Club-for-Persons-with-Disabilities-and-Underprivileged.html
    # (h7-21): the association of people with physical disabilities
    found = find_organizations(line_of("heldout7/h7-21.txt", "สมาคมคนพิการทาง"), {})[0]
    assert "สมาคมคนพิการทางการเคลื่อนไหวสากล" in found
