"""Extent rule 13 (generator/importer/known_close.py): a body's whole name the glossary knows closes a
name read on past it into its sentence (issue 27's last mile: held-out 17 reported these unseen; a
real post's own line, tests/fixtures/posts; its URL is in its set's annotations.yaml and below)."""

from __future__ import annotations

from generator.importer.name_extent import fitted_mentions
from generator.importer.organizations import rule_mentions
from tests.conftest import ROOT

POSTS = ROOT / "tests" / "fixtures" / "posts"


def test_a_known_universitys_name_ends_before_its_sentence() -> None:
    # https://old.nu.ac.th/?p=19843 (h17-08): 'Naresuan University on tour', 'Naresuan University
    # came to play a part': the university is the body; its division named in full stays whole
    line = next(x for x in (POSTS / "heldout17" / "h17-08.txt").read_text("utf-8").splitlines() if "นเรศวรสัญจร" in x)
    fitted = [m.written() for m in fitted_mentions(line, rule_mentions(line, {})[0], frozenset())]
    assert "มหาวิทยาลัยนเรศวร" in fitted
    assert not any(name.startswith("มหาวิทยาลัยนเรศวร") and name != "มหาวิทยาลัยนเรศวร" for name in fitted)
    assert "กองส่งเสริมการบริการวิชาการมหาวิทยาลัยนเรศวร" in fitted
