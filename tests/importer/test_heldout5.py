"""What held-out set 5 showed the importer missing (issue 27, round four), one test per class of
miss, on the real posts' own text (tests/fixtures/posts/heldout5/h5-NN; a guard from another set
where one shows the rule's limit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.title import find_title

POSTS = Path(__file__).parents[1] / "fixtures" / "posts"


def post(path: str) -> str:
    return (POSTS / path).read_text("utf-8")


def test_a_pictures_file_name_is_not_a_title() -> None:
    assert find_title(post("heldout5/h5-01.txt"))[0] == \
        "สมุทรสงครามดำดงฟีเวอร์ อสม.แต่งชุดดำดงลงพื้นที่รดน้ำขอพรผู้สูงอายุป่วยติดเตียง"


def test_a_headline_run_into_its_body_over_a_gap_of_spaces_ends_at_the_gap() -> None:
    assert find_title(post("heldout5/h5-02.txt"))[0] == \
        "วัน อสม.ประจำปี ตำบลพิชัย อำเภอเมืองลำปาง มีพิธีทำบุญตักบาตรข้าวสารอาหารแห้งกันอย่างคึกคัก"


def test_a_latin_label_shouted_before_the_headline_is_not_part_of_it() -> None:
    assert find_title(post("heldout5/h5-04.txt"))[0] == "เจ้าหน้าที่ รพ.ท่าตูม ร่วมงานวันผู้สูงอายุเขต อบต.ท่าตูม"


@pytest.mark.parametrize(("path", "title"), [
    ("heldout5/h5-06.txt", "วันที่ 21 มีนาคม 2564 รับทีมเยี่ยมเสริมพลังการดำเนินงานของ อสม. เคาะประตูบ้านให้ความรู้เรื่อง"
                           "การฉีดวัคซีนโควิด-19 และคนไทยทุกครอบครัวมีหมอประจำตัว 3 คน"),
    ("heldout2/g06.txt", None),  # a body opening with its date, then a paragraph on another subject
    ("heldout/h08.txt", None),
])
def test_a_line_opening_with_the_date_the_body_opens_with_again_is_the_headline(path: str, title: str | None) -> None:
    assert find_title(post(path))[0] == title


@pytest.mark.parametrize(("path", "title"), [
    ("heldout5/h5-15.txt", "ส่งเสริมสุขภาพชมรมผู้สูงอายุชมฟ้า - วรางกูล ปี 2559"),  # after a section banner
    ("heldout5/h5-22.txt", "จังหวัดอุบลราชธานี ขับเคลื่อนมติสมัชชาสุขภาพ เพื่อให้อุบลราชธานี เป็นเมืองน่าอยู่ "
                           "เพื่อสังคมสุขภาวะ แบบมีส่วนร่วมอย่างยั่งยืน"),  # after a breadcrumb, below a month-first date
])
def test_a_headline_given_twice_once_after_a_label_is_the_copy_alone(path: str, title: str) -> None:
    assert find_title(post(path))[0] == title


@pytest.mark.parametrize(("path", "title"), [
    ("heldout5/h5-16.txt", post("heldout5/h5-16.txt").splitlines()[0]),  # 330 characters, then 'เมื่อเวลา…'
    ("heldout4/h4-09.txt", None),  # 355 characters of body with nothing after them
    ("048.txt", None),
])
def test_a_long_headline_is_one_when_the_body_opens_below_it(path: str, title: str | None) -> None:
    assert find_title(post(path))[0] == title
