"""Extent by kind (generator/importer/name_extent_kinds.py, issue 27, 27av): a unit of a body written
before its parent, a space between, is named with its parent, as the read sets' annotators name it.
The real posts' own lines (tests/fixtures/posts; each post's URL is in its set's annotations.yaml
and below); the first two are of sites the rule was not drawn from."""

from __future__ import annotations

from generator.importer.name_extent import fitted_mentions
from generator.importer.organizations import rule_mentions
from tests.importer.real_posts import line_of


def names(text: str) -> list[str]:
    return [m.text for m in fitted_mentions(text, rule_mentions(text, {})[0], frozenset())]


def test_a_unit_is_named_with_its_parent_after_a_space() -> None:
    # https://www.newtv.co.th/news/19750 (h17-29): the Red Cross's national blood centre
    found = names(line_of("heldout17/h17-29.txt", "ศูนย์บริการโลหิตแห่งชาติ สภากาชาดไทย"))
    assert {"ศูนย์บริการโลหิตแห่งชาติ สภากาชาดไทย", "สภากาชาดไทย"} <= set(found)
    # http://najanewsupdate.com/?p=96879 (h9-24): a municipality's tourism centre (annotated, optional)
    found = names(line_of("heldout9/h9-24.txt", "ศูนย์การท่องเที่ยวและร้านค้าชุมชน เทศบาล"))
    assert {"ศูนย์การท่องเที่ยวและร้านค้าชุมชน เทศบาลตำบลบ้านกรูด", "เทศบาลตำบลบ้านกรูด"} <= set(found)
    # http://www.thaiteenpreg.com/?p=5155 (d2-39): a university's institute; https://thaitimeonline.com/
    # content0123076303/ (h17-30): a municipality's health fund
    found = names(line_of("dev2/d2-39.txt", "สถาบันวิจัยประชากรและสังคม มหาวิทยาลัยมหิดล"))
    assert {"สถาบันวิจัยประชากรและสังคม มหาวิทยาลัยมหิดล", "มหาวิทยาลัยมหิดล"} <= set(found)
    found = names(line_of("heldout17/h17-30.txt", "กองทุนหลักประกันสุขภาพ เทศบาล"))
    assert "กองทุนหลักประกันสุขภาพ เทศบาลตำบลบางเสาธง" in found and "กองทุนหลักประกันสุขภาพ" not in found


def test_a_unit_closed_by_its_own_abbreviation_takes_no_parent() -> None:
    # https://headshot.tnews.co.th/contents/469600 (h9-10): 'ศูนย์พัฒนาคุณภาพชีวิตคนพิการ (ศพพ.) อบจ.นคร…', annotated
    # as the centre alone: its bracket closes it
    found = names(line_of("heldout9/h9-10.txt", "(ศพพ.)"))
    assert "ศูนย์พัฒนาคุณภาพชีวิตคนพิการ (ศพพ.)" in found
