"""Titles (issue 27): what a site's template or platform puts around every post of any site
(generator/importer/title_chrome.py), on the real posts' own lines (tests/fixtures/posts; each
post's URL is in its set's annotations.yaml and below). The rules alone (rule_title), not the model."""

from __future__ import annotations

from pathlib import Path

from generator.importer.extract import prepared
from generator.importer.title import is_site_line, rule_title

POSTS = Path(__file__).parents[1] / "fixtures" / "posts"


def post(path: str) -> str:
    return prepared((POSTS / path).read_text("utf-8"))


def test_joomlas_buttons_glued_after_the_headline_are_cut_off() -> None:
    # http://www.cueid.org/content/view/6237/71/ (h16-01): 'ทม.จันทบุรี แจกทรายอะเบตควบคุมโรคไข้เลือดออก Print E-mail'
    assert rule_title(post("heldout16/h16-01.txt"))[0] == "ทม.จันทบุรี แจกทรายอะเบตควบคุมโรคไข้เลือดออก"


def test_a_bar_or_a_shouted_label_before_the_headline_is_cut_off() -> None:
    # https://www.nbtnorth.com/home/view/22880 (h14-05): '| โรงพยาบาลจิตเวช…', the site's name lost before its bar
    assert (rule_title(post("heldout14/h14-05.txt"))[0] or "").startswith("โรงพยาบาลจิตเวชขอนแก่นราชนครินทร์ จัดประชุม")
    # https://whitechannel.tv/ผู้นำศาสนา…/ (h16-16): 'SOUTH : ผู้นำศาสนา…', a section in capitals
    assert (rule_title(post("heldout16/h16-16.txt"))[0] or "").startswith("ผู้นำศาสนา โต๊ะอีม่านปัตตานีฉีดวัคซีน")


def test_hours_are_the_sites() -> None:
    # https://www.lopburicity.go.th/2019/09/24/… (h9-15): the site's name, office hours and phone above every post
    assert rule_title(post("heldout9/h9-15.txt"))[0] == "โครงการ “ประชารวมใจ ห่วงใยสุขภาพดวงตา” รอบที่ ๑"
    # https://ch3plus.com/news/category/267548 (h13-30): a programme's broadcast hours
    assert is_site_line("ออกอากาศ วันจันทร์-ศุกร์ : 20.05 - 20.20 น. | วันเสาร์-อาทิตย์ : 19.55 - 20.15 น.", set())


def test_a_blogs_search_box_is_the_platforms() -> None:
    # http://urai-anuntasin.blogspot.com/2011/03/blog-post_3039.html (h11-25): Blogger's 'ค้นหาบล็อกนี้'
    assert rule_title(post("heldout11/h11-25.txt"))[0] == "กทม. เชิดชูเกียรติอาสาสมัครสาธารณสุขดีเด่น"


def test_a_province_alone_is_no_headline() -> None:
    # http://chapternews.redcross.or.th/news/abet/18802 (h10-18): the chapter's province, then the body
    assert rule_title(post("heldout10/h10-18.txt")) == (None, None)
    # https://panitnadtanee.blogspot.com/2013/10 (h17-11)
    assert is_site_line("จังหวัดกระบี่", set())
    assert not is_site_line("จังหวัดกระบี่ จัดงานวันผู้สูงอายุ", set())


def test_news_and_a_bodys_name_or_a_province_is_a_section_no_headline() -> None:
    from generator.importer.title import masthead

    # https://www.localnews2010.com/archives/27578 (h6-05): 'Latest:', then the city's news section
    assert rule_title(post("heldout6/h6-05.txt"))[0] == \
        "เทศบาลนครเชียงราย มอบแว่นสายตาผู้สูงอายุ พร้อมขอพร รดน้ำดำหัว “ปี๋ใหม่เมือง”"
    # https://phuketjournal.com/chalong-49.html (h5-18)
    assert masthead("ข่าว ภูเก็ต")
    assert not masthead("ข่าวดี เทศบาลนครเชียงราย มอบแว่นสายตาผู้สูงอายุ")
