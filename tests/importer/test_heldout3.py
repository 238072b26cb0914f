"""What held-out set 3 showed the importer missing (issue 27, round two), one test per class of
miss, on the real posts' own text (tests/fixtures/posts/heldout3/h3-NN): a head word inside a
longer one, a body for several numbered regions, a conjunction glued to a name, abbreviations
and nicknames the glossary lacked, radio stations and royal colleges, bylines and glued menu
labels taken as titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.extract import extract
from generator.importer.organizations import find_organizations
from generator.importer.people import find_people
from generator.importer.title import find_title

HELD_OUT_3 = Path(__file__).parents[1] / "fixtures" / "posts" / "heldout3"


def organizations(sentence: str) -> list[str]:
    return find_organizations(sentence, {})[0]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("โดยมีการกำหนดจัดงานปีเว้นปีร่วมกับภาคีเครือข่ายเพื่อพัฒนานโยบายด้านผู้สูงอายุที่เกิดจากกระบวนการมีส่วนร่วม", []),  # h3-12
    ("พื้นฐานประชาธิปไตยอัตลักษณ์ไทย” และองค์กรภาคีเครือข่ายอีสาน\n", []),  # h3-23
    ("การประชุมคณะทำงานโครงการหน่วยแพทย์เฉลิมพระเกียรติฯ ราชวิทยาลัยจุฬาภรณ์ พร้อมด้วยคณะผู้บริหาร",  # h3-15
     ["ราชวิทยาลัยจุฬาภรณ์"]),
])
def test_a_head_word_inside_a_longer_one_is_the_longer_ones(sentence: str, expected: list[str]) -> None:
    found = organizations(sentence)
    assert [name for name in found if not name.startswith("คณะทำงาน")] == expected, found


def test_one_body_for_several_numbered_regions() -> None:
    sentence = ("สำนักงานคณะกรรมการสุขภาพแห่งชาติ (สช.) ร่วมกับคณะกรรมการเขตสุขภาพเพื่อประชาชน (กขป.) เขต 3, 4 และ 13 "
                "จัดประชุม “สานพลังไทย รับมือสังคมสูงวัยไปด้วยกัน”")  # h3-13
    assert organizations(sentence) == ["สำนักงานคณะกรรมการสุขภาพแห่งชาติ (สช.)",
                                       "คณะกรรมการเขตสุขภาพเพื่อประชาชน (กขป.) เขต 3, 4 และ 13"]


def test_a_conjunction_glued_to_a_name_ends_it() -> None:
    sentence = "ยา เวชภัณฑ์และเครื่องมือทางการแพทย์ ศูนย์สุขภาพชุมชนพรเจริญจึงได้จัดทำต้นตั้งรับบริจาคที่ รพ.พรเจริญ และ"  # h3-16
    assert organizations(sentence) == ["ศูนย์สุขภาพชุมชนพรเจริญ", "รพ.พรเจริญ"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("ขั้นต้นได้รับการสนับสนุนงบประมาณจาก คปสอ.พรเจริญ 30,000 บาทในการปรับปรุงพัฒนา", ["คปสอ.พรเจริญ"]),  # h3-16
    ("เริ่มแล้วสมัชชาสุขภาพภาคใต้ ตั้งวงจี้สศช.ทบทวนแผนพัฒน์\n", ["สศช."]),  # h3-22
    ("เกาะติดมติสมัชชาติสุขภาพแห่งชาติ จี้สภาพัฒน์ทบทวนแผนพัฒนาภาคใต้ น.ส.สุวณี สมาธิ", ["สภาพัฒน์"]),  # h3-22
    ("มีผู้สอบถามเรื่องการสอบบัญชีกองทุน", []),  # a dotless abbreviation that is a word still is none
])
def test_abbreviations_and_a_nickname_the_glossary_now_knows(sentence: str, expected: list[str]) -> None:
    assert [n for n in organizations(sentence) if not n.startswith("สมัชชา")] == expected


def test_a_radio_station_named_with_its_university() -> None:
    sentence = "ล่าสุด ผส.ได้ร่วมมือกับสถานีวิทยุกระจายเสียงมหาวิทยาลัยเกษตรศาสตร์ (สถานีวิทยุ ม.ก.) ทางวิชาการ"  # h3-26
    assert "สถานีวิทยุกระจายเสียงมหาวิทยาลัยเกษตรศาสตร์ (สถานีวิทยุ ม.ก.)" in organizations(sentence)


@pytest.mark.parametrize(("post", "title"), [
    ("h3-13.txt", None),  # 'ภาพ-ข่าว : จันทร์เพ็ญ พิมมะศร สระบุรี', then the body
    ("h3-21.txt", None),  # 'ข่าวกิจกรรม Facebookข่าวกิจกรรม ปี 2565', then the body
    ("h3-06.txt", "โครงการประชุมประชาคมสนับสนุนการจัดทำและทบทวน ปรับปรุงแผนชุมชนหมู่บ้าน ประจำปี พ.ศ.2561"),
])
def test_bylines_and_glued_menu_labels_are_no_titles(post: str, title: str | None) -> None:
    assert find_title((HELD_OUT_3 / post).read_text("utf-8"))[0] == title


@pytest.mark.parametrize(("sentence", "expected"), [
    ("มกิจการผู้สูงอายุ ในฐานะประธานคณะทำงาน เป็นประธานในการประชุมคณะทำงานอำนวยการจัดสมัชชาผู้สูงอายุระดับชาติ "
     "ครั้งที่ 1/2564 เพื่อหารือ", ["คณะทำงานอำนวยการจัดสมัชชาผู้สูงอายุระดับชาติ"]),  # h3-12
    ("ตลอดจนการสร้างความเข้มแข็งของชาวพังงาผ่านกระบวนการ “สมัชชาพังงาแห่งความสุข” พร้อมทั้งเยี่ยมชม",  # h3-03
     ["สมัชชาพังงาแห่งความสุข"]),
    ("เดินหน้าไปสู่สมัชชาเชียงรายล้านนาแห่งความสุข ด้วยการจัดเวทีสาธารณะ", []),  # g05: the assembly held, an event
    ("การ “ไอดิน กลิ่นหญ้า” พ.ศ.2554 ที่มหาวิทยาลัยราชภัฏสวนดุสิต ศูนย์ตรัง อำเภอเมือง จังหวัดตรัง ภายในงาน",  # h3-22
     ["มหาวิทยาลัยราชภัฏสวนดุสิต ศูนย์ตรัง"]),
])
def test_a_committee_to_organise_an_assembly_named_in_quotes_and_a_campus(sentence: str, expected: list[str]) -> None:
    assert organizations(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("โรงพยาบาลส่งเสริมสุขภาพตําบลบางหลวงและโรงเรียนวัดบางหลวง เพื่อหารือ วางแผน",  # h3-15
     ["โรงพยาบาลส่งเสริมสุขภาพตําบลบางหลวง", "โรงเรียนวัดบางหลวง"]),
    ("ก่อให้เกิดชีวิตและสังคมเป็นสุข โรงเรียนผู้สูงอายุเปิดเรียนครั้งที่ 3 รุ่นนี้เป็นรุ่นแรก", []),  # 038: a kind of school
    ("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านสวน และอาสาสมัครสาธารณสุขตำบลบ้านสวน ที่จะร่วมกันส่งเสริม",  # h3-21
     ["โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านสวน", "อาสาสมัครสาธารณสุขตำบลบ้านสวน"]),
    ("ร่วมกับอาสาสมัครสาธารณสุขประจำหมู่บ้าน และเจ้าหน้าที่", []),  # volunteers in general
    ("ด้วยความห่วงใยจากกระทรวงสาธารณสุข ขับเคลื่อน “อสม.มั่นคง สาธารณสุขเข้มแข็ง เพื่อคนไทยห่างไกล NCDs”",  # h3-08
     ["กระทรวงสาธารณสุข", "อสม."]),
    ("ขั้นต้นได้รับการสนับสนุนจาก อสม.ต.พรเจริญ และ", ["อสม.ต.พรเจริญ"]),
])
def test_schools_and_volunteers_are_one_body_when_named_by_their_place(sentence: str, expected: list[str]) -> None:
    assert organizations(sentence) == expected


def test_people_in_a_numbered_list_and_a_byline_with_its_province() -> None:
    members = (HELD_OUT_3 / "h3-04.txt").read_text("utf-8")
    found = {person.bare for person in find_people(members)}
    assert {"วินัย คงนะภา", "โกศล ลักษิตานนท์", "เรไร ชุนเกษา", "หทัยรัตน์ อุ่มเอิบ"} <= found, found
    byline = (HELD_OUT_3 / "h3-13.txt").read_text("utf-8").splitlines()[0]  # 'ภาพ-ข่าว : จันทร์เพ็ญ พิมมะศร สระบุรี'
    assert [person.bare for person in find_people(byline)] == ["จันทร์เพ็ญ พิมมะศร"]


def test_menu_labels_run_together_name_no_body() -> None:
    found = extract((HELD_OUT_3 / "h3-06.txt").read_text("utf-8"), [])  # 'featuredกิจกรรมอบต' heads the page
    assert found.organizations == ["องค์การบริหารส่วนตำบลโพธิ์เก้าต้น"]


def test_a_centre_runs_on_over_a_space_into_the_village_it_serves() -> None:
    sentence = "หัวหน้าส่วนราชการ และคณะ มาเยี่ยมศูนย์สาธารณสุขมูลฐานชุมชน บ้านโคกอุดม ตามที่ตำบลพรเจริญ มิมติ"  # h3-16
    assert organizations(sentence) == ["ศูนย์สาธารณสุขมูลฐานชุมชน บ้านโคกอุดม"]
